"""Chinese sentence segmentation: character spans of the sentences of a translation.

The rule lives in the compiled core, ``rust/src/segment_zh.rs``: ends are ``。！？``, ``?`` and
``!`` with any closing quotes or brackets; an ASCII full stop ends a sentence after a Han
character or a Latin word before Chinese, but not in ``3.9``, ``Inc.電話會議``, ``B.萊利`` or
``rekor.ai``.
"""

from __future__ import annotations

from builder import _core
from builder.align.segment_en import Span


def split_zh(text: str) -> list[Span]:
    """Spans of the sentences of a Chinese paragraph, stripped of surrounding whitespace."""
    return _core.split_zh(text)
