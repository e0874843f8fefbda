"""Every call's page written into the built site, then indexed for search, one call at a time.

The calls are streamed from the release (``calls.iter_calls``); each page is rendered, put in
the site's frame (``shell.Shell``), written and indexed in bundles (``search.CallBundles``) and
added to the phrase index, so memory does not grow with the number of calls.
"""

from __future__ import annotations

from pathlib import Path

from builder.docsgen import transcript_page
from builder.docsgen.calls import iter_calls
from builder.docsgen.phrase_index import PhraseIndex
from builder.docsgen.releases import Release
from builder.docsgen.search import CallBundles
from builder.docsgen.shell import Shell


def write_call_pages(release: Release, site: Path, stage: Path, phrases: PhraseIndex) -> int:
    """Write and index the page of every call of ``release`` (each added to ``phrases`` too);
    returns the number of pages."""
    shell = Shell.take(site)
    bundles = CallBundles(site, stage, phrases)
    count = 0
    try:
        for call in iter_calls(release.path):
            page = transcript_page.render(call, release.version)
            bundles.add(page.path, shell.wrap(page.title, page.body, page.path))
            count += 1
        bundles.close()
    except BaseException:
        bundles.abort()
        raise
    return count
