"""Search over the built site with Pagefind: a chunked index that a query loads only in part.

The documentation pages form one bundle (``pagefind/``); the transcript pages form bundles of
at most ``CALLS_PER_BUNDLE`` calls each (``pagefind-calls/NNN/``), ``PARALLEL`` indexed at a
time, because Pagefind holds every page of a run in memory (about 3.3 MB per call). The header's
search box (``docs/javascripts/search.js``) merges them all, listed in
``pagefind-calls/bundles.js``. Every page is indexed as Traditional Chinese (``zh-TW``):
one index language for the whole site, so that a query in either language searches every page.
Pagefind indexes a copy of each page (``zh_index``: its number in the phrase index as the
metadata ``page``, one word per Chinese character); the page served is the one rendered. Every
page Pagefind indexes is added to the phrase index (``phrase_index``), through which the search
box looks up Chinese. The search box renders what the indexes return as text (Pagefind's own
UI, whose files each bundle still carries, is not used).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from builder.docsgen.phrase_index import PhraseIndex
from builder.docsgen.zh_index import indexed_copy
from builder.errors import CallcorpusError

#: Calls per transcript bundle: bounds Pagefind's memory (about 30 MB + 3.3 MB a call per run)
#: and, with the number of calls, the bundles a query touches.
CALLS_PER_BUNDLE = 100
#: Bundles indexed at the same time (Pagefind indexes on about one core).
PARALLEL = 2
#: The one language of the index (Pagefind's segmentation of Chinese; no stemming).
LANGUAGE = "zh-TW"
DOCS_BUNDLE = "pagefind"
#: The documentation pages Pagefind indexes: the site's top level and the transcripts list.
DOCS_PAGES = ("*.html", "transcripts/index.html")
#: Pagefind's engine, in every bundle: only the primary (docs) bundle's copy is used.
ENGINE_FILES = ("pagefind.js", "pagefind-worker.js")
#: Pagefind's own search interfaces, in every bundle, never used: they write values from the
#: index as HTML (``docs/javascripts/search.js`` renders them as text), so no bundle keeps them.
UI_FILES = (
    "pagefind-highlight.js",
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
)
CALLS_FOLDER = "pagefind-calls"
#: The staging folder of a bundle's pages as the site shows them (beside the indexed copies).
_PAGES = "-pages"


class SearchIndexFailed(CallcorpusError):
    """Pagefind is missing or could not index the site."""


def pagefind_binary() -> str:
    """The Pagefind executable of the ``pagefind[extended]`` package, or a one-line error."""
    if importlib.util.find_spec("pagefind_bin_extended") is None:
        raise SearchIndexFailed(
            "search needs the `docs` extra (pagefind[extended] not installed): "
            "pip install -e '.[docs]' in a clone, or use --no-build for the sources only"
        )
    from pagefind_bin_extended import get_executable

    return str(get_executable())


def _start(site: Path, out: Path, glob: str | None = None) -> subprocess.Popen[str]:
    """Start indexing the HTML files of ``site`` (matching ``glob``) into the bundle ``out``."""
    command = [pagefind_binary(), "--site", str(site), "--output-path", str(out)]
    command += ["--force-language", LANGUAGE, "--exclude-selectors", ".headerlink", "--silent"]
    if glob is not None:
        command += ["--glob", glob]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _wait(run: subprocess.Popen[str], site: Path) -> None:
    """Wait for an indexing run; a one-line error when it failed."""
    output, _ = run.communicate()
    if run.returncode != 0:
        last = output.strip().splitlines() or ["no output"]
        raise SearchIndexFailed(f"pagefind failed on {site} (exit {run.returncode}): {last[-1]}")


def index_docs(site: Path, stage: Path, phrases: PhraseIndex) -> None:
    """The documentation pages (``DOCS_PAGES``) as one bundle, each added to ``phrases``: their
    indexed copies written to ``stage`` and indexed there."""
    shutil.rmtree(stage, ignore_errors=True)
    for path in sorted({path for pattern in DOCS_PAGES for path in site.glob(pattern)}):
        html = path.read_text(encoding="utf-8")
        target = stage / path.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(indexed_copy(html, phrases.add(html)), encoding="utf-8", newline="\n")
    try:
        _wait(_start(stage, site / DOCS_BUNDLE), site)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    _drop(site / DOCS_BUNDLE, UI_FILES)
    phrases.locate(site, site / DOCS_BUNDLE)


def _drop(bundle: Path, names: tuple[str, ...]) -> None:
    """Remove Pagefind's files ``names`` from ``bundle``."""
    for name in names:
        (bundle / name).unlink(missing_ok=True)


