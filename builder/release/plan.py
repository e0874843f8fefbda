"""Which raw files form each shard: the previous release's shards kept, new calls appended.

A first release slices the sorted file list into shards of ``per_shard``. Every later build
starts from the shards of the release before it (read off its ``transcripts`` Parquet files,
one ``source_file`` per call): each shard keeps its calls in their order, removed calls drop
out, and calls not yet in any shard, sorted, fill the last shard up to ``per_shard`` and then
new ones. So adding calls, wherever their names sort, rewrites only the last shard and the new
ones; editing a call rewrites its own shard; every other shard keeps its bytes (its files may
be renamed: ``train-00003-of-00031``). Rebuilding an existing release uses its own shards.
Each release records its plan in ``manifest.json`` (``shards``): a shard's calls are spread
over one file per split, renumbered within the split, so the files alone do not tell it.
"""

from __future__ import annotations

from pathlib import Path

from builder.cards.manifest import read_manifest
from builder.errors import CallcorpusError
from builder.formats.read import read_shard_column
from builder.release.versions import list_releases, previous_release

Shards = list[tuple[str, ...]]


def plan_shards(names: list[str], per_shard: int, previous: Shards | None = None) -> Shards:
    """Shards of at most ``per_shard`` names: ``previous`` kept (without the names gone), the
    other names appended in sorted order."""
    present = set(names)
    kept = [tuple(n for n in shard if n in present) for shard in previous or []]
    shards = [shard for shard in kept if shard]
    placed = {n for shard in shards for n in shard}
    new = sorted(present - placed)
    if shards and len(shards[-1]) < per_shard:
        room = per_shard - len(shards[-1])
        shards[-1], new = shards[-1] + tuple(new[:room]), new[room:]
    return shards + [tuple(new[i : i + per_shard]) for i in range(0, len(new), per_shard)]


def basis_release(dist_dir: Path, version: str | None) -> Path | None:
    """The release a build's shards start from: the version itself when it exists (a rebuild),
    else the newest release before it (the newest of all when no version is asked for)."""
    releases = list_releases(dist_dir)
    if version in releases:
        return dist_dir / version
    basis = previous_release(dist_dir, version) if version else (releases[-1] if releases else None)
    return dist_dir / basis if basis else None


def release_shards(release: Path) -> Shards | None:
    """A release's shards as the raw file names of its calls: the plan its manifest records, or,
    for a release before splits (one file per shard), its ``transcripts`` files read back; None
    if they cannot be read."""
    try:
        recorded = read_manifest(release).get("shards")
        if recorded is not None:
            return [tuple(shard) for shard in recorded]
        return [tuple(names) for names in read_shard_column(release, "transcripts", "source_file")]
    except (CallcorpusError, OSError, KeyError, ValueError, AttributeError):
        return None
