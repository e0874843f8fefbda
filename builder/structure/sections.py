"""Sections and Q&A exchanges: where the questions begin, and who asks and who answers."""

from __future__ import annotations

import re

from builder.records import Role, Turn
from builder.structure.speakers import is_operator

_QA_OPENING = re.compile(
    r"question[- ]and[- ]answer|\bQ ?(?:&|and) ?A\b|first question|next question"
    r"|questions? (?:is |today )?(?:comes?|coming) from|line of .+ with"
    r"|open (?:up )?(?:the )?(?:call|line|lines|floor) (?:up )?(?:for|to) questions"
    r"|(?:begin|start|conduct|conducting|take|taking|open it up for) (?:taking |the |your |some )?questions",
    re.I,
)


def _speaker(turn: Turn) -> str | None:
    return turn.header.name if turn.header else None


def find_qa_start(turns: list[Turn]) -> int | None:
    """Index of the operator turn that opens the Q&A, or None when the call has none.

    The call's opening operator turns are skipped: announcing that a Q&A will follow is not
    starting it. The first later operator turn whose text opens the questions starts the Q&A.
    """
    someone_else_spoke = False
    for turn in turns:
        if not is_operator(_speaker(turn)):
            someone_else_spoke = someone_else_spoke or turn.header is not None
            continue
        if someone_else_spoke and any(_QA_OPENING.search(s.en) for s in turn.segments):
            return turn.index
    return None


def mark_sections(turns: list[Turn], qa_start: int | None) -> None:
    """Set each turn's section from the Q&A start."""
    for turn in turns:
        in_qa = qa_start is not None and turn.index >= qa_start
        turn.section = "qa" if in_qa else "prepared_remarks"


def number_exchanges(turns: list[Turn], roles: dict[tuple[str, str | None], Role]) -> int:
    """Number the Q&A exchanges: a participant's turn opens one, the answers after it join it.

    Operator turns belong to no exchange and close the current one, so closing remarks after
    the operator's last call for questions belong to none. Returns the number of exchanges.
    """
    count = 0
    current: int | None = None
    for turn in turns:
        if turn.section != "qa" or is_operator(_speaker(turn)):
            turn.exchange = None
            current = None if turn.section == "qa" else current
            continue
        if turn.header is not None and roles[(turn.header.name, turn.header.title)] == "participant":
            count += 1
            current = count
        turn.exchange = current
    return count
