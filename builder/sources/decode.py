"""Bytes to lines: BOM, line endings and encoding problems, with the line where each occurs.

The rule lives in the compiled core (``rust/src/decode.rs``); this module is its Python API.
"""

from __future__ import annotations

from builder import _core
from builder.errors import SourceError

#: The longest line a transcript may have, in characters: a hundred times the longest paragraph
#: of the seeds (897). A longer line is refused before any work whose cost grows with it.
MAX_LINE_CHARS: int = _core.MAX_LINE_CHARS

#: A refusal as the core returns it: kind, line (or None), two numbers, and texts (an excerpt
#: and what it seems to be, for the kinds that have them).
Problem = tuple[str, int | None, int, int, list[str]]


def refusal(name: str, problem: Problem) -> SourceError:
    """The ``SourceError`` for what the core refuses, decoding (``rust/src/decode.rs``) or its
    lines (``rust/src/layout.rs``): the messages live here."""
    kind, line, a, b, texts = problem
    if kind == "empty":
        return SourceError(name, "file is empty")
    if kind == "nul":
        return SourceError(name, "contains a NUL byte (binary or UTF-16 file?)", line)
    if kind == "utf8":
        if texts:
            seems = f"`{texts[0]}` seems Latin-1 or CP1252 text; save it as UTF-8"
            reason = f"is not UTF-8 (byte 0x{a:02x}): {seems}"
            return SourceError(name, reason, line)
        return SourceError(name, f"is not UTF-8 (byte 0x{a:02x})", line)
    if kind == "mojibake":
        excerpt, repaired, codec = texts
        reason = (
            f"`{excerpt}` seems UTF-8 read as {codec} (mojibake of `{repaired}`): "
            "decode the original as UTF-8"
        )
        return SourceError(name, reason, line)
    if kind == "long":
        reason = f"{a:,} characters on one line; a transcript's lines have at most {_core.MAX_LINE_CHARS:,}"
        return SourceError(name, reason, line)
    if kind == "markup":
        return SourceError(
            name,
            f"looks like HTML or XML ({a:,} of {b:,} lines start with a markup tag): "
            "save the page's text, not its source",
        )
    if kind == "mixed":
        return SourceError(
            name,
            f"the layout changes part-way: bulleted lines from line {a}, plain lines at line {b} "
            "(split the file, or make it one layout)",
            line,
        )
    return SourceError(
        name,
        "matches no known layout (expected English paragraphs each followed by a Chinese "
        "translation, plain or as '•' / indented lines: not a transcript?)",
    )


def decode_lines(name: str, data: bytes) -> list[str]:
    """Decode a raw file to its lines.

    Accepts UTF-8 with or without a BOM and LF, CRLF or CR line endings; splits on those
    breaks only (U+2028 and friends stay inside the text). Raises ``SourceError`` for an
    empty file, NUL bytes, bytes that are not UTF-8 (saying when they read as Latin-1 or
    CP1252), mojibake (UTF-8 that went through a Latin-1 or CP1252 decode: ``è²¡å‹™`` for
    ``財務``) or a line longer than ``MAX_LINE_CHARS``, naming the first such line.
    """
    lines, problem = _core.decode_lines(data)
    if problem is not None:
        raise refusal(name, problem)
    return lines
