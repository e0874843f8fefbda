"""The CLI as users run it: the installed ``callcorpus`` script, one-line errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RAW

from builder.cli import cli

SCRIPT = Path(sys.executable).parent / "callcorpus"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script."""
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"callcorpus {command}" in result.output


def test_build_then_validate_from_a_project_folder(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "raw").symlink_to(RAW)
    built = run("build", "--new", cwd=project)
    assert built.returncode == 0, built.stderr
    assert "3 transcripts, 167 speaker turns, 434 segments" in built.stdout
    assert "warnings by kind: number_mismatch 1, stray_fragment 4" in built.stdout
    checked = run("validate", "dist/1.0.0", cwd=project)
    assert checked.returncode == 0 and "valid" in checked.stdout
    again = run("build", cwd=project)
    assert again.returncode == 0 and "unchanged (identical bytes)" in again.stdout


def test_build_errors_are_one_line_each_without_traceback(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_bytes(b"\xff\xfe")
    (raw / "b.txt").write_text("Just English.\nMore English.\n", encoding="utf-8")
    result = run("build", "--raw", "raw", "--dist", "dist", "--new", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors[1:] == [  # named as the user reaches them, as `check` names them
        "error: raw/a.txt, line 1: is not UTF-8 (byte 0xff)",
        "error: raw/b.txt: matches no known layout (expected English paragraphs each followed by a "
        "Chinese translation, plain or as '•' / indented lines: not a transcript?)",
    ]
    assert not (tmp_path / "dist").exists()  # the folder --new created is gone with the failure
    checked = run("check", "raw/a.txt", cwd=tmp_path)
    assert "error: raw/a.txt, line 1: is not UTF-8 (byte 0xff)" in checked.stderr


@pytest.mark.slow
def test_user_mistakes_exit_non_zero_with_one_line(tmp_path: Path) -> None:
    missing = run("build", "--raw", str(tmp_path / "nope"), "--dist", str(tmp_path / "d"), "--new")
    assert missing.returncode == 1 and missing.stderr.strip().endswith("raw folder not found")
    version = run("build", "--version", "one", "--dist", str(tmp_path / "d"), "--new", cwd=RAW.parent)
    assert version.returncode == 1 and "not of the form X.Y.Z" in version.stderr
    not_release = run("validate", str(tmp_path))
    assert not_release.returncode == 1
    assert not_release.stderr.strip() == f"error: {tmp_path}: no README.md (not a release folder?)"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    check = run("check", str(bad))
    assert check.returncode == 1 and check.stderr.strip() == f"error: {bad}: file is empty"


def test_check_describes_a_raw_file() -> None:
    result = run("check", str(RAW / "crexendo-cxdo-2023-q2.txt"))
    assert result.returncode == 0
    assert "CXDO-2023Q2 (bulleted layout), Crexendo, 2023 Q2" in result.stdout
    assert "participant Michael D. Kaufman, MK Investments" in result.stdout
    with_manifest = run("check", "raw/stem-2024-q4.txt", cwd=RAW.parent)
    assert "STEM-2024Q4 (plain layout), Stem, 2024 Q4" in with_manifest.stdout


def test_unwritable_dist_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "dist"
    blocker.write_text("a file where the dist folder should be", encoding="utf-8")
    result = run("build", "--raw", str(RAW), "--dist", str(blocker), "--new")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    last = result.stderr.splitlines()[-1]  # after the progress bar's label
    assert last == f"error: {blocker}: cannot write a release there (File exists)"


@pytest.mark.slow
def test_release_verify_and_diff_from_a_project_folder(raw_copy: Path) -> None:
    project = raw_copy.parent
    (project / ".git").mkdir()  # a repository: its root files are regenerated
    first = run("release", "--new", cwd=project)
    assert first.returncode == 0, first.stderr
    assert "built dist/1.0.0" in first.stdout and "updated" in first.stdout
    assert (project / "CHANGELOG.md").read_text("utf-8").count("## 1.0.0 — 2026-11-26") == 1
    assert run("build", cwd=project).stdout.startswith("unchanged (identical bytes) dist/1.0.0")

    text = (raw_copy / "stem-2024-q4.txt").read_text("utf-8")
    (raw_copy / "stem-2024-q4.txt").write_text(text.replace("Greetings", "Hello", 1), "utf-8")
    refused = run("build", cwd=project)
    assert refused.returncode == 1 and "already exists with different bytes" in refused.stderr
    understated = run("release", "--version", "1.0.0", cwd=project)
    assert understated.returncode == 1 and "dist/1.0.0 is already released" in understated.stderr
    second = run("release", cwd=project)
    assert second.returncode == 0, second.stderr
    assert "built dist/1.0.1" in second.stdout and "1 transcript(s) changed" in second.stdout
    assert "## 1.0.1" in (project / "CHANGELOG.md").read_text("utf-8")

    verified = run("verify", "dist/1.0.1", cwd=project)
    assert verified.returncode == 0 and "intact" in verified.stdout
    (project / "dist/1.0.1/README.md").write_text("tampered", "utf-8")
    broken = run("verify", "dist/1.0.1", cwd=project)
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert "error: README.md: SHA-256 does not match SHA256SUMS" in broken.stderr

    diffed = run("diff", "dist/1.0.0", "dist/1.0.1", cwd=project)
    assert "~ STEM-2024Q4: fields" in diffed.stdout and "needs a patch version bump" in diffed.stdout
    as_json = run("diff", "dist/1.0.0", "dist/1.0.1", "--json", cwd=project)
    assert '"required_bump": "patch"' in as_json.stdout
    assert run("verify", "nowhere", cwd=project).stderr == "error: nowhere: no such release folder\n"


def test_docs_without_the_docs_extra_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mkdocs", None)  # as if the docs extra were not installed
    result = CliRunner().invoke(cli, ["docs", "--out", str(tmp_path / "docs")])
    assert result.exit_code == 1
    assert result.output.startswith("error: building the site needs the `docs` extra (mkdocs not installed)")
    assert "Traceback" not in result.output and not (tmp_path / "docs").exists()


def test_a_missing_raw_folder_is_one_line_before_any_progress(tmp_path: Path) -> None:
    result = run("build", "--raw", str(tmp_path / "nope"), "--dist", str(tmp_path / "dist"), "--new")
    assert result.returncode == 1
    assert result.stderr == f"error: {tmp_path / 'nope'}: raw folder not found\n"


def test_a_terminal_sees_progress_file_by_file(tmp_path: Path) -> None:
    import os
    import pty

    main, secondary = pty.openpty()
    args = [str(SCRIPT), "build", "--raw", str(RAW), "--dist", str(tmp_path / "dist"), "--jobs", "1", "--new"]
    build = subprocess.run(args, stdout=subprocess.PIPE, stderr=secondary, timeout=300, check=False)
    os.close(secondary)
    shown = b""
    while chunk := _read_available(main):
        shown += chunk
    os.close(main)
    assert build.returncode == 0
    assert b"building" in shown and b"3/3" in shown and b"files/s" in shown


def _read_available(fd: int) -> bytes:
    import os
    import select

    try:
        return os.read(fd, 65536) if select.select([fd], [], [], 0.2)[0] else b""
    except OSError:  # EIO: the terminal's other side is closed, everything was read
        return b""


def test_control_characters_in_names_and_text_are_shown_escaped(tmp_path: Path) -> None:
    bad = tmp_path / "evil\x1b[31mred\x07.txt"
    bad.write_text("<html>\n<body>\n</body>\n</html>\n", encoding="utf-8")
    lines = (RAW / "crexendo-cxdo-2023-q2.txt").read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace("Crexendo", "Crex\u202eendo\x07", 1)
    good = tmp_path / "title.txt"
    good.write_text("\n".join(lines), encoding="utf-8")
    result = run("check", str(bad), str(good))
    assert result.returncode == 1
    assert f"error: {tmp_path}/evil\\x1b[31mred\\x07.txt: looks like HTML or XML" in result.stderr
    assert "\x1b" not in result.stderr + result.stdout and "\x07" not in result.stdout
    assert "Crex\\u202eendo\\x07" in result.stdout and "\u202e" not in result.stdout


def test_a_dist_typo_is_refused_and_writes_nothing(raw_copy: Path) -> None:
    project = raw_copy.parent
    (project / ".git").mkdir()
    run("release", "--new", cwd=project)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    for command in ("build", "release"):
        typo = run(command, "--dist", "dsit", cwd=project)
        assert typo.returncode == 1
        assert (
            typo.stderr
            == "error: dsit: no such releases folder (a typo? to start a new corpus there, add --new)\n"
        )
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_root_files_are_regenerated_only_at_a_repositorys_root(raw_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "dist"
    result = run("release", "--raw", str(raw_copy), "--dist", str(elsewhere), "--new")
    assert result.returncode == 0, result.stderr
    assert (
        f"root files and release record not written: {elsewhere.parent} is not a repository's root (no .git)"
        in result.stdout
    )
    assert sorted(p.name for p in elsewhere.parent.iterdir()) == [".callcorpus-cache", "dist"]
