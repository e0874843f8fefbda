"""``raw/doi.toml``: the DOIs Zenodo minted for this corpus, recorded by a maintainer, and which
releases cite them. The one source of the DOIs in the citation files.

    [concept]                      # the corpus, every version (resolves to the newest)
    doi = "10.5281/zenodo.1000"
    cited_from = "3.0.1"           # the first release whose files cite it

    [versions."3.0.0"]             # the DOI minted for release 3.0.0
    doi = "10.5281/zenodo.1001"
    cited_from = "3.0.1"           # above 3.0.0: a release never cites its own, later DOI

A release cites an entry when its version is at or above the entry's ``cited_from``: recording a
DOI never changes a release already built (its rebuild cites what it cited), and ``cited_from``
names the next release to be cut. Every entry is checked; a malformed record fails the build
with one line naming the file and the entry.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from builder.cards.doi import Citation
from builder.errors import DoiRecordError
from builder.release.versions import is_version, parse_version

RECORD_NAME = "doi.toml"
#: A DOI: ``10.`` + registrant + ``/`` + suffix (Crossref's recommended character set).
_DOI = re.compile(r"^10\.[0-9]{4,9}/[-._;()/:A-Za-z0-9]+$")
_ENTRY_KEYS = {"doi", "cited_from"}


def _entry(path: Path, where: str, entry: Any, minted_for: str | None) -> tuple[str, str]:
    """One entry's DOI and ``cited_from``, checked."""
    if not isinstance(entry, dict) or set(entry) != _ENTRY_KEYS:
        raise DoiRecordError(f"{path}, {where}: needs exactly `doi` and `cited_from`")
    doi, cited_from = entry["doi"], entry["cited_from"]
    if not isinstance(doi, str) or not _DOI.match(doi):
        raise DoiRecordError(f"{path}, {where}: {doi!r} is not a DOI (10.NNNN/suffix)")
    if not isinstance(cited_from, str) or not is_version(cited_from):
        raise DoiRecordError(f"{path}, {where}: cited_from {cited_from!r} is not a version X.Y.Z")
    if minted_for is not None and parse_version(cited_from) <= parse_version(minted_for):
        raise DoiRecordError(f"{path}, {where}: cited_from {cited_from} must come after {minted_for}")
    return doi, cited_from


def read_record(raw_dir: Path) -> dict[str, Any]:
    """The record as TOML data (empty when there is no ``doi.toml``)."""
    path = raw_dir / RECORD_NAME
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DoiRecordError(f"{path}: not valid TOML ({exc})") from exc
    unknown = set(data) - {"concept", "versions"}
    if unknown:
        raise DoiRecordError(f"{path}: unknown table(s) {', '.join(sorted(unknown))} (concept, versions)")
    return data


def citation_for(raw_dir: Path, version: str) -> Citation:
    """The DOIs release ``version`` cites, from ``raw_dir/doi.toml``, every entry checked."""
    data = read_record(raw_dir)
    path = raw_dir / RECORD_NAME
    concept = None
    if "concept" in data:
        doi, cited_from = _entry(path, "concept", data["concept"], None)
        concept = doi if parse_version(version) >= parse_version(cited_from) else None
    versions = data.get("versions", {})
    if not isinstance(versions, dict):
        raise DoiRecordError(f"{path}, versions: must be a table of versions")
    cited = []
    for minted_for in sorted(versions, key=lambda v: parse_version(v) if is_version(v) else (-1, 0, 0)):
        if not is_version(minted_for):
            raise DoiRecordError(f"{path}, versions.{minted_for}: not a version X.Y.Z")
        doi, cited_from = _entry(path, f'versions."{minted_for}"', versions[minted_for], minted_for)
        if parse_version(version) >= parse_version(cited_from):
            cited.append((minted_for, doi))
    return Citation(concept, tuple(cited))
