"""The shard cache: a cached build gives the bytes of a fresh one, and rebuilds only what changed."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from builder.build.cache import ShardCache
from builder.build.executor import SerialExecutor
from builder.build.shard import ShardJob
from builder.check.verify import verify_release
from builder.errors import BuildFailed
from builder.formats.checksum import sha256_file
from builder.release.build import BuildSummary, build_release


def _files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def _same(a: Path, b: Path) -> bool:
    return _files(a) == _files(b) and all(filecmp.cmp(a / f, b / f, shallow=False) for f in _files(a))


pytestmark = pytest.mark.usefixtures("small_shards")  # one call per shard: three shards


def _build(raw: Path, dist: Path, cache: Path | None) -> BuildSummary:
    return build_release(raw, dist, "1.0.0", SerialExecutor(), cache=cache)


def test_cold_warm_and_uncached_builds_give_the_same_bytes(raw_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = _build(raw_copy, tmp_path / "a", None)
    cold = _build(raw_copy, tmp_path / "b", cache)
    warm = _build(raw_copy, tmp_path / "c", cache)
    assert (fresh.reused_shards, cold.reused_shards, warm.reused_shards) == (0, 0, 3)
    assert _same(fresh.path, cold.path) and _same(fresh.path, warm.path)
    assert warm.num_rows == fresh.num_rows and warm.flags == fresh.flags
    assert sum(warm.stage_seconds.values()) == 0  # nothing was processed
    assert all((entry / "hashes.json").is_file() for entry in cache.iterdir())  # not hashed again
    assert verify_release(warm.path) == []  # the recorded hashes are those of the files


def test_editing_one_call_rebuilds_its_shard_only(raw_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(raw_copy, tmp_path / "before", cache)
    stem = raw_copy / "stem-2024-q4.txt"
    stem.write_text(stem.read_text("utf-8").replace("Greetings", "Hello", 1), "utf-8")
    edited = _build(raw_copy, tmp_path / "cached", cache)
    assert edited.reused_shards == 2
    assert _same(edited.path, _build(raw_copy, tmp_path / "fresh", None).path)


def test_a_manifest_change_is_a_change_of_input(raw_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(raw_copy, tmp_path / "before", cache)
    manifest = raw_copy / "manifest.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('"STEM"', '"STM"'), "utf-8")
    assert _build(raw_copy, tmp_path / "after", cache).reused_shards == 2


def test_an_incomplete_entry_is_rebuilt_and_unused_entries_pruned(raw_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(raw_copy, tmp_path / "first", cache)
    entries = sorted(cache.iterdir())
    assert len(entries) == 3
    next(entries[0].rglob("*.parquet")).unlink()
    (cache / "stale-entry").mkdir()
    again = _build(raw_copy, tmp_path / "second", cache)
    assert again.reused_shards == 2
    assert sorted(cache.iterdir()) == entries  # the broken entry stored anew, the stale one gone
    assert _same(again.path, _build(raw_copy, tmp_path / "fresh", None).path)


def test_the_key_names_everything_the_bytes_depend_on(raw_copy: Path, tmp_path: Path) -> None:
    cache = ShardCache(tmp_path / "cache")
    names = ("stem-2024-q4.txt",)
    sha = {names[0]: sha256_file(raw_copy / names[0])}
    job = ShardJob(0, 1, raw_copy, tmp_path / "out", names, {})
    key = cache.key(job, "sig", sha)
    assert cache.key(job, "sig", sha) == key
    assert cache.key(job, "other signature", sha) != key
    assert cache.key(ShardJob(3, 7, raw_copy, tmp_path / "out", names, {}), "sig", sha) == key  # moved only
    assert (
        cache.key(ShardJob(0, 1, raw_copy, tmp_path / "out", names, {names[0]: {"ticker": "X"}}), "sig", sha)
        != key
    )
    assert cache.key(job, "sig", {names[0]: sha256_file(raw_copy / "rekor-systems-2021-q3.txt")}) != key


def test_calls_added_after_a_shard_leave_it_restored_under_its_new_name(
    raw_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    _build(raw_copy, tmp_path / "before", cache)
    stem = (raw_copy / "stem-2024-q4.txt").read_bytes() + b"\n"  # another call: not the same bytes
    (raw_copy / "zz-stem-copy.txt").write_bytes(stem)  # sorts last: a fourth shard
    with (raw_copy / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write('\n[files."zz-stem-copy.txt"]\nticker = "STEM2"\n')
    added = _build(raw_copy, tmp_path / "added", cache)
    assert (added.num_shards, added.reused_shards) == (4, 3)  # only the new call was built
    assert _same(added.path, _build(raw_copy, tmp_path / "fresh", None).path)


def test_a_skip_bad_build_keeps_its_bad_shards_restored_with_their_errors(
    raw_copy: Path, tmp_path: Path
) -> None:
    """A ``--skip-bad`` build keeps its shards with bad files, so the next one does not
    process them again; without ``--skip-bad``, the restored shard fails the build with the
    same errors as a fresh one, and a failed build keeps none (``test_careless``)."""
    (raw_copy / "english.txt").write_bytes(b"Good morning, everyone.\nThank you for joining us.\n")
    cache = tmp_path / "cache"
    options = {"skip_bad": True, "cache": cache}
    cold = build_release(raw_copy, tmp_path / "cold", "1.0.0", SerialExecutor(), **options)
    warm = build_release(raw_copy, tmp_path / "warm", "1.0.0", SerialExecutor(), **options)
    assert (cold.reused_shards, warm.reused_shards) == (0, 4)
    assert warm.skipped == cold.skipped and list(warm.skipped) == ["english.txt"]
    assert _same(cold.path, warm.path)
    errors = []
    for dist, kept in (("fresh", None), ("restored", cache)):
        with pytest.raises(BuildFailed) as failed:
            build_release(raw_copy, tmp_path / dist, "1.0.0", SerialExecutor(), cache=kept)
        errors.append(failed.value.errors)
    assert errors[0] == errors[1] and "english.txt" in errors[0][0]
