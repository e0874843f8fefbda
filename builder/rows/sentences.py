"""Segment and sentence rows, built by the core from one alignment per segment.

One alignment per segment feeds both configs: the segment's row gains the quality codes its
units show (``number_mismatch``, ``stray_fragment``, …) with evidence for every flag, and each
aligned unit becomes a row of the ``sentences`` config. Both come from the core in bulk
(``rust/src/rows.rs``, ``batch.rs``), the segment's row from the facts of the structure stage
passed with it (``builder/rows/segments.py``): as JSON lines checked against their schemas (the
JSON Lines copy), and held in the core for the Arrow batches it builds from the same values
(``core_batch``, and the shard writer's ``SegmentBatches`` and ``SentenceBatches``). None of them
becomes a Python object, and none is parsed back from its text; a row the core's check rejects
is read back from its Arrow batch, to be explained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa

from builder import _core
from builder.align.findings import segment_aligner
from builder.records import Transcript
from builder.rows.segments import Row, segment_id, standing, turn_facts
from builder.rows.splits import split_of
from builder.schema.derived import arrow_schema

#: The configs whose rows the core builds and holds, and what takes them as Arrow batches.
CORE_BATCHES: dict[str, type[_core.SegmentBatches | _core.SentenceBatches]] = {
    "segments": _core.SegmentBatches,
    "sentences": _core.SentenceBatches,
}


@dataclass(frozen=True, slots=True)
class AlignedCall:
    """A call's ``segments`` and ``sentences`` rows: as JSON lines in schema column order, how
    many sentence rows, each segment's flag codes and number of sentence rows, the rows each
    schema rejects, and the rows per segment as the core holds them."""

    segment_lines: bytes
    sentence_lines: bytes
    num_sentences: int
    #: Each segment's flag codes (catalog order), by segment index.
    segment_flags: list[list[str]]
    #: How many units each segment has, by segment index.
    per_segment: list[int]
    rejected_segments: list[Row]
    rejected_sentences: list[Row]
    #: Each segment's rows, held by the core for the Arrow batches.
    held: tuple[_core.AlignedRows, ...]


def core_batch(config: str, segments: Sequence[_core.AlignedRows]) -> pa.RecordBatch:
    """The segments' rows of a config the core builds as one Arrow batch of its schema."""
    schema = arrow_schema(config)
    batches = CORE_BATCHES[config](schema)
    batches.push(list(segments))
    return pa.record_batch(batches.take(len(batches))).replace_schema_metadata(schema.metadata)


def aligned_rows(transcript: Transcript) -> AlignedCall:
    """The call's segment rows (flags and evidence complete) and the rows of their sentence
    units. The records are not changed."""
    aligner = segment_aligner()
    tid = transcript.transcript_id
    split = split_of(tid)
    people = {(p.name, p.title): p for p in transcript.participants}
    held: list[_core.AlignedRows] = []
    for turn in transcript.turns:
        facts = turn_facts(turn, people)
        for segment in turn.segments:
            found = aligner.rows(
                segment.en,
                segment.zh,
                segment.flags,
                segment.evidence,
                segment_id(tid, segment.index),
                tid,
                split,
                segment.index,
                facts,
                standing(segment, turn),
            )
            held.append(found)
    return AlignedCall(
        b"".join(found.segment_line for found in held),
        b"".join(found.lines for found in held),
        sum(found.count for found in held),
        [found.flags for found in held],
        [found.count for found in held],
        [
            row
            for found in held
            if found.segment_rejected
            for row in core_batch("segments", (found,)).to_pylist()
        ],
        [row for found in held if found.invalid for row in _invalid_sentences(found)],
        tuple(held),
    )


def _invalid_sentences(found: _core.AlignedRows) -> list[Row]:
    """A segment's sentence rows the core's check rejected, read back from their batch."""
    built = core_batch("sentences", (found,)).to_pylist()
    return [built[k] for k in found.invalid]
