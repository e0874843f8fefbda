"""Arrow IPC *file* format (``.arrow``), which pyarrow, polars, R and DuckDB open directly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from builder.formats.base import FormatWriter


class ArrowWriter(FormatWriter):
    """Streams batches into an IPC file (not the stream format ``save_to_disk`` writes)."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._sink = pa.OSFile(str(path), "wb")
        self._writer = pa.ipc.new_file(self._sink, schema)

    def write(self, rows: list[dict[str, Any]], batch: pa.RecordBatch) -> None:
        """Append the batch."""
        self._writer.write_batch(batch)

    def close(self) -> None:
        """Write the footer and close the file."""
        self._writer.close()
        self._sink.close()
