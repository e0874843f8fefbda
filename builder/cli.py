"""The ``callcorpus`` command: parses options, calls one library function, prints.

Library errors become one-line messages and exit code 1 in one place (``CallcorpusGroup``),
in the manner of sqlite-utils; options shared by several commands come from the factories
below. The library never imports this module.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from builder import __version__
from builder.errors import BuildFailed, CallcorpusError, ValidationFailed

#: The cache's default folder, beside the releases folder (git-ignored).
CACHE_FOLDER = ".callcorpus-cache"

if TYPE_CHECKING:
    from builder.build.executor import Executor
    from builder.check.raw import CheckSummary
    from builder.publish.push import Plan
    from builder.release.build import BuildSummary


#: Characters a terminal would act on instead of showing: C0 and C1 controls (ESC, BEL, CR,
#: newline…), DEL, and the bidirectional overrides and isolates that reorder what follows.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text with every control character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: repr(m.group())[1:-1] if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


def say(text: str, err: bool = False) -> None:
    """Print one line, its data shown literally (file names and transcript text may hold controls)."""
    click.echo(visible(text), err=err)


def say_block(text: str) -> None:
    """Print a block of lines as written, each line's data shown literally."""
    click.echo("\n".join(visible(line) for line in text.split("\n")), nl=False)


def _problem_lines(exc: CallcorpusError) -> list[str]:
    """An error as the lines the user sees, one per problem."""
    if isinstance(exc, BuildFailed):
        return [f"build failed, no release written ({len(exc.errors)} error(s)):", *exc.errors]
    if isinstance(exc, ValidationFailed):
        return exc.problems
    return [str(exc)]


def fail(exc: CallcorpusError) -> NoReturn:
    """Print an error as one line per problem on stderr and exit 1."""
    for line in _problem_lines(exc):
        say(f"error: {line}", err=True)
    sys.exit(1)


#: The exit code of a usage error (an unknown option, a bad value), as click and argparse use.
USAGE_EXIT = 2
#: The exit codes of a build stopped by Ctrl-C (SIGINT) or SIGTERM: 128 + the signal's number.
INTERRUPTED_EXIT = 128 + signal.SIGINT
TERMINATED_EXIT = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program runs, so that it cleans up as after Ctrl-C."""


def _raise_terminated(signum: int, frame: object) -> NoReturn:
    raise Terminated


class CallcorpusGroup(click.Group):
    """A click group that turns the library's errors (and the system's) into one-line messages."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the CLI; a usage error is one ``error:`` line and exit code 2, not click's three."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            outcome = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "callcorpus"
            say(f"error: {exc.format_message()} (see `{where} --help`)", err=True)
            sys.exit(USAGE_EXIT)
        except click.ClickException as exc:
            say(f"error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:  # Ctrl-C before the command ran (while the options were read)
            say("error: interrupted (Ctrl-C)", err=True)
            sys.exit(INTERRUPTED_EXIT)
        sys.exit(outcome if isinstance(outcome, int) else 0)  # ``--help`` and ``--version`` return 0

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Refuse ``--version`` before a command: it is the package's, and would shadow the
        command's own ``--version`` (the corpus version) by printing and doing nothing."""
        before_command = args[: next((i for i, a in enumerate(args) if a in self.commands), len(args))]
        if "--version" in before_command and len(args) > 1:
            raise click.UsageError(
                "--version before a command prints the package's version and runs nothing; give a "
                "corpus version after the command (callcorpus build --version X.Y.Z), or "
                "`callcorpus --version` alone",
                ctx,
            )
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a user's mistake ends in ``error: …`` lines and exit code 1, Ctrl-C in
        one line and exit code 130, SIGTERM as Ctrl-C (everything cleaned up) and 143."""
        in_main = threading.current_thread() is threading.main_thread()  # where handlers can be set
        previous = signal.signal(signal.SIGTERM, _raise_terminated) if in_main else None
        try:
            return super().invoke(ctx)
        except CallcorpusError as exc:
            fail(exc)
        except OSError as exc:  # e.g. a folder that cannot be written, a full disk
            fail(CallcorpusError(f"{exc.filename or 'callcorpus'}: {exc.strerror or exc}"))
        except Terminated:
            say("error: terminated (SIGTERM); stopped and cleaned up", err=True)
            sys.exit(TERMINATED_EXIT)
        except KeyboardInterrupt:
            say("error: interrupted (Ctrl-C); stopped and cleaned up", err=True)
            sys.exit(INTERRUPTED_EXIT)
        finally:
            if in_main:
                signal.signal(signal.SIGTERM, previous)


def dist_option(help: str = "Folder of releases (one X.Y.Z/ folder each).") -> Callable[..., Any]:
    """``--dist``, for the commands that write or read the releases folder."""
    return click.option(
        "--dist",
        "dist_dir",
        type=click.Path(path_type=Path),
        default=Path("dist"),
        show_default=True,
        help=help,
    )


def raw_option() -> Callable[..., Any]:
    """``--raw``, for the commands that read raw transcripts and their manifest."""
    return click.option(
        "--raw",
        "raw_dir",
        type=click.Path(path_type=Path),
        default=Path("raw"),
        show_default=True,
        help="Folder of raw transcripts (*.txt); its manifest.toml applies to the files inside it.",
    )


def jobs_option() -> Callable[..., Any]:
    """``--jobs``, for the commands that build: how many local worker processes."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: one per CPU core).",
    )


