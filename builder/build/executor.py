"""Executors: where the per-shard work runs. One method, ``map``; the local process pool first.

A job is a plain, picklable value and so is its result, so the same build runs in this
process, over local worker processes, or on a dask cluster (``dask_executor.py``), by
swapping the executor.
The function run on each job is called as ``fn(job, tick)``; ``tick(n)`` reports ``n`` more
raw files done, which the executor forwards to the caller's ``progress`` as they happen.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")
#: Reports that ``n`` more raw files are done.
Tick = Callable[[int], None]
Task = Callable[[Job, Tick], Result]

#: How often the parent forwards the workers' progress, in seconds.
POLL_SECONDS = 0.1


def no_progress(_: int) -> None:
    """A ``tick`` that reports nowhere."""


class Executor(Protocol):
    """Runs a task on every job and yields the results as jobs finish (in any order)."""

    def map(
        self, fn: Task[Job, Result], jobs: Sequence[Job], progress: Tick | None = None
    ) -> Iterator[Result]:
        """Run ``fn(job, tick)`` for every job; ``progress`` receives the ticks."""
        ...


class SerialExecutor:
    """Runs every job in this process, one after another."""

    def map(
        self, fn: Task[Job, Result], jobs: Sequence[Job], progress: Tick | None = None
    ) -> Iterator[Result]:
        """Run the jobs in order."""
        for job in jobs:
            yield fn(job, progress or no_progress)


_worker_ticks: Any = None  # the queue a worker process reports its ticks to
#: How often a worker checks that the process that started it is still alive, in seconds.
PARENT_CHECK_SECONDS = 0.5


def _init_worker(ticks: Any, parent: int) -> None:
    global _worker_ticks
    _worker_ticks = ticks
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the CLI's handler: stopping a worker ends it
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker when its parent is gone (killed outright, it could not stop us)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _tick(n: int) -> None:
    _worker_ticks.put(n)


def _call(fn: Task[Job, Result], job: Job) -> Result:
    return fn(job, _tick)


class ProcessExecutor:
    """Runs jobs over local worker processes (one job in this process when there is one)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(
        self, fn: Task[Job, Result], jobs: Sequence[Job], progress: Tick | None = None
    ) -> Iterator[Result]:
        """Run the jobs over up to ``workers`` processes; yield each result when it is ready."""
        if self.workers <= 1 or len(jobs) <= 1:
            yield from SerialExecutor().map(fn, jobs, progress)
            return
        context = multiprocessing.get_context()
        ticks = context.SimpleQueue()
        pool = ProcessPoolExecutor(
            self.workers, context, initializer=_init_worker, initargs=(ticks, os.getpid())
        )
        finished = False
        try:
            pending: set[Future[Result]] = {pool.submit(_call, fn, job) for job in jobs}
            while pending:
                done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                _forward(ticks, progress)
                for future in done:
                    yield future.result()
            finished = True
        finally:
            if not finished:  # an error, Ctrl-C or an abandoned generator: stop now, not after the shards
                _terminate(pool)  # (a killed worker may leave the tick queue unreadable: not read again)
            pool.shutdown(wait=True, cancel_futures=True)
            if finished:
                _forward(ticks, progress)
            ticks.close()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's worker processes (Python 3.11 has no public way; 3.14 adds one)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()


def _forward(ticks: Any, progress: Tick | None) -> None:
    """Pass the ticks the workers have reported so far to ``progress``."""
    while not ticks.empty():
        n = ticks.get()
        if progress:
            progress(n)
