"""Re-check a built release: card, schemas, row counts, and the three formats agreeing.

Reads every file in batches (memory stays flat however large the release) and collects every
problem; ``check_release`` returns them all, an empty list meaning the release is sound.
"""

from __future__ import annotations

from collections import Counter
from itertools import zip_longest
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from builder import __version__
from builder.cards.card_lint import lint_card, parse_card_header
from builder.cards.dataset_card import size_category
from builder.cards.manifest import read_manifest
from builder.check.sentences import check_sentences
from builder.check.verify import check_counts_and_schema, damaged_files
from builder.errors import CallcorpusError
from builder.formats.layout import (
    CARD,
    FORMATS,
    MANIFEST,
    config_folder,
    data_files_pattern,
    shard_files,
    split_of_file,
    stem_of,
)
from builder.formats.read import read_rows
from builder.schema.derived import arrow_schema, yaml_features
from builder.schema.files import config_names, schema_version
from builder.schema.validate import row_validator


def read_card(release: Path) -> dict[str, Any]:
    """The YAML header of a release's ``README.md``."""
    return parse_card_header((release / CARD).read_text(encoding="utf-8"))


def _other_schema(release: Path) -> str | None:
    """Why this code cannot validate a release of another schema version (its rows follow the
    schema they were built with); None when the versions agree."""
    try:
        built = read_manifest(release).get("schema_version")
    except CallcorpusError:
        return None  # reported by the checks that read the manifest
    if built == schema_version():
        return None
    return (
        f"{release}: schema {built}, but this callcorpus ({__version__}) validates schema "
        f"{schema_version()} rows; `callcorpus verify {release}` checks it against its own "
        "manifest, and the version that built it validates its rows"
    )


def check_release(release: Path) -> list[str]:
    """Every problem found in a release folder; empty when it is sound.

    Files that differ from ``manifest.json`` and ``SHA256SUMS`` are reported first and alone:
    what follows from a damaged file (rows that no longer parse, counts that no longer agree)
    would only repeat them."""
    if (release / MANIFEST).is_file():
        damaged = damaged_files(release)
        if damaged:
            return [*damaged, "the other checks were not run: restore the files above first"]
        other = _other_schema(release)
        if other:
            return [other]
    if not (release / CARD).is_file():
        return [f"{release}: no README.md (not a release folder?)"]
    try:
        card = read_card(release)
    except ValueError as exc:
        return [f"{release}/README.md: {exc}"]
    problems: list[str] = lint_card(card)
    if (release / MANIFEST).is_file():
        problems += check_counts_and_schema(release, read_manifest(release))
    else:
        problems.append(f"{release}: no {MANIFEST} (files and hashes cannot be checked)")
    if not (release / "LICENSE-DATA.md").is_file():
        problems.append(f"{release}: no LICENSE-DATA.md (the card's license_link)")
    configs = {c.get("config_name"): c for c in _entries(card, "configs", problems)}
    infos = {i.get("config_name"): i for i in _entries(card, "dataset_info", problems)}
    defaults = [name for name, c in configs.items() if c.get("default")]
    if len(defaults) != 1:
        problems.append(f"card: expected exactly one default config, found {len(defaults)}")
    if set(configs) != set(config_names()):
        named = sorted(str(name) for name in configs)
        problems.append(f"card: configs {named} differ from {sorted(config_names())}")
    counts: dict[str, Counter[str]] = {}
    for config in config_names():
        problems += _check_config(release, config, configs.get(config, {}), infos.get(config, {}), counts)
    problems += _check_links(counts)
    default = defaults[0] if len(defaults) == 1 else None
    if default in infos:
        rows = infos[default].get("splits", [{}])[0].get("num_examples", 0)
        if card.get("size_categories") != [size_category(rows)]:
            problems.append(
                f"card: size_categories {card.get('size_categories')} should be "
                f"[{size_category(rows)}] for {rows} rows in the default config"
            )
    if "sentences" in config_names():
        problems += check_sentences(release)
    return problems


def _entries(card: dict[str, Any], key: str, problems: list[str]) -> list[dict[str, Any]]:
    """The card's list of mappings under ``key``; a problem is recorded when it is not one."""
    value = card.get(key, [])
    if isinstance(value, list) and all(isinstance(entry, dict) for entry in value):
        return value
    problems.append(f"card: `{key}` should be a list of mappings, found {type(value).__name__}")
    return []


