"""Pairing never shifts: a missing translation is flagged, a doubled one rejects the file."""

from __future__ import annotations

import pytest
from conftest import RAW, seed_lines

from builder.errors import SourceError
from builder.records import Transcript
from builder.sources import parse_source
from builder.structure import build_transcript


def _build(lines: list[str], name: str = "t.txt") -> Transcript:
    return build_transcript(parse_source(name, "\n".join(lines).encode()))


def _pairs(transcript: Transcript) -> list[tuple[str, str | None]]:
    return [(s.en, s.zh) for s in transcript.segments]


def test_missing_translation_in_plain_layout_is_flagged_and_nothing_shifts() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    original = _pairs(_build(lines))
    # Line 95 (1-based) is the translation of line 94's paragraph; drop it.
    assert lines[93].startswith("On liquidity") and "5800 萬美元" in lines[94]
    del lines[94]
    transcript = _build(lines)
    pairs = _pairs(transcript)
    assert len(pairs) == len(original)
    broken = [i for i, (a, b) in enumerate(zip(pairs, original, strict=True)) if a != b]
    assert len(broken) == 1
    segment = transcript.segments[broken[0]]
    assert segment.en.startswith("On liquidity")
    assert segment.zh is None and segment.line_zh is None
    # The next paragraph's translation would fit this one's length too, but its numbers
    # decide: nothing is doubtful.
    assert segment.flags == ["missing_translation"]
    assert not transcript.segments[broken[0] + 1].flags


def test_missing_translation_before_a_speaker_header_is_flagged() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    # Line 21 translates line 20 ("…turn the call over to Arun."); line 22 is a header.
    assert lines[21].startswith("Arun Narayanan - ")
    del lines[20]
    transcript = _build(lines)
    assert len(transcript.turns) == 61
    last = transcript.turns[1].segments[-1]
    assert last.flags == ["missing_translation"]
    assert transcript.turns[2].header is not None
    assert transcript.turns[2].header.name == "Arun Narayanan"


def test_doubled_translation_line_rejects_the_file_with_its_line_number() -> None:
    lines = seed_lines("rekor-systems-2021-q3.txt")
    lines.insert(5, lines[4])  # the translation of line 4, written twice
    with pytest.raises(SourceError) as caught:
        _build(lines, "raw/rekor.txt")
    assert caught.value.line == 6
    assert str(caught.value).endswith(
        "line 6: a second translation line after line 5 (a doubled translation?)"
    )


def test_bulleted_layout_missing_and_doubled_translations() -> None:
    lines = seed_lines("crexendo-cxdo-2023-q2.txt")
    assert lines[12].startswith("    ") and lines[10].startswith("  • Greetings")
    missing = lines[:12] + lines[13:]
    transcript = _build(missing)
    assert transcript.segments[0].flags == ["missing_translation"]
    assert _pairs(transcript)[1:] == _pairs(_build(lines))[1:]

    doubled = [*lines[:13], "", lines[12], *lines[13:]]
    with pytest.raises(SourceError) as caught:
        _build(doubled)
    assert caught.value.line == 15


def test_untranslated_copy_is_paired_and_flagged() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    lines[4] = lines[3]  # the "translation" is a copy of the English
    transcript = _build(lines)
    first = transcript.segments[0]
    assert first.zh == first.en and first.flags == ["untranslated"]
    assert len(transcript.segments) == 192


def test_paragraphs_before_the_first_header_have_no_speaker() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    lines[1:1] = ["Good afternoon.", "午安。"]
    transcript = _build(lines)
    assert transcript.turns[0].header is None
    assert transcript.segments[0].flags == ["no_speaker"]
    assert len(transcript.segments) == 193


def test_every_seed_is_fully_accounted_for() -> None:
    for path in sorted(RAW.glob("*.txt")):
        transcript = build_transcript(parse_source(path.name, path.read_bytes()))
        assert all(not s.flags for s in transcript.segments), path.name


