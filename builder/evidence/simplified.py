"""Simplified Chinese characters that never appear in Traditional text: the ``simplified_chars`` test.

The rule and its table of 2,560 characters (derived once from OpenCC, with the characters also
standard in Taiwan or Hong Kong text removed by hand) live in the compiled core,
``rust/src/simplified.rs``.
"""

from __future__ import annotations

from builder import _core

#: Simplified-only characters, as the core holds them.
SIMPLIFIED_ONLY: frozenset[str] = frozenset(_core.SIMPLIFIED_ONLY)


def simplified_chars(text: str) -> list[str]:
    """The distinct Simplified-only characters of a text, in order of first appearance."""
    return _core.simplified_chars(text)
