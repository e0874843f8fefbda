"""Operator introductions and role evidence beyond what the seeds show."""

from __future__ import annotations

import pytest
from conftest import seed_lines

from builder.sources import parse_source
from builder.structure import build_transcript
from builder.structure.introductions import parse_introduction
from builder.structure.titles import title_role

INTRODUCTIONS = {
    "I would now like to begin the Q&A period. (Operator instructions) K.C. Ambrecht, Shay Capital.": (
        "K.C. Ambrecht",
        "Shay Capital",
    ),
    "Zach Cummins, B. Riley.": ("Zach Cummins", "B. Riley"),
    "(Operator Instructions) Your first question for today is coming from Eric Martinuzzi at Lake Street.": (
        "Eric Martinuzzi",
        "Lake Street",
    ),
    "Your next question is coming from [Ronald Sol], a private investor.": (
        "[Ronald Sol]",
        "a private investor",
    ),
    "Your next question is a follow-up question coming from Josh Nichols.": ("Josh Nichols", None),
    "Thank you. Our next question comes from the line of Jane Doe with Acme Securities. Please go ahead.": (
        "Jane Doe",
        "Acme Securities",
    ),
    "We'll take our next question from Jane Doe of Acme Capital.": ("Jane Doe", "Acme Capital"),
    "Our first question is from Jane Doe with Acme. Your line is now open.": ("Jane Doe", "Acme"),
    "Next, we'll hear from Jane Doe with Acme Partners.": ("Jane Doe", "Acme Partners"),
    "And we'll go to Jane Doe at Acme.": ("Jane Doe", "Acme"),
    "Thank you. At this time, we have no further questions.": None,
    "(Operator Instructions)": None,
}


@pytest.mark.parametrize(("text", "expected"), INTRODUCTIONS.items())
def test_operator_introductions(text: str, expected: tuple[str, str | None] | None) -> None:
    found = parse_introduction(text, 1)
    assert (found and (found.name, found.affiliation)) == expected


def test_new_speaker_after_the_operator_hands_back_is_corporate() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    # After the last operator turn, a company speaker who never spoke before closes the call.
    lines += [
        "I would now like to turn the call back over to Jane Roe for closing remarks.",
        "現在我想把電話轉回給 Jane Roe 作結束語。",
        "Jane Roe - Chief Operating Officer",
        "Jane Roe - Chief Operating Officer",
        "Thank you all for joining.",
        "感謝大家的參與。",
    ]
    transcript = build_transcript(parse_source("stem.txt", "\n".join(lines).encode()))
    assert not any(segment.flags for segment in transcript.segments)
    roe = next(p for p in transcript.participants if p.name == "Jane Roe")
    assert (roe.role, roe.role_evidence) == ("corporate", "handed_back_by_operator")
    assert transcript.turns[-1].exchange is None and transcript.turns[-1].section == "closing_remarks"


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Now, I'll be conducting a question-and-answer session.", True),
        ("I would now like to begin the Q&A period. (Operator instructions)", True),
        ("(Operator Instructions) Your first question for today is coming from Eric Martinuzzi.", True),
        ("At this time, we will open the floor for questions.", True),
        ("We will now take questions. (Operator Instructions)", True),
        ("Thank you. I'll now turn the call over to the CEO.", False),
        ("(Operator Instructions) As a reminder, this conference is being recorded.", False),
    ],
)
def test_q_and_a_opening_phrases(text: str, opens: bool) -> None:
    from builder.structure.sections import _QA_OPENING

    assert (_QA_OPENING.search(text) is not None) == opens


def test_introductions_are_sought_only_in_the_end_of_long_segments() -> None:
    from builder.structure.introductions import _suffixes

    text = "Thank you. " * 20_000 + "Our next question comes from Jane Doe with Acme."
    tails = _suffixes(text)
    assert tails and all(len(tail) <= 300 for tail in tails)  # was every tail: quadratic
    found = parse_introduction(text, 1)
    assert found is not None and (found.name, found.affiliation) == ("Jane Doe", "Acme")


def test_without_an_operator_the_q_and_a_starts_at_the_first_question() -> None:
    lines = [line for line in seed_lines("rekor-systems-2021-q3.txt") if line != "Operator"]
    transcript = build_transcript(parse_source("rekor.txt", "\n".join(lines).encode()))
    assert "qa_start_not_found" not in transcript.flags
    roles = {p.name: (p.role, p.role_evidence) for p in transcript.participants}
    assert roles["Zach Cummins"] == ("participant", "title")
    assert roles["Eyal Hen"] == ("corporate", "prepared_remarks")
    # A new participant's first question opens an exchange.
    assert [e.questioner for e in transcript.exchanges] == [
        "K.C. Ambrecht",
        "Zach Cummins",
        "Aditya Dagaonkar",
    ]


def test_without_any_q_and_a_start_roles_come_from_titles() -> None:
    lines = [line for line in seed_lines("rekor-systems-2021-q3.txt") if line != "Operator"]
    lines = [line.replace(" - Analyst", " - Guest") for line in lines]
    transcript = build_transcript(parse_source("rekor.txt", "\n".join(lines).encode()))
    assert "qa_start_not_found" in transcript.flags
    assert transcript.exchanges == [] and {t.section for t in transcript.turns} == {"prepared_remarks"}
    roles = {p.name: (p.role, p.role_evidence) for p in transcript.participants}
    assert roles["Zach Cummins"] == ("unknown", None)  # "Guest" says nothing
    assert roles["Eyal Hen"] == ("corporate", "title")


