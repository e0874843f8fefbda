"""The temporary folder a build writes into, claimed with a lock; litter of dead builds removed.

A build writes ``DIST/.tmp-<version>-<pid>/`` and holds an exclusive ``flock`` on
``DIST/.tmp-<version>-<pid>.lock`` while it runs. A build killed outright (SIGKILL, power
loss) cannot remove its folder, so the next build removes every temporary folder whose lock
nobody holds; a running build's lock is held, so two concurrent builds never remove each
other's folders (even if a process id is reused).
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.errors import CallcorpusError

PREFIX = ".tmp-"


def _lock_path(folder: Path) -> Path:
    return folder.with_name(folder.name + ".lock")


def _try_lock(path: Path) -> int | None:
    """An open descriptor holding an exclusive lock on ``path``, or None if another holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def remove_litter(dist_dir: Path) -> list[Path]:
    """Remove the temporary folders (and locks) of builds that are no longer running."""
    removed = []
    for folder in sorted(dist_dir.glob(PREFIX + "*")):
        if not folder.is_dir() or folder.suffix == ".lock":
            continue
        lock = _lock_path(folder)
        fd = _try_lock(lock)
        if fd is None:
            continue  # its build is running
        try:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            lock.unlink(missing_ok=True)
            os.close(fd)
    for lock in dist_dir.glob(PREFIX + "*.lock"):  # a lock whose folder is gone
        if not lock.with_suffix("").exists() and (fd := _try_lock(lock)) is not None:
            lock.unlink(missing_ok=True)
            os.close(fd)
    return removed


@contextmanager
def workspace(dist_dir: Path, version: str | None) -> Iterator[Path]:
    """A fresh, locked temporary folder in ``dist_dir``, removed with its lock on exit, and with
    it ``dist_dir`` (and its parents) when the build created them and left them empty.

    A full disk (or quota) while the build writes ends in one ``CallcorpusError`` naming
    ``dist_dir``."""
    folder = dist_dir / f"{PREFIX}{version or 'next'}-{os.getpid()}"
    created = [p for p in (dist_dir, *dist_dir.parents) if not p.exists()]  # removed again if left empty
    try:
        dist_dir.mkdir(parents=True, exist_ok=True)
        remove_litter(dist_dir)
        fd = _try_lock(_lock_path(folder))
        folder.mkdir()
    except OSError as exc:
        raise CallcorpusError(f"{dist_dir}: cannot write a release there ({exc.strerror})") from None
    if fd is None:  # cannot happen: the lock names this very process
        raise CallcorpusError(f"{folder}: already claimed by another build")
    try:
        yield folder
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise CallcorpusError(f"{dist_dir}: no space left on the device; nothing was written") from None
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        _lock_path(folder).unlink(missing_ok=True)
        os.close(fd)
        _remove_if_empty(created)


def _remove_if_empty(folders: list[Path]) -> None:
    """Remove the folders a failed build created (deepest first), those it left empty."""
    for created in folders:
        try:
            created.rmdir()
        except OSError:
            return  # a release moved in (or another build's files): keep it and its parents
