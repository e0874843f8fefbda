"""Citations of a release: BibTeX from its ``CITATION.cff`` when it has one, else from its card."""

from __future__ import annotations

import re
from typing import Any

import yaml

from builder.docsgen.releases import Release


def _authors(cff: dict[str, Any]) -> str:
    names = []
    for a in cff.get("authors", []):
        if "name" in a:
            names.append("{" + str(a["name"]) + "}")
        else:
            names.append(", ".join(str(a[k]) for k in ("family-names", "given-names") if k in a))
    return " and ".join(names)


def _from_cff(text: str, version: str) -> str | None:
    try:
        cff = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(cff, dict) or "title" not in cff:
        return None
    fields = {
        "title": "{" + str(cff["title"]) + "}",
        "author": "{" + _authors(cff) + "}",
        "version": "{" + str(cff.get("version", version)) + "}",
        "year": "{" + str(cff["date-released"])[:4] + "}" if "date-released" in cff else None,
        "doi": "{" + str(cff["doi"]) + "}" if "doi" in cff else None,
        "url": "{" + str(cff.get("repository-code") or cff.get("url")) + "}"
        if cff.get("repository-code") or cff.get("url")
        else None,
    }
    body = ",\n".join(f"  {k:<7} = {v}" for k, v in fields.items() if v is not None)
    return f"@misc{{callcorpus_{version.replace('.', '_')},\n{body}\n}}\n"


def bibtex(release: Release) -> str:
    """The BibTeX entry of a release: from its CITATION.cff, else the card's, else a minimal one."""
    if release.citation_cff and (entry := _from_cff(release.citation_cff, release.version)):
        return entry
    match = re.search(r"```bibtex\n(.*?)```", release.card, flags=re.S)
    if match:
        return match.group(1)
    key = release.version.replace(".", "_")
    return (
        f"@misc{{callcorpus_{key},\n  title = {{callcorpus}},\n  note = {{Version {release.version}}}\n}}\n"
    )
