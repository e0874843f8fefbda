"""``CITATION.cff`` (Citation File Format 1.2.0) of one release, written by PyYAML."""

from __future__ import annotations

from typing import Any

import yaml

from builder.cards.description import ReleaseDescription

CFF_VERSION = "1.2.0"
MESSAGE = "If you use this dataset, please cite it using the metadata from this file."
#: How the concept DOI is described among the identifiers.
CONCEPT = "the corpus, every version (resolves to the newest release)"


def cff_data(desc: ReleaseDescription) -> dict[str, Any]:
    """The CFF document as plain data, keys in the order the file shows them."""
    about = desc.about
    data: dict[str, Any] = {
        "cff-version": CFF_VERSION,
        "message": MESSAGE,
        "type": "dataset",
        "title": about.title,
        "abstract": about.abstract,
        "authors": [{"name": author} for author in about.authors],
        "version": desc.version,
        "date-released": desc.date_released,
        "license": about.license_spdx,
        "keywords": list(about.keywords),
    }
    if about.repository:
        data["repository-code"] = about.repository
    return data | cff_identifiers(desc)


def cff_identifiers(desc: ReleaseDescription) -> dict[str, Any]:
    """``doi`` (the concept DOI: the corpus) and ``identifiers`` (it, and each earlier release's
    version DOI), when the release cites any (``raw/doi.toml``)."""
    citation = desc.citation
    concept = [{"type": "doi", "value": citation.concept, "description": CONCEPT}] if citation.concept else []
    identifiers = concept + [
        {"type": "doi", "value": doi, "description": f"{desc.about.name} {version}"}
        for version, doi in citation.versions
    ]
    doi = {"doi": citation.concept} if citation.concept else {}
    return doi | ({"identifiers": identifiers} if identifiers else {})


def render_cff(desc: ReleaseDescription) -> str:
    """``CITATION.cff`` text: YAML from ``yaml.safe_dump`` (dates stay quoted strings)."""
    return yaml.safe_dump(cff_data(desc), sort_keys=False, allow_unicode=True, width=100)
