"""The bulleted layout: title and disclaimer, then ``  • `` English / indented Chinese lines.

The rule lives in the compiled core (``rust/src/layout.rs``): a bullet (``•●▪‣◦`` after any
whitespace or invisible characters) marks English, an indent of two or more such characters
marks the translation; lines before the first bullet are front matter; a bullet with nothing
visible after it is blank. The layout matches when, from the first bullet on, at least 80% of
the non-blank lines are bulleted or indented (the plain layout, English paragraphs each followed
by its translation without markup, is the other). This module is the Python API of its marks.
"""

from __future__ import annotations

from builder import _core


def bullet_end(text: str) -> int | None:
    """Where the text after a line's bullet starts, or None without a bullet."""
    return _core.bullet_end(text)


def indent_end(text: str) -> int | None:
    """Where the text after a line's indent starts, or None without an indent."""
    return _core.indent_end(text)
