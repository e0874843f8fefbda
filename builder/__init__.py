"""callcorpus: build a bilingual corpus of earnings-call transcripts from raw source files."""

import os
import sys

__version__ = "0.3.0"

# Arrow's default allocator (mimalloc) keeps the pages of freed batches: about 40 MB more per
# build worker than the system allocator, at the same speed. Arrow reads this once, when it is
# first loaded, so it is set here, before any module of the package imports pyarrow (workers
# fork from the main process). A value the user set is kept; the bytes written never depend on it.
if "pyarrow" not in sys.modules:
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
