"""The releases committed under dist/ are intact and reproducible, and the root files follow them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import RAW, ROOT

from builder.build.executor import ProcessExecutor
from builder.check.validate import check_release
from builder.check.verify import verify_release
from builder.errors import ReleaseExists
from builder.release.build import build_release
from builder.release.root_files import root_files
from builder.release.versions import list_releases, parse_version
from builder.schema.files import schema_version

DIST = ROOT / "dist"
RELEASES = list_releases(DIST)


def test_there_is_a_committed_release() -> None:
    assert RELEASES, "dist/ holds no release: cut one with `callcorpus release`"


def test_every_committed_release_is_intact() -> None:
    for version in RELEASES:
        assert verify_release(DIST / version) == [], version
        done = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=DIST / version)
        assert done.returncode == 0, version


def _schema_of(version: str) -> str:
    return json.loads((DIST / version / "manifest.json").read_text("utf-8"))["schema_version"]


def test_the_newest_release_is_rebuilt_from_raw_to_the_same_bytes(tmp_path: Path) -> None:
    """With the schema the newest release has, the code rebuilds it to its bytes. When the code
    already writes a newer schema (a release pending), the old release cannot be overwritten: the
    rebuild is refused, naming the version that built it."""
    dist = tmp_path / "dist"
    for version in RELEASES:
        shutil.copytree(DIST / version, dist / version)
    newest = RELEASES[-1]
    if _schema_of(newest) == schema_version():
        summary = build_release(RAW, dist, newest, executor=ProcessExecutor(2))
        assert summary.unchanged, f"rebuilding {newest} from raw/ gives different bytes: cut a new release"
        return
    assert parse_version(schema_version()) > parse_version(_schema_of(newest)), (
        "schema/release.json went back"
    )
    with pytest.raises(
        ReleaseExists, match=r"built by callcorpus .*reproduce it with the version that built it"
    ):
        build_release(RAW, dist, newest, executor=ProcessExecutor(2))
    assert verify_release(dist / newest) == []


def test_root_metadata_files_follow_the_releases() -> None:
    for name, text in root_files(DIST).items():
        assert (ROOT / name).read_text("utf-8") == text, f"{name} is stale: run `callcorpus release`"


def test_root_citation_cff_is_valid_cff_1_2_0() -> None:
    schema = yaml.safe_load((ROOT / "tests" / "schemas" / "cff-1.2.0.schema.json").read_text("utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    jsonschema.validate(cff, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert cff["version"] == RELEASES[-1]


def test_readme_cites_the_newest_release() -> None:
    entry = (DIST / RELEASES[-1] / "citation.bib").read_text("utf-8")
    assert f"```bibtex\n{entry}```" in (ROOT / "README.md").read_text("utf-8"), "update README's BibTeX"


def test_newest_release_metadata_passes_the_real_validators() -> None:
    """The shipped croissant.json through the mlcroissant CLI; datapackage.json against the v2 profile."""
    root = DIST / RELEASES[-1]
    cli = Path(sys.executable).with_name("mlcroissant")
    done = subprocess.run(
        [str(cli), "validate", "--jsonld", str(root / "croissant.json")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    profile = json.loads((ROOT / "tests" / "schemas" / "datapackage-2.0.json").read_text("utf-8"))
    package = json.loads((root / "datapackage.json").read_text("utf-8"))
    jsonschema.validate(package, profile)


def test_validate_names_a_release_of_another_schema_instead_of_listing_false_problems() -> None:
    for version in RELEASES:
        problems = check_release(DIST / version)
        if _schema_of(version) == schema_version():
            assert problems == [], version
        else:  # an older release: its rows follow its own schema, which verify checks
            assert len(problems) == 1 and f"schema {_schema_of(version)}, but this callcorpus" in problems[0]
