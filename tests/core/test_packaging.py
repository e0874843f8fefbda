"""The package as maturin builds it: the compiled core, the Python package, the JSON Schemas
(shipped as ``builder.schemas``), the version, in the editable install and in a wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata, resources
from pathlib import Path

from conftest import ROOT

import builder
from builder import _core

MATURIN = Path(sys.executable).with_name("maturin")
CRATE = ROOT / "rust"


def test_the_package_version_is_the_crates() -> None:
    crate = tomllib.loads((CRATE / "Cargo.toml").read_text("utf-8"))["package"]["version"]
    assert crate == builder.__version__ == metadata.version("callcorpus"), (
        "keep rust/Cargo.toml's version equal to builder.__version__ (maturin takes the package "
        "version from the crate), then reinstall: pip install -e ."
    )


def test_the_installed_core_is_built_from_the_sources_in_the_tree() -> None:
    built = dict(_core.SOURCES)
    in_tree = {"Cargo.toml", "Cargo.lock", "build.rs"} | {
        path.relative_to(CRATE).as_posix() for path in (CRATE / "src").rglob("*.rs")
    }
    assert set(built) == in_tree
    stale = [name for name, source in built.items() if (CRATE / name).read_bytes() != source]
    assert not stale, f"builder._core is older than {stale}: rebuild it with `pip install -e .`"


def test_the_editable_install_reads_the_schemas_as_package_data() -> None:
    schemas = resources.files("builder.schemas")
    assert {p.name for p in schemas.iterdir()} == {p.name for p in (ROOT / "schema").glob("*.json")}
    assert schemas.joinpath("release.json").read_text("utf-8") == (
        ROOT / "schema" / "release.json"
    ).read_text("utf-8")


def test_the_wheel_holds_every_module_the_core_and_the_schemas(tmp_path: Path) -> None:
    subprocess.run(
        [str(MATURIN), "build", "--release", "--quiet", "--out", str(tmp_path / "wheels")],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "wheels").glob("callcorpus-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "builder").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    assert {"builder/py.typed", "builder/_core.pyi", "builder/_core.abi3.so"} <= names
    assert {f"builder/schemas/{p.name}" for p in (ROOT / "schema").glob("*.json")} <= names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "callcorpus=builder.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

    # installed from the wheel (dependencies from this environment), away from the checkout
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import builder, builder._core; from builder.schema.files import schema_text, release_spec;"
        "from importlib import resources;"
        "print(builder.__file__); print(builder._core.__file__);"
        "print(resources.files('builder.schemas').joinpath('release.json').read_text('utf-8') =="
        " schema_text('release.json')); print(sorted(release_spec()['configs']))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert out[0].startswith(str(target)) and out[1].startswith(str(target))
    assert out[2:] == ["True", "['qa', 'segments', 'sentences', 'transcripts']"]
