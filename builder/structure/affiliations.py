"""Who the questioners are and whom everyone works for, from everything the call says.

Each firm the call states for a person is kept as a statement with its source and line: the
operator's introduction, the person's title, or the text (``Eyal Hen, CFO of Rekor Systems``,
``Doug Gaylor, our President``). When they disagree all of them stay; ``affiliation`` holds
the first by that order. ``introduced_as`` is set only when the operator's introduction names
this very person (the same surname, or a speaker the header does not name); a stand-in who
speaks ``on behalf of`` the person introduced records that relation instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import get_args

from builder.records import AffiliationSource, Exchange, Participant, Segment, Statement, Turn
from builder.structure.roles import participant_key
from builder.structure.speakers import is_known_speaker, is_operator
from builder.structure.titles import title_affiliation

_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][\w'’\-]*)"  # "K.C." or "Latimore", never "Latimore." ending a sentence
_NAME = rf"{_WORD}(?: {_WORD}){{0,3}}"
_STAND_IN = re.compile(
    rf"\b(?:on behalf of|on for|in for|(?:filling|sitting|standing) in for) (?P<name>{_NAME})"
)
#: Which statement gives ``affiliation``: the order ``AffiliationSource`` lists them in.
_ORDER = get_args(AffiliationSource)


_NAME_PUNCTUATION = re.compile(r"[\[\].,]")


def _words(name: str) -> list[str]:
    return _NAME_PUNCTUATION.sub(" ", name).lower().split()


def same_surname(a: str, b: str) -> bool:
    """Whether two written names end with the same word (``Josh Nichols``, ``Michael Joshua Nichols``)."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and wa[-1] == wb[-1]


def _state(person: Participant, value: str, source: AffiliationSource, line: int | None) -> None:
    if all(s.value != value or s.source != source for s in person.affiliations):
        person.affiliations.append(Statement(value, source, line))


def link_introductions(
    exchanges: list[Exchange], turns: list[Turn], people: dict[tuple, Participant]
) -> None:
    """Give each questioner what the operator's introduction says about them."""
    for exchange in exchanges:
        turn = next(
            (
                t
                for t in turns[exchange.first_turn : exchange.last_turn + 1]
                if t.exchange_role == "question" and t.header
            ),
            None,
        )
        if turn is None or turn.header is None or exchange.introduced_as is None:
            continue
        person = people[participant_key(turn.header)]
        named = exchange.introduced_as
        words = " ".join(s.en for s in turn.segments[:1])
        stand_in = _STAND_IN.search(words)
        if stand_in and same_surname(stand_in.group("name"), named):
            person.on_behalf_of = person.on_behalf_of or stand_in.group("name")
        elif _words(named) != _words(person.name) and (
            same_surname(named, person.name) or is_known_speaker(person.name)
        ):
            person.introduced_as = person.introduced_as or named
            if stand_in:
                person.on_behalf_of = person.on_behalf_of or stand_in.group("name")
        if exchange.introduced_affiliation:
            _state(
                person, exchange.introduced_affiliation, "operator_introduction", exchange.introduction_line
            )


def _mentions(person: Participant, company: str) -> re.Pattern[str]:
    """``Eyal Hen, CFO of Rekor Systems``, ``Ted Durbin, Head of Investor Relations at Stem``,
    ``Doug Gaylor, our President and COO``: the person's full name or surname, then the firm."""
    names = {person.name, person.name.split()[-1]}
    variants = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{variants}),? (?:our |[^.;:]{{0,80}}?\b(?:of|at|with) {re.escape(company)}\b)")


_OFFICER = (
    r"(?:our |its )?(?:Chairman|President|CEO|CFO|COO|CTO|CRO|CSO|EVP|Executive Vice President"
    r"|Chief [A-Z]\w+(?: [A-Z]\w+)? Officer|Head of [A-Z][\w ]+)\b"
)


def _called(person: Participant) -> str:
    """The person's full name, or a first name (and initial) with their surname (``Jeff Korn``
    for ``Jeffrey G. Korn``), as a pattern."""
    surname = re.escape(person.name.split()[-1])
    return rf"(?:{re.escape(person.name)}|[A-Z][\w'’\-]*(?: [A-Z]\.)? {surname})"


