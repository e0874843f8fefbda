"""Citation and metadata files: each valid against its official schema or real client.

CITATION.cff and datapackage.json are validated with ``jsonschema`` against the official
schemas vendored in ``tests/schemas/`` (see its README); croissant.json with ``mlcroissant``,
which must also load every RecordSet with the Parquet rows' values; .zenodo.json against the
keys and vocabularies of Zenodo's deposit metadata documentation.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import mlcroissant as mlc
import pyarrow.parquet as pq
import pytest
import yaml
from conftest import TESTS

from builder.cards.about import ABOUT
from builder.cards.bibtex import escape, render_bibtex
from builder.cards.cff import render_cff
from builder.cards.croissant import render_croissant
from builder.cards.crosscheck import BIBTEX, CFF, CROISSANT, DATAPACKAGE, ZENODO, crosscheck
from builder.cards.datapackage import render_datapackage
from builder.cards.description import ReleaseDescription, describe
from builder.cards.zenodo import render_zenodo
from builder.flags import CATALOG
from builder.formats.layout import split_of_file
from builder.release.build import BuildSummary

SCHEMAS = TESTS / "schemas"
DATE = "2026-11-22"
RENDERERS = {
    CFF: render_cff,
    CROISSANT: render_croissant,
    DATAPACKAGE: render_datapackage,
    ZENODO: render_zenodo,
    BIBTEX: render_bibtex,
}


def _validator(name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def _errors(validator: jsonschema.Draft7Validator, instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


@pytest.fixture(scope="module")
def release(seed_release: BuildSummary, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the seeds' release (tests write metadata files into it)."""
    target = tmp_path_factory.mktemp("cards") / "1.0.0"
    shutil.copytree(seed_release.path, target)
    return target


@pytest.fixture(scope="module")
def desc(release: Path) -> ReleaseDescription:
    return describe(
        release,
        version="1.0.0",
        date_released=DATE,
        package_version="0.1.0",
        build_signature="test",
        sources=(),
        # the release's own metadata files: these tests render and write their own
        exclude=frozenset({CFF, CROISSANT, DATAPACKAGE, BIBTEX, "manifest.json", "SHA256SUMS"}),
    )


@pytest.fixture(scope="module")
def rendered(desc: ReleaseDescription) -> dict[str, str]:
    return {name: render(desc) for name, render in RENDERERS.items()}


def _published(desc: ReleaseDescription) -> ReleaseDescription:
    about = dataclasses.replace(ABOUT, repository="https://example.org/callcorpus")
    return dataclasses.replace(desc, about=about)


# --- all renderers ---------------------------------------------------------------------------


def test_renderers_are_deterministic_text(desc: ReleaseDescription, rendered: dict[str, str]) -> None:
    for name, render in RENDERERS.items():
        assert render(desc) == rendered[name], name
        assert rendered[name].endswith("\n") and not rendered[name].endswith("\n\n"), name
    assert "\\u" not in rendered[CROISSANT] and "\\u" not in rendered[DATAPACKAGE]


def test_no_repository_means_no_address_anywhere(rendered: dict[str, str]) -> None:
    assert ABOUT.repository is None
    vocabularies = ("https://schema.org/", "http://mlcommons.org/croissant/", "http://purl.org/dc/terms/")
    allowed = (
        *vocabularies,
        "https://spdx.org/licenses/",
        "https://datapackage.org/profiles/",
        ABOUT.license_url,
    )
    for name, text in rendered.items():
        urls = re.findall(r"https?://[^\s\"}]+", text)
        assert all(url.startswith(allowed) for url in urls), (name, urls)


# --- CITATION.cff ----------------------------------------------------------------------------


def test_cff_is_valid_cff_1_2_0(rendered: dict[str, str]) -> None:
    data = yaml.safe_load(rendered[CFF])
    assert _errors(_validator("cff-1.2.0.schema.json"), data) == []
    assert data["type"] == "dataset" and data["cff-version"] == "1.2.0"
    assert data["date-released"] == DATE and data["version"] == "1.0.0"
    assert data["license"] == ABOUT.license_spdx and data["authors"] == [{"name": a} for a in ABOUT.authors]
    assert "repository-code" not in data


def test_cff_schema_rejects_what_it_should(rendered: dict[str, str]) -> None:
    validator = _validator("cff-1.2.0.schema.json")
    data = yaml.safe_load(rendered[CFF])
    assert _errors(validator, {**data, "date-released": "2026-02-30"})  # format: date
    assert _errors(validator, {**data, "license": "research-use"})
    assert _errors(validator, {**data, "type": "corpus"})