def version_option(help: str) -> Callable[..., Any]:
    """``--version`` of a corpus release (not of the package: that is ``callcorpus --version``)."""
    return click.option("--version", "version", default=None, help=help)


def scheduler_option() -> Callable[..., Any]:
    """``--scheduler``, for the commands that build: run the shards on a dask.distributed cluster."""
    return click.option(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        default=None,
        help="Run the shards on this dask.distributed scheduler's workers instead of local processes "
        "(needs the `dask` extra; every worker must see --raw and --dist at the same paths).",
    )


def skip_bad_option() -> Callable[..., Any]:
    """``--skip-bad``, for the commands that build: set bad raw files aside instead of failing."""
    return click.option(
        "--skip-bad",
        is_flag=True,
        help="Build without the raw files that cannot be read or are refused, recording each "
        "(path, SHA-256, reason) in manifest.json and the card. Default: such files fail the build.",
    )


def cache_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--cache DIR`` and ``--no-cache``, for the commands that build."""
    function = click.option(
        "--no-cache", is_flag=True, help="Build every shard anew, neither reading nor filling the cache."
    )(function)
    return click.option(
        "--cache",
        "cache_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Folder of built shards reused when their inputs are unchanged "
        f"[default: {CACHE_FOLDER} beside DIST].",
    )(function)


def build_options(version_help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options of the commands that build (``build``, ``release``), read by ``BuildArgs``."""
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        raw_option(),
        dist_option(),
        version_option(version_help),
        jobs_option(),
        scheduler_option(),
        skip_bad_option(),
        cache_options,
        click.option(
            "--new", "new_corpus", is_flag=True, help="Create DIST: the first release of a new corpus."
        ),
    ]

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


@dataclass(frozen=True, slots=True)
class BuildArgs:
    """What the options of ``build_options`` say, and the executor and cache they choose."""

    raw_dir: Path
    dist_dir: Path
    version: str | None
    jobs: int | None
    scheduler: str | None
    skip_bad: bool
    cache_dir: Path | None
    no_cache: bool
    new_corpus: bool

    def cache(self) -> Path | None:
        """The shard cache: none with ``--no-cache``, else ``--cache`` or its default beside DIST."""
        return None if self.no_cache else self.cache_dir or self.dist_dir.resolve().parent / CACHE_FOLDER

    def executor(self) -> Executor:
        """The cluster's workers with ``--scheduler``, else ``--jobs`` local processes."""
        if self.scheduler:
            if self.jobs:
                raise click.UsageError(
                    "--jobs and --scheduler exclude each other: the cluster's workers run the shards"
                )
            from builder.build.dask_executor import DaskExecutor

            return DaskExecutor(self.scheduler)
        return _local_executor(self.jobs)


