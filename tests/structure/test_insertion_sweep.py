"""A short English line inserted next to a paragraph never takes its translation silently.

Swept over the three seeds, in both layouts: "Sure.", "Okay.", "Right." or "Yes." is inserted
between a paragraph and its translation, or after the translation, at every fourth segment.
Every other paragraph keeps its own translation unless it is flagged ``doubtful_pairing``;
the inserted line gets no translation unless it is flagged; and a paragraph long enough for
the lengths to decide keeps its translation without a flag.
"""

from __future__ import annotations

import pytest
from conftest import seed_lines

from builder.records import Segment
from builder.sources import parse_source
from builder.structure import build_transcript

SEEDS = ("rekor-systems-2021-q3.txt", "stem-2024-q4.txt", "crexendo-cxdo-2023-q2.txt")
SHORT = ("Sure.", "Okay.", "Right.", "Yes.")
#: A paragraph this long cannot be confused with a one-word line by its length.
CLEAR = 60


def _segments(lines: list[str]) -> list[Segment]:
    return build_transcript(parse_source("t.txt", "\n".join(lines).encode())).segments


def _insertions(name: str) -> list[tuple[int, list[str], int]]:
    """(0-based index to insert at, lines to insert, index of the segment next to it)."""
    lines = seed_lines(name)
    bulleted = any(line.lstrip().startswith("•") for line in lines)
    out = []
    for k, segment in enumerate(_segments(lines)):
        if k % 4 or segment.line_zh is None:
            continue
        word = SHORT[(k // 4) % len(SHORT)]
        inserted = ["  • " + word, ""] if bulleted else [word]
        gap = 2 if bulleted else 1  # past the blank line a bulleted file puts after each line
        out.append((segment.line_en - 1 + gap, inserted, k))  # between paragraph and translation
        out.append((segment.line_zh - 1 + gap, inserted, k))  # after the translation
    return out


@pytest.mark.parametrize("name", SEEDS)
def test_no_silent_mis_pair_when_a_short_line_is_inserted(name: str) -> None:
    original = _segments(seed_lines(name))
    cases = _insertions(name)
    assert len(cases) > 40
    for at, inserted, k in cases:
        lines = seed_lines(name)
        lines[at:at] = inserted
        segments = _segments(lines)
        added = [s for s in segments if s.line_en == at + 1]
        assert len(added) == 1, (at, inserted)
        extra = added[0]
        assert extra.zh is None or "doubtful_pairing" in extra.flags, (name, at, extra)
        rest = [s for s in segments if s is not extra]
        assert len(rest) == len(original)
        for before, after in zip(original, rest, strict=True):
            assert before.en == after.en
            if after.zh != before.zh:
                assert "doubtful_pairing" in after.flags, (name, at, after.en[:60], after.zh)
        kept, near = rest[k], original[k]
        if len(near.en.strip()) >= CLEAR:
            assert (kept.zh, "doubtful_pairing" in kept.flags) == (near.zh, False), (name, at, near.en[:60])
