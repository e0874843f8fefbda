"""Finding the raw transcripts of a folder: every ``*.txt`` file at any depth, sorted.

Nothing is passed over in silence: a file named ``.TXT``, a file of any other kind
(``page.html``, ``tool.py``, ``tickers.csv``), a ``.txt`` that is not a regular file (a FIFO, a
device), a broken or looping link and a link to a folder are listed with the reason they are
not read. Only the files the project itself keeps in the raw folder, at its top
(``manifest.toml``, ``doi.toml`` and a ``README``), are expected there and not listed. A link that points
outside the raw folder is refused: every raw file must lie inside it (its bytes are the
release's sources).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from builder.errors import CallcorpusError, ValidationFailed

SUFFIX = ".txt"
#: Files the project keeps at the top of the raw folder that are not transcripts: the manifest
#: (``manifest.py``), the DOI record (``builder/release/doi_record.py``), a README.
EXPECTED = frozenset({"manifest.toml", "doi.toml", "README", "README.md"})


@dataclass(frozen=True, slots=True)
class RawListing:
    """The transcripts of a raw folder (relative POSIX paths, sorted) and what was not read."""

    names: list[str]
    passed_over: dict[str, str] = field(default_factory=dict)


def _classify(path: Path, root: Path) -> str | None:
    """Why ``path`` (a ``.txt`` by name, any case) is not read; None when it is a transcript.
    Raises ``ValueError`` with the reason when it must be refused."""
    if path.suffix != SUFFIX:
        return f"named {path.suffix}, not {SUFFIX}: only *{SUFFIX} files are read"
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return f"cannot be examined ({exc.strerror})"  # gone since it was listed, or not reachable
    if stat.S_ISLNK(mode):  # a file that is not a link lies in the walked folder: no resolving
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            return "a broken link"
        except (RuntimeError, OSError):
            return "a link that loops"
        if not target.is_relative_to(root):
            outside = f"a link to {target}, outside the raw folder {root}"
            raise ValueError(f"{outside}; raw files must lie inside it")
        mode = target.stat().st_mode
    if stat.S_ISDIR(mode):
        return "a link to a folder (not followed)"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device)"
    return None


def list_raw(raw_dir: Path) -> RawListing:
    """Every ``*.txt`` under ``raw_dir`` (links to folders not followed), and what was passed over.

    Raises ``ValidationFailed`` naming every link that points outside the folder."""
    if not raw_dir.is_dir():
        raise CallcorpusError(f"{raw_dir}: raw folder not found")
    root = raw_dir.resolve()
    names, passed_over, refused = [], {}, []
    for folder, folders, files in os.walk(raw_dir):
        for linked in (d for d in folders if Path(folder, d).is_symlink()):
            passed_over[Path(folder, linked).relative_to(raw_dir).as_posix() + "/"] = (
                "a link to a folder (not followed)"
            )
        for filename in files:
            path = Path(folder, filename)
            name = path.relative_to(raw_dir).as_posix()
            if path.suffix.lower() != SUFFIX:
                if name not in EXPECTED:
                    passed_over[name] = f"not a transcript file: only *{SUFFIX} files are read"
                continue
            try:
                reason = _classify(path, root)
            except ValueError as exc:
                refused.append(f"{shown_path(raw_dir, name)}: {exc}")
                continue
            if reason is None:
                names.append(name)
            else:
                passed_over[name] = reason
    if refused:
        raise ValidationFailed(str(raw_dir), sorted(refused))
    return RawListing(sorted(names), dict(sorted(passed_over.items())))


def discover_sources(raw_dir: Path) -> list[str]:
    """Raw transcript files (``*.txt``, any depth) as sorted paths relative to ``raw_dir``."""
    return list_raw(raw_dir).names


def shown_path(raw_dir: Path, name: str) -> str:
    """A raw file (``name`` under ``raw_dir``) as every message names it: its path as the user
    reaches it, the raw folder as given (``raw/bad/empty.txt``), a folder with its ``/``."""
    return (raw_dir / name).as_posix() + ("/" if name.endswith("/") else "")
