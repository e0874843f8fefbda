"""Validate rows against the JSON Schemas, collecting every problem before failing once.

Each config gets two precompiled validators from the same schema: ``jsonschema_rs`` answers
"valid or not" for the bulk rows, and ``jsonschema`` (the reference implementation) explains
any row the fast one rejects, so a failure names the record id, the field and the reason.
The tests check that both agree on valid and invalid rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator

from builder.errors import ValidationFailed
from builder.schema import load_schema


class RowValidator:
    """Validates one config's rows; ``problems`` collects a line per invalid field."""

    def __init__(self, config: str) -> None:
        schema = load_schema(config)
        self.config = config
        self.id_field = next(iter(schema["properties"]))
        self._fast = jsonschema_rs.Draft202012Validator(schema)
        self._reference = Draft202012Validator(schema)
        self.problems: list[str] = []

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

    def check(self, row: dict[str, Any]) -> bool:
        """Validate a row, recording its problems; True when it is valid."""
        if self._fast.is_valid(row):
            return True
        self.problems.extend(self.explain(row))
        return False


def validate_rows(config: str, rows: Iterable[dict[str, Any]]) -> None:
    """Validate all rows of a config and raise ``ValidationFailed`` listing every problem."""
    validator = RowValidator(config)
    for row in rows:
        validator.check(row)
    if validator.problems:
        raise ValidationFailed(config, validator.problems)
