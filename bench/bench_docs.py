"""Benchmark the documentation site at corpus scale: `callcorpus docs` on N synthetic calls.

Steps, all in one run:

1. generate a synthetic raw corpus of N calls (``corpus.py``, as ``bench_build.py`` does) and
   build its release with ``build_release`` (not timed; skipped with ``--reuse`` when the
   release of that corpus is already there);
2. run ``callcorpus docs`` on it in a fresh process, timing it and sampling the memory of its
   whole process tree (``memory.py``: Python, mkdocs and every Pagefind process);
3. measure the site: its size (transcript pages, search bundles, the rest) and the bytes a
   search moves in headless Chromium (``search_bytes.py``) for a call's ticker, a company name
   and a common word in Chinese and in English;
4. print the figures against the targets and write them to ``OUT/../docs-results.json``.

Run ``python bench/bench_docs.py --help`` for the options; see ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # builder importable even when the package is not installed
    sys.path.append(str(REPO))

from corpus import generate_corpus  # noqa: E402
from memory import run_sampled  # noqa: E402
from report import machine_info  # noqa: E402
from routes import VERSION  # noqa: E402

DEFAULT_OUT = REPO / "bench" / "out" / "docs" / "raw"
#: The issue's targets for a 3,000-call release (checked at any N; they are stated for 3,000).
TARGETS = {"seconds": 180.0, "tree_peak_mb": 1024.0, "search_mb": 2.0}
COMMON_WORD = "revenue"
COMMON_ZH = "營收"
#: Longer Chinese queries: a phrase of 4, 7 and 10 characters (each Chinese character once cost
#: an index chunk in every bundle; see bench/README.md).
LONGER_ZH = ("營收成長", "我們的營收成長", "歡迎參加本次電話會議")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--transcripts", type=int, default=3000, help="synthetic calls (default 3000)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="raw corpus folder")
    parser.add_argument("--jobs", type=int, default=None, help="workers of the release build")
    parser.add_argument("--reuse", action="store_true", help="keep the corpus and release if present")
    parser.add_argument("--skip-search", action="store_true", help="do not measure search in Chromium")
    return parser.parse_args(argv)


def prepare(raw: Path, dist: Path, count: int, jobs: int, reuse: bool) -> None:
    """The synthetic corpus and its release (kept when ``reuse`` and already there)."""
    from builder.build.executor import ProcessExecutor
    from builder.release.build import build_release

    release = dist / VERSION
    if reuse and release.is_dir() and len(list(raw.glob("*.txt"))) == count:
        print(f"reusing {release}", file=sys.stderr)
        return
    print(f"generating {count} calls and building their release ...", file=sys.stderr)
    subprocess.run(["rm", "-rf", str(raw), str(dist)], check=True)
    generate_corpus(raw, count)
    build_release(raw, dist, VERSION, executor=ProcessExecutor(jobs))


def run_docs(dist: Path, out: Path) -> dict[str, Any]:
    """``callcorpus docs`` in a fresh process: seconds and the peak memory of its process tree."""
    command = [sys.executable, "-c", "from builder.cli import main; main()", "docs"]
    command += ["--dist", str(dist), "--out", str(out), "--config", str(REPO / "mkdocs.yml")]
    run = run_sampled(command, stderr=subprocess.STDOUT, cwd=REPO)
    if run.returncode != 0:
        raise SystemExit(f"callcorpus docs failed ({run.returncode}): {run.stdout.strip()}")
    return {"seconds": run.seconds, "output": run.stdout.strip(), **run.peaks}


def site_sizes(site: Path) -> dict[str, float]:
    """The site's size in MB: transcript pages, search bundles, the phrase index, everything."""

    def mb(paths: Any) -> float:
        return sum(p.stat().st_size for p in paths if p.is_file()) / 1e6

    return {
        "total_mb": mb(site.rglob("*")),
        "transcript_pages_mb": mb((site / "transcripts").glob("*.html")),
        "search_mb": mb([*site.glob("pagefind/**/*"), *site.glob("pagefind-calls/**/*")]),
        "phrase_index_mb": mb(site.glob("phrase-index/*")),
        "files": sum(1 for p in site.rglob("*") if p.is_file()),
    }