def test_untranslated_short_line_written_twice_is_no_speaker_header() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    assert lines[159] == "(Operator Instructions)"
    lines[160] = lines[159]  # "(操作員指令)" left untranslated
    transcript = _build(lines)
    assert len(transcript.segments) == 192 and len(transcript.turns) == 61
    copy = next(s for s in transcript.segments if s.line_en == 160)
    assert copy.zh == "(Operator Instructions)" and copy.flags == ["untranslated"]
    roles = {p.name: p.role for p in transcript.participants}
    assert "(Operator Instructions)" not in roles and roles["Thomas Boyes"] == "participant"

    bulleted = seed_lines("crexendo-cxdo-2023-q2.txt")
    assert bulleted[754] == "  • (Operator Instructions)"
    bulleted[756] = "    (Operator Instructions)"
    transcript = _build(bulleted)
    assert len(transcript.segments) == 126 and len(transcript.turns) == 69


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", " \u200b\t", "\u2060"])
def test_invisible_lines_are_blank_and_take_no_translation(invisible: str) -> None:
    lines = seed_lines("stem-2024-q4.txt")
    original = _pairs(_build(lines))
    lines.insert(12, invisible)  # between an English paragraph and its translation
    transcript = _build(lines)
    assert _pairs(transcript) == original
    assert 13 in transcript.source.blank


def test_a_bare_bullet_is_blank() -> None:
    lines = seed_lines("crexendo-cxdo-2023-q2.txt")
    original = _pairs(_build(lines))
    lines.insert(11, "  •")
    transcript = _build(lines)
    assert _pairs(transcript) == original and 12 in transcript.source.blank


def test_speaker_header_written_once_still_starts_a_turn() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    assert lines[9] == lines[10] == "Ted Durbin - Head of Investor Relations"
    del lines[10]
    transcript = _build(lines)
    assert transcript.flags == ["speaker_header_written_once"]
    turn = transcript.turns[1]
    assert turn.header is not None and turn.header.name == "Ted Durbin" and turn.header.line_zh is None
    assert len(turn.segments) == 5
    # Its turn's speaker is doubtful (a stray line reads the same); no other segment is flagged.
    flagged = [s for s in transcript.segments if s.flags]
    assert flagged == turn.segments and all(s.flags == ["doubtful_speaker"] for s in flagged)
    assert "on line 10 is written in one slot only" in flagged[0].evidence["doubtful_speaker"]


def test_header_copies_that_differ_in_spacing_are_one_header() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    lines[10] = "Ted  Durbin -\tHead of Investor Relations"
    transcript = _build(lines)
    header = transcript.turns[1].header
    assert header is not None and (header.name, header.title) == ("Ted Durbin", "Head of Investor Relations")
    assert header.text_zh == lines[10] and transcript.flags == []


@pytest.mark.parametrize(
    "addition", [" Revenue rose 5％ year over year.", " Our partner Tencent (騰訊) signed，too."]
)
def test_english_with_a_few_cjk_characters_still_pairs(addition: str) -> None:
    lines = seed_lines("stem-2024-q4.txt")
    lines[11] += addition
    transcript = _build(lines)
    segment = next(s for s in transcript.segments if s.line_en == 12)
    assert segment.en.endswith(addition) and segment.line_zh == 13 and len(transcript.segments) == 192
    assert not any(s.flags for s in transcript.segments)


def _speakers(transcript: Transcript) -> list[str | None]:
    return [turn.header.name if turn.header else None for turn in transcript.turns]


