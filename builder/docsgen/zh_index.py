"""The copy of a page that Pagefind indexes: its number for the phrase index, one word per Chinese
character.

Chinese is searched through the phrase index (``phrase_index``), never through Pagefind's word
index; Pagefind still holds every page's text (its fragment), which the search box reads to
confirm a phrase and to cut its excerpt. The copy carries the page's number in the phrase index
as the Pagefind metadata ``page`` (``page_mark``), by which the phrase index finds each page's
fragment once Pagefind has written it. Its Chinese has a zero-width space between the Han
characters of every Chinese element (``lang="zh-Hant"``), so that Pagefind keeps each character
as a word rather than segmenting the text with jieba, whose dictionary holds Simplified words.
The page in the site is unchanged: a reader who copies a quote gets the text as released.
"""

from __future__ import annotations

import re

#: Han characters (CJK unified ideographs, extensions A to G, compatibility ideographs), as
#: ranges of code points: the class of ``HAN`` in ``docs/javascripts/search.js``, which cuts the
#: query the same way, and of the characters the phrase index keeps.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
HAN = "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in HAN_RANGES) + "]"
#: The text of an element in Traditional Chinese, up to the next tag (data is escaped: no ``<``).
_CHINESE_TEXT = re.compile(r'(lang="zh-Hant"[^>]*>)([^<]+)')
#: A Han character followed by another: the place for a break.
_HAN_PAIR = re.compile(f"({HAN})(?={HAN})")
WORD_BREAK = "\u200b"
#: The start tag of the element Pagefind indexes (the rest of a page is not searched): a tag,
#: never text (data is escaped, so text holds no ``<``, even where it reads data-pagefind-body).
_BODY_TAG = re.compile(r"<\w+[^<>]*\sdata-pagefind-body\b[^<>]*>")
#: The Pagefind metadata that holds a page's number in the phrase index.
PAGE_META = "page"


def _break_characters(match: re.Match[str]) -> str:
    return match.group(1) + _HAN_PAIR.sub(rf"\1{WORD_BREAK}", match.group(2))


def body_start(html: str) -> int | None:
    """Where the element Pagefind indexes starts in ``html`` (None: the page has none)."""
    tag = _BODY_TAG.search(html)
    return tag.start() if tag else None


def page_mark(number: int) -> str:
    """The element that gives a page its number in the phrase index, as Pagefind metadata."""
    return f'<meta data-pagefind-meta="{PAGE_META}[content]" content="{number}">'


def indexed_copy(html: str, number: int | None = None) -> str:
    """``html`` with a zero-width space between adjacent Han characters of its Chinese text and,
    given its ``number`` in the phrase index, that number as the first element of its body."""
    copy = _CHINESE_TEXT.sub(_break_characters, html)
    if number is None:
        return copy
    return _BODY_TAG.sub(lambda tag: tag.group(0) + page_mark(number), copy, count=1)
