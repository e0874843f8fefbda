"""Changelog entries: one release's changes as Markdown, for the card and ``CHANGELOG.md``.

Each release's ``manifest.json`` keeps the summary of its diff against the previous release
(``changes``); an entry is rendered from it and the release's row counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_MAX_IDS = 20


def _ids(ids: list[str]) -> str:
    shown = ", ".join(f"`{i}`" for i in ids[:_MAX_IDS])
    return shown + (f" and {len(ids) - _MAX_IDS} more" if len(ids) > _MAX_IDS else "")


def split_move(old: str, new: str) -> str:
    """What a call whose id changed did between splits (``split moved train → test``)."""
    return f"split moved {old} → {new}" if old != new else f"split {new} kept"


def render_entry(
    version: str,
    date: str,
    rows: dict[str, int],
    changes: dict[str, Any] | None,
    skipped: Sequence[str] = (),
) -> str:
    """The changelog entry of one release (Markdown, starting with its ``##`` heading);
    ``skipped`` names the raw files its build set aside (``--skip-bad``)."""
    lines = [f"## {version} — {date}", ""]
    counts = ", ".join(f"{config} {n:,}" for config, n in rows.items())
    aside = [f"- Raw files set aside as unreadable or refused ({len(skipped)}): {_ids(list(skipped))}"]
    if changes is None:
        lines.append(f"First release. Rows: {counts}.")
        return "\n".join([*lines, *(["", *aside] if skipped else [])]) + "\n"
    level = changes["required_bump"] or "no data"
    lines.append(f"Changes since {changes['previous_version']} ({level} changes). Rows: {counts}.")
    lines.append("")
    if changes.get("notes"):
        lines += [changes["notes"], "", "In detail:", ""]
    old_sv, new_sv = changes["schema_versions"]["old"], changes["schema_versions"]["new"]
    if changes["schema_changes"]:
        lines.append(f"- Schema {old_sv} → {new_sv}:")
        lines += [f"  - {change}" for change in changes["schema_changes"]]
    for key, what in (
        ("transcripts_added", "added"),
        ("transcripts_removed", "removed"),
        ("transcripts_changed", "changed"),
    ):
        if changes[key]:
            lines.append(f"- Transcripts {what} ({len(changes[key])}): {_ids(changes[key])}")
    for renamed in changes.get("transcripts_renamed", []):  # absent before 2.0.1
        moved = split_move(renamed["old_split"], renamed["new_split"])
        lines.append(
            f"- Transcript id changed, same raw file: `{renamed['old_id']}` → `{renamed['new_id']}` ({moved})"
        )
    for config, count in changes["rows"].items():
        if count["old"] != count["new"]:
            lines.append(f"- `{config}`: {count['old']:,} → {count['new']:,} rows")
    if lines[-1] in ("", "In detail:") or len(lines) == 3:
        lines.append("- No change to the data or the schema (metadata and documentation only).")
    return "\n".join([*lines, *(aside if skipped else [])]) + "\n"
