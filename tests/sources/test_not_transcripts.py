"""What is not a transcript is refused with a reason, never shipped flagged.

A transcript has, at the least: plain text (not a web page's or an XML file's source), English
paragraphs each followed by a Chinese translation (else: "matches no known layout"), and
speaker headers naming who speaks."""

from __future__ import annotations

import pytest
from conftest import RAW, SEEDS, seed_lines

from builder.errors import SourceError
from builder.sources import parse_source
from builder.structure import build_transcript
from builder.structure.speakers import looks_like_header


def _saved_page(name: str) -> bytes:
    """A seed as its web page's HTML source, one ``<p>`` per line, as 'Save page as' writes it."""
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hant">',
        "<head>",
        '<meta charset="utf-8">',
        "</head>",
        "<body>",
    ]
    body = [f"<p>{line}</p>" for line in seed_lines(name) if line.strip()]
    return "\n".join([*head, *body, "</body>", "</html>"]).encode()


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_a_saved_web_page_is_refused(name: str) -> None:
    with pytest.raises(SourceError, match=r"^page\.txt: looks like HTML or XML \([0-9,]+ of [0-9,]+ lines"):
        parse_source("page.txt", _saved_page(name))


def test_an_xml_export_is_refused() -> None:
    rows = [f'  <p lang="en">{line}</p>' for line in seed_lines("stem-2024-q4.txt")[:40] if line.strip()]
    data = "\n".join(['<?xml version="1.0" encoding="utf-8"?>', "<call>", *rows, "</call>"]).encode()
    with pytest.raises(SourceError, match="looks like HTML or XML"):
        parse_source("call.xml.txt", data)


def test_a_few_lines_that_quote_markup_are_still_a_transcript() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    lines[20] = "<b>Note</b> the figures below are unaudited."  # one tag-led line of hundreds
    assert build_transcript(parse_source("s.txt", "\n".join(lines).encode())).turns


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_paragraphs_without_any_speaker_header_are_refused(name: str) -> None:
    """The text of a PDF or a copy without headers: paragraphs and translations, nobody speaking."""
    lines = [line for line in seed_lines(name) if not looks_like_header(line.strip(" •\t"))]
    with pytest.raises(SourceError, match=r"has no speaker header .*not a transcript\?\)$"):
        build_transcript(parse_source(name, "\n".join(lines).encode()))


def test_the_seeds_meet_the_minimum() -> None:
    for path in sorted(RAW.glob("*.txt")):
        assert any(turn.header for turn in build_transcript(parse_source(path.name, path.read_bytes())).turns)


def test_a_file_that_changes_layout_part_way_is_refused_naming_the_line() -> None:
    plain, bulleted = seed_lines("stem-2024-q4.txt"), seed_lines("crexendo-cxdo-2023-q2.txt")
    with pytest.raises(
        SourceError, match=r"^m\.txt, line 2: the layout changes part-way: bulleted lines from line 123"
    ):
        parse_source("m.txt", "\n".join(plain[:120] + bulleted[60:200]).encode())  # body was front matter
    with pytest.raises(
        SourceError, match=r"^m\.txt, line 151: the layout changes part-way: bulleted lines from line 7,"
    ):
        parse_source("m.txt", "\n".join(bulleted[:150] + plain[60:200]).encode())


def test_a_few_unmarked_lines_in_a_bulleted_file_are_not_a_layout_change() -> None:
    lines = seed_lines("crexendo-cxdo-2023-q2.txt")
    for k in (40, 80, 120):  # three lines lose their bullet, far apart
        lines[k] = lines[k].lstrip(" •\t")
    assert build_transcript(parse_source("c.txt", "\n".join(lines).encode())).turns


NOT_TRANSCRIPTS = {
    "source code": (
        'import os\n\ndef main():\n    print("hello")\n\nif __name__ == "__main__":\n    main()\n'
    ),
    "a CSV table": "ticker,date,revenue\nREKR,2021-11-15,3.9\nSTEM,2025-03-05,29.5\n",
    "an empty template": (
        "Company (TICK) YYYY QN 法說會逐字稿\n\n完整原文\n\n使用警語:中文譯文來源為 Google 翻譯\n\n"
    ),
    "English prose": "We met the quarter's targets.\nRevenue grew.\n\nMargins held up well.\n",
}


@pytest.mark.parametrize("kind", sorted(NOT_TRANSCRIPTS))
def test_other_text_files_are_refused_with_a_reason(kind: str) -> None:
    with pytest.raises(
        SourceError, match=r"^x\.txt: (?:matches no known layout|has no).*not a transcript\?\)$"
    ):
        build_transcript(parse_source("x.txt", NOT_TRANSCRIPTS[kind].encode()))
