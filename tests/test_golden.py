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
    assert crexendo["Unidentified Participant"]["affiliation"] is None  # "a private investor"

    rekor = _people("rekor-systems-2021-q3.txt")
    assert rekor["Zach Cummins"]["affiliation"] == "B. Riley"
    assert rekor["K.C. Ambrecht"]["affiliation"] == "Shay Capital"
    assert rekor["Aditya Dagaonkar"]["introduced_as"] == "Mike Latimore"
    assert {p["role"] for p in rekor.values()} == {"operator", "corporate", "participant"}

    stem = _people("stem-2024-q4.txt")
    assert stem["Ted Durbin"]["role"] == "corporate"
    assert stem["Ted Durbin"]["affiliation"] is None  # "Head of Investor Relations" is no firm


def test_qa_starts_at_the_operator_turn_that_opens_questions() -> None:
    summary = summarize("crexendo-cxdo-2023-q2.txt")
    qa_turn = next(t for t in summary["turns"] if " qa " in t)
    assert qa_turn.startswith("7 qa ex=None Operator")
    assert summary["qa_start_segment"] == 55
    assert summarize("rekor-systems-2021-q3.txt")["qa_start_segment"] == 73
    assert summarize("stem-2024-q4.txt")["qa_start_segment"] == 72


def test_metadata_provenance() -> None:
    crexendo = summarize("crexendo-cxdo-2023-q2.txt")
    assert crexendo["provenance"]["ticker"] == {"source": "title", "line": 1}
    rekor = summarize("rekor-systems-2021-q3.txt")
    assert rekor["provenance"]["ticker"] == {"source": "manifest", "line": None}
    assert rekor["provenance"]["fiscal_year"]["source"] == "text"
    assert rekor["call_date"] is None and rekor["provenance"]["call_date"]["source"] is None
    assert rekor["translation_origin"]["engine"] == "Google Translate"
