"""The translation-quality report of a release: ``quality.json``, the card section, the CLI text.

Shards tally their rows (``QualityTally.add_*``); the release merges the tallies and writes
``report()`` as ``quality.json``. Everything is counted from the rows as written, in a fixed
order, so the report's bytes depend only on the release's rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from builder.align.quality import score_bucket
from builder.errors import CallcorpusError
from builder.escape import md_inline
from builder.flags import CATALOG

#: How many real examples per flag the card shows.
CARD_EXAMPLES = 2


@dataclass(slots=True)
class QualityTally:
    """Counts of one shard (or, merged, of a release)."""

    flags: dict[str, Counter[str]] = field(default_factory=dict)
    rows: Counter[str] = field(default_factory=Counter)
    alignments: Counter[str] = field(default_factory=Counter)
    scores: Counter[str] = field(default_factory=Counter)
    per_transcript: dict[str, dict[str, int]] = field(default_factory=dict)
    number_mismatches: list[dict[str, Any]] = field(default_factory=list)
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add_segment(self, row: dict[str, Any]) -> None:
        """Count one segment row."""
        self._count("segments", row["flags"])
        stats = self._transcript(row["transcript_id"])
        stats["segments"] += 1
        stats["flagged_segments"] += bool(row["flags"])

    def add_sentence(self, row: dict[str, Any]) -> None:
        """Count one sentence row; keep its number mismatch and the first examples of each flag."""
        self._count("sentences", row["flags"])
        self.alignments[row["alignment"]] += 1
        stats = self._transcript(row["transcript_id"])
        stats["sentences"] += 1
        stats["flagged_sentences"] += bool(row["flags"])
        if row["translation"]["en"] and row["translation"]["zh"]:
            self.scores[score_bucket(row["score"])] += 1
        for item in row["flag_evidence"]:
            example = {
                "sentence_id": row["sentence_id"],
                "evidence": item["evidence"],
                "en": row["translation"]["en"],
                "zh": row["translation"]["zh"],
            }
            if item["code"] == "number_mismatch":
                self.number_mismatches.append(example)
            kept = self.examples.setdefault(item["code"], [])
            if len(kept) < CARD_EXAMPLES:
                kept.append(example)

    def _count(self, config: str, codes: list[str]) -> None:
        self.rows[config] += 1
        self.flags.setdefault(config, Counter()).update(codes)

    def _transcript(self, tid: str) -> dict[str, int]:
        if tid not in self.per_transcript:
            keys = ("segments", "flagged_segments", "sentences", "flagged_sentences")
            self.per_transcript[tid] = dict.fromkeys(keys, 0)
        return self.per_transcript[tid]

    def merge(self, other: QualityTally) -> None:
        """Add another shard's tally (shards are merged in shard order)."""
        for config, counts in other.flags.items():
            self.flags.setdefault(config, Counter()).update(counts)
        self.rows.update(other.rows)
        self.alignments.update(other.alignments)
        self.scores.update(other.scores)
        for tid, stats in other.per_transcript.items():
            mine = self._transcript(tid)
            for key, value in stats.items():
                mine[key] += value
        self.number_mismatches += other.number_mismatches
        for code, examples in other.examples.items():
            kept = self.examples.setdefault(code, [])
            kept += examples[: CARD_EXAMPLES - len(kept)]

    def report(self) -> dict[str, Any]:
        """The content of ``quality.json``: plain data in a fixed order."""
        configs = ("segments", "sentences")
        return {
            "rows": {c: self.rows[c] for c in configs},
            "flags": {c: _nonzero(self.flags.get(c, Counter())) for c in configs},
            "alignment_types": dict(sorted(self.alignments.items(), key=lambda kv: (-kv[1], kv[0]))),
            "score_distribution": {
                f"{b / 10:.1f}-{b / 10 + 0.1:.1f}": self.scores[score_bucket(b / 10)] for b in range(10)
            },
            "per_transcript": {
                tid: {
                    **stats,
                    "flagged_segment_rate": round(stats["flagged_segments"] / max(stats["segments"], 1), 4),
                    "flagged_sentence_rate": round(
                        stats["flagged_sentences"] / max(stats["sentences"], 1), 4
                    ),
                }
                for tid, stats in sorted(self.per_transcript.items())
            },
            "number_mismatch_hits": self.number_mismatches,
            "examples": {code: self.examples[code] for code in CATALOG if code in self.examples},
        }


def _nonzero(counts: Counter[str]) -> dict[str, int]:
    """Counts in catalog order, zeros left out."""
    return {code: counts[code] for code in CATALOG if counts[code]}


def release_report(tallies: list[QualityTally]) -> dict[str, Any]:
    """Merge the shards' tallies, in shard order, into the release's report."""
    total = QualityTally()
    for tally in tallies:
        total.merge(tally)
    return total.report()


def report_bytes(report: dict[str, Any]) -> bytes:
    """``quality.json`` as written: UTF-8, Chinese unescaped, indented, keys in report order."""
    return orjson.dumps(report, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def read_report(release: Path) -> dict[str, Any]:
    """A release's ``quality.json``; ``CallcorpusError`` when it is missing or unreadable."""
    path = release / "quality.json"
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
    rows = []
    for code, flag in CATALOG.items():
        counts = [report["flags"][c].get(code, 0) for c in ("segments", "sentences")]
        if flag.scope != "transcript":
            rows.append(f"| `{code}` | {counts[0]:,} | {counts[1]:,} |")
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
Full counts, rates per call and every `number_mismatch` hit are in `quality.json`.

| code | segments | sentence units |
|---|---:|---:|
{chr(10).join(rows)}

Alignment types: {kinds}. Scores of paired units: {scores}.

A few real examples from this release:

| code | English | Chinese | evidence |
|---|---|---|---|
{chr(10).join(examples)}
"""
