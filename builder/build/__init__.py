"""Building shards: the per-shard job, executors, quality tallies and the build signature."""
