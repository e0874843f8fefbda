"""The one per-file pipeline: a raw file becomes the rows of every config, validated.

read → structure → segment rows → alignment (sentence rows, quality flags) → transcripts row →
validation. The build's shards, the ``check`` command and the benchmark all call
``process_file``; nothing else turns a raw file into rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.records import Transcript
from builder.rows.segments import Row
from builder.rows.sentences import aligned_rows
from builder.rows.transcripts import transcript_row
from builder.schema.validate import row_validator
from builder.sources import read_source
from builder.structure import build_transcript


@dataclass(frozen=True, slots=True)
class ProcessedFile:
    """One raw file's rows per config, with every validation problem they have."""

    name: str
    num_bytes: int
    transcript: Transcript
    rows: dict[str, list[Row]]
    problems: tuple[str, ...]

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
    source = read_source(path, name)
    transcript = build_transcript(source, overrides)
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
    problems = tuple(
        problem
        for config, config_rows in rows.items()
        for row in config_rows
        for problem in row_validator(config).problems(row)
    )
    return ProcessedFile(source.name, source.num_bytes, transcript, rows, problems)
