"""The shard writer cuts the rows it is given into batches of exactly ``batch_rows`` rows,
whatever the sizes of the calls that bring them, and every format holds the rows in order. Every
config's batches, which the core builds from the rows it holds (the ``segments`` and
``sentences`` rows it built, the dicts Python built of the others), are the batches pyarrow's
JSON reader builds from their lines, to the buffer: the release's bytes do not depend on which
builds them. The JSON Lines copy is written as the lines arrive, and its bytes do not depend on
how they arrive."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.json as pa_json
import pyarrow.parquet as pq
import pytest
from conftest import RAW

from builder.formats.compression import ARROW_CODEC, open_read
from builder.formats.jsonl import JsonlWriter
from builder.formats.layout import shard_path
from builder.formats.shard_writer import ShardWriter
from builder.rows.process import process_file
from builder.schema.derived import arrow_schema

PROCESSED = [process_file(path, path.name) for path in sorted(RAW.glob("*.txt"))]


Chunk = tuple[bytes, int, tuple[Any, ...]]


def _units(config: str) -> list[Chunk]:
    """The seeds' rows of a config one at a time (as a line and as its dict), or for the
    configs the core builds one segment's at a time (the core holds them by segment)."""
    if config == "sentences":
        return [(s.lines, s.count, (s,)) for p in PROCESSED for s in p.aligned]
    if config == "segments":
        return [(s.segment_line, 1, (s,)) for p in PROCESSED for s in p.aligned]
    pairs = [zip(p.lines[config].splitlines(True), p.rows[config], strict=True) for p in PROCESSED]
    return [(line, 1, (row,)) for pair in pairs for line, row in pair]


def _chunks(config: str, seed: int) -> list[Chunk]:
    """The seeds' rows of a config, regrouped into chunks of random sizes (some empty)."""
    units = _units(config)
    rng, chunks, at = random.Random(seed), [], 0
    while at < len(units):
        size = rng.choice([0, 1, 2, 5, 13, 40, 200])
        group = units[at : at + size]
        chunks.append(
            (b"".join(u[0] for u in group), sum(u[1] for u in group), sum((u[2] for u in group), ()))
        )
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
        ("qa", 3, 6),
        ("transcripts", 2, 7),
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
    for lines, count, held in chunks:
        writer.add(lines, count, held)
    writer.close()

    total = sum(count for _, count, _ in chunks)
    expected = [batch_rows] * (total // batch_rows) + ([total % batch_rows] if total % batch_rows else [])
    assert seen == expected and writer.num_rows == total
    parquet = pq.ParquetFile(tmp_path / shard_path(config, "parquet", "train", 0, 1))
    assert [parquet.metadata.row_group(k).num_rows for k in range(parquet.num_row_groups)] == expected
    given = [orjson.loads(line) for lines, _, _ in chunks for line in lines.splitlines()]
    assert parquet.read().to_pylist() == given
    assert parquet.schema_arrow.equals(schema)
    with pa.OSFile(str(tmp_path / shard_path(config, "arrow", "train", 0, 1))) as source:
        arrow = ipc.open_file(source)
        assert [arrow.get_batch(k).num_rows for k in range(arrow.num_record_batches)] == expected
    with open_read(tmp_path / shard_path(config, "jsonl", "train", 0, 1)) as jsonl:
        assert jsonl.read() == b"".join(lines for lines, _, _ in chunks)


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ({"qa_id": 5}, "`qa_id`: a string expected, found int 5"),
        ({"exchange": True}, "`exchange`: a 64-bit integer expected, found bool True"),
        ({"exchange": 2**63}, "`exchange`: a 64-bit integer expected"),
        ({"question": {"en": "Hi.", "fr": "Salut."}}, "`question.fr`: not a column of the schema"),
        ({"question": None}, "`question`: a null object, which is not built"),
        ({"flags": "none"}, "`flags`: a list expected, found str 'none'"),
    ],
)
def test_a_row_the_arrow_schema_cannot_hold_is_refused_naming_its_column(
    tmp_path: Path, row: dict[str, Any], said: str
) -> None:
    writer = ShardWriter(tmp_path, "qa", arrow_schema("qa"), ("train", 0, 1), 1)
    full = PROCESSED[0].rows["qa"][0] | row
    with pytest.raises(ValueError, match=re.escape(said)):
        writer.add(orjson.dumps(full) + b"\n", 1, [full])


