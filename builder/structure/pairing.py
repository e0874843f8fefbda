"""Pair English paragraphs with their translations and split the call into speaker turns.

The rules live in the compiled core (``rust/src/pairing.rs``, the irregular blocks' alignment in
``rust/src/matching.rs``); this module turns its answer into the pipeline's records. Pairing
never relies on blind alternation: each line's slot comes from the layout's markup or, where
there is none, from its script. A paragraph whose translation is missing is flagged and the next
line starts afresh; a translation with no paragraph before it rejects the file with its line
number. Either way nothing after the fault shifts into a wrong pair, and a pair that still looks
doubtful is flagged: ``doubtful_pairing`` where another paragraph of the block would take the
translation at nearly the same cost, ``doubtful_speaker`` on the segments of a turn whose speaker
may be wrong. A translation that copies the English or whose length cannot match is flagged by
the core's findings (``rust/src/findings.rs``).
"""

from __future__ import annotations

from builder import _core
from builder.errors import SourceError
from builder.records import BodyLine, Header, Segment, Turn


def _header(paired: _core.PairedHeader | None) -> Header | None:
    if paired is None:
        return None
    return Header(
        paired.text_en,
        paired.text_zh,
        paired.name,
        paired.title,
        paired.line_en,
        paired.line_zh,
        paired.unusual,
    )


def _turn(paired: _core.PairedTurn) -> Turn:
    index = paired.index
    segments = [
        Segment(s.index, index, s.en, s.zh, s.line_en, s.line_zh, s.flags, s.evidence)
        for s in paired.segments
    ]
    return Turn(index, _header(paired.header), segments)


def pair_lines(name: str, body: tuple[BodyLine, ...]) -> list[Turn]:
    """Turn body lines into speaker turns holding their segments, flagging doubtful pairs.

    A speaker header is a header-shaped line with its copy in the Chinese slot (both the core's
    rules, ``rust/src/header.rs``); one written once, in either slot, is a header when a
    paragraph or another header follows it. A line in the Chinese slot pairs with the English
    line before it when it is marked as the translation or written in Chinese; a line whose
    script is undecided pairs when it stands in the translation slot; an unmarked line without
    Chinese pairs only when it is an exact copy (flagged ``untranslated``) and no Chinese line
    follows that it would orphan. Otherwise the English line is flagged ``missing_translation``
    and the next line is read afresh. Two identical unmarked English lines both lacking their
    translation cannot be told from one untranslated pair; they are read as the latter.

    Raises ``SourceError`` naming the line of a translation no paragraph can take.
    """
    paired = _core.pair_lines(body)
    if isinstance(paired, _core.StrayTranslation):
        raise SourceError(name, paired.reason, paired.line)
    return [_turn(turn) for turn in paired]
