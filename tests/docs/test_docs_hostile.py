"""Markup in a call never runs in the documentation site: a release built from hostile raw files
(markup, script, ``javascript:`` and Markdown links, ``{{ }}``/``{% %}``, attribute breakouts and
``</textarea>`` in the title line, the company of the title line and of ``raw/manifest.toml``,
a speaker's title, an analyst's affiliation, English and Chinese paragraphs), its site built
once, served on 127.0.0.1 and driven in headless Chromium through every search and filter
interaction. Each payload would set ``window.__pwned`` (or open a dialog) if it ran.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import RAW, ROOT
from test_docs_browser import browser, page, search_box, served

from builder.build.executor import SerialExecutor
from builder.cli import cli
from builder.release.build import build_release

pytestmark = pytest.mark.browser

__all__ = ["browser", "page"]  # the browser fixtures, shared with test_docs_browser.py

TITLE_COMPANY = """Evil<img src=x onerror="window.__pwned='title'">"""
MANIFEST_COMPANY = (
    """惡意"公司' onmouseover="window.__pwned='manifest'"<svg onload=window.__pwned='svg'>{{ x }}"""
)
SPEAKER_TITLE = """<img src=x onerror="window.__pwned='role'"> " onmouseover="window.__pwned='role-attr'"""
AFFILIATION = """Shay<img src=x onerror="window.__pwned='affiliation'"> Capital"""
EN = (
    """<img src=x onerror="window.__pwned='en-img'"> <script>window.__pwned='en-script'</script> """
    """[click](javascript:window.__pwned='en-md') {{ config.site_name }} {% raw %} """
    """" onmouseover="window.__pwned='en-attr' </textarea><b>bold</b>"""
)
ZH = (
    """<img src=x onerror="window.__pwned='zh-img'">惡意<script>window.__pwned='zh-script'</script>"""
    """[點我](javascript:window.__pwned='zh-md'){{ 設定 }}{% 標籤 %}」 """
    """onmouseover="window.__pwned='zh-attr'</textarea>"""
)
#: What the pages must show as text.
SHOWN = (TITLE_COMPANY, MANIFEST_COMPANY, SPEAKER_TITLE, AFFILIATION, EN, ZH)
#: Elements and attributes only a payload would bring.
INJECTED = (
    "img[src='x'], svg[onload], [onerror], [onmouseover], [onload]:not(body), "
    "a[href^='javascript'], textarea, b"
)


