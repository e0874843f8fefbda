"""A release as the Hugging Face Hub's viewer and storage need it: row groups within the viewer's
limit, a page index, content-defined chunking, and folder and file counts within the Hub's
repository limits at 50,000 calls."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from builder.formats.layout import (
    HUB_MAX_FILES,
    HUB_MAX_FILES_PER_FOLDER,
    folder_file_counts,
    within_hub_limits,
)
from builder.formats.parquet import PARQUET_OPTIONS, ROW_GROUP_BYTES, row_group_slices
from builder.release.build import TRANSCRIPTS_PER_SHARD, BuildSummary
from builder.schema.files import config_names

#: The viewer refuses row groups over about 286 MiB uncompressed.
VIEWER_ROW_GROUP_LIMIT = 286 * 1024 * 1024


def test_a_batch_over_the_bound_is_cut_into_row_groups_within_it() -> None:
    texts = ["早安，各位。" * (1_000 + 37 * i) for i in range(64)]
    batch = pa.RecordBatch.from_pydict({"id": list(range(64)), "text_zh": texts})
    limit = batch.nbytes // 5
    parts = row_group_slices(batch, limit)
    assert len(parts) > 5 and all(part.nbytes <= limit for part in parts)
    assert pa.Table.from_batches(parts).to_pydict() == batch.to_pydict()  # nothing lost, in order
    assert [p.num_rows for p in parts] == [p.num_rows for p in row_group_slices(batch, limit)]
    assert row_group_slices(batch) == [batch]  # the default bound: far above this batch
    assert ROW_GROUP_BYTES < VIEWER_ROW_GROUP_LIMIT


def test_every_parquet_file_has_a_page_index_and_row_groups_within_the_viewers_limit(
    seed_release: BuildSummary,
) -> None:
    files = sorted((seed_release.path / "data").rglob("*.parquet"))
    assert len(files) >= 3
    for path in files:
        meta = pq.ParquetFile(path).metadata
        for index in range(meta.num_row_groups):
            group = meta.row_group(index)
            assert group.total_byte_size <= ROW_GROUP_BYTES
            chunks = [group.column(column) for column in range(group.num_columns)]
            assert all(chunk.has_offset_index for chunk in chunks), path
            # A column index wherever pages have statistics: every column but whole-call texts
            # (values over Parquet's 4 kB statistics size carry no min/max to index).
            unindexed = {chunk.path_in_schema for chunk in chunks if not chunk.has_column_index}
            assert unindexed <= {"text_en", "text_zh"}, (path, unindexed)
            assert "transcript_id" not in unindexed
    assert PARQUET_OPTIONS["use_content_defined_chunking"] is True


def test_at_50000_calls_every_folder_and_the_whole_release_keep_the_hubs_limits() -> None:
    configs = list(config_names())
    shards = 50_000 // TRANSCRIPTS_PER_SHARD
    counts = folder_file_counts(configs, shards)
    assert max(counts.values()) <= HUB_MAX_FILES_PER_FOLDER
    assert sum(counts.values()) < HUB_MAX_FILES
    assert counts["mt"] == shards * 3 * 4  # three splits, four export files each
    assert counts["data/segments"] == shards * 3
    assert within_hub_limits(configs, shards)
    assert not within_hub_limits(configs, 834)  # where the rule says stop: mt/ over 10,000
