"""The ``qa`` config and the sections around it, on a build of the seeds: one row per
exchange whose question and answer are the call's own paragraphs in both languages, joined
back to ``segments`` and ``sentences``; the opening and the safe-harbor notice apart; the
operator's housekeeping before the first introduction in no exchange."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from builder.flags import codes
from builder.formats.read import read_rows
from builder.records import Header, Segment, Turn
from builder.release.build import BuildSummary
from builder.structure.sections import mark_opening

Row = dict


@pytest.fixture(scope="module")
def rows(seed_release: BuildSummary) -> dict[str, list[Row]]:
    release = seed_release.path
    return {config: list(read_rows(release, config)) for config in ("qa", "segments", "sentences")}


def _by_call(found: list[Row]) -> dict[str, list[Row]]:
    calls: dict[str, list[Row]] = defaultdict(list)
    for row in found:
        calls[row["transcript_id"]].append(row)
    return calls


def test_one_row_per_exchange_of_each_seed(rows: dict[str, list[Row]]) -> None:
    counts = {tid: len(found) for tid, found in _by_call(rows["qa"]).items()}
    assert counts == {"CXDO-2023Q2": 7, "REKR-2021Q3": 3, "STEM-2024Q4": 6}
    for tid, found in _by_call(rows["qa"]).items():
        assert [r["exchange"] for r in found] == list(range(1, len(found) + 1))
        assert [r["qa_id"] for r in found] == [f"{tid}-qa{n:02d}" for n in range(1, len(found) + 1)]


def test_question_and_answer_are_the_calls_paragraphs_in_both_languages(rows: dict[str, list[Row]]) -> None:
    segments = {s["segment_id"]: s for s in rows["segments"]}
    for row in rows["qa"]:
        for side in ("question", "answer", "moderator"):
            ids = row[f"{side}_segments"]
            assert all(segments[i]["exchange"] == row["exchange"] for i in ids)
            assert all(segments[i]["exchange_role"] == side for i in ids)
            texts = [segments[i]["translation"] for i in ids]
            assert row[side]["en"] == ("\n".join(t["en"] for t in texts) or None)
            assert row[side]["zh"] == ("\n".join(t["zh"] for t in texts if t["zh"]) or None)
        # Every segment of the exchange is on one side, in order.
        in_exchange = [
            s["segment_id"]
            for s in rows["segments"]
            if s["transcript_id"] == row["transcript_id"] and s["exchange"] == row["exchange"]
        ]
        sides = row["question_segments"] + row["answer_segments"] + row["moderator_segments"]
        assert sorted(sides) == in_exchange
        assert sum(t["num_segments"] for t in row["turns"]) == len(in_exchange)
        flags = {f for i in in_exchange for f in segments[i]["flags"]}
        assert set(row["flags"]) == flags and flags <= set(codes("segment"))


def test_sentence_spans_cover_exactly_each_sides_units(rows: dict[str, list[Row]]) -> None:
    units: dict[str, list[str]] = defaultdict(list)
    for unit in rows["sentences"]:
        units[unit["segment_id"]].append(unit["sentence_id"])
    ordered = [u["sentence_id"] for u in rows["sentences"]]
    for row in rows["qa"]:
        for side in ("question", "answer"):
            expected = [u for i in row[f"{side}_segments"] for u in units[i]]
            spans = row[f"{side}_sentences"]
            # The join the schema documents: sentence ids between `first` and `last`.
            covered = [u for span in spans for u in ordered if span["first"] <= u <= span["last"]]
            assert covered == expected


def _row(rows: dict[str, list[Row]], qa_id: str) -> Row:
    return next(r for r in rows["qa"] if r["qa_id"] == qa_id)


def test_rows_read_as_the_calls_do(rows: dict[str, list[Row]]) -> None:
    """Read against the raw files: who asks, who answers, the first words on each side."""
    first = _row(rows, "REKR-2021Q3-qa01")
    assert first["introduction"]["en"].endswith("K.C. Ambrecht, Shay Capital.")
    assert first["question"]["en"].startswith("Hi, thanks very much for taking the question.")
    assert first["question"]["zh"].startswith("嗨,非常感謝您回答這個問題。")
    assert first["answer"]["en"].startswith("K.C., thanks for the question.")
    assert first["answer"]["zh"].startswith("K.C.,謝謝你的提問。")
    assert first["answerers"] == [{"name": "Robert Berman", "title": "Chairman and Chief Executive Officer"}]
    # The apology and the replay notice before "I would now like to begin the Q&A period" are not in it.
    assert first["moderator"]["en"].startswith("I would now like to begin the Q&A period.")
    stand_in = _row(rows, "REKR-2021Q3-qa03")
    assert stand_in["questioner"] == {
        "name": "Aditya Dagaonkar",
        "introduced_as": "Mike Latimore",
        "affiliation": "Northland Capital",
        "on_behalf_of": "Mike Latimore",
    }
    assert stand_in["question"]["zh"].startswith("大家好。我是阿迪亞,代表麥克·拉蒂莫爾。")

    sakai = _row(rows, "CXDO-2023Q2-qa03")
    assert (sakai["questioner"]["name"], sakai["questioner"]["introduced_as"]) == (
        "Joichi Sakai",
        "Chris Sakai",
    )
    assert sakai["question"]["en"].startswith("Can you talk about new licenses for the quarter?")
    sol = _row(rows, "CXDO-2023Q2-qa06")
    assert sol["questioner"]["affiliation"] == "a private investor"
    assert sol["question"]["en"].startswith(
        "Yes. We made a lot of good progress in reducing the GAAP net loss"
    )
    assert sol["answer"]["zh"].startswith("好吧,問題的一部分是我們從收購中獲得的無形成本")
    assert [a["name"] for a in sol["answerers"]] == ["Jeffrey G. Korn", "Ronald Vincent"]
    follow_up = _row(rows, "CXDO-2023Q2-qa07")
    assert follow_up["follow_up"] and follow_up["questioner"]["introduced_as"] == "Josh Nichols"

    stem = _row(rows, "STEM-2024Q4-qa01")
    assert stem["questioner"]["affiliation"] == "TD Cowen"
    assert [a["name"] for a in stem["answerers"]] == ["Arun Narayanan", "Doran Hole"]
    assert stem["introduction"]["zh"] == "托馬斯·博伊斯(Thomas Boyes),TD Cowen。"


def _sections(rows: dict[str, list[Row]], tid: str) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for s in rows["segments"]:
        if s["transcript_id"] == tid:
            found[s["section"]].append(s["segment_index"])
    return found


def test_openings_and_safe_harbor_notices_have_their_own_sections(rows: dict[str, list[Row]]) -> None:
    rekor = _sections(rows, "REKR-2021Q3")
    assert (rekor["opening"], rekor["safe_harbor"]) == ([0, 4], [1, 2, 3])
    stem = _sections(rows, "STEM-2024Q4")
    assert (stem["opening"], stem["safe_harbor"]) == ([0, 1, 2, 3, 6, 7], [4, 5])
    crexendo = _sections(rows, "CXDO-2023Q2")
    assert (crexendo["opening"], crexendo["safe_harbor"]) == ([0, 1, 2], [3, 4, 5])
    notices = [s for s in rows["segments"] if s["section"] == "safe_harbor"]
    words = ("forward-looking", "risks, uncertainties", "non-GAAP", "Non-GAAP")
    assert all(any(w in s["translation"]["en"] for w in words) for s in notices)
    assert all("前瞻性" in s["translation"]["zh"] or "GAAP" in s["translation"]["zh"] for s in notices[1:2])


def test_housekeeping_before_the_first_introduction_is_in_no_exchange(rows: dict[str, list[Row]]) -> None:
    apart = [
        s["segment_index"]
        for s in rows["segments"]
        if s["transcript_id"] == "REKR-2021Q3" and s["section"] == "qa" and s["exchange"] is None
    ]
    assert apart == [73, 74]
    texts = [
        s["translation"]["en"]
        for s in rows["segments"]
        if s["segment_id"] in ("REKR-2021Q3-0073", "REKR-2021Q3-0074")
    ]
    assert "apology" in texts[0] and "replay" in texts[1]
    qa_ids = {
        i for r in rows["qa"] for side in ("question", "answer", "moderator") for i in r[f"{side}_segments"]
    }
    assert not {"REKR-2021Q3-0073", "REKR-2021Q3-0074"} & qa_ids


def test_segments_carry_the_speaker_as_introduced(rows: dict[str, list[Row]]) -> None:
    named = {
        (s["speaker"], s["speaker_introduced_as"]) for s in rows["segments"] if s["speaker_introduced_as"]
    }
    assert ("Joichi Sakai", "Chris Sakai") in named and ("Unidentified Analyst", "Vivek Palani") in named
    assert all(s["speaker_introduced_as"] is None for s in rows["segments"] if s["speaker"] == "Operator")


def _turn(index: int, name: str, paragraphs: list[tuple[str, str]]) -> Turn:
    header = Header(name, name, name, None, 1, 2)
    turn = Turn(index, header)
    turn.segments = [Segment(index * 10 + k, index, en, zh, 3, 4) for k, (en, zh) in enumerate(paragraphs)]
    return turn


def test_the_notice_is_found_from_its_chinese_wording_alone() -> None:
    turns = [
        _turn(0, "Operator", [("Welcome to the call.", "歡迎參加電話會議。")]),
        _turn(
            1,
            "Jane Roe",
            [
                ("Please note our statements today.", "請注意,今天的陳述屬於前瞻性陳述。"),
                ("They involve risks.", "這些陳述涉及風險。"),
                ("Now to our results.", "現在談談我們的業績。"),
            ],
        ),
        _turn(2, "John Doe", [("Revenue grew.", "營收成長。")]),
    ]
    mark_opening(turns)
    sections = [s.section for t in turns for s in t.segments]
    assert sections == ["opening", "safe_harbor", "safe_harbor", "opening", None]


def test_without_a_notice_the_operators_first_turns_are_the_opening() -> None:
    turns = [
        _turn(0, "Operator", [("Welcome to the call.", "歡迎。")]),
        _turn(1, "Jane Roe", [("Thank you. Revenue grew.", "謝謝。營收成長。")]),
    ]
    mark_opening(turns)
    assert [s.section for t in turns for s in t.segments] == ["opening", None]


def test_a_forward_looking_word_late_in_the_remarks_is_not_a_notice() -> None:
    remarks = [_turn(k, f"Speaker {k}", [("Revenue grew.", "營收成長。")]) for k in range(1, 6)]
    late = _turn(6, "Jane Roe", [("Our forward-looking guidance is unchanged.", "我們的前瞻性指引不變。")])
    turns = [_turn(0, "Operator", [("Welcome.", "歡迎。")]), *remarks, late]
    mark_opening(turns)
    assert [s.section for t in turns for s in t.segments] == ["opening"] + [None] * 6


def test_the_qa_config_is_in_every_format(seed_release: BuildSummary) -> None:
    release: Path = seed_release.path
    parquet = list(read_rows(release, "qa"))
    assert parquet == list(read_rows(release, "qa", "jsonl")) == list(read_rows(release, "qa", "arrow"))
