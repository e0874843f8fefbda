"""The dask executor: the per-shard jobs on a dask.distributed cluster (``build --scheduler``).

Workers read the raw files and write the shards by the jobs' absolute paths, so every worker
must see the client's raw and dist folders at the same paths (a shared filesystem, as
datatrove's cluster executors assume), and must run the same callcorpus with the same pinned
packages: each task compares its worker's build signature with the client's first, and a
worker that differs fails the build instead of writing different bytes. ``distributed`` is
imported only here, lazily; it comes with the ``dask`` extra.

Progress. A task reports each tick as a worker event (``Worker.log_event``) on a topic of
its own ``map`` call; the scheduler passes the events on to this client, subscribed with
``Client.subscribe_topic``. Events ride the worker's existing batched stream to the scheduler
and cost the task nothing, where a ``distributed.Queue`` would make every file wait on a
round trip to the scheduler and outlive an interrupted build. The subscription's handler
runs on the client's event-loop thread and only queues the tick; ``map`` passes ticks on to
``progress`` in the caller's thread, between waits of at most ``POLL_SECONDS``. The scheduler
keeps only the last events of each topic (``distributed.admin.low-level-log-length``, 1000).

Retries. When a worker dies (killed, out of memory, lost), the scheduler runs its tasks
again on other workers, up to its ``distributed.scheduler.allowed-failures`` times (3 by
default); after that ``map`` raises ``CallcorpusError``. A task that raised an unexpected
exception (an ``OSError`` of a flaky shared filesystem, say) runs up to ``retries`` more
times. A library error (``CallcorpusError``) is the data's fault and the same every time: it
is sent back as a value, never retried, and raised in the caller.

A retried shard is safe: every format writer (``builder/formats``: Parquet, JSONL, Arrow,
Moses, TMX) opens its file for writing from scratch (``"wb"``/``"w"``, truncating), so the new
attempt rewrites every file the dead one had begun. Its progress is not counted twice: every
attempt has an id, and the caller is told, per job, only of the ticks beyond the most any
attempt of that job reached (the bar pauses while a retry catches up). When a job's result
arrives, its count is topped up to the ticks the successful attempt reports, since events may
arrive after the result: once every job is done the ticks sum to exactly the files done.

When ``map`` stops early (a job failed beyond its retries, an error in the caller, Ctrl-C),
it tells every worker to stop this call's tasks at their next tick, cancels the futures and
waits (up to ``STOP_SECONDS``) until no task of the call still runs, so that no worker writes
into the build's temporary folder after ``build_release`` has removed it. The client is
closed in every case. A client killed outright cannot stop anything: the scheduler forgets
its tasks, each running one finishes its shard into the dead build's folder, and the next
build removes that folder as litter (``builder.release.workspace``).
"""

from __future__ import annotations

import queue
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, cast

from builder.build.executor import Job, Result, Task, Tick
from builder.build.signature import worker_signature
from builder.errors import CallcorpusError

if TYPE_CHECKING:
    from distributed import Client, Future

#: How long to wait for the scheduler to answer and for a first worker to join, in seconds.
CONNECT_SECONDS = 10.0
#: How often ``map`` passes the workers' ticks on and looks for finished jobs, in seconds.
POLL_SECONDS = 0.1
#: How long a stopped ``map`` waits for its running tasks to stop, in seconds. A task stops at
#: its next tick (one raw file); only one just starting could still create a folder.
STOP_SECONDS = 10.0

#: In a worker process: the ``map`` calls (topics) whose tasks must stop at their next tick.
_stopped: set[str] = set()
#: In a worker process: the attempts running now, as (topic, attempt id).
_running: set[tuple[str, str]] = set()


class _Stopped(BaseException):
    """Raised by ``tick`` in a task whose ``map`` call has stopped (past any ``except Exception``)."""


@dataclass(frozen=True, slots=True)
class _Outcome(Generic[Result]):
    """What one attempt of a job sends back: its result or library error, and its ticks."""

    result: Result | None = None
    error: CallcorpusError | None = None
    ticks: int = 0


