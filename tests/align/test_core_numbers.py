"""The compiled core's number and sentence-feature rules (``rust/src/numbers.rs``,
``rust/src/anchors.rs``) through their Python API: the cases the Python implementation gave before
the port (``tests/data/core-cases-numbers.jsonl``, see ``tests/number_cases.py``), floats to the
last bit, and Python's character classes (``\\d``, ``\\w``, ``\\s``, ``str.lower``) over every code
point."""

from __future__ import annotations

import re
from typing import Any

import number_cases
import pytest
from conftest import recorded_cases, same_bits

from builder.evidence import anchors, numbers

CASES = recorded_cases(number_cases.CASES.name)
TEXTS = [case["text"] for case in CASES if "text" in case]
_REGENERATE = "if the rule changed on purpose, regenerate with `python tests/number_cases.py`"


def current() -> Any:
    """The implementation as the recorder reads it, with the features' lower-cased text taken
    from the core."""
    implementation = number_cases.current()
    implementation.lower = lambda text: anchors.en_features(text).core.lower
    return implementation


def test_the_cases_cover_the_rules() -> None:
    assert len(TEXTS) > 5000 and len(CASES) - len(TEXTS) > 3000
    assert sum(len(c.get("en_strong", [])) + len(c.get("zh_strong", [])) for c in CASES) >= 5000
    assert sum(len(c["unmatched"][0]) + len(c["unmatched"][1]) for c in CASES if "pair" in c) > 1000


@pytest.mark.parametrize("start", range(0, len(CASES), 1000))
def test_the_core_gives_what_the_python_implementation_gave(start: int) -> None:
    implementation = current()
    for case in CASES[start : start + 1000]:
        if "pair" in case:
            en, zh = case["pair"]
            got = number_cases.pair_case(implementation, [(t, "") for t in TEXTS], en, zh)
        else:
            side = "both" if "en" in case and "zh" in case else "en" if "en" in case else "zh"
            got = number_cases.text_case(implementation, case["text"], side)
        for key, value in got.items():
            assert same_bits(value, case[key]), f"{key} differs for {case}: {value}; {_REGENERATE}"


def test_a_sentence_holds_its_numbers_and_finds_weak_ones_on_need() -> None:
    en = anchors.en_features("Revenue was $3.9 million in March.")
    assert en.numbers == numbers.en_strong(en.text) and en.core.weak_values() == [3.0]
    zh = anchors.zh_features("Rekor 三月營收為 390 萬美元。")
    assert zh.numbers == numbers.zh_strong(zh.text) and zh.latin == {"rekor"}
    assert sorted(zh.core.weak_values()) == sorted(numbers.values_of(numbers.zh_weak(zh.text)))


def _characters() -> list[str]:
    return [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000]


@pytest.mark.slow
def test_python_character_classes_over_every_code_point() -> None:
    word, decimal, space = re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")
    for c in _characters():
        quarter = numbers.en_weak("Q3" + c)
        assert bool(quarter and quarter[0].text == "Q3") == (not word.match(c)), f"\\b at {c!r}"
        if c not in "BKMkbm":
            assert (numbers.en_strong("5" + c)[0].text == "5" + c) == bool(decimal.match(c)), f"\\d {c!r}"
        scaled = numbers.en_strong("5" + c + "million")[0].values
        assert (scaled == {5e6}) == bool(space.match(c)), f"\\s {c!r}"
        text = "a" + c + " "  # (a final Σ after some letters differs: see rust/src/anchors.rs)
        assert anchors.en_features(text).core.lower == text.lower(), f"lower {c!r}"
