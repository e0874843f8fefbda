"""The statistics page: distributions and SVG charts computed from the release's rows.

Every chart aggregates (by period, role, section, flag, or in histograms), so the page stays
the same size at 50,000 calls; per-call numbers live on each call's page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from builder.docsgen.charts import bar_chart, histogram
from builder.docsgen.transcript_page import period
from builder.flags import CATALOG

RATIO_RANGE = (0.0, 2.0, 20)
#: Bins of the per-call histograms.
BINS = 20


@dataclass(frozen=True, slots=True)
class StatsPage:
    """The page's Markdown and its charts, by file name (under ``stats/``)."""

    markdown: str
    charts: dict[str, str]


def length_ratio(segment: dict[str, Any]) -> float | None:
    """Chinese characters per English character of a segment; None without a translation."""
    zh = segment["translation"]["zh"]
    return len(zh) / len(segment["translation"]["en"]) if zh else None


def _ceiling(values: list[int], bins: int) -> float:
    """An upper bound for a histogram of ``values``: the maximum rounded up to whole bins."""
    top = max(values, default=0)
    return float(max(bins, -(-top // bins) * bins))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _charts(transcripts: list[dict[str, Any]], segments: list[dict[str, Any]]) -> dict[str, str]:
    """Every chart aggregates: its size does not grow with the number of calls."""
    periods = Counter(period(r) for r in transcripts)
    roles = Counter(p["role"] for r in transcripts for p in r["participants"])
    sections = Counter(s["section"] for s in segments)
    ratios = [x for x in (length_ratio(s) for s in segments) if x is not None]
    flags = Counter(f for s in segments for f in s["flags"]) + Counter(
        f for r in transcripts for f in r["flags"]
    )
    per_call = [r["num_segments"] for r in transcripts]
    words = [r["num_en_words"] for r in transcripts]
    ordered = sorted(periods, key=lambda label: (label == "period unknown", label))
    return {
        "calls-by-period.svg": bar_chart(
            "Calls by fiscal year and quarter", ordered, {"calls": [periods[k] for k in ordered]}
        ),
        "segments-per-call.svg": histogram(
            "Segments per call", [float(n) for n in per_call], 0.0, _ceiling(per_call, BINS), BINS
        ),
        "words-per-call.svg": histogram(
            "English words per call", [float(n) for n in words], 0.0, _ceiling(words, BINS), BINS
        ),
        "speakers-by-role.svg": bar_chart(
            "Speakers by role", sorted(roles), {"speakers": [roles[k] for k in sorted(roles)]}
        ),
        "segments-by-section.svg": bar_chart(
            "Segments by section", sorted(sections), {"segments": [sections[k] for k in sorted(sections)]}
        ),
        "length-ratio.svg": histogram("Chinese/English length ratio per segment", ratios, *RATIO_RANGE),
        "flags-by-kind.svg": bar_chart(
            "Flags by kind", list(CATALOG), {"flagged records": [flags[c] for c in CATALOG]}
        ),
    }


def render(transcripts: list[dict[str, Any]], segments: list[dict[str, Any]], version: str) -> StatsPage:
    """The statistics page of a release: distributions, readable whatever the number of calls.

    Per-call numbers are on each call's own page."""
    charts = _charts(transcripts, segments)
    sections = Counter(s["section"] for s in segments)
    share = sections["qa"] / len(segments) if segments else 0.0
    ratios = [x for x in (length_ratio(s) for s in segments) if x is not None]
    flagged = sum(1 for s in segments if s["flags"])
    flags = Counter(f for s in segments for f in s["flags"]) + Counter(
        f for r in transcripts for f in r["flags"]
    )
    flag_rows = "\n".join(f"| `{c}` | {f.scope} | {flags[c]} | {f.title} |" for c, f in CATALOG.items())
    per_call = [float(r["num_segments"]) for r in transcripts]
    low, high, bins = RATIO_RANGE
    markdown = f"""# Statistics

Computed from release {version} at documentation build time: {len(transcripts):,} calls,
{len(segments):,} segments (median {_median(per_call):.0f} per call); {share:.1%} of the segments
are in the Q&A; {flagged:,} segments ({flagged / max(len(segments), 1):.1%}) carry a flag. The
numbers of each call are on its own page (under *Transcripts*).

## Calls by period

![Calls by fiscal year and quarter](stats/calls-by-period.svg)

## Segments and words per call

![Segments per call](stats/segments-per-call.svg)

![English words per call](stats/words-per-call.svg)

## Speakers by role

Participants of every call, counted once per call.

![Speakers by role](stats/speakers-by-role.svg)

## Prepared remarks and Q&A

![Segments by section](stats/segments-by-section.svg)

## Translation length ratio

Characters of the Chinese translation per character of the English paragraph, for the
{len(ratios):,} segments that have a translation (median {_median(ratios):.2f}; {bins} bins from
{low:.1f} to {high:.1f}, values beyond the range counted in the last bin).

![Chinese/English length ratio per segment](stats/length-ratio.svg)

## Flags by kind

![Flags by kind](stats/flags-by-kind.svg)

| code | applies to | count | meaning |
|---|---|---:|---|
{flag_rows}
"""
    return StatsPage(markdown, charts)
