"""The transcripts list: a compact JSON index of the calls and the page that filters it.

``transcripts/calls.json`` holds one short row per call (no transcript text: about 100 bytes a
call); ``docs/javascripts/calls.js`` reads it in the browser and lists the calls that match the
company, ticker, year and quarter chosen, as text (never as HTML).
"""

from __future__ import annotations

import json
from typing import Any

from builder.docsgen.calls import Call

#: The index's file, under the site (and the sources).
INDEX_FILE = "transcripts/calls.json"
FIELDS = ("transcript_id", "company", "ticker", "fiscal_year", "fiscal_quarter", "num_segments")


def entry(call: Call) -> list[Any]:
    """One call's row of the index, in ``FIELDS`` order."""
    return [call.row[name] for name in FIELDS]


def index_json(entries: list[list[Any]]) -> str:
    """The index: its fields and every call's row, sorted by transcript id."""
    rows = sorted(entries, key=lambda row: str(row[0]))
    return json.dumps({"fields": list(FIELDS), "calls": rows}, ensure_ascii=False, separators=(",", ":"))


def render_page(num_calls: int) -> str:
    """Markdown of the transcripts list: filters, the list (filled by ``calls.js``) and a note."""
    return f"""---
title: Transcripts
---

# Transcripts

Each of the {num_calls:,} calls has its own page, English beside Chinese, grouped by speaker
turn, at a stable address that can be cited: `transcripts/<transcript_id>.html`, and
every segment has an anchor named by its `segment_id`
(`transcripts/<transcript_id>.html#<segment_id>`). Choose a company, a ticker, a year or a
quarter to narrow the list; the search box above searches the text of every call in English
and Chinese: a Chinese phrase is matched as typed (spaces aside), and its result opens the call
at the phrase.

<form class="cc-filters" id="cc-filters" autocomplete="off">
<label>Company <select name="company"><option value="">all</option></select></label>
<label>Ticker <input name="ticker" type="search" placeholder="e.g. CXDO"></label>
<label>Year <select name="fiscal_year"><option value="">all</option></select></label>
<label>Quarter <select name="fiscal_quarter"><option value="">all</option></select></label>
</form>

<p class="cc-count" id="cc-count">Loading the list of calls…</p>

<table id="cc-calls">
<thead><tr><th>call</th><th>company</th><th>ticker</th><th>period</th><th>segments</th></tr></thead>
<tbody id="cc-call-rows"></tbody>
</table>

<noscript>The list needs JavaScript; the same index is in
<a href="calls.json">calls.json</a>.</noscript>
"""
