"""Why a raw file cannot be read: the ``SourceError`` of each refusal of the core.

The rules (BOM, line endings, encoding problems with the line where each occurs, and the
refusals of a file's lines) live in the compiled core (``rust/src/decode.rs``,
``rust/src/layout.rs``); this module words what they refuse. Among them: bytes that are not
UTF-8 (saying when the line reads as Latin-1 or CP1252 text) and mojibake, UTF-8 that went
through a Latin-1 or CP1252 decode (``è²¡å‹™`` for ``財務``), each quoted in a short excerpt.
"""

from __future__ import annotations

from builder import _core
from builder.errors import SourceError

#: The longest line a transcript may have, in characters: a hundred times the longest paragraph
#: of the seeds (897). A longer line is refused before any work whose cost grows with it.
MAX_LINE_CHARS: int = _core.MAX_LINE_CHARS


def refusal(name: str, problem: _core.SourceProblem) -> SourceError:
    """The ``SourceError`` for what the core refuses, decoding (``rust/src/decode.rs``) or its
    lines (``rust/src/layout.rs``): the messages live here."""
    kind, line = problem.kind, problem.line
    if kind == "empty":
        return SourceError(name, "file is empty")
    if kind == "nul":
        return SourceError(name, "contains a NUL byte (binary or UTF-16 file?)", line)
    if kind == "utf8":
        if problem.legacy is not None:
            seems = f"`{problem.legacy}` seems Latin-1 or CP1252 text; save it as UTF-8"
            return SourceError(name, f"is not UTF-8 (byte 0x{problem.byte:02x}): {seems}", line)
        return SourceError(name, f"is not UTF-8 (byte 0x{problem.byte:02x})", line)
    if kind == "mojibake":
        reason = (
            f"`{problem.excerpt}` seems UTF-8 read as {problem.codec} (mojibake of `{problem.repaired}`): "
            "decode the original as UTF-8"
        )
        return SourceError(name, reason, line)
    if kind == "long":
        reason = f"{problem.chars:,} characters on one line; a transcript's lines have at most"
        return SourceError(name, f"{reason} {MAX_LINE_CHARS:,}", line)
    if kind == "markup":
        tagged, lines = problem.tagged, problem.lines
        return SourceError(
            name,
            f"looks like HTML or XML ({tagged:,} of {lines:,} lines start with a markup tag): "
            "save the page's text, not its source",
        )
    if kind == "mixed":
        return SourceError(
            name,
            f"the layout changes part-way: bulleted lines from line {problem.first}, plain lines at "
            f"line {line} (split the file, or make it one layout)",
            line,
        )
    return SourceError(
        name,
        "matches no known layout (expected English paragraphs each followed by a Chinese "
        "translation, plain or as '•' / indented lines: not a transcript?)",
    )
