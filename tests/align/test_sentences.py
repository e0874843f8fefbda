"""The sentences config, quality.json, the card section and the MT exports of the seeds' release."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import datasets
import pyarrow as pa
import pytest
from conftest import RAW, ROOT, SEEDS, reseal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.evidence.glossary import glossary_text
from builder.flags import codes
from builder.formats.compression import open_read, open_write
from builder.formats.moses import is_clean_pair
from builder.records import Segment, Turn
from builder.release.build import BuildSummary
from builder.schema.files import load_schema

CALLCORPUS = ROOT / ".venv" / "bin" / "callcorpus"


@pytest.fixture(scope="module")
def sentences(seed_release: BuildSummary) -> datasets.Dataset:
    return datasets.load_dataset(str(seed_release.path), "sentences", split="train")


@pytest.fixture(scope="module")
def segments(seed_release: BuildSummary) -> datasets.Dataset:
    return datasets.load_dataset(str(seed_release.path), "segments", split="train")


def test_datasets_loads_the_sentences_config(sentences: datasets.Dataset) -> None:
    assert len(sentences) == 1108
    assert sentences.features["translation"] == datasets.Translation(languages=["en", "zh"])
    assert sentences.features["score"] == datasets.Value("float64")
    assert sorted(set(sentences["transcript_id"])) == sorted(SEEDS.values())
    first = sentences[0]
    assert first["sentence_id"] == "CXDO-2023Q2-0000-000" and first["translation"]["zh"] == "問候。"


def test_units_give_back_every_paragraph_of_the_release(
    sentences: datasets.Dataset, segments: datasets.Dataset
) -> None:
    units: dict[str, list[dict]] = {}
    for row in sentences:
        units.setdefault(row["segment_id"], []).append(row)
    assert list(units) == segments["segment_id"]  # same order, every segment has units
    for segment in segments:
        rows = units[segment["segment_id"]]
        assert [r["position"] for r in rows] == list(range(len(rows)))
        for side in ("en", "zh"):
            text = segment["translation"][side] or ""
            position = 0
            for row in rows:
                start, end, value = row[f"{side}_start"], row[f"{side}_end"], row["translation"][side]
                if value is None:
                    assert start is None and end is None
                    continue
                assert text[start:end] == value and not text[position:start].strip()
                position = end
            assert not text[position:].strip()


def test_flags_and_evidence_agree(sentences: datasets.Dataset, segments: datasets.Dataset) -> None:
    for config, rows in (("sentence", sentences), ("segment", segments)):
        for row in rows:
            assert [e["code"] for e in row["flag_evidence"]] == row["flags"]
            assert all(e["evidence"] for e in row["flag_evidence"])
            assert [c for c in codes(config) if c in row["flags"]] == row["flags"]  # catalog order
    one_sided = [r for r in sentences if not (r["translation"]["en"] and r["translation"]["zh"])]
    assert one_sided and all(r["score"] == 0.0 and r["flags"] for r in one_sided)


def test_quality_json_counts_what_the_rows_hold(
    seed_release: BuildSummary, sentences: datasets.Dataset
) -> None:
    report = json.loads((seed_release.path / "quality.json").read_text("utf-8"))
    assert report["rows"] == {"segments": 434, "sentences": 1108}
    counted: dict[str, int] = {}
    for row in sentences:
        for code in row["flags"]:
            counted[code] = counted.get(code, 0) + 1
    assert report["flags"]["sentences"] == counted
    assert sum(report["score_distribution"].values()) == sum(
        1 for r in sentences if r["translation"]["en"] and r["translation"]["zh"]
    )
    assert "number_mismatch_hits" not in report  # the hits are in the rows; the report is figures
    assert set(report["flag_benchmark"]["catch"]) >= {"digit", "direction", "qualifier", "term"}
    assert set(report["per_transcript"]) == set(SEEDS.values())


def test_card_has_the_translation_quality_section(seed_release: BuildSummary) -> None:
    card = (seed_release.path / "README.md").read_text("utf-8")
    section = card.split("## Translation quality\n", 1)[1].split("\n## ", 1)[0]
    flags = card.split("## Flags\n", 1)[1].split("\n## ", 1)[0]
    assert "| `stray_fragment` | warning | 4 | 4 | – |" in flags
    assert "看起來的陳述。" in section  # a real example
    assert "| `number_qualifier` | warning |" in section  # what each flag catches and cannot
    assert "Finance glossary (version" in section and "貨架" in section


def test_quality_command_prints_the_report(seed_release: BuildSummary, tmp_path: Path) -> None:
    done = subprocess.run([CALLCORPUS, "quality", str(seed_release.path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "measured (bench/bench_flags.py):" in done.stdout
    assert "false alarms:" in done.stdout
    missing = subprocess.run([CALLCORPUS, "quality", str(tmp_path)], capture_output=True, text=True)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
    (tmp_path / "quality.json").write_text("[1, 2", encoding="utf-8")
    broken = subprocess.run([CALLCORPUS, "quality", str(tmp_path)], capture_output=True, text=True)
    assert broken.returncode == 1 and broken.stderr.startswith("error:") and "Traceback" not in broken.stderr


def _mt(release: Path, ext: str) -> Path:
    return release / "mt" / f"train-00000-of-00001.{ext}.gz"


def _mt_text(release: Path, ext: str) -> str:
    with open_read(_mt(release, ext)) as file:
        return file.read().decode("utf-8")


def test_moses_files_are_line_aligned_clean_pairs(
    seed_release: BuildSummary, sentences: datasets.Dataset
) -> None:
    en, zh, ids = (_mt_text(seed_release.path, ext).split("\n") for ext in ("en", "zh", "ids"))
    assert len(en) == len(zh) == len(ids) and en[-1] == zh[-1] == ids[-1] == ""
    clean = [r for r in sentences if is_clean_pair(r)]
    assert len(clean) == len(en) - 1 > 1000
    assert ids[:-1] == [r["sentence_id"] for r in clean]
    assert en[:-1] == [r["translation"]["en"] for r in clean]
    assert zh[:-1] == [r["translation"]["zh"] for r in clean]


def test_tmx_reads_back_with_translate_toolkit(
    seed_release: BuildSummary, sentences: datasets.Dataset
) -> None:
    from translate.storage import factory, tmx

    # translate-toolkit opens the gzipped TMX as it is (its factory decompresses by extension).
    store = factory.getobject(str(_mt(seed_release.path, "tmx")))
    assert isinstance(store, tmx.tmxfile)
    pairs = {r["sentence_id"]: r for r in sentences if r["translation"]["en"] and r["translation"]["zh"]}
    assert [unit.getid() for unit in store.units] == list(pairs)
    for unit in store.units:
        row = pairs[unit.getid()]
        assert (unit.source, unit.target) == (row["translation"]["en"], row["translation"]["zh"])
    flagged = [u for u in store.units if pairs[u.getid()]["flags"]]
    assert flagged and all(b"x-flags" in _tu_xml(u) for u in flagged)


def _tu_xml(unit: object) -> bytes:
    from lxml import etree

    return etree.tostring(unit.xmlelement)  # type: ignore[attr-defined]


def test_validate_cross_checks_sentences_segments_and_moses(
    seed_release: BuildSummary, tmp_path: Path
) -> None:
    import shutil

    import pyarrow.parquet as pq

    from builder.check.validate import check_release

    copy = tmp_path / "1.0.0"
    shutil.copytree(seed_release.path, copy)
    path = copy / "data" / "sentences" / "train-00000-of-00001.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    rows[5]["en_start"] += 1  # a span that no longer cuts the unit's text
    pq.write_table(table.from_pylist(rows, schema=table.schema), path)
    with open_write(_mt(copy, "zh")) as zh:
        zh.write("".join(_mt_text(copy, "zh").splitlines(keepends=True)[:-1]).encode("utf-8"))
    reseal(copy)
    problems = check_release(copy)
    assert f"sentence {rows[5]['sentence_id']}: `en` is not the segment's text at its span" in problems
    assert any(p.startswith("mt/: Moses line counts") for p in problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30)).filter(
            lambda pair: all(side.strip() for side in pair)
        ),
        min_size=1,
        max_size=5,
    )
)
def test_tmx_round_trips_any_text(tmp_path: Path, pairs: list[tuple[str, str]]) -> None:
    from translate.storage import tmx

    from builder.formats.tmx import TmxWriter
    from builder.schema.derived import arrow_schema

    rows = [
        {
            "sentence_id": f"T-0000-{k:03d}",
            "translation": {"en": en, "zh": zh},
            "alignment": "1-1",
            "score": 0.5,
            "flags": ["number_mismatch"] if k % 2 else [],
        }
        for k, (en, zh) in enumerate(pairs)
    ]
    path = tmp_path / f"x{abs(hash(tuple(pairs)))}.tmx"
    schema = arrow_schema("sentences")
    writer = TmxWriter(path, schema)
    batch = pa.RecordBatch.from_pylist(rows, schema=pa.schema([schema.field(name) for name in rows[0]]))
    writer.write(batch)
    writer.close()
    store = tmx.tmxfile.parsefile(str(path))
    assert [u.getid() for u in store.units] == [r["sentence_id"] for r in rows]
    xml_safe = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    for unit, (en, zh) in zip(store.units, pairs, strict=True):
        assert unit.source == xml_safe.sub("\ufffd", en)
        assert unit.target == xml_safe.sub("\ufffd", zh)


def test_sentence_rows_the_core_rejects_make_the_file_fail_with_their_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The core checks every sentence row it writes; a rejected row reaches the file's problems,
    named by its id, and the file is not written (here a schema that rejects every row stands in
    for a rule the rows would break)."""
    import builder.rows.sentences as sentence_rows
    from builder import _core
    from builder.rows.process import process_file

    strict = _core.SegmentAligner(
        codes("sentence"),
        codes("segment"),
        json.dumps({"not": {}}),
        json.dumps(load_schema("segments")),
        glossary_text(),
    )
    monkeypatch.setattr(sentence_rows, "segment_aligner", lambda: strict)
    processed = process_file(RAW / "stem-2024-q4.txt", "stem-2024-q4.txt")
    assert len(processed.problems) == processed.counts["sentences"] > 100
    # The reference validator, given the real schema, accepts the row, and says so.
    assert processed.problems[0] == (
        "sentences row stem-2024Q4-0000-000: rejected by the fast validator only (report this bug)"
    )