def test_cff_names_the_repository_once_published(desc: ReleaseDescription) -> None:
    data = yaml.safe_load(render_cff(_published(desc)))
    assert _errors(_validator("cff-1.2.0.schema.json"), data) == []
    assert data["repository-code"] == "https://example.org/callcorpus"


# --- BibTeX ----------------------------------------------------------------------------------


def test_bibtex_entry(rendered: dict[str, str]) -> None:
    text = rendered[BIBTEX]
    assert text.startswith("@misc{callcorpus_1_0_0,\n") and text.endswith("}\n")
    assert "English--Traditional Chinese" in text and "–" not in text
    assert "{{callcorpus maintainers}}" in text
    assert re.search(r"^  year\s+= \{2026\},$", text, re.MULTILINE)
    assert re.search(r"^  month\s+= nov,$", text, re.MULTILINE)
    assert re.search(r"^  version\s+= \{1\.0\.0\},$", text, re.MULTILINE)
    assert "url" not in text and "howpublished" not in text
    assert text.count("{") == text.count("}")


def test_bibtex_escapes_and_repository(desc: ReleaseDescription) -> None:
    assert escape("Q&A 50% #1 a_b {x} – —") == r"Q\&A 50\% \#1 a\_b \{x\} -- ---"
    text = render_bibtex(_published(desc))
    assert "url          = {https://example.org/callcorpus}" in text
    assert "\\url{https://example.org/callcorpus}" in text


# --- .zenodo.json ----------------------------------------------------------------------------

# Zenodo's deposit metadata (developers.zenodo.org, "Deposit metadata"): required keys, and the
# controlled vocabularies of the ones this file sets.
ZENODO_REQUIRED = {"upload_type", "publication_date", "title", "creators", "description", "access_right"}
ZENODO_UPLOAD_TYPES = {
    "publication", "poster", "presentation", "dataset", "image", "video", "software", "lesson",
    "physicalobject", "other",
}  # fmt: skip
ZENODO_ACCESS_RIGHTS = {"open", "embargoed", "restricted", "closed"}
ZENODO_RELATIONS = {
    "isCitedBy", "cites", "isSupplementTo", "isSupplementedBy", "isContinuedBy", "continues",
    "isDescribedBy", "describes", "hasMetadata", "isMetadataFor", "isNewVersionOf",
    "isPreviousVersionOf", "isPartOf", "hasPart", "isReferencedBy", "references", "isDocumentedBy",
    "documents", "isCompiledBy", "compiles", "isVariantFormOf", "isOriginalFormof", "isIdenticalTo",
    "isAlternateIdentifier", "isReviewedBy", "reviews", "isDerivedFrom", "isSourceOf", "requires",
    "isRequiredBy", "isObsoletedBy", "obsoletes",
}  # fmt: skip
ZENODO_KEYS = ZENODO_REQUIRED | {"license", "keywords", "version", "notes", "related_identifiers"}


def _zenodo_problems(data: dict[str, Any]) -> list[str]:
    problems = [f"missing {k}" for k in sorted(ZENODO_REQUIRED - set(data))]
    problems += [f"unknown key {k}" for k in sorted(set(data) - ZENODO_KEYS)]
    if data.get("upload_type") not in ZENODO_UPLOAD_TYPES:
        problems.append("upload_type")
    if data.get("access_right") not in ZENODO_ACCESS_RIGHTS:
        problems.append("access_right")
    if data.get("access_right") in {"open", "embargoed"} and not data.get("license"):
        problems.append("license required for open access")
    if not re.fullmatch(r"[a-z0-9.\-]+", data.get("license", "")):
        problems.append("license is not a Zenodo (lowercase) license id")
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(data.get("publication_date"))):
        problems.append("publication_date")
    if not data.get("creators") or not all(
        isinstance(c.get("name"), str) and c["name"] for c in data["creators"]
    ):
        problems.append("creators")
    for related in data.get("related_identifiers", []):
        if related.get("relation") not in ZENODO_RELATIONS or not related.get("identifier"):
            problems.append("related_identifiers")
    return problems


