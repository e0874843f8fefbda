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
from builder.evidence.glossary import glossary
from builder.flags import CATALOG
from builder.formats.layout import QUALITY_REPORT

#: The benchmark's injected kinds, as the card names them, and the codes that catch each.
KIND_NAMES = {
    "digit": "a digit changed",
    "wan_yi": "萬 ↔ 億",
    "direction": "a direction word turned over",
    "qualifier": "a qualifier dropped",
    "from_to": "start and end swapped",
    "unit": "a unit changed",
    "period": "a period changed",
    "term": "a finance term in a known-wrong sense",
}


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
    if not isinstance(report, dict) or not {"rows", "flags"} <= set(report):
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
    if "flag_benchmark" in report:
        lines += ["measured (bench/bench_flags.py):", *_benchmark_lines(report["flag_benchmark"])]
    return "\n".join(lines)


def _benchmark_lines(figures: dict[str, Any]) -> list[str]:
    """The benchmark's figures in plain sentences: catch rate per kind, false alarms."""
    lines = [
        f"  {KIND_NAMES.get(kind, kind)}: {r['caught']} of {r['injected']} caught ({r['rate']:.0%})"
        for kind, r in figures["catch"].items()
        if r["injected"]
    ]
    fa = figures["false_alarms"]
    lines.append(
        f"  false alarms: {fa['false_alarms']} of {fa['number_units']} number-bearing sentence units of the"
        f" seeds read by hand ({fa['rate']:.1%}); real errors read there: {fa['real_errors_flagged']} of"
        f" {fa['real_errors']} flagged"
    )
    return lines


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
Their counts per level are in the Flags table above; rates per call are in `quality.json`
(the hits themselves are in the rows: filter on `flags`).

Alignment types: {kinds}. Scores of paired units: {scores}. A unit's `score` is its
alignment cost (length and anchor disagreement) mapped to 0–1 as `exp(-cost / 4)`: 1 for a
perfect `1-1` fit. It ranks units; it is not a calibrated probability of a correct alignment
(in the seeds every unit scoring below 0.5 is correctly aligned): decide with the `flags`.

A few real examples from this release:

| code | English | Chinese | evidence |
|---|---|---|---|
{chr(10).join(examples)}
{_flags_section(report.get("flag_benchmark"))}"""


def _our_cell(text: str) -> str:
    """The package's own text (catalog, glossary) for a table cell: Markdown kept, `|` escaped."""
    return text.replace("|", "\\|").replace("\n", " ")


def _flags_section(figures: dict[str, Any] | None) -> str:
    """What each sentence flag catches and cannot, the measured rates, and the glossary."""
    rows = [
        f"| `{flag.code}` | {flag.severity} | {_our_cell(flag.description)} | {_our_cell(flag.limits)} |"
        for flag in CATALOG.values()
        if "sentence" in flag.scopes and flag.limits
    ]
    measured = ""
    if figures is not None:
        clean = figures["clean_pairs"]
        measured = f"""
Measured by `bench/bench_flags.py` (errors injected into the {clean["seeds"]:,} clean sentence
pairs of the seeds and the {clean["synthetic"]:,} of {clean["synthetic_calls"]} synthetic calls,
and into the glossary's test sentences; false alarms on the seeds' number-bearing sentence units,
each read by hand in both languages, `tests/data/seed-number-pairs.jsonl`):

{chr(10).join("- " + line.strip() for line in _benchmark_lines(figures))}
"""
    data = glossary()
    terms = [
        f"| {_our_cell(' / '.join(t['en']))} | {_our_cell(t['sense'])} | "
        + _our_cell(", ".join(f"{w['zh']} ({w['means']})" for w in t["wrong"]))
        + " |"
        for t in data["terms"]
    ]
    return f"""
### What each flag catches and cannot

| code | severity | catches | cannot |
|---|---|---|---|
{chr(10).join(rows)}
{measured}
### Finance glossary (version {data["version"]})

`term_wrong_sense` flags a pair whose English has one of these terms and whose Chinese has a
rendering known to be wrong in that sense; the absence of a preferred rendering is never flagged
(`builder/evidence/glossary.json`, part of the build signature).

| term | sense in a call | known-wrong renderings |
|---|---|---|
{chr(10).join(terms)}
"""
