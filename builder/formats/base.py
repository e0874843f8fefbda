"""The base of every format writer: rows arrive as JSON lines as soon as they are made, and as
Arrow batches once a batch's rows are in."""

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

    def add_lines(self, lines: bytes) -> None:
        """Rows as JSON lines, as they arrive (before their batch is cut); only the JSON Lines
        copy writes them."""
        return None

    @abstractmethod
    def write(self, batch: pa.RecordBatch) -> None:
        """Append a batch of rows (the rows whose lines ``add_lines`` was given)."""

    @abstractmethod
    def close(self) -> None:
        """Flush and close the file."""
