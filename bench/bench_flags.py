"""Benchmark the translation-quality flags: catch rate per kind of injected error, false alarms.

1. Clean pairs: the sentence units of the seeds in ``raw/`` with no flag, and of a synthetic
   corpus of N copies (``corpus.py``), both through ``process_file``.
2. Injection: into each clean pair where it applies, one error of each kind is written into the
   Chinese (a digit, 萬↔億, a direction word turned over, a qualifier dropped, start and end
   swapped, a unit, a period, a finance term in a known-wrong sense); the pair is aligned again
   through the builder's own API (``align_segment``) and counts as caught when the injected unit
   carries a code that kind should raise, which the clean pair did not carry.
3. False alarms: the seeds' number-bearing sentence units as read by hand
   (``tests/data/seed-number-pairs.jsonl``: each unit's kind, ``faithful`` or the error found,
   and a note); a faithful unit with a number or term code is a false alarm.
4. The figures are printed against the targets (every kind ≥ 90 %, false alarms ≤ 2 %) and,
   with ``--write``, written as JSON for the dataset card
   (``builder/flag_figures.json``: figures only, no pair).

Run ``python bench/bench_flags.py --help``; see ``bench/README.md`` ("Flag benchmark").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))

from corpus import generate_corpus  # noqa: E402

from builder.align.findings import NUMBER_AND_TERM_CODES, align_segment  # noqa: E402
from builder.evidence.glossary import glossary  # noqa: E402
from builder.rows.process import process_file  # noqa: E402

REVIEWED = REPO / "tests" / "data" / "seed-number-pairs.jsonl"
FIGURES = REPO / "builder" / "flag_figures.json"
#: Targets of issue 22: each injected kind caught at least this often; false alarms at most.
CATCH_TARGET = 0.90
FALSE_ALARM_TARGET = 0.02
#: A faithful unit carrying one of these codes is a false alarm.
MEANING = NUMBER_AND_TERM_CODES

Pair = tuple[str, str]
Injector = Callable[[str, str], str | None]

_ZH_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d[\d,]*(?:\.\d+)?")
_UP_DOWN = [
    ("增加", "減少"),
    ("成長", "下降"),
    ("增長", "下滑"),
    ("上升", "下降"),
    ("提高", "降低"),
    ("擴大", "縮小"),
]
_QUALIFIER = re.compile(
    r"(?:超過|逾|多於|高達|最多|至多|至少|將近|接近|幾乎|近|大約|約)\s?(?=\d)|(?<=\d)(?:\s?%)?\s?(?:以上|左右)"
)
_QUARTERS = ["第一季", "第二季", "第三季", "第四季"]


def _digit(en: str, zh: str) -> str | None:
    """The first digit of the first number turned into another."""
    m = _ZH_NUMBER.search(zh)
    if not m:
        return None
    k = m.start()
    return zh[:k] + str((int(zh[k]) + 3) % 10 or 7) + zh[k + 1 :]


def _wan_yi(en: str, zh: str) -> str | None:
    """萬 after a number made 億, or 億 made 萬."""
    m = re.search(r"(?<=[\d\s])(萬|億)", zh)
    if not m:
        return None
    return zh[: m.start()] + ("億" if m.group(1) == "萬" else "萬") + zh[m.end() :]


def _direction(en: str, zh: str) -> str | None:
    """A direction word right before a number (`成長了 43%`) turned over."""
    for up, down in _UP_DOWN:
        for word, other in ((up, down), (down, up)):
            for m in re.finditer(word + r"(?=了?\s?(?:約|近)?\s?\d)", zh):
                return zh[: m.start()] + other + zh[m.end() :]
    return None


def _qualifier(en: str, zh: str) -> str | None:
    """A qualifier next to a number dropped."""
    m = _QUALIFIER.search(zh)
    if not m:
        return None
    kept = re.match(r"\s?%", m.group(0))
    return zh[: m.start()] + (kept.group(0) if kept else "") + zh[m.end() :]


def _from_to(en: str, zh: str) -> str | None:
    """`從 A … 到 B` with A and B swapped, else `至 B`/`到 B` made `從 B`."""
    m = re.search(r"([從由])(\s?)(\d[\d,.]*)(.{1,10}?[到至])(\s?)(\d[\d,.]*)", zh)
    if m and m.group(3) != m.group(6):
        swapped = f"{m.group(1)}{m.group(2)}{m.group(6)}{m.group(4)}{m.group(5)}{m.group(3)}"
        return zh[: m.start()] + swapped + zh[m.end() :]
    m = re.search(r"(?<![截回直等])(?:增至|降至|達到|至|到)(?=\s?\d)", zh)
    if m and re.search(r"\bto (?:\$|€)?\d", en):
        return zh[: m.start()] + "從" + zh[m.end() :]
    return None


def _unit(en: str, zh: str) -> str | None:
    """`%` made `個百分點` (or back), `兆瓦時` made `兆瓦`, `每股` dropped."""
    if m := re.search(r"(?<=\d)\s?%", zh):
        return zh[: m.start()] + " 個百分點" + zh[m.end() :]
    if m := re.search(r"(?<=\d)\s?個?百分點", zh):
        return zh[: m.start()] + "%" + zh[m.end() :]
    for a, b in (("千兆瓦時", "千兆瓦"), ("兆瓦時", "兆瓦"), ("兆瓦", "兆瓦時")):
        if a in zh:
            return zh.replace(a, b, 1)
    if "每股" in zh:
        return zh.replace("每股", "", 1)
    return None


def _period(en: str, zh: str) -> str | None:
    """A quarter made the next, or 環比/季減 made year over year (and back)."""
    for k, quarter in enumerate(_QUARTERS):
        if quarter in zh:
            return zh.replace(quarter, _QUARTERS[(k + 1) % 4], 1)
    for a, b in (
        ("季減", "年減"),
        ("季增", "年增"),
        ("環比", "同比"),
        ("年增", "季增"),
        ("去年同期", "上一季"),
    ):
        if a in zh:
            return zh.replace(a, b, 1)
    return None


def _term(en: str, zh: str) -> str | None:
    """A glossary term's right rendering replaced by a known-wrong one."""
    lower = en.lower()
    for term in glossary()["terms"]:
        if not any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", lower) for form in term["en"]):
            continue
        for right in term.get("right", []):
            if right in zh:
                return zh.replace(right, term["wrong"][0]["zh"], 1)
    return None


