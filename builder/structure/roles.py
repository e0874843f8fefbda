"""Participants, their roles and affiliations, decided from the call's context.

The evidence, strongest first: the ``Operator`` header; speaking in the prepared remarks
(the company's people); being introduced by the operator as the next questioner in the Q&A;
answering in the Q&A after a question or a colleague. A title is used only when context is
silent. Affiliations come from the operator's introduction or a title that states one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from builder.records import Header, Participant, Role, Turn
from builder.structure.speakers import is_operator

_NAME = r"\[?[A-Z][\w'’.\-]*\]?(?: \[?[A-Z][\w'’.\-]*\]?){0,4}"
_COURTESY = r"(?:\s*(?:Please (?:go ahead|proceed)|Your line is (?:now )?(?:open|live)|Go ahead)[^.]*\.?)*"
_AFFILIATION = rf"(?:(?: (?:at|from|with|of) |, )(?P<aff>[^,]+?))?\.?{_COURTESY}$"
_INTRO_PATTERNS = (
    # "Your next question is coming from Josh Nichols at B. Riley.", "We'll take our next
    # question from Jane Doe of Acme.", "… comes from the line of Jane Doe with Acme Securities."
    re.compile(
        rf"(?:questions?(?: [a-z\-]+){{0,4}} from|(?:comes?|coming) from|line of) (?:the line of )?"
        rf"(?P<name>{_NAME}){_AFFILIATION}"
    ),
    # "Next, we'll hear from Jane Doe with Acme." / "We'll go to Jane Doe at Acme."
    re.compile(rf"(?:hear from|go to|move to|turn to) (?:the line of )?(?P<name>{_NAME}){_AFFILIATION}"),
    # "Zach Cummins, B. Riley."
    re.compile(rf"^(?P<name>{_NAME}), (?P<aff>[A-Z0-9][^,]{{1,80}}?)\.?{_COURTESY}$"),
)
_NOT_AFFILIATION = re.compile(r"^(?:an? )?(?:private|individual|retail) (?:investor|shareholder)$", re.I)
_HANDBACK = re.compile(
    r"turn (?:the (?:call|floor|conference)|it) (?:back )?(?:over )?to|closing (?:remarks|comments)", re.I
)
_TITLE_AFFILIATION = re.compile(r"\b(?:of|at|with|from) (?P<aff>[A-Z0-9].+)$")
_TITLE_PARTICIPANT = re.compile(r"analyst|investor|portfolio manager|research", re.I)
_TITLE_CORPORATE = re.compile(
    r"\b(?:CEO|CFO|COO|CRO|CSO|CTO|chief|officer|chairman|chairwoman|investor relations|"
    r"director|vice president|treasurer|controller|founder)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Introduction:
    """What the operator said about the next questioner."""

    name: str
    affiliation: str | None
    line: int


_INTRO_WINDOW = 300


def _suffixes(text: str) -> list[str]:
    """Tails of the text's end (its last 300 characters: an introduction closes the operator's
    words) that start at its beginning or after a sentence or parenthesis boundary."""
    end = text[-_INTRO_WINDOW:]
    tails = [end] if len(text) <= _INTRO_WINDOW else []  # a cut text starts mid-sentence
    for match in re.finditer(r"[.)?!] +", end):
        tails.append(end[match.end() :])
    return tails


def parse_introduction(text: str, line: int) -> Introduction | None:
    """Find the questioner the operator introduces at the end of a segment, if any."""
    for pattern in _INTRO_PATTERNS:
        for tail in _suffixes(text.strip()):
            match = pattern.search(tail) if pattern.pattern[0] != "^" else pattern.match(tail)
            if match:
                aff = match.group("aff")
                aff = aff.strip() if aff and not _NOT_AFFILIATION.match(aff.strip()) else None
                name = re.sub(r"(?<=[a-z]{2})\.$", "", match.group("name"))
                return Introduction(name, aff, line)
    return None


def _introduction_in(turn: Turn) -> Introduction | None:
    for segment in reversed(turn.segments):
        found = parse_introduction(segment.en, segment.line_en)
        if found:
            return found
    return None


def _hands_back(turn: Turn) -> bool:
    """True when the operator's last words hand the call back to the company."""
    return bool(turn.segments) and _HANDBACK.search(turn.segments[-1].en) is not None


def _title_role(title: str | None) -> Role | None:
    if not title:
        return None
    if _TITLE_PARTICIPANT.search(title):
        return "participant"
    if _TITLE_CORPORATE.search(title):
        return "corporate"
    return None


def participant_key(header: Header) -> tuple[str, str | None]:
    """A participant is one name with one title: header lines that differ only in spacing agree."""
    return header.name, header.title


def _settle(person: Participant, role: Role, evidence: str) -> None:
    """Give a role with its evidence, unless stronger evidence already decided it."""
    if person.role == "unknown":
        person.role, person.role_evidence = role, evidence


def assign_roles(turns: list[Turn]) -> list[Participant]:
    """Return the call's participants in order of first appearance, with roles and evidence."""
    people: dict[tuple[str, str | None], Participant] = {}
    for turn in turns:
        if turn.header is not None and participant_key(turn.header) not in people:
            people[participant_key(turn.header)] = Participant(turn.header.name, turn.header.title)

    # Without a Q&A start every turn counts as prepared remarks, which then proves nothing.
    sections_known = any(turn.section == "qa" for turn in turns)
    for turn in turns:
        if turn.header is None:
            continue
        if is_operator(turn.header.name):
            _settle(people[participant_key(turn.header)], "operator", "operator_header")
        elif turn.section == "prepared_remarks" and sections_known:
            _settle(people[participant_key(turn.header)], "corporate", "prepared_remarks")

    for previous, turn in pairwise(turns):
        if turn.section == "qa" and turn.header is not None:
            person = people[participant_key(turn.header)]
            if person.role == "unknown":
                _assign_in_qa(person, previous)

    for person in people.values():
        if person.role == "unknown" and (role := _title_role(person.title)):
            _settle(person, role, "title")
        if person.role == "participant" and person.affiliation is None and person.title:
            match = _TITLE_AFFILIATION.search(person.title)
            if match:
                person.affiliation, person.affiliation_source = match.group("aff"), "title"
    return list(people.values())


def _assign_in_qa(person: Participant, previous: Turn) -> None:
    """Decide a Q&A speaker's role from the turn just before theirs."""
    if previous.header is None or not is_operator(previous.header.name):
        _settle(person, "corporate", "answered_in_qa")
    elif _hands_back(previous):
        _settle(person, "corporate", "handed_back_by_operator")
    elif intro := _introduction_in(previous):
        _settle(person, "participant", "introduced_by_operator")
        person.introduced_as = intro.name if intro.name != person.name else None
        if intro.affiliation:
            person.affiliation, person.affiliation_source = intro.affiliation, "operator_introduction"
    elif _title_role(person.title) is None:
        _settle(person, "participant", "after_operator_in_qa")


def header_roles(participants: list[Participant]) -> dict[tuple[str, str | None], Role]:
    """Role of each participant by ``participant_key``."""
    return {(p.name, p.title): p.role for p in participants}
