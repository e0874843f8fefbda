"""``callcorpus check`` on batches: files, folders and globs, in parallel, with a summary."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import RAW, SEEDS, write_many_calls

from builder.build.executor import ProcessExecutor, SerialExecutor
from builder.check.raw import check_files, expand_inputs, summarize
from builder.cli import cli
from builder.release.build import BuildSummary


def test_folders_and_globs_expand_to_their_txt_files(tmp_path: Path) -> None:
    write_many_calls(tmp_path / "in" / "a", 2)
    write_many_calls(tmp_path / "in" / "b", 1)
    (tmp_path / "in" / "b" / "notes.md").write_text("not a transcript", encoding="utf-8")
    folder, passed_over = expand_inputs([str(tmp_path / "in")])
    assert passed_over == {  # a manifest below the folder checked does not apply: named, not read
        str(tmp_path / "in" / name): "not a transcript file: only *.txt files are read"
        for name in ["a/manifest.toml", "b/manifest.toml", "b/notes.md"]
    }
    assert [p.relative_to(tmp_path).as_posix() for p in folder] == [
        f"in/a/c0000-{sorted(SEEDS)[0]}",
        f"in/a/c0001-{sorted(SEEDS)[1]}",
        f"in/b/c0000-{sorted(SEEDS)[0]}",
    ]
    pattern, _ = expand_inputs([str(tmp_path / "in" / "**" / "c0000-*.txt"), str(folder[0])])
    assert pattern == [folder[0], folder[2]]  # a file named twice is checked once


def test_parallel_and_serial_checks_agree(tmp_path: Path) -> None:
    raw = write_many_calls(tmp_path / "raw", 7)
    files, _ = expand_inputs([str(raw)])
    ticks: list[int] = []
    serial = check_files(files, raw, SerialExecutor())
    parallel = check_files(files, raw, ProcessExecutor(2), ticks.append)
    assert parallel == serial and sum(ticks) == 7
    assert [r.row["transcript_id"] for r in parallel if r.row] == [
        f"T{i:04d}-{p}" for i, p in zip(range(7), ["2023Q2", "2021Q3", "2024Q4"] * 3, strict=False)
    ]


def test_the_summary_names_ids_used_twice_or_already_released(
    tmp_path: Path, seed_release: BuildSummary
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(RAW / "crexendo-cxdo-2023-q2.txt", batch / "a.txt")
    shutil.copy(RAW / "crexendo-cxdo-2023-q2.txt", batch / "b.txt")
    (batch / "junk.txt").write_text("<html><body>nothing</body></html>\n", encoding="utf-8")
    results = check_files(expand_inputs([str(batch)])[0], tmp_path / "no-raw")
    summary = summarize(results, seed_release.path.parent)
    assert (summary.files, summary.failed) == (3, 1)
    assert summary.layouts == {"bulleted": 2}
    assert summary.duplicate_ids == {"CXDO-2023Q2": [str(batch / "a.txt"), str(batch / "b.txt")]}
    assert list(summary.copies.values()) == [[str(batch / "a.txt"), str(batch / "b.txt")]]
    assert set(summary.released_ids) == {str(batch / "a.txt"), str(batch / "b.txt")}


def test_the_cli_checks_a_folder_and_ends_with_the_summary(tmp_path: Path) -> None:
    raw = write_many_calls(tmp_path / "raw", 3)
    (tmp_path / "dist").mkdir()
    args = ["check", str(raw), "--raw", str(raw), "--dist", str(tmp_path / "dist"), "--jobs", "2"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "T0001-2021Q3 (plain layout), Rekor Systems, 2021 Q3" in result.output
    assert "checked 3 file(s): 0 failed; layouts: bulleted 1, plain 2" in result.output
    assert (
        "flags by kind: direction_mismatch 1, number_mismatch 1, number_qualifier 2, period_mismatch 1,"
        " range_role_swap 1, stray_fragment 4, term_wrong_sense 22"
    ) in result.output
    twice = CliRunner().invoke(cli, ["check", str(RAW), str(RAW / "stem-2024-q4.txt"), "--jobs", "1"])
    assert twice.exit_code == 0  # the same file named twice is one file
    missing = CliRunner().invoke(cli, ["check", str(tmp_path / "nothing-*.txt")])
    assert missing.exit_code == 1 and "no file matches this pattern" in missing.output


def test_check_refuses_a_typo_in_dist_or_raw_as_build_does(tmp_path: Path) -> None:
    seed = str(RAW / "stem-2024-q4.txt")
    for option in ["--dist", "--raw"]:
        typo = str(tmp_path / "TYPO")
        result = CliRunner().invoke(cli, ["check", seed, option, typo, "--jobs", "1"])
        assert result.exit_code == 1, option
        assert result.output.startswith(f"error: {typo}: ") and "typo" in result.output
        assert result.output.count("\n") == 1


def test_check_shows_the_q_and_a_structure_of_a_seed() -> None:
    result = CliRunner().invoke(cli, ["check", str(RAW / "rekor-systems-2021-q3.txt"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    sections = "opening 2, safe_harbor 3, prepared_remarks 68, qa 41, closing_remarks 2"
    assert f"  segments by section: {sections}" in lines
    exchange = "  exchange 3: Aditya Dagaonkar (Mike Latimore at Northland Capital, line 274), turns 29-35"
    assert exchange in lines
    assert any("Aditya Dagaonkar, Northland Capital (on behalf of Mike Latimore)" in line for line in lines)


def test_check_finds_ids_equal_but_for_case_as_a_build_does(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(RAW / "stem-2024-q4.txt", batch / "stem.txt")  # no manifest: id stem-2024Q4
    text = (RAW / "stem-2024-q4.txt").read_text("utf-8")
    (batch / "upper.txt").write_text(text + "\n", "utf-8")
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "manifest.toml").write_text('[files."upper.txt"]\nticker = "STEM"\n', "utf-8")
    shutil.move(batch / "upper.txt", tmp_path / "raw" / "upper.txt")
    files = [batch / "stem.txt", tmp_path / "raw" / "upper.txt"]
    summary = summarize(check_files(files, tmp_path / "raw"), tmp_path / "no-dist")
    assert summary.duplicate_ids == {"stem-2024Q4": [str(p) for p in files]} and summary.copies == {}
    args = ["check", *map(str, files), "--raw", str(tmp_path / "raw"), "--jobs", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "transcript id stem-2024Q4 used twice in this batch (or but for case)" in result.output


def test_validate_holds_each_calls_segments_and_exchanges_to_its_transcript_row() -> None:
    """A call's `num_segments` and `num_exchanges` against the rows of `segments` and `qa`."""
    from collections import Counter

    from builder.check.validate import _check_links

    counts = {
        "transcripts": Counter({"A-2024Q1": 1, "B-2024Q1": 1}),
        "segments": Counter({"A-2024Q1": 5, "B-2024Q1": 4}),
        "declared_segments": Counter({"A-2024Q1": 5, "B-2024Q1": 4}),
        "qa": Counter({"A-2024Q1": 2}),
        "declared_qa": Counter({"A-2024Q1": 3, "B-2024Q1": 0}),
    }
    assert _check_links(counts) == ["transcript A-2024Q1: num_exchanges is 3, qa config has 2"]
    del counts["qa"]  # the qa rows were not read to the end: nothing is concluded from them
    assert _check_links(counts) == []
