"""The shard writer cuts the JSON lines it is given into batches of exactly ``batch_rows`` rows,
whatever the sizes of the calls that bring them, and every format holds the rows in order."""

from __future__ import annotations

import random
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq
import pytest
from conftest import RAW

from builder.formats.compression import open_read
from builder.formats.layout import shard_path
from builder.formats.shard_writer import ShardWriter
from builder.rows.process import process_file
from builder.schema.derived import arrow_schema

PROCESSED = [process_file(path, path.name) for path in sorted(RAW.glob("*.txt"))]


def _chunks(config: str, seed: int) -> list[tuple[bytes, int]]:
    """The seeds' rows of a config, regrouped into chunks of random sizes (some empty)."""
    lines = [line + b"\n" for p in PROCESSED for line in p.lines[config].splitlines()]
    rng, chunks, at = random.Random(seed), [], 0
    while at < len(lines):
        size = rng.choice([0, 1, 2, 5, 13, 40, 200])
        chunks.append((b"".join(lines[at : at + size]), len(lines[at : at + size])))
        at += size
    return chunks


@pytest.mark.parametrize(
    ("config", "batch_rows", "seed"),
    [
        ("segments", 7, 1),
        ("sentences", 100, 2),
        ("segments", 434, 3),
        ("sentences", 5000, 4),
        ("sentences", 1, 5),
    ],
)
def test_batches_hold_exactly_batch_rows_rows_in_order(
    tmp_path: Path, config: str, batch_rows: int, seed: int
) -> None:
    schema = arrow_schema(config)
    writer = ShardWriter(tmp_path, config, schema, ("train", 0, 1), batch_rows)
    seen: list[int] = []
    writer.listener = lambda batch: seen.append(batch.num_rows)
    chunks = _chunks(config, seed)
    for lines, count in chunks:
        writer.add(lines, count)
    writer.close()

    total = sum(count for _, count in chunks)
    expected = [batch_rows] * (total // batch_rows) + ([total % batch_rows] if total % batch_rows else [])
    assert seen == expected and writer.num_rows == total
    parquet = pq.ParquetFile(tmp_path / shard_path(config, "parquet", "train", 0, 1))
    assert [parquet.metadata.row_group(k).num_rows for k in range(parquet.num_row_groups)] == expected
    given = [orjson.loads(line) for lines, _ in chunks for line in lines.splitlines()]
    assert parquet.read().to_pylist() == given
    assert parquet.schema_arrow.equals(schema)
    with pa.OSFile(str(tmp_path / shard_path(config, "arrow", "train", 0, 1))) as source:
        arrow = ipc.open_file(source)
        assert [arrow.get_batch(k).num_rows for k in range(arrow.num_record_batches)] == expected
    with open_read(tmp_path / shard_path(config, "jsonl", "train", 0, 1)) as jsonl:
        assert jsonl.read() == b"".join(lines for lines, _ in chunks)


def test_a_row_the_arrow_schema_cannot_hold_is_refused(tmp_path: Path) -> None:
    writer = ShardWriter(tmp_path, "segments", arrow_schema("segments"), ("train", 0, 1), 1)
    with pytest.raises(pa.ArrowInvalid):
        writer.add(b'{"segment_id": 5}\n', 1)
