"""The raw folder: every *.txt read, nothing passed over in silence, nothing outside it read."""

from __future__ import annotations

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
    (raw_copy / "inside-link.txt").symlink_to(raw_copy / "stem-2024-q4.txt")  # a link inside: read
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
        "pipe.txt": "not a regular file (a FIFO, socket or device)",
    }


def test_a_link_outside_the_raw_folder_is_refused(raw_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    shutil.copy(RAW / "stem-2024-q4.txt", secret)
    (raw_copy / "sneaky.txt").symlink_to(secret)
    with pytest.raises(ValidationFailed) as refused:
        list_raw(raw_copy)
    assert refused.value.problems == [
        f"sneaky.txt: a link to {secret.resolve()}, outside the raw folder {raw_copy.resolve()}; "
        "raw files must lie inside it"
    ]
    result = CliRunner().invoke(
        cli, ["build", "--raw", str(raw_copy), "--dist", str(tmp_path / "dist"), "--new"]
    )
    assert result.exit_code == 1 and result.output.startswith("error: sneaky.txt: a link to ")
    assert not (tmp_path / "dist").exists()


def test_a_build_reports_what_it_passed_over(odd_raw: Path, tmp_path: Path) -> None:
    summary = build_release(odd_raw, tmp_path / "dist", "1.0.0", SerialExecutor())
    assert summary.num_transcripts == 4 and set(summary.passed_over) == {  # the inside link is read
        "SHOUTING.TXT",
        "gone.txt",
        "loop.txt",
        "more/",
        "pipe.txt",
    }
    args = ["build", "--raw", str(odd_raw), "--dist", str(tmp_path / "dist2"), "--no-cache", "--new"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "passed over: pipe.txt (not a regular file (a FIFO, socket or device))" in result.output