@pytest.mark.parametrize(
    ("line", "copy"),
    [
        (165, "Thomas Boyes - 分析師"),
        (165, "Thomas Boyes (湯瑪斯) - Analyst"),
        (165, "Thomas\u200b Boyes – Analyst"),
        (3, "接線員"),
        (3, "接線員 (Operator)"),
        (3, "主持人（Operator）"),
    ],
)
def test_translated_or_damaged_header_copies_are_headers(line: int, copy: str) -> None:
    lines = seed_lines("stem-2024-q4.txt")
    original = _build(lines)
    lines[line - 1] = copy
    transcript = _build(lines)
    assert _speakers(transcript) == _speakers(original) and _pairs(transcript) == _pairs(original)
    header = next(t.header for t in transcript.turns if t.header and t.header.line_zh == line)
    assert header.text_zh == copy and not transcript.flags


@pytest.mark.parametrize(
    "copy", ["Thomas\u200b Boyes - Analyst", "\u200cThomas Boyes - Analyst", "\u2060Thomas Boyes - Analyst"]
)
def test_zero_width_characters_in_both_header_copies(copy: str) -> None:
    lines = seed_lines("stem-2024-q4.txt")
    lines[163] = lines[164] = copy
    transcript = _build(lines)
    assert _speakers(transcript) == _speakers(_build(seed_lines("stem-2024-q4.txt")))
    assert "Thomas Boyes" in {p.name for p in transcript.participants}


def test_bulleted_header_with_only_its_chinese_slot_copy() -> None:
    lines = seed_lines("crexendo-cxdo-2023-q2.txt")
    assert lines[14] == "  • Jeffrey G. Korn - CEO"
    del lines[14:16]
    transcript = _build(lines)
    assert transcript.flags == ["speaker_header_written_once"]
    header = transcript.turns[1].header
    assert header is not None and (header.name, header.line_en, header.line_zh) == (
        "Jeffrey G. Korn",
        None,
        15,
    )


def test_a_short_line_before_a_translation_does_not_take_it() -> None:
    lines = seed_lines("rekor-systems-2021-q3.txt")
    translation = lines[12]
    lines.insert(12, "Okay.")  # between line 12's paragraph and its translation
    transcript = _build(lines)
    before = next(s for s in transcript.segments if s.line_en == 12)
    stray = next(s for s in transcript.segments if s.en == "Okay." and s.line_en == 13)
    assert (before.zh, before.flags) == (translation, [])
    assert (stray.zh, stray.flags) == (None, ["missing_translation"])


def test_header_swapped_with_a_paragraph_line_is_flagged() -> None:
    lines = seed_lines("rekor-systems-2021-q3.txt")
    lines[12], lines[13] = lines[13], lines[12]  # translation of line 12 and the first header copy
    transcript = _build(lines)
    flagged = {flag for s in transcript.segments for flag in s.flags}
    assert "speaker_header_in_text" in flagged or transcript.flags


def test_short_english_line_with_a_chinese_name_is_english() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    lines[163:163] = ["Okay. 霍莉", "好的。霍莉"]
    transcript = _build(lines)
    okay = next(s for s in transcript.segments if s.en == "Okay. 霍莉")
    assert okay.zh == "好的。霍莉" and okay.flags == []


@pytest.mark.parametrize("name", ["stem-2024-q4.txt", "rekor-systems-2021-q3.txt"])
def test_an_english_line_quoting_a_chinese_name_stays_english(name: str) -> None:
    """Every English paragraph of a plain seed, in turn, starting with "Thanks, 陳先生.", and one
    replaced by that line alone: each keeps its own translation (the name is no translation)."""
    base = (RAW / name).read_text(encoding="utf-8").split("\n")
    paragraphs = [  # English paragraphs (their translation follows; headers repeat in ASCII)
        i
        for i, line in enumerate(base[:-1])
        if line.isascii() and len(line) > 30 and not base[i + 1].isascii()
    ]
    for i in paragraphs:
        lines = list(base)
        lines[i] = "Thanks, 陳先生. " + lines[i]
        transcript = build_transcript(parse_source(name, "\n".join(lines).encode()))
        segment = next(s for s in transcript.segments if s.line_en == i + 1)
        assert segment.en.startswith("Thanks, 陳先生.") and segment.line_zh == i + 2, i
    lines = list(base)
    lines[paragraphs[5]] = "Thanks, 陳先生."
    transcript = build_transcript(parse_source(name, "\n".join(lines).encode()))
    segment = next(s for s in transcript.segments if s.line_en == paragraphs[5] + 1)
    assert (segment.en, segment.zh) == ("Thanks, 陳先生.", base[paragraphs[5] + 1])


