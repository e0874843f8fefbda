"""Escaping of transcript text for Markdown and HTML: data is shown as written, never interpreted.

Transcript text may hold HTML, Markdown, ``{{ }}``, ``|`` or ``---``. Python-Markdown (and the
Hub's card renderer) pass raw HTML through, and ``html.escape`` leaves Markdown syntax live (a
``[x](javascript:…)`` link), so text placed in Markdown has every ASCII punctuation character
written as a numeric character reference. Used by the dataset card and the documentation site.
"""

from __future__ import annotations

import html
import string

_PUNCTUATION = {ord(ch): f"&#{ord(ch)};" for ch in string.punctuation}


def html_text(value: object) -> str:
    """Text for an HTML element or attribute value: ``& < > " '`` escaped."""
    return html.escape(str(value), quote=True)


def md_inline(value: object) -> str:
    """Text for a Markdown line or table cell: every ASCII punctuation as ``&#NN;``, newlines as spaces."""
    return str(value).replace("\r", " ").replace("\n", " ").translate(_PUNCTUATION)


def md_cell(markdown: str) -> str:
    """Trusted Markdown (schema descriptions, never data) for a table cell: ``|`` escaped, one line."""
    return markdown.replace("\r", " ").replace("\n", " ").replace("|", "\\|")
