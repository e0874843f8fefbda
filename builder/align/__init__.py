"""Sentence alignment of a paragraph pair: segmentation, anchors, a monotone DP, quality flags.

Pure functions over strings, no I/O and no model: ``align_pair`` turns an English paragraph and
its Chinese translation into aligned units with character spans into both paragraphs.
"""

from __future__ import annotations

from builder.align.aligner import align_pair
from builder.align.units import Unit

__all__ = ["Unit", "align_pair"]
