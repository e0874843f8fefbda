"""Bytes a search moves, measured in headless Chromium on the site served over 127.0.0.1.

For each query a fresh browser context (empty cache) opens the home page, and every response
of the search's files (Pagefind's bundles under ``/pagefind*``, the phrase index under
``/phrase-index/``) is summed: what the page itself loads of them (the list of bundles, since
Pagefind's own UI is gone), then what typing the query loads (Pagefind's engine and WebAssembly, each bundle's
entry and metadata, the filters, the index chunks the query's words fall in, the phrase index's
shards and page table for Chinese, the fragments of the results shown). A second query typed in
the same page then gives the warm figure: only its index chunks, shards and fragments. Needs
Debian's ``/usr/bin/chromium`` and ``playwright``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Seconds a query may take to show its results.
TIMEOUT_MS = 120_000


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """``site`` served on 127.0.0.1 (a free port) for the duration; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


#: Where the search's files are: Pagefind's bundles and the phrase index.
SEARCH_PATHS = ("/pagefind", "/phrase-index/")


class _Meter:
    """Sums the bodies of the search's responses (``SEARCH_PATHS``) since the last ``take``."""

    def __init__(self, page: Any) -> None:
        self.total, self.files = 0, 0
        page.on("response", self._seen)

    def _seen(self, response: Any) -> None:
        """A response's size as sent (``http.server`` sends every file whole, uncompressed)."""
        if any(part in response.url for part in SEARCH_PATHS) and response.ok:
            self.total += int(response.headers.get("content-length", 0))
            self.files += 1

    def take(self) -> dict[str, int]:
        """Bytes and files seen since the last call."""
        seen = {"bytes": self.total, "files": self.files}
        self.total = self.files = 0
        return seen


#: True once the header's search box has drawn the results of the query ``q`` (docs/javascripts/search.js).
SEARCHED = (
    "q => { const box = document.getElementById('cc-search');"
    " return box.dataset.state === 'done'"
    " && box.querySelector('.cc-search__message').textContent.includes(q); }"
)


def type_query(page: Any, query: str) -> list[str]:
    """Type ``query`` in the header's search box, wait for its results; their links."""
    page.fill("#cc-search input.cc-search__input", query)
    page.wait_for_function(SEARCHED, arg=query, timeout=TIMEOUT_MS)  # every bundle answered
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    links = page.locator("#cc-search a.cc-search__link").all()
    return [link.get_attribute("href") or "" for link in links]


def measure(site: Path, queries: dict[str, str], follow_up: str | None) -> list[dict[str, Any]]:
    """Per query (and the page it should find): the page's own load, the query cold, then
    ``follow_up`` warm (unless None), in bytes; the result links, and whether the page was
    among them."""
    from playwright.sync_api import sync_playwright

    results = []
    with served(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        for query, expected in queries.items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            meter = _Meter(page)
            page.goto(f"{url}/index.html")
            page.wait_for_load_state("networkidle")
            load = meter.take()
            links = type_query(page, query)
            cold = meter.take()
            if follow_up is not None:
                type_query(page, follow_up)
            warm = meter.take()
            found = any("/transcripts/" in link and link.split("#")[0].endswith(expected) for link in links)
            shown = {"query": query, "results": len(links), "found": found, "links": links}
            results.append({**shown, "page_load": load, "cold": cold, "warm": warm})
            context.close()
        browser.close()
    return results
