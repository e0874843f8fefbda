"""Translation-quality counts: each shard tallies its rows, the release merges the tallies.

The counts are sums over the calls written (``add_call``: each segment's flags, and what the
core counts of the call's sentence rows, ``rust/src/tally.rs``); the examples are the first of
each flag in the order the sentence rows are written (``add_examples``, which sees each batch).
So the report (``report()``, written as ``quality.json``) depends only on the release's rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import ne
from typing import Any

import pyarrow as pa

from builder import _core
from builder.flags import CATALOG, flag_benchmark

#: How many real examples per flag the card shows.
CARD_EXAMPLES = 2


@dataclass(slots=True)
class QualityTally:
    """Counts of one shard (or, merged, of a release)."""

    flags: dict[str, Counter[str]] = field(default_factory=dict)
    rows: Counter[str] = field(default_factory=Counter)
    alignments: Counter[str] = field(default_factory=Counter)
    #: Sentence rows with text on both sides, by the tenth of [0, 1] their score falls in.
    scores: Counter[int] = field(default_factory=Counter)
    per_transcript: dict[str, dict[str, int]] = field(default_factory=dict)
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add_call(
        self, transcript_id: str, segment_flags: Sequence[list[str]], sentences: _core.SentenceCounts
    ) -> None:
        """Count one call's rows: each segment's flag codes, and the counts of its sentence rows."""
        stats = self._transcript(transcript_id) if segment_flags or sentences.rows else None
        if segment_flags and stats is not None:
            self.rows["segments"] += len(segment_flags)
            self.flags.setdefault("segments", Counter()).update(chain.from_iterable(segment_flags))
            stats["segments"] += len(segment_flags)
            stats["flagged_segments"] += sum(1 for flags in segment_flags if flags)
        if sentences.rows and stats is not None:
            self.rows["sentences"] += sentences.rows
            self.flags.setdefault("sentences", Counter()).update(sentences.codes)
            self.alignments.update(sentences.kinds)
            self.scores.update({tenth: count for tenth, count in enumerate(sentences.tenths) if count})
            stats["sentences"] += sentences.rows
            stats["flagged_sentences"] += sentences.flagged

    def add_examples(self, batch: pa.RecordBatch) -> None:
        """Keep the first examples of each flag from a batch of sentence rows as written (in row
        order): the hits themselves stay in the rows, so the report's size does not grow with
        them. Only the flag codes of the flagged rows become Python objects, and the texts of
        the rows kept."""
        flags = batch.column("flags")
        offsets = flags.offsets.to_pylist()
        flagged = compress(range(batch.num_rows), map(ne, offsets[1:], offsets))
        codes = flags.values.to_pylist() if offsets[0] != offsets[-1] else []
        for k in flagged:
            if any(
                len(self.examples.get(code, ())) < CARD_EXAMPLES
                for code in codes[offsets[k] : offsets[k + 1]]
            ):
                translation = batch.column("translation")[k].as_py()
                sid = batch.column("sentence_id")[k].as_py()
                self._keep_examples(sid, translation, batch.column("flag_evidence")[k].as_py())

    def _keep_examples(self, sid: str, pair: dict[str, str | None], evidence: list[dict[str, str]]) -> None:
        for item in evidence:
            kept = self.examples.setdefault(item["code"], [])
            if len(kept) < CARD_EXAMPLES:
                kept.append(
                    {"sentence_id": sid, "evidence": item["evidence"], "en": pair["en"], "zh": pair["zh"]}
                )

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
            "score_distribution": {f"{b / 10:.1f}-{b / 10 + 0.1:.1f}": self.scores[b] for b in range(10)},
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
