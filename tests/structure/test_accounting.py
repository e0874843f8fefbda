"""Line accounting: every non-blank line claimed once, or the build stops (a builder bug)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import RAW

from builder.records import Transcript
from builder.sources import read_source
from builder.structure import build_transcript
from builder.structure.accounting import check_accounting


@pytest.fixture(scope="module")
def rekor() -> Transcript:
    name = "rekor-systems-2021-q3.txt"
    return build_transcript(read_source(RAW / name, name))


def test_a_transcript_claims_every_line_once(rekor: Transcript) -> None:
    check_accounting(rekor)  # build_transcript checked it too; it passes again


def test_a_line_claimed_twice_is_refused(rekor: Transcript) -> None:
    segment = rekor.turns[-1].segments[-1]
    rekor.turns[-1].segments.append(segment)
    try:
        with pytest.raises(RuntimeError, match=rf"claimed twice: \[{segment.line_en}, {segment.line_zh}\]"):
            check_accounting(rekor)
    finally:
        rekor.turns[-1].segments.pop()


def test_an_unclaimed_line_is_refused(rekor: Transcript) -> None:
    source = replace(rekor.source, num_lines=rekor.source.num_lines + 1)
    with pytest.raises(RuntimeError, match=rf"unclaimed: \[{source.num_lines}\]"):
        check_accounting(replace(rekor, source=source))


def test_a_blank_line_claimed_is_refused(rekor: Transcript) -> None:
    line = rekor.turns[0].segments[0].line_en
    source = replace(rekor.source, blank=(*rekor.source.blank, line))
    with pytest.raises(RuntimeError, match=rf"not non-blank source lines: \[{line}\]"):
        check_accounting(replace(rekor, source=source))
