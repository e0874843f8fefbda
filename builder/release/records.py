"""Release records: what a rebuild of a release needs beyond ``raw/``, kept as source files.

A release's notes (``release --notes``), its date and the raw files its ``--skip-bad`` build set
aside live inside the release folder; a reproduction elsewhere (a fresh clone with the folder
removed) would not have them. So every release cut in a repository also writes
``release-notes/<version>.md`` at the repository's root, beside the releases folder (as the root
``CHANGELOG.md``): the notes as Markdown under a short TOML front matter with the date and the
files set aside::

    +++
    date = "2026-12-02"
    skipped = ["bad/empty.txt"]
    +++
    Release 2.0.1 corrects the dataset card; …

A build of a version that has a record takes its date, notes and set-aside files from it, so
it gives the release's bytes whether or not the folder is there.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from builder.errors import RecordError
from builder.release.versions import is_version

#: The folder of release records, beside the releases folder (the root of the repository).
RECORDS_FOLDER = "release-notes"
_FENCE = "+++"


@dataclass(frozen=True, slots=True)
class ReleaseRecord:
    """One release's date, notes (Markdown, or None) and the raw files set aside (sorted)."""

    date: str
    notes: str | None = None
    skipped: tuple[str, ...] = ()


def is_repository(folder: Path) -> bool:
    """Whether ``folder`` is the root of a repository (a git work tree): the only place whose
    root files (CHANGELOG.md, CITATION.cff, .zenodo.json, release-notes/) a release writes."""
    return (folder / ".git").exists()


def records_dir(dist_dir: Path) -> Path | None:
    """Where the records of the releases under ``dist_dir`` live: ``release-notes/`` beside it
    when it lies at a repository's root, else nowhere (None)."""
    root = dist_dir.resolve().parent
    return root / RECORDS_FOLDER if is_repository(root) else None


def record_path(dist_dir: Path, version: str) -> Path | None:
    """The record file of ``version`` (None outside a repository)."""
    folder = records_dir(dist_dir)
    return folder / f"{version}.md" if folder else None


def recorded_versions(dist_dir: Path) -> list[str]:
    """The versions that have a record (unsorted)."""
    folder = records_dir(dist_dir)
    if folder is None or not folder.is_dir():
        return []
    return [p.stem for p in folder.glob("*.md") if is_version(p.stem)]


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string (control characters escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " and c != "\x7f" else f"\\u{ord(c):04x}" for c in escaped) + '"'


def render_record(record: ReleaseRecord) -> str:
    """The record file's text."""
    head = [_FENCE, f"date = {_toml_string(record.date)}"]
    if record.skipped:
        head.append(f"skipped = [{', '.join(_toml_string(name) for name in record.skipped)}]")
    head.append(_FENCE)
    return "\n".join(head) + "\n" + (record.notes.strip() + "\n" if record.notes else "")


def parse_record(path: Path) -> ReleaseRecord:
    """Read a record file; a ``RecordError`` naming the file and the fix when it is malformed."""
    text = path.read_text(encoding="utf-8")
    fence = f"{_FENCE}\n"
    end = text.find(f"\n{fence}", len(fence))
    if not text.startswith(fence) or end < 0:
        raise RecordError(f"{path}: expected a front matter between two '+++' lines, then the notes")
    try:
        head = tomllib.loads(text[len(fence) : end + 1])
    except tomllib.TOMLDecodeError as exc:
        raise RecordError(f"{path}: front matter is not TOML ({exc})") from None
    released, skipped = head.get("date"), head.get("skipped", [])
    if not isinstance(released, str) or not _is_date(released):
        raise RecordError(f"{path}: `date` must be the release date as a string, YYYY-MM-DD")
    if not isinstance(skipped, list) or not all(isinstance(n, str) for n in skipped):
        raise RecordError(f"{path}: `skipped` must be a list of raw file names")
    if unknown := sorted(set(head) - {"date", "skipped"}):
        raise RecordError(f"{path}: unknown key(s) {', '.join(unknown)} (expected date, skipped)")
    notes = text[end + 1 + len(fence) :].strip()
    return ReleaseRecord(released, notes or None, tuple(sorted(skipped)))


def _is_date(text: str) -> bool:
    try:
        return Date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def read_record(dist_dir: Path, version: str) -> ReleaseRecord | None:
    """The record of ``version``, or None when it has none."""
    path = record_path(dist_dir, version)
    return parse_record(path) if path and path.is_file() else None


def write_record(dist_dir: Path, version: str, record: ReleaseRecord) -> Path | None:
    """Write the record of ``version`` (in a repository only); its path when its content
    changed, else None."""
    path = record_path(dist_dir, version)
    text = render_record(record)
    if path is None or (path.is_file() and path.read_text(encoding="utf-8") == text):
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
