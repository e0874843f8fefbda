"""TMX 1.4 (translation memory exchange) of the sentence pairs, flagged pairs marked, gzipped
(``.tmx.gz``, which translate-toolkit opens as it is).

Every unit with both sides becomes a ``<tu>`` whose ``tuid`` is the ``sentence_id``, with
``<prop>`` elements: ``x-alignment`` (``1-1``, ``2-1``, …), ``x-score`` and, for a flagged pair,
``x-flags`` (the codes, comma-separated). One-sided units are not pairs and are left out. The
header carries no creation date, so the bytes depend only on the rows. Characters that XML 1.0
cannot carry at all (C0 controls but tab, line feed and carriage return; U+FFFE/U+FFFF) are
written as U+FFFD in the TMX only; the configs keep the text as written.

The rules live in the compiled core, ``rust/src/exports.rs`` (which units are pairs, escaping,
quoting, the score's four decimals); it writes the ``<tu>`` elements of each Arrow batch. The
header, the footer and the compression are here.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from builder import __version__, _core
from builder.formats.base import FormatWriter
from builder.formats.compression import open_write

_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tmx version="1.4">\n'
    f'  <header creationtool="callcorpus" creationtoolversion="{__version__}" datatype="plaintext" '
    'segtype="sentence" adminlang="en" srclang="en" o-tmf="callcorpus"/>\n'
    "  <body>\n"
)
_FOOTER = "  </body>\n</tmx>\n"


class TmxWriter(FormatWriter):
    """Streams the pairs of a shard into one TMX file."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._file = open_write(path)
        self._file.write(_HEADER.encode("utf-8"))

    def write(self, batch: pa.RecordBatch) -> None:
        """Append the batch's pairs (read from ``batch`` alone)."""
        self._file.write(_core.tmx_units(batch))

    def close(self) -> None:
        """Close the body and the file."""
        self._file.write(_FOOTER.encode("utf-8"))
        self._file.close()
