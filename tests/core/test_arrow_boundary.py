"""Rows cross from the core to pyarrow as Arrow (``rust/src/batch.rs``, ``value_batch.rs``,
``rust/src/bindings/rows.rs``): a config's schema goes in and each batch comes out through the
Arrow PyCapsule interface, holding the rows the core wrote as JSON lines (``segments``,
``sentences``) or the dicts Python built (the other configs), value for value."""

from __future__ import annotations

from collections.abc import Callable

import orjson
import pyarrow as pa
import pytest
from conftest import RAW

from builder import _core
from builder.rows.process import process_file
from builder.schema.derived import arrow_schema

PROCESSED = process_file(sorted(RAW.glob("*.txt"))[0])


def _queue(schema: pa.Schema) -> _core.SentenceBatches:
    batches = _core.SentenceBatches(schema)
    batches.push(list(PROCESSED.aligned))
    return batches


def test_batches_hold_the_rows_the_core_wrote_as_lines_in_order() -> None:
    batches = _queue(arrow_schema("sentences"))
    lines = [orjson.loads(line) for line in PROCESSED.lines["sentences"].splitlines()]
    assert len(batches) == len(lines) == PROCESSED.counts["sentences"] > 100
    first = batches.take(37)
    assert first.num_rows == 37 and len(batches) == len(lines) - 37
    rest = pa.record_batch(batches.take(len(lines)))
    assert pa.record_batch(first).to_pylist() + rest.to_pylist() == lines
    assert len(batches) == 0 and batches.take(5).num_rows == 0


def test_segment_batches_hold_the_rows_the_core_wrote_as_lines_in_order() -> None:
    batches = _core.SegmentBatches(arrow_schema("segments"))
    batches.push(list(PROCESSED.aligned))
    lines = [orjson.loads(line) for line in PROCESSED.lines["segments"].splitlines()]
    assert len(batches) == len(lines) == PROCESSED.counts["segments"] > 50
    first = pa.record_batch(batches.take(7)).to_pylist()
    rest = pa.record_batch(batches.take(len(lines))).to_pylist()
    assert first + rest == lines == PROCESSED.config_rows("segments")
    assert len(batches) == 0 and batches.take(5).num_rows == 0


def test_segment_batches_refuse_a_schema_of_other_columns() -> None:
    with pytest.raises(ValueError, match="the segments schema has the columns"):
        _core.SegmentBatches(arrow_schema("qa"))


def test_a_batch_is_read_by_pyarrow_as_often_as_asked_with_the_schema_it_was_given() -> None:
    schema = arrow_schema("sentences")
    batch = _queue(schema).take(10)
    once, twice = pa.record_batch(batch), pa.record_batch(batch)
    assert once.equals(twice) and once.schema.equals(schema, check_metadata=True)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda fields: [fields[1], fields[0], *fields[2:]], "columns"),
        (lambda fields: [*fields[:4], pa.field("segment_index", pa.int32()), *fields[5:]], "Int32"),
        (lambda fields: fields[:-1], "columns"),
    ],
)
def test_a_schema_the_core_does_not_build_is_refused(
    change: Callable[[list[pa.Field]], list[pa.Field]], said: str
) -> None:
    schema = pa.schema(change(list(arrow_schema("sentences"))))
    with pytest.raises(ValueError, match=said):
        _queue(schema).take(1)


def test_the_schema_must_come_through_the_capsule_interface() -> None:
    with pytest.raises(AttributeError):
        _core.SentenceBatches(["sentence_id"])  # type: ignore[arg-type]


@pytest.mark.parametrize("config", ["transcripts", "qa"])
def test_dict_batches_hold_the_dicts_given_in_order_a_batch_at_a_time(config: str) -> None:
    rows = PROCESSED.rows[config]
    batches = _core.DictBatches(arrow_schema(config), 2)
    batches.push(rows[:1])
    batches.push(rows[1:])
    assert len(batches) == len(rows) > 0
    taken = []
    while len(batches):
        taken += pa.record_batch(batches.take(min(2, len(batches)))).to_pylist()
    assert taken == rows
    assert batches.take(5).num_rows == 0


def test_dict_batches_are_taken_a_whole_batch_at_a_time() -> None:
    batches = _core.DictBatches(arrow_schema("qa"), 2)
    batches.push(PROCESSED.rows["qa"][:3])
    with pytest.raises(ValueError, match="1 rows asked, the rows are taken 2 at a time"):
        batches.take(1)
    with pytest.raises(ValueError, match="3 rows asked"):
        batches.take(3)
    assert batches.take(2).num_rows == 2 and batches.take(1).num_rows == 1
