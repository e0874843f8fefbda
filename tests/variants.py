"""Variants of the seeds that must build: derived from the raw files, never stored.

Each variant is a function from a seed's lines to the variant's lines, in either layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from opencc import OpenCC

from builder.sources.script import has_cjk

Variant = Callable[[list[str]], list[str]]

_TO_SIMPLIFIED = OpenCC("t2s")
#: Disclaimer wordings seen on other sources of the same kind.
DISCLAIMERS = (
    "免責聲明：本中文內容由機器翻譯產生，僅供參考。",
    "注意：中文為 DeepL 機器翻譯，內容以英文原文為準",
    "Disclaimer: the Chinese text is machine-translated by Google and provided for reference only.",
)
_QA_OPENING = re.compile(r"question-and-answer session|begin the Q&A|Your first question")


def _bulleted(lines: list[str]) -> bool:
    return any(line.startswith("  •") for line in lines)


def simplified(lines: list[str]) -> list[str]:
    """The disclaimer and every translation in Simplified Chinese."""
    return [_TO_SIMPLIFIED.convert(line) if has_cjk(line) else line for line in lines]


def other_disclaimer(wording: int) -> Variant:
    """The disclaimer line replaced by another wording."""

    def variant(lines: list[str]) -> list[str]:
        at = next(i for i, line in enumerate(lines) if "警語" in line)
        return [*lines[:at], DISCLAIMERS[wording], *lines[at + 1 :]]

    return variant


def en_dash_headers(lines: list[str]) -> list[str]:
    """Speaker headers written ``Name – Title`` with an en dash."""
    return [line.replace(" - ", " – ") for line in lines]


def english_only(lines: list[str]) -> list[str]:
    """Every Chinese line gone: front matter in Chinese, translations, Chinese header copies."""
    kept: list[str] = []
    for line in lines:
        if has_cjk(line):
            if kept and _bulleted(lines) and not kept[-1].strip():
                kept.pop()  # the blank line the bulleted layout puts before each line
            continue
        kept.append(line)
    return kept


def without_qa(lines: list[str]) -> list[str]:
    """The call cut where the operator opens the questions, the header lines before that
    paragraph dropped too: prepared remarks only."""
    kept = lines[: next(i for i, line in enumerate(lines) if _QA_OPENING.search(line))]
    while kept and (not kept[-1].strip() or (len(kept[-1]) < 60 and kept[-1].rstrip()[-1] not in ".。?？!")):
        kept.pop()  # blank lines and the operator's header copies
    return kept


VARIANTS: dict[str, Variant] = {
    "simplified": simplified,
    "disclaimer-a": other_disclaimer(0),
    "disclaimer-b": other_disclaimer(1),
    "disclaimer-c": other_disclaimer(2),
    "en-dash headers": en_dash_headers,
    "english only": english_only,
    "without Q&A": without_qa,
}


# -- the two layouts ----------------------------------------------------------------------------

BULLET, INDENT = "  • ", "    "


def is_bulleted(lines: list[str]) -> bool:
    """The bulleted layout: paragraphs as ``  •`` lines, translations indented, blank lines between."""
    return _bulleted(lines)


def _slots(lines: list[str]) -> dict[int, str]:
    """Each body line's slot (``en`` or ``zh``) by line number, as the build reads the file."""
    from builder.sources import parse_source
    from builder.structure import build_transcript

    transcript = build_transcript(parse_source("t.txt", "\n".join(lines).encode()))
    slots: dict[int, str] = {}
    for turn in transcript.turns:
        if turn.header is not None:
            slots.update({n: s for n, s in ((turn.header.line_en, "en"), (turn.header.line_zh, "zh")) if n})
        for segment in turn.segments:
            slots[segment.line_en] = "en"
            if segment.line_zh is not None:
                slots[segment.line_zh] = "zh"
    return slots


def bulleted(lines: list[str]) -> list[str]:
    """A plain seed written in the bulleted layout: each paragraph and header copy a ``  •``
    line, each translation and Chinese header copy indented, a blank line after every line."""
    if is_bulleted(lines):
        return list(lines)
    slots = _slots(lines)
    out: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        slot = slots.get(number)
        out += [(BULLET if slot == "en" else INDENT if slot == "zh" else "") + line, ""]
    return out


def plain(lines: list[str]) -> list[str]:
    """A bulleted seed written in the plain layout: one line each, no blank lines, no marks."""
    if not is_bulleted(lines):
        return list(lines)
    return [line.removeprefix(BULLET).removeprefix(INDENT) for line in lines if line.strip()]


#: Each seed can be swept in either layout.
LAYOUTS: dict[str, Variant] = {"plain": plain, "bulleted": bulleted}
