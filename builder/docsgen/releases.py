"""The releases under ``dist/``: versions, their rows and the metadata files they carry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from builder.errors import CallcorpusError
from builder.formats.layout import CARD, FORMATS, MANIFEST, config_folder, shard_files
from builder.release.versions import list_releases
from builder.schema.files import config_names

#: Rows read for examples (the schema page, from a config's first shard): every row of the seeds.
SAMPLE_ROWS = 5_000


class NoRelease(CallcorpusError):
    """The dist folder holds no release to document."""


def _optional(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


@dataclass
class Release:
    """One release folder ``dist/X.Y.Z/``; its rows are streamed (``calls.iter_calls``), never held."""

    version: str
    path: Path

    def sample(self, config: str, limit: int = SAMPLE_ROWS) -> list[dict[str, Any]]:
        """At most ``limit`` rows of a config's first shard (none when it has no such config)."""
        files = shard_files(self.path, config) if config in self.configs else []
        if not files:
            return []
        first = next(pq.ParquetFile(files[0]).iter_batches(batch_size=limit), None)
        return first.to_pylist() if first is not None else []

    def num_rows(self, config: str) -> int:
        """Rows of a config, from its Parquet footers."""
        return sum(pq.read_metadata(f).num_rows for f in shard_files(self.path, config))

    @property
    def configs(self) -> list[str]:
        """The schema's configs that this release holds, default first."""
        return [name for name in config_names() if config_folder(self.path, name).is_dir()]

    @cached_property
    def card(self) -> str:
        """The dataset card (``README.md``) without its YAML header."""
        text = (self.path / CARD).read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        return text.lstrip("\n")

    @cached_property
    def manifest(self) -> dict[str, Any] | None:
        """``manifest.json`` when the release has one."""
        text = _optional(self.path / MANIFEST)
        return json.loads(text) if text is not None else None

    @cached_property
    def citation_bib(self) -> str | None:
        """``citation.bib`` when the release has one."""
        return _optional(self.path / "citation.bib")

    @cached_property
    def citation_cff(self) -> str | None:
        """``CITATION.cff`` when the release has one."""
        return _optional(self.path / "CITATION.cff")


def find_releases(dist: Path) -> list[Release]:
    """The releases in ``dist``, newest first; raises NoRelease when there is none."""
    found = [
        Release(version, dist / version)
        for version in reversed(list_releases(dist))
        if (dist / version / CARD).is_file() and (dist / version / FORMATS["parquet"][0]).is_dir()
    ]
    if not found:
        raise NoRelease(f"{dist}: no release found (expected {dist}/X.Y.Z/); run `callcorpus build` first")
    return found


def changelog(dist: Path) -> str | None:
    """The repository's ``CHANGELOG.md`` (beside ``dist/``) when there is one."""
    return _optional(dist.resolve().parent / "CHANGELOG.md")
