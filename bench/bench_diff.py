"""How the release diff grows with the corpus: `callcorpus diff` between two releases in which
every call changed (the worst case: no shard file is shared, so every row is read).

For each size: a synthetic corpus (``bench/corpus.py``) is built as release 1.0.0, every copy is
shuffled again with another seed (same file, same ticker, so the same transcript ids and new
rows) and built as 1.0.1, then ``callcorpus diff`` runs as a fresh process while the memory of
its process tree is sampled. Memory that does not grow with the number of calls is the target.

    .venv/bin/python bench/bench_diff.py --sizes 300 1200 --out /tmp/bench-diff
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # builder importable even when the package is not installed
    sys.path.append(str(REPO))

from corpus import copy_name, generate_corpus, load_seeds, variant  # noqa: E402
from memory import run_sampled  # noqa: E402
from report import machine_info  # noqa: E402

from builder.build.executor import ProcessExecutor  # noqa: E402
from builder.release.build import build_release  # noqa: E402


def two_releases(base: Path, calls: int) -> Path:
    """Releases 1.0.0 and 1.0.1 of ``calls`` synthetic calls, every call changed; their folder."""
    raw, dist = base / "raw", base / "dist"
    generate_corpus(raw, calls)
    build_release(raw, dist, "1.0.0", executor=ProcessExecutor(2), cache=None)
    seeds = load_seeds()
    for i in range(calls):
        seed = seeds[i % len(seeds)]  # copy i + len(seeds) has the same seed, shuffled otherwise
        text = variant(seed, i + len(seeds), f"T{i:05d}")
        (raw / copy_name(seed, i)).write_text(text, encoding="utf-8")
    build_release(raw, dist, "1.0.1", executor=ProcessExecutor(2), cache=None)
    return dist


def measure_diff(dist: Path) -> dict[str, float]:
    """Seconds and tree peak (MiB) of ``callcorpus diff --json`` between the two releases."""
    callcorpus = str(Path(sys.executable).parent / "callcorpus")  # the venv's console script
    command = [callcorpus, "diff", str(dist / "1.0.0"), str(dist / "1.0.1"), "--json"]
    run = run_sampled(command)
    if run.returncode != 0:
        raise SystemExit(f"callcorpus diff failed ({run.returncode})")
    changed = len(json.loads(run.stdout)["changed"])
    return {"seconds": run.seconds, "changed_calls": changed, **run.peaks}


def main() -> None:
    """Build the releases of each size, measure the diff, print one JSON object."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1200], help="numbers of calls")
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-diff"), help="work folder")
    args = parser.parse_args()
    results = {}
    for calls in args.sizes:
        dist = two_releases(args.out / str(calls), calls)
        results[calls] = measure_diff(dist)
        print(f"{calls} calls: {json.dumps(results[calls])}", file=sys.stderr)
    print(json.dumps({"machine": machine_info(), "diff": results}, indent=2))


if __name__ == "__main__":
    main()
