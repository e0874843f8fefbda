"""Bytes to lines: BOM, line endings and encoding problems, with the line where each occurs."""

from __future__ import annotations

from builder.errors import SourceError
from builder.sources.script import is_blank

_BOM = b"\xef\xbb\xbf"


def _line_of(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset, counting LF, CRLF and CR as breaks."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def decode_lines(name: str, data: bytes) -> list[str]:
    """Decode a raw file to its lines.

    Accepts UTF-8 with or without a BOM and LF, CRLF or CR line endings; splits on those
    breaks only (U+2028 and friends stay inside the text). Raises ``SourceError`` for an
    empty file, NUL bytes or bytes that are not UTF-8, naming the line.
    """
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if not data.strip():
        raise SourceError(name, "file is empty")  # also checked after decoding, for invisible text
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SourceError(name, "contains a NUL byte (binary or UTF-16 file?)", _line_of(data, nul))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            name, f"is not UTF-8 (byte 0x{data[exc.start]:02x})", _line_of(data, exc.start)
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_blank(text):
        raise SourceError(name, "file is empty")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