def test_zenodo_matches_deposit_metadata(rendered: dict[str, str], desc: ReleaseDescription) -> None:
    data = json.loads(rendered[ZENODO])
    assert _zenodo_problems(data) == []
    assert data["upload_type"] == "dataset" and data["license"] == "cc-by-nc-4.0"
    assert data["publication_date"] == DATE and data["version"] == "1.0.0"
    assert "related_identifiers" not in data
    published = json.loads(render_zenodo(_published(desc)))
    assert _zenodo_problems(published) == []
    assert published["related_identifiers"][0]["identifier"] == "https://example.org/callcorpus"
    assert _zenodo_problems({**data, "license": "CC-BY-NC-4.0", "upload_type": "corpus"}) == [
        "upload_type",
        "license is not a Zenodo (lowercase) license id",
    ]


# --- datapackage.json ------------------------------------------------------------------------


def test_datapackage_is_valid_data_package_v2(rendered: dict[str, str], desc: ReleaseDescription) -> None:
    data = json.loads(rendered[DATAPACKAGE])
    assert data["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert _errors(_validator("datapackage-2.0.json"), data) == []
    resource_validator, table_validator = (
        _validator("dataresource-2.0.json"),
        _validator("tableschema-2.0.json"),
    )
    for resource in data["resources"]:
        assert _errors(resource_validator, resource) == [], resource["name"]
        assert _errors(table_validator, resource["schema"]) == [], resource["name"]
        parquet = desc.config(resource["name"]).files["parquet"]
        assert resource["path"] == list(parquet)
        assert resource["hash"] == f"sha256:{desc.file(parquet[0]).sha256}"
        assert "bytes" not in resource  # frictionless cannot count a Parquet file's bytes
        assert resource["schema"]["missingValues"] == []
    fields = {f["name"]: f for f in data["resources"][0]["schema"]["fields"]}
    # As frictionless reads Parquet: structs are dicts (object), lists NumPy arrays (any).
    assert fields["translation"]["type"] == "object" and fields["flags"]["type"] == "any"
    assert fields["flags"]["description"].endswith("(a list of string values)")
    assert fields["exchange"]["type"] == "integer" and "required" not in fields["exchange"]["constraints"]
    assert fields["speaker_role"]["constraints"]["enum"] == [
        "operator",
        "corporate",
        "participant",
        "unknown",
    ]
    assert fields["segment_id"]["constraints"] == {"required": True}
    assert "constraints" not in fields["speaker"]


def test_datapackage_profiles_reject_what_they_should(rendered: dict[str, str]) -> None:
    data = json.loads(rendered[DATAPACKAGE])
    resource = data["resources"][0]
    assert _errors(_validator("dataresource-2.0.json"), {**resource, "hash": "sha256:not-hex"})
    assert _errors(_validator("datapackage-2.0.json"), {**data, "resources": []})
    bad_field = {"fields": [{"name": "x", "type": "struct"}]}
    assert _errors(_validator("tableschema-2.0.json"), bad_field)


# --- croissant.json --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def croissant_path(release: Path, rendered: dict[str, str]) -> Path:
    path = release / "croissant.json"
    path.write_text(rendered[CROISSANT], encoding="utf-8")
    return path


def test_croissant_validates(croissant_path: Path) -> None:
    dataset = mlc.Dataset(jsonld=str(croissant_path))  # raises ValidationError on any error
    issues = dataset.metadata.ctx.issues
    assert not issues.errors and not issues.warnings, issues.report()


def _cli_validate(path: Path) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).with_name("mlcroissant")
    return subprocess.run([cli, "validate", "--jsonld", path], capture_output=True, text=True, check=False)


def test_croissant_passes_the_mlcroissant_cli(croissant_path: Path, tmp_path: Path) -> None:
    result = _cli_validate(croissant_path)
    assert result.returncode == 0 and "error(s)" not in result.stderr, result.stderr
    broken = json.loads(croissant_path.read_text(encoding="utf-8"))
    broken["recordSet"][1]["field"][0]["source"]["fileSet"]["@id"] = "parquet-missing"
    (tmp_path / "croissant.json").write_text(json.dumps(broken), encoding="utf-8")
    result = _cli_validate(tmp_path / "croissant.json")
    assert result.returncode != 0 and "parquet-missing" in result.stderr


