"""Arrow IPC *file* format (``.arrow``) with zstd-compressed buffers, which pyarrow, polars,
pandas (``read_feather``) and ``datasets`` open directly (memory-mapped, decompressed on read)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from builder.formats.base import FormatWriter
from builder.formats.compression import ARROW_CODEC


class ArrowWriter(FormatWriter):
    """Streams batches into an IPC file (not the stream format ``save_to_disk`` writes)."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._sink = pa.OSFile(str(path), "wb")
        codec, level = ARROW_CODEC
        options = pa.ipc.IpcWriteOptions(compression=pa.Codec(codec, compression_level=level))
        self._writer = pa.ipc.new_file(self._sink, schema, options=options)

    def write(self, batch: pa.RecordBatch) -> None:
        """Append the batch."""
        self._writer.write_batch(batch)

    def close(self) -> None:
        """Write the footer and close the file."""
        self._writer.close()
        self._sink.close()
