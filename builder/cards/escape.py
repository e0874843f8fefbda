"""Escaping of transcript text for Markdown and HTML: data is shown as written, never interpreted.

Transcript text may hold HTML, Markdown, ``{{ }}``, ``|`` or ``---``. Python-Markdown (and the
Hub's card renderer) pass raw HTML through, and ``html.escape`` leaves Markdown syntax live (a
``[x](javascript:…)`` link), so text placed in Markdown has every ASCII punctuation character
written as a numeric character reference; data inside raw HTML blocks is escaped for HTML
(Markdown does not look inside them). Used by the dataset card and the documentation site.
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


def md_code(value: object) -> str:
    """Inline code for Markdown prose: an HTML ``<code>`` element with escaped content."""
    return f"<code>{md_inline(value)}</code>"


def pre_block(value: str, language: str = "") -> str:
    """A preformatted raw HTML block, shown literally (no Markdown, no HTML inside)."""
    klass = f' class="language-{html_text(language)}"' if language else ""
    body = html_text(value).replace("\n", "&#10;")
    return f"<pre><code{klass}>{body}</code></pre>\n"
