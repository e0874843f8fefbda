"""Position sweeps: the edits a careless or hostile source makes to a seed, and the judge that
tells a correct, flagged, refused or silently wrong result apart.

A sweep edits a seed (in either layout, ``variants.LAYOUTS``) at one segment at a time:

- ``short``: a short English line (``Sure.``) inserted between a paragraph and its translation,
  or after the translation;
- ``move``: a translation moved after the next paragraph, whose own translation is gone;
- ``delete``: a translation deleted;
- ``operator``: a stray ``Operator`` line inserted between a paragraph and its translation, or
  after the translation.

**Silent wrong**, precisely: the unmodified seed's segments are the truth, each an (English,
Chinese, speaker) triple, the speaker being the name of its turn's header. An edit changes the
truth only where it removes a translation (``delete``: that paragraph's Chinese is None;
``move``: the second paragraph's Chinese is None, the first keeps its own). After the edit,
every segment of an original paragraph (matched in order by its English; the inserted lines'
own segments set apart) is compared with its truth. A segment whose Chinese differs must carry
a pairing flag (``PAIRING_FLAGS``); one whose speaker differs must carry a speaker flag
(``SPEAKER_FLAGS``); an inserted line that takes a translation, and any other line read as a
paragraph (a translation cut off from its paragraph), must carry a pairing flag. A paragraph
lost is silent wrong. A file refused with a one-line ``SourceError`` is
not. Each position's outcome is ``correct`` (every segment right), ``flagged`` (something
wrong, all of it flagged), ``refused`` or ``silent``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from variants import BULLET, is_bulleted

from builder.errors import SourceError
from builder.records import Segment, Transcript
from builder.sources import parse_source
from builder.structure import build_transcript

SEEDS = ("rekor-systems-2021-q3.txt", "stem-2024-q4.txt", "crexendo-cxdo-2023-q2.txt")
KINDS = ("short", "move", "delete", "operator")
SHORT = ("Sure.", "Okay.", "Right.", "Yes.")
PAIRING_FLAGS = frozenset({"doubtful_pairing", "missing_translation", "speaker_header_in_text"})
SPEAKER_FLAGS = frozenset({"doubtful_speaker", "speaker_header_in_text", "no_speaker"})
#: Flags that say a right segment may be wrong (counted as noise on a correct result).
NEW_FLAGS = frozenset({"doubtful_pairing", "doubtful_speaker"})

Outcome = Literal["correct", "flagged", "refused", "silent"]


@dataclass(frozen=True, slots=True)
class Truth:
    """What a paragraph should read as: its English, its Chinese and its speaker."""

    en: str
    zh: str | None
    speaker: str | None
    #: The flags the unmodified seed gives the segment (not part of the truth).
    flags: frozenset[str] = field(default=frozenset(), compare=False)


@dataclass(frozen=True, slots=True)
class Edit:
    """One edited file: what was done where, its lines, each original paragraph's truth after
    the edit, and the line numbers (1-based) of the lines the edit inserted."""

    kind: str
    segment: int
    lines: list[str]
    truth: list[Truth]
    inserted: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Verdict:
    """An outcome; ``noisy``: right, but some right segment got a flag the seed does not give it."""

    outcome: Outcome
    detail: str = ""
    noisy: bool = False


@dataclass
class Tally:
    """Outcomes of a sweep, with the first few silent ones described."""

    counts: Counter[str] = field(default_factory=Counter)
    silent: list[str] = field(default_factory=list)

    def add(self, edit: Edit, verdict: Verdict, where: str) -> None:
        self.counts[verdict.outcome] += 1
        self.counts["correct, newly flagged"] += verdict.outcome == "correct" and verdict.noisy
        if verdict.outcome == "silent":
            self.silent.append(f"{where} {edit.kind} at segment {edit.segment}: {verdict.detail}")


def build(lines: list[str]) -> Transcript:
    return build_transcript(parse_source("t.txt", "\n".join(lines).encode()))


def truth_of(transcript: Transcript) -> list[Truth]:
    return [Truth(s.en, s.zh, _speaker(transcript, s), frozenset(s.flags)) for s in transcript.segments]


def _speaker(transcript: Transcript, segment: Segment) -> str | None:
    header = transcript.turns[segment.turn_index].header
    return header.name if header is not None else None


def edits(lines: list[str], kinds: tuple[str, ...] = KINDS, every: int = 1) -> Iterator[Edit]:
    """Every edit of ``kinds`` at every ``every``-th segment of a seed's lines."""
    original = build(lines)
    truth = truth_of(original)
    gap = 2 if is_bulleted(lines) else 1  # a bulleted file puts a blank line after each line
    segments = original.segments
    for k, segment in enumerate(segments):
        if k % every or segment.line_zh is None:
            continue
        if "short" in kinds:
            word = SHORT[(k // every) % len(SHORT)]
            yield from _insertions("short", k, lines, truth, segment, word, gap)
        if "operator" in kinds:
            yield from _insertions("operator", k, lines, truth, segment, "Operator", gap)
        if "delete" in kinds:
            at = segment.line_zh - 1
            changed = [
                *truth[:k],
                Truth(truth[k].en, None, truth[k].speaker, truth[k].flags),
                *truth[k + 1 :],
            ]
            yield Edit("delete", k, [*lines[:at], *lines[at + gap :]], changed)
        after = segments[k + 1] if k + 1 < len(segments) else None
        if "move" in kinds and after is not None and after.line_zh is not None:
            if after.line_en != segment.line_zh + gap:
                continue  # a header stands between them
            zh_at, next_at, next_zh_at = segment.line_zh - 1, after.line_en - 1, after.line_zh - 1
            moved = [
                *lines[:zh_at],
                *lines[next_at : next_at + gap],
                *lines[zh_at : zh_at + gap],
                *lines[next_zh_at + gap :],
            ]
            nxt = truth[k + 1]
            changed = [*truth[: k + 1], Truth(nxt.en, None, nxt.speaker, nxt.flags), *truth[k + 2 :]]
            yield Edit("move", k, moved, changed)


def _insertions(
    kind: str, k: int, lines: list[str], truth: list[Truth], segment: Segment, word: str, gap: int
) -> Iterator[Edit]:
    assert segment.line_zh is not None
    for at in (segment.line_en - 1 + gap, segment.line_zh - 1 + gap):  # before / after the translation
        inserted = [BULLET + word, ""] if gap == 2 else [word]
        if at > len(lines):  # after the last line of a file without a blank line at its end
            at, inserted = len(lines), ["", BULLET + word]
        number = at + inserted.index(BULLET + word if gap == 2 else word) + 1
        yield Edit(kind, k, [*lines[:at], *inserted, *lines[at:]], truth, frozenset({number}))


def judge(edit: Edit) -> Verdict:
    """The outcome of one edited file against its truth (see the module's docstring)."""
    try:
        transcript = build(edit.lines)
    except SourceError as error:
        message = str(error)
        return Verdict("refused", message) if "\n" not in message else Verdict("silent", "multi-line error")
    kept, extra = _match(transcript.segments, edit)
    if kept is None:
        return Verdict("silent", "a paragraph lost")
    for segment in extra:  # the inserted lines, and lines read as paragraphs that are not
        wrong_speaker = segment.line_en not in edit.inserted
        if (segment.zh is not None or wrong_speaker) and not PAIRING_FLAGS & set(segment.flags):
            return Verdict(
                "silent", f"line {segment.line_en} read as a paragraph with `{segment.zh}`, unflagged"
            )
    wrong = any(s.line_en not in edit.inserted for s in extra)
    for segment, truth in zip(kept, edit.truth, strict=True):
        flags = set(segment.flags)
        if segment.zh != truth.zh:
            wrong = True
            if not PAIRING_FLAGS & flags:
                return Verdict(
                    "silent", f"line {segment.line_en} paired with `{(segment.zh or '')[:30]}` unflagged"
                )
        speaker = _speaker(transcript, segment)
        if speaker != truth.speaker:
            wrong = True
            if not SPEAKER_FLAGS & flags:
                return Verdict(
                    "silent", f"line {segment.line_en} given to {speaker} (was {truth.speaker}) unflagged"
                )
    if wrong:
        return Verdict("flagged")
    noisy = any(
        NEW_FLAGS & (set(s.flags) - t.flags)
        for s, t in zip(kept, edit.truth, strict=True)
        if t.zh is not None
    )
    return Verdict("correct", noisy=noisy)


def _match(segments: list[Segment], edit: Edit) -> tuple[list[Segment] | None, list[Segment]]:
    """The segments of the original paragraphs, in order (None if one is lost), and the others.

    An inserted line that repeats its neighbour's text (``Okay.`` beside ``Okay.``) stands for
    that paragraph when it holds the paragraph's translation: the rows are the same either way."""
    inserted = [s for s in segments if s.line_en in edit.inserted]
    rest = [s for s in segments if s.line_en not in edit.inserted]
    blocks = SequenceMatcher(None, [t.en for t in edit.truth], [s.en for s in rest], autojunk=False)
    pairs = [(a + k, b + k) for a, b, size in blocks.get_matching_blocks() for k in range(size)]
    if len(pairs) != len(edit.truth):
        return None, []
    kept = [rest[b] for _, b in pairs]
    for k, segment in enumerate(kept):
        twin = next((s for s in inserted if s.en == segment.en and s.zh == edit.truth[k].zh), None)
        if twin is not None and segment.zh is None:
            kept[k], inserted[inserted.index(twin)] = twin, segment
    ids = {id(s) for s in kept}
    return kept, [s for s in segments if id(s) not in ids]


def main() -> None:
    """Print the outcomes of the full sweep (every position), per seed, layout and edit."""
    import time

    from conftest import seed_lines
    from variants import LAYOUTS

    start, totals = time.perf_counter(), Counter[str]()
    for layout, convert in LAYOUTS.items():
        for name in SEEDS:
            lines = convert(seed_lines(name))
            for kind in KINDS:
                tally = Tally()
                for edit in edits(lines, (kind,)):
                    tally.add(edit, judge(edit), f"{layout} {name}")
                totals.update(tally.counts)
                print(f"{layout:9} {name:28} {kind:9} {dict(sorted(tally.counts.items()))}")
                for line in tally.silent:
                    print("   ", line)
    print(f"all: {dict(sorted(totals.items()))} in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
