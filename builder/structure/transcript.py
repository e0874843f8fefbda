"""Assemble a structured transcript from a raw source: the structure stage's one entry point."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Any

from builder.errors import SourceError
from builder.records import Metadata, RawSource, Sourced, Transcript
from builder.structure.accounting import check_accounting
from builder.structure.affiliations import link_introductions, state_affiliations
from builder.structure.exchanges import find_exchanges
from builder.structure.metadata import from_text, from_title, translation_origin, translation_script
from builder.structure.pairing import pair_lines
from builder.structure.roles import assign_roles, header_roles
from builder.structure.sections import find_qa_start, first_question, mark_opening, mark_sections

#: The longest company slug an id takes: ids and the file names made from them stay short.
MAX_SLUG = 40


def _slug(text: str) -> str:
    """Lower-case ASCII words joined by ``-``, at most ``MAX_SLUG`` characters (whole words)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug if len(slug) <= MAX_SLUG else slug[: MAX_SLUG + 1].rsplit("-", 1)[0][:MAX_SLUG]


def transcript_id(meta: Metadata, source: RawSource) -> str:
    """``TICKER-YYYYQn`` (company slug when no ticker); the content hash stands in for an unknown period."""
    base = meta.ticker.value or (_slug(str(meta.company.value)) if meta.company.value else "") or "call"
    if meta.fiscal_year.value is not None and meta.fiscal_quarter.value is not None:
        return f"{base}-{meta.fiscal_year.value}Q{meta.fiscal_quarter.value}"
    content = "\n".join([line.text for line in source.front] + [line.text for line in source.body])
    return f"{base}-{hashlib.sha256(content.encode()).hexdigest()[:12]}"


def _apply_manifest(meta: Metadata, overrides: dict[str, Any]) -> None:
    for name, value in overrides.items():
        setattr(meta, name, Sourced(value, "manifest", None))


def build_transcript(source: RawSource, overrides: dict[str, Any] | None = None) -> Transcript:
    """Pair, segment and annotate one raw source; ``overrides`` come from the manifest."""
    turns = pair_lines(source.name, source.body)
    if not any(turn.segments for turn in turns):
        raise SourceError(source.name, "has no English paragraph to pair")
    if not any(turn.header for turn in turns):
        raise SourceError(
            source.name,
            "has no speaker header (a transcript names who speaks: 'Operator', 'Jane Doe - CFO'; "
            "not a transcript?)",
        )
    qa_start = find_qa_start(turns)
    if qa_start is None:
        qa_start = first_question(turns)
    mark_sections(turns, qa_start)
    participants = assign_roles(turns)
    roles = header_roles(participants)
    role_of = {t.index: roles[t.header.name, t.header.title] if t.header else "unknown" for t in turns}
    exchanges = find_exchanges(turns, role_of)
    mark_opening(turns)

    meta = Metadata()
    from_title(source.front, meta)
    from_text(turns, meta)
    _apply_manifest(meta, overrides or {})
    people = {(p.name, p.title): p for p in participants}
    link_introductions(exchanges, turns, people)
    state_affiliations(participants, turns, str(meta.company.value) if meta.company.value else None)

    flags: list[str] = []
    if meta.fiscal_year.value is None or meta.fiscal_quarter.value is None:
        flags.append("fiscal_period_unknown")
    if meta.company.value is None:
        flags.append("company_unknown")
    script = translation_script(turns)
    if script is None:  # nothing is translated
        flags.append("no_translation")
    if qa_start is None:
        flags.append("qa_start_not_found")
    if any(turn.header is not None and None in (turn.header.line_en, turn.header.line_zh) for turn in turns):
        flags.append("speaker_header_written_once")
    if any(line.kind == "other" for line in source.front):
        flags.append("unrecognized_front_matter")

    qa_segment = None
    if qa_start is not None:
        qa_segment = next((s.index for t in turns[qa_start:] for s in t.segments), None)
    transcript = Transcript(
        transcript_id=transcript_id(meta, source),
        source=source,
        metadata=meta,
        translation_origin=replace(translation_origin(source.front), script=script),
        turns=turns,
        participants=participants,
        exchanges=exchanges,
        qa_start_segment=qa_segment,
        flags=flags,
    )
    check_accounting(transcript)
    return transcript
