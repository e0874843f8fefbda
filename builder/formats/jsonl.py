"""JSON Lines, zstd-compressed (``.jsonl.zst``): one UTF-8 object per line, keys in schema order,
Chinese not escaped."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from builder.formats.base import FormatWriter
from builder.formats.compression import open_write


class JsonlWriter(FormatWriter):
    """Writes the rows' JSON lines as they come (``process_file`` made them: orjson for the rows
    Python built, the core for the sentence rows, the same bytes), compressed as the file's
    extension says; the stream compresses whole blocks, so the bytes do not depend on how the
    lines arrive."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._file = open_write(path)

    def add_lines(self, lines: bytes) -> None:
        """Append the rows, one line each."""
        self._file.write(lines)

    def write(self, batch: pa.RecordBatch) -> None:
        """Nothing: the batch's rows were written as their lines arrived."""

    def close(self) -> None:
        """Close the file."""
        self._file.close()
