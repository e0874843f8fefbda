"""What a header's title says on its own, used only when the call's context is silent.

A title decides a role only when it is unambiguous: the company's officers and investor
relations are ``corporate``; analysts, portfolio managers and research are ``participant``.
A title matching both, or neither (``President``, ``Director``: of the company or of a fund?),
decides nothing.
"""

from __future__ import annotations

import re

from builder.records import Role

_PARTICIPANT = re.compile(r"analyst|portfolio manager|research|\binvestor\b(?! relations)", re.I)
_CORPORATE = re.compile(r"investor relations|\bchief\b.*\bofficer\b|vice[- ]president", re.I)
_CORPORATE_ABBREVIATION = re.compile(r"\bC[A-Z]O\b|\b[ES]?VP\b")  # CEO, CFO, COO, EVP: capitals only
_AFFILIATION = re.compile(r"\b(?:of|at|with|from) (?P<aff>[A-Z0-9].+)$")


def title_role(title: str | None) -> Role | None:
    """``corporate`` or ``participant`` when the title alone says so unambiguously, else None."""
    if not title:
        return None
    participant = _PARTICIPANT.search(title) is not None
    corporate = bool(_CORPORATE.search(title) or _CORPORATE_ABBREVIATION.search(title))
    if participant == corporate:
        return None
    return "participant" if participant else "corporate"


def title_affiliation(title: str | None) -> str | None:
    """The firm a participant's title names (``Senior Analyst of Discovery Group``), if any."""
    match = _AFFILIATION.search(title or "")
    return match.group("aff") if match else None
