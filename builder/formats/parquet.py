"""Parquet: zstd, one row group per batch, content-defined chunking, ``datasets`` features embedded.

Free-text columns skip dictionary encoding (it only costs time on unique paragraphs); ids,
names, roles and the like keep it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from builder.formats.base import FormatWriter

#: Settings that change the bytes of every Parquet file; recorded in the build signature.
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_content_defined_chunking": True,
    "write_statistics": True,
}


#: Leaf columns of free text: dictionary encoding only costs time on them.
_FREE_TEXT = frozenset({"en", "zh", "text_en", "text_zh", "text", "disclaimer"})


def _leaf_paths(field: pa.Field, prefix: str = "") -> list[str]:
    """Parquet column paths of a field's leaves (``translation.en``, ``flags.list.element``)."""
    path = prefix + field.name
    if pa.types.is_struct(field.type):
        return [leaf for child in field.type for leaf in _leaf_paths(child, path + ".")]
    if pa.types.is_list(field.type):
        return _leaf_paths(pa.field("element", field.type.value_type), path + ".list.")
    return [path]


def dictionary_columns(schema: pa.Schema) -> list[str]:
    """Columns worth dictionary encoding: every leaf but the free-text ones."""
    leaves = [leaf for field in schema for leaf in _leaf_paths(field)]
    return [leaf for leaf in leaves if leaf.rsplit(".", 1)[-1] not in _FREE_TEXT]


class ParquetWriter(FormatWriter):
    """Streams batches into one Parquet file; the schema carries the ``huggingface`` features."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._writer = pq.ParquetWriter(
            path, schema, use_dictionary=dictionary_columns(schema), **PARQUET_OPTIONS
        )

    def write(self, lines: bytes, batch: pa.RecordBatch) -> None:
        """Append the batch as one row group."""
        self._writer.write_batch(batch, row_group_size=batch.num_rows)

    def close(self) -> None:
        """Write the footer."""
        self._writer.close()
