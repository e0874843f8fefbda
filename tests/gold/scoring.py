"""Score aligned units against the hand-checked gold, by the rules of the shared scorer.

A system pair (both sides non-empty) is correct when its English span and its Chinese span
cover exactly the same run of consecutive gold pair beads; a junk bead (a stray fragment of
the translation) adjacent to the run, separated only by whitespace, may be included on the
Chinese side. Precision = correct pairs / system pairs; strict recall = gold pairs produced
as a unit of their own / gold pairs. Spans are compared stripped of whitespace.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class Score:
    """Counts and the first mistakes."""

    system_pairs: int = 0
    correct: int = 0
    gold_pairs: int = 0
    exact: int = 0
    mistakes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.system_pairs if self.system_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.exact / self.gold_pairs if self.gold_pairs else 0.0


def _stripped(text: str, span: Span) -> Span:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _allowed_zh(gold: dict, first: int, last: int, pairs: list[dict]) -> set[Span]:
    """Chinese spans that count for gold pair beads first..last: with or without a junk bead
    touching either end."""
    zh = gold["zh"]
    z0, z1 = pairs[first]["zh"][0], pairs[last]["zh"][1]
    allowed = {(z0, z1)}
    junk = [b["zh"] for b in gold["beads"] if b.get("junk")]
    for a, b in junk:
        if a >= z1 and not zh[z1:a].strip():
            allowed.add((z0, b))
        if b <= z0 and not zh[b:z0].strip():
            allowed.add((a, z1))
    return allowed


def score_segment(gold: dict, units: list[tuple[Span | None, Span | None]], result: Score) -> None:
    """Add one paragraph pair's units (English span, Chinese span) to ``result``."""
    pairs = [b for b in gold["beads"] if b["en"] and b["zh"]]
    result.gold_pairs += len(pairs)
    en_starts = {p["en"][0]: k for k, p in enumerate(pairs)}
    en_ends = {p["en"][1]: k for k, p in enumerate(pairs)}
    exact: set[int] = set()
    for en_span, zh_span in units:
        if en_span is None or zh_span is None:
            continue
        result.system_pairs += 1
        e = _stripped(gold["en"], en_span)
        z = _stripped(gold["zh"], zh_span)
        first, last = en_starts.get(e[0]), en_ends.get(e[1])
        if (
            first is not None
            and last is not None
            and first <= last
            and z in _allowed_zh(gold, first, last, pairs)
        ):
            result.correct += 1
            if first == last:
                exact.add(first)
        elif len(result.mistakes) < 20:
            result.mistakes.append((gold["en"][e[0] : e[1]], gold["zh"][z[0] : z[1]]))
    result.exact += len(exact)
