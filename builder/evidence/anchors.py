"""What survives translation, per sentence: length in comparable units, numbers, Latin words.

The Chinese length counts Han characters plus 0.35 per other visible ASCII character (a Latin
name kept as written is about a third as long in Han characters as its English); on the
seeds this makes the Chinese length about 0.27 times the English character count with the
smallest variance of the measures tried.

Each sentence's features are handed once to the compiled core (``builder._core.Sentence``),
where the costs of ``builder/evidence/cost.py`` and the aligner's search read them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from builder._core import Sentence
from builder.evidence.numbers import Number, en_strong, en_weak, values_of, zh_strong, zh_weak
from builder.sources.script import HAN_RANGES

_NOT_HAN = re.compile(f"[^{HAN_RANGES}]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&'\-]*[A-Za-z0-9]")


class Features:
    """The alignment's view of one sentence: its text, length, numbers in digits and Latin
    words, and ``core``, the same handed to the compiled core (with the lower-cased text the
    Latin words are looked up in); the values of its weak numbers (words, Chinese numerals)
    are found only when a bead needs them."""

    __slots__ = ("core", "latin", "length", "numbers", "text")

    def __init__(
        self,
        text: str,
        length: float,
        numbers: list[Number],
        latin: frozenset[str],
        lower: str,
        weak: Callable[[str], list[Number]],
    ) -> None:
        self.text = text
        self.length = length
        self.numbers = numbers
        self.latin = latin
        values = [list(n.values) for n in numbers]
        self.core = Sentence(length, values, list(latin), lower, partial(_weak_values, weak, text))


def _weak_values(weak: Callable[[str], list[Number]], text: str) -> list[float]:
    """Values of the text's weak numbers (called by the core, at most once per sentence)."""
    return list(values_of(weak(text)))


def en_features(text: str) -> Features:
    """Length, numbers in digits and lower-cased text of an English sentence."""
    return Features(text, float(len(text)), en_strong(text), frozenset(), text.lower(), en_weak)


def zh_length(text: str) -> float:
    """Length of a Chinese text in Han characters, Latin and digits counted at 0.35."""
    visible_ascii = len(text.encode("ascii", "ignore")) - text.count(" ")
    if text.isascii():
        return 0.35 * visible_ascii
    return len(_NOT_HAN.sub("", text)) + 0.35 * visible_ascii


def zh_features(text: str) -> Features:
    """Length, numbers in digits and Latin words (lower-cased) of a Chinese sentence."""
    latin = frozenset(w.lower() for w in _LATIN.findall(text))
    return Features(text, zh_length(text), zh_strong(text), latin, "", zh_weak)
