"""The plain layout: a disclaimer line, then English paragraphs each followed by its translation."""

from __future__ import annotations

from itertools import pairwise

from builder.records import BodyLine, FrontLine
from builder.sources.base import SourceLayout
from builder.sources.front import front_kind
from builder.sources.script import has_cjk, is_blank


class PlainLayout(SourceLayout):
    """No markup: which line is English and which is Chinese is decided later, by script."""

    name = "plain"

    def matches(self, lines: list[str]) -> bool:
        """Some lines are English-only, and some (other than front matter) are Chinese or a
        speaker header written twice (a call whose translation is missing altogether)."""
        english = chinese = False
        for line in lines:
            if is_blank(line):
                continue
            if not has_cjk(line):
                english = True
            elif not chinese and front_kind(line) is None:
                chinese = True
            if english and chinese:
                return True
        return english and _doubled_header(lines)

    def split(self, name: str, lines: list[str]) -> tuple[list[FrontLine], list[BodyLine], list[int]]:
        """Leading title/label/disclaimer lines are front matter; the rest is body."""
        front: list[FrontLine] = []
        body: list[BodyLine] = []
        blank: list[int] = []
        for number, text in enumerate(lines, start=1):
            if is_blank(text):
                blank.append(number)
                continue
            kind = front_kind(text) if not body else None
            if kind is not None:
                front.append(FrontLine(number, text, kind))
            else:
                body.append(BodyLine(number, text, None))
        return front, body, blank


def _doubled_header(lines: list[str]) -> bool:
    """Whether a short line with a `` - `` title (or ``Operator``) is followed by its copy, as
    the plain layout writes headers in both slots."""
    shown = [line.strip() for line in lines if not is_blank(line)]
    return any(
        a == b and len(a) <= 120 and (" - " in a or a.lower() in {"operator", "moderator"})
        for a, b in pairwise(shown)
    )
