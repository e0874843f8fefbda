"""A JSON Schema's columns as a typed tree: the one walk of a schema.

The Arrow schema, the ``datasets`` Features, the card's YAML features and field table,
Croissant and Table Schema fields, the documentation's schema reference and the schema diff
between two releases all read columns from here, so they cannot disagree with the schema the
rows were validated against (or with each other about what a field's type is).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from builder.schema.files import JSONSchema, load_schema


@dataclass(frozen=True, slots=True)
class Column:
    """One column (or one property of a struct column).

    ``kind`` is the JSON Schema type without ``null``: ``string``, ``integer``, ``boolean``,
    ``object`` or ``array``; ``item`` describes an array's items; ``children`` an object's
    properties in schema order; ``ref`` names the ``$defs`` entry the column was written as.
    """

    name: str
    kind: str
    nullable: bool
    description: str
    enum: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    item: Column | None = None
    children: tuple[Column, ...] = ()
    translation: bool = False
    ref: str | None = None


def _ref_name(node: JSONSchema) -> str | None:
    """The ``$defs`` name a node refers to; only local ``#/$defs/`` references are supported."""
    ref = node.get("$ref")
    if ref is None:
        return None
    if not ref.startswith("#/$defs/"):
        raise ValueError(f"unsupported $ref {ref!r}: only local #/$defs/ references")
    return str(ref.removeprefix("#/$defs/"))


def _column(name: str, node: JSONSchema, root: JSONSchema, description: str = "") -> Column:
    ref = _ref_name(node)
    node = root["$defs"][ref] if ref else node
    types: list[str] = node["type"] if isinstance(node["type"], list) else [node["type"]]
    kinds = [t for t in types if t != "null"]
    if len(kinds) != 1:
        raise ValueError(f"column {name!r}: cannot describe type {node['type']!r}")
    kind = kinds[0]
    text: str = node.get("description", description)
    item = _column(name, node["items"], root, text) if kind == "array" else None
    children = tuple(_column(k, v, root) for k, v in node["properties"].items()) if kind == "object" else ()
    return Column(
        name=name,
        kind=kind,
        nullable="null" in types,
        description=text,
        enum=tuple(v for v in node.get("enum", ()) if v is not None),
        minimum=node.get("minimum"),
        maximum=node.get("maximum"),
        item=item,
        children=children,
        translation=node.get("x-feature") == "Translation",
        ref=ref,
    )


def schema_columns(root: JSONSchema) -> tuple[Column, ...]:
    """The top-level columns of a JSON Schema (a package's or a release's copy), in property order."""
    return tuple(_column(k, v, root) for k, v in root["properties"].items())


@cache
def columns(config: str) -> tuple[Column, ...]:
    """The top-level columns of a config, in schema (and Parquet) order (frozen, made once per
    process, as the schema files are read once)."""
    root: dict[str, Any] = load_schema(config)
    return schema_columns(root)


def type_name(column: Column) -> str:
    """A column's type for people: ``string``, ``object``, ``array of string``, …"""
    return f"array of {type_name(column.item)}" if column.item else column.kind


def flat_columns(cols: tuple[Column, ...], prefix: str = "") -> Iterator[tuple[str, Column]]:
    """Every column and nested field by dotted path (``turns[].speaker``), parents first."""
    for column in cols:
        path = f"{prefix}{column.name}"
        yield path, column
        if column.children:
            yield from flat_columns(column.children, f"{path}.")
        if column.item and column.item.children:
            yield from flat_columns(column.item.children, f"{path}[].")
