"""The statistics page: figures and SVG charts computed from the release's rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from builder.cards.escape import md_inline
from builder.docsgen.charts import bar_chart, histogram
from builder.flags import CATALOG

RATIO_RANGE = (0.0, 2.0, 20)


@dataclass(frozen=True, slots=True)
class StatsPage:
    """The page's Markdown and its charts, by file name (under ``stats/``)."""

    markdown: str
    charts: dict[str, str]


def length_ratio(segment: dict[str, Any]) -> float | None:
    """Chinese characters per English character of a segment; None without a translation."""
    zh = segment["translation"]["zh"]
    return len(zh) / len(segment["translation"]["en"]) if zh else None


def render(transcripts: list[dict[str, Any]], segments: list[dict[str, Any]], version: str) -> StatsPage:
    """The statistics page of a release."""
    calls = sorted(transcripts, key=lambda r: r["transcript_id"])
    labels = [r["transcript_id"] for r in calls]
    by_call = Counter((s["transcript_id"], s["section"]) for s in segments)
    roles = Counter(p["role"] for r in calls for p in r["participants"])
    ratios = [x for x in (length_ratio(s) for s in segments) if x is not None]
    flags = Counter(f for s in segments for f in s["flags"]) + Counter(f for r in calls for f in r["flags"])
    charts = {
        "segments-per-call.svg": bar_chart(
            "Segments per call", labels, {"segments": [r["num_segments"] for r in calls]}
        ),
        "words-per-call.svg": bar_chart(
            "English words and Chinese characters per call",
            labels,
            {
                "English words": [r["num_en_words"] for r in calls],
                "Chinese characters": [r["num_zh_chars"] for r in calls],
            },
        ),
        "speakers-by-role.svg": bar_chart(
            "Speakers by role", sorted(roles), {"speakers": [roles[k] for k in sorted(roles)]}
        ),
        "sections-per-call.svg": bar_chart(
            "Segments in prepared remarks and in Q&A per call",
            labels,
            {
                "prepared remarks": [by_call[(t, "prepared_remarks")] for t in labels],
                "Q&A": [by_call[(t, "qa")] for t in labels],
            },
            stacked=True,
        ),
        "length-ratio.svg": histogram("Chinese/English length ratio per segment", ratios, *RATIO_RANGE),
        "flags-by-kind.svg": bar_chart(
            "Flags by kind", list(CATALOG), {"flagged records": [flags[c] for c in CATALOG]}
        ),
    }
    qa = sum(n for (_, section), n in by_call.items() if section == "qa")
    share = qa / len(segments) if segments else 0.0
    ratios_sorted = sorted(ratios)
    median = ratios_sorted[len(ratios_sorted) // 2] if ratios_sorted else 0.0
    table = "\n".join(
        f"| {md_inline(r['transcript_id'])} | {r['num_turns']} | {r['num_segments']} | "
        f"{by_call[(r['transcript_id'], 'qa')]} | {r['num_en_words']:,} | {r['num_zh_chars']:,} | "
        f"{r['num_flagged_segments']} |"
        for r in calls
    )
    flag_rows = "\n".join(f"| `{c}` | {f.scope} | {flags[c]} | {f.title} |" for c, f in CATALOG.items())
    low, high, bins = RATIO_RANGE
    markdown = f"""# Statistics

Computed from release {version} at documentation build time: {len(calls):,} calls,
{len(segments):,} segments; {share:.1%} of the segments are in the Q&A.

## Segments and words per call

![Segments per call](stats/segments-per-call.svg)

![English words and Chinese characters per call](stats/words-per-call.svg)

| call | turns | segments | of which Q&A | English words | Chinese characters | flagged segments |
|---|---:|---:|---:|---:|---:|---:|
{table}

## Speakers by role

Participants of every call, counted once per call.

![Speakers by role](stats/speakers-by-role.svg)

## Prepared remarks and Q&A

![Segments in prepared remarks and in Q&A per call](stats/sections-per-call.svg)

## Translation length ratio

Characters of the Chinese translation per character of the English paragraph, for the
{len(ratios):,} segments that have a translation (median {median:.2f}; {bins} bins from {low:.1f}
to {high:.1f}, values beyond the range counted in the last bin).

![Chinese/English length ratio per segment](stats/length-ratio.svg)

## Flags by kind

![Flags by kind](stats/flags-by-kind.svg)

| code | applies to | count | meaning |
|---|---|---:|---|
{flag_rows}
"""
    return StatsPage(markdown, charts)
