"""The catalog of data flags: stable codes for what a record carries as a warning.

Flags are data, not filters: a flagged record is kept and the flag is stored with it.
Codes never change meaning once released; add new codes instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["warning", "info"]
Scope = Literal["segment", "transcript"]


@dataclass(frozen=True, slots=True)
class Flag:
    """One kind of data problem: its stable code, where it applies, and what it means."""

    code: str
    scope: Scope
    severity: Severity
    title: str
    description: str


CATALOG: dict[str, Flag] = {
    flag.code: flag
    for flag in (
        Flag(
            "missing_translation",
            "segment",
            "warning",
            "Missing translation",
            "The English paragraph has no Chinese line after it in the source; `zh` is null.",
        ),
        Flag(
            "untranslated",
            "segment",
            "warning",
            "Untranslated",
            "The Chinese slot holds a copy of the English paragraph or contains no Chinese character.",
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
            "of the paragraphs after it may be wrong.",
        ),
        Flag(
            "length_ratio_outlier",
            "segment",
            "warning",
            "Length ratio outlier",
            "The Chinese side is far shorter or longer than any translation of the English "
            "could be (character ratio outside 0.1–2.0): the pair may be misaligned.",
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
    )
}


def codes(scope: Scope) -> list[str]:
    """Return the flag codes of one scope, in catalog order."""
    return [flag.code for flag in CATALOG.values() if flag.scope == scope]
