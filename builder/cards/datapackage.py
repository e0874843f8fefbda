"""``datapackage.json`` (Frictionless Data Package v2) of one release.

One tabular resource per config over its Parquet files, with a Table Schema derived from the
config's JSON Schema that says what ``frictionless validate`` reads from them (pyarrow, then
pandas): scalars keep their type, a nullable integer is an ``integer`` that may be missing, a
struct is an ``object`` (it arrives as a dict); a list arrives as a NumPy array, which Table
Schema's ``array`` (a JSON array) refuses, so a list is ``any`` and its description says what
its items are. Non-null and enum/minimum/maximum become constraints; an empty string is a value,
not a missing one (``missingValues`` is empty). ``hash`` describes the resource's file (a
config written in several Parquet files gets none: ``manifest.json`` lists each); there is no
``bytes``, which frictionless cannot count on a Parquet file it reads through pyarrow.
"""

from __future__ import annotations

from typing import Any

from builder.cards import dump_json
from builder.cards.description import ReleaseDescription
from builder.schema.columns import Column, columns

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def table_type(column: Column) -> str:
    """The Table Schema type of a column as frictionless reads it from Parquet (lists: ``any``)."""
    return "any" if column.kind == "array" else column.kind


def _description(column: Column) -> str:
    """The column's description; a list's says what its items are (its type is ``any``)."""
    if column.item is None:
        return column.description
    return f"{column.description} (a list of {column.item.kind} values)"


def table_field(column: Column) -> dict[str, Any]:
    """One Table Schema field."""
    field: dict[str, Any] = {
        "name": column.name,
        "type": table_type(column),
        "description": _description(column),
    }
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
        resource["hash"] = f"sha256:{desc.file(paths[0]).sha256}"
    resource["schema"] = {"fields": [table_field(c) for c in columns(name)], "missingValues": []}
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