def _json_batch(lines: bytes, schema: pa.Schema) -> pa.RecordBatch:
    """What the shard writer built before the core built the batches: pyarrow's JSON reader over
    the lines."""
    options = pa_json.ReadOptions(use_threads=False, block_size=len(lines) + 1)
    parse = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    table = pa_json.read_json(io.BytesIO(lines), read_options=options, parse_options=parse)
    return table.combine_chunks().to_batches()[0].replace_schema_metadata(schema.metadata)


def _buffers(array: pa.Array) -> list[bytes | None]:
    """An array's buffers and its children's, each as its bytes (None where absent)."""
    return [None if b is None else b.to_pybytes() for b in array.buffers()]


@pytest.mark.parametrize(
    ("config", "batch_rows"),
    [
        ("sentences", 8_192),
        ("sentences", 100),
        ("sentences", 7),
        ("segments", 8_192),
        ("segments", 7),
        ("transcripts", 2),
        ("qa", 1_024),
        ("qa", 5),
    ],
)
def test_the_cores_batches_are_the_json_readers_to_the_byte(
    tmp_path: Path, config: str, batch_rows: int
) -> None:
    schema = arrow_schema(config)
    writer = ShardWriter(tmp_path, config, schema, ("train", 0, 1), batch_rows)
    built: list[pa.RecordBatch] = []
    writer.listener = built.append
    for processed in PROCESSED:
        writer.add(processed.lines[config], processed.counts[config], processed.held_rows(config))
    writer.close()

    rows = b"".join(p.lines[config] for p in PROCESSED).splitlines(keepends=True)
    assert len(built) == -(-len(rows) // batch_rows) > 0
    for k, batch in enumerate(built):
        parsed = _json_batch(b"".join(rows[k * batch_rows : (k + 1) * batch_rows]), schema)
        assert batch.equals(parsed, check_metadata=True)
        assert batch.nbytes == parsed.nbytes  # the split's num_bytes in the card
        assert [_buffers(c) for c in batch.columns] == [_buffers(c) for c in parsed.columns]
        assert _ipc(batch) == _ipc(parsed)


def _ipc(batch: pa.RecordBatch) -> bytes:
    """A batch in an Arrow IPC file, its buffers compressed as the release's are."""
    codec, level = ARROW_CODEC
    options = ipc.IpcWriteOptions(compression=pa.Codec(codec, compression_level=level))
    sink = pa.BufferOutputStream()
    with ipc.new_file(sink, batch.schema, options=options) as writer:
        writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def test_the_json_lines_files_bytes_do_not_depend_on_how_its_lines_arrive(tmp_path: Path) -> None:
    lines = b"".join(p.lines[c] for p in PROCESSED for c in ("transcripts", "sentences", "segments"))
    assert len(lines) > 1_000_000  # several of the compressor's 128 KiB blocks
    rng, written = random.Random(8), []
    for name, sizes in [("whole", [len(lines)]), ("pieces", [1, 37, 5_000, 131_072, 400_000])]:
        writer = JsonlWriter(tmp_path / f"{name}.jsonl.zst", arrow_schema("sentences"))
        at = 0
        while at < len(lines):
            size = rng.choice(sizes)
            writer.add_lines(lines[at : at + size])
            at += size
        writer.close()
        written.append((tmp_path / f"{name}.jsonl.zst").read_bytes())
    assert written[0] == written[1]


@pytest.mark.parametrize("config", ["sentences", "segments"])
def test_rows_given_as_lines_alone_are_refused(tmp_path: Path, config: str) -> None:
    writer = ShardWriter(tmp_path, config, arrow_schema(config), ("train", 0, 1), 1)
    processed = PROCESSED[0]
    with pytest.raises(ValueError, match="1 rows given as lines, 0 held"):
        writer.add(processed.lines[config], processed.counts[config], ())
