"""The finance glossary: earnings-call terms and the Chinese renderings known to be wrong in
their sense (``glossary.json``, a data file of the package, versioned).

The rule that reads it is the core's (``rust/src/glossary.rs``: ``term_wrong_sense``); this
module loads the file once, for the aligner, the build signature and the dataset card.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

GLOSSARY_FILE = "glossary.json"


@cache
def glossary_text() -> str:
    """The glossary file's text, as the core parses it."""
    return resources.files("builder.evidence").joinpath(GLOSSARY_FILE).read_text(encoding="utf-8")


@cache
def glossary() -> dict[str, Any]:
    """The glossary: ``version`` and ``terms`` (each: ``en`` forms, ``unless``, ``sense``,
    ``wrong`` renderings with what they mean, and a ``test`` sentence pair)."""
    data: dict[str, Any] = json.loads(glossary_text())
    return data


def glossary_signature() -> str:
    """The glossary's version and the start of its SHA-256, for the build signature."""
    digest = hashlib.sha256(glossary_text().encode()).hexdigest()[:12]
    return f"glossary:{glossary()['version']}+{digest}"
