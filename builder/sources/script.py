"""Which script a line is written in: enough to tell an English paragraph from its translation.

The rules live in the compiled core (``rust/src/lines.rs``, over the Han ranges of
``rust/src/script.rs``); this module is their Python API.
"""

from __future__ import annotations

from typing import Literal, cast

from builder import _core


def has_cjk(text: str) -> bool:
    """True when the text holds a Han character or CJK punctuation."""
    return _core.has_cjk(text)


def count_han(text: str) -> int:
    """Number of Han characters (ideographs only, no punctuation, digits or Latin letters)."""
    return _core.count_han(text)


def count_words(text: str) -> int:
    """Number of English words, as ``len(text.split())`` counts them, without the list."""
    return _core.count_words(text)


def has_han(text: str) -> bool:
    """True when the text holds at least one Han character."""
    return _core.has_han(text)


def is_blank(text: str) -> bool:
    """True for a line of nothing but whitespace and invisible characters (zero-width, BOM)."""
    return _core.is_blank(text)


def script_slot(text: str) -> Literal["en", "zh"] | None:
    """Which slot a line's script points to: ``en`` without any CJK character, ``zh`` when its
    CJK characters outnumber twice its Latin words (and it does not start with a Latin letter),
    and None in between (an English paragraph quoting a Chinese name, a translation that is
    mostly Latin names or starts with one), where the line's position decides."""
    return cast("Literal['en', 'zh'] | None", _core.script_slot(text))
