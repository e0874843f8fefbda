"""Metadata from the text: the operator's welcome and the period most mentioned."""

from __future__ import annotations

import pytest
from conftest import RAW

from builder.records import Metadata, Segment, Turn
from builder.structure.metadata import company_name, from_text, translation_script

WELCOMES = [
    ("Good evening, and welcome to today's Rekor Systems, Inc. conference call.", "Rekor Systems", None),
    (
        "Greetings and welcome to the Stem Inc., fourth-quarter 2024 results conference call.",
        "Stem",
        (2024, 4),
    ),
    ("Greetings. Welcome to the Crexendo Second Quarter 2023 Earnings Call.", "Crexendo", (2023, 2)),
    ("Good day and welcome to Acme's Q3 2023 earnings call.", "Acme", (2023, 3)),
    (
        "Welcome to the Acme Corporation fiscal 2024 third quarter earnings conference call.",
        "Acme",
        (2024, 3),
    ),
    ("Welcome to the Acme Q1 fiscal year 2025 financial results call.", "Acme", (2025, 1)),
]


def _call(*paragraphs: str) -> list[Turn]:
    turn = Turn(index=0, header=None)
    turn.segments = [Segment(i, 0, text, "中文。", 2 * i + 1, 2 * i + 2) for i, text in enumerate(paragraphs)]
    return [turn]


@pytest.mark.parametrize(("welcome", "company", "period"), WELCOMES)
def test_welcome_gives_company_and_period(welcome: str, company: str, period: tuple | None) -> None:
    meta = Metadata()
    from_text(_call(welcome), meta)
    assert meta.company.value == company and meta.company.source == "text" and meta.company.line == 1
    found = (meta.fiscal_year.value, meta.fiscal_quarter.value) if meta.fiscal_year.value else None
    assert found == period


def test_period_is_the_most_mentioned_and_unknown_stays_null() -> None:
    meta = Metadata()
    from_text(
        _call(
            "Welcome to the Acme conference call.",
            "Revenue for Q3 2021 grew compared to the third quarter of 2020.",
            "For the third quarter ended September 30, 2021, margins rose.",
        ),
        meta,
    )
    assert (meta.fiscal_year.value, meta.fiscal_quarter.value, meta.fiscal_year.line) == (2021, 3, 3)
    assert meta.ticker.value is None and meta.ticker.source is None
    assert meta.event_type.value is None  # "conference call" alone does not say earnings


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Rekor Systems, Inc.", "Rekor Systems"),
        ("Stem Inc.", "Stem"),
        ("Crexendo Inc", "Crexendo"),
        ("Acme's", "Acme"),
        ("Royal Dutch Shell plc", "Royal Dutch Shell"),
        ("Apple", "Apple"),
    ],
)
def test_company_name_drops_the_legal_form(written: str, name: str) -> None:
    assert company_name(written) == name


def test_transcript_id_falls_back_when_the_company_has_no_ascii_slug() -> None:
    from builder.sources import parse_source
    from builder.structure import build_transcript

    data = (RAW / "stem-2024-q4.txt").read_bytes()
    transcript = build_transcript(parse_source("s.txt", data), {"company": "騰訊"})
    assert transcript.transcript_id == "call-2024Q4"
    assert build_transcript(parse_source("s.txt", data)).transcript_id == "stem-2024Q4"


@pytest.mark.parametrize(
    ("translations", "script"),
    [
        ([], None),
        ([None, None], None),
        (["營收成長了。", None, "Revenue"], "traditional"),
        (["营收成长了。", "營收成長了。"], "mixed"),
        (["营收成长了。", "營收成長了。", "营收"], "simplified"),
        (["这", "這", "這", "这"], "mixed"),
    ],
)
def test_the_translations_script_is_decided_by_simplified_only_characters(
    translations: list[str | None], script: str | None
) -> None:
    turn = Turn(index=0, header=None)
    turn.segments = [Segment(i, 0, "Text.", zh, 2 * i + 1, 2 * i + 2) for i, zh in enumerate(translations)]
    assert translation_script([turn]) == script
