"""Q&A rows: one per exchange, the questioner's turns and the company's answers as a
question→answer pair, the operator's words apart, with the segments and sentence units each
side covers (so every row joins back to ``segments`` and ``sentences``)."""

from __future__ import annotations

from collections.abc import Iterator

from builder._core import sentence_id
from builder.records import Exchange, Participant, Segment, Transcript, Turn
from builder.rows.segments import Row, exchange_of, segment_id
from builder.rows.splits import split_of
from builder.structure.roles import participant_key

#: How a side's paragraphs are joined into one text.
JOIN = "\n"


def qa_id(transcript_id: str, exchange: int) -> str:
    """Stable exchange id: the transcript id and the exchange number, zero-padded to 2 digits."""
    return f"{transcript_id}-qa{exchange:02d}"


def _text(segments: list[Segment]) -> Row:
    """A side's paragraphs joined, in both languages (null when there are none)."""
    zh = [s.zh for s in segments if s.zh is not None]
    return {"en": JOIN.join(s.en for s in segments) or None, "zh": JOIN.join(zh) or None}


class _Exchange:
    """One exchange's turns, each with the segments the exchange holds of it, and its sides."""

    def __init__(self, transcript: Transcript, exchange: Exchange) -> None:
        self.tid = transcript.transcript_id
        self.turns: list[tuple[Turn, list[Segment]]] = []
        self._sides: dict[str | None, list[tuple[Turn, list[Segment]]]] = {}
        for turn in transcript.turns[exchange.first_turn : exchange.last_turn + 1]:
            held = [s for s in turn.segments if exchange_of(s, turn)[0] == exchange.number]
            if held:
                self.turns.append((turn, held))
                self._sides.setdefault(turn.exchange_role, []).append((turn, held))

    def side(self, role: str) -> list[tuple[Turn, list[Segment]]]:
        return self._sides.get(role, [])

    def segments(self, role: str) -> list[Segment]:
        return [s for _, held in self.side(role) for s in held]

    def ids(self, role: str) -> list[str]:
        return [segment_id(self.tid, s.index) for s in self.segments(role)]

    def sentences(self, role: str, units: list[int]) -> list[Row]:
        """One span of sentence units per turn of the side."""
        return [
            {
                "first": sentence_id(segment_id(self.tid, held[0].index), 0),
                "last": sentence_id(segment_id(self.tid, held[-1].index), units[held[-1].index] - 1),
            }
            for _, held in self.side(role)
        ]


def _questioner(exchange: Exchange, person: Participant | None) -> Row:
    return {
        "name": exchange.questioner,
        "introduced_as": exchange.introduced_as,
        "affiliation": person.affiliation if person else exchange.introduced_affiliation,
        "on_behalf_of": person.on_behalf_of if person else None,
    }


def _introduction(by_line: dict[int, Segment], exchange: Exchange) -> Row:
    line = exchange.introduction_line
    found = by_line.get(line) if line is not None else None
    return {"en": found.en if found else None, "zh": found.zh if found else None}


def _answerers(side: list[tuple[Turn, list[Segment]]]) -> list[Row]:
    seen: dict[tuple[str, str | None], Row] = {}
    for turn, _ in side:
        if turn.header is not None:
            seen.setdefault(
                participant_key(turn.header), {"name": turn.header.name, "title": turn.header.title}
            )
    return list(seen.values())


def _flags(segment_flags: list[list[str]], indices: list[int]) -> list[str]:
    return list(dict.fromkeys(flag for k in indices for flag in segment_flags[k]))


def qa_rows(transcript: Transcript, segment_flags: list[list[str]], units: list[int]) -> Iterator[Row]:
    """One row per exchange of a call, in order. ``segment_flags[k]``: the finished flags of
    segment ``k`` (alignment's included); ``units[k]``: how many sentence units it has."""
    tid = transcript.transcript_id
    split = split_of(tid)
    people = {(p.name, p.title): p for p in transcript.participants}
    by_line: dict[int, Segment] = {}
    for segment in transcript.segments if transcript.exchanges else ():
        by_line.setdefault(segment.line_en, segment)  # the first segment of a line, as before
    for exchange in transcript.exchanges:
        slot = _Exchange(transcript, exchange)
        asking = next((turn for turn, _ in slot.side("question") if turn.header), None)
        person = people[participant_key(asking.header)] if asking and asking.header else None
        yield {
            "qa_id": qa_id(tid, exchange.number),
            "transcript_id": tid,
            "split": split,
            "exchange": exchange.number,
            "follow_up": exchange.follow_up,
            "questioner": _questioner(exchange, person),
            "introduction": _introduction(by_line, exchange),
            "introduction_line": exchange.introduction_line,
            "question": _text(slot.segments("question")),
            "answer": _text(slot.segments("answer")),
            "answerers": _answerers(slot.side("answer")),
            "moderator": _text(slot.segments("moderator")),
            "turns": [
                {
                    "turn_index": turn.index,
                    "exchange_role": turn.exchange_role,
                    "speaker": turn.header.name if turn.header else None,
                    "speaker_title": turn.header.title if turn.header else None,
                    "first_segment": segment_id(tid, held[0].index),
                    "num_segments": len(held),
                }
                for turn, held in slot.turns
            ],
            "question_segments": slot.ids("question"),
            "answer_segments": slot.ids("answer"),
            "moderator_segments": slot.ids("moderator"),
            "question_sentences": slot.sentences("question", units),
            "answer_sentences": slot.sentences("answer", units),
            "flags": _flags(segment_flags, [s.index for _, held in slot.turns for s in held]),
        }
