"""The one per-file pipeline: a raw file becomes the rows of every config, validated.

read → structure → segment rows → alignment (sentence rows, quality flags) → transcripts row →
validation. The build's shards, the ``check`` command and the benchmark all call
``process_file``; nothing else turns a raw file into rows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.records import Transcript
from builder.rows.segments import Row
from builder.rows.sentences import aligned_rows
from builder.rows.transcripts import transcript_row
from builder.schema.validate import row_validator
from builder.sources import read_source
from builder.structure import build_transcript

#: The stages ``process_file`` times, in order.
FILE_STAGES = ("read", "structure", "rows", "validate")


@dataclass(frozen=True, slots=True)
class ProcessedFile:
    """One raw file's rows per config, with every validation problem they have."""

    name: str
    num_bytes: int
    transcript: Transcript
    rows: dict[str, list[Row]]
    problems: tuple[str, ...]
    #: Seconds spent per stage of ``FILE_STAGES`` (``rows`` includes the alignment).
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def transcript_row(self) -> Row:
        """The file's one row of the ``transcripts`` config."""
        return self.rows["transcripts"][0]


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
    segments: list[Row] = []
    sentences: list[Row] = []
    for segment, units in aligned_rows(transcript):
        segments.append(segment)
        sentences += units
    rows = {
        "segments": segments,
        "transcripts": [transcript_row(transcript, segments)],
        "sentences": sentences,
    }
    clock.lap("rows")
    problems = tuple(
        problem
        for config, config_rows in rows.items()
        for row in config_rows
        for problem in row_validator(config).problems(row)
    )
    clock.lap("validate")
    return ProcessedFile(source.name, source.num_bytes, transcript, rows, problems, clock.seconds)


class _StageClock:
    """Seconds per stage, each lap measured from the previous one."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = now - self._last
        self._last = now
