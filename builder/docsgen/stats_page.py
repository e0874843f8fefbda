"""The statistics page: distributions and SVG charts computed from the release's rows.

Every chart aggregates (by period, role, section, flag, or in histograms), so the page stays
the same size at 50,000 calls; per-call numbers live on each call's page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from builder.docsgen.charts import bar_chart, histogram
from builder.docsgen.tally import Tally
from builder.flags import CATALOG

RATIO_RANGE = (0.0, 2.0, 20)
#: Bins of the per-call histograms.
BINS = 20


@dataclass(frozen=True, slots=True)
class StatsPage:
    """The page's Markdown and its charts, by file name (under ``stats/``)."""

    markdown: str
    charts: dict[str, str]


def _ceiling(values: Sequence[int], bins: int) -> float:
    """An upper bound for a histogram of ``values``: the maximum rounded up to whole bins."""
    top = max(values, default=0)
    return float(max(bins, -(-top // bins) * bins))


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _charts(tally: Tally) -> dict[str, str]:
    """Every chart aggregates: its size does not grow with the number of calls."""
    periods, roles, sections, flags = tally.periods, tally.roles, tally.sections, tally.flags
    per_call, words = tally.segments_per_call, tally.words_per_call
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
        "length-ratio.svg": histogram(
            "Chinese/English length ratio per segment", list(tally.ratios), *RATIO_RANGE
        ),
        "flags-by-kind.svg": bar_chart(
            "Flags by kind", list(CATALOG), {"flagged records": [flags[c] for c in CATALOG]}
        ),
    }


def render(tally: Tally, version: str) -> StatsPage:
    """The statistics page of a release: distributions, readable whatever the number of calls.

    Per-call numbers are on each call's own page."""
    charts = _charts(tally)
    share = tally.sections["qa"] / tally.segments if tally.segments else 0.0
    ratios, flagged, flags = tally.ratios, tally.flagged_segments, tally.flags
    flag_rows = "\n".join(f"| `{c}` | {f.scope} | {flags[c]} | {f.title} |" for c, f in CATALOG.items())
    per_call = [float(n) for n in tally.segments_per_call]
    low, high, bins = RATIO_RANGE
    markdown = f"""# Statistics

Computed from release {version} at documentation build time: {tally.calls:,} calls,
{tally.segments:,} segments (median {_median(per_call):.0f} per call); {share:.1%} of the segments
are in the Q&A; {flagged:,} segments ({flagged / max(tally.segments, 1):.1%}) carry a flag. The
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
