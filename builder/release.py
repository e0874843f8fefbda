"""Build a release: shard the raw files, build shards in parallel, then move the folder in place.

Everything is written under ``DIST/.tmp-<version>-<pid>/`` and renamed to ``DIST/<version>/``
only after every file validated and the card was written: a failed build leaves no release
folder behind. An existing release is never overwritten: rebuilding it succeeds only when the
new bytes are identical, and fails otherwise.
"""

from __future__ import annotations

import dataclasses
import filecmp
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from builder.card import CardFacts, ConfigStats, render_card
from builder.errors import BuildFailed, CallcorpusError, ReleaseExists
from builder.licensing import DATA_LICENSE
from builder.manifest import load_manifest
from builder.quality import release_report, report_bytes
from builder.schema import config_names
from builder.shard import ShardJob, ShardResult, run_shard
from builder.write import shard_path

#: Raw files per shard: fixed, so output files do not depend on the number of workers.
TRANSCRIPTS_PER_SHARD = 100
_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What a build produced, for the CLI's closing summary."""

    path: Path
    version: str
    num_transcripts: int
    num_turns: int
    num_rows: dict[str, int]
    raw_bytes: int
    flags: dict[str, int]
    excluded: dict[str, str]
    unchanged: bool


def discover_sources(raw_dir: Path) -> list[str]:
    """Raw transcript files (``*.txt``, any depth) as sorted paths relative to ``raw_dir``."""
    if not raw_dir.is_dir():
        raise CallcorpusError(f"{raw_dir}: raw folder not found")
    return sorted(p.relative_to(raw_dir).as_posix() for p in raw_dir.rglob("*.txt") if p.is_file())


def plan_shards(names: list[str], per_shard: int) -> list[tuple[str, ...]]:
    """Split the sorted file list into consecutive shards of ``per_shard`` files."""
    return [tuple(names[i : i + per_shard]) for i in range(0, len(names), per_shard)]


def _run(jobs: list[ShardJob], workers: int, progress: Progress | None) -> list[ShardResult]:
    if workers <= 1 or len(jobs) == 1:
        results = []
        for job in jobs:
            results.append(run_shard(job))
            if progress:
                progress(len(job.names))
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_shard, job) for job in jobs]
        results = []
        for job, future in zip(jobs, futures, strict=True):
            results.append(future.result())
            if progress:
                progress(len(job.names))
        return results


def _same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def build_release(
    raw_dir: Path,
    dist_dir: Path,
    version: str,
    workers: int | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build ``dist_dir/version`` from ``raw_dir``; raise ``BuildFailed`` with every error found."""
    if not _VERSION.match(version):
        raise CallcorpusError(f"version {version!r} is not of the form X.Y.Z")
    names = discover_sources(raw_dir)
    manifest = load_manifest(raw_dir, names)
    excluded = {n: reason for n in names if (reason := manifest.excluded(n))}
    names = [n for n in names if n not in excluded]
    if not names:
        raise CallcorpusError(f"{raw_dir}: no raw transcripts (*.txt) to build")

    final = dist_dir / version
    tmp = dist_dir / f".tmp-{version}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        shards = plan_shards(names, TRANSCRIPTS_PER_SHARD)
        jobs = [
            ShardJob(i, len(shards), raw_dir, tmp, shard, {n: manifest.overrides(n) for n in shard})
            for i, shard in enumerate(shards)
        ]
        results = _run(jobs, workers or os.cpu_count() or 1, progress)
        errors = [e for r in results for e in r.errors]
        errors += _duplicate_ids(results)
        if errors:
            raise BuildFailed(errors)
        facts = _facts(version, tmp, results, len(shards))
        quality = release_report([r.quality for r in results])
        (tmp / "quality.json").write_bytes(report_bytes(quality))
        facts = dataclasses.replace(facts, quality=quality)
        (tmp / "README.md").write_text(render_card(facts), encoding="utf-8")
        (tmp / "LICENSE-DATA.md").write_text(DATA_LICENSE, encoding="utf-8")
        unchanged = _move_into_place(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return BuildSummary(
        path=final,
        version=version,
        num_transcripts=facts.num_transcripts,
        num_turns=facts.num_turns,
        num_rows={c: s.num_examples for c, s in facts.configs.items()},
        raw_bytes=sum(r.raw_bytes for r in results),
        flags=facts.flags,
        excluded=excluded,
        unchanged=unchanged,
    )


def _duplicate_ids(results: list[ShardResult]) -> list[str]:
    seen: dict[str, str] = {}
    errors = []
    for result in results:
        for tid, name in result.transcript_ids:
            if tid in seen:
                errors.append(
                    f"{name}: transcript id {tid} is already used by {seen[tid]} "
                    "(the same call twice? set ticker/fiscal period in raw/manifest.toml)"
                )
            else:
                seen[tid] = name
    return errors


def _facts(version: str, root: Path, results: list[ShardResult], num_shards: int) -> CardFacts:
    configs = {}
    for config in config_names():
        parquet = [root / shard_path(config, "parquet", i, num_shards) for i in range(num_shards)]
        configs[config] = ConfigStats(
            num_examples=sum(r.num_rows[config] for r in results),
            num_bytes=sum(r.num_bytes[config] for r in results),
            download_size=sum(p.stat().st_size for p in parquet),
        )
    flags: Counter[str] = Counter()
    engines: Counter[str] = Counter()
    for result in results:
        flags.update(result.flags)
        engines.update(result.engines)
    return CardFacts(
        version=version,
        configs=configs,
        num_transcripts=configs["transcripts"].num_examples,
        num_turns=sum(r.num_turns for r in results),
        flags=dict(sorted(flags.items())),
        engines=dict(sorted(engines.items())),
    )


def _move_into_place(tmp: Path, final: Path) -> bool:
    """Rename the finished build into place; True when an identical release was already there."""
    if final.exists():
        if _same_tree(tmp, final):
            return True
        raise ReleaseExists(
            f"{final} already exists with different bytes; releases are immutable: build a new "
            "version (delete the folder first only if it was never published)"
        )
    os.replace(tmp, final)
    return False
