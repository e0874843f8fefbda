"""A Chinese phrase typed without spaces finds the call that holds it among the first results,
in a site where other calls hold the same characters in other orders (the synthetic corpus of
bench/corpus.py: each copy of a seed has its Chinese shuffled within sentences), and a Chinese
query loads only the phrase index's shards of its pairs and the fragments it shows, never
Pagefind's index chunks (whose cost grew with the characters and the bundles).

Pagefind alone (the plain query, as the browser's segmenter cuts it) brought the call among the
first five results for 27 of 60 such phrases on 64 calls, and first for 11; the site looks up
each run of Han characters in the phrase index and confirms each page against its text
(builder/docsgen/phrase_index.py, docs/javascripts/phrases.js, search.js).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from builder.build.executor import SerialExecutor
from builder.cli import cli
from builder.docsgen.phrase_grams import PAIR_SHIFT, shard_of
from builder.release.build import build_release

if str(ROOT / "bench") not in sys.path:  # the synthetic corpus, its phrases and the served site
    sys.path.insert(0, str(ROOT / "bench"))

from search_bytes import SEARCH_PATHS
from test_docs_browser import browser, page, search_box, served
from zh_phrases import sample_phrases, seeded_corpus

pytestmark = pytest.mark.browser

__all__ = ["browser", "page"]  # the browser fixtures, shared with test_docs_browser.py

COPIES = 30  # shuffled copies, ten of each seed, beside the three seeds
SHOWN = 5  # results the search box shows before "More results"


def _phrases() -> list[tuple[str, str]]:
    """(transcript id, phrase): five clauses and two phrases around a comma from each seed."""
    return [(SEEDS[name], phrase) for name, phrase in sample_phrases(5, 2)]


@pytest.fixture(scope="module")
def zh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and ``COPIES`` shuffled copies: one release, one site."""
    base = tmp_path_factory.mktemp("zh-docs")
    seeded_corpus(base / "raw", COPIES)
    build_release(base / "raw", base / "dist", "1.0.0", executor=SerialExecutor())
    args = ["docs", "--dist", str(base / "dist"), "--out", str(base / "out")]
    result = CliRunner().invoke(cli, [*args, "--config", str(ROOT / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return base


@pytest.fixture(scope="module")
def zh_url(zh_site: Path) -> Iterator[str]:
    with served(zh_site / "out" / "site") as url:
        yield url


def test_copies_hold_the_phrases_characters_in_other_orders(zh_site: Path) -> None:
    copies = [p.read_text(encoding="utf-8") for p in (zh_site / "raw").glob("t*.txt")]
    for _, phrase in _phrases():
        assert not any(phrase in text for text in copies), phrase
        assert any(set(phrase) <= set(text) for text in copies), phrase


@pytest.mark.parametrize(("transcript_id", "phrase"), _phrases())
def test_chinese_phrase_finds_its_call_first(page: Any, zh_url: str, transcript_id: str, phrase: str) -> None:
    page.goto(f"{zh_url}/index.html")
    links = search_box(page, phrase)
    calls = [link.split("#")[0].rsplit("/", 1)[-1] for link in links][:SHOWN]
    assert f"{transcript_id}.html" in calls, (phrase, calls)
    assert not page.events["errors"], page.events


@pytest.mark.parametrize(("transcript_id", "phrase"), _phrases()[::7])
def test_quoted_chinese_phrase_finds_its_call_first(
    page: Any, zh_url: str, transcript_id: str, phrase: str
) -> None:
    """Pagefind's own exact search (a quoted query) cuts Chinese into the browser's words."""
    page.goto(f"{zh_url}/index.html")
    links = search_box(page, f'"{phrase}"')
    assert links and links[0].split("#")[0].endswith(f"/{transcript_id}.html"), (phrase, links)


def _typed(page: Any, url: str, query: str) -> tuple[list[str], list[tuple[str, int]]]:
    """``query`` typed on the home page with an empty cache: the result links, and the path and
    size of every response of the search's files that typing it brought."""
    page.goto(f"{url}/index.html")
    page.wait_for_load_state("networkidle")
    seen: list[tuple[str, int]] = []

    def record(response: Any) -> None:
        if any(part in response.url for part in SEARCH_PATHS):
            seen.append((urlparse(response.url).path, int(response.headers.get("content-length", 0))))

    page.on("response", record)
    links = search_box(page, query)
    page.remove_listener("response", record)
    return links, seen


#: What any first query loads of Pagefind: its engine, each bundle's entry, metadata and filters.
_PAGEFIND_BASE = re.compile(
    r"/pagefind(-calls/[0-9]+)?/(pagefind\.js|pagefind-worker\.js|wasm\.unknown\.pagefind|pagefind-entry\.json"
    r"|pagefind\.[^/]+\.pf_meta|filter/[^/]+\.pf_filter)$"
)


def test_a_chinese_phrase_loads_its_pairs_shards_and_no_index_chunk(page: Any, zh_url: str) -> None:
    """Whatever the number of bundles: besides what any first query loads (Pagefind's engine,
    each bundle's entry, metadata and filters), a shard per pair at most, the page table and
    the fragments of the pages shown (and of pages passed over, at most as many again); never
    one of Pagefind's index chunks, which a phrase once loaded per character and bundle."""
    transcript_id, phrase = max(_phrases(), key=lambda pair: len(pair[1]))
    links, seen = _typed(page, zh_url, phrase)
    assert links[0].split("#")[0].endswith(f"/{transcript_id}.html"), links
    rest = [path for path, _ in seen if not _PAGEFIND_BASE.search(path)]
    shards = {p for p in rest if re.fullmatch(r"/phrase-index/[0-9]{5}\.json\.gz", p)}
    tables = [p for p in rest if p in ("/phrase-index/index.json", "/phrase-index/pages.json.gz")]
    fragments = [p for p in rest if p.endswith(".pf_fragment")]
    assert 0 < len(shards) <= len(phrase) - 1 and len(tables) == 2 and 0 < len(fragments) <= 2 * SHOWN
    assert sorted(rest) == sorted([*shards, *tables, *fragments]), rest  # nothing else, no .pf_index
    assert not page.events["errors"], page.events


def test_the_browser_finds_a_keys_shard_where_the_builder_put_it(page: Any, zh_url: str) -> None:
    page.goto(f"{zh_url}/index.html")
    keys = ["營", "營收", "收營", "𠀀", "𠀀𠀁", "謝約", "鑫"]
    shards = page.evaluate("keys => keys.map(k => window.ccPhrases.shardOf(k, 4096))", keys)
    codes = [ord(k[0]) if len(k) == 1 else ord(k[0]) << PAIR_SHIFT | ord(k[1]) for k in keys]
    assert shards == shard_of(np.array(codes, dtype=np.uint64), 4096).tolist()


def test_a_phrase_result_links_to_the_phrase_and_marks_it(page: Any, zh_url: str) -> None:
    transcript_id, phrase = _phrases()[0]
    page.goto(f"{zh_url}/index.html")
    links = search_box(page, phrase)
    first = page.locator("#cc-search .cc-search__result").first
    assert links[0].endswith(f"/{transcript_id}.html#:~:text={quote(phrase)}"), links[0]
    assert first.locator("mark").first.inner_text() == phrase
    first.locator("a.cc-search__link").click()
    page.wait_for_url(f"**/transcripts/{transcript_id}.html*")
    assert page.locator("article h1").inner_text().startswith(transcript_id)


def test_filters_apply_to_a_chinese_query(page: Any, zh_url: str) -> None:
    """The chosen companies narrow a Chinese query's pages, and their counts are those pages'."""
    transcript_id, phrase = next(pair for pair in _phrases() if pair[0] == "REKR-2021Q3")
    page.goto(f"{zh_url}/index.html")
    links = search_box(page, phrase)
    page.locator("#cc-search details[data-filter='company'] summary").click()
    counts = {
        label.locator("input").get_attribute("value"): int(label.locator(".cc-search__count").inner_text())
        for label in page.locator("#cc-search details[data-filter='company'] .cc-search__filter-value").all()
    }
    assert counts == {"Crexendo": 0, "Rekor Systems": 1, "Stem": 0}, (counts, links)
    for company, found in (("Stem", False), ("Rekor Systems", True)):
        box = page.locator(f"#cc-search input[name='company'][value='{company}']")
        box.check()
        links = search_box(page, phrase)
        assert (f"/{transcript_id}.html" in (links[0] if links else "")) is found, (company, links)
        assert all(company in a.inner_text() for a in page.locator("#cc-search a.cc-search__link").all())
        box.uncheck()


def test_a_chinese_run_with_other_words_puts_the_pages_holding_both_first(page: Any, zh_url: str) -> None:
    page.goto(f"{zh_url}/index.html")
    links = search_box(page, "Rekor 營收")
    titles = [a.inner_text() for a in page.locator("#cc-search a.cc-search__link").all()]
    assert titles and all("Rekor" in title for title in titles), titles
    assert all("#:~:text=%E7%87%9F%E6%94%B6" in link for link in links), links
