"""Pair English paragraphs with their translations and split the call into speaker turns.

Pairing never relies on blind alternation: each line's slot comes from the layout's markup or,
where there is none, from its script. A paragraph whose translation is missing is flagged and
the next line starts afresh; a translation with no paragraph before it rejects the file with
its line number. Either way nothing after the fault shifts into a wrong pair.
"""

from __future__ import annotations

from builder.errors import SourceError
from builder.records import BodyLine, Header, Segment, Slot, Turn
from builder.sources.script import has_cjk, has_han
from builder.structure.speakers import looks_like_header, split_header


def _slot(line: BodyLine) -> Slot:
    """The line's slot: from markup when the layout gives one, else from its script."""
    if line.slot is not None:
        return line.slot
    return "zh" if has_cjk(line.text) else "en"


def _is_header_pair(first: BodyLine, second: BodyLine | None) -> bool:
    """A header is the same header-shaped text written in the English and the Chinese slot."""
    return (
        second is not None
        and first.slot != "zh"
        and second.slot != "en"
        and first.text.strip() == second.text.strip()
        and looks_like_header(first.text)
    )


def _translation_of(english: BodyLine, candidate: BodyLine | None) -> bool:
    """True when ``candidate`` is the translation slot that belongs to ``english``."""
    if candidate is None:
        return False
    if candidate.slot == "zh":
        return True
    if candidate.slot == "en":
        return False
    # Unmarked line without Chinese: only an exact copy counts as the (untranslated) translation.
    return has_cjk(candidate.text) or candidate.text.strip() == english.text.strip()


def pair_lines(name: str, body: tuple[BodyLine, ...]) -> list[Turn]:
    """Turn body lines into speaker turns holding their segments, flagging doubtful pairs."""
    turns: list[Turn] = []
    current: Turn | None = None
    segment_index = 0
    i = 0
    while i < len(body):
        line = body[i]
        following = body[i + 1] if i + 1 < len(body) else None
        if _is_header_pair(line, following):
            assert following is not None
            speaker, title = split_header(line.text)
            header = Header(line.text.strip(), speaker, title, line.number, following.number)
            current = Turn(index=len(turns), header=header)
            turns.append(current)
            i += 2
            continue
        if _slot(line) == "zh":
            raise SourceError(
                name,
                "translation line with no English paragraph before it "
                "(a doubled or misplaced translation line)",
                line.number,
            )
        if current is None:
            current = Turn(index=len(turns), header=None)
            turns.append(current)
        flags: list[str] = [] if current.header is not None else ["no_speaker"]
        if _translation_of(line, following) and not _is_header_pair(following, _peek(body, i + 2)):
            assert following is not None
            zh: str | None = following.text
            line_zh: int | None = following.number
            if following.text.strip() == line.text.strip() or not has_han(following.text):
                flags.append("untranslated")
            i += 2
        else:
            zh, line_zh = None, None
            flags.append("missing_translation")
            i += 1
        current.segments.append(
            Segment(segment_index, current.index, line.text, zh, line.number, line_zh, flags)
        )
        segment_index += 1
    return turns


def _peek(body: tuple[BodyLine, ...], index: int) -> BodyLine | None:
    return body[index] if index < len(body) else None
