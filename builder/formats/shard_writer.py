"""The shard writer: one shard of every config, to every format, one set of files per split the
shard has calls in.

Each config's rows arrive twice (``process_file``'s): as JSON lines, which the JSON Lines copy
writes as they arrive, and as the rows their Arrow batches are built from, which the core holds
until a batch is cut at exactly ``batch_rows`` rows: the ``segments`` and ``sentences`` rows it
built itself (``_core.SegmentBatches``, ``_core.SentenceBatches``), the dicts Python built of
the other configs, read into the batch's columns as they arrive (``_core.DictBatches``). Each
batch crosses to pyarrow through the Arrow C data interface and every other format is written
from it; no row is parsed back from its line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from builder import _core
from builder.formats.arrow import ArrowWriter
from builder.formats.base import FormatWriter
from builder.formats.jsonl import JsonlWriter
from builder.formats.layout import EXPORTED_CONFIG, export_path, shard_path
from builder.formats.moses import MosesWriter
from builder.formats.parquet import ParquetWriter
from builder.formats.tmx import TmxWriter
from builder.rows.process import ProcessedFile
from builder.rows.sentences import CORE_BATCHES
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


class ShardWriter:
    """Writes one config's rows to all formats: their JSON lines as they arrive, and every
    ``batch_rows`` of them as one Arrow batch; ``listener`` (if any) sees each batch written."""

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
        #: The rows not yet in a batch, held by the core, and how many.
        self._held = (
            CORE_BATCHES[config](schema) if config in CORE_BATCHES else _core.DictBatches(schema, batch_rows)
        )
        self._pending = 0
        self._writers = [cls(root / shard_path(config, fmt, *place), schema) for fmt, cls in WRITERS.items()]
        self._writers += extra  # exports fed the same batches (Moses, TMX)

    def add(self, lines: bytes, count: int, rows: Sequence[Any]) -> None:
        """Write ``count`` rows given as JSON lines, and queue them as the rows their batches are
        built from (the dicts Python built, or the rows per segment the core holds); full batches
        are written at once."""
        for writer in self._writers:
            writer.add_lines(lines)
        self._held.push(list(rows))
        self._pending += count
        while self._pending >= self.batch_rows:
            self._flush(self.batch_rows)

    def _flush(self, count: int) -> None:
        batch = self._batch(count)
        self._pending -= count
        self.num_rows += batch.num_rows
        self.num_bytes += batch.nbytes
        for writer in self._writers:
            writer.write(batch)
        if self.listener is not None:
            self.listener(batch)

    def _batch(self, count: int) -> pa.RecordBatch:
        """The next ``count`` rows held as one Arrow batch of the config's schema (metadata
        included), imported through the Arrow C data interface."""
        batch = pa.record_batch(self._held.take(count))
        if batch.num_rows != count:
            raise ValueError(f"{count} rows given as lines, {batch.num_rows} held")
        return batch.replace_schema_metadata(self.schema.metadata)

    def close(self) -> None:
        """Write what is left and close every file."""
        if self._pending:
            self._flush(self._pending)
        for writer in self._writers:
            writer.close()


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

    def add(self, split: str, processed: ProcessedFile) -> None:
        """Queue one call's rows of every config in its split's files."""
        if split not in self.by_split:
            self.by_split[split] = writers = split_writers(self.out_dir, split, self.shard, self.num_shards)
            for config, listener in self.listeners.items():
                writers[config].listener = listener
        for config, lines in processed.lines.items():
            rows = processed.held_rows(config)
            self.by_split[split][config].add(lines, processed.counts[config], rows)

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
