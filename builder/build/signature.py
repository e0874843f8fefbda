"""The build signature: every setting that affects a release's bytes, in one line.

After sacrebleu's signatures: the package, schema and byte-writing dependencies' versions,
the Parquet options, formats and their compression (codecs, levels, libraries), exports, shard
size and batch sizes.
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from builder import __version__, _core
from builder.formats.compression import compression_signature
from builder.formats.layout import EXPORTS, FORMATS
from builder.formats.parquet import PARQUET_OPTIONS, ROW_GROUP_BYTES
from builder.formats.shard_writer import BATCH_ROWS
from builder.rows.splits import SPLIT_RULE
from builder.schema.files import release_spec, schema_text


def build_signature(schema_version: str, transcripts_per_shard: int) -> str:
    """Every setting that affects a release's bytes, in one line (after sacrebleu's signatures)."""
    parquet = PARQUET_OPTIONS
    parts = [
        f"callcorpus:{__version__}",
        f"schema:{schema_version}",
        f"pyarrow:{metadata.version('pyarrow')}",
        f"parquet:{parquet['compression']}-{parquet['compression_level']}"
        f",cdc:{'yes' if parquet['use_content_defined_chunking'] else 'no'},dict:non-text"
        f",page-index:{'yes' if parquet['write_page_index'] else 'no'},row-group-bytes:{ROW_GROUP_BYTES}",
        f"orjson:{metadata.version('orjson')}",
        f"pyyaml:{metadata.version('PyYAML')}",
        "formats:" + "+".join(extension for _, extension in FORMATS.values()),
        "exports:" + "+".join(extension for extensions in EXPORTS.values() for extension in extensions),
        compression_signature(),
        f"shard:{transcripts_per_shard},plan:kept+appended",
        f"splits:{SPLIT_RULE}",
        "batch:" + ",".join(f"{config}={rows}" for config, rows in BATCH_ROWS.items()),
        f"python:{sys.version_info.major}.{sys.version_info.minor}",
    ]
    return "|".join(parts)


@cache
def code_fingerprint() -> str:
    """SHA-256 over this package's Python files, the compiled core's sources (as built into it,
    so the same on every machine) and the JSON Schemas: any code change is a new key."""
    digest = hashlib.sha256()
    package = resources.files("builder")
    for path in sorted(Path(str(package)).rglob("*.py")):
        digest.update(path.relative_to(Path(str(package))).as_posix().encode())
        digest.update(path.read_bytes())
    for name, source in _core.SOURCES:
        digest.update(f"rust/{name}".encode())
        digest.update(source)
    spec = release_spec()
    for filename in ["release.json", *(c["schema"] for c in spec["configs"].values())]:
        digest.update(schema_text(filename).encode())
    return digest.hexdigest()


def worker_signature() -> str:
    """What must be the same on every machine that builds shards of one release: the
    environment part of the build signature (package and dependency versions, writer settings)
    and the fingerprint of the code and schemas."""
    return f"{build_signature('-', 0)}|code:{code_fingerprint()[:16]}"
