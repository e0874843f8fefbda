"""The ``callcorpus`` command: a thin layer that calls the library and turns errors into lines."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from builder import __version__
from builder.errors import BuildFailed, CallcorpusError, ValidationFailed

if TYPE_CHECKING:
    from builder.release import BuildSummary


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


#: ``--dist``, shared by the commands that write or read the releases folder.
dist_option = click.option(
    "--dist",
    "dist_dir",
    type=click.Path(path_type=Path),
    default=Path("dist"),
    show_default=True,
    help="Folder of releases (one X.Y.Z/ folder each).",
)

#: ``--jobs``, shared by the commands that build.
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per CPU core).",
)

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
@dist_option
@click.option(
    "--version",
    "version",
    default=None,
    help="Corpus version X.Y.Z to (re)build; default: the newest release in DIST, else 1.0.0.",
)
@jobs_option
def build(raw_dir: Path, dist_dir: Path, version: str | None, jobs: int | None) -> None:
    """Build (or rebuild) a release from raw transcripts: Parquet, JSONL, Arrow, card, manifest.

    Every record is validated before anything is written, and the release folder appears
    only when the whole build succeeded. An existing release is never overwritten: rebuilding
    it succeeds only with identical bytes. To cut a new version, use ``callcorpus release``.

    Example:

        callcorpus build --raw raw --dist dist --version 1.0.0
    """
    from builder.release import FIRST_VERSION
    from builder.versions import list_releases

    releases = list_releases(dist_dir)
    summary = _build(raw_dir, dist_dir, version or (releases[-1] if releases else FIRST_VERSION), jobs)
    _report(summary)


def _build(raw_dir: Path, dist_dir: Path, version: str | None, jobs: int | None) -> BuildSummary:
    """Run a build with a progress bar; errors become one-line messages and exit 1."""
    from builder.release import build_release, discover_sources

    try:
        total = len(discover_sources(raw_dir))
        with click.progressbar(length=total, label="building", file=sys.stderr) as bar:
            return build_release(raw_dir, dist_dir, version, jobs, progress=bar.update)
    except CallcorpusError as exc:
        _fail(exc)
    except OSError as exc:  # e.g. a dist folder that cannot be written
        _fail(CallcorpusError(f"{exc.filename or dist_dir}: {exc.strerror or exc}"))
    raise AssertionError("unreachable")


def _report(summary: BuildSummary) -> None:
    """The closing lines of a build."""
    rows = summary.num_rows
    verb = "unchanged (identical bytes)" if summary.unchanged else "built"
    click.echo(
        f"{verb} {summary.path}: {summary.num_transcripts} transcripts, {summary.num_turns} "
        f"speaker turns, {rows['segments']} segments ({summary.raw_bytes / 1e6:.2f} MB raw)"
    )
    flags = ", ".join(f"{code} {n}" for code, n in summary.flags.items()) or "none"
    click.echo(f"warnings by kind: {flags}")
    for name, reason in summary.excluded.items():
        click.echo(f"excluded by manifest: {name} ({reason})")


@cli.command()
@raw_option
@dist_option
@click.option(
    "--version",
    "version",
    default=None,
    help="Version X.Y.Z to cut; default: the one the changes since the newest release require.",
)
@jobs_option
def release(raw_dir: Path, dist_dir: Path, version: str | None, jobs: int | None) -> None:
    """Cut the next release from raw/: diff against the newest one, check the version, write it.

    Without ``--version`` the version is proposed from the changes (major: a field or
    transcript removed or retyped; minor: transcripts, fields or configs added; patch:
    corrections). A version that understates the changes is refused. The root
    ``CHANGELOG.md``, ``CITATION.cff`` and ``.zenodo.json`` are then regenerated.
    Set ``SOURCE_DATE_EPOCH`` to fix the release date.

    Example:

        callcorpus release --version 1.1.0
    """
    from builder.publish import write_root_files
    from builder.versions import list_releases

    if version is not None and version in list_releases(dist_dir):
        _fail(CallcorpusError(f"{dist_dir / version} is already released; cut a new version"))
    summary = _build(raw_dir, dist_dir, version, jobs)
    _report(summary)
    changes = summary.changes
    if changes:
        click.echo(f"changes since {changes['previous_version']}: {changes['required_bump'] or 'none'}")
        for reason in changes["reasons"]:
            click.echo(f"  - {reason}")
    root = dist_dir.resolve().parent
    for name in write_root_files(root, dist_dir):
        click.echo(f"updated {root / name}")


@cli.command()
@click.argument("release_dir", metavar="RELEASE", type=click.Path(path_type=Path, file_okay=False))
def verify(release_dir: Path) -> None:
    """Check a release folder is intact: every file, size and SHA-256, row counts and columns.

    Needs neither ``datasets`` nor the network; names each file that is wrong and exits 1.

    Example:

        callcorpus verify dist/1.0.0
    """
    from builder.verify import verify_release

    if not release_dir.is_dir():
        _fail(CallcorpusError(f"{release_dir}: no such release folder"))
    problems = verify_release(release_dir)
    if problems:
        _fail(ValidationFailed(str(release_dir), problems))
    click.echo(f"{release_dir}: intact (every file matches manifest.json and SHA256SUMS)")


@cli.command()
@click.argument("old", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.argument("new", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the diff as JSON.")
def diff(old: Path, new: Path, as_json: bool) -> None:
    """What changed between two releases: schema, transcripts, rows, and the bump it needs.

    Example:

        callcorpus diff dist/1.0.0 dist/1.1.0 --json
    """
    import json

    from builder.diff import diff_releases

    try:
        result = diff_releases(old, new, old.name, new.name)
    except CallcorpusError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.render_text(), nl=False)


@cli.command()
@click.argument("release", type=click.Path(path_type=Path, exists=True, file_okay=False))
def validate(release: Path) -> None:
    """Re-check a release in depth: files and hashes, the card's YAML, every row, the formats.

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


