"""One page per call: header, participants, and the bilingual side-by-side reading view.

Everything taken from the data is written inside raw HTML blocks, escaped, so that the text
shows exactly as in the release and nothing in it is interpreted.
"""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

from builder.cards.escape import html_text as esc
from builder.cards.escape import md_inline

_SECTIONS = {
    "prepared_remarks": ("prepared-remarks", "Prepared remarks"),
    "qa": ("qa", "Questions and answers"),
    "closing_remarks": ("closing-remarks", "Closing remarks"),
}


def period(row: dict[str, Any]) -> str:
    """``2023 Q2``, or ``period unknown``."""
    if row["fiscal_year"] is None:
        return "period unknown"
    quarter = f" Q{row['fiscal_quarter']}" if row["fiscal_quarter"] is not None else ""
    return f"{row['fiscal_year']}{quarter}"


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
        f'<a class="cc-sid" href="#{sid}" title="link to this segment">{sid}</a>{flags}'
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


def render(row: dict[str, Any], segments: list[dict[str, Any]], version: str) -> str:
    """Markdown of one transcript page: raw HTML blocks for data, Markdown headings for structure."""
    tid = row["transcript_id"]
    out = [
        f"---\ntitle: {json.dumps(tid)}\n---\n",
        f"# {md_inline(tid)}: {md_inline(row['company'] or 'company unknown')}, {md_inline(period(row))}\n",
        *_header(row, version),
        "",
        "## Participants\n",
        *_participants(row),
        "",
    ]
    ordered = sorted(segments, key=lambda s: s["segment_index"])
    for section, in_section in groupby(ordered, key=lambda s: s["section"]):
        anchor, heading = _SECTIONS.get(section, (section, section))
        out.append(f"## {heading} {{#{anchor}}}\n")
        for exchange, in_exchange in groupby(in_section, key=lambda s: s["exchange"]):
            if exchange is not None:
                out.append(f"### Exchange {exchange} {{#exchange-{exchange}}}\n")
            out.append('<div class="cc-call">')
            out.append(
                '<div class="cc-cols"><span lang="en">English</span><span lang="zh-Hant">中文</span></div>'
            )
            for _, turn in groupby(in_exchange, key=lambda s: s["turn_index"]):
                out.extend(_turn(list(turn)))
            out.append("</div>\n")
    return "\n".join(out)


def render_index(rows: list[dict[str, Any]]) -> str:
    """The list of calls, linking to each transcript page."""
    out = [
        "# Transcripts\n",
        "Each call as a bilingual reading view, English beside Chinese, grouped by speaker turn. "
        "Every segment has an anchor named by its `segment_id` "
        "(`transcripts/<transcript_id>.html#<segment_id>`), so a citation can link to one segment.\n",
        "| call | company | ticker | period | turns | segments | Q&A exchanges |",
        "|---|---|---|---|---:|---:|---:|",
    ]
    for row in sorted(rows, key=lambda r: r["transcript_id"]):
        tid = row["transcript_id"]
        cells = [
            f"[{md_inline(tid)}]({tid}.md)",
            md_inline(row["company"] or "unknown"),
            md_inline(row["ticker"] or "—"),
            md_inline(period(row)),
            str(row["num_turns"]),
            str(row["num_segments"]),
            str(row["num_exchanges"]),
        ]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"
