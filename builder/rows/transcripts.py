"""The transcripts row: one per call, with metadata, participants, turns, counts and full text."""

from __future__ import annotations

from builder.records import Exchange, Participant, Transcript, Turn
from builder.rows.segments import Row
from builder.rows.splits import split_of
from builder.sources.script import count_han, count_words


def _participant(person: Participant) -> Row:
    return {
        "name": person.name,
        "title": person.title,
        "role": person.role,
        "role_evidence": person.role_evidence,
        "affiliation": person.affiliation,
        "affiliation_source": person.affiliation_source,
        "introduced_as": person.introduced_as,
        "on_behalf_of": person.on_behalf_of,
    }


def _exchange(exchange: Exchange) -> Row:
    return {
        "exchange": exchange.number,
        "questioner": exchange.questioner,
        "introduced_as": exchange.introduced_as,
        "introduced_affiliation": exchange.introduced_affiliation,
        "introduction_line": exchange.introduction_line,
        "follow_up": exchange.follow_up,
        "first_turn": exchange.first_turn,
        "last_turn": exchange.last_turn,
    }


def _turn(turn: Turn) -> Row:
    header = turn.header
    return {
        "turn_index": turn.index,
        "speaker": header.name if header else None,
        "speaker_title": header.title if header else None,
        "section": turn.section,
        "exchange": turn.exchange,
        "exchange_role": turn.exchange_role,
        "header_text_en": header.text_en if header else None,
        "header_text_zh": header.text_zh if header else None,
        "header_line_en": header.line_en if header else None,
        "header_line_zh": header.line_zh if header else None,
        "first_segment": turn.segments[0].index if turn.segments else None,
        "num_segments": len(turn.segments),
    }


def transcript_row(transcript: Transcript, segment_flags: list[list[str]]) -> Row:
    """The call-level row: metadata with provenance, participants, turns, counts and full text.

    ``segment_flags`` are the flags of the call's finished segments (alignment's included),
    which the row counts."""
    meta = transcript.metadata
    source = transcript.source
    origin = transcript.translation_origin
    segments = transcript.segments
    text_en = "\n".join(s.en for s in segments)
    text_zh = "\n".join(s.zh for s in segments if s.zh is not None)
    title = next((line.text for line in source.front if line.kind == "title"), None)
    return {
        "transcript_id": transcript.transcript_id,
        "split": split_of(transcript.transcript_id),
        **{name: getattr(meta, name).value for name in meta.FIELDS},
        "title": title,
        "provenance": {
            name: {"source": getattr(meta, name).source, "line": getattr(meta, name).line}
            for name in meta.FIELDS
        },
        "translation_origin": {
            "method": origin.method,
            "engine": origin.engine,
            "disclaimer": origin.disclaimer,
            "source_line": origin.line,
            "script": origin.script,
        },
        "source_file": source.name,
        "source_sha256": source.sha256,
        "source_layout": source.layout,
        "source_num_lines": source.num_lines,
        "front_matter": [
            {"kind": line.kind, "source_line": line.number, "text": line.text} for line in source.front
        ],
        "participants": [_participant(p) for p in transcript.participants],
        "affiliations": [
            {"name": p.name, "title": p.title, "affiliation": s.value, "source": s.source, "line": s.line}
            for p in transcript.participants
            for s in p.affiliations
        ],
        "turns": [_turn(t) for t in transcript.turns],
        "exchanges": [_exchange(e) for e in transcript.exchanges],
        "qa_start_segment": transcript.qa_start_segment,
        "num_turns": len(transcript.turns),
        "num_segments": len(segments),
        "num_exchanges": len(transcript.exchanges),
        "num_participants": len(transcript.participants),
        "num_en_words": count_words(text_en),
        "num_zh_chars": count_han(text_zh),
        "num_flagged_segments": sum(1 for flags in segment_flags if flags),
        "flags": transcript.flags,
        "text_en": text_en,
        "text_zh": text_zh,
    }
