"""The shard writer: one shard of every config, to every format, from the same batches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from builder.formats.arrow import ArrowWriter
from builder.formats.base import FormatWriter
from builder.formats.jsonl import JsonlWriter
from builder.formats.layout import EXPORTED_CONFIG, export_path, shard_path
from builder.formats.moses import MosesWriter
from builder.formats.parquet import ParquetWriter
from builder.formats.tmx import TmxWriter
from builder.schema.derived import arrow_schema
from builder.schema.files import config_names

#: Format name → its writer; the keys are those of ``layout.FORMATS``, in the same order.
WRITERS: dict[str, type[FormatWriter]] = {
    "parquet": ParquetWriter,
    "jsonl": JsonlWriter,
    "arrow": ArrowWriter,
}
#: Export kind → its writer, fed the batches of ``layout.EXPORTED_CONFIG``.
EXPORT_WRITERS: dict[str, type[FormatWriter]] = {"moses": MosesWriter, "tmx": TmxWriter}
#: Rows per written batch (one Parquet row group, one Arrow record batch), per config.
BATCH_ROWS = {"segments": 8_192, "transcripts": 50, "sentences": 8_192}


class ShardWriter:
    """Buffers one config's rows and writes every ``batch_rows`` of them to all formats."""

    def __init__(
        self,
        root: Path,
        config: str,
        schema: pa.Schema,
        shard: int,
        num_shards: int,
        batch_rows: int,
        extra: tuple[FormatWriter, ...] = (),
    ) -> None:
        self.schema = schema
        self.batch_rows = batch_rows
        self.num_rows = 0
        self.num_bytes = 0
        self._rows: list[dict[str, Any]] = []
        self._writers = [
            cls(root / shard_path(config, fmt, shard, num_shards), schema) for fmt, cls in WRITERS.items()
        ]
        self._writers += extra  # exports fed the same batches (Moses, TMX)

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Queue rows; full batches are written at once."""
        self._rows.extend(rows)
        while len(self._rows) >= self.batch_rows:
            self._flush(self._rows[: self.batch_rows])
            del self._rows[: self.batch_rows]

    def _flush(self, rows: list[dict[str, Any]]) -> None:
        # Column by column: the same batch as ``from_pylist``, about 2.5× faster on the
        # sentences config's nested rows.
        columns = [pa.array([row[field.name] for row in rows], type=field.type) for field in self.schema]
        batch = pa.RecordBatch.from_arrays(columns, schema=self.schema)
        self.num_rows += batch.num_rows
        self.num_bytes += batch.nbytes
        for writer in self._writers:
            writer.write(rows, batch)

    def close(self) -> None:
        """Write what is left and close every file."""
        if self._rows:
            self._flush(self._rows)
            self._rows = []
        for writer in self._writers:
            writer.close()


def shard_writers(out_dir: Path, shard: int, num_shards: int) -> dict[str, ShardWriter]:
    """One writer per config for one shard, the exports attached to their config's writer."""
    writers = {}
    for config in config_names():
        schema = arrow_schema(config)
        exports = tuple(
            cls(out_dir / export_path(kind, shard, num_shards), schema)
            for kind, cls in EXPORT_WRITERS.items()
            if config == EXPORTED_CONFIG
        )
        writers[config] = ShardWriter(out_dir, config, schema, shard, num_shards, BATCH_ROWS[config], exports)
    return writers
