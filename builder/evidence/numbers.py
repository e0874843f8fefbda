"""Finance-aware numbers on both sides of a pair, for anchors and the ``number_mismatch`` flag.

Each number found becomes a ``Number``: the text it came from, whether it is *strong* (written in
digits, so a translation must carry it) or *weak* (a word such as ``three``, a month name, or a
Chinese numeral such as ``三``: it can vouch for a strong number on the other side but is never
reported itself) and the values it may stand for. ``$3.9 million`` is 3,900,000 and
``390 萬美元`` is 3,900,000 too; a bare number in a range takes the scale of the other end
(``125 to 175 million``); ``千``/``百`` after a number may be a multiplier or part of a unit
(``1.8 千兆瓦時`` is 1.8 GWh), so both readings are kept. Percentages compare by their number.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Number(NamedTuple):
    """A number as written, whether a translation must carry it, and the values it may mean
    (rounded to 9 significant digits, so that equal amounts compare equal as floats)."""

    text: str
    start: int
    strong: bool
    values: frozenset[float]


def _number(text: str, start: int, strong: bool, values: tuple[float, ...]) -> Number:
    return Number(text, start, strong, frozenset(float(f"{v:.9g}") for v in values))


_EN_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "b": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_EN_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.])(?<![0-9],)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:\s?(thousand|millions?|billions?|trillion)\b|(k|K|M|MM|mm|mn|B|bn)\b)?"
)
_EN_RANGE_TAIL = re.compile(
    r"\s*(?:%|percent)?\s*(?:to|-|–|and|or|through)\s+\$?(\d[\d,]*(?:\.\d+)?)"
    r"\s?(thousand|millions?|billions?|trillion)\b"
)
_UNITS = """
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty
"""
_EN_WORDS = {w: float(i) for i, w in enumerate(_UNITS.split())}
_EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80})
_EN_WORDS.update({"ninety": 90, "hundred": 100, "dozen": 12, "first": 1, "second": 2, "third": 3})
_EN_WORDS.update({"fourth": 4, "fifth": 5, "half": 0.5, "quarter": 0.25, "double": 2, "twice": 2})
_MONTHS = "january february march april may june july august september october november december"
_EN_WORDS.update({m: float(i) for i, m in enumerate(_MONTHS.split(), start=1)})
_EN_WORD = re.compile(r"[A-Za-z]+")
_EN_QUARTER = re.compile(r"\b(?:Q([1-4])|([1-4])Q)(?:\s?'?(\d{2}))?\b")
_EN_FISCAL_YEAR = re.compile(r"\b(?:FY|fiscal\s?'?|')(\d{2})\b")

_ZH_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.])(?<![0-9],)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(萬億|千萬|百萬|十萬|萬|億|兆(?!瓦)|千|百)?"
)
_ZH_MULTIPLIERS = {"萬億": 1e12, "千萬": 1e7, "百萬": 1e6, "十萬": 1e5, "萬": 1e4, "億": 1e8, "兆": 1e12}
_ZH_LOOSE = {"千": 1e3, "百": 1e2}
_ZH_RANGE_TAIL = re.compile(r"\s*%?\s*(?:至|到|-|–|~|～|或)\s*(\d[\d,]*(?:\.\d+)?)\s?(萬億|千萬|百萬|萬|億)")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS.update({"八": 8, "九": 9})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"萬": 1e4, "億": 1e8}
_ZH_ORDINALS = {"首先": 1.0, "其次": 2.0, "首": 1.0, "半": 0.5, "雙": 2.0, "倍": 2.0}
_ZH_ORDINAL = re.compile("首先|其次|首|半|雙|倍")
_CN_NUMERAL = re.compile("[零〇一二兩三四五六七八九十百千萬億]+")


def _value(integer: str, fraction: str | None) -> float:
    return float(integer.replace(",", "") + (fraction or ""))


_DIGIT = re.compile(r"[0-9]")


def en_strong(text: str) -> list[Number]:
    """Numbers written in digits in an English text, with their scale (``$3.9 million``)."""
    found: list[Number] = []
    if _DIGIT.search(text) is None:
        return found
    for match in _EN_NUMBER.finditer(text):
        value = _value(match.group(1), match.group(2))
        word = (match.group(3) or match.group(4) or "").lower()
        if word:
            values: tuple[float, ...] = (value * _EN_SCALES[word],)
        else:
            tail = _EN_RANGE_TAIL.match(text, match.end())
            scaled = (value * _EN_SCALES[tail.group(2).lower()],) if tail else ()
            values = (value, *scaled)
        found.append(_number(match.group(0), match.start(), True, values))
    return found


def en_weak(text: str) -> list[Number]:
    """Numbers an English text gives in other ways: quarters, fiscal years, words, months."""
    found: list[Number] = []
    for match in _EN_QUARTER.finditer(text):
        quarter = float(match.group(1) or match.group(2))
        found.append(_number(match.group(0), match.start(), False, (quarter,)))
        if match.group(3):
            found.append(_number(match.group(3), match.start(3), False, (2000.0 + int(match.group(3)),)))
    for match in _EN_FISCAL_YEAR.finditer(text):
        year = int(match.group(1))
        found.append(_number(match.group(0), match.start(), False, (float(year), 2000.0 + year)))
    for match in _EN_WORD.finditer(text):
        value = _EN_WORDS.get(match.group(0).lower())
        if value is not None:
            found.append(_number(match.group(0), match.start(), False, (value,)))
    return found


def _cn_numeral(text: str) -> float | None:
    """The value of a Chinese numeral such as ``三百二十五`` or ``十五``; None if malformed."""
    if len(text) > 1 and all(char in _CN_DIGITS for char in text):  # 二〇二一: digit by digit
        return float("".join(str(_CN_DIGITS[char]) for char in text))
    total, section, digit = 0.0, 0.0, None
    for char in text:
        if char in _CN_DIGITS:
            digit = float(_CN_DIGITS[char])
        elif char in _CN_UNITS:
            section += (1.0 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        elif char in _CN_BIG:
            total = (total + section + (digit or 0.0)) * _CN_BIG[char]
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0.0)


def zh_strong(text: str) -> list[Number]:
    """Numbers written in digits in a Chinese text, with their multiplier (``390 萬``)."""
    found: list[Number] = []
    if _DIGIT.search(text) is None:
        return found
    for match in _ZH_NUMBER.finditer(text):
        value = _value(match.group(1), match.group(2))
        unit = match.group(3)
        if unit in _ZH_MULTIPLIERS:
            values: tuple[float, ...] = (value * _ZH_MULTIPLIERS[unit],)
        elif unit in _ZH_LOOSE:
            values = (value, value * _ZH_LOOSE[unit])
        else:
            tail = _ZH_RANGE_TAIL.match(text, match.end())
            values = (value, value * _ZH_MULTIPLIERS[tail.group(2)]) if tail else (value,)
        found.append(_number(match.group(0).rstrip(), match.start(), True, values))
    return found


def zh_weak(text: str) -> list[Number]:
    """Chinese numerals (``三``, ``二十五``, ``兩``) of a Chinese text."""
    found: list[Number] = []
    for match in _CN_NUMERAL.finditer(text):
        value = _cn_numeral(match.group(0))
        if value is not None:  # 一兩個 is one or two: each digit may stand for a number too
            digits = tuple(float(_CN_DIGITS[c]) for c in match.group(0) if c in _CN_DIGITS)
            found.append(_number(match.group(0), match.start(), False, (value, *digits)))
    for match in _ZH_ORDINAL.finditer(text):
        found.append(_number(match.group(0), match.start(), False, (_ZH_ORDINALS[match.group(0)],)))
    return found


def values_of(numbers: list[Number]) -> frozenset[float]:
    """Every value the numbers may stand for."""
    if len(numbers) == 1:
        return numbers[0].values
    return frozenset().union(*(n.values for n in numbers))


def matches(number: Number, others: list[Number]) -> bool:
    """Whether any value of ``number`` equals a value of one of ``others``."""
    return not number.values.isdisjoint(values_of(others))


def unmatched(en_text: str, zh_text: str) -> tuple[list[Number], list[Number]]:
    """Strong numbers of each side that no number on the other side stands for."""
    en, zh = en_strong(en_text), zh_strong(zh_text)
    return unmatched_numbers(en_text, zh_text, en, zh)


def unmatched_numbers(
    en_text: str, zh_text: str, en: list[Number], zh: list[Number]
) -> tuple[list[Number], list[Number]]:
    """Like ``unmatched`` with the strong numbers already found; weak ones are looked up only
    when a strong number has no strong counterpart."""
    en_values, zh_values = values_of(en), values_of(zh)
    missing_en = [n for n in en if n.values.isdisjoint(zh_values)]
    missing_zh = [n for n in zh if n.values.isdisjoint(en_values)]
    if missing_en:
        weak = values_of(zh_weak(zh_text))
        missing_en = [n for n in missing_en if n.values.isdisjoint(weak)]
    if missing_zh:
        weak = values_of(en_weak(en_text))
        missing_zh = [n for n in missing_zh if n.values.isdisjoint(weak)]
    return missing_en, missing_zh
