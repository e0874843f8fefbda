"""Sentence rows, and the segment rows completed with their translation-quality flags.

One alignment per segment feeds both configs: the segment row gains the quality codes its
units show (``number_mismatch``, ``stray_fragment``, …) with evidence for every flag, and each
aligned unit becomes a row of the ``sentences`` config. The sentence rows come from the core
in bulk, as JSON lines checked against their schema (``rust/src/rows.rs``): none of them
becomes a Python object.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.align.findings import segment_aligner
from builder.records import Transcript
from builder.rows.segments import Row, segment_rows


@dataclass(frozen=True, slots=True)
class SentenceLines:
    """A call's ``sentences`` rows: JSON lines in schema column order, how many, and the lines
    the schema rejects."""

    jsonl: bytes
    count: int
    rejected: list[bytes]
    #: How many units each segment has, by segment index.
    per_segment: list[int]


def aligned_rows(transcript: Transcript) -> tuple[list[Row], SentenceLines]:
    """The segment rows (flags and evidence complete) and the rows of their sentence units.

    The records are not changed: the segment rows carry the completed flags."""
    aligner = segment_aligner()
    segments: list[Row] = []
    chunks: list[bytes] = []
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
        findings, lines = found.findings, found.lines
        row["flags"] = [f.code for f in findings]
        row["flag_evidence"] = [{"code": f.code, "evidence": f.evidence} for f in findings]
        segments.append(row)
        chunks.append(lines)
        count += found.count
        per_segment.append(found.count)
        if found.invalid:
            split = lines.split(b"\n")
            rejected += [split[k] for k in found.invalid]
    return segments, SentenceLines(b"".join(chunks), count, rejected, per_segment)
