"""Property tests: for any transcript in either layout, with any line endings and any missing
translations, pairing recovers the intended pairs, nothing after a fault shifts, and where two
paragraphs could take a translation about equally well both are flagged ``doubtful_pairing``.

Generated translations have plausible lengths (0.2-0.35 Han characters per English character,
as translations do) and keep the numbers: the pairing weighs both, so random ones would make
it a different test.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from builder.sources import parse_source
from builder.structure import build_transcript

HEADERS = ["Operator", "Jane Doe - CEO", "John Q. Smith - Analyst", "K.C. Lee - Chief Financial Officer"]
DISCLAIMER = "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主"

english_word = st.sampled_from(["revenue", "growth", "quarter", "margin", "we", "the", "$3.9", "U.S.", "—"])
# One number at most per paragraph, as in calls: the length model reads a paragraph of little
# but numbers as shorter than its translation.
english = (
    st.lists(english_word, min_size=1, max_size=12)
    .map(lambda w: "So " + " ".join(w) + ".")
    .filter(lambda text: text.count("$3.9") <= 1)
)


@dataclass(frozen=True)
class Paragraph:
    en: str
    zh: str | None  # None: the translation line is missing from the source


HAN = "營收成長季度毛利率我們的美元萬億臺灣"


@st.composite
def paragraph(draw: st.DrawFn) -> Paragraph:
    en = draw(english)
    numbers = "3.9美元" * en.count("$3.9")  # a translation keeps the numbers
    words = len(en) - len("$3.9") * en.count("$3.9")
    low, high = max(1, int(0.2 * words)), max(1, int(0.35 * words))
    translation = st.text(alphabet=HAN, min_size=low, max_size=high).map(lambda t: t + numbers + "。")
    return Paragraph(en, draw(st.one_of(translation, translation, translation, st.none(), st.just("COPY"))))


turn = st.tuples(st.sampled_from(HEADERS), st.lists(paragraph(), min_size=1, max_size=5))
call = st.lists(turn, min_size=1, max_size=8)


def _zh(p: Paragraph) -> str | None:
    return p.en if p.zh == "COPY" else p.zh


def render(turns: list, layout: str) -> list[str]:
    """The lines of a raw file in the given layout."""
    if layout == "plain":
        lines = [DISCLAIMER]
        for header, paragraphs in turns:
            lines += [header, header]
            for p in paragraphs:
                lines += [p.en] + ([_zh(p)] if _zh(p) is not None else [])
        return lines
    lines = ["Acme Corp (ACME) 2024 Q1 法說會逐字稿", "", "完整原文", "", DISCLAIMER, ""]
    for header, paragraphs in turns:
        lines += [f"  • {header}", "", f"    {header}", ""]
        for p in paragraphs:
            lines += [f"  • {p.en}", ""] + ([f"    {_zh(p)}", ""] if _zh(p) is not None else [])
    return lines


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    turns=call,
    layout=st.sampled_from(["plain", "bulleted"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
)
def test_pairs_are_recovered_exactly(turns: list, layout: str, newline: str, bom: bool) -> None:
    expected = [p for _, paragraphs in turns for p in paragraphs]
    # A plain file without a single Chinese line is no transcript of ours (rejected by design).
    assume(layout == "bulleted" or any(p.zh not in (None, "COPY") for p in expected))
    # Two identical plain lines, the first without translation, read as one untranslated pair.
    assume(
        layout == "bulleted"
        or not any(a.zh is None and a.en == b.en for a, b in itertools.pairwise(expected))
    )
    data = (b"\xef\xbb\xbf" if bom else b"") + newline.join(render(turns, layout)).encode()
    transcript = build_transcript(parse_source("generated.txt", data))
    assert transcript.source.layout == layout
    assert [t.header.text_en if t.header else None for t in transcript.turns] == [h for h, _ in turns]
    segments = transcript.segments
    assert [s.en for s in segments] == [p.en for p in expected]
    for segment, p in zip(segments, expected, strict=True):
        if "doubtful_pairing" in segment.flags:
            continue  # flagged: which paragraph takes the translation is uncertain, and said so
        assert segment.zh == _zh(p)
        # The length-ratio signal is not the point here.
        flags = [flag for flag in segment.flags if flag != "length_ratio_outlier"]
        if p.zh is None:
            assert flags == ["missing_translation"]
        elif p.zh == "COPY":
            assert flags == ["untranslated"]
        else:
            assert flags == []
