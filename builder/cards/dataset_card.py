"""The dataset card (``README.md`` of a release): Hub YAML written by PyYAML, then prose.

Everything in it is derived: counts from the build, fields from the JSON Schemas, flags from
the catalog. The YAML is produced by ``yaml.safe_dump`` from plain data, never by string
formatting, so a value such as the ticker ``ON`` stays a string.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from builder import __version__
from builder.cards.about import ABOUT, license_id_lower
from builder.cards.doi import NO_CITATION, Citation, card_paragraph
from builder.cards.escape import md_cell
from builder.cards.file_guide import render_file_guide
from builder.cards.quality_report import card_section
from builder.flags import CATALOG
from builder.formats.layout import data_files_pattern, shard_path
from builder.rows.splits import SPLIT_RULE, SPLITS
from builder.schema.columns import Column, columns
from builder.schema.derived import yaml_features
from builder.schema.files import config_names, release_spec, schema_version

_SIZE_BOUNDS = [
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
]


@dataclass(frozen=True, slots=True)
class ConfigStats:
    """One config as built: rows, Arrow bytes and Parquet bytes on disk, in all, and rows and
    Arrow bytes per split that has calls (in ``SPLITS`` order)."""

    num_examples: int
    num_bytes: int
    download_size: int
    splits: dict[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class CardFacts:
    """What the card states about one release."""

    version: str
    date_released: str
    #: This release's changelog entry (Markdown).
    changes: str
    configs: dict[str, ConfigStats]
    num_transcripts: int
    num_turns: int
    num_shards: int
    flags: dict[str, int]
    engines: dict[str, int]
    quality: dict[str, Any] | None = None
    #: Raw files set aside by ``--skip-bad``.
    num_skipped: int = 0
    #: Shard files per split (each config and format has as many).
    split_shards: dict[str, int] = field(default_factory=dict)
    #: The release's first ``qa`` row, which the card shows (None without one).
    qa_example: dict[str, Any] | None = None


def size_category(rows: int) -> str:
    """The Hub's size category for a row count."""
    return next((label for bound, label in _SIZE_BOUNDS if rows < bound), "n>1T")


def card_metadata(facts: CardFacts) -> dict[str, Any]:
    """The card's YAML header as plain data."""
    spec = release_spec()
    return {
        "pretty_name": ABOUT.title,
        "license": license_id_lower(ABOUT),
        "language": [tag.split("-")[0] for tag in ABOUT.languages],  # ISO 639; BCP-47 below
        "language_details": ", ".join(ABOUT.languages),
        "multilinguality": "translation",
        "task_categories": ["translation"],
        "size_categories": [size_category(facts.configs[spec["default_config"]].num_examples)],
        "tags": ["finance", "earnings-calls", "parallel-corpus", "machine-translation"],
        "configs": [
            {
                "config_name": name,
                **({"default": True} if name == spec["default_config"] else {}),
                "data_files": [
                    {"split": split, "path": data_files_pattern(name, split)}
                    for split in facts.configs[name].splits
                ],
            }
            for name in config_names()
        ],
        "dataset_info": [
            {
                "config_name": name,
                "features": yaml_features(name),
                "splits": [
                    {"name": split, "num_bytes": size, "num_examples": rows}
                    for split, (rows, size) in facts.configs[name].splits.items()
                ],
                "download_size": facts.configs[name].download_size,
                "dataset_size": facts.configs[name].num_bytes,
            }
            for name in config_names()
        ],
    }


def _shared_ref(children: tuple[Column, ...]) -> Column | None:
    """One column standing for all ``children`` when they are several and share one ``$ref``
    (the provenance of each metadata field), described with the names it stands for."""
    refs = {child.ref for child in children}
    if len(children) < 2 or len(refs) != 1 or None in refs:
        return None
    names = ", ".join(f"`{child.name}`" for child in children)
    first = children[0]
    return replace(first, name="<field>", description=f"{first.description} One for each of {names}.")


def _field_rows(cols: tuple[Column, ...], prefix: str = "") -> list[str]:
    """Table rows of columns, nested fields under dotted names (list items under ``name[].``)."""
    shared = _shared_ref(cols) if prefix else None
    rows = []
    for column in (shared,) if shared else cols:
        nullable = "yes" if column.nullable else "no"
        rows.append(
            f"| `{prefix}{column.name}` | {column.kind} | {nullable} | {md_cell(column.description)} |"
        )
        if column.children and not column.translation:
            rows += _field_rows(column.children, f"{prefix}{column.name}.")
        # Items written as a $ref are not expanded: release 1.0.0's card lists them so.
        if column.item is not None and column.item.children and column.item.ref is None:
            rows += _field_rows(column.item.children, f"{prefix}{column.name}[].")
    return rows


