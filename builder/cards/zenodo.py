"""``.zenodo.json``: the deposit metadata Zenodo reads when a release is archived.

Keys follow Zenodo's (legacy) deposit metadata: ``upload_type``, ``publication_date``,
``title``, ``creators``, ``description``, ``access_right`` and ``license`` are required; the
license id is Zenodo's lowercase form of the SPDX id. ``related_identifiers`` appear only
once the repository has an address or a DOI is recorded (``raw/doi.toml``: the concept DOI as
``isVersionOf``, earlier releases' DOIs as ``isNewVersionOf``).
"""

from __future__ import annotations

from typing import Any

from builder.cards import dump_json
from builder.cards.about import license_id_lower
from builder.cards.description import ReleaseDescription


def zenodo_data(desc: ReleaseDescription) -> dict[str, Any]:
    """The deposit metadata as plain data."""
    about = desc.about
    data: dict[str, Any] = {
        "upload_type": "dataset",
        "title": about.title,
        "description": about.abstract,
        "creators": [{"name": author} for author in about.authors],
        "version": desc.version,
        "publication_date": desc.date_released,
        "access_right": "open",
        "license": license_id_lower(about),
        "keywords": list(about.keywords),
        "notes": f"The full data terms are in {about.license_file} in each release.",
    }
    related: list[dict[str, str]] = []
    if about.repository:
        related.append(
            {"identifier": about.repository, "relation": "isCompiledBy", "resource_type": "software"}
        )
    related += _doi_relations(desc)
    if related:
        data["related_identifiers"] = related
    return data


def _doi_relations(desc: ReleaseDescription) -> list[dict[str, str]]:
    """The recorded DOIs as Zenodo relations: a version of the concept DOI, a new version of each
    earlier release's DOI (Zenodo relates them itself too; stating them keeps the file complete)."""
    citation = desc.citation
    relations = (
        [{"identifier": citation.concept, "relation": "isVersionOf", "scheme": "doi"}]
        if citation.concept
        else []
    )
    return relations + [
        {"identifier": doi, "relation": "isNewVersionOf", "scheme": "doi"} for _, doi in citation.versions
    ]


def render_zenodo(desc: ReleaseDescription) -> str:
    """``.zenodo.json`` text."""
    return dump_json(zenodo_data(desc))
