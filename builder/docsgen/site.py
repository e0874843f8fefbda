"""The documentation site in four steps, streaming the release's calls twice, never holding them.

1. ``generate``: one pass over the calls tallies the home and statistics pages and the
   transcripts list's index; the Markdown pages (and the frame of the transcript pages) go to
   the sources folder beside the hand-written pages of ``docs/``;
2. ``mkdocs build --strict`` builds the documentation pages (``mkdocs_run``);
3. a second pass writes each call's page as HTML into the built site (``call_pages``) and
   indexes those pages with Pagefind in bundles (``search``) and in the phrase index
   (``phrase_index``);
4. the sitemap lists every page under the site's address, when it has one (``sitemap``),
   Pagefind and the phrase index index the documentation pages, and the phrase index is
   written.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from builder.docsgen import (
    call_index,
    card_page,
    cli_page,
    home_page,
    releases_page,
    schema_page,
    stats_page,
    usage_page,
)
from builder.docsgen.call_pages import write_call_pages
from builder.docsgen.calls import iter_calls
from builder.docsgen.mkdocs_run import build, require_docs_extra
from builder.docsgen.phrase_index import PhraseIndex
from builder.docsgen.releases import Release, changelog, find_releases
from builder.docsgen.search import index_docs
from builder.docsgen.shell import SHELL_PAGE, shell_source
from builder.docsgen.sitemap import write_sitemap
from builder.docsgen.tally import Tally

#: Hand-written folders of ``docs/`` that are not pages (mkdocs' ``theme.custom_dir``).
NOT_PAGES = ("overrides",)


def _tally(release: Release) -> tuple[Tally, str]:
    """One pass over the calls: the tally and the transcripts list's JSON index."""
    tally, entries = Tally(), []
    for call in iter_calls(release.path):
        tally.add(call)
        entries.append(call_index.entry(call))
    return tally, call_index.index_json(entries)


def _pages(dist: Path, cli_help: dict[str, str]) -> dict[str, str]:
    """Every generated file, by path under the sources folder."""
    releases = find_releases(dist)
    newest = releases[0]
    tally, index = _tally(newest)
    stats = stats_page.render(tally, newest.version)
    pages = {
        "index.md": home_page.render(newest, home_page.headline(tally), [r.version for r in releases]),
        "card.md": card_page.render(newest),
        "schema.md": schema_page.render(newest),
        "stats.md": stats.markdown,
        "usage.md": usage_page.render(newest),
        "cli.md": cli_page.render(cli_help),
        "releases.md": releases_page.render(releases, changelog(dist)),
        "transcripts/index.md": call_index.render_page(tally.calls),
        call_index.INDEX_FILE: index,
        f"{SHELL_PAGE}.md": shell_source(),
    }
    return pages | {f"stats/{name}": svg for name, svg in stats.charts.items()}


def generate(dist: Path, src: Path, hand_written: Path | None, cli_help: dict[str, str]) -> int:
    """Replace ``src`` with the hand-written pages plus the generated ones; returns the file count."""
    pages = _pages(dist, cli_help)
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    if hand_written is not None and hand_written.is_dir():
        shutil.copytree(hand_written, src, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*NOT_PAGES))
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


def build_docs(
    dist: Path, src: Path, site: Path | None, config: Path, cli_help: dict[str, str], url: str | None = None
) -> int:
    """Generate the pages into ``src`` and, unless ``site`` is None, build the site there, to
    be served from ``url`` (a checked address ending in ``/``; None: unknown, no sitemap).

    Returns the number of source files. The docs extra is checked before anything is written."""
    if site is not None:
        require_docs_extra()
    count = generate(dist, src, config.parent / "docs", cli_help)
    if site is not None:
        build(config, src, site, release_epoch(dist), url)
        stage = src.parent / ".search-stage"
        with PhraseIndex(src.parent / ".phrase-stage") as phrases:
            write_call_pages(find_releases(dist)[0], site, stage, phrases)
            write_sitemap(site, url)
            index_docs(site, stage, phrases)
            phrases.write(site)
    return count
