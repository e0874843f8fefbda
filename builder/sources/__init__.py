"""Raw sources: read a file, detect its layout from the text, and split it into marked lines."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from builder.errors import SourceError
from builder.records import RawSource
from builder.sources.base import SourceLayout
from builder.sources.bulleted import BULLET, INDENT, BulletedLayout
from builder.sources.decode import decode_lines
from builder.sources.front import front_kind
from builder.sources.plain import PlainLayout

#: A line that starts with a markup tag: ``<p>``, ``</div>``, ``<!DOCTYPE html>``, ``<?xml …?>``.
_MARKUP_LINE = re.compile(
    r"^\s*<(?:!DOCTYPE|!--|\?xml|/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>)", re.IGNORECASE
)
#: The share of non-blank lines starting with a tag from which a file is markup, not a transcript
#: (the seeds have none).
MARKUP_SHARE = 0.1

#: Bulleted lines from which a file holds the bulleted layout, and the unmarked lines in a row
#: (not front matter) beyond which a file that holds it changes layout part-way.
MIN_BULLETS = 5
MAX_PLAIN_RUN = 4

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
        "translation, plain or as '•' / indented lines: not a transcript?)",
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


def _plain_run(lines: list[str], first: int) -> int | None:
    """The first line of a run of more than ``MAX_PLAIN_RUN`` unmarked lines after line ``first``
    (blank lines do not break a run), or None."""
    run: list[int] = []
    for number, line in enumerate(lines[first:], start=first + 1):
        if not line.strip():
            continue
        run = [] if BULLET.match(line) or INDENT.match(line) else [*run, number]
        if len(run) > MAX_PLAIN_RUN:
            return run[0]
    return None


def refuse_mixed_layout(name: str, lines: list[str]) -> None:
    """Raise ``SourceError`` naming the line where a file changes layout part-way (plain, then
    bulleted, or the reverse): its body would otherwise be demoted to front matter or mis-paired."""
    bullets = [n for n, line in enumerate(lines, start=1) if BULLET.match(line)]
    if len(bullets) < MIN_BULLETS:
        return
    first = bullets[0]
    before = [
        n for n, line in enumerate(lines[: first - 1], start=1) if line.strip() and front_kind(line) is None
    ]
    where = before[0] if len(before) > MAX_PLAIN_RUN else _plain_run(lines, first)
    if where is not None:
        raise SourceError(
            name,
            f"the layout changes part-way: bulleted lines from line {first}, plain lines at line {where} "
            "(split the file, or make it one layout)",
            where,
        )


def parse_source(name: str, data: bytes) -> RawSource:
    """Decode raw bytes and split them by their detected layout (markup and mixed layouts refused
    first)."""
    lines = decode_lines(name, data)
    refuse_markup(name, lines)
    refuse_mixed_layout(name, lines)
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
