"""The release layout, defined once, and one writer per format (Parquet, JSONL, Arrow, Moses, TMX)."""
