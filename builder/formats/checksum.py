"""SHA-256 of files, read in chunks: the one implementation for raw files and release files.

``hashlib`` releases the GIL while it digests, so many files are hashed on threads, one per core.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_or_none(path: Path) -> str | None:
    """A file's SHA-256, or None when it cannot be read (its reader reports why)."""
    try:
        return sha256_file(path)
    except OSError:
        return None


def on_threads(function: Callable[[Path], T], paths: Sequence[Path]) -> list[T]:
    """``function`` of each file, in order, on one thread per core (hashing releases the GIL)."""
    if len(paths) < 2:
        return [function(path) for path in paths]
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        return list(pool.map(function, paths))


def sha256_files(paths: Sequence[Path]) -> list[str]:
    """The SHA-256 of each file, in order, hashed on one thread per core."""
    return on_threads(sha256_file, paths)
