"""The shard plan: calls added anywhere in the sorted list leave every earlier shard's bytes alone."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from conftest import RAW

from builder.build.executor import SerialExecutor
from builder.release.build import build_release
from builder.release.plan import plan_shards, release_shards


def test_a_first_plan_slices_the_sorted_names() -> None:
    assert plan_shards(["c", "a", "b", "e", "d"], 2) == [("a", "b"), ("c", "d"), ("e",)]


def test_a_later_plan_keeps_the_shards_and_appends_new_names() -> None:
    previous = [("a", "c"), ("e", "g"), ("i",)]
    names = ["a", "b", "c", "d", "g", "h", "i", "j", "k"]  # e removed; b, d, h, j, k new
    assert plan_shards(names, 2, previous) == [("a", "c"), ("g",), ("i", "b"), ("d", "h"), ("j", "k")]


def test_a_plan_without_survivors_starts_afresh() -> None:
    assert plan_shards(["x", "y"], 2, [("a",), ("b",)]) == [("x", "y")]


def _stem_copy(raw: Path, name: str, ticker: str) -> None:
    """The Stem seed as another call (its own ticker, and bytes: a copy of a file is refused)."""
    (raw / name).write_bytes((RAW / "stem-2024-q4.txt").read_bytes() + b"\n")
    with (raw / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(f'\n[files."{name}"]\nticker = "{ticker}"\n')


def test_a_call_added_in_the_middle_leaves_every_shard_before_it(
    small_shards: int, raw_copy: Path, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    first = build_release(raw_copy, dist, "1.0.0", SerialExecutor())
    before = release_shards(first.path)
    _stem_copy(raw_copy, "m-added-in-the-middle.txt", "MID")  # sorts between rekor and stem
    second = build_release(raw_copy, dist, "1.1.0", SerialExecutor())
    after = release_shards(second.path)
    assert before is not None and after == [*before, ("m-added-in-the-middle.txt",)]
    for index in range(3):  # each old shard: same bytes, renamed to …-of-00004
        old = first.path / f"data/segments/train-{index:05d}-of-00003.parquet"
        new = second.path / f"data/segments/train-{index:05d}-of-00004.parquet"
        assert filecmp.cmp(old, new, shallow=False)
    rebuilt = build_release(raw_copy, dist, "1.1.0", SerialExecutor())  # its own shards again
    assert rebuilt.unchanged


@pytest.mark.parametrize("cached", [False, True])  # files compared by hash, or linked from the cache
def test_the_diff_reads_only_what_changed_and_finds_the_same(
    small_shards: int, raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached: bool
) -> None:
    from builder.release import diff, rowdiff

    dist, cache = tmp_path / "dist", (tmp_path / "cache" if cached else None)
    build_release(raw_copy, dist, "1.0.0", SerialExecutor(), cache=cache)
    _stem_copy(raw_copy, "m-added-in-the-middle.txt", "MID")
    rekor = raw_copy / "rekor-systems-2021-q3.txt"
    rekor.write_text(rekor.read_text("utf-8").replace("Good afternoon", "Good evening", 1), "utf-8")
    build_release(raw_copy, dist, "1.1.0", SerialExecutor(), cache=cache)
    read: list[Path] = []
    real = rowdiff.jsonl_lines
    monkeypatch.setattr(rowdiff, "jsonl_lines", lambda path: read.append(path) or real(path))
    quick = diff.diff_releases(dist / "1.0.0", dist / "1.1.0", "1.0.0", "1.1.0")
    assert len(read) == 2 * 3  # per config: rekor's old and new shard (the added call is not compared)

    def every_file(old: Path, new: Path, config: str) -> tuple[dict[str, Path], dict[str, Path]]:
        files = [{rowdiff.stem_of(p): p for p in rowdiff.shard_files(r, config, "jsonl")} for r in (old, new)]
        return files[0], files[1]

    monkeypatch.setattr(rowdiff, "_kept_files", every_file)
    full = diff.diff_releases(dist / "1.0.0", dist / "1.1.0", "1.0.0", "1.1.0")
    assert quick == full and len(read) > 2 * 3 * 2
    assert quick.added == ["MID-2024Q4"] and [c.transcript_id for c in quick.changed] == ["REKR-2021Q3"]
