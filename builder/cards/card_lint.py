"""Lint a dataset card's YAML header the way the Hugging Face Hub validates it, offline.

``parse_card_header`` reads the header with PyYAML's safe loader, refusing duplicate keys
(which PyYAML would otherwise silently overwrite) and Python-specific tags. ``lint_card``
checks the values the Hub restricts; ``release_check`` adds the checks against the files
(one default config, counts and bytes that are true).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from builder.cards.hub_rules import HUB_LICENSES, LANGUAGE_CODE, SIZE_CATEGORIES, SPLIT_NAME, TASK_CATEGORIES


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that rejects a mapping with the same key twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def card_header(text: str) -> str:
    """The YAML between the card's opening and closing ``---`` lines."""
    if not text.startswith("---\n"):
        raise ValueError("README.md has no YAML header (not a release folder?)")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ValueError("README.md's YAML header is not closed by a '---' line")
    return text[4:end]


def parse_card_header(text: str) -> dict[str, Any]:
    """The card's YAML header as data; ``ValueError`` for a malformed or ambiguous header."""
    try:
        data = yaml.load(card_header(text), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        raise ValueError(f"README.md's YAML header is invalid: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict):
        raise ValueError("README.md's YAML header is not a mapping")
    return data


def _strings(card: dict[str, Any], key: str, problems: list[str]) -> list[str]:
    value = card.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problems.append(f"card: `{key}` should be a non-empty list of strings, found {value!r}")
        return []
    return value


def lint_card(card: dict[str, Any]) -> list[str]:
    """Every value in the card's header that the Hub would reject."""
    problems: list[str] = []
    for license_id in _strings(card, "license", problems):
        if license_id not in HUB_LICENSES:
            problems.append(f"card: license {license_id!r} is not a Hub license id")
        if license_id == "other" and not (card.get("license_name") and card.get("license_link")):
            problems.append("card: license `other` needs `license_name` and `license_link`")
    for size in _strings(card, "size_categories", problems):
        if size not in SIZE_CATEGORIES:
            problems.append(f"card: size category {size!r} is not one of {', '.join(SIZE_CATEGORIES)}")
    for task in _strings(card, "task_categories", problems):
        if task not in TASK_CATEGORIES:
            problems.append(f"card: task category {task!r} is not a Hub task")
    for code in _strings(card, "language", problems):
        if not re.match(LANGUAGE_CODE, code):
            problems.append(
                f"card: language {code!r} is not an ISO 639 code (BCP-47 tags go in language_details)"
            )
    configs = card.get("configs")
    for config in configs if isinstance(configs, list) else []:
        files = config.get("data_files") if isinstance(config, dict) else None
        for entry in files if isinstance(files, list) else []:
            split = entry.get("split") if isinstance(entry, dict) else None
            if not isinstance(split, str) or not re.match(SPLIT_NAME, split):
                problems.append(
                    f"card: config {config.get('config_name')!r} has split name {split!r}, "
                    f"which does not match {SPLIT_NAME}"
                )
    return problems
