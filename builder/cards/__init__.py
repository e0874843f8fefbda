"""Citation and metadata files of a release, each rendered from one ``ReleaseDescription``.

One module per file: ``cff.py`` (CITATION.cff), ``croissant.py`` (croissant.json),
``datapackage.py`` (datapackage.json), ``zenodo.py`` (.zenodo.json), ``bibtex.py`` (the BibTeX
entry) and ``crosscheck.py`` (parses them back and compares with the description and the
files). Renderers are pure: the same description gives the same text, with no clock read.
"""

from __future__ import annotations

import json
from typing import Any


def dump_json(value: Any) -> str:
    """JSON text as every card writes it: 2-space indent, UTF-8 kept, trailing newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
