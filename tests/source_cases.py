"""The compiled core's source cases: raw files and lines, and what the Python implementation of
``builder/sources/`` gave on them before the port (``tests/data/core-cases-sources.jsonl``,
checked by ``tests/sources/test_core_sources.py``).

Two kinds of line. A ``file`` line names a raw file made here (``inputs``: the seeds, their
variants (``tests/variants.py``), shuffled copies as the benchmark makes them, and generated
hostile files: BOMs, LF/CRLF/CR mixes, NUL, bytes that are not UTF-8, U+2028, invisible
characters, bullets and indents in every mix, HTML and XML lines, empty and whitespace-only
files, lines of 100,000 characters and one more) with the SHA-256 of what ``parse_source`` gave
(its records, or the ``SourceError`` message). A ``line`` line holds one line of text and what
the per-line rules said of it: script slot, blank, CJK, Han count, front-matter kind, markup
tag, bullet and indent ends (code points). The files are made again by the test, never stored.
The file was written by the Python implementation at the port; if a rule changes on purpose,
regenerate it from the current code with ``python tests/source_cases.py`` and say why in the
commit.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "data" / "core-cases-sources.jsonl"
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench.corpus import load_seeds, variant  # noqa: E402
from builder.errors import SourceError  # noqa: E402

RAW = HERE.parent / "raw"
#: Everything Python's ``str.isspace`` takes for whitespace, and the invisible characters.
SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e", "\u00ad"]
BULLETS = ["•", "●", "▪", "‣", "◦", "·", "-", "*"]
MARKUP = [
    "<p>", "</div>", "<!DOCTYPE html>", "<!doctype HTML>", "<!-- x -->", "<?xml version='1.0'?>",
    "<?XML?>", '<a href="x">', "<br/>", "<br />", "< p>", "<p", "<İmg>", "<ımg>", "<ſpan>",
    "<\u212aey>", "<x y<z>", "<x y>z>", "<x\ty=1>", "<x\u3000y>", "<x\x1cy>", "<1p>", "<p:q-r>",
    "<p/ >", "<p//>", "<h1 class='a'>Title</h1>", "<>", "</>", "<!DOCTYPEhtml>", "<a:>",
]  # fmt: skip
FRONT = [
    "Crexendo Inc (CXDO) 2023 Q2 法說會逐字稿",
    "完整原文",
    "原文",
    "全文",
    "逐字稿",
    "FULL TRANSCRIPT",
    "full transcrİpt",
    "Full Tranſcript",
    " full transcript ",
    "full transcript.",
    "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主",
    "免责声明：中文内容为机器翻译",
    "注意" + "x" * 60 + "翻譯",
    "注意" + "x" * 61 + "翻譯",
    "翻譯" + "y" * 60 + "僅供參考",
    "翻譯" + "y" * 61 + "為准",
    "翻繹為主",
    "繙译为主",
    "Disclaimer: the Chinese text is machine-translated",
    "AUTOMATICALLY TRANSLATED",
    "automatic-translation",
    "automaticallytranslat",
    "machine translat",
    "maçhine translat",
    "translated by Google",
    "translations from DeepL",
    "translation is provided by a machine",
    "TRANSLATIONS PROVIDED BY MICROSOFT",
    "translates by Bing",
    "translated by bİng",
    "Rekor (REKR) 2021 Q3",
    "Stem（STEM）\u3000 2024q4",
    "(A.B-C) 2024Q1",
    "(ABCDEFGHIJK) 2024 Q1",
    "(ABCDEFGHIJ) 2024 Q5",
    "() 2024 Q1",
    "(ab)\x1c2024\x85Q4",
    "(ab) 20245 Q4",
    "(ſ) 2024 Q2",
    "Earnings Call Transcript",
    "earnings  call transcript",
    "法說會",
    "x" * 199 + "法說會",
    "x" * 198 + "法說會",
]
HEADERS = [
    "Operator",
    "OPERATOR",
    "moderator",
    "John Smith - CEO",
    "約翰 - 執行長",
    "Jane Doe – CFO",
    "Operator ",
]
WORDS = [
    "Thank you.",
    "營收成長",
    "Revenue grew 5%.",
    "陳先生",
    "Thanks, 陳先生.",
    "Stem Inc. 2024 年",
    "AI",
    "，",
    "。",
]


def _seeds() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(RAW.glob("*.txt"))}


def _seed_lines() -> list[str]:
    return [line for data in _seeds().values() for line in data.decode("utf-8").split("\n")]


def _variants() -> Iterator[tuple[str, bytes]]:
    from variants import VARIANTS

    for name, data in _seeds().items():
        lines = data.decode("utf-8").split("\n")
        for label, make in VARIANTS.items():
            yield f"variant:{name}:{label}", "\n".join(make(lines)).encode("utf-8")


def _copies(count: int) -> Iterator[tuple[str, bytes]]:
    seeds = load_seeds()
    for i in range(count):
        yield f"copy:{i}", variant(seeds[i % len(seeds)], i, f"T{i:05d}").encode("utf-8")


def _content(rng: random.Random, seed_lines: list[str]) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(seed_lines).strip()[: rng.choice([20, 80, 400])]
    if roll < 0.45:
        return rng.choice(HEADERS)
    if roll < 0.55:
        return rng.choice(FRONT)
    if roll < 0.62:
        return rng.choice(MARKUP) + rng.choice(["", "text", " 營收"])
    if roll < 0.7:
        return "".join(rng.choices([*INVISIBLES, *SPACES[:8], "\u3000", "\u2028"], k=rng.randint(0, 4)))
    if roll < 0.85:
        return " ".join(rng.choices(WORDS, k=rng.randint(1, 5)))
    return "".join(
        rng.choices([*WORDS, *INVISIBLES, "\u2028", "\u3000", "a", "<", ">", "Ｑ"], k=rng.randint(1, 8))
    )


def _prefix(rng: random.Random) -> str:
    roll = rng.random()
    pads = [" ", "\t", "\u3000", "\x1c", "\x85", *INVISIBLES[:5]]
    if roll < 0.35:
        return ""
    if roll < 0.65:
        return (
            "".join(rng.choices(pads, k=rng.randint(0, 3)))
            + rng.choice(BULLETS)
            + rng.choice(["", " ", " \t", "  "])
        )
    return "".join(rng.choices(pads, k=rng.randint(1, 5)))


def _line(rng: random.Random, seed_lines: list[str]) -> str:
    return _prefix(rng) + _content(rng, seed_lines) + rng.choice(["", "", " ", "\u200b", "\t", "\u3000"])


def _structured(rng: random.Random, seeds: dict[str, bytes]) -> list[str]:
    """A window of a seed's lines, mutated: lines dropped, doubled, moved, their markup changed."""
    lines = rng.choice(list(seeds.values())).decode("utf-8").split("\n")
    start = rng.randrange(0, max(1, len(lines) - 10)) if rng.random() < 0.5 else 0
    lines = lines[start : start + rng.randint(1, 120)]
    for _ in range(rng.randint(0, 8)):
        if not lines:
            break
        k = rng.randrange(len(lines))
        op = rng.randrange(6)
        if op == 0:
            del lines[k]
        elif op == 1:
            lines.insert(k, lines[k])
        elif op == 2:
            lines[k] = lines[k].lstrip(" •")
        elif op == 3:
            lines[k] = "  • " + lines[k].lstrip()
        elif op == 4:
            lines.insert(k, rng.choice(MARKUP))
        else:
            lines[k] = "    " + lines[k].lstrip(" •")
    return lines


