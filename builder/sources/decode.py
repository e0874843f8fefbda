"""Bytes to lines: BOM, line endings and encoding problems, with the line where each occurs."""

from __future__ import annotations

from builder.errors import SourceError
from builder.sources.script import is_blank

_BOM = b"\xef\xbb\xbf"
#: The longest line a transcript may have, in characters: a hundred times the longest paragraph
#: of the seeds (897). A longer line is refused before any work whose cost grows with it.
MAX_LINE_CHARS = 100_000


def _line_of(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset, counting LF, CRLF and CR as breaks."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def decode_lines(name: str, data: bytes) -> list[str]:
    """Decode a raw file to its lines.

    Accepts UTF-8 with or without a BOM and LF, CRLF or CR line endings; splits on those
    breaks only (U+2028 and friends stay inside the text). Raises ``SourceError`` for an
    empty file, NUL bytes, bytes that are not UTF-8 or a line longer than ``MAX_LINE_CHARS``,
    naming the line.
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
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            reason = (
                f"{len(line):,} characters on one line; a transcript's lines have at most {MAX_LINE_CHARS:,}"
            )
            raise SourceError(name, reason, number)
    return lines
