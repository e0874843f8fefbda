"""Which split a call belongs to: a fixed function of its transcript id.

The first eight bytes of the SHA-256 of the transcript id, read as an unsigned big-endian
integer, modulo 100: below 90 is ``train``, below 95 ``validation``, the rest ``test``. A
call therefore never changes split between releases, adding calls moves none, and every
config carries each call in the same split.
"""

from __future__ import annotations

import hashlib

#: The splits, in the order releases list them, with the upper bound of each one's buckets.
SPLITS: dict[str, int] = {"train": 90, "validation": 95, "test": 100}
#: The rule in one line, for the build signature and the card.
SPLIT_RULE = "sha256(transcript_id)[:8] mod 100: train <90, validation <95, test"


def split_of(transcript_id: str) -> str:
    """The split of a call."""
    bucket = int.from_bytes(hashlib.sha256(transcript_id.encode()).digest()[:8], "big") % 100
    return next(split for split, bound in SPLITS.items() if bucket < bound)
