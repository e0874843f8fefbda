"""callcorpus: build a bilingual corpus of earnings-call transcripts from raw source files."""

__version__ = "0.1.0"

#: The corpus version a plain ``callcorpus build`` writes (``dist/<CORPUS_VERSION>/``).
CORPUS_VERSION = "1.0.0"
