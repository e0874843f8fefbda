"""JSON Lines, zstd-compressed (``.jsonl.zst``): one UTF-8 object per line, keys in schema order,
Chinese not escaped."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from builder.formats.base import FormatWriter
from builder.formats.compression import open_write

#: Lines handed to the compressor at a time, at least: a shard's files are written in turn, and
#: each compressor's tables leave the CPU's caches between two writes, so a call's lines at a
#: time (tens of KB) cost 43 % more CPU than a batch's; 1 MiB, about 10 % (``bench/README.md``).
WRITE_BYTES = 1 << 20


class JsonlWriter(FormatWriter):
    """Writes the rows' JSON lines as they come (``process_file`` made them: orjson for the rows
    Python built, the core for the sentence rows, the same bytes), compressed as the file's
    extension says, ``WRITE_BYTES`` or more at a time; the stream compresses whole blocks, so the
    bytes do not depend on how the lines arrive."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._file = open_write(path)
        self._pending: list[bytes] = []
        self._pending_bytes = 0

    def add_lines(self, lines: bytes) -> None:
        """Append the rows, one line each."""
        self._pending.append(lines)
        self._pending_bytes += len(lines)
        if self._pending_bytes >= WRITE_BYTES:
            self._write_pending()

    def write(self, batch: pa.RecordBatch) -> None:
        """Nothing: the batch's rows came as lines."""

    def close(self) -> None:
        """Write what is left and close the file."""
        self._write_pending()
        self._file.close()

    def _write_pending(self) -> None:
        self._file.write(b"".join(self._pending))
        self._pending, self._pending_bytes = [], 0
