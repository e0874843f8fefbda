"""A careless maintainer cannot hurt the corpus: each slip is refused in one line or made right."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RAW, ROOT, reseal

from builder.build.cache import RESULT
from builder.build.executor import SerialExecutor
from builder.check.validate import check_release
from builder.check.verify import verify_release
from builder.cli import cli
from builder.errors import BuildFailed
from builder.formats.compression import open_read, open_write
from builder.formats.layout import shard_path
from builder.release.build import BuildSummary, build_release
from builder.release.records import ReleaseRecord, parse_record, render_record
from builder.release.versions import list_releases
from builder.schema.files import schema_version

SCRIPT = Path(sys.executable).parent / "callcorpus"


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


# a. `build` with a new version is a release, under the same rules


@pytest.fixture
def project(raw_copy: Path, tmp_path: Path) -> Path:
    """A repository's root with raw/ and its first release (cut with `release`)."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    (root / "raw").symlink_to(raw_copy)
    with contextlib.chdir(root):
        cut = CliRunner().invoke(cli, ["release", "--new", "--jobs", "1"])
    assert cut.exit_code == 0, cut.output
    return root


def _in(root: Path, *args: str) -> tuple[int, str]:
    with contextlib.chdir(root):
        result = CliRunner().invoke(cli, [*args, "--jobs", "1"])
    return result.exit_code, result.output


def test_build_with_a_new_version_follows_the_rules_of_release(project: Path, raw_copy: Path) -> None:
    for command in ["build", "release"]:
        code, output = _in(project, command, "--version", "1.0.1")
        assert code == 1 and _errors(output) == [
            "error: nothing changed in the data or the build settings since 1.0.0: no new release is "
            "needed (if the card or metadata changed, `callcorpus build --version 1.0.0` tells whether "
            "it still rebuilds to its bytes; if not, cut `--version 1.0.1` with --notes)"
        ], command
    code, output = _in(project, "build", "--version", "97.0.0")
    assert code == 1 and "nothing changed" in output
    assert list_releases(project / "dist") == ["1.0.0"]

    stem = raw_copy / "stem-2024-q4.txt"
    stem.write_text(stem.read_text("utf-8").replace("Greetings", "Greetings and welcome", 1), "utf-8")
    code, output = _in(project, "build", "--version", "97.0.0")
    assert code == 1 and _errors(output) == [
        "error: version 97.0.0 skips versions after 1.0.0: give the next one at the level the changes "
        "need (1.0.1, 1.1.0, 2.0.0)"
    ]
    code, output = _in(project, "build", "--version", "1.0.1")
    assert code == 0, output
    assert "changes since 1.0.0: patch" in output and "updated" in output
    changelog = (project / "CHANGELOG.md").read_text("utf-8")
    assert "## 1.0.1 — " in changelog and "Transcripts changed (1): `STEM-2024Q4`" in changelog
    assert "version: 1.0.1" in (project / "CITATION.cff").read_text("utf-8")
    assert (project / "release-notes" / "1.0.1.md").is_file()


# b. copies and ids that differ only in case


def test_a_copy_of_a_raw_file_is_refused_naming_both(raw_copy: Path, tmp_path: Path) -> None:
    shutil.copy(raw_copy / "stem-2024-q4.txt", raw_copy / "stem-again.txt")
    code, output = _in(tmp_path, "build", "--raw", str(raw_copy), "--dist", "dist", "--new")
    raw = raw_copy.as_posix()
    assert code == 1 and _errors(output)[1:] == [
        f"error: {raw}/stem-again.txt: the same bytes as {raw}/stem-2024-q4.txt (a copy?): remove one, "
        f'or leave it out with `exclude = "reason"` in {raw}/manifest.toml'
    ]
    assert not (tmp_path / "dist").exists()


def test_ids_that_differ_only_in_case_are_refused(raw_copy: Path, tmp_path: Path) -> None:
    """A copy of the Stem call without its manifest entry gets the id stem-2024Q4: its page
    would overwrite STEM-2024Q4's on a case-insensitive file system."""
    copy = raw_copy / "sub" / "stem.txt"
    copy.parent.mkdir()
    copy.write_bytes((raw_copy / "stem-2024-q4.txt").read_bytes() + b"\n")
    with pytest.raises(BuildFailed) as caught:
        build_release(raw_copy, tmp_path / "dist", "1.0.0", SerialExecutor())
    raw = raw_copy.as_posix()
    assert caught.value.errors == [
        f"{raw}/sub/stem.txt: transcript id stem-2024Q4 is already used by STEM-2024Q4, which differs "
        f"only in case, of {raw}/stem-2024-q4.txt (the same call twice? set ticker/fiscal period in "
        f"{raw}/manifest.toml)"
    ]


