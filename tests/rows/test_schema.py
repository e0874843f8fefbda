"""One source of truth: Arrow, Features and card YAML derive from the JSON Schemas and agree."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import datasets
import jsonschema
import pytest
from conftest import RAW, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import _core, flags
from builder.rows.process import process_file
from builder.schema.derived import arrow_schema, features_dict, yaml_features
from builder.schema.files import config_names, load_schema
from builder.schema.validate import RowValidator

SCHEMA_DIR = ROOT / "schema"


@pytest.mark.parametrize("config", config_names())
def test_derived_types_are_what_datasets_itself_derives(config: str) -> None:
    features = datasets.Features.from_dict(features_dict(config))
    assert features.to_dict() == features_dict(config)
    assert features._to_yaml_list() == yaml_features(config)
    assert features.arrow_schema.remove_metadata() == arrow_schema(config).remove_metadata()
    embedded = json.loads(arrow_schema(config).metadata[b"huggingface"])
    assert embedded == {"info": {"features": features_dict(config)}}


def test_translation_is_a_datasets_translation_feature() -> None:
    features = datasets.Features.from_dict(features_dict("segments"))
    assert features["translation"] == datasets.Translation(languages=["en", "zh"])


@pytest.mark.parametrize("path", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda p: p.name)
def test_schemas_are_valid_and_patterns_anchored_ascii(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    patterns = re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))
    for pattern in patterns:
        assert pattern.startswith("^") and pattern.endswith("$"), pattern
        assert "\\\\d" not in pattern, f"use [0-9], not \\d: {pattern}"


def test_every_field_is_described() -> None:
    def walk(node: dict, where: str) -> None:
        for name, prop in node.get("properties", {}).items():
            if "$ref" not in prop:
                assert prop.get("description"), f"{where}.{name} has no description"
                walk(prop, f"{where}.{name}")
                if "items" in prop:
                    walk(prop["items"], f"{where}.{name}[]")

    for config in config_names():
        walk(load_schema(config), config)


def test_flag_codes_in_schemas_match_the_catalog() -> None:
    segment_enum = load_schema("segments")["properties"]["flags"]["items"]["enum"]
    transcript_enum = load_schema("transcripts")["properties"]["flags"]["items"]["enum"]
    assert segment_enum == flags.codes("segment")
    assert transcript_enum == flags.codes("transcript")
    sentence = load_schema("sentences")
    assert sentence["properties"]["flags"]["items"]["enum"] == flags.codes("sentence")
    assert sentence["$defs"]["evidence"]["properties"]["code"]["enum"] == flags.codes("sentence")
    segment = load_schema("segments")
    assert segment["$defs"]["evidence"]["properties"]["code"]["enum"] == flags.codes("segment")


def _seed_rows() -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {config: [] for config in config_names()}
    for path in sorted(RAW.glob("*.txt")):
        processed = process_file(path, path.name)
        assert not processed.problems
        for config in rows:
            rows[config] += processed.config_rows(config)
    return rows


SEED_ROWS = _seed_rows()
VALIDATORS = {config: RowValidator(config) for config in config_names()}
REFERENCE = {config: jsonschema.Draft202012Validator(load_schema(config)) for config in config_names()}
CORE = {"sentences": _core.RowSchema(json.dumps(load_schema("sentences")))}

# Values that break a field in different ways: wrong type, null, empty, full-width digits.
_BAD_VALUES = st.sampled_from(
    [None, "", "１２３", "CXDO-2023Q２", -1, 0, 1.5, True, [], {}, "qa ", "x" * 3, ["bogus_flag"], 10**12]
)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list) and node:
        found += _paths(node[0], (*prefix, 0))
    return found


def _set(row: dict, path: tuple, value: object) -> dict:
    mutated = copy.deepcopy(row)
    target = mutated
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return mutated


@pytest.mark.parametrize("config", config_names())
def test_fast_validator_accepts_every_seed_row(config: str) -> None:
    for row in SEED_ROWS[config]:
        assert VALIDATORS[config].is_valid(row)
        assert REFERENCE[config].is_valid(row)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), config=st.sampled_from(config_names()), bad=_BAD_VALUES)
def test_fast_validator_agrees_with_jsonschema_on_mutated_rows(
    data: st.DataObject, config: str, bad: object
) -> None:
    row = data.draw(st.sampled_from(SEED_ROWS[config][:40]))
    path = data.draw(st.sampled_from(_paths(row)))
    mutated = _set(row, path, bad)
    assert VALIDATORS[config].is_valid(mutated) == REFERENCE[config].is_valid(mutated)
    # The core checks the sentence rows it writes with the same schema (rust/src/rows.rs).
    rejected = CORE["sentences"].invalid_lines(json.dumps(mutated, ensure_ascii=False)) == [0]
    assert config != "sentences" or rejected == (not REFERENCE[config].is_valid(mutated))


def test_every_config_has_seed_rows_and_the_core_accepts_the_sentence_rows() -> None:
    assert [len(SEED_ROWS[c]) for c in ("transcripts", "segments", "sentences")] == [3, 434, 1108]
    lines = "\n".join(json.dumps(row, ensure_ascii=False) for row in SEED_ROWS["sentences"])
    assert CORE["sentences"].invalid_lines(lines) == []


def test_failures_name_the_record_the_field_and_the_reason() -> None:
    row = _set(SEED_ROWS["segments"][41], ("translation", "zh"), "")
    row["section"] = "questions"
    messages = VALIDATORS["segments"].explain(row)
    assert messages == [
        "segments row CXDO-2023Q2-0041: field `section`: "
        "'questions' is not one of ['opening', 'safe_harbor', 'prepared_remarks', 'qa', 'closing_remarks']",
        "segments row CXDO-2023Q2-0041: field `translation/zh`: '' should be non-empty",
    ]


def test_full_width_digits_are_rejected() -> None:
    row = _set(SEED_ROWS["transcripts"][0], ("source_sha256",), "０" * 64)
    assert not VALIDATORS["transcripts"].is_valid(row)
