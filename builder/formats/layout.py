"""The release layout, defined once: folders, the split, shard file names, metadata file names.

Every module that writes or reads a release asks this one for paths. A release holds each
config in three formats with the same shards (``data/`` is what the card's configs name;
``jsonl/`` and ``arrow/`` hold compressed copies with identical rows), the gzipped
machine-translation exports of the ``sentences`` config under ``mt/``, and metadata files at
its top. A file's last extension names its compression (``.zst``: zstd, ``.gz``: gzip); releases
before schema 2.0.0 wrote the same files uncompressed, and are still read (``EARLIER_EXTENSIONS``).
"""

from __future__ import annotations

from pathlib import Path

#: The one split of every config.
SPLIT = "train"
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

CARD = "README.md"
MANIFEST = "manifest.json"
CHECKSUMS = "SHA256SUMS"
QUALITY_REPORT = "quality.json"
DATA_LICENSE_FILE = "LICENSE-DATA.md"
SCHEMA_FOLDER = "schema"


def shard_stem(shard: int, num_shards: int) -> str:
    """A shard's file name without extension, e.g. ``train-00000-of-00001``."""
    return f"{SPLIT}-{shard:05d}-of-{num_shards:05d}"


def stem_of(path: Path) -> str:
    """A shard file's name without its extensions (``train-00000-of-00001.jsonl.zst`` → the stem)."""
    return path.name.split(".", 1)[0]


def shard_path(config: str, fmt: str, shard: int, num_shards: int) -> str:
    """Relative path of one shard file, e.g. ``data/segments/train-00000-of-00001.parquet``."""
    folder, extension = FORMATS[fmt]
    return f"{folder}/{config}/{shard_stem(shard, num_shards)}.{extension}"


def export_path(kind: str, shard: int, num_shards: int) -> str:
    """Relative path of one shard's export, e.g. ``mt/train-00000-of-00001.tmx.gz`` (Moses: the
    ``.en.gz`` file; its ``.zh.gz`` and ``.ids.gz`` lie beside it)."""
    return f"{EXPORT_FOLDER}/{shard_stem(shard, num_shards)}.{EXPORTS[kind][0]}"


def data_files_pattern(config: str) -> str:
    """The pattern the card's config names its Parquet files by: ``data/<config>/train-*.parquet``."""
    folder, extension = FORMATS["parquet"]
    return f"{folder}/{config}/{SPLIT}-*.{extension}"


def config_folder(release: Path, config: str, fmt: str = "parquet") -> Path:
    """The folder of one config in one format inside a release folder."""
    return release / FORMATS[fmt][0] / config


def _split_files(folder: Path, extension: str) -> list[Path]:
    """The split's files with an extension in a folder, in shard order; those of a release
    written before the extension was (its ``EARLIER_EXTENSIONS`` entry) when there are none."""
    found = sorted(folder.glob(f"{SPLIT}-*.{extension}"))
    earlier = EARLIER_EXTENSIONS.get(extension)
    return found if found or earlier is None else sorted(folder.glob(f"{SPLIT}-*.{earlier}"))


def shard_files(release: Path, config: str, fmt: str = "parquet") -> list[Path]:
    """A config's shard files in one format, in shard order."""
    return _split_files(config_folder(release, config, fmt), FORMATS[fmt][1])


def export_files(release: Path, extension: str) -> list[Path]:
    """The export files with one extension (``en.gz``, ``zh.gz``, ``ids.gz``, ``tmx.gz``), in
    shard order."""
    return _split_files(release / EXPORT_FOLDER, extension)


def shard_outputs(configs: list[str], shard: int, num_shards: int) -> list[str]:
    """Every file one shard writes: each config in each format, and the exports' files."""
    paths = [shard_path(config, fmt, shard, num_shards) for config in configs for fmt in FORMATS]
    stem = f"{EXPORT_FOLDER}/{shard_stem(shard, num_shards)}"
    return paths + [f"{stem}.{extension}" for extensions in EXPORTS.values() for extension in extensions]