# e. a failed build leaves nothing: no folder it created, no cache entry


def test_a_failed_new_build_removes_the_folders_it_created(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    dist = tmp_path / "a" / "b" / "dist"
    code, _ = _in(tmp_path, "build", "--raw", str(raw), "--dist", str(dist), "--new")
    assert code == 1 and not (tmp_path / "a").exists()
    existing = tmp_path / "kept"
    existing.mkdir()
    code, _ = _in(tmp_path, "build", "--raw", str(raw), "--dist", str(existing), "--new")
    assert code == 1 and existing.is_dir() and list(existing.iterdir()) == []  # not ours to remove


def test_a_failed_shard_is_not_kept_in_the_cache(raw_copy: Path, tmp_path: Path) -> None:
    (raw_copy / "empty.txt").write_bytes(b"")
    cache = tmp_path / "cache"
    with pytest.raises(BuildFailed):
        build_release(raw_copy, tmp_path / "dist", "1.0.0", SerialExecutor(), cache=cache)
    assert not list(cache.glob(f"*/{RESULT}"))  # its one shard failed: nothing stored
    (raw_copy / "empty.txt").unlink()
    build_release(raw_copy, tmp_path / "dist", "1.0.0", SerialExecutor(), cache=cache)
    assert len(list(cache.glob(f"*/{RESULT}"))) == 1


# f. a reproduction elsewhere: the newest release rebuilt in a fresh clone without its folder


def test_release_records_read_back_what_they_say(tmp_path: Path) -> None:
    record = ReleaseRecord("2026-12-02", 'Notes with "quotes", \\ and\n\n- a list', ("a b.txt", 'x"y.txt'))
    path = tmp_path / "9.9.9.md"
    path.write_text(render_record(record), encoding="utf-8")
    assert parse_record(path) == record
    path.write_text("+++\ndate = 2026-12-02\n+++\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"9\.9\.9\.md: `date` must be the release date"):
        parse_record(path)


def test_every_committed_release_has_its_record() -> None:
    for version in list_releases(ROOT / "dist"):
        manifest = json.loads((ROOT / "dist" / version / "manifest.json").read_text("utf-8"))
        record = parse_record(ROOT / "release-notes" / f"{version}.md")
        assert record.date == manifest["date_released"], version
        assert record.notes == (manifest.get("changes") or {}).get("notes"), version
        assert record.skipped == tuple(sorted(s["name"] for s in manifest.get("skipped", []))), version


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_fresh_clone_without_the_newest_release_rebuilds_it_to_the_committed_bytes(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    newest = list_releases(ROOT / "dist")[-1]
    built_with = json.loads((ROOT / "dist" / newest / "manifest.json").read_text("utf-8"))["schema_version"]
    if built_with != schema_version():
        pytest.skip(
            f"this code writes schema {schema_version()}, {newest} has {built_with}: a release is pending"
        )
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    if (clone / "dist" / newest / "manifest.json").read_bytes() != (
        ROOT / "dist" / newest / "manifest.json"
    ).read_bytes():
        pytest.skip("the checkout's release differs from its last commit")
    shutil.rmtree(clone / "dist" / newest)
    build = subprocess.run([str(SCRIPT), "build", "--jobs", "2"], cwd=clone, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert _tree(clone / "dist" / newest) == _tree(ROOT / "dist" / newest)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True)
    assert status.stdout == ""  # root files and records regenerated to their committed bytes


def test_notes_that_differ_from_a_releases_record_are_refused(project: Path, raw_copy: Path) -> None:
    notes = project / "notes.md"
    notes.write_text("Why 1.0.1 was cut.\n", encoding="utf-8")
    stem = raw_copy / "stem-2024-q4.txt"
    stem.write_text(stem.read_text("utf-8").replace("Greetings", "Greetings and welcome", 1), "utf-8")
    code, output = _in(project, "release", "--notes", str(notes))
    assert code == 0, output
    shutil.rmtree(project / "dist" / "1.0.1")
    notes.write_text("Other words.\n", encoding="utf-8")
    code, output = _in(project, "release", "--version", "1.0.1", "--notes", str(notes))
    record = (project / "release-notes" / "1.0.1.md").resolve()
    assert code == 1 and _errors(output) == [
        f"error: {record}: release 1.0.1 already has other notes; a release's notes are part of its "
        "bytes: leave out --notes, or cut a new version"
    ]
    code, output = _in(project, "build")  # the record's notes: the same bytes again
    assert code == 0 and "Why 1.0.1 was cut." in (project / "dist" / "1.0.1" / "manifest.json").read_text()


# g. hashes rewritten around a changed file; no untrue follow-ups


def _change_a_segment(release: Path) -> None:
    jsonl = release / shard_path("segments", "jsonl", "train", 0, 1)
    with open_read(jsonl) as file:
        lines = file.read().splitlines()
    lines[1] = lines[1].replace(b"Thank", b"Thank", 1).replace(b'"zh":"', b'"zh":"X', 1)
    with open_write(jsonl) as file:
        file.write(b"\n".join(lines) + b"\n")


def test_verify_finds_a_changed_file_whose_manifest_hashes_were_rewritten(
    seed_release: BuildSummary, tmp_path: Path
) -> None:
    copy = tmp_path / "1.0.0"
    shutil.copytree(seed_release.path, copy)
    _change_a_segment(copy)
    croissant = (copy / "croissant.json").read_bytes()
    reseal(copy)
    (copy / "croissant.json").write_bytes(croissant)  # only manifest.json and SHA256SUMS rewritten
    reseal_sums_only(copy)
    jsonl = shard_path("segments", "jsonl", "train", 0, 1)
    assert verify_release(copy) == [
        f"{jsonl}: size or SHA-256 does not match croissant.json (file changed or damaged)"
    ]
    assert check_release(copy)[0] == verify_release(copy)[0]


def reseal_sums_only(release: Path) -> None:
    """Rewrite manifest.json and SHA256SUMS over the files as they are, croissant.json left."""
    from dataclasses import replace

    from builder.cards.description import list_files, load_description
    from builder.cards.manifest import read_manifest, write_manifest

    files = tuple(f for f in list_files(release) if f.path not in ("manifest.json", "SHA256SUMS"))
    write_manifest(
        release, replace(load_description(release), files=files), read_manifest(release)["changes"]
    )


def test_validate_reports_no_follow_up_that_is_not_true(seed_release: BuildSummary, tmp_path: Path) -> None:
    copy = tmp_path / "1.0.0"
    shutil.copytree(seed_release.path, copy)
    _change_a_segment(copy)
    reseal(copy)  # every hash rewritten: validate reads the data
    assert check_release(copy) == ["segments: row 2 differs between Parquet, JSONL and Arrow"]


# k. the command line itself


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_help_texts_render_in_a_terminal(command: str | None) -> None:
    result = CliRunner().invoke(cli, [*([command] if command else []), "--help"])
    assert result.exit_code == 0
    assert "``" not in result.output and "\b" not in result.output


def test_usage_errors_are_one_line_with_exit_code_2() -> None:
    for args, message in [
        (["build", "--bogus"], "error: No such option '--bogus'"),
        (["build", "--jobs", "0"], "error: Invalid value for '--jobs' / '-j'"),
        (["nonsense"], "error: No such command 'nonsense'"),
        (["verify"], "error: Missing argument 'RELEASE'"),
    ]:
        done = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True)
        assert done.returncode == 2, args
        assert done.stdout == "" and done.stderr.count("\n") == 1 and done.stderr.startswith(message), args


def test_the_packages_version_before_a_command_is_an_error_not_a_no_op() -> None:
    done = subprocess.run([str(SCRIPT), "--version", "2.2.0", "build"], capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: --version before a command prints the package's version")
    assert done.stderr.count("\n") == 1
    alone = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True)
    assert alone.returncode == 0 and alone.stdout.startswith("callcorpus, version ")


def test_the_diff_of_a_release_with_itself_says_nothing_changed(seed_release: BuildSummary) -> None:
    result = CliRunner().invoke(cli, ["diff", str(seed_release.path), str(seed_release.path)])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "callcorpus 1.0.0 → 1.0.0: no change to the data or the schema"


def test_raw_files_are_named_from_one_base_in_build_check_and_manifest(tmp_path: Path) -> None:
    """Build, check and the manifest name a file as the user reaches it: raw/bad/empty.txt."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "bad").mkdir()
    (raw / "bad" / "empty.txt").write_bytes(b"")
    code, built = _in(tmp_path, "build", "--raw", "raw", "--dist", "dist", "--new")
    code_check, checked = _in(tmp_path, "check", "raw/bad/empty.txt")
    assert code == code_check == 1
    assert "error: raw/bad/empty.txt: file is empty" in built
    assert "error: raw/bad/empty.txt: file is empty" in checked
    (raw / "manifest.toml").write_text('[files."bad/empty.txt"]\ncall_date = "2024-02-31"\n', "utf-8")
    code, output = _in(tmp_path, "build", "--raw", "raw", "--dist", "dist", "--new")
    assert code == 1 and _errors(output) == [
        "error: raw/manifest.toml: [files.\"bad/empty.txt\"] call_date: '2024-02-31' is not a date "
        "that exists"
    ]
