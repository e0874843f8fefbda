"""The plain layout: a disclaimer line, then English paragraphs each followed by its translation.

The rule lives in the compiled core (``rust/src/layout.rs``): the layout matches when some
lines are English-only and some (other than front matter) are Chinese, or a short header line
(`` - `` title, ``Operator``) is written twice; leading title/label/disclaimer lines are front
matter, the rest is body. This module is its Python API.
"""

from __future__ import annotations

from builder.sources.base import SourceLayout


class PlainLayout(SourceLayout):
    """No markup: which line is English and which is Chinese is decided later, by script."""

    name = "plain"
