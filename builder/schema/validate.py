"""Validate rows against the JSON Schemas; every problem of a row is reported, none raised.

Each config gets two precompiled validators from the same schema: ``jsonschema_rs`` answers
"valid or not" for the bulk rows, and ``jsonschema`` (the reference implementation) explains
any row the fast one rejects, so a problem names the record id, the field and the reason.
The tests check that both agree on valid and invalid rows.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator

from builder.schema.columns import columns
from builder.schema.files import load_schema


class RowValidator:
    """Validates one config's rows."""

    def __init__(self, config: str) -> None:
        schema = load_schema(config)
        self.config = config
        self.id_field = columns(config)[0].name
        self._fast = jsonschema_rs.Draft202012Validator(schema)
        self._reference = Draft202012Validator(schema)

    def is_valid(self, row: dict[str, Any]) -> bool:
        """Fast yes/no check of one row."""
        return self._fast.is_valid(row)

    def explain(self, row: dict[str, Any]) -> list[str]:
        """Every reason the reference validator gives for rejecting a row, one line each."""
        record = row.get(self.id_field, "<no id>") if isinstance(row, dict) else "<not an object>"
        return [
            f"{self.config} row {record}: field `{'/'.join(map(str, error.absolute_path)) or '(row)'}`"
            f": {error.message}"
            for error in sorted(self._reference.iter_errors(row), key=lambda e: list(e.absolute_path))
        ] or [f"{self.config} row {record}: rejected by the fast validator only (report this bug)"]

    def problems(self, row: dict[str, Any]) -> list[str]:
        """Every problem of one row; empty when it is valid."""
        return [] if self._fast.is_valid(row) else self.explain(row)


@cache
def row_validator(config: str) -> RowValidator:
    """The validator of a config, compiled once per process."""
    return RowValidator(config)
