"""A release can be checked byte for byte: manifest.json, SHA256SUMS, verify, sha256sum -c."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import RAW

from builder.build.signature import build_signature
from builder.check.verify import verify_release
from builder.formats.checksum import sha256_file
from builder.release.build import BuildSummary


def _copy(release: BuildSummary, tmp_path: Path) -> Path:
    target = tmp_path / release.version
    shutil.copytree(release.path, target)
    return target


def test_manifest_lists_every_file_rows_sources_and_signature(seed_release: BuildSummary) -> None:
    root = seed_release.path
    manifest = json.loads((root / "manifest.json").read_text("utf-8"))
    on_disk = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    listed = [f["path"] for f in manifest["files"]]
    assert listed == [p for p in on_disk if p not in ("manifest.json", "SHA256SUMS")]
    for entry in manifest["files"]:
        assert entry["sha256"] == sha256_file(root / entry["path"])
        assert entry["size"] == (root / entry["path"]).stat().st_size
    rows = {name: c["splits"]["train"]["num_rows"] for name, c in manifest["configs"].items()}
    assert rows == seed_release.num_rows
    assert [s["name"] for s in manifest["sources"]] == [
        "crexendo-cxdo-2023-q2.txt",
        "manifest.toml",
        "rekor-systems-2021-q3.txt",
        "stem-2024-q4.txt",
    ]
    for source in manifest["sources"]:  # hashed as the shards read them, the manifest here
        assert source["sha256"] == sha256_file(RAW / source["name"])
    assert manifest["version"] == "1.0.0" and manifest["date_released"] == "2026-11-26"
    assert manifest["build_signature"] == build_signature(manifest["schema_version"], 100)
    assert manifest["build_signature"].startswith("callcorpus:")
    assert "|pyarrow:26.0.1|" in manifest["build_signature"]


def test_sha256sum_accepts_the_checksums(seed_release: BuildSummary) -> None:
    done = subprocess.run(
        ["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=seed_release.path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "manifest.json: OK" in done.stdout


def test_verify_passes_an_intact_release(seed_release: BuildSummary) -> None:
    assert verify_release(seed_release.path) == []


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("flip", ["data/segments/train-00000-of-00001.parquet: SHA-256 does not match SHA256SUMS"]),
        ("delete", ["jsonl/transcripts/train-00000-of-00001.jsonl.zst: listed in SHA256SUMS but missing"]),
        ("extra", ["notes.txt: present but not listed in SHA256SUMS", "notes.txt: not listed in manifest"]),
        ("count", ["README.md: segments num_examples 999"]),
    ],
)
def test_verify_names_the_file_that_is_wrong(
    seed_release: BuildSummary, tmp_path: Path, damage: str, expected: list[str]
) -> None:
    root = _copy(seed_release, tmp_path)
    if damage == "flip":
        path = root / "data/segments/train-00000-of-00001.parquet"
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    elif damage == "delete":
        (root / "jsonl/transcripts/train-00000-of-00001.jsonl.zst").unlink()
    elif damage == "extra":
        (root / "notes.txt").write_text("hello", "utf-8")
    else:  # a card edited and re-hashed everywhere: only the counts can tell
        card = root / "README.md"
        card.write_text(card.read_text("utf-8").replace("num_examples: 434", "num_examples: 999"), "utf-8")
        manifest = json.loads((root / "manifest.json").read_text("utf-8"))
        for entry in manifest["files"]:
            if entry["path"] == "README.md":
                entry |= {"size": card.stat().st_size, "sha256": sha256_file(card)}
        (root / "manifest.json").write_text(json.dumps(manifest), "utf-8")
        sums = "".join(
            f"{sha256_file(p)}  {p.relative_to(root).as_posix()}\n"
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "SHA256SUMS"
        )
        (root / "SHA256SUMS").write_text(sums, "utf-8")
    problems = verify_release(root)
    for line in expected:
        assert any(p.startswith(line) for p in problems), problems


def test_verify_reports_a_folder_that_is_not_a_release(tmp_path: Path) -> None:
    assert verify_release(tmp_path) == [f"{tmp_path}/manifest.json: not found (not a release folder?)"]


def test_release_metadata_files_follow_from_its_manifest(seed_release: BuildSummary) -> None:
    from builder.cards.bibtex import render_bibtex
    from builder.cards.cff import render_cff
    from builder.cards.croissant import render_croissant
    from builder.cards.datapackage import render_datapackage
    from builder.cards.description import load_description

    root = seed_release.path
    desc = load_description(root)
    for name, render in {
        "CITATION.cff": render_cff,
        "croissant.json": render_croissant,
        "datapackage.json": render_datapackage,
        "citation.bib": render_bibtex,
    }.items():
        assert (root / name).read_text("utf-8") == render(desc), name
    assert render_bibtex(desc) in (root / "README.md").read_text("utf-8")


def test_verify_works_from_inside_the_release_folder(
    seed_release: BuildSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seed_release.path)
    assert verify_release(Path(".")) == []
