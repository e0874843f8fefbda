"""``callcorpus check``: raw files through the build's per-file pipeline, in parallel, nothing written.

Takes files, folders (every ``*.txt`` inside, at any depth) and glob patterns; each file is
run through ``process_file`` on an executor, as a build would, and the batch ends with a
summary: layouts, flags by kind, transcript ids used twice in the batch (or equal but for
case) or already in the newest release, and files with the same bytes (what a build refuses).
"""

from __future__ import annotations

import glob
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.build.executor import Executor, SerialExecutor, Tick
from builder.errors import CallcorpusError
from builder.formats.read import read_column
from builder.release.versions import list_releases
from builder.rows.process import process_file
from builder.sources.discover import discover_sources, list_raw
from builder.sources.manifest import load_manifest

#: Raw files per job: enough to keep workers busy, few enough for steady progress.
FILES_PER_JOB = 16
#: Columns of the transcripts row too large to carry back from the workers (never printed).
_DROPPED = ("text_en", "text_zh", "turns", "front_matter")


@dataclass(frozen=True, slots=True)
class FileCheck:
    """What checking one raw file found: its transcripts row (without the full texts) and flag
    counts, or the error that stopped it; and every validation problem."""

    path: Path
    row: dict[str, Any] | None
    flags: dict[str, int]
    problems: tuple[str, ...]
    #: Segments per section, in the call's order.
    sections: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class CheckSummary:
    """The batch: how many files, which layouts, flags by kind, ids used twice or released."""

    files: int = 0
    failed: int = 0
    layouts: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    #: Transcript id → the files that share it, or share it but for case (a build refuses both).
    duplicate_ids: dict[str, list[str]] = field(default_factory=dict)
    released_ids: dict[str, str] = field(default_factory=dict)
    #: SHA-256 → files with those same bytes (copies: a build refuses them).
    copies: dict[str, list[str]] = field(default_factory=dict)


def expand_inputs(inputs: list[str]) -> tuple[list[Path], dict[str, str]]:
    """Files as given, folders as their ``*.txt`` files, glob patterns as their matches; sorted
    within each argument, duplicates kept once; and what the folders hold that is not read (path
    → why). A pattern that matches nothing is an error."""
    paths: list[Path] = []
    passed_over: dict[str, str] = {}
    for text in inputs:
        path = Path(text)
        if path.is_dir():
            listing = list_raw(path)
            paths += [path / name for name in listing.names]
            passed_over |= {str(path / name): reason for name, reason in listing.passed_over.items()}
        elif glob.has_magic(text):
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not matches:
                raise CallcorpusError(f"{text}: no file matches this pattern")
            paths += matches
        else:
            paths.append(path)
    return list(dict.fromkeys(paths)), passed_over


def manifest_key(path: Path, raw_dir: Path) -> str | None:
    """The file's manifest key when it lies inside the raw folder, else None."""
    try:
        return path.resolve().relative_to(raw_dir.resolve()).as_posix()
    except ValueError:
        return None


def _check_one(path: Path, overrides: dict[str, Any] | None) -> FileCheck:
    try:
        processed = process_file(path, overrides=overrides)
    except CallcorpusError as exc:
        return FileCheck(path, None, {}, (str(exc),))
    row = {k: v for k, v in processed.transcript_row.items() if k not in _DROPPED}
    segments = processed.config_rows("segments")
    flags = Counter(flag for segment in segments for flag in segment["flags"])
    flags.update(processed.transcript.flags)
    sections = Counter(segment["section"] for segment in segments)
    problems = tuple(f"{path}: {p}" for p in processed.problems)
    return FileCheck(path, row, dict(flags), problems, dict(sections))


def _check_job(job: list[tuple[Path, dict[str, Any] | None]], tick: Tick) -> list[FileCheck]:
    """Check a few files (a job for the executor), one tick each."""
    results = []
    for path, overrides in job:
        results.append(_check_one(path, overrides))
        tick(1)
    return results


def check_files(
    files: list[Path], raw_dir: Path, executor: Executor | None = None, progress: Tick | None = None
) -> list[FileCheck]:
    """Check raw files as a build would, in the order given; files inside ``raw_dir`` get its
    manifest's overrides."""
    overrides: dict[Path, dict[str, Any] | None] = dict.fromkeys(files)
    if raw_dir.is_dir():
        manifest = load_manifest(raw_dir, discover_sources(raw_dir))
        for path in files:
            key = manifest_key(path, raw_dir)
            overrides[path] = manifest.overrides(key) if key else None
    pairs = [(path, overrides[path]) for path in files]
    jobs = [pairs[i : i + FILES_PER_JOB] for i in range(0, len(pairs), FILES_PER_JOB)]
    done = {
        r.path: r for batch in (executor or SerialExecutor()).map(_check_job, jobs, progress) for r in batch
    }
    return [done[path] for path in files]


def summarize(results: list[FileCheck], dist_dir: Path) -> CheckSummary:
    """The batch's summary; ids are compared with the newest release in ``dist_dir`` if any."""
    summary = CheckSummary(files=len(results), failed=sum(1 for r in results if r.problems))
    released = _released_ids(dist_dir)
    seen: dict[str, list[str]] = {}
    spelled: dict[str, str] = {}
    same_bytes: dict[str, list[str]] = {}
    for result in results:
        summary.flags.update(result.flags)
        if result.row is None:
            continue
        summary.layouts[result.row["source_layout"]] += 1
        tid = result.row["transcript_id"]
        seen.setdefault(tid.casefold(), []).append(str(result.path))
        spelled.setdefault(tid.casefold(), tid)
        same_bytes.setdefault(result.row["source_sha256"], []).append(str(result.path))
        if tid in released:
            summary.released_ids[str(result.path)] = f"{tid} (in {released[tid]})"
    summary.duplicate_ids = {spelled[key]: paths for key, paths in seen.items() if len(paths) > 1}
    summary.copies = {digest: paths for digest, paths in same_bytes.items() if len(paths) > 1}
    return summary


def _released_ids(dist_dir: Path) -> dict[str, str]:
    """Transcript id → the newest release holding it (empty without releases)."""
    releases = list_releases(dist_dir) if dist_dir.is_dir() else []
    if not releases:
        return {}
    newest = releases[-1]
    return {
        tid: f"{dist_dir / newest}" for tid in read_column(dist_dir / newest, "transcripts", "transcript_id")
    }
