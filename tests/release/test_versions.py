"""Versions follow the changes: proposed from a diff, understated ones refused, diffs named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from builder.build.executor import SerialExecutor
from builder.cli import cli
from builder.errors import CallcorpusError, VersionUnderstated
from builder.release.build import BuildSummary, build_release
from builder.release.diff import check_schema_version, diff_releases, schema_changes
from builder.release.rowdiff import EXAMPLES
from builder.release.versions import bump, bump_level, check_bump, list_releases, parse_version
from builder.schema.files import schema_version


def test_version_arithmetic() -> None:
    assert parse_version("1.10.0") > parse_version("1.9.3")
    assert [bump("1.2.3", level) for level in ("patch", "minor", "major")] == ["1.2.4", "1.3.0", "2.0.0"]
    assert bump_level("1.2.3", "1.2.3") is None and bump_level("1.2.3", "1.1.9") is None
    assert bump_level("1.2.3", "2.0.0") == "major" and bump_level("1.2.3", "1.2.10") == "patch"
    for bad in ("1.0", "01.0.0", "1.0.0-rc1", "１.0.0"):
        with pytest.raises(CallcorpusError, match=r"is not of the form X\.Y\.Z"):
            parse_version(bad)
    with pytest.raises(VersionUnderstated, match=r"need a minor release \(1\.1\.0\): 1 transcript"):
        check_bump("1.0.0", "1.0.1", "minor", ["1 transcript(s) added"])
    with pytest.raises(VersionUnderstated, match="does not come after"):
        check_bump("1.0.0", "1.0.0", None, [])


def _schema(**properties: dict) -> dict:
    return {"properties": properties}


def test_schema_changes_carry_the_level_they_need() -> None:
    old = {
        "segments": _schema(
            a={"type": "string", "description": "A."},
            b={"type": ["integer", "null"]},
            flags={"type": "array", "items": {"type": "string", "enum": ["x", "y"]}},
        ),
        "transcripts": _schema(c={"type": "string"}),
    }
    new = {
        "segments": _schema(
            a={"type": "string", "description": "A, reworded."},
            b={"type": "integer"},
            flags={"type": "array", "items": {"type": "string", "enum": ["x", "z"]}},
            d={"type": "boolean"},
        ),
        "sentences": _schema(e={"type": "string"}),
    }
    found = {(c.config, c.path, c.change, c.level) for c in schema_changes(old, new)}
    assert found == {
        ("transcripts", "", "config removed", "major"),
        ("sentences", "", "config added", "minor"),
        ("segments", "d", "field added", "minor"),
        ("segments", "a", "description changed", "patch"),
        ("segments", "b", "nullability changed", "major"),
        ("segments", "flags", "values removed: ['y']", "major"),
        ("segments", "flags", "values added: ['z']", "minor"),
    }
    retyped = schema_changes({"s": _schema(a={"type": "string"})}, {"s": _schema(a={"type": "integer"})})
    assert [(c.change, c.before, c.after, c.level) for c in retyped] == [
        ("type changed", "string", "integer", "major")
    ]


def _add_call(raw: Path) -> None:
    """A fourth call: the Crexendo seed filed as 2023 Q3."""
    text = (raw / "crexendo-cxdo-2023-q2.txt").read_text("utf-8")
    (raw / "crexendo-cxdo-2023-q3.txt").write_text(text.replace("2023 Q2", "2023 Q3", 1), "utf-8")


def test_release_proposes_the_bump_the_changes_need(raw_copy: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    assert build_release(raw_copy, dist, None, executor=SerialExecutor()).version == "1.0.0"
    with pytest.raises(
        CallcorpusError,
        match=r"nothing changed in the data or the build settings since 1\.0\.0: .*--version 1\.0\.1",
    ):
        build_release(raw_copy, dist, None, executor=SerialExecutor())

    _add_call(raw_copy)
    with pytest.raises(VersionUnderstated, match=r"patch release, but the changes since 1\.0\.0 need a"):
        build_release(raw_copy, dist, "1.0.1", executor=SerialExecutor())
    assert list_releases(dist) == ["1.0.0"] and not list(dist.glob(".tmp-*"))
    added = build_release(raw_copy, dist, None, executor=SerialExecutor())
    assert added.version == "1.1.0"
    assert added.changes and added.changes["transcripts_added"] == ["CXDO-2023Q3"]

    stem = raw_copy / "stem-2024-q4.txt"
    stem.write_text(stem.read_text("utf-8").replace("Greetings", "Greetings and welcome", 1), "utf-8")
    fixed = build_release(raw_copy, dist, None, executor=SerialExecutor())
    assert fixed.version == "1.1.1" and fixed.changes
    assert fixed.changes["transcripts_changed"] == ["STEM-2024Q4"]

    manifest = raw_copy / "manifest.toml"
    exclusion = '\n[files."crexendo-cxdo-2023-q3.txt"]\nexclude = "test"\n'
    manifest.write_text(manifest.read_text("utf-8") + exclusion)
    removed = r"need a major release \(2\.0\.0\): 1 transcript\(s\) removed"
    with pytest.raises(VersionUnderstated, match=removed):
        build_release(raw_copy, dist, "1.2.0", executor=SerialExecutor())
    assert build_release(raw_copy, dist, None, executor=SerialExecutor()).version == "2.0.0"
    assert list_releases(dist) == ["1.0.0", "1.1.0", "1.1.1", "2.0.0"]


def test_diff_names_what_changed(raw_copy: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build_release(raw_copy, dist, None, executor=SerialExecutor())
    _add_call(raw_copy)
    rekor = raw_copy / "rekor-systems-2021-q3.txt"
    lines = rekor.read_text("utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if "I do apologize once again" in line)
    lines[target] = lines[target].replace("once again", "again")
    rekor.write_text("\n".join(lines), "utf-8")
    build_release(raw_copy, dist, "1.1.0", executor=SerialExecutor())

    diff = diff_releases(dist / "1.0.0", dist / "1.1.0", "1.0.0", "1.1.0")
    assert diff.added == ["CXDO-2023Q3"] and diff.removed == []
    (change,) = diff.changed
    assert change.transcript_id == "REKR-2021Q3"
    assert change.fields == ["source_sha256", "num_en_words", "text_en"]
    assert change.rows["segments"].changed == 1 and not change.rows["segments"].added
    assert diff.rows["transcripts"] == (3, 4)
    assert diff.required() == ("minor", ["1 transcript(s) added", "1 transcript(s) changed"])
    text = diff.render_text()
    assert "+ CXDO-2023Q3" in text
    assert "~ REKR-2021Q3: fields source_sha256, num_en_words, text_en; segments 1 changed" in text
    as_json = json.loads(json.dumps(diff.to_json()))
    assert as_json["required_bump"] == "minor"
    assert as_json["added"] == ["CXDO-2023Q3"] and as_json["rows"]["transcripts"] == {"old": 3, "new": 4}


def _rows_by_id(release: Path, config: str, key: str) -> dict[str, dict]:
    return {row[key]: row for row in pq.read_table(release / "data" / config).to_pylist()}


def test_diff_counts_every_changed_row_and_names_the_first(raw_copy: Path, tmp_path: Path) -> None:
    """Counts are whole, ids are the first few: checked against a comparison of the Parquet rows."""
    dist = tmp_path / "dist"
    build_release(raw_copy, dist, None, executor=SerialExecutor())
    stem = raw_copy / "stem-2024-q4.txt"
    stem.write_text(stem.read_text("utf-8").replace(" the ", " the the "), "utf-8")
    build_release(raw_copy, dist, "1.0.1", executor=SerialExecutor())

    (change,) = diff_releases(dist / "1.0.0", dist / "1.0.1", "1.0.0", "1.0.1").changed
    assert change.transcript_id == "STEM-2024Q4"
    for config, key in [("segments", "segment_id"), ("sentences", "sentence_id")]:
        before, after = _rows_by_id(dist / "1.0.0", config, key), _rows_by_id(dist / "1.0.1", config, key)
        differ = sorted(k for k in after if k in before and before[k] != after[k])
        delta = change.rows[config]
        assert delta.changed == len(differ) > EXAMPLES, config
        assert delta.examples["changed"] == differ[:EXAMPLES]
        assert delta.added == len(set(after) - set(before)) and delta.removed == len(set(before) - set(after))


def test_a_call_whose_id_changes_is_named_with_the_split_it_moves_to(raw_copy: Path, tmp_path: Path) -> None:
    """A corrected ticker changes the call's id, so its split (a function of the id) may move:
    the release names the call, both ids and both splits, in its reasons and its changelog."""
    dist = tmp_path / "dist"
    build_release(raw_copy, dist, None, executor=SerialExecutor())
    manifest = raw_copy / "manifest.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('ticker = "STEM"', 'ticker = "STEM6"'), "utf-8")
    release = build_release(raw_copy, dist, None, executor=SerialExecutor())
    assert release.version == "2.0.0" and release.changes
    assert release.changes["transcripts_renamed"] == [
        {
            "source_file": "stem-2024-q4.txt",
            "old_id": "STEM-2024Q4",
            "new_id": "STEM6-2024Q4",
            "old_split": "train",
            "new_split": "test",
        }
    ]
    assert (
        "1 transcript id(s) changed for the same raw file, 1 to another split" in release.changes["reasons"]
    )
    changelog = (dist / "2.0.0" / "README.md").read_text("utf-8")
    assert "`STEM-2024Q4` → `STEM6-2024Q4` (split moved train → test)" in changelog
    text = diff_releases(dist / "1.0.0", dist / "2.0.0", "1.0.0", "2.0.0").render_text()
    assert "> STEM-2024Q4 → STEM6-2024Q4 (stem-2024-q4.txt): split moved train → test" in text


def test_a_schema_change_needs_its_schema_version_moved(raw_copy: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    first = build_release(raw_copy, dist, None, executor=SerialExecutor())
    older = tmp_path / "older"
    shutil.copytree(first.path, older)
    schema = older / "schema" / "segment.schema.json"
    data = json.loads(schema.read_text("utf-8"))
    data["properties"]["retired"] = {"type": "string"}
    schema.write_text(json.dumps(data), "utf-8")
    diff = diff_releases(older, first.path, "0.9.0", "1.0.0")
    assert diff.required()[0] == "major"
    version = schema_version()
    expected = f"needs a major schema version, but schema/release.json says {version} (was {version})"
    assert expected in check_schema_version(diff)[0]


def test_a_version_below_the_newest_release_is_refused(seed_release: BuildSummary, raw_copy: Path) -> None:
    dist = seed_release.path.parent
    for command in ("build", "release"):
        result = CliRunner().invoke(
            cli, [command, "--raw", str(raw_copy), "--dist", str(dist), "--version", "0.9.0"]
        )
        assert result.exit_code == 1
        assert result.output == (
            f"error: version 0.9.0 is below the newest release 1.0.0 in {dist}: releases only move forward "
            "(rebuild an existing version, or cut one above 1.0.0)\n"
        )
    assert sorted(p.name for p in dist.iterdir()) == ["1.0.0"]


def test_release_dry_run_prints_the_version_and_changes_and_keeps_nothing(raw_copy: Path) -> None:
    project = raw_copy.parent
    dist = project / "dist"
    first = CliRunner().invoke(
        cli, ["release", "--raw", str(raw_copy), "--dist", str(dist), "--jobs", "1", "--new"]
    )
    assert first.exit_code == 0, first.output
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    stem = raw_copy / "stem-2024-q4.txt"
    stem.write_text(stem.read_text("utf-8").replace("Greetings", "Hello", 1), "utf-8")
    args = ["release", "--raw", str(raw_copy), "--dist", str(dist), "--jobs", "1", "--dry-run"]
    dry = CliRunner().invoke(cli, args)
    assert dry.exit_code == 0, dry.output
    assert dry.output.startswith(f"would cut (dry run: nothing written) {dist / '1.0.1'}: 3 transcripts")
    assert "changes since 1.0.0: patch" in dry.output and "updated" not in dry.output
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and p != stem}
    assert after == {
        p: data for p, data in before.items() if p != stem
    }  # no release, root file or cache entry


def test_a_major_schema_version_requires_a_major_release() -> None:
    """A change of meaning (what `exchange` counts) shows in no column's type: the schema
    version's major bump says it, and the release must follow."""
    from builder.release.diff import ReleaseDiff

    diff = ReleaseDiff("1.0.0", "next", ("1.0.0", "2.0.0"), [], [], [], [], {})
    assert diff.required() == ("major", ["schema version 1.0.0 → 2.0.0"])
    same = ReleaseDiff("1.0.0", "next", ("1.0.0", "1.0.0"), [], [], [], [], {})
    assert same.required() == (None, [])


