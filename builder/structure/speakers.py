"""Speaker header lines: ``Name - Title`` (or ``Operator``) written once in each slot."""

from __future__ import annotations

import re
from functools import lru_cache

from builder.sources import OPERATOR_NAMES
from builder.sources.script import HAN_CLASS, HIDDEN, INVISIBLE
from builder.structure.confusables import fold

_KNOWN = re.compile(
    rf"^(?:{'|'.join(sorted(OPERATOR_NAMES))}|host"
    r"|unidentified (?:analyst|participant|speaker|company representative|corporate participant)"
    r"|unknown (?:speaker|analyst|participant))$",
    re.I,
)
_NAME_WORD = re.compile(
    r"^\[?(?:[A-Z][\w'’.\-\u2010-\u2013]*|[A-Z]\.(?:[A-Z]\.)*|(?:van|von|de|da|di|del|der|la|le|du|bin|al))"
    r"\]?,?$"
)
_SENTENCE_END = ".?!。？！:;,"
_TITLE_SPLIT = " - "


_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
_ALIAS = re.compile(rf"[(（][^)）]*[{HAN_CLASS}][^)）]*[)）]")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_DASH = re.compile(r"\s*\u2014\s*|\s+[-\u2010-\u2013]\s*|\s*[-\u2010-\u2013]\s+")


def normalize(text: str) -> str:
    """How headers compare: look-alike and hidden characters folded (``confusables.fold``),
    invisible characters and Chinese aliases in parentheses removed, runs of whitespace
    collapsed, and an em dash, or a hyphen or en dash with a blank on either side, read as
    `` - `` (``Jean-Pierre`` keeps its hyphen)."""
    text = _DASH.sub(" - ", _ALIAS.sub(" ", fold(text).translate(_INVISIBLE)))
    return " ".join(text.split())


def is_known_speaker(text: str) -> bool:
    """``Operator``, ``Moderator`` and the usual ``Unidentified …`` names."""
    return _KNOWN.match(normalize(text)) is not None


@lru_cache(maxsize=8192)
def split_header(text: str) -> tuple[str, str | None]:
    """Split ``Name - Title`` into its name and title (title is None when absent), whitespace
    normalized."""
    name, sep, title = normalize(text).partition(_TITLE_SPLIT)
    return name.strip(), (title.strip() or None) if sep else None


def is_operator(name: str | None) -> bool:
    """True for the call's operator or moderator."""
    return name is not None and name.strip().lower() in OPERATOR_NAMES


@lru_cache(maxsize=8192)
def looks_like_header(text: str) -> bool:
    """True when a line has the shape of a speaker header.

    ``Operator`` and the usual ``Unidentified …`` names, or a short name of capitalized words
    (initials allowed) followed by `` - `` and a title, with no sentence ending. A bare name
    without a title is not taken for a header: an untranslated short line (``Thank You``,
    ``(Operator Instructions)``) written twice must stay a flagged paragraph.
    """
    # Cheap checks first: most lines are long, end a sentence, or hold no dash to split a title.
    if len(text) > 200 or text.rstrip(" \t" + HIDDEN)[-1:] in _SENTENCE_END:
        return False
    text = fold(text)
    first = text.lstrip(" \t" + INVISIBLE)[:1]
    if not ((first.isascii() and first.isalpha()) or first == "["):
        return False  # names start with a Latin letter (or "[" for an uncertain one)
    if len(text) > 40 and (text.count(" ") > 16 or not any(dash in text for dash in _DASHES)):
        return False  # a name of six words at most and a title: no more than a few blanks
    stripped = normalize(text)
    if not stripped or len(stripped) > 160:
        return False
    if _KNOWN.match(stripped):
        return True
    name, title = split_header(stripped)
    if title is None:
        return False
    words = name.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in name):
        return False
    return all(_NAME_WORD.match(word) for word in words)
