"""Checking a release: ``verify`` (files and hashes) and ``validate`` (in depth)."""
