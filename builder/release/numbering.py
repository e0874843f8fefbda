"""Shard files numbered within their split, as the Hub names them.

Shards are built as ``<split>-<shard>-of-<shards>``, one set of files per split the shard has
calls in. Once every shard is done, each split's files are renumbered ``0 … m-1 of m`` in
shard order (``validation-00000-of-00002`` from shards 1 and 3), so that every split's files
are complete and contiguous. When every shard has calls of a split nothing moves.
"""

from __future__ import annotations

import os
from pathlib import Path

from builder.build.shard import ShardResult
from builder.formats.layout import renamed_in_split, shard_outputs
from builder.rows.splits import SPLITS
from builder.schema.files import config_names


def number_within_splits(root: Path, results: list[ShardResult]) -> dict[str, str]:
    """Rename the shard files under ``root``; returns the moves (old → new relative path)."""
    moves: dict[str, str] = {}
    for split in SPLITS:
        shards = [result.index for result in results if split in result.num_rows]
        for position, shard in enumerate(shards):
            for old in shard_outputs(config_names(), [split], shard, len(results)):
                new = renamed_in_split(old, position, len(shards))
                if new != old:
                    os.replace(root / old, root / new)
                    moves[old] = new
    return moves


def split_shard_counts(results: list[ShardResult]) -> dict[str, int]:
    """How many shard files each split has (only splits with calls), in ``SPLITS`` order."""
    counts = {split: sum(split in r.num_rows for r in results) for split in SPLITS}
    return {split: count for split, count in counts.items() if count}
