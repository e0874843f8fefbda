"""Where each page of the phrase index is in Pagefind's output, and the filters it carries.

Once Pagefind has indexed a bundle, each of its fragments (``fragment/<id>.pf_fragment``: the
page's address, text, filters and metadata, gzipped JSON after the signature ``pagefind_dcd``)
is read here for the page's number in the phrase index (its metadata ``page``, from
``zh_index.page_mark``), the fragment's id and the page's filter values. The search box reads
the fragments of the pages a phrase names itself (``docs/javascripts/phrases.js``), without
a Pagefind search (a Pagefind search by filters alone loads every index chunk of every bundle),
and applies the chosen filters, and counts them, from this table.

The table, ``phrase-index/pages.json.gz``: ``bundles`` (each bundle's folder under the site),
``pages`` (per page number, ``[bundle, fragment id]``, or null for a page Pagefind left out) and
``filters`` (name -> value -> the pages' numbers, as gaps).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from builder.docsgen.phrase_grams import gaps
from builder.docsgen.zh_index import PAGE_META
from builder.errors import CallcorpusError

SIGNATURE = b"pagefind_dcd"


class FragmentUnreadable(CallcorpusError):
    """A fragment Pagefind wrote is not what the phrase index expects."""


def read_fragment(path: Path) -> dict[str, Any]:
    """A Pagefind fragment as its JSON object."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise FragmentUnreadable(f"{path}: not a Pagefind fragment (no {SIGNATURE.decode()} signature)")
    fragment: dict[str, Any] = orjson.loads(data[len(SIGNATURE) :])
    return fragment


def _gaps(numbers: list[int]) -> list[int]:
    return gaps(np.array(sorted(numbers)), np.zeros(1, np.intp))


@dataclass
class PageTable:
    """Each page's bundle and fragment id, and the pages of each filter value."""

    bundles: list[str] = field(default_factory=list)
    fragments: dict[int, tuple[int, str]] = field(default_factory=dict)
    filters: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def locate(self, site: Path, bundle: Path) -> None:
        """Read the fragments of a bundle Pagefind wrote under ``site``."""
        self.bundles.append(bundle.relative_to(site).as_posix())
        for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
            fragment = read_fragment(path)
            number = (fragment.get("meta") or {}).get(PAGE_META)
            if number is None:
                raise FragmentUnreadable(f"{path}: a page without its number in the phrase index")
            page = int(number)
            self.fragments[page] = (len(self.bundles) - 1, path.stem)
            for name, values in (fragment.get("filters") or {}).items():
                for value in values:
                    self.filters.setdefault(name, {}).setdefault(value, []).append(page)

    def as_json(self, pages: int) -> dict[str, Any]:
        """The table of ``pages`` pages, as written."""
        return {
            "bundles": self.bundles,
            "pages": [list(self.fragments[n]) if n in self.fragments else None for n in range(pages)],
            "filters": {
                name: {value: _gaps(numbers) for value, numbers in sorted(values.items())}
                for name, values in sorted(self.filters.items())
            },
        }
