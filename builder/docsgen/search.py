"""Search over the built site with Pagefind: a chunked index that a query loads only in part.

The documentation pages form one bundle (``pagefind/``); the transcript pages form bundles of
at most ``CALLS_PER_BUNDLE`` calls each (``pagefind-calls/NNN/``), indexed one after the other,
because Pagefind holds every page of a run in memory (about 3.5 MB per call). The header's
search box (``docs/javascripts/search.js``) merges them all, listed in
``pagefind-calls/bundles.js``. Every page is indexed as Traditional Chinese (``zh-TW``):
one index language for the whole site, so that a query in either language searches every page,
and Pagefind segments the Chinese text into words.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

from builder.errors import CallcorpusError

#: Calls per transcript bundle: bounds Pagefind's memory (one bundle at a time) and the number
#: of bundles a query touches.
CALLS_PER_BUNDLE = 150
#: The one language of the index (Pagefind's segmentation of Chinese; no stemming).
LANGUAGE = "zh-TW"
DOCS_BUNDLE = "pagefind"
#: Scripts and styles in every bundle that only the primary (docs) bundle's copy is used of.
UI_FILES = (
    "pagefind.js",
    "pagefind-worker.js",
    "pagefind-highlight.js",
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
)
CALLS_FOLDER = "pagefind-calls"


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


def _run(site: Path, out: Path, glob: str | None = None) -> None:
    """Index the HTML files of ``site`` (matching ``glob``) into the bundle ``out``."""
    command = [pagefind_binary(), "--site", str(site), "--output-path", str(out)]
    command += ["--force-language", LANGUAGE, "--exclude-selectors", ".headerlink", "--silent"]
    if glob is not None:
        command += ["--glob", glob]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines() or ["no output"]
        raise SearchIndexFailed(f"pagefind failed on {site} (exit {done.returncode}): {last[-1]}")


def index_docs(site: Path) -> None:
    """The documentation pages (the site's top level and the transcripts list) as one bundle."""
    _run(site, site / DOCS_BUNDLE, "{*.html,transcripts/index.html}")


class CallBundles:
    """Writes transcript pages into the site, indexing them in bundles of ``size`` calls.

    A bundle's pages are written to a staging folder, indexed there (so that each page keeps
    its URL, ``transcripts/<transcript_id>.html``), then moved into the site.
    """

    def __init__(self, site: Path, stage: Path, size: int = CALLS_PER_BUNDLE) -> None:
        self.site, self.stage, self.size = site, stage, size
        shutil.rmtree(stage, ignore_errors=True)  # pages a stopped run left behind
        self.pending: list[str] = []
        self.names: list[str] = []

    def add(self, page: str, html: str) -> None:
        """Write a page (its path under the site, its HTML); indexes a full bundle."""
        target = self.stage / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8", newline="\n")
        self.pending.append(page)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Index the pages added since the last bundle, then move them into the site."""
        if not self.pending:
            return
        name = f"{len(self.names):03d}"
        out = self.site / CALLS_FOLDER / name
        _run(self.stage, out)
        for script in UI_FILES:  # the docs bundle's own copies serve every bundle
            (out / script).unlink(missing_ok=True)
        for page in self.pending:
            (self.site / page).parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.stage / page, self.site / page)
        self.names.append(name)
        self.pending = []

    def close(self) -> None:
        """Index the last bundle and write the list the search box merges."""
        self.flush()
        shutil.rmtree(self.stage, ignore_errors=True)
        listing = f"window.ccSearchBundles = {json.dumps(self.names)};\n"
        (self.site / CALLS_FOLDER).mkdir(parents=True, exist_ok=True)
        (self.site / CALLS_FOLDER / "bundles.js").write_text(listing, encoding="utf-8")
