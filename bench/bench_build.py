"""Benchmark the end-to-end corpus build against the route a user would write with ``datasets``.

Steps, all in one run:

1. generate a synthetic raw corpus of N transcripts from the seeds in ``raw/``, text shuffled per
   copy (seeded, deterministic) so Parquet compression does not flatter the figures (``corpus.py``);
2. time ``build_release`` end to end (process every file, write Parquet + JSONL + Arrow for every
   config) in a fresh subprocess, sampling the memory of its whole process tree (``memory.py``),
   then ``process_file`` alone the same way (``routes.py``);
3. time the ``datasets`` route over the same ``process_file`` (``Dataset.from_generator`` then
   ``to_parquet`` and ``to_json``), also in a fresh subprocess;
4. print a results table and write it, with the machine's description, to ``OUT/../results.json``
   (``report.py``).

This file is the entry point: options, orchestration, and the children, which are this script
started again with the hidden ``--child MODE --params JSON`` options.
Run ``python bench/bench_build.py --help`` for the options; see ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # builder importable even when the package is not installed
    sys.path.append(str(REPO))

from corpus import generate_corpus  # noqa: E402
from memory import run_sampled  # noqa: E402
from report import make_report, print_profile, render_table, write_results  # noqa: E402
from routes import CHILDREN, VERSION  # noqa: E402

DEFAULT_OUT = REPO / "bench" / "out" / "raw"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--transcripts", type=int, default=1200, help="synthetic transcripts (default 1200)")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="raw corpus folder (default bench/out/raw)"
    )
    parser.add_argument("--jobs", type=int, default=None, help="build workers (default: one per CPU)")
    parser.add_argument("--skip-datasets", action="store_true", help="do not time the datasets route")
    parser.add_argument(
        "--datasets-configs",
        default="segments,transcripts",
        help="configs the datasets route writes (default segments,transcripts; the ratio uses segments)",
    )
    parser.add_argument(
        "--datasets-num-proc",
        type=int,
        default=None,
        help="num_proc for the datasets route (default: --jobs)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of timing, profile the build with cProfile (workers=1) and print the top entries",
    )
    parser.add_argument(
        "--incremental",
        type=int,
        metavar="ADDED",
        default=None,
        help="also time incremental builds with the shard cache: after editing one call, and after "
        "adding ADDED calls (targets: each at most 10 %% of the full build)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


#: The thread pools of pyarrow and polars held to one thread (the write floor on one core).
ONE_THREAD = {"OMP_NUM_THREADS": "1", "POLARS_MAX_THREADS": "1"}


def run_child(mode: str, params: dict[str, Any], extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run this script's ``--child mode`` in a fresh interpreter; its JSON result plus tree memory.

    The disks are synced first: the kernel's writeback of what came before (the generated corpus,
    the previous route's files) is not charged to the route timed next; each route still pays the
    writeback of its own files while it runs."""
    os.sync()
    offline = {"HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "PYTHONHASHSEED": "0"}
    env = {**os.environ, **offline, **(extra_env or {})}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--params", json.dumps(params)]
    run = run_sampled(cmd, env=env)
    if run.returncode != 0:
        raise SystemExit(f"benchmark child {mode!r} failed with exit code {run.returncode}")
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    result.update(run.peaks)
    return result


def child_main(mode: str, params: dict[str, Any]) -> None:
    """Entry point of a benchmark child: run one measurement and print its JSON on the last line."""
    result = CHILDREN[mode](params)
    print(json.dumps(result))


def generate(raw: Path, count: int) -> None:
    """Write the synthetic corpus, reporting its size and the time taken on stderr."""
    print(f"generating {count} transcripts into {raw} ...", file=sys.stderr)
    started = time.perf_counter()
    files, raw_bytes = generate_corpus(raw, count)
    print(
        f"  {files} files, {raw_bytes / 1e6:.2f} MB in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )


def profile(raw: Path, work: Path) -> None:
    """Profile the build in-process and print its top entries."""
    stats = work / "profile.pstats"
    print("profiling callcorpus build (workers=1) ...", file=sys.stderr)
    run = run_child("profile", {"raw": str(raw), "dist": str(work / "dist"), "stats": str(stats)})
    print(
        f"profiled build: {run['raw_bytes'] / 1e6:.2f} MB raw, {run['segments']:,} segments in "
        f"{run['seconds']:.2f} s under cProfile (stats in {stats})"
    )
    print_profile(stats)


def measure(args: argparse.Namespace, raw: Path, work: Path, jobs: int, num_proc: int) -> dict[str, Any]:
    """Time every route, each in its own child; the report of the run."""
    print(f"timing callcorpus build (workers={jobs}) ...", file=sys.stderr)
    build = run_child("build", {"raw": str(raw), "dist": str(work / "dist"), "jobs": jobs})
    print("timing the write floor (one process) ...", file=sys.stderr)
    floor_params = {"release": str(work / "dist" / VERSION), "out": str(work / "floor")}
    floor = run_child("floor", floor_params)
    build["write_floor"] = {**floor, "cores": jobs, "floor_seconds": floor["seconds"] / jobs}
    print("timing the write floor on one core (its threads held to one) ...", file=sys.stderr)
    pinned = run_child("floor", floor_params, ONE_THREAD)
    build["write_floor_one_core"] = {**pinned, "cores": jobs, "floor_seconds": pinned["seconds"] / jobs}
    print(f"timing the parse alone (workers={jobs}) ...", file=sys.stderr)
    parse = run_child("parse", {"raw": str(raw), "jobs": jobs})
    route = None
    if not args.skip_datasets:
        configs = [c.strip() for c in args.datasets_configs.split(",") if c.strip()]
        print(f"timing datasets route ({', '.join(configs)}; num_proc={num_proc}) ...", file=sys.stderr)
        route = run_child(
            "datasets",
            {"raw": str(raw), "out": str(work / "datasets"), "configs": configs, "num_proc": num_proc},
        )
    incremental = None
    if args.incremental is not None:
        print(f"timing incremental builds (edit one call, add {args.incremental}) ...", file=sys.stderr)
        incremental = run_child(
            "incremental",
            {
                "raw": str(raw),
                "work": str(work),
                "jobs": jobs,
                "transcripts": args.transcripts,
                "added": args.incremental,
            },
        )
    params = {
        "transcripts": args.transcripts,
        "out": str(raw),
        "jobs": jobs,
        "datasets_num_proc": None if route is None else num_proc,
        "skip_datasets": args.skip_datasets,
    }
    return make_report(params, build, parse, route, incremental)


def main(argv: list[str] | None = None) -> None:
    """Generate, measure both routes, print and save the results."""
    args = parse_args(argv)
    if args.child:
        child_main(args.child, json.loads(args.params))
        return
    jobs = args.jobs or os.cpu_count() or 1
    num_proc = args.datasets_num_proc or jobs
    raw, work = args.out.resolve(), args.out.resolve().parent
    generate(raw, args.transcripts)
    if args.profile:
        profile(raw, work)
        return
    report = measure(args, raw, work, jobs, num_proc)
    print(render_table(report))
    results = work / "results.json"
    write_results(report, results)
    print(f"results written to {results}", file=sys.stderr)


if __name__ == "__main__":
    main()
