"""The compiled core's alignment rules (``rust/src/``) through their Python API: the recorded
cases (``tests/data/core-cases.jsonl``, first written by the Python implementation before the
port; see ``tests/core_cases.py``), to the last bit, and properties of the search on generated
input. The search itself has no Python API (the aligner calls it inside the core): it is
reached through ``_core.bead_path``, the core's test-only export."""

from __future__ import annotations

import math

import core_cases
import pytest
from conftest import ROOT, recorded_cases, same_bits
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import _core
from builder.align.aligner import BEADS
from builder.evidence.anchors import en_features, zh_features
from builder.evidence.cost import RATIO, length_cost

RUST = ROOT / "rust" / "src"
CASES = recorded_cases(core_cases.CASES.name)


def test_the_cases_cover_every_bead_kind() -> None:
    kinds = {(di, dj) for case in CASES for _, _, di, dj, _ in case["path"]}
    assert kinds == {(di, dj) for di, dj, _ in BEADS}
    assert len(CASES) > 300 and sum(len(c["missing_en"]) + len(c["missing_zh"]) for c in CASES) > 1000


@pytest.mark.parametrize("start", range(0, len(CASES), 40))
def test_the_core_gives_the_recorded_results(start: int) -> None:
    implementation = core_cases.current()
    for case in CASES[start : start + 40]:
        got = core_cases.expected(implementation, case["en"], case["zh"])
        for key, value in got.items():
            assert same_bits(value, case[key]), (
                f"{key} differs for {case['en']} / {case['zh']}: {value} != {case[key]}; if the rule "
                "changed on purpose, regenerate with `python tests/core_cases.py`"
            )


def test_length_cost_far_in_the_tail_stays_finite() -> None:
    assert length_cost(100.0, RATIO * 100.0) == 0.0
    assert math.isfinite(length_cost(1e12, 0.0)) and math.isfinite(length_cost(0.0, 1e12))
    assert length_cost(1e12, 0.0) == -math.log(1e-30)


_EN = st.lists(st.sampled_from(core_cases.EN_WORDS), min_size=1, max_size=20).map(lambda w: " ".join(w) + ".")
_ZH = st.lists(st.sampled_from(core_cases.ZH_WORDS), min_size=1, max_size=20).map(lambda w: "".join(w) + "。")


@settings(max_examples=300, deadline=None)
@given(st.lists(_EN, min_size=1, max_size=15), st.lists(_ZH, min_size=1, max_size=15))
def test_the_path_takes_every_sentence_once_in_order(en: list[str], zh: list[str]) -> None:
    e, z = [en_features(t).core for t in en], [zh_features(t).core for t in zh]
    path = _core.bead_path(e, z)
    i = j = 0
    for start_en, start_zh, di, dj, cost in path:
        assert (start_en, start_zh) == (i, j) and (di, dj) in {(a, b) for a, b, _ in BEADS}
        assert cost >= 0.0
        i, j = i + di, j + dj
    assert (i, j) == (len(en), len(zh))


def test_the_search_needs_a_sentence_on_each_side() -> None:
    with pytest.raises(ValueError, match="at least one sentence on each side"):
        _core.bead_path([], [zh_features("好。").core])


def test_only_the_binding_layer_uses_pyo3() -> None:
    """The rule modules are plain Rust; every PyO3 type lives in ``rust/src/bindings/``."""
    bindings = RUST / "bindings"
    assert len(list(bindings.glob("*.rs"))) >= 6 and "pyo3" in (bindings / "mod.rs").read_text("utf-8")
    outside = [
        p for p in RUST.rglob("*.rs") if bindings not in p.parents and "pyo3" in p.read_text("utf-8").lower()
    ]
    assert outside == [], f"PyO3 outside rust/src/bindings/: {outside}"
