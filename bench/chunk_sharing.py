"""How many bytes of data chunks two consecutive releases share in chunk-deduplicating storage
(the Hugging Face Hub's Xet storage): the new release's data files cut into content-defined
chunks, and the bytes of those chunks the older release already holds.

The chunker is a gear hash (FastCDC's, as Xet uses) with Xet's sizes: chunks of 64 KiB on
average, 8 KiB at least, 128 KiB at most. It approximates the Hub's own chunking (the same kind
of cut, not its exact gear table), which is enough to compare layouts and writer options.

    # two releases of 300 synthetic calls, the middle call changed (or --change remove: removed)
    .venv/bin/python bench/chunk_sharing.py --calls 300 --out /tmp/bench-chunks --compare-cdc
    # any two release folders, e.g. the committed ones; --compare-cdc adds their Parquet files
    # rewritten with content-defined chunking on and off
    .venv/bin/python bench/chunk_sharing.py --old dist/2.0.0 --new dist/2.0.1 --compare-cdc
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from itertools import pairwise
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # builder importable even when the package is not installed
    sys.path.append(str(REPO))

from corpus import copy_name, generate_corpus, load_seeds, variant  # noqa: E402

from builder.build.executor import ProcessExecutor  # noqa: E402
from builder.formats.parquet import PARQUET_OPTIONS, dictionary_columns  # noqa: E402
from builder.formats.shard_writer import BATCH_ROWS  # noqa: E402
from builder.publish.tree import lfs_extensions  # noqa: E402
from builder.release.build import build_release  # noqa: E402

MIN_CHUNK, MAX_CHUNK = 8 * 1024, 128 * 1024
#: A cut where the hash's top 16 bits are zero: one position in 65,536, chunks of ~64 KiB.
MASK = np.uint64(0xFFFF_0000_0000_0000)
GEAR = np.random.default_rng(2024).integers(0, 2**64, size=256, dtype=np.uint64)


def gear_hashes(data: bytes) -> np.ndarray:
    """The gear hash after every byte: ``h = (h << 1) + GEAR[byte]``, which depends on the last
    64 bytes only, so it is the sum of the 64 shifted gear values (computed for all at once)."""
    gears = GEAR[np.frombuffer(data, dtype=np.uint8)]
    hashes = np.zeros(len(gears), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for shift in range(64):
            hashes[shift:] += gears[: len(gears) - shift] << np.uint64(shift)
    return hashes


def chunks(data: bytes) -> list[bytes]:
    """``data`` cut at content-defined points, within the minimum and maximum sizes."""
    candidates = np.flatnonzero((gear_hashes(data) & MASK) == 0) + 1
    cuts, start = [], 0
    for end in candidates.tolist():
        while end - start > MAX_CHUNK:
            start += MAX_CHUNK
            cuts.append(start)
        if end - start >= MIN_CHUNK:
            cuts.append(end)
            start = end
    while len(data) - start > MAX_CHUNK:
        start += MAX_CHUNK
        cuts.append(start)
    bounds = [0, *cuts, len(data)] if not cuts or cuts[-1] != len(data) else [0, *cuts]
    return [data[a:b] for a, b in pairwise(bounds) if b > a]


def data_files(release: Path, extension: str) -> list[Path]:
    """A release's data files with one last extension."""
    return sorted(p for p in release.rglob(f"*.{extension}") if p.is_file())


def chunk_digests(files: list[Path]) -> dict[bytes, int]:
    """Every chunk of the files: its SHA-256 → its size."""
    found: dict[bytes, int] = {}
    for path in files:
        for chunk in chunks(path.read_bytes()):
            found[hashlib.sha256(chunk).digest()] = len(chunk)
    return found


