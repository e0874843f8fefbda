"""The repository's root metadata, regenerated from the releases under ``dist/``.

``CHANGELOG.md`` gets an entry per release; ``CITATION.cff`` and ``.zenodo.json`` describe the
newest release. ``callcorpus release`` writes them after a release is cut; a test checks the
committed files equal what this module renders, so they never drift from ``dist/``.
"""

from __future__ import annotations

from pathlib import Path

from builder.cards.cff import render_cff
from builder.cards.zenodo import render_zenodo
from builder.changelog import render_changelog
from builder.description import load_description
from builder.versions import list_releases


def root_files(dist_dir: Path) -> dict[str, str]:
    """File name → content of every root metadata file, for the releases under ``dist_dir``."""
    files = {"CHANGELOG.md": render_changelog(dist_dir)}
    releases = list_releases(dist_dir)
    if releases:
        newest = load_description(dist_dir / releases[-1])
        files |= {"CITATION.cff": render_cff(newest), ".zenodo.json": render_zenodo(newest)}
    return files


def write_root_files(repo_root: Path, dist_dir: Path) -> list[str]:
    """Write the root metadata files; the names of those whose content changed."""
    changed = []
    for name, text in root_files(dist_dir).items():
        path = repo_root / name
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed
