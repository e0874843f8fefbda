"""Writes the generated pages into the sources folder and builds the site with ``mkdocs build --strict``."""

from __future__ import annotations

import datetime
import importlib.util
import logging
import os
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

from builder.docsgen import (
    card_page,
    cli_page,
    home_page,
    releases_page,
    schema_page,
    stats_page,
    transcript_page,
    usage_page,
)
from builder.docsgen.releases import changelog, find_releases
from builder.errors import CallcorpusError


class DocsBuildFailed(CallcorpusError):
    """mkdocs could not build the site (in strict mode, any warning)."""


def _pages(dist: Path, cli_help: dict[str, str]) -> dict[str, str]:
    """Every generated file, by path under the sources folder."""
    releases = find_releases(dist)
    newest = releases[0]
    transcripts = newest.rows("transcripts")
    segments = newest.rows("segments")
    by_call: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for seg in segments:
        by_call[seg["transcript_id"]].append(seg)
    numbers = home_page.headline(transcripts, segments)
    stats = stats_page.render(transcripts, segments, newest.version)
    pages = {
        "index.md": home_page.render(newest, numbers, [r.version for r in releases]),
        "card.md": card_page.render(newest),
        "schema.md": schema_page.render(newest),
        "stats.md": stats.markdown,
        "usage.md": usage_page.render(newest),
        "cli.md": cli_page.render(cli_help),
        "releases.md": releases_page.render(releases, changelog(dist)),
        "transcripts/index.md": transcript_page.render_index(transcripts),
    }
    pages |= {f"stats/{name}": svg for name, svg in stats.charts.items()}
    for row in transcripts:
        tid = row["transcript_id"]
        pages[f"transcripts/{tid}.md"] = transcript_page.render(row, by_call[tid], newest.version)
    return pages


def generate(dist: Path, src: Path, hand_written: Path | None, cli_help: dict[str, str]) -> int:
    """Replace ``src`` with the hand-written pages plus the generated ones; returns the file count."""
    pages = _pages(dist, cli_help)
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    if hand_written is not None and hand_written.is_dir():
        shutil.copytree(hand_written, src, dirs_exist_ok=True)
    for name, text in sorted(pages.items()):
        target = src / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    return sum(1 for p in src.rglob("*") if p.is_file())


def release_epoch(dist: Path) -> str:
    """Seconds since 1970 of the newest release's ``date_released`` (its manifest), else ``0``."""
    manifest = find_releases(dist)[0].manifest or {}
    try:
        day = datetime.date.fromisoformat(str(manifest.get("date_released")))
    except ValueError:
        return "0"
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))


#: Modules of the ``docs`` extra that building the site needs.
DOCS_EXTRA = ("mkdocs", "material", "jieba")


def require_docs_extra() -> None:
    """Raise ``DocsBuildFailed`` naming the extra to install when a module of it is missing."""
    missing = [name for name in DOCS_EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        raise DocsBuildFailed(
            f"building the site needs the `docs` extra ({', '.join(missing)} not installed): "
            "pip install -e '.[docs]' in a clone, or use --no-build for the sources only"
        )


def build(config: Path, src: Path, site: Path, epoch: str = "0") -> None:
    """Run ``mkdocs build --strict`` on ``src`` into ``site`` with the settings of ``config``.

    The sitemap's dates come from ``SOURCE_DATE_EPOCH`` when set, else from ``epoch``.
    """
    require_docs_extra()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config.is_file():
        raise DocsBuildFailed(f"{config}: mkdocs configuration not found (run from the repository root)")
    _quiet_jieba()
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = saved or epoch
    try:
        cfg = load_config(str(config), docs_dir=str(src.resolve()), site_dir=str(site.resolve()), strict=True)
        mkdocs_build(cfg)
    except MkDocsException as exc:
        raise DocsBuildFailed(f"mkdocs build --strict failed: {exc}") from None
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def build_docs(dist: Path, src: Path, site: Path | None, config: Path, cli_help: dict[str, str]) -> int:
    """Generate the pages into ``src`` and, unless ``site`` is None, build the site there.

    Returns the number of source files. The docs extra is checked before anything is written."""
    if site is not None:
        require_docs_extra()
    count = generate(dist, src, config.parent / "docs", cli_help)
    if site is not None:
        build(config, src, site, release_epoch(dist))
    return count


def _quiet_jieba() -> None:
    """jieba (Chinese word segmentation for search) logs its dictionary loading at DEBUG."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)
