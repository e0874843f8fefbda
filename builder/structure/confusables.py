"""Characters that make a speaker header look like another or hide in it.

A header may be written with a Cyrillic or Greek letter that looks Latin (``Еyal``), a
right-to-left override or a left-to-right mark, a combining mark, a soft hyphen, or a minus
sign (U+2212) as its dash. Headers are matched on a folded form (``fold``) so that such a
header is still read as one and the person does not split in two; ``unusual`` names the
characters, which become the evidence of the ``speaker_header_confusable`` flag.
"""

from __future__ import annotations

import re
import unicodedata

from builder.sources.script import HIDDEN

#: Letters of other scripts that look like Latin ones.
_LOOKALIKE = dict(
    zip(
        "АВЕКМНОРСТХаеорсухіјѕІЈЅԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρτυχ",
        "ABEKMHOPCTXaeopcyxijsIJSdqwABEZHIKMNOPTYXoikvptux",
        strict=True,
    )
)
_FOLD = str.maketrans({**{k: v for k, v in _LOOKALIKE.items()}, "\u2212": "-", **dict.fromkeys(HIDDEN)})
_SUSPECT = frozenset(_LOOKALIKE) | frozenset(HIDDEN) | {"\u2212"}
#: A quick test for lines that need folding: the characters above, and the combining marks'
#: blocks (diacritics, extended, supplement, for symbols, half marks).
_NEEDS_FOLD = re.compile(
    "[" + "".join(sorted(_SUSPECT)) + "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def _combining(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


def unusual(text: str) -> list[str]:
    """The look-alike, hidden and combining characters of a header line, each once, named."""
    if text.isascii():  # none of them is ASCII
        return []
    found = dict.fromkeys(ch for ch in text if ch in _SUSPECT or _combining(ch))
    return [f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}" for ch in found]


def fold(text: str) -> str:
    """Look-alikes read as the Latin letters they imitate, hidden characters removed, a minus
    read as a hyphen, combining marks dropped (a precomposed ``é`` is kept)."""
    if text.isascii() or _NEEDS_FOLD.search(text) is None:
        return text
    folded = text.translate(_FOLD)
    if any(_combining(ch) for ch in folded):
        folded = unicodedata.normalize("NFC", "".join(ch for ch in folded if not _combining(ch)))
    return folded
