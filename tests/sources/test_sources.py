"""Readers: layout detection from the text, encodings and line endings, and bad input."""

from __future__ import annotations

import pytest
from conftest import RAW, SEEDS

from builder.errors import SourceError
from builder.rows.sentences import aligned_rows, core_batch
from builder.rows.transcripts import transcript_row
from builder.sources import parse_source
from builder.structure import build_transcript


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("rekor-systems-2021-q3.txt", "plain"),
        ("stem-2024-q4.txt", "plain"),
        ("crexendo-cxdo-2023-q2.txt", "bulleted"),
    ],
)
def test_layout_is_detected_from_the_text_not_the_name(name: str, layout: str) -> None:
    source = parse_source("anything.dat", (RAW / name).read_bytes())
    assert source.layout == layout


def _records(name: str, data: bytes) -> tuple[list[dict], dict]:
    transcript = build_transcript(parse_source(name, data))
    call = aligned_rows(transcript)
    row = transcript_row(transcript, call.segment_flags)
    row.pop("source_sha256")  # the hash of the file's own bytes, which differ by design
    return core_batch("segments", call.held).to_pylist(), row


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_bom_and_line_endings_give_identical_records(name: str) -> None:
    lf = (RAW / name).read_bytes()
    assert b"\r" not in lf
    variants = {
        "bom": b"\xef\xbb\xbf" + lf,
        "crlf": lf.replace(b"\n", b"\r\n"),
        "cr": lf.replace(b"\n", b"\r"),
        "bom+crlf": b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n"),
    }
    expected = _records(name, lf)
    for label, data in variants.items():
        assert _records(name, data) == expected, label


def test_text_is_kept_as_written_and_split_only_on_line_breaks() -> None:
    lines = (RAW / "stem-2024-q4.txt").read_text(encoding="utf-8").split("\n")
    # U+2028/U+2029/U+0085 inside a paragraph, and a decomposed character (no NFC rewriting).
    lines[3] = lines[3] + "\u2028tail\u2029x\x85y"
    lines[4] = lines[4] + "\u0065\u0301臺"
    source = parse_source("s.txt", "\n".join(lines).encode())
    transcript = build_transcript(source)
    first = transcript.segments[0]
    assert first.en.endswith("\u2028tail\u2029x\x85y")
    assert first.zh is not None and first.zh.endswith("\u0065\u0301臺")
    assert len(transcript.segments) == 192


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "file is empty", None),
        (b"  \n\r\n\t\n", "file is empty", None),
        ("使用警語\nHello there.\n你好\x00。\n".encode(), "NUL byte", 3),
        (b"Operator\nOperator\nHello.\n" + b"\xff\xfe bad\n", "is not UTF-8", 4),
        (b"Hello.\nJust English.\nMore English.\n", "matches no known layout", None),
        (b"\xff\xfeH\x00i\x00", "NUL byte", 1),
    ],
)
def test_bad_input_gets_a_clear_error_naming_file_and_line(
    data: bytes, message: str, line: int | None
) -> None:
    with pytest.raises(SourceError) as caught:
        build_transcript(parse_source("raw/bad.txt", data))
    assert message in str(caught.value)
    assert caught.value.line == line
    assert str(caught.value).startswith("raw/bad.txt" + (f", line {line}" if line else ":"))
    assert "\n" not in str(caught.value)


def test_a_file_with_front_matter_and_headers_only_has_nothing_to_pair() -> None:
    bulleted = "Acme (ACME) 2024 Q1 法說會逐字稿\n\n  • Operator\n\n    Operator\n".encode()
    with pytest.raises(SourceError, match="has no English paragraph to pair"):
        build_transcript(parse_source("x.txt", bulleted))
    plain = "使用警語:中文譯文來源為 Google 翻譯,僅供參考\nOperator\nOperator\n".encode()
    with pytest.raises(SourceError, match="has no English paragraph to pair"):
        build_transcript(parse_source("x.txt", plain))
    english = b"Some words here.\nMore words, no header and no Chinese.\n"
    with pytest.raises(SourceError, match=r"matches no known layout .*not a transcript"):
        build_transcript(parse_source("x.txt", english))


