"""Cross-checks of a release's ``sentences`` config against its ``segments`` and MT exports.

Both configs are written in the same order (call by call, segment by segment), so one
streaming pass over the two checks that every segment has its units, numbered from 0, and that
each unit's spans cut exactly its texts out of the segment's paragraphs with only whitespace
between them (nothing lost, nothing invented). The Moses files must have as many lines each as
there are clean pairs. Memory stays flat: one segment's units at a time.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import Any

from builder.formats.compression import open_read
from builder.formats.layout import EXPORT_FOLDER, EXPORTS, export_files
from builder.formats.moses import is_clean_pair
from builder.formats.read import read_rows

_MAX_PROBLEMS = 100


def _side_problems(segment: dict[str, Any], units: list[dict[str, Any]], side: str) -> list[str]:
    text = segment["translation"][side] or ""
    position = 0
    for unit in units:
        start, end, value = unit[f"{side}_start"], unit[f"{side}_end"], unit["translation"][side]
        if value is None:
            if start is not None or end is not None:
                return [f"sentence {unit['sentence_id']}: `{side}` is null but has a span"]
            continue
        if start is None or end is None or text[start:end] != value:
            return [f"sentence {unit['sentence_id']}: `{side}` is not the segment's text at its span"]
        if start < position or text[position:start].strip():
            return [f"sentence {unit['sentence_id']}: text of the segment's `{side}` lost before this unit"]
        position = end
    if text[position:].strip():
        return [f"segment {segment['segment_id']}: the end of `{side}` is in no sentence unit"]
    return []


def check_sentences(release: Path) -> list[str]:
    """Every disagreement between sentences, segments and the Moses exports (empty if none)."""
    problems: list[str] = []
    clean = 0
    groups = groupby(read_rows(release, "sentences"), key=lambda row: row["segment_id"])
    pending = next(groups, None)
    for segment in read_rows(release, "segments"):
        sid = segment["segment_id"]
        if pending is None or pending[0] != sid:
            problems.append(f"segment {sid}: no sentence units (or units out of order)")
            continue
        units = list(pending[1])
        pending = next(groups, None)
        clean += sum(1 for u in units if is_clean_pair(u))
        if [u["position"] for u in units] != list(range(len(units))):
            problems.append(f"segment {sid}: sentence positions are not 0…{len(units) - 1}")
        if any(u["transcript_id"] != segment["transcript_id"] for u in units):
            problems.append(f"segment {sid}: a sentence unit names another transcript")
        problems += _side_problems(segment, units, "en") + _side_problems(segment, units, "zh")
        if len(problems) > _MAX_PROBLEMS:
            return problems
    if pending is not None:
        problems.append(f"sentences: units of segment {pending[0]}, which the segments config lacks")
    return problems + _check_moses(release, clean)


def _check_moses(release: Path, clean: int) -> list[str]:
    counts = {}
    for ext in EXPORTS["moses"]:
        files = export_files(release, ext)
        if not files:
            return [f"{EXPORT_FOLDER}/: no Moses .{ext} files"]
        counts[ext] = sum(_line_count(path) for path in files)
    if len(set(counts.values())) != 1 or counts[EXPORTS["moses"][0]] != clean:
        return [f"{EXPORT_FOLDER}/: Moses line counts {counts} differ from the {clean} clean pairs"]
    if not export_files(release, EXPORTS["tmx"][0]):
        return [f"{EXPORT_FOLDER}/: no TMX file"]
    return []


def _line_count(path: Path) -> int:
    with open_read(path) as lines:
        return sum(1 for _ in lines)