#: Each kind: how it is injected and the codes that catch it.
KINDS: dict[str, tuple[Injector, tuple[str, ...]]] = {
    "digit": (_digit, ("number_mismatch",)),
    "wan_yi": (_wan_yi, ("number_mismatch",)),
    "direction": (_direction, ("direction_mismatch",)),
    "qualifier": (_qualifier, ("number_qualifier", "approximation_dropped")),
    "from_to": (_from_to, ("range_role_swap", "direction_mismatch")),
    "unit": (_unit, ("unit_mismatch",)),
    "period": (_period, ("period_mismatch",)),
    "term": (_term, ("term_wrong_sense",)),
}


def _codes(en: str, zh: str) -> set[str]:
    """Every code the units of a pair carry, aligned as one paragraph."""
    return {f.code for unit in align_segment(en, zh, []).unit_findings for f in unit}


def clean_pairs(paths: list[Path]) -> Iterator[Pair]:
    """The paired sentence units without a flag of each file."""
    for path in paths:
        for line in process_file(path).lines["sentences"].splitlines():
            row = json.loads(line)
            en, zh = row["translation"]["en"], row["translation"]["zh"]
            if en and zh and not row["flags"]:
                yield en, zh


def glossary_pairs() -> Iterator[Pair]:
    """Each glossary entry's test pair, its wrong rendering made the right one (when listed)."""
    for term in glossary()["terms"]:
        test, right = term["test"], term.get("right", [])
        wrong = [w["zh"] for w in term["wrong"] if w["zh"] in test["zh"]]
        if right and wrong:
            yield test["en"], test["zh"].replace(wrong[0], right[0])


def catch_rates(pairs: list[Pair]) -> dict[str, dict[str, Any]]:
    """For each kind: how many pairs it applied to and how many of them were caught."""
    rates: dict[str, dict[str, Any]] = {}
    for kind, (inject, catching) in KINDS.items():
        tried = caught = 0
        for en, zh in pairs:
            changed = inject(en, zh)
            if changed is None or changed == zh:
                continue
            before = _codes(en, zh)
            tried += 1
            caught += bool((_codes(en, changed) - before) & set(catching))
        rates[kind] = {"injected": tried, "caught": caught, "rate": caught / tried if tried else None}
    return rates


