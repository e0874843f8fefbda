"""Turns whose speaker may be wrong, flagged ``doubtful_speaker`` on each of their segments.

A header read from a damaged source can hand the paragraphs after it to the wrong speaker
without any pair looking wrong. Three shapes are doubtful, each with the line as evidence:

- a header written in one slot only in a call whose other headers are written in both (a
  stray ``Operator`` line reads as a header written once);
- a header whose Chinese copy is a translation (not the English again) right after a paragraph
  left without translation (that paragraph's short translation read as the header's copy);
- a paragraph shaped like a header and paired with a translation (a header whose copy was
  lost or translated beyond recognition): the segments after it in the turn.
"""

from __future__ import annotations

from builder.records import Header, Segment, Turn
from builder.structure.speakers import looks_like_header, normalize

CODE = "doubtful_speaker"


def _clip(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _written_once(header: Header) -> bool:
    return header.line_en is None or header.line_zh is None


def _header_doubt(turn: Turn, previous: Turn | None, both_slots: bool) -> str | None:
    """Why the turn's header may not start a new speaker, or None."""
    header = turn.header
    if header is None:
        return None
    text = header.text_en or header.text_zh or ""
    line = header.line_en or header.line_zh
    if both_slots and _written_once(header):
        return (
            f"the header `{_clip(text)}` on line {line} is written in one slot only, while the "
            "call's other headers are written in both (a stray line?)"
        )
    last = previous.segments[-1] if previous is not None and previous.segments else None
    copy = header.text_zh
    if (
        last is not None
        and last.zh is None
        and copy is not None
        and header.text_en is not None
        and normalize(copy) != normalize(header.text_en)
    ):
        return (
            f"the header `{_clip(text)}` on line {line} has the translated copy `{_clip(copy)}` right "
            f"after line {last.line_en}, a paragraph left without translation (its translation?)"
        )
    return None


def _paragraph_doubt(segment: Segment) -> str | None:
    """Why the segments after this one in its turn may have another speaker, or None."""
    if segment.zh is None or not looks_like_header(segment.en.strip()):
        return None
    return (
        f"line {segment.line_en}, `{_clip(segment.en)}`, has the shape of a speaker header but was "
        "read as a paragraph with a translation: the speaker may change there"
    )


def _flag(segment: Segment, evidence: str) -> None:
    if CODE not in segment.flags:
        segment.flags.append(CODE)
        segment.evidence[CODE] = evidence


def flag_doubtful_speakers(turns: list[Turn]) -> None:
    """Flag ``doubtful_speaker`` (with evidence) on every segment whose speaker may be wrong."""
    both_slots = any(t.header is not None and not _written_once(t.header) for t in turns)
    previous: Turn | None = None
    for turn in turns:
        doubt = _header_doubt(turn, previous, both_slots)
        for segment in turn.segments:
            if doubt is not None:
                _flag(segment, doubt)
            doubt = doubt or _paragraph_doubt(segment)
        previous = turn
