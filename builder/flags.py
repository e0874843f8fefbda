"""The catalog of data flags: stable codes for what a record carries as a warning.

Flags are data, not filters: a flagged record is kept and the flag is stored with it.
Codes never change meaning once released; add new codes instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
        ),
        Flag(
            "untranslated",
            "segment",
            "warning",
            "Untranslated",
            "The Chinese slot holds a copy of the English paragraph or contains no Chinese character."
            " In a sentence unit: the Chinese side has no Chinese character or copies the English.",
            ("sentence",),
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
            "could be (character ratio outside 0.1–2.0): the pair may be misaligned."
            " In a sentence unit: the Chinese is less than 0.4 or more than 2.5 times the length "
            "the English predicts (Han characters, Latin at 0.35, against 0.268 per English character).",
            ("sentence",),
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
        ),
        Flag(
            "stray_fragment",
            "segment",
            "warning",
            "Stray fragment",
            "A piece of the Chinese translates nothing in the English (`…提供了安全港。看起來的陳述。`); "
            "it is kept as a sentence unit of its own with an empty English side (a `0-1` unit).",
            ("sentence",),
        ),
        Flag(
            "simplified_chars",
            "segment",
            "warning",
            "Simplified characters",
            "The Traditional Chinese text contains Simplified-only characters (a table derived "
            "from OpenCC, in `rust/src/simplified.rs`); the evidence lists them.",
            ("sentence",),
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
