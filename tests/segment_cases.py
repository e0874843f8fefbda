"""The compiled core's segmentation cases: texts and the sentence spans and Simplified-only
characters the Python implementation gave before the port (``tests/data/core-cases-segment.jsonl``,
checked by ``tests/align/test_core_segment.py``).

Each line holds a text, its English spans (``en``), its Chinese spans (``zh``) and its
Simplified-only characters (``simplified``, joined), whatever the text's language: every
paragraph of the seeds, shuffled copies of them as the benchmark makes them, the paragraphs of
the seeds' variants (``tests/variants.py``) and generated hostile strings (abbreviations,
initials, ellipses, quotes, brackets, digits, Han, full-width punctuation, every kind of
Unicode whitespace, titlecase and astral characters). The file was written by the Python
implementation at the port; if a rule changes on purpose, regenerate it from the current code
with ``python tests/segment_cases.py`` and say why in the commit.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "data" / "core-cases-segment.jsonl"
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench.corpus import shuffle_chinese, shuffle_english  # noqa: E402
from builder.sources import parse_source  # noqa: E402
from builder.structure import build_transcript  # noqa: E402

RAW = HERE.parent / "raw"
#: Every character Python's ``str.isspace`` (and regex ``\s``) takes for whitespace, and three
#: that look like it but are not.
SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()] + ["\u200b", "\u180e", "\ufeff"]
WORDS = [
    "Mr.", "mrs.", "DR.", "Prof.", "St.", "Jr.", "vs.", "No.", "no.", "Nos.", "approx.", "e.g.",
    "i.e.", "cf.", "al.", "p.", "pp.", "Inc.", "Corp.", "co.", "Ltd.", "L.P.", "LLC.", "etc.",
    "Jan.", "Sept.", "U.S.", "u.s.", "U.K.", "U.S.A.", "E.U.", "a.m.", "P.M.", "K.C.", "B.",
    "A.B.C.", "x.", "So", "so", "The", "It's", "it's", "Thank", "We", "I", "Yes", "Operator",
    "Riley", "Ambrecht", "Europe", "relative", "to", "revenue", "grew", "we", "Rekor",
    "rekor.ai", "AI", "GPU", "O'Neil", "'s", "don't", "abcdefghijklmnopqrstuvwxyzabcd",
    "x'y.z", "No. 5", "No.5", "3.9", "12", "0", "5", "$3.9", "4.5%", "2021",
    "Inc.電話", "B.萊利", "K.C.在", "午安.", "感謝您", "營收", "電話會議", "萊利", "在",
    "这", "们", "说", "会", "國", "万", "后", "台",
]  # fmt: skip
MARKS = [
    ".", ".", ".", "?", "!", "?!", "..", "...", "....", "…", "……", ".)", '."', ".'", ".”", ".’",
    ".]", "?)", "!”", "。", "！", "？", "。」", "？』", "！）", "?)", "」", "』", "）", ")", "”",
    "’", '"', "'", "]", "“", "‘", "(", "[", "，", "、", "：", "；", "\n",
]  # fmt: skip
ODD = [
    "ǅ", "ǈ", "ǋ", "ǲ", "ᾈ", "Ⅰ", "ⅰ", "Ⓐ", "İ", "ẞ", "Σ", "É", "é", "ﬁ", "Ａ", "ａ", "１", "²",
    "٣", "ß", "ŉ", "𠀀", "𪚥", "😀", "𝐀", "𝟏", "\U000e0041", "\x00",
]  # fmt: skip


def _seed_texts() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(RAW.glob("*.txt"))}


def _paragraphs(name: str, data: bytes) -> Iterator[str]:
    """Every paragraph (English and Chinese) of a raw file."""
    for segment in build_transcript(parse_source(name, data)).segments:
        yield segment.en
        if segment.zh:
            yield segment.zh


def seed_paragraphs() -> list[str]:
    """Every paragraph of the seeds, English and Chinese."""
    return [text for name, data in _seed_texts().items() for text in _paragraphs(name, data)]


def shuffled(copies: int) -> Iterator[str]:
    """The seeds' paragraphs shuffled as the benchmark's copies are."""
    for copy in range(copies):
        rng = random.Random(copy)
        for name, data in _seed_texts().items():
            for segment in build_transcript(parse_source(name, data)).segments:
                yield shuffle_english(segment.en, rng)
                if segment.zh:
                    yield shuffle_chinese(segment.zh, rng)


def variant_paragraphs() -> Iterator[str]:
    """The paragraphs of every variant of every seed."""
    from variants import VARIANTS

    for name, data in _seed_texts().items():
        lines = data.decode("utf-8").split("\n")
        for make in VARIANTS.values():
            yield from _paragraphs(name, "\n".join(make(lines)).encode("utf-8"))


def _token(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(WORDS)
    if roll < 0.75:
        return rng.choice(MARKS)
    if roll < 0.85:
        return rng.choice(ODD)
    if roll < 0.92:
        return "".join(rng.choices("abcXYZ.'", k=rng.randint(1, 30)))
    return rng.choice(SPACES)


def _gap(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return " "
    if roll < 0.7:
        return ""
    return "".join(rng.choices(SPACES, k=rng.randint(1, 2)))


def hostile(count: int, seed: int = 15) -> Iterator[str]:
    """Generated strings of abbreviations, initials, marks, Han, odd letters and whitespace."""
    rng = random.Random(seed)
    yield from ["", " ", "\u3000\x1c\x85", "\n", ".", "...", "…", "。", "a.", "A. B", "Mr. "]
    # A regex ``$`` also matches before a final newline: the word before a full stop may end there.
    yield from [
        "Mr\n. Hen",
        "word\n. Next",
        "Inc\n. So",
        "U.S\n. So",
        "No\n. 5",
        "K.C\n.在",
        "ab\n.電話",
        "x\n\n. A",
    ]
    for _ in range(count):
        parts = [rng.choice(SPACES) if rng.random() < 0.1 else ""]
        for _ in range(rng.randint(1, 14)):
            parts += [_token(rng), _gap(rng)]
        yield "".join(parts)


def inputs() -> Iterator[str]:
    """Every case's text, each once, in a fixed order."""
    seen: set[str] = set()
    for text in [*seed_paragraphs(), *shuffled(2), *variant_paragraphs(), *hostile(4000)]:
        if text not in seen:
            seen.add(text)
            yield text


def expected(
    split_en: Callable[[str], Any],
    split_zh: Callable[[str], Any],
    simplified: Callable[[str], Any],
    text: str,
) -> dict[str, Any]:
    """What the implementation gives on one text."""
    return {
        "text": text,
        "en": [list(span) for span in split_en(text)],
        "zh": [list(span) for span in split_zh(text)],
        "simplified": "".join(simplified(text)),
    }


def write() -> int:
    """Write every case with what the current implementation gives; the number of cases."""
    from builder.align.segment_en import split_en
    from builder.align.segment_zh import split_zh
    from builder.evidence.simplified import simplified_chars

    lines = [
        json.dumps(
            expected(split_en, split_zh, simplified_chars, text), ensure_ascii=False, separators=(",", ":")
        )
        for text in inputs()
    ]
    CASES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


if __name__ == "__main__":
    print(f"wrote {write()} cases to {CASES.relative_to(HERE.parent)}")
