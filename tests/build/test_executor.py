"""Executors: the same shards, the same results and bytes, progress reported file by file."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from builder.build.executor import ProcessExecutor, SerialExecutor, Tick
from builder.build.shard import STAGES, ShardJob, run_shard
from builder.errors import BuildFailed, CallcorpusError, ReleaseExists, SourceError, ValidationFailed
from builder.release.build import BuildSummary, build_release


def _slow_square(job: int, tick: Tick) -> int:
    """A job that takes longer the smaller it is, and reports one tick per unit of work."""
    for _ in range(job):
        tick(1)
    time.sleep(0.05 * (4 - job))
    return job * job


def _fail_on_two(job: int, tick: Tick) -> int:
    if job == 2:
        raise SourceError("raw/two.txt", "cannot be read (test)")
    return job


@pytest.mark.parametrize("executor", [SerialExecutor(), ProcessExecutor(1), ProcessExecutor(2)])
def test_every_result_and_every_tick_arrive(executor: SerialExecutor | ProcessExecutor) -> None:
    ticks: list[int] = []
    results = list(executor.map(_slow_square, [1, 2, 3], ticks.append))
    assert sorted(results) == [1, 4, 9]
    assert sum(ticks) == 6 and set(ticks) == {1}


def test_process_results_arrive_as_jobs_finish() -> None:
    results = list(ProcessExecutor(2).map(_slow_square, [1, 3]))
    assert results == [9, 1]  # job 3 sleeps 0.05 s, job 1 sleeps 0.15 s


def test_a_failing_job_raises_in_the_caller() -> None:
    with pytest.raises(SourceError, match=r"raw/two\.txt"):
        list(ProcessExecutor(2).map(_fail_on_two, [1, 2, 3]))


def test_a_shard_ticks_once_per_raw_file(raw_copy: Path, tmp_path: Path) -> None:
    names = tuple(sorted(p.name for p in raw_copy.glob("*.txt")))
    ticks: list[int] = []
    result = run_shard(ShardJob(0, 1, raw_copy, tmp_path / "out", names, {}), ticks.append)
    assert ticks == [1] * len(names) and not result.errors
    assert sum(rows["transcripts"] for rows in result.num_rows.values()) == len(names)


def test_build_progress_counts_every_file_over_processes(
    raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_release: BuildSummary
) -> None:
    monkeypatch.setattr("builder.release.build.TRANSCRIPTS_PER_SHARD", 1)  # three shards
    done: list[int] = []
    summary = build_release(raw_copy, tmp_path / "dist", "1.0.0", ProcessExecutor(2), done.append)
    assert sum(done) == 3 == summary.num_transcripts
    assert summary.num_rows == seed_release.num_rows
    assert list(summary.stage_seconds) == list(STAGES)  # summed over the three shards' workers
    assert all(seconds > 0 for seconds in summary.stage_seconds.values())


@pytest.mark.parametrize(
    "error",
    [
        SourceError("raw/a.txt", "no translation", 12),
        ValidationFailed("dist/1.0.0", ["one", "two"]),
        BuildFailed(["raw/a.txt: bad", "raw/b.txt: worse"]),
        ReleaseExists("dist/1.0.0 already exists"),
    ],
)
def test_errors_cross_process_boundaries_intact(error: CallcorpusError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and vars(copy) == vars(error)
