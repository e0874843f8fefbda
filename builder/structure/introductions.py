"""What the operator says about the next questioner: ``Your next question is coming from Josh
Nichols at B. Riley.``, ``Zach Cummins, B. Riley.``, ``a follow-up question coming from X``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.records import Turn

_NAME = r"\[?[A-Z][\w'’.\-]*\]?(?: \[?[A-Z][\w'’.\-]*\]?){0,4}"
_COURTESY = r"(?:\s*(?:Please (?:go ahead|proceed)|Your line is (?:now )?(?:open|live)|Go ahead)[^.]*\.?)*"
_AFFILIATION = rf"(?:(?: (?:at|from|with|of) |, )(?P<aff>[^,]+?))?\.?{_COURTESY}$"
_PATTERNS = (
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
_FOLLOW_UP = re.compile(r"follow[- ]?up", re.I)
_HANDBACK = re.compile(
    r"turn (?:the (?:call|floor|conference)|it) (?:back )?(?:over )?to|closing (?:remarks|comments)", re.I
)
_BOUNDARY = re.compile(r"[.)?!] +")
_NAME_END = re.compile(r"(?<=[a-z]{2})\.$")
#: An introduction closes the operator's words: only the text's last characters are searched.
_WINDOW = 300


@dataclass(frozen=True, slots=True)
class Introduction:
    """What the operator said about the next questioner, and on which line."""

    name: str
    affiliation: str | None
    line: int
    follow_up: bool


def _suffixes(text: str) -> list[str]:
    """Tails of the text's end that start at its beginning or after a sentence or parenthesis
    boundary."""
    end = text[-_WINDOW:]
    tails = [end] if len(text) <= _WINDOW else []  # a cut text starts mid-sentence
    for match in _BOUNDARY.finditer(end):
        tails.append(end[match.end() :])
    return tails


def parse_introduction(text: str, line: int) -> Introduction | None:
    """Find the questioner the operator introduces at the end of a segment, if any."""
    tails = _suffixes(text.strip())
    for pattern in _PATTERNS:
        for tail in tails:
            match = pattern.search(tail) if pattern.pattern[0] != "^" else pattern.match(tail)
            if match:
                aff = match.group("aff")
                aff = aff.strip() if aff else None  # as stated: "a private investor" too
                name = _NAME_END.sub("", match.group("name"))
                return Introduction(name, aff, line, _FOLLOW_UP.search(tail) is not None)
    return None


def hands_back(turn: Turn) -> bool:
    """True when the operator's last words hand the call back to the company."""
    return bool(turn.segments) and _HANDBACK.search(turn.segments[-1].en) is not None


def introduction_in(turn: Turn) -> Introduction | None:
    """The questioner an operator turn introduces (its last introduction), unless it hands the
    call back to the company."""
    if hands_back(turn):
        return None
    for segment in reversed(turn.segments):
        found = parse_introduction(segment.en, segment.line_en)
        if found:
            return found
    return None
