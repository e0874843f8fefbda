"""Typed records passed between the pipeline stages (dicts appear only at the edges)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Slot = Literal["en", "zh"]
Layout = Literal["plain", "bulleted"]
FrontKind = Literal["title", "label", "disclaimer", "other"]
Role = Literal["operator", "corporate", "participant", "unknown"]
#: A segment's section; a turn's is one of the last three (``opening`` and ``safe_harbor`` are
#: parts of turns).
Section = Literal["opening", "safe_harbor", "prepared_remarks", "qa", "closing_remarks"]
ExchangeRole = Literal["question", "answer", "moderator"]
AffiliationSource = Literal["operator_introduction", "title", "text"]


class BodyLine(NamedTuple):
    """A non-blank line after the front matter; ``slot`` is set when the layout marks it."""

    number: int
    text: str
    slot: Slot | None


class FrontLine(NamedTuple):
    """A line before the first paragraph: title, label or disclaimer."""

    number: int
    text: str
    kind: FrontKind


@dataclass(frozen=True, slots=True)
class RawSource:
    """One raw transcript file, read and split by its layout."""

    name: str
    sha256: str
    num_bytes: int
    layout: Layout
    num_lines: int
    front: tuple[FrontLine, ...]
    body: tuple[BodyLine, ...]
    blank: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Header:
    """A speaker header, normally written once in each slot; the text and line of a slot are
    None when the source wrote the header only in the other. Texts are as written; name and
    title are normalized (``speakers.normalize``)."""

    text_en: str | None
    text_zh: str | None
    name: str
    title: str | None
    line_en: int | None
    line_zh: int | None
    #: Look-alike, hidden or combining characters in the header lines, named (``speakers.unusual``).
    unusual: tuple[str, ...] = ()


@dataclass(slots=True)
class Segment:
    """One English paragraph with its Chinese translation."""

    index: int
    turn_index: int
    en: str
    zh: str | None
    line_en: int
    line_zh: int | None
    flags: list[str] = field(default_factory=list)
    #: Evidence for flags whose evidence the text alone cannot give, by code.
    evidence: dict[str, str] = field(default_factory=dict)
    #: The segment's own section, exchange and role in it, where they differ from its turn's
    #: (the opening and the safe-harbor notice inside a turn; housekeeping before the first
    #: introduction in the turn that opens the Q&A); None: the turn's.
    section: Section | None = None
    outside_exchange: bool = False


@dataclass(slots=True)
class Turn:
    """A speaker's turn: the header and the segments under it."""

    index: int
    header: Header | None
    segments: list[Segment] = field(default_factory=list)
    section: Section = "prepared_remarks"
    exchange: int | None = None
    exchange_role: ExchangeRole | None = None


@dataclass(slots=True)
class Participant:
    """Someone who speaks on the call, with the evidence for their role and affiliation."""

    name: str
    title: str | None
    role: Role = "unknown"
    role_evidence: str | None = None
    affiliation: str | None = None
    affiliation_source: AffiliationSource | None = None
    introduced_as: str | None = None
    on_behalf_of: str | None = None
    affiliations: list[Statement] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Statement:
    """A value the call states about a participant, with where it says so."""

    value: str
    source: AffiliationSource
    line: int | None


@dataclass(frozen=True, slots=True)
class Exchange:
    """One questioner's slot in the Q&A: from the operator's introduction (or the first
    question, in a call without an operator) to the next introduction or the Q&A's end."""

    number: int
    first_turn: int
    last_turn: int
    questioner: str | None
    introduced_as: str | None
    introduced_affiliation: str | None
    introduction_line: int | None
    follow_up: bool


@dataclass(frozen=True, slots=True)
class Sourced:
    """A metadata value with where it came from (``title``, ``text``, ``manifest``) and the line."""

    value: str | int | None = None
    source: str | None = None
    line: int | None = None


@dataclass(slots=True)
class Metadata:
    """Call-level facts, each with its provenance; unknown values stay null."""

    company: Sourced = field(default_factory=Sourced)
    ticker: Sourced = field(default_factory=Sourced)
    fiscal_year: Sourced = field(default_factory=Sourced)
    fiscal_quarter: Sourced = field(default_factory=Sourced)
    event_type: Sourced = field(default_factory=Sourced)
    call_date: Sourced = field(default_factory=Sourced)

    FIELDS = ("company", "ticker", "fiscal_year", "fiscal_quarter", "event_type", "call_date")


@dataclass(frozen=True, slots=True)
class TranslationOrigin:
    """Where the Chinese text comes from, as the source's disclaimer states it."""

    method: str | None
    engine: str | None
    disclaimer: str | None
    line: int | None
    script: str | None = None


@dataclass(slots=True)
class Transcript:
    """A fully structured call, ready to become rows."""

    transcript_id: str
    source: RawSource
    metadata: Metadata
    translation_origin: TranslationOrigin
    turns: list[Turn]
    participants: list[Participant]
    exchanges: list[Exchange]
    qa_start_segment: int | None
    flags: list[str]

    @property
    def segments(self) -> list[Segment]:
        """All segments in source order."""
        return [segment for turn in self.turns for segment in turn.segments]
