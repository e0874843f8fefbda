"""Segment rows: one per paragraph pair, in schema column order, before alignment adds quality flags."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from builder.records import Transcript
from builder.structure.roles import header_roles, participant_key

Row = dict[str, Any]


def segment_id(transcript_id: str, index: int) -> str:
    """Stable segment id: the transcript id and the 0-based position, zero-padded to 4 digits."""
    return f"{transcript_id}-{index:04d}"


def segment_rows(transcript: Transcript) -> Iterator[Row]:
    """One row per segment of a transcript, in source order."""
    tid = transcript.transcript_id
    roles = header_roles(transcript.participants)
    for turn in transcript.turns:
        header = turn.header
        speaker = header.name if header else None
        title = header.title if header else None
        role = roles[participant_key(header)] if header else "unknown"
        for segment in turn.segments:
            yield {
                "segment_id": segment_id(tid, segment.index),
                "transcript_id": tid,
                "segment_index": segment.index,
                "turn_index": turn.index,
                "speaker": speaker,
                "speaker_title": title,
                "speaker_role": role,
                "section": turn.section,
                "exchange": turn.exchange,
                "exchange_role": turn.exchange_role,
                "translation": {"en": segment.en, "zh": segment.zh},
                "flags": segment.flags,
                "source_line_en": segment.line_en,
                "source_line_zh": segment.line_zh,
                "flag_evidence": [],
            }
