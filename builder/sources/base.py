"""The base of every raw layout: detection and the split into front matter and body lines."""

from __future__ import annotations

from abc import ABC, abstractmethod

from builder.records import BodyLine, FrontLine, Layout


class SourceLayout(ABC):
    """One raw layout. ``matches`` decides from the text; ``split`` marks every non-blank line."""

    name: Layout

    @abstractmethod
    def matches(self, lines: list[str]) -> bool:
        """True when the lines are written in this layout."""

    @abstractmethod
    def split(self, name: str, lines: list[str]) -> tuple[list[FrontLine], list[BodyLine], list[int]]:
        """Return the front matter, the body lines and the numbers of the blank lines (1-based).

        A line is blank when nothing visible is left once the layout's markup is removed
        (``script.is_blank``); every other line is front matter or body.
        """
