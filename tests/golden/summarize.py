"""Golden summaries of the seeds: what the structure stage must produce for each raw file.

Regenerate after a deliberate change, then review the diff line by line before committing:

    python tests/golden/summarize.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from builder.rows.sentences import aligned_rows, core_batch  # noqa: E402
from builder.rows.transcripts import transcript_row  # noqa: E402
from builder.sources import read_source  # noqa: E402
from builder.sources.manifest import load_manifest  # noqa: E402
from builder.structure import build_transcript  # noqa: E402

RAW = HERE.parent.parent / "raw"


def summarize(name: str) -> dict[str, Any]:
    """The facts a golden file pins for one raw file."""
    manifest = load_manifest(RAW, sorted(p.name for p in RAW.glob("*.txt")))
    transcript = build_transcript(read_source(RAW / name, name), manifest.overrides(name))
    call = aligned_rows(transcript)
    segments = core_batch("segments", call.held).to_pylist()
    row = transcript_row(transcript, call.segment_flags)
    keep = (
        "transcript_id",
        "company",
        "ticker",
        "fiscal_year",
        "fiscal_quarter",
        "event_type",
        "call_date",
        "title",
        "provenance",
        "translation_origin",
        "source_file",
        "source_layout",
        "front_matter",
        "participants",
        "affiliations",
        "exchanges",
        "qa_start_segment",
        "num_turns",
        "num_segments",
        "num_exchanges",
        "num_participants",
        "flags",
    )
    return {
        **{k: row[k] for k in keep},
        "turns": [
            f"{t['turn_index']} {t['section']} ex={t['exchange']} {t['exchange_role']} {t['speaker']} "
            f"[{t['num_segments']}] lines {t['header_line_en']}/{t['header_line_zh']}"
            for t in row["turns"]
        ],
        "segment_ids": [segments[0]["segment_id"], segments[-1]["segment_id"]],
        "segment_roles": {
            r: sum(s["speaker_role"] == r for s in segments)
            for r in ("operator", "corporate", "participant", "unknown")
        },
        "segment_sections": {
            x: sum(s["section"] == x for s in segments)
            for x in ("opening", "safe_harbor", "prepared_remarks", "qa", "closing_remarks")
        },
        "segments_apart": [
            f"{s['segment_id']} {s['section']} ex={s['exchange']} {s['speaker']}: "
            f"{s['translation']['en'][:60]}"
            for s in segments
            if s["section"] in ("opening", "safe_harbor") or (s["section"] == "qa" and s["exchange"] is None)
        ],
        "segment_exchange_roles": {
            str(x): sum(s["exchange_role"] == x for s in segments)
            for x in ("question", "answer", "moderator", None)
        },
    }


def golden_path(name: str) -> Path:
    """Where the golden summary of a raw file lives."""
    return HERE / (Path(name).stem + ".json")


def main() -> None:
    """Rewrite every golden file from the current code."""
    for path in sorted(RAW.glob("*.txt")):
        text = json.dumps(summarize(path.name), ensure_ascii=False, indent=1) + "\n"
        golden_path(path.name).write_text(text, encoding="utf-8")
        print(f"wrote {golden_path(path.name).relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
