"""The built documentation site in a real browser: headless Debian Chromium driven by Playwright.

Needs ``/usr/bin/chromium`` (``apt-get install -y chromium``; .ci/run installs it). Without it
the tests fail, unless ``CALLCORPUS_SKIP_BROWSER=1`` says to skip them. Never ``playwright
install``: it downloads a browser. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, TESTS

ARTIFACTS = TESTS / "artifacts"
BENCH = ROOT / "bench"
if str(BENCH) not in sys.path:  # the benchmark's helpers: the same browser, the same server
    sys.path.insert(0, str(BENCH))

from search_bytes import FLAGS, served, type_query  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CALLCORPUS_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def site_url(docs_site: Path) -> Iterator[str]:
    """The built site served on localhost."""
    with served(docs_site / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium, or a failure that says how to get it."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        if os.environ.get("CALLCORPUS_SKIP_BROWSER") == "1":
            pytest.skip("CALLCORPUS_SKIP_BROWSER=1: browser tests skipped")
        pytest.fail(
            f"browser tests need Chromium at {CHROMIUM}: run `apt-get install -y chromium` "
            "(or set CALLCORPUS_CHROMIUM=path, or CALLCORPUS_SKIP_BROWSER=1 to skip)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records script errors, dialogs and requests leaving localhost."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.events = {"dialogs": [], "errors": [], "remote": []}
    tab.on("dialog", lambda d: (tab.events["dialogs"].append(d.message), d.dismiss()))
    tab.on("pageerror", lambda e: tab.events["errors"].append(str(e)))
    tab.on(
        "request",
        lambda r: (
            None if r.url.startswith(("http://127.0.0.1", "data:")) else tab.events["remote"].append(r.url)
        ),
    )
    yield tab
    context.close()


def test_home_renders(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/index.html")
    assert page.locator("article h1").first.inner_text().startswith("callcorpus")
    assert "Release 1.0.0 in numbers" in page.inner_text("article")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    assert not page.events["errors"] and not page.events["remote"], page.events


def test_transcript_shows_both_languages_side_by_side(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/transcripts/STEM-2024Q4.html")
    segment = page.locator("#STEM-2024Q4-0000")
    en, zh = segment.locator(".cc-en"), segment.locator(".cc-zh")
    assert en.inner_text().startswith("Greetings and welcome to the Stem Inc.")
    assert zh.inner_text().startswith("問候並歡迎參加 Stem Inc.")
    en_box, zh_box = en.bounding_box(), zh.bounding_box()
    assert en_box["x"] + en_box["width"] <= zh_box["x"], "Chinese is not to the right of English"
    assert abs(en_box["y"] - zh_box["y"]) < 2, "English and Chinese do not start on the same line"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#prepared-remarks").scroll_into_view_if_needed()
    page.evaluate(
        "window.scrollBy(0, document.getElementById('prepared-remarks').getBoundingClientRect().top - 60)"
    )
    page.screenshot(path=str(ARTIFACTS / "transcript.png"))
    assert not page.events["errors"] and not page.events["remote"], page.events


def search_box(page: Any, query: str) -> list[str]:
    """Type ``query`` in the header's search box; the links of the results shown (pages)."""
    return type_query(page, query)


@pytest.mark.parametrize(
    ("start", "query", "call"),
    [
        ("index.html", "Crexendo", "CXDO-2023Q2"),  # a company name, from the home page
        ("transcripts/REKR-2021Q3.html", "忠誠的太陽能和儲能客戶", "STEM-2024Q4"),  # a phrase of that call
    ],
)
def test_search_box_finds_a_calls_page_in_english_and_chinese(
    page: Any, site_url: str, start: str, query: str, call: str
) -> None:
    page.goto(f"{site_url}/{start}")
    links = search_box(page, query)
    assert any(link.split("#")[0].endswith(f"/transcripts/{call}.html") for link in links), links
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-{call}.png"))
    # a Chinese phrase's result links to the phrase in the page (a text fragment, #:~:text=)
    page.locator(f"#cc-search a.cc-search__link[href*='/transcripts/{call}.html']").first.click()
    page.wait_for_url(f"**/transcripts/{call}.html*")
    assert page.locator("article h1").inner_text().startswith(call)
    assert not page.events["errors"] and not page.events["remote"], page.events


