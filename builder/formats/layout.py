"""The release layout, defined once: folders, splits, shard file names, metadata file names.

Every module that writes or reads a release asks this one for paths. A release holds each
config in three formats with the same shards (``data/`` is what the card's configs name;
``jsonl/`` and ``arrow/`` hold compressed copies with identical rows), the gzipped
machine-translation exports of the ``sentences`` config under ``mt/``, and metadata files at
its top. A file's last extension names its compression (``.zst``: zstd, ``.gz``: gzip); releases
before schema 2.0.0 wrote the same files uncompressed, and are still read (``EARLIER_EXTENSIONS``).
Shard files are named as the Hub expects, ``<split>-NNNNN-of-NNNNN``, numbered within their
split; a split without calls has no files. The Hub's repository limits (files per folder, files
in all) are checked against this layout for a number of shards by ``within_hub_limits``.
"""

from __future__ import annotations

import re
from pathlib import Path

from builder.rows.splits import SPLITS

#: Format name → (folder in the release, file extension). Parquet first: the card names it.
FORMATS: dict[str, tuple[str, str]] = {
    "parquet": ("data", "parquet"),
    "jsonl": ("jsonl", "jsonl.zst"),
    "arrow": ("arrow", "arrow"),
}
#: The folder of the machine-translation exports of the ``sentences`` config.
EXPORT_FOLDER = "mt"
#: Export kind → the extensions of its files per shard (the first names the shard's path).
EXPORTS: dict[str, tuple[str, ...]] = {"moses": ("en.gz", "zh.gz", "ids.gz"), "tmx": ("tmx.gz",)}
#: Extension → the one releases before schema 2.0.0 used for the same file (uncompressed).
EARLIER_EXTENSIONS: dict[str, str] = {
    "jsonl.zst": "jsonl",
    **{extension: extension.removesuffix(".gz") for kind in EXPORTS.values() for extension in kind},
}
#: The config the exports are made from.
EXPORTED_CONFIG = "sentences"

#: The Hugging Face Hub's repository limits: files in one folder, files in all.
HUB_MAX_FILES_PER_FOLDER = 10_000
HUB_MAX_FILES = 100_000
#: Room left for a release's metadata and schema files (it holds about twenty).
METADATA_ALLOWANCE = 100

CARD = "README.md"
MANIFEST = "manifest.json"
CHECKSUMS = "SHA256SUMS"
QUALITY_REPORT = "quality.json"
DATA_LICENSE_FILE = "LICENSE-DATA.md"
SCHEMA_FOLDER = "schema"


def shard_stem(split: str, shard: int, num_shards: int) -> str:
    """A shard's file name without extension, e.g. ``train-00000-of-00001``."""
    return f"{split}-{shard:05d}-of-{num_shards:05d}"


def stem_of(path: Path) -> str:
    """A shard file's name without its extensions (``train-00000-of-00001.jsonl.zst`` → the stem)."""
    return path.name.split(".", 1)[0]


def shard_path(config: str, fmt: str, split: str, shard: int, num_shards: int) -> str:
    """Relative path of one shard file, e.g. ``data/segments/train-00000-of-00001.parquet``."""
    folder, extension = FORMATS[fmt]
    return f"{folder}/{config}/{shard_stem(split, shard, num_shards)}.{extension}"


def export_path(kind: str, split: str, shard: int, num_shards: int) -> str:
    """Relative path of one shard's export, e.g. ``mt/train-00000-of-00001.tmx.gz`` (Moses: the
    ``.en.gz`` file; its ``.zh.gz`` and ``.ids.gz`` lie beside it)."""
    return f"{EXPORT_FOLDER}/{shard_stem(split, shard, num_shards)}.{EXPORTS[kind][0]}"


def data_files_pattern(config: str, split: str) -> str:
    """The pattern the card names a split's Parquet files by: ``data/<config>/<split>-*.parquet``."""
    folder, extension = FORMATS["parquet"]
    return f"{folder}/{config}/{split}-*.{extension}"


_STEM = re.compile(r"^(?P<split>\w+)-(?P<shard>\d{5})-of-(?P<num>\d{5})(?P<rest>\..+)$")


