"""Translation-quality counts: each shard tallies its rows, the release merges the tallies.

Everything is counted from the rows as written, in a fixed order, so the report (``report()``,
written as ``quality.json``) depends only on the release's rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from builder.align.findings import score_bucket
from builder.flags import CATALOG, flag_benchmark

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
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add_segment(self, row: dict[str, Any]) -> None:
        """Count one segment row."""
        self._count("segments", row["flags"])
        stats = self._transcript(row["transcript_id"])
        stats["segments"] += 1
        stats["flagged_segments"] += bool(row["flags"])

    def add_sentences(self, batch: pa.RecordBatch) -> None:
        """Count a batch of sentence rows as written; keep the first examples of each flag (in
        row order): the hits themselves stay in the rows, so the report's size does not grow with
        them. Plain Python over the batch's columns, counted a column at a time (pyarrow's
        compute kernels would cost every worker some 45 MB to load); only flagged rows are
        visited one by one."""
        columns = batch.select(["sentence_id", "transcript_id", "alignment", "score", "flags"]).to_pydict()
        translation = batch.column("translation")
        en, zh = translation.field("en").to_pylist(), translation.field("zh").to_pylist()
        tids, flags = columns["transcript_id"], columns["flags"]
        self.rows["sentences"] += batch.num_rows
        self.alignments.update(columns["alignment"])
        paired = zip(columns["score"], en, zh, strict=True)
        self.scores.update(score_bucket(score) for score, e, z in paired if e and z)
        flagged = [k for k, codes in enumerate(flags) if codes]
        for key, rows in (("sentences", range(len(tids))), ("flagged_sentences", flagged)):
            for tid, count in Counter(tids[k] for k in rows).items():
                self._transcript(tid)[key] += count
        counted = self.flags.setdefault("sentences", Counter())
        evidence = batch.column("flag_evidence")
        for k in flagged:
            counted.update(flags[k])
            if any(len(self.examples.get(code, ())) < CARD_EXAMPLES for code in flags[k]):
                pair = {"en": en[k], "zh": zh[k]}
                self._keep_examples(columns["sentence_id"][k], pair, evidence[k].as_py())

    def _keep_examples(self, sid: str, pair: dict[str, str | None], evidence: list[dict[str, str]]) -> None:
        for item in evidence:
            kept = self.examples.setdefault(item["code"], [])
            if len(kept) < CARD_EXAMPLES:
                kept.append(
                    {"sentence_id": sid, "evidence": item["evidence"], "en": pair["en"], "zh": pair["zh"]}
                )

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
            "examples": {code: self.examples[code] for code in CATALOG if code in self.examples},
            "flag_benchmark": flag_benchmark(),
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