def test_source_hash_is_of_the_file_bytes() -> None:
    import hashlib

    data = (RAW / "stem-2024-q4.txt").read_bytes()
    source = parse_source("s.txt", data)
    assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_title_with_full_width_parentheses() -> None:
    lines = (RAW / "crexendo-cxdo-2023-q2.txt").read_text(encoding="utf-8").split("\n")
    lines[0] = "Crexendo Inc（CXDO）2023 Q2 法說會逐字稿"
    transcript = build_transcript(parse_source("c.txt", "\n".join(lines).encode()))
    row = transcript_row(transcript, [segment.flags for segment in transcript.segments])
    assert (row["transcript_id"], row["company"], row["title"]) == ("CXDO-2023Q2", "Crexendo", lines[0])


def test_a_huge_line_is_refused_before_any_work_grows_with_it() -> None:
    lines = (RAW / "stem-2024-q4.txt").read_text(encoding="utf-8").split("\n")
    lines[69] = "Revenue grew. " * 400_000  # 5.6 MB on one line
    with pytest.raises(SourceError) as refused:
        parse_source("huge.txt", "\n".join(lines).encode())
    assert str(refused.value) == (
        "huge.txt, line 70: 5,600,000 characters on one line; a transcript's lines have at most 100,000"
    )


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
@pytest.mark.parametrize("name", ["stem-2024-q4.txt", "crexendo-cxdo-2023-q2.txt"])
def test_mojibake_is_refused_naming_its_first_line_and_what_it_seems(name: str, codec: str) -> None:
    """UTF-8 that went through a Latin-1 or CP1252 decode (``è²¡å‹™`` for ``財務``) is refused,
    not built as an English-only call of mojibake paragraphs."""
    text = (RAW / name).read_text(encoding="utf-8")
    garbled = text.encode().decode(codec, errors="replace" if codec == "cp1252" else "strict")
    with pytest.raises(SourceError) as caught:
        parse_source(f"raw/{name}", garbled.encode())
    message = str(caught.value)
    first = next(n for n, line in enumerate(text.split("\n"), 1) if not line.isascii())
    assert caught.value.line == first and "\n" not in message
    assert f"seems UTF-8 read as {'Latin-1' if codec == 'latin-1' else 'CP1252'}" in message
    assert "mojibake of `" in message and len(message) < 300


def test_one_mojibake_word_in_a_good_file_is_refused_with_its_repair() -> None:
    lines = (RAW / "stem-2024-q4.txt").read_text(encoding="utf-8").split("\n")
    lines[39] += " Stem" + "’s".encode().decode("cp1252")
    with pytest.raises(SourceError, match=r"line 40: `â€™s` seems UTF-8 read as CP1252 \(mojibake of `’s`\)"):
        parse_source("raw/stem.txt", "\n".join(lines).encode())


def test_latin1_file_is_refused_as_such() -> None:
    data = "Operator\nOperator\nGood morning from Zürich.\n早安。\n".encode("latin-1", errors="ignore")
    with pytest.raises(
        SourceError,
        match=r"line 3: is not UTF-8 \(byte 0xfc\): `…rning from Zürich\.` seems Latin-1 or CP1252 text",
    ):
        parse_source("raw/x.txt", data)


@pytest.mark.parametrize("text", ["José Núñez - CFO", "São Paulo, naïve, 10 °C, ½, © ™ €", "Ã la carte"])
def test_latin_text_in_utf8_is_not_mojibake(text: str) -> None:
    lines = (RAW / "stem-2024-q4.txt").read_text(encoding="utf-8").split("\n")
    lines[40] += " " + text
    parse_source("raw/stem.txt", "\n".join(lines).encode())
