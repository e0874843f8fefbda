"""The MT exports' rules in the compiled core (``rust/src/exports.rs``) through the writers and
``builder._core``: the bytes the Python writers wrote before the port
(``tests/data/export-cases.json``, see ``tests/export_cases.py``), and Python's own formatting,
escaping and line splitting as oracles on generated input."""

from __future__ import annotations

import json
import random
import re
import struct
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import export_cases
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import _core
from builder.formats.moses import is_clean_pair

CASES = json.loads(export_cases.CASES.read_text("utf-8"))
HINT = "if a rule changed on purpose, regenerate with `python tests/export_cases.py`"


def _batch(rows: list[dict[str, Any]]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(rows, schema=export_cases.schema())


def _row(
    k: int, en: str | None = "a", zh: str | None = "b", score: float = 0.5, flags: Any = ()
) -> dict[str, Any]:
    pair = {"en": en, "zh": zh}
    return {
        "sentence_id": f"T-{k}",
        "translation": pair,
        "alignment": "1-1",
        "score": score,
        "flags": list(flags),
    }


def test_the_hostile_rows_are_written_as_the_python_writers_wrote_them() -> None:
    hostile = CASES["hostile"]
    got = export_cases.exports(export_cases.batches(hostile["rows"], hostile["batch_rows"]))
    for ext, expected in hostile["out"].items():
        assert got[ext].decode("utf-8") == expected, f"{ext}: {HINT}"


def test_the_committed_release_is_exported_as_the_python_writers_exported_it() -> None:
    got = export_cases.exports(export_cases.release_batches())
    for ext, expected in CASES["release"]["out"].items():
        assert export_cases.digest(got[ext]) == expected, f"{ext}: {HINT}"


def test_the_cases_cover_what_they_claim() -> None:
    rows = CASES["hostile"]["rows"]
    ids = [r["sentence_id"] for r in rows]
    assert any('"' in i and "'" in i for i in ids) and any('"' in i and "'" not in i for i in ids)
    texts = "".join(r["translation"][side] or "" for r in rows for side in ("en", "zh"))
    assert all(brk in texts for brk in export_cases.BREAKS)
    assert {len(r["flags"]) for r in rows} == set(range(5))
    assert CASES["hostile"]["out"]["tmx"].count("<tu ") < len(rows)  # one-sided units left out


def test_a_sliced_batch_reads_from_its_offset() -> None:
    rows = CASES["hostile"]["rows"]
    whole = _batch(rows)
    for start, length in ((0, 1), (3, 40), (57, 100), (len(rows) - 2, 2)):
        part = whole.slice(start, length)
        fresh = _batch(rows[start : start + length])
        assert _core.tmx_units(part) == _core.tmx_units(fresh)
        assert _core.moses_lines(part) == _core.moses_lines(fresh)


def _scores(values: list[float]) -> list[str]:
    units = _core.tmx_units(_batch([_row(k, score=v) for k, v in enumerate(values)])).decode("utf-8")
    return re.findall('<prop type="x-score">([^<]*)</prop>', units)


def test_scores_have_four_decimals_as_python_writes_them() -> None:
    rng = random.Random(7)
    values = [rng.random() for _ in range(20_000)]
    values += [k / 2**n for n in range(1, 16) for k in range(0, 2**n + 1, max(1, 2**n // 512))]
    values += [k * 0.00005 for k in range(20_001)] + [k * 0.0001 + 0.00005 for k in range(10_000)]
    values += [struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(20_000)]
    values += [0.0, -0.0, 1.0, float("nan"), float("-nan"), float("inf"), float("-inf"), 5e-324, 1e308]
    assert _scores(values) == [f"{v:.4f}" for v in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(), st.text(), st.text(min_size=1)), min_size=1, max_size=6))
def test_text_and_ids_are_escaped_as_the_standard_library_escapes_them(
    units: list[tuple[str, str, str]],
) -> None:
    not_xml = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

    def text(value: str) -> str:
        return escape(not_xml.sub("\ufffd", value), {"\r": "&#13;"})

    rows = [{**_row(k, en, zh), "sentence_id": ident} for k, (en, zh, ident) in enumerate(units)]
    got = _core.tmx_units(_batch(rows)).decode("utf-8")
    pairs = [r for r in rows if r["translation"]["en"] and r["translation"]["zh"]]
    assert got.count("    <tu tuid=") == len(pairs)
    for row in pairs:
        tu = (
            f"    <tu tuid={quoteattr(row['sentence_id'])}>\n"
            '      <prop type="x-alignment">1-1</prop>\n      <prop type="x-score">0.5000</prop>\n'
            f'      <tuv xml:lang="en"><seg>{text(row["translation"]["en"])}</seg></tuv>\n'
            f'      <tuv xml:lang="zh-Hant"><seg>{text(row["translation"]["zh"])}</seg></tuv>\n'
        )
        assert tu in got


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(), st.text(), st.booleans()), min_size=1, max_size=6))
def test_moses_lines_join_what_splitlines_cuts(units: list[tuple[str, str, bool]]) -> None:
    rows = [_row(k, en, zh, flags=["untranslated"] * flagged) for k, (en, zh, flagged) in enumerate(units)]
    clean = [r for r in rows if is_clean_pair(r)]
    expected = [
        "".join(" ".join(r["translation"][side].splitlines()) + "\n" for r in clean).encode("utf-8")
        for side in ("en", "zh")
    ]
    expected.append("".join(r["sentence_id"] + "\n" for r in clean).encode("utf-8"))
    assert list(_core.moses_lines(_batch(rows))) == expected


@pytest.mark.parametrize(
    ("en", "zh", "flags", "clean"),
    [("a", "b", [], True), ("a", "b", ["untranslated"], False), ("", "b", [], False), ("a", None, [], False)],
)
def test_is_clean_pair_reads_the_rule_from_the_core(
    en: str, zh: str | None, flags: list[str], clean: bool
) -> None:
    assert is_clean_pair(_row(0, en, zh, flags=flags)) is clean
    assert (_core.moses_lines(_batch([_row(0, en, zh, flags=flags)]))[2] == b"T-0\n") is clean


def test_a_batch_of_other_types_is_refused() -> None:
    batch = _batch([_row(0)])
    wrong = batch.set_column(0, "sentence_id", pa.array([b"T-0"], pa.binary()))
    with pytest.raises(ValueError, match="sentence_id"):
        _core.tmx_units(wrong)
    null_score = batch.set_column(3, "score", pa.array([None], pa.float64()))
    with pytest.raises(ValueError, match="score"):
        _core.tmx_units(null_score)


def test_the_recorded_file_stays_small() -> None:
    assert export_cases.CASES.stat().st_size < 1_000_000
