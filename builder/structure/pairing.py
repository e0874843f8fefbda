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
from builder.sources.script import has_han, script_slot
from builder.structure.speakers import looks_like_header, normalize, split_header


def _slots(body: tuple[BodyLine, ...]) -> list[Slot | None]:
    """Each line's slot from markup or, for unmarked lines, from its script (None: undecided)."""
    return [line.slot if line.slot is not None else script_slot(line.text) for line in body]


def _same_header_text(a: str, b: str) -> bool:
    """Equal once whitespace is normalized; cheap checks first, as almost no neighbours are."""
    if a == b:
        return True
    return a[:1] == b[:1] and a[-1:] == b[-1:] and len(a) <= 200 and normalize(a) == normalize(b)


def _header_pairs(body: tuple[BodyLine, ...], stripped: list[str]) -> set[int]:
    """Indices where a header pair starts: the same header-shaped text (whitespace aside) in the
    English slot and right after it in the Chinese slot."""
    candidates = [i for i, (a, b) in enumerate(pairwise(stripped)) if _same_header_text(a, b)]
    return {
        i
        for i in candidates
        if body[i].slot != "zh" and body[i + 1].slot != "en" and looks_like_header(stripped[i])
    }


def pair_lines(name: str, body: tuple[BodyLine, ...]) -> list[Turn]:
    """Turn body lines into speaker turns holding their segments, flagging doubtful pairs.

    A speaker header is a header-shaped line written twice (English and Chinese slot); one
    written once is taken as a header when an English paragraph follows it. A line in the
    Chinese slot pairs with the English line before it when it is marked as the translation or
    written in Chinese; a line whose script is undecided pairs when it stands in the
    translation slot; an unmarked line without Chinese pairs only when it is an exact copy
    (flagged ``untranslated``) and no Chinese line follows that it would orphan. Otherwise the
    English line is flagged ``missing_translation`` and the next line is read afresh. Two
    identical unmarked English lines both lacking their translation cannot be told from one
    untranslated pair; they are read as the latter.
    """
    stripped = [line.text.strip() for line in body]
    slots = _slots(body)
    pairs = _header_pairs(body, stripped)
    turns: list[Turn] = []
    current: Turn | None = None
    segments = 0
    i, n = 0, len(body)

    def english_at(k: int) -> bool:
        """A paragraph that stands on its own at ``k`` (not a header, not a translation)."""
        return k < n and k not in pairs and slots[k] != "zh"

    def untranslated_copy(i: int, j: int) -> bool:
        if body[j].slot is not None or stripped[j] != stripped[i]:
            return False
        return not (j + 1 < n and j + 1 not in pairs and slots[j + 1] == "zh")

    while i < n:
        line = body[i]
        single = (
            i not in pairs
            and body[i].slot != "zh"
            and len(stripped[i]) <= 160
            and looks_like_header(stripped[i])
            and (english_at(i + 1) or i + 1 in pairs)
            and not untranslated_copy(i, i + 1)
        )
        if i in pairs or single:
            speaker, title = split_header(stripped[i])
            zh_line = None if single else body[i + 1]
            header = Header(
                line.text,
                zh_line.text if zh_line else None,
                speaker,
                title,
                line.number,
                zh_line.number if zh_line else None,
            )
            current = Turn(index=len(turns), header=header)
            turns.append(current)
            i += 1 if single else 2
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
        # The next line is the translation if it stands in the Chinese slot (marked, written in
        # Chinese, or undecided), or an unmarked exact copy that orphans no Chinese line after it.
        paired = j < n and j not in pairs and (slots[j] != "en" or untranslated_copy(i, j))
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
