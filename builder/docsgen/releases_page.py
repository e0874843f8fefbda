"""The releases page: every version, the changelog and each version's citation (BibTeX and CFF).

It shows what exists: ``CHANGELOG.md`` beside ``dist/``, and in each release folder
``manifest.json`` and ``CITATION.cff``; whatever is absent is said to be absent.
"""

from __future__ import annotations

import json
import re
from typing import Any

from builder.cards.escape import md_code, pre_block
from builder.docsgen.citation import bibtex
from builder.docsgen.releases import Release


def _demote(markdown: str) -> str:
    """Headings one level down, outside fenced code, so the changelog nests under its section."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        out.append("#" + line if not fenced and re.match(r"#{1,5} ", line) else line)
    return "\n".join(out)


def _manifest(manifest: dict[str, Any]) -> list[str]:
    rows = ["| key | value |", "|---|---|"]
    for key, value in manifest.items():
        if isinstance(value, (dict, list)):
            shown = f"{len(value)} entr{'y' if len(value) == 1 else 'ies'}"
        else:
            shown = md_code(json.dumps(value, ensure_ascii=False))
        rows.append(f"| {md_code(key)} | {shown} |")
    return [*rows, ""]


def _release(release: Release, newest: bool) -> list[str]:
    v = release.version
    out = [f"## {v}{' (newest)' if newest else ''} {{#v{v.replace('.', '-')}}}\n"]
    out.append(f"Folder `dist/{v}/`; configs: {', '.join(f'`{c}`' for c in release.configs)}.\n")
    if release.manifest is not None:
        out += ["### Manifest\n", "From `manifest.json`:\n", *_manifest(release.manifest)]
    else:
        out.append("This release has no `manifest.json`.\n")
    entry = bibtex(release)
    out.append("### Citation\n")
    out += ["BibTeX:\n", pre_block(entry, "bibtex")] if entry else ["This release has no BibTeX entry.\n"]
    if release.citation_cff is not None:
        out += ["`CITATION.cff`:\n", pre_block(release.citation_cff, "yaml")]
    else:
        out.append("This release has no `CITATION.cff`.\n")
    return out


def render(releases: list[Release], changelog: str | None) -> str:
    """Markdown of the releases page, newest release first."""
    configs = releases[0].configs
    out = ["# Releases\n", "| version | " + " | ".join(f"`{c}` rows" for c in configs) + " |"]
    out.append("|---|" + "---:|" * len(configs))
    for r in releases:
        counts = [f"{r.num_rows(c):,}" if c in r.configs else "—" for c in configs]
        out.append(f"| [{r.version}](#v{r.version.replace('.', '-')}) | " + " | ".join(counts) + " |")
    out.append("")
    out.append("## Changelog\n")
    if changelog:
        body = changelog.split("\n", 1)[1] if changelog.startswith("# ") else changelog  # its own title
        out.append(_demote(body) + "\n")
    else:
        out.append("The repository has no `CHANGELOG.md` yet.\n")
    for i, r in enumerate(releases):
        out += _release(r, i == 0)
    return "\n".join(out)
