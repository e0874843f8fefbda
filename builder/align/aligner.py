"""Monotone sentence alignment of a paragraph pair (Gale–Church with anchors).

A dynamic programme over the two sentence sequences picks the cheapest path of beads
(``1-1``, ``2-1``, ``1-2``, ``2-2``, ``3-1``, ``1-3``, ``1-0``, ``0-1``). A bead's cost is its
prior (how rare its kind is), the Gale–Church length cost (how far the Chinese length is from
what the English length predicts, in standard deviations) and an anchor cost: each number in
digits without a counterpart on the other side, and each Latin word of the Chinese that the
English does not contain, costs ``ANCHOR``. Ties go to the simpler bead, so the result is
deterministic. A unit's score is ``exp(-cost / 4)``: 1 for a perfect ``1-1``.
"""

from __future__ import annotations

import math

from builder.align.segment_en import Span, split_en
from builder.align.segment_zh import split_zh
from builder.align.units import Unit
from builder.evidence.anchors import Features, en_features, zh_features
from builder.evidence.cost import (
    RATIO,
    UNALIGNED_PER_CHAR,
    anchor_cost,
    bead_cost,
    length_cost,
    missing_counterparts,
)

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
#: Paragraphs with as many Chinese as English sentences, each 1-1 bead at most this costly,
#: are aligned one to one without the search (about 1.6 standard deviations, no anchor missed).
DIAGONAL = 2.5
#: The longest Chinese sentence (in length units) that may be a stray fragment.
FRAGMENT = 8.0
#: How much cheaper the unit must be without the fragment for it to be set apart.
FRAGMENT_MARGIN = 1.0
#: The search stays within this many sentences of the diagonal.
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
        costs = [bead_cost([e], [z], 0.0) for e, z in zip(en, zh, strict=True)]
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
