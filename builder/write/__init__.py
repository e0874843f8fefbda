"""Writers: every config shard goes to Parquet, JSONL and Arrow from the same batches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from builder.write.arrow import ArrowWriter
from builder.write.base import FormatWriter
from builder.write.jsonl import JsonlWriter
from builder.write.moses import MosesWriter
from builder.write.parquet import PARQUET_OPTIONS, ParquetWriter
from builder.write.tmx import TmxWriter

#: Format name → (writer class, folder in the release). Only ``data/`` (Parquet) is named by
#: the card's configs; the other folders hold copies with identical rows.
FORMATS: dict[str, tuple[type[FormatWriter], str]] = {
    "parquet": (ParquetWriter, "data"),
    "jsonl": (JsonlWriter, "jsonl"),
    "arrow": (ArrowWriter, "arrow"),
}

#: Machine-translation exports of the ``sentences`` config: folder, and one writer per kind.
EXPORTS: dict[str, type[FormatWriter]] = {"moses": MosesWriter, "tmx": TmxWriter}
EXPORT_FOLDER = "mt"

__all__ = [
    "EXPORTS",
    "EXPORT_FOLDER",
    "FORMATS",
    "PARQUET_OPTIONS",
    "ShardWriter",
    "export_path",
    "shard_path",
]


def export_path(kind: str, shard: int, num_shards: int) -> str:
    """Relative path of one shard's export, e.g. ``mt/train-00000-of-00001.tmx`` (the Moses
    writer adds ``.zh`` and ``.ids`` beside its ``.en``)."""
    return f"{EXPORT_FOLDER}/train-{shard:05d}-of-{num_shards:05d}.{EXPORTS[kind].extension}"


def shard_path(config: str, fmt: str, shard: int, num_shards: int) -> str:
    """Relative path of one shard file, e.g. ``data/segments/train-00000-of-00001.parquet``."""
    folder = FORMATS[fmt][1]
    ext = FORMATS[fmt][0].extension
    return f"{folder}/{config}/train-{shard:05d}-of-{num_shards:05d}.{ext}"


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
            cls(root / shard_path(config, fmt, shard, num_shards), schema)
            for fmt, (cls, _) in FORMATS.items()
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
