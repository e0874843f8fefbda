"""Parquet: zstd, one row group per batch, content-defined chunking, ``datasets`` features embedded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from builder.write.base import FormatWriter

#: Settings that change the bytes of every Parquet file; recorded in the build signature.
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_content_defined_chunking": True,
    "write_statistics": True,
}


class ParquetWriter(FormatWriter):
    """Streams batches into one Parquet file; the schema carries the ``huggingface`` features."""

    extension = "parquet"

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._writer = pq.ParquetWriter(path, schema, **PARQUET_OPTIONS)

    def write(self, rows: list[dict[str, Any]], batch: pa.RecordBatch) -> None:
        """Append the batch as one row group."""
        self._writer.write_batch(batch, row_group_size=batch.num_rows)

    def close(self) -> None:
        """Write the footer."""
        self._writer.close()
