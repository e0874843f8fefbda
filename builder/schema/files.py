"""The JSON Schemas in ``schema/`` are the one source of truth for every record kind.

This module finds and reads them (from the checkout, or the installed wheel's copy): the
release description (schema version, default config, each config's schema) and each schema.
Everything else about fields is derived from them through ``builder.schema.columns``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

JSONSchema = dict[str, Any]


@cache
def schema_text(filename: str) -> str:
    """The text of a file of ``schema/``: from the checkout, or from the installed wheel's copy."""
    checkout = Path(__file__).resolve().parents[2] / "schema" / filename
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
