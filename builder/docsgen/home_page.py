"""The home page: what the corpus is, who it is for, headline numbers, a load example, how to cite."""

from __future__ import annotations

from dataclasses import dataclass

from builder.cards.about import ABOUT
from builder.cards.escape import md_inline, pre_block
from builder.docsgen.citation import bibtex
from builder.docsgen.releases import Release
from builder.docsgen.tally import Tally


@dataclass(frozen=True, slots=True)
class Headline:
    """The release's headline numbers."""

    calls: int
    companies: int
    turns: int
    segments: int
    en_words: int
    zh_chars: int


def headline(tally: Tally) -> Headline:
    """Headline numbers of the calls tallied."""
    return Headline(
        calls=tally.calls,
        companies=len(tally.companies),
        turns=tally.turns,
        segments=tally.segments,
        en_words=tally.en_words,
        zh_chars=tally.zh_chars,
    )


def render(release: Release, numbers: Headline, versions: list[str]) -> str:
    """Markdown of the home page for the newest release."""
    v = release.version
    return f"""---
title: Home
---

# callcorpus

{md_inline(ABOUT.abstract)}

It is for researchers and engineers working on English–Chinese machine translation and its
evaluation, on financial language and on the structure of spoken business discourse, and
for anyone who wants to read a call in both languages side by side.

## Release {v} in numbers

| release {v} | count |
|---|---:|
| calls | {numbers.calls:,} |
| companies | {numbers.companies:,} |
| speaker turns | {numbers.turns:,} |
| segments (paragraph pairs) | {numbers.segments:,} |
| English words | {numbers.en_words:,} |
| Chinese characters | {numbers.zh_chars:,} |

Releases documented here: {", ".join(versions)} (newest first; see [Releases](releases.md)).

## Load it

```python
from datasets import load_dataset
segments = load_dataset("dist/{v}", "segments", split="train")
print(segments[0]["translation"])
```

More ways (pandas, polars, DuckDB, plain Parquet) in [Loading and usage](usage.md); every
field is explained in the [Schema reference](schema.md), and every call can be read in
[Transcripts](transcripts/index.md).

## How to cite

Cite the version you used:

{pre_block(bibtex(release) or "(this release carries no BibTeX entry)", "bibtex")}
The Chinese side is machine translation; read the caveat in the [Data card](card.md).
"""
