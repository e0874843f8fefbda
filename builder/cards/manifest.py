"""A release's ``manifest.json`` and ``SHA256SUMS``, written last, and read back by ``verify``.

``manifest.json`` lists every other file of the release with its size and SHA-256, the rows of
each config and split, the schema and package versions, every raw source with its SHA-256,
and the build signature. ``SHA256SUMS`` (``sha256sum -c`` format) covers every file but itself,
``manifest.json`` included.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from builder.cards.description import ReleaseDescription, list_files
from builder.errors import CallcorpusError
from builder.formats.layout import CHECKSUMS, MANIFEST, split_of_file


def release_date(existing_manifest: Path | None) -> str:
    """The release date: the release record when rebuilding, else ``SOURCE_DATE_EPOCH``, else today (UTC)."""
    if existing_manifest is not None and existing_manifest.is_file():
        return str(read_manifest(existing_manifest.parent)["date_released"])
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
        except (ValueError, OverflowError) as exc:
            raise CallcorpusError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp") from exc
    return datetime.now(UTC).date().isoformat()


def manifest_data(desc: ReleaseDescription, changes: dict[str, Any] | None) -> dict[str, Any]:
    """The content of ``manifest.json``; ``changes`` is the diff summary against the previous release."""
    return {
        "name": desc.about.name,
        "version": desc.version,
        "date_released": desc.date_released,
        "previous_version": changes["previous_version"] if changes else None,
        "schema_version": desc.schema_version,
        "package_version": desc.package_version,
        "build_signature": desc.build_signature,
        "default_config": desc.default_config,
        "configs": {
            c.name: {
                "schema": c.schema_file,
                "splits": {
                    split: {
                        "num_rows": rows,
                        "files": {k: [p for p in v if split_of_file(p) == split] for k, v in c.files.items()},
                    }
                    for split, rows in c.splits.items()
                },
            }
            for c in desc.configs
        },
        "changes": changes,
        "sources": [{"name": s.name, "sha256": s.sha256} for s in desc.sources],
        # Only a build with --skip-bad sets files aside; releases without any omit the key.
        **({"skipped": [asdict(s) for s in desc.skipped]} if desc.skipped else {}),
        # The shard plan, so that the next release keeps each call in its shard.
        **({"shards": [list(shard) for shard in desc.shards]} if desc.shards else {}),
        # The DOIs it cites (raw/doi.toml); releases built before any was recorded omit the key.
        **({"doi": desc.citation.as_json()} if desc.citation else {}),
        "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in desc.files],
    }


def write_manifest(root: Path, desc: ReleaseDescription, changes: dict[str, Any] | None) -> None:
    """Write ``manifest.json`` (over ``desc.files``), then ``SHA256SUMS`` over every file.

    The hashes of ``desc.files`` are reused: only ``manifest.json`` itself is hashed anew."""
    text = json.dumps(manifest_data(desc, changes), ensure_ascii=False, indent=2) + "\n"
    (root / MANIFEST).write_text(text, encoding="utf-8")
    sums = [f for f in list_files(root, desc.files) if f.path != CHECKSUMS]
    (root / CHECKSUMS).write_text("".join(f"{f.sha256}  {f.path}\n" for f in sums), encoding="utf-8")


def read_manifest(root: Path) -> dict[str, Any]:
    """A release's ``manifest.json``; a ``CallcorpusError`` naming the file when unreadable."""
    path = root / MANIFEST
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise CallcorpusError(f"{path}: not found (not a release folder?)") from None
    except (OSError, ValueError) as exc:
        raise CallcorpusError(f"{path}: unreadable ({exc})") from exc
    if not isinstance(data, dict):
        raise CallcorpusError(f"{path}: not a JSON object")
    return data


def parse_checksums(root: Path) -> dict[str, str]:
    """``SHA256SUMS`` as path → hash; a ``CallcorpusError`` naming the line that is malformed."""
    path = root / CHECKSUMS
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        raise CallcorpusError(f"{path}: not found") from None
    sums = {}
    for number, line in enumerate(lines, start=1):
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or not name:
            raise CallcorpusError(f"{path}:{number}: not a 'sha256  path' line")
        sums[name] = digest
    return sums