def test_a_translation_moved_after_the_next_paragraph_is_never_silently_shifted() -> None:
    lines = seed_lines("rekor-systems-2021-q3.txt")
    # Lines 16-19: paragraph, translation, paragraph, translation. Move the first translation
    # after the second paragraph and drop the second translation.
    first_zh, second_en = lines[16], lines[17]
    lines[16:19] = [second_en, first_zh]
    segments = _build(lines).segments
    first = next(s for s in segments if s.line_en == 16)
    second = next(s for s in segments if s.line_en == 17)
    # Both paragraphs are long and alike in length: the translation goes back to the first,
    # and both are flagged, the evidence quoting both.
    assert (first.zh, second.zh) == (first_zh, None)
    assert "doubtful_pairing" in first.flags and "doubtful_pairing" in second.flags
    assert "missing_translation" in second.flags
    assert "Following our prepared remarks" in first.evidence["doubtful_pairing"]


def test_equally_fitting_short_lines_are_paired_and_flagged_with_evidence() -> None:
    lines = seed_lines("stem-2024-q4.txt")
    at = lines.index("Hi.")  # "Hi." / "你好。" in the Q&A
    lines.insert(at + 1, "Yes.")
    transcript = _build(lines)
    hi, yes = (next(s for s in transcript.segments if s.en == text) for text in ("Hi.", "Yes."))
    assert "doubtful_pairing" in hi.flags and "doubtful_pairing" in yes.flags
    assert {hi.zh, yes.zh} == {"你好。", None}
    assert "`你好。`" in hi.evidence["doubtful_pairing"] and "`Yes.`" in hi.evidence["doubtful_pairing"]


def test_a_translation_written_twice_after_a_paragraph_without_one_is_refused() -> None:
    lines = seed_lines("rekor-systems-2021-q3.txt")
    lines[16:19] = [lines[17], lines[16], lines[16]]  # E1 E2 Z1 Z1: not two translations
    with pytest.raises(SourceError, match=r"line 19: a second translation line after line 18"):
        _build(lines)


def _speaker_of(transcript: Transcript, en_start: str) -> tuple[str | None, list[str]]:
    segment = next(s for s in transcript.segments if s.en.startswith(en_start))
    header = transcript.turns[segment.turn_index].header
    return (header.name if header else None), segment.flags


def test_a_translated_header_in_the_chinese_slot_is_the_header() -> None:
    """`泰德·德賓 - 投資者關係主管` after `Ted Durbin - Head of Investor Relations` is its copy."""
    lines = seed_lines("stem-2024-q4.txt")
    original = _build(lines)
    assert lines[10] == "Ted Durbin - Head of Investor Relations"
    lines[10] = "泰德·德賓 - 投資者關係主管"
    transcript = _build(lines)
    assert _speakers(transcript) == _speakers(original) and _pairs(transcript) == _pairs(original)
    assert not any(s.flags for s in transcript.segments) and not transcript.flags
    assert transcript.turns[1].header is not None and transcript.turns[1].header.text_zh == lines[10]


