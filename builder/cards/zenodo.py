"""``.zenodo.json``: the deposit metadata Zenodo reads when a release is archived.

Keys follow Zenodo's (legacy) deposit metadata: ``upload_type``, ``publication_date``,
``title``, ``creators``, ``description``, ``access_right`` and ``license`` are required; the
license id is Zenodo's lowercase form of the SPDX id. ``related_identifiers`` appear only
once the repository has an address.
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
    if about.repository:
        data["related_identifiers"] = [
            {"identifier": about.repository, "relation": "isCompiledBy", "resource_type": "software"}
        ]
    return data


def render_zenodo(desc: ReleaseDescription) -> str:
    """``.zenodo.json`` text."""
    return dump_json(zenodo_data(desc))
