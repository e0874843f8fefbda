"""The map of the code (docs/architecture.md) names every package and module it maps."""

from __future__ import annotations

import re
import tomllib
from itertools import pairwise
from pathlib import Path

from conftest import ROOT

PAGE = ROOT / "docs" / "architecture.md"


def _sections(text: str) -> list[str]:
    """The page cut at its headings, each piece with its heading."""
    return re.split(r"\n(?=#{2,3} )", text)


def _python_modules() -> list[Path]:
    """Every module of the package, ``__init__.py`` files and generated ones aside."""
    return sorted(
        path.relative_to(ROOT)
        for path in (ROOT / "builder").rglob("*.py")
        if path.name != "__init__.py" and "__pycache__" not in path.parts
    )


def unmapped_python(text: str) -> list[str]:
    """Modules not named in a section of the page that names their package's folder."""
    sections = _sections(text)
    missing = []
    for module in _python_modules():
        folder = module.parent.as_posix() + "/"
        if folder == "builder/":
            named = module.as_posix() in text
        else:
            named = any(folder in part and module.name in part for part in sections)
        if not named:
            missing.append(module.as_posix())
    return missing


def unmapped_rust(text: str) -> list[str]:
    """Modules of the crate the page does not name."""
    src = ROOT / "rust" / "src"
    names = [path.relative_to(src).as_posix() for path in sorted(src.rglob("*.rs"))]
    return [name for name in names if name not in text]


def test_every_package_and_module_is_mapped():
    text = PAGE.read_text(encoding="utf-8")
    packages = [p.name for p in (ROOT / "builder").iterdir() if (p / "__init__.py").is_file()]
    assert [p for p in packages if f"builder/{p}/" not in text] == []
    assert unmapped_python(text) == []
    assert unmapped_rust(text) == []


def test_every_path_named_exists():
    text = PAGE.read_text(encoding="utf-8")
    for path in re.findall(r"`((?:builder|schema|rust|docs|tests|bench)/[\w/.*-]+)`", text):
        assert list(ROOT.glob(path)), f"docs/architecture.md names {path}, which does not exist"


def test_the_check_fails_on_a_module_named_nowhere():
    text = PAGE.read_text(encoding="utf-8").replace("bulleted.py", "bulleted")
    assert unmapped_python(text) == ["builder/sources/bulleted.py"]


def test_the_stage_order_is_the_import_contract():
    """The page's stage table lists the contract's layers in the order data flows."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    table = PAGE.read_text(encoding="utf-8").split("## The stages", 1)[1].split("\n\n## ", 1)[0]
    spans = []
    for layer in reversed(layers):  # the contract lists the layers from the top (the CLI) down
        names = re.split(r"\s*\|\s*", layer)
        places = [f"`{n.replace('.', '/')}{'.py' if n in SINGLE_MODULES else '/'}`" for n in names]
        positions = [table.find(place) for place in places]
        assert -1 not in positions, f"{layer} is not in the stage table"
        spans.append((min(positions), max(positions)))
    assert all(before[1] < after[0] for before, after in pairwise(spans))


#: Layers that are one module, not a package.
SINGLE_MODULES = {"builder.cli", "builder.errors", "builder.records", "builder.flags"}
