"""Read every rendered metadata file back and compare it with the release description.

``crosscheck`` parses each file (YAML, JSON, BibTeX) and checks what it states (version,
release date, files with sizes and SHA-256, configs, fields) against the description, and,
given the release folder, the description against the files on disk (sizes, hashes, Parquet
row counts). Every problem is collected; each message names the file and the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml

from builder.cards.about import license_id_lower
from builder.cards.bibtex import cite_key
from builder.cards.croissant import SPLIT_FIELD, SPLITS_RECORD_SET
from builder.cards.description import ReleaseDescription
from builder.formats.checksum import sha256_file
from builder.schema.columns import columns

#: The file names ``crosscheck`` knows how to read, as a release stores them.
CFF, CROISSANT, DATAPACKAGE, ZENODO, BIBTEX = (
    "CITATION.cff",
    "croissant.json",
    "datapackage.json",
    ".zenodo.json",
    "citation.bib",
)


def _same(problems: list[str], where: str, field: str, found: Any, expected: Any) -> None:
    if found != expected:
        problems.append(f"{where}: `{field}` is {found!r}, expected {expected!r}")


def _data_files(desc: ReleaseDescription) -> dict[str, str]:
    """Every data file of the release (path → format)."""
    return {p: fmt for c in desc.configs for fmt, paths in c.files.items() for p in paths}


def _check_cff(desc: ReleaseDescription, text: str, problems: list[str]) -> None:
    data = yaml.safe_load(text)
    _same(problems, CFF, "version", data.get("version"), desc.version)
    _same(problems, CFF, "date-released", data.get("date-released"), desc.date_released)
    _same(problems, CFF, "license", data.get("license"), desc.about.license_spdx)
    _same(problems, CFF, "title", data.get("title"), desc.about.title)


def _check_zenodo(desc: ReleaseDescription, text: str, problems: list[str]) -> None:
    data = json.loads(text)
    _same(problems, ZENODO, "version", data.get("version"), desc.version)
    _same(problems, ZENODO, "publication_date", data.get("publication_date"), desc.date_released)
    _same(problems, ZENODO, "license", data.get("license"), license_id_lower(desc.about))


def _check_bibtex(desc: ReleaseDescription, text: str, problems: list[str], where: str = BIBTEX) -> None:
    key = re.match(r"@misc\{([^,]+),", text)
    _same(problems, where, "key", key.group(1) if key else None, cite_key(desc))
    version = re.search(r"^\s*version\s*=\s*\{([^}]*)\}", text, re.MULTILINE)
    _same(problems, where, "version", version.group(1) if version else None, desc.version)
    year = re.search(r"^\s*year\s*=\s*\{([^}]*)\}", text, re.MULTILINE)
    _same(problems, where, "year", year.group(1) if year else None, desc.date_released[:4])


def _check_croissant(desc: ReleaseDescription, text: str, problems: list[str]) -> None:
    data = json.loads(text)
    _same(problems, CROISSANT, "version", data.get("version"), desc.version)
    expected_license = f"https://spdx.org/licenses/{desc.about.license_spdx}.html"
    _same(problems, CROISSANT, "license", data.get("license"), expected_license)
    _same(problems, CROISSANT, "datePublished", data.get("datePublished"), desc.date_released)
    _check_bibtex(desc, data.get("citeAs", ""), problems, f"{CROISSANT} citeAs")
    objects = [d for d in data.get("distribution", []) if d.get("@type") == "cr:FileObject"]
    listed = [d.get("contentUrl") for d in objects]
    for path in sorted(set(_data_files(desc)) - set(listed)):
        problems.append(f"{CROISSANT}: `distribution` lacks data file {path}")
    for obj in objects:
        path = obj.get("contentUrl")
        entry = next((f for f in desc.files if f.path == path), None)
        if entry is None:
            problems.append(f"{CROISSANT}: `distribution` names {path}, which the release does not have")
            continue
        _same(problems, f"{CROISSANT} {path}", "sha256", obj.get("sha256"), entry.sha256)
        _same(problems, f"{CROISSANT} {path}", "contentSize", obj.get("contentSize"), f"{entry.size} B")
    if len(listed) != len(set(listed)):
        problems.append(f"{CROISSANT}: `distribution` lists a file more than once")
    record_sets = {r.get("@id"): r for r in data.get("recordSet", [])}
    expected = sorted([SPLITS_RECORD_SET, *(c.name for c in desc.configs)])
    _same(problems, CROISSANT, "recordSet", sorted(record_sets), expected)
    for name, record_set in record_sets.items():
        found = [f.get("name") for f in record_set.get("field", [])]
        if name in {c.name for c in desc.configs}:
            fields = [c.name for c in columns(name)]
            fields += [] if SPLIT_FIELD in fields else [SPLIT_FIELD]  # a column from schema 3.0.0
            _same(problems, f"{CROISSANT} {name}", "field", found, fields)


def _check_datapackage(desc: ReleaseDescription, text: str, problems: list[str]) -> None:
    data = json.loads(text)
    _same(problems, DATAPACKAGE, "version", data.get("version"), desc.version)
    licenses = [entry.get("name") for entry in data.get("licenses", [])]
    _same(problems, DATAPACKAGE, "licenses", licenses, [desc.about.license_spdx])
    resources = {r.get("name"): r for r in data.get("resources", [])}
    _same(problems, DATAPACKAGE, "resources", sorted(resources), sorted(c.name for c in desc.configs))
    for config in desc.configs:
        resource = resources.get(config.name)
        if resource is None:
            continue
        where = f"{DATAPACKAGE} {config.name}"
        _same(problems, where, "path", resource.get("path"), list(config.files["parquet"]))
        if len(config.files["parquet"]) == 1:
            entry = desc.file(config.files["parquet"][0])
            _same(problems, where, "hash", resource.get("hash"), f"sha256:{entry.sha256}")
        fields = [f.get("name") for f in resource.get("schema", {}).get("fields", [])]
        _same(problems, where, "schema.fields", fields, [c.name for c in columns(config.name)])


_CHECKS: dict[str, Callable[[ReleaseDescription, str, list[str]], None]] = {
    CFF: _check_cff,
    CROISSANT: _check_croissant,
    DATAPACKAGE: _check_datapackage,
    ZENODO: _check_zenodo,
    BIBTEX: _check_bibtex,
}


def _check_disk(desc: ReleaseDescription, root: Path, problems: list[str]) -> None:
    for entry in desc.files:
        path = root / entry.path
        if not path.is_file():
            problems.append(f"{entry.path}: missing from {root}")
            continue
        _same(problems, entry.path, "size", path.stat().st_size, entry.size)
        _same(problems, entry.path, "sha256", sha256_file(path), entry.sha256)
    for config in desc.configs:
        present = [p for p in config.files["parquet"] if (root / p).is_file()]
        rows = sum(pq.read_metadata(root / p).num_rows for p in present)
        _same(problems, f"data/{config.name}", "rows", rows, config.num_rows)


def crosscheck(desc: ReleaseDescription, rendered: dict[str, str], root: Path | None = None) -> list[str]:
    """Every disagreement between the rendered files, the description and (given) the folder."""
    problems: list[str] = []
    for name in sorted(rendered):
        check = _CHECKS.get(name)
        if check is None:
            problems.append(f"{name}: not a metadata file crosscheck knows")
            continue
        try:
            check(desc, rendered[name], problems)
        except (ValueError, yaml.YAMLError, AttributeError) as error:
            problems.append(f"{name}: cannot be read back ({error})")
    if root is not None:
        _check_disk(desc, root, problems)
    return problems
