"""The Python implementation of the alignment costs and the search over beads as it stood
before the port to the compiled core (commit 59acf56), kept only for the differential test
``tests/test_core_differential.py``."""

# ruff: noqa
from __future__ import annotations

import math
import re
from collections.abc import Callable

from builder.evidence.numbers import Number, en_strong, en_weak, values_of, zh_strong, zh_weak
from builder.sources.script import HAN_RANGES

_NOT_HAN = re.compile(f"[^{HAN_RANGES}]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&'\-]*[A-Za-z0-9]")


class Features:
    """The alignment's view of one sentence; the values of its weak numbers (words, Chinese
    numerals) are found only when a bead needs them."""

    __slots__ = ("_weak", "_weak_values", "latin", "length", "lower", "numbers", "text", "values")

    def __init__(
        self,
        text: str,
        length: float,
        numbers: list[Number],
        latin: frozenset[str],
        lower: str,
        weak: Callable[[str], list[Number]],
    ) -> None:
        self.text = text
        self.length = length
        self.numbers = numbers
        self.values = values_of(numbers)
        self.latin = latin
        self.lower = lower
        self._weak = weak
        self._weak_values: frozenset[float] | None = None

    @property
    def weak_values(self) -> frozenset[float]:
        """Values of the sentence's weak numbers."""
        if self._weak_values is None:
            self._weak_values = values_of(self._weak(self.text))
        return self._weak_values


def en_features(text: str) -> Features:
    """Length, numbers in digits and lower-cased text of an English sentence."""
    return Features(text, float(len(text)), en_strong(text), frozenset(), text.lower(), en_weak)


def zh_length(text: str) -> float:
    """Length of a Chinese text in Han characters, Latin and digits counted at 0.35."""
    visible_ascii = len(text.encode("ascii", "ignore")) - text.count(" ")
    if text.isascii():
        return 0.35 * visible_ascii
    return len(_NOT_HAN.sub("", text)) + 0.35 * visible_ascii


def zh_features(text: str) -> Features:
    """Length, numbers in digits and Latin words (lower-cased) of a Chinese sentence."""
    latin = frozenset(w.lower() for w in _LATIN.findall(text))
    return Features(text, zh_length(text), zh_strong(text), latin, "", zh_weak)


#: Chinese length units per English character, and the variance per English character.
RATIO = 0.268
SMOOTH = 5.0
SIGMA = 0.2
#: Cost of each anchor (number or Latin word) that has no counterpart in the bead.
ANCHOR = 2.5
#: Cost per length unit of a sentence left unaligned (long sentences rarely lack a partner).
UNALIGNED_PER_CHAR = 0.04
_SQRT2 = math.sqrt(2.0)


def length_cost(en_len: float, zh_len: float) -> float:
    """Minus the log probability of a Chinese length this far from the English one's prediction."""
    delta = math.log((zh_len + SMOOTH) / (RATIO * en_len + SMOOTH)) / SIGMA
    return -math.log(max(math.erfc(abs(delta) / _SQRT2), 1e-30))


def _union(sets: list[frozenset[float]]) -> frozenset[float]:
    return sets[0] if len(sets) == 1 else frozenset().union(*sets)


def missing_counterparts(side: list[Features], other: list[Features]) -> list[Number]:
    """Numbers in digits of one side that nothing on the other side stands for."""
    numbers = [n for f in side for n in f.numbers]
    if not numbers:
        return numbers
    values = _union([f.values for f in other])
    missing = [n for n in numbers if n.values.isdisjoint(values)]
    if missing:
        weak = _union([f.weak_values for f in other])
        missing = [n for n in missing if n.values.isdisjoint(weak)]
    return missing


def _missing_numbers(side: list[Features], other: list[Features]) -> int:
    return len(missing_counterparts(side, other)) if any(f.numbers for f in side) else 0


