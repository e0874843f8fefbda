"""What the home and statistics pages say about a release, counted one call at a time.

Only counters and one number per call or per segment are kept (never rows), so a release of
tens of thousands of calls is tallied in a few tens of megabytes.
"""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from builder.docsgen.calls import Call


def period(row: dict[str, Any]) -> str:
    """``2023 Q2``, or ``period unknown``."""
    if row["fiscal_year"] is None:
        return "period unknown"
    quarter = f" Q{row['fiscal_quarter']}" if row["fiscal_quarter"] is not None else ""
    return f"{row['fiscal_year']}{quarter}"


def length_ratio(segment: dict[str, Any]) -> float | None:
    """Chinese characters per English character of a segment; None without a translation."""
    zh = segment["translation"]["zh"]
    return len(zh) / len(segment["translation"]["en"]) if zh else None


@dataclass
class Tally:
    """Counts over every call added so far."""

    calls: int = 0
    turns: int = 0
    segments: int = 0
    flagged_segments: int = 0
    en_words: int = 0
    zh_chars: int = 0
    companies: set[str] = field(default_factory=set)
    periods: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    sections: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    ratios: array[float] = field(default_factory=lambda: array("d"))
    segments_per_call: array[int] = field(default_factory=lambda: array("q"))
    words_per_call: array[int] = field(default_factory=lambda: array("q"))

    def add(self, call: Call) -> None:
        """Count one call: its transcripts row and its segments."""
        row = call.row
        self.calls += 1
        self.turns += row["num_turns"]
        self.en_words += row["num_en_words"]
        self.zh_chars += row["num_zh_chars"]
        self.companies.add(row["company"] or row["transcript_id"])
        self.periods[period(row)] += 1
        self.roles.update(p["role"] for p in row["participants"])
        self.flags.update(row["flags"])
        self.segments_per_call.append(row["num_segments"])
        self.words_per_call.append(row["num_en_words"])
        for seg in call.segments:
            self._add_segment(seg)

    def _add_segment(self, seg: dict[str, Any]) -> None:
        self.segments += 1
        self.sections[seg["section"]] += 1
        self.flags.update(seg["flags"])
        self.flagged_segments += bool(seg["flags"])
        ratio = length_ratio(seg)
        if ratio is not None:
            self.ratios.append(ratio)
