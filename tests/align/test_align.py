"""Sentence segmentation and alignment: the hard cases, the dev gold, and nothing lost."""

from __future__ import annotations

import json

import pytest
from conftest import RAW, TESTS
from gold.scoring import Score, score_segment
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.align import Unit, align_pair
from builder.align.segment_en import split_en
from builder.align.segment_zh import split_zh
from builder.sources import read_source
from builder.structure import build_transcript

GOLD = TESTS / "gold" / "alignment-dev.jsonl"
#: The gold names the seeds as the source site did; raw/ holds them under readable names.
GOLD_SOURCES = {
    "000_e4a525cbfd1fd217.txt": "rekor-systems-2021-q3.txt",
    "001_dc870a88c424ccb9.txt": "stem-2024-q4.txt",
}


def _sentences_en(text: str) -> list[str]:
    return [text[a:b] for a, b in split_en(text)]


def _sentences_zh(text: str) -> list[str]:
    return [text[a:b] for a, b in split_zh(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We sell in the U.S. So there's demand.", ["We sell in the U.S.", "So there's demand."]),
        ("We sell in the U.S. relative to Europe.", ["We sell in the U.S. relative to Europe."]),
        (
            "(Operator Instructions) K.C. Ambrecht, Shay Capital.",
            ["(Operator Instructions) K.C. Ambrecht, Shay Capital."],
        ),
        ("Zach Cummins, B. Riley. Go ahead.", ["Zach Cummins, B. Riley.", "Go ahead."]),
        ("Revenue was $3.9 million. It grew 4.5%.", ["Revenue was $3.9 million.", "It grew 4.5%."]),
        ("Site No. 5 opened. Mr. Hen spoke.", ["Site No. 5 opened.", "Mr. Hen spoke."]),
        (
            "Welcome to Rekor Systems, Inc. conference call.",
            ["Welcome to Rekor Systems, Inc. conference call."],
        ),
        ('We said, "It works." Then we left.', ['We said, "It works."', "Then we left."]),
        ("Well... And then? Yes!", ["Well...", "And then?", "Yes!"]),
        ("Well... maybe not.", ["Well... maybe not."]),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert _sentences_en(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("午安.感謝您回答我的問題。", ["午安.", "感謝您回答我的問題。"]),
        (
            "歡迎參加今天的Rekor Systems, Inc.電話會議。我叫約翰。",
            ["歡迎參加今天的Rekor Systems, Inc.電話會議。", "我叫約翰。"],
        ),
        (
            "我想K.C.在他的問題中提到了。康明斯、B.萊利。",
            ["我想K.C.在他的問題中提到了。", "康明斯、B.萊利。"],
        ),
        ("營收為3.9億美元,請見 rekor.ai 網站?好的!", ["營收為3.9億美元,請見 rekor.ai 網站?", "好的!"]),
        ("他說:「這很好。」然後離開。", ["他說:「這很好。」", "然後離開。"]),
    ],
)
def test_chinese_sentences(text: str, expected: list[str]) -> None:
    assert _sentences_zh(text) == expected


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def _spans(unit: Unit) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    en = (unit.en_start, unit.en_end) if unit.en_start is not None and unit.en_end is not None else None
    zh = (unit.zh_start, unit.zh_end) if unit.zh_start is not None and unit.zh_end is not None else None
    return en, zh


def test_dev_gold_precision_and_strict_recall() -> None:
    result = Score()
    for gold in _gold():
        units = align_pair(gold["en"], gold["zh"])
        score_segment(gold, [_spans(u) for u in units], result)
    assert result.gold_pairs == 726
    assert result.precision >= 0.995, result.mistakes
    assert result.recall >= 0.99, result.mistakes


def test_dev_gold_paragraphs_are_the_seeds_paragraphs() -> None:
    paragraphs: dict[str, list[tuple[str, str | None]]] = {}
    for gold_name, name in GOLD_SOURCES.items():
        transcript = build_transcript(read_source(RAW / name, name))
        paragraphs[gold_name] = [(s.en, s.zh) for s in transcript.segments]
    for gold in _gold():
        assert paragraphs[gold["source_file"]][gold["segment_index"]] == (gold["en"], gold["zh"])


def test_scorer_rejects_a_wrong_pair_and_accepts_a_merge() -> None:
    gold = {
        "en": "A b. C d.",
        "zh": "甲。乙。",
        "beads": [{"en": [0, 4], "zh": [0, 2]}, {"en": [5, 9], "zh": [2, 4]}],
    }
    merged, wrong = Score(), Score()
    score_segment(gold, [((0, 9), (0, 4))], merged)
    score_segment(gold, [((0, 4), (0, 4)), ((5, 9), None)], wrong)
    assert (merged.precision, merged.recall) == (1.0, 0.0)
    assert (wrong.precision, wrong.recall) == (0.0, 0.0)


def assert_lossless(en: str, zh: str | None, units: list[Unit]) -> None:
    """The units' slices equal their texts, and only whitespace lies between consecutive spans."""
    for side, text in (("en", en), ("zh", zh or "")):
        position = 0
        for unit in units:
            start, end = getattr(unit, f"{side}_start"), getattr(unit, f"{side}_end")
            value = getattr(unit, side)
            if start is None:
                assert end is None and value == ""
                continue
            assert text[start:end] == value and value == value.strip() and value
            assert not text[position:start].strip(), (side, text[position:start])
            position = end
        assert not text[position:].strip()


def test_units_give_back_every_seed_paragraph() -> None:
    for path in sorted(RAW.glob("*.txt")):
        for segment in build_transcript(read_source(path, path.name)).segments:
            units = align_pair(segment.en, segment.zh)
            assert_lossless(segment.en, segment.zh, units)
            assert all(0.0 <= u.score <= 1.0 for u in units)


_PIECES = st.sampled_from(
    [
        "Revenue was $3.9 million.",
        " ",
        "  ",
        "U.S.",
        "K.C. Ambrecht",
        "No. 5",
        "...",
        "?",
        "Yes!",
        "\n",
        "a",
        ".",
    ]
)
_ZH_PIECES = st.sampled_from(
    [
        "營收為 390 萬美元。",
        "午安.",
        "Inc.電話會議",
        "B.萊利",
        "。",
        "?",
        " ",
        "看起來的陳述。",
        "a.",
        "3.9",
        "\u3000",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.lists(_ZH_PIECES, max_size=12).map("".join))
def test_alignment_loses_and_invents_nothing(en: str, zh: str) -> None:
    units = align_pair(en, zh or None)
    assert_lossless(en, zh, units)
    kinds = [tuple(map(int, u.kind.split("-"))) for u in units]
    assert sum(k[0] for k in kinds) == len(split_en(en))
    assert sum(k[1] for k in kinds) == len(split_zh(zh))


def test_a_long_paragraph_aligns_in_memory_that_grows_with_its_length_only() -> None:
    import tracemalloc

    en_sentences, zh_sentences = [], []
    for k in range(600):  # 1,200 English sentences, 600 Chinese: the search over beads, not the diagonal
        en_sentences += [
            f"Revenue grew {k} percent in the quarter as demand increased.",
            "We thank our customers.",
        ]
        zh_sentences.append(f"由於需求增加，本季度收入增長了{k}%，我們感謝客戶。")
    en, zh = " ".join(en_sentences), "".join(zh_sentences)
    tracemalloc.start()
    units = align_pair(en, zh)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # 5 MB here; 15 MB with the full 1,201 × 601 table of cells the search once kept. tracemalloc
    # sees Python's allocations only: the core's band is checked by `cargo test` (rust/src/align.rs).
    assert peak < 8e6
    assert [u.kind for u in units] == ["2-1"] * 600
    assert " ".join(u.en for u in units) == en and "".join(u.zh for u in units) == zh
