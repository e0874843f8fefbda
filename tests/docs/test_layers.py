"""The import contract: the pipeline's layers as `pyproject.toml` declares them, checked by import-linter."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True, check=False
    )


def test_the_tree_keeps_the_contract() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_stage_importing_one_above_it_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "builder", tmp_path / "builder", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    decode = tmp_path / "builder" / "sources" / "decode.py"
    decode.write_text(decode.read_text("utf-8") + "\nfrom builder.release import build  # noqa\n", "utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1
    assert "builder.sources.decode -> builder.release.build" in result.stdout
