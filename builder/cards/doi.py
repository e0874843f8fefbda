"""The DOIs a release cites: the concept DOI (the corpus, every version; it resolves to the
newest) and the version DOIs of earlier releases, as recorded in ``raw/doi.toml`` when the
release was built (``builder/release/doi_record.py`` reads that record).

A release cites only DOIs recorded for it before it was built, so its bytes never change
afterwards; ``manifest.json`` keeps them (``doi``), and the citation files render them:
``CITATION.cff`` (``doi`` and ``identifiers``), the BibTeX entry (``doi``), ``.zenodo.json``
(``related_identifiers``) and the card's citation section.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DOI_RESOLVER = "https://doi.org/"


@dataclass(frozen=True, slots=True)
class Citation:
    """The DOIs one release cites; empty for releases built before any was recorded."""

    concept: str | None = None
    #: (version, DOI) of earlier releases, oldest first.
    versions: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return self.concept is not None or bool(self.versions)

    def as_json(self) -> dict[str, Any]:
        """The ``doi`` entry of ``manifest.json``."""
        return {"concept": self.concept, "versions": dict(self.versions)}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Citation:
        """The citation a manifest recorded (none when it has no ``doi`` entry)."""
        if not data:
            return cls()
        return cls(data.get("concept"), tuple(data.get("versions", {}).items()))


#: A release that cites no DOI.
NO_CITATION = Citation()


def doi_url(doi: str) -> str:
    """A DOI as a link: ``https://doi.org/10.5281/zenodo.1``."""
    return DOI_RESOLVER + doi


def card_paragraph(citation: Citation) -> str:
    """The card's sentences on the DOIs, ending in a blank line; empty without any."""
    if not citation:
        return ""
    lines = []
    if citation.concept:
        link = f"[{citation.concept}]({doi_url(citation.concept)})"
        lines.append(
            f"Cite the corpus, every version, by its concept DOI {link} (it resolves to the newest "
            "release); the entry below cites it with this version's number."
        )
    if citation.versions:
        earlier = ", ".join(f"{version}: [{doi}]({doi_url(doi)})" for version, doi in citation.versions)
        lines.append(f"Earlier releases have their own DOIs ({earlier}).")
    return "\n".join(lines) + "\n\n"
