"""Structure: turn a raw source's lines into turns, segments, roles, sections and metadata."""

from builder.structure.transcript import build_transcript

__all__ = ["build_transcript"]
