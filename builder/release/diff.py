"""What changed between two release folders: schema, transcripts, rows, and the bump it needs.

Both releases are read from their own files (``schema/`` and ``jsonl/``), so a diff needs
nothing but the two folders. Rows are compared by digest, keyed by each config's id field (its
schema's first property), a pair of shard files at a time (``rowdiff``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from builder.cards.changelog import split_move
from builder.errors import CallcorpusError
from builder.formats.layout import SCHEMA_FOLDER, shard_files, split_of_file
from builder.release.rowdiff import KINDS, RowDelta, call_shards, compare
from builder.release.versions import Level, bump_level, higher
from builder.schema.columns import flat_columns, schema_columns, type_name


@dataclass(frozen=True, slots=True)
class SchemaChange:
    """One change to a field (``config.path``) or a config, and the version level it needs."""

    config: str
    path: str
    change: str
    before: str | None
    after: str | None
    level: Level

    def describe(self) -> str:
        """One line for people."""
        where = f"{self.config}.{self.path}" if self.path else self.config
        detail = f" ({self.before} → {self.after})" if self.before and self.after else ""
        return f"{where}: {self.change}{detail}"


@dataclass(frozen=True, slots=True)
class TranscriptChange:
    """A transcript in both releases whose rows differ."""

    transcript_id: str
    fields: list[str]
    rows: dict[str, RowDelta]


@dataclass(frozen=True, slots=True)
class Renamed:
    """A call whose transcript id changed while its raw file stayed (a corrected ticker or fiscal
    period): the diff sees a removal and an addition, and the split, a function of the id, may
    have moved, so a call trained on in one release could be tested on in the next."""

    source_file: str
    old_id: str
    new_id: str
    old_split: str
    new_split: str

    def describe(self) -> str:
        """One line for people."""
        moved = split_move(self.old_split, self.new_split)
        return f"{self.old_id} → {self.new_id} ({self.source_file}): {moved}"


@dataclass(frozen=True, slots=True)
class ReleaseDiff:
    """Everything that differs between release ``old`` and release ``new``."""

    old: str
    new: str
    schema_versions: tuple[str, str]
    schema_changes: list[SchemaChange]
    added: list[str]
    removed: list[str]
    changed: list[TranscriptChange]
    rows: dict[str, tuple[int, int]]
    renamed: list[Renamed] = field(default_factory=list)

    def required(self) -> tuple[Level | None, list[str]]:
        """The version level these changes need, with the reasons for it (most significant first)."""
        reasons: list[tuple[Level, str]] = [(c.level, c.describe()) for c in self.schema_changes]
        old_sv, new_sv = self.schema_versions
        moved = bump_level(old_sv, new_sv) if old_sv != new_sv else None
        if moved is not None:  # the schema's maintainers say how far its meaning moved
            reasons.append((moved, f"schema version {old_sv} → {new_sv}"))
        if self.removed:
            reasons.append(("major", f"{len(self.removed)} transcript(s) removed"))
        if self.renamed:
            split_moves = sum(r.old_split != r.new_split for r in self.renamed)
            reasons.append(
                (
                    "major",
                    f"{len(self.renamed)} transcript id(s) changed for the same raw file, "
                    f"{split_moves} to another split",
                )
            )
        if self.added:
            reasons.append(("minor", f"{len(self.added)} transcript(s) added"))
        if self.changed:
            reasons.append(("patch", f"{len(self.changed)} transcript(s) changed"))
        level: Level | None = None
        for reason_level, _ in reasons:
            level = higher(level, reason_level)
        ordered = sorted(reasons, key=lambda r: ("major", "minor", "patch").index(r[0]))
        return level, [text for _, text in ordered]

    def schema_level(self) -> Level | None:
        """The level the schema changes alone need (for the schema version)."""
        level: Level | None = None
        for change in self.schema_changes:
            level = higher(level, change.level)
        return level

    def to_json(self) -> dict[str, Any]:
        """The diff as plain data (``callcorpus diff --json``)."""
        level, reasons = self.required()
        data = asdict(self)
        data["schema_versions"] = {"old": self.schema_versions[0], "new": self.schema_versions[1]}
        data["rows"] = {c: {"old": a, "new": b} for c, (a, b) in self.rows.items()}
        data["required_bump"] = level
        data["reasons"] = reasons
        return data

    def summary(self) -> dict[str, Any]:
        """The compact record of this diff that a release keeps in its ``manifest.json``
        (``transcripts_renamed`` only when some id changed: releases before it lack the key)."""
        level, reasons = self.required()
        record: dict[str, Any] = {
            "previous_version": self.old,
            "required_bump": level,
            "reasons": reasons,
            "schema_versions": {"old": self.schema_versions[0], "new": self.schema_versions[1]},
            "schema_changes": [change.describe() for change in self.schema_changes],
            "transcripts_added": self.added,
            "transcripts_removed": self.removed,
            "transcripts_changed": [change.transcript_id for change in self.changed],
            "rows": {c: {"old": a, "new": b} for c, (a, b) in self.rows.items()},
        }
        if self.renamed:
            record["transcripts_renamed"] = [asdict(renamed) for renamed in self.renamed]
        return record

    def render_text(self) -> str:
        """The diff for people, as Markdown-friendly lines."""
        level, _ = self.required()
        needs = f"needs a {level} version bump" if level else "no change to the data or the schema"
        lines = [f"callcorpus {self.old} → {self.new}: {needs}"]
        old_sv, new_sv = self.schema_versions
        lines.append(f"schema {old_sv} → {new_sv}" if old_sv != new_sv else f"schema {new_sv} (unchanged)")
        lines += [f"  - {change.describe()}" for change in self.schema_changes]
        for config, (a, b) in self.rows.items():
            lines.append(f"{config}: {a:,} → {b:,} rows ({b - a:+,})")
        lines.append(f"transcripts added: {len(self.added)}")
        lines += [f"  + {tid}" for tid in self.added]
        lines.append(f"transcripts removed: {len(self.removed)}")
        lines += [f"  - {tid}" for tid in self.removed]
        lines.append(f"transcript ids changed for the same raw file: {len(self.renamed)}")
        lines += [f"  > {renamed.describe()}" for renamed in self.renamed]
        lines.append(f"transcripts changed: {len(self.changed)}")
        for change in self.changed:
            parts = [f"fields {', '.join(change.fields)}"] if change.fields else []
            for config, delta in change.rows.items():
                counts = [f"{getattr(delta, kind)} {kind}" for kind in KINDS if getattr(delta, kind)]
                parts.append(f"{config} {', '.join(counts)}")
            lines.append(f"  ~ {change.transcript_id}: {'; '.join(parts)}")
        return "\n".join(lines) + "\n"


def _release_schemas(release: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    """A release's schema version and each config's JSON Schema, from its ``schema/`` copy."""
    folder = release / SCHEMA_FOLDER
    try:
        spec = json.loads((folder / "release.json").read_text("utf-8"))
        configs = {
            name: json.loads((folder / entry["schema"]).read_text("utf-8"))
            for name, entry in spec["configs"].items()
        }
    except (OSError, ValueError, KeyError) as exc:
        raise CallcorpusError(f"{release}: cannot read the release's schema/ folder ({exc})") from exc
    return spec["schema_version"], configs


def _fields(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every field of a schema by dotted path, with its type, nullability, enum and description."""
    return {
        path: {
            "type": type_name(column),
            "nullable": column.nullable,
            "enum": list(column.enum or (column.item.enum if column.item else ())) or None,
            "description": column.description,
        }
        for path, column in flat_columns(schema_columns(schema))
    }


