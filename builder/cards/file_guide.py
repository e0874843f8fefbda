"""The card's "Which file to use" section: each format of a release, what it is for, how to open it.

The file names come from the release layout, so the text names what the release holds.
"""

from __future__ import annotations

from builder.formats.layout import EXPORT_FOLDER, EXPORTS, FORMATS


def _pattern(fmt: str) -> str:
    folder, extension = FORMATS[fmt]
    return f"`{folder}/<config>/<split>-*.{extension}`"


def render_file_guide() -> str:
    """The Markdown section "Which file to use" (a level-2 heading and a short list)."""
    moses = ", ".join(f"`.{ext}`" for ext in EXPORTS["moses"])
    tmx = EXPORTS["tmx"][0]
    return f"""## Which file to use

Every config is in three formats with the same rows in the same order; the machine-translation
exports hold the `sentences` config's pairs.

- **Parquet** ({_pattern("parquet")}): for `datasets`, pandas, polars and DuckDB; what
  the card's configs name, smallest, typed (`load_dataset`, `pd.read_parquet`,
  `pl.read_parquet`, `SELECT … FROM 'data/segments/*.parquet'`).
- **JSON Lines, zstd** ({_pattern("jsonl")}): for line tools and streaming, one UTF-8
  object per line. `zstdcat FILE | head`; `pd.read_json(FILE, lines=True, compression="zstd")`;
  `pl.read_ndjson(FILE)`; DuckDB `read_json('FILE')`; `load_dataset("json", data_files=FILE)`.
- **Arrow IPC** ({_pattern("arrow")}): Arrow's own columnar files, for pyarrow
  (`pa.ipc.open_file(FILE).read_all()`), polars (`pl.read_ipc`), pandas (`pd.read_feather`) and
  `load_dataset("arrow", …)`. Their buffers are zstd-compressed, so reading decompresses them
  into memory: they are not zero-copy. To memory-map, write an uncompressed copy once
  (`pyarrow.feather.write_feather(pyarrow.feather.read_table(FILE), OUT,
  compression="uncompressed")`) and open that with `pa.ipc.open_file(pa.memory_map(OUT))`.
- **Moses and TMX** (`{EXPORT_FOLDER}/`): for MT toolkits. {moses} are line-aligned clean
  pairs and their ids, `.{tmx}` is TMX 1.4 of every pair with its flags; all gzipped (`zcat FILE`);
  Moses' training scripts and translate-toolkit read the `.gz` files as they are.
"""
