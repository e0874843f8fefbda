"""The build signature: every setting that affects a release's bytes, in one line.

After sacrebleu's signatures: the package, schema and byte-writing dependencies' versions,
the Parquet options, formats, exports, shard size and batch sizes.
"""

from __future__ import annotations

import sys
from importlib import metadata

from builder import __version__
from builder.formats.layout import EXPORTS, FORMATS
from builder.formats.parquet import PARQUET_OPTIONS
from builder.formats.shard_writer import BATCH_ROWS


def build_signature(schema_version: str, transcripts_per_shard: int) -> str:
    """Every setting that affects a release's bytes, in one line (after sacrebleu's signatures)."""
    parquet = PARQUET_OPTIONS
    parts = [
        f"callcorpus:{__version__}",
        f"schema:{schema_version}",
        f"pyarrow:{metadata.version('pyarrow')}",
        f"parquet:{parquet['compression']}-{parquet['compression_level']}"
        f",cdc:{'yes' if parquet['use_content_defined_chunking'] else 'no'},dict:non-text",
        f"orjson:{metadata.version('orjson')}",
        f"pyyaml:{metadata.version('PyYAML')}",
        f"formats:{'+'.join(FORMATS)}",
        f"exports:{'+'.join(EXPORTS)}",
        f"shard:{transcripts_per_shard}",
        "batch:" + ",".join(f"{config}={rows}" for config, rows in BATCH_ROWS.items()),
        f"python:{sys.version_info.major}.{sys.version_info.minor}",
    ]
    return "|".join(parts)
