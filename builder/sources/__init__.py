"""Raw sources: read a file, detect its layout from the text, and split it into marked lines."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from builder.errors import SourceError
from builder.records import RawSource
from builder.sources.base import SourceLayout
from builder.sources.bulleted import BulletedLayout
from builder.sources.decode import decode_lines
from builder.sources.plain import PlainLayout

#: A line that starts with a markup tag: ``<p>``, ``</div>``, ``<!DOCTYPE html>``, ``<?xml …?>``.
_MARKUP_LINE = re.compile(
    r"^\s*<(?:!DOCTYPE|!--|\?xml|/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>)", re.IGNORECASE
)
#: The share of non-blank lines starting with a tag from which a file is markup, not a transcript
#: (the seeds have none).
MARKUP_SHARE = 0.1

#: Layouts in the order detection tries them; the most specific first.
LAYOUTS: tuple[SourceLayout, ...] = (BulletedLayout(), PlainLayout())


def detect_layout(name: str, lines: list[str]) -> SourceLayout:
    """Return the first layout whose ``matches`` accepts the lines."""
    for layout in LAYOUTS:
        if layout.matches(lines):
            return layout
    raise SourceError(
        name,
        "matches no known layout (expected English paragraphs each followed by a Chinese "
        "translation, plain or as '•' / indented lines)",
    )


def refuse_markup(name: str, lines: list[str]) -> None:
    """Raise ``SourceError`` for a web page or XML saved as text: a transcript is plain text."""
    text_lines = [line for line in lines if line.strip()]
    tagged = sum(1 for line in text_lines if _MARKUP_LINE.match(line))
    if text_lines and tagged / len(text_lines) >= MARKUP_SHARE:
        raise SourceError(
            name,
            f"looks like HTML or XML ({tagged:,} of {len(text_lines):,} lines start with a markup tag): "
            "save the page's text, not its source",
        )


def parse_source(name: str, data: bytes) -> RawSource:
    """Decode raw bytes and split them by their detected layout (markup refused first)."""
    lines = decode_lines(name, data)
    refuse_markup(name, lines)
    layout = detect_layout(name, lines)
    front, body, blank = layout.split(name, lines)
    return RawSource(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        num_bytes=len(data),
        layout=layout.name,
        num_lines=len(lines),
        front=tuple(front),
        body=tuple(body),
        blank=tuple(blank),
    )


def read_source(path: Path, name: str | None = None) -> RawSource:
    """Read and parse one raw file; ``name`` is how the file is named in records and errors."""
    display = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(display, f"cannot be read ({exc.strerror})") from None
    return parse_source(display, data)
