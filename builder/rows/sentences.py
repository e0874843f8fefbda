"""Sentence rows, and the segment rows completed with their translation-quality flags.

One alignment per segment feeds both configs: the segment row gains the quality codes its
units show (``number_mismatch``, ``stray_fragment``, …) with evidence for every flag, and each
aligned unit becomes a row of the ``sentences`` config.
"""

from __future__ import annotations

from collections.abc import Iterator

from builder.align.findings import align_findings
from builder.records import Transcript
from builder.rows.segments import Row, segment_rows


def sentence_id(segment_id: str, position: int) -> str:
    """Stable unit id: the segment id and the unit's 0-based position, zero-padded to 3 digits."""
    return f"{segment_id}-{position:03d}"


def _evidence(findings: list[tuple[str, str]]) -> list[Row]:
    return [{"code": code, "evidence": evidence} for code, evidence in findings]


def aligned_rows(transcript: Transcript) -> Iterator[tuple[Row, list[Row]]]:
    """Each segment row (flags and evidence complete) with the rows of its sentence units.

    The records are not changed: the segment rows carry the completed flags."""
    for row, segment in zip(segment_rows(transcript), transcript.segments, strict=True):
        found, units = align_findings(segment.en, segment.zh, segment.flags, segment.evidence)
        row["flags"] = [code for code, _ in found]
        row["flag_evidence"] = _evidence(found)
        sid, tid, index = row["segment_id"], row["transcript_id"], row["segment_index"]
        sentences = []
        for k, ((kind, en_span, zh_span, en, zh, score, _, _), unit_found) in enumerate(units):
            en_start, en_end = en_span or (None, None)
            zh_start, zh_end = zh_span or (None, None)
            sentences.append(
                {
                    "sentence_id": sentence_id(sid, k),
                    "segment_id": sid,
                    "transcript_id": tid,
                    "segment_index": index,
                    "position": k,
                    "translation": {"en": en or None, "zh": zh or None},
                    "alignment": kind,
                    "score": score,
                    "en_start": en_start,
                    "en_end": en_end,
                    "zh_start": zh_start,
                    "zh_end": zh_end,
                    "flags": [code for code, _ in unit_found],
                    "flag_evidence": _evidence(unit_found),
                }
            )
        yield row, sentences
