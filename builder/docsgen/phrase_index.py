"""The phrase index: every Han character and pair of adjacent characters of the pages Pagefind
indexes, each with the pages that hold it, cut into small shards by a hash of the key.

Pagefind alone cannot search Chinese phrases cheaply: with one word per character (``zh_index``),
a phrase loads the index chunk of each of its characters in every bundle, megabytes at a few
thousand calls. Here a phrase of n characters loads at most n - 1 shards (its pairs'; a single
character, its own), whatever the number of calls. An entry lists its pages by number (the order
they were added, ``add``), as gaps; a pair's entry also gives, per page, the positions of the
pair modulo ``WINDOW`` as bits: the pairs of a phrase stand at consecutive positions, so their
bits, each shifted back by its place in the phrase, share a bit on a page that holds the phrase,
and seldom on a page that holds its pairs apart. The search box (``docs/javascripts/phrases.js``)
intersects the entries, then confirms each page it shows against the page's text from Pagefind.

Files, under ``phrase-index/`` in the site: ``index.json`` (the format, the number of shards and
of pages, the window), ``pages.json.gz`` (where each page's Pagefind fragment is, and its
filters: ``phrase_pages``) and one gzipped JSON object per shard, ``NNNNN.json.gz``: key (the
character or pair) -> ``[gaps]`` for a character, ``[gaps, bits]`` for a pair. While pages
are added, their entries are spilled to ``BUCKETS`` files in a work folder (memory stays
flat); ``write`` sorts each bucket and writes its shards. Same pages in the same order, same
bytes.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from types import TracebackType

import numpy as np
import orjson
from numpy.typing import NDArray

from builder.docsgen.phrase_grams import PAIR_SHIFT, WINDOW, gaps, grams, key_hash, key_text, searchable_text
from builder.docsgen.phrase_pages import PageTable

FOLDER = "phrase-index"
FORMAT = 1
#: Each page's fragment and the filters' pages (``phrase_pages``).
PAGES_FILE = "pages.json.gz"
#: Spill files; the number of shards is a multiple of it, so a key's bucket is its shard's.
BUCKETS = 64
#: Pages per key and page, summed, that a shard should hold about (about 8 kB gzipped).
SHARD_ENTRIES = 8192
#: gzip's level for the files: 3 writes about three times faster than 6 for 6 % more bytes.
GZIP_LEVEL = 3
#: Records kept in memory before they are appended to their bucket files.
FLUSH_RECORDS = 1 << 20
_RECORD = np.dtype([("key", "<u8"), ("page", "<u4"), ("bits", "u1")])
#: Bits of a key (a pair: two code points of 21 bits), below its shard's in the sort.
_KEY_BITS = 2 * PAIR_SHIFT


def shard_name(shard: int) -> str:
    """The file of a shard, under the index's folder."""
    return f"{shard:05d}.json.gz"


class PhraseIndex:
    """Pages added one at a time, spilled to ``work``; ``write`` writes the index into a site.

    Use as a context manager: the work folder is removed on leaving it."""

    def __init__(self, work: Path):
        self.work = work
        shutil.rmtree(work, ignore_errors=True)  # what a stopped run left behind
        work.mkdir(parents=True)
        self.pages = 0
        self.entries = 0
        self.table = PageTable()
        self.pending: list[NDArray[np.void]] = []
        self.pending_records = 0

    def __enter__(self) -> PhraseIndex:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        shutil.rmtree(self.work, ignore_errors=True)

    def add(self, html: str) -> int:
        """Add a page (its HTML as built): its Han characters and pairs; returns its number."""
        keys, bits = grams(searchable_text(html))
        records = np.empty(len(keys), dtype=_RECORD)
        records["key"], records["page"], records["bits"] = keys, self.pages, bits
        self.pending.append(records)
        self.pending_records += len(records)
        self.entries += len(records)
        if self.pending_records >= FLUSH_RECORDS:
            self._flush()
        self.pages += 1
        return self.pages - 1

    def locate(self, site: Path, bundle: Path) -> None:
        """Find the pages of a bundle Pagefind has written under ``site`` (``phrase_pages``)."""
        self.table.locate(site, bundle)

    def _flush(self) -> None:
        """Append the pending records to their bucket files."""
        if not self.pending:
            return
        records = np.concatenate(self.pending)
        buckets = (key_hash(records["key"]) % np.uint64(BUCKETS)).astype(np.uint8)
        order = np.argsort(buckets, kind="stable")  # a radix sort of bytes
        records, buckets = records[order], buckets[order]
        edges = np.searchsorted(buckets, np.arange(BUCKETS + 1))
        for bucket in range(BUCKETS):
            if edges[bucket] < edges[bucket + 1]:
                with (self.work / f"{bucket:02d}.bin").open("ab") as out:
                    records[edges[bucket] : edges[bucket + 1]].tofile(out)
        self.pending, self.pending_records = [], 0

    def shards(self) -> int:
        """The number of shards: a multiple of ``BUCKETS``, about ``SHARD_ENTRIES`` entries each."""
        return BUCKETS * max(1, round(self.entries / (BUCKETS * SHARD_ENTRIES)))

    def write(self, site: Path) -> None:
        """Write the index into ``site`` (``FOLDER``), replacing any there."""
        self._flush()
        folder = site / FOLDER
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        shards = self.shards()
        for bucket in range(BUCKETS):
            path = self.work / f"{bucket:02d}.bin"
            records = np.fromfile(path, dtype=_RECORD) if path.is_file() else np.empty(0, dtype=_RECORD)
            _write_bucket(folder, records, bucket, shards)
        about = {"format": FORMAT, "shards": shards, "pages": self.pages, "window": WINDOW}
        (folder / "index.json").write_text(json.dumps(about) + "\n", encoding="utf-8")
        _write_gzipped(folder / PAGES_FILE, self.table.as_json(self.pages))


def _write_bucket(folder: Path, records: NDArray[np.void], bucket: int, shards: int) -> None:
    """Write the shards of one bucket (``bucket``, ``bucket + BUCKETS``, ...) from its records
    (in the order the pages were added: a stable sort by shard and key keeps each key's pages
    in order)."""
    shard = key_hash(records["key"]) % np.uint64(shards)
    records = records[np.argsort((shard << np.uint64(_KEY_BITS)) | records["key"], kind="stable")]
    shard = np.sort(shard)
    for number in range(bucket, shards, BUCKETS):
        low, high = np.searchsorted(shard, [number, number + 1])
        _write_gzipped(folder / shard_name(number), _entries(records[low:high]))


def _write_gzipped(path: Path, value: object) -> None:
    """``value`` as JSON, gzipped without a name or time (same value, same bytes)."""
    path.write_bytes(gzip.compress(orjson.dumps(value), compresslevel=GZIP_LEVEL, mtime=0))


def _entries(records: NDArray[np.void]) -> dict[str, list[list[int]]]:
    """Each key's entry from its records (sorted by key, then page)."""
    keys = records["key"]
    firsts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, dtype=np.intp)
    gap_list, bit_list = gaps(records["page"], firsts), records["bits"].tolist()
    bounds = [*firsts.tolist(), len(keys)]
    entries = {}
    for key, start, end in zip(keys[firsts].tolist(), bounds, bounds[1:], strict=False):
        entry = [gap_list[start:end]]
        if key >= 1 << PAIR_SHIFT:
            entry.append(bit_list[start:end])
        entries[key_text(key)] = entry
    return entries
