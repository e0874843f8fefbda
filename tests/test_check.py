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
    assert passed_over == {}
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
    assert set(summary.released_ids) == {str(batch / "a.txt"), str(batch / "b.txt")}


def test_the_cli_checks_a_folder_and_ends_with_the_summary(tmp_path: Path) -> None:
    raw = write_many_calls(tmp_path / "raw", 3)
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


def test_check_shows_the_q_and_a_structure_of_a_seed() -> None:
    result = CliRunner().invoke(cli, ["check", str(RAW / "rekor-systems-2021-q3.txt"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "  segments by section: prepared_remarks 73, qa 41, closing_remarks 2" in lines
    exchange = "  exchange 3: Aditya Dagaonkar (Mike Latimore at Northland Capital, line 274), turns 29-35"
    assert exchange in lines
    assert any("Aditya Dagaonkar, Northland Capital (on behalf of Mike Latimore)" in line for line in lines)