def field_table(config: str) -> str:
    """A Markdown table of a config's fields, generated from its JSON Schema's columns."""
    head = "| field | type | nullable | description |\n|---|---|---|---|"
    return head + "\n" + "\n".join(_field_rows(columns(config)))


def _card_head(facts: CardFacts) -> str:
    """The YAML header, title, abstract, version and size."""
    v = facts.version
    header = yaml.safe_dump(card_metadata(facts), sort_keys=False, allow_unicode=True, width=1000)
    seg = facts.configs["segments"].num_examples
    return f"""---
{header}---

# callcorpus {v}

{ABOUT.abstract}

Version {v}, released {facts.date_released}; built by the
`callcorpus` package {__version__} with schema {schema_version()}. `manifest.json` lists every
file with its SHA-256 and the build signature; `SHA256SUMS` checks a download.

This release holds **{facts.num_transcripts:,} calls**, **{facts.num_turns:,} speaker turns**
and **{seg:,} paragraph pairs**.
{_skipped_line(facts.num_skipped)}
"""


def _skipped_line(count: int) -> str:
    """One line on the raw files a ``--skip-bad`` build set aside; empty when there are none."""
    if not count:
        return ""
    files = "file was" if count == 1 else "files were"
    return (
        f"{count:,} raw {files} set aside as unreadable or refused (`--skip-bad`); `manifest.json` "
        "lists each with its SHA-256 and the reason.\n"
    )


def _card_splits(facts: CardFacts) -> str:
    """The splits: the rule, and each split's calls and rows per config."""
    others = [c for c in config_names() if c != "transcripts"]

    def count(config: str, split: str) -> str:
        return f"{facts.configs[config].splits.get(split, (0, 0))[0]:,}"

    rows = "\n".join(
        f"| `{split}` | {count('transcripts', split)} | {' | '.join(count(c, split) for c in others)} |"
        for split in SPLITS
    )
    return f"""## Splits

Each call is in one split, the same in every config, decided by its transcript id alone
(`{SPLIT_RULE}`): about 90 % `train`, 5 % `validation`, 5 % `test`. A call never changes
split between releases, and adding calls moves none. A split without calls has no files
and is not listed in the configs above.

| split | calls | {" | ".join(others)} |
|---|---:|{"---:|" * len(others)}
{rows}
"""


#: How long a text of the card's example ``qa`` row may be before it is cut.
_EXAMPLE_CHARS = 160


def _shortened(value: Any) -> Any:
    """A row with every long text cut (``…`` marks the cut)."""
    if isinstance(value, str) and len(value) > _EXAMPLE_CHARS:
        return value[:_EXAMPLE_CHARS] + "…"
    if isinstance(value, dict):
        return {key: _shortened(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shortened(item) for item in value[:3]] + (["…"] if len(value) > 3 else [])
    return value


def _fenced(text: str, language: str) -> str:
    """A code block whose fence no run of backticks in ``text`` can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text}\n{fence}"


def _card_qa(facts: CardFacts) -> str:
    """The ``qa`` config: what it is for, how it joins the others, and an example row."""
    v = facts.version
    example = ""
    if facts.qa_example is not None:
        shown = json.dumps(_shortened(facts.qa_example), ensure_ascii=False, indent=1)
        example = (
            f"The release's first row (texts cut at {_EXAMPLE_CHARS} characters, lists at three items):\n\n"
        )
        example += _fenced(shown, "json") + "\n"
    return f"""## Question→answer pairs (`qa`)

For work on analysts' questions and management's answers (evasive or subjective answers,
guidance, Q&A summarisation) in English and Chinese: one row per Q&A exchange, the
questioner's turns as `question` and the company's turns as `answer` (each `{{en, zh}}`, the
paragraphs in order, joined by a line break), who answered (`answerers`, in order, name and
title), the operator's words apart (`moderator`). An exchange is one questioner's slot, from
the operator's introduction (or, without an operator, a new participant's question) to the
next; the questioner is given as in the header (`questioner.name`) and as introduced
(`questioner.introduced_as`), with the firm the call states and whom they stand in for. Every
row joins back to the full call: `question_segments`/`answer_segments` are `segments`
ids, `question_sentences`/`answer_sentences` are runs of `sentences` ids (one per turn), and
`flags` gathers the flags of the segments it spans.

```sql
-- DuckDB: each answer paragraph of the training split's exchanges, with its speaker
SELECT q.qa_id, s.speaker, s.translation.en
FROM (SELECT qa_id, unnest(answer_segments) AS segment_id FROM 'dist/{v}/data/qa/train-*.parquet') q
JOIN 'dist/{v}/data/segments/train-*.parquet' s USING (segment_id);
```

