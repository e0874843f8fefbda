"""The phrase index of the documentation site: what a page gives it, its keys, shards and files,
and where it finds each page's Pagefind fragment (builder/docsgen/phrase_*.py, zh_index.py).
The search box reading it is tested in Chromium (test_docs_zh_search.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest

from builder.docsgen.phrase_grams import grams, key_text, searchable_text, shard_of
from builder.docsgen.phrase_index import FOLDER, PAGES_FILE, PhraseIndex, shard_name
from builder.docsgen.phrase_pages import SIGNATURE, FragmentUnreadable, PageTable
from builder.docsgen.zh_index import indexed_copy, page_mark

PAGE = (
    "<html><head><title>標題</title></head><body><nav>導覽</nav>"
    '<div data-pagefind-body><meta data-pagefind-filter="company[content]" content="台積電">'
    "<h1>營收報告</h1>"
    '<div class="cc-cols" data-pagefind-ignore><span lang="en">English</span>'
    '<span lang="zh-Hant">中文</span></div>'
    '<p lang="zh-Hant">營收成長,營收 &lt;b&gt;成長&lt;/b&gt;</p></div></body></html>'
)


def fnv1a(key: str) -> int:
    """FNV-1a over code points, written out from its definition (the rule phrases.js follows)."""
    value = 0x811C9DC5
    for character in key:
        value = ((value ^ ord(character)) * 0x01000193) % 2**32
    return value


def test_the_text_is_the_body_without_ignored_elements_or_attributes() -> None:
    text = searchable_text(PAGE)
    pieces = [piece for piece in text.split("\x00") if piece.strip()]
    assert pieces == ["營收報告", "營收成長,營收 &lt;b&gt;成長&lt;/b&gt;"]
    assert searchable_text("<p>營收</p>") == ""  # no body: not indexed (as Pagefind)


def test_keys_are_characters_and_pairs_with_their_positions() -> None:
    keys, bits = grams("營收成長\x00營收 長成\x00營收")
    found = {key_text(int(k)): int(b) for k, b in zip(keys, bits, strict=True)}
    assert set(found) == {"營", "收", "成", "長", "營收", "收成", "成長", "長成"}
    assert found["營收"] == 1 << 0 | 1 << 5 | 1 << (11 % 8)  # at 0, 5 and 11
    assert found["成長"] == 1 << 2 and found["長成"] == 1 << 8 % 8
    assert all(found[c] == 0 for c in "營收成長")
    assert "長\x00" not in found and "收長" not in found  # never across elements or spaces
    assert keys.tolist() == sorted(keys[:4].tolist()) + sorted(keys[4:].tolist())


def test_supplementary_characters_are_one_character_each() -> None:
    keys, _ = grams("𠀀𠀁營")
    assert [key_text(int(k)) for k in keys] == ["營", "𠀀", "𠀁", "𠀀𠀁", "𠀁營"]


@pytest.mark.parametrize("key", ["營", "營收", "𠀀𠀁", "收成"])
def test_a_keys_shard_is_fnv1a_of_its_code_points(key: str) -> None:
    code = ord(key[0]) if len(key) == 1 else ord(key[0]) << 21 | ord(key[1])
    assert shard_of(np.array([code], dtype=np.uint64), 1000)[0] == fnv1a(key) % 1000


def test_the_indexed_copy_carries_the_page_number_first_in_its_body() -> None:
    copy = indexed_copy(PAGE, 17)
    assert copy.count(page_mark(17)) == 1
    assert f"<div data-pagefind-body>{page_mark(17)}<meta" in copy
    assert indexed_copy("<p>no body</p>", 3) == "<p>no body</p>"


def test_text_that_reads_like_the_body_attribute_is_not_the_body() -> None:
    """A title from the data may say data-pagefind-body: escaped, it is never a tag."""
    page = PAGE.replace("<title>標題", "<title>營收 data-pagefind-body x=&quot;&gt;")
    assert f"<div data-pagefind-body>{page_mark(2)}" in indexed_copy(page, 2)
    assert searchable_text(page) == searchable_text(PAGE)


def _shards(site: Path) -> dict[str, Any]:
    """Every entry of the written index, by key."""
    about = json.loads((site / FOLDER / "index.json").read_text(encoding="utf-8"))
    entries: dict[str, Any] = {}
    for shard in range(about["shards"]):
        data = orjson.loads(gzip.decompress((site / FOLDER / shard_name(shard)).read_bytes()))
        for key, entry in data.items():
            assert shard_of(np.array([_code(key)], dtype=np.uint64), about["shards"])[0] == shard
            entries[key] = entry
    return entries


def _code(key: str) -> int:
    return ord(key[0]) if len(key) == 1 else ord(key[0]) << 21 | ord(key[1])


def _pages(gaps: list[int]) -> list[int]:
    return list(np.cumsum(gaps)) if gaps else []


def test_written_entries_list_each_keys_pages_and_bits(tmp_path: Path) -> None:
    pages = [PAGE, PAGE.replace("營收報告", "報告"), "<p>no body</p>", PAGE.replace("營收", "收營")]
    with PhraseIndex(tmp_path / "work") as index:
        assert [index.add(page) for page in pages] == [0, 1, 2, 3]
        index.write(tmp_path / "site")
        assert (tmp_path / "work").is_dir()
    assert not (tmp_path / "work").exists()
    entries = _shards(tmp_path / "site")
    assert _pages(entries["營收"][0]) == [0, 1]
    # page 0: 營收報告, then 營收成長,營收 at 7 and 12 (two separators and a space between);
    # page 1: 報告, then 營收 at 5 and 10
    assert entries["營收"][1] == [1 << 0 | 1 << 7 | 1 << 12 % 8, 1 << 5 | 1 << 10 % 8]
    assert _pages(entries["收營"][0]) == [3] and _pages(entries["報"][0]) == [0, 1, 3]
    assert len(entries["報"]) == 1  # a character: pages only
    about = json.loads((tmp_path / "site" / FOLDER / "index.json").read_text(encoding="utf-8"))
    assert about == {"format": 1, "shards": 64, "pages": 4, "window": 8}


def test_the_same_pages_give_the_same_bytes(tmp_path: Path) -> None:
    written = []
    for run in ("a", "b"):
        with PhraseIndex(tmp_path / f"work-{run}") as index:
            for page in (PAGE, PAGE.replace("成長", "衰退")):
                index.add(page)
            index.write(tmp_path / run)
        written.append({p.name: p.read_bytes() for p in sorted((tmp_path / run / FOLDER).iterdir())})
    assert written[0] == written[1] and len(written[0]) == 64 + 2


def _fragment(bundle: Path, name: str, fragment: dict[str, Any], signed: bool = True) -> None:
    (bundle / "fragment").mkdir(parents=True, exist_ok=True)
    data = (SIGNATURE if signed else b"") + orjson.dumps(fragment)
    (bundle / "fragment" / f"{name}.pf_fragment").write_bytes(gzip.compress(data))


def test_the_page_table_reads_each_fragment_for_its_number_and_filters(tmp_path: Path) -> None:
    site = tmp_path / "site"
    calls, docs = site / "pagefind-calls" / "000", site / "pagefind"
    _fragment(
        calls, "zh-TW_b1", {"url": "/A.html", "filters": {"company": ["台積電"]}, "meta": {"page": "1"}}
    )
    _fragment(calls, "zh-TW_a0", {"url": "/B.html", "filters": {"company": ["<b>"]}, "meta": {"page": "0"}})
    _fragment(docs, "zh-TW_c2", {"url": "/x.html", "filters": {"section": ["docs"]}, "meta": {"page": "3"}})
    table = PageTable()
    table.locate(site, calls)
    table.locate(site, docs)
    assert table.as_json(4) == {
        "bundles": ["pagefind-calls/000", "pagefind"],
        "pages": [[0, "zh-TW_a0"], [0, "zh-TW_b1"], None, [1, "zh-TW_c2"]],
        "filters": {"company": {"<b>": [0], "台積電": [1]}, "section": {"docs": [3]}},
    }


@pytest.mark.parametrize(
    ("fragment", "signed", "says"),
    [
        ({"url": "/a.html", "meta": {"page": "0"}}, False, "signature"),
        ({"url": "/a.html", "meta": {}}, True, "number"),
    ],
)
def test_a_fragment_the_table_cannot_place_is_an_error(
    tmp_path: Path, fragment: dict[str, Any], signed: bool, says: str
) -> None:
    _fragment(tmp_path / "bundle", "zh-TW_0", fragment, signed)
    with pytest.raises(FragmentUnreadable, match=says):
        PageTable().locate(tmp_path, tmp_path / "bundle")


def test_the_page_table_is_written_beside_the_shards(tmp_path: Path) -> None:
    bundle = tmp_path / "site" / "pagefind"
    _fragment(bundle, "zh-TW_0", {"url": "/a.html", "filters": {}, "meta": {"page": "0"}})
    with PhraseIndex(tmp_path / "work") as index:
        index.add(PAGE)
        index.locate(tmp_path / "site", bundle)
        index.write(tmp_path / "site")
    table = orjson.loads(gzip.decompress((tmp_path / "site" / FOLDER / PAGES_FILE).read_bytes()))
    assert table == {"bundles": ["pagefind"], "pages": [[0, "zh-TW_0"]], "filters": {}}