def _local_executor(jobs: int | None) -> Executor:
    from builder.build.executor import ProcessExecutor

    return ProcessExecutor(jobs or os.cpu_count() or 1)


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar over ``total`` raw files, advanced file by file, with files/s and ETA.

    Shown on a terminal only: in a log or a pipe it would be one stray label line."""
    if not sys.stderr.isatty():
        yield lambda files: None
        return
    started = time.monotonic()
    with click.progressbar(
        length=total, label=label, file=sys.stderr, show_pos=True, item_show_func=lambda rate: rate
    ) as bar:

        def advance(files: int) -> None:
            rate = (bar.pos + files) / max(time.monotonic() - started, 1e-9)
            bar.update(files, f"{rate:.1f} files/s")

        yield advance


def _file_progress(raw_dir: Path) -> AbstractContextManager[Callable[[int], None]]:
    """The progress bar of a build of ``raw_dir`` (a missing folder is an error before it shows)."""
    from builder.sources.discover import discover_sources

    return _progress(len(discover_sources(raw_dir)), "building")


@click.group(cls=CallcorpusGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="callcorpus",
    help="Show the package's version and exit (alone: a corpus version goes after a command).",
)
def cli() -> None:
    """Build and check the callcorpus bilingual earnings-call corpus.

    Example:

        callcorpus build && callcorpus validate dist/1.0.0
    """


@cli.command()
@build_options("Corpus version X.Y.Z to (re)build; default: the newest release in DIST, else 1.0.0.")
def build(**options: Any) -> None:
    """Build (or rebuild) a release from raw transcripts: Parquet, JSONL, Arrow, card, manifest.

    Every record is validated before anything is written, and the release folder appears
    only when the whole build succeeded. An existing release is never overwritten: rebuilding
    it succeeds only with identical bytes. The default version is the newest release, in DIST
    or recorded in release-notes/ (a reproduction with its folder removed). A version that is
    not in DIST is cut as `callcorpus release` cuts it, under the same rules (refused when
    nothing changed), with the same root files and release record.

    Example:

        callcorpus build --raw raw --dist dist --version 1.0.0
    """
    from builder.release.build import build_or_cut, check_dist

    args = BuildArgs(**options)
    check_dist(args.dist_dir, args.new_corpus)
    with _file_progress(args.raw_dir) as progress:
        summary, updated = build_or_cut(
            args.raw_dir,
            args.dist_dir,
            args.version,
            executor=args.executor(),
            progress=progress,
            skip_bad=args.skip_bad,
            cache=args.cache(),
        )
    _report(summary, args.raw_dir)
    _report_cut(summary, updated, args.dist_dir)


def shown(raw_dir: Path, name: str) -> str:
    """A raw file as every message names it (``builder.sources.discover.shown_path``)."""
    from builder.sources.discover import shown_path

    return shown_path(raw_dir, name)


def _report(summary: BuildSummary, raw_dir: Path, dry_run: bool = False) -> None:
    """The closing lines of a build (raw files named under ``raw_dir``, as every message names them)."""
    rows = summary.num_rows
    verb = "unchanged (identical bytes)" if summary.unchanged else "built"
    verb = "would cut (dry run: nothing written)" if dry_run else verb
    say(
        f"{verb} {summary.path}: {summary.num_transcripts} transcripts, {summary.num_turns} "
        f"speaker turns, {rows['segments']} segments ({summary.raw_bytes / 1e6:.2f} MB raw)"
    )
    flags = ", ".join(f"{code} {n}" for code, n in summary.flags.items()) or "none"
    say(f"warnings by kind: {flags}")
    if summary.reused_shards:
        say(f"reused {summary.reused_shards} of {summary.num_shards} shard(s) from the cache")
    stages = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in summary.stage_seconds.items())
    say(f"time by stage (summed over workers): {stages}")
    for name, reason in summary.excluded.items():
        say(f"excluded by manifest: {shown(raw_dir, name)} ({reason})")
    for name, reason in summary.passed_over.items():
        say(f"passed over: {shown(raw_dir, name)} ({reason})")
    for name, reason in summary.skipped.items():
        say(f"set aside: {shown(raw_dir, name)}: {reason}")


#: The longest release notes accepted (they are copied into the manifest and the changelog).
MAX_NOTES = 20_000


def _read_notes(path: Path) -> str:
    """Release notes: UTF-8 Markdown, not empty, at most ``MAX_NOTES`` characters."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except UnicodeDecodeError:
        raise click.BadParameter(f"{visible(str(path))}: is not UTF-8", param_hint="--notes") from None
    if not text or len(text) > MAX_NOTES:
        raise click.BadParameter(
            f"{visible(str(path))}: release notes must hold 1 to {MAX_NOTES:,} characters",
            param_hint="--notes",
        )
    return text