{example}"""


def _card_configs(facts: CardFacts) -> str:
    """Configs, loading and pinning this version."""
    v = facts.version
    spec = release_spec()
    configs = "\n".join(
        f"| `{name}` | {facts.configs[name].num_examples:,} | {spec['configs'][name]['description']} |"
        for name in config_names()
    )
    first_shard = shard_path("segments", "parquet", "train", 0, facts.split_shards.get("train", 1))
    first_shard = first_shard.split("/", 2)[2]
    return f"""## Configs

| config | rows | what a row is |
|---|---|---|
{configs}

The Parquet files under `data/` are what the configs name; `jsonl/` and `arrow/` (Arrow IPC
file format) hold the same rows in the same order.

{_card_splits(facts)}
{_card_qa(facts)}
## Loading

Read one split at a time: every config's folder holds the `train`, `validation` and `test`
files side by side, and every row names its split in the `split` column.

```python
from datasets import load_dataset

# from a clone of the repository (or this folder, downloaded, in place of dist/{v})
segments = load_dataset("dist/{v}", "segments", split="train")
transcripts = load_dataset("dist/{v}", "transcripts", split="train")
sentences = load_dataset("dist/{v}", "sentences", split="train")  # aligned sentence units
qa = load_dataset("dist/{v}", "qa", split="train")  # question→answer pairs
print(segments[0]["translation"])  # {{'en': '…', 'zh': '…'}}
```

```python
import pandas as pd, polars as pl
df = pd.read_parquet("dist/{v}/data/segments/", filters=[("split", "==", "train")])
qa = pl.read_parquet("dist/{v}/data/qa/train-*.parquet")
```

```sql
-- DuckDB
SELECT speaker_role, count(*) FROM 'dist/{v}/data/segments/train-*.parquet' GROUP BY 1;
```

### Pinning this version

Cite and load one version, never "the latest". Each way below gives exactly the bytes listed
in this release's `manifest.json` and `SHA256SUMS`:

- **A local clone**: `load_dataset("dist/{v}", "segments")` reads only this release's folder.
- **A copy on the Hugging Face Hub**: when this folder is uploaded as a dataset repository with
  one tag per release, `load_dataset("<namespace>/callcorpus", "segments", revision="v{v}")`
  loads the files of tag `v{v}`.
- **Direct Parquet download**: the files of a Hub copy are at
  `https://huggingface.co/datasets/<namespace>/callcorpus/resolve/v{v}/data/segments/{first_shard}`
  (`resolve/v{v}` pins the tag); `pd.read_parquet(url)` or DuckDB's `read_parquet(url)` read them.

Check a download with `sha256sum -c SHA256SUMS` in this folder, or `callcorpus verify dist/{v}`.

"""


def _card_fields(facts: CardFacts) -> str:
    """Fields from the schemas, and the flags with their counts."""
    fields = "\n\n".join(f"### `{name}`\n\n{field_table(name)}" for name in config_names())
    flags = "\n".join(_flag_row(f.code, facts) for f in CATALOG.values())
    return f"""## Fields

Generated from the JSON Schemas (`schema/`, version {schema_version()}).

{fields}

## Flags

Flags mark doubtful records; nothing is dropped. Counts are for this release, per level: the
segments, the sentence units and the calls that carry each code (`quality.json` has the same
counts; `–` where a code does not apply).

| code | severity | segments | sentence units | calls | meaning |
|---|---|---:|---:|---:|---|
{flags}

"""


def _flag_row(code: str, facts: CardFacts) -> str:
    """One row of the flag table: the code's count at each level it applies to."""
    flag = CATALOG[code]
    report = facts.quality or {"flags": {}}
    counts = {
        "segment": report["flags"].get("segments", {}).get(code, 0),
        "sentence": report["flags"].get("sentences", {}).get(code, 0),
        "transcript": facts.flags.get(code, 0),
    }
    cells = [
        f"{counts[level]:,}" if level in flag.scopes else "–"
        for level in ("segment", "sentence", "transcript")
    ]
    return f"| `{code}` | {flag.severity} | {' | '.join(cells)} | {flag.description} |"