def _join(rng: random.Random, lines: list[str]) -> bytes:
    breaks = rng.choice([["\n"], ["\r\n"], ["\r"], ["\n", "\r\n", "\r"]])
    text = "".join(line + rng.choice(breaks) for line in lines)
    if rng.random() < 0.5:
        text = text.rstrip("\r\n")
    data = text.encode("utf-8")
    roll = rng.random()
    if roll < 0.1:
        data = b"\xef\xbb\xbf" + data
    elif roll < 0.13:
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    roll = rng.random()
    if data and roll < 0.12:
        k = rng.randrange(len(data) + 1)
        bad = rng.choice(
            [b"\x00", b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xe4\xb8", b"\xf0\x9f\x98", b"\x80", b"\xf5"]
        )
        data = data[:k] + bad + data[k:]
    elif data and roll < 0.15:
        data = data[: rng.randrange(len(data) + 1)]  # may cut a character in two
    return data


def hostile(count: int, seed: int = 14) -> Iterator[tuple[str, bytes]]:
    """Generated raw files: structured windows of the seeds mutated, or lines of pieces."""
    seeds = _seeds()
    seed_lines = _seed_lines()
    fixed = [
        b"", b" ", b"\n", b"\r\n\r", b"\t\x0b\x0c", b"\x1c", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n",
        "\u200b\n\ufeff".encode(), "\u3000".encode(), "\u2028".encode(), b"\x00", b"a\x00", b"a\r\n\x00",
        b"a\rb\r\n\xff", b"\xff", b"English only", "營收".encode(), b"a\nb\n\n",
        ("x" * 100_000).encode(), ("x" * 100_001).encode(), ("營" * 100_001 + "\nb").encode(),
        ("a\n" + "é" * 100_000 + "\r\n" + "y" * 100_001).encode(),
    ]  # fmt: skip
    for k, data in enumerate(fixed):
        yield f"fixed:{k}", data
    rng = random.Random(seed)
    for k in range(count):
        if rng.random() < 0.5:
            lines = _structured(rng, seeds)
        else:
            lines = [_line(rng, seed_lines) for _ in range(rng.randint(0, 30))]
        yield f"hostile:{k}", _join(rng, lines)


def inputs(copies: int = 30, count: int = 3000) -> Iterator[tuple[str, bytes]]:
    """Every file case: its label and bytes, in a fixed order."""
    yield from ((f"seed:{name}", data) for name, data in _seeds().items())
    yield from _variants()
    yield from _copies(copies)
    yield from hostile(count)


def outcome(parse_source: Callable[[str, bytes], Any], data: bytes) -> str:
    """What ``parse_source`` gives on a file, as JSON text: its records or its error."""
    try:
        s = parse_source("case.txt", data)
    except SourceError as exc:
        return json.dumps(["error", str(exc), exc.line], ensure_ascii=False)
    found = [s.layout, s.num_lines, s.num_bytes, s.sha256, s.front, s.body, s.blank]
    return json.dumps(found, ensure_ascii=False)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def line_texts(count: int = 3000, seed: int = 28) -> Iterator[str]:
    """Every line case, each once: the seeds' and variants' lines, then generated lines."""
    seen: set[str] = set()
    rng = random.Random(seed)
    seed_lines = _seed_lines()
    variant_lines = [line for _, data in _variants() for line in data.decode("utf-8").split("\n")]
    made = [_line(rng, seed_lines) for _ in range(count)]
    for text in [*seed_lines, *variant_lines, *FRONT, *MARKUP, *made, *SPACES, *INVISIBLES]:
        if text not in seen:
            seen.add(text)
            yield text


def line_outcome(rules: dict[str, Callable[[str], Any]], text: str) -> dict[str, Any]:
    """What each per-line rule says of a line."""
    return {"line": text, **{key: rule(text) for key, rule in rules.items()}}


def current_rules() -> dict[str, Callable[[str], Any]]:
    """The per-line rules of the current implementation, through their Python API; the markup
    test has none (the core applies it inside ``parse_lines``), so it is reached through
    ``_core.markup_line``, the core's test-only export."""
    from builder import _core
    from builder.sources.bulleted import bullet_end, indent_end
    from builder.sources.front import front_kind
    from builder.sources.script import count_han, has_cjk, has_han, is_blank, script_slot

    return {
        "slot": script_slot,
        "blank": is_blank,
        "cjk": has_cjk,
        "han": has_han,
        "count_han": count_han,
        "front": front_kind,
        "markup": _core.markup_line,
        "bullet": bullet_end,
        "indent": indent_end,
    }


def write() -> tuple[int, int]:
    """Write every case with what the current implementation gives; the numbers of cases."""
    from builder.sources import parse_source

    files = [
        json.dumps({"file": label, "sha256": digest(outcome(parse_source, data))}, ensure_ascii=False)
        for label, data in inputs()
    ]
    rules = current_rules()
    lines = [
        json.dumps(line_outcome(rules, text), ensure_ascii=False, separators=(",", ":"))
        for text in line_texts()
    ]
    CASES.write_text("\n".join([*files, *lines]) + "\n", encoding="utf-8")
    return len(files), len(lines)


if __name__ == "__main__":
    print("wrote {} file cases and {} line cases to {}".format(*write(), CASES.relative_to(HERE.parent)))
