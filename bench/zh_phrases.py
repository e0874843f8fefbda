"""Chinese phrase search on a seeded synthetic corpus: does a phrase find its call, and at what cost.

The corpus is the three seeds of ``raw/`` beside shuffled copies of them (``corpus.py``: each
copy holds the seed's Chinese characters shuffled within sentences, so every phrase's characters
are in many calls in other orders, and its exact sequence only in its seed). Phrases are sampled
from the lines the copies shuffle: clauses of 6 to 14 Han characters, and two runs around a comma
(``sample_phrases``, also what ``tests/docs/test_docs_zh_search.py`` checks). Each phrase is typed
in the header's search box of the built site in headless Chromium with an empty cache
(``search_bytes.measure``): where its call stands among the results shown, and the bytes moved.

    .venv/bin/python bench/zh_phrases.py                  # 300 calls, 60 clauses and 30 comma phrases
    .venv/bin/python bench/zh_phrases.py --reuse          # the same site again (after changing the box)
    .venv/bin/python bench/zh_phrases.py --site DIR --phrases-only   # any built site of this corpus

Figures go to stdout and to ``OUT/zh-phrases.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # builder importable even when the package is not installed
    sys.path.append(str(REPO))

from corpus import SEEDS, generate_corpus, load_seed  # noqa: E402

DEFAULT_OUT = REPO / "bench" / "out" / "zh300"
#: Phrases taken from each seed's Chinese: how they look.
CLAUSE = re.compile(r"[\u4e00-\u9fff]{6,14}")  # a clause of 6 to 14 Han characters
AROUND_COMMA = re.compile(r"[\u4e00-\u9fff]{3,8},[\u4e00-\u9fff]{3,8}")  # two runs around a comma
#: Results the search box shows before "More results".
SHOWN = 5


def sample_phrases(clauses: int, commas: int, seed_dir: Path = SEEDS) -> list[tuple[str, str]]:
    """(seed file name, phrase): a fixed sample of ``clauses`` clauses and ``commas`` phrases
    around a comma from each seed's Chinese, from the lines the copies shuffle (operator turns
    and headers stay verbatim in every copy)."""
    rng = random.Random(7)
    picked = []
    for path in sorted(seed_dir.glob("*.txt")):
        seed = load_seed(path)
        text = "\n".join(line for line, kept in zip(seed.lines, seed.keep, strict=True) if not kept)
        for pattern, count in ((CLAUSE, clauses), (AROUND_COMMA, commas)):
            phrases = sorted(set(pattern.findall(text)))
            picked += [(path.name, phrase) for phrase in rng.sample(phrases, count)]
    return picked


def seeded_corpus(raw: Path, copies: int, seed_dir: Path = SEEDS) -> None:
    """``copies`` shuffled copies (``corpus.generate_corpus``) and the seeds themselves in ``raw``,
    with one manifest for both."""
    generate_corpus(raw, copies, seed_dir)
    manifest = (raw / "manifest.toml").read_text(encoding="utf-8")
    manifest += "\n" + (seed_dir / "manifest.toml").read_text(encoding="utf-8")
    (raw / "manifest.toml").write_text(manifest, encoding="utf-8")
    for path in sorted(seed_dir.glob("*.txt")):
        (raw / path.name).write_bytes(path.read_bytes())


def seed_pages(seed_dir: Path = SEEDS) -> dict[str, str]:
    """Each seed's page in the site (``transcripts/<transcript_id>.html``), by file name."""
    from builder.docsgen.transcript_page import page_path
    from builder.rows.process import process_file
    from builder.sources.manifest import load_manifest

    paths = sorted(seed_dir.glob("*.txt"))
    manifest = load_manifest(seed_dir, [path.name for path in paths])
    ids = {
        path.name: process_file(path, path.name, manifest.overrides(path.name)).transcript.transcript_id
        for path in paths
    }
    return {name: page_path(transcript_id) for name, transcript_id in ids.items()}


def build_site(out: Path, calls: int, reuse: bool) -> Path:
    """The seeded corpus of ``calls`` calls, its release and its site (kept when ``reuse``)."""
    from builder.build.executor import ProcessExecutor
    from builder.release.build import build_release

    site = out / "site-out" / "site"
    if reuse and (site / "index.html").is_file():
        print(f"reusing {site}", file=sys.stderr)
        return site
    seeds = len(list(SEEDS.glob("*.txt")))
    subprocess.run(["rm", "-rf", str(out)], check=True)
    seeded_corpus(out / "raw", calls - seeds)
    build_release(out / "raw", out / "dist", "1.0.0", executor=ProcessExecutor(2))
    command = [sys.executable, "-c", "from builder.cli import main; main()", "docs", "--dist"]
    command += [str(out / "dist"), "--out", str(out / "site-out"), "--config", str(REPO / "mkdocs.yml")]
    subprocess.run(command, check=True, cwd=REPO)
    return site


def rank(links: list[str], page: str) -> int | None:
    """Where ``page`` stands among the result links (1 = first), None when not shown."""
    calls = [link.split("#")[0] for link in links]
    return next((i for i, link in enumerate(calls, 1) if link.endswith("/" + page)), None)


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """How many phrases found their call first and among the first ``SHOWN``; bytes by length."""
    by_length: dict[int, list[int]] = {}
    for row in rows:
        by_length.setdefault(len(row["query"]), []).append(row["cold"]["bytes"])
    return {
        "phrases": len(rows),
        "first": sum(row["rank"] == 1 for row in rows),
        "shown": sum(row["rank"] is not None and row["rank"] <= SHOWN for row in rows),
        "cold_mb_max": max(row["cold"]["bytes"] for row in rows) / 1e6,
        "cold_mb_median": statistics.median(row["cold"]["bytes"] for row in rows) / 1e6,
        "cold_mb_by_length": {n: max(b) / 1e6 for n, b in sorted(by_length.items())},
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--calls", type=int, default=300, help="calls, the seeds included (default 300)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="work folder")
    parser.add_argument("--reuse", action="store_true", help="keep the site if it is there")
    parser.add_argument("--site", type=Path, default=None, help="measure this built site instead")
    parser.add_argument("--clauses", type=int, default=20, help="clauses per seed (default 20)")
    parser.add_argument("--commas", type=int, default=10, help="phrases around a comma per seed (default 10)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Build (or reuse) the site, type every phrase, report."""
    from search_bytes import measure

    args = parse_args(argv)
    site = args.site or build_site(args.out.resolve(), args.calls, args.reuse)
    pages = seed_pages()
    phrases = sample_phrases(args.clauses, args.commas)
    rows = measure(site, {phrase: pages[name] for name, phrase in phrases}, follow_up=None)
    for row, (name, _) in zip(rows, phrases, strict=True):
        row["rank"] = rank(row.pop("links"), pages[name])
    kinds = {
        "clauses": [row for row in rows if "," not in row["query"]],
        "commas": [row for row in rows if "," in row["query"]],
    }
    report = {name: summary(kind) for name, kind in kinds.items() if kind}
    print(json.dumps(report, indent=2, ensure_ascii=False))
    out = (args.site.parent if args.site else args.out) / "zh-phrases.json"
    out.write_text(json.dumps({"summary": report, "phrases": rows}, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
