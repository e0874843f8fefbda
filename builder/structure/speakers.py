"""Speaker header lines: ``Name - Title`` (or ``Operator``) written once in each slot.

The rules live in the compiled core (``rust/src/header.rs``), where the layouts' test reads a
header written twice with them too; this module is their Python API. A header may be disguised
with a Cyrillic or Greek letter that looks Latin (``Еyal``), a right-to-left override or a
left-to-right mark, a combining mark, a soft hyphen, or a minus sign (U+2212) as its dash:
headers are matched on a folded form so that such a header is still read as one and the person
does not split in two, and ``unusual`` names the characters, the evidence of the
``speaker_header_confusable`` flag.
"""

from __future__ import annotations

from builder import _core

#: How headers compare: look-alike and hidden characters folded, invisible characters and
#: Chinese aliases in parentheses removed, runs of whitespace collapsed, and an em dash, or a
#: hyphen or en dash with a blank on either side, read as `` - `` (``Jean-Pierre`` keeps its
#: hyphen).
normalize = _core.normalize_header
#: ``Operator``, ``Moderator``, ``Host`` and the usual ``Unidentified …`` names.
is_known_speaker = _core.is_known_speaker
#: A header's ``name`` and ``title`` (None when absent), normalized.
split_header = _core.split_header
#: True for the call's operator or moderator (a name compared without case).
is_operator = _core.is_operator
#: True when a line has the shape of a speaker header: ``Operator`` and the usual
#: ``Unidentified …`` names, or a short name of capitalized words (initials allowed) followed by
#: `` - `` and a title, with no sentence ending. A bare name without a title is not taken for a
#: header: an untranslated short line (``Thank You``, ``(Operator Instructions)``) written twice
#: must stay a flagged paragraph.
looks_like_header = _core.looks_like_header
#: True when a line, after a header, is its copy in the Chinese slot: the same text once
#: normalized, a copy with the same name (a translated title, a Chinese alias in parentheses), a
#: translated ``姓名 - 職稱``, or for ``Operator`` and the like a short Chinese word, never a line
#: with sentence or bracket punctuation.
is_header_copy = _core.is_header_copy
#: The look-alike, hidden and combining characters of a header line, each once, named
#: (``U+0415 CYRILLIC CAPITAL LETTER IE``, by ``unicodedata.name``).
unusual = _core.unusual_names