@cli.command()
@build_options("Version X.Y.Z to cut; default: the one the changes since the newest release require.")
@click.option(
    "--dry-run", is_flag=True, help="Build and diff, print the version and the changes; keep nothing."
)
@click.option(
    "--notes",
    "notes_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Markdown file explaining the changes, kept in the manifest and the changelog entry.",
)
def release(dry_run: bool, notes_file: Path | None, **options: Any) -> None:
    """Cut the next release from raw/: diff against the newest one, check the version, write it.

    Without --version the version is proposed from the changes (major: a field or
    transcript removed or retyped; minor: transcripts, fields or configs added; patch:
    corrections). A version that understates the changes, or skips versions, is refused, and
    so is a new release when nothing changed (unless --notes say why). The root CHANGELOG.md,
    CITATION.cff and .zenodo.json are then regenerated, and the release's date, notes and
    files set aside are recorded in release-notes/X.Y.Z.md (beside DIST, in a repository),
    from which a rebuild elsewhere gives the same bytes. Set SOURCE_DATE_EPOCH to fix the release date.
    --dry-run shows the version and the changes and keeps nothing.

    Example:

        callcorpus release --dry-run && callcorpus release
    """
    from builder.release.build import check_dist, cut_release

    args = BuildArgs(**options)
    check_dist(args.dist_dir, args.new_corpus)
    notes = _read_notes(notes_file) if notes_file else None
    with _file_progress(args.raw_dir) as progress:
        summary, updated = cut_release(
            args.raw_dir,
            args.dist_dir,
            args.version,
            executor=args.executor(),
            progress=progress,
            skip_bad=args.skip_bad,
            cache=args.cache(),
            dry_run=dry_run,
            notes=notes,
        )
    _report(summary, args.raw_dir, dry_run)
    _report_cut(summary, updated, args.dist_dir, dry_run)


def _report_cut(summary: BuildSummary, updated: list[Path], dist_dir: Path, dry_run: bool = False) -> None:
    """The closing lines of a new release: its changes and the files regenerated beside it."""
    from builder.release.records import is_repository

    changes = summary.changes
    if summary.unchanged:  # a rebuild of an existing release
        return
    if changes:
        say(f"changes since {changes['previous_version']}: {changes['required_bump'] or 'none'}")
        for reason in changes["reasons"]:
            say(f"  - {reason}")
    for path in updated:
        say(f"updated {path}")
    root = dist_dir.resolve().parent
    if not dry_run and not is_repository(root):
        say(f"root files and release record not written: {root} is not a repository's root (no .git)")


