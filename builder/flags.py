"""The catalog of data flags: stable codes for what a record carries as a warning.

Flags are data, not filters: a flagged record is kept and the flag is stored with it.
Codes never change meaning once released; add new codes instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

Severity = Literal["warning", "info"]
Scope = Literal["segment", "transcript", "sentence"]


@dataclass(frozen=True, slots=True)
class Flag:
    """One kind of data problem: its stable code, where it applies, and what it means.

    ``scope`` is where the code was first defined; ``also`` lists further scopes that use it
    (a sentence unit inherits most segment codes, with the meaning restricted to the unit)."""

    code: str
    scope: Scope
    severity: Severity
    title: str
    description: str
    also: tuple[Scope, ...] = ()
    #: What the flag cannot see (the card and ``quality.json`` state it next to the figures).
    limits: str = ""

    @property
    def scopes(self) -> tuple[Scope, ...]:
        """Every scope the code applies to."""
        return (self.scope, *self.also)


CATALOG: dict[str, Flag] = {
    flag.code: flag
    for flag in (
        Flag(
            "missing_translation",
            "segment",
            "warning",
            "Missing translation",
            "The English paragraph has no Chinese line after it in the source; `zh` is null."
            " In a sentence unit: an English sentence with no Chinese counterpart (a `1-0` unit).",
            ("sentence",),
            limits=(
                "An English sentence whose Chinese was merged into a neighbour's translation is part of a "
                "`2-1` unit, not missing."
            ),
        ),
        Flag(
            "untranslated",
            "segment",
            "warning",
            "Untranslated",
            "The Chinese slot holds a copy of the English paragraph or contains no Chinese character."
            " In a sentence unit: the Chinese side has no Chinese character or copies the English.",
            ("sentence",),
            limits=(
                "A translation that is Chinese but of another paragraph is not untranslated (see "
                "`length_ratio_outlier`, `doubtful_pairing`)."
            ),
        ),
        Flag(
            "no_speaker",
            "segment",
            "warning",
            "No speaker",
            "The paragraph comes before the first speaker header; speaker fields are null.",
        ),
        Flag(
            "speaker_header_in_text",
            "segment",
            "warning",
            "Speaker header in text",
            "The English paragraph has the shape of a speaker header (`Name - Title`): a header "
            "whose copy was lost or damaged may have been read as a paragraph, and the speaker "
            "of the paragraphs after it may be wrong."
            " A sentence unit inherits it from its segment.",
            ("sentence",),
        ),
        Flag(
            "speaker_header_confusable",
            "segment",
            "warning",
            "Speaker header with look-alike characters",
            "The header of this segment's turn contains characters that look like others or hide:"
            " a Cyrillic or Greek letter shaped like a Latin one, a bidirectional control (e.g. a"
            " right-to-left override), a combining mark, a soft hyphen, or a minus sign as its dash."
            " It was read as a header on a folded form, and the speaker's name is the folded one;"
            " the header lines keep the text as written. The evidence names each character.",
        ),
        Flag(
            "length_ratio_outlier",
            "segment",
            "warning",
            "Length ratio outlier",
            "The Chinese side is far shorter or longer than any translation of the English "
            "could be (character ratio of the stripped texts outside 0.1–2.0, where one side has 20"
            " characters or more): the pair may be misaligned."
            " In a sentence unit: the Chinese is less than 0.4 or more than 2.5 times the length "
            "the English predicts (Han characters, Latin at 0.35, against 0.268 per English character).",
            ("sentence",),
            limits="Lengths alone: a wrong translation of the right length passes.",
        ),
        Flag(
            "doubtful_pairing",
            "segment",
            "warning",
            "Doubtful pairing",
            "In a turn where some paragraph has no translation right after it, another paragraph"
            " would take this translation (or this paragraph would take another's) at nearly the"
            " same cost: which paragraph the translation belongs to is uncertain. Every paragraph"
            " concerned is flagged; the evidence quotes both and their costs.",
        ),
        Flag(
            "no_translation",
            "transcript",
            "warning",
            "No translation",
            "No paragraph of the call has a Chinese translation (an English-only source): every"
            " segment is flagged `missing_translation` and nothing is invented.",
        ),
        Flag(
            "fiscal_period_unknown",
            "transcript",
            "warning",
            "Fiscal period unknown",
            "Neither the title, the text nor the manifest gives the fiscal year and quarter; "
            "the transcript id falls back to the source file's hash.",
        ),
        Flag(
            "company_unknown",
            "transcript",
            "warning",
            "Company unknown",
            "Neither the title, the text nor the manifest names the company.",
        ),
        Flag(
            "qa_start_not_found",
            "transcript",
            "info",
            "Q&A start not found",
            "No operator turn opens a question-and-answer session; every segment is `prepared_remarks`.",
        ),
        Flag(
            "speaker_header_written_once",
            "transcript",
            "warning",
            "Speaker header written once",
            "A speaker header stands in one slot only, with a paragraph or a header right after "
            "it; it is read as a header (the turn's other `header_line_*` is null). Check the turn.",
        ),
        Flag(
            "unrecognized_front_matter",
            "transcript",
            "warning",
            "Unrecognized front matter",
            "A line before the first paragraph is neither a title, a label nor the "
            "machine-translation disclaimer; it is kept in `front_matter` with kind `other`.",
        ),
        Flag(
            "number_mismatch",
            "segment",
            "warning",
            "Number mismatch",
            "A number written in digits on one side has no equal on the other, read with its scale "
            "(`$3.9 million` = `390 萬美元`, `1.25 億` = `125 million`, ranges, `%`, quarters and "
            "Chinese numerals count as equal). The evidence names the numbers that disagree.",
            ("sentence",),
            limits=(
                "Numbers written in digits only; a number in words on one side vouches for a digit on the "
                "other but is never reported itself. It cannot see what a number means: its bound, "
                "direction, role, unit or period (the codes below)."
            ),
        ),
        Flag(
            "truncated_translation",
            "segment",
            "warning",
            "Truncated translation",
            "The translation stops early: the English ends a sentence but the Chinese ends without "
            "final punctuation, the last Chinese is less than half as long as its English "
            "predicts, or the last English sentences have no Chinese at all.",
            ("sentence",),
            limits="A translation that drops a middle clause but ends with punctuation is not seen.",
        ),
        Flag(
            "stray_fragment",
            "segment",
            "warning",
            "Stray fragment",
            "A piece of the Chinese has no English sentence of its own (`…提供了安全港。看起來的陳述。`);"
            " it is kept as a sentence unit of its own with an empty English side (a `0-1` unit). In"
            " the seeds every such piece is the end of the previous sentence's translation, split off"
            " by the machine translation (`房子。` of `on the Software Solutions side of the house`):"
            " the evidence quotes the end of that translation when a translated sentence precedes it.",
            ("sentence",),
            limits=(
                "It cannot tell for certain which English sentence a fragment belongs to; it says where the"
                " fragment stands."
            ),
        ),
        Flag(
            "simplified_chars",
            "segment",
            "warning",
            "Simplified characters",
            "The Traditional Chinese text contains Simplified-only characters (a table derived "
            "from OpenCC, in `rust/src/simplified.rs`); the evidence lists them.",
            ("sentence",),
            limits=(
                "Characters the same in both scripts, and Simplified vocabulary written in Traditional "
                "characters, pass."
            ),
        ),
        Flag(
            "number_qualifier",
            "segment",
            "warning",
            "Number qualifier lost or changed",
            "A bound on a number is lost or turned into another: `up to`/`as much as`/`as high as`"
            " (高達、最多、至多), `more than`/`over`/`north of`/`in excess of`/`above` (超過、逾、多於、"
            "以上、多), `at least` (至少), `almost`/`nearly`/`close to` (近、將近、接近、幾乎), `less than`"
            " (不到、低於) stand right before an English number and the Chinese number of the same value"
            " has no qualifier of that kind near it (`up to $35 million` → `剩餘的 3500 萬美元`). The"
            " evidence names the English words, the number on each side and what the Chinese says.",
            ("sentence",),
            limits=(
                "Only a qualifier right before an English number written in digits (`up to $35 million`; "
                "not `up to thirty`, not the garbled `the up $35 million`); a qualifier the Chinese adds is"
                " not flagged."
            ),
        ),
        Flag(
            "approximation_dropped",
            "segment",
            "info",
            "Approximation dropped",
            "`about`/`approximately`/`roughly`/`around` before an English number and no qualifier"
            " at all (約、大約、左右、大概、大致) near the Chinese number of the same value: the figure"
            " reads as exact. Severity `info`: the value is the same, only its hedge is gone.",
            ("sentence",),
            limits="As `number_qualifier`; a hedge the Chinese adds (`約`) is not flagged.",
        ),
        Flag(
            "direction_mismatch",
            "segment",
            "warning",
            "Direction reversed",
            "The change a number measures goes the other way in the Chinese: the English word that"
            " governs it (increase, grow, rise, up, improve, expand ↔ decrease, decline, fall, down,"
            " reduce, narrow) and the Chinese words near the same number (增加、成長、增長、上升、提高、"
            "擴大 ↔ 減少、下降、下滑、降低、縮小、收窄) disagree, and no Chinese word agrees; or the Chinese"
            " states both ends of a change (`從 A 增加到 B`) with a word the values contradict"
            " (`從 150 萬美元增加到 50 萬美元`). A pair whose Chinese has no direction word is not flagged.",
            ("sentence",),
            limits=(
                "Only when the Chinese has a direction word near the number: a direction left out is not "
                "flagged; `improve` in a sentence about a loss or a cost is not read (it may mean a fall)."
            ),
        ),
        Flag(
            "range_role_swap",
            "segment",
            "warning",
            "Start and end swapped",
            "A number that is the end of a change in the English (`to $500 million`) is its start in"
            " the Chinese (`從約 5 億美元`), or the other way round (`from A` ↔ `到 A`/`至 A`), and no"
            " Chinese occurrence of the value keeps the English role. `between A and B` counts as"
            " the start for A.",
            ("sentence",),
            limits=(
                "Only numbers in digits right after `from`/`between`/`to` and"
                " `從`/`由`/`自`/`到`/`至`; a role given by word order alone is not read."
            ),
        ),
        Flag(
            "unit_mismatch",
            "segment",
            "warning",
            "Unit changed",
            "The same number with another unit: percent vs percentage points or basis points"
            " (`%` ↔ `個百分點`、`基點`), energy vs power and their scale (MWh/GWh/MW/GW ↔ 兆瓦時、千兆瓦時、"
            "兆瓦、千兆瓦), or an English amount per share whose Chinese has no `每股`.",
            ("sentence",),
            limits="Only the units listed; a unit the Chinese drops is not flagged (except `每股`).",
        ),
        Flag(
            "period_mismatch",
            "segment",
            "warning",
            "Period changed",
            "The Chinese names another period than the English: a quarter or half replaced by"
            " another (`Q2` → `第三季`), sequential turned into year over year or back (`sequentially`"
            " ↔ 環比、季減 vs `year over year` ↔ 年增、同比、去年同期), or the base of a comparison made"
            " the period itself (`improvement in net loss from Q1` → `第一季的淨虧損`).",
            ("sentence",),
            limits=(
                "Only quarters, halves, sequential and year over year; a wrong year or month is "
                "`number_mismatch`'s; a change of tense (`through 2024` → `到 2024 年`) is not seen."
            ),
        ),
        Flag(
            "term_wrong_sense",
            "segment",
            "warning",
            "Finance term in a wrong sense",
            "An earnings-call term of the finance glossary (`builder/evidence/glossary.json`,"
            " versioned) is rendered by a Chinese word known to be wrong in that sense: `shelf` →"
            " `貨架` (a store shelf), `land and expand` → `土地`, `perpetual` licence → `永續債券`,"
            " `ratable` → `相當可觀`, `at the midpoint` → `中期`. Only known-wrong renderings are"
            " flagged, never the mere absence of a preferred one.",
            ("sentence",),
            limits=(
                "Only the glossary's terms and the renderings it lists as wrong: any other mistranslation "
                "passes."
            ),
        ),
        Flag(
            "doubtful_alignment",
            "sentence",
            "warning",
            "Doubtful alignment",
            "The sentence unit's alignment score is below 0.15, or it joins three or more "
            "sentences (`2-2`, `3-1`, `1-3`): lengths or anchors (numbers, Latin names) disagree or "
            "the translation reordered sentences, so the pairing may be wrong even if it is the "
            "best the paragraph allows.",
            limits="A score ranks units; it is not a probability that the alignment is correct.",
        ),
        Flag(
            "doubtful_speaker",
            "segment",
            "warning",
            "Doubtful speaker",
            "The speaker of this segment may be wrong: its turn's header is written in one slot "
            "only while the call's other headers are written in both (a stray `Operator` line?), "
            "or its Chinese copy is a translation standing right after a paragraph left without "
            "one (that paragraph's translation read as the header's copy?), or a line shaped like "
            "a header was read as a paragraph earlier in the turn. The evidence names the line.",
        ),
    )
}


def codes(scope: Scope) -> list[str]:
    """Return the flag codes of one scope, in catalog order."""
    return [flag.code for flag in CATALOG.values() if scope in flag.scopes]


@cache
def flag_benchmark() -> dict[str, Any]:
    """The measured figures of the flags (``flag_figures.json``, written by
    ``bench/bench_flags.py --write``): catch rate per injected kind, false alarms on the seeds'
    number-bearing units read by hand, and how many of the real errors read there are flagged."""
    text = resources.files("builder").joinpath("flag_figures.json").read_text(encoding="utf-8")
    figures: dict[str, Any] = json.loads(text)
    return figures
