"""The card's YAML is linted offline the way the Hub validates it: each rule can fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import reseal

from builder.cards.card_lint import lint_card, parse_card_header
from builder.check.validate import check_release, read_card
from builder.release.build import BuildSummary


def test_the_seed_card_passes_the_lint(seed_release: BuildSummary) -> None:
    assert lint_card(read_card(seed_release.path)) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"license": "cc-by-4.0-custom"}, "license 'cc-by-4.0-custom' is not a Hub license id"),
        ({"license": "other"}, "license `other` needs `license_name` and `license_link`"),
        ({"size_categories": ["1K<n<5K"]}, "size category '1K<n<5K' is not one of"),
        ({"task_categories": ["machine-translation"]}, "task category 'machine-translation'"),
        ({"language": ["en", "zh-Hant"]}, "language 'zh-Hant' is not an ISO 639 code"),
        ({"language": []}, "`language` should be a non-empty list of strings"),
    ],
)
def test_each_hub_rule_is_checked(seed_release: BuildSummary, change: dict, message: str) -> None:
    card = {**read_card(seed_release.path), **change}
    assert any(message in problem for problem in lint_card(card)), lint_card(card)


def test_split_names_must_match_the_datasets_pattern(seed_release: BuildSummary) -> None:
    card = read_card(seed_release.path)
    card["configs"][0]["data_files"][0]["split"] = "train-2024"
    assert any("split name 'train-2024'" in p for p in lint_card(card))


def test_duplicate_keys_and_python_tags_are_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate key 'license'"):
        parse_card_header("---\nlicense: mit\nlicense: other\n---\n")
    with pytest.raises(ValueError, match="invalid"):
        parse_card_header("---\ntags: !!python/tuple [a, b]\n---\n")


def test_validate_reports_a_wrong_size_category(seed_release: BuildSummary, tmp_path: Path) -> None:
    release = tmp_path / "release"
    shutil.copytree(seed_release.path, release)
    card = release / "README.md"
    card.write_text(card.read_text("utf-8").replace("- n<1K", "- 1K<n<10K", 1), "utf-8")
    reseal(release)
    assert any("size_categories ['1K<n<10K'] should be [n<1K]" in p for p in check_release(release))
