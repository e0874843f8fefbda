"""The compiled core against the Python implementation it replaces (``legacy_align.py``): the
search over beads and its costs, on every paragraph of the seeds, of shuffled copies as the
benchmark makes them, and of generated sentences; paths and costs must agree to the last bit."""

from __future__ import annotations

import math
import random
import struct
import sys
from pathlib import Path

import legacy_align as legacy
import pytest
from conftest import RAW
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import _core
from builder.align import aligner
from builder.align.segment_en import split_en
from builder.align.segment_zh import split_zh
from builder.evidence import cost
from builder.evidence.anchors import en_features, zh_features
from builder.sources import read_source
from builder.structure import build_transcript

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.corpus import shuffle_chinese, shuffle_english


def _bits(x: float) -> int:
    return struct.unpack("<q", struct.pack("<d", x))[0]


def _same(a: object, b: object) -> bool:
    """Equal, floats to the last bit."""
    if isinstance(a, float) and isinstance(b, float):
        return _bits(a) == _bits(b)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _sentences(en_text: str, zh_text: str) -> tuple[list[str], list[str]]:
    return [en_text[a:b] for a, b in split_en(en_text)], [zh_text[a:b] for a, b in split_zh(zh_text)]


def check_pair(en: list[str], zh: list[str]) -> None:
    """Every rule on this paragraph pair, both implementations."""
    old_en, old_zh = [legacy.en_features(t) for t in en], [legacy.zh_features(t) for t in zh]
    new_en, new_zh = [en_features(t) for t in en], [zh_features(t) for t in zh]
    if en and zh:
        assert _same(legacy._path(old_en, old_zh), aligner._path(new_en, new_zh)), (en, zh)
        assert _same(legacy.bead_cost(old_en, old_zh, 2.3), cost.bead_cost(new_en, new_zh, 2.3)), (en, zh)
        for e_old, e_new in zip(old_en, new_en, strict=True):
            for z_old, z_new in zip(old_zh, new_zh, strict=True):
                assert _same(legacy.bead_cost([e_old], [z_old], 0.0), cost.bead_cost([e_new], [z_new], 0.0))
                assert _same(
                    [n.text for n in legacy.missing_counterparts([z_old], [e_old])],
                    [n.text for n in cost.missing_counterparts([z_new], [e_new])],
                )
        assert _same(
            [n.text for n in legacy.missing_counterparts(old_en, old_zh)],
            [n.text for n in cost.missing_counterparts(new_en, new_zh)],
        )
    assert _same(legacy.unaligned_cost(old_en, old_zh), cost.unaligned_cost(new_en, new_zh))


def _seed_pairs() -> list[tuple[str, str]]:
    pairs = []
    for path in sorted(RAW.glob("*.txt")):
        for segment in build_transcript(read_source(path, path.name)).segments:
            if segment.zh:
                pairs.append((segment.en, segment.zh))
    return pairs


def test_every_seed_paragraph() -> None:
    pairs = _seed_pairs()
    assert len(pairs) > 400
    for en_text, zh_text in pairs:
        check_pair(*_sentences(en_text, zh_text))


@pytest.mark.parametrize("copy", range(6))
def test_shuffled_copies_of_the_seeds(copy: int) -> None:
    rng = random.Random(copy)
    for en_text, zh_text in _seed_pairs():
        en, zh = _sentences(shuffle_english(en_text, rng), shuffle_chinese(zh_text, rng))
        # drop and merge sentences at random, so the search meets every kind of bead
        if len(zh) > 2 and rng.random() < 0.3:
            k = rng.randrange(len(zh) - 1)
            zh[k : k + 2] = [zh[k] + zh[k + 1]]
        if len(en) > 2 and rng.random() < 0.3:
            del en[rng.randrange(len(en))]
        check_pair(en, zh)


_EN_WORDS = [
    "revenue", "grew", "the", "quarter", "we", "Rekor", "AI", "three", "second", "March",
    "$3.9 million", "12", "4.5%", "125 to 175 million", "Q3", "FY23", "2021", "1,200", "half",
    "thank you", "margin", "gpu", "2.5 billion", "0", "30",
]  # fmt: skip
_ZH_WORDS = [
    "營收", "成長", "本季", "我們", "Rekor", "AI", "GPU", "三", "兩", "二十五", "首先", "390 萬美元",
    "3.9億", "12", "4.5%", "2021", "1,200", "半", "謝謝", "毛利率", "25 億", "30", "1.8 千兆瓦時",
]  # fmt: skip


def _sentence(words: list[str], end: str, joiner: str) -> str:
    return joiner.join(words) + end


_EN_SENTENCE = st.lists(st.sampled_from(_EN_WORDS), min_size=1, max_size=25).map(
    lambda w: _sentence(w, ".", " ")
)
_ZH_SENTENCE = st.lists(st.sampled_from(_ZH_WORDS), min_size=1, max_size=30).map(
    lambda w: _sentence(w, "。", "")
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_EN_SENTENCE, min_size=1, max_size=12), st.lists(_ZH_SENTENCE, min_size=1, max_size=12))
def test_generated_sentences(en: list[str], zh: list[str]) -> None:
    check_pair(en, zh)


@settings(max_examples=3000, deadline=None)
@given(
    st.floats(min_value=0.0, max_value=1e5, allow_nan=False),
    st.floats(min_value=0.0, max_value=1e5, allow_nan=False),
)
def test_length_cost(en_len: float, zh_len: float) -> None:
    assert _same(legacy.length_cost(en_len, zh_len), _core.length_cost(en_len, zh_len))


def test_length_cost_far_in_the_tail() -> None:
    for en_len, zh_len in [(0.0, 1e6), (1e6, 0.0), (1e9, 3.0), (40.0, 10.72), (5.0, 5.0)]:
        assert _same(legacy.length_cost(en_len, zh_len), _core.length_cost(en_len, zh_len))
    assert math.isfinite(_core.length_cost(1e9, 0.0))
