"""The shard cache: a shard whose inputs have not changed is restored, not rebuilt.

A shard's key is the SHA-256 of everything its bytes depend on: the build signature, the
code of this package and its schemas, and for each of its raw files the name, the SHA-256 of
its bytes and its manifest entry. Not its position: a shard's files hold the same bytes
whatever their names say (``train-00003-of-00030``), so a shard that only moved (calls added
after it) is restored under its new names. An entry holds the shard's output files under
neutral names and its result (counts, flags, quality tally); restoring links (or copies) the
files into the build's folder, so a cached build gives the same bytes as a fresh one.
Entries not used by the latest build are removed after it, so the cache holds one build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
from pathlib import Path

from builder.build.shard import ShardJob, ShardResult
from builder.build.signature import code_fingerprint
from builder.formats.layout import shard_outputs
from builder.schema.files import config_names

RESULT = "result.pickle"
#: Size and SHA-256 of each of an entry's files (by neutral name), once a build has hashed them.
HASHES = "hashes.json"


def _place(source: Path, target: Path) -> None:
    """A hard link where the filesystem allows one, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _read_hashes(entry: Path) -> dict[str, tuple[int, str]]:
    """An entry's recorded sizes and hashes by neutral name (empty when none were recorded)."""
    try:
        return {
            name: (size, digest) for name, (size, digest) in json.loads((entry / HASHES).read_text()).items()
        }
    except (OSError, ValueError):
        return {}


def _outputs(job: ShardJob, result: ShardResult) -> dict[str, str]:
    """A shard's output files (for the splits it has calls in): neutral name in the cache (as
    shard 0 of 1) → path in the release."""
    splits = list(result.num_rows)
    neutral = shard_outputs(config_names(), splits, 0, 1)
    return dict(zip(neutral, shard_outputs(config_names(), splits, job.index, job.num_shards), strict=True))


class ShardCache:
    """Shard outputs and results under ``root``, one folder per shard key."""

    def __init__(self, root: Path, read_only: bool = False) -> None:
        self.root = root
        #: Restore only: a dry run keeps nothing.
        self.read_only = read_only
        self.used: set[str] = set()
        #: Release path → (key, neutral name) of every file this build placed or stored.
        self._placed: dict[str, tuple[str, str]] = {}
        #: Release path → (size, SHA-256) of restored files whose hashes the entry knows.
        self.known: dict[str, tuple[int, str]] = {}

    def key(self, job: ShardJob, signature: str, raw_sha256: dict[str, str | None]) -> str:
        """The key of a shard job: what its bytes depend on (``raw_sha256``: name → SHA-256)."""
        digest = hashlib.sha256(f"{signature}\n{code_fingerprint()}\n".encode())
        for name in job.names:
            overrides = json.dumps(job.overrides.get(name), sort_keys=True, ensure_ascii=False)
            digest.update(f"{name}\n{raw_sha256[name]}\n{overrides}\n".encode())
        return digest.hexdigest()

    def restore(self, key: str, job: ShardJob) -> ShardResult | None:
        """The cached result, its files placed in the job's output folder; None on a miss."""
        entry = self.root / key
        try:
            result: ShardResult = pickle.loads((entry / RESULT).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            return None
        outputs = _outputs(job, result)
        if not all((entry / neutral).is_file() for neutral in outputs):
            return None  # an incomplete entry: built anew (nothing placed, nothing overwritten)
        hashes = _read_hashes(entry)
        for neutral, relative in outputs.items():
            _place(entry / neutral, job.out_dir / relative)
            self._placed[relative] = (key, neutral)
            if neutral in hashes:
                self.known[relative] = hashes[neutral]
        self.used.add(key)
        result.index = job.index
        result.seconds = dict.fromkeys(result.seconds, 0.0)  # nothing was processed this time
        return result

    def store(self, key: str, job: ShardJob, result: ShardResult) -> None:
        """Keep a finished shard's files and result (written aside, then renamed into place).
        A shard with bad files is stored only by a build that set them aside (``--skip-bad``):
        its errors follow from what its key names (the files' bytes, an unreadable file's
        missing hash, the manifest, the code), so restored, it reports them word for word."""
        if self.read_only:
            return
        entry = self.root / key
        partial = self.root / f".partial-{key}-{os.getpid()}"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)  # a shard of bad files only has no outputs
        for neutral, relative in _outputs(job, result).items():
            _place(job.out_dir / relative, partial / neutral)
            self._placed[relative] = (key, neutral)
        (partial / RESULT).write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        with contextlib.suppress(OSError):  # another build stored the same entry first
            os.replace(partial, entry)
        shutil.rmtree(partial, ignore_errors=True)
        self.used.add(key)

    def renamed(self, moves: dict[str, str]) -> None:
        """Follow the release's files renamed after the shards were built (old → new path)."""
        self._placed = {moves.get(path, path): entry for path, entry in self._placed.items()}
        self.known = {moves.get(path, path): hashes for path, hashes in self.known.items()}

    def record_hashes(self, files: dict[str, tuple[int, str]]) -> None:
        """Keep the sizes and hashes a build computed (release path → (size, SHA-256)) with the
        entries the files came from, so a later build need not hash them again."""
        per_entry: dict[str, dict[str, tuple[int, str]]] = {}
        for relative, (key, neutral) in self._placed.items():
            if relative in files:
                per_entry.setdefault(key, {})[neutral] = files[relative]
        for key, hashes in per_entry.items():
            with contextlib.suppress(OSError):
                (self.root / key / HASHES).write_text(json.dumps(hashes, sort_keys=True), encoding="utf-8")

    def prune(self) -> None:
        """Remove every entry the latest build did not use."""
        for entry in self.root.iterdir() if self.root.is_dir() else ():
            if entry.name not in self.used:
                shutil.rmtree(entry, ignore_errors=True)
