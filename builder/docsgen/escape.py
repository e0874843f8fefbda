"""Escaping for the generated pages: data inside raw HTML blocks, or inline with ``builder.escape``.

Data is written either inside raw HTML blocks (escaped for HTML; Markdown does not look inside
them) or, inline in Markdown, with every ASCII punctuation character as a numeric character
reference (``builder.escape.md_inline``, shared with the dataset card).
"""

from __future__ import annotations

from builder.escape import html_text, md_cell, md_inline

__all__ = ["html_text", "md_cell", "md_code", "md_inline", "pre_block"]


def md_code(value: object) -> str:
    """Inline code for Markdown prose: an HTML ``<code>`` element with escaped content."""
    return f"<code>{md_inline(value)}</code>"


def pre_block(value: str, language: str = "") -> str:
    """A preformatted raw HTML block, shown literally (no Markdown, no HTML inside)."""
    klass = f' class="language-{html_text(language)}"' if language else ""
    body = html_text(value).replace("\n", "&#10;")
    return f"<pre><code{klass}>{body}</code></pre>\n"
