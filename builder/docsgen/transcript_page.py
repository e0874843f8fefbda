"""One page per call, written directly as HTML (no Markdown): header, participants, and the
bilingual side-by-side reading view, marked for Pagefind (body, title, filters).

Everything taken from the data is escaped for HTML and written only as element text or quoted
attribute values, so that the text shows exactly as in the release and nothing in it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from builder.cards.escape import html_text as esc
from builder.docsgen.calls import Call
from builder.docsgen.qa_pairs import qa_pairs
from builder.docsgen.tally import period

_SECTIONS = {
    "opening": ("opening", "Opening"),
    "safe_harbor": ("safe-harbor", "Safe harbor"),
    "prepared_remarks": ("prepared-remarks", "Prepared remarks"),
    "qa": ("qa", "Questions and answers"),
    "closing_remarks": ("closing-remarks", "Closing remarks"),
}


def _header(row: dict[str, Any], version: str) -> list[str]:
    facts = [
        ("Company", row["company"]),
        ("Ticker", row["ticker"]),
        ("Period", period(row)),
        ("Event", row["event_type"]),
        ("Call date", row["call_date"]),
        ("Title in the source", row["title"]),
        ("Source file", row["source_file"]),
        (
            "Turns · segments · Q&A exchanges",
            f"{row['num_turns']} · {row['num_segments']} · {row['num_exchanges']}",
        ),
        (
            "English words · Chinese characters",
            f"{row['num_en_words']:,} · {row['num_zh_chars']:,}",
        ),
        ("Flagged segments", f"{row['num_flagged_segments']} of {row['num_segments']}"),
        ("Translation", (row["translation_origin"] or {}).get("engine")),
        ("Release", version),
    ]
    lines = ['<table class="cc-facts">']
    for label, value in facts:
        shown = esc(value) if value is not None else "<em>unknown</em>"
        lines.append(f"<tr><th>{esc(label)}</th><td>{shown}</td></tr>")
    lines.append("</table>")
    return lines


def _participants(row: dict[str, Any]) -> list[str]:
    lines = [
        '<table class="cc-participants">',
        "<tr><th>name</th><th>role</th><th>title</th><th>affiliation</th></tr>",
    ]
    for p in row["participants"]:
        cells = [p["name"], p["role"], p["title"] or "", p["affiliation"] or ""]
        lines.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    lines.append("</table>")
    return lines


def _segment(seg: dict[str, Any]) -> str:
    sid = esc(seg["segment_id"])
    zh = seg["translation"]["zh"]
    zh_html = esc(zh) if zh is not None else '<em class="cc-missing">(no translation)</em>'
    evidence = {item["code"]: item["evidence"] for item in seg.get("flag_evidence") or []}
    flags = "".join(
        f'<span class="cc-flag">{esc(code)}{": " + esc(evidence[code]) if code in evidence else ""}</span>'
        for code in seg["flags"]
    )
    return (
        f'<div class="cc-seg" id="{sid}">'
        f'<a class="cc-sid" href="#{sid}" title="link to this segment" data-pagefind-ignore>{sid}</a>{flags}'
        f'<p class="cc-en" lang="en">{esc(seg["translation"]["en"])}</p>'
        f'<p class="cc-zh" lang="zh-Hant">{zh_html}</p></div>'
    )


def _turn(segments: list[dict[str, Any]]) -> list[str]:
    first = segments[0]
    speaker = esc(first["speaker"]) if first["speaker"] else "<em>no speaker</em>"
    title = f' <span class="cc-title">{esc(first["speaker_title"])}</span>' if first["speaker_title"] else ""
    role = f'<span class="cc-role cc-role-{esc(first["speaker_role"])}">{esc(first["speaker_role"])}</span>'
    return [
        f'<div class="cc-turn" id="turn-{first["turn_index"]}">',
        f'<div class="cc-speaker"><strong>{speaker}</strong>{title} {role}</div>',
        *(_segment(s) for s in segments),
        "</div>",
    ]


@dataclass(frozen=True, slots=True)
class TranscriptPage:
    """A call's page: its path under the site, its title (text) and its article (HTML)."""

    path: str
    title: str
    body: str


def page_path(transcript_id: str) -> str:
    """The call's stable URL under the site root: ``transcripts/<transcript_id>.html``."""
    return f"transcripts/{transcript_id}.html"


def _heading(level: int, anchor: str, text: str) -> str:
    """A heading with its permalink, as mkdocs-material writes them."""
    link = f'<a class="headerlink" href="#{esc(anchor)}" title="Permanent link">&para;</a>'
    return f'<h{level} id="{esc(anchor)}">{esc(text)}{link}</h{level}>'


def _search_marks(row: dict[str, Any], sections: list[str]) -> list[str]:
    """Pagefind's filters and metadata of the call, as attribute values (never indexed as text)."""
    filters = [
        ("company", row["company"] or "unknown"),
        ("year", row["fiscal_year"] if row["fiscal_year"] is not None else "unknown"),
        ("quarter", f"Q{row['fiscal_quarter']}" if row["fiscal_quarter"] is not None else "unknown"),
        *(("section", _SECTIONS.get(s, (s, s))[1]) for s in sections),
    ]
    meta = [("transcript_id", row["transcript_id"]), ("ticker", row["ticker"] or ""), ("period", period(row))]
    return [
        *(f'<meta data-pagefind-filter="{key}[content]" content="{esc(value)}">' for key, value in filters),
        *(f'<meta data-pagefind-meta="{key}[content]" content="{esc(value)}">' for key, value in meta),
    ]


def _sections(segments: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for section, in_section in groupby(segments, key=lambda s: s["section"]):
        anchor, heading = _SECTIONS.get(section, (section, section))
        anchor = anchor if anchor not in seen else f"{anchor}-{len(seen)}"  # a section met again
        seen.add(anchor)
        out.append(_heading(2, anchor, heading))
        for exchange, in_exchange in groupby(in_section, key=lambda s: s["exchange"]):
            if exchange is not None:
                out.append(_heading(3, f"exchange-{exchange}", f"Exchange {exchange}"))
            out.append('<div class="cc-call">')
            out.append(
                '<div class="cc-cols" data-pagefind-ignore><span lang="en">English</span>'
                '<span lang="zh-Hant">中文</span></div>'
            )
            for _, turn in groupby(in_exchange, key=lambda s: s["turn_index"]):
                out.extend(_turn(list(turn)))
            out.append("</div>")
    return out


def render(call: Call, version: str) -> TranscriptPage:
    """The page of one call: facts, participants, then each section side by side."""
    row, tid = call.row, call.transcript_id
    title = f"{tid}: {row['company'] or 'company unknown'}, {period(row)}"
    sections = sorted({s["section"] for s in call.segments})
    body = [
        "<div data-pagefind-body>",
        *_search_marks(row, sections),
        f"<h1>{esc(title)}</h1>",
        *_header(row, version),
        _heading(2, "participants", "Participants"),
        *_participants(row),
        *qa_pairs(call),
        *_sections(call.segments),
        "</div>",
    ]
    return TranscriptPage(page_path(tid), title, "\n".join(body) + "\n")