def _card_limits() -> str:
    """Where the text comes from, what it cannot be trusted for, whom it names, what it is for."""
    source = ABOUT.source_site or (
        "a web site that publishes earnings-call transcripts (法說會逐字稿) with a Traditional"
        " Chinese machine translation after each English paragraph; the site's name and address"
        " are not recorded in the raw files, and this card does not guess them"
    )
    return f"""
## Source and limitations

The raw transcripts come from {source}. The English is the site's transcription of the call,
not an official filing: words may be misheard (`[ratable]`, `(inaudible)`, `(multiple
speakers)` are the site's own marks), and speaker names and titles are as the site wrote
them. The Chinese is machine translation. The structure (turns, sections, exchanges, roles,
affiliations, metadata) is inferred by rules from the text, each value with its evidence;
the flags catch what these rules can see: missing, untranslated, misplaced or doubtful
translations, numbers that disagree, stray fragments, Simplified characters, look-alike
characters in headers. They cannot see a fluent mistranslation, a wrong number written
consistently on both sides, a speaker the site attributed wrongly, or a call the site
transcribed only in part.

## Personal information

The corpus names the people who spoke on each call (company officers, analysts, operators),
with the titles and firms the call states, as the source published them. It holds no other
personal information. A person named in a call can ask for its removal (see Licensing).

## Intended use

Research and teaching: machine translation and its evaluation (as noisy parallel data, not a
reference), cross-lingual NLP, discourse and Q&A structure, financial text analysis. Not for
republishing the transcripts, for judging individuals, or as a source of record for what a
company reported (use its filings).
"""


def _card_caveat(facts: CardFacts) -> str:
    """The machine-translation caveat and the translation-quality section."""
    engines = ", ".join(f"{engine} ({n:,} call{'s' * (n != 1)})" for engine, n in facts.engines.items())
    return f"""## Machine translation caveat

The Chinese side is **machine translation** (translation engines as the sources' disclaimers
name them: {engines}; per call in `transcripts.translation_origin`), published by the
source site for reference only; the English original prevails. It is not a human reference
translation: numbers, names and
financial terms are sometimes wrong, sentences are sometimes merged, split or cut short.
Use it as noisy parallel data, and check the `flags` of each segment.
{card_section(facts.quality)}
"""


def _card_making(facts: CardFacts, bibtex: str, citation: Citation) -> str:
    """How it was made, licensing, changes and citation."""
    changes = facts.changes.split("\n", 2)[2]  # the entry without its heading
    return f"""## How it was made

Raw files are read as written (UTF-8, no Unicode normalization), their layout detected from
the text, every line accounted for (each non-blank line is a paragraph, a translation, a
speaker header or front matter), paragraphs paired with their translations by slot and
script rather than by blind alternation, and every row validated against the JSON Schema
before it is written. Roles, sections and exchanges come from the call's context: an
exchange is one questioner's slot, opened by the operator's introduction (or, without an
operator, by a new participant's question) and running to the next; inside it each turn is a
`question`, an `answer` or the `moderator` (the operator's housekeeping before the first
introduction is in no exchange); what follows the last exchange is `closing_remarks`. Before
the questions, the safe-harbor notice is found from its wording in either language (a run of
paragraphs in one of the call's first four turns that starts where the text speaks of
forward-looking statements, `forward-looking` or `前瞻性`, and goes on while the paragraphs
keep to its matter: risks, results that may differ materially, SEC filings, non-GAAP
measures), and everything before the end of its turn that is not the notice is the
`opening` (the operator's welcome and housekeeping, the host's welcome, the hand-over); a call
without a notice opens with the operator's turns before anyone else speaks. The company's
officers get its name where the call introduces them as its officers or they speak for it
(`since joining Stem`, `on behalf of the Stem team`). Affiliations keep every firm the call
states, with its source and line; metadata records where each value came from.

## Licensing

The corpus as compiled is released under {ABOUT.license_title} ({ABOUT.license_spdx}); the
terms are in `{ABOUT.license_file}` beside this card. The spoken words belong to the
speakers' companies (their copyright stays with its owners); the Chinese is machine
translation, for reference only. To ask for a call's removal, open an issue in the
repository: the call gets an `exclude` entry in `raw/manifest.toml` and leaves the next
release. The code that builds the corpus is Apache-2.0.

## Changes

{changes}
The full history is in the repository's `CHANGELOG.md`.

## Citation

{card_paragraph(citation)}```bibtex
{bibtex}```

The same entry is in `citation.bib`; `CITATION.cff`, `croissant.json` and
`datapackage.json` beside this card describe this version for citation managers, MLCommons
Croissant and Frictionless tools.
"""


def render_card(facts: CardFacts, bibtex: str, citation: Citation = NO_CITATION) -> str:
    """The full ``README.md`` of a release; ``bibtex`` is the release's BibTeX entry, ``citation``
    the DOIs it cites (none: the citation section as before any DOI was recorded)."""
    return (
        _card_head(facts)
        + _card_configs(facts)
        + render_file_guide()
        + "\n"
        + _card_fields(facts)
        + _card_caveat(facts)
        + _card_limits()
        + "\n"
        + _card_making(facts, bibtex, citation)
    )
