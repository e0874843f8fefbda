"""Moses-style line-aligned text for machine translation: ``.en.gz``, ``.zh.gz`` and ``.ids.gz``
(gzip, which Moses' scripts and most MT tools read as they are, and ``zcat`` undoes).

Line *n* of the ``.en`` file and line *n* of the ``.zh`` file are a sentence pair; line *n* of
the ``.ids`` file is its ``sentence_id`` in the ``sentences`` config. Only clean pairs go in:
units with both sides and no flag at all. Flagged pairs stay in the ``sentences`` config and
in the TMX file, marked.

The rules live in the compiled core, ``rust/src/exports.rs`` (which units are clean pairs, a
line break inside a text written as a space); it writes the lines of each Arrow batch. The
compression is here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from builder import _core
from builder.formats.base import FormatWriter
from builder.formats.compression import open_write
from builder.formats.layout import EXPORTS


def is_clean_pair(row: dict[str, Any]) -> bool:
    """Whether a sentence row goes to the Moses files (the rule: ``rust/src/exports.rs``)."""
    pair = row["translation"]
    return _core.is_clean_pair(pair["en"], pair["zh"], len(row["flags"] or ()))


class MosesWriter(FormatWriter):
    """Writes the ``.en.gz``, ``.zh.gz`` and ``.ids.gz`` files of a shard's clean pairs; ``path``
    is the first of them (``layout.export_path``)."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        stem = path.name.removesuffix(f".{EXPORTS['moses'][0]}")
        self._files = [open_write(path.with_name(f"{stem}.{side}")) for side in EXPORTS["moses"]]

    def write(self, batch: pa.RecordBatch) -> None:
        """Append the clean pairs of the batch (read from ``batch`` alone)."""
        for file, lines in zip(self._files, _core.moses_lines(batch), strict=True):
            file.write(lines)

    def close(self) -> None:
        """Close the three files."""
        for file in self._files:
            file.close()
