"""Releases as users meet them: real datasets, pandas, polars and DuckDB; atomic and immutable builds."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import datasets
import duckdb
import orjson
import pandas as pd
import polars as pl
import pytest
from conftest import RAW, SEEDS, reseal

import builder.release.build as release_module
from builder.build.executor import ProcessExecutor, SerialExecutor
from builder.check.validate import check_release, read_card
from builder.errors import BuildFailed, CallcorpusError, ManifestError, ReleaseExists
from builder.formats.compression import open_read, open_write
from builder.formats.layout import shard_path
from builder.release.build import BuildSummary, build_release


def _hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_seed_release_counts(seed_release: BuildSummary) -> None:
    assert seed_release.num_transcripts == 3
    assert seed_release.num_turns == 167
    assert seed_release.num_rows == {"segments": 434, "transcripts": 3, "sentences": 1108, "qa": 16}
    assert seed_release.path.name == "1.0.0"


def test_load_dataset_loads_both_configs_offline(seed_release: BuildSummary) -> None:
    path = str(seed_release.path)
    segments = datasets.load_dataset(path, "segments", split="train")
    transcripts = datasets.load_dataset(path, "transcripts", split="train")
    assert len(segments) == 434 and len(transcripts) == 3
    assert segments.features["translation"] == datasets.Translation(languages=["en", "zh"])
    assert segments[0]["translation"]["zh"].startswith("問候")
    assert sorted(transcripts["transcript_id"]) == sorted(SEEDS.values())
    default = datasets.load_dataset(path, split="train")  # the default config is segments
    assert default.column_names == segments.column_names


def test_pandas_polars_duckdb_read_the_parquet(seed_release: BuildSummary) -> None:
    data = seed_release.path / "data"
    frame = pd.read_parquet(data / "segments")
    assert len(frame) == 434
    assert set(frame["speaker_role"]) == {"operator", "corporate", "participant"}
    # A nullable integer stays integer in pandas (Int64 with <NA>), not float.
    assert str(frame["exchange"].dtype) == "Int64" and frame["exchange"].isna().any()
    assert frame.groupby("transcript_id")["exchange"].max().to_dict() == {
        "CXDO-2023Q2": 7,
        "REKR-2021Q3": 3,
        "STEM-2024Q4": 6,
    }
    assert (
        str(
            pd.read_feather(seed_release.path / shard_path("segments", "arrow", "train", 0, 1))[
                "exchange"
            ].dtype
        )
        == "Int64"
    )
    polars_frame = pl.read_parquet(data / "transcripts" / "*.parquet")
    assert polars_frame["num_segments"].sum() == 434
    arrow_frame = pl.read_ipc(seed_release.path / shard_path("segments", "arrow", "train", 0, 1))
    assert arrow_frame.height == 434
    counts = duckdb.sql(
        f"SELECT transcript_id, count(*) FROM '{data}/segments/*.parquet' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert counts == [("CXDO-2023Q2", 126), ("REKR-2021Q3", 116), ("STEM-2024Q4", 192)]
    zh = duckdb.sql(f"SELECT translation.zh FROM '{data}/segments/*.parquet' LIMIT 1").fetchall()
    assert "Crexendo" in zh[0][0]


def test_release_is_valid_and_card_follows_hub_conventions(seed_release: BuildSummary) -> None:
    assert check_release(seed_release.path) == []
    card = read_card(seed_release.path)
    assert [c for c in card["configs"] if c.get("default")] == [card["configs"][0]]
    assert card["configs"][0]["config_name"] == "segments"
    for config in card["configs"]:
        assert all(
            f["path"].startswith("data/") and f["path"].endswith(".parquet") for f in config["data_files"]
        )
    for info in card["dataset_info"]:
        assert {"num_bytes", "num_examples"} <= set(info["splits"][0])
    assert card["language"] == ["en", "zh"]
    text = (seed_release.path / "README.md").read_text(encoding="utf-8")
    for section in (
        "## Configs",
        "## Loading",
        "## Fields",
        "## Machine translation caveat",
        "## Licensing",
        "## Citation",
    ):
        assert section in text


def _jsonl(release: Path, config: str) -> Path:
    return release / shard_path(config, "jsonl", "train", 0, 1)


def test_jsonl_keeps_chinese_unescaped(seed_release: BuildSummary) -> None:
    with open_read(_jsonl(seed_release.path, "segments")) as lines:
        first = next(lines)
    assert "問候".encode() in first and b"\\u" not in first


def test_validate_reports_tampered_files(seed_release: BuildSummary, tmp_path: Path) -> None:
    copy = tmp_path / "1.0.0"
    shutil.copytree(seed_release.path, copy)
    jsonl = _jsonl(copy, "segments")
    with open_read(jsonl) as file:
        lines = file.read().splitlines()
    row = orjson.loads(lines[5])
    row["translation"]["zh"] = "改過的"
    lines[5] = orjson.dumps(row)
    with open_write(jsonl) as file:
        file.write(b"\n".join(lines) + b"\n")
    card = copy / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("num_examples: 3\n", "num_examples: 4\n"))
    reseal(copy)
    problems = check_release(copy)
    assert "segments: row 6 differs between Parquet, JSONL and Arrow" in problems
    assert "card: transcripts num_examples is 4, the files hold 3 rows" in problems


def test_two_builds_are_byte_identical_whatever_the_workers(
    raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(release_module, "TRANSCRIPTS_PER_SHARD", 1)  # three shards
    one = build_release(raw_copy, tmp_path / "a", "1.0.0", executor=SerialExecutor())
    two = build_release(raw_copy, tmp_path / "b", "1.0.0", executor=ProcessExecutor(2))
    assert _hashes(one.path) == _hashes(two.path)
    assert len(list((one.path / "data/segments").glob("*.parquet"))) == 3
    assert check_release(two.path) == []
    assert len(datasets.load_dataset(str(two.path), "segments", split="train")) == 434


def test_failed_build_leaves_no_release_and_reports_every_bad_file(raw_copy: Path, tmp_path: Path) -> None:
    (raw_copy / "empty.txt").write_bytes(b"")
    (raw_copy / "nul.txt").write_bytes(b"Operator\nOperator\nHi.\n\x00")
    dist = tmp_path / "dist"
    with pytest.raises(BuildFailed) as caught:
        build_release(raw_copy, dist, "1.0.0", executor=SerialExecutor())
    assert caught.value.errors == [  # each file named as every message names it: under --raw
        f"{raw_copy.as_posix()}/empty.txt: file is empty",
        f"{raw_copy.as_posix()}/nul.txt, line 4: contains a NUL byte (binary or UTF-16 file?)",
    ]
    assert not dist.exists()  # nor the folder the build created


@pytest.mark.parametrize("cached", [False, True])
def test_a_copy_is_refused_before_any_file_error_with_or_without_a_cache(
    raw_copy: Path, tmp_path: Path, cached: bool
) -> None:
    """Without a cache the shards hash what they read and copies are refused once they are done;
    with one, the files are hashed first: the same errors either way, and no release."""
    shutil.copy(raw_copy / "stem-2024-q4.txt", raw_copy / "stem-again.txt")
    (raw_copy / "empty.txt").write_bytes(b"")
    dist, cache = tmp_path / "dist", (tmp_path / "cache" if cached else None)
    with pytest.raises(BuildFailed) as caught:
        build_release(raw_copy, dist, "1.0.0", executor=SerialExecutor(), cache=cache)
    raw = raw_copy.as_posix()
    assert caught.value.errors == [
        f"{raw}/stem-again.txt: the same bytes as {raw}/stem-2024-q4.txt (a copy?): "
        f'remove one, or leave it out with `exclude = "reason"` in {raw_copy / "manifest.toml"}'
    ]
    assert not dist.exists()


def test_existing_release_is_never_overwritten(raw_copy: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    first = build_release(raw_copy, dist, "1.0.0", executor=SerialExecutor())
    before = _hashes(first.path)
    again = build_release(raw_copy, dist, "1.0.0", executor=SerialExecutor())
    assert again.unchanged and _hashes(first.path) == before
    path = raw_copy / "stem-2024-q4.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Greetings", "Hello"), encoding="utf-8")
    with pytest.raises(ReleaseExists):
        build_release(raw_copy, dist, "1.0.0", executor=SerialExecutor())
    assert _hashes(first.path) == before
    assert sorted(p.name for p in dist.iterdir()) == ["1.0.0"]


def test_manifest_overrides_with_provenance_and_yaml_safe_tickers(raw_copy: Path, tmp_path: Path) -> None:
    (raw_copy / "manifest.toml").write_text(
        '[files."stem-2024-q4.txt"]\nticker = "ON"\ncall_date = "2025-03-05"\n'
        '[files."rekor-systems-2021-q3.txt"]\nexclude = "testing exclusion"\n',
        encoding="utf-8",
    )
    summary = build_release(raw_copy, tmp_path / "dist", "1.0.0", executor=SerialExecutor())
    assert summary.excluded == {"rekor-systems-2021-q3.txt": "testing exclusion"}
    assert summary.num_transcripts == 2
    rows = pd.read_parquet(summary.path / "data/transcripts").set_index("transcript_id")
    assert rows.loc["ON-2024Q4", "ticker"] == "ON"
    assert rows.loc["ON-2024Q4", "call_date"] == "2025-03-05"
    assert rows.loc["ON-2024Q4", "provenance"]["ticker"] == {"source": "manifest", "line": None}
    # The ticker ON stays a string in every format, JSONL included.
    with open_read(_jsonl(summary.path, "transcripts")) as file:
        jsonl = file.read()
    assert b'"ticker":"ON"' in jsonl


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ('[files."nope.txt"]\nticker = "X"\n', "names files that are not in"),
        ('[files."stem-2024-q4.txt"]\nticker = "on"\n', '[files."stem-2024-q4.txt"] ticker'),
        ('[files."stem-2024-q4.txt"]\nfiscal_quarter = 5\n', "fiscal_quarter"),
        ("[files\n", "not valid TOML"),
        ('[files."stem-2024-q4.txt"]\nfiscal_year = 2024.0\n', "fiscal_year: 2024.0 is not an integer"),
        ('[files."stem-2024-q4.txt"]\ncompany = " "\n', '[files."stem-2024-q4.txt"] company'),
    ],
)
def test_bad_manifest_is_a_clear_error(raw_copy: Path, tmp_path: Path, manifest: str, message: str) -> None:
    (raw_copy / "manifest.toml").write_text(manifest, encoding="utf-8")
    with pytest.raises(ManifestError, match=re.escape(message)):
        build_release(raw_copy, tmp_path / "dist", "1.0.0", executor=SerialExecutor())
    assert not (tmp_path / "dist").exists() or list((tmp_path / "dist").iterdir()) == []


def test_a_manifest_naming_thousands_of_missing_files_gets_a_short_message(
    raw_copy: Path, tmp_path: Path
) -> None:
    entries = "".join(f'[files."gone-{k:05d}.txt"]\nticker = "X"\n' for k in range(3000))
    (raw_copy / "manifest.toml").write_text(entries, encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        build_release(raw_copy, tmp_path / "dist", "1.0.0", executor=SerialExecutor())
    message = str(caught.value)
    assert "'gone-00000.txt', " in message and message.endswith("… and 2,990 more")
    assert "gone-00010.txt" not in message and len(message) < 600 and "\n" not in message


def test_bad_version_and_missing_raw_are_errors(tmp_path: Path) -> None:
    with pytest.raises(CallcorpusError, match=r"X\.Y\.Z"):
        build_release(RAW, tmp_path, "1.0")
    with pytest.raises(CallcorpusError, match="raw folder not found"):
        build_release(tmp_path / "missing", tmp_path, "1.0.0")


def test_the_same_call_twice_is_an_error_naming_both_files(raw_copy: Path, tmp_path: Path) -> None:
    crexendo = (raw_copy / "crexendo-cxdo-2023-q2.txt").read_bytes()
    (raw_copy / "crexendo-again.txt").write_bytes(crexendo + b"\n")  # not a copy of the bytes
    with pytest.raises(BuildFailed) as caught:
        build_release(raw_copy, tmp_path / "dist", "1.0.0", executor=SerialExecutor())
    raw = raw_copy.as_posix()
    assert caught.value.errors == [
        f"{raw}/crexendo-cxdo-2023-q2.txt: transcript id CXDO-2023Q2 is already used by CXDO-2023Q2 "
        f"of {raw}/crexendo-again.txt (the same call twice? set ticker/fiscal period in {raw}/manifest.toml)"
    ]


def test_card_documents_every_field_of_every_config(seed_release: BuildSummary) -> None:
    from builder.schema.files import config_names, load_schema

    text = (seed_release.path / "README.md").read_text(encoding="utf-8")
    for config in config_names():
        for name in load_schema(config)["properties"]:
            assert f"| `{name}` |" in text, f"{config}.{name} missing from the card"


def test_card_names_the_engines_the_sources_state(raw_copy: Path, tmp_path: Path) -> None:
    path = raw_copy / "stem-2024-q4.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Google", "DeepL", 1), encoding="utf-8")
    summary = build_release(raw_copy, tmp_path / "dist", "1.0.0", executor=SerialExecutor())
    card = (summary.path / "README.md").read_text(encoding="utf-8")
    assert "name them: DeepL (1 call), Google Translate (2 calls);" in card


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("---\nconfigs: 3\n---\n", "card: `configs` should be a list of mappings, found int"),
        ("---\nconfigs: [3]\n---\n", "card: `configs` should be a list of mappings, found list"),
        ("---\nconfigs: []\n", "README.md's YAML header is not closed by a '---' line"),
    ],
)
def test_validate_reports_a_malformed_card(
    seed_release: BuildSummary, tmp_path: Path, header: str, problem: str
) -> None:
    copy = tmp_path / "1.0.0"
    shutil.copytree(seed_release.path, copy)
    (copy / "README.md").write_text(header + "# card\n", encoding="utf-8")
    reseal(copy)
    assert any(problem in line for line in check_release(copy))


def test_validate_names_a_damaged_file_and_nothing_it_causes(
    seed_release: BuildSummary, tmp_path: Path
) -> None:
    copy = tmp_path / "1.0.0"
    shutil.copytree(seed_release.path, copy)
    path = copy / "data" / "segments" / "train-00000-of-00001.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte
    path.write_bytes(bytes(data))
    damaged = "data/segments/train-00000-of-00001.parquet"
    assert check_release(copy) == [
        f"{damaged}: SHA-256 does not match SHA256SUMS (file changed or damaged)",
        f"{damaged}: SHA-256 does not match manifest.json",
        f"{damaged}: size or SHA-256 does not match croissant.json (file changed or damaged)",
        "the other checks were not run: restore the files above first",
    ]
