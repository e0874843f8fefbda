"""The compiled core's alignment cases: inputs and their results (``tests/data/core-cases.jsonl``,
checked by ``tests/core/test_core.py``).

The file was first written by the Python implementation at the port (commit bbcd1db), then
rewritten by the core when its ``log``, ``exp`` and ``erfc`` moved from the C library to the
``libm`` crate (costs changed in the last bit, paths not at all). It holds paths, costs (floats
as ``repr`` writes them, so they compare to the last bit) and the numbers without a
counterpart, for the seeds' paragraphs that need the search, shuffled copies of them as the
benchmark makes them (sentences merged and dropped at random) and generated sentences. If a
rule changes on purpose, regenerate it from the current code with ``python tests/core_cases.py``
and say why in the commit.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "data" / "core-cases.jsonl"
sys.path.insert(0, str(HERE.parent))

from bench.corpus import shuffle_chinese, shuffle_english  # noqa: E402
from builder.align.segment_en import split_en  # noqa: E402
from builder.align.segment_zh import split_zh  # noqa: E402
from builder.sources import read_source  # noqa: E402
from builder.structure import build_transcript  # noqa: E402

RAW = HERE.parent / "raw"
EN_WORDS = [
    "revenue", "grew", "the", "quarter", "we", "Rekor", "AI", "three", "second", "March",
    "$3.9 million", "12", "4.5%", "125 to 175 million", "Q3", "FY23", "2021", "1,200", "half",
    "thank you", "margin", "gpu", "2.5 billion", "0", "30",
]  # fmt: skip
ZH_WORDS = [
    "營收", "成長", "本季", "我們", "Rekor", "AI", "GPU", "三", "兩", "二十五", "首先", "390 萬美元",
    "3.9億", "12", "4.5%", "2021", "1,200", "半", "謝謝", "毛利率", "25 億", "30", "1.8 千兆瓦時",
]  # fmt: skip


def sentences(en_text: str, zh_text: str) -> tuple[list[str], list[str]]:
    """The sentences of a paragraph pair, as the aligner splits them."""
    return [en_text[a:b] for a, b in split_en(en_text)], [zh_text[a:b] for a, b in split_zh(zh_text)]


def seed_pairs() -> list[tuple[str, str]]:
    """Every translated paragraph of the seeds."""
    pairs = []
    for path in sorted(RAW.glob("*.txt")):
        for segment in build_transcript(read_source(path, path.name)).segments:
            if segment.zh:
                pairs.append((segment.en, segment.zh))
    return pairs


def shuffled(pairs: list[tuple[str, str]], copy: int) -> Iterator[tuple[list[str], list[str]]]:
    """The pairs shuffled within sentences, Chinese sentences merged and English ones dropped at
    random, so the search meets every kind of bead."""
    rng = random.Random(copy)
    for en_text, zh_text in pairs:
        en, zh = sentences(shuffle_english(en_text, rng), shuffle_chinese(zh_text, rng))
        if len(zh) > 2 and rng.random() < 0.3:
            k = rng.randrange(len(zh) - 1)
            zh[k : k + 2] = [zh[k] + zh[k + 1]]
        if len(en) > 2 and rng.random() < 0.3:
            del en[rng.randrange(len(en))]
        yield en, zh


def generated(count: int, seed: int = 14) -> Iterator[tuple[list[str], list[str]]]:
    """Paragraph pairs of random sentences over words with numbers, number words and Latin words."""
    rng = random.Random(seed)
    for _ in range(count):
        en = [" ".join(rng.choices(EN_WORDS, k=rng.randint(1, 25))) + "." for _ in range(rng.randint(1, 12))]
        zh = ["".join(rng.choices(ZH_WORDS, k=rng.randint(1, 30))) + "。" for _ in range(rng.randint(1, 12))]
        yield en, zh


def inputs() -> Iterator[tuple[list[str], list[str]]]:
    """Every case's sentences: paragraphs whose sentence counts differ (the search's work)."""
    pairs = seed_pairs()
    for en, zh in [sentences(*pair) for pair in pairs]:
        if len(en) != len(zh):
            yield en, zh
    for copy in range(2):
        for en, zh in shuffled(pairs, copy):
            if en and zh and len(en) != len(zh):
                yield en, zh
    yield from generated(150)


def expected(impl: Any, en: list[str], zh: list[str]) -> dict[str, Any]:
    """What ``impl`` (a module with ``en_features``, ``zh_features``, ``_path``, ``bead_cost``,
    ``unaligned_cost``, ``missing_counterparts``) gives on the case."""
    e, z = [impl.en_features(t) for t in en], [impl.zh_features(t) for t in zh]
    return {
        "path": [list(step) for step in impl._path(e, z)],
        "bead_cost": impl.bead_cost(e, z, 2.3),
        "one_to_one": [impl.bead_cost([a], [b], 0.0) for a, b in zip(e, z, strict=False)],
        "unaligned_cost": impl.unaligned_cost(e, z),
        "missing_en": [n.text for n in impl.missing_counterparts(e, z)],
        "missing_zh": [n.text for n in impl.missing_counterparts(z, e)],
    }


def write(impl: Any) -> int:
    """Write every case with what ``impl`` gives; the number of cases."""
    lines = [
        json.dumps({"en": en, "zh": zh, **expected(impl, en, zh)}, ensure_ascii=False) for en, zh in inputs()
    ]
    CASES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def current() -> Any:
    """The current implementation, as one namespace."""
    from types import SimpleNamespace

    from builder import _core
    from builder.evidence.anchors import Features, en_features, zh_features
    from builder.evidence.cost import bead_cost, missing_counterparts, unaligned_cost

    def _path(en: list[Features], zh: list[Features]) -> list[tuple[int, int, int, int, float]]:
        return _core.bead_path([f.core for f in en], [f.core for f in zh])

    return SimpleNamespace(
        en_features=en_features,
        zh_features=zh_features,
        _path=_path,
        bead_cost=bead_cost,
        unaligned_cost=unaligned_cost,
        missing_counterparts=missing_counterparts,
    )


if __name__ == "__main__":
    print(f"wrote {write(current())} cases to {CASES.relative_to(HERE.parent)}")
