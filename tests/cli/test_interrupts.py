"""Builds stopped from outside: Ctrl-C stops within two seconds, a killed build leaves no orphans,
and the next build removes its litter; concurrent builds never remove each other's folders."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import RAW, write_many_calls

from builder.build.executor import SerialExecutor
from builder.release.build import build_release
from builder.release.workspace import remove_litter, workspace

SCRIPT = Path(sys.executable).parent / "callcorpus"
#: Three shards of 100 calls: long enough to interrupt on two cores.
CALLS = 300


@pytest.fixture(scope="module")
def many_calls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_many_calls(tmp_path_factory.mktemp("many") / "raw", CALLS)


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def reap() -> Iterator[set[int]]:
    """Process ids to kill after the test, so a failing test leaves no orphans behind."""
    pids: set[int] = set()
    yield pids
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _start_build(raw: Path, dist: Path) -> tuple[subprocess.Popen[str], set[int]]:
    """A CLI build over two workers, started in its own session; waits until its workers run."""
    args = [str(SCRIPT), "build", "--raw", str(raw), "--dist", str(dist), "--jobs", "2", "--new"]
    build = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = _children(build.pid)
        if len(workers) >= 2 and list(dist.glob(".tmp-*/data")):
            time.sleep(0.5)  # the shards are being written
            return build, _children(build.pid)
        time.sleep(0.05)
    build.kill()
    raise AssertionError("the build did not start its workers")


@pytest.mark.parametrize(
    ("signum", "code", "message"),
    [
        (signal.SIGINT, 130, "error: interrupted (Ctrl-C); stopped and cleaned up\n"),  # a terminal's Ctrl-C
        (signal.SIGTERM, 143, "error: terminated (SIGTERM); stopped and cleaned up\n"),  # kill, systemd
    ],
)
def test_ctrl_c_or_sigterm_stops_within_two_seconds_and_leaves_nothing(
    many_calls: Path, tmp_path: Path, reap: set[int], signum: int, code: int, message: str
) -> None:
    dist = tmp_path / "dist"
    build, workers = _start_build(many_calls, dist)
    reap |= workers
    os.killpg(build.pid, signum)  # the whole process group, as a terminal or a service manager does
    started = time.monotonic()
    _, stderr = build.communicate(timeout=10)
    assert time.monotonic() - started <= 2.0
    assert build.returncode == code and stderr == message  # one line, no traceback
    assert not dist.exists()  # no release, no temporary folder, no lock, not the folder --new made
    assert not any(_alive(pid) for pid in workers)


def test_a_killed_build_leaves_no_orphans_and_the_next_build_cleans_up(
    many_calls: Path, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    build, workers = _start_build(many_calls, dist)
    build.kill()  # SIGKILL: nothing in the build can react
    build.wait(timeout=10)
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "workers outlived their killed parent"
    assert list(dist.glob(".tmp-*"))  # the litter a killed build leaves
    assert len(remove_litter(dist)) == 1
    assert list(dist.iterdir()) == []


def test_a_running_builds_folder_is_never_removed(raw_copy: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    with workspace(dist, "9.9.9") as running:
        (running / "data").mkdir()
        summary = build_release(raw_copy, dist, "1.0.0", SerialExecutor())  # cleans litter first
        assert running.is_dir() and (running / "data").is_dir()
        assert summary.path.is_dir()
    assert sorted(p.name for p in dist.iterdir()) == ["1.0.0"]


def test_litter_of_a_dead_build_is_removed_by_the_next_build(raw_copy: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    litter = dist / ".tmp-1.0.0-4194301"  # no lock held: its build is gone
    (litter / "data").mkdir(parents=True)
    (dist / ".tmp-1.0.0-4194301.lock").touch()
    build_release(raw_copy, dist, "1.0.0", SerialExecutor())
    assert sorted(p.name for p in dist.iterdir()) == ["1.0.0"]


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB filesystem (tmpfs), too small for a release; needs the right to mount."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_is_one_line_and_leaves_nothing(full_disk: Path, jobs: str) -> None:
    dist = full_disk / "dist"
    args = [str(SCRIPT), "build", "--raw", str(RAW), "--dist", str(dist), "--jobs", jobs, "--new"]
    build = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert build.returncode == 1
    assert build.stderr == f"error: {dist}: no space left on the device; nothing was written\n"
    assert not dist.exists()
