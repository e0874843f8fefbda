"""The dask executor on a real cluster on 127.0.0.1 (a scheduler and two worker processes, each in
a folder of its own): the bytes of a local build, progress file by file, failures that leave
neither a release nor a temporary folder behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import TESTS, write_many_calls

from builder.build.dask_executor import DaskExecutor
from builder.build.executor import SerialExecutor, Tick
from builder.errors import BuildFailed, CallcorpusError, SourceError
from builder.release.build import BuildSummary, build_release

pytestmark = pytest.mark.slow

#: This module's folder: the workers import it (its functions run there) as the tests do.
HERE = Path(__file__).resolve().parent

distributed = pytest.importorskip("distributed", reason="needs the `dask` extra: pip install -e '.[dask]'")

HOST = "127.0.0.1"
#: The workers import this module (for the jobs below) from the tests folder.
#: Distinct calls for the killed-worker build, ten per shard: long enough to kill a worker mid-shard.
CALLS = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    """A dask scheduler and workers, each a process started with ``dask`` in its own folder."""

    folder: Path
    address: str = field(default_factory=lambda: f"tcp://{HOST}:{_free_port()}")
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, name: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        """``dask ARGS --no-dashboard`` in ``folder/name``, its output in ``folder/name.log``."""
        cwd = self.folder / name
        cwd.mkdir()
        env = {
            **os.environ,
            **(env or {}),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(TESTS), str(HERE), os.getenv("PYTHONPATH")])),
        }
        with (self.folder / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "dask", *args, "--no-dashboard"],
                cwd=cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.processes.append(process)
        return process

    def worker(self, name: str) -> subprocess.Popen[bytes]:
        """A worker of one thread. Without a nanny, the process started is the one that runs tasks."""
        return self.start(name, "worker", self.address, "--nworkers", "1", "--nthreads", "1", "--no-nanny")

    def wait_for_workers(self, count: int) -> None:
        with distributed.Client(self.address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(count, timeout=60)

    def stop(self) -> None:
        """Terminate the workers, wait for them, then the scheduler (a worker whose scheduler
        closes under it while it closes itself can hang)."""
        workers, scheduler = self.processes[1:], self.processes[:1]
        for group in (workers, scheduler):
            for process in group:
                process.terminate()
            for process in group:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@contextmanager
def _cluster(folder: Path, scheduler_env: dict[str, str] | None = None) -> Iterator[Cluster]:
    """A scheduler and two single-thread workers on 127.0.0.1, stopped on exit."""
    running = Cluster(folder)
    try:
        port = running.address.rsplit(":", 1)[1]
        running.start("scheduler", "scheduler", "--host", HOST, "--port", port, env=scheduler_env)
        running.worker("worker-1")
        running.worker("worker-2")
        running.wait_for_workers(2)
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """The cluster most tests of this module share."""
    with _cluster(tmp_path_factory.mktemp("cluster")) as running:
        yield running


@pytest.fixture
def unforgiving_cluster(tmp_path: Path) -> Iterator[Cluster]:
    """A cluster whose scheduler never runs a task again after its worker died."""
    (tmp_path / "cluster").mkdir()
    with _cluster(tmp_path / "cluster", {"DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0"}) as running:
        yield running


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative path, with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build_both(raw: Path, local: Path, remote: Path, address: str) -> tuple[BuildSummary, list[int]]:
    """Build ``raw`` locally and on the cluster; the dask build's summary and its ticks."""
    build_release(raw, local, "1.0.0", SerialExecutor())
    ticks: list[int] = []
    return build_release(raw, remote, "1.0.0", DaskExecutor(address), ticks.append), ticks


