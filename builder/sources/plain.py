"""The plain layout: a disclaimer line, then English paragraphs each followed by its translation."""

from __future__ import annotations

from builder.records import BodyLine, FrontLine
from builder.sources.base import SourceLayout
from builder.sources.front import front_kind
from builder.sources.script import has_cjk, is_blank


class PlainLayout(SourceLayout):
    """No markup: which line is English and which is Chinese is decided later, by script."""

    name = "plain"

    def matches(self, lines: list[str]) -> bool:
        """Some lines are English-only and some (other than front matter) are Chinese."""
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
        return False

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