@cli.command()
@click.argument("release_dir", metavar="RELEASE", type=click.Path(path_type=Path, file_okay=False))
def verify(release_dir: Path) -> None:
    """Check a release folder is intact: every file, size and SHA-256, row counts and columns.

    Every file is checked against manifest.json and SHA256SUMS, and each data file against
    croissant.json too. Needs neither `datasets` nor the network; names each file that is
    wrong and exits 1.

    Example:

        callcorpus verify dist/1.0.0
    """
    from builder.check.verify import verify_release

    if not release_dir.is_dir():
        raise CallcorpusError(f"{release_dir}: no such release folder")
    problems = verify_release(release_dir)
    if problems:
        raise ValidationFailed(str(release_dir), problems)
    say(f"{release_dir}: intact (every file matches manifest.json and SHA256SUMS)")


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

    from builder.release.diff import diff_releases

    result = diff_releases(old, new, old.name, new.name)
    if as_json:
        say_block(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        say_block(result.render_text())


@cli.command()
@click.argument("release", type=click.Path(path_type=Path, exists=True, file_okay=False))
def validate(release: Path) -> None:
    """Re-check a release in depth: files and hashes, the card's YAML, every row, the formats.

    Exits 1 and lists every problem when the release is not sound.

    Example:

        callcorpus validate dist/1.0.0
    """
    from builder.check.validate import check_release

    problems = check_release(release)
    if problems:
        raise ValidationFailed(str(release), problems)
    say(f"{release}: valid")


@cli.command()
@click.argument("inputs", metavar="FILE|FOLDER|GLOB...", nargs=-1, required=True)
@raw_option()
@dist_option("Folder of releases; ids already in its newest release are reported.")
@jobs_option()
def check(inputs: tuple[str, ...], raw_dir: Path, dist_dir: Path, jobs: int | None) -> None:
    """Parse raw transcripts without building: layout, metadata, turns, roles and flags.

    Use it on new raw files before adding them to raw/: files, folders (every *.txt inside)
    and glob patterns, checked in parallel. Files inside the raw folder get the overrides of
    its manifest.toml, and every row is validated, as in a build. Ends with a summary:
    layouts, flags by kind, transcript ids used twice in the batch (or equal but for case)
    or already released, files with the same bytes. Exits 1 if any file cannot be read,
    would fail the build's validation, shares its transcript id with another file of the
    batch or has the same bytes as another: what a build refuses. A --dist or --raw given
    that does not exist is refused (a typo).

    Example:

        callcorpus check raw/stem-2024-q4.txt 'incoming/**/*.txt'
    """
    from builder.check.raw import check_files, expand_inputs, summarize
    from builder.release.build import check_dist

    given = click.get_current_context().get_parameter_source
    if given("dist_dir") is not click.core.ParameterSource.DEFAULT:
        check_dist(dist_dir, new_corpus=False)  # a typo must not pass as "nothing released yet"
    if given("raw_dir") is not click.core.ParameterSource.DEFAULT and not raw_dir.is_dir():
        raise CallcorpusError(f"{raw_dir}: raw folder not found (a typo?)")
    files, passed_over = expand_inputs(list(inputs))
    for path, reason in passed_over.items():
        say(f"passed over: {path} ({reason})")
    with _progress(len(files), "checking") as progress:
        results = check_files(files, raw_dir, _local_executor(jobs), progress)
    for result in results:
        if result.row is not None:
            _describe(result.path, result.row, result.sections)
        for problem in result.problems:
            say(f"error: {problem}", err=True)
    summary = summarize(results, dist_dir)
    _report_check(summary)
    if summary.failed or summary.duplicate_ids or summary.copies:  # a build would refuse each
        sys.exit(1)


def _report_check(summary: CheckSummary) -> None:
    """The closing lines of ``check``."""
    layouts = ", ".join(f"{name} {n}" for name, n in sorted(summary.layouts.items())) or "none"
    flags = ", ".join(f"{code} {n}" for code, n in sorted(summary.flags.items())) or "none"
    say(f"checked {summary.files} file(s): {summary.failed} failed; layouts: {layouts}")
    say(f"flags by kind: {flags}")
    for tid, paths in summary.duplicate_ids.items():
        say(f"transcript id {tid} used twice in this batch (or but for case): {', '.join(paths)}")
    for paths in summary.copies.values():
        say(f"the same bytes (copies: a build refuses them): {', '.join(paths)}")
    for path, where in summary.released_ids.items():
        say(f"{path}: transcript id {where} already released")


def _describe(path: Path, row: dict[str, Any], sections: dict[str, int]) -> None:
    """Print what ``check`` found in one file."""
    period = f"{row['fiscal_year']} Q{row['fiscal_quarter']}" if row["fiscal_year"] else "period unknown"
    say(
        f"{path}: {row['transcript_id']} ({row['source_layout']} layout), "
        f"{row['company'] or 'company unknown'}, {period}"
    )
    say(
        f"  {row['num_turns']} turns, {row['num_segments']} segments, {row['num_exchanges']} "
        f"Q&A exchanges, Q&A from segment {row['qa_start_segment']}"
    )
    say("  segments by section: " + ", ".join(f"{name} {count}" for name, count in sections.items()))
    for person in row["participants"]:
        affiliation = f", {person['affiliation']}" if person["affiliation"] else ""
        alias = f" (introduced as {person['introduced_as']})" if person["introduced_as"] else ""
        stand_in = f" (on behalf of {person['on_behalf_of']})" if person["on_behalf_of"] else ""
        say(f"  {person['role']:<11} {person['name']}{affiliation}{alias}{stand_in}")
    for exchange in row["exchanges"]:
        said = exchange["introduced_as"] or "no introduction"
        if exchange["introduced_affiliation"]:
            said += f" at {exchange['introduced_affiliation']}"
        line = f", line {exchange['introduction_line']}" if exchange["introduction_line"] else ""
        again = ", follow-up" if exchange["follow_up"] else ""
        say(
            f"  exchange {exchange['exchange']}: {exchange['questioner'] or 'no questioner'} "
            f"({said}{line}{again}), turns {exchange['first_turn']}-{exchange['last_turn']}"
        )
    say(f"  flags: {', '.join(row['flags']) or 'none'}; flagged segments: {row['num_flagged_segments']}")


@cli.command()
@click.argument("release", type=click.Path(path_type=Path, exists=True, file_okay=False))
def quality(release: Path) -> None:
    """Print a release's translation-quality report (its quality.json).

    Flag counts by config, alignment types, score distribution, rates per call and every
    number_mismatch hit with its evidence.

    Example:

        callcorpus quality dist/1.0.0
    """
    from builder.cards.quality_report import format_report, read_report

    say_block(format_report(read_report(release)) + "\n")


def _command_helps() -> dict[str, str]:
    """Every command's ``--help`` text, for the documentation's CLI reference."""
    top = click.Context(
        cli, info_name="callcorpus", terminal_width=88, max_content_width=88, **cli.context_settings
    )
    helps = {"callcorpus": cli.get_help(top)}
    helps |= {
        f"callcorpus {n}": c.get_help(click.Context(c, info_name=n, parent=top))
        for n, c in cli.commands.items()
    }
    return helps


@cli.command()
@dist_option()
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
@click.option(
    "--site-url",
    "site_url",
    metavar="URL",
    help="Address the site will be served from (e.g. https://example.org/callcorpus/): pages get "
    "canonical links and sitemap.xml lists every page. Without it there is no sitemap.",
)
@click.option("--no-build", is_flag=True, help="Generate the sources only; skip mkdocs.")
def docs(dist_dir: Path, out_dir: Path, config: Path, site_url: str | None, no_build: bool) -> None:
    """Generate the documentation site from the release(s) and the schemas, then build it.

    Pages (home, data card, schema reference, statistics, the transcripts list, loading, CLI
    reference, releases) are generated into OUT/src beside the hand-written pages of docs/,
    and `mkdocs build --strict` writes them to OUT/site; then every call's page is written
    there as HTML (transcripts/<transcript_id>.html) and Pagefind indexes the site for the
    search box (serve OUT/site over HTTP to search). The release is read one call at a time.
    Building the site needs the `docs` extra (pip install -e '.[docs]').

    Example:

        callcorpus build && callcorpus docs
    """
    from builder.docsgen import sitemap
    from builder.docsgen.site import build_docs

    started = time.perf_counter()
    url = None if site_url is None else sitemap.site_url(site_url)
    src, site = out_dir / "src", out_dir / "site"
    count = build_docs(dist_dir, src, None if no_build else site, config, _command_helps(), url)
    done = f"site in {site}/index.html" if not no_build else "sources only"
    say(f"docs: {count} source files in {src}, {done} ({time.perf_counter() - started:.1f} s)")


@cli.command()
@click.argument("folder", metavar="RELEASE|SITE", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--to", "url", metavar="URL", required=True, help="The git remote (https://…, ssh://…, file://…)."
)
@click.option("--docs", "is_site", is_flag=True, help="FOLDER is the built site: push it to --branch.")
@click.option("--branch", default="gh-pages", show_default=True, help="The site's branch (with --docs).")
@click.option(
    "--token-env",
    metavar="NAME",
    default="HF_TOKEN",
    show_default=True,
    help="Environment variable holding a token, passed to git by a credential helper (never written).",
)
@click.option("--dry-run", is_flag=True, help="Show the files, sizes, branch and tag; push nothing.")
def publish(folder: Path, url: str, is_site: bool, branch: str, token_env: str, dry_run: bool) -> None:
    """Push a release to a git remote with Git LFS (the Hugging Face Hub or any git host), or the site.

    The remote's tree is the release folder as the Hub reads it (the card at the root, data/ and
    the other formats beside), data files through Git LFS; one commit per version on main, its
    message the changelog entry, tagged vX.Y.Z, commit and tag pushed atomically. A version at or
    below the newest one the remote holds is refused, and a release that does not verify. With
    --docs, the folder is the built site (build/docs/site) and goes to --branch as one commit.
    Credentials: git's credential helpers, or a token in the environment variable --token-env.
    --dry-run reads the remote's tags and pushes nothing.

    Example:

    \b
        callcorpus publish dist/2.0.1 --to https://huggingface.co/datasets/ORG/NAME
    """
    from builder.publish.release import plan_release
    from builder.publish.site import plan_site

    plan = plan_site(folder, url, branch) if is_site else plan_release(folder, url, token_env)
    if dry_run:
        _show_plan(plan)
        say("dry run: nothing pushed")
        return
    from builder.publish.push import push

    pushed = push(plan, token_env)
    target = f"{plan.branch}" + (f" and tag {plan.tag}" if plan.tag else "")
    if pushed.commit is None:
        say(f"{folder}: {plan.branch} already holds this tree; nothing pushed")
    else:
        pushed_what = f"{len(plan.files)} files ({plan.size:,} bytes)"
        say(f"{folder}: pushed {pushed_what} as {pushed.commit[:12]} to {target}")


def _show_plan(plan: Plan) -> None:
    """A publish's plan: every file with size and storage, then the totals, branch and tag."""
    for entry in plan.files:
        say(f"  {entry.size:>14,}  {'lfs ' if entry.lfs else 'git '} {entry.path}")
    lfs = sum(f.size for f in plan.files if f.lfs)
    say(f"{len(plan.files)} files, {plan.size:,} bytes ({lfs:,} through Git LFS)")
    say(f"branch {plan.branch}" + (f", tag {plan.tag}" if plan.tag else "") + f", remote {plan.url}")
    say(f"message: {plan.message.splitlines()[0]}")


def main() -> None:
    """Console-script entry point."""
    cli()
