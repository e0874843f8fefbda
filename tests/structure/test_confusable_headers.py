"""A speaker header disguised with look-alike or hidden characters is still a header, stored as
written, read on a folded form, and flagged with the characters as evidence."""

from __future__ import annotations

import pytest
from conftest import seed_lines

from builder.sources import parse_source
from builder.structure import build_transcript

HEADER = "Eyal Hen - Chief Financial Officer"
DISGUISES = {
    "Cyrillic homoglyph": (HEADER.replace("H", "\u041d", 1), "U+041D CYRILLIC CAPITAL LETTER EN"),
    "right-to-left override": ("\u202e" + HEADER, "U+202E RIGHT-TO-LEFT OVERRIDE"),
    "combining mark": (HEADER.replace("Hen", "He\u0301n"), "U+0301 COMBINING ACUTE ACCENT"),
    "left-to-right mark": (HEADER.replace(" - ", " \u200e- "), "U+200E LEFT-TO-RIGHT MARK"),
    "soft hyphen": (HEADER.replace("Eyal", "Ey\u00adal"), "U+00AD SOFT HYPHEN"),
    "minus as the dash": (HEADER.replace(" - ", " \u2212 "), "U+2212 MINUS SIGN"),
}


@pytest.mark.parametrize("disguise", sorted(DISGUISES))
@pytest.mark.parametrize("copies", ["English slot", "both slots"])
def test_a_disguised_header_is_still_a_header_and_flagged(disguise: str, copies: str) -> None:
    written, character = DISGUISES[disguise]
    lines = seed_lines("rekor-systems-2021-q3.txt")
    at = lines.index(HEADER)
    lines[at] = written
    if copies == "both slots":
        lines[at + 1] = written
    transcript = build_transcript(parse_source("t.txt", "\n".join(lines).encode()))
    turn = next(t for t in transcript.turns if t.header is not None and t.header.line_en == at + 1)
    assert turn.header is not None and turn.header.text_en == written  # stored as written
    assert (turn.header.name, turn.header.title) == ("Eyal Hen", "Chief Financial Officer")
    # The person does not split: his later plain headers are the same participant.
    assert [p.name for p in transcript.participants].count("Eyal Hen") == 1
    assert len(transcript.turns) == 37
    for segment in turn.segments:
        assert "speaker_header_confusable" in segment.flags
        assert character in segment.evidence["speaker_header_confusable"]
    others = [s for t in transcript.turns if t is not turn for s in t.segments]
    assert not any("speaker_header_confusable" in s.flags for s in others)


def test_an_accented_name_written_precomposed_is_not_flagged() -> None:
    lines = seed_lines("rekor-systems-2021-q3.txt")
    at = lines.index(HEADER)
    lines[at] = lines[at + 1] = "Eyal Hén - Chief Financial Officer"
    transcript = build_transcript(parse_source("t.txt", "\n".join(lines).encode()))
    assert "Eyal Hén" in [p.name for p in transcript.participants]
    assert not any("speaker_header_confusable" in s.flags for s in transcript.segments)
