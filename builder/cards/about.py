"""What the corpus is, stated once: title, abstract, authors, keywords, license, homes.

The dataset card, ``CITATION.cff``, ``croissant.json``, ``datapackage.json``, ``.zenodo.json``
and the BibTeX entries all take these facts from here; only the version, the release date,
the counts and the hashes come from the release itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class About:
    """The corpus-wide facts that every citation and metadata file repeats."""

    name: str
    title: str
    abstract: str
    authors: tuple[str, ...]
    keywords: tuple[str, ...]
    #: BCP-47 tags of the corpus's languages (the English source, the Chinese translation).
    languages: tuple[str, ...]
    #: The license of the corpus as compiled, as an SPDX id (CITATION.cff, Croissant, Data
    #: Package); the Hub and Zenodo write it in lower case. ``LICENSE-DATA.md`` gives the terms.
    license_spdx: str
    license_title: str
    license_url: str
    license_file: str
    #: Where the repository lives; ``None`` until it is published (then fill it in here).
    repository: str | None
    #: The site the raw transcripts come from, as a phrase for the card (``None``: not
    #: recorded in the raw files; fill it in once a maintainer has it).
    source_site: str | None = None


ABOUT = About(
    name="callcorpus",
    title="callcorpus: bilingual earnings-call transcripts (English–Traditional Chinese)",
    abstract=(
        "English earnings-call transcripts with their Traditional Chinese machine translations, "
        "structured into speaker turns, participants with roles, prepared remarks and Q&A, "
        "English–Chinese paragraph pairs and aligned sentence pairs with translation-quality "
        "flags, released as versioned, schema-validated Parquet, JSONL and Arrow files with a "
        "Hugging Face dataset card."
    ),
    authors=("callcorpus maintainers",),
    keywords=("earnings calls", "parallel corpus", "machine translation", "Traditional Chinese", "finance"),
    languages=("en", "zh-Hant"),
    license_spdx="CC-BY-NC-4.0",
    license_title="Creative Commons Attribution-NonCommercial 4.0 International",
    license_url="https://creativecommons.org/licenses/by-nc/4.0/",
    license_file="LICENSE-DATA.md",
    repository=None,
)


def license_id_lower(about: About) -> str:
    """The license id as the Hub card and Zenodo write it (``cc-by-nc-4.0``)."""
    return about.license_spdx.lower()
