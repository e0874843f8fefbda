"""Front matter: the title, section labels and the machine-translation disclaimer."""

from __future__ import annotations

import re

from builder.records import FrontKind

# Traditional or Simplified, several wordings: "使用警語：中文譯文來源為 Google 翻譯，僅供參考",
# "免责声明：中文内容为机器翻译", "Disclaimer: the Chinese text is machine-translated".
_DISCLAIMER = re.compile(
    r"(?:警[語语]|免[責责]|注意|[聲声]明|提示|[說说]明).{0,60}?(?:[翻繙][譯译]|[機机]器)"
    r"|[翻繙][譯译].{0,60}?(?:[僅仅]供[參参]考|[為为]准|[為为]主)"
    r"|(?:machine|automatic(?:ally)?)[- ]translat"
    r"|translat(?:ed|ion)s? (?:by|from|provided by|is provided by) (?:Google|DeepL|Microsoft|Bing|a machine)",
    re.I,
)
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
