"""The compiled core's speaker-header cases: lines, and what the Python implementation of the
header rules (``builder/structure/speakers.py``, ``confusables.py``, the header copy of
``pairing.py``) gave on them before the port to the core, ``rust/src/header.rs``
(``tests/data/core-cases-headers.jsonl``, checked by ``tests/structure/test_core_headers.py``).

Two kinds of line. A ``text`` line holds a text and what every rule said of it: the text folded
for look-alikes (``fold``, null where folding leaves it as it is), normalized for comparison
(``normalize``), ``is_known_speaker`` (``known``), ``split_header`` as ``[name, title]``
(``split``), ``looks_like_header`` (``header``), ``is_operator`` (``operator``) and the unusual
characters it holds, named (``unusual``). The texts: every line of the seeds (as written and as
the pairing reads it), the lines of their variants (``tests/variants.py``), the seeds' headers
disguised with every look-alike letter, hidden, invisible and combining character, other dashes
and spacings, aliases and cases, every character Python's ``str.isdigit`` takes and every non-
spacing mark in a name, samples of every Unicode category, hand-written hostile strings (markup,
right-to-left overrides, lines at every length limit, Chinese aliases, ``Jean-Pierre``,
``[Unidentified]``, bare names, ``Thank You``) and generated strings of those pieces. A ``pair``
line holds a header and a line after it, and whether that line is the header's copy (``copy``,
the pairing's ``_is_header_copy``): every header of the seeds and their variants with the two
lines after it, headers with translated copies (names, titles, ``Operator``, punctuation,
lengths, English aliases), with their disguises, and random pairs of short lines. The file was
written by the Python implementation at the port; if a rule changes on purpose, regenerate it
from the current code with ``python tests/header_cases.py`` and say why in the commit.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "data" / "core-cases-headers.jsonl"
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

RAW = HERE.parent / "raw"
LOOKALIKES = "АВЕКМНОРСТХаеорсухіјѕІЈЅԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρτυχ"
LATIN = "ABEKMHOPCTXaeopcyxijsIJSdqwABEZHIKMNOPTYXoikvptux"
HIDDEN = "\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
#: Dashes and what looks like one.
DASHES = [
    "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\u2043", "\ufe58",
    "\ufe63", "\uff0d", "~", "--", "---", "- -", "\u2014-", "-\u2014", "\u2013\u2013",
]  # fmt: skip
#: How a dash stands between name and title.
SPACINGS = [
    "{}", " {}", "{} ", " {} ", "  {}\t", "\xa0{}\xa0", "\u3000{}\u3000", "\u2009{}\u2009",
    "\x1c{}\x1c", "\u200b{}\u200b", " \u200e{} ", "\n{}\n", " {}  {} ",
]  # fmt: skip
#: Combining marks (non-spacing in and outside the blocks the fold looks for, enclosing,
#: spacing) and characters that NFC changes once a mark is dropped.
MARKS = [
    "\u0301", "\u0308", "\u0338", "\u034f", "\u0345", "\u1ab0", "\u1dc0", "\u20d0", "\u20dd",
    "\u20e3", "\ufe20", "\u05b0", "\u0e31", "\u093c", "\u302a", "\U000e0100", "\ufe0f", "\ufe00",
    "\U0001d167", "\u0903", "\u0488", "\u0bbe", "\u1b35",
]  # fmt: skip
NFC_CHANGES = [
    "\u212a", "\u212b", "\u2126", "\uf900", "\U0002f800", "\u0958", "\u1100\u1161", "\u1f71",
    "\u2000", "\u037e", "\u0387", "e\u0301", "\u0bc6\u0bbe", "\u1b05\u1b35", "\u2adc", "\ufb1d",
]  # fmt: skip
ALIASES = [
    " (湯瑪斯)", "（湯瑪斯）", " (Tom 湯)", " (湯", " ((a) 湯)", " (\uf900)", " (\U00020000)",
    " (abc)", "(湯)(姆)", " (湯)x(y)", " )湯(", " (湯））", " [湯]", " (\u3000)", " (\n湯)",
]  # fmt: skip
HOSTILE = [
    "", " ", "\t", "-", " - ", "—", "Operator", "operator", "OPERATOR", "Operator:", "Operator.",
    "Operator ", " Operator", "Moderator", "moderator ", "Host", "HOST", "host", "Hostess",
    "Operators", "The Operator", "Operator - Operator", "Operator (接線員)", "接線員", "操作員",
    "Unidentified Analyst", "unidentified  analyst", "Unidentified\tParticipant", "Unidentified",
    "Unidentified Speaker", "Unidentified Company Representative", "Unidentified Corporate Participant",
    "Unknown Speaker", "Unknown Analyst", "Unknown Participant", "Unknown", "[Unidentified]",
    "[Unidentified] - Analyst", "[Unknown Speaker]", "[John Smith] - Analyst", "John Smith",
    "John", "Thank You", "Thank you", "Thank you.", "Okay.", "Good Afternoon", "(Operator Instructions)",
    "(Operator Instructions) - Analyst", "Yes - thanks", "yes - thanks", "Q - Analyst", "A - CEO",
    "Jean-Pierre Dupont - Vice-President", "Jean-Pierre - CEO", "Jean - Pierre", "Jean -Pierre",
    "Jean- Pierre", "Anne Smith–Jones - CFO", "Anne Smith – Jones", "Jeffrey G. Korn—CEO",
    "Jeffrey G. Korn — CEO", "Jeffrey G. Korn −CEO", "Jeffrey G. Korn − CEO", "J.R.R. Tolkien - Author",
    "J. R. R. Tolkien - Author", "K.C. Ambrecht - Analyst", "O'Neil Smith - CFO", "O’Neil Smith - CFO",
    "Ludwig van Beethoven - Composer", "Maria de la Cruz - CFO", "Abu bin Said - CEO", "Ali al Sayed - CEO",
    "Hans von Trapp - CFO", "Anna du Pont - CFO", "Luca di Rossi - CFO", "Pieter der Berg - CFO",
    "Joe le Pen - CFO", "Joe van - CFO", "van Smith - CFO", "Van Smith - CFO", "de - CFO",
    "John Smith Jr. - CFO", "John Smith, Jr. - CFO", "Smith, John - CFO", "John Smith III - CFO",
    "John Smith 3rd - CFO", "John Smith2 - CFO", "R2D2 - Droid", "John_Smith - CFO", "John Smith_ - CFO",
    "A B C D E F - CFO", "A B C D E F G - CFO", "Mr. John Smith - CFO", "Dr. Jane Doe - CEO",
    "john smith - cfo", "John smith - CFO", "JOHN SMITH - CFO", "John Smith - ", "John Smith -",
    "John Smith - CFO.", "John Smith - CFO:", "John Smith - CFO;", "John Smith - CFO,", "John Smith - CFO!",
    "John Smith - CFO?", "John Smith - CFO。", "John Smith - CFO\u00ad", "John Smith - CFO.\u200e",
    "John Smith - CFO.\u200b", "John Smith - CFO \t", "John Smith - CFO\n", "\nJohn Smith - CFO",
    "John Smith - CFO - Acme", "John Smith - CFO – Acme", "John Smith - Chief Financial Officer & Treasurer",
    "<p>John Smith - CFO</p>", "<b>Operator</b>", "&lt;Operator&gt;", "John <i>Smith</i> - CFO",
    "\u202eJohn Smith - CFO", "\u202eOFC - htimS nhoJ", "\u202dOperator\u202c",
    "\u2066John Smith\u2069 - CFO",
    "John\u202e Smith - CFO", "Ζοhn Smith - CFO", "Јohn Smith - CFO", "John Ѕmith - CFO",
    "Оperator", "Ореrаtоr", "Mоderator", "Ηοst", "Unіdentіfіed Analyst", "UNIDENTIFIED ANALYST",
    "İnvestor Relations - Host", "Operator\u0301", "O\u0301perator", "Operator\u05b0",
    "\u212aevin Smith - CFO", "\u212aevin Smith - CFО", "Kelvin \u212a - CFO", "Operat\u0131r",
    "Operat\u0130r",
    "Unıdentified Analyst", "Unıdentıfıed Analyst", "Unknown \u017fpeaker", "Operator\u00a0",
    "Unidentified\u00a0Analyst", "Unidentified\u3000Analyst", "Unidentified\u200bAnalyst",
    "湯瑪斯 - 分析師", "湯瑪斯·博伊斯 - 分析師", "約翰 - 執行長", "Thomas Boyes (湯瑪斯) - Analyst",
    "Thomas Boyes（湯瑪斯）- Analyst", "Thomas Boyes (湯瑪斯)", "Thomas 湯瑪斯 Boyes - Analyst",
    "Thomas Boyes - 分析師", "湯 Boyes - Analyst", "Thomas Boyes (Tom) - Analyst",
    "Thomas Boyes (TB - Analyst",
    "Unidentified Participant (泰德)", "Operator（接線員）", "Operator (Operator)",
    "Zoë Smith - CFO", "Zoe\u0308 Smith - CFO", "Zoe\u0308 Smith - CFО", "Müller Schmidt - CEO",
    "Øystein Ås - CEO", "Łukasz Żak - CEO", "Ça Va - CEO", "Émile Zola - Writer", "SStraße - CEO",
    "John Smith\u00b2 - CFO", "John \u0661 - CFO", "John \uff11 - CFO", "John \u2460 - CFO",
    "John \u00bd - CFO", "John \u2167 - CFO", "John Ⅷ - CFO",
    "x" * 200, "X" * 201, "A" * 41, "A" * 40 + " - B", "Jo - " + "C" * 200,
    "Operator" + " " * 200, " " * 199 + "A - B",
]  # fmt: skip


def _seed_lines() -> list[str]:
    return [line for path in sorted(RAW.glob("*.txt")) for line in path.read_text("utf-8").split("\n")]


def _variant_lines() -> list[str]:
    """The variants' lines of header length (their long paragraphs are the seeds' again, or
    their Simplified copies)."""
    from variants import LAYOUTS, VARIANTS

    out = []
    for path in sorted(RAW.glob("*.txt")):
        lines = path.read_text("utf-8").split("\n")
        for make in [*VARIANTS.values(), *LAYOUTS.values()]:
            out += [line for line in make(lines) if len(line) <= 240]
    return out


def _read(line: str) -> str:
    """A line as the pairing reads it: its bullet or indent gone, stripped."""
    return line.strip().removeprefix("•").strip()


def _headers(lines: list[str], looks_like_header: Callable[[str], bool]) -> list[str]:
    return sorted({_read(line) for line in lines if looks_like_header(_read(line))})


def _disguised(header: str, rng: random.Random) -> Iterator[str]:
    """A header written with look-alikes, hidden, invisible and combining characters, other
    dashes and spacings, aliases, other cases."""
    for fake, real in zip(LOOKALIKES, LATIN, strict=True):
        if real in header:
            yield header.replace(real, fake, 1)
            yield header.replace(real, fake)
    name, sep, title = header.partition(" - ")
    for ch in [*HIDDEN, *INVISIBLE]:
        places = [ch + header, header + ch, header[:1] + ch + header[1:]]
        if sep:
            places += [f"{name}{ch} - {title}", f"{name} {ch}- {title}", f"{name} -{ch} {title}"]
        yield from rng.sample(places, 3)
    for mark in MARKS:
        yield rng.choice([header[:2] + mark + header[2:], header + mark])
        yield rng.choice(LOOKALIKES) + header[1:2] + mark + header[2:]
    for change in NFC_CHANGES:
        yield header[:2] + change + "\u0301" + header[2:]
        yield "\u041d" + header[1:] + change
    if sep:
        for dash, spacing in rng.sample([(d, s) for d in DASHES for s in SPACINGS], 40):
            yield name + spacing.format(dash, dash) + title
        for alias in ALIASES:
            yield f"{name}{alias} - {title}"
    else:
        for alias in ALIASES:
            yield header + alias
    yield header.upper()
    yield header.lower()
    yield header.title()
    yield header.swapcase()
    yield "  • " + header
    yield "    " + header


def _characters() -> Iterator[str]:
    """Every digit Python knows and every non-spacing mark in a name; samples of every category."""
    by_category: dict[str, list[str]] = {}
    for code in range(0x110000):
        ch = chr(code)
        if ch.isdigit():
            yield f"John Smith{ch} - CFO"
        category = unicodedata.category(ch)
        if category == "Mn":
            yield f"Eyal He{ch}n - CFO"
        by_category.setdefault(category, []).append(ch)
    rng = random.Random(7)
    for category, chars in sorted(by_category.items()):
        if category == "Cs":
            continue  # lone surrogates: no UTF-8, no line of a file
        for ch in [chars[0], chars[-1], *rng.sample(chars, min(len(chars), 12))]:
            yield f"Jo{ch}n Smith - CFO"
            yield f"Jo{ch}n Smith - CF\u041e"
            yield f"{ch}ohn Smith - CFO"


#: Pieces the generated strings are made of.
PIECES = [
    "John", "Smith", "Mary", "Jean-Pierre", "O'Neil", "K.C.", "J.", "van", "de", "la", "al", "Jr.",
    "[Unidentified]", "Operator", "Moderator", "Host", "Unidentified", "Analyst", "Unknown",
    "Speaker", "CEO", "Chief Financial Officer", "&", "and", "of", "Thank", "You", "revenue",
    "grew", "5%", "2021", "Q3", "-", "-", "\u2013", "\u2014", "\u2212", "\u2010", "(", ")", "（",
    "）", "[", "]", "湯瑪斯", "分析師", "接線員", ".", ",", ":", ";", "?", "!", "。", " ", " ", " ",
    "  ", "\t", "\xa0", "\u3000", "\x1c", "\x85", "\u2028", *INVISIBLE, *HIDDEN, "А", "о", "Н",
    "і", "Ѕ", "\u0301", "\u0308", "\u05b0", "\u093c", "é", "ü", "\u00b2", "\u0661", "\uff11",
    "_", "<p>", "</b>", "\u212a", "\u0130", "\u0131", "\u017f", "\uf900", "\u0958",
]  # fmt: skip


NAME_WORDS = ["John", "A.", "Van", "Lee", "Jean-Pierre"]
TITLE_WORDS = ["Chief", "Officer", "of", "Finance", "-", "&"]
#: Lengths at the rules' limits.
LIMITS = [39, 40, 41, 159, 160, 161, 199, 200, 201, 400]


def _generated(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        roll = rng.random()
        if roll < 0.5:
            yield "".join(rng.choices(PIECES, k=rng.randint(1, 12)))
        elif roll < 0.85:
            words = rng.choices(PIECES, k=rng.randint(1, 14))
            yield " ".join(words)
        else:  # near the length limits
            name = " ".join(rng.choices(NAME_WORDS, k=rng.randint(1, 7)))
            title = " ".join(rng.choices(TITLE_WORDS, k=rng.randint(1, 40)))
            yield f"{name} {rng.choice(DASHES)} {title}"[: rng.choice(LIMITS)]


def _spaced(rng: random.Random) -> Iterator[str]:
    """Headers with 16 and 17 blanks, and lines of 40 and 41 characters with or without a dash."""
    for blanks in (15, 16, 17, 18):
        yield "John Smith - " + " ".join(["Chief"] * (blanks - 1))
        yield "John Smith " + " ".join(["Chief"] * (blanks - 1))
    for length in (39, 40, 41, 42):
        for dash in ("", " - ", "\u2014", "\u2015"):
            core = "John Smith" + dash
            yield core + "x" * (length - len(core))
    for length in (158, 159, 160, 161, 162, 199, 200, 201):
        core = "John Smith - "
        yield core + "C" * (length - len(core))
        yield core + "\u200b" * 30 + "C" * (length - len(core) - 30)
        yield core + "(湯)" * ((length - len(core)) // 3)
        yield rng.choice(LOOKALIKES) + core[1:] + "C" * (length - len(core))


#: Lines that may follow a header in the Chinese slot: translations of a name, a title or
#: ``Operator`` (punctuation, length and English aliases varied), and what only looks like one.
COPIES = [
    "接線員", "操作員", "主持人", "接線員 (Operator)", "接線員（Operator）", "接線員 (Op3rator)",
    "接線員 (Operator", "(Operator) 接線員", "(操作員指示)", "（操作員指示）", "請稍等片刻。",
    "接線員：", "接線員，", "接線員。", "接線員？", "接 線 員", "接\u3000線員", "接線員\u200b",
    "一二三四五六七八九十一二", "一二三四五六七八九十一二三", "未識別的分析師",
    "泰德·德賓 - 投資者關係主管", "泰德·德賓 - 投資者關係主管。", "泰德·德賓", "泰德‧德賓 - 主管",
    "泰德・德賓 - 主管", "泰德.德賓 - 主管", "泰德'德賓 - 主管", "泰德-德賓 - 主管", "泰德’德賓 - 主管",
    "泰德2 - 主管", "泰德 德賓 - 主管", "泰德_德賓 - 主管", "泰德·德賓 (Ted Durbin) - 主管",
    "泰德·德賓 (Ted-Durbin) - 主管", "泰德·德賓（Ted）- 主管", "(Ted) - 主管", "Ted - 主管",
    "泰德·德賓 — 投資者關係主管", "泰德·德賓 – 主管", "泰德·德賓 -", "名" * 24 + " - 主管",
    "名" * 25 + " - 主管", "Ted Durbin - 投資者關係主管", "Ted Durbin (泰德) - 主管", "Ted Durbin",
    "Ted Durbin - Head of Investor Relations", "Ted Durbin — Head of Investor Relations", "", " ",
    "Revenue grew.", "營收成長。", "Operator", "OPERATOR", "Operator?", "Operator!", "Οperator",
    "x" * 160, "x" * 161, "Ted Durbin - " + "x" * 148, "Ted Durbin - " + "x" * 147,
    "Ted Durbin - CEO.", "Ted Durbin - CEO?", "Ted Durbin - CEO!", "Ted Durbin - CEO。",
    "Ted Durbin - CEO！", "Ted Durbin - CEO？", "Ted Durbin - CEO:", "Ted Durbin - CEO,",
]  # fmt: skip
#: Headers the copies above are put after.
COPIED = [
    "Operator", "Moderator", "Host", "Unidentified Analyst", "Unknown Speaker", "Ted Durbin",
    "Ted Durbin - Head of Investor Relations", "Ted Durbin - CEO", "[Unidentified] - Analyst",
    "Οperator", "Ted Durbin — CEO",
]  # fmt: skip


def _pairs(lines: list[str], looks_like_header: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    """Each header-shaped line of a file with the next two lines, as the pairing reads them."""
    read = [_read(line) for line in lines if line.strip()]
    for k, line in enumerate(read):
        if looks_like_header(line):
            yield from ((line, other) for other in read[k + 1 : k + 3])


def pairs(looks_like_header: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    """Every pair case (a header and the line that may be its copy), each once, in order."""
    from variants import LAYOUTS, VARIANTS

    seen: set[tuple[str, str]] = set()
    rng = random.Random(42)
    seed_lines = _seed_lines()
    headers = _headers(seed_lines, looks_like_header)
    files = [path.read_text("utf-8").split("\n") for path in sorted(RAW.glob("*.txt"))]
    shorts = sorted({_read(line) for line in [*seed_lines, *HOSTILE] if len(line) <= 80})
    makes = [*VARIANTS.values(), *LAYOUTS.values()]
    disguises = [(h, d) for h in headers for d in rng.sample(list(_disguised(h, rng)), 12)]
    groups: list[Iterator[tuple[str, str]]] = [
        *(_pairs(lines, looks_like_header) for lines in files),
        *(_pairs(make(lines), looks_like_header) for lines in files for make in makes),
        ((header, copy) for header in [*COPIED, *headers] for copy in COPIES),
        ((header, rng.choice(COPIED + headers)) for header in [*COPIED, *headers]),
        (pair for header, disguise in disguises for pair in ((header, disguise), (disguise, header))),
        ((rng.choice(shorts), rng.choice([*shorts, *COPIES])) for _ in range(1500)),
    ]
    for group in groups:
        for pair in group:
            if pair not in seen:
                seen.add(pair)
                yield pair


def texts(looks_like_header: Callable[[str], bool]) -> Iterator[str]:
    """Every case, each once, in a fixed order."""
    seen: set[str] = set()
    seed_lines = _seed_lines()
    rng = random.Random(21)
    headers = _headers(seed_lines, looks_like_header)
    groups: list[Iterator[str] | list[str]] = [
        seed_lines,
        [_read(line) for line in seed_lines if len(line) <= 240],
        _variant_lines(),
        HOSTILE,
        *(_disguised(header, rng) for header in headers),
        _characters(),
        _spaced(rng),
        _generated(2500, 35),
    ]
    for group in groups:
        for text in group:
            if text not in seen:
                seen.add(text)
                yield text


def outcome(rules: dict[str, Callable[[str], Any]], text: str) -> dict[str, Any]:
    """What each rule says of a text."""
    return {"text": text, **{key: rule(text) for key, rule in rules.items()}}


def current_rules() -> dict[str, Callable[[str], Any]]:
    """The header rules of the current implementation, as JSON values, through their Python API;
    the fold has none (the core applies it inside the other rules), so it is reached through
    ``_core.fold_header``, the core's test-only export."""
    from builder import _core
    from builder.structure import speakers

    def fold(text: str) -> str | None:
        folded = _core.fold_header(text)
        return None if folded == text else folded

    def split(text: str) -> list[str | None]:
        parts = speakers.split_header(text)
        return [parts.name, parts.title]

    return {
        "fold": fold,
        "normalize": speakers.normalize,
        "known": speakers.is_known_speaker,
        "split": split,
        "header": speakers.looks_like_header,
        "operator": speakers.is_operator,
        "unusual": speakers.unusual,
    }


def current_copy() -> Callable[[str, str], bool]:
    """The rule of the current implementation that tells a header's copy."""
    from builder.structure.speakers import is_header_copy

    return is_header_copy


def write() -> tuple[int, int]:
    """Write every case with what the current implementation gives; the numbers of cases."""
    rules, copy = current_rules(), current_copy()
    texts_found = [
        json.dumps(outcome(rules, text), ensure_ascii=False, separators=(",", ":"))
        for text in texts(rules["header"])
    ]
    pairs_found = [
        json.dumps({"pair": [a, b], "copy": copy(a, b)}, ensure_ascii=False, separators=(",", ":"))
        for a, b in pairs(rules["header"])
    ]
    CASES.write_text("\n".join([*texts_found, *pairs_found]) + "\n", encoding="utf-8")
    return len(texts_found), len(pairs_found)


if __name__ == "__main__":
    print("wrote {} text cases and {} pair cases to {}".format(*write(), CASES.relative_to(HERE.parent)))
