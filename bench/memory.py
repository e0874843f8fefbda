"""Memory of a measurement: the sampled Pss/Rss of a whole process tree, and exact ``ru_maxrss``.

``TreeSampler`` runs in the parent and polls ``/proc/<pid>/smaps_rollup`` of the measured child
and all its descendants; ``rusage_mb`` runs in the child and reports its own peak and that of its
largest reaped worker. Linux only (``/proc``; ``ru_maxrss`` in KiB).
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import Any

#: How often the tree is sampled, in seconds. Reading ``smaps_rollup`` walks a process's page
#: tables: at 20 samples a second the sampler used 18 % of a core on a tree of ten processes
#: (measured), a core the build it measures has to share on a two-core machine; four a second
#: cost a fifth of that, and the exact ``ru_maxrss`` figures beside the sampled peak show a
#: spike it missed.
SAMPLE_SECONDS = 0.25


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from ``/proc/<pid>/task/*/children``)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def memory_kib(pid: int) -> tuple[int, int]:
    """(Rss, Pss) of one process in KiB; zeros when it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class TreeSampler(threading.Thread):
    """Samples the summed Rss and Pss of a process tree until stopped; keeps the peaks."""

    def __init__(self, pid: int, every: float = SAMPLE_SECONDS) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_rss_kib = self.peak_pss_kib = self.max_processes = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        """Poll until ``stop``."""
        while not self._stop_event.is_set():
            sizes = [memory_kib(pid) for pid in descendants(self.pid)]
            self.peak_rss_kib = max(self.peak_rss_kib, sum(s[0] for s in sizes))
            self.peak_pss_kib = max(self.peak_pss_kib, sum(s[1] for s in sizes))
            self.max_processes = max(self.max_processes, sum(1 for s in sizes if s[0]))
            self._stop_event.wait(self.every)

    def stop(self) -> None:
        """Stop sampling and wait for the thread."""
        self._stop_event.set()
        self.join()

    def peaks(self) -> dict[str, float]:
        """The peaks as ``results.json`` reports them: tree Rss and Pss in MiB, most processes seen."""
        return {
            "tree_peak_rss_mb": self.peak_rss_kib / 1024,
            "tree_peak_pss_mb": self.peak_pss_kib / 1024,
            "max_processes": self.max_processes,
        }


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and of its reaped children (the workers of a
    pool count once the pool has shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def rusage_mb() -> dict[str, float]:
    """Exact max RSS of this process and of its largest reaped child (``ru_maxrss`` is KiB)."""
    return {
        "parent_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "largest_child_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


@dataclass(frozen=True, slots=True)
class Sampled:
    """A command run with its process tree sampled."""

    returncode: int
    stdout: str
    seconds: float
    peaks: dict[str, float]


def run_sampled(command: list[str], **popen: Any) -> Sampled:
    """Run ``command`` (text stdout captured, other ``subprocess.Popen`` options passed on) while
    ``TreeSampler`` samples its tree; wall time includes the interpreter's start-up."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, **popen)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    stdout, _ = proc.communicate()
    sampler.stop()
    return Sampled(proc.returncode, stdout, time.perf_counter() - started, sampler.peaks())
