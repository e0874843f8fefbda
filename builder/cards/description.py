"""The release description: every fact about one release folder that metadata files state.

A description is read off the files themselves (sizes, SHA-256, Parquet row counts) plus the
few facts only the build knows (version, release date, sources, build signature). The card,
``manifest.json``, ``CITATION.cff``, ``croissant.json`` and ``datapackage.json`` are all
rendered from one description, so their counts and hashes cannot disagree with the files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from builder.cards.about import ABOUT, About
from builder.cards.doi import NO_CITATION, Citation
from builder.formats.checksum import sha256_files
from builder.formats.layout import FORMATS, MANIFEST, SCHEMA_FOLDER, split_of_file, split_order
from builder.schema.files import config_names, release_spec


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One file of a release: path relative to the release folder, size and SHA-256."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One raw input of the build: its path under ``raw/`` and SHA-256."""

    name: str
    sha256: str


@dataclass(frozen=True, slots=True)
class SkippedEntry:
    """A raw file the build set aside (``--skip-bad``): its path under ``raw/``, SHA-256, why."""

    name: str
    sha256: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class ConfigEntry:
    """One config: its schema, row count and files per format (release-relative paths)."""

    name: str
    description: str
    schema_file: str
    num_rows: int
    files: dict[str, tuple[str, ...]]
    #: Rows per split that has files, in ``SPLITS`` order.
    splits: dict[str, int]


@dataclass(frozen=True, slots=True)
class ReleaseDescription:
    """Everything the metadata files of one release state, read off its files."""

    version: str
    date_released: str
    schema_version: str
    package_version: str
    build_signature: str
    default_config: str
    configs: tuple[ConfigEntry, ...]
    files: tuple[FileEntry, ...]
    sources: tuple[SourceEntry, ...]
    about: About = ABOUT
    skipped: tuple[SkippedEntry, ...] = ()
    #: Which raw files formed each shard, in build order (empty for releases that predate it).
    shards: tuple[tuple[str, ...], ...] = ()
    #: The DOIs it cites (recorded in ``raw/doi.toml`` before it was built; none before any was).
    citation: Citation = NO_CITATION

    def file(self, path: str) -> FileEntry:
        """The entry of one file by its release-relative path."""
        return next(f for f in self.files if f.path == path)

    def config(self, name: str) -> ConfigEntry:
        """One config by name."""
        return next(c for c in self.configs if c.name == name)


def list_files(root: Path, known: tuple[FileEntry, ...] = ()) -> list[FileEntry]:
    """Every file under ``root`` (sorted, release-relative POSIX paths) with size and hash.

    Entries in ``known`` (from an earlier listing of the same build) are reused for files of
    the same path and size, so data files are hashed once per build.
    """
    reuse = {f.path: f for f in known}
    listed = [
        (p, p.relative_to(root).as_posix(), p.stat().st_size) for p in sorted(root.rglob("*")) if p.is_file()
    ]
    fresh = [path for path, name, size in listed if not (name in reuse and reuse[name].size == size)]
    hashes = dict(zip(fresh, sha256_files(fresh), strict=True))
    return [
        FileEntry(name, size, hashes[path]) if path in hashes else reuse[name] for path, name, size in listed
    ]


def _config_entry(root: Path, name: str, files: list[FileEntry], rows_of: dict[str, int]) -> ConfigEntry:
    spec = release_spec()["configs"][name]
    per_format = {
        fmt: tuple(f.path for f in files if f.path.startswith(f"{folder}/{name}/"))
        for fmt, (folder, _) in FORMATS.items()
    }
    per_format = {fmt: tuple(sorted(paths, key=split_order)) for fmt, paths in per_format.items()}
    splits: dict[str, int] = {}
    for path in per_format["parquet"]:
        split = split_of_file(path) or ""
        if path not in rows_of:
            rows_of[path] = pq.read_metadata(root / path).num_rows
        splits[split] = splits.get(split, 0) + rows_of[path]
    rows = sum(splits.values())
    return ConfigEntry(name, spec["description"], f"schema/{spec['schema']}", rows, per_format, splits)


def describe(
    root: Path,
    *,
    version: str,
    date_released: str,
    package_version: str,
    build_signature: str,
    sources: tuple[SourceEntry, ...],
    skipped: tuple[SkippedEntry, ...] = (),
    exclude: frozenset[str] = frozenset(),
    known: tuple[FileEntry, ...] = (),
    shards: tuple[tuple[str, ...], ...] = (),
    citation: Citation = NO_CITATION,
    parquet_rows: dict[str, int] | None = None,
) -> ReleaseDescription:
    """Describe the release folder ``root`` as it is on disk, leaving out ``exclude`` paths.

    ``parquet_rows`` (path → rows), when given, holds the rows of Parquet files read by an
    earlier description of the same data files, and gains those read now."""
    files = [f for f in list_files(root, known) if f.path not in exclude]
    rows_of = {} if parquet_rows is None else parquet_rows
    return ReleaseDescription(
        version=version,
        date_released=date_released,
        schema_version=release_spec()["schema_version"],
        package_version=package_version,
        build_signature=build_signature,
        default_config=release_spec()["default_config"],
        configs=tuple(_config_entry(root, name, files, rows_of) for name in config_names()),
        files=tuple(files),
        sources=sources,
        skipped=skipped,
        shards=shards,
        citation=citation,
    )


def load_description(root: Path) -> ReleaseDescription:
    """The description a release recorded in its ``manifest.json`` (files as listed there)."""
    manifest = json.loads((root / MANIFEST).read_text("utf-8"))
    spec = json.loads((root / SCHEMA_FOLDER / "release.json").read_text("utf-8"))
    return ReleaseDescription(
        version=manifest["version"],
        date_released=manifest["date_released"],
        schema_version=manifest["schema_version"],
        package_version=manifest["package_version"],
        build_signature=manifest["build_signature"],
        default_config=manifest["default_config"],
        configs=tuple(
            ConfigEntry(
                name,
                spec["configs"][name]["description"],
                config["schema"],
                config_rows(config),
                {fmt: tuple(paths) for fmt, paths in config_files(config).items()},
                {split: entry["num_rows"] for split, entry in config["splits"].items()},
            )
            for name, config in manifest["configs"].items()
        ),
        files=tuple(FileEntry(f["path"], f["size"], f["sha256"]) for f in manifest["files"]),
        sources=tuple(SourceEntry(s["name"], s["sha256"]) for s in manifest["sources"]),
        skipped=tuple(SkippedEntry(s["name"], s["sha256"], s["reason"]) for s in manifest.get("skipped", [])),
        shards=tuple(tuple(shard) for shard in manifest.get("shards", [])),
        citation=Citation.from_json(manifest.get("doi")),
    )


def config_rows(config: dict[str, Any]) -> int:
    """A config's rows in a manifest, over all its splits."""
    return sum(split["num_rows"] for split in config["splits"].values())


def config_files(config: dict[str, Any]) -> dict[str, list[str]]:
    """A config's files per format in a manifest, split by split."""
    files: dict[str, list[str]] = {}
    for split in config["splits"].values():
        for fmt, paths in split["files"].items():
            files.setdefault(fmt, []).extend(paths)
    return files
