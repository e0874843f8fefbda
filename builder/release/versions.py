"""Semantic corpus versions: parsing, ordering, bumps, and the releases already in ``dist/``.

A major version removes, renames or retypes a field, or removes transcripts; a minor one adds
transcripts, fields or configs; a patch corrects text or metadata. ``diff`` decides which
level a change needs; ``check_bump`` refuses a version that understates it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from builder.errors import CallcorpusError, VersionUnderstated, excerpt

Level = Literal["patch", "minor", "major"]
LEVELS: tuple[Level, ...] = ("patch", "minor", "major")
_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


def parse_version(text: str) -> tuple[int, int, int]:
    """``"1.2.3"`` → ``(1, 2, 3)``; a ``CallcorpusError`` for anything else."""
    match = _VERSION.fullmatch(text)  # not ``match``: its ``$`` lets a trailing newline through
    if not match:
        raise CallcorpusError(f"version {excerpt(text)} is not of the form X.Y.Z")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def is_version(text: str) -> bool:
    """True for a well-formed ``X.Y.Z``."""
    return bool(_VERSION.fullmatch(text))


def bump(version: str, level: Level) -> str:
    """The next version at ``level``: ``bump("1.2.3", "minor") == "1.3.0"``."""
    major, minor, patch = parse_version(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def bump_level(old: str, new: str) -> Level | None:
    """The level by which ``new`` moves past ``old``; None when it does not move forward."""
    a, b = parse_version(old), parse_version(new)
    if b <= a:
        return None
    return "major" if b[0] > a[0] else "minor" if b[1] > a[1] else "patch"


def higher(a: Level | None, b: Level | None) -> Level | None:
    """The more significant of two levels (None is below patch)."""
    if a is None or b is None:
        return a or b
    return max(a, b, key=LEVELS.index)


def list_releases(dist_dir: Path) -> list[str]:
    """Versions of the releases under ``dist_dir`` (folders named ``X.Y.Z``), oldest first."""
    if not dist_dir.is_dir():
        return []
    found = [p.name for p in dist_dir.iterdir() if p.is_dir() and is_version(p.name)]
    return sorted(found, key=parse_version)


def previous_release(dist_dir: Path, version: str) -> str | None:
    """The newest release under ``dist_dir`` older than ``version``."""
    older = [v for v in list_releases(dist_dir) if parse_version(v) < parse_version(version)]
    return older[-1] if older else None


def check_forward(dist_dir: Path, version: str) -> None:
    """Refuse building ``version`` below the newest release in ``dist_dir`` (unless it is one
    of them: a rebuild). Releases only move forward."""
    releases = list_releases(dist_dir)
    if releases and version not in releases and parse_version(version) < parse_version(releases[-1]):
        raise CallcorpusError(
            f"version {version} is below the newest release {releases[-1]} in {dist_dir}: releases only "
            f"move forward (rebuild an existing version, or cut one above {releases[-1]})"
        )


def check_bump(previous: str, version: str, required: Level | None, reasons: list[str]) -> None:
    """Refuse ``version`` when it does not move past ``previous`` by at least ``required``."""
    moved = bump_level(previous, version)
    if moved is None:
        raise VersionUnderstated(f"version {version} does not come after the previous release {previous}")
    if bump(previous, moved) != version:
        following = ", ".join(bump(previous, level) for level in LEVELS)
        raise CallcorpusError(
            f"version {version} skips versions after {previous}: give the next one at the level "
            f"the changes need ({following})"
        )
    if required and LEVELS.index(moved) < LEVELS.index(required):
        why = "; ".join(reasons[:3]) + (f"; and {len(reasons) - 3} more" if len(reasons) > 3 else "")
        raise VersionUnderstated(
            f"version {version} is a {moved} release, but the changes since {previous} need a "
            f"{required} release ({bump(previous, required)}): {why}"
        )
