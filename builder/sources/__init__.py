"""Raw sources: read a file, detect its layout from the text, and split it into marked lines.

The per-line work (decoding, the markup and mixed-layout refusals, detection of the two layouts,
plain and bulleted, and the split) lives in the compiled core (``rust/src/decode.rs``,
``rust/src/layout.rs``, ``rust/src/front.rs``, ``rust/src/lines.rs``); ``parse_source`` calls it
once per file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import cast

from builder import _core
from builder.errors import SourceError
from builder.records import BodyLine, FrontLine, Layout, RawSource
from builder.sources.decode import refusal


def parse_source(name: str, data: bytes) -> RawSource:
    """Decode raw bytes and split them by their detected layout (markup and mixed layouts refused
    first), in one call of the core."""
    found = _core.parse_lines(data)
    if isinstance(found, _core.SourceProblem):
        raise refusal(name, found)
    return RawSource(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        num_bytes=len(data),
        layout=cast("Layout", found.layout),
        num_lines=found.num_lines,
        front=tuple(map(FrontLine._make, found.front)),
        body=tuple(map(BodyLine._make, found.body)),
        blank=tuple(found.blank),
    )


def read_source(path: Path, name: str | None = None) -> RawSource:
    """Read and parse one raw file; ``name`` is how the file is named in records and errors."""
    display = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(display, f"cannot be read ({exc.strerror})") from None
    return parse_source(display, data)


__all__ = ["parse_source", "read_source"]
