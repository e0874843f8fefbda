"""callcorpus: build a bilingual corpus of earnings-call transcripts from raw source files."""

__version__ = "0.3.0"
