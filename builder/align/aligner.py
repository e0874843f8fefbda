"""Monotone sentence alignment of a paragraph pair (Gale–Church with anchors).

A dynamic programme over the two sentence sequences picks the cheapest path of beads
(``1-1``, ``2-1``, ``1-2``, ``2-2``, ``3-1``, ``1-3``, ``1-0``, ``0-1``). A bead's cost is its
prior (how rare its kind is), the Gale–Church length cost and an anchor cost (numbers in digits
and Chinese-side Latin words without a counterpart). Ties go to the simpler bead, so the result
is deterministic. A unit's score is ``exp(-cost / 4)``: 1 for a perfect ``1-1``.

The rules live in the compiled core: when the search is needed and how its path becomes units
(``rust/src/units.rs``), the search over beads (``rust/src/align.rs``), the costs
(``rust/src/cost.rs``). This module is their Python API.
"""

from __future__ import annotations

from builder import _core
from builder.align.units import Unit

#: Bead kinds (English sentences, Chinese sentences) with their prior cost, simplest first.
BEADS: tuple[tuple[int, int, float], ...] = tuple(_core.BEADS)


def align_pair(en_text: str, zh_text: str | None) -> list[Unit]:
    """Align the sentences of an English paragraph and its Chinese translation, in order.

    Every sentence of both paragraphs is in exactly one unit; a missing translation (None)
    gives one ``1-0`` unit per English sentence.
    """
    return [Unit.from_core(unit) for unit in _core.align_pair(en_text, zh_text)]
