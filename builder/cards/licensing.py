"""The data license: the terms every release carries as ``LICENSE-DATA.md``.

The repository's root ``LICENSE-DATA.md`` is a copy of ``DATA_LICENSE``; a test keeps them equal.
"""

DATA_LICENSE = """# Data licensing

The `callcorpus` **code** (everything under `builder/`, `schema/`, `tests/`, `bench/`) is
licensed under Apache-2.0 (see `LICENSE`).

The **transcripts** in `raw/` and in every release under `dist/` are a different matter:

- The English text records what company representatives, operators and analysts said on
  public earnings calls. The copyright in those words, and in any transcription of them,
  stays with its owners; this project claims none.
- The Chinese text is machine translation (Google Translate, as each source file's disclaimer
  states), published by the source site for reference only; the English original prevails.
- The structure this project adds (segmentation, speaker roles, sections, exchanges,
  metadata and their provenance, flags) is released under CC BY 4.0.

The corpus is made available for **non-commercial research and teaching**, such as natural
language processing, machine translation and financial text analysis. Do not use it to
republish the transcripts as such. If you own rights in a transcript and want it removed,
open an issue in this repository; it will be excluded from the next release through
`raw/manifest.toml`.

Each release carries this file beside its dataset card, which declares `license: other` with
`license_name: research-use` and links to it.
"""
