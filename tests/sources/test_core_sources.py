"""The compiled core's reading of raw sources: the same records, errors and per-line answers as
the Python implementation it replaced, on every recorded case (``tests/source_cases.py``)."""

from __future__ import annotations

from conftest import recorded_cases
from hypothesis import given, settings
from hypothesis import strategies as st
from source_cases import current_rules, digest, inputs, line_outcome, outcome

from builder.sources import parse_source
from builder.sources.bulleted import bullet_end, indent_end
from builder.sources.script import count_han, count_words, has_han, is_blank, script_slot

#: Characters the line rules react to.
ALPHABET = st.sampled_from(
    [*" \t\x1c\x85\u3000\u200b\ufeff\u2028•●◦<>/!-:aAiİsſ營，。", "  • ", "<p>", "翻譯"]
)
RULES = current_rules()
CASES = "core-cases-sources.jsonl"


def test_files_give_what_the_python_implementation_gave() -> None:
    recorded = {case["file"]: case["sha256"] for case in recorded_cases(CASES) if "file" in case}
    assert len(recorded) > 3000
    made = dict(inputs())
    assert made.keys() == recorded.keys()
    wrong = [label for label, data in made.items() if digest(outcome(parse_source, data)) != recorded[label]]
    assert wrong == [], f"{len(wrong)} files differ; if a rule changed on purpose, run tests/source_cases.py"


def test_lines_give_what_the_python_implementation_gave() -> None:
    cases = [case for case in recorded_cases(CASES) if "line" in case]
    assert len(cases) > 4000
    wrong = [case["line"] for case in cases if line_outcome(RULES, case["line"]) != case]
    assert wrong == [], f"{len(wrong)} lines differ; if a rule changed on purpose, run tests/source_cases.py"


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_marks_end_inside_the_line(text: str) -> None:
    for end in (bullet_end(text), indent_end(text)):
        assert end is None or 0 < end <= len(text)
    if not text.strip():
        assert is_blank(text)
    assert script_slot(text) in {"en", "zh", None}
    assert count_han(text) <= len(text) and has_han(text) == (count_han(text) > 0)
    assert count_words(text) == len(text.split())


def test_words_are_counted_as_python_splits_every_character() -> None:
    """Each code point as a separator, between words and alone: the core's count is Python's."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates cannot be in a str the core receives
        char = chr(code)
        text = f"a{char}b {char}"
        assert count_words(text) == len(text.split()), hex(code)
