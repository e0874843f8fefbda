"""Front matter: the title, section labels and the machine-translation disclaimer."""

from __future__ import annotations

import re

from builder.records import FrontKind

_DISCLAIMER = re.compile(r"(?:警語|免責|注意).*翻譯|翻譯.*(?:僅供參考|僅供参考)|machine[- ]translat", re.I)
_TITLE = re.compile(
    r"法說會|逐字稿|[(（][A-Z0-9.\-]{1,10}[)）]\s*[0-9]{4}\s*Q[1-4]|earnings call transcript", re.I
)
_LABEL = re.compile(r"^(?:完整原文|原文|全文|逐字稿|full transcript)$", re.I)


def front_kind(text: str) -> FrontKind | None:
    """Classify a line as front matter, or return None when it is not."""
    stripped = text.strip()
    if len(stripped) > 200:
        return None
    if _LABEL.match(stripped):
        return "label"
    if _DISCLAIMER.search(stripped):
        return "disclaimer"
    if _TITLE.search(stripped):
        return "title"
    return None
