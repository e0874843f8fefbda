"""The documentation site: generated from the release and the schemas, strict, reproducible, literal."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from conftest import ROOT

from builder.cli import cli
from builder.docsgen.site import generate
from builder.docsgen.sitemap import write_sitemap
from builder.docsgen.zh_index import WORD_BREAK, indexed_copy
from builder.release.build import BuildSummary
from builder.schema.files import load_schema, release_spec

SITE_URL = "https://example.org/callcorpus/"


def _schema_fields(node: dict, root: dict, prefix: str = "") -> dict[str, tuple[str, str, str]]:
    """Independent walk of a JSON Schema: path → (base type, nullable, description)."""
    out = {}
    for name, prop in node["properties"].items():
        if "$ref" in prop:
            prop = root["$defs"][prop["$ref"].split("/")[-1]]
        types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
        kind = next(t for t in types if t != "null")
        out[prefix + name] = (kind, "yes" if "null" in types else "no", prop.get("description", ""))
        if "properties" in prop:
            out |= _schema_fields(prop, root, f"{prefix}{name}.")
        items = prop.get("items", {})
        if "$ref" in items:
            items = root["$defs"][items["$ref"].split("/")[-1]]
        if "properties" in items:
            out |= _schema_fields(items, root, f"{prefix}{name}[].")
    return out


def _documented(schema_md: str, config: str) -> dict[str, list[str]]:
    """The schema page's table of one config: path → cells, entities decoded."""
    section = schema_md.split(f"## `{config}`", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        if line.startswith("| <code>"):
            cells = [html.unescape(c.strip()) for c in re.split(r"(?<!\\) \| ", line.strip("| "))]
            rows[re.sub(r"</?code>", "", cells[0])] = cells
    return rows


def test_schema_reference_agrees_with_the_schemas(docs_site: Path) -> None:
    schema_md = (docs_site / "src" / "schema.md").read_text(encoding="utf-8")
    for config in release_spec()["configs"]:
        schema = load_schema(config)
        expected = _schema_fields(schema, schema)
        documented = _documented(schema_md, config)
        assert set(documented) == set(expected), f"{config}: docs and schema list different fields"
        for path, (kind, nullable, description) in expected.items():
            cells = documented[path]
            assert cells[1].split(" ")[0] == kind, f"{config}.{path}: type {cells[1]!r}, schema says {kind}"
            assert cells[2] == nullable, f"{config}.{path}: nullable {cells[2]!r}, schema says {nullable}"
            assert cells[3].startswith(description.replace("|", "\\|")), (
                f"{config}.{path}: description differs"
            )


def test_schema_reference_shows_real_example_values(docs_site: Path) -> None:
    rows = _documented((docs_site / "src" / "schema.md").read_text(encoding="utf-8"), "segments")
    assert re.sub(r"</?code>", "", rows["segment_id"][4]) == '"CXDO-2023Q2-0000"'
    assert "Greetings" in rows["translation.en"][4]


def test_site_has_every_page_and_each_transcript(docs_site: Path) -> None:
    site = docs_site / "site"
    for page in ["index", "card", "schema", "stats", "usage", "cli", "maintainers", "releases"]:
        assert (site / f"{page}.html").is_file(), page
    calls = {p.stem for p in (site / "transcripts").glob("*.html")} - {"index"}
    assert calls == {"CXDO-2023Q2", "REKR-2021Q3", "STEM-2024Q4", "hostilecorp-2025Q1"}
    assert len(list((site / "stats").glob("*.svg"))) == 7
    home = (site / "index.html").read_text(encoding="utf-8")
    # calls and segments, computed from the release
    assert re.search(r"calls</td>\s*<td[^>]*>4</td>", home) and re.search(r">438</td>", home)


def test_site_loads_nothing_from_the_network(docs_site: Path) -> None:
    for page in (docs_site / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # a canonical link names the page's address; it loads nothing
        remote = re.findall(
            r"<(?:script|link|img)(?![^>]*canonical)[^>]+(?:src|href)=\"(https?:[^\"]+)", text
        )
        assert not remote, f"{page.name} loads {remote}"
        assert "fonts.googleapis" not in text


def test_transcript_text_is_shown_literally(docs_site: Path) -> None:
    page = (docs_site / "site" / "transcripts" / "hostilecorp-2025Q1.html").read_text(encoding="utf-8")
    assert "<script>window" not in page and "<img src=x" not in page and "<strong>Not bold" not in page
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    for literal in [
        "<script>window.__pwned = 1</script>",
        "{{ config.site_name }} and {% raw %} stay as written | a | b | and --- stays too.",
        "**Not bold** and [a link](javascript:window.__pwned=3)",
        '<img src=x onerror="window.__pwned=4"> & &amp; stay literal.',
        "# Not a heading",
        "# 不是標題",
    ]:
        assert literal in shown, literal


def test_transcript_page_has_participants_sections_and_segment_anchors(docs_site: Path) -> None:
    page = (docs_site / "site" / "transcripts" / "CXDO-2023Q2.html").read_text(encoding="utf-8")
    assert 'id="CXDO-2023Q2-0000"' in page and 'id="CXDO-2023Q2-0125"' in page
    assert 'id="prepared-remarks"' in page and 'id="qa"' in page and 'id="closing-remarks"' in page
    assert 'id="exchange-7"' in page and 'id="exchange-8"' not in page
    assert "<td>Michael D. Kaufman</td><td>participant</td>" in page and "MK Investments" in page


def test_transcript_page_shows_each_flag_with_its_evidence(docs_site: Path) -> None:
    page = (docs_site / "site" / "transcripts" / "CXDO-2023Q2.html").read_text(encoding="utf-8")
    segment = page.split('id="CXDO-2023Q2-0014"', 1)[1].split('class="cc-seg"', 1)[0]
    assert '<span class="cc-flag">number_mismatch: en `2021` not in zh</span>' in segment


def test_cli_reference_is_the_cli_help(docs_site: Path) -> None:
    text = html.unescape((docs_site / "src" / "cli.md").read_text(encoding="utf-8"))
    for name in cli.commands:
        assert f"## `callcorpus {name}`" in text
        help_text = (
            CliRunner().invoke(cli, [name, "--help"], prog_name="callcorpus", terminal_width=88).output
        )
        assert help_text in text


def test_releases_page_degrades_without_release_metadata(docs_site: Path) -> None:
    text = (docs_site / "src" / "releases.md").read_text(encoding="utf-8")
    assert "## 1.0.0 (newest)" in text and "@misc{callcorpus_1_0_0" in text


def test_releases_page_shows_manifest_changelog_and_cff(seed_release: BuildSummary, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    shutil.copytree(seed_release.path, dist / "1.0.0")
    shutil.copytree(seed_release.path, dist / "1.1.0")
    (dist / "1.1.0" / "manifest.json").write_text(json.dumps({"version": "1.1.0", "files": [1, 2]}))
    cff = (
        'cff-version: 1.2.0\ntitle: "callcorpus"\nversion: 1.1.0\ndate-released: 2026-11-22\n'
        'authors:\n  - name: "callcorpus maintainers"\n'
    )
    (dist / "1.1.0" / "CITATION.cff").write_text(cff)
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## 1.1.0\n\n- more calls\n")
    generate(dist, tmp_path / "src", None, {})
    text = (tmp_path / "src" / "releases.md").read_text(encoding="utf-8")
    assert text.index("## 1.1.0 (newest)") < text.index("## 1.0.0")
    assert "### 1.1.0" in text and "- more calls" in text
    assert "year    = {2026}" in html.unescape(text) and "cff-version: 1.2.0" in html.unescape(text)
    assert "<code>&#34;1&#46;1&#46;0&#34;</code>" in text and "2 entries" in text


def _in_hash_order(path: Path) -> bool:
    """Pagefind's files that list a filter's values in hash-map order, differing run to run:
    the filter files and, through their names, the bundle's metadata and entry file."""
    return path.parts[0].startswith("pagefind") and (
        path.parent.name == "filter" or path.suffix == ".pf_meta" or path.name == "pagefind-entry.json"
    )


def _tree(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_docs_are_reproducible(docs_site: Path, tmp_path: Path) -> None:
    """Same release, same bytes: every page, chart, index chunk and fragment of the search
    index; Pagefind's filter files only up to the order of their values."""
    dist = docs_site.parent / "dist"
    args = ["docs", "--dist", str(dist), "--out", str(tmp_path), "--config", str(ROOT / "mkdocs.yml")]
    assert CliRunner().invoke(cli, [*args, "--site-url", SITE_URL]).exit_code == 0
    for tree in ["src", "site"]:
        first, second = _tree(docs_site / tree), _tree(tmp_path / tree)
        steady = {p for p in first if not _in_hash_order(p)}
        assert steady == {p for p in second if not _in_hash_order(p)}, tree
        changed = [str(p) for p in steady if first[p] != second[p]]
        assert not changed, f"{tree}: rebuilt files differ: {changed}"
        counts = [sum(1 for p in files if _in_hash_order(p)) for files in (first, second)]
        assert counts[0] == counts[1], tree


def test_docs_without_a_release_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["docs", "--dist", str(tmp_path / "dist"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert (
        result.output.count("\n") == 1
        and result.output.startswith("error: ")
        and "no release" in result.output
    )
    assert "Traceback" not in result.output


@pytest.fixture
def in_release_project(docs_site: Path, tmp_path: Path) -> Path:
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "1.0.0").symlink_to(docs_site.parent / "dist" / "1.0.0")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def test_usage_page_snippets_run(
    docs_site: Path, in_release_project: Path, capsys: pytest.CaptureFixture
) -> None:
    text = (docs_site / "src" / "usage.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 5
    for block in blocks:
        exec(compile(block, "usage.md", "exec"), {})
    out = capsys.readouterr().out
    columns = len(load_schema("segments")["properties"])
    assert f"(438, {columns})" in out and "[(438,)]" in out
    for sql in re.findall(r"```sql\n(.*?)```", text, flags=re.S):
        duckdb.sql(sql).fetchall()


def test_statistics_stay_the_same_size_at_corpus_scale(seed_release: BuildSummary) -> None:
    from builder.docsgen.calls import Call, iter_calls
    from builder.docsgen.stats_page import render
    from builder.docsgen.tally import Tally

    calls = list(iter_calls(seed_release.path))
    small, large = Tally(), Tally()
    for call in calls:
        small.add(call)
    for k in range(3000):
        row = {**calls[0].row, "transcript_id": f"T{k}", "fiscal_year": 2000 + k % 25}
        large.add(Call(row, calls[0].segments))
    small_page, large_page = render(small, "1.0.0"), render(large, "1.0.0")
    assert set(small_page.charts) == set(large_page.charts)
    for name, svg in large_page.charts.items():
        assert len(svg) < 2 * len(small_page.charts[name]) + 8_000, name  # no bar or row per call
    assert abs(len(large_page.markdown) - len(small_page.markdown)) < 200
    assert "3,000 calls" in large_page.markdown


def test_calls_stream_one_at_a_time_in_release_order(seed_release: BuildSummary) -> None:
    from builder.docsgen.calls import iter_calls
    from builder.formats.read import read_column

    calls = iter_calls(seed_release.path)
    first = next(calls)
    assert first.transcript_id == read_column(seed_release.path, "transcripts", "transcript_id")[0]
    assert [s["segment_index"] for s in first.segments] == list(range(len(first.segments)))
    assert {s["transcript_id"] for s in first.segments} == {first.transcript_id}
    rest = list(calls)
    assert sum(len(c.segments) for c in [first, *rest]) == 434


def test_transcripts_index_is_compact_and_holds_no_text(docs_site: Path) -> None:
    index = json.loads((docs_site / "site" / "transcripts" / "calls.json").read_text(encoding="utf-8"))
    assert index["fields"][:3] == ["transcript_id", "company", "ticker"]
    rows = {row[0]: row for row in index["calls"]}
    assert rows["CXDO-2023Q2"][1:6] == ["Crexendo", "CXDO", 2023, 2, 126]
    assert [row[0] for row in index["calls"]] == sorted(rows)
    size = (docs_site / "site" / "transcripts" / "calls.json").stat().st_size
    assert size < 150 * len(rows), "the index holds more than a short row per call"


def test_transcript_pages_are_written_directly_with_the_sites_frame(docs_site: Path) -> None:
    site = docs_site / "site"
    page = (site / "transcripts" / "STEM-2024Q4.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert not list((docs_site / "src" / "transcripts").glob("STEM*")), "transcripts went through Markdown"
    assert not (site / "transcripts" / "_shell.html").exists()
    stylesheet = re.search(r'href="(assets/stylesheets/main\.[0-9a-f]+\.min\.css)"', home).group(1)
    assert f'href="../{stylesheet}"' in page and 'id="cc-search"' in page
    assert "<title>STEM-2024Q4: Stem, 2024 Q4 - callcorpus</title>" in page
    assert 'href="../index.html"' in page and 'href="../schema.html"' in page  # the site's navigation
    assert '<meta data-pagefind-filter="company[content]" content="Stem">' in page
    assert '<meta data-pagefind-filter="quarter[content]" content="Q4">' in page
    assert '<meta data-pagefind-meta="ticker[content]" content="STEM">' in page
    assert page.count("data-pagefind-body") == 1


def test_search_bundles_cover_docs_and_every_call(docs_site: Path) -> None:
    site = docs_site / "site"
    docs_entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(docs_entry["languages"]) == ["zh-TW"] and docs_entry["languages"]["zh-TW"]["page_count"] >= 8
    bundles = (site / "pagefind-calls" / "bundles.js").read_text(encoding="utf-8")
    names = json.loads(bundles.split("=", 1)[1].strip().rstrip(";"))
    pages = 0
    for name in names:
        entry = json.loads(
            (site / "pagefind-calls" / name / "pagefind-entry.json").read_text(encoding="utf-8")
        )
        pages += entry["languages"]["zh-TW"]["page_count"]
        assert not (site / "pagefind-calls" / name / "pagefind.js").exists()
    assert pages == 4
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not list(site.glob("pagefind*/**/*-ui.js")), "Pagefind's own UI (values as HTML) is shipped"
    assert not (site / "search").exists(), "mkdocs' built-in search index is still written"


def test_docs_without_pagefind_is_one_line(docs_site: Path, tmp_path: Path) -> None:
    """``sys.modules[name] = None`` is how Python hides an installed module from imports."""
    code = "import sys; sys.modules['pagefind_bin_extended'] = None\nfrom builder.cli import main; main()"
    args = [
        "docs",
        "--dist",
        str(docs_site.parent / "dist"),
        "--out",
        str(tmp_path),
        "--config",
        str(ROOT / "mkdocs.yml"),
    ]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert output.count("\n") == 1 and output.startswith("error: "), output
    assert "pagefind[extended]" in output and "`docs` extra" in output
    assert not (tmp_path / "site").exists()


def test_call_bundles_index_a_bounded_number_of_calls_each(docs_site: Path, tmp_path: Path) -> None:
    """Four calls in bundles of one, two at a time: four bundles, each of its own page, pages
    moved into the site at their own URL, the staging folder gone."""
    from builder.docsgen.phrase_index import PhraseIndex
    from builder.docsgen.search import CALLS_FOLDER, CallBundles

    site = tmp_path / "site"
    pages = sorted((docs_site / "site" / "transcripts").glob("*-20*.html"))
    bundles = CallBundles(site, tmp_path / "stage", PhraseIndex(tmp_path / "phrases"), size=1, parallel=2)
    for page in pages:
        bundles.add(f"transcripts/{page.name}", page.read_text(encoding="utf-8"))
    bundles.close()
    assert sorted(p.name for p in (site / "transcripts").iterdir()) == [p.name for p in pages]
    assert (site / CALLS_FOLDER / "bundles.js").read_text() == (
        'window.ccSearchBundles = ["000", "001", "002", "003"];\n'
    )
    for name in ["000", "001", "002", "003"]:
        entry = json.loads((site / CALLS_FOLDER / name / "pagefind-entry.json").read_text("utf-8"))
        assert entry["languages"]["zh-TW"]["page_count"] == 1
    assert not (tmp_path / "stage").exists()


def _sitemap_addresses(path: Path) -> list[str]:
    """The ``<loc>`` addresses of a sitemap or sitemap index, checked against its namespace."""
    root = ET.parse(path).getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert root.tag in {f"{namespace}urlset", f"{namespace}sitemapindex"}
    return [loc.text or "" for loc in root.iter(f"{namespace}loc")]


def test_sitemap_lists_every_page_under_the_site_address(docs_site: Path) -> None:
    site = docs_site / "site"
    addresses = _sitemap_addresses(site / "sitemap.xml")
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert addresses == [SITE_URL + page for page in pages if page != "404.html"]
    assert f"{SITE_URL}transcripts/hostilecorp-2025Q1.html" in addresses
    assert not (site / "sitemap.xml.gz").exists()


def test_each_call_page_names_its_own_address(docs_site: Path) -> None:
    for page in (docs_site / "site" / "transcripts").glob("*.html"):
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', page.read_text(encoding="utf-8"))
        assert canonical == [f"{SITE_URL}transcripts/{page.name}"], page.name


def test_a_large_site_gets_a_sitemap_index(tmp_path: Path) -> None:
    for name in ["index.html", "404.html", "b c.html", "transcripts/A.html", "transcripts/B.html"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("<html></html>", encoding="utf-8")
    assert write_sitemap(tmp_path, SITE_URL, per_file=2) == 4
    parts = _sitemap_addresses(tmp_path / "sitemap.xml")
    assert parts == [f"{SITE_URL}sitemap-{n}.xml" for n in (1, 2)]
    listed = [a for n in (1, 2) for a in _sitemap_addresses(tmp_path / f"sitemap-{n}.xml")]
    assert listed == [
        SITE_URL + p for p in ["b%20c.html", "index.html", "transcripts/A.html", "transcripts/B.html"]
    ]


def test_without_a_site_address_there_is_no_sitemap(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")  # as mkdocs leaves it
    assert write_sitemap(tmp_path, None) == 0
    assert not (tmp_path / "sitemap.xml").exists()


@pytest.mark.parametrize(
    "address",
    ["example.org", "javascript:alert(1)", "https://x.org/a?b=1", "https://x.org/\n", "ftp://x.org/"],
)
def test_a_bad_site_address_is_one_line_and_writes_nothing(tmp_path: Path, address: str) -> None:
    args = ["docs", "--dist", str(ROOT / "dist"), "--out", str(tmp_path / "out"), "--site-url", address]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert "--site-url" in result.output and not (tmp_path / "out").exists()


def test_indexed_copy_breaks_only_the_chinese_text() -> None:
    html = (
        '<meta data-pagefind-filter="company[content]" content="台積電">'
        '<p class="cc-en" lang="en">TSMC 台積電</p>'
        '<p class="cc-zh" lang="zh-Hant">營收 12.5 億元,TSMC 成長 &lt;b&gt;</p>'
    )
    broken = {"營收": f"營{WORD_BREAK}收", "億元": f"億{WORD_BREAK}元", "成長": f"成{WORD_BREAK}長"}
    expected = html
    for word, cut in broken.items():
        expected = expected.replace(word, cut)
    assert indexed_copy(html) == expected


def test_call_pages_are_served_as_released_without_word_breaks(docs_site: Path) -> None:
    page = (docs_site / "site" / "transcripts" / "STEM-2024Q4.html").read_text(encoding="utf-8")
    assert "忠誠的太陽能和儲能客戶" in page and "\u200b" not in page
    assert not (docs_site / ".search-stage").exists()
