"""``callcorpus check``: raw files run through the build's per-file pipeline, nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from builder.errors import CallcorpusError
from builder.rows.process import ProcessedFile, process_file
from builder.sources.discover import discover_sources
from builder.sources.manifest import Manifest, load_manifest


@dataclass(frozen=True, slots=True)
class FileCheck:
    """What checking one raw file found: its rows, or the error that stopped it."""

    path: Path
    processed: ProcessedFile | None
    error: str | None

    @property
    def problems(self) -> list[str]:
        """Every reason the file would fail a build, one line each."""
        if self.error is not None:
            return [self.error]
        return [f"{self.path}: {problem}" for problem in self.processed.problems] if self.processed else []


def manifest_key(path: Path, raw_dir: Path) -> str | None:
    """The file's manifest key when it lies inside the raw folder, else None."""
    try:
        return path.resolve().relative_to(raw_dir.resolve()).as_posix()
    except ValueError:
        return None


def check_files(files: list[Path], raw_dir: Path) -> Iterator[FileCheck]:
    """Check raw files as a build would; files inside ``raw_dir`` get its manifest's overrides."""
    manifest: Manifest | None = (
        load_manifest(raw_dir, discover_sources(raw_dir)) if raw_dir.is_dir() else None
    )
    for path in files:
        key = manifest_key(path, raw_dir)
        overrides = manifest.overrides(key) if manifest and key else None
        try:
            yield FileCheck(path, process_file(path, overrides=overrides), None)
        except CallcorpusError as exc:
            yield FileCheck(path, None, str(exc))
