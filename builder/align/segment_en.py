"""English sentence segmentation: character spans of the sentences of a paragraph.

A sentence ends at ``.``, ``?``, ``!`` or an ellipsis (with any closing quotes or brackets)
followed by whitespace, unless the full stop belongs to a title (``Mr.``), a number label
(``No. 5``) or initials (``K.C. Ambrecht``, ``B. Riley``). An initialism or a company suffix
(``U.S.``, ``Inc.``) ends a sentence only when the next word is one that starts sentences
(``U.S. So there's…``) rather than a name or a lower-case word (``U.S. relative to``).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a text block."""
    return frozenset(text.split())


Span = tuple[int, int]

#: Candidate ends: terminal punctuation, closing quotes/brackets, then whitespace.
_END = re.compile(r"(?:[.?!]+|…)[\"'”’)\]]*(?=\s)")
#: Abbreviations after which a full stop never ends a sentence (titles, labels).
_NEVER = _words(
    """
    mr mrs ms dr prof st sr jr gen gov sen rep lt col capt sgt hon rev messrs mssrs vs no nos
    approx est fig figs vol op pp p e.g i.e cf al
    """
)
#: Abbreviations that end a sentence only before a sentence-starting word.
_MAYBE = _words(
    """
    inc corp co ltd llc plc l.p lp bros etc jan feb mar apr jun jul aug sep sept oct nov dec u.s
    u.k u.s.a e.u a.m p.m
    """
)
#: Words that start sentences far more often than they follow an initial or an abbreviation.
STARTERS = _words(
    """
    a an and as at but so the this that these those there then thank thanks we i it it's its our
    in on for if or of yes no now well okay ok sure good great let let's with what when where
    why how who which you your they their he she his her my me us all also again after before
    because first second third finally next last just maybe perhaps overall today operator
    please moving turning looking go from by given while although though since do does did is
    are was were has have had can could would should will may might not one two three lastly
    additionally however further furthermore moreover meanwhile right hi hello yeah got great
    understood fair each every some many most any both either neither another other here still
    even only once instead otherwise indeed clearly obviously certainly actually basically
    frankly honestly generally typically similarly specifically importantly notably going
    speaking having being based including despite during through over under about across within
    without into against among between unless until whether yet nor
    """
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]*([A-Za-z][A-Za-z']*|[0-9])")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")


def _is_end(text: str, start: int, end: int) -> bool:
    """Whether the punctuation at ``text[start:end]`` closes a sentence."""
    mark = text[start]
    if mark != "." or text.startswith("...", start):
        if mark == "…" or text.startswith("...", start):
            return _starts_sentence(text, end, strict=False)
        return True
    before = _WORD_BEFORE.search(text[max(0, start - 24) : start])  # a bounded window
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    if word in _NEVER and (word != "no" or _next_is_digit(text, end)):
        return False
    if word in _MAYBE or _INITIALS.match(word):
        return _starts_sentence(text, end, strict=True)
    return True


def _next_is_digit(text: str, end: int) -> bool:
    match = _NEXT_WORD.match(text, end)
    return bool(match and match.group(1).isdigit())


def _starts_sentence(text: str, end: int, strict: bool) -> bool:
    """Whether the word after ``end`` opens a sentence: capitalized, and with ``strict`` a word
    from ``STARTERS`` (names are capitalized too)."""
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return end >= len(text.rstrip())
    word = match.group(1)
    if not word[0].isupper() and not word[0].isdigit():
        return False
    return not strict or word.lower() in STARTERS


def split_en(text: str) -> list[Span]:
    """Spans of the sentences of an English paragraph, stripped of surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(text):
        if _is_end(text, match.start(), match.end()):
            _add(text, start, match.end(), spans)
            start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append ``text[start:end]`` stripped, when anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