def queries(site: Path) -> dict[str, str]:
    """Queries and the page each should find: the last call's ticker (its page), its company
    name, a common Chinese word, longer Chinese phrases and a common English word (any page)."""
    index = json.loads((site / "transcripts" / "calls.json").read_text(encoding="utf-8"))
    last = dict(zip(index["fields"], index["calls"][-1], strict=True))
    page = f"transcripts/{last['transcript_id']}.html"
    return {
        str(last["ticker"]): page,
        str(last["company"]): ".html",
        COMMON_ZH: ".html",
        **dict.fromkeys(LONGER_ZH, ".html"),
        COMMON_WORD: ".html",
    }


def verdicts(docs: dict[str, Any], search: list[dict[str, Any]] | None) -> dict[str, dict[str, Any]]:
    """Each target with the figure measured and PASS or MISS."""
    figures = {"seconds": docs["seconds"], "tree_peak_mb": docs["tree_peak_pss_mb"]}
    if search:
        figures["search_mb"] = max(q["cold"]["bytes"] for q in search) / 1e6
    return {
        name: {
            "value": value,
            "target": TARGETS[name],
            "verdict": "PASS" if value <= TARGETS[name] else "MISS",
        }
        for name, value in figures.items()
    }


def render(report: dict[str, Any]) -> str:
    """The figures as the README's Performance section shows them."""
    docs, sizes = report["docs"], report["site"]
    lines = [
        f"corpus:  {report['params']['transcripts']} calls, release {VERSION}",
        f"callcorpus docs: {docs['seconds']:.1f} s, tree peak {docs['tree_peak_pss_mb']:.0f} MB "
        f"(Pss; Rss {docs['tree_peak_rss_mb']:.0f} MB, {docs['max_processes']} processes at most)",
        f"site: {sizes['total_mb']:.0f} MB in {sizes['files']:,} files (transcript pages "
        f"{sizes['transcript_pages_mb']:.0f} MB, search bundles {sizes['search_mb']:.0f} MB, "
        f"phrase index {sizes['phrase_index_mb']:.0f} MB)",
    ]
    for q in report["search"] or []:
        lines.append(
            f"search {q['query']!r}: {q['results']} result links (page found: {q['found']}); "
            f"cold {q['cold']['bytes'] / 1e6:.2f} MB in "
            f"{q['cold']['files']} files (page load {q['page_load']['bytes'] / 1e6:.2f} MB before), "
            f"then {COMMON_WORD!r} warm {q['warm']['bytes'] / 1e6:.2f} MB"
        )
    for name, target in report["targets"].items():
        lines.append(f"  {name} {target['value']:.2f} <= {target['target']:.0f}: {target['verdict']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Prepare the release, time the docs, measure the site and search, report."""
    args = parse_args(argv)
    raw = args.out.resolve()
    work = raw.parent
    prepare(raw, work / "dist", args.transcripts, args.jobs or os.cpu_count() or 1, args.reuse)
    print("timing callcorpus docs ...", file=sys.stderr)
    docs = run_docs(work / "dist", work / "site-out")
    site = work / "site-out" / "site"
    search = None
    if not args.skip_search:
        from search_bytes import measure

        print("measuring search in Chromium ...", file=sys.stderr)
        search = measure(site, queries(site), COMMON_WORD)
    report = {
        "params": {"transcripts": args.transcripts, "out": str(raw)},
        "machine": machine_info(),
        "docs": docs,
        "site": site_sizes(site),
        "search": search,
        "targets": verdicts(docs, search),
    }
    print(render(report))
    (work / "docs-results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
