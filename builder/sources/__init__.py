"""Raw sources: read a file, detect its layout from the text, and split it into marked lines."""

from __future__ import annotations

import hashlib
from pathlib import Path

from builder.errors import SourceError
from builder.records import RawSource
from builder.sources.base import SourceLayout
from builder.sources.bulleted import BulletedLayout
from builder.sources.decode import decode_lines
from builder.sources.plain import PlainLayout

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


def parse_source(name: str, data: bytes) -> RawSource:
    """Decode raw bytes and split them by their detected layout."""
    lines = decode_lines(name, data)
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
