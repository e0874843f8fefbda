"""`callcorpus publish` against a real bare repository with real Git LFS on this machine.

Two releases are built from the seeds in a temporary dist (1.0.0, then 1.0.1 with one call
corrected), published in order, refused when republished or older, cloned at each tag, their
data files checked as LFS objects with the release's SHA-256, and every config and split of
each tag loaded with `datasets` from the clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RAW

from builder.build.executor import SerialExecutor
from builder.cards.manifest import read_manifest
from builder.publish.git import Git
from builder.publish.tree import lfs_extensions
from builder.release.build import build_release

SCRIPT = Path(sys.executable).parent / "callcorpus"
TOKEN = "hf_secret_token_4f1c9a"
LFS_POINTER = b"version https://git-lfs.github.com/spec/v1\n"
#: Git LFS's filters given on the command line, so a clone needs no global `git lfs install`.
LFS_CONFIG = [
    "-c",
    "filter.lfs.process=git-lfs filter-process",
    "-c",
    "filter.lfs.smudge=git-lfs smudge -- %f",
    "-c",
    "filter.lfs.clean=git-lfs clean -- %f",
    "-c",
    "filter.lfs.required=true",
]


def git(*args: str, cwd: Path | None = None) -> str:
    """Run git, fail the test on an error."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def publish(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed `callcorpus publish`, with HF_TOKEN set to a secret that must never leak."""
    full_env = {**os.environ, "HF_TOKEN": TOKEN, **(env or {})}
    return subprocess.run(
        [str(SCRIPT), "publish", *args], capture_output=True, text=True, env=full_env, timeout=300
    )


def bare_repo(path: Path) -> str:
    """A new bare repository; its file:// address."""
    git("init", "-q", "--bare", "-b", "main", str(path))
    return path.as_uri()


def remote_state(bare: Path) -> dict[str, bytes]:
    """Every file of a bare repository with its bytes: refs, objects, LFS store."""
    return {str(p.relative_to(bare)): p.read_bytes() for p in sorted(bare.rglob("*")) if p.is_file()}


def refs(bare: Path) -> str:
    """The bare repository's refs, one per line."""
    return git("for-each-ref", "--format=%(refname) %(objectname)", cwd=bare)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1.0.0 from the seeds, then 1.0.1 with one call's English corrected."""
    root = tmp_path_factory.mktemp("publish")
    dist = root / "dist"
    build_release(RAW, dist, "1.0.0", executor=SerialExecutor())
    raw = root / "raw"
    shutil.copytree(RAW, raw)
    seed = raw / "stem-2024-q4.txt"
    text = seed.read_text("utf-8")
    assert "Welcome to our fourth-quarter" in text
    seed.write_text(
        text.replace("Welcome to our fourth-quarter", "Welcome to the fourth-quarter", 1), "utf-8"
    )
    summary = build_release(raw, dist, None, executor=SerialExecutor())
    assert summary.path.name == "1.0.1"
    return dist


