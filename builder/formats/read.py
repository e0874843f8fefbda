"""Reading a release's rows back: one config, in one format, streamed in shard order.

Memory stays flat however large the release: Parquet and Arrow files are read batch by batch,
JSON Lines line by line; compressed files are decompressed as they are read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from builder.formats.compression import open_read
from builder.formats.layout import shard_files

Row = dict[str, Any]

#: Rows per batch read from Parquet.
READ_BATCH = 5_000


def _parquet_rows(path: Path) -> Iterator[Row]:
    for batch in pq.ParquetFile(path).iter_batches(batch_size=READ_BATCH):
        yield from batch.to_pylist()


def jsonl_lines(path: Path) -> Iterator[bytes]:
    """The lines of a JSON Lines file (``.jsonl.zst`` or, in releases before 2.0.0, ``.jsonl``)."""
    with open_read(path) as lines:
        yield from lines


def _jsonl_rows(path: Path) -> Iterator[Row]:
    for line in jsonl_lines(path):
        yield orjson.loads(line)


def _arrow_rows(path: Path) -> Iterator[Row]:
    with pa.memory_map(str(path)) as source:
        reader = pa.ipc.open_file(source)
        for i in range(reader.num_record_batches):
            yield from reader.get_batch(i).to_pylist()


_READERS = {"parquet": _parquet_rows, "jsonl": _jsonl_rows, "arrow": _arrow_rows}


def read_rows(release: Path, config: str, fmt: str = "parquet") -> Iterator[Row]:
    """Every row of a config's split from a release folder, in order, as dicts."""
    for path in shard_files(release, config, fmt):
        yield from _READERS[fmt](path)


def read_column(release: Path, config: str, column: str) -> list[Any]:
    """One column of a config's split from its Parquet files, in order (nothing else is read)."""
    return [
        value
        for path in shard_files(release, config)
        for value in pq.read_table(path, columns=[column])[column].to_pylist()
    ]


def read_shard_column(release: Path, config: str, column: str) -> list[list[Any]]:
    """One column of a config per shard file (Parquet), in shard order."""
    return [
        pq.read_table(path, columns=[column])[column].to_pylist() for path in shard_files(release, config)
    ]
