"""How well English text and Chinese text fit as translations: a length cost and an anchor cost.

The length cost is Gale–Church's: how far the Chinese length is from what the English length
predicts, in standard deviations. The anchor cost counts each number in digits without a
counterpart on the other side, and each Latin word of the Chinese that the English does not
contain, at ``ANCHOR`` each. Text left without a partner costs per length unit.

The rules and their constants live in the compiled core (``rust/src/cost.rs``); this module is
their Python API, taking the sentences' ``Features``.
"""

from __future__ import annotations

from builder import _core
from builder.evidence.anchors import Features
from builder.evidence.numbers import Number

#: Chinese length units per English character.
RATIO: float = _core.RATIO
#: Cost of each anchor (number or Latin word) that has no counterpart in the bead.
ANCHOR: float = _core.ANCHOR


def _cores(side: list[Features]) -> list[_core.Sentence]:
    return [f.core for f in side]


def length_cost(en_len: float, zh_len: float) -> float:
    """Minus the log probability of a Chinese length this far from the English one's prediction."""
    return _core.length_cost(en_len, zh_len)


def missing_counterparts(side: list[Features], other: list[Features]) -> list[Number]:
    """Numbers in digits of one side that nothing on the other side stands for."""
    numbers = [n for f in side for n in f.numbers]
    if not numbers:
        return numbers
    return [numbers[k] for k in _core.missing_counterparts(_cores(side), _cores(other))]


def anchor_cost(en: list[Features], zh: list[Features]) -> float:
    """``ANCHOR`` for each number or Chinese-side Latin word without a counterpart."""
    return _core.anchor_cost(_cores(en), _cores(zh))


def unaligned_cost(en: list[Features], zh: list[Features]) -> float:
    """The cost of text left without a partner (one side is empty)."""
    return _core.unaligned_cost(_cores(en), _cores(zh))


def bead_cost(en: list[Features], zh: list[Features], prior: float) -> float:
    """The cost of taking these English sentences and these Chinese sentences as translations."""
    return _core.bead_cost(_cores(en), _cores(zh), prior)