@pytest.mark.parametrize(
    ("written", "name", "title"),
    [
        ("Ted  Durbin -\tHead of Investor Relations", "Ted Durbin", "Head of Investor Relations"),
        ("Jeffrey G. Korn -CEO", "Jeffrey G. Korn", "CEO"),
        ("Jeffrey G. Korn—CEO", "Jeffrey G. Korn", "CEO"),
        ("Jeffrey G. Korn – CEO", "Jeffrey G. Korn", "CEO"),
        ("Thomas Boyes (湯瑪斯) - Analyst", "Thomas Boyes", "Analyst"),
        ("Thomas\u200b Boyes - Analyst", "Thomas Boyes", "Analyst"),
        ("Jean-Pierre Dupont - Vice-President", "Jean-Pierre Dupont", "Vice-President"),
        ("Anne Smith–Jones - CFO", "Anne Smith–Jones", "CFO"),
        ("Unidentified Participant (泰德)", "Unidentified Participant", None),
        # Every Han range of the core: a compatibility ideograph, extension B.
        ("Thomas Boyes (\uf900\uf901) - Analyst", "Thomas Boyes", "Analyst"),
        ("Thomas Boyes (\U00020000) - Analyst", "Thomas Boyes", "Analyst"),
    ],
)
def test_speaker_headers_are_read_through_spacing_dashes_and_aliases(
    written: str, name: str, title: str | None
) -> None:
    from builder.structure.speakers import looks_like_header, split_header

    split = split_header(written)
    assert looks_like_header(written) and (split.name, split.title) == (name, title)


@pytest.mark.parametrize("line", ["(Operator Instructions)", "Thank You", "Okay.", "Good Afternoon"])
def test_short_lines_are_no_speaker_headers(line: str) -> None:
    from builder.structure.speakers import looks_like_header

    assert not looks_like_header(line)


def test_bulleted_markup_with_a_no_break_space_still_marks_the_slot() -> None:
    lines = seed_lines("crexendo-cxdo-2023-q2.txt")
    original = build_transcript(parse_source("c.txt", "\n".join(lines).encode()))
    lines[42] = "\xa0" + lines[42]
    transcript = build_transcript(parse_source("c.txt", "\n".join(lines).encode()))
    assert [t.header.name for t in transcript.turns if t.header] == [
        t.header.name for t in original.turns if t.header
    ]


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Head of Investor Relations", "corporate"),
        ("Chief Financial Officer, Executive Vice President", "corporate"),
        ("CEO", "corporate"),
        ("COO & President", "corporate"),
        ("EVP, Sales", "corporate"),
        ("Senior Research Analyst", "participant"),
        ("Portfolio Manager", "participant"),
        ("Analyst of Piper & Co", "participant"),
        ("President", None),  # of the company, or of the fund asking?
        ("Managing Director", None),
        ("Chief Research Officer", None),  # both readings
        ("Guest", None),
    ],
)
def test_a_title_decides_a_role_only_when_unambiguous(title: str, role: str | None) -> None:
    assert title_role(title) == role


def test_a_call_cut_before_its_q_and_a_keeps_investor_relations_corporate() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    cut = next(i for i, line in enumerate(lines) if "conducting a question-and-answer session" in line)
    transcript = build_transcript(parse_source("stem.txt", "\n".join(lines[: cut - 2]).encode()))
    durbin = next(p for p in transcript.participants if p.name == "Ted Durbin")
    assert (durbin.role, durbin.role_evidence) == ("corporate", "title")
    assert durbin.affiliation != "Investor Relations"
    assert transcript.exchanges == [] and "qa_start_not_found" in transcript.flags


def _doran(lines: list[str]) -> tuple[str | None, list]:
    transcript = build_transcript(parse_source("stem.txt", "\n".join(lines).encode()))
    doran = next(p for p in transcript.participants if p.name == "Doran Hole")
    return doran.affiliation, [(s.value, s.line) for s in doran.affiliations]


def test_an_officer_gets_the_company_only_from_words_that_place_them_there() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    assert _doran(lines) == ("Stem", [("Stem", 80)])  # "On behalf of the Stem team, we're excited"
    # Without it: Ted Durbin, placed at Stem, introduces "Doran Hole, CFO and EVP" (line 18).
    introduced = [line.replace("On behalf of the Stem team, we're", "We're") for line in lines]
    assert _doran(introduced) == ("Stem", [("Stem", 18)])
    unplaced = [
        line.replace("Arun Narayanan, CEO, and Doran Hole, CFO and EVP,", "Arun and Doran")
        for line in introduced
    ]
    assert _doran(unplaced) == (None, [])  # unknown stays null
    # Line 166, the analyst's first words: an analyst does not place the company's officers.
    assert unplaced[165] == "Appreciate you taking the questions."
    unplaced[165] = "Appreciate it. A question for Doran Hole, CFO, and for Arun."
    assert _doran(unplaced) == (None, [])
