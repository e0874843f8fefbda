"""Segment rows: one per paragraph pair, in schema column order, before alignment adds quality flags."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from builder.records import Segment, Transcript, Turn
from builder.rows.splits import split_of
from builder.structure.roles import participant_key

Row = dict[str, Any]


def segment_id(transcript_id: str, index: int) -> str:
    """Stable segment id: the transcript id and the 0-based position, zero-padded to 4 digits."""
    return f"{transcript_id}-{index:04d}"


def section_of(segment: Segment, turn: Turn) -> str:
    """A segment's section: its own (opening, safe harbor) or its turn's."""
    return segment.section or turn.section


def exchange_of(segment: Segment, turn: Turn) -> tuple[int | None, str | None]:
    """A segment's exchange and role in it: its turn's, unless it is set apart from every
    exchange (the housekeeping before the first introduction)."""
    return (None, None) if segment.outside_exchange else (turn.exchange, turn.exchange_role)


def segment_rows(transcript: Transcript) -> Iterator[Row]:
    """One row per segment of a transcript, in source order."""
    tid = transcript.transcript_id
    split = split_of(tid)
    people = {(p.name, p.title): p for p in transcript.participants}
    for turn in transcript.turns:
        header = turn.header
        person = people[participant_key(header)] if header else None
        for segment in turn.segments:
            exchange, exchange_role = exchange_of(segment, turn)
            yield {
                "segment_id": segment_id(tid, segment.index),
                "transcript_id": tid,
                "split": split,
                "segment_index": segment.index,
                "turn_index": turn.index,
                "speaker": header.name if header else None,
                "speaker_introduced_as": person.introduced_as if person else None,
                "speaker_title": header.title if header else None,
                "speaker_role": person.role if person else "unknown",
                "section": section_of(segment, turn),
                "exchange": exchange,
                "exchange_role": exchange_role,
                "translation": {"en": segment.en, "zh": segment.zh},
                "flags": segment.flags,
                "source_line_en": segment.line_en,
                "source_line_zh": segment.line_zh,
                "flag_evidence": [],
            }
