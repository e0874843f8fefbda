"""Compressed release files: the codec and level of each, chosen by the file's last extension.

``.zst`` is one zstd frame (``zstandard``, streamed), ``.gz`` one gzip member without a file
name or time stamp (``mtime=0``), anything else plain. The levels are fixed, so the same rows
give the same bytes; they are recorded in the build signature. Arrow IPC files compress their
buffers inside the format (``ARROW_CODEC``) and keep the plain ``.arrow`` extension.
"""

from __future__ import annotations

import gzip
import io
import zlib
from importlib import metadata
from pathlib import Path
from typing import IO, BinaryIO, cast

import zstandard

#: zstd level of the JSON Lines copies and of the Arrow IPC buffers.
ZSTD_LEVEL = 6
#: gzip level of the machine-translation exports (what Moses tools and translate-toolkit read).
GZIP_LEVEL = 6
#: Buffer codec of the Arrow IPC files (pyarrow's bundled zstd).
ARROW_CODEC = ("zstd", ZSTD_LEVEL)


def open_write(path: Path) -> IO[bytes]:
    """A binary file that writes ``path`` compressed as its extension says (or plain)."""
    raw = path.open("wb")
    if path.suffix == ".zst":
        compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
        return compressor.stream_writer(raw, closefd=True)  # type: ignore[return-value]
    if path.suffix == ".gz":
        return cast(IO[bytes], _GzipFile(raw))
    return raw


def open_read(path: Path) -> IO[bytes]:
    """A binary file that reads ``path`` decompressed as its extension says (or plain), by lines."""
    if path.suffix == ".zst":
        reader = zstandard.ZstdDecompressor().stream_reader(path.open("rb"), read_across_frames=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


class _GzipFile(gzip.GzipFile):
    """A gzip member with no file name and no time stamp; closes the file it writes to."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__(filename="", mode="wb", compresslevel=GZIP_LEVEL, fileobj=raw, mtime=0)
        self._raw = raw

    def close(self) -> None:
        """Finish the member and close the underlying file."""
        super().close()
        self._raw.close()


def compression_signature() -> str:
    """What decides the compressed bytes, for the build signature: codecs, levels, libraries."""
    codec, level = ARROW_CODEC
    return (
        f"jsonl:zstd-{ZSTD_LEVEL},arrow:ipc-file+{codec}-{level},exports:gzip-{GZIP_LEVEL}"
        f"|zstandard:{metadata.version('zstandard')},libzstd:{'.'.join(map(str, zstandard.ZSTD_VERSION))}"
        f",zlib:{zlib.ZLIB_RUNTIME_VERSION}"
    )
