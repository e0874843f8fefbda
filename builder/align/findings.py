"""Translation-quality findings of a paragraph pair and of its aligned units.

Each finding is a flag code from the catalog (``builder/flags.py``) with its evidence: what
disagreed, in a short string a reader can check against the texts. Findings are data: the
caller stores them next to the row; nothing is dropped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from builder.align.units import Unit
from builder.evidence.anchors import zh_length
from builder.evidence.cost import RATIO, SMOOTH
from builder.evidence.numbers import unmatched
from builder.evidence.simplified import simplified_chars
from builder.flags import codes
from builder.sources.script import has_han

#: Below this alignment score a paired unit is flagged ``doubtful_alignment``; so are the
#: rare kinds, where the translation merged or reordered three or more sentences.
DOUBTFUL_SCORE = 0.15
DOUBTFUL_KINDS = frozenset({"2-2", "3-1", "1-3"})
#: The last paired unit of a paragraph with less Chinese than this share of what its English
#: predicts is a truncated translation.
TRUNCATED_RATIO = 0.5
#: A paired unit's Chinese length over what its English predicts, outside this range, is an
#: outlier (smoothed by 5 units on both sides, as the aligner does).
UNIT_RATIO_RANGE = (0.4, 2.5)
_FINAL = frozenset("。！？.?!…」』”’\"')）")
_SENTENCE_CODES = codes("sentence")
_SEGMENT_CODES = codes("segment")


class Finding(NamedTuple):
    """A flag code and the evidence for it."""

    code: str
    evidence: str


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _numbers(en_text: str, zh_text: str) -> Finding | None:
    missing_en, missing_zh = unmatched(en_text, zh_text)
    return _describe([n.text for n in missing_en], [n.text for n in missing_zh])


def _describe(missing_en: Sequence[str], missing_zh: Sequence[str]) -> Finding | None:
    parts = []
    if missing_en:
        parts.append("en " + ", ".join(f"`{n}`" for n in missing_en) + " not in zh")
    if missing_zh:
        parts.append("zh " + ", ".join(f"`{n}`" for n in missing_zh) + " not in en")
    return Finding("number_mismatch", "; ".join(parts)) if parts else None


def _untranslated(en: str, zh: str) -> Finding | None:
    if zh.strip() == en.strip():
        return Finding("untranslated", "zh copies the English")
    if not has_han(zh):
        return Finding("untranslated", f"zh has no Chinese character: `{_clip(zh)}`")
    return None


def _simplified(zh: str) -> Finding | None:
    found = simplified_chars(zh)
    return Finding("simplified_chars", "".join(found)) if found else None


def _ends_open(text: str) -> bool:
    """True when a text ends without final punctuation."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] not in _FINAL


def unit_findings(
    units: list[Unit], inherited: list[str], check_simplified: bool = True
) -> list[list[Finding]]:
    """Findings of each unit of one paragraph pair, in catalog order.

    ``inherited`` are the segment's codes a unit carries as well (``speaker_header_in_text``,
    ``untranslated`` of the whole paragraph). ``check_simplified`` may be turned off when the
    whole paragraph has no Simplified character."""
    carried = [Finding(code, "set on the segment") for code in inherited if code in _SENTENCE_CODES]
    last_zh = max((k for k, u in enumerate(units) if u.zh), default=-1)
    out = []
    for k, unit in enumerate(units):
        found = list(carried)
        if unit.en and not unit.zh:
            if k > last_zh and last_zh >= 0:
                found.append(Finding("truncated_translation", "the translation stops before this sentence"))
            found.append(Finding("missing_translation", f"no Chinese for `{_clip(unit.en)}`"))
        elif unit.zh and not unit.en:
            found.append(Finding("stray_fragment", f"`{_clip(unit.zh)}` translates nothing in the English"))
        else:
            numbers = _describe(unit.en_missing, unit.zh_missing)
            found += [f for f in (_untranslated(unit.en, unit.zh), numbers) if f]
            expected = RATIO * len(unit.en)
            ratio = (zh_length(unit.zh) + SMOOTH) / (expected + SMOOTH)
            if not UNIT_RATIO_RANGE[0] <= ratio <= UNIT_RATIO_RANGE[1]:
                found.append(Finding("length_ratio_outlier", f"zh is {ratio:.2f}× the expected length"))
            if k == last_zh and _ends_open(unit.zh) and not _ends_open(unit.en):
                found.append(Finding("truncated_translation", f"zh ends mid-sentence: `…{unit.zh[-20:]}`"))
            elif k == last_zh and ratio < TRUNCATED_RATIO:
                found.append(
                    Finding("truncated_translation", f"the last zh is {ratio:.2f}× the expected length")
                )
            if unit.score < DOUBTFUL_SCORE or unit.kind in DOUBTFUL_KINDS:
                found.append(Finding("doubtful_alignment", f"score {unit.score:.3f} ({unit.kind})"))
        if unit.zh and check_simplified and (simplified := _simplified(unit.zh)):
            found.append(simplified)
        out.append(_ordered(found, _SENTENCE_CODES))
    return out


def segment_findings(
    en: str,
    zh: str | None,
    flags: list[str],
    units: list[Unit],
    per_unit: list[list[Finding]],
    given: dict[str, str] | None = None,
) -> list[Finding]:
    """Findings of a paragraph pair: evidence for the flags it already has (``given`` holds what
    the structure stage found for codes the text alone cannot explain), and the quality codes
    its text and its units show."""
    given = given or {}
    found = [Finding(code, given.get(code) or _structural_evidence(code, en, zh)) for code in flags]
    if zh is not None:
        if any(u.en_missing or u.zh_missing or not u.paired for u in units) and (numbers := _numbers(en, zh)):
            found.append(numbers)
        seen = {f.code for f in found}
        for code in ("truncated_translation", "stray_fragment"):
            if code not in seen:
                evidence = [f.evidence for fs in per_unit for f in fs if f.code == code]
                if evidence:
                    found.append(Finding(code, "; ".join(evidence)))
        if (simplified := _simplified(zh)) is not None:
            found.append(simplified)
    return _ordered(found, _SEGMENT_CODES)


def _structural_evidence(code: str, en: str, zh: str | None) -> str:
    """Evidence for the flags the structure stage sets on a segment."""
    if code == "missing_translation":
        return "no Chinese line follows the English paragraph"
    if code == "untranslated":
        return "zh copies the English" if zh == en else f"zh has no Chinese character: `{_clip(zh or '')}`"
    if code == "length_ratio_outlier":
        ratio = len(zh or "") / max(len(en), 1)
        return f"zh/en characters = {ratio:.2f}"
    if code == "speaker_header_in_text":
        return f"`{_clip(en)}`"
    return "before the first speaker header" if code == "no_speaker" else code


def _ordered(found: list[Finding], order: list[str]) -> list[Finding]:
    """One finding per code, in catalog order (evidence of repeated codes joined)."""
    merged: dict[str, list[str]] = {}
    for finding in found:
        merged.setdefault(finding.code, []).append(finding.evidence)
    return [Finding(code, "; ".join(merged[code])) for code in order if code in merged]


def score_bucket(score: float) -> str:
    """The tenth of [0, 1] a score falls in, as a label (``0.9-1.0``)."""
    low = min(math.floor(score * 10), 9) / 10
    return f"{low:.1f}-{low + 0.1:.1f}"