def test_a_header_read_as_a_paragraph_makes_the_speakers_after_it_doubtful() -> None:
    """A translated copy that is no header (a comma for the dash) leaves the English header a
    paragraph: the five paragraphs after it stay in the Operator's turn, each flagged."""
    lines = seed_lines("stem-2024-q4.txt")
    lines[10] = "泰德·德賓，投資者關係主管"
    transcript = _build(lines)
    header_line = next(s for s in transcript.segments if s.line_en == 10)
    assert header_line.flags == ["speaker_header_in_text"]
    after = [s for s in transcript.turns[header_line.turn_index].segments if s.index > header_line.index]
    assert [s.en[:9] for s in after][:1] == ["Thank you"] and len(after) == 5
    assert all(s.flags == ["doubtful_speaker"] for s in after)
    assert "line 10, `Ted Durbin - Head of Investor Relations`" in after[0].evidence["doubtful_speaker"]


def test_a_stray_operator_line_takes_no_translation_and_no_turn() -> None:
    """`Operator` after line 322 of the Stem call (between a paragraph and its short
    translation): not a header with that translation as its copy."""
    lines = seed_lines("stem-2024-q4.txt")
    original = _build(lines)
    assert lines[321].startswith("Bear with me") and lines[322].startswith("請稍等片刻。")
    lines.insert(322, "Operator")
    transcript = _build(lines)
    stray = next(s for s in transcript.segments if s.line_en == 323)
    assert (stray.en, stray.zh) == ("Operator", None)
    assert [(s.en, s.zh) for s in transcript.segments if s is not stray] == _pairs(original)
    assert _speaker_of(transcript, "You're talking about") == ("Doran Hole", [])


@pytest.mark.parametrize("index", [11, 13, 323])  # after a header pair, after a translation, mid-answer
def test_a_stray_operator_line_read_as_a_header_flags_its_turn(index: int) -> None:
    lines = seed_lines("stem-2024-q4.txt")
    original = {s.en: s for s in _build(lines).segments}
    lines.insert(index, "Operator")
    transcript = _build(lines)
    turn = next(t for t in transcript.turns if t.header and t.header.line_en == index + 1)
    assert turn.segments and all("doubtful_speaker" in s.flags for s in turn.segments)
    assert all(s.zh == original[s.en].zh for s in turn.segments)
    evidence = turn.segments[0].evidence["doubtful_speaker"]
    assert f"`Operator` on line {index + 1} is written in one slot only" in evidence


def test_a_deleted_translation_never_silently_gives_a_paragraph_the_next_one() -> None:
    """Line 109 of the Rekor call deleted: the paragraphs around the gap are flagged."""
    lines = seed_lines("rekor-systems-2021-q3.txt")
    truth = {s.en: s.zh for s in _build(lines).segments}
    assert lines[107].startswith("Our solutions") and lines[108].startswith("我們的解決方案")
    del lines[108]
    for segment in _build(lines).segments:
        expected = None if segment.en.startswith("Our solutions") else truth[segment.en]
        if segment.zh != expected:
            assert "doubtful_pairing" in segment.flags or "missing_translation" in segment.flags, segment
    near = [s for s in _build(lines).segments if 108 <= s.line_en <= 111]
    assert all("doubtful_pairing" in s.flags for s in near)


def test_a_header_whose_translated_copy_may_be_the_paragraph_before_it_is_doubtful() -> None:
    """A stray `Operator` before a short translation without punctuation (`謝謝接線生`) pairs
    with it as a header; the paragraph before is left without translation, so the turn's
    speaker is doubtful."""
    lines = seed_lines("stem-2024-q4.txt")
    assert lines[11].startswith("Thank you, operator.")
    lines[12] = "謝謝接線生"
    lines.insert(12, "Operator")
    transcript = _build(lines)
    before = next(s for s in transcript.segments if s.line_en == 12)
    assert (before.zh, before.flags) == (None, ["missing_translation"])
    turn = next(t for t in transcript.turns if t.header and t.header.line_en == 13)
    assert turn.header is not None and turn.header.text_zh == "謝謝接線生"
    assert turn.segments and all(s.flags == ["doubtful_speaker"] for s in turn.segments)
    assert "translated copy `謝謝接線生` right after line 12" in turn.segments[0].evidence["doubtful_speaker"]
