"""DOIs recorded in ``raw/doi.toml`` reach the citation files of the next release, and never a
release already built: record a DOI, rebuild the earlier release (same bytes), build the next
one (the DOIs in its card, CITATION.cff, BibTeX, manifest and the root .zenodo.json)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import RAW, TESTS

from builder.build.executor import SerialExecutor
from builder.check.verify import verify_release
from builder.errors import DoiRecordError
from builder.release.build import build_release
from builder.release.doi_record import citation_for
from builder.release.root_files import root_files

SCHEMAS = TESTS / "schemas"
CONCEPT, V100 = "10.5281/zenodo.17000000", "10.5281/zenodo.17000001"
RECORD = f"""# minted by Zenodo for release 1.0.0
[concept]
doi = "{CONCEPT}"
cited_from = "1.0.1"

[versions."1.0.0"]
doi = "{V100}"
cited_from = "1.0.1"
"""


def release_bytes(release: Path) -> dict[str, bytes]:
    """Every file of a release with its bytes."""
    return {str(p.relative_to(release)): p.read_bytes() for p in sorted(release.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """1.0.0 built, then a DOI recorded, 1.0.0 rebuilt, and 1.0.1 built with one call corrected;
    the dist and 1.0.0's bytes before the DOI was recorded."""
    root = tmp_path_factory.mktemp("doi")
    raw, dist = root / "raw", root / "dist"
    shutil.copytree(RAW, raw)
    build_release(raw, dist, "1.0.0", executor=SerialExecutor())
    before = release_bytes(dist / "1.0.0")
    (raw / "doi.toml").write_text(RECORD, "utf-8")
    rebuilt = build_release(raw, dist, "1.0.0", executor=SerialExecutor())
    assert rebuilt.unchanged
    seed = raw / "stem-2024-q4.txt"
    seed.write_text(seed.read_text("utf-8").replace("Welcome to our", "Welcome to the", 1), "utf-8")
    assert build_release(raw, dist, None, executor=SerialExecutor()).path.name == "1.0.1"
    return dist, before


def test_an_earlier_release_keeps_its_bytes(dist: tuple[Path, dict[str, bytes]]) -> None:
    folder, before = dist
    assert release_bytes(folder / "1.0.0") == before
    assert CONCEPT.encode() not in b"".join(before.values())


def test_the_next_release_cites_the_concept_doi_and_the_earlier_version_doi(
    dist: tuple[Path, dict[str, bytes]],
) -> None:
    release = dist[0] / "1.0.1"
    assert verify_release(release) == []
    cff = yaml.safe_load((release / "CITATION.cff").read_text("utf-8"))
    schema = json.loads((SCHEMAS / "cff-1.2.0.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(cff)) == []
    assert cff["doi"] == CONCEPT and cff["version"] == "1.0.1"
    assert [(i["value"], i["description"]) for i in cff["identifiers"]] == [
        (CONCEPT, "the corpus, every version (resolves to the newest release)"),
        (V100, "callcorpus 1.0.0"),
    ]
    bib = (release / "citation.bib").read_text("utf-8")
    assert f"doi     = {{{CONCEPT}}}" in bib and "version = {1.0.1}" in bib
    card = (release / "README.md").read_text("utf-8")
    assert f"concept DOI [{CONCEPT}](https://doi.org/{CONCEPT})" in card
    assert f"1.0.0: [{V100}](https://doi.org/{V100})" in card and f"doi     = {{{CONCEPT}}}" in card
    manifest = json.loads((release / "manifest.json").read_text("utf-8"))
    assert manifest["doi"] == {"concept": CONCEPT, "versions": {"1.0.0": V100}}
    zenodo = json.loads(root_files(dist[0])[".zenodo.json"])  # the repository's, from the newest
    assert zenodo["version"] == "1.0.1"
    assert zenodo["related_identifiers"] == [
        {"identifier": CONCEPT, "relation": "isVersionOf", "scheme": "doi"},
        {"identifier": V100, "relation": "isNewVersionOf", "scheme": "doi"},
    ]
    assert yaml.safe_load(root_files(dist[0])["CITATION.cff"]) == cff


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ('[concept]\ndoi = "zenodo.1"\ncited_from = "1.0.1"\n', "concept: 'zenodo.1' is not a DOI"),
        ('[concept]\ndoi = "10.5281/zenodo.1"\n', "concept: needs exactly `doi` and `cited_from`"),
        (
            '[versions."1.0.0"]\ndoi = "10.5281/zenodo.1"\ncited_from = "1.0.0"\n',
            'versions."1.0.0": cited_from 1.0.0 must come after 1.0.0',
        ),
        (
            '[versions.latest]\ndoi = "10.5281/zenodo.1"\ncited_from = "1.0.1"\n',
            "versions.latest: not a version",
        ),
        ('[doi]\nconcept = "10.5281/zenodo.1"\n', "unknown table(s) doi"),
        ("[concept\n", "not valid TOML"),
    ],
)
def test_a_malformed_record_is_refused_naming_the_file_and_entry(
    tmp_path: Path, record: str, message: str
) -> None:
    (tmp_path / "doi.toml").write_text(record, "utf-8")
    with pytest.raises(DoiRecordError) as caught:
        citation_for(tmp_path, "1.0.1")
    assert str(caught.value).startswith(f"{tmp_path / 'doi.toml'}") and message in str(caught.value)
    assert "\n" not in str(caught.value).rstrip("\n").split("(")[0]


def test_a_record_cites_nothing_before_cited_from(tmp_path: Path) -> None:
    (tmp_path / "doi.toml").write_text(RECORD, "utf-8")
    assert not citation_for(tmp_path, "1.0.0")
    assert citation_for(tmp_path, "2.0.0").versions == (("1.0.0", V100),)
    assert not citation_for(tmp_path / "none", "2.0.0")
