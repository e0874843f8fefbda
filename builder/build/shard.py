"""Build one shard: every raw file of a fixed slice through ``process_file``, then written.

A shard is the unit of parallel work and of output files. Which files form a shard depends
only on the sorted file list, never on the number of workers, so the bytes of a release do
not depend on the machine that built it. Jobs and results are plain, picklable values.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from builder import _core
from builder.build.executor import Tick, no_progress
from builder.build.tally import QualityTally
from builder.errors import SourceError
from builder.formats.checksum import sha256_or_none
from builder.formats.shard_writer import ShardWriters
from builder.rows.process import FILE_STAGES, ProcessedFile, process_file
from builder.rows.splits import split_of

#: The stages a build times: those of ``process_file``, then writing.
STAGES = (*FILE_STAGES, "write")
#: How the engine counts name transcripts whose source states no translation engine.
UNSTATED_ENGINE = "not stated"


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
    #: Rows and in-memory bytes written, by split and config (only splits with calls).
    num_rows: dict[str, dict[str, int]] = field(default_factory=dict)
    num_bytes: dict[str, dict[str, int]] = field(default_factory=dict)
    transcript_ids: list[tuple[str, str]] = field(default_factory=list)
    num_turns: int = 0
    raw_bytes: int = 0
    flags: Counter[str] = field(default_factory=Counter)
    engines: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    #: Raw files that could not be read or whose rows fail validation: name → reason.
    bad_files: dict[str, str] = field(default_factory=dict)
    #: SHA-256 of each raw file as the shard read it (None: it could not be read), by name.
    raw_sha256: dict[str, str | None] = field(default_factory=dict)
    quality: QualityTally = field(default_factory=QualityTally)
    #: Seconds per stage (``STAGES``), summed over the shard's files.
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    def add(self, processed: ProcessedFile) -> None:
        """Count one written file."""
        transcript = processed.transcript
        self.transcript_ids.append((transcript.transcript_id, processed.name))
        self.raw_bytes += processed.num_bytes
        self.num_turns += len(transcript.turns)
        self.flags.update(chain.from_iterable(processed.segment_flags))
        self.flags.update(transcript.flags)
        sentences = _core.sentence_counts(list(processed.aligned))
        self.quality.add_call(transcript.transcript_id, processed.segment_flags, sentences)
        self.engines[transcript.translation_origin.engine or UNSTATED_ENGINE] += 1
        for stage, seconds in processed.seconds.items():
            self.seconds[stage] += seconds


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


def run_shard(job: ShardJob, tick: Tick = no_progress) -> ShardResult:
    """Process and write every file of the shard; bad files are reported, the rest still checked."""
    result = ShardResult(job.index)
    with _gc_paused():
        # The examples of each flag are kept from the sentence rows in the order they are written.
        listeners = {"sentences": result.quality.add_examples}
        writers = ShardWriters(job.out_dir, job.index, job.num_shards, listeners)
        for name in job.names:
            _add_file(job, name, writers, result)
            tick(1)
        started = time.perf_counter()
        for split, written in writers.close().items():
            result.num_rows[split] = {config: rows for config, (rows, _) in written.items()}
            result.num_bytes[split] = {config: size for config, (_, size) in written.items()}
        result.seconds["write"] += time.perf_counter() - started
    return result


def _add_file(job: ShardJob, name: str, writers: ShardWriters, result: ShardResult) -> None:
    """Process one raw file; write its rows, or record why it cannot be written."""
    try:
        processed = process_file(job.raw_dir / name, name, job.overrides.get(name))
    except SourceError as exc:
        result.raw_sha256[name] = sha256_or_none(job.raw_dir / name)
        result.errors.append(str(exc))
        result.bad_files[name] = f"line {exc.line}: {exc.reason}" if exc.line is not None else exc.reason
        return
    result.raw_sha256[name] = processed.transcript.source.sha256
    if processed.problems:
        result.errors += [f"{name}: {problem}" for problem in processed.problems]
        count = len(processed.problems)
        result.bad_files[name] = f"{count} invalid field(s) in its rows, first: {processed.problems[0]}"
        return
    started = time.perf_counter()
    split = split_of(processed.transcript.transcript_id)
    writers.add(split, processed)
    result.seconds["write"] += time.perf_counter() - started
    result.add(processed)
