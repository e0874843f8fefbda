"""Every field of a config, flattened from its JSON Schema, with an example value from a release."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from builder.schema import load_schema

_MISSING = object()


@dataclass(frozen=True, slots=True)
class FieldDoc:
    """One field: dotted path (``[]`` for list items), type, nullability, description, allowed values."""

    path: str
    type: str
    nullable: bool
    description: str
    values: tuple[str, ...]


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    return root["$defs"][ref.removeprefix("#/$defs/")] if ref else node


def _type(node: dict[str, Any], root: dict[str, Any]) -> tuple[str, bool]:
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    kind = next(t for t in types if t != "null")
    if kind == "array":
        kind = f"array of {_type(_resolve(node['items'], root), root)[0]}"
    return kind, "null" in types


def _walk(node: dict[str, Any], root: dict[str, Any], prefix: str) -> Iterator[FieldDoc]:
    for name, prop in node["properties"].items():
        prop = _resolve(prop, root)
        kind, nullable = _type(prop, root)
        values = tuple(json.dumps(v) if v is None else str(v) for v in prop.get("enum", ()))
        if not values and kind.startswith("array") and "enum" in prop["items"]:
            values = tuple(str(v) for v in prop["items"]["enum"])
        yield FieldDoc(f"{prefix}{name}", kind, nullable, prop.get("description", ""), values)
        if "properties" in prop:
            yield from _walk(prop, root, f"{prefix}{name}.")
        items = _resolve(prop["items"], root) if "items" in prop else {}
        if "properties" in items:
            yield from _walk(items, root, f"{prefix}{name}[].")


def config_fields(config: str) -> list[FieldDoc]:
    """Every field of a config's schema, nested fields after their parent."""
    schema = load_schema(config)
    return list(_walk(schema, schema, ""))


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
