"""Which script a line is written in: enough to tell an English paragraph from its translation."""

from __future__ import annotations

import re

# Han ideographs (BMP, extension A, compatibility, supplementary planes), CJK punctuation,
# and the full-width forms Chinese text uses for punctuation.
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3000-\u303f\uff00-\uffef]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def has_cjk(text: str) -> bool:
    """True when the text holds a Han character or CJK punctuation."""
    return not text.isascii() and _CJK.search(text) is not None


def count_han(text: str) -> int:
    """Number of Han characters (ideographs only, no punctuation, digits or Latin letters)."""
    return 0 if text.isascii() else sum(map(len, _HAN_RUN.findall(text)))


def has_han(text: str) -> bool:
    """True when the text holds at least one Han character."""
    return not text.isascii() and _HAN.search(text) is not None