def schema_changes(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[SchemaChange]:
    """Field-level changes between two releases' config schemas."""
    changes: list[SchemaChange] = []
    for config in sorted(set(old) - set(new)):
        changes.append(SchemaChange(config, "", "config removed", None, None, "major"))
    for config in sorted(set(new) - set(old)):
        changes.append(SchemaChange(config, "", "config added", None, None, "minor"))
    for config in [c for c in new if c in old]:
        before, after = _fields(old[config]), _fields(new[config])
        for path in [p for p in before if p not in after]:
            changes.append(SchemaChange(config, path, "field removed", before[path]["type"], None, "major"))
        for path in [p for p in after if p not in before]:
            changes.append(SchemaChange(config, path, "field added", None, after[path]["type"], "minor"))
        for path in [p for p in after if p in before]:
            a, b = before[path], after[path]
            if a["type"] != b["type"]:
                changes.append(SchemaChange(config, path, "type changed", a["type"], b["type"], "major"))
            if a["nullable"] != b["nullable"]:
                nullable = {True: "nullable", False: "not null"}
                change = SchemaChange(
                    config,
                    path,
                    "nullability changed",
                    nullable[a["nullable"]],
                    nullable[b["nullable"]],
                    "major",
                )
                changes.append(change)
            if a["enum"] != b["enum"] and a["enum"] is not None and b["enum"] is not None:
                gone = [v for v in a["enum"] if v not in b["enum"]]
                new_values = [v for v in b["enum"] if v not in a["enum"]]
                if gone:
                    changes.append(SchemaChange(config, path, f"values removed: {gone}", None, None, "major"))
                if new_values:
                    changes.append(
                        SchemaChange(config, path, f"values added: {new_values}", None, None, "minor")
                    )
            if a["description"] != b["description"]:
                changes.append(SchemaChange(config, path, "description changed", None, None, "patch"))
    return changes


def _num_rows(release: Path, config: str) -> int:
    return sum(pq.read_metadata(path).num_rows for path in shard_files(release, config))


def _calls_by_source(release: Path, ids: set[str]) -> dict[str, tuple[str, str]]:
    """Raw file → (transcript id, split) of the given calls of a release."""
    calls: dict[str, tuple[str, str]] = {}
    for path in shard_files(release, "transcripts"):
        table = pq.read_table(path, columns=["transcript_id", "source_file"]).to_pydict()
        split = split_of_file(path.name) or "train"
        for tid, source in zip(table["transcript_id"], table["source_file"], strict=True):
            if tid in ids:
                calls[source] = (tid, split)
    return calls


def _renamed(old_path: Path, new_path: Path, removed: set[str], added: set[str]) -> list[Renamed]:
    """The removed calls whose raw file is the source of an added call, by raw file."""
    if not removed or not added:
        return []
    before, after = _calls_by_source(old_path, removed), _calls_by_source(new_path, added)
    return [
        Renamed(source, before[source][0], after[source][0], before[source][1], after[source][1])
        for source in sorted(set(before) & set(after))
    ]


def diff_releases(old_path: Path, new_path: Path, old: str, new: str) -> ReleaseDiff:
    """Compare two release folders; ``old``/``new`` are the versions to name them by.

    The rows of the calls both hold are compared a pair of shard files at a time, and files
    with the same bytes in both are not read (``rowdiff``), so the diff costs what changed and
    its memory does not grow with the corpus."""
    old_sv, old_schemas = _release_schemas(old_path)
    new_sv, new_schemas = _release_schemas(new_path)
    shards = call_shards(old_path), call_shards(new_path)
    ids_before, ids_after = set(shards[0]), set(shards[1])
    rows: dict[str, tuple[int, int]] = {"transcripts": (len(ids_before), len(ids_after))}
    fields: dict[str, list[str]] = {}
    for tid, _, name in compare(old_path, new_path, "transcripts", None, shards):
        fields.setdefault(tid, []).append(name)
    deltas: dict[str, dict[str, RowDelta]] = {}
    for config in [c for c in new_schemas if c in old_schemas and c != "transcripts"]:
        rows[config] = (_num_rows(old_path, config), _num_rows(new_path, config))
        id_field = schema_columns(new_schemas[config])[0].name
        for tid, kind, row_id in compare(old_path, new_path, config, id_field, shards):
            deltas.setdefault(tid, {}).setdefault(config, RowDelta()).note(kind, row_id)
    changed = [
        TranscriptChange(tid, fields.get(tid, []), deltas.get(tid, {}))
        for tid in sorted(set(fields) | set(deltas))
    ]
    return ReleaseDiff(
        old=old,
        new=new,
        schema_versions=(old_sv, new_sv),
        schema_changes=schema_changes(old_schemas, new_schemas),
        added=sorted(ids_after - ids_before),
        removed=sorted(ids_before - ids_after),
        changed=changed,
        rows=rows,
        renamed=_renamed(old_path, new_path, ids_before - ids_after, ids_after - ids_before),
    )


def check_schema_version(diff: ReleaseDiff) -> list[str]:
    """Problems with the schema version: it must move at least as far as the schema changed."""
    needed = diff.schema_level()
    old_sv, new_sv = diff.schema_versions
    if needed is None:
        return []
    moved = bump_level(old_sv, new_sv)
    order = ("patch", "minor", "major")
    if moved is None or order.index(moved) < order.index(needed):
        return [
            f"the schema changed ({diff.schema_changes[0].describe()}, …) in a way that needs a "
            f"{needed} schema version, but schema/release.json says {new_sv} (was {old_sv})"
        ]
    return []