def _introduced_as_officer(person: Participant) -> re.Pattern[str]:
    """``Robert Berman, President and CEO``, ``Arun Narayanan, CEO``, ``your host, Jeff Korn``."""
    name = _called(person)
    return re.compile(rf"\b{name},? (?:the )?{_OFFICER}|\bhost,? (?:Mr\.? |Ms\.? )?{name}\b")


def _speaks_for(company: str) -> re.Pattern[str]:
    """``since joining Stem``, ``on behalf of the Stem team``: words only an officer says."""
    firm = re.escape(company)
    return re.compile(
        rf"\b(?i:join(?:ing|ed)?) {firm}\b|\b(?i:on behalf of (?:the |all of us at |everyone at )?){firm}\b"
    )


def _first_line(segments: Iterable[Segment], pattern: Callable[[], re.Pattern[str]]) -> int | None:
    """The line of the first segment ``pattern`` finds; compiled only when there is a segment to
    search (most names are not in most paragraphs), and the segments are read only up to it."""
    found: re.Pattern[str] | None = None
    for segment in segments:
        found = found or pattern()
        if found.search(segment.en):
            return segment.line_en
    return None


def _said_by(turns: list[Turn]) -> dict[tuple[str, str | None], list[Segment]]:
    """What each person said: the segments of their turns, by ``participant_key``."""
    said: dict[tuple[str, str | None], list[Segment]] = {}
    for turn in turns:
        if turn.header is not None:
            said.setdefault((turn.header.name, turn.header.title), []).extend(turn.segments)
    return said


def _officers(people: list[Participant], turns: list[Turn], company: str) -> None:
    """State the company for its officers from the text, as the module describes."""
    officers = [p for p in people if p.role == "corporate" and not is_known_speaker(p.name)]
    if not officers:
        return
    segments = [s for t in turns for s in t.segments]
    said = _said_by(turns)
    for person in officers:
        surname = person.name.split()[-1]
        # The pattern needs the surname (or the full name, which holds it): look for it first.
        line = _first_line((s for s in segments if surname in s.en), partial(_mentions, person, company))
        if not line:
            # Both patterns need the firm's name as written: look for it first.
            own = partial(_speaks_for, company)
            spoken = said.get((person.name, person.title), [])
            line = _first_line((s for s in spoken if company in s.en), own)
        if line is not None:
            _state(person, company, "text", line)
    placed = {(p.name, p.title) for p in officers if p.affiliations}
    vouched = list(_vouched(turns, placed, company))
    for person in officers:
        surname = person.name.split()[-1]
        line = _first_line((s for s in vouched if surname in s.en), partial(_introduced_as_officer, person))
        if line is not None:
            _state(person, company, "text", line)


def _vouched(turns: list[Turn], placed: set[tuple[str, str | None]], company: str) -> Iterator[Segment]:
    """The paragraphs that can introduce the company's officers: those of someone already placed
    at the company, and the operator's that name the company."""
    for turn in turns:
        if turn.header is None:
            continue
        operator = is_operator(turn.header.name)
        if operator or participant_key(turn.header) in placed:
            yield from (s for s in turn.segments if not operator or company in s.en)


def state_affiliations(people: list[Participant], turns: list[Turn], company: str | None) -> None:
    """Add the firms titles and text state, then choose each person's ``affiliation``."""
    header_line: dict[tuple[str, str | None], int | None] = {}
    for turn in turns:
        if turn.header:
            header_line.setdefault(participant_key(turn.header), turn.header.line_en or turn.header.line_zh)
    for person in people:
        if person.role == "participant" and (firm := title_affiliation(person.title)):
            _state(person, firm, "title", header_line[(person.name, person.title)])
    if company:
        _officers(people, turns, company)
    for person in people:
        ranked = sorted(person.affiliations, key=lambda s: _ORDER.index(s.source))
        if ranked:
            person.affiliation, person.affiliation_source = ranked[0].value, ranked[0].source
