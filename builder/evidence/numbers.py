"""Finance-aware numbers on both sides of a pair, for anchors and the ``number_mismatch`` flag.

Each number found becomes a ``Number``: the text it came from, whether it is *strong* (written in
digits, so a translation must carry it) or *weak* (a word such as ``three``, a month name, or a
Chinese numeral such as ``三``: it can vouch for a strong number on the other side but is never
reported itself) and the values it may stand for. ``$3.9 million`` is 3,900,000 and
``390 萬美元`` is 3,900,000 too; a bare number in a range takes the scale of the other end
(``125 to 175 million``); ``千``/``百`` after a number may be a multiplier or part of a unit
(``1.8 千兆瓦時`` is 1.8 GWh), so both readings are kept. Percentages compare by their number.

The rules live in the compiled core (``rust/src/numbers.rs``); this module is their Python API.
"""

from __future__ import annotations

from typing import NamedTuple

from builder import _core


class Number(NamedTuple):
    """A number as written, whether a translation must carry it, and the values it may mean
    (rounded to 9 significant digits, so that equal amounts compare equal as floats)."""

    text: str
    start: int
    strong: bool
    values: frozenset[float]


def numbers_of(found: list[_core.Number]) -> list[Number]:
    """The core's numbers as ``Number`` values."""
    return [Number(n.text, n.start, n.strong, frozenset(n.values)) for n in found]


def en_strong(text: str) -> list[Number]:
    """Numbers written in digits in an English text, with their scale (``$3.9 million``)."""
    return numbers_of(_core.en_strong(text))


def en_weak(text: str) -> list[Number]:
    """Numbers an English text gives in other ways: quarters, fiscal years, words, months."""
    return numbers_of(_core.en_weak(text))


def zh_strong(text: str) -> list[Number]:
    """Numbers written in digits in a Chinese text, with their multiplier (``390 萬``)."""
    return numbers_of(_core.zh_strong(text))


def zh_weak(text: str) -> list[Number]:
    """Chinese numerals (``三``, ``二十五``, ``兩``) of a Chinese text."""
    return numbers_of(_core.zh_weak(text))


def values_of(numbers: list[Number]) -> frozenset[float]:
    """Every value the numbers may stand for."""
    if len(numbers) == 1:
        return numbers[0].values
    return frozenset().union(*(n.values for n in numbers))


def unmatched(en_text: str, zh_text: str) -> tuple[list[Number], list[Number]]:
    """Strong numbers of each side that no number on the other side stands for."""
    missing_en, missing_zh = _core.unmatched(en_text, zh_text)
    return numbers_of(missing_en), numbers_of(missing_zh)
