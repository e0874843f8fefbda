"""Build one shard: read, structure, validate and write a fixed slice of the raw files.

A shard is the unit of parallel work and of output files. Which files form a shard depends
only on the sorted file list, never on the number of workers, so the bytes of a release do
not depend on the machine that built it.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.errors import SourceError
from builder.quality import QualityTally
from builder.rows import transcript_row
from builder.schema import arrow_schema, config_names
from builder.sentence_rows import aligned_rows
from builder.sources import read_source
from builder.structure import build_transcript
from builder.validate import RowValidator
from builder.write import EXPORTS, ShardWriter, export_path

#: How the engine counts name transcripts whose source states no translation engine.
UNSTATED_ENGINE = "not stated"

#: Rows per written batch (one Parquet row group, one Arrow record batch), per config.
BATCH_ROWS = {"segments": 8_192, "transcripts": 50, "sentences": 8_192}


@dataclass(frozen=True, slots=True)
class ShardJob:
    """One shard's inputs: which raw files, with their manifest overrides, and where to write."""

    index: int
    num_shards: int
    raw_dir: Path
    out_dir: Path
    names: tuple[str, ...]
    overrides: dict[str, dict[str, Any]]


@dataclass(slots=True)
class ShardResult:
    """What a shard wrote and found: row counts and bytes per config, flags, errors."""

    index: int
    num_rows: dict[str, int] = field(default_factory=dict)
    num_bytes: dict[str, int] = field(default_factory=dict)
    transcript_ids: list[tuple[str, str]] = field(default_factory=list)
    num_turns: int = 0
    raw_bytes: int = 0
    flags: Counter[str] = field(default_factory=Counter)
    engines: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    quality: QualityTally = field(default_factory=QualityTally)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a shard allocates many short-lived, acyclic rows,
    which reference counting frees; the collector would only rescan them again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_shard(job: ShardJob) -> ShardResult:
    """Process every file of the shard; bad files are reported, the rest still checked."""
    with _gc_paused():
        return _run_shard(job)


def _run_shard(job: ShardJob) -> ShardResult:
    result = ShardResult(job.index)
    exports = {
        "sentences": tuple(
            cls(job.out_dir / export_path(kind, job.index, job.num_shards), arrow_schema("sentences"))
            for kind, cls in EXPORTS.items()
        )
    }
    writers = {
        config: ShardWriter(
            job.out_dir,
            config,
            arrow_schema(config),
            job.index,
            job.num_shards,
            BATCH_ROWS[config],
            exports.get(config, ()),
        )
        for config in config_names()
    }
    validators = {config: RowValidator(config) for config in config_names()}
    for name in job.names:
        try:
            source = read_source(job.raw_dir / name, name)
            transcript = build_transcript(source, job.overrides.get(name))
        except SourceError as exc:
            result.errors.append(str(exc))
            continue
        result.raw_bytes += source.num_bytes
        segments, sentences = [], []
        for segment, units in aligned_rows(transcript):
            segments.append(segment)
            sentences += units
        rows = {"segments": segments, "transcripts": [transcript_row(transcript)], "sentences": sentences}
        valid = all([validators[c].check(r) for c in rows for r in rows[c]])
        if not valid:
            continue
        for config, config_rows in rows.items():
            writers[config].add(config_rows)
        result.transcript_ids.append((transcript.transcript_id, name))
        result.num_turns += len(transcript.turns)
        result.flags.update(flag for row in rows["segments"] for flag in row["flags"])
        result.flags.update(transcript.flags)
        for row in segments:
            result.quality.add_segment(row)
        for row in sentences:
            result.quality.add_sentence(row)
        result.engines[transcript.translation_origin.engine or UNSTATED_ENGINE] += 1
    for config, writer in writers.items():
        writer.close()
        result.num_rows[config] = writer.num_rows
        result.num_bytes[config] = writer.num_bytes
    for validator in validators.values():
        result.errors.extend(validator.problems)
    return result
