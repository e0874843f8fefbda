"""The JSON Schemas in ``schema/`` are the one source of truth for every record kind.

The Arrow schema, the ``datasets`` Features (as embedded in Parquet) and the card's
``dataset_info.features`` are all derived here from them, never written by hand. Derivation
rules: ``string``/``integer``/``number``/``boolean`` map to
``string``/``int64``/``float64``/``bool``; ``array`` to a
list; ``object`` to a struct in property order; an object marked ``"x-feature": "Translation"``
to a ``datasets`` Translation over its property names. Nullability lives in the JSON Schema
(``["string", "null"]``); Arrow fields are all nullable, as ``datasets`` writes them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa

JSONSchema = dict[str, Any]

_ARROW_SCALARS = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
_DTYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}


@cache
def schema_text(filename: str) -> str:
    """The text of a file of ``schema/``: from the checkout, or from the installed wheel's copy."""
    checkout = Path(__file__).resolve().parent.parent / "schema" / filename
    if checkout.is_file():
        return checkout.read_text("utf-8")
    return resources.files("builder.schemas").joinpath(filename).read_text("utf-8")


@cache
def _read(filename: str) -> dict[str, Any]:
    """A file of ``schema/``, parsed."""
    return json.loads(schema_text(filename))


def release_spec() -> dict[str, Any]:
    """The release description: schema version, default config, and each config's schema."""
    return _read("release.json")


def schema_version() -> str:
    """The schema version every release records."""
    return release_spec()["schema_version"]


def config_names() -> list[str]:
    """Config names, default first."""
    spec = release_spec()
    default = spec["default_config"]
    return [default, *(name for name in spec["configs"] if name != default)]


def load_schema(name: str) -> JSONSchema:
    """A JSON Schema by config name (``segments``, ``transcripts``) or file stem (``manifest``)."""
    configs = release_spec()["configs"]
    filename = configs[name]["schema"] if name in configs else f"{name}.schema.json"
    return _read(filename)


def _resolve(node: JSONSchema, root: JSONSchema) -> JSONSchema:
    ref = node.get("$ref")
    if ref is None:
        return node
    if not ref.startswith("#/$defs/"):
        raise ValueError(f"unsupported $ref {ref!r}: only local #/$defs/ references")
    return root["$defs"][ref.removeprefix("#/$defs/")]


def _kind(node: JSONSchema) -> str:
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    kinds = [t for t in types if t != "null"]
    if len(kinds) != 1:
        raise ValueError(f"cannot derive a column type from type {node['type']!r}")
    return kinds[0]


def _arrow(node: JSONSchema, root: JSONSchema) -> pa.DataType:
    node = _resolve(node, root)
    kind = _kind(node)
    if kind == "array":
        return pa.list_(_arrow(node["items"], root))
    if kind == "object":
        return pa.struct([pa.field(k, _arrow(v, root)) for k, v in node["properties"].items()])
    return _ARROW_SCALARS[kind]


def arrow_schema(config: str) -> pa.Schema:
    """The Arrow schema of a config, with the ``datasets`` features embedded as metadata."""
    root = load_schema(config)
    fields = [pa.field(k, _arrow(v, root)) for k, v in root["properties"].items()]
    features = json.dumps({"info": {"features": features_dict(config)}}, ensure_ascii=False)
    return pa.schema(fields, metadata={"huggingface": features})


def _feature(node: JSONSchema, root: JSONSchema) -> Any:
    node = _resolve(node, root)
    kind = _kind(node)
    if node.get("x-feature") == "Translation":
        return {"languages": list(node["properties"]), "_type": "Translation"}
    if kind == "array":
        return {"feature": _feature(node["items"], root), "_type": "List"}
    if kind == "object":
        return {k: _feature(v, root) for k, v in node["properties"].items()}
    return {"dtype": _DTYPES[kind], "_type": "Value"}


def features_dict(config: str) -> dict[str, Any]:
    """The ``datasets`` Features of a config, serialized as ``Features.to_dict()`` writes them."""
    root = load_schema(config)
    return {k: _feature(v, root) for k, v in root["properties"].items()}


def _yaml_entry(name: str | None, node: JSONSchema, root: JSONSchema) -> Any:
    node = _resolve(node, root)
    kind = _kind(node)
    if node.get("x-feature") == "Translation":
        body: dict[str, Any] = {"dtype": {"translation": {"languages": list(node["properties"])}}}
    elif kind == "array":
        inner = _yaml_entry(None, node["items"], root)
        body = {"list": inner["dtype"] if set(inner) == {"dtype"} else inner.get("struct", inner)}
    elif kind == "object":
        body = {"struct": [_yaml_entry(k, v, root) for k, v in node["properties"].items()]}
    else:
        body = {"dtype": _DTYPES[kind]}
    return body if name is None else {"name": name, **body}


def yaml_features(config: str) -> list[dict[str, Any]]:
    """The card's ``dataset_info.features`` list, as ``datasets`` writes it in README YAML."""
    root = load_schema(config)
    return [_yaml_entry(k, v, root) for k, v in root["properties"].items()]
