"""Records to rows per config, and ``process_file``: the one per-file pipeline."""
