"""A Chinese phrase typed without spaces finds the call that holds it among the first results,
in a site where other calls hold the same characters in other orders (the synthetic corpus of
bench/corpus.py: each copy of a seed has its Chinese shuffled within sentences).

Pagefind alone (the plain query, as the browser's segmenter cuts it) brought the call among the
first five results for 27 of 60 such phrases on 64 calls, and first for 11; the site now indexes
one word per Chinese character and searches the phrase exactly first, one exact phrase per run
between punctuation (builder/docsgen/zh_index.py, docs/javascripts/search.js).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from builder.build.executor import SerialExecutor
from builder.cli import cli
from builder.release.build import build_release

if str(ROOT / "bench") not in sys.path:  # the synthetic corpus, its phrases and the served site
    sys.path.insert(0, str(ROOT / "bench"))

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
