"""What survives translation, and what it costs when it does not: shared by the paragraph
pairing (structure) and the sentence alignment (align)."""
