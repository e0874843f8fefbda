"""Nothing lost: rebuild every raw file line for line from the released records alone."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import orjson
import pytest
from conftest import RAW, SEEDS

from builder.formats.compression import open_read
from builder.formats.layout import shard_path
from builder.release.build import BuildSummary

_MARKUP = {"plain": ("", ""), "bulleted": ("  • ", "    ")}


def _rows(release: Path, config: str) -> list[dict]:
    with open_read(release / shard_path(config, "jsonl", "train", 0, 1)) as lines:
        return [orjson.loads(line) for line in lines]


def rebuild(transcript: dict, segments: list[dict]) -> dict[int, str]:
    """Line number → line text, from a transcript row and its segment rows."""
    en_prefix, zh_prefix = _MARKUP[transcript["source_layout"]]
    lines: dict[int, str] = {}

    def put(number: int, text: str) -> None:
        assert number not in lines, f"line {number} claimed twice"
        lines[number] = text

    for front in transcript["front_matter"]:
        put(front["source_line"], front["text"])
    for turn in transcript["turns"]:
        if turn["header_line_en"] is not None:
            put(turn["header_line_en"], en_prefix + turn["header_text_en"])
        if turn["header_line_zh"] is not None:
            put(turn["header_line_zh"], zh_prefix + turn["header_text_zh"])
    for segment in segments:
        put(segment["source_line_en"], en_prefix + segment["translation"]["en"])
        if segment["source_line_zh"] is not None:
            put(segment["source_line_zh"], zh_prefix + segment["translation"]["zh"])
    return lines


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_release_records_rebuild_the_source_line_for_line(seed_release: BuildSummary, name: str) -> None:
    transcripts = {t["source_file"]: t for t in _rows(seed_release.path, "transcripts")}
    by_transcript = defaultdict(list)
    for segment in _rows(seed_release.path, "segments"):
        by_transcript[segment["transcript_id"]].append(segment)
    transcript = transcripts[name]
    rebuilt = rebuild(transcript, by_transcript[transcript["transcript_id"]])

    source = re.split(r"\r\n|\r|\n", (RAW / name).read_text(encoding="utf-8"))
    nonblank = {n: text for n, text in enumerate(source, start=1) if text.strip()}
    assert sorted(rebuilt) == sorted(nonblank), "every non-blank line, and only those, is claimed"
    for number, text in nonblank.items():
        assert rebuilt[number] == text, f"{name}, line {number}"
    assert transcript["source_num_lines"] == len(source) - (source[-1] == "")


def test_full_text_columns_are_the_segments_joined(seed_release: BuildSummary) -> None:
    segments = _rows(seed_release.path, "segments")
    for transcript in _rows(seed_release.path, "transcripts"):
        own = [s for s in segments if s["transcript_id"] == transcript["transcript_id"]]
        assert transcript["text_en"] == "\n".join(s["translation"]["en"] for s in own)
        assert transcript["text_zh"] == "\n".join(s["translation"]["zh"] for s in own)
        assert [s["segment_index"] for s in own] == list(range(transcript["num_segments"]))
