"""Pair English paragraphs with their translations and split the call into speaker turns.

Pairing never relies on blind alternation: each line's slot comes from the layout's markup or,
where there is none, from its script. A paragraph whose translation is missing is flagged and
the next line starts afresh; a translation with no paragraph before it rejects the file with
its line number. Either way nothing after the fault shifts into a wrong pair.
"""

from __future__ import annotations

from itertools import pairwise

from builder.errors import SourceError
from builder.records import BodyLine, Header, Segment, Slot, Turn
from builder.sources.script import has_cjk, has_han
from builder.structure.speakers import looks_like_header, split_header


def _slots(body: tuple[BodyLine, ...]) -> list[Slot]:
    """Each line's slot: from markup when the layout gives one, else from its script."""
    return [line.slot if line.slot is not None else ("zh" if has_cjk(line.text) else "en") for line in body]


def _header_starts(body: tuple[BodyLine, ...], stripped: list[str]) -> set[int]:
    """Indices where a header pair starts: the same header-shaped text in the English slot and
    right after it in the Chinese slot."""
    candidates = [i for i, (a, b) in enumerate(pairwise(stripped)) if a == b]
    return {
        i
        for i in candidates
        if body[i].slot != "zh" and body[i + 1].slot != "en" and looks_like_header(stripped[i])
    }


def pair_lines(name: str, body: tuple[BodyLine, ...]) -> list[Turn]:
    """Turn body lines into speaker turns holding their segments, flagging doubtful pairs.

    A line in the Chinese slot pairs with the English line before it when it is marked as the
    translation or written in Chinese; an unmarked line without Chinese pairs only when it is
    an exact copy (flagged ``untranslated``) and no Chinese line follows that it would leave
    without its paragraph. Otherwise the English line is flagged ``missing_translation`` and
    the next line is read afresh. Two identical unmarked English lines both lacking their
    translation cannot be told from one untranslated pair; they are read as the latter.
    """
    stripped = [line.text.strip() for line in body]
    slots = _slots(body)
    headers = _header_starts(body, stripped)
    turns: list[Turn] = []
    current: Turn | None = None
    segments = 0
    i, n = 0, len(body)

    def _untranslated_copy(i: int, j: int) -> bool:
        if body[j].slot is not None or stripped[j] != stripped[i]:
            return False
        after = j + 1
        return not (after < n and after not in headers and slots[after] == "zh")

    while i < n:
        line = body[i]
        if i in headers:
            speaker, title = split_header(stripped[i])
            header = Header(stripped[i], speaker, title, line.number, body[i + 1].number)
            current = Turn(index=len(turns), header=header)
            turns.append(current)
            i += 2
            continue
        if slots[i] == "zh":
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
        j = i + 1
        # The next line is the translation if it is in the Chinese slot, or an unmarked exact copy
        # (untranslated) that is not itself followed by a Chinese line it would orphan.
        paired = j < n and j not in headers and (slots[j] == "zh" or _untranslated_copy(i, j))
        if paired:
            translation = body[j]
            if stripped[j] == stripped[i] or not has_han(translation.text):
                flags.append("untranslated")
            segment = Segment(
                segments, current.index, line.text, translation.text, line.number, translation.number, flags
            )
            i += 2
        else:
            flags.append("missing_translation")
            segment = Segment(segments, current.index, line.text, None, line.number, None, flags)
            i += 1
        current.segments.append(segment)
        segments += 1
    return turns
