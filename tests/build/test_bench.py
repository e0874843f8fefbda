"""The benchmark (bench/) cannot rot: its entry point runs end to end on a handful of files.

The smoke test runs ``bench/bench_build.py`` exactly as ``bench/README.md`` documents it, on 6
synthetic transcripts (2 copies of each of the 3 seeds), with the datasets route, and checks
the row counts every route reports against what the seeds give through ``process_file``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import RAW, ROOT, SEEDS

from builder.rows.process import ProcessedFile, process_file

BENCH = ROOT / "bench"
if str(BENCH) not in sys.path:  # the bench modules import each other as plain modules
    sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402
import routes  # noqa: E402
from bench_docs import COMMON_WORD, COMMON_ZH, LONGER_ZH  # noqa: E402

pytestmark = pytest.mark.slow

COPIES = 2  # of each seed, in the smoke run


@pytest.fixture(scope="module")
def seeds() -> dict[str, ProcessedFile]:
    """Every seed of raw/ through ``process_file``, by file name."""
    return {name: process_file(RAW / name, name) for name in sorted(SEEDS)}


def _bench(script: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    """One benchmark script of ``bench/`` run as a user runs it, from the repository root."""
    return subprocess.run(
        [sys.executable, str(BENCH / script), *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``bench/bench_build.py`` on 6 transcripts, build + parse alone + datasets route +
    incremental builds (3 calls added), 2 workers."""
    work = tmp_path_factory.mktemp("bench")
    count = COPIES * len(SEEDS)
    args = [
        "--transcripts",
        str(count),
        "--out",
        str(work / "raw"),
        "--jobs",
        "2",
        "--datasets-num-proc",
        "2",
        "--incremental",
        "3",
    ]
    return _bench("bench_build.py", args), work


def _results(smoke_run: tuple[subprocess.CompletedProcess[str], Path]) -> dict[str, Any]:
    run, work = smoke_run
    assert run.returncode == 0, run.stderr
    return json.loads((work / "results.json").read_text(encoding="utf-8"))


def test_benchmark_counts_every_row_of_the_synthetic_corpus(
    smoke_run: tuple[subprocess.CompletedProcess[str], Path], seeds: dict[str, ProcessedFile]
) -> None:
    """Every route saw the 6 files and the rows their seeds give, the build wrote its release."""
    results = _results(smoke_run)
    work = smoke_run[1]
    segments = COPIES * sum(p.counts["segments"] for p in seeds.values())
    turns = COPIES * sum(len(p.transcript.turns) for p in seeds.values())
    raw_bytes = sum(path.stat().st_size for path in (work / "raw").glob("*.txt"))
    build, parse, route = results["callcorpus"], results["parse_only"], results["datasets"]
    assert len(list((work / "raw").glob("*.txt"))) == 6
    assert (build["num_transcripts"], build["transcripts"]) == (6, 6)
    assert (build["segments"], build["num_turns"]) == (segments, turns)
    assert parse["segments"] == segments
    assert (route["segments"]["rows"], route["transcripts"]["rows"]) == (segments, 6)
    assert build["raw_bytes"] == parse["raw_bytes"] == route["raw_bytes"] == raw_bytes
    assert (work / "dist" / routes.VERSION / "README.md").is_file()
    assert (work / "datasets" / "segments.parquet").is_file()
    assert results["params"] == {
        "transcripts": 6,
        "out": str((work / "raw").resolve()),
        "jobs": 2,
        "datasets_num_proc": 2,
        "skip_datasets": False,
    }
    for result in (build, parse, route):
        assert result["seconds" if "seconds" in result else "raw_bytes"] > 0
        assert result["tree_peak_pss_mb"] > 0 and result["max_processes"] >= 1


def test_benchmark_prints_the_table_and_verdicts(
    smoke_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    """The table has its columns and a row per route; every target has a verdict."""
    results = _results(smoke_run)
    out = smoke_run[0].stdout
    head = ["route", "seconds", "raw MB/s", "segments/s", "tree peak MB", "main MB", "worker MB"]
    header = next(line for line in out.splitlines() if line.startswith("route "))
    assert [cell.strip() for cell in header.split("  ") if cell.strip()] == head
    for label in (
        "callcorpus build",
        "of which the parse alone",
        "datasets: segments -> parquet + jsonl",
        "datasets: transcripts -> parquet + jsonl",
        "datasets route total (segments + transcripts)",
        "ceiling of that ratio",
    ):
        assert label in out
    assert "corpus:  6 transcripts" in out
    assert set(results["summary"]["targets"]) == {
        "floor_ratio",
        "peak_memory",
        "ratio",
        "incr_edit_one",
        "incr_add",
    }
    for name, target in results["summary"]["targets"].items():
        assert f"  {name} " in out and target["verdict"] in ("PASS", "MISS")


def test_synthetic_corpus_is_deterministic_and_parses_like_its_seeds(
    tmp_path: Path, seeds: dict[str, ProcessedFile]
) -> None:
    """Two generations give the same bytes; each copy is shuffled yet processes like its seed."""
    first, second = tmp_path / "a", tmp_path / "b"
    assert corpus.generate_corpus(first, 3) == corpus.generate_corpus(second, 3)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)
    files = routes.raw_files(first)
    assert [name for _, name, _ in files] == [
        f"t{i:05d}-{Path(s).stem}.txt" for i, s in enumerate(sorted(SEEDS))
    ]
    for i, (path, name, overrides) in enumerate(files):
        seed = seeds[name.split("-", 1)[1]]
        processed = process_file(Path(path), name, overrides)
        assert processed.problems == ()
        assert processed.transcript.transcript_id.startswith(f"T{i:05d}-")
        assert processed.counts["segments"] == seed.counts["segments"]
        assert len(processed.transcript.turns) == len(seed.transcript.turns)
        assert Path(path).read_bytes() != (RAW / seed.name).read_bytes()


