"""``croissant.json`` (MLCommons Croissant 1.1, JSON-LD) of one release.

Distribution: a ``cr:FileObject`` for every data file (Parquet, JSONL, Arrow) with its SHA-256
and size, and a ``cr:FileSet`` per config over its Parquet files, which the RecordSets read.
RecordSets: one per config, a field per column derived from the config's JSON Schema. Structs
(``translation``, ``translation_origin``, ``provenance``) become ``subField``s that pick their
key out of the Parquet struct with ``transform.jsonPath``; lists become ``isArray`` fields, and
lists of structs ``isArray`` fields with ``subField``s, the shape ``mlcroissant`` loads as a list
of dicts.
"""

from __future__ import annotations

from typing import Any

from builder.cards import dump_json
from builder.cards.bibtex import render_bibtex
from builder.cards.description import ReleaseDescription
from builder.rows.splits import SPLIT_RULE, SPLITS
from builder.schema.columns import Column, columns

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
#: Encoding format of each data file format (Parquet as ``mlcroissant`` names it; the JSON Lines
#: copies are zstd files, which no RecordSet reads).
ENCODINGS = {
    "parquet": "application/x-parquet",
    "jsonl": "application/zstd",
    "arrow": "application/vnd.apache.arrow.file",
}
_DATA_TYPES = {"string": "sc:Text", "integer": "sc:Integer", "number": "sc:Float", "boolean": "sc:Boolean"}
#: Croissant 1.1's standard JSON-LD context (as ``mlcroissant`` 1.1 writes it).
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "name": {"@container": "@language"},
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def file_set_id(config: str) -> str:
    """``@id`` of the FileSet of a config's Parquet files."""
    return f"parquet-{config}"


def _file_object(desc: ReleaseDescription, path: str, fmt: str) -> dict[str, Any]:
    entry = desc.file(path)
    return {
        "@type": "cr:FileObject",
        "@id": path,
        "name": path,
        "contentUrl": path,
        "encodingFormat": ENCODINGS[fmt],
        "contentSize": f"{entry.size} B",
        "sha256": entry.sha256,
    }


def _source(config: str, column: str, json_path: str | None) -> dict[str, Any]:
    source: dict[str, Any] = {"fileSet": {"@id": file_set_id(config)}, "extract": {"column": column}}
    if json_path is not None:
        source["transform"] = {"jsonPath": json_path}
    return source


def _key_path(path: str | None, key: str) -> str:
    return f"{path}.{key}" if path else key


def _field(config: str, column: Column, field_id: str, top: str, path: str | None) -> dict[str, Any]:
    """A field for ``column``; ``top`` is the Parquet column, ``path`` the key path inside it."""
    node = column.item if column.kind == "array" and column.item is not None else column
    field: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": field_id,
        "name": column.name,
        "description": column.description,
    }
    if column.kind == "array":
        field["isArray"] = True
        field["arrayShape"] = "-1"
    if node.kind == "object":
        field["subField"] = [
            _field(config, child, f"{field_id}/{child.name}", top, _key_path(path, child.name))
            for child in node.children
        ]
    else:
        field["dataType"] = _DATA_TYPES[node.kind]
        field["source"] = _source(config, top, path)
    return field


#: The record set that names the splits (Croissant's ``cr:Split`` type).
SPLITS_RECORD_SET = "splits"
#: Every config's column that names the row's split, which references the splits record set.
SPLIT_FIELD = "split"


def _splits_record_set(desc: ReleaseDescription) -> dict[str, Any]:
    """The splits this release has files for, as a ``cr:Split`` record set."""
    names = [split for split in SPLITS if any(split in c.splits for c in desc.configs)]
    return {
        "@type": "cr:RecordSet",
        "@id": SPLITS_RECORD_SET,
        "name": SPLITS_RECORD_SET,
        "description": f"The splits, by call: {SPLIT_RULE}.",
        "dataType": "cr:Split",
        "key": {"@id": f"{SPLITS_RECORD_SET}/name"},
        "field": [
            {
                "@type": "cr:Field",
                "@id": f"{SPLITS_RECORD_SET}/name",
                "name": "name",
                "description": "The split's name.",
                "dataType": "sc:Text",
            }
        ],
        "data": [{f"{SPLITS_RECORD_SET}/name": name} for name in names],
    }


def _split_references(field: dict[str, Any]) -> dict[str, Any]:
    """A config's ``split`` column, tied to the splits record set (each row's split is the one
    of the file that holds it)."""
    if field["name"] == SPLIT_FIELD:
        field["references"] = {"field": {"@id": f"{SPLITS_RECORD_SET}/name"}}
    return field


def _record_set(desc: ReleaseDescription, name: str) -> dict[str, Any]:
    return {
        "@type": "cr:RecordSet",
        "@id": name,
        "name": name,
        "description": desc.config(name).description,
        "field": [
            _split_references(_field(name, c, f"{name}/{c.name}", c.name, None)) for c in columns(name)
        ],
    }


def croissant_data(desc: ReleaseDescription) -> dict[str, Any]:
    """The Croissant document as plain data."""
    about = desc.about
    distribution: list[dict[str, Any]] = [
        _file_object(desc, path, fmt)
        for config in desc.configs
        for fmt, paths in config.files.items()
        for path in paths
    ]
    distribution += [
        {
            "@type": "cr:FileSet",
            "@id": file_set_id(config.name),
            "name": file_set_id(config.name),
            "description": f"The Parquet files of the `{config.name}` config.",
            "encodingFormat": ENCODINGS["parquet"],
            "includes": f"data/{config.name}/*.parquet",
        }
        for config in desc.configs
    ]
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": about.name,
        "alternateName": about.title,
        "description": about.abstract,
        "license": f"https://spdx.org/licenses/{about.license_spdx}.html",
        "version": desc.version,
        "datePublished": desc.date_released,
        "citeAs": render_bibtex(desc),
        "creator": [{"@type": "sc:Organization", "name": author} for author in about.authors],
        "keywords": list(about.keywords),
        "inLanguage": list(desc.about.languages),
    }
    if about.repository:
        data["url"] = about.repository
    data["distribution"] = distribution
    data["recordSet"] = [_splits_record_set(desc)] + [_record_set(desc, c.name) for c in desc.configs]
    return data


def render_croissant(desc: ReleaseDescription) -> str:
    """``croissant.json`` text."""
    return dump_json(croissant_data(desc))
