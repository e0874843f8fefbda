"""Every field of a config, flattened from its JSON Schema, with an example value from a release."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from builder.schema.columns import Column, columns, flat_columns, type_name

_MISSING = object()


@dataclass(frozen=True, slots=True)
class FieldDoc:
    """One field: dotted path (``[]`` for list items), type, nullability, description, allowed values."""

    path: str
    type: str
    nullable: bool
    description: str
    values: tuple[str, ...]


def _field(path: str, column: Column) -> FieldDoc:
    values = column.enum or (column.item.enum if column.item else ())
    if values and column.nullable:
        values += ("null",)  # a nullable enum lists null among its values
    return FieldDoc(path, type_name(column), column.nullable, column.description, values)


def config_fields(config: str) -> list[FieldDoc]:
    """Every field of a config's schema, nested fields after their parent."""
    return [_field(path, column) for path, column in flat_columns(columns(config))]


def _values(value: Any, parts: list[str]) -> Iterator[Any]:
    if not parts:
        yield value
        return
    head, rest = parts[0], parts[1:]
    items = head.endswith("[]")
    key = head.removesuffix("[]")
    if not isinstance(value, dict) or key not in value:
        return
    inner = value[key]
    if items:
        for item in inner or []:
            yield from _values(item, rest)
    else:
        yield from _values(inner, rest)


def example(rows: list[dict[str, Any]], path: str) -> Any:
    """The first value of a field in the rows that is neither null nor empty; _MISSING if none."""
    parts = path.replace("[].", "[]\0").replace(".", "\0").split("\0")
    for row in rows:
        for value in _values(row, parts):
            if value not in (None, [], {}, ""):
                return value
    return _MISSING


def example_text(rows: list[dict[str, Any]], path: str, limit: int = 80) -> str:
    """An example value as compact JSON, cut at ``limit`` characters; empty when there is none."""
    value = example(rows, path)
    if value is _MISSING:
        return ""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= limit else text[: limit - 1] + "…"