def sharing(old: Path, new: Path) -> list[tuple[str, int, int, int]]:
    """Per data extension: the new release's bytes, the bytes in files identical to one of the
    old release's, and the bytes in chunks the old release holds."""
    rows = []
    for extension in lfs_extensions():
        new_files = data_files(new, extension)
        if not new_files:
            continue
        old_files = data_files(old, extension)
        old_hashes = {hashlib.sha256(p.read_bytes()).digest() for p in old_files}
        same_files = sum(
            p.stat().st_size for p in new_files if hashlib.sha256(p.read_bytes()).digest() in old_hashes
        )
        old_chunks = chunk_digests(old_files)
        new_chunks = [(hashlib.sha256(c).digest(), len(c)) for p in new_files for c in chunks(p.read_bytes())]
        total = sum(size for _, size in new_chunks)
        shared = sum(size for digest, size in new_chunks if digest in old_chunks)
        rows.append((extension, total, same_files, shared))
    return rows


def rewritten(release: Path, out: Path, cdc: bool) -> Path:
    """The release's Parquet files written again with the build's options, content-defined
    chunking on or off, row groups of ``BATCH_ROWS`` (for a comparison of that one option)."""
    for path in data_files(release, "parquet"):
        table = pq.read_table(path)
        target = out / path.relative_to(release)
        target.parent.mkdir(parents=True, exist_ok=True)
        options = {**PARQUET_OPTIONS, "use_content_defined_chunking": cdc}
        rows = BATCH_ROWS[path.parent.name]
        pq.write_table(
            table, target, row_group_size=rows, use_dictionary=dictionary_columns(table.schema), **options
        )
    return out


def two_releases(base: Path, calls: int, change: str) -> tuple[Path, Path]:
    """Two consecutive releases of ``calls`` synthetic calls: the middle call re-shuffled in
    place (``reshuffle``: a correction that keeps most row counts) or removed (``remove``: the
    rows after it in its shard move up)."""
    raw, dist = base / "raw", base / "dist"
    generate_corpus(raw, calls)
    build_release(raw, dist, "1.0.0", executor=ProcessExecutor(2), cache=None)
    seeds, middle = load_seeds(), calls // 2
    seed = seeds[middle % len(seeds)]
    if change == "remove":
        (raw / copy_name(seed, middle)).unlink()
    else:
        text = variant(seed, middle + len(seeds), f"T{middle:05d}")
        (raw / copy_name(seed, middle)).write_text(text, "utf-8")
    newer = build_release(raw, dist, None, executor=ProcessExecutor(2), cache=None)
    return dist / "1.0.0", newer.path


def main() -> None:
    """Print the table of shared bytes per data extension."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, help="the older release folder")
    parser.add_argument("--new", type=Path, help="the newer release folder")
    parser.add_argument("--calls", type=int, default=300, help="synthetic calls (without --old/--new)")
    parser.add_argument(
        "--change", choices=("reshuffle", "remove"), default="reshuffle", help="the middle call's change"
    )
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-chunks"), help="work folder")
    parser.add_argument(
        "--compare-cdc", action="store_true", help="also the Parquet files rewritten with CDC on and off"
    )
    args = parser.parse_args()
    old, new = (
        (args.old, args.new) if args.old and args.new else two_releases(args.out, args.calls, args.change)
    )
    print(f"{old} → {new}")
    print("| files | bytes in the new release | in identical files | in shared chunks | shared |")
    print("|---|---:|---:|---:|---:|")
    for extension, total, same, shared in sharing(old, new):
        print(f"| `.{extension}` | {total:,} | {same:,} | {shared:,} | {shared / total:.1%} |")
    if args.compare_cdc:
        for cdc in (True, False):
            base = args.out / ("cdc" if cdc else "no-cdc")
            pair = rewritten(old, base / "old", cdc), rewritten(new, base / "new", cdc)
            _, total, same, shared = next(row for row in sharing(*pair) if row[0] == "parquet")
            label = f"`.parquet` rewritten, CDC {'on' if cdc else 'off'}"
            print(f"| {label} | {total:,} | {same:,} | {shared:,} | {shared / total:.1%} |")


if __name__ == "__main__":
    main()
