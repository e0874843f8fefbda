"""What a publish puts in the remote's tree: the folder's files as they are, which of them go
through Git LFS, and the ``.gitattributes`` that says so.

A release's tree is the release folder itself (the card ``README.md`` at the root, as the Hub
reads it, ``data/…`` and the other formats beside) plus ``.gitattributes``. Every data file is
stored through Git LFS: the extensions come from the release layout (``builder/formats/layout.py``),
so a format added there is stored through LFS without a change here; the metadata files stay
plain text that the Hub shows and diffs.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from builder.formats.layout import EARLIER_EXTENSIONS, EXPORTS, FORMATS

ATTRIBUTES = ".gitattributes"


def lfs_extensions() -> tuple[str, ...]:
    """The last extension of every data file a release holds, now or before schema 2.0.0
    (``parquet``, ``zst``, ``arrow``, ``gz``; ``jsonl``, ``en``, ``zh``, ``ids``, ``tmx``)."""
    names = [ext for _, ext in FORMATS.values()] + [ext for kind in EXPORTS.values() for ext in kind]
    names += list(EARLIER_EXTENSIONS.values())
    return tuple(sorted({name.rsplit(".", 1)[-1] for name in names}))


def attributes_text(lfs: bool) -> str:
    """The ``.gitattributes`` of the tree: every data extension through LFS (empty without LFS)."""
    if not lfs:
        return ""
    return "".join(f"*.{ext} filter=lfs diff=lfs merge=lfs -text\n" for ext in lfs_extensions())


def is_lfs(path: str, lfs: bool) -> bool:
    """Whether a tree path is stored through LFS."""
    return lfs and path.rsplit(".", 1)[-1] in lfs_extensions()


@dataclass(frozen=True, slots=True)
class TreeFile:
    """One file of the tree: its path, size, and whether it goes through LFS."""

    path: str
    size: int
    lfs: bool


def generated_files(lfs: bool, site: bool) -> dict[str, str]:
    """The files the tree holds beside the folder's: ``.gitattributes`` with LFS, and for a site
    ``.nojekyll`` (GitHub Pages then serves folders such as ``_static`` as they are)."""
    return ({ATTRIBUTES: attributes_text(lfs)} if lfs else {}) | ({".nojekyll": ""} if site else {})


def tree_files(folder: Path, lfs: bool, generated: dict[str, str]) -> list[TreeFile]:
    """Every file of ``folder`` as the tree will hold it (the generated ones included), sorted."""
    found = [
        TreeFile(p.relative_to(folder).as_posix(), p.stat().st_size, False)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(folder).parts
    ]
    files = [TreeFile(f.path, f.size, is_lfs(f.path, lfs)) for f in found if f.path not in generated]
    files += [TreeFile(name, len(text.encode()), False) for name, text in generated.items()]
    return sorted(files, key=lambda f: f.path)


def stage(folder: Path, work: Path, files: list[TreeFile], generated: dict[str, str]) -> None:
    """Lay the tree out in ``work``: each file linked (copied across file systems), never moved."""
    for entry in files:
        target = work / entry.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.path in generated:
            target.write_text(generated[entry.path], encoding="utf-8")
            continue
        try:
            os.link(folder / entry.path, target)
        except OSError:
            shutil.copyfile(folder / entry.path, target)