def split_of_file(name: str) -> str | None:
    """The split a shard file belongs to, from its name; None for other files."""
    match = _STEM.match(Path(name).name)
    return match["split"] if match else None


def renamed_in_split(name: str, shard: int, num_shards: int) -> str:
    """A shard file's path with its number and count replaced (its split and extension kept)."""
    path = Path(name)
    match = _STEM.match(path.name)
    if match is None:
        raise ValueError(f"{name}: not a shard file name")
    stem = shard_stem(match["split"], shard, num_shards)
    return str(path.with_name(f"{stem}{match['rest']}"))


def config_folder(release: Path, config: str, fmt: str = "parquet") -> Path:
    """The folder of one config in one format inside a release folder."""
    return release / FORMATS[fmt][0] / config


def split_order(path: str | Path) -> tuple[int, str]:
    """How shard files sort: split by split (``train`` first), then by name (shard order)."""
    name = Path(path).name
    split = split_of_file(name)
    return (list(SPLITS).index(split) if split in SPLITS else len(SPLITS), name)


def _split_files(folder: Path, extension: str, split: str | None = None) -> list[Path]:
    """The shard files with an extension in a folder, split by split (``train`` first), in
    shard order (only ``split``'s when one is given); those of a release written before the
    extension was (its ``EARLIER_EXTENSIONS`` entry) when there are none."""
    pattern = f"{split or '*'}-[0-9][0-9][0-9][0-9][0-9]-of-[0-9][0-9][0-9][0-9][0-9]"
    found = sorted(folder.glob(f"{pattern}.{extension}"), key=split_order)
    earlier = EARLIER_EXTENSIONS.get(extension)
    return found if found or earlier is None else sorted(folder.glob(f"{pattern}.{earlier}"), key=split_order)


def shard_files(release: Path, config: str, fmt: str = "parquet", split: str | None = None) -> list[Path]:
    """A config's shard files in one format, split by split, in shard order."""
    return _split_files(config_folder(release, config, fmt), FORMATS[fmt][1], split)


def export_files(release: Path, extension: str) -> list[Path]:
    """The export files with one extension (``en.gz``, ``zh.gz``, ``ids.gz``, ``tmx.gz``), split
    by split, in shard order."""
    return _split_files(release / EXPORT_FOLDER, extension)


def shard_outputs(configs: list[str], splits: list[str], shard: int, num_shards: int) -> list[str]:
    """Every file one shard writes for the splits it has calls in: each config in each format,
    and the exports' files."""
    paths = []
    for split in splits:
        paths += [shard_path(config, fmt, split, shard, num_shards) for config in configs for fmt in FORMATS]
        stem = f"{EXPORT_FOLDER}/{shard_stem(split, shard, num_shards)}"
        paths += [f"{stem}.{extension}" for extensions in EXPORTS.values() for extension in extensions]
    return paths


def folder_file_counts(configs: list[str], num_shards: int) -> dict[str, int]:
    """Files per folder of a release of ``num_shards`` shards, each with calls in every split
    (the most a release of that many shards holds); metadata and schemas left out (a few dozen)."""
    counts: dict[str, int] = {}
    for shard in range(num_shards):
        for path in shard_outputs(configs, list(SPLITS), shard, num_shards):
            folder = path.rsplit("/", 1)[0]
            counts[folder] = counts.get(folder, 0) + 1
    return counts


def within_hub_limits(configs: list[str], num_shards: int) -> bool:
    """Whether a release of ``num_shards`` shards keeps the Hub's limits: at most
    ``HUB_MAX_FILES_PER_FOLDER`` in any folder, under ``HUB_MAX_FILES`` in all. With shards of
    100 calls, 500 shards (50,000 calls) hold at most 1,500 files in a config's folder and
    6,000 in ``mt/``; ``mt/`` reaches the per-folder limit at 834 shards (about 83,000 calls)."""
    counts = folder_file_counts(configs, num_shards)
    return (
        max(counts.values()) <= HUB_MAX_FILES_PER_FOLDER
        and sum(counts.values()) + METADATA_ALLOWANCE < HUB_MAX_FILES
    )
