"""Parquet: zstd, row groups of one batch at most, content-defined chunking, a page index,
``datasets`` features embedded.

Free-text columns skip dictionary encoding (it only costs time on unique paragraphs); ids,
names, roles and the like keep it.

Row groups are sized for the Hugging Face Hub's dataset viewer, which refuses a row group over
about 286 MiB uncompressed and recommends 100–300 MB: a row group is one batch of the shard
writer (``BATCH_ROWS``: 8,192 segments or sentence units, 50 transcripts), halved until its
Arrow data holds at most ``ROW_GROUP_BYTES`` (128 MiB), so a batch of unusually long calls
cannot exceed the limit; the page index (an offset index for every column, a column index
for every column whose pages carry statistics: all but the whole-call texts) lets the viewer
and DuckDB read single pages. At the seeds' sizes (434 segments: 233 kB uncompressed; 3 calls:
230 kB) a full batch is about 4.5 MB of segments or 4 MB of transcripts, far within the
bound. Content-defined chunking keeps page boundaries where the data is unchanged, so two
releases share most of their Parquet bytes in the Hub's storage (``bench/chunk_sharing.py``).
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
    "write_page_index": True,
}
#: The most Arrow bytes a row group holds (one row of more is a row group of its own).
ROW_GROUP_BYTES = 128 * 1024 * 1024


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


def row_group_slices(batch: pa.RecordBatch, limit: int = ROW_GROUP_BYTES) -> list[pa.RecordBatch]:
    """The batch cut in halves, and halves of halves, until each part's Arrow data is within
    ``limit`` bytes (a single row stays whole): the same batch always gives the same parts."""
    if batch.nbytes <= limit or batch.num_rows <= 1:
        return [batch]
    half = batch.num_rows // 2
    return row_group_slices(batch.slice(0, half), limit) + row_group_slices(batch.slice(half), limit)


class ParquetWriter(FormatWriter):
    """Streams batches into one Parquet file; the schema carries the ``huggingface`` features."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._writer = pq.ParquetWriter(
            path, schema, use_dictionary=dictionary_columns(schema), **PARQUET_OPTIONS
        )

    def write(self, batch: pa.RecordBatch) -> None:
        """Append the batch as one row group, or as several when it holds over ``ROW_GROUP_BYTES``."""
        for part in row_group_slices(batch):
            self._writer.write_batch(part, row_group_size=part.num_rows)

    def close(self) -> None:
        """Write the footer."""
        self._writer.close()