def test_benchmark_times_incremental_builds(smoke_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    """Cold, one call edited, three calls added: one shard of six calls, rebuilt each time."""
    incremental = _results(smoke_run)["incremental"]
    assert incremental["added"] == 3 and incremental["edited"].startswith("t00003-")
    shards = {
        step: (incremental[step]["reused_shards"], incremental[step]["num_shards"])
        for step in ("cold", "edit_one", "add")
    }
    assert shards == {"cold": (0, 1), "edit_one": (0, 1), "add": (0, 1)}
    assert "incremental builds with the shard cache (each release diffed" in smoke_run[0].stdout


def test_benchmark_measures_the_write_floor(smoke_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    """The release written again and hashed in one process: the time no build can beat."""
    build = _results(smoke_run)["callcorpus"]
    floor = build["write_floor"]
    assert floor["cores"] == 2 and floor["floor_seconds"] == floor["seconds"] / 2
    assert floor["bytes"] > 0.5 * build["output_mb"] * 1e6  # every format of the release, written again
    assert 0 < floor["seconds"] < build["seconds"]
    assert "write floor: " in smoke_run[0].stdout and "x the floor" in smoke_run[0].stdout
    # CPU seconds of every process of the build (the workers too) against the floor's
    assert 0 < floor["cpu_seconds"] < build["cpu_seconds"]
    assert "in CPU seconds: the build " in smoke_run[0].stdout
    # the same floor with pyarrow's and polars' threads held to one: one core's worth, halved
    pinned = build["write_floor_one_core"]
    assert pinned["cores"] == 2 and pinned["floor_seconds"] == pinned["seconds"] / 2
    assert pinned["bytes"] == floor["bytes"] and 0 < pinned["cpu_seconds"] <= 1.2 * pinned["seconds"] + 0.1
    assert "write floor on one core (" in smoke_run[0].stdout and "x it" in smoke_run[0].stdout


@pytest.fixture(scope="module")
def docs_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``bench/bench_docs.py`` on 3 synthetic calls: release, `callcorpus docs`, search in Chromium."""
    work = tmp_path_factory.mktemp("bench-docs")
    args = ["--transcripts", "3", "--out", str(work / "raw"), "--jobs", "1"]
    return _bench("bench_docs.py", args), work


def test_docs_benchmark_reports_time_memory_size_and_search_bytes(
    docs_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    """The docs benchmark runs end to end on 3 calls and reports every figure with a verdict."""
    run, work = docs_run
    assert run.returncode == 0, run.stderr
    results = json.loads((work / "docs-results.json").read_text(encoding="utf-8"))
    docs, site = results["docs"], results["site"]
    assert docs["seconds"] > 0 and docs["tree_peak_pss_mb"] > 0 and docs["max_processes"] >= 1
    assert "docs: " in docs["output"]
    assert site["transcript_pages_mb"] > 0 and site["search_mb"] > 0
    assert site["total_mb"] > site["transcript_pages_mb"] + site["search_mb"]
    assert len(list((work / "site-out" / "site" / "transcripts").glob("T0000*.html"))) == 3
    queries = [q["query"] for q in results["search"]]
    assert queries[0] == "T00002" and queries[2:] == [COMMON_ZH, *LONGER_ZH, COMMON_WORD]
    for query in results["search"]:
        # the longer phrases are measured for their bytes: three shuffled calls may not hold them
        assert query["found"] or query["query"] in LONGER_ZH, query
        assert query["cold"]["bytes"] > 0 and query["page_load"]["bytes"] > 0
    assert set(results["targets"]) == {"seconds", "tree_peak_mb", "search_mb"}
    for name, target in results["targets"].items():
        assert f"  {name} " in run.stdout and target["verdict"] in ("PASS", "MISS")


def test_diff_benchmark_changes_every_call_and_reports_memory(tmp_path: Path) -> None:
    run = _bench("bench_diff.py", ["--sizes", "6", "--out", str(tmp_path)])
    assert run.returncode == 0, run.stderr
    (figures,) = json.loads(run.stdout)["diff"].values()
    assert figures["changed_calls"] == 6 and figures["tree_peak_rss_mb"] > 0
