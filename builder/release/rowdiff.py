"""Which rows changed for the calls two releases share, read one pair of shard files at a time.

A call's rows sit in one shard file per config, under the same name in every config
(``<split>-NNNNN-of-NNNNN``); the ``transcripts`` files say which. A file whose bytes the
other release also has (a shard kept from the release before, often a hard link from the
shard cache) holds the same rows and is not read. The calls of every other file are compared
with the old release's file that holds each of them, one pair of files at a time, and a
change is kept as counts with the ids of its first rows: memory holds one pair of files'
digests and a few ids per changed call, whatever the size of the corpus.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq

from builder.formats.checksum import sha256_files
from builder.formats.layout import MANIFEST, shard_files, stem_of
from builder.formats.read import jsonl_lines

#: Row ids kept per kind of change, for one call in one config (the counts are whole).
EXAMPLES = 3
KINDS = ("added", "removed", "changed")

#: Digests of one file's rows: row id → (transcript id, digest of the row), or, for the
#: ``transcripts`` config, transcript id → (transcript id, digest of each top-level field).
Digests = dict[str, tuple[str, Any]]


@dataclass(slots=True)
class RowDelta:
    """Rows of one config within one call: how many were added, removed and changed, with the
    ids of the first ``EXAMPLES`` of each kind (in id order)."""

    added: int = 0
    removed: int = 0
    changed: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, row_id: str) -> None:
        """Count one row of a kind of change (``added``, ``removed``, ``changed``)."""
        setattr(self, kind, getattr(self, kind) + 1)
        ids = self.examples.setdefault(kind, [])
        if len(ids) < EXAMPLES:
            ids.append(row_id)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def call_shards(release: Path) -> dict[str, str]:
    """Transcript id → the name of the shard that holds its rows in every config."""
    return {
        tid: stem_of(path)
        for path in shard_files(release, "transcripts")
        for tid in pq.read_table(path, columns=["transcript_id"])["transcript_id"].to_pylist()
    }


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _row_digests(id_field: str) -> Callable[[Path, set[str]], Digests]:
    """A reader of one JSON Lines file: each row of the given calls by its id."""

    def read(path: Path, calls: set[str]) -> Digests:
        rows: Digests = {}
        for line in jsonl_lines(path):
            row = orjson.loads(line)
            if row["transcript_id"] in calls:
                rows[str(row[id_field])] = (row["transcript_id"], _digest(line.rstrip(b"\n")))
        return rows

    return read


def _field_digests(path: Path, calls: set[str]) -> Digests:
    """Each of the given calls' ``transcripts`` row, as a digest of each top-level field."""
    rows: Digests = {}
    for line in jsonl_lines(path):
        row = orjson.loads(line)
        if row["transcript_id"] in calls:
            rows[row["transcript_id"]] = (
                row["transcript_id"],
                {k: _digest(orjson.dumps(v)) for k, v in row.items()},
            )
    return rows


def _listed_hashes(release: Path) -> dict[str, str]:
    try:
        manifest = json.loads((release / MANIFEST).read_text("utf-8"))
        return {f["path"]: f["sha256"] for f in manifest["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _inode(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _hashes(release: Path, paths: list[Path]) -> dict[Path, str]:
    """The SHA-256 of release files: from its ``manifest.json`` where listed, else read."""
    listed = _listed_hashes(release)
    unlisted = [p for p in paths if p.relative_to(release).as_posix() not in listed]
    read = dict(zip(unlisted, sha256_files(unlisted), strict=True))
    return {p: listed.get(p.relative_to(release).as_posix()) or read[p] for p in paths}


def _kept_files(old: Path, new: Path, config: str) -> tuple[dict[str, Path], dict[str, Path]]:
    """The JSON Lines files of a config by shard name, on each side, without those whose bytes
    the other release has too (one file through a hard link, or the same SHA-256)."""
    old_paths, new_paths = shard_files(old, config, "jsonl"), shard_files(new, config, "jsonl")
    old_inodes = {p: _inode(p) for p in old_paths}
    new_inodes = {p: _inode(p) for p in new_paths}
    shared = set(old_inodes.values()) & set(new_inodes.values())
    linked_old = {p for p, inode in old_inodes.items() if inode in shared}
    linked = {p for p, inode in new_inodes.items() if inode in shared}
    old_hashes = _hashes(old, [p for p in old_paths if p not in linked_old])
    new_hashes = _hashes(new, [p for p in new_paths if p not in linked])
    common = set(old_hashes.values()) & set(new_hashes.values())
    return (
        {stem_of(p): p for p, h in old_hashes.items() if h not in common},
        {stem_of(p): p for p, h in new_hashes.items() if h not in common},
    )


def _groups(
    old: Path, new: Path, config: str, shards: tuple[dict[str, str], dict[str, str]]
) -> Iterator[tuple[Path | None, dict[Path | None, set[str]]]]:
    """The calls both releases hold whose rows may differ: by new file (in order), then by old
    file. A file is None where its bytes are in the other release too: the calls it holds have
    no rows apart from those, which are the same on both sides."""
    old_files, new_files = _kept_files(old, new, config)
    old_shards, new_shards = shards
    groups: dict[str, dict[str, set[str]]] = {}
    for tid, new_stem in new_shards.items():
        old_stem = old_shards.get(tid)
        if old_stem is not None and (new_stem in new_files or old_stem in old_files):
            groups.setdefault(new_stem, {}).setdefault(old_stem, set()).add(tid)
    for new_stem, by_old in sorted(groups.items()):
        yield new_files.get(new_stem), {old_files.get(stem): calls for stem, calls in sorted(by_old.items())}


def compare(
    old: Path, new: Path, config: str, id_field: str | None, shards: tuple[dict[str, str], dict[str, str]]
) -> Iterator[tuple[str, str, str]]:
    """(transcript id, kind, row id) of each change in a config, a new file at a time
    (``id_field`` None: the ``transcripts`` config, where the row id is a changed field's name)."""
    read = _field_digests if id_field is None else _row_digests(id_field)
    for new_file, by_old in _groups(old, new, config, shards):
        after = read(new_file, set().union(*by_old.values())) if new_file else {}
        for old_file, calls in by_old.items():
            before = read(old_file, calls) if old_file else {}
            mine = {key: value for key, value in after.items() if value[0] in calls}
            yield from _changes(before, mine, fields=id_field is None)


def _changes(before: Digests, after: Digests, fields: bool) -> Iterator[tuple[str, str, str]]:
    """The changes between the digests of the same calls, in id order."""
    for key in sorted(set(before) | set(after)):
        if fields:
            if key in before and key in after:
                old_fields, new_fields = before[key][1], after[key][1]
                yield from (
                    (key, "changed", name) for name in new_fields if old_fields.get(name) != new_fields[name]
                )
        elif key not in before:
            yield after[key][0], "added", key
        elif key not in after:
            yield before[key][0], "removed", key
        elif before[key][1] != after[key][1]:
            yield after[key][0], "changed", key