def _attempt(fn: Task[Job, Result], job: Job, position: int, topic: str, signature: str) -> _Outcome[Result]:
    """Run one job on a worker, reporting ticks as events; runs again if the worker dies."""
    from distributed import get_worker

    worker = get_worker()
    if signature != worker_signature():
        return _Outcome(error=_other_bytes(worker.address, signature, worker_signature()))
    attempt = uuid.uuid4().hex
    ticks = 0

    def tick(n: int) -> None:
        nonlocal ticks
        if topic in _stopped:
            raise _Stopped
        ticks += n
        worker.log_event(topic, [position, attempt, n])

    _running.add((topic, attempt))
    try:
        return _Outcome(result=fn(job, tick), ticks=ticks) if topic not in _stopped else _Outcome()
    except _Stopped:
        return _Outcome()
    except CallcorpusError as exc:  # the data's fault: the same on every attempt
        return _Outcome(error=exc, ticks=ticks)
    finally:
        _running.discard((topic, attempt))


def _other_bytes(worker: str, here: str, there: str) -> CallcorpusError:
    """The error for a worker whose build signature differs from the client's."""
    ours, theirs = here.split("|"), there.split("|")
    differ = ", ".join(part for part in theirs if part not in ours)
    instead = ", ".join(part for part in ours if part not in theirs)
    return CallcorpusError(
        f"dask worker {worker} would write other bytes ({differ}; this machine: {instead}): "
        "install the same callcorpus and packages on every worker"
    )


def _stop(topic: str) -> int:
    """On a worker: stop the tasks of a ``map`` call at their next tick; how many still run."""
    _stopped.add(topic)
    return sum(running == topic for running, _ in _running)


class _Progress:
    """Passes ticks on to the caller: per job, never more than the most any attempt reached."""

    def __init__(self, progress: Tick | None) -> None:
        self.progress = progress
        self.attempts: Counter[tuple[int, str]] = Counter()
        self.told: Counter[int] = Counter()
        self.finished: set[int] = set()

    def tick(self, position: int, attempt: str, n: int) -> None:
        """An attempt of a job reported ``n`` more files."""
        if position not in self.finished:
            self.attempts[position, attempt] += n
            self._tell(position, self.attempts[position, attempt])

    def finish(self, position: int, ticks: int) -> None:
        """A job's result arrived: its successful attempt reported ``ticks`` in all."""
        self._tell(position, ticks)
        self.finished.add(position)

    def _tell(self, position: int, count: int) -> None:
        more = count - self.told[position]
        if more > 0:
            self.told[position] = count
            if self.progress:
                self.progress(more)


