"""The base of every raw layout: detection and the split into front matter and body lines.

The layouts' rules live in the compiled core (``rust/src/layout.rs``); each layout here names
its rule and the base calls it.
"""

from __future__ import annotations

from abc import ABC
from typing import Any

from builder import _core
from builder.records import BodyLine, FrontLine, Layout


def split_records(found: Any) -> tuple[list[FrontLine], list[BodyLine], list[int]]:
    """The core's split (tuples) as records."""
    front, body, blank = found
    return list(map(FrontLine._make, front)), list(map(BodyLine._make, body)), blank


class SourceLayout(ABC):
    """One raw layout. ``matches`` decides from the text; ``split`` marks every non-blank line."""

    name: Layout

    def matches(self, lines: list[str]) -> bool:
        """True when the lines are written in this layout."""
        return _core.layout_matches(self.name, lines)

    def split(self, name: str, lines: list[str]) -> tuple[list[FrontLine], list[BodyLine], list[int]]:
        """Return the front matter, the body lines and the numbers of the blank lines (1-based).

        A line is blank when nothing visible is left once the layout's markup is removed
        (``script.is_blank``); every other line is front matter or body.
        """
        return split_records(_core.layout_split(self.name, lines))
