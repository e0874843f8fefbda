"""Bad raw files: by default the build fails naming every one; ``--skip-bad`` sets them aside, on record."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.build.executor import SerialExecutor
from builder.check.validate import check_release
from builder.check.verify import verify_release
from builder.cli import cli
from builder.errors import BuildFailed
from builder.release.build import BuildSummary, build_release

HTML = b"<html><head><title>Q3 call</title></head>\n<body><p>Welcome.</p></body></html>\n"
ENGLISH_ONLY = b"Good morning, everyone.\nThank you for joining us today.\n"


@pytest.fixture
def raw_with_junk(raw_copy: Path) -> Path:
    (raw_copy / "junk").mkdir()
    (raw_copy / "junk" / "page.txt").write_bytes(HTML)
    (raw_copy / "english.txt").write_bytes(ENGLISH_ONLY)
    return raw_copy


def test_by_default_every_bad_file_is_named_and_nothing_is_written(
    raw_with_junk: Path, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    with pytest.raises(BuildFailed) as failed:
        build_release(raw_with_junk, dist, "1.0.0", SerialExecutor())
    names = [(raw_with_junk / name).as_posix() for name in ["english.txt", "junk/page.txt"]]
    assert [e.split(":")[0] for e in failed.value.errors] == names
    assert not dist.exists()  # no release, no temporary folder, not even the folder it created


def test_skip_bad_builds_without_them_and_records_each(
    raw_with_junk: Path, tmp_path: Path, seed_release: BuildSummary
) -> None:
    summary = build_release(raw_with_junk, tmp_path / "dist", "1.0.0", SerialExecutor(), skip_bad=True)
    assert summary.num_rows == seed_release.num_rows
    assert sorted(summary.skipped) == ["english.txt", "junk/page.txt"]
    manifest = json.loads((summary.path / "manifest.json").read_text("utf-8"))
    skipped = {entry["name"]: entry for entry in manifest["skipped"]}
    assert skipped["junk/page.txt"]["sha256"] == hashlib.sha256(HTML).hexdigest()
    assert "matches no known layout" in skipped["english.txt"]["reason"]
    assert {s["name"] for s in manifest["sources"]}.isdisjoint(skipped)
    card = (summary.path / "README.md").read_text("utf-8")
    assert "2 raw files were set aside as unreadable or refused (`--skip-bad`)" in card
    assert verify_release(summary.path) == [] and check_release(summary.path) == []


def test_a_release_without_bad_files_says_nothing_of_them(seed_release: BuildSummary) -> None:
    manifest = json.loads((seed_release.path / "manifest.json").read_text("utf-8"))
    assert "skipped" not in manifest and seed_release.skipped == {}
    assert "set aside" not in (seed_release.path / "README.md").read_text("utf-8")


def test_skip_bad_with_nothing_good_left_fails(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.txt").write_bytes(HTML)
    with pytest.raises(BuildFailed, match="every raw file was set aside"):
        build_release(raw, tmp_path / "dist", "1.0.0", SerialExecutor(), skip_bad=True)
    assert not (tmp_path / "dist").exists()


def test_the_cli_lists_what_it_set_aside(raw_with_junk: Path, tmp_path: Path) -> None:
    args = ["build", "--raw", str(raw_with_junk), "--dist", str(tmp_path / "dist"), "--jobs", "1", "--new"]
    strict = CliRunner().invoke(cli, args)
    page = (raw_with_junk / "junk" / "page.txt").as_posix()
    assert strict.exit_code == 1 and f"error: {page}: looks like HTML or XML" in strict.output
    lenient = CliRunner().invoke(cli, [*args, "--skip-bad"])
    assert lenient.exit_code == 0, lenient.output
    assert f"set aside: {page}: looks like HTML or XML (2 of 2 lines" in lenient.output


def test_the_next_build_of_a_skip_bad_release_remembers_what_it_set_aside(
    raw_with_junk: Path, tmp_path: Path
) -> None:
    """The README's plain `callcorpus build` rebuilds a --skip-bad release (and only its own bad
    files may fail again); its changelog entry names them, and so does its release record."""
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)  # a repository's root: the changelog is regenerated
    (project / "raw").symlink_to(raw_with_junk)
    runner = CliRunner()
    with contextlib.chdir(project):
        cut = runner.invoke(cli, ["release", "--new", "--skip-bad", "--jobs", "1"])
        assert cut.exit_code == 0, cut.output
        again = runner.invoke(cli, ["build", "--jobs", "1"])
        assert again.exit_code == 0, again.output
        assert "unchanged (identical bytes) dist/1.0.0" in again.output
        assert "set aside: raw/junk/page.txt: looks like HTML" in again.output
        (raw_with_junk / "junk" / "other.txt").write_bytes(HTML.replace(b"Q3", b"Q4"))
        newly_bad = runner.invoke(cli, ["build", "--jobs", "1"])
        assert newly_bad.exit_code == 1 and "error: raw/junk/other.txt: looks like HTML" in newly_bad.output
    entry = "- Raw files set aside as unreadable or refused (2): `english.txt`, `junk/page.txt`"
    assert entry in (project / "CHANGELOG.md").read_text("utf-8")
    assert entry in (project / "dist" / "1.0.0" / "README.md").read_text("utf-8")
    record = (project / "release-notes" / "1.0.0.md").read_text("utf-8")
    assert 'skipped = ["english.txt", "junk/page.txt"]' in record
