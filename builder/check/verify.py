"""``callcorpus verify``: is a downloaded release intact? Files, hashes, counts and schema.

Needs only the release folder and pyarrow (no ``datasets``, no network). Every file is hashed
once and compared with both ``SHA256SUMS`` and ``manifest.json``; every problem is collected,
naming the file that is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from builder.cards.card_lint import parse_card_header
from builder.cards.crosscheck import CROISSANT
from builder.cards.description import FileEntry, config_files, config_rows, list_files
from builder.cards.manifest import parse_checksums, read_manifest
from builder.errors import CallcorpusError, excerpt
from builder.formats.layout import CARD, CHECKSUMS, MANIFEST, SCHEMA_FOLDER
from builder.schema.columns import schema_columns


def verify_release(root: Path) -> list[str]:
    """Every problem with the release folder ``root``; empty when it is intact.

    Damaged or missing files first; only when every file is intact, the row counts and
    columns against the manifest, the card and the schemas."""
    return damaged_files(root) or check_counts_and_schema(root, read_manifest(root))


def damaged_files(root: Path) -> list[str]:
    """Every file that differs from ``manifest.json`` and ``SHA256SUMS`` (or is missing, or is
    not listed), each named; empty when the files are as released."""
    try:
        manifest = read_manifest(root)
        sums = parse_checksums(root)
    except CallcorpusError as exc:
        return [str(exc)]
    on_disk = {f.path: f for f in list_files(root) if f.path != CHECKSUMS}
    problems = []
    for path in sorted(set(sums) - set(on_disk)):
        problems.append(f"{path}: listed in {CHECKSUMS} but missing")
    for path in sorted(set(on_disk) - set(sums)):
        problems.append(f"{path}: present but not listed in {CHECKSUMS}")
    for path in sorted(set(sums) & set(on_disk)):
        if sums[path] != on_disk[path].sha256:
            problems.append(f"{path}: SHA-256 does not match {CHECKSUMS} (file changed or damaged)")
    listed = {entry["path"]: entry for entry in manifest.get("files", [])}
    for path in sorted(set(on_disk) - set(listed) - {MANIFEST}):
        problems.append(f"{path}: not listed in {MANIFEST}")
    for path, entry in sorted(listed.items()):
        found = on_disk.get(path)
        if found is None:
            problems.append(f"{path}: listed in {MANIFEST} but missing")
        elif found.size != entry.get("size"):
            problems.append(f"{path}: {found.size} bytes, {MANIFEST} says {entry.get('size')}")
        elif found.sha256 != entry.get("sha256"):
            problems.append(f"{path}: SHA-256 does not match {MANIFEST}")
    return problems + _croissant_mismatches(root, on_disk)


def _croissant_mismatches(root: Path, on_disk: dict[str, FileEntry]) -> list[str]:
    """Every file whose size or SHA-256 differs from what ``croissant.json`` lists for it (a
    file changed with its hashes rewritten in the manifest and ``SHA256SUMS`` alone)."""
    if CROISSANT not in on_disk:
        return []  # reported above when the manifest lists it
    try:
        listed = json.loads((root / CROISSANT).read_text("utf-8")).get("distribution", [])
    except (OSError, ValueError, AttributeError) as exc:
        return [f"{CROISSANT}: cannot be read ({exc})"]
    problems = []
    objects = [e for e in listed if isinstance(e, dict) and e.get("@type") == "cr:FileObject"]
    for entry in objects if isinstance(listed, list) else []:
        path = entry.get("contentUrl")
        found = on_disk.get(path) if isinstance(path, str) else None
        if found is None:
            problems.append(f"{CROISSANT}: lists {excerpt(path)}, which the release does not hold")
        elif entry.get("sha256") != found.sha256 or entry.get("contentSize") != f"{found.size} B":
            problems.append(f"{path}: size or SHA-256 does not match {CROISSANT} (file changed or damaged)")
    return problems


def check_counts_and_schema(root: Path, manifest: dict) -> list[str]:
    """The folder named by the version; rows per config against the manifest and card; Parquet
    columns against the JSON Schema."""
    problems = []
    folder = root.resolve().name
    if folder != manifest.get("version"):
        problems.append(f"{MANIFEST}: version {manifest.get('version')} but the folder is {folder}")
    spec = json.loads((root / SCHEMA_FOLDER / "release.json").read_text("utf-8"))
    if spec["schema_version"] != manifest.get("schema_version"):
        problems.append(
            f"{MANIFEST}: schema_version {manifest.get('schema_version')}, "
            f"schema/release.json says {spec['schema_version']}"
        )
    try:
        card = parse_card_header((root / CARD).read_text("utf-8"))
    except ValueError as exc:
        return [f"{CARD}: {exc}"]
    declared = {
        info["config_name"]: sum(split["num_examples"] for split in info["splits"])
        for info in card.get("dataset_info", [])
    }
    for name, entry in spec["configs"].items():
        config = manifest["configs"].get(name)
        if config is None or not config.get("splits"):
            problems.append(f"{MANIFEST}: config {name} of schema/release.json is missing")
            continue
        recorded = config_rows(config)
        schema = json.loads((root / SCHEMA_FOLDER / entry["schema"]).read_text("utf-8"))
        columns = [column.name for column in schema_columns(schema)]
        rows = 0
        for path in config_files(config)["parquet"]:
            meta = pq.read_metadata(root / path)
            rows += meta.num_rows
            if meta.schema.to_arrow_schema().names != columns:
                problems.append(f"{path}: columns differ from schema/{entry['schema']}")
        if rows != recorded:
            problems.append(f"data/{name}: {rows} rows, {MANIFEST} says {recorded}")
        if declared.get(name) != recorded:
            problems.append(f"README.md: {name} num_examples {declared.get(name)}, {MANIFEST} says {rows}")
    return problems
