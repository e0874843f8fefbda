"""Golden tests over the seeds: counts, speakers, roles, sections, metadata and ids."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS
from golden.summarize import golden_path, summarize

EXPECTED = {
    "rekor-systems-2021-q3.txt": (116, 37, "Rekor Systems", 2021, 3),
    "stem-2024-q4.txt": (192, 61, "Stem", 2024, 4),
    "crexendo-cxdo-2023-q2.txt": (126, 69, "Crexendo", 2023, 2),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_matches_its_golden_summary(name: str) -> None:
    expected = json.loads(golden_path(name).read_text(encoding="utf-8"))
    assert summarize(name) == expected, (
        f"{name} differs from {golden_path(name).name}; if the change is deliberate, run "
        "`python tests/golden/summarize.py` and review the diff"
    )


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_counts_and_metadata_stated_by_the_issue(name: str) -> None:
    segments, turns, company, year, quarter = EXPECTED[name]
    summary = summarize(name)
    assert summary["transcript_id"] == SEEDS[name]
    assert (summary["num_segments"], summary["num_turns"]) == (segments, turns)
    assert (summary["company"], summary["fiscal_year"], summary["fiscal_quarter"]) == (company, year, quarter)
    assert summary["event_type"] == "earnings_call"


def test_seed_totals() -> None:
    summaries = [summarize(name) for name in SEEDS]
    assert sum(s["num_turns"] for s in summaries) == 167
    assert sum(s["num_segments"] for s in summaries) == 434


def _people(name: str) -> dict[str, dict]:
    return {p["name"]: p for p in summarize(name)["participants"]}


def test_roles_come_from_context_not_titles() -> None:
    crexendo = _people("crexendo-cxdo-2023-q2.txt")
    # Title "President", but introduced by the operator as a questioner from MK Investments.
    kaufman = crexendo["Michael D. Kaufman"]
    assert (kaufman["role"], kaufman["affiliation"]) == ("participant", "MK Investments")
    assert kaufman["role_evidence"] == "introduced_by_operator"
    # Speaks only in the Q&A, handed the floor by the CEO: one of the company's people.
    assert crexendo["Anand Buch"]["role"] == "corporate"
    assert crexendo["Anand Buch"]["role_evidence"] == "answered_in_qa"
    nichols = crexendo["Michael Joshua Nichols"]
    assert (nichols["affiliation"], nichols["introduced_as"]) == ("B. Riley", "Josh Nichols")
    # The header's title names another firm than the introduction: both are kept, with lines.
    stated = [
        a for a in summarize("crexendo-cxdo-2023-q2.txt")["affiliations"] if a["name"] == nichols["name"]
    ]
    assert [(a["affiliation"], a["source"], a["line"]) for a in stated] == [
        ("B. Riley", "operator_introduction", 327),
        ("Discovery Group", "title", 331),
    ]
    analyst = crexendo["Unidentified Analyst"]  # "I'm Vivek on for Mike Latimore."
    assert (analyst["introduced_as"], analyst["on_behalf_of"]) == ("Vivek Palani", "Mike Latimore")
    # "Doug Gaylor, our President and COO": the company's people get the company.
    assert (
        crexendo["Douglas Walter Gaylor"]["affiliation"],
        crexendo["Douglas Walter Gaylor"]["affiliation_source"],
    ) == ("Crexendo", "text")
    # "Your next question is coming from [Ronald Sol], a private investor.": kept as stated.
    sol = crexendo["Unidentified Participant"]
    assert (sol["introduced_as"], sol["affiliation"]) == ("[Ronald Sol]", "a private investor")

    rekor = _people("rekor-systems-2021-q3.txt")
    assert rekor["Zach Cummins"]["affiliation"] == "B. Riley"
    assert rekor["K.C. Ambrecht"]["affiliation"] == "Shay Capital"
    # "This is Aditya on behalf of Mike Latimore": a stand-in, not the person introduced.
    aditya = rekor["Aditya Dagaonkar"]
    assert (aditya["introduced_as"], aditya["on_behalf_of"]) == (None, "Mike Latimore")
    assert (rekor["Eyal Hen"]["affiliation"], rekor["Eyal Hen"]["affiliation_source"]) == (
        "Rekor Systems",
        "text",
    )
    assert {p["role"] for p in rekor.values()} == {"operator", "corporate", "participant"}

    stem = _people("stem-2024-q4.txt")
    assert stem["Ted Durbin"]["role"] == "corporate"
    # "This is Ted Durbin, Head of Investor Relations at Stem" (line 12), not the title's words.
    assert (stem["Ted Durbin"]["affiliation"], stem["Ted Durbin"]["affiliation_source"]) == ("Stem", "text")


def _officer_lines(name: str) -> dict[str, tuple[str, int]]:
    stated = summarize(name)["affiliations"]
    return {a["name"]: (a["affiliation"], a["line"]) for a in stated if a["source"] == "text"}


def test_officers_carry_their_company_where_the_call_says_so() -> None:
    # "I will now turn the conference over to your host, Jeff Korn" in the welcome to Crexendo's call.
    assert _officer_lines("crexendo-cxdo-2023-q2.txt")["Jeffrey G. Korn"] == ("Crexendo", 11)
    # "On the call with me today is Robert Berman, President and CEO" (Eyal Hen, of Rekor Systems).
    assert _officer_lines("rekor-systems-2021-q3.txt")["Robert Berman"] == ("Rekor Systems", 16)
    stem = _officer_lines("stem-2024-q4.txt")
    assert stem["Arun Narayanan"] == ("Stem", 26)  # "since joining Stem"
    assert stem["Doran Hole"] == ("Stem", 80)  # "On behalf of the Stem team, we're excited to have you"
    for name in ("crexendo-cxdo-2023-q2.txt", "rekor-systems-2021-q3.txt", "stem-2024-q4.txt"):
        people = _people(name).values()
        assert all(p["affiliation"] for p in people if p["role"] == "corporate"), name


def test_qa_starts_at_the_operator_turn_that_opens_questions() -> None:
    summary = summarize("crexendo-cxdo-2023-q2.txt")
    qa_turn = next(t for t in summary["turns"] if " qa " in t)
    assert qa_turn.startswith("7 qa ex=1 moderator Operator")
    assert summary["qa_start_segment"] == 55
    assert summarize("rekor-systems-2021-q3.txt")["qa_start_segment"] == 73
    assert summarize("stem-2024-q4.txt")["qa_start_segment"] == 72


#: Counted by hand from each call's text: the operator's introductions, in order (a follow-up
#: introduction opens its own exchange), and the segments after the last exchange.
HAND_COUNT = {
    "rekor-systems-2021-q3.txt": (["K.C. Ambrecht", "Zach Cummins", "Mike Latimore"], 2),
    "stem-2024-q4.txt": (
        ["Thomas Boyes", "Justin Clare", "Ameet Thakkar", "Dylan Nassano", "Joseph Osha", "Kashy Harrison"],
        4,
    ),
    "crexendo-cxdo-2023-q2.txt": (
        [
            "Eric Martinuzzi",
            "Josh Nichols",
            "Chris Sakai",
            "Vivek Palani",
            "Michael Kaufman",
            "[Ronald Sol]",
            "Josh Nichols",
        ],
        5,
    ),
}


@pytest.mark.parametrize("name", sorted(HAND_COUNT))
def test_exchanges_and_closing_remarks_match_the_hand_count(name: str) -> None:
    introduced, closing = HAND_COUNT[name]
    summary = summarize(name)
    assert [e["introduced_as"] for e in summary["exchanges"]] == introduced
    assert summary["num_exchanges"] == len(introduced)
    assert summary["segment_sections"]["closing_remarks"] == closing
    # Every turn inside an exchange says what it is; none outside does.
    for turn in summary["turns"]:
        _, section, exchange, role = turn.split()[:4]
        assert (exchange == "ex=None") == (role == "None"), turn
        assert section == "qa" or exchange == "ex=None", turn


def test_metadata_provenance() -> None:
    crexendo = summarize("crexendo-cxdo-2023-q2.txt")
    assert crexendo["provenance"]["ticker"] == {"source": "title", "line": 1}
    rekor = summarize("rekor-systems-2021-q3.txt")
    assert rekor["provenance"]["ticker"] == {"source": "manifest", "line": None}
    assert rekor["provenance"]["fiscal_year"]["source"] == "text"
    assert rekor["call_date"] is None and rekor["provenance"]["call_date"]["source"] is None
    assert rekor["translation_origin"]["engine"] == "Google Translate"