def test_segment_rows_the_core_rejects_make_the_file_fail_with_their_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The core checks every segment row it writes; a rejected row reaches the file's problems,
    named by its id, before those of the other configs, as the reference validator explains
    it."""
    import builder.rows.sentences as sentence_rows
    from builder import _core
    from builder.rows.process import process_file

    strict = _core.SegmentAligner(
        codes("sentence"),
        codes("segment"),
        json.dumps(load_schema("sentences")),
        json.dumps({"not": {}}),
        glossary_text(),
    )
    monkeypatch.setattr(sentence_rows, "segment_aligner", lambda: strict)
    processed = process_file(RAW / "stem-2024-q4.txt", "stem-2024-q4.txt")
    assert len(processed.problems) == processed.counts["segments"] > 50
    first = processed.config_rows("segments")[0]["segment_id"]
    assert processed.problems[0] == (
        f"segments row {first}: rejected by the fast validator only (report this bug)"
    )


def test_a_segment_row_out_of_its_schema_is_explained_field_by_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fact of the structure stage the schema does not allow is named with its field, as
    the reference validator says it, and the file's other rows are still checked."""
    import builder.rows.sentences as sentence_rows
    from builder.rows.process import process_file

    real = sentence_rows.standing

    def odd(segment: Segment, turn: Turn) -> tuple[str, int | None, str | None, int, int | None]:
        found = real(segment, turn)
        return ("lobby", *found[1:]) if segment.index == 3 else found

    monkeypatch.setattr(sentence_rows, "standing", odd)
    processed = process_file(RAW / "stem-2024-q4.txt", "stem-2024-q4.txt")
    segment_id = processed.config_rows("segments")[3]["segment_id"]
    assert processed.problems == (
        f"segments row {segment_id}: field `section`: 'lobby' is not one of "
        "['opening', 'safe_harbor', 'prepared_remarks', 'qa', 'closing_remarks']",
    )


def test_a_text_with_a_lone_surrogate_is_refused_before_any_row_is_written() -> None:
    """No row can hold a lone surrogate: Rust strings cannot, and the core refuses a Python
    string with one as it takes it (Python's UTF-8 codec's error), where orjson refused it
    before; the texts of a call come decoded from its bytes, so none has one."""
    from builder.align.findings import segment_aligner

    turn, standing = (0, "Ann\ud800", None, None, "unknown"), ("qa", None, None, 1, 2)
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
        segment_aligner().rows("Hi.", "嗨。", [], {}, "T-0000", "T", "train", 0, turn, standing)
