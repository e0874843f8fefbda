"""Citations of a release: its ``citation.bib``, else the BibTeX block of its card."""

from __future__ import annotations

import re

from builder.docsgen.releases import Release


def bibtex(release: Release) -> str | None:
    """The release's own BibTeX entry (rendered once, by ``builder.cards.bibtex``); None if it has none."""
    if release.citation_bib is not None:
        return release.citation_bib
    match = re.search(r"```bibtex\n(.*?)```", release.card, flags=re.S)
    return match.group(1) if match else None
