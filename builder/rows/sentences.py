"""Sentence rows, and the segment rows completed with their translation-quality flags.

One alignment per segment feeds both configs: the segment row gains the quality codes its
units show (``number_mismatch``, ``stray_fragment``, …) with evidence for every flag, and each
aligned unit becomes a row of the ``sentences`` config. The sentence rows come from the core
in bulk (``rust/src/rows.rs``, ``batch.rs``): as JSON lines checked against their schema (the
JSON Lines copy), and held in the core for the Arrow batches it builds from the same values
(``sentence_batch``, and the shard writer's ``SentenceBatches``). None of them becomes a Python
object, and none is parsed back from its text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from builder import _core
from builder.align.findings import segment_aligner
from builder.records import Transcript
from builder.rows.segments import Row, segment_rows
from builder.schema.derived import arrow_schema


@dataclass(frozen=True, slots=True)
class SentenceLines:
    """A call's ``sentences`` rows: JSON lines in schema column order, how many, the rows the
    schema rejects, and the rows per segment as the core holds them."""

    jsonl: bytes
    count: int
    rejected: list[Row]
    #: How many units each segment has, by segment index.
    per_segment: list[int]
    #: Each segment's rows, held by the core for the Arrow batches.
    segments: tuple[_core.SentenceRows, ...]


def sentence_batch(segments: tuple[_core.SentenceRows, ...]) -> pa.RecordBatch:
    """The segments' rows as one Arrow batch of the ``sentences`` schema, built by the core."""
    schema = arrow_schema("sentences")
    batches = _core.SentenceBatches(schema)
    batches.push(list(segments))
    return pa.record_batch(batches.take(len(batches))).replace_schema_metadata(schema.metadata)


def aligned_rows(transcript: Transcript) -> tuple[list[Row], SentenceLines]:
    """The segment rows (flags and evidence complete) and the rows of their sentence units.

    The records are not changed: the segment rows carry the completed flags."""
    aligner = segment_aligner()
    segments: list[Row] = []
    found_rows: list[_core.SentenceRows] = []
    count, rejected, per_segment = 0, [], []
    for row, segment in zip(segment_rows(transcript), transcript.segments, strict=True):
        found = aligner.rows(
            segment.en,
            segment.zh,
            segment.flags,
            segment.evidence,
            row["segment_id"],
            row["transcript_id"],
            row["split"],
            row["segment_index"],
        )
        findings = found.findings
        row["flags"] = [f.code for f in findings]
        row["flag_evidence"] = [{"code": f.code, "evidence": f.evidence} for f in findings]
        segments.append(row)
        found_rows.append(found)
        count += found.count
        per_segment.append(found.count)
        if found.invalid:
            built = sentence_batch((found,)).to_pylist()
            rejected += [built[k] for k in found.invalid]
    jsonl = b"".join(found.lines for found in found_rows)
    return segments, SentenceLines(jsonl, count, rejected, per_segment, tuple(found_rows))