@cli.command()
@dist_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("build/docs"),
    show_default=True,
    help="Output folder: generated sources go to OUT/src, the site to OUT/site.",
)
@click.option(
    "--config",
    "config",
    type=click.Path(path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="mkdocs configuration; hand-written pages are read from docs/ beside it.",
)
@click.option("--no-build", is_flag=True, help="Generate the sources only; skip mkdocs.")
def docs(dist_dir: Path, out_dir: Path, config: Path, no_build: bool) -> None:
    """Generate the documentation site from the release(s) and the schemas, then build it.

    Pages (home, data card, schema reference, statistics, one page per transcript, loading,
    CLI reference, releases) are generated into OUT/src beside the hand-written pages of
    docs/, and `mkdocs build --strict` writes the site to OUT/site (open OUT/site/index.html).

    Example:

        callcorpus build && callcorpus docs
    """
    from builder.docsgen.site import build as build_site
    from builder.docsgen.site import generate, release_epoch

    started = time.perf_counter()
    top = click.Context(
        cli, info_name="callcorpus", terminal_width=88, max_content_width=88, **cli.context_settings
    )
    helps = {"callcorpus": cli.get_help(top)}
    helps |= {
        f"callcorpus {n}": c.get_help(click.Context(c, info_name=n, parent=top))
        for n, c in cli.commands.items()
    }
    src, site = out_dir / "src", out_dir / "site"
    try:
        count = generate(dist_dir, src, config.parent / "docs", helps)
        if not no_build:
            build_site(config, src, site, release_epoch(dist_dir))
    except CallcorpusError as exc:
        _fail(exc)
    done = f"site in {site}/index.html" if not no_build else "sources only"
    click.echo(f"docs: {count} source files in {src}, {done} ({time.perf_counter() - started:.1f} s)")


def main() -> None:
    """Console-script entry point."""
    cli()
