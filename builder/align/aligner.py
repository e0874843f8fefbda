"""Monotone sentence alignment of a paragraph pair (Gale–Church with anchors).

A dynamic programme over the two sentence sequences picks the cheapest path of beads
(``1-1``, ``2-1``, ``1-2``, ``2-2``, ``3-1``, ``1-3``, ``1-0``, ``0-1``). A bead's cost is its
prior (how rare its kind is), the Gale–Church length cost (how far the Chinese length is from
what the English length predicts, in standard deviations) and an anchor cost: each number in
digits without a counterpart on the other side, and each Latin word of the Chinese that the
English does not contain, costs ``ANCHOR``. Ties go to the simpler bead, so the result is
deterministic. A unit's score is ``exp(-cost / 4)``: 1 for a perfect ``1-1``.

The search over beads, its bead kinds and its band live in the compiled core
(``rust/src/align.rs``); this module decides when the search is needed and turns its path into
units.
"""

from __future__ import annotations

import math

from builder import _core
from builder.align.segment_en import Span, split_en
from builder.align.segment_zh import split_zh
from builder.align.units import Unit
from builder.evidence.anchors import Features, en_features, zh_features
from builder.evidence.cost import bead_cost, missing_counterparts, one_to_one_costs

#: Bead kinds (English sentences, Chinese sentences) with their prior cost, simplest first.
BEADS: tuple[tuple[int, int, float], ...] = tuple(_core.BEADS)
#: Paragraphs with as many Chinese as English sentences, each 1-1 bead at most this costly,
#: are aligned one to one without the search (about 1.6 standard deviations, no anchor missed).
DIAGONAL = 2.5
#: The longest Chinese sentence (in length units) that may be a stray fragment.
FRAGMENT = 8.0
#: How much cheaper the unit must be without the fragment for it to be set apart.
FRAGMENT_MARGIN = 1.0


def _path(en: list[Features], zh: list[Features]) -> list[tuple[int, int, int, int, float]]:
    """The cheapest bead path as (i, j, English count, Chinese count, bead cost), from the core."""
    return _core.bead_path([f.core for f in en], [f.core for f in zh])


def _unit(
    en_text: str,
    zh_text: str,
    en_spans: list[Span],
    zh_spans: list[Span],
    cost: float,
    en: list[Features] | None = None,
    zh: list[Features] | None = None,
) -> Unit:
    kind = f"{len(en_spans)}-{len(zh_spans)}"
    es = (en_spans[0][0], en_spans[-1][1]) if en_spans else (None, None)
    zs = (zh_spans[0][0], zh_spans[-1][1]) if zh_spans else (None, None)
    en_side = en_text[es[0] : es[1]] if en_spans else ""
    zh_side = zh_text[zs[0] : zs[1]] if zh_spans else ""
    score = round(math.exp(-cost / 4.0), 4) if en_spans and zh_spans else 0.0
    en_missing: tuple[str, ...] = ()
    zh_missing: tuple[str, ...] = ()
    if en and zh:
        en_missing = tuple(n.text for n in missing_counterparts(en, zh))
        zh_missing = tuple(n.text for n in missing_counterparts(zh, en))
    return Unit(kind, es[0], es[1], zs[0], zs[1], en_side, zh_side, score, en_missing, zh_missing)


def align_pair(en_text: str, zh_text: str | None) -> list[Unit]:
    """Align the sentences of an English paragraph and its Chinese translation, in order.

    Every sentence of both paragraphs is in exactly one unit; a missing translation (None)
    gives one ``1-0`` unit per English sentence.
    """
    en_spans = split_en(en_text)
    zh_spans = split_zh(zh_text) if zh_text else []
    zh_text = zh_text or ""
    if not zh_spans or not en_spans:
        return [_unit(en_text, zh_text, [s], [], 0.0) for s in en_spans] + [
            _unit(en_text, zh_text, [], [s], 0.0) for s in zh_spans
        ]
    en = [en_features(en_text[a:b]) for a, b in en_spans]
    zh = [zh_features(zh_text[a:b]) for a, b in zh_spans]
    if len(en) == len(zh) == 1:  # the paragraphs are paired already: never split them apart
        return [_unit(en_text, zh_text, en_spans, zh_spans, bead_cost(en, zh, 0.0), en, zh)]
    if len(en) == len(zh):  # the common case: one Chinese sentence per English one, all plausible
        costs = one_to_one_costs(en, zh)
        if max(costs) <= DIAGONAL:
            return [
                _unit(en_text, zh_text, [es], [zs], cost, [e], [z])
                for es, zs, cost, e, z in zip(en_spans, zh_spans, costs, en, zh, strict=True)
            ]
    return _units_on_path(en_text, zh_text, (en_spans, zh_spans), en, zh)


def _units_on_path(
    en_text: str,
    zh_text: str,
    spans: tuple[list[Span], list[Span]],
    en: list[Features],
    zh: list[Features],
) -> list[Unit]:
    """The units of the cheapest path over beads, a stray last Chinese sentence set apart."""
    en_spans, zh_spans = spans
    units = []
    for i, j, di, dj, cost in _path(en, zh):
        stray = dj >= 2 and di >= 1 and _stray_tail(en[i : i + di], zh[j : j + dj], cost)
        end = j + dj - 1 if stray else j + dj
        units.append(
            _unit(en_text, zh_text, en_spans[i : i + di], zh_spans[j:end], cost, en[i : i + di], zh[j:end])
        )
        if stray:
            units.append(_unit(en_text, zh_text, [], zh_spans[end : j + dj], 0.0))
    return units


def _stray_tail(en: list[Features], zh: list[Features], cost: float) -> bool:
    """Whether the last Chinese sentence of a unit is a stray fragment that translates nothing
    (``…提供了安全港。看起來的陳述。``): short, a statement with no number or Latin word, and
    the unit's English fits the Chinese clearly better without it."""
    tail = zh[-1]
    if tail.length > FRAGMENT or tail.numbers or tail.latin or tail.text[-1] in "?!？！":
        return False
    prior = next(p for di, dj, p in BEADS if di == len(en) and dj == len(zh) - 1)
    return bead_cost(en, zh[:-1], prior) + FRAGMENT_MARGIN < cost
