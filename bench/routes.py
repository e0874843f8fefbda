"""The routes compared, each run by ``bench_build.py`` in a fresh child process (``--child MODE``).

* ``build``: ``build_release`` on ``ProcessExecutor(jobs)``, the whole release written;
* ``parse``: ``process_file`` on every file, over the build's shards and number of workers, the
  rows counted and dropped;
* ``datasets``: ``Dataset.from_generator`` over ``process_file(...).rows[config]``, then
  ``to_parquet`` and ``to_json``, per config;
* ``profile``: ``build_release`` on ``SerialExecutor()`` (in-process) under cProfile.

Every route turns raw files into rows through ``process_file`` and nothing else. Each child
function takes the JSON parameters the parent passed and returns a JSON-able result; timings
exclude interpreter start-up and imports.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memory import cpu_seconds, rusage_mb

from builder.build.executor import ProcessExecutor, SerialExecutor, Tick, no_progress
from builder.release.build import TRANSCRIPTS_PER_SHARD, build_release, read_inputs
from builder.release.plan import plan_shards
from builder.rows.process import process_file
from builder.rows.segments import Row
from builder.schema.derived import features_dict

#: The version every benchmark build writes (into a folder that is removed first).
VERSION = "9.9.9"

Params = dict[str, Any]
#: One raw file as the datasets route's generators receive it: (path, name, manifest overrides).
RawFile = tuple[str, str, dict[str, Any]]


def raw_files(raw_dir: Path) -> list[RawFile]:
    """The files a build of ``raw_dir`` reads (sorted, exclusions left out), with their overrides."""
    inputs = read_inputs(raw_dir)
    return [(str(raw_dir / name), name, inputs.manifest.overrides(name)) for name in inputs.names]


def _raw_bytes(files: list[RawFile]) -> int:
    return sum(Path(path).stat().st_size for path, _, _ in files)


def child_build(params: Params) -> dict[str, Any]:
    """Time ``build_release`` on a clean output folder, on ``ProcessExecutor(jobs)``."""
    dist = Path(params["dist"])
    shutil.rmtree(dist, ignore_errors=True)
    started, cpu = time.perf_counter(), cpu_seconds()
    summary = build_release(Path(params["raw"]), dist, VERSION, executor=ProcessExecutor(params["jobs"]))
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    out_bytes = sum(p.stat().st_size for p in summary.path.rglob("*") if p.is_file())
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "num_transcripts": summary.num_transcripts,
        "num_turns": summary.num_turns,
        "segments": summary.num_rows["segments"],
        "transcripts": summary.num_rows["transcripts"],
        "raw_bytes": summary.raw_bytes,
        "output_mb": out_bytes / 1e6,
        "flags": summary.flags,
        **rusage_mb(),
    }


@dataclass(frozen=True, slots=True)
class ParseJob:
    """One shard of the parse-only route: which raw files, with their manifest overrides."""

    files: tuple[RawFile, ...]


def parse_shard(job: ParseJob, tick: Tick = no_progress) -> int:
    """Run ``process_file`` on every file of the shard and drop the rows; the number of segments."""
    segments = 0
    for path, name, overrides in job.files:
        segments += process_file(Path(path), name, overrides).counts["segments"]
        tick(1)
    return segments


def child_parse(params: Params) -> dict[str, Any]:
    """Time ``process_file`` alone (rows built and validated, not written) on the build's shards
    and workers."""
    files = raw_files(Path(params["raw"]))
    by_name = {file[1]: file for file in files}
    shards = plan_shards(list(by_name), TRANSCRIPTS_PER_SHARD)
    jobs = [ParseJob(tuple(by_name[name] for name in shard)) for shard in shards]
    started = time.perf_counter()
    segments = sum(ProcessExecutor(params["jobs"]).map(parse_shard, jobs))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "segments": segments, "raw_bytes": _raw_bytes(files), **rusage_mb()}


def config_rows(config: str, files: list[RawFile]) -> Iterator[Row]:
    """Run ``process_file`` on each file and yield its rows of ``config`` (what a user would hand
    to ``Dataset.from_generator``)."""
    for path, name, overrides in files:
        yield from process_file(Path(path), name, overrides).config_rows(config)


def datasets_config(config: str, files: list[RawFile], out: Path, num_proc: int) -> tuple[float, int]:
    """``from_generator`` + ``to_parquet`` + ``to_json`` for one config; (seconds, rows)."""
    import datasets

    features = datasets.Features.from_dict(features_dict(config))
    parallel = num_proc if num_proc > 1 else None
    started = time.perf_counter()
    ds = datasets.Dataset.from_generator(
        config_rows,
        features=features,
        cache_dir=str(out / "hf-cache"),
        gen_kwargs={"config": config, "files": files},
        num_proc=parallel,
    )
    ds.to_parquet(str(out / f"{config}.parquet"))
    ds.to_json(str(out / f"{config}.jsonl"), force_ascii=False, num_proc=parallel)
    return time.perf_counter() - started, ds.num_rows


def child_datasets(params: Params) -> dict[str, Any]:
    """Time the datasets route for each requested config, on a clean cache and output folder."""
    import datasets

    datasets.disable_progress_bars()
    raw, out = Path(params["raw"]), Path(params["out"])
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    files = raw_files(raw)
    result: dict[str, Any] = {"raw_bytes": _raw_bytes(files)}
    for config in params["configs"]:
        seconds, rows = datasets_config(config, files, out, params["num_proc"])
        result[config] = {"seconds": seconds, "rows": rows}
    result.update(rusage_mb())
    return result


def child_profile(params: Params) -> dict[str, Any]:
    """Run ``build_release`` in-process (``SerialExecutor``) under cProfile; save the stats."""
    import cProfile

    dist = Path(params["dist"])
    shutil.rmtree(dist, ignore_errors=True)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    summary = profiler.runcall(build_release, Path(params["raw"]), dist, VERSION, executor=SerialExecutor())
    seconds = time.perf_counter() - started
    profiler.dump_stats(params["stats"])
    return {"seconds": seconds, "raw_bytes": summary.raw_bytes, "segments": summary.num_rows["segments"]}


def _timed_release(
    raw: Path, dist: Path, jobs: int, cache: Path, version: str | None
) -> tuple[float, int, int]:
    """A cached build of the next release in ``dist`` (version proposed from the diff with the
    previous one, shards planned from it): seconds, shards reused, shards in all."""
    started = time.perf_counter()
    summary = build_release(raw, dist, version, executor=ProcessExecutor(jobs), cache=cache)
    return time.perf_counter() - started, summary.reused_shards, summary.num_shards


def _edit_one(raw: Path) -> str:
    """Change one word of the middle call (its English side); the file's name."""
    names = read_inputs(raw).names
    name = names[len(names) // 2]
    text = (raw / name).read_text("utf-8")
    (raw / name).write_text(text.replace(" the ", " a ", 1), "utf-8")
    return name


def child_incremental(params: Params) -> dict[str, Any]:
    """Releases as a maintainer cuts them, on a copy of the corpus: a first release with a cold
    cache, the next after editing one call (a patch: the diff with the first, then the build),
    then the next after adding ``added`` calls (a minor version)."""
    from corpus import add_copies

    raw, work, jobs = Path(params["raw"]), Path(params["work"]), params["jobs"]
    copy, cache, dist = work / "raw-incremental", work / "cache", work / "dist-incremental"
    for folder in (copy, cache, dist):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(raw, copy)
    cold = _timed_release(copy, dist, jobs, cache, "1.0.0")
    edited = _edit_one(copy)
    edit = _timed_release(copy, dist, jobs, cache, None)
    add_copies(copy, params["transcripts"], params["added"])
    add = _timed_release(copy, dist, jobs, cache, None)
    steps = {"cold": cold, "edit_one": edit, "add": add}
    return {
        "edited": edited,
        "added": params["added"],
        **{k: {"seconds": s, "reused_shards": r, "num_shards": n} for k, (s, r, n) in steps.items()},
        **rusage_mb(),
    }


def child_floor(params: Params) -> dict[str, Any]:
    """The write floor: the built release's rows read into memory (not timed), then written again
    to exactly the formats and compressions it holds (Parquet with the release's options, Arrow IPC
    with its buffer codec, JSON Lines by polars' ``write_ndjson`` compressed as the release's are;
    the gzipped MT exports compressed again, metadata files as their bytes) and every byte
    hashed, in this one process. No build can beat it; on N cores, the floor is this over N."""
    import hashlib

    import polars as pl
    import pyarrow as pa
    import pyarrow.parquet as pq

    from builder.formats.compression import ARROW_CODEC, open_read, open_write
    from builder.formats.parquet import PARQUET_OPTIONS, dictionary_columns

    release, out = Path(params["release"]), Path(params["out"])
    shutil.rmtree(out, ignore_errors=True)
    tables = {p: pq.read_table(p) for p in sorted(release.glob("data/*/*.parquet"))}
    rewritten = ("data", "jsonl", "arrow")  # the three formats, written anew from the tables
    files = [p for p in sorted(release.rglob("*")) if p.is_file()]
    others = {p: p.read_bytes() for p in files if p.relative_to(release).parts[0] not in rewritten}
    gzipped = {}  # the MT exports, decompressed here and compressed again in the timed part
    for path in (p for p in others if p.suffix == ".gz"):
        with open_read(path) as file:
            gzipped[path] = file.read()
    codec, level = ARROW_CODEC
    ipc = pa.ipc.IpcWriteOptions(compression=pa.Codec(codec, compression_level=level))
    started, cpu = time.perf_counter(), cpu_seconds()
    written = []
    for path, table in tables.items():
        stem = out / path.relative_to(release).with_suffix("")
        stem.parent.mkdir(parents=True, exist_ok=True)
        opts = {"use_dictionary": dictionary_columns(table.schema), **PARQUET_OPTIONS}
        pq.write_table(table, stem.with_suffix(".parquet"), row_group_size=8_192, **opts)
        with pa.ipc.new_file(str(stem.with_suffix(".arrow")), table.schema, options=ipc) as arrow:
            arrow.write_table(table)
        jsonl = stem.parent / f"{stem.name}.jsonl.zst"
        with open_write(jsonl) as file:
            file.write(pl.from_arrow(table).write_ndjson().encode("utf-8"))
        written += [stem.with_suffix(".parquet"), stem.with_suffix(".arrow"), jsonl]
    for path, data in others.items():
        target = out / "other" / path.relative_to(release)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path in gzipped:
            with open_write(target) as file:
                file.write(gzipped[path])
        else:
            target.write_bytes(data)
        written.append(target)
    for path in written:
        hashlib.sha256(path.read_bytes()).hexdigest()
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    size = sum(p.stat().st_size for p in written)
    return {"seconds": seconds, "cpu_seconds": cpu, "bytes": size, **rusage_mb()}


#: The child modes of ``bench_build.py --child``.
CHILDREN: dict[str, Callable[[Params], dict[str, Any]]] = {
    "build": child_build,
    "parse": child_parse,
    "datasets": child_datasets,
    "profile": child_profile,
    "incremental": child_incremental,
    "floor": child_floor,
}
