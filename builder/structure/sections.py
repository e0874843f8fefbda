"""The call's sections: where the questions begin (the operator opening the floor, or, in a
call without an operator, the first question a participant asks after the company has spoken),
and, inside the turns before it, the opening and the safe-harbor notice.

The safe-harbor notice is a run of paragraphs in one turn: it starts at a paragraph that speaks
of forward-looking statements (``forward-looking`` in the English or ``前瞻性`` in the Chinese)
and goes on while the next paragraphs keep to the notice's matter (risks and uncertainties,
results that may differ materially, no obligation to update, SEC filings, non-GAAP measures, in
either language). It is sought only in the call's first ``OPENING_TURNS`` turns with a header,
before the Q&A. The opening is every paragraph before the end of the turn that holds the notice
that is not the notice itself (the operator's welcome and housekeeping, the host's welcome, the
hand-over to the first speaker); in a call without a notice, the operator's turns before anyone
else speaks.
"""

from __future__ import annotations

import re

from builder.records import Segment, Turn
from builder.structure.speakers import is_operator
from builder.structure.titles import title_role

_QA_OPENING = re.compile(
    r"question[- ]and[- ]answer|\bQ ?(?:&|and) ?A\b|first question|next question"
    r"|questions? (?:is |today )?(?:comes?|coming) from|line of .+ with"
    r"|open (?:up )?(?:the )?(?:call|line|lines|floor) (?:up )?(?:for|to) questions"
    r"|(?:begin|start|conduct|conducting|take|taking|open it up for) (?:taking |the |your |some )?questions",
    re.I,
)


#: How many turns with a header, from the call's start, may hold the safe-harbor notice.
OPENING_TURNS = 4
_NOTICE_START = re.compile(r"forward[- ]looking|前瞻性", re.I)
_NOTICE_MATTER = re.compile(
    r"forward[- ]looking|safe harbou?r|\brisks?\b|uncertaint|differ materially|obligation to"
    r"|non-GAAP|\bGAAP\b|\bSEC\b|Securities and Exchange|filings?\b"
    r"|前瞻性|安全港|風險|不確定|重大差異|非公認會計準則|證券交易委員會",
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


def _says(segment: Segment, pattern: re.Pattern[str]) -> bool:
    """Whether either language of the paragraph matches."""
    return bool(pattern.search(segment.en) or (segment.zh and pattern.search(segment.zh)))


def _notice_in(turn: Turn) -> list[Segment]:
    """The safe-harbor notice in a turn: its first run of paragraphs, as the module says."""
    start = next((k for k, s in enumerate(turn.segments) if _says(s, _NOTICE_START)), None)
    if start is None:
        return []
    run = [turn.segments[start]]
    for segment in turn.segments[start + 1 :]:
        if not _says(segment, _NOTICE_MATTER):
            break
        run.append(segment)
    return run


def mark_opening(turns: list[Turn]) -> None:
    """Mark the opening's and the safe-harbor notice's paragraphs (``Segment.section``) in the
    turns before the Q&A; the turns keep their section."""
    early = [t for t in turns if t.header is not None and t.section == "prepared_remarks"]
    holder, notice = None, []
    for turn in early[:OPENING_TURNS]:
        notice = _notice_in(turn)
        if notice:  # the first turn that holds one (its notice found once)
            holder = turn
            break
    if holder is not None:
        last = holder.index
    else:
        leading = [t for t in turns[: _first_non_operator(turns)] if t.section == "prepared_remarks"]
        last = leading[-1].index if leading else -1
    in_notice = {id(s) for s in notice}
    for turn in turns[: last + 1]:
        if turn.section != "prepared_remarks":
            continue
        for segment in turn.segments:
            segment.section = "safe_harbor" if id(segment) in in_notice else "opening"


def _first_non_operator(turns: list[Turn]) -> int:
    """Index of the first turn with a header that is not the operator's (the number of turns
    when there is none)."""
    return next(
        (t.index for t in turns if t.header is not None and not is_operator(t.header.name)), len(turns)
    )
