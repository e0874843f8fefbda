"""Chinese sentence segmentation: character spans of the sentences of a translation.

Ends are the full-width ``。！？`` and the ASCII ``?`` and ``!`` (which the machine translation
often writes), with any closing quotes or brackets after them. An ASCII full stop ends a
sentence after a Han character (``午安.感謝您…``) or after an ordinary Latin word followed by
Chinese, but not inside a number (``3.9``), after an abbreviation (``Inc.電話會議``) or after
initials (``K.C.在``, ``B.萊利``). A domain name (``rekor.ai``) does not end a sentence either.
"""

from __future__ import annotations

import re

from builder.align.segment_en import Span, _add
from builder.sources.script import HAN_RANGES


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a text block."""
    return frozenset(text.split())


_END = re.compile(r"(?:[。！？?!]+|\.(?![0-9A-Za-z]))[」』”’\"')）\]]*")
_HAN_BEFORE = re.compile(f"[{HAN_RANGES}」』”）)]$")
_LATIN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ABBREVIATIONS = _words(
    """
    inc corp co ltd llc plc lp mr mrs ms dr prof st sr jr no vs etc jan feb mar apr jun jul aug
    sep sept oct nov dec u.s u.k a.m p.m e.g i.e
    """
)
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")


def _full_stop_ends(text: str, start: int) -> bool:
    """Whether the ASCII full stop at ``start`` ends a sentence."""
    if start == 0:
        return False
    if _HAN_BEFORE.search(text[start - 1 : start]):
        return True
    latin = _LATIN_BEFORE.search(text[max(0, start - 24) : start])
    if latin is None:
        return False
    word = latin.group(1).lower()
    if word in _ABBREVIATIONS or _INITIALS.match(word):
        return False
    rest = text[start + 1 : start + 3].lstrip()
    return not rest or not rest[0].isascii()


def split_zh(text: str) -> list[Span]:
    """Spans of the sentences of a Chinese paragraph, stripped of surrounding whitespace."""
    spans: list[Span] = []
    begin = 0
    for match in _END.finditer(text):
        if text[match.start()] == "." and not _full_stop_ends(text, match.start()):
            continue
        _add(text, begin, match.end(), spans)
        begin = match.end()
    _add(text, begin, len(text), spans)
    return spans
