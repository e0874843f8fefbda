"""Pair English paragraphs with their translations and split the call into speaker turns.

Pairing never relies on blind alternation: each line's slot comes from the layout's markup or,
where there is none, from its script. A paragraph whose translation is missing is flagged and
the next line starts afresh; a translation with no paragraph before it rejects the file with
its line number. Either way nothing after the fault shifts into a wrong pair, and a pair that
still looks doubtful (a header-shaped paragraph) is flagged; a translation that copies the English or
whose length cannot match is flagged by the core's findings (``rust/src/findings.rs``).
"""

from __future__ import annotations

from itertools import pairwise

from builder.errors import SourceError
from builder.records import BodyLine, Header, Segment, Slot, Turn
from builder.sources.script import body_slots
from builder.structure.matching import Unmatched, match
from builder.structure.speaker_doubts import flag_doubtful_speakers
from builder.structure.speakers import is_header_copy, looks_like_header, split_header, unusual


class _Pairer:
    """One pass over a file's body lines; ``run`` returns the turns."""

    def __init__(self, name: str, body: tuple[BodyLine, ...]) -> None:
        self.name = name
        self.body = body
        self.n = len(body)
        self.stripped = [line.text.strip() for line in body]
        self.slots: list[Slot | None] = body_slots(body)  # marked, else by script (in the core)
        self.turns: list[Turn] = []
        self.segments = 0
        self._pairs: list[bool | None] = [None] * self.n  # header_pair(i), computed once

    # -- what stands at position i -------------------------------------------------------------

    def header_like(self, i: int) -> bool:
        """A line shaped like ``Name - Title`` (the core's rule, ``rust/src/header.rs``)."""
        return looks_like_header(self.stripped[i])

    def header_pair(self, i: int) -> bool:
        """A header in the English slot with its copy (or translated copy) right after it."""
        known = self._pairs[i]
        if known is None:
            j = i + 1
            known = self._pairs[i] = (
                j < self.n
                and self.body[i].slot != "zh"
                and self.body[j].slot != "en"
                and self.header_like(i)
                and is_header_copy(self.stripped[i], self.stripped[j])
            )
        return known

    def paragraph_or_header_at(self, k: int) -> bool:
        """True at the end, or where an English paragraph or a header starts."""
        return k >= self.n or self.slots[k] != "zh" or self.header_pair(k)

    def untranslated_copy(self, i: int, j: int) -> bool:
        """An unmarked exact copy of line i at j that orphans no Chinese line after it."""
        if self.body[j].slot is not None or self.stripped[j] != self.stripped[i]:
            return False
        k = j + 1
        return not (k < self.n and self.slots[k] == "zh" and not self.header_pair(k))

    def single_header(self, i: int) -> bool:
        """A header written once (either slot) with a paragraph or another header after it."""
        if not self.header_like(i) or not self.paragraph_or_header_at(i + 1):
            return False
        if self.body[i].slot == "zh":
            return True  # bulleted: the English copy is missing
        return i + 1 >= self.n or not self.untranslated_copy(i, i + 1)

    # -- building ------------------------------------------------------------------------------

    def start_turn(self, en: BodyLine | None, zh: BodyLine | None) -> None:
        text = (en or zh).text  # type: ignore[union-attr]
        parts = split_header(text)
        written = [line for line in (en, zh) if line is not None]
        header = Header(
            en.text if en else None,
            zh.text if zh else None,
            parts.name,
            parts.title,
            en.number if en else None,
            zh.number if zh else None,
            tuple(dict.fromkeys(name for line in written for name in unusual(line.text))),
        )
        self.turns.append(Turn(index=len(self.turns), header=header))

    def add_segment(self, i: int, zh: BodyLine | None, doubtful: list[str] | None = None) -> None:
        en = self.body[i]
        if not self.turns:
            self.turns.append(Turn(index=0, header=None))
        turn = self.turns[-1]
        flags = [] if turn.header is not None else ["no_speaker"]
        if zh is None:  # untranslated and length_ratio_outlier: the core's (rust/src/findings.rs)
            flags.append("missing_translation")
        if self.header_like(i):  # already asked by single_header, so answered from the cache
            flags.append("speaker_header_in_text")
        evidence = {}
        if turn.header is not None and turn.header.unusual:
            flags.append("speaker_header_confusable")
            lines = " and ".join(str(n) for n in (turn.header.line_en, turn.header.line_zh) if n is not None)
            evidence["speaker_header_confusable"] = (
                f"header on line {lines}: {', '.join(turn.header.unusual)}"
            )
        if doubtful:
            flags.append("doubtful_pairing")
            evidence["doubtful_pairing"] = "; ".join(doubtful)
        turn.segments.append(
            Segment(
                self.segments,
                turn.index,
                en.text,
                zh.text if zh else None,
                en.number,
                zh.number if zh else None,
                flags,
                evidence,
            )
        )
        self.segments += 1

    def stray_translation(self, i: int) -> SourceError:
        previous = self.body[i - 1] if i else None
        if previous is not None and self.slots[i - 1] == "zh":
            reason = f"a second translation line after line {previous.number} (a doubled translation?)"
        else:
            reason = "translation line with no English paragraph before it (a misplaced line?)"
        return SourceError(self.name, reason, self.body[i].number)

    def takes_translation(self, i: int, j: int) -> bool:
        """Line j is the translation slot after paragraph i: it stands in the Chinese slot
        (marked, written in Chinese, or undecided) or is an unmarked copy that orphans nothing."""
        return (
            j < self.n and not self.header_pair(j) and (self.slots[j] != "en" or self.untranslated_copy(i, j))
        )

    def run(self) -> list[Turn]:
        block: list[tuple[bool, int]] = []  # (is a translation, line index) since the last header
        i = 0
        while i < self.n:
            line = self.body[i]
            if self.header_pair(i):
                self.flush(block)
                self.start_turn(line, self.body[i + 1])
                i += 2
                continue
            after_paragraph = bool(block) and not block[-1][0] and block[-1][1] == i - 1
            if after_paragraph and self.takes_translation(i - 1, i):
                block.append((True, i))
            elif self.single_header(i):
                self.flush(block)
                en, zh = (None, line) if line.slot == "zh" else (line, None)
                self.start_turn(en, zh)
            else:
                block.append((self.slots[i] == "zh", i))
            i += 1
        self.flush(block)
        return self.turns

    def flush(self, block: list[tuple[bool, int]]) -> None:
        """Pair the paragraphs and translations read since the last header into segments."""
        if not block:
            return
        en = [i for is_zh, i in block if not is_zh]
        zh = [i for is_zh, i in block if is_zh]
        regular = len(en) == len(zh) and all(z == e + 1 for e, z in zip(en, zh, strict=True))
        if regular:
            for e, z in zip(en, zh, strict=True):
                self.add_segment(e, self.body[z])
        else:
            self.add_matched(block, en, zh)
        block.clear()

    def add_matched(self, block: list[tuple[bool, int]], en: list[int], zh: list[int]) -> None:
        """Segments of an irregular block, paired by ``matching.match``."""
        for a, b in pairwise(zh):
            if b == a + 1 and self.stripped[a] == self.stripped[b]:
                raise self.stray_translation(b)
        position = {line: k for k, (_, line) in enumerate(block)}
        try:
            found = match(
                [(position[e], self.stripped[e]) for e in en], [(position[z], self.stripped[z]) for z in zh]
            )
        except Unmatched as failure:
            raise self.stray_translation(zh[failure.index]) from None
        for k, e in enumerate(en):
            z = found.pairs.get(k)
            self.add_segment(e, self.body[zh[z]] if z is not None else None, found.doubtful.get(k))


def pair_lines(name: str, body: tuple[BodyLine, ...]) -> list[Turn]:
    """Turn body lines into speaker turns holding their segments, flagging doubtful pairs.

    A speaker header is a header-shaped line with its copy in the Chinese slot (both the core's
    rules, ``rust/src/header.rs``: ``speakers.looks_like_header``, ``is_header_copy``); one
    written once, in either slot, is a header when a paragraph or another header follows it (the
    transcript is flagged). A line in the Chinese slot pairs with the English line before it when it is marked
    as the translation or written in Chinese; a line whose script is undecided pairs when it
    stands in the translation slot; an unmarked line without Chinese pairs only when it is an
    exact copy (flagged ``untranslated``) and no Chinese line follows that it would orphan.
    Otherwise the English line is flagged ``missing_translation`` and the next line is read
    afresh. Two identical unmarked English lines both lacking their translation cannot be told
    from one untranslated pair; they are read as the latter. Turns whose speaker may be wrong
    are flagged ``doubtful_speaker`` (``speaker_doubts``).
    """
    turns = _Pairer(name, body).run()
    flag_doubtful_speakers(turns)
    return turns
