"""Documentation site: mkdocs sources generated from a release and the schemas."""
