"""Releases: the atomic build of a release, versions, the diff between releases, root files."""
