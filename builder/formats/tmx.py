"""TMX 1.4 (translation memory exchange) of the sentence pairs, flagged pairs marked, gzipped
(``.tmx.gz``, which translate-toolkit opens as it is).

Every unit with both sides becomes a ``<tu>`` whose ``tuid`` is the ``sentence_id``, with
``<prop>`` elements: ``x-alignment`` (``1-1``, ``2-1``, …), ``x-score`` and, for a flagged pair,
``x-flags`` (the codes, comma-separated). One-sided units are not pairs and are left out. The
header carries no creation date, so the bytes depend only on the rows. Characters that XML 1.0
cannot carry at all (C0 controls but tab, line feed and carriage return; lone surrogates;
U+FFFE/U+FFFF) are written as U+FFFD in the TMX only; the configs keep the text as written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyarrow as pa

from builder import __version__
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
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(text: str) -> str:
    """Text as XML character data: escaped, characters XML cannot carry replaced."""
    return escape(_NOT_XML.sub("\ufffd", text), {"\r": "&#13;"})


def _tu(row: dict[str, Any]) -> str:
    pair = row["translation"]
    props = [f'      <prop type="x-alignment">{row["alignment"]}</prop>\n']
    props.append(f'      <prop type="x-score">{row["score"]:.4f}</prop>\n')
    if row["flags"]:
        props.append(f'      <prop type="x-flags">{",".join(row["flags"])}</prop>\n')
    return (
        f"    <tu tuid={quoteattr(row['sentence_id'])}>\n{''.join(props)}"
        f'      <tuv xml:lang="en"><seg>{_text(pair["en"])}</seg></tuv>\n'
        f'      <tuv xml:lang="zh-Hant"><seg>{_text(pair["zh"])}</seg></tuv>\n'
        "    </tu>\n"
    )


class TmxWriter(FormatWriter):
    """Streams the pairs of a shard into one TMX file."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._file = open_write(path)
        self._file.write(_HEADER.encode("utf-8"))

    def write(self, rows: list[dict[str, Any]], batch: pa.RecordBatch) -> None:
        """Append the batch's pairs."""
        pairs = [row for row in rows if row["translation"]["en"] and row["translation"]["zh"]]
        self._file.write("".join(_tu(row) for row in pairs).encode("utf-8"))

    def close(self) -> None:
        """Close the body and the file."""
        self._file.write(_FOOTER.encode("utf-8"))
        self._file.close()
