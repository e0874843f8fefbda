"""The compiled core's number and sentence-feature cases: inputs and what the Python
implementation of ``builder/evidence/numbers.py`` and ``anchors.py`` gave before the port
(``tests/data/core-cases-numbers.jsonl``, checked by ``tests/align/test_core_numbers.py``).

Each line is a text with what the four number finders, the Chinese length and the features give
on it as an English text, a Chinese text or both, or a pair (``en``, ``zh``) with its unmatched
numbers. Numbers are ``[text, start, strong, values]`` with the values sorted; floats are written
as ``repr`` writes them, so they compare to the last bit. The texts are every sentence and
paragraph of the seeds, of shuffled copies as the benchmark makes them and of the variants of
``tests/variants.py``, and generated hostile strings (digits of other scripts, separators,
ranges, scale words, Chinese numerals, quarters, astral characters). If a rule changes on
purpose, regenerate with ``python tests/number_cases.py`` and say why in the commit.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "data" / "core-cases-numbers.jsonl"
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from core_cases import RAW, sentences, shuffled  # noqa: E402
from variants import VARIANTS  # noqa: E402

from builder.sources import read_source  # noqa: E402
from builder.structure import build_transcript  # noqa: E402

#: Decimal digits of other scripts (full-width, Arabic-Indic, Devanagari, mathematical bold).
DIGITS = ["0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"]
PIECES = [
    ",", ".", "%", "$", " ", " ", "\u3000", "\xa0", "\x1c", "\t", "-", "–", "~", "～", "至", "到", "或",
    " to ", " and ", " or ", " through ", "percent", " percent", "thousand", " million", "millions",
    " billion", "billions", " trillion", "k", "K", "M", "MM", "mm", "mn", "B", "bn", "b", "m", "x",
    "萬億", "千萬", "百萬", "十萬", "萬", "億", "兆", "兆瓦", "千", "百", "瓦", "万", "亿", "两",
    "零", "〇", "一", "二", "兩", "三", "四", "五", "六", "七", "八", "九", "十",
    "首先", "其次", "首", "半", "雙", "倍", "Q1", "Q3", "3Q", "4Q", "Q5", " '23", "'", "'23", "FY",
    "FY23", "fiscal", "fiscal '24", "fiscal24", "March", "may", "DECEMBER", "Three", "twenty",
    "half", "dozen", "Rekor", "AI", "GPU", "R&D", "don't", "e-commerce", "x-", "A1-", "é", "Σ",
    "İ", "ẞ", "\u0301", "\u093e", "\u0345", "Ⓐ", "_", "𠀀", "😀", "𝐀", "²", "½", "Ⅻ", "。", "，",
]  # fmt: skip


def number_list(numbers: list[Any]) -> list[list[Any]]:
    """Numbers as ``[text, start, strong, sorted values]``."""
    return [[n.text, n.start, n.strong, sorted(n.values)] for n in numbers]


def text_case(impl: Any, text: str, side: str) -> dict[str, Any]:
    """What ``impl`` gives on one text, for one side or both."""
    case: dict[str, Any] = {"text": text}
    if side in ("en", "both"):
        case["en_strong"] = number_list(impl.en_strong(text))
        case["en_weak"] = number_list(impl.en_weak(text))
        f = impl.en_features(text)
        lower = None if text.isascii() else impl.lower(text)  # an ASCII text's is plain
        case["en"] = [f.length, lower]
        assert [n.values for n in f.numbers] == [n.values for n in impl.en_strong(text)]
    if side in ("zh", "both"):
        case["zh_strong"] = number_list(impl.zh_strong(text))
        case["zh_weak"] = number_list(impl.zh_weak(text))
        case["zh_length"] = impl.zh_length(text)
        f = impl.zh_features(text)
        case["zh"] = [f.length, sorted(f.latin)]
        assert [n.values for n in f.numbers] == [n.values for n in impl.zh_strong(text)]
    return case


def pair_case(impl: Any, texts: list[tuple[str, str]], en: int, zh: int) -> dict[str, Any]:
    """The unmatched numbers of a pair of texts, given by their positions among the text cases."""
    missing_en, missing_zh = impl.unmatched(texts[en][0], texts[zh][0])
    return {"pair": [en, zh], "unmatched": [number_list(missing_en), number_list(missing_zh)]}


def _number(rng: random.Random) -> str:
    """Digits of one or two scripts, sometimes with thousands separators and a fraction."""
    digits = rng.choice(DIGITS) if rng.random() < 0.5 else rng.choice(DIGITS[:2])
    length = 330 if rng.random() < 0.004 else rng.choice([1, 1, 2, 3, 4, 7, 12, 25])
    run = "".join(rng.choice(digits) for _ in range(length))
    if rng.random() < 0.3:
        run = f"{int(run.translate(_ASCII)):,}" if run.translate(_ASCII).isascii() else run
    if rng.random() < 0.3:
        run += "." + "".join(rng.choice(digits) for _ in range(rng.randint(1, 4)))
    return run


_ASCII = {ord(c): str(k % 10) for k, c in enumerate("".join(DIGITS[:2]))}
_TIES = ["12345678.25", "1234567.125", "0.1234567895", "999999999.5", "1,234,567.89", "3.9", "0.35"]


def hostile(count: int, seed: int = 15) -> Iterator[str]:
    """Random mixes of numbers and the pieces around which the rules turn."""
    rng = random.Random(seed)
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 7)):
            roll = rng.random()
            parts.append(
                _number(rng) if roll < 0.4 else rng.choice(_TIES) if roll < 0.45 else rng.choice(PIECES)
            )
        yield "".join(parts)


def seed_texts() -> Iterator[tuple[str, str]]:
    """Every paragraph pair of the seeds, of the variants and of a shuffled copy
    (its paragraphs with digits)."""
    paths = sorted(RAW.glob("*.txt"))
    pairs = []
    for path in paths:
        for segment in build_transcript(read_source(path, path.name)).segments:
            pairs.append((segment.en, segment.zh or ""))
    yield from pairs
    with tempfile.TemporaryDirectory() as folder:
        yield from _variant_texts(paths, folder)
    translated = [(en, zh) for en, zh in pairs if zh]
    for copy in range(1):
        for en, zh in shuffled(translated, copy):
            if any(c.isdigit() for c in "".join(en + zh)):  # the numbers' neighbours shuffled
                yield " ".join(en), "".join(zh)


def _variant_texts(paths: list[Path], folder: str) -> Iterator[tuple[str, str]]:
    """Every paragraph pair of the variants of the seeds."""
    for name in sorted(VARIANTS):
        for path in paths:
            lines = path.read_text("utf-8").splitlines()
            variant = Path(folder) / path.name
            variant.write_text("\n".join(VARIANTS[name](lines)), encoding="utf-8")
            for segment in build_transcript(read_source(variant, path.name)).segments:
                yield segment.en, segment.zh or ""


def inputs() -> tuple[list[tuple[str, str]], list[tuple[int, int]]]:
    """The texts (with their side), each once, and the pairs as positions among them: the
    sentences of a paragraph pair taken in order, and the hostile strings two by two."""
    texts: dict[tuple[str, str], int] = {}
    pairs: dict[tuple[int, int], None] = {}
    for en, zh in seed_texts():
        en_sentences, zh_sentences = sentences(en, zh)
        en_at = [texts.setdefault((text, "en"), len(texts)) for text in en_sentences]
        zh_at = [texts.setdefault((text, "zh"), len(texts)) for text in zh_sentences]
        for pair in zip(en_at, zh_at, strict=False):
            pairs[pair] = None
    generated = [texts.setdefault((text, "both"), len(texts)) for text in hostile(1500)]
    for k in range(0, len(generated) - 1, 2):
        pairs[generated[k], generated[k + 1]] = None
    return list(texts), list(pairs)


def write(impl: Any) -> int:
    """Write every case with what ``impl`` gives; the number of cases."""
    texts, pairs = inputs()
    lines = [text_case(impl, text, side) for text, side in texts]
    lines += [pair_case(impl, texts, en, zh) for en, zh in pairs]
    dumped = [json.dumps(line, ensure_ascii=False, separators=(",", ":")) for line in lines]
    CASES.write_text("\n".join(dumped) + "\n", encoding="utf-8")
    return len(dumped)


def current() -> Any:
    """The current implementation, as one namespace."""
    from types import SimpleNamespace

    from builder.evidence import anchors, numbers

    return SimpleNamespace(
        en_strong=numbers.en_strong,
        en_weak=numbers.en_weak,
        zh_strong=numbers.zh_strong,
        zh_weak=numbers.zh_weak,
        unmatched=numbers.unmatched,
        zh_length=anchors.zh_length,
        en_features=anchors.en_features,
        zh_features=anchors.zh_features,
        lower=str.lower,
    )


if __name__ == "__main__":
    print(f"wrote {write(current())} cases to {CASES.relative_to(HERE.parent)}")
