"""The aligned unit: a run of English sentences with the run of Chinese sentences it matches."""

from __future__ import annotations

from dataclasses import dataclass

from builder import _core


@dataclass(frozen=True, slots=True)
class Unit:
    """One aligned unit of a paragraph pair.

    ``kind`` is ``"<English sentences>-<Chinese sentences>"`` (``1-1``, ``2-1``, ``1-0``, …).
    Spans are character offsets into the paragraphs, stripped of surrounding whitespace; both
    ends are None on a side the unit does not have, and the text there is empty. ``score`` is
    a relative alignment cost mapped to [0, 1] (0 for a one-sided unit). ``en_missing`` and
    ``zh_missing`` are the numbers in digits of each side that nothing on the other side of
    the unit stands for (anchors that failed), as written.
    """

    kind: str
    en_start: int | None
    en_end: int | None
    zh_start: int | None
    zh_end: int | None
    en: str
    zh: str
    score: float
    en_missing: tuple[str, ...] = ()
    zh_missing: tuple[str, ...] = ()

    @classmethod
    def from_core(cls, unit: _core.AlignedUnit) -> Unit:
        """A unit as the core gives it."""
        return cls(
            unit.kind,
            unit.en_start,
            unit.en_end,
            unit.zh_start,
            unit.zh_end,
            unit.en,
            unit.zh,
            unit.score,
            tuple(unit.en_missing),
            tuple(unit.zh_missing),
        )

    @property
    def paired(self) -> bool:
        """True when the unit has both an English and a Chinese side."""
        return bool(self.en) and bool(self.zh)
