"""The data license: the terms every release carries as ``LICENSE-DATA.md``.

The repository's root ``LICENSE-DATA.md`` is a copy of ``DATA_LICENSE``; a test keeps them equal.
"""

from builder.cards.about import ABOUT

DATA_LICENSE = f"""# Data license

The `callcorpus` corpus, as compiled in `raw/` and in every release under `dist/`, is released
under the **{ABOUT.license_title}** license ({ABOUT.license_spdx}):
{ABOUT.license_url}

You may share and adapt it for non-commercial purposes, giving appropriate credit (cite the
release you use: `CITATION.cff`, `citation.bib`) and indicating changes.

Please note:

- **The spoken words belong to the speakers' companies.** The English text records what
  company representatives, operators and analysts said on public earnings calls, as
  published by the source site. The copyright in those words, and in their transcription,
  stays with its owners; this project claims none, and the license above covers the corpus
  as compiled (selection, structure, alignment, metadata, flags), not those rights.
- **The Chinese is machine translation** (Google Translate, as each source file's disclaimer
  states), published by the source site for reference only; the English original prevails.
- **Removal.** If you own rights in a transcript, or are named in one, and want it removed,
  open an issue in this repository naming the call. It will be listed with an `exclude`
  entry (and the reason) in `raw/manifest.toml` and left out of the next release.

The `callcorpus` **code** (everything under `builder/`, `schema/`, `tests/`, `bench/`) is
licensed separately under Apache-2.0 (see `LICENSE`).
"""