class DaskExecutor:
    """Runs jobs on the dask.distributed cluster whose scheduler listens at ``address``.

    ``retries``: more attempts for a task that raised anything but a library error (a worker
    that died is the scheduler's business, see the module's docstring). ``timeout``: seconds
    to wait for the scheduler to answer, then for a first worker. Each ``map`` call connects
    a client of its own and closes it before it returns.
    """

    def __init__(self, address: str, retries: int = 2, timeout: float = CONNECT_SECONDS) -> None:
        self.address = address
        self.retries = retries
        self.timeout = timeout

    def map(
        self, fn: Task[Job, Result], jobs: Sequence[Job], progress: Tick | None = None
    ) -> Iterator[Result]:
        """Run ``fn(job, tick)`` for every job on the cluster; yield each result when it is ready."""
        if not jobs:  # e.g. every shard restored from the cache: no need for the cluster
            return
        client = self._connect()
        topic = f"callcorpus-{uuid.uuid4().hex}"
        events: queue.SimpleQueue[Any] = queue.SimpleQueue()
        futures: dict[Future[_Outcome[Result]], int] = {}
        finished = False
        try:
            client.subscribe_topic(topic, events.put)
            futures = self._submit(client, fn, jobs, topic)
            yield from self._collect(client, futures, events, _Progress(progress))
            finished = True
        finally:
            try:
                if not finished:  # an error, Ctrl-C or an abandoned generator
                    _wind_down(client, list(futures), topic)
            finally:  # even when a second Ctrl-C cuts the wind-down short
                with suppress(Exception):
                    client.unsubscribe_topic(topic)
                client.close()

    def _connect(self) -> Client:
        """A client of the scheduler with at least one worker, or a one-line ``CallcorpusError``."""
        try:
            from distributed import Client
        except ImportError:
            raise CallcorpusError("--scheduler needs the `dask` extra: pip install -e '.[dask]'") from None
        try:
            client = Client(self.address, timeout=self.timeout, set_as_default=False)
        except Exception as exc:  # refused, timed out, a malformed address, a name that does not resolve
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise CallcorpusError(f"cannot reach the dask scheduler at {self.address} ({reason})") from None
        try:
            client.wait_for_workers(1, timeout=self.timeout)
        except Exception:
            client.close()
            raise CallcorpusError(
                f"no dask worker joined the scheduler at {self.address} within {self.timeout:g} s"
            ) from None
        return client

    def _submit(
        self, client: Client, fn: Task[Job, Result], jobs: Sequence[Job], topic: str
    ) -> dict[Future[_Outcome[Result]], int]:
        """Submit one task per job, keyed by the topic and the job's position."""
        signature = worker_signature()
        return {
            client.submit(_attempt, fn, job, i, topic, signature, key=f"{topic}-{i}", retries=self.retries): i
            for i, job in enumerate(jobs)
        }

    def _collect(
        self,
        client: Client,
        futures: dict[Future[_Outcome[Result]], int],
        events: queue.SimpleQueue[Any],
        progress: _Progress,
    ) -> Iterator[Result]:
        """Yield results as jobs finish, passing the ticks on in between."""
        from distributed import as_completed

        completed = as_completed(futures, loop=client.loop)
        while not completed.is_empty():
            _pass_ticks(events, progress, POLL_SECONDS)
            for future in completed.next_batch(block=False):
                yield self._result(future, futures[future], events, progress)

    def _result(
        self,
        future: Future[_Outcome[Result]],
        position: int,
        events: queue.SimpleQueue[Any],
        progress: _Progress,
    ) -> Result:
        """A finished job's result; its library error raised; a dead worker or lost job as one line."""
        from distributed import CancelledError, KilledWorker

        try:
            outcome = future.result()
        except KilledWorker as exc:
            deaths, last = exc.allowed_failures + 1, getattr(exc.last_worker, "address", exc.last_worker)
            raise CallcorpusError(
                f"job {position} failed on the dask cluster at {self.address}: the worker running it "
                f"died, {deaths} time(s) (last {last}); no attempt is left"
            ) from None
        except CancelledError:
            raise CallcorpusError(
                f"job {position} was lost by the dask scheduler at {self.address} (restarted or closed?)"
            ) from None
        _pass_ticks(events, progress, 0)
        progress.finish(position, outcome.ticks)
        if outcome.error is not None:
            raise outcome.error
        return cast("Result", outcome.result)  # set by every attempt that ran to the end


def _pass_ticks(events: queue.SimpleQueue[Any], progress: _Progress, wait: float) -> None:
    """Pass every queued tick on, first waiting up to ``wait`` seconds for one to arrive."""
    try:
        event = events.get(timeout=wait) if wait else events.get_nowait()
        while True:
            _, (position, attempt, n) = event
            progress.tick(position, attempt, n)
            event = events.get_nowait()
    except queue.Empty:
        return


def _wind_down(client: Client, futures: list[Future[Any]], topic: str) -> None:
    """Stop a call's tasks on every worker, cancel its futures, wait until none of them runs."""
    deadline = time.monotonic() + STOP_SECONDS
    with suppress(Exception):  # the scheduler is gone: no task of ours can be told anything
        client.cancel(futures)
        while sum(client.run(_stop, topic, on_error="ignore").values()) and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
