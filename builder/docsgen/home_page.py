"""The home page: what the corpus is, who it is for, headline numbers, a load example, how to cite."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.cards.about import ABOUT
from builder.cards.escape import md_inline, pre_block
from builder.docsgen.citation import bibtex
from builder.docsgen.releases import Release


@dataclass(frozen=True, slots=True)
class Headline:
    """The release's headline numbers."""

    calls: int
    companies: int
    turns: int
    segments: int
    en_words: int
    zh_chars: int


def headline(transcripts: list[dict[str, Any]], segments: list[dict[str, Any]]) -> Headline:
    """Headline numbers computed from the rows."""
    return Headline(
        calls=len(transcripts),
        companies=len({r["company"] or r["transcript_id"] for r in transcripts}),
        turns=sum(r["num_turns"] for r in transcripts),
        segments=len(segments),
        en_words=sum(r["num_en_words"] for r in transcripts),
        zh_chars=sum(r["num_zh_chars"] for r in transcripts),
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
