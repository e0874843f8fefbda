"""The schema reference page: every config and field, generated from ``schema/*.json``."""

from __future__ import annotations

from builder.cards.escape import md_cell, md_code, md_inline
from builder.docsgen.fields import config_fields, example_text
from builder.docsgen.releases import SAMPLE_ROWS, Release
from builder.schema.files import release_spec, schema_version


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render(release: Release) -> str:
    """Markdown of the schema reference, with example values from ``release``."""
    spec = release_spec()
    out = [
        "# Schema reference\n",
        f"Generated from the JSON Schemas in `schema/` (schema version {schema_version()}); "
        f"example values are the first non-empty value in the first shard of release "
        f"{release.version} (at most {SAMPLE_ROWS:,} rows). "
        "Nested fields are written with dots, list items with `[]`.\n",
    ]
    for config, about in spec["configs"].items():
        default = " (default)" if config == spec["default_config"] else ""
        out.append(f"## `{config}`{default}\n")
        out.append(f"{md_cell(about['description'])} Schema file: `{about['schema']}`.\n")
        rows = release.sample(config)
        if not rows:
            out.append(f"Release {release.version} has no rows of this config.\n")
        out.append("| field | type | nullable | description | example |\n|---|---|---|---|---|")
        for f in config_fields(config):
            description = md_cell(f.description)
            if f.values:
                description += " Values: " + ", ".join(md_code(v) for v in f.values) + "."
            sample = example_text(rows, f.path)
            cells = [md_code(f.path), md_inline(f.type), "yes" if f.nullable else "no", description]
            out.append(_row([*cells, md_code(sample) if sample else "—"]))
        out.append("")
    return "\n".join(out)
