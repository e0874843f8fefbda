"""Translation-quality findings of a paragraph pair and of its aligned units.

Each finding is a flag code from the catalog (``builder/flags.py``) with its evidence: what
disagreed, in a short string a reader can check against the texts. Findings are data: the
caller stores them next to the row; nothing is dropped. The rules (``number_mismatch``,
``missing_translation``, ``untranslated``, ``truncated_translation``, ``stray_fragment``,
``length_ratio_outlier``, ``simplified_chars``, ``doubtful_alignment``, the codes a unit
inherits from its segment, and what numbers and terms mean: ``number_qualifier``,
``approximation_dropped``, ``direction_mismatch``, ``range_role_swap``, ``unit_mismatch``,
``period_mismatch`` in ``rust/src/meaning.rs``, ``term_wrong_sense`` over the glossary in
``rust/src/glossary.rs``) live in the compiled core (``rust/src/findings.rs``); this module is
their Python API.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import NamedTuple

from builder import _core
from builder.align.units import Unit
from builder.evidence.glossary import glossary_text
from builder.flags import codes
from builder.schema.files import load_schema

#: The codes a number or a term raises: `number_mismatch` and what numbers and terms mean.
NUMBER_AND_TERM_CODES: tuple[str, ...] = ("number_mismatch", *_core.MEANING_CODES)


class Finding(NamedTuple):
    """A flag code and the evidence for it."""

    code: str
    evidence: str


@dataclass(frozen=True, slots=True)
class AlignedSegment:
    """A segment's findings (catalog order), its units and each unit's findings."""

    findings: list[Finding]
    units: list[Unit]
    unit_findings: list[list[Finding]]


_ALIGNER = _core.SegmentAligner(
    codes("sentence"),
    codes("segment"),
    json.dumps(load_schema("sentences")),
    json.dumps(load_schema("segments")),
    glossary_text(),
)


def segment_aligner() -> _core.SegmentAligner:
    """The process's aligner: the catalog's codes and the ``sentences`` and ``segments``
    schemas, compiled once."""
    return _ALIGNER


def align_segment(
    en: str, zh: str | None, flags: list[str], given: dict[str, str] | None = None
) -> AlignedSegment:
    """Align a segment's paragraphs and find what its text and its units show: the segment's
    findings, its units and each unit's findings.

    ``flags`` are the codes the structure stage set; ``given`` the evidence it found for codes
    the text alone cannot explain."""
    found = _ALIGNER.align(en, zh, flags, given or {})
    return AlignedSegment(
        _findings(found.findings),
        [Unit.from_core(unit) for unit in found.units],
        [_findings(unit_found) for unit_found in found.unit_findings],
    )


def _findings(found: list[_core.Finding]) -> list[Finding]:
    return [Finding(f.code, f.evidence) for f in found]