def _hostile(seed: str) -> str:
    """The Rekor seed with a title line and hostile text in a speaker's title, an affiliation and
    the first paragraph of the CFO, in English and Chinese."""
    text = f"{TITLE_COMPANY} Inc (EVIL) 2023 Q2 法說會逐字稿\n\n{seed}"
    swaps = [
        ("Eyal Hen - Chief Financial Officer", f"Eyal Hen - {SPEAKER_TITLE}"),
        ("Thank you, John, and good afternoon, everyone.", f"Thank you, John. {EN}"),
        ("謝謝,約翰,大家下午好。", f"謝謝,約翰。{ZH}"),
        ("K.C. Ambrecht, Shay Capital.", f"K.C. Ambrecht, {AFFILIATION}."),
        ("K.C. Ambrecht,Shay Capital。", f"K.C. Ambrecht,{AFFILIATION}。"),
    ]
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two hostile calls (company from the title line; company from the manifest), one release,
    one site (``callcorpus docs``)."""
    base = tmp_path_factory.mktemp("hostile-docs")
    raw = base / "raw"
    raw.mkdir()
    seed = (RAW / "rekor-systems-2021-q3.txt").read_text(encoding="utf-8")
    (raw / "evil-inc-2023-q2.txt").write_text(_hostile(seed), encoding="utf-8")
    (raw / "other-corp-2024-q1.txt").write_text(seed, encoding="utf-8")
    manifest = '[files."evil-inc-2023-q2.txt"]\nticker = "EVIL"\n\n[files."other-corp-2024-q1.txt"]\n'
    company = MANIFEST_COMPANY.replace("\\", "\\\\").replace('"', '\\"')
    manifest += f'ticker = "OTHR"\ncompany = "{company}"\n'
    (raw / "manifest.toml").write_text(manifest, encoding="utf-8")
    build_release(raw, base / "dist", "1.0.0", executor=SerialExecutor())
    args = ["docs", "--dist", str(base / "dist"), "--out", str(base / "out")]
    result = CliRunner().invoke(cli, [*args, "--config", str(ROOT / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return base / "out" / "site"


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with served(hostile_site) as url:
        yield url


def _inert(page: Any, where: str = "body") -> None:
    """Nothing ran and nothing was injected (in ``where``)."""
    assert page.evaluate("typeof window.__pwned") == "undefined", page.evaluate("window.__pwned")
    assert page.locator(where).locator(INJECTED).count() == 0, page.locator(where).inner_html()[:2000]
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__pwned')).length") == 0
    assert not page.events["dialogs"] and not page.events["errors"], page.events


def test_call_page_shows_every_hostile_value_as_text(page: Any, hostile_url: str) -> None:
    page.goto(f"{hostile_url}/transcripts/EVIL-2023Q2.html")
    page.wait_for_load_state("load")
    article = page.inner_text("article")
    for value in (TITLE_COMPANY, SPEAKER_TITLE, AFFILIATION, EN, ZH):
        assert value in article, value
    assert page.title().startswith(f"EVIL-2023Q2: {TITLE_COMPANY}, 2023 Q2")
    assert TITLE_COMPANY in page.inner_text("header")
    filters = page.eval_on_selector_all(
        "meta[data-pagefind-filter^='company']", "ms => ms.map(m => m.getAttribute('content'))"
    )
    assert filters == [TITLE_COMPANY]
    page.locator("article").hover()
    page.get_by_text("[click](javascript:", exact=False).first.click()
    _inert(page)
    page.goto(f"{hostile_url}/transcripts/OTHR-2021Q3.html")
    assert MANIFEST_COMPANY in page.inner_text("article") and MANIFEST_COMPANY in page.title()
    _inert(page)


def test_every_page_of_the_site_runs_nothing(page: Any, hostile_url: str, hostile_site: Path) -> None:
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert "card.html" in pages and "transcripts/EVIL-2023Q2.html" in pages
    for name in pages:
        page.goto(f"{hostile_url}/{name}")
        page.wait_for_load_state("load")
        page.mouse.move(300, 300)
        _inert(page)


def _open_filter(page: Any, name: str) -> Any:
    """The block of filter ``name`` in the search panel, opened."""
    block = page.locator(f"#cc-search details[data-filter='{name}']")
    if not block.evaluate("b => b.open"):
        block.locator("summary").click()
    return block


def _filter_values(page: Any, name: str) -> list[str]:
    return [label.inner_text() for label in _open_filter(page, name).locator(".cc-search__value").all()]


def _arrived(page: Any, path: str) -> None:
    """Wait until the page at ``path`` has loaded (a link was followed)."""
    page.wait_for_function(
        "p => location.pathname === p && document.readyState === 'complete'", arg=path, timeout=20_000
    )


def _done(page: Any) -> None:
    page.wait_for_function("() => document.getElementById('cc-search').dataset.state === 'done'")


def test_search_results_and_every_filter_show_text(page: Any, hostile_url: str) -> None:
    page.goto(f"{hostile_url}/index.html")
    links = search_box(page, "pwned")
    assert any(link.endswith("/transcripts/EVIL-2023Q2.html") for link in links), links
    results = page.locator("#cc-search .cc-search__results")
    assert "window.__pwned='en-img'" in results.inner_text()
    titles = [a.inner_text() for a in page.locator("#cc-search a.cc-search__link").all()]
    assert f"EVIL-2023Q2: {TITLE_COMPANY}, 2023 Q2" in titles
    companies = _filter_values(page, "company")
    assert TITLE_COMPANY in companies and MANIFEST_COMPANY in companies, companies
    for name in ("company", "year", "quarter", "section"):  # every value, one at a time
        for box in _open_filter(page, name).locator("input[type=checkbox]").all():
            box.check()
            _done(page)
            _inert(page)
            box.uncheck()
            _done(page)
    _filter_values(page, "company")
    page.locator("#cc-search .cc-search__filter-value", has_text="惡意").locator("input").check()
    _done(page)
    assert all(link.endswith("/transcripts/OTHR-2021Q3.html") for link in search_box(page, "Rekor"))
    page.locator("#cc-search .cc-search__filter-value", has_text="惡意").locator("input").uncheck()
    _done(page)
    for query in ("惡意", "onmouseover", "javascript", "textarea", "設定", "Shay", "svg onload"):
        search_box(page, query)
        more = page.locator("#cc-search .cc-search__more")
        while more.is_visible():
            more.click()
            page.wait_for_timeout(300)
        page.locator("#cc-search .cc-search__results").hover()
        _inert(page)
    search_box(page, "惡意")
    assert "惡意<script>window.__pwned='zh-script'</" in results.inner_text()
    page.locator("#cc-search a.cc-search__link[href*='/transcripts/EVIL-2023Q2.html#']").first.click()
    _arrived(page, "/transcripts/EVIL-2023Q2.html")
    _inert(page)


def test_transcripts_list_shows_hostile_companies_as_text(page: Any, hostile_url: str) -> None:
    page.goto(f"{hostile_url}/transcripts/index.html")
    rows = page.locator("#cc-call-rows tr")
    rows.first.wait_for(timeout=10_000)
    options = page.eval_on_selector_all(
        "#cc-filters select[name=company] option", "os => os.map(o => o.textContent)"
    )
    assert TITLE_COMPANY in options and MANIFEST_COMPANY in options
    for company in (TITLE_COMPANY, MANIFEST_COMPANY):
        page.select_option("#cc-filters select[name=company]", company)
        assert rows.count() == 1 and rows.first.locator("td").nth(1).inner_text() == company
        _inert(page)
    page.select_option("#cc-filters select[name=company]", "")
    for name in ("fiscal_year", "fiscal_quarter"):
        for value in page.eval_on_selector_all(
            f"#cc-filters select[name={name}] option", "os => os.map(o => o.value)"
        ):
            page.select_option(f"#cc-filters select[name={name}]", value)
            _inert(page)
        page.select_option(f"#cc-filters select[name={name}]", "")
    page.fill("#cc-filters input[name=ticker]", "ev")
    assert rows.count() == 1
    rows.first.locator("a").click()
    _arrived(page, "/transcripts/EVIL-2023Q2.html")
    _inert(page)
