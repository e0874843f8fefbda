"""Pair a turn's English paragraphs with its translation lines by a monotone alignment.

Normally each translation stands right after its paragraph and nothing is decided here. When
a turn is irregular (a paragraph without a translation after it: an inserted ``Sure.``, a
translation moved after the next paragraph), every translation is given to one paragraph
before it, at most ``WINDOW`` lines back, in order, by the cheapest alignment under the
costs the sentence aligner uses (``builder.evidence.cost``: length ratio, numbers, Latin
words; a paragraph left without translation costs by its length, so a short line is the
one left over; a translation not right after its paragraph costs ``NOT_ADJACENT``). Where
another paragraph would take a translation at nearly the same cost (within ``MARGIN``), both
paragraphs are flagged ``doubtful_pairing`` with the evidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from builder.evidence.anchors import en_features, zh_features
from builder.evidence.cost import ANCHOR, anchor_cost, bead_cost, unaligned_cost

#: A translation stands at most this many lines after its paragraph (within the turn).
WINDOW = 4
#: What a translation not standing right after its paragraph costs: the source's order is
#: evidence too, so the content must fit clearly better to override it.
NOT_ADJACENT = 1.5
#: Alternatives costing less than this much more than the chosen pairing make it doubtful;
#: above ``NOT_ADJACENT``, so the source's order alone never makes a pairing certain.
MARGIN = NOT_ADJACENT + 1.0
#: Chinese-to-English length ratios a translation has (the seeds' paragraphs: 0.21-1.35),
#: widened: a translation whose length fits two paragraphs cannot be given to one by length.
PLAUSIBLE_RATIO = (0.15, 1.5)
#: Among equal costs, the nearer paragraph wins.
_DISTANCE = 1e-6
_CLIP = 40

State = tuple[int, int]


@dataclass(slots=True)
class Matching:
    """Which paragraph takes which translation (indexes into the turn's lists), and the
    evidence for each paragraph whose pairing is doubtful."""

    pairs: dict[int, int] = field(default_factory=dict)
    doubtful: dict[int, list[str]] = field(default_factory=dict)


class Unmatched(Exception):
    """A translation no paragraph before it can take; ``index`` is its position in the list."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _CLIP else text[: _CLIP - 1] + "…"


class _Problem:
    """The alignment's inputs: positions (line order in the turn) and texts of both sides."""

    def __init__(self, en: list[tuple[int, str]], zh: list[tuple[int, str]]) -> None:
        self.en, self.zh = en, zh
        self.m, self.k = len(en), len(zh)
        self._en_f = [en_features(text.strip()) for _, text in en]
        self._zh_f = [zh_features(text.strip()) for _, text in zh]
        self.skip = [unaligned_cost([f], []) for f in self._en_f]
        self._pair: dict[State, float] = {}

    def can_pair(self, i: int, j: int) -> bool:
        return i < self.m and j < self.k and 0 < self.zh[j][0] - self.en[i][0] <= WINDOW

    def can_skip(self, i: int, j: int) -> bool:
        """Leaving paragraph i untranslated keeps translation j reachable."""
        return i < self.m and (j == self.k or (i + 1 < self.m and self.en[i + 1][0] < self.zh[j][0]))

    def anchors_decide(self, chosen: int, other: int, j: int) -> bool:
        """Translation j's numbers and Latin words find more counterparts in paragraph
        ``chosen`` than in ``other`` (an anchor cost at least one ``ANCHOR`` lower)."""
        zh = [self._zh_f[j]]
        return anchor_cost([self._en_f[other]], zh) - anchor_cost([self._en_f[chosen]], zh) >= ANCHOR

    def pair(self, i: int, j: int) -> float:
        if (i, j) not in self._pair:
            distance = self.zh[j][0] - self.en[i][0]
            order = _DISTANCE * distance + (NOT_ADJACENT if distance > 1 else 0.0)
            self._pair[i, j] = bead_cost([self._en_f[i]], [self._zh_f[j]], 0.0) + order
        return self._pair[i, j]


def _forward(p: _Problem) -> tuple[list[dict[int, float]], dict[State, int]]:
    """Cheapest cost of each reachable state, layer by layer (layer i: i paragraphs decided),
    and the translation count each state came from."""
    layers: list[dict[int, float]] = [{0: 0.0}] + [{} for _ in range(p.m)]
    back: dict[State, int] = {}
    for i in range(p.m):
        for j, here in sorted(layers[i].items()):
            moves = []
            if p.can_pair(i, j):
                moves.append((j + 1, here + p.pair(i, j)))
            if p.can_skip(i, j):
                moves.append((j, here + p.skip[i]))
            for target, cost in moves:
                if cost < layers[i + 1].get(target, math.inf):
                    layers[i + 1][target], back[i + 1, target] = cost, j
    return layers, back


def _backward(p: _Problem, layers: list[dict[int, float]]) -> dict[State, float]:
    """Cheapest cost from each reachable state to the end."""
    rest: dict[State, float] = {(p.m, p.k): 0.0}
    for i in range(p.m - 1, -1, -1):
        for j in layers[i]:
            options = []
            if p.can_pair(i, j) and (i + 1, j + 1) in rest:
                options.append(rest[i + 1, j + 1] + p.pair(i, j))
            if p.can_skip(i, j) and (i + 1, j) in rest:
                options.append(rest[i + 1, j] + p.skip[i])
            if options:
                rest[i, j] = min(options)
    return rest


def match(en: list[tuple[int, str]], zh: list[tuple[int, str]]) -> Matching:
    """Pair paragraphs ``en`` and translations ``zh`` (each ``(position, text)`` in line order).

    Raises ``Unmatched`` naming the first translation no paragraph can take."""
    p = _Problem(en, zh)
    layers, back = _forward(p)
    if p.k not in layers[p.m]:
        raise Unmatched(max(j for layer in layers for j in layer))
    result = Matching()
    i, j = p.m, p.k
    while i:
        previous = back[i, j]
        if previous != j:
            result.pairs[i - 1] = previous
        i, j = i - 1, previous
    _mark_doubtful(p, layers, _backward(p, layers), result)
    _mark_gaps(p, result)
    return result


def _mark_doubtful(
    p: _Problem, layers: list[dict[int, float]], rest: dict[State, float], result: Matching
) -> None:
    """Flag a pairing when another paragraph would take the translation at nearly the same
    total cost (the best alignment in which it does)."""
    total = rest[0, 0]
    for i, j in sorted(result.pairs.items()):
        for other in range(max(0, i - WINDOW), min(p.m, i + WINDOW + 1)):
            if other == i or j not in layers[other] or not p.can_pair(other, j):
                continue
            if p.en[other][1] == p.en[i][1]:
                continue  # the same text either way: the data does not depend on the choice
            cost = layers[other][j] + p.pair(other, j) + rest.get((other + 1, j + 1), math.inf)
            if cost - total < MARGIN:
                zh_line, (_, text), (_, alt) = p.zh[j], p.en[i], p.en[other]
                note = (
                    f"the translation `{_clip(zh_line[1])}` fits `{_clip(text)}` (chosen) and "
                    f"`{_clip(alt)}` about as well (costs {total:.1f} and {cost:.1f})"
                )
                result.doubtful.setdefault(i, []).append(note)
                result.doubtful.setdefault(other, []).append(note)


def _plausible(en: str, zh: str) -> bool:
    ratio = len(zh.strip()) / max(len(en.strip()), 1)
    return PLAUSIBLE_RATIO[0] <= ratio <= PLAUSIBLE_RATIO[1]


def _mark_gaps(p: _Problem, result: Matching) -> None:
    """Flag a paragraph left without translation and its neighbour when the neighbour's
    translation, within reach of both, fits either's length and its numbers and Latin words do
    not decide: a translation deleted and one moved after the next paragraph read the same in
    the source, and lengths cannot tell them apart (a short inserted line, whose length rules
    it out, is not flagged)."""
    for i in range(p.m):
        if i in result.pairs:
            continue
        for other in (i - 1, i + 1):
            j = result.pairs.get(other)
            if j is None or not p.can_pair(i, j) or p.en[other][1] == p.en[i][1]:
                continue
            if not _plausible(p.en[i][1], p.zh[j][1]) or p.anchors_decide(other, i, j):
                continue
            note = (
                f"the translation `{_clip(p.zh[j][1])}` was given to `{_clip(p.en[other][1])}`; "
                f"its length fits `{_clip(p.en[i][1])}`, left without one, as well"
            )
            result.doubtful.setdefault(i, []).append(note)
            result.doubtful.setdefault(other, []).append(note)
