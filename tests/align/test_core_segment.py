"""The compiled core's sentence segmentation and Simplified-character test: the same results
as the Python implementation it replaced, on every recorded case (``tests/segment_cases.py``),
and the invariants of spans on any text."""

from __future__ import annotations

import pytest
from conftest import recorded_cases
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.align.segment_en import split_en
from builder.align.segment_zh import split_zh
from builder.evidence.simplified import SIMPLIFIED_ONLY, simplified_chars

#: Characters the segmentation reacts to, so that generated texts meet its rules.
ALPHABET = st.sampled_from(
    [
        *"aZ.?!…'\"“”‘’()[]（）「」『』。！？，05 \n\t\x1c\x85\u3000\u2029營萊这",
        "U.S.",
        "No.",
        "Inc.",
        "𠀀",
        "ǅ",
    ]
)


def test_the_core_gives_what_the_python_implementation_gave() -> None:
    cases = recorded_cases("core-cases-segment.jsonl")
    assert len(cases) > 6000
    wrong = [
        case["text"]
        for case in cases
        if [list(s) for s in split_en(case["text"])] != case["en"]
        or [list(s) for s in split_zh(case["text"])] != case["zh"]
        or "".join(simplified_chars(case["text"])) != case["simplified"]
    ]
    assert wrong == [], f"{len(wrong)} cases differ; if a rule changed on purpose, run tests/segment_cases.py"


def test_whitespace_is_what_python_says_for_every_code_point() -> None:
    for code in [*range(0xD800), *range(0xE000, 0x110000)]:
        c = chr(code)
        assert (split_en(c) == []) == c.isspace() == (split_zh(c) == []), hex(code)


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    ends = [0]
    for start, end in spans:
        assert ends[-1] <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[ends[-1] : start].isspace() or ends[-1] == start
        ends.append(end)
    assert text[ends[-1] :].strip() == ""


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join) | st.text(max_size=40))
def test_spans_are_sorted_disjoint_stripped_and_cover_the_text(text: str) -> None:
    _check_spans(text, split_en(text))
    _check_spans(text, split_zh(text))


@pytest.mark.parametrize("text", ["", " \u3000", "𠀀. 𠀀。", "a\ud7ffb"])
def test_simplified_chars_are_distinct_and_in_the_table(text: str) -> None:
    found = simplified_chars(text + "这们这")
    assert found == ["这", "们"] and set(found) <= set(SIMPLIFIED_ONLY)
