"""Moses-style line-aligned text for machine translation: ``.en.gz``, ``.zh.gz`` and ``.ids.gz``
(gzip, which Moses' scripts and most MT tools read as they are, and ``zcat`` undoes).

Line *n* of the ``.en`` file and line *n* of the ``.zh`` file are a sentence pair; line *n* of
the ``.ids`` file is its ``sentence_id`` in the ``sentences`` config. Only clean pairs go in:
units with both sides and no flag at all. Flagged pairs stay in the ``sentences`` config and
in the TMX file, marked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from builder.formats.base import FormatWriter
from builder.formats.compression import open_write
from builder.formats.layout import EXPORTS


def is_clean_pair(row: dict[str, Any]) -> bool:
    """Whether a sentence row goes to the Moses files: both sides present, no flag."""
    pair = row["translation"]
    return bool(pair["en"]) and bool(pair["zh"]) and not row["flags"]


def _line(text: str) -> bytes:
    """One line; a line break inside the text (never in the seeds) becomes a space."""
    return (" ".join(text.splitlines()) + "\n").encode("utf-8")


class MosesWriter(FormatWriter):
    """Writes the ``.en.gz``, ``.zh.gz`` and ``.ids.gz`` files of a shard's clean pairs; ``path``
    is the first of them (``layout.export_path``)."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        stem = path.name.removesuffix(f".{EXPORTS['moses'][0]}")
        self._files = [open_write(path.with_name(f"{stem}.{side}")) for side in EXPORTS["moses"]]

    def write(self, rows: list[dict[str, Any]], batch: pa.RecordBatch) -> None:
        """Append the clean pairs of the batch."""
        clean = [row for row in rows if is_clean_pair(row)]
        en, zh, ids = self._files
        en.write(b"".join(_line(row["translation"]["en"]) for row in clean))
        zh.write(b"".join(_line(row["translation"]["zh"]) for row in clean))
        ids.write(b"".join(_line(row["sentence_id"]) for row in clean))

    def close(self) -> None:
        """Close the three files."""
        for file in self._files:
            file.close()
