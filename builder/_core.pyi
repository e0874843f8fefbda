"""Types of the compiled core (``rust/``), for the type checker."""

from collections.abc import Callable

RATIO: float
SMOOTH: float
SIGMA: float
ANCHOR: float
UNALIGNED_PER_CHAR: float
BEADS: list[tuple[int, int, float]]
BAND: int
HAN_RANGES: list[tuple[str, str]]
SOURCES: list[tuple[str, bytes]]

class Sentence:
    def __init__(
        self,
        length: float,
        numbers: list[list[float]],
        latin: list[str],
        lower: str,
        weak: Callable[[], list[float]],
    ) -> None: ...
    @property
    def length(self) -> float: ...

def length_cost(en_len: float, zh_len: float) -> float: ...
def missing_counterparts(side: list[Sentence], other: list[Sentence]) -> list[int]: ...
def anchor_cost(en: list[Sentence], zh: list[Sentence]) -> float: ...
def unaligned_cost(en: list[Sentence], zh: list[Sentence]) -> float: ...
def bead_cost(en: list[Sentence], zh: list[Sentence], prior: float) -> float: ...
def one_to_one_costs(en: list[Sentence], zh: list[Sentence]) -> list[float]: ...
def bead_path(en: list[Sentence], zh: list[Sentence]) -> list[tuple[int, int, int, int, float]]: ...

#: kind, English span, Chinese span, English text, Chinese text, score, and the numbers of
#: each side without a counterpart.
UnitTuple = tuple[
    str, tuple[int, int] | None, tuple[int, int] | None, str, str, float, list[str], list[str]
]
#: A segment's findings (code, evidence), then each unit with its findings.
SegmentResult = tuple[list[tuple[str, str]], list[tuple[UnitTuple, list[tuple[str, str]]]]]

def align_pair(en: str, zh: str | None) -> list[UnitTuple]: ...

class SegmentAligner:
    def __init__(self, sentence_codes: list[str], segment_codes: list[str]) -> None: ...
    def align(
        self, en: str, zh: str | None, flags: list[str], given: dict[str, str]
    ) -> SegmentResult: ...
