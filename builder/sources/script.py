"""Which script a line is written in: enough to tell an English paragraph from its translation."""

from __future__ import annotations

import re
from typing import Literal

from builder import _core

#: Han ideographs, as a character-class body: the core's one list of ranges
#: (``rust/src/script.rs``).
HAN_RANGES = "".join(f"{low}-{high}" for low, high in _core.HAN_RANGES)
#: Han plus CJK punctuation and the full-width forms Chinese text uses for punctuation.
CJK_RANGES = HAN_RANGES + "\u3000-\u303f\uff00-\uffef"
#: Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, BOM.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

_CJK = re.compile(f"[{CJK_RANGES}]")
_CJK_RUN = re.compile(f"[{CJK_RANGES}]+")
_HAN = re.compile(f"[{HAN_RANGES}]")
_HAN_RUN = re.compile(f"[{HAN_RANGES}]+")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_LATIN_START = re.compile(r"\s*[A-Za-z]")


def has_cjk(text: str) -> bool:
    """True when the text holds a Han character or CJK punctuation."""
    return not text.isascii() and _CJK.search(text) is not None


def count_han(text: str) -> int:
    """Number of Han characters (ideographs only, no punctuation, digits or Latin letters)."""
    return 0 if text.isascii() else sum(map(len, _HAN_RUN.findall(text)))


def has_han(text: str) -> bool:
    """True when the text holds at least one Han character."""
    return not text.isascii() and _HAN.search(text) is not None


def is_blank(text: str) -> bool:
    """True for a line of nothing but whitespace and invisible characters (zero-width, BOM)."""
    visible = text.strip()
    return not visible or (visible[0] in INVISIBLE and not visible.strip(INVISIBLE).strip())


def script_slot(text: str) -> Literal["en", "zh"] | None:
    """Which slot a line's script points to: ``en`` without any CJK character, ``zh`` when its
    CJK characters outnumber twice its Latin words (and it does not start with a Latin letter),
    and None in between (an English paragraph quoting a Chinese name, a translation that is
    mostly Latin names or starts with one), where the line's position decides."""
    if text.isascii() or _CJK.search(text) is None:
        return "en"
    cjk = sum(map(len, _CJK_RUN.findall(text)))
    if 2 * cjk >= len(text):  # the other characters cannot hold half as many words: no counting
        return "zh"
    if _LATIN_START.match(text):  # "Thanks, 陳先生.": English that quotes a Chinese name, or a
        return None  # translation that starts with one ("Stem Inc. 2024 年…"): position decides
    return "zh" if cjk > 2 * len(_LATIN_WORD.findall(text)) else None
