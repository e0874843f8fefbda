"""SHA-256 of files, read in chunks: the one implementation for raw files and release files.

``hashlib`` releases the GIL while it digests, so many files are hashed on threads, one per core.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_files(paths: Sequence[Path]) -> list[str]:
    """The SHA-256 of each file, in order, hashed on one thread per core."""
    if len(paths) < 2:
        return [sha256_file(path) for path in paths]
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        return list(pool.map(sha256_file, paths))
