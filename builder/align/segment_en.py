"""English sentence segmentation: character spans of the sentences of a paragraph.

The rule lives in the compiled core, ``rust/src/segment_en.rs``: a sentence ends at ``.``,
``?``, ``!`` or an ellipsis followed by whitespace, unless the full stop belongs to a title
(``Mr.``), a number label (``No. 5``) or initials (``B. Riley``); ``U.S.`` or ``Inc.`` ends one
only before a word that starts sentences.
"""

from __future__ import annotations

from builder import _core

#: A sentence's start and end, in code points (Python ``str`` indices).
Span = tuple[int, int]


def split_en(text: str) -> list[Span]:
    """Spans of the sentences of an English paragraph, stripped of surrounding whitespace."""
    return _core.split_en(text)
