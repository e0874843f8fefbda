"""Variants of the seeds that must build, through the whole per-file pipeline (rows validated):
Simplified Chinese, other disclaimer wordings, en-dash headers, an English-only call and a
call without Q&A (``tests/variants.py`` derives them from the seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, seed_lines
from variants import VARIANTS

from builder.rows.process import ProcessedFile, process_file
from builder.sources import parse_source


def _process(tmp_path: Path, lines: list[str]) -> ProcessedFile:
    path = tmp_path / "variant.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    done = process_file(path, "variant.txt")
    assert done.problems == ()
    return done


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ProcessedFile]:
    folder = tmp_path_factory.mktemp("originals")
    return {name: _process(folder, seed_lines(name)) for name in SEEDS}


def _structure(done: ProcessedFile) -> tuple:
    t = done.transcript
    return (
        [(p.name, p.role) for p in t.participants],
        [(e.questioner, e.first_turn, e.last_turn) for e in t.exchanges],
        [(s.en, s.line_en) for s in t.segments],
    )


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", SEEDS)
def test_variant_builds(variant: str, name: str, tmp_path: Path, originals: dict[str, ProcessedFile]) -> None:
    lines = VARIANTS[variant](seed_lines(name))
    done = _process(tmp_path, lines)
    original = originals[name]
    transcript, row = done.transcript, done.rows["transcripts"][0]
    if variant == "simplified":
        assert _structure(done) == _structure(original)
        assert row["translation_origin"]["script"] == "simplified"
        assert row["translation_origin"]["method"] == "machine_translation"
        flagged = sum("simplified_chars" in s["flags"] for s in done.config_rows("segments"))
        assert flagged > len(done.config_rows("segments")) // 2
    elif variant.startswith("disclaimer"):
        assert _structure(done) == _structure(original)
        assert row["translation_origin"]["method"] == "machine_translation"
        assert row["translation_origin"]["script"] == "traditional"
        assert "unrecognized_front_matter" not in row["flags"]
    elif variant == "en-dash headers":
        assert _structure(done)[:2] == _structure(original)[:2]
        assert "–" in transcript.turns[1].header.text_en  # stored as written
    elif variant == "english only":
        assert "no_translation" in row["flags"] and row["text_zh"] == ""
        assert row["translation_origin"] == {
            "method": None,
            "engine": None,
            "disclaimer": None,
            "source_line": None,
            "script": None,
        }
        assert all(s["translation"]["zh"] is None for s in done.config_rows("segments"))
        assert all("missing_translation" in s["flags"] for s in done.config_rows("segments"))
        assert [p.name for p in transcript.participants] == [p.name for p in original.transcript.participants]
        assert len(transcript.exchanges) == len(original.transcript.exchanges)
    else:  # without Q&A
        assert transcript.exchanges == [] and "qa_start_not_found" in row["flags"]
        assert {t.section for t in transcript.turns} == {"prepared_remarks"}
        assert "participant" not in {p.role for p in transcript.participants}
        assert row["num_segments"] == original.transcript.qa_start_segment


@pytest.mark.parametrize("name", ["rekor-systems-2021-q3.txt", "stem-2024-q4.txt"])  # the plain seeds
def test_an_english_only_call_whose_headers_are_disguised_is_read_as_the_speaker_rules_read_it(
    name: str, tmp_path: Path
) -> None:
    """No Chinese line, so the plain layout is known by its headers written twice: written with
    an em dash, and ``Operator`` with a Cyrillic ``О``, they are headers to the layouts' test as
    to the speaker rules (one rule, ``rust/src/header.rs``), not a file of no known layout."""
    english = VARIANTS["english only"](seed_lines(name))
    disguised = [line.replace(" - ", " — ").replace("Operator", "\u041eperator") for line in english]
    # A literal ` - ` or `Operator` is gone: the layouts' test of before found no header here.
    assert not any(" - " in line or line.strip().lower() in ("operator", "moderator") for line in disguised)
    assert parse_source(name, "\n".join(disguised).encode()).layout == "plain"
    done, plain = _process(tmp_path, disguised), _process(tmp_path, english)
    people = [[(p.name, p.role) for p in d.transcript.participants] for d in (done, plain)]
    assert people[0] == people[1] and len(people[0]) > 5
    assert [t.header.name for t in done.transcript.turns if t.header] == [
        t.header.name for t in plain.transcript.turns if t.header
    ]
