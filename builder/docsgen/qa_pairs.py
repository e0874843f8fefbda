"""A call's Q&A exchanges as question→answer pairs, for its page: per exchange the questioner
(as introduced, with their firm), their question and the company's answers, English beside
Chinese, each paragraph linked to its segment in the reading view below.

Built from the call's ``segments`` rows (``exchange``, ``exchange_role``) and its participants,
as the ``qa`` config is: releases without that config get the same view. Everything from the
data is escaped for HTML; the pairs repeat text the reading view holds, so Pagefind skips them.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from builder.cards.escape import html_text as esc
from builder.docsgen.calls import Call

Row = dict[str, Any]
#: The label of each side, by exchange role; moderator turns are left to the reading view.
_SIDES = {"question": "Q", "answer": "A"}


def _questioner(row: Row, turns: list[list[Row]]) -> str:
    """``Chris Sakai (Singular Research)``: the first questioner as introduced, with their firm."""
    first = next((turn[0] for turn in turns if turn[0].get("exchange_role") == "question"), None)
    if first is None or not first["speaker"]:
        return "no question"
    person = next(
        (
            p
            for p in row["participants"]
            if (p["name"], p["title"]) == (first["speaker"], first["speaker_title"])
        ),
        None,
    )
    name = (person or {}).get("introduced_as") or first["speaker"]
    firm = (person or {}).get("affiliation")
    return f"{name} ({firm})" if firm else name


def _paragraph(seg: Row) -> str:
    sid = esc(seg["segment_id"])
    zh = seg["translation"]["zh"]
    zh_html = esc(zh) if zh is not None else '<em class="cc-missing">(no translation)</em>'
    return (
        f'<div class="cc-seg"><a class="cc-sid" href="#{sid}" title="this paragraph in the call">{sid}</a>'
        f'<p class="cc-en" lang="en">{esc(seg["translation"]["en"])}</p>'
        f'<p class="cc-zh" lang="zh-Hant">{zh_html}</p></div>'
    )


def _side(turn: list[Row]) -> list[str]:
    first = turn[0]
    label = _SIDES[first["exchange_role"]]
    speaker = esc(first["speaker"]) if first["speaker"] else "<em>no speaker</em>"
    title = f' <span class="cc-title">{esc(first["speaker_title"])}</span>' if first["speaker_title"] else ""
    return [
        f'<div class="cc-turn cc-qa-{first["exchange_role"]}">',
        f'<div class="cc-speaker"><strong>{label}</strong> · <strong>{speaker}</strong>{title}</div>',
        *(_paragraph(seg) for seg in turn),
        "</div>",
    ]


def qa_pairs(call: Call) -> list[str]:
    """The HTML of a call's exchanges as Q→A pairs (nothing when the call has none)."""
    in_exchanges = [s for s in call.segments if s.get("exchange") is not None]
    if not in_exchanges:
        return []
    link = '<a class="headerlink" href="#qa-pairs" title="Permanent link">&para;</a>'
    out = [f'<h2 id="qa-pairs">Questions and answers as pairs{link}</h2>', "<div data-pagefind-ignore>"]
    for number, group in groupby(in_exchanges, key=lambda s: s["exchange"]):
        turns = [list(t) for _, t in groupby(group, key=lambda s: s["turn_index"])]
        anchor = f"qa-pair-{int(number)}"
        heading = f"Exchange {int(number)}: {_questioner(call.row, turns)}"
        out.append(f'<h3 id="{anchor}">{esc(heading)}</h3>')
        out.append('<div class="cc-call cc-qa">')
        for turn in turns:
            if turn[0].get("exchange_role") in _SIDES:
                out.extend(_side(turn))
        out.append("</div>")
    out.append("</div>")
    return out
