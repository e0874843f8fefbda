"""Loading and usage: runnable snippets for datasets, pandas, polars, DuckDB and plain Parquet.

Every fenced ``python`` block on the page runs as written from a folder holding ``dist/``
(tests/docs/test_docsgen.py runs them on a built release).
"""

from __future__ import annotations

from importlib import metadata

from builder.cards.file_guide import render_file_guide
from builder.docsgen.releases import Release
from builder.formats.layout import shard_files
from builder.rows.splits import SPLIT_RULE

LIBRARIES = ("datasets", "pandas", "polars", "duckdb", "pyarrow")


def _pin(name: str) -> str:
    try:
        return f"{name}=={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return name


def render(release: Release) -> str:
    """Markdown of the usage page for ``release``."""
    v = release.version
    root = f"dist/{v}"
    configs = release.configs
    default, other = configs[0], configs[1] if len(configs) > 1 else configs[0]
    first = shard_files(release.path, default)[0].name
    loads = "\n".join(f'{c} = load_dataset("{root}", "{c}", split="train")' for c in configs)
    pins = " ".join(_pin(n) for n in LIBRARIES)
    return f"""# Loading and usage

Every snippet below runs as written from a folder that holds the release under
`{root}/` (a clone of the repository after `callcorpus build`, or the release folder
downloaded there); the tests run each one against the built release.

## Pinned versions

Pin the **data** by its release folder, `{root}`: releases are immutable, and a new version
goes to a new folder. The snippets were generated with these library versions:

```bash
pip install {pins}
```

## Hugging Face `datasets`

The card's YAML names the Parquet files of each config ({", ".join(f"`{c}`" for c in configs)});
`{default}` is the default.

```python
from datasets import load_dataset

{loads}
print({default}[0])
```

## pandas

```python
import pandas as pd

df = pd.read_parquet("{root}/data/{default}")
print(df.shape)
```

## polars

```python
import polars as pl

frame = pl.read_parquet("{root}/data/{other}/*.parquet")
print(frame.shape)
```

## DuckDB

```python
import duckdb

print(duckdb.sql("SELECT count(*) AS num_rows FROM '{root}/data/{default}/*.parquet'").fetchall())
```

## Direct Parquet

Each Parquet file stands alone: download `{root}/data/{default}/{first}` and open it with any
Parquet reader. The `datasets` features (such as `Translation`) are kept in its metadata.

```python
import pyarrow.parquet as pq

table = pq.read_table("{root}/data/{default}/{first}")
print(table.num_rows, table.schema.names)
```

## Splits

Each call is in one split, the same in every config and every release, decided by its
transcript id alone (`{SPLIT_RULE}`): `train` (about 90 %), `validation` and `test` (about
5 % each); a split without calls has no files. Load one with `split="test"`, or all with no
`split` argument (a `DatasetDict`).

{render_file_guide()}"""
