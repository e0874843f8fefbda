"""The bulleted layout: title and disclaimer, then ``  • `` English / indented Chinese lines."""

from __future__ import annotations

import re

from builder.records import BodyLine, FrontLine
from builder.sources.base import SourceLayout
from builder.sources.front import front_kind
from builder.sources.script import INVISIBLE, is_blank

# Markup may carry stray invisible characters (zero-width space, BOM, no-break or ideographic
# spaces) among its blanks.
BULLET = re.compile(rf"^[\s{INVISIBLE}]*[•●▪‣◦][ \t]*")
INDENT = re.compile(rf"^[\s{INVISIBLE}]{{2,}}(?=\S)")


class BulletedLayout(SourceLayout):
    """Markup tells the slots apart: a bullet marks English, an indent marks the translation."""

    name = "bulleted"

    def matches(self, lines: list[str]) -> bool:
        """From the first bullet on, at least 80% of the non-blank lines are bulleted or indented."""
        first = next((i for i, line in enumerate(lines) if BULLET.match(line)), None)
        if first is None:
            return False
        body = [line for line in lines[first:] if line.strip()]
        marked = sum(1 for line in body if BULLET.match(line) or INDENT.match(line))
        return marked * 5 >= len(body) * 4

    def split(self, name: str, lines: list[str]) -> tuple[list[FrontLine], list[BodyLine], list[int]]:
        """Lines before the first bullet are front matter; markup sets each body line's slot.
        A bullet with nothing visible after it is blank."""
        front: list[FrontLine] = []
        body: list[BodyLine] = []
        blank: list[int] = []
        for number, text in enumerate(lines, start=1):
            bullet = BULLET.match(text)
            if is_blank(text[bullet.end() :] if bullet else text):
                blank.append(number)
                continue
            if not body and bullet is None:
                front.append(FrontLine(number, text, front_kind(text) or "other"))
            elif bullet is not None:
                body.append(BodyLine(number, text[bullet.end() :], "en"))
            elif indent := INDENT.match(text):
                body.append(BodyLine(number, text[indent.end() :], "zh"))
            else:
                body.append(BodyLine(number, text, None))
        return front, body, blank
