"""The site's sitemap: every page of the built site, the documentation's and each call's, under
the address the site is served from.

mkdocs writes ``sitemap.xml`` before the call pages exist, and an empty one when it has no
``site_url``; this replaces it. Addresses go in files of at most ``PER_FILE`` (the sitemaps.org
limit is 50,000), with ``sitemap.xml`` the index over them when there is more than one, so a
site of any size has a valid sitemap. Without an address there is no sitemap at all. The
pages are walked in sorted order and written as they are found (no dates: same site, same
bytes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

from builder.errors import CallcorpusError

#: Addresses per sitemap file (sitemaps.org allows 50,000 and 50 MB).
PER_FILE = 50_000
#: Built pages that are not pages of the site (the call pages' frame is gone by then).
NOT_LISTED = frozenset({"404.html"})
#: What mkdocs writes that this replaces.
MKDOCS_SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")

_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?")


class BadSiteUrl(CallcorpusError):
    """The address given for the site is not an http(s) address of a folder."""


def site_url(text: str) -> str:
    """The site's address, checked (``http`` or ``https``, a host, a path) and ending in ``/``."""
    if len(text) > 2000 or not _SITE_URL.fullmatch(text):
        raise BadSiteUrl(
            f"--site-url {text!r}: not an http(s) address such as https://example.org/callcorpus/"
        )
    return text if text.endswith("/") else text + "/"


def pages(site: Path) -> Iterator[str]:
    """Every listed page of the built site, as a path under it, in sorted order."""
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        if name not in NOT_LISTED:
            yield name


def _chunks(names: Iterator[str], size: int) -> Iterator[list[str]]:
    """``names`` in lists of at most ``size``."""
    chunk: list[str] = []
    for name in names:
        chunk.append(name)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _document(tag: str, item: str, addresses: list[str]) -> str:
    """A sitemap (``urlset``/``url``) or sitemap index (``sitemapindex``/``sitemap``)."""
    entries = "".join(f"<{item}><loc>{escape(a)}</loc></{item}>\n" for a in addresses)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{tag} xmlns="{_NAMESPACE}">\n{entries}</{tag}>\n'


def write_sitemap(site: Path, url: str | None, per_file: int = PER_FILE) -> int:
    """Replace mkdocs' sitemap with one of every page under ``url`` (none without a ``url``).

    Returns the number of pages listed."""
    for name in MKDOCS_SITEMAPS:
        (site / name).unlink(missing_ok=True)
    if url is None:
        return 0
    parts, listed = [], 0
    for number, chunk in enumerate(_chunks(pages(site), per_file), start=1):
        part = f"sitemap-{number}.xml"
        addresses = [url + quote(name) for name in chunk]
        (site / part).write_text(_document("urlset", "url", addresses), encoding="utf-8", newline="\n")
        parts.append(part)
        listed += len(chunk)
    if len(parts) == 1:
        (site / parts[0]).rename(site / "sitemap.xml")
    else:
        index = _document("sitemapindex", "sitemap", [url + part for part in parts])
        (site / "sitemap.xml").write_text(index, encoding="utf-8", newline="\n")
    return listed