def test_croissant_lists_every_data_file(rendered: dict[str, str], desc: ReleaseDescription) -> None:
    data = json.loads(rendered[CROISSANT])
    objects = {d["contentUrl"]: d for d in data["distribution"] if d["@type"] == "cr:FileObject"}
    data_files = [p for c in desc.configs for paths in c.files.values() for p in paths]
    assert sorted(objects) == sorted(data_files) and len(data_files) == 3 * len(desc.configs)
    for path, obj in objects.items():
        assert obj["sha256"] == desc.file(path).sha256 and obj["contentSize"] == f"{desc.file(path).size} B"
    assert (
        data["citeAs"] == render_bibtex(desc) and data["conformsTo"] == "http://mlcommons.org/croissant/1.1"
    )


def _plain(value: Any, prefix: str) -> Any:
    """An mlcroissant value with bytes decoded and field ids stripped to their last name."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, dict):
        return {k.removeprefix(prefix).rsplit("/", 1)[-1]: _plain(v, prefix) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, prefix) for v in value]
    return value


def _record(raw: dict[str, Any], config: str) -> dict[str, Any]:
    """A loaded record shaped like the Parquet row.

    mlcroissant 1.1 returns a struct nested two deep (``provenance.company.source``) as one
    top-level key per inner struct (``transcripts/provenance/company``): regroup those.
    """
    row: dict[str, Any] = {}
    for key, value in raw.items():
        parts = key.removeprefix(f"{config}/").split("/")
        target = row
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = _plain(value, f"{key}/")
    return row


@pytest.mark.parametrize("config", ["segments", "transcripts", "qa"])
def test_croissant_loads_the_parquet_rows(
    croissant_path: Path, desc: ReleaseDescription, config: str
) -> None:
    dataset = mlc.Dataset(jsonld=str(croissant_path))
    loaded = [_record(r, config) for r in dataset.records(record_set=config)]
    expected = [
        (row, split_of_file(path))
        for path in desc.config(config).files["parquet"]
        for row in pq.read_table(croissant_path.parent / path).to_pylist()
    ]
    assert len(loaded) == len(expected) == desc.config(config).num_rows
    assert loaded == [row for row, _ in expected]
    assert [row["split"] for row in loaded] == [split for _, split in expected]  # the split of its file
    names = [r["splits/name"] for r in dataset.records(record_set="splits")]
    assert [_plain(n, "") for n in names] == list(desc.config(config).splits)


# --- crosscheck ------------------------------------------------------------------------------


def test_crosscheck_accepts_the_rendered_files(
    desc: ReleaseDescription, rendered: dict[str, str], release: Path
) -> None:
    assert crosscheck(desc, rendered, release) == []


def _tampered(rendered: dict[str, str], name: str, old: str, new: str) -> dict[str, str]:
    assert old in rendered[name]
    return {**rendered, name: rendered[name].replace(old, new, 1)}


def test_crosscheck_catches_wrong_hash_size_version(
    desc: ReleaseDescription, rendered: dict[str, str]
) -> None:
    parquet = desc.file(desc.config("segments").files["parquet"][0])
    bad_hash = _tampered(rendered, CROISSANT, parquet.sha256, "0" * 64)
    assert crosscheck(desc, bad_hash) == [
        f"croissant.json {parquet.path}: `sha256` is {'0' * 64!r}, expected {parquet.sha256!r}"
    ]
    bad_package_hash = _tampered(rendered, DATAPACKAGE, parquet.sha256, "1" * 64)
    expected, found = f"sha256:{parquet.sha256}", f"sha256:{'1' * 64}"
    assert crosscheck(desc, bad_package_hash) == [
        f"datapackage.json segments: `hash` is {found!r}, expected {expected!r}"
    ]
    bad_version = _tampered(rendered, CFF, "version: 1.0.0", "version: 1.0.1")
    assert crosscheck(desc, bad_version) == ["CITATION.cff: `version` is '1.0.1', expected '1.0.0'"]
    bad_date = _tampered(rendered, ZENODO, DATE, "2026-11-23")
    assert crosscheck(desc, bad_date) == [
        ".zenodo.json: `publication_date` is '2026-11-23', expected '2026-11-22'"
    ]
    bad_key = _tampered(rendered, BIBTEX, "callcorpus_1_0_0", "callcorpus_1_0")
    assert crosscheck(desc, bad_key) == [
        "citation.bib: `key` is 'callcorpus_1_0', expected 'callcorpus_1_0_0'"
    ]


def test_crosscheck_catches_a_missing_file_and_collects_everything(
    desc: ReleaseDescription, rendered: dict[str, str]
) -> None:
    data = json.loads(rendered[CROISSANT])
    data["distribution"] = [
        d
        for d in data["distribution"]
        if d.get("contentUrl") != "jsonl/segments/train-00000-of-00001.jsonl.zst"
    ]
    data["version"] = "2.0.0"
    problems = crosscheck(desc, {**rendered, CROISSANT: json.dumps(data), "notes.txt": ""})
    assert problems == [
        "croissant.json: `version` is '2.0.0', expected '1.0.0'",
        "croissant.json: `distribution` lacks data file jsonl/segments/train-00000-of-00001.jsonl.zst",
        "notes.txt: not a metadata file crosscheck knows",
    ]


def test_crosscheck_checks_counts_and_bytes_on_disk(
    desc: ReleaseDescription, rendered: dict[str, str], tmp_path: Path, release: Path
) -> None:
    copy = tmp_path / "1.0.0"
    shutil.copytree(release, copy)
    jsonl = copy / "jsonl" / "transcripts" / "train-00000-of-00001.jsonl.zst"
    jsonl.write_bytes(jsonl.read_bytes() + b"\n")
    segments = desc.config("segments")
    miscounted = dataclasses.replace(
        desc, configs=(dataclasses.replace(segments, num_rows=segments.num_rows + 1), *desc.configs[1:])
    )
    problems = crosscheck(miscounted, rendered, copy)
    assert len(problems) == 3, problems
    assert problems[0].startswith("jsonl/transcripts/train-00000-of-00001.jsonl.zst: `size` is ")
    assert problems[1].startswith("jsonl/transcripts/train-00000-of-00001.jsonl.zst: `sha256` is ")
    assert problems[2] == f"data/segments: `rows` is {segments.num_rows}, expected {segments.num_rows + 1}"


def test_one_license_everywhere(release: Path, rendered: dict[str, str]) -> None:
    """CC BY-NC 4.0, stated once in the corpus facts: the card, CFF, Zenodo, Croissant, the Data
    Package and LICENSE-DATA.md all say it, each in its own spelling."""
    assert ABOUT.license_spdx == "CC-BY-NC-4.0"
    card = yaml.safe_load((release / "README.md").read_text("utf-8").split("---")[1])
    assert card["license"] == "cc-by-nc-4.0" and "license_name" not in card
    assert yaml.safe_load(rendered[CFF])["license"] == "CC-BY-NC-4.0"
    assert json.loads(rendered[ZENODO])["license"] == "cc-by-nc-4.0"
    assert json.loads(rendered[CROISSANT])["license"] == "https://spdx.org/licenses/CC-BY-NC-4.0.html"
    assert [x["name"] for x in json.loads(rendered[DATAPACKAGE])["licenses"]] == ["CC-BY-NC-4.0"]
    terms = (release / "LICENSE-DATA.md").read_text("utf-8")
    assert "(CC-BY-NC-4.0)" in terms and "machine translation" in terms and "`exclude`" in terms


def test_crosscheck_catches_a_different_license(desc: ReleaseDescription, rendered: dict[str, str]) -> None:
    tampered = _tampered(rendered, DATAPACKAGE, '"name": "CC-BY-NC-4.0"', '"name": "CC-BY-4.0"')
    assert crosscheck(desc, tampered) == [
        f"{DATAPACKAGE}: `licenses` is ['CC-BY-4.0'], expected ['CC-BY-NC-4.0']"
    ]


def test_the_card_flag_table_agrees_with_quality_json_at_every_level(release: Path) -> None:
    card = (release / "README.md").read_text("utf-8")
    report = json.loads((release / "quality.json").read_text("utf-8"))
    table = card.split("## Flags", 1)[1].split("\n\n", 3)[2]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0].strip("`")] = cells[2:5]
    for code, (segments, sentences, _calls) in rows.items():
        if segments != "–":
            assert int(segments.replace(",", "")) == report["flags"]["segments"].get(code, 0), code
        if sentences != "–":
            assert int(sentences.replace(",", "")) == report["flags"]["sentences"].get(code, 0), code
    assert rows["doubtful_alignment"][1] == str(report["flags"]["sentences"].get("doubtful_alignment", 0))
    assert set(rows) == set(CATALOG)


def test_the_card_is_honest_about_source_score_people_and_use(release: Path) -> None:
    card = (release / "README.md").read_text("utf-8")
    for heading in ("## Source and limitations", "## Personal information", "## Intended use"):
        assert heading in card
    assert "not a calibrated probability" in card and "confidence" not in card.lower()