def test_release_notes_are_kept_in_the_manifest_and_the_changelog(tmp_path: Path) -> None:
    from conftest import write_many_calls

    from builder.build.executor import SerialExecutor
    from builder.cards.changelog import render_entry
    from builder.cards.manifest import read_manifest
    from builder.release.build import build_release

    raw, dist = write_many_calls(tmp_path / "raw", 2), tmp_path / "dist"
    build_release(raw, dist, "1.0.0", SerialExecutor())
    write_many_calls(raw, 3)
    notes = "Why this release: **one more call**."
    build_release(raw, dist, "1.1.0", SerialExecutor(), notes=notes)
    changes = read_manifest(dist / "1.1.0")["changes"]
    assert changes["notes"] == notes
    assert notes in render_entry("1.1.0", "2026-12-02", {"segments": 1}, changes)
    assert build_release(raw, dist, "1.1.0", SerialExecutor()).unchanged  # a rebuild keeps them


def test_release_notes_that_are_empty_or_not_utf8_are_refused(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from builder.cli import cli

    for data in (b"  \n", b"\xff\xfe notes"):
        notes = tmp_path / "notes.md"
        notes.write_bytes(data)
        result = CliRunner().invoke(cli, ["release", "--dry-run", "--notes", str(notes)])
        assert result.exit_code == 2 and "--notes" in result.output and "Traceback" not in result.output
