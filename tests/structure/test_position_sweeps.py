"""No silent wrong pair and no silent wrong speaker under the four position sweeps.

``tests/sweeps.py`` defines the edits (a short line inserted, a translation moved after the
next paragraph, a translation deleted, a stray ``Operator`` line inserted) and what "silent
wrong" means. They run over the three seeds in both layouts; here at every fourth segment
(about 15 s); ``SWEEP_EVERY=1`` runs every position (about a minute on 2 cores), and
``python tests/sweeps.py`` prints the outcomes of the full sweep.
"""

from __future__ import annotations

import os

import pytest
from conftest import seed_lines
from sweeps import KINDS, SEEDS, Tally, build, edits, judge, truth_of
from variants import LAYOUTS

EVERY = int(os.environ.get("SWEEP_EVERY", "4"))


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_layouts_read_the_same(layout: str) -> None:
    for name in SEEDS:
        lines = LAYOUTS[layout](seed_lines(name))
        assert truth_of(build(lines)) == truth_of(build(seed_lines(name)))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("name", SEEDS)
def test_no_silent_wrong_pair_or_speaker(name: str, layout: str, kind: str) -> None:
    tally = Tally()
    for edit in edits(LAYOUTS[layout](seed_lines(name)), (kind,), EVERY):
        tally.add(edit, judge(edit), f"{layout} {name}")
    assert tally.silent == []
    assert sum(tally.counts[k] for k in ("correct", "flagged", "refused")) > 10
    # Not everything flagged: most positions end right (the edit is undone, or changes nothing).
    assert tally.counts["correct"] > tally.counts["flagged"] + tally.counts["refused"]


def test_the_judge_catches_a_silent_wrong_pair_and_speaker() -> None:
    """The definition can fail: a swapped translation or speaker without a flag is silent."""
    lines = seed_lines("stem-2024-q4.txt")
    edit = next(edits(lines, ("delete",)))
    assert judge(edit).outcome in {"correct", "flagged"}
    lines = list(lines)
    lines[4], lines[6] = lines[6], lines[4]  # two translations swapped: nothing says so
    truth = truth_of(build(seed_lines("stem-2024-q4.txt")))
    assert judge(type(edit)("swap", 0, lines, truth)).outcome == "silent"
    lines = seed_lines("stem-2024-q4.txt")
    lines[9] = lines[10] = "Arun Narayanan - Chief Executive Officer"  # the wrong name, twice
    assert judge(type(edit)("rename", 0, lines, truth)).outcome == "silent"
