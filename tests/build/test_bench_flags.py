"""The flag benchmark (``bench/bench_flags.py``) runs as ``bench/README.md`` documents it, on the
seeds and 3 synthetic calls, and its figures meet the targets of issue 22; the figures the card
publishes (``builder/flag_figures.json``) are those of a full run of the same code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from builder.flags import flag_benchmark


def test_flag_benchmark_reports_each_kind_against_its_target(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_flags.py"), "--synthetic", "3", "--write", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    figures = json.loads(out.read_text("utf-8"))
    kinds = ["digit", "wan_yi", "direction", "qualifier", "from_to", "unit", "period", "term"]
    assert list(figures["catch"]) == kinds and list(figures["catch_synthetic"]) == kinds
    for kind, rate in figures["catch"].items():
        assert rate["injected"] > 0 and rate["rate"] >= 0.9, kind
        assert f"{kind} " in run.stdout
    alarms = figures["false_alarms"]
    assert alarms["number_units"] == 242 and alarms["rate"] <= 0.02
    assert alarms["real_errors_flagged"] == 28 and alarms["real_errors"] == 31
    assert "false alarms: 0 of 242 number-bearing units" in run.stdout
    # the published figures come from the same code on the same seeds
    published = flag_benchmark()
    assert published["catch"] == figures["catch"] and published["false_alarms"] == alarms
