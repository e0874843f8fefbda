"""Segment rows: what the structure stage says of each segment, as its row holds it.

The row itself (schema column order, the flags and evidence alignment completes, its JSON line
and its Arrow values) is built by the core (``rust/src/rows.rs``: ``segment_row``) from these
facts, passed by ``builder/rows/sentences.py`` with each segment it aligns.
"""

from __future__ import annotations

from typing import Any

from builder.records import Participant, Segment, Turn
from builder.structure.roles import participant_key

Row = dict[str, Any]
#: A turn as its segments' rows hold it: the turn's index, the speaker's name, the name the call
#: introduced them by, their title and role (the core's ``TurnFacts``).
TurnFacts = tuple[int, str | None, str | None, str | None, str]
#: Where a segment stands and comes from: its section, exchange and role in it, its source
#: lines in English and Chinese (the core's ``Standing``).
Standing = tuple[str, int | None, str | None, int, int | None]


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


def turn_facts(turn: Turn, people: dict[tuple[str, str | None], Participant]) -> TurnFacts:
    """What the rows of a turn's segments say of it; ``people``: the call's participants by
    name and title."""
    header = turn.header
    if header is None:
        return (turn.index, None, None, None, "unknown")
    person = people[participant_key(header)]
    return (turn.index, header.name, person.introduced_as, header.title, person.role)


def standing(segment: Segment, turn: Turn) -> Standing:
    """Where a segment's row says it stands, and its source lines."""
    exchange, exchange_role = exchange_of(segment, turn)
    return (section_of(segment, turn), exchange, exchange_role, segment.line_en, segment.line_zh)
