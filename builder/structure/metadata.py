"""Call metadata (company, ticker, fiscal period, event type) from the title or the text.

Every value records where it came from and on which line; a value the source does not state
stays null. The manifest (``raw/manifest.toml``) overrides any of them afterwards.
"""

from __future__ import annotations

import re
from collections import Counter

from builder.records import FrontLine, Metadata, Segment, Sourced, TranslationOrigin, Turn

_TITLE = re.compile(
    r"^(?P<company>.+?)\s*[(（](?P<ticker>[A-Z0-9][A-Z0-9.\-]{0,9})[)）]\s*"
    r"(?P<year>[0-9]{4})\s*Q(?P<quarter>[1-4])\b(?P<rest>.*)$"
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_ORDINAL = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_WELCOME = re.compile(
    r"welcome to (?:the |today's |this |our )?(?P<company>[A-Z][\w&.,'’ \-]*?),? "
    r"(?:(?:fiscal )?(?:(?:year )?[0-9]{4} )?" + _ORDINAL + r"[- ]quarter(?:,? (?:fiscal )?(?:year )?"
    r"(?P<year>[0-9]{4}))?|(?:fiscal )?(?:year[- ]end )?[0-9]{4}|earnings|results|conference call"
    r"|quarterly|financial results)",
    re.I,
)
_PERIOD_MENTION = re.compile(
    r"\b" + _ORDINAL + r"[- ]quarter(?: of)?(?: fiscal)?(?: year)?,? (?P<year>(?:19|20)[0-9]{2})\b"
    r"|\b"
    + _ORDINAL.replace("ord", "ord2")
    + r" quarter ended \w+ [0-9]{1,2}, (?P<year2>(?:19|20)[0-9]{2})\b",
    re.I,
)
_EARNINGS = re.compile(r"earnings (?:conference )?call|results (?:conference )?call|earnings release", re.I)
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|plc|PLC|LLC|L\.P\.|N\.V\.|S\.A\.|AG|SE)$"
)
_ENGINE = re.compile(r"來源(?:為|是)?\s*(?P<engine>[A-Za-z][\w ]*?)\s*翻譯")
_ENGINES = {"google": "Google Translate", "deepl": "DeepL", "bing": "Microsoft Translator"}


def company_name(written: str) -> str:
    """The company's name without a trailing legal form (``Rekor Systems, Inc.`` → ``Rekor Systems``)."""
    return _LEGAL_SUFFIX.sub("", written.strip().rstrip(",")).strip()


def from_title(front: tuple[FrontLine, ...], meta: Metadata) -> None:
    """Fill company, ticker, period and event type from a title line such as the site's."""
    for line in front:
        if line.kind != "title":
            continue
        match = _TITLE.match(line.text.strip())
        if not match:
            continue
        meta.company = Sourced(company_name(match["company"]), "title", line.number)
        meta.ticker = Sourced(match["ticker"], "title", line.number)
        meta.fiscal_year = Sourced(int(match["year"]), "title", line.number)
        meta.fiscal_quarter = Sourced(int(match["quarter"]), "title", line.number)
        if "法說會" in match["rest"] or re.search("earnings", match["rest"], re.I):
            meta.event_type = Sourced("earnings_call", "title", line.number)
        return


def from_text(turns: list[Turn], meta: Metadata) -> None:
    """Fill what the title left unknown from the operator's welcome and the prepared remarks."""
    prepared = [s for t in turns if t.section == "prepared_remarks" for s in t.segments]
    for segment in prepared[:10]:
        match = _WELCOME.search(segment.en)
        if not match:
            continue
        if meta.company.value is None:
            meta.company = Sourced(company_name(match["company"]), "text", segment.line_en)
        if match["ord"] and match["year"] and meta.fiscal_year.value is None:
            meta.fiscal_year = Sourced(int(match["year"]), "text", segment.line_en)
            meta.fiscal_quarter = Sourced(_ORDINALS[match["ord"].lower()], "text", segment.line_en)
        break
    if meta.fiscal_year.value is None:
        _period_from_mentions(prepared, meta)
    if meta.event_type.value is None:
        for segment in prepared[:20]:
            if _EARNINGS.search(segment.en):
                meta.event_type = Sourced("earnings_call", "text", segment.line_en)
                break


def _period_from_mentions(prepared: list[Segment], meta: Metadata) -> None:
    """The most mentioned ``<ordinal> quarter [of] YYYY`` in the prepared remarks (first wins ties)."""
    counts: Counter[tuple[int, int]] = Counter()
    first_line: dict[tuple[int, int], int] = {}
    for segment in prepared:
        if "uarter" not in segment.en and "UARTER" not in segment.en:
            continue
        for match in _PERIOD_MENTION.finditer(segment.en):
            ordinal = match["ord"] or match["ord2"]
            year = match["year"] or match["year2"]
            key = (int(year), _ORDINALS[ordinal.lower()])
            counts[key] += 1
            first_line.setdefault(key, segment.line_en)
    if not counts:
        return
    best = max(counts, key=lambda key: (counts[key], -first_line[key]))
    line = first_line[best]
    meta.fiscal_year = Sourced(best[0], "text", line)
    meta.fiscal_quarter = Sourced(best[1], "text", line)


def translation_origin(front: tuple[FrontLine, ...]) -> TranslationOrigin:
    """Read the machine-translation disclaimer: the engine it names and its text as written."""
    for line in front:
        if line.kind == "disclaimer":
            match = _ENGINE.search(line.text)
            engine = None
            if match:
                written = match["engine"].strip()
                engine = _ENGINES.get(written.lower(), written)
            return TranslationOrigin("machine_translation", engine, line.text, line.number)
    return TranslationOrigin(None, None, None, None)