@dataclass
class _Bundle:
    """A bundle being indexed: its name, its pages, the run indexing them."""

    name: str
    pages: list[str]
    run: subprocess.Popen[str]


class CallBundles:
    """Writes transcript pages into the site, indexing them in bundles of ``size`` calls.

    A bundle's pages are written to a staging folder of its own, each beside the copy Pagefind
    indexes (``zh_index.indexed_copy``: its number in ``phrases``, one word per Chinese
    character), which is indexed there (so that each page keeps its URL,
    ``transcripts/<transcript_id>.html``), ``parallel`` bundles at a time while the next pages
    are written; the pages are then moved into the site.
    """

    def __init__(
        self,
        site: Path,
        stage: Path,
        phrases: PhraseIndex,
        size: int = CALLS_PER_BUNDLE,
        parallel: int = PARALLEL,
    ):
        self.site, self.stage, self.phrases, self.size, self.parallel = site, stage, phrases, size, parallel
        shutil.rmtree(stage, ignore_errors=True)  # pages a stopped run left behind
        self.pending: list[str] = []
        self.running: list[_Bundle] = []
        self.names: list[str] = []

    def add(self, page: str, html: str) -> None:
        """Write a page (its path under the site, its HTML); starts indexing a full bundle."""
        name = f"{len(self.names):03d}"
        for folder, text in ((name, indexed_copy(html, self.phrases.add(html))), (f"{name}{_PAGES}", html)):
            target = self.stage / folder / page
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        self.pending.append(page)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Start indexing the pages added since the last bundle (once a run is free)."""
        if not self.pending:
            return
        while len(self.running) >= self.parallel:
            self._finish(self.running.pop(0))
        name = f"{len(self.names):03d}"
        run = _start(self.stage / name, self.site / CALLS_FOLDER / name)
        self.running.append(_Bundle(name, self.pending, run))
        self.names.append(name)
        self.pending = []

    def _finish(self, bundle: _Bundle) -> None:
        """Wait for a bundle's run, drop its copies of the UI, move its pages into the site."""
        folder = self.stage / bundle.name
        _wait(bundle.run, folder)
        # the docs bundle's engine serves every bundle
        _drop(self.site / CALLS_FOLDER / bundle.name, ENGINE_FILES + UI_FILES)
        self.phrases.locate(self.site, self.site / CALLS_FOLDER / bundle.name)
        pages = self.stage / f"{bundle.name}{_PAGES}"
        for page in bundle.pages:
            (self.site / page).parent.mkdir(parents=True, exist_ok=True)
            os.replace(pages / page, self.site / page)
        shutil.rmtree(folder)
        shutil.rmtree(pages)

    def abort(self) -> None:
        """Stop every run still indexing (on an error or Ctrl-C)."""
        for bundle in self.running:
            bundle.run.kill()
            bundle.run.wait()
        self.running = []

    def close(self) -> None:
        """Index the last bundle, wait for every run, write the list the search box merges."""
        self.flush()
        while self.running:
            self._finish(self.running.pop(0))
        shutil.rmtree(self.stage, ignore_errors=True)
        listing = f"window.ccSearchBundles = {json.dumps(self.names)};\n"
        (self.site / CALLS_FOLDER).mkdir(parents=True, exist_ok=True)
        (self.site / CALLS_FOLDER / "bundles.js").write_text(listing, encoding="utf-8")