@pytest.fixture(scope="module")
def published(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Both releases published in order to one bare repository; the outputs of the two runs."""
    bare = tmp_path_factory.mktemp("remote") / "callcorpus.git"
    url = bare_repo(bare)
    outputs = []
    for version in ("1.0.0", "1.0.1"):
        done = publish(str(dist / version), "--to", url)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout + done.stderr)
    return bare, outputs


def test_two_releases_go_out_in_order_one_commit_and_tag_each(published: tuple[Path, list[str]]) -> None:
    bare, outputs = published
    assert "pushed" in outputs[0] and "tag v1.0.0" in outputs[0]
    tags = git("tag", "--list", cwd=bare).split()
    assert tags == ["v1.0.0", "v1.0.1"]
    main = git("rev-parse", "main", cwd=bare).strip()
    assert main == git("rev-parse", "v1.0.1^{commit}", cwd=bare).strip()
    assert (
        git("rev-parse", "main^", cwd=bare).strip() == git("rev-parse", "v1.0.0^{commit}", cwd=bare).strip()
    )
    assert git("rev-list", "--count", "main", cwd=bare).strip() == "2"
    message = git("log", "-1", "--format=%B", "main", cwd=bare)
    assert message.startswith("callcorpus 1.0.1\n\n## 1.0.1 — ")
    assert "Changes since 1.0.0 (patch changes)" in message and "STEM-2024Q4" in message
    assert "First release." in git("log", "-1", "--format=%B", "v1.0.0", cwd=bare)


@pytest.mark.parametrize("version", ["1.0.0", "1.0.1"])
def test_each_tag_clones_with_lfs_objects_of_the_releases_sha256_and_loads_with_datasets(
    published: tuple[Path, list[str]], dist: Path, tmp_path: Path, version: str
) -> None:
    from datasets import load_dataset

    bare, _ = published
    clone = tmp_path / "clone"
    git(*LFS_CONFIG, "clone", "-q", "--branch", f"v{version}", bare.as_uri(), str(clone))
    manifest = read_manifest(dist / version)
    data = {
        f["path"]: f["sha256"] for f in manifest["files"] if f["path"].rsplit(".", 1)[-1] in lfs_extensions()
    }
    assert any(path.endswith(".parquet") for path in data) and any(path.endswith(".gz") for path in data)
    lfs_files = {}
    for line in git("lfs", "ls-files", "--long", cwd=clone).splitlines():
        oid, _, path = line.split(" ", 2)
        lfs_files[path] = oid
    assert lfs_files == data  # every data file, and only they, is an LFS object with its SHA-256
    for path in data:
        pointer = git("cat-file", "blob", f"HEAD:{path}", cwd=clone).encode()
        assert pointer.startswith(LFS_POINTER)
    assert (clone / ".gitattributes").read_text().startswith("*.arrow filter=lfs")
    for entry in manifest["files"]:  # the checkout holds the release's very bytes
        assert (clone / entry["path"]).stat().st_size == entry["size"]
    checked = subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=clone, capture_output=True)
    assert checked.returncode == 0, checked.stdout
    for config, entry in manifest["configs"].items():
        for split, counts in entry["splits"].items():
            rows = load_dataset(str(clone), config, split=split)
            assert rows.num_rows == counts["num_rows"] > 0


def test_republish_and_older_version_are_refused_and_the_remote_untouched(
    published: tuple[Path, list[str]], dist: Path
) -> None:
    bare, _ = published
    before = remote_state(bare)
    for version in ("1.0.1", "1.0.0"):
        done = publish(str(dist / version), "--to", bare.as_uri())
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {version}: the remote already holds v1.0.1")
    assert remote_state(bare) == before


def test_dry_run_lists_files_sizes_and_tag_and_pushes_nothing(dist: Path, tmp_path: Path) -> None:
    bare = tmp_path / "remote.git"
    url = bare_repo(bare)
    before = remote_state(bare)
    done = publish(str(dist / "1.0.0"), "--to", url, "--dry-run")
    assert done.returncode == 0, done.stderr
    size = (dist / "1.0.0" / "data/segments/train-00000-of-00001.parquet").stat().st_size
    assert f"{size:>14,}  lfs  data/segments/train-00000-of-00001.parquet" in done.stdout
    assert "git  README.md" in done.stdout and "git  .gitattributes" in done.stdout
    assert "branch main, tag v1.0.0" in done.stdout and "nothing pushed" in done.stdout
    assert remote_state(bare) == before


def test_a_failed_push_leaves_the_remote_as_it_was_and_can_be_retried(dist: Path, tmp_path: Path) -> None:
    bare = tmp_path / "remote.git"
    url = bare_repo(bare)
    hook = bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'remote: refusing for the test' >&2\nexit 1\n")
    hook.chmod(0o755)
    failed = publish(str(dist / "1.0.0"), "--to", url)
    assert failed.returncode == 1 and failed.stderr.startswith("error: git push failed")
    assert len(failed.stderr.strip().splitlines()) == 1
    assert refs(bare) == ""
    hook.unlink()
    retried = publish(str(dist / "1.0.0"), "--to", url)
    assert retried.returncode == 0, retried.stderr
    assert "refs/tags/v1.0.0" in refs(bare) and "refs/heads/main" in refs(bare)


def test_the_token_reaches_git_through_the_helper_and_is_never_written(
    published: tuple[Path, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare, outputs = published
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    filled = subprocess.run(
        ["git", "credential", "fill"],
        input="protocol=https\nhost=huggingface.co\n\n",
        env=Git(tmp_path, "HF_TOKEN").env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"password={TOKEN}" in filled.stdout.splitlines()  # the helper does answer with it
    assert all(TOKEN not in output for output in outputs)
    assert all(TOKEN.encode() not in data for data in remote_state(bare).values())
    clone = tmp_path / "clone"
    git(*LFS_CONFIG, "clone", "-q", bare.as_uri(), str(clone))
    written = [p for p in clone.rglob("*") if p.is_file() and TOKEN.encode() in p.read_bytes()]
    assert written == []  # not in the tree, nor in the clone's .git (config, hooks, objects)


def test_bad_input_is_one_error_line_and_nothing_pushed(dist: Path, tmp_path: Path) -> None:
    bare = tmp_path / "remote.git"
    url = bare_repo(bare)
    broken = tmp_path / "broken"
    shutil.copytree(dist / "1.0.0", broken)
    with (broken / "data/segments/train-00000-of-00001.parquet").open("r+b") as file:
        file.write(b"XXXX")
    no_lfs = tmp_path / "bin"
    no_lfs.mkdir()
    (no_lfs / "git").symlink_to(shutil.which("git") or "git")
    cases = [
        ((str(tmp_path), "--to", url), "not a release folder (no manifest.json)"),
        ((str(broken), "--to", url), "does not verify (3 problem(s), first: data/segments/"),
        ((str(dist / "1.0.0"), "--to", "ftp://example.org/x"), "not a remote address git can push to"),
        ((str(dist / "1.0.0"), "--to", "no/such/remote"), "no/such/remote: not a remote address"),
        (
            (str(dist / "1.0.0"), "--to", f"https://user:{TOKEN}@huggingface.co/datasets/o/n"),
            "holds a password",
        ),
        ((str(tmp_path / "site"), "--docs", "--to", url), "not a built site (no index.html"),
    ]
    for args, expected in cases:
        done = publish(*args)
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: ") and expected in done.stderr
        assert TOKEN not in done.stderr
    missing = publish(str(dist / "1.0.0"), "--to", url, env={"PATH": str(no_lfs)})
    assert missing.stderr == "error: Git LFS is not installed (Debian: apt-get install git-lfs)\n"
    no_git = publish(str(dist / "1.0.0"), "--to", url, env={"PATH": str(tmp_path / "empty")})
    assert no_git.stderr == "error: git is not installed (Debian: apt-get install git)\n"
    assert refs(bare) == ""


def test_the_docs_site_goes_to_gh_pages_one_commit_per_change(tmp_path: Path) -> None:
    bare = tmp_path / "remote.git"
    url = bare_repo(bare)
    site = tmp_path / "site"
    (site / "transcripts").mkdir(parents=True)
    (site / "index.html").write_text("<h1>callcorpus</h1>", "utf-8")
    (site / "transcripts" / "STEM-2024Q4.html").write_text("<p>早安</p>", "utf-8")
    first = publish(str(site), "--docs", "--to", url)
    assert first.returncode == 0 and "to gh-pages" in first.stdout, first.stderr
    (site / "index.html").write_text("<h1>callcorpus 1.0.1</h1>", "utf-8")
    assert publish(str(site), "--docs", "--to", url, "--dry-run").stdout.count("git  ") == 3
    assert publish(str(site), "--docs", "--to", url).returncode == 0
    again = publish(str(site), "--docs", "--to", url)
    assert "already holds this tree; nothing pushed" in again.stdout
    assert git("rev-list", "--count", "gh-pages", cwd=bare).strip() == "2"
    assert git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split() == [
        ".nojekyll",
        "index.html",
        "transcripts/STEM-2024Q4.html",
    ]
    assert git("show", "gh-pages:index.html", cwd=bare) == "<h1>callcorpus 1.0.1</h1>"
    assert git("tag", "--list", cwd=bare) == ""