def test_transcripts_list_filters_narrow_it(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/transcripts/index.html")
    rows = page.locator("#cc-call-rows tr")
    rows.first.wait_for(timeout=10_000)
    assert rows.count() == 4 and page.inner_text("#cc-count").startswith("4 of 4")
    page.select_option("#cc-filters select[name=company]", "Stem")
    assert rows.count() == 1 and rows.first.locator("a").get_attribute("href") == "STEM-2024Q4.html"
    page.select_option("#cc-filters select[name=company]", "")
    page.select_option("#cc-filters select[name=fiscal_year]", "2023")
    assert [r.locator("td").first.inner_text() for r in rows.all()] == ["CXDO-2023Q2"]
    page.select_option("#cc-filters select[name=fiscal_year]", "")
    page.fill("#cc-filters input[name=ticker]", "re")
    assert rows.count() == 1 and rows.first.locator("td").nth(2).inner_text() == "REKR"
    page.fill("#cc-filters input[name=ticker]", "")
    page.select_option("#cc-filters select[name=fiscal_quarter]", "4")
    assert rows.count() == 1 and page.inner_text("#cc-count").startswith("1 of 4")
    rows.first.locator("a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/transcripts/STEM-2024Q4.html")
    assert not page.events["errors"] and not page.events["remote"], page.events


def test_segment_anchor_scrolls_to_its_segment(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/transcripts/CXDO-2023Q2.html#CXDO-2023Q2-0100")
    page.wait_for_function("window.scrollY > 0")
    top = page.evaluate("document.getElementById('CXDO-2023Q2-0100').getBoundingClientRect().top")
    assert 0 <= top < 300, f"segment is at {top}px from the top of the viewport"
    assert page.evaluate("document.querySelector(':target').id") == "CXDO-2023Q2-0100"


def test_hostile_transcript_runs_nothing(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/transcripts/hostilecorp-2025Q1.html")
    page.wait_for_load_state("load")
    text = page.inner_text("article")
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned=4">' in text
    assert "{{ config.site_name }}" in text and "| a | b |" in text and "**Not bold**" in text
    page.get_by_text("[a link](javascript:window.__pwned=3)", exact=False).first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("article script, article img[src='x']").count() == 0
    assert not page.events["dialogs"] and not page.events["errors"], page.events
    # the dataset card shows flagged examples (this sentence is `untranslated`) from the same text
    page.goto(f"{site_url}/card.html")
    page.wait_for_load_state("load")
    assert "<script>window.__pwned = 1</script>" in page.inner_text("article")
    assert page.locator("article script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # and through search results, which render the index's text (excerpts and titles)
    links = search_box(page, "pwned")
    assert any(link.endswith("/transcripts/hostilecorp-2025Q1.html") for link in links), links
    results = page.locator("#cc-search .cc-search__results")
    assert "window.__pwned" in results.inner_text()
    assert results.locator("script, img, a[href^='javascript']").count() == 0
    search_box(page, "onerror")
    assert results.locator("img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not page.events["dialogs"] and not page.events["errors"], page.events


@pytest.mark.parametrize("width", [375, 768, 1400])
def test_transcript_columns_at_phone_tablet_and_desktop_widths(
    browser: Any, site_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/transcripts/STEM-2024Q4.html#STEM-2024Q4-0002")
    segment = page.locator("#STEM-2024Q4-0002")
    seg, en, zh = (
        box.bounding_box() for box in (segment, segment.locator(".cc-en"), segment.locator(".cc-zh"))
    )
    if width < 640:  # stacked: each language the segment's full width, English first
        assert en["width"] >= 0.95 * seg["width"] and zh["width"] >= 0.95 * seg["width"], (seg, en, zh)
        assert zh["y"] >= en["y"] + en["height"] - 1
    else:  # side by side: two columns of about half the segment each
        assert 0.4 * seg["width"] <= en["width"] <= 0.55 * seg["width"], (seg, en)
        assert en["x"] + en["width"] <= zh["x"] and abs(en["y"] - zh["y"]) < 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"transcript-{width}px.png"))
    context.close()


def test_schema_field_names_do_not_break_mid_word(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/schema.html")
    codes = page.locator("article table code")
    assert codes.count() > 50
    broken = [
        text
        for text, height, size in page.evaluate(
            """() => [...document.querySelectorAll('article table code')].map(c => [c.innerText,
                c.getBoundingClientRect().height, parseFloat(getComputedStyle(c).lineHeight) || 20])"""
        )
        if re.fullmatch(r"[a-z][a-z0-9_]*", text) and height > 1.6 * size  # a name on two lines
    ]
    assert broken == []
    context.close()