def anchor_cost(en: list[Features], zh: list[Features]) -> float:
    """``ANCHOR`` for each number or Chinese-side Latin word without a counterpart."""
    missing = _missing_numbers(en, zh) + _missing_numbers(zh, en)
    latin = [w for f in zh for w in f.latin]
    if latin:
        text = en[0].lower if len(en) == 1 else " ".join(f.lower for f in en)
        missing += sum(1 for w in latin if w not in text)
    return ANCHOR * missing


def unaligned_cost(en: list[Features], zh: list[Features]) -> float:
    """The cost of text left without a partner (one side is empty)."""
    return UNALIGNED_PER_CHAR * (sum(f.length for f in en) + sum(f.length for f in zh) / RATIO)


def bead_cost(en: list[Features], zh: list[Features], prior: float) -> float:
    """The cost of taking these English sentences and these Chinese sentences as translations."""
    if not en or not zh:
        return prior + unaligned_cost(en, zh)
    en_len = sum(f.length for f in en)
    zh_len = sum(f.length for f in zh)
    return prior + length_cost(en_len, zh_len) + anchor_cost(en, zh)


#: Bead kinds (English sentences, Chinese sentences) with their prior cost, simplest first.
BEADS: tuple[tuple[int, int, float], ...] = (
    (1, 1, 0.0),
    (2, 1, 2.3),
    (1, 2, 2.3),
    (2, 2, 9.0),
    (3, 1, 4.6),
    (1, 3, 4.6),
    (1, 0, 6.0),
    (0, 1, 6.0),
)
BAND = 3


def _path(en: list[Features], zh: list[Features]) -> list[tuple[int, int, int, int, float]]:
    """The cheapest bead path as (i, j, English count, Chinese count, bead cost).

    Lengths come from prefix sums; a bead's anchor cost (never negative) is computed only when
    its prior and length cost leave it a chance to improve the cell it reaches."""
    n, m = len(en), len(zh)
    inf = math.inf
    en_sum, zh_sum = [0.0], [0.0]
    for f in en:
        en_sum.append(en_sum[-1] + f.length)
    for f in zh:
        zh_sum.append(zh_sum[-1] + f.length)
    en_anchor = [bool(f.numbers) for f in en]
    zh_anchor = [bool(f.numbers or f.latin) for f in zh]
    # Only cells within the band are ever expanded, so only they are stored: memory and time
    # grow with the paragraph's length, not with its square (a cell beyond the band that a
    # bead reaches could never lie on the path: the path ends at (n, m), inside the band).
    band = BAND * max(n, m)
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(n + 1):
        for j in range(max(0, -((band - i * m) // n)), min(m, (i * m + band) // n) + 1):
            here = best.get((i, j), inf)
            if here == inf:
                continue
            for di, dj, prior in BEADS:
                ni, nj = i + di, j + dj
                if ni > n or nj > m or abs(ni * m - nj * n) > band:
                    continue
                if not di:
                    cost = prior + UNALIGNED_PER_CHAR * (zh_sum[nj] - zh_sum[j]) / RATIO
                elif not dj:
                    cost = prior + UNALIGNED_PER_CHAR * (en_sum[ni] - en_sum[i])
                else:
                    cost = prior + length_cost(en_sum[ni] - en_sum[i], zh_sum[nj] - zh_sum[j])
                    if here + cost >= best.get((ni, nj), inf):
                        continue
                    if any(en_anchor[i:ni]) or any(zh_anchor[j:nj]):
                        cost += anchor_cost(en[i:ni], zh[j:nj])
                if here + cost < best.get((ni, nj), inf):
                    best[ni, nj] = here + cost
                    back[ni, nj] = (di, dj, cost)
    path = []
    i, j = n, m
    while i or j:
        di, dj, cost = back[i, j]  # every cell in the band is reachable through 1-0 and 0-1 beads
        i, j = i - di, j - dj
        path.append((i, j, di, dj, cost))
    path.reverse()
    return path
