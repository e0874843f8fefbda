"""JSON Lines, zstd-compressed (``.jsonl.zst``): one UTF-8 object per line, keys in schema order,
Chinese not escaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa

from builder.formats.base import FormatWriter
from builder.formats.compression import open_write


class JsonlWriter(FormatWriter):
    """Serializes the row dicts with orjson (no ASCII escaping, deterministic output), compressed as
    the file's extension says."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._file = open_write(path)

    def write(self, rows: list[dict[str, Any]], batch: pa.RecordBatch) -> None:
        """Append the rows, one line each."""
        dumps, newline = orjson.dumps, orjson.OPT_APPEND_NEWLINE
        self._file.write(b"".join(dumps(row, option=newline) for row in rows))

    def close(self) -> None:
        """Close the file."""
        self._file.close()
