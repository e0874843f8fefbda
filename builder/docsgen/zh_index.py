"""The copy of a transcript page that Pagefind indexes: one word per Chinese character.

Pagefind segments Chinese at index time with jieba, whose dictionary holds Simplified words:
Traditional text is cut into single characters except where a word is written the same in both
scripts (成本, 支持, 季度), so no query cut made in the browser matches the index's cut in
general, and an exact phrase query misses (Pagefind issues #659, #987). The indexed copy has a
zero-width space between the Han characters of every Chinese element (``lang="zh-Hant"``), so
the index holds each character as a word; the search box (``docs/javascripts/search.js``)
queries a Chinese phrase as the exact sequence of its characters. The page in the site is
unchanged: a reader who copies a quote gets the text as released.
"""

from __future__ import annotations

import re

#: The text of an element in Traditional Chinese, up to the next tag (data is escaped: no ``<``).
_CHINESE_TEXT = re.compile(r'(lang="zh-Hant"[^>]*>)([^<]+)')
#: Han characters (CJK unified ideographs, extensions A to G, compatibility ideographs): the same
#: class as ``HAN`` in ``docs/javascripts/search.js``, which cuts the query the same way.
_HAN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
#: A Han character followed by another: the place for a break.
_HAN_PAIR = re.compile(f"({_HAN})(?={_HAN})")
WORD_BREAK = "\u200b"


def _break_characters(match: re.Match[str]) -> str:
    return match.group(1) + _HAN_PAIR.sub(rf"\1{WORD_BREAK}", match.group(2))


def indexed_copy(html: str) -> str:
    """``html`` with a zero-width space between adjacent Han characters of its Chinese text."""
    return _CHINESE_TEXT.sub(_break_characters, html)
