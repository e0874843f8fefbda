"""The raw folder: every *.txt read, nothing passed over in silence, nothing outside it read."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RAW

from builder.build.executor import SerialExecutor
from builder.cli import cli
from builder.errors import ValidationFailed
from builder.release.build import build_release
from builder.sources.discover import list_raw


@pytest.fixture
def odd_raw(raw_copy: Path, tmp_path: Path) -> Path:
    """The seeds plus every kind of entry that is not read."""
    shutil.copy(RAW / "stem-2024-q4.txt", raw_copy / "SHOUTING.TXT")
    os.mkfifo(raw_copy / "pipe.txt")
    (raw_copy / "gone.txt").symlink_to(raw_copy / "nowhere.txt")
    (raw_copy / "loop.txt").symlink_to(raw_copy / "loop.txt")
    stored = raw_copy / "store" / "stem.data"  # passed over itself, but read through the link
    stored.parent.mkdir()
    stem = (RAW / "stem-2024-q4.txt").read_text("utf-8")
    stored.write_text(stem.replace("Greetings", "Greetings and welcome", 1), "utf-8")  # not a copy
    (raw_copy / "inside-link.txt").symlink_to(stored)  # a link inside: read
    with (raw_copy / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write('\n[files."inside-link.txt"]\nticker = "STEMX"  # another id than the seed\'s\n')
    (tmp_path / "elsewhere").mkdir()
    (raw_copy / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (raw_copy / "notes.md").write_text("not a transcript, and not named like one", encoding="utf-8")
    return raw_copy


def test_what_is_not_read_is_listed_with_the_reason(odd_raw: Path) -> None:
    listing = list_raw(odd_raw)
    assert listing.names == sorted([*(p.name for p in RAW.glob("*.txt")), "inside-link.txt"])
    assert listing.passed_over == {
        "SHOUTING.TXT": "named .TXT, not .txt: only *.txt files are read",
        "gone.txt": "a broken link",
        "loop.txt": "a link that loops",
        "more/": "a link to a folder (not followed)",
        "notes.md": "not a transcript file: only *.txt files are read",
        "pipe.txt": "not a regular file (a FIFO, socket or device)",
        "store/stem.data": "not a transcript file: only *.txt files are read",
    }


def test_a_link_outside_the_raw_folder_is_refused(raw_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    shutil.copy(RAW / "stem-2024-q4.txt", secret)
    (raw_copy / "sneaky.txt").symlink_to(secret)
    with pytest.raises(ValidationFailed) as refused:
        list_raw(raw_copy)
    assert refused.value.problems == [
        f"{raw_copy.as_posix()}/sneaky.txt: a link to {secret.resolve()}, outside the raw folder "
        f"{raw_copy.resolve()}; raw files must lie inside it"
    ]
    result = CliRunner().invoke(
        cli, ["build", "--raw", str(raw_copy), "--dist", str(tmp_path / "dist"), "--new"]
    )
    assert result.exit_code == 1 and result.output.startswith(
        f"error: {raw_copy.as_posix()}/sneaky.txt: a link"
    )
    assert not (tmp_path / "dist").exists()


def test_a_build_reports_what_it_passed_over(odd_raw: Path, tmp_path: Path) -> None:
    summary = build_release(odd_raw, tmp_path / "dist", "1.0.0", SerialExecutor())
    assert summary.num_transcripts == 4 and set(summary.passed_over) == {  # the inside link is read
        "SHOUTING.TXT",
        "gone.txt",
        "loop.txt",
        "more/",
        "notes.md",
        "pipe.txt",
        "store/stem.data",
    }
    args = ["build", "--raw", str(odd_raw), "--dist", str(tmp_path / "dist2"), "--no-cache", "--new"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    pipe = (odd_raw / "pipe.txt").as_posix()
    assert f"passed over: {pipe} (not a regular file (a FIFO, socket or device))" in result.output


@pytest.mark.parametrize("name", ["page.html", "tool.py", "tickers.csv", "STEM.TXT", "sub/manifest.toml"])
def test_every_other_file_in_the_raw_folder_is_named_in_the_summary(
    raw_copy: Path, tmp_path: Path, name: str
) -> None:
    """Only the project's own files at the top of raw/ (its manifest, a README) pass unnamed."""
    (raw_copy / name).parent.mkdir(exist_ok=True)
    (raw_copy / name).write_text("ticker,name\nSTEM,Stem\n", encoding="utf-8")
    (raw_copy / "README.md").write_text("What raw/ holds.\n", encoding="utf-8")
    args = ["build", "--raw", "raw", "--dist", "dist", "--jobs", "1", "--no-cache", "--new"]
    (tmp_path / "work").mkdir()
    with contextlib.chdir(tmp_path / "work"):
        os.symlink(raw_copy, "raw")
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    passed = [line for line in result.output.splitlines() if line.startswith("passed over:")]
    reason = "named .TXT, not .txt" if name.endswith(".TXT") else "not a transcript file"
    assert len(passed) == 1 and passed[0].startswith(f"passed over: raw/{name} ({reason}")
