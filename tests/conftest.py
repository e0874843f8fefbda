"""Shared fixtures: the repository's raw seeds, and one release built from them per session."""

from __future__ import annotations

import json
import os
import shutil
import struct
from pathlib import Path
from typing import Any

import pytest

from builder.build.executor import SerialExecutor
from builder.release.build import BuildSummary, build_release

#: The tests folder (shared data, golden files, helper modules) and the repository.
TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
RAW = ROOT / "raw"
SEEDS = {
    "rekor-systems-2021-q3.txt": "REKR-2021Q3",
    "stem-2024-q4.txt": "STEM-2024Q4",
    "crexendo-cxdo-2023-q2.txt": "CXDO-2023Q2",
}

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
#: A fixed release date for every build in the tests (2026-11-26), as a release record gives.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1795651200")


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory: pytest.TempPathFactory) -> BuildSummary:
    """The seeds built once into a temporary dist folder (version 1.0.0)."""
    dist = tmp_path_factory.mktemp("dist")
    return build_release(RAW, dist, "1.0.0", executor=SerialExecutor())


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of raw/ (seeds and manifest)."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target


def seed_lines(name: str) -> list[str]:
    """A seed's lines, LF-split, as stored in raw/."""
    return (RAW / name).read_text(encoding="utf-8").split("\n")


#: The address the test site is built for (``docs --site-url``).
SITE_URL = "https://example.org/callcorpus/"


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`callcorpus docs` on the seeds plus tests/data/hostile-2025-q1.txt (HTML, Markdown, `{{ }}`),
    for the address ``SITE_URL``.

    Returns the output folder: generated sources in ``src/``, the built site in ``site/``.
    """
    from click.testing import CliRunner

    from builder.cli import cli

    base = tmp_path_factory.mktemp("docs")
    shutil.copytree(RAW, base / "raw")
    shutil.copy(ROOT / "tests" / "data" / "hostile-2025-q1.txt", base / "raw")
    build_release(base / "raw", base / "dist", "1.0.0", executor=SerialExecutor())
    args = [
        "docs",
        "--dist",
        str(base / "dist"),
        "--out",
        str(base / "out"),
        "--config",
        str(ROOT / "mkdocs.yml"),
        "--site-url",
        SITE_URL,
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return base / "out"


def write_many_calls(raw: Path, count: int) -> Path:
    """``count`` distinct calls in ``raw``: copies of the seeds, each given its own ticker in
    ``raw/manifest.toml`` (so its own transcript id) and its own bytes (trailing blank lines: a
    build refuses a file with the same bytes as another). Returns ``raw``."""
    raw.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS)
    entries = []
    for i in range(count):
        name = f"c{i:04d}-{seeds[i % len(seeds)]}"
        (raw / name).write_bytes((RAW / seeds[i % len(seeds)]).read_bytes() + b"\n" * (i // len(seeds)))
        entries.append(f'[files."{name}"]\nticker = "T{i:04d}"\n')
    (raw / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
    return raw


def reseal(release: Path) -> None:
    """Rewrite ``croissant.json``, ``manifest.json`` and ``SHA256SUMS`` over the files as they
    are now (every file that records hashes): a release altered consistently, so that
    ``validate`` looks past the hashes into the data."""
    from dataclasses import replace

    from builder.cards.croissant import render_croissant
    from builder.cards.description import list_files, load_description
    from builder.cards.manifest import read_manifest, write_manifest

    def described() -> Any:
        files = tuple(f for f in list_files(release) if f.path not in ("manifest.json", "SHA256SUMS"))
        return replace(load_description(release), files=files)

    (release / "croissant.json").write_text(render_croissant(described()), encoding="utf-8")
    write_manifest(release, described(), read_manifest(release).get("changes"))


def recorded_cases(name: str) -> list[dict[str, Any]]:
    """The recorded cases of a core's port, ``tests/data/<name>``, one JSON object a line."""
    lines = (TESTS / "data" / name).read_text("utf-8").split("\n")  # not splitlines: texts hold U+2028 …
    return [json.loads(line) for line in lines if line]


def same_bits(a: Any, b: Any) -> bool:
    """Equal, floats to the last bit (the recorded cases of the core's ports)."""
    if isinstance(a, float) and isinstance(b, float):
        return struct.pack("<d", a) == struct.pack("<d", b)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same_bits(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.fixture
def small_shards(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Builds put this many calls in a shard (1, or the test's indirect parameter) instead of 100,
    so that the three seeds span several shards."""
    calls = getattr(request, "param", 1)
    monkeypatch.setattr("builder.release.build.TRANSCRIPTS_PER_SHARD", calls)
    return calls
