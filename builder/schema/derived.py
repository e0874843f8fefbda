"""The Arrow schema, ``datasets`` Features and the card's YAML features, derived from the columns.

Derivation rules: ``string``/``integer``/``number``/``boolean`` map to
``string``/``int64``/``float64``/``bool``; ``array`` to a list; ``object`` to a struct in
property order; an object marked ``"x-feature": "Translation"`` to a ``datasets`` Translation
over its property names. Nullability lives in the JSON Schema (``["string", "null"]``); Arrow
fields are all nullable, as ``datasets`` writes them. A nullable integer column is marked for
pandas as ``Int64`` (pandas metadata), so ``pd.read_parquet`` keeps it integer, not float.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pyarrow as pa

from builder.schema.columns import Column, columns

_ARROW_SCALARS = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
_DTYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}


def _arrow(column: Column) -> pa.DataType:
    if column.item is not None:
        return pa.list_(_arrow(column.item))
    if column.kind == "object":
        return pa.struct([pa.field(child.name, _arrow(child)) for child in column.children])
    return _ARROW_SCALARS[column.kind]


@cache
def arrow_schema(config: str) -> pa.Schema:
    """The Arrow schema of a config, with the ``datasets`` features embedded as metadata
    (immutable, made once per process: every shard writer of every split asks for it)."""
    fields = [pa.field(column.name, _arrow(column)) for column in columns(config)]
    features = json.dumps({"info": {"features": features_dict(config)}}, ensure_ascii=False)
    return pa.schema(fields, metadata={"huggingface": features, "pandas": pandas_metadata(config)})


def pandas_metadata(config: str) -> str:
    """The pandas metadata that gives nullable integer columns pandas' ``Int64`` dtype (only
    those columns are listed; pandas converts the others by their Arrow type)."""
    nullable_ints = [c.name for c in columns(config) if c.kind == "integer" and c.nullable]
    listed = [
        {"name": name, "field_name": name, "pandas_type": "int64", "numpy_type": "Int64", "metadata": None}
        for name in nullable_ints
    ]
    meta = {"index_columns": [], "column_indexes": [], "columns": listed, "attributes": {}}
    return json.dumps(meta | {"creator": {"library": "callcorpus"}, "pandas_version": "2.2.0"})


def _feature(column: Column) -> Any:
    if column.translation:
        return {"languages": [child.name for child in column.children], "_type": "Translation"}
    if column.item is not None:
        return {"feature": _feature(column.item), "_type": "List"}
    if column.kind == "object":
        return {child.name: _feature(child) for child in column.children}
    return {"dtype": _DTYPES[column.kind], "_type": "Value"}


def features_dict(config: str) -> dict[str, Any]:
    """The ``datasets`` Features of a config, serialized as ``Features.to_dict()`` writes them."""
    return {column.name: _feature(column) for column in columns(config)}


def _yaml_body(column: Column) -> dict[str, Any]:
    if column.translation:
        return {"dtype": {"translation": {"languages": [child.name for child in column.children]}}}
    if column.item is not None:
        inner = _yaml_body(column.item)
        return {"list": inner["dtype"] if set(inner) == {"dtype"} else inner.get("struct", inner)}
    if column.kind == "object":
        return {"struct": [{"name": child.name, **_yaml_body(child)} for child in column.children]}
    return {"dtype": _DTYPES[column.kind]}


def yaml_features(config: str) -> list[dict[str, Any]]:
    """The card's ``dataset_info.features`` list, as ``datasets`` writes it in README YAML."""
    return [{"name": column.name, **_yaml_body(column)} for column in columns(config)]
