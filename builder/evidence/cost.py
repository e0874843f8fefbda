"""How well English text and Chinese text fit as translations: a length cost and an anchor cost.

The length cost is Gale–Church's: how far the Chinese length is from what the English length
predicts, in standard deviations. The anchor cost counts each number in digits without a
counterpart on the other side, and each Latin word of the Chinese that the English does not
contain, at ``ANCHOR`` each. Text left without a partner costs per length unit.
"""

from __future__ import annotations

import math

from builder.evidence.anchors import Features
from builder.evidence.numbers import Number

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
