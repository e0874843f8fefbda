"""Finding the raw transcripts of a folder: every ``*.txt`` file at any depth, sorted."""

from __future__ import annotations

from pathlib import Path

from builder.errors import CallcorpusError


def discover_sources(raw_dir: Path) -> list[str]:
    """Raw transcript files (``*.txt``, any depth) as sorted paths relative to ``raw_dir``."""
    if not raw_dir.is_dir():
        raise CallcorpusError(f"{raw_dir}: raw folder not found")
    return sorted(p.relative_to(raw_dir).as_posix() for p in raw_dir.rglob("*.txt") if p.is_file())
