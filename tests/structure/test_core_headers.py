"""The speaker-header rules: the same answers as the Python implementation they replaced, on
every recorded case (``tests/header_cases.py``), and their invariants on any text."""

from __future__ import annotations

from conftest import recorded_cases
from header_cases import current_copy, current_rules, outcome
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builder.structure.speakers import is_known_speaker, looks_like_header, normalize, split_header

#: Characters the header rules react to.
ALPHABET = st.sampled_from(
    [
        *" \t\x1c\u3000\u200b\u200e\u202e\u00ad-–—−()（）[],.:湯AaJjОоНİıſ\u0301\u05b0",
        "John",
        "Operator",
        " - ",
    ]
)
RULES = current_rules()
COPY = current_copy()
CASES = "core-cases-headers.jsonl"


def test_every_case_gives_what_the_python_implementation_gave() -> None:
    cases = [case for case in recorded_cases(CASES) if "text" in case]
    assert len(cases) > 10_000
    wrong = [case["text"] for case in cases if outcome(RULES, case["text"]) != case]
    assert wrong == [], f"{len(wrong)} cases differ; if a rule changed on purpose, run tests/header_cases.py"


def test_every_copy_gives_what_the_python_implementation_gave() -> None:
    cases = [case for case in recorded_cases(CASES) if "pair" in case]
    assert len(cases) > 5000 and 500 < sum(case["copy"] for case in cases) < len(cases) - 500
    wrong = [case["pair"] for case in cases if COPY(*case["pair"]) != case["copy"]]
    assert wrong == [], f"{len(wrong)} pairs differ; if a rule changed on purpose, run tests/header_cases.py"


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=24).map("".join))
@example("A-- ")
def test_a_header_has_a_name_of_six_words_at_most_or_is_a_known_speaker(text: str) -> None:
    split = split_header(text)
    assert split.title is None or (split.name and " - " in normalize(text))
    if looks_like_header(text):
        # The rule splits the normalized line (normalized again: `A-- ` is `A- -`, then `A - -`).
        again = split_header(normalize(text))
        assert is_known_speaker(text) or (again.title is not None and 1 <= len(again.name.split()) <= 6)
