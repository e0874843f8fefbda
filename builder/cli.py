"""The ``callcorpus`` command: a thin layer that calls the library and turns errors into lines."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from builder import CORPUS_VERSION, __version__
from builder.errors import BuildFailed, CallcorpusError, ValidationFailed


def _fail(exc: CallcorpusError) -> None:
    """Print an error as one line per problem on stderr and exit 1."""
    if isinstance(exc, BuildFailed):
        click.echo(f"error: build failed, no release written ({len(exc.errors)} error(s)):", err=True)
        for line in exc.errors:
            click.echo(f"error: {line}", err=True)
    elif isinstance(exc, ValidationFailed):
        for line in exc.problems:
            click.echo(f"error: {line}", err=True)
    else:
        click.echo(f"error: {exc}", err=True)
    sys.exit(1)


#: ``--raw``, shared by the commands that read raw transcripts and their manifest.
raw_option = click.option(
    "--raw",
    "raw_dir",
    type=click.Path(path_type=Path),
    default=Path("raw"),
    show_default=True,
    help="Folder of raw transcripts (*.txt); its manifest.toml applies to the files inside it.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="callcorpus")
def cli() -> None:
    """Build and check the callcorpus bilingual earnings-call corpus.

    Example:

        callcorpus build && callcorpus validate dist/1.0.0
    """


@cli.command()
@raw_option
@click.option(
    "--dist",
    "dist_dir",
    type=click.Path(path_type=Path),
    default=Path("dist"),
    show_default=True,
    help="Folder that receives the release.",
)
@click.option(
    "--version",
    "version",
    default=CORPUS_VERSION,
    show_default=True,
    help="Corpus version X.Y.Z; the release goes to DIST/X.Y.Z/.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per CPU core).",
)
def build(raw_dir: Path, dist_dir: Path, version: str, jobs: int | None) -> None:
    """Build a release from raw transcripts: Parquet, JSONL, Arrow and the dataset card.

    Every record is validated before anything is written, and the release folder appears
    only when the whole build succeeded. An existing release is never overwritten.

    Example:

        callcorpus build --raw raw --dist dist --version 1.0.0
    """
    from builder.release import build_release, discover_sources

    started = time.perf_counter()
    try:
        total = len(discover_sources(raw_dir))
        with click.progressbar(length=total, label="building", file=sys.stderr) as bar:
            summary = build_release(raw_dir, dist_dir, version, jobs, progress=bar.update)
    except CallcorpusError as exc:
        _fail(exc)
    except OSError as exc:  # e.g. a dist folder that cannot be written
        _fail(CallcorpusError(f"{exc.filename or dist_dir}: {exc.strerror or exc}"))
    elapsed = time.perf_counter() - started
    rows = summary.num_rows
    verb = "unchanged (identical bytes)" if summary.unchanged else "built"
    click.echo(
        f"{verb} {summary.path}: {summary.num_transcripts} transcripts, {summary.num_turns} "
        f"speaker turns, {rows['segments']} segments "
        f"({summary.raw_bytes / 1e6:.2f} MB raw in {elapsed:.1f} s)"
    )
    flags = ", ".join(f"{code} {n}" for code, n in summary.flags.items()) or "none"
    click.echo(f"warnings by kind: {flags}")
    for name, reason in summary.excluded.items():
        click.echo(f"excluded by manifest: {name} ({reason})")


@cli.command()
@click.argument("release", type=click.Path(path_type=Path, exists=True, file_okay=False))
def validate(release: Path) -> None:
    """Re-check a release: schema of every row, counts against the card, formats agreeing.

    Exits 1 and lists every problem when the release is not sound.

    Example:

        callcorpus validate dist/1.0.0
    """
    from builder.release_check import check_release

    problems = check_release(release)
    if problems:
        _fail(ValidationFailed(str(release), problems))
    click.echo(f"{release}: valid")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@raw_option
def check(files: tuple[Path, ...], raw_dir: Path) -> None:
    """Parse raw transcripts without building: layout, metadata, turns, roles and flags.

    Use it on new raw files before adding them to raw/. Files inside the raw folder get the
    overrides of its manifest.toml, and every row is validated, as in a build. Exits 1 if any
    file cannot be read or would fail the build's validation.

    Example:

        callcorpus check raw/stem-2024-q4.txt
    """
    from builder.manifest import load_manifest
    from builder.release import discover_sources
    from builder.rows import transcript_row
    from builder.schema import config_names
    from builder.sentence_rows import aligned_rows
    from builder.sources import read_source
    from builder.structure import build_transcript
    from builder.validate import RowValidator

    try:
        manifest = load_manifest(raw_dir, discover_sources(raw_dir)) if raw_dir.is_dir() else None
    except CallcorpusError as exc:
        _fail(exc)
    failed = False
    for path in files:
        name = _relative_name(path, raw_dir)
        overrides = manifest.overrides(name) if manifest and name else None
        try:
            transcript = build_transcript(read_source(path), overrides)
        except CallcorpusError as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
            continue
        validators = {config: RowValidator(config) for config in config_names()}
        for segment, sentences in aligned_rows(transcript):
            validators["segments"].check(segment)
            for sentence in sentences:
                validators["sentences"].check(sentence)
        row = transcript_row(transcript)
        _describe(path, row)
        validators["transcripts"].check(row)
        for problem in (p for v in validators.values() for p in v.problems):
            click.echo(f"error: {path}: {problem}", err=True)
            failed = True
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("release", type=click.Path(path_type=Path, exists=True, file_okay=False))
def quality(release: Path) -> None:
    """Print a release's translation-quality report (its quality.json).

    Flag counts by config, alignment types, score distribution, rates per call and every
    number_mismatch hit with its evidence.

    Example:

        callcorpus quality dist/1.0.0
    """
    from builder.quality import format_report, read_report

    try:
        report = read_report(release)
    except CallcorpusError as exc:
        _fail(exc)
    click.echo(format_report(report))


def _relative_name(path: Path, raw_dir: Path) -> str | None:
    """The file's manifest key when it lies inside the raw folder, else None."""
    try:
        return path.resolve().relative_to(raw_dir.resolve()).as_posix()
    except ValueError:
        return None


def _describe(path: Path, row: dict) -> None:
    """Print what ``check`` found in one file."""
    period = f"{row['fiscal_year']} Q{row['fiscal_quarter']}" if row["fiscal_year"] else "period unknown"
    click.echo(
        f"{path}: {row['transcript_id']} ({row['source_layout']} layout), "
        f"{row['company'] or 'company unknown'}, {period}"
    )
    click.echo(
        f"  {row['num_turns']} turns, {row['num_segments']} segments, {row['num_exchanges']} "
        f"Q&A exchanges, Q&A from segment {row['qa_start_segment']}"
    )
    for person in row["participants"]:
        affiliation = f", {person['affiliation']}" if person["affiliation"] else ""
        click.echo(f"  {person['role']:<11} {person['name']}{affiliation}")
    click.echo(
        f"  flags: {', '.join(row['flags']) or 'none'}; flagged segments: {row['num_flagged_segments']}"
    )


def main() -> None:
    """Console-script entry point."""
    cli()
