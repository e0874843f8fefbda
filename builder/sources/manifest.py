"""The raw manifest (``raw/manifest.toml``): facts the text lacks, per source file.

```toml
[files."stem-2024-q4.txt"]
ticker = "STEM"
call_date = "2025-03-05"
```

Any metadata field may be given; it overrides what the title or text said, with source
``manifest``. ``exclude = "reason"`` leaves a file out of the build, and the reason is reported.
"""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator

from builder.errors import EXCERPT_CHARS, ManifestError, excerpt
from builder.schema.files import load_schema

MANIFEST_NAME = "manifest.toml"


@dataclass(frozen=True, slots=True)
class Manifest:
    """Per-file overrides and exclusions, keyed by the file's path relative to ``raw/``."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    def overrides(self, name: str) -> dict[str, Any]:
        """The metadata fields the manifest sets for one file."""
        return {k: v for k, v in self.entries.get(name, {}).items() if k != "exclude"}

    def excluded(self, name: str) -> str | None:
        """The reason a file is excluded, or None."""
        return self.entries.get(name, {}).get("exclude")


#: Characters no manifest value may hold: controls (a trailing newline passes a ``$`` pattern).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _value_problem(key: str, value: Any) -> str | None:
    """What JSON Schema cannot say about a value: integers that TOML wrote as floats, control
    characters, dates that do not exist."""
    if isinstance(value, float) and key in ("fiscal_year", "fiscal_quarter"):
        return f"{value} is not an integer"  # JSON Schema counts 2024.0 as an integer; TOML does not
    if isinstance(value, str) and _CONTROL.search(value):
        return f"{excerpt(value)} holds a control character"
    if key == "call_date" and isinstance(value, str):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return f"{excerpt(value)} is not a date that exists"
    return None


def load_manifest(raw_dir: Path, source_names: list[str]) -> Manifest:
    """Read and validate ``raw/manifest.toml``; a missing manifest is an empty one."""
    path = raw_dir / MANIFEST_NAME
    if not path.exists():
        return Manifest()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: not valid TOML ({exc})") from None
    problems = _schema_problems(data)
    files = data.get("files", {})
    for name, entry in files.items() if isinstance(files, dict) else ():
        for key, value in entry.items() if isinstance(entry, dict) else ():
            problem = _value_problem(key, value)
            if problem:
                problems.append(f"{_where(['files', name, key])}: {problem}")
    if problems:
        raise ManifestError(f"{path}: " + _listed(problems, "; "))
    entries: dict[str, dict[str, Any]] = data.get("files", {})
    unknown = sorted(set(entries) - set(source_names))
    if unknown:
        shown = [excerpt(name) for name in unknown]
        raise ManifestError(f"{path}: names files that are not in {raw_dir}: {_listed(shown, ', ')}")
    return Manifest(entries)


@cache
def _validators() -> tuple[jsonschema_rs.Draft202012Validator, Draft202012Validator]:
    """The manifest schema's fast validator and its reference, compiled once per process."""
    schema = load_schema("manifest")
    return jsonschema_rs.Draft202012Validator(schema), Draft202012Validator(schema)


def _schema_problems(data: dict[str, Any]) -> list[str]:
    """What the manifest schema says is wrong, one line each, in the manifest's order.

    ``jsonschema_rs`` answers "valid or not" for the whole manifest; only a manifest it rejects
    is explained by ``jsonschema``, the reference. Where their patterns differ (Python's ``\\s``
    also takes the separators U+001C to U+001F), the fast one is the stricter or
    ``_value_problem`` refuses the value anyway (a control character)."""
    fast, reference = _validators()
    try:
        if fast.is_valid(data):
            return []
    except ValueError:
        pass  # a TOML value JSON has no type for (a date, a time): the reference names it
    return [
        f"{_where(list(error.absolute_path))}: {_message(error)}"
        for error in sorted(reference.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    ]


def _where(path: list[Any]) -> str:
    """A place in the manifest as its TOML spells it: ``[files."bad/x.txt"] call_date``."""
    if not path:
        return "(top level)"
    if path[0] != "files" or len(path) < 2:
        return ".".join(excerpt(p) if not isinstance(p, str) else p for p in path)
    table = f"[files.{_quoted(str(path[1]))}]"
    return f"{table} {'.'.join(str(p) for p in path[2:])}" if len(path) > 2 else table


def _quoted(key: str) -> str:
    """A TOML key in double quotes, cut as ``excerpt`` cuts values."""
    return json.dumps(key if len(key) <= EXCERPT_CHARS else key[:EXCERPT_CHARS] + "…", ensure_ascii=False)


def _message(error: Any) -> str:
    """A JSON Schema error's message, the value it quotes cut to an excerpt."""
    message: str = error.message.replace(repr(error.instance), excerpt(error.instance))
    return message if len(message) <= 4 * EXCERPT_CHARS else message[: 4 * EXCERPT_CHARS] + "…"


#: How many items of a list a one-line message names before it counts the rest.
_SHOWN = 10


def _listed(items: list[str], separator: str) -> str:
    """The first ``_SHOWN`` items joined, and how many more there are: a message stays one
    readable line whatever the manifest holds."""
    more = f"{separator}… and {len(items) - _SHOWN:,} more" if len(items) > _SHOWN else ""
    return separator.join(items[:_SHOWN]) + more
