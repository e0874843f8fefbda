"""A release's calls, streamed one at a time: each ``transcripts`` row with its ``segments`` rows.

Both configs are written shard by shard in the same call order, so the two streams are read
side by side (``builder.formats.read``, a batch at a time) and never held whole: memory stays
flat whatever the number of calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from builder.errors import CallcorpusError
from builder.formats.read import read_rows

Row = dict[str, Any]


class CallsOutOfStep(CallcorpusError):
    """A release's segments are not in the order of its transcripts."""


@dataclass(frozen=True, slots=True)
class Call:
    """One call: its ``transcripts`` row and its ``segments`` rows, in segment order."""

    row: Row
    segments: list[Row]

    @property
    def transcript_id(self) -> str:
        """The call's ``transcript_id``."""
        return str(self.row["transcript_id"])


def _segments_by_call(release: Path) -> Iterator[tuple[str, list[Row]]]:
    rows = read_rows(release, "segments")
    for tid, group in groupby(rows, key=lambda seg: seg["transcript_id"]):
        yield tid, sorted(group, key=lambda seg: seg["segment_index"])


def iter_calls(release: Path) -> Iterator[Call]:
    """Every call of ``release`` in release order; raises CallsOutOfStep when the configs disagree."""
    segments = _segments_by_call(release)
    pending = next(segments, None)
    for row in read_rows(release, "transcripts"):
        tid = row["transcript_id"]
        if pending is not None and pending[0] == tid:
            yield Call(row, pending[1])
            pending = next(segments, None)
        else:
            yield Call(row, [])
    if pending is not None:
        raise CallsOutOfStep(
            f"{release}: segments of `{pending[0]}` are not in the order of the transcripts config"
        )
