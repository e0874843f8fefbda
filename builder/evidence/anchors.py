"""What survives translation, per sentence: length in comparable units, numbers, Latin words.

The Chinese length counts Han characters plus 0.35 per other visible ASCII character (a Latin
name kept as written is about a third as long in Han characters as its English); on the
seeds this makes the Chinese length about 0.27 times the English character count with the
smallest variance of the measures tried.

The rules live in the compiled core (``rust/src/anchors.rs``, the numbers in
``rust/src/numbers.rs``): each sentence is built there once (``builder._core.Sentence``), where
the costs of ``builder/evidence/cost.py`` and the aligner's search read it; this module is their
Python API.
"""

from __future__ import annotations

from builder import _core
from builder._core import Sentence
from builder.evidence.numbers import Number, numbers_of


class Features:
    """The alignment's view of one sentence: its text, length, numbers in digits and Latin
    words (lower-cased), and ``core``, the same as the compiled core holds them (with the
    lower-cased text the Latin words are looked up in); the values of its weak numbers (words,
    Chinese numerals) are found by the core only when a bead needs them. ``numbers`` and
    ``latin`` are read from the core on first use."""

    __slots__ = ("_latin", "_numbers", "core", "length", "text")

    def __init__(self, text: str, core: Sentence) -> None:
        self.text = text
        self.core = core
        self.length = core.length
        self._numbers: list[Number] | None = None
        self._latin: frozenset[str] | None = None

    @property
    def numbers(self) -> list[Number]:
        """The numbers written in digits, in text order."""
        if self._numbers is None:
            self._numbers = numbers_of(self.core.numbers)
        return self._numbers

    @property
    def latin(self) -> frozenset[str]:
        """The Latin words of a Chinese sentence, lower-cased; empty for English."""
        if self._latin is None:
            self._latin = frozenset(self.core.latin)
        return self._latin


def en_features(text: str) -> Features:
    """Length, numbers in digits and lower-cased text of an English sentence."""
    return Features(text, _core.en_sentence(text))


def zh_length(text: str) -> float:
    """Length of a Chinese text in Han characters, Latin and digits counted at 0.35."""
    return _core.zh_length(text)


def zh_features(text: str) -> Features:
    """Length, numbers in digits and Latin words (lower-cased) of a Chinese sentence."""
    return Features(text, _core.zh_sentence(text))
