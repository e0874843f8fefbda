"""The README cannot drift: its commands are what CI runs, and its snippets run on a real release."""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT

from builder.cli import cli
from builder.release.build import BuildSummary
from builder.release.versions import list_releases

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str, section: str) -> list[str]:
    body = README.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", body, flags=re.S)


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    (block,) = _blocks("bash", "Quick start")
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "callcorpus build" in commands[0] and commands[1] == "tests/run"
    assert "pytest" in (ROOT / "tests" / "run").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci


def test_every_cli_command_is_in_the_readme() -> None:
    for name in cli.commands:
        assert f"`callcorpus {name}" in README, name


def test_architecture_names_existing_places_and_links_the_map() -> None:
    section = README.split("## Architecture\n", 1)[1].split("\n## ", 1)[0]
    for path in re.findall(r"`((?:builder|schema|rust)/[\w/.*]+)`", section):
        assert list(ROOT.glob(path)), f"README architecture names {path}, which does not exist"
    assert "(docs/architecture.md)" in section


def test_readme_is_a_front_door() -> None:
    """Under 3,000 words: the map lives in docs/architecture.md, figures' history in bench/."""
    assert len(README.split()) < 3000


@pytest.fixture
def in_project(seed_release: BuildSummary, tmp_path: Path) -> Path:
    (tmp_path / "dist").mkdir()
    # Under its own version (its card loads it) and the newest committed one (the README's).
    for version in {seed_release.version, list_releases(ROOT / "dist")[-1]}:
        (tmp_path / "dist" / version).symlink_to(seed_release.path)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def test_readme_python_snippets_run(in_project: Path) -> None:
    blocks = _blocks("python", "Loading a release")
    assert len(blocks) == 2
    for block in blocks:
        namespace: dict = {}
        exec(compile(block, "README.md", "exec"), namespace)
    assert len(namespace["df"]) == 434 and namespace["tr"].height == 3


def test_readme_sql_snippets_run(in_project: Path) -> None:
    (block,) = _blocks("sql", "Loading a release")
    results = [duckdb.sql(s).fetchall() for s in block.split(";") if "SELECT" in s]
    assert len(results) == 2
    assert dict(results[0]) == {"operator": 37, "corporate": 316, "participant": 81}
    assert ("CXDO-2023Q2", "Michael D. Kaufman", "MK Investments") in results[1]


def test_root_data_license_is_the_one_releases_carry(seed_release: BuildSummary) -> None:
    from builder.cards.licensing import DATA_LICENSE

    assert (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8") == DATA_LICENSE, (
        "LICENSE-DATA.md differs from builder/licensing.py: edit DATA_LICENSE and copy it to the root"
    )
    assert (seed_release.path / "LICENSE-DATA.md").read_text(encoding="utf-8") == DATA_LICENSE


def test_card_loading_snippets_run(in_project: Path, seed_release: BuildSummary) -> None:
    card = (seed_release.path / "README.md").read_text(encoding="utf-8")
    section = card.split("## Loading\n", 1)[1].split("\n## ", 1)[0]
    python = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(python) == 2
    namespace: dict = {}
    for block in python:
        exec(compile(block, "card README.md", "exec"), namespace)
    assert len(namespace["segments"]) == 434 and len(namespace["df"]) == 434
    (sql,) = re.findall(r"```sql\n(.*?)```", section, flags=re.S)
    rows = duckdb.sql(sql.split("\n", 1)[1]).fetchall()
    assert sum(n for _, n in rows) == 434
