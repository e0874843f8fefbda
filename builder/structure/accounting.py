"""Every source line accounted for: each is blank or claimed by exactly one record.

Which lines are blank the layout decides (nothing visible once its markup is removed); the
check is that blank and claimed lines together are every line of the file, with no overlap.
"""

from __future__ import annotations

from collections import Counter

from builder.records import Transcript


def claimed_lines(transcript: Transcript) -> list[int]:
    """Line numbers the records claim: front matter, both header slots, both segment slots."""
    lines = [line.number for line in transcript.source.front]
    headers = [turn.header for turn in transcript.turns if turn.header is not None]
    lines += [h.line_en for h in headers if h.line_en is not None]
    lines += [h.line_zh for h in headers if h.line_zh is not None]
    segments = [segment for turn in transcript.turns for segment in turn.segments]
    lines += [segment.line_en for segment in segments]
    lines += [segment.line_zh for segment in segments if segment.line_zh is not None]
    return lines


def check_accounting(transcript: Transcript) -> None:
    """Raise when a non-blank line is claimed twice or not at all (a builder bug, not bad input)."""
    source = transcript.source
    claimed_list = claimed_lines(transcript)
    # Claimed and blank lines together are each line once: all is well (the usual case, checked
    # at the cost of one sort).
    if sorted(claimed_list + list(source.blank)) == list(range(1, source.num_lines + 1)):
        return
    claimed = Counter(claimed_list)
    twice = sorted(n for n, count in claimed.items() if count > 1)
    expected = set(range(1, source.num_lines + 1)) - set(source.blank)
    lost = sorted(expected - set(claimed))
    invented = sorted(set(claimed) - expected)
    if twice or lost or invented:
        raise RuntimeError(
            f"{source.name}: line accounting failed (claimed twice: {twice[:10]}, "
            f"unclaimed: {lost[:10]}, not non-blank source lines: {invented[:10]})"
        )
