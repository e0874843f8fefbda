"""Call metadata (company, ticker, fiscal period, event type) from the title or the text.

Every value records where it came from and on which line; a value the source does not state
stays null. The manifest (``raw/manifest.toml``) overrides any of them afterwards.
"""

from __future__ import annotations

import re
from collections import Counter

from builder import _core
from builder.records import FrontLine, Metadata, Segment, Sourced, TranslationOrigin, Turn

_TITLE = re.compile(
    r"^(?P<company>.+?)\s*[(（](?P<ticker>[A-Z0-9][A-Z0-9.\-]{0,9})[)）]\s*"
    r"(?P<year>[0-9]{4})\s*Q(?P<quarter>[1-4])\b(?P<rest>.*)$"
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR = r"(?:19|20)[0-9]{2}"
# A fiscal quarter as calls say it: "third quarter", "third-quarter", "Q3" (named groups carry a
# suffix so that one pattern can hold several).
_QUARTER = r"(?:(?P<ord{0}>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|Q(?P<qn{0}>[1-4]))"
_FISCAL = r"(?:fiscal )?(?:year )?"
_WELCOME = re.compile(
    r"welcome to (?:the |today's |this |our )?(?P<company>[A-Z][\w&.,'’ \-]*?),? "
    rf"(?:(?:{_FISCAL}(?P<year0>{_YEAR}) )?{_QUARTER.format('')}(?:,? {_FISCAL}(?P<year>{_YEAR}))?"
    rf"|{_FISCAL}(?:year[- ]end )?{_YEAR}|earnings|results|conference call|quarterly|financial results)",
    re.I,
)
_PERIOD_MENTION = re.compile(
    rf"\b{_QUARTER.format('')}(?: of)?,? {_FISCAL}(?P<year>{_YEAR})\b"
    rf"|\b{_QUARTER.format('2')} ended \w+ [0-9]{{1,2}}, (?P<year2>{_YEAR})\b",
    re.I,
)


def _quarter(match: re.Match[str], suffix: str = "") -> int | None:
    """The quarter number a ``_QUARTER`` group matched, or None."""
    ordinal, number = match[f"ord{suffix}"], match[f"qn{suffix}"]
    if ordinal:
        return _ORDINALS[ordinal.lower()]
    return int(number) if number else None


#: A year as ``_PERIOD_MENTION`` needs one: the cheap test before that pattern.
_A_YEAR = re.compile(_YEAR)
_EARNINGS = re.compile(r"earnings (?:conference )?call|results (?:conference )?call|earnings release", re.I)
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|plc|PLC|LLC|L\.P\.|N\.V\.|S\.A\.|AG|SE)$"
)
_ENGINE = re.compile(
    r"(?:來源|来源)(?:為|为|是)?\s*(?P<engine>[A-Za-z][\w ]*?)\s*(?:翻譯|翻译)"
    r"|translat(?:ed|ion)s? (?:by|from|provided by|is provided by) (?P<engine2>Google|DeepL|Microsoft|Bing)",
    re.I,
)
_ENGINES = {"google": "Google Translate", "deepl": "DeepL", "bing": "Microsoft Translator"}


def company_name(written: str) -> str:
    """The company's name without a trailing legal form (``Rekor Systems, Inc.`` → ``Rekor Systems``)."""
    name = _LEGAL_SUFFIX.sub("", written.strip().rstrip(",")).strip()
    return re.sub(r"['’]s$", "", name)


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
        quarter, year = _quarter(match), match["year"] or match["year0"]
        if quarter and year and meta.fiscal_year.value is None:
            meta.fiscal_year = Sourced(int(year), "text", segment.line_en)
            meta.fiscal_quarter = Sourced(quarter, "text", segment.line_en)
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
        if "uarter" not in segment.en and "UARTER" not in segment.en and "Q" not in segment.en:
            continue  # cheap tests before the pattern: no quarter, or no year, can be mentioned
        if not _A_YEAR.search(segment.en):
            continue
        for match in _PERIOD_MENTION.finditer(segment.en):
            quarter = _quarter(match) or _quarter(match, "2")
            if quarter is None:  # cannot happen: each alternative names a quarter
                continue
            key = (int(match["year"] or match["year2"]), quarter)
            counts[key] += 1
            first_line.setdefault(key, segment.line_en)
    if not counts:
        return
    best = max(counts, key=lambda key: (counts[key], -first_line[key]))
    line = first_line[best]
    meta.fiscal_year = Sourced(best[0], "text", line)
    meta.fiscal_quarter = Sourced(best[1], "text", line)


def translation_script(turns: list[Turn]) -> str | None:
    """``traditional``, ``simplified`` (most translations hold Simplified-only characters),
    ``mixed``, or None when nothing is translated: the core's rule (``rust/src/metadata.rs``)."""
    return _core.translation_script([s.zh for t in turns for s in t.segments if s.zh is not None])


def translation_origin(front: tuple[FrontLine, ...]) -> TranslationOrigin:
    """Read the machine-translation disclaimer: the engine it names and its text as written."""
    for line in front:
        if line.kind == "disclaimer":
            match = _ENGINE.search(line.text)
            engine = None
            if match:
                written = (match["engine"] or match["engine2"]).strip()
                engine = _ENGINES.get(written.lower(), written)
            return TranslationOrigin("machine_translation", engine, line.text, line.number)
    return TranslationOrigin(None, None, None, None)