def _check_config(
    release: Path,
    config: str,
    entry: dict[str, Any],
    info: dict[str, Any],
    counts: dict[str, Counter[str]],
) -> list[str]:
    """One config: its card entries, its files' schemas, and its rows in the three formats."""
    files = {fmt: shard_files(release, config, fmt) for fmt in FORMATS}
    present = list(dict.fromkeys(split_of_file(p.name) or "" for p in files["parquet"]))
    problems, declared = _check_card_config(config, entry, info, present)
    if not files["parquet"]:
        return [
            *problems,
            f"{config}: no Parquet files under {config_folder(release, config).relative_to(release)}/",
        ]
    names = {fmt: [stem_of(p) for p in paths] for fmt, paths in files.items()}
    if len({tuple(n) for n in names.values()}) != 1:
        problems.append(f"{config}: shard files differ between formats: {names}")
    problems += _check_file_schemas(release, config, files["parquet"] + files["arrow"])
    rows, row_problems = _check_rows(release, config, counts)
    problems += row_problems
    if rows is not None and declared != rows:  # None: the rows were not all read, so not counted
        problems.append(f"card: {config} num_examples is {declared}, the files hold {rows} rows")
    return problems


def _check_card_config(
    config: str, entry: dict[str, Any], info: dict[str, Any], present: list[str]
) -> tuple[list[str], Any]:
    """The card's entries for one config (``present``: the splits that have files), and the
    row count it declares."""
    problems: list[str] = []
    expected = [{"split": split, "path": data_files_pattern(config, split)} for split in present]
    found = [
        {"split": f.get("split"), "path": f.get("path")} for f in _entries(entry, "data_files", problems)
    ]
    if found != expected:
        problems.append(f"card: config {config} data_files {found} should be {expected}")
    if info.get("features") != yaml_features(config):
        problems.append(f"card: dataset_info features of {config} differ from the schema")
    splits = {s.get("name"): s for s in _entries(info, "splits", problems)}
    if list(splits) != present:
        problems.append(f"card: {config} splits {list(splits)} should be {present}")
    problems += [
        f"card: {config} split {name} has no num_bytes" for name, s in splits.items() if "num_bytes" not in s
    ]
    declared = sum(s.get("num_examples") or 0 for s in splits.values())
    return problems, declared


def _check_file_schemas(release: Path, config: str, paths: list[Path]) -> list[str]:
    """Parquet and Arrow files against the config's Arrow schema and embedded features."""
    problems = []
    schema = arrow_schema(config)
    for path in paths:
        found = (
            pq.read_schema(path)
            if path.suffix == ".parquet"
            else pa.ipc.open_file(pa.memory_map(str(path))).schema
        )
        if not found.equals(schema, check_metadata=False):
            problems.append(f"{path.relative_to(release)}: Arrow schema differs from the JSON Schema")
        elif found.metadata.get(b"huggingface") != schema.metadata[b"huggingface"]:
            problems.append(f"{path.relative_to(release)}: embedded datasets features differ")
    return problems


#: The configs whose rows a call's `transcripts` row counts, and the field that holds the count.
DECLARED = {"segments": "num_segments", "qa": "num_exchanges"}


def _check_rows(release: Path, config: str, counts: dict[str, Counter[str]]) -> tuple[int | None, list[str]]:
    """Rows equal in the three formats and valid; counted per transcript. Returns the row count,
    or None when the check stopped early (formats that differ, too many problems): then neither
    the count nor the per-transcript counts are known, and nothing is concluded from them."""
    validator = row_validator(config)
    problems: list[str] = []
    rows = 0
    ids = counts.setdefault(config, Counter())
    streams = [read_rows(release, config, fmt) for fmt in FORMATS]
    for rows, (row, *copies) in enumerate(zip_longest(*streams), start=1):
        if row is None or any(copy != row for copy in copies):
            _forget(counts, config)
            return None, [*problems, f"{config}: row {rows} differs between Parquet, JSONL and Arrow"]
        problems += validator.problems(row)
        ids[row["transcript_id"]] += 1
        if config == "transcripts":
            for counted, field in DECLARED.items():
                counts.setdefault(f"declared_{counted}", Counter())[row["transcript_id"]] = row[field]
        if len(problems) > 100:
            _forget(counts, config)
            return None, problems
    return rows, problems


def _forget(counts: dict[str, Counter[str]], config: str) -> None:
    """Drop the counts of a config whose rows were not all read: what they say is not true."""
    counts.pop(config, None)
    if config == "transcripts":
        for counted in DECLARED:
            counts.pop(f"declared_{counted}", None)


def _check_links(counts: dict[str, Counter[str]]) -> list[str]:
    """Transcript ids once each; each call's segments and Q&A exchanges as many as its
    `transcripts` row says."""
    problems = []
    duplicates = [tid for tid, n in counts.get("transcripts", Counter()).items() if n > 1]
    if duplicates:
        problems.append(f"transcripts: duplicate transcript ids {sorted(duplicates)[:10]}")
    for counted, field in DECLARED.items():
        if counted not in counts or f"declared_{counted}" not in counts:
            continue  # one side was not read to the end (its problem is reported)
        rows, declared = counts[counted], counts[f"declared_{counted}"]
        for tid in sorted(set(rows) | set(declared)):
            if rows[tid] != declared[tid]:
                problems.append(
                    f"transcript {tid}: {field} is {declared[tid]}, {counted} config has {rows[tid]}"
                )
    return problems
