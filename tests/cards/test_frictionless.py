"""``frictionless validate datapackage.json`` on a release with its data, with the real frictionless.

frictionless pins an older ``jsonschema`` than the package needs, so it lives in a venv of its
own, ``.venv-frictionless/`` at the repository root (git-ignored), created and filled from PyPI
the first time and reused after. If it cannot be installed the test fails: it is never skipped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from builder.formats.layout import shard_path
from builder.release.build import BuildSummary

pytestmark = pytest.mark.network

VENV = ROOT / ".venv-frictionless"
#: What the venv holds: frictionless reads Parquet through pyarrow and pandas.
REQUIREMENTS = ("frictionless[parquet]>=5.18,<6", "pandas>=2.2")


@pytest.fixture(scope="session")
def frictionless() -> Path:
    """The ``frictionless`` command of the separate venv, installed there when missing."""
    command = VENV / "bin" / "frictionless"
    if not command.exists():
        steps = [
            [sys.executable, "-m", "venv", str(VENV)],
            [str(VENV / "bin" / "pip"), "install", "-q", *REQUIREMENTS],
        ]
        for step in steps:
            done = subprocess.run(step, capture_output=True, text=True, timeout=900)
            if done.returncode != 0:
                pytest.fail(f"cannot install frictionless into {VENV}: {done.stderr.strip()[-500:]}")
    return command


def _validate(frictionless: Path, package: Path) -> dict:
    done = subprocess.run(
        [str(frictionless), "validate", "--json", str(package)], capture_output=True, text=True, timeout=600
    )
    return json.loads(done.stdout)


def _errors(report: dict) -> list[tuple[str, str, str | None]]:
    return [(t["name"], e["type"], e.get("fieldName")) for t in report["tasks"] for e in t["errors"]]


def test_frictionless_validates_the_release_with_its_data(
    frictionless: Path, seed_release: BuildSummary
) -> None:
    report = _validate(frictionless, seed_release.path / "datapackage.json")
    assert _errors(report) == [] and report["valid"]
    rows = {t["name"]: t["stats"]["rows"] for t in report["tasks"]}
    assert rows == {"segments": 434, "transcripts": 3, "sentences": 1108, "qa": 16}


def test_frictionless_checks_the_cells(
    frictionless: Path, seed_release: BuildSummary, tmp_path: Path
) -> None:
    """The same run fails once the descriptor disagrees with the files: it reads every cell. (It
    cannot check ``hash`` on Parquet, read through pyarrow: ``verify`` and the crosscheck do.)"""
    copy = tmp_path / "release"
    shutil.copytree(seed_release.path, copy)
    package = json.loads((copy / "datapackage.json").read_text("utf-8"))
    segments = package["resources"][0]
    exchange = next(f for f in segments["schema"]["fields"] if f["name"] == "exchange")
    exchange["constraints"] = {"required": True}  # a nullable integer: some rows have none
    sentences = package["resources"][2]["schema"]["fields"]
    next(f for f in sentences if f["name"] == "score")["type"] = "integer"  # scores are fractions
    (copy / "datapackage.json").write_text(json.dumps(package), "utf-8")
    assert shard_path("segments", "parquet", "train", 0, 1) == segments["path"][0]
    errors = set(_errors(_validate(frictionless, copy / "datapackage.json")))
    assert ("segments", "constraint-error", "exchange") in errors
    assert ("sentences", "type-error", "score") in errors
