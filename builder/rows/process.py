"""The one per-file pipeline: a raw file becomes the rows of every config, validated.

read → structure → alignment (the segment and sentence rows with their quality flags, built
by the core and checked against their schemas there) → transcripts and qa rows → validation of
the rows Python built. Every config's rows leave twice: as JSON Lines (one object per line,
schema column order, which the JSON Lines writer takes as they are) and as the rows their Arrow
batches are built from (``held_rows``): the dicts Python built, or the ``segments`` and
``sentences`` rows the core holds. The build's shards, the ``check`` command and the benchmark
all call ``process_file``; nothing else turns a raw file into rows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from builder import _core
from builder.records import Transcript
from builder.rows.qa import qa_rows
from builder.rows.segments import Row
from builder.rows.sentences import CORE_BATCHES, aligned_rows, core_batch
from builder.rows.transcripts import transcript_row
from builder.schema.validate import row_validator
from builder.sources import read_source
from builder.structure import build_transcript

#: The stages ``process_file`` times, in order (``rows`` includes the alignment and the core's
#: check of the segment and sentence rows; ``validate`` is the check of the rows Python built).
FILE_STAGES = ("read", "structure", "rows", "validate")


@dataclass(frozen=True, slots=True)
class ProcessedFile:
    """One raw file's rows: every config's as JSON Lines, the ones Python built (``transcripts``,
    ``qa``) as dicts too, the ``segments`` and ``sentences`` rows as the core holds them, with
    every validation problem they have."""

    name: str
    num_bytes: int
    transcript: Transcript
    #: The ``transcripts`` and ``qa`` rows as built.
    rows: dict[str, list[Row]]
    #: Every config's rows as JSON Lines, and how many rows each holds.
    lines: dict[str, bytes]
    counts: dict[str, int]
    problems: tuple[str, ...]
    #: The ``segments`` and ``sentences`` rows per segment, as the core holds them for the
    #: Arrow batches.
    aligned: tuple[_core.AlignedRows, ...] = ()
    #: Each segment's flag codes (catalog order), by segment index.
    segment_flags: list[list[str]] = field(default_factory=list)
    #: Seconds spent per stage of ``FILE_STAGES``.
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def transcript_row(self) -> Row:
        """The file's one row of the ``transcripts`` config."""
        return self.rows["transcripts"][0]

    def held_rows(self, config: str) -> list[Row] | tuple[_core.AlignedRows, ...]:
        """A config's rows as its Arrow batches are built from them: the dicts Python built, or
        the rows per segment as the core holds them."""
        return self.aligned if config in CORE_BATCHES else self.rows[config]

    def config_rows(self, config: str) -> list[Row]:
        """A config's rows as dicts (the core's from their Arrow batch)."""
        if config in CORE_BATCHES:
            return core_batch(config, self.aligned).to_pylist()
        return self.rows[config]


def _jsonl(rows: list[Row]) -> bytes:
    """Rows as JSON Lines: UTF-8, keys in the rows' (schema) order, nothing escaped but what
    JSON must."""
    dumps, newline = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    return b"".join(dumps(row, option=newline) for row in rows)


def process_file(
    path: Path, name: str | None = None, overrides: dict[str, Any] | None = None
) -> ProcessedFile:
    """Read, structure, align and validate one raw file.

    ``name`` is how the file is named in records and messages (default: ``path``);
    ``overrides`` are its ``raw/manifest.toml`` entry. A file that cannot be read or paired
    raises ``SourceError``; rows that fail validation are returned with their problems.
    """
    clock = _StageClock()
    source = read_source(path, name)
    clock.lap("read")
    transcript = build_transcript(source, overrides)
    clock.lap("structure")
    call = aligned_rows(transcript)
    rows = {
        "transcripts": [transcript_row(transcript, call.segment_flags)],
        "qa": list(qa_rows(transcript, call.segment_flags, call.per_segment)),
    }
    lines = {
        "segments": call.segment_lines,
        **{config: _jsonl(built) for config, built in rows.items()},
        "sentences": call.sentence_lines,
    }
    counts = {
        "segments": len(call.held),
        **{config: len(built) for config, built in rows.items()},
        "sentences": call.num_sentences,
    }
    clock.lap("rows")
    problems = _explained("segments", call.rejected_segments)
    problems += [
        p for config, built in rows.items() for row in built for p in row_validator(config).problems(row)
    ]
    problems += _explained("sentences", call.rejected_sentences)
    clock.lap("validate")
    return ProcessedFile(
        source.name,
        source.num_bytes,
        transcript,
        rows,
        lines,
        counts,
        tuple(problems),
        call.held,
        call.segment_flags,
        clock.seconds,
    )


def _explained(config: str, rejected: list[Row]) -> list[str]:
    """Every reason the reference validator gives for the rows of a config the core rejected."""
    explain = row_validator(config).explain
    return [problem for row in rejected for problem in explain(row)]


class _StageClock:
    """Seconds per stage, each lap measured from the previous one."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = now - self._last
        self._last = now
