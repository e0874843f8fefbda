"""Benchmark the end-to-end corpus build against the route a user would write with ``datasets``.

Steps, all in one run:

1. generate a synthetic raw corpus of N transcripts from the seeds in ``raw/``, text shuffled per
   copy (seeded, deterministic) so Parquet compression does not flatter the figures;
2. time ``build_release`` end to end (parse, validate every row, write Parquet + JSONL + Arrow for
   both configs) in a fresh subprocess, sampling the memory of its whole process tree;
3. time the ``datasets`` route over the same parse (``Dataset.from_generator`` then ``to_parquet``
   and ``to_json``), also in a fresh subprocess;
4. print a results table and write it, with the machine's description, to ``OUT/../results.json``.

Run ``python bench/bench_build.py --help`` for the options; see ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "raw"
DEFAULT_OUT = REPO / "bench" / "out" / "raw"
VERSION = "9.9.9"
TARGET_MB_S = 100.0
TARGET_RATIO = 6.0
TARGET_PEAK_MB = 500.0
SAMPLE_SECONDS = 0.05

_MARKUP = re.compile(r"^[ \t]*(?:[•●▪‣◦][ \t]*)?")
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_ZH_TOKEN = re.compile(r"[0-9][0-9.,%]*\s?(?:萬億|千萬|百萬|萬|億)?|[A-Za-z0-9][A-Za-z0-9.,'’%$&\-]*|\S")
_ASCII_WORD = re.compile(r"^[A-Za-z0-9]")
_TITLE_TICKER = re.compile(r"\([A-Z0-9][A-Z0-9.\-]{0,9}\)(?=\s*[0-9]{4}\s*Q[1-4])")
_OPERATOR = re.compile(r"^(?:operator|moderator)$", re.I)


# --------------------------------------------------------------------------------------------
# 1. Synthetic corpus
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Seed:
    """One seed file: its lines, which of them stay verbatim, and the metadata the builder finds."""

    name: str
    layout: str
    lines: list[str]
    keep: list[bool]
    facts: dict[str, Any]


def _split_markup(line: str) -> tuple[str, str]:
    """Split a line into its layout markup (bullet or indent) and its content."""
    match = _MARKUP.match(line)
    end = match.end() if match else 0
    return line[:end], line[end:]


def _verbatim_lines(lines: list[str]) -> list[bool]:
    """Which lines to keep as written: front matter, speaker headers and operator turns.

    A header is a line repeated identically by the next non-blank line once the markup is
    stripped; everything before the first header is front matter. Lines inside an ``Operator``
    turn are kept too, so Q&A detection and the operator's introductions still work.
    """
    from builder.structure.speakers import looks_like_header

    contents = [_split_markup(line)[1].strip() for line in lines]
    nonblank = [i for i, text in enumerate(contents) if text]
    keep = [not text for text in contents]
    headers = {a for a, b in pairwise(nonblank) if contents[a] == contents[b] and contents[a]}
    in_front, in_operator, skip_next = True, False, False
    for i in nonblank:
        if skip_next:
            keep[i], skip_next = True, False
            continue
        if i in headers and looks_like_header(contents[i]):
            in_front = False
            in_operator = bool(_OPERATOR.match(contents[i]))
            keep[i], skip_next = True, True
            continue
        if i in headers:  # an untranslated paragraph, written twice: keep both copies alike
            keep[i], skip_next = True, True
            continue
        text = contents[i]
        keep[i] = in_front or in_operator or text == "完整原文" or text.startswith("使用警語")
    return keep


def _seed_facts(path: Path) -> dict[str, Any]:
    """Metadata the builder finds in the unshuffled seed (shuffling hides the text's cues)."""
    from builder.sources import read_source
    from builder.structure import build_transcript

    meta = build_transcript(read_source(path, path.name)).metadata
    return {name: getattr(meta, name).value for name in meta.FIELDS if getattr(meta, name).value is not None}


def load_seeds(seed_dir: Path = SEEDS) -> list[Seed]:
    """Read every ``*.txt`` seed (LF line endings assumed) with its layout and kept lines."""
    from builder.sources import read_source

    seeds = []
    for path in sorted(seed_dir.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        layout = read_source(path, path.name).layout
        seeds.append(Seed(path.name, layout, lines, _verbatim_lines(lines), _seed_facts(path)))
    if not seeds:
        raise SystemExit(f"no seed transcripts (*.txt) in {seed_dir}")
    return seeds


#: An amount and its scale word stay together (joined by a NUL while shuffling), so
#: the alignment's number anchors see what real text has.
_EN_AMOUNT = re.compile(r"[0-9][0-9.,]* (?:thousand|million|billion|trillion|percent)\b")
_EN_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_ZH_SENTENCE_END = re.compile(r"(?<=[。？！?!])")


def shuffle_english(text: str, rng: random.Random) -> str:
    """Each sentence's words in a random order, its last word (with the full stop) kept last,
    so the line keeps its sentences and their lengths for the alignment stage."""
    sentences = []
    for sentence in _EN_SENTENCE_END.split(text):
        words = _EN_AMOUNT.sub(lambda m: m.group(0).replace(" ", "\x00"), sentence).split()
        head = words[:-1]
        rng.shuffle(head)
        sentences.append(" ".join(head + words[-1:]).replace("\x00", " "))
    return " ".join(s for s in sentences if s)


def shuffle_chinese(text: str, rng: random.Random) -> str:
    """Each sentence's characters (Latin words and numbers kept whole) in a random order, its
    final punctuation kept last."""
    out: list[str] = []
    for sentence in _ZH_SENTENCE_END.split(text):
        tokens = _ZH_TOKEN.findall(sentence)
        tail = tokens[-1:] if tokens and tokens[-1] in "。？！?!" else []
        head = tokens[: len(tokens) - len(tail)]
        rng.shuffle(head)
        for token in head + tail:
            if out and _ASCII_WORD.match(token) and _ASCII_WORD.match(out[-1]):
                out.append(" ")
            out.append(token)
    return "".join(out)


def variant(seed: Seed, copy_index: int, ticker: str) -> str:
    """A copy of the seed with every paragraph shuffled and (in a title) its ticker replaced."""
    rng = random.Random(copy_index)
    out = []
    for line, keep in zip(seed.lines, seed.keep, strict=True):
        markup, content = _split_markup(line)
        if keep:
            if "ticker" in seed.facts:
                content = _TITLE_TICKER.sub(f"({ticker})", content, count=1)
            out.append(markup + content)
        elif _CJK.search(content):
            out.append(markup + shuffle_chinese(content, rng))
        else:
            out.append(markup + shuffle_english(content, rng))
    return "\n".join(out)


def _toml_entry(name: str, facts: dict[str, Any]) -> str:
    body = "\n".join(f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in facts.items())
    return f'[files."{name}"]\n{body}\n'


def generate_corpus(out: Path, count: int) -> tuple[int, int]:
    """Write ``count`` shuffled copies cycling through the seeds (and their manifest) into ``out``.

    Copy ``i`` gets ticker ``T{i:05d}``: in the title when the seed has one, else through
    ``manifest.toml`` (with the seed's other metadata, which the shuffled text no longer states).
    Returns (number of files, raw bytes).
    """
    seeds = load_seeds()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    manifest = ["# Generated by bench/bench_build.py: one unique ticker per copy.\n"]
    total = 0
    for i in range(count):
        seed = seeds[i % len(seeds)]
        name = f"t{i:05d}-{Path(seed.name).stem}.txt"
        ticker = f"T{i:05d}"
        data = variant(seed, i, ticker).encode("utf-8")
        (out / name).write_bytes(data)
        total += len(data)
        if "ticker" not in seed.facts:
            manifest.append(_toml_entry(name, {**seed.facts, "ticker": ticker}))
    (out / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    return count, total


# --------------------------------------------------------------------------------------------
# Memory of a process tree
# --------------------------------------------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from ``/proc/<pid>/task/*/children``)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _memory_kib(pid: int) -> tuple[int, int]:
    """(Rss, Pss) of one process in KiB; zeros when it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class TreeSampler(threading.Thread):
    """Samples the summed Rss and Pss of a process tree until stopped; keeps the peaks."""

    def __init__(self, pid: int, every: float = SAMPLE_SECONDS) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_rss_kib = self.peak_pss_kib = self.max_processes = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        """Poll until ``stop``."""
        while not self._stop_event.is_set():
            pids = _descendants(self.pid)
            sizes = [_memory_kib(pid) for pid in pids]
            self.peak_rss_kib = max(self.peak_rss_kib, sum(s[0] for s in sizes))
            self.peak_pss_kib = max(self.peak_pss_kib, sum(s[1] for s in sizes))
            self.max_processes = max(self.max_processes, sum(1 for s in sizes if s[0]))
            self._stop_event.wait(self.every)

    def stop(self) -> None:
        """Stop sampling and wait for the thread."""
        self._stop_event.set()
        self.join()


def run_child(mode: str, params: dict[str, Any]) -> dict[str, Any]:
    """Run this script's ``--child mode`` in a fresh interpreter; its JSON result plus tree memory."""
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--params", json.dumps(params)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    stdout, _ = proc.communicate()
    sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {mode!r} failed with exit code {proc.returncode}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["tree_peak_rss_mb"] = sampler.peak_rss_kib / 1024
    result["tree_peak_pss_mb"] = sampler.peak_pss_kib / 1024
    result["max_processes"] = sampler.max_processes
    return result


def _rusage_mb() -> dict[str, float]:
    """Exact max RSS of this process and of its largest reaped child (``ru_maxrss`` is KiB)."""
    return {
        "parent_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "largest_child_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


# --------------------------------------------------------------------------------------------
# 2. The callcorpus build (child process)
# --------------------------------------------------------------------------------------------


def child_build(params: dict[str, Any]) -> dict[str, Any]:
    """Time ``build_release`` on a clean output folder."""
    from builder.release.build import build_release

    dist = Path(params["dist"])
    shutil.rmtree(dist, ignore_errors=True)
    started = time.perf_counter()
    summary = build_release(Path(params["raw"]), dist, VERSION, workers=params["jobs"])
    seconds = time.perf_counter() - started
    out_bytes = sum(p.stat().st_size for p in summary.path.rglob("*") if p.is_file())
    return {
        "seconds": seconds,
        "num_transcripts": summary.num_transcripts,
        "num_turns": summary.num_turns,
        "segments": summary.num_rows["segments"],
        "transcripts": summary.num_rows["transcripts"],
        "raw_bytes": summary.raw_bytes,
        "output_mb": out_bytes / 1e6,
        "flags": summary.flags,
        **_rusage_mb(),
    }


def _parse_shard(paths: list[str]) -> int:
    """Parse files into both configs' rows and drop them; the number of segments."""
    from builder.rows.segments import segment_rows
    from builder.rows.transcripts import transcript_row
    from builder.sources import read_source
    from builder.structure import build_transcript

    segments = 0
    for path in paths:
        transcript = build_transcript(read_source(Path(path), Path(path).name))
        segments += sum(1 for _ in segment_rows(transcript))
        transcript_row(transcript)
    return segments


def child_parse(params: dict[str, Any]) -> dict[str, Any]:
    """Time the parse alone (rows built, not validated nor written), on the build's shards and workers."""
    from concurrent.futures import ProcessPoolExecutor

    from builder.release.build import TRANSCRIPTS_PER_SHARD

    paths = sorted(str(p) for p in Path(params["raw"]).rglob("*.txt"))
    shards = [paths[i : i + TRANSCRIPTS_PER_SHARD] for i in range(0, len(paths), TRANSCRIPTS_PER_SHARD)]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=params["jobs"]) as pool:
        segments = sum(pool.map(_parse_shard, shards))
    seconds = time.perf_counter() - started
    raw_bytes = sum(Path(p).stat().st_size for p in paths)
    return {"seconds": seconds, "segments": segments, "raw_bytes": raw_bytes, **_rusage_mb()}


# --------------------------------------------------------------------------------------------
# 3. The datasets route (child process)
# --------------------------------------------------------------------------------------------


def _segments(paths: list[str]) -> Iterator[dict[str, Any]]:
    """Parse each file and yield its segment rows (what a user would hand to ``from_generator``)."""
    from builder.rows.segments import segment_rows
    from builder.sources import read_source
    from builder.structure import build_transcript

    for path in paths:
        yield from segment_rows(build_transcript(read_source(Path(path), Path(path).name)))


def _transcripts(paths: list[str]) -> Iterator[dict[str, Any]]:
    """Parse each file and yield its transcript row."""
    from builder.rows.transcripts import transcript_row
    from builder.sources import read_source
    from builder.structure import build_transcript

    for path in paths:
        yield transcript_row(build_transcript(read_source(Path(path), Path(path).name)))


def _datasets_config(config: str, paths: list[str], out: Path, num_proc: int) -> tuple[float, int]:
    """from_generator + to_parquet + to_json for one config; (seconds, rows)."""
    import datasets

    from builder.schema.derived import features_dict

    generator = _segments if config == "segments" else _transcripts
    features = datasets.Features.from_dict(features_dict(config))
    started = time.perf_counter()
    ds = datasets.Dataset.from_generator(
        generator,
        features=features,
        cache_dir=str(out / "hf-cache"),
        gen_kwargs={"paths": paths},
        num_proc=num_proc if num_proc > 1 else None,
    )
    ds.to_parquet(str(out / f"{config}.parquet"))
    ds.to_json(str(out / f"{config}.jsonl"), force_ascii=False, num_proc=num_proc if num_proc > 1 else None)
    return time.perf_counter() - started, ds.num_rows


def child_datasets(params: dict[str, Any]) -> dict[str, Any]:
    """Time the datasets route for each requested config, on a clean cache and output folder."""
    import datasets

    datasets.disable_progress_bars()
    raw, out = Path(params["raw"]), Path(params["out"])
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    paths = sorted(str(p) for p in raw.rglob("*.txt"))
    result: dict[str, Any] = {"raw_bytes": sum(Path(p).stat().st_size for p in paths)}
    for config in params["configs"]:
        seconds, rows = _datasets_config(config, paths, out, params["num_proc"])
        result[config] = {"seconds": seconds, "rows": rows}
    result.update(_rusage_mb())
    return result


# --------------------------------------------------------------------------------------------
# Profile (child process)
# --------------------------------------------------------------------------------------------


def child_profile(params: dict[str, Any]) -> dict[str, Any]:
    """Run ``build_release`` with one worker (in-process) under cProfile; save the stats."""
    import cProfile

    from builder.release.build import build_release

    dist = Path(params["dist"])
    shutil.rmtree(dist, ignore_errors=True)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    summary = profiler.runcall(build_release, Path(params["raw"]), dist, VERSION, workers=1)
    seconds = time.perf_counter() - started
    profiler.dump_stats(params["stats"])
    return {"seconds": seconds, "raw_bytes": summary.raw_bytes, "segments": summary.num_rows["segments"]}


def print_profile(stats_path: Path, top: int = 15) -> None:
    """Top entries of the profile: builder code by cumulative and own time, then anything by own time."""
    import pstats

    stats = pstats.Stats(str(stats_path))
    builder_code = re.escape(str(REPO / "builder")) + "|" + re.escape(str(REPO / "schema"))
    for key, restriction, title in (
        ("cumulative", builder_code, f"top {top} builder functions by cumulative time"),
        ("tottime", builder_code, f"top {top} builder functions by own time (tottime)"),
        ("tottime", None, f"top {top} functions of any code by own time (C calls included)"),
    ):
        print(f"\n=== {title}")
        stats.sort_stats(key)
        stats.print_stats(*([restriction] if restriction else []), top)


# --------------------------------------------------------------------------------------------
# 4. Report
# --------------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    """CPU, memory and library versions of this machine."""
    import datasets
    import pyarrow

    import builder

    model = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        model = next(
            (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line), ""
        )
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        mem_kib = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
    except (OSError, StopIteration):
        mem_kib = 0
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "machine": platform.machine(),
        "platform": platform.platform(),
        "ram_gib": round(mem_kib / 1024**2, 1),
        "python": platform.python_version(),
        "pyarrow": pyarrow.__version__,
        "datasets": datasets.__version__,
        "callcorpus": builder.__version__,
    }


def _mb_s(raw_bytes: int, seconds: float) -> float:
    return raw_bytes / 1e6 / seconds if seconds else 0.0


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def summarize(build: dict[str, Any], parse: dict[str, Any], route: dict[str, Any] | None) -> dict[str, Any]:
    """Derived figures (MB/s, segments/s, ratios, parse share) and the targets' verdicts."""
    raw = build["raw_bytes"]
    mb_s = _mb_s(raw, build["seconds"])
    figures: dict[str, Any] = {
        "raw_mb": raw / 1e6,
        "callcorpus_mb_s": mb_s,
        "callcorpus_segments_s": build["segments"] / build["seconds"],
        "callcorpus_peak_mb": build["tree_peak_pss_mb"],
        "parse_only_mb_s": _mb_s(parse["raw_bytes"], parse["seconds"]),
        "parse_share_of_build": parse["seconds"] / build["seconds"],
    }
    targets = {
        "mb_s": {
            "target": f">= {TARGET_MB_S:g} MB/s",
            "value": mb_s,
            "verdict": _verdict(mb_s >= TARGET_MB_S),
        },
        "peak_memory": {
            "target": f"< {TARGET_PEAK_MB:g} MB",
            "value": build["tree_peak_pss_mb"],
            "verdict": _verdict(build["tree_peak_pss_mb"] < TARGET_PEAK_MB),
        },
    }
    if route is not None and route.get("segments", {}).get("rows") not in (None, build["segments"]):
        print(
            f"warning: datasets route wrote {route['segments']['rows']} segments, callcorpus "
            f"{build['segments']}",
            file=sys.stderr,
        )
    if route is not None and "segments" in route:
        seg = route["segments"]["seconds"]
        figures["datasets_segments_mb_s"] = _mb_s(route["raw_bytes"], seg)
        figures["ratio_vs_segments_route"] = mb_s / figures["datasets_segments_mb_s"]
        # Both routes share the parse, so the build can never beat the datasets route by more than this.
        figures["ratio_ceiling_at_zero_write_cost"] = seg / parse["seconds"]
        if "transcripts" in route:
            both = seg + route["transcripts"]["seconds"]
            figures["datasets_both_mb_s"] = _mb_s(route["raw_bytes"], both)
            figures["ratio_vs_both_route"] = mb_s / figures["datasets_both_mb_s"]
        # The headline ratio compares like with like: the route that writes the configs the build writes.
        same = "both" if "ratio_vs_both_route" in figures else "segments"
        ratio = figures[f"ratio_vs_{same}_route"]
        targets["ratio"] = {
            "target": f">= {TARGET_RATIO:g}x datasets ({'both configs' if same == 'both' else 'segments'})",
            "value": ratio,
            "verdict": _verdict(ratio >= TARGET_RATIO),
        }
    return {"figures": figures, "targets": targets}


def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(
        c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    ).rstrip()


def _memory_cells(result: dict[str, Any]) -> list[str]:
    child = result["largest_child_maxrss_mb"]
    return [
        f"{result['tree_peak_pss_mb']:.0f}",
        f"{result['parent_maxrss_mb']:.0f}",
        f"{child:.0f}" if child else "-",
    ]


def _table_rows(
    build: dict[str, Any], parse: dict[str, Any], route: dict[str, Any] | None
) -> list[list[str]]:
    """Rows: the build, the parse alone, each datasets config and the whole datasets route."""
    raw = build["raw_bytes"]
    secs = build["seconds"]
    rows = [
        [
            "callcorpus build: 3 configs x 3 formats + MT, validated",
            f"{secs:.2f}",
            f"{_mb_s(raw, secs):.2f}",
            f"{build['segments'] / secs:,.0f}",
            *_memory_cells(build),
        ],
        [
            "  of which the parse alone (rows built, dropped)",
            f"{parse['seconds']:.2f}",
            f"{_mb_s(raw, parse['seconds']):.2f}",
            f"{parse['segments'] / parse['seconds']:,.0f}",
            *_memory_cells(parse),
        ],
    ]
    if route is None:
        return rows
    configs = [c for c in ("segments", "transcripts") if c in route]
    for config in configs:
        secs = route[config]["seconds"]
        per_s = f"{route[config]['rows'] / secs:,.0f}" if config == "segments" else "-"
        rows.append(
            [f"datasets: {config} -> parquet + jsonl", f"{secs:.2f}", f"{_mb_s(raw, secs):.2f}", per_s]
        )
        rows[-1] += ["", "", ""]
    total = sum(route[c]["seconds"] for c in configs)
    label = f"datasets route total ({' + '.join(configs)})"
    rows.append([label, f"{total:.2f}", f"{_mb_s(raw, total):.2f}", "-", *_memory_cells(route)])
    return rows


def render_table(report: dict[str, Any]) -> str:
    """The compact, human-readable results."""
    build, route, summary = report["callcorpus"], report.get("datasets"), report["summary"]
    head = ["route", "seconds", "raw MB/s", "segments/s", "tree peak MB", "main MB", "worker MB"]
    rows = _table_rows(build, report["parse_only"], route)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    m, params = report["machine"], report["params"]
    lines = [
        f"machine: {m['cpu_count']} CPUs ({m['cpu_model']}, {m['machine']}), {m['ram_gib']} GiB RAM, "
        f"Python {m['python']}, pyarrow {m['pyarrow']}, datasets {m['datasets']}",
        f"corpus:  {build['num_transcripts']} transcripts, {build['num_turns']:,} turns, "
        f"{build['segments']:,} segments, {build['raw_bytes'] / 1e6:.2f} MB raw; "
        f"build workers={params['jobs']}, datasets num_proc={params['datasets_num_proc']}",
        "",
        _row(head, widths),
        _row(["-" * w for w in widths], widths),
        *(_row(r, widths) for r in rows),
        "",
        "tree peak MB: sampled peak of the summed Pss of the process and all its workers;",
        "main MB / worker MB: exact ru_maxrss of the main process and of its largest worker.",
    ]
    figures = summary["figures"]
    if "ratio_vs_segments_route" in figures:
        both = figures.get("ratio_vs_both_route")
        lines.append(
            f"callcorpus MB/s / datasets MB/s: {figures['ratio_vs_segments_route']:.2f}x vs the "
            "segments-only route" + (f", {both:.2f}x vs the segments + transcripts route" if both else "")
        )
        lines.append(
            f"ceiling of that ratio while both routes share the parse (datasets segments time / parse time): "
            f"{figures['ratio_ceiling_at_zero_write_cost']:.2f}x"
        )
    lines.append("targets:")
    for name, target in summary["targets"].items():
        lines.append(f"  {name:<12} {target['target']:<32} got {target['value']:9.2f}  {target['verdict']}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


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
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def child_main(mode: str, params: dict[str, Any]) -> None:
    """Entry point of a benchmark child: run one measurement and print its JSON on the last line."""
    sys.path.insert(0, str(REPO))
    children = {
        "build": child_build,
        "parse": child_parse,
        "datasets": child_datasets,
        "profile": child_profile,
    }
    result = children[mode](params)
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> None:
    """Generate, measure both routes, print and save the results."""
    args = parse_args(argv)
    if args.child:
        child_main(args.child, json.loads(args.params))
        return
    jobs = args.jobs or os.cpu_count() or 1
    num_proc = args.datasets_num_proc or jobs
    raw, work = args.out.resolve(), args.out.resolve().parent
    print(f"generating {args.transcripts} transcripts into {raw} ...", file=sys.stderr)
    started = time.perf_counter()
    files, raw_bytes = generate_corpus(raw, args.transcripts)
    print(
        f"  {files} files, {raw_bytes / 1e6:.2f} MB in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )

    if args.profile:
        stats = work / "profile.pstats"
        print("profiling callcorpus build (workers=1) ...", file=sys.stderr)
        run = run_child("profile", {"raw": str(raw), "dist": str(work / "dist"), "stats": str(stats)})
        print(
            f"profiled build: {run['raw_bytes'] / 1e6:.2f} MB raw, {run['segments']:,} segments in "
            f"{run['seconds']:.2f} s under cProfile (stats in {stats})"
        )
        print_profile(stats)
        return

    print(f"timing callcorpus build (workers={jobs}) ...", file=sys.stderr)
    build = run_child("build", {"raw": str(raw), "dist": str(work / "dist"), "jobs": jobs})
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
    report: dict[str, Any] = {
        "params": {
            "transcripts": args.transcripts,
            "out": str(raw),
            "jobs": jobs,
            "datasets_num_proc": None if route is None else num_proc,
            "skip_datasets": args.skip_datasets,
        },
        "machine": machine_info(),
        "callcorpus": build,
        "parse_only": parse,
        "datasets": route,
        "summary": summarize(build, parse, route),
    }
    print(render_table(report))
    results = work / "results.json"
    results.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results written to {results}", file=sys.stderr)


if __name__ == "__main__":
    main()
