"""The translation-quality report of a release: ``quality.json``, the card section, the CLI text.

Shards tally their rows (``builder.build.tally``); the release merges the tallies and writes
the report as ``quality.json``, which the card summarizes and ``callcorpus quality`` prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from builder.cards.escape import md_inline
from builder.errors import CallcorpusError
from builder.formats.layout import QUALITY_REPORT


def report_bytes(report: dict[str, Any]) -> bytes:
    """``quality.json`` as written: UTF-8, Chinese unescaped, indented, keys in report order."""
    return orjson.dumps(report, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def read_report(release: Path) -> dict[str, Any]:
    """A release's ``quality.json``; ``CallcorpusError`` when it is missing or unreadable."""
    path = release / QUALITY_REPORT
    try:
        report = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        raise CallcorpusError(f"{path}: not found (a release built before sentence alignment?)") from None
    except (OSError, orjson.JSONDecodeError) as exc:
        raise CallcorpusError(f"{path}: cannot be read: {exc}") from None
    if not isinstance(report, dict) or not {"rows", "flags", "number_mismatch_hits"} <= set(report):
        raise CallcorpusError(f"{path}: not a quality report")
    return report


def format_report(report: dict[str, Any]) -> str:
    """The report as terminal text (what ``callcorpus quality`` prints)."""
    lines = [f"rows: {', '.join(f'{c} {n:,}' for c, n in report['rows'].items())}", "flags:"]
    for config, counts in report["flags"].items():
        total = max(report["rows"].get(config, 0), 1)
        for code, n in counts.items():
            lines.append(f"  {config:<9} {code:<24} {n:>7,}  ({n / total:.1%})")
    lines.append("alignment types: " + ", ".join(f"{k} {v:,}" for k, v in report["alignment_types"].items()))
    lines.append(
        "scores of paired units: " + ", ".join(f"{k} {v:,}" for k, v in report["score_distribution"].items())
    )
    lines.append("per transcript (flagged segments, flagged sentences):")
    for tid, stats in report["per_transcript"].items():
        lines.append(
            f"  {tid:<20} {stats['flagged_segment_rate']:.1%} of {stats['segments']:,}, "
            f"{stats['flagged_sentence_rate']:.1%} of {stats['sentences']:,}"
        )
    lines.append(f"number_mismatch hits ({len(report['number_mismatch_hits'])}):")
    for hit in report["number_mismatch_hits"]:
        lines.append(f"  {hit['sentence_id']}: {hit['evidence']}")
    return "\n".join(lines)


def _cell(text: str | None) -> str:
    """Transcript text for a card table cell: shown literally, nothing in it interpreted."""
    return md_inline(text or "∅")


def card_section(report: dict[str, Any] | None) -> str:
    """The card's "Translation quality" section (empty without a report)."""
    if report is None:
        return ""
    examples = []
    for code, items in report["examples"].items():
        for item in items:
            en, zh, evidence = (_cell(item["en"]), _cell(item["zh"]), _cell(item["evidence"]))
            examples.append(f"| `{code}` | {en} | {zh} | {evidence} |")
    kinds = ", ".join(f"`{k}` {v:,}" for k, v in report["alignment_types"].items())
    scores = ", ".join(f"{k}: {v:,}" for k, v in report["score_distribution"].items())
    return f"""
## Translation quality

Each paragraph pair is split into sentences and aligned (no model: lengths, numbers and Latin
names, see `builder/align/`); the `sentences` config holds one row per aligned unit. Flags mark
doubtful pairs and translations, with the evidence in `flag_evidence`; nothing is dropped.
Their counts per level are in the Flags table above; rates per call and every
`number_mismatch` hit are in `quality.json`.

Alignment types: {kinds}. Scores of paired units: {scores}. A unit's `score` is its
alignment cost (length and anchor disagreement) mapped to 0–1 as `exp(-cost / 4)`: 1 for a
perfect `1-1` fit. It ranks units; it is not a calibrated probability of a correct alignment
(in the seeds every unit scoring below 0.5 is correctly aligned): decide with the `flags`.

A few real examples from this release:

| code | English | Chinese | evidence |
|---|---|---|---|
{chr(10).join(examples)}
"""
