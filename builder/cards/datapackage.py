"""``datapackage.json`` (Frictionless Data Package v2) of one release.

One tabular resource per config over its Parquet files, with a Table Schema derived from the
config's JSON Schema: scalars keep their type, structs become ``object`` and lists ``array``
(Table Schema has no nested types), non-null and enum/minimum/maximum become constraints.
``bytes`` and ``hash`` describe the resource's file; a config written in several Parquet files
gets neither (one hash cannot cover several files; ``manifest.json`` lists each).
"""

from __future__ import annotations

from typing import Any

from builder.cards import dump_json
from builder.cards.description import ReleaseDescription
from builder.schema.columns import Column, columns

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def table_field(column: Column) -> dict[str, Any]:
    """One Table Schema field."""
    field: dict[str, Any] = {"name": column.name, "type": column.kind, "description": column.description}
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(desc: ReleaseDescription, name: str) -> dict[str, Any]:
    config = desc.config(name)
    paths = list(config.files["parquet"])
    resource: dict[str, Any] = {
        "name": name,
        "type": "table",
        "path": paths,
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "description": config.description,
    }
    if len(paths) == 1:
        entry = desc.file(paths[0])
        resource["bytes"] = entry.size
        resource["hash"] = f"sha256:{entry.sha256}"
    resource["schema"] = {"fields": [table_field(c) for c in columns(name)]}
    return resource


def datapackage_data(desc: ReleaseDescription) -> dict[str, Any]:
    """The Data Package descriptor as plain data."""
    about = desc.about
    data: dict[str, Any] = {
        "$schema": PROFILE,
        "name": about.name,
        "title": about.title,
        "description": about.abstract,
        "version": desc.version,
        "keywords": list(about.keywords),
        "contributors": [{"title": author, "roles": ["creator"]} for author in about.authors],
        "licenses": [
            {
                "name": about.license_spdx,
                "path": about.license_url,
                "title": about.license_title,
            }
        ],
        "resources": [_resource(desc, c.name) for c in desc.configs],
    }
    if about.repository:
        data["homepage"] = about.repository
    return data


def render_datapackage(desc: ReleaseDescription) -> str:
    """``datapackage.json`` text."""
    return dump_json(datapackage_data(desc))