def false_alarms(reviewed: Path = REVIEWED) -> dict[str, Any]:
    """The reviewed number-bearing units of the seeds: faithful ones flagged, real errors flagged."""
    rows = {}
    for name in sorted((REPO / "raw").glob("*.txt")):
        for line in process_file(name).lines["sentences"].splitlines():
            row = json.loads(line)
            rows[row["sentence_id"]] = row
    units = [json.loads(line) for line in reviewed.read_text(encoding="utf-8").splitlines() if line]
    number_units = [u for u in units if u["number_bearing"]]
    alarms = [
        u["sentence_id"]
        for u in number_units
        if u["kind"] == "faithful" and set(rows[u["sentence_id"]]["flags"]) & set(MEANING)
    ]
    errors = [u for u in units if u["kind"] != "faithful"]
    flagged = [u["sentence_id"] for u in errors if set(rows[u["sentence_id"]]["flags"]) & set(MEANING)]
    return {
        "number_units": len(number_units),
        "false_alarms": len(alarms),
        "rate": len(alarms) / len(number_units),
        "false_alarm_ids": alarms,
        "real_errors": len(errors),
        "real_errors_flagged": len(flagged),
    }


def run(copies: int) -> dict[str, Any]:
    """Every figure of the benchmark, on the seeds and `copies` synthetic calls."""
    seeds = sorted((REPO / "raw").glob("*.txt"))
    pairs = list(clean_pairs(seeds))
    synthetic: list[Pair] = []
    if copies:
        with tempfile.TemporaryDirectory() as tmp:
            generate_corpus(Path(tmp), copies)
            synthetic = list(clean_pairs(sorted(Path(tmp).glob("*.txt"))))
    return {
        "clean_pairs": {"seeds": len(pairs), "synthetic": len(synthetic), "synthetic_calls": copies},
        "catch": catch_rates(pairs + list(glossary_pairs())),
        "catch_synthetic": catch_rates(synthetic),
        "false_alarms": false_alarms(),
        "targets": {"catch": CATCH_TARGET, "false_alarms": FALSE_ALARM_TARGET},
    }


def render(figures: dict[str, Any]) -> str:
    """The results as a table, each figure against its target."""
    lines = [
        "seeds and glossary (target) | synthetic calls (shuffled words: no word order to read)",
        f"{'kind':<11} {'injected':>8} {'caught':>7} {'rate':>7}  target ≥ {CATCH_TARGET:.0%} |"
        f" {'injected':>8} {'caught':>7} {'rate':>7}",
    ]
    shown = lambda rate: "n/a" if rate is None else f"{rate:.1%}"  # noqa: E731
    for kind, r in figures["catch"].items():
        rate, other = r["rate"], figures["catch_synthetic"][kind]
        mark = "-" if rate is None else ("ok" if rate >= CATCH_TARGET else "MISSED")
        lines.append(
            f"{kind:<11} {r['injected']:>8} {r['caught']:>7} {shown(rate):>7}  {mark:<13} |"
            f" {other['injected']:>8} {other['caught']:>7} {shown(other['rate']):>7}"
        )
    fa = figures["false_alarms"]
    mark = "ok" if fa["rate"] <= FALSE_ALARM_TARGET else "MISSED"
    lines.append(
        f"false alarms: {fa['false_alarms']} of {fa['number_units']} number-bearing units"
        f" ({fa['rate']:.1%}; target ≤ {FALSE_ALARM_TARGET:.0%}) {mark}"
    )
    lines.append(f"real errors read in the seeds: {fa['real_errors_flagged']} of {fa['real_errors']} flagged")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--synthetic", type=int, default=30, help="synthetic calls to inject into (default 30)"
    )
    parser.add_argument("--write", type=Path, help=f"write the figures as JSON here (the card's: {FIGURES})")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON, not as a table")
    args = parser.parse_args()
    figures = run(args.synthetic)
    print(json.dumps(figures, indent=1) if args.json else render(figures))
    if args.write:
        args.write.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
