"""Sentence rows, and the segment rows completed with their translation-quality flags.

One alignment per segment feeds both configs: the segment row gains the quality codes its
units show (``number_mismatch``, ``stray_fragment``, …) with evidence for every flag, and each
aligned unit becomes a row of the ``sentences`` config.
"""

from __future__ import annotations

from collections.abc import Iterator

from builder.align import align_pair
from builder.align.findings import Finding, segment_findings, unit_findings
from builder.evidence.simplified import simplified_chars
from builder.records import Transcript
from builder.rows.segments import Row, segment_rows

#: Segment codes every unit of the segment carries too.
INHERITED = ("speaker_header_in_text", "untranslated")


def sentence_id(segment_id: str, position: int) -> str:
    """Stable unit id: the segment id and the unit's 0-based position, zero-padded to 3 digits."""
    return f"{segment_id}-{position:03d}"


def _evidence(findings: list[Finding]) -> list[Row]:
    return [{"code": f.code, "evidence": f.evidence} for f in findings]


def aligned_rows(transcript: Transcript) -> Iterator[tuple[Row, list[Row]]]:
    """Each segment row (flags and evidence complete) with the rows of its sentence units.

    The records are not changed: the segment rows carry the completed flags."""
    for row, segment in zip(segment_rows(transcript), transcript.segments, strict=True):
        units = align_pair(segment.en, segment.zh)
        inherited = [code for code in INHERITED if code in segment.flags]
        per_unit = unit_findings(units, inherited, bool(segment.zh and simplified_chars(segment.zh)))
        findings = segment_findings(segment.en, segment.zh, segment.flags, units, per_unit, segment.evidence)
        row["flags"] = [f.code for f in findings]
        row["flag_evidence"] = _evidence(findings)
        sid = row["segment_id"]
        sentences = [
            {
                "sentence_id": sentence_id(sid, k),
                "segment_id": sid,
                "transcript_id": row["transcript_id"],
                "segment_index": row["segment_index"],
                "position": k,
                "translation": {"en": unit.en or None, "zh": unit.zh or None},
                "alignment": unit.kind,
                "score": unit.score,
                "en_start": unit.en_start,
                "en_end": unit.en_end,
                "zh_start": unit.zh_start,
                "zh_end": unit.zh_end,
                "flags": [f.code for f in found],
                "flag_evidence": _evidence(found),
            }
            for k, (unit, found) in enumerate(zip(units, per_unit, strict=True))
        ]
        yield row, sentences
