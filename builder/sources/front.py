"""Front matter: the title, section labels and the machine-translation disclaimer.

The rule lives in the compiled core (``rust/src/front.rs``: a label such as ``完整原文``; a
disclaimer in Traditional or Simplified Chinese or English, ``使用警語：中文譯文來源為 Google
翻譯，僅供參考``, ``Disclaimer: the Chinese text is machine-translated``; a title such as
``法說會``, ``(CXDO) 2023 Q2`` or ``earnings call transcript``); this module is its Python API.
"""

from __future__ import annotations

from typing import cast

from builder import _core
from builder.records import FrontKind


def front_kind(text: str) -> FrontKind | None:
    """Classify a line as front matter, or return None when it is not."""
    return cast("FrontKind | None", _core.front_kind(text))