def test_a_dask_build_has_the_bytes_of_a_local_build(
    cluster: Cluster, raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("builder.release.build.TRANSCRIPTS_PER_SHARD", 1)  # three shards
    monkeypatch.chdir(tmp_path)  # relative paths, from a folder no worker runs in
    summary, _ = _build_both(Path("raw"), Path("local"), Path("dask"), cluster.address)
    assert summary.num_transcripts == 3
    local = _tree(tmp_path / "local" / "1.0.0")
    assert len(local) > 20 and _tree(tmp_path / "dask" / "1.0.0") == local
    assert [p.name for p in (tmp_path / "dask").iterdir()] == ["1.0.0"]  # no temporary folder or lock


def test_progress_counts_every_raw_file_once(
    cluster: Cluster, raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("builder.release.build.TRANSCRIPTS_PER_SHARD", 1)
    _, ticks = _build_both(raw_copy, tmp_path / "local", tmp_path / "dask", cluster.address)
    assert sum(ticks) == len(list(raw_copy.glob("*.txt"))) == 3
    assert set(ticks) == {1}


def _tick_then_wait(marker: Path, tick: Tick) -> bool:
    """Tick, then wait for the caller's progress to create ``marker``: True if it did in time."""
    tick(1)
    deadline = time.monotonic() + 20
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return marker.exists()


def test_progress_reaches_the_caller_while_the_jobs_run(cluster: Cluster, tmp_path: Path) -> None:
    marker = tmp_path / "ticked"
    results = list(
        DaskExecutor(cluster.address).map(_tick_then_wait, [marker, marker], lambda n: marker.touch())
    )
    assert results == [True, True]


def _attempts(path: Path) -> int:
    """Count one more attempt in ``path`` (on the shared filesystem); the count so far."""
    with path.open("a") as file:
        file.write("x")
    return len(path.read_text())


def _flaky(path: Path, tick: Tick) -> int:
    attempt = _attempts(path)
    if attempt == 1:
        raise OSError(f"{path}: the shared filesystem hiccuped (test)")
    return attempt


def _refused(path: Path, tick: Tick) -> int:
    _attempts(path)
    raise SourceError(str(path), "refused (test)")


def test_unexpected_errors_are_retried_library_errors_are_not(cluster: Cluster, tmp_path: Path) -> None:
    assert list(DaskExecutor(cluster.address, retries=1).map(_flaky, [tmp_path / "flaky"])) == [2]
    with pytest.raises(SourceError, match=r"refused \(test\)") as info:
        list(DaskExecutor(cluster.address, retries=2).map(_refused, [tmp_path / "refused"]))
    assert info.value.path == str(tmp_path / "refused")  # the library error arrives intact
    assert (tmp_path / "refused").read_text() == "x"  # tried once


def test_a_bad_raw_file_fails_the_build_and_leaves_nothing(
    cluster: Cluster, raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("builder.release.build.TRANSCRIPTS_PER_SHARD", 1)
    (raw_copy / "junk.txt").write_text("Just English here.\n\nNo translation at all.\n", encoding="utf-8")
    dist = tmp_path / "dist"
    with pytest.raises(BuildFailed) as info:
        build_release(raw_copy, dist, "1.0.0", DaskExecutor(cluster.address))
    junk = (raw_copy / "junk.txt").as_posix()
    assert any(error.startswith(junk) for error in info.value.errors), info.value.errors
    assert not dist.exists()  # no release, no temporary folder, no lock, not the folder it made


def _shard_ticks(client: Any, key: str) -> list[list[Any]]:
    """The tick events ([job, attempt, n]) of the job that a task key names, from the scheduler's log."""
    topic, position = key.rsplit("-", 1)
    return [msg for _, msg in client.get_events(topic) if msg[0] == int(position)]


def _kill_mid_shard(cluster: Cluster, victim: subprocess.Popen[bytes]) -> str | None:
    """SIGKILL ``victim`` once a shard it runs has ticked a file; that shard's task key (None if none)."""
    with distributed.Client(cluster.address, timeout=10, set_as_default=False) as client:
        address = next(a for a, pid in client.run(os.getpid).items() if pid == victim.pid)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            keys = [str(k) for k in client.processing([address])[address] if str(k).startswith("callcorpus-")]
            for key in keys:
                if _shard_ticks(client, key):
                    os.kill(victim.pid, signal.SIGKILL)
                    victim.wait()
                    return key
            time.sleep(0.02)
    return None


def test_a_worker_killed_mid_build_retries_or_fails_cleanly(
    cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("builder.release.build.TRANSCRIPTS_PER_SHARD", 10)  # twelve shards
    raw = write_many_calls(tmp_path / "raw", CALLS)
    local = build_release(raw, tmp_path / "local", "1.0.0", SerialExecutor())
    victim = cluster.worker("victim")
    cluster.wait_for_workers(3)
    dist, ticks = tmp_path / "dist", list[int]()
    outcome: dict[str, Any] = {}

    def build() -> None:
        try:
            outcome["summary"] = build_release(
                raw, dist, "1.0.0", DaskExecutor(cluster.address), ticks.append
            )
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=build)
    thread.start()
    killed = _kill_mid_shard(cluster, victim)
    thread.join(timeout=120)
    assert killed and not thread.is_alive()
    if "error" in outcome:  # failing is allowed, but only cleanly
        assert isinstance(outcome["error"], CallcorpusError), outcome["error"]
        assert not dist.exists()
        return
    # The killed worker's shard ran again elsewhere, from scratch: the same bytes, and its files
    # reported by both attempts but counted once.
    assert _tree(dist / "1.0.0") == _tree(local.path)
    assert [p.name for p in dist.iterdir()] == ["1.0.0"]
    with distributed.Client(cluster.address, timeout=10, set_as_default=False) as client:
        events = _shard_ticks(client, killed)
    assert len({attempt for _, attempt, _ in events}) == 2
    assert sum(n for _, _, n in events) > 10 and sum(ticks) == CALLS


def test_a_worker_that_would_write_other_bytes_is_refused(
    cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "builder.build.dask_executor.worker_signature", lambda: "callcorpus:0.0.1|pyarrow:1.0.0"
    )
    differs = (
        r"would write other bytes \(callcorpus:\S+, .*; this machine: callcorpus:0\.0\.1, pyarrow:1\.0\.0\)"
    )
    with pytest.raises(CallcorpusError, match=differs):
        list(DaskExecutor(cluster.address).map(_flaky, [tmp_path / "never"]))
    assert not (tmp_path / "never").exists()


def _attempts_running() -> int:
    """On a worker: the dask executor's attempts running now."""
    from builder.build import dask_executor

    return len(dask_executor._running)


def test_a_job_whose_worker_died_too_often_fails_the_build_and_stops_the_rest(
    unforgiving_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("builder.release.build.TRANSCRIPTS_PER_SHARD", 10)
    raw, dist = write_many_calls(tmp_path / "raw", CALLS), tmp_path / "dist"
    victim = unforgiving_cluster.processes[-1]
    thread = threading.Thread(target=_kill_mid_shard, args=(unforgiving_cluster, victim))
    thread.start()
    with pytest.raises(
        CallcorpusError, match=r"job \d+ failed on the dask cluster .*: the worker running it died, 1 time"
    ):
        build_release(raw, dist, "1.0.0", DaskExecutor(unforgiving_cluster.address))
    thread.join()
    assert not dist.exists()  # no release, no temporary folder, no lock, not the folder it made
    with distributed.Client(unforgiving_cluster.address, timeout=10, set_as_default=False) as client:
        assert list(client.run(_attempts_running).values()) == [0]  # the other worker stopped its shard


def test_an_unreachable_scheduler_fails_quickly_and_leaves_nothing(raw_copy: Path, tmp_path: Path) -> None:
    address = f"tcp://{HOST}:{_free_port()}"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(CallcorpusError, match=f"cannot reach the dask scheduler at {address}"):
        build_release(raw_copy, tmp_path / "dist", "1.0.0", DaskExecutor(address, timeout=2))
    assert time.monotonic() - started < 10
    assert not (tmp_path / "dist").exists()


def test_without_the_extra_the_error_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(CallcorpusError, match=r"needs the `dask` extra: pip install -e '\.\[dask\]'"):
        list(DaskExecutor(f"tcp://{HOST}:1").map(_flaky, [tmp_path / "never"]))
    assert list(DaskExecutor(f"tcp://{HOST}:1").map(_flaky, [])) == []  # no job: nothing to connect to


def test_the_cli_builds_on_the_cluster(cluster: Cluster, raw_copy: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "callcorpus"
    common = ["build", "--raw", str(raw_copy), "--no-cache", "--new"]
    local = subprocess.run(
        [script, *common, "--dist", str(tmp_path / "local")], capture_output=True, text=True
    )
    remote = subprocess.run(
        [script, *common, "--dist", str(tmp_path / "dask"), "--scheduler", cluster.address],
        capture_output=True,
        text=True,
    )
    assert local.returncode == 0 and remote.returncode == 0, remote.stderr
    assert remote.stdout.splitlines()[0] == local.stdout.splitlines()[0].replace("/local/", "/dask/")
    assert _tree(tmp_path / "dask" / "1.0.0") == _tree(tmp_path / "local" / "1.0.0")
    both = subprocess.run(
        [script, *common, "--dist", str(tmp_path / "x"), "--scheduler", cluster.address, "--jobs", "2"],
        capture_output=True,
        text=True,
    )
    assert both.returncode == 2 and "--jobs and --scheduler exclude each other" in both.stderr
