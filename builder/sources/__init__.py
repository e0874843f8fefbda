"""Raw sources: read a file, detect its layout from the text, and split it into marked lines.

The per-line work (decoding, the markup and mixed-layout refusals, detection, the split) lives
in the compiled core (``rust/src/decode.rs``, ``rust/src/layout.rs``, ``rust/src/front.rs``,
``rust/src/lines.rs``); ``parse_source`` calls it once per file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, cast

from builder import _core
from builder.errors import SourceError
from builder.records import Layout, RawSource
from builder.sources.base import SourceLayout, split_records
from builder.sources.bulleted import BulletedLayout
from builder.sources.decode import decode_lines, refusal
from builder.sources.plain import PlainLayout

#: The share of non-blank lines starting with a tag from which a file is markup, not a transcript
#: (the seeds have none).
MARKUP_SHARE: float = _core.MARKUP_SHARE

#: Bulleted lines from which a file holds the bulleted layout, and the unmarked lines in a row
#: (not front matter) beyond which a file that holds it changes layout part-way.
MIN_BULLETS: int = _core.MIN_BULLETS
MAX_PLAIN_RUN: int = _core.MAX_PLAIN_RUN

_BY_NAME: dict[str, SourceLayout] = {layout.name: layout for layout in (BulletedLayout(), PlainLayout())}
#: Layouts in the order detection tries them; the most specific first.
LAYOUTS: tuple[SourceLayout, ...] = tuple(_BY_NAME[name] for name in _core.LAYOUTS)


def detect_layout(name: str, lines: list[str]) -> SourceLayout:
    """Return the first layout whose ``matches`` accepts the lines."""
    found = _core.detect_layout(lines)
    if found is None:
        raise refusal(name, ("layout", None, 0, 0, []))
    return _BY_NAME[found]


def refuse_markup(name: str, lines: list[str]) -> None:
    """Raise ``SourceError`` for a web page or XML saved as text: a transcript is plain text
    (refused from a share of ``MARKUP_SHARE`` of the non-blank lines starting with a tag)."""
    problem = _core.refuse_markup(lines)
    if problem is not None:
        raise refusal(name, problem)


def refuse_mixed_layout(name: str, lines: list[str]) -> None:
    """Raise ``SourceError`` naming the line where a file changes layout part-way (plain, then
    bulleted, or the reverse): its body would otherwise be demoted to front matter or mis-paired."""
    problem = _core.refuse_mixed_layout(lines)
    if problem is not None:
        raise refusal(name, problem)


def parse_source(name: str, data: bytes) -> RawSource:
    """Decode raw bytes and split them by their detected layout (markup and mixed layouts refused
    first), in one call of the core."""
    problem, found = _core.parse_lines(data)
    if problem is not None:
        raise refusal(name, problem)
    layout, num_lines, *split = cast("tuple[Layout, int, Any, Any, Any]", found)
    front, body, blank = split_records(split)
    return RawSource(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        num_bytes=len(data),
        layout=layout,
        num_lines=num_lines,
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


__all__ = [
    "LAYOUTS",
    "decode_lines",
    "detect_layout",
    "parse_source",
    "read_source",
    "refuse_markup",
    "refuse_mixed_layout",
]
