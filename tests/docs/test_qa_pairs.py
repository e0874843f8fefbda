"""A call's page shows its exchanges as question→answer pairs, every value from the data shown
literally (escaped), each paragraph linked to its segment in the reading view."""

from __future__ import annotations

import html
import re
from pathlib import Path

from builder.docsgen.calls import Call
from builder.docsgen.qa_pairs import qa_pairs
from builder.docsgen.transcript_page import render

HOSTILE = '<script>window.__pwned = 1</script> **bold** [x](javascript:alert(1)) <img src=x onerror="y">'


def _segment(
    index: int, turn: int, speaker: str, title: str | None, role: str | None, en: str, zh: str
) -> dict:
    return {
        "segment_id": f"T-2025Q1-{index:04d}",
        "transcript_id": "T-2025Q1",
        "segment_index": index,
        "turn_index": turn,
        "speaker": speaker,
        "speaker_title": title,
        "speaker_role": {"question": "participant", "answer": "corporate"}.get(role or "", "operator"),
        "section": "qa" if role else "opening",
        "exchange": 1 if role else None,
        "exchange_role": role,
        "translation": {"en": en, "zh": zh},
        "flags": [],
        "flag_evidence": [],
    }


def _call() -> Call:
    def person(name: str, title: str | None, role: str, firm: str | None, introduced: str | None) -> dict:
        return {"name": name, "title": title, "role": role, "affiliation": firm, "introduced_as": introduced}

    participants = [
        person("Op", None, "operator", None, None),
        person("Ann <b>Lee</b>", "Analyst", "participant", "Acme & <i>Co</i>", "Annie <u>Lee</u>"),
        person("Bo Chen", "CFO <em>x</em>", "corporate", "T", None),
    ]
    row = {
        "transcript_id": "T-2025Q1",
        "company": "T",
        "ticker": "T",
        "fiscal_year": 2025,
        "fiscal_quarter": 1,
        "event_type": None,
        "call_date": None,
        "title": None,
        "source_file": "t.txt",
        "num_turns": 4,
        "num_segments": 4,
        "num_exchanges": 1,
        "num_en_words": 10,
        "num_zh_chars": 10,
        "num_flagged_segments": 0,
        "translation_origin": None,
        "participants": participants,
    }
    segments = [
        _segment(0, 0, "Op", None, None, "Welcome.", "歡迎。"),
        _segment(1, 1, "Op", None, "moderator", "Next, Annie Lee, Acme.", "下一位。"),
        _segment(2, 2, "Ann <b>Lee</b>", "Analyst", "question", f"Why? {HOSTILE}", f"為什麼？{HOSTILE}"),
        _segment(3, 3, "Bo Chen", "CFO <em>x</em>", "answer", "Because.", "因為。"),
    ]
    return Call(row, segments)


def test_pairs_show_question_and_answer_with_everything_escaped() -> None:
    block = "\n".join(qa_pairs(_call()))
    assert (
        "<script>" not in block
        and "<img src=x" not in block
        and "<b>Lee" not in block
        and "<em>x" not in block
    )
    shown = html.unescape(re.sub(r"<[^>]+>", "", block))
    assert "Exchange 1: Annie <u>Lee</u> (Acme & <i>Co</i>)" in shown
    assert f"Why? {HOSTILE}" in shown and f"為什麼？{HOSTILE}" in shown
    assert "A · Bo Chen CFO <em>x</em>" in shown and "Q · Ann <b>Lee</b>" in shown
    assert "Next, Annie Lee" not in shown  # the operator's words stay in the reading view
    assert 'href="#T-2025Q1-0002"' in block and 'href="#T-2025Q1-0003"' in block
    assert "data-pagefind-ignore" in block  # the reading view is what search indexes


def test_a_call_without_exchanges_gets_no_pairs() -> None:
    call = _call()
    assert qa_pairs(Call(call.row, call.segments[:1])) == []


def test_the_call_page_shows_the_pairs_before_the_reading_view() -> None:
    page = render(_call(), "3.0.0").body
    assert page.index('id="qa-pairs"') < page.index('id="opening"') < page.index('id="qa"')
    assert "<script>" not in page


def test_the_seed_pages_show_their_exchanges_as_pairs(docs_site: Path) -> None:
    page = (docs_site / "site" / "transcripts" / "CXDO-2023Q2.html").read_text(encoding="utf-8")
    assert 'id="qa-pair-7"' in page and 'id="qa-pair-8"' not in page
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "Exchange 3: Chris Sakai (Singular Research)" in shown
    assert "Exchange 6: [Ronald Sol] (a private investor)" in shown
    rekor = (docs_site / "site" / "transcripts" / "REKR-2021Q3.html").read_text(encoding="utf-8")
    assert 'id="safe-harbor"' in rekor and 'id="opening"' in rekor and 'id="opening-' in rekor
