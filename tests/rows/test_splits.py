"""Splits by call: each call's split comes from its transcript id alone, is the same in every
config, never changes between releases, and each split's files are numbered as the Hub names
them."""

from __future__ import annotations

from pathlib import Path

import datasets
import duckdb
import orjson
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import write_many_calls

from builder.build.executor import SerialExecutor
from builder.check.validate import check_release
from builder.formats.layout import FORMATS, shard_files, split_of_file
from builder.formats.read import jsonl_lines
from builder.release.build import build_release
from builder.release.plan import release_shards
from builder.rows.splits import SPLITS, split_of
from builder.schema.files import config_names

#: Shards of five calls: some shards then have no validation or test call.
FIVE_PER_SHARD = pytest.mark.parametrize("small_shards", [5], indirect=True)


def _splits_of_calls(release: Path, config: str) -> dict[str, str]:
    """transcript id → the split whose files hold the call's rows in ``config``."""
    found: dict[str, str] = {}
    for path in shard_files(release, config):
        split = split_of_file(path.name) or ""
        for tid in pq.read_table(path, columns=["transcript_id"])["transcript_id"].to_pylist():
            assert found.setdefault(tid, split) == split, (tid, config)
    return found


def test_the_rule_is_a_fixed_function_of_the_id() -> None:
    assert split_of("REKR-2021Q3") == split_of("REKR-2021Q3") == "train"
    counts = {split: 0 for split in SPLITS}
    for i in range(10_000):
        counts[split_of(f"CALL{i}-2024Q1")] += 1
    assert 8_800 < counts["train"] < 9_200 and 400 < counts["validation"] < 600 and 400 < counts["test"] < 600


@pytest.mark.slow
@FIVE_PER_SHARD
def test_splits_are_stable_when_calls_are_added(small_shards: int, tmp_path: Path) -> None:
    raw, dist = write_many_calls(tmp_path / "raw", 16), tmp_path / "dist"
    first = build_release(raw, dist, "1.0.0", SerialExecutor())
    before = _splits_of_calls(first.path, "transcripts")
    assert set(before.values()) == set(SPLITS)  # calls 10 and 14 hash to validation and test
    for config in ("segments", "sentences"):
        assert set(_splits_of_calls(first.path, config).items()) <= set(before.items())
    assert all(split_of(tid) == split for tid, split in before.items())
    # Each split's files numbered within the split: the one validation file comes from shard 2.
    names = sorted(p.name for p in shard_files(first.path, "segments"))
    assert "validation-00000-of-00001.parquet" in names and "train-00003-of-00004.parquet" in names
    assert check_release(first.path) == []

    write_many_calls(tmp_path / "raw", 32)
    second = build_release(raw, dist, "1.1.0", SerialExecutor())
    after = _splits_of_calls(second.path, "transcripts")
    assert {tid: after[tid] for tid in before} == before  # no call moved
    plan_before, plan_after = release_shards(first.path), release_shards(second.path)
    assert plan_before is not None and plan_after is not None
    assert plan_after[: len(plan_before) - 1] == plan_before[:-1]  # old shards kept
    assert build_release(raw, dist, "1.1.0", SerialExecutor()).unchanged  # its recorded plan again


@FIVE_PER_SHARD
def test_datasets_loads_every_split(small_shards: int, tmp_path: Path) -> None:
    raw, dist = write_many_calls(tmp_path / "raw", 16), tmp_path / "dist"
    release = build_release(raw, dist, "1.0.0", SerialExecutor()).path
    loaded = datasets.load_dataset(str(release), "transcripts", cache_dir=str(tmp_path / "hf"))
    assert {name: len(split) for name, split in loaded.items()} == {"train": 14, "validation": 1, "test": 1}
    segments = datasets.load_dataset(str(release), "segments", split="test", cache_dir=str(tmp_path / "hf"))
    assert set(segments["transcript_id"]) == {
        t for t, s in _splits_of_calls(release, "transcripts").items() if s == "test"
    }


@FIVE_PER_SHARD
def test_croissant_gives_each_row_its_split(small_shards: int, tmp_path: Path) -> None:
    import mlcroissant as mlc

    raw, dist = write_many_calls(tmp_path / "raw", 16), tmp_path / "dist"
    release = build_release(raw, dist, "1.0.0", SerialExecutor()).path
    dataset = mlc.Dataset(jsonld=str(release / "croissant.json"))

    def text(value: bytes | str) -> str:
        return value.decode() if isinstance(value, bytes) else value

    found = {
        text(row["transcripts/transcript_id"]): text(row["transcripts/split"])
        for row in dataset.records(record_set="transcripts")
    }
    assert found == _splits_of_calls(release, "transcripts")
    assert sorted(text(r["splits/name"]) for r in dataset.records(record_set="splits")) == sorted(SPLITS)


@pytest.fixture(scope="module")
def three_splits(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release of 16 calls in shards of five, with calls in every split."""
    base = tmp_path_factory.mktemp("splits")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("builder.release.build.TRANSCRIPTS_PER_SHARD", 5)
        raw = write_many_calls(base / "raw", 16)
        return build_release(raw, base / "dist", "3.0.0", SerialExecutor()).path


def test_every_config_has_a_split_column_that_agrees_with_its_file(three_splits: Path) -> None:
    for config in config_names():
        seen = set()
        for fmt in FORMATS:
            for path in shard_files(three_splits, config, fmt):
                split = split_of_file(path.name)
                values = {row["split"] for row in _rows(path, fmt)}
                assert values <= {split}, (config, path.name, values)
                seen.add(split)
        assert seen == set(SPLITS), config


def _rows(path: Path, fmt: str) -> list[dict]:
    if fmt == "parquet":
        return pq.read_table(path, columns=["split"]).to_pylist()
    if fmt == "arrow":
        with pa.ipc.open_file(path) as reader:
            return reader.read_all().select(["split"]).to_pylist()
    return [orjson.loads(line) for line in jsonl_lines(path)]


def test_every_config_and_split_loads_with_datasets(three_splits: Path, tmp_path: Path) -> None:
    for config in config_names():
        loaded = datasets.load_dataset(str(three_splits), config, cache_dir=str(tmp_path / "hf"))
        assert set(loaded) == set(SPLITS), config
        for split, rows in loaded.items():
            assert len(rows) and set(rows["split"]) == {split}, (config, split)


def test_pandas_polars_duckdb_read_one_split_as_the_card_shows(three_splits: Path) -> None:
    data = three_splits / "data"
    train = pq.read_table(data / "segments", filters=[("split", "==", "train")]).num_rows
    everything = sum(pq.read_metadata(p).num_rows for p in (data / "segments").glob("*.parquet"))
    assert 0 < train < everything
    frame = pd.read_parquet(data / "segments", filters=[("split", "==", "train")])
    assert len(frame) == train and set(frame["split"]) == {"train"}
    qa = pl.read_parquet(data / "qa" / "train-*.parquet")
    assert set(qa["split"]) == {"train"} and qa.height > 0
    counts = duckdb.sql(f"SELECT count(*) FROM '{data}/segments/train-*.parquet'").fetchall()
    assert counts == [(train,)]
    card = (three_splits / "README.md").read_text(encoding="utf-8")
    join = card.split("-- DuckDB: each answer paragraph", 1)[1].split("\n", 1)[1].split("```", 1)[0]
    answers = duckdb.sql(join.replace("dist/3.0.0/", f"{three_splits}/")).fetchall()
    assert len(answers) == sum(len(ids) for ids in qa["answer_segments"].to_list())
