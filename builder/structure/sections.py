"""Where the questions begin: the operator opening the floor, or, in a call without an
operator, the first question a participant asks after the company has spoken."""

from __future__ import annotations

import re

from builder.records import Turn
from builder.structure.speakers import is_operator
from builder.structure.titles import title_role

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


def first_question(turns: list[Turn]) -> int | None:
    """In a call without an operator: the first turn of a speaker whose title says participant,
    once someone whose title says corporate has spoken."""
    if any(is_operator(_speaker(t)) for t in turns):
        return None
    company_spoke = False
    for turn in turns:
        role = title_role(turn.header.title) if turn.header else None
        if role == "participant" and company_spoke:
            return turn.index
        company_spoke = company_spoke or role == "corporate"
    return None
