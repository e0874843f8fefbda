"""The base of every format writer: rows arrive in batches, as JSON lines and as an Arrow batch."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

import pyarrow as pa


class FormatWriter(ABC):
    """Writes one shard of one config in one format. Subclasses implement ``write`` and ``close``."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        path.parent.mkdir(parents=True, exist_ok=True)

    @abstractmethod
    def write(self, lines: bytes, batch: pa.RecordBatch) -> None:
        """Append a batch of rows (the same rows as JSON lines and as Arrow)."""

    @abstractmethod
    def close(self) -> None:
        """Flush and close the file."""
