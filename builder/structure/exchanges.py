"""Q&A exchanges as the call has them, and where the closing remarks begin.

An exchange is one questioner's slot. It starts where the operator introduces a questioner
(``Your next question is coming from X at Y.``, ``X, Y.``, ``a follow-up question from X``),
or, in a call without an operator, at a new participant's question; it runs until the next
introduction or the end of the Q&A. Someone introduced again opens a new exchange. Inside an
exchange each turn says what it is: ``question`` (the questioner, or another participant),
``answer`` (the company's people) or ``moderator`` (the operator).

The operator's paragraphs before the first introduction, in the turn that opens the Q&A
(housekeeping: apologies, replay notices), belong to no exchange.

The Q&A ends after the last exchange's last question: from the first turn after it in which
the operator speaks, or in which anyone closes the call (``that concludes``, ``thank you all
for joining``), the turns are ``closing_remarks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.records import Exchange, ExchangeRole, Role, Turn
from builder.structure.introductions import Introduction, introduction_in
from builder.structure.speakers import is_operator

_CLOSING = re.compile(
    r"\b(?:that|this) (?:concludes|ends|will conclude)|no (?:further|more) questions"
    r"|thank (?:you|everyone|everybody) (?:all |again )?for (?:joining|attending|participating|listening)"
    r"|closing (?:remarks|comments)|end of (?:the|our|today's) (?:question|Q)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Opening:
    """Where an exchange opens: the turn, and the operator's introduction if there is one."""

    turn: int
    introduction: Introduction | None


def _speaker(turn: Turn) -> str | None:
    return turn.header.name if turn.header else None


def _openings(qa: list[Turn], role_of: dict[int, Role]) -> list[_Opening]:
    """Operator introductions, or, in a call without an operator, each participant question
    that another participant's turn does not precede."""
    if any(is_operator(_speaker(t)) for t in qa):
        found = ((t.index, introduction_in(t)) for t in qa if is_operator(_speaker(t)))
        return [_Opening(index, intro) for index, intro in found if intro is not None]
    openings: list[_Opening] = []
    asking: str | None = None
    for turn in qa:
        if role_of[turn.index] == "participant" and _speaker(turn) != asking:
            openings.append(_Opening(turn.index, None))
            asking = _speaker(turn)
    return openings


def _closes(turn: Turn) -> bool:
    return is_operator(_speaker(turn)) or any(_CLOSING.search(s.en) for s in turn.segments)


def _exchange_role(turn: Turn, role: Role) -> ExchangeRole:
    if role == "operator":
        return "moderator"
    return "question" if role == "participant" else "answer"


def find_exchanges(turns: list[Turn], role_of: dict[int, Role]) -> list[Exchange]:
    """Number the Q&A's exchanges, set each turn's exchange and exchange role, and move the
    turns after the last exchange to ``closing_remarks``. ``role_of`` maps turn index → role."""
    qa = [t for t in turns if t.section == "qa"]
    openings = _openings(qa, role_of)
    if not openings:
        return []
    ends = [o.turn - 1 for o in openings[1:]] + [_last_exchange_end(turns, openings[-1].turn, role_of)]
    exchanges: list[Exchange] = []
    asked: set[str] = set()
    for number, (opening, end) in enumerate(zip(openings, ends, strict=True), start=1):
        slot = turns[opening.turn : end + 1]
        questioner = next((_speaker(t) for t in slot if role_of[t.index] == "participant"), None)
        intro = opening.introduction
        follow_up = (intro is not None and intro.follow_up) or (
            intro is None and questioner is not None and questioner in asked
        )
        exchanges.append(
            Exchange(
                number,
                opening.turn,
                end,
                questioner,
                intro.name if intro else None,
                intro.affiliation if intro else None,
                intro.line if intro else None,
                follow_up,
            )
        )
        asked.add(questioner or "")
        for turn in slot:
            turn.exchange, turn.exchange_role = number, _exchange_role(turn, role_of[turn.index])
    _set_apart_housekeeping(turns[openings[0].turn], openings[0].introduction)
    for turn in turns[ends[-1] + 1 :]:
        turn.section = "closing_remarks"
    return exchanges


def _set_apart_housekeeping(turn: Turn, introduction: Introduction | None) -> None:
    """The operator's paragraphs before the first introduction, in the turn that opens the Q&A
    (apologies, replay notices, instructions), belong to no exchange."""
    if introduction is None:
        return
    for segment in turn.segments:
        if segment.line_en < introduction.line:
            segment.outside_exchange = True


def _last_exchange_end(turns: list[Turn], start: int, role_of: dict[int, Role]) -> int:
    """The last turn of the last exchange: the one before the first turn after its last
    question that the operator speaks or that closes the call; the last turn when none does."""
    asking = [t.index for t in turns[start + 1 :] if role_of[t.index] == "participant"]
    after = asking[-1] + 1 if asking else start + 1
    return next((t.index - 1 for t in turns[after:] if _closes(t)), len(turns) - 1)
