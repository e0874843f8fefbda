"""Participants and their roles, decided from the call's context.

The evidence, strongest first: the ``Operator`` header; speaking in the prepared remarks
(the company's people); being introduced by the operator as the next questioner in the Q&A;
answering in the Q&A after a question or a colleague. A title decides only when context is
silent, and only when it is unambiguous (``titles.py``).
"""

from __future__ import annotations

from itertools import pairwise

from builder.records import Header, Participant, Role, Turn
from builder.structure.introductions import hands_back, introduction_in
from builder.structure.speakers import is_operator
from builder.structure.titles import title_role


def participant_key(header: Header) -> tuple[str, str | None]:
    """A participant is one name with one title: header lines that differ only in spacing agree."""
    return header.name, header.title


def _settle(person: Participant, role: Role, evidence: str) -> None:
    """Give a role with its evidence, unless stronger evidence already decided it."""
    if person.role == "unknown":
        person.role, person.role_evidence = role, evidence


def people_of(turns: list[Turn]) -> dict[tuple[str, str | None], Participant]:
    """Everyone with a header, in order of first appearance, roles still unknown."""
    people: dict[tuple[str, str | None], Participant] = {}
    for turn in turns:
        header = turn.header
        if header is not None and (header.name, header.title) not in people:  # participant_key
            people[header.name, header.title] = Participant(header.name, header.title)
    return people


def assign_roles(turns: list[Turn]) -> list[Participant]:
    """Return the call's participants in order of first appearance, with roles and evidence."""
    people = people_of(turns)
    # Without a Q&A start every turn counts as prepared remarks, which then proves nothing.
    sections_known = any(turn.section != "prepared_remarks" for turn in turns)
    for turn in turns:
        header = turn.header
        if header is None:
            continue
        person = people[header.name, header.title]
        if person.role != "unknown":  # decided by an earlier turn: nothing can change it
            continue
        if is_operator(header.name):
            _settle(person, "operator", "operator_header")
        elif turn.section == "prepared_remarks" and sections_known:
            _settle(person, "corporate", "prepared_remarks")

    for previous, turn in pairwise(turns):
        if turn.section == "qa" and turn.header is not None:
            person = people[turn.header.name, turn.header.title]
            if person.role == "unknown":
                _assign_in_qa(person, previous)

    for person in people.values():
        if person.role == "unknown" and (role := title_role(person.title)):
            _settle(person, role, "title")
    return list(people.values())


def _assign_in_qa(person: Participant, previous: Turn) -> None:
    """Decide a Q&A speaker's role from the turn just before theirs."""
    if previous.header is None or not is_operator(previous.header.name):
        if title_role(person.title) == "participant":  # a call without an operator
            _settle(person, "participant", "title")
        else:
            _settle(person, "corporate", "answered_in_qa")
    elif hands_back(previous):
        _settle(person, "corporate", "handed_back_by_operator")
    elif introduction_in(previous):
        _settle(person, "participant", "introduced_by_operator")
    elif title_role(person.title) is None:
        _settle(person, "participant", "after_operator_in_qa")


def header_roles(participants: list[Participant]) -> dict[tuple[str, str | None], Role]:
    """Role of each participant by ``participant_key``."""
    return {(p.name, p.title): p.role for p in participants}
