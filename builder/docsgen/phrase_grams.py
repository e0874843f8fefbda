"""What the phrase index keeps of a page: its Han characters and pairs of adjacent characters, as
keys, each pair with the positions (modulo ``WINDOW``) it occurs at; and the shard of a key.

A key is a number: a character's code point, or for a pair ``first << 21 | second`` (so every
pair's key is above every character's). ``docs/javascripts/phrases.js`` computes the same shard
of a key (``shard_of``, FNV-1a over its code points) and reads the position bits the same way.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

from builder.docsgen.zh_index import HAN_RANGES, body_start

#: Positions of a pair are kept modulo this many bits (one byte per page and pair).
WINDOW = 8
#: A pair's key: its first character's code point shifted by this many bits, or'ed with the second's.
PAIR_SHIFT = 21
_FNV_OFFSET, _FNV_PRIME, _U32 = 0x811C9DC5, 0x01000193, 0xFFFFFFFF
#: Elements Pagefind leaves out (``data-pagefind-ignore``); the pages hold none inside another
#: element of the same kind.
_IGNORED = re.compile(r"<(\w+)\b[^>]*\sdata-pagefind-ignore\b[^>]*>.*?</\1>", re.S)
_TEXT = re.compile(r">([^<]+)<")
#: Between two pieces of text (elements): no pair spans it.
_SEPARATOR = "\x00"

Keys = NDArray[np.uint64]


def searchable_text(html: str) -> str:
    """The text Pagefind indexes of a page: its body's text nodes (ignored elements left out),
    joined by a separator that is not Han; empty when the page has no body."""
    start = body_start(html)
    if start is None:
        return ""
    return _SEPARATOR.join(_TEXT.findall(_IGNORED.sub(" ", html[start:])))


def _is_han(points: NDArray[np.uint32]) -> NDArray[np.bool_]:
    han = np.zeros(points.shape, dtype=bool)
    for low, high in HAN_RANGES:
        han |= (points >= low) & (points <= high)
    return han


def grams(text: str) -> tuple[Keys, NDArray[np.uint8]]:
    """The keys of ``text`` (each once: its characters sorted, then its pairs sorted) and their
    position bits: for a pair, bit ``p % WINDOW`` for each position ``p`` it starts at; for a
    character, none."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    han = _is_han(points)
    keys = np.unique(points[han]).astype(np.uint64)
    masks = np.zeros(len(keys), dtype=np.uint8)
    starts = np.flatnonzero(han[:-1] & han[1:])
    if len(starts):
        pairs = (points[starts].astype(np.uint64) << np.uint64(PAIR_SHIFT)) | points[starts + 1]
        order = np.argsort(pairs)
        pairs = pairs[order]
        bits = np.left_shift(np.uint8(1), (starts[order] % WINDOW).astype(np.uint8))
        first = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
        keys = np.concatenate([keys, pairs[first]])
        masks = np.concatenate([masks, np.bitwise_or.reduceat(bits, first)])
    return keys, masks


def key_hash(keys: Keys) -> NDArray[np.uint64]:
    """FNV-1a (32 bits) over each key's code points: one for a character, two for a pair."""
    is_pair = keys >= np.uint64(1 << PAIR_SHIFT)
    first = np.where(is_pair, keys >> np.uint64(PAIR_SHIFT), keys)
    second = keys & np.uint64((1 << PAIR_SHIFT) - 1)
    h = ((np.uint64(_FNV_OFFSET) ^ first) * np.uint64(_FNV_PRIME)) & np.uint64(_U32)
    paired = ((h ^ second) * np.uint64(_FNV_PRIME)) & np.uint64(_U32)
    return np.where(is_pair, paired, h)


def shard_of(keys: Keys, shards: int) -> NDArray[np.uint64]:
    """The shard of each key among ``shards``."""
    return key_hash(keys) % np.uint64(shards)


def gaps(pages: NDArray[np.integer], firsts: NDArray[np.intp]) -> list[int]:
    """Page numbers written as gaps: each run of sorted numbers (a key's, starting at each of
    ``firsts``) as its first number and the gaps between the next ones."""
    written = np.diff(pages.astype(np.int64), prepend=0)
    written[firsts] = pages[firsts]
    return list(written.tolist())


def key_text(key: int) -> str:
    """A key as the character or pair it stands for."""
    if key < 1 << PAIR_SHIFT:
        return chr(key)
    return chr(key >> PAIR_SHIFT) + chr(key & ((1 << PAIR_SHIFT) - 1))
