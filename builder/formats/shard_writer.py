"""The shard writer: one shard of every config, to every format, from the same batches, one set
of files per split the shard has calls in.

Rows arrive as JSON Lines (``process_file``'s); a batch is cut at exactly ``batch_rows`` rows
and handed to every writer with its lines (the JSON Lines copy writes them as they are). The
``sentences`` batches are built by the core from the rows it holds (``_core.SentenceBatches``,
through the Arrow C data interface); those of the configs whose rows Python built, by pyarrow's
JSON reader from their lines, against the config's Arrow schema.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.json as pa_json

from builder import _core
from builder.formats.arrow import ArrowWriter
from builder.formats.base import FormatWriter
from builder.formats.jsonl import JsonlWriter
from builder.formats.layout import EXPORTED_CONFIG, export_path, shard_path
from builder.formats.moses import MosesWriter
from builder.formats.parquet import ParquetWriter
from builder.formats.tmx import TmxWriter
from builder.rows.splits import SPLITS
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
BATCH_ROWS = {"segments": 8_192, "transcripts": 50, "sentences": 8_192, "qa": 1_024}
#: The config whose rows the core holds and builds the Arrow batches of.
CORE_BUILT = "sentences"


class ShardWriter:
    """Buffers one config's JSON lines and writes every ``batch_rows`` of them to all formats;
    ``listener`` (if any) sees each batch written."""

    def __init__(
        self,
        root: Path,
        config: str,
        schema: pa.Schema,
        place: tuple[str, int, int],
        batch_rows: int,
        extra: tuple[FormatWriter, ...] = (),
    ) -> None:
        """``place`` is the split, the shard and the number of shards."""
        self.schema = schema
        self.batch_rows = batch_rows
        self.num_rows = 0
        self.num_bytes = 0
        self.listener: Callable[[pa.RecordBatch], None] | None = None
        self._chunks: list[bytes] = []
        self._pending = 0
        self._parse = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
        #: The rows the core holds, for a config it builds the batches of.
        self._core_rows = _core.SentenceBatches(schema) if config == CORE_BUILT else None
        self._writers = [cls(root / shard_path(config, fmt, *place), schema) for fmt, cls in WRITERS.items()]
        self._writers += extra  # exports fed the same batches (Moses, TMX)

    def add(self, lines: bytes, count: int, core_rows: Sequence[_core.SentenceRows] = ()) -> None:
        """Queue ``count`` rows given as JSON lines (and, for the config the core builds, as the
        segments' rows it holds); full batches are written at once."""
        if self._core_rows is not None:
            self._core_rows.push(list(core_rows))
        while self._pending + count >= self.batch_rows:
            take = self.batch_rows - self._pending
            cut = _after_lines(lines, take)
            self._chunks.append(lines[:cut])
            self._pending += take
            self._flush()
            lines, count = lines[cut:], count - take
        if count:
            self._chunks.append(lines)
            self._pending += count

    def _flush(self) -> None:
        lines = b"".join(self._chunks)
        batch = self._batch(lines, self._pending)
        self._chunks, self._pending = [], 0
        self.num_rows += batch.num_rows
        self.num_bytes += batch.nbytes
        for writer in self._writers:
            writer.write(lines, batch)
        if self.listener is not None:
            self.listener(batch)

    def _batch(self, lines: bytes, count: int) -> pa.RecordBatch:
        """The ``count`` rows as one Arrow batch of the config's schema (metadata included): built
        by the core from the rows it holds, or else from their lines by pyarrow's JSON reader."""
        if self._core_rows is not None:
            batch = pa.record_batch(self._core_rows.take(count))
            if batch.num_rows != count:
                raise ValueError(f"{count} rows given as lines, {batch.num_rows} held by the core")
        else:
            options = pa_json.ReadOptions(use_threads=False, block_size=len(lines) + 1)
            table = pa_json.read_json(io.BytesIO(lines), read_options=options, parse_options=self._parse)
            batch = table.combine_chunks().to_batches()[0]
        return batch.replace_schema_metadata(self.schema.metadata)

    def close(self) -> None:
        """Write what is left and close every file."""
        if self._pending:
            self._flush()
        for writer in self._writers:
            writer.close()


def _after_lines(lines: bytes, count: int) -> int:
    """The offset just after the ``count``-th line of ``lines``."""
    end = 0
    for _ in range(count):
        end = lines.index(b"\n", end) + 1
    return end


def split_writers(out_dir: Path, split: str, shard: int, num_shards: int) -> dict[str, ShardWriter]:
    """One writer per config for one shard's split, the exports attached to their config's writer."""
    writers = {}
    for config in config_names():
        schema = arrow_schema(config)
        exports = tuple(
            cls(out_dir / export_path(kind, split, shard, num_shards), schema)
            for kind, cls in EXPORT_WRITERS.items()
            if config == EXPORTED_CONFIG
        )
        place = (split, shard, num_shards)
        writers[config] = ShardWriter(out_dir, config, schema, place, BATCH_ROWS[config], exports)
    return writers


class ShardWriters:
    """One shard's writers: a set per split, opened when the split's first call arrives (a
    split without calls in the shard gets no files)."""

    def __init__(
        self,
        out_dir: Path,
        shard: int,
        num_shards: int,
        listeners: Mapping[str, Callable[[pa.RecordBatch], None]] | None = None,
    ) -> None:
        """``listeners``: config → what sees each of its batches written, in every split."""
        self.out_dir, self.shard, self.num_shards = out_dir, shard, num_shards
        self.listeners = dict(listeners or {})
        self.by_split: dict[str, dict[str, ShardWriter]] = {}

    def add(
        self,
        split: str,
        lines: dict[str, bytes],
        counts: dict[str, int],
        core_rows: Sequence[_core.SentenceRows] = (),
    ) -> None:
        """Queue one call's rows (config → JSON lines, and how many; the segments' rows the core
        holds for the config it builds) in its split's files."""
        if split not in self.by_split:
            self.by_split[split] = writers = split_writers(self.out_dir, split, self.shard, self.num_shards)
            for config, listener in self.listeners.items():
                writers[config].listener = listener
        for config, config_lines in lines.items():
            held = core_rows if config == CORE_BUILT else ()
            self.by_split[split][config].add(config_lines, counts[config], held)

    def close(self) -> dict[str, dict[str, tuple[int, int]]]:
        """Close every file; rows and in-memory bytes written, by split (in ``SPLITS`` order)
        and config."""
        written: dict[str, dict[str, tuple[int, int]]] = {}
        for split in (s for s in SPLITS if s in self.by_split):
            written[split] = {}
            for config, writer in self.by_split[split].items():
                writer.close()
                written[split][config] = (writer.num_rows, writer.num_bytes)
        return written
