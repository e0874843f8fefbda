"""The MT exports' cases: what the TMX and Moses writers wrote, uncompressed, before their rules
moved into the compiled core (``tests/data/export-cases.json``, checked by
``tests/formats/test_core_exports.py``).

The file was written by the Python writers (``builder/formats/tmx.py``, ``moses.py``) before the
port: for generated hostile rows (control characters, ``&<>"'`` in ids and text, every line
break ``str.splitlines`` knows, astral characters, no flags and many, scores on rounding ties),
the rows and the four outputs (``tmx``, ``en``, ``zh``, ``ids``) in full; for the committed
release's ``sentences`` config, each output's SHA-256 and length. Lone surrogates are not among
the rows: Arrow strings are UTF-8, so a batch cannot hold one. If a rule changes on purpose,
regenerate it from the current code with ``python tests/export_cases.py`` and say why in the
commit.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
CASES = HERE / "data" / "export-cases.json"
RELEASE = HERE.parent / "dist" / "2.0.0" / "data" / "sentences"
sys.path.insert(0, str(HERE.parent))

from builder.formats.moses import MosesWriter  # noqa: E402
from builder.formats.tmx import TmxWriter  # noqa: E402
from builder.schema.derived import arrow_schema  # noqa: E402

#: The columns the exports read, in the ``sentences`` config's types.
COLUMNS = ("sentence_id", "translation", "alignment", "score", "flags")
#: Rows per batch of the hostile cases (several batches, one of them short).
BATCH_ROWS = 7
OUTPUTS = ("tmx", "en", "zh", "ids")
BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
HOSTILE = [
    "&", "<", ">", '"', "'", "&amp;", "]]>", "<seg>", "\x00", "\x01", "\x08", "\x0b", "\x1f", "\x7f",
    "\x80", "\x9f", "\t", " ", "\ud7ff", "\ue000", "\ufffd", "\ufffe", "\uffff", "\U00010000",
    "\U0001f600", "\U0010ffff", "𠀀", "營收", "é", "\u200b", "\ufeff", "\\", "%", "{}",
]  # fmt: skip
SCORES = [
    0.00005, 0.99995, 1.0, 0.0, 0.12345, 0.00015, 0.00025, 0.5, 0.03125, 0.96875, 0.99994999,
    0.49995, 1e-300, 5e-324, 0.1, 0.3, 2 / 3, 0.123449999999, -0.0, 12345.678949, 1e300,
    float("nan"), float("inf"), float("-inf"),
]  # fmt: skip
FLAGS = ["number_mismatch", "missing_translation", "untranslated", "truncated_translation"]


def schema() -> pa.Schema:
    """The exported columns of the ``sentences`` config."""
    full = arrow_schema("sentences")
    return pa.schema([full.field(name) for name in COLUMNS])


def _text(rng: random.Random) -> str:
    parts = rng.choices(HOSTILE + BREAKS + ["Revenue grew", "營收成長", " 3.9 "], k=rng.randint(1, 8))
    return "".join(parts)


def hostile_rows() -> list[dict[str, Any]]:
    """Generated rows that try every escape, replacement, line break and rounding tie."""
    rng = random.Random(20260101)
    rows = []
    for k in range(160):
        en: str | None = _text(rng)
        zh: str | None = _text(rng)
        if k % 11 == 3:
            en = None if k % 2 else ""
        if k % 13 == 5:
            zh = None if k % 2 else ""
        ident = f"X-{k:04d}" + "".join(rng.choices(HOSTILE + BREAKS, k=k % 4))
        rows.append(
            {
                "sentence_id": ident,
                "translation": {"en": en, "zh": zh},
                "alignment": rng.choice(["1-1", "2-1", "1-2", "1-0", "0-1", "3-1"]),
                "score": SCORES[k] if k < len(SCORES) else rng.random(),
                "flags": rng.sample(FLAGS, k % 5) if k % 3 else [],
            }
        )
    return rows + handwritten_rows()


def handwritten_rows() -> list[dict[str, Any]]:
    """Ids with both quote kinds and with breaks, and each line break alone in a text."""
    ids = ["Q-\"both'", "Q-\"&<>\n\r\t'", 'Q-"only', "Q-'only", "Q-\t\n\r", "Q-\x00\ufffe"]
    rows = [
        {
            "sentence_id": i,
            "translation": {"en": "a", "zh": "b"},
            "alignment": "1-1",
            "score": 0.5,
            "flags": [],
        }
        for i in ids
    ]
    for k, brk in enumerate(BREAKS):
        pair = {"en": f"one{brk}two{brk}", "zh": f"{brk}一{brk}{brk}二"}
        rows.append(
            {"sentence_id": f"B-{k}", "translation": pair, "alignment": "1-1", "score": 0.25, "flags": []}
        )
    return rows


def batches(rows: list[dict[str, Any]], size: int) -> Iterable[pa.RecordBatch]:
    """The rows in Arrow batches (as the shard writer hands them)."""
    for start in range(0, len(rows), size):
        yield pa.RecordBatch.from_pylist(rows[start : start + size], schema=schema())


def release_batches() -> Iterable[pa.RecordBatch]:
    """The committed release's sentences, in its row groups."""
    for path in sorted(RELEASE.glob("*.parquet")):
        yield from pq.ParquetFile(path).iter_batches(columns=list(COLUMNS))


def exports(parts: Iterable[pa.RecordBatch]) -> dict[str, bytes]:
    """What the TMX and Moses writers write for these batches, uncompressed, by output."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        writers = [TmxWriter(folder / "x.tmx.gz", schema()), MosesWriter(folder / "x.en.gz", schema())]
        for batch in parts:
            for writer in writers:
                writer.write(batch)
        for writer in writers:
            writer.close()
        return {ext: gzip.decompress((folder / f"x.{ext}.gz").read_bytes()) for ext in OUTPUTS}


def digest(data: bytes) -> dict[str, Any]:
    """An output as the file records it when it is too long to keep."""
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def current() -> dict[str, Any]:
    """The cases as the current writers give them."""
    rows = hostile_rows()
    hostile = exports(batches(rows, BATCH_ROWS))
    release = exports(release_batches())
    return {
        "hostile": {
            "batch_rows": BATCH_ROWS,
            "rows": rows,
            "out": {ext: data.decode("utf-8") for ext, data in hostile.items()},
        },
        "release": {"out": {ext: digest(data) for ext, data in release.items()}},
    }


if __name__ == "__main__":
    CASES.write_text(json.dumps(current(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
