"""Build a release: plan shards, run them on an executor, describe the result, move it in place.

Everything is written under ``DIST/.tmp-<version>-<pid>/`` and renamed to ``DIST/<version>/``
only after every file validated and the card was written: a failed build leaves no release
folder behind. An existing release is never overwritten: rebuilding it succeeds only when the
new bytes are identical, and fails otherwise.
"""

from __future__ import annotations

import filecmp
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from builder import __version__
from builder.build.cache import ShardCache
from builder.build.executor import Executor, ProcessExecutor, Tick
from builder.build.shard import STAGES, ShardJob, ShardResult, run_shard
from builder.build.signature import build_signature
from builder.build.tally import release_report
from builder.cards.bibtex import render_bibtex
from builder.cards.cff import render_cff
from builder.cards.changelog import render_entry
from builder.cards.croissant import render_croissant
from builder.cards.crosscheck import BIBTEX, CFF, CROISSANT, DATAPACKAGE, crosscheck
from builder.cards.datapackage import render_datapackage
from builder.cards.dataset_card import CardFacts, ConfigStats, render_card
from builder.cards.description import (
    FileEntry,
    ReleaseDescription,
    SkippedEntry,
    SourceEntry,
    describe,
)
from builder.cards.licensing import DATA_LICENSE
from builder.cards.manifest import read_manifest, release_date, write_manifest
from builder.cards.quality_report import report_bytes
from builder.errors import BuildFailed, CallcorpusError, RecordError, ReleaseExists, VersionUnderstated
from builder.formats.checksum import on_threads, sha256_or_none
from builder.formats.layout import (
    CARD,
    DATA_LICENSE_FILE,
    MANIFEST,
    QUALITY_REPORT,
    SCHEMA_FOLDER,
    shard_files,
)
from builder.formats.read import read_rows
from builder.release.diff import check_schema_version, diff_releases
from builder.release.doi_record import citation_for
from builder.release.numbering import number_within_splits, split_shard_counts
from builder.release.plan import basis_release, plan_shards, release_shards
from builder.release.records import (
    ReleaseRecord,
    is_repository,
    read_record,
    record_path,
    recorded_versions,
    write_record,
)
from builder.release.root_files import write_root_files
from builder.release.versions import (
    bump,
    check_bump,
    check_forward,
    list_releases,
    parse_version,
    previous_release,
)
from builder.release.workspace import workspace
from builder.schema.files import config_names, release_spec, schema_text, schema_version
from builder.sources.discover import list_raw
from builder.sources.discover import shown_path as shown
from builder.sources.manifest import MANIFEST_NAME, Manifest, load_manifest

#: Raw files per shard: fixed, so output files do not depend on the number of workers.
TRANSCRIPTS_PER_SHARD = 100
#: The version of the first release, when ``dist/`` has none yet.
FIRST_VERSION = "1.0.0"


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What a build produced, for the CLI's closing summary."""

    path: Path
    version: str
    num_transcripts: int
    num_turns: int
    num_rows: dict[str, int]
    raw_bytes: int
    flags: dict[str, int]
    excluded: dict[str, str]
    #: Entries of the raw folder that are not read: name → why.
    passed_over: dict[str, str]
    #: Raw files set aside by ``skip_bad``: name → reason.
    skipped: dict[str, str]
    unchanged: bool
    changes: dict[str, Any] | None
    #: Seconds per stage (read, structure, rows, validate, write), summed over every worker.
    stage_seconds: dict[str, float]
    num_shards: int
    #: Shards restored from the cache instead of being built.
    reused_shards: int


@dataclass(frozen=True, slots=True)
class BuildInputs:
    """The raw files a build reads (sorted, exclusions left out) and the manifest's entries."""

    raw_dir: Path
    names: list[str]
    manifest: Manifest
    excluded: dict[str, str]
    #: Entries of the raw folder that are not read, and why (``.TXT``, FIFOs, broken links…).
    passed_over: dict[str, str]
    #: SHA-256 of every raw file used (and of ``manifest.toml`` when there is one), by name;
    #: empty when the files are hashed as the shards read them (``read_inputs(hashed=False)``).
    sha256: dict[str, str | None]


def read_inputs(raw_dir: Path, hashed: bool = True) -> BuildInputs:
    """The raw transcripts of ``raw_dir`` that a build uses; an error when there is none.

    With ``hashed``, every file is hashed now (a shard cache keys on the hashes); else the
    shards hash what they read, and the build checks for copies once they are done."""
    listing = list_raw(raw_dir)
    names = listing.names
    manifest = load_manifest(raw_dir, names)
    excluded = {n: reason for n in names if (reason := manifest.excluded(n))}
    used = [n for n in names if n not in excluded]
    if not used:
        raise CallcorpusError(f"{raw_dir}: no raw transcripts (*.txt) to build")
    inputs = BuildInputs(raw_dir, used, manifest, excluded, listing.passed_over, {})
    if not hashed:
        return inputs
    # An unreadable file gets no hash here: its shard reports it ("cannot be read"), as for any bad file.
    names = _with_manifest(inputs)
    paths = [raw_dir / name for name in names]
    hashes = dict(zip(names, on_threads(sha256_or_none, paths), strict=True))
    _refuse_copies(inputs, hashes)
    return replace(inputs, sha256=hashes)


def _with_manifest(inputs: BuildInputs) -> list[str]:
    """The raw files a build uses, and ``manifest.toml`` when there is one."""
    has_manifest = (inputs.raw_dir / MANIFEST_NAME).is_file()
    return [*inputs.names, *([MANIFEST_NAME] if has_manifest else [])]


def _hashed_by_shards(inputs: BuildInputs, results: list[ShardResult]) -> BuildInputs:
    """``inputs`` with the hashes of the raw files as their shards read them (a file no shard
    read, the manifest, is hashed here); copies refused."""
    read = {name: digest for result in results for name, digest in result.raw_sha256.items()}
    hashes = {
        name: read[name] if name in read else sha256_or_none(inputs.raw_dir / name)
        for name in _with_manifest(inputs)
    }
    _refuse_copies(inputs, hashes)
    return replace(inputs, sha256=hashes)


def _refuse_copies(inputs: BuildInputs, hashes: dict[str, str | None]) -> None:
    """Refuse raw files with the same bytes as another: the same call would be built twice."""
    raw_dir = inputs.raw_dir
    first: dict[str, str] = {}
    errors = []
    for name in inputs.names:
        digest = hashes[name]
        if digest is None:
            continue
        if digest in first:
            errors.append(
                f"{shown(raw_dir, name)}: the same bytes as {shown(raw_dir, first[digest])} (a copy?): "
                f'remove one, or leave it out with `exclude = "reason"` in {raw_dir / MANIFEST_NAME}'
            )
        else:
            first[digest] = name
    if errors:
        raise BuildFailed(errors)


def check_dist(dist_dir: Path, new_corpus: bool) -> None:
    """Refuse a releases folder that does not exist unless a new corpus is asked for: a typo in
    ``--dist`` must not start a corpus of its own."""
    if not dist_dir.is_dir() and not new_corpus:
        raise CallcorpusError(
            f"{dist_dir}: no such releases folder (a typo? to start a new corpus there, add --new)"
        )


def default_version(dist_dir: Path) -> str:
    """The version ``callcorpus build`` rebuilds by default: the newest release, in ``dist_dir``
    or recorded in ``release-notes/`` (a reproduction with its folder removed), else the first."""
    known = sorted({*list_releases(dist_dir), *recorded_versions(dist_dir)}, key=parse_version)
    return known[-1] if known else FIRST_VERSION


def _same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def build_release(
    raw_dir: Path,
    dist_dir: Path,
    version: str | None = None,
    executor: Executor | None = None,
    progress: Tick | None = None,
    *,
    skip_bad: bool = False,
    cache: Path | None = None,
    dry_run: bool = False,
    notes: str | None = None,
) -> BuildSummary:
    """Build ``dist_dir/version`` from ``raw_dir``; raise ``BuildFailed`` with every error found.

    ``version=None`` proposes the version the changes since the newest release require. A
    given version is refused when it understates those changes (``VersionUnderstated``).
    The shards run on ``executor`` (default: a process per CPU core); ``progress`` is told
    of every raw file done. With ``skip_bad``, raw files that cannot be read or whose rows
    fail validation are set aside (recorded in ``manifest.json`` and the card) instead of
    failing the build. With a ``cache`` folder, shards whose inputs did not change since a
    build that used the same folder are restored from it instead of being built again.
    With ``dry_run`` everything is built and checked, the version chosen and the changes
    found, but nothing is kept: no release folder, no cache entry. ``notes`` (Markdown) explain
    the changes in the manifest and the changelog; a rebuild keeps the release's own.
    """
    if version is not None:
        parse_version(version)
        check_forward(dist_dir, version)
    inputs = read_inputs(raw_dir, hashed=cache is not None)
    citation_for(raw_dir, FIRST_VERSION)  # a malformed DOI record fails before any work
    with workspace(dist_dir, version) as tmp:
        executor = executor or ProcessExecutor(os.cpu_count() or 1)
        signature = build_signature(schema_version(), TRANSCRIPTS_PER_SHARD)
        shard_cache = ShardCache(cache, read_only=dry_run) if cache else None
        basis = basis_release(dist_dir, version)
        shards = plan_shards(inputs.names, TRANSCRIPTS_PER_SHARD, release_shards(basis) if basis else None)
        known_record = _known_record(dist_dir, version) if version else None
        remembered = frozenset(known_record.skipped if known_record else ())
        setting_aside = (skip_bad, remembered)
        run = _run_shards(inputs, shards, tmp, executor, progress, setting_aside, (shard_cache, signature))
        results, skipped, reused, inputs = run  # the inputs with every raw file's hash
        moves = number_within_splits(tmp, results)
        if shard_cache:
            shard_cache.renamed(moves)
        _copy_schemas(tmp / SCHEMA_FOLDER)  # the diff reads the new release's schemas
        notes = _notes(dist_dir, version, notes, known_record)
        asked = version
        version, changes = _choose_version(dist_dir, tmp, version, signature, notes)
        if asked is None and (known_record := _known_record(dist_dir, version)):
            notes = _notes(dist_dir, version, notes, known_record)  # a recorded version proposed
        changes = {**changes, "notes": notes} if changes and notes else changes
        date = known_record.date if known_record else release_date(None)
        known = _known_files(shard_cache)
        release = (version, date, signature)
        facts, files = _write_release_files(
            tmp, (inputs, shards), results, release, changes, (skipped, known)
        )
        unchanged = False if dry_run else _move_into_place(tmp, dist_dir / version)
    if not dry_run:
        record = ReleaseRecord(date, notes, tuple(entry.name for entry in skipped))
        write_record(dist_dir, version, record)
    if shard_cache and not dry_run:
        shard_cache.record_hashes({f.path: (f.size, f.sha256) for f in files})
        shard_cache.prune()
    return BuildSummary(
        path=dist_dir / version,
        version=version,
        num_transcripts=facts.num_transcripts,
        num_turns=facts.num_turns,
        num_rows={c: s.num_examples for c, s in facts.configs.items()},
        raw_bytes=sum(r.raw_bytes for r in results),
        flags=facts.flags,
        excluded=inputs.excluded,
        passed_over=inputs.passed_over,
        skipped={entry.name: entry.reason for entry in skipped},
        unchanged=unchanged,
        changes=changes,
        stage_seconds={stage: sum(r.seconds[stage] for r in results) for stage in STAGES},
        num_shards=len(results),
        reused_shards=reused,
    )


def _known_record(dist_dir: Path, version: str) -> ReleaseRecord | None:
    """What an existing or recorded release says about itself: its date, notes and the raw files
    set aside, from its ``manifest.json`` when the release is there, else from its record."""
    manifest = dist_dir / version / MANIFEST
    if not manifest.is_file():
        return read_record(dist_dir, version)
    data = read_manifest(manifest.parent)
    skipped = tuple(sorted(entry["name"] for entry in data.get("skipped", [])))
    return ReleaseRecord(str(data["date_released"]), (data.get("changes") or {}).get("notes"), skipped)


def _notes(dist_dir: Path, version: str | None, given: str | None, known: ReleaseRecord | None) -> str | None:
    """The release notes: those given, else (a rebuild) the release's own; given notes that
    differ from a release's recorded ones are refused."""
    given = given.strip() if given else None
    if known is None or not known.notes:
        return given
    if given is not None and given != known.notes.strip():
        where = record_path(dist_dir, str(version)) or dist_dir / str(version) / MANIFEST
        raise RecordError(
            f"{where}: release {version} already has other notes; "
            "a release's notes are part of its bytes: leave out --notes, or cut a new version"
        )
    return known.notes.strip()


def cut_release(
    raw_dir: Path, dist_dir: Path, version: str | None = None, **options: Any
) -> tuple[BuildSummary, list[Path]]:
    """Cut a new release (never an existing version), then regenerate the repository's root files.

    ``options`` are ``build_release``'s. Returns the build's summary and the root files whose
    content changed: none with ``dry_run`` (nor a release), and none when the releases folder
    does not lie at the root of a repository (``is_repository``)."""
    if version is not None and version in list_releases(dist_dir):
        raise CallcorpusError(f"{dist_dir / version} is already released; cut a new version")
    summary = build_release(raw_dir, dist_dir, version, **options)
    root = dist_dir.resolve().parent
    if options.get("dry_run") or not is_repository(root):
        return summary, []
    return summary, [root / name for name in write_root_files(root, dist_dir)]


def build_or_cut(
    raw_dir: Path, dist_dir: Path, version: str | None = None, **options: Any
) -> tuple[BuildSummary, list[Path]]:
    """What ``callcorpus build`` does: rebuild ``version`` (default: the newest release, in
    ``dist_dir`` or recorded) when its folder is there, else cut it as ``cut_release`` does, under
    the same rules (nothing changed: refused) and with the same root files and record.
    ``options`` are ``build_release``'s (executor, progress, skip_bad, cache)."""
    version = version or default_version(dist_dir)
    if version not in list_releases(dist_dir):
        return cut_release(raw_dir, dist_dir, version, **options)
    return build_release(raw_dir, dist_dir, version, **options), []


def _run_shards(
    inputs: BuildInputs,
    shards: list[tuple[str, ...]],
    out_dir: Path,
    executor: Executor,
    progress: Tick | None,
    setting_aside: tuple[bool, frozenset[str]],
    cached: tuple[ShardCache | None, str],
) -> tuple[list[ShardResult], tuple[SkippedEntry, ...], int, BuildInputs]:
    """Every shard's result in shard order, the files set aside, how many shards came from the
    cache (``cached``: the cache, if any, and the signature), and ``inputs`` with every raw
    file's hash (from the shards when they were not hashed before).

    ``setting_aside`` is ``skip_bad`` (set every bad file aside) and the files the release
    being rebuilt set aside (its own ``--skip-bad``), which may fail without failing the build.
    Raises ``BuildFailed`` for raw files that are copies of another, with every error of every
    other bad file (without ``skip_bad``), and always for transcript ids used twice."""
    skip_bad, remembered = setting_aside
    overrides = inputs.manifest.overrides
    raw_dir, out_dir = inputs.raw_dir.resolve(), out_dir.resolve()  # workers may run elsewhere
    jobs = [
        ShardJob(i, len(shards), raw_dir, out_dir, shard, {n: overrides(n) for n in shard})
        for i, shard in enumerate(shards)
    ]
    results, reused, with_errors = _run_or_restore(jobs, executor, progress, cached, inputs.sha256)
    inputs = inputs if inputs.sha256 else _hashed_by_shards(inputs, results)
    errors = [] if skip_bad else _file_errors(results, inputs.raw_dir, remembered)
    errors += _duplicate_ids(results, inputs.raw_dir)
    if errors:
        raise BuildFailed(errors)
    bad = {name: reason for r in results for name, reason in r.bad_files.items()}
    if len(bad) == len(inputs.names):
        raise BuildFailed(
            [f"{shown(inputs.raw_dir, name)}: {reason}" for name, reason in bad.items()]
            + ["every raw file was set aside"]
        )
    skipped = tuple(SkippedEntry(n, inputs.sha256.get(n), r) for n, r in sorted(bad.items()))
    with_errors()  # their bad files are set aside: kept, they are not processed again next time
    return results, skipped, reused, inputs


def _file_errors(results: list[ShardResult], raw_dir: Path, remembered: frozenset[str]) -> list[str]:
    """The errors of the bad raw files (but those in ``remembered``), each file named as every
    message names it (a shard's errors start with the file's name under the raw folder)."""
    errors = []
    for result in results:
        for error in result.errors:
            names = [n for n in result.bad_files if error.startswith((f"{n}:", f"{n},"))]
            name = max(names, key=len, default=None)
            if name is None:
                errors.append(error)
            elif name not in remembered:
                errors.append(shown(raw_dir, name) + error[len(name) :])
    return errors


def _run_or_restore(
    jobs: list[ShardJob],
    executor: Executor,
    progress: Tick | None,
    cached: tuple[ShardCache | None, str],
    raw_sha256: dict[str, str | None],
) -> tuple[list[ShardResult], int, Callable[[], None]]:
    """Each job's result in shard order, restored from the cache when it has one, else built on
    the executor (and then kept in the cache); how many were restored; and what keeps the
    shards with bad files in the cache, to be called once the build accepts them (a failed
    build keeps none of them: its next run reports their errors again)."""
    cache, signature = cached
    keys = {job.index: cache.key(job, signature, raw_sha256) for job in jobs} if cache else {}
    results, todo = [], []
    for job in jobs:
        hit = cache.restore(keys[job.index], job) if cache else None
        if hit is None:
            todo.append(job)
            continue
        results.append(hit)
        if progress:
            progress(len(job.names))
    reused = len(results)
    held: list[ShardResult] = []
    for result in executor.map(run_shard, todo, progress):
        if cache and not result.errors:
            cache.store(keys[result.index], jobs[result.index], result)
        held += [result] if result.errors else []
        results.append(result)

    def keep_held() -> None:
        for result in held:
            if cache:
                cache.store(keys[result.index], jobs[result.index], result)

    return sorted(results, key=lambda result: result.index), reused, keep_held


def _known_files(cache: ShardCache | None) -> tuple[FileEntry, ...]:
    """The restored files whose size and hash the cache recorded (not hashed again)."""
    return (
        tuple(FileEntry(path, size, digest) for path, (size, digest) in cache.known.items()) if cache else ()
    )


def _write_release_files(
    tmp: Path,
    planned: tuple[BuildInputs, list[tuple[str, ...]]],
    results: list[ShardResult],
    release: tuple[str, str, str],
    changes: dict[str, Any] | None,
    aside: tuple[tuple[SkippedEntry, ...], tuple[FileEntry, ...]],
) -> tuple[CardFacts, tuple[FileEntry, ...]]:
    """Beside the data and schemas: license, quality report, card, citation files, manifest.

    ``planned`` is the inputs and the shard plan; ``release`` the version, the release date and
    the build signature; ``aside`` the raw
    files set aside and the files whose size and hash are known already (from the cache).
    Returns the card's facts and every file of the release with its size and hash."""
    version, date, signature = release
    skipped, known = aside
    inputs, shards = planned
    (tmp / DATA_LICENSE_FILE).write_text(DATA_LICENSE, encoding="utf-8")
    quality = release_report([r.quality for r in results])
    (tmp / QUALITY_REPORT).write_bytes(report_bytes(quality))
    aside_names = [entry.name for entry in skipped]
    facts = replace(
        _facts(version, date, tmp, results, (changes, aside_names), quality), num_skipped=len(skipped)
    )
    describe_now = partial(
        describe,
        tmp,
        version=version,
        date_released=date,
        package_version=__version__,
        build_signature=signature,
        sources=_sources(inputs, {s.name for s in skipped}),
        skipped=skipped,
        shards=tuple(shards),
        citation=citation_for(inputs.raw_dir, version),
        parquet_rows={},  # the data files stay as they are: their rows are read once
    )
    data = describe_now(known=known)
    (tmp / CARD).write_text(render_card(facts, render_bibtex(data), data.citation), encoding="utf-8")
    with_card = describe_now(known=data.files)
    _write_metadata(tmp, with_card)
    final = describe_now(known=with_card.files)
    write_manifest(tmp, final, changes)
    return facts, final.files


def _sources(inputs: BuildInputs, skipped: set[str]) -> tuple[SourceEntry, ...]:
    """The raw inputs of the build: every transcript used (not set aside), and the manifest. (A file
    without a hash could not be read: it failed the build, or was set aside.)"""
    return tuple(
        SourceEntry(n, sha)
        for n, sha in sorted(inputs.sha256.items())
        if n not in skipped and sha is not None
    )


def _choose_version(
    dist_dir: Path, built: Path, asked: str | None, signature: str, notes: str | None
) -> tuple[str, dict[str, Any] | None]:
    """The release's version and its change record against the previous release.

    The previous release is the newest one older than ``asked`` (or the newest of all when no
    version was asked for). The changes decide the bump; an understated version is refused, and
    so is a new version when nothing changed and no ``notes`` say why it is cut.
    """
    previous = previous_release(dist_dir, asked) if asked else next(iter(list_releases(dist_dir)[-1:]), None)
    if previous is None:
        return asked or FIRST_VERSION, None
    diff = diff_releases(dist_dir / previous, built, previous, asked or "next")
    required, reasons = diff.required()
    problems = check_schema_version(diff)
    if problems:
        raise VersionUnderstated(problems[0])
    is_new = asked is None or not (dist_dir / asked).is_dir()
    if is_new and not notes and required is None:
        _refuse_if_nothing_changed(dist_dir, previous, signature)
    asked = asked or bump(previous, required or "patch")
    check_bump(previous, asked, required, reasons)
    return asked, {**diff.summary(), "previous_version": previous}


def _refuse_if_nothing_changed(dist_dir: Path, previous: str, signature: str) -> None:
    """Refuse a new release whose data and build settings are those of ``previous``."""
    if read_manifest(dist_dir / previous)["build_signature"] == signature:
        raise CallcorpusError(
            f"nothing changed in the data or the build settings since {previous}: no new release "
            f"is needed (if the card or metadata changed, `callcorpus build --version {previous}` "
            f"tells whether it still rebuilds to its bytes; if not, cut "
            f"`--version {bump(previous, 'patch')}` with --notes)"
        )


def _duplicate_ids(results: list[ShardResult], raw_dir: Path) -> list[str]:
    """Calls whose transcript ids are equal, or equal but for case (their documentation pages
    would collide on a case-insensitive file system)."""
    seen: dict[str, tuple[str, str]] = {}
    errors = []
    for result in results:
        for tid, name in result.transcript_ids:
            if (other := seen.get(tid.casefold())) is None:
                seen[tid.casefold()] = (tid, name)
                continue
            used = other[0] if other[0] == tid else f"{other[0]}, which differs only in case,"
            errors.append(
                f"{shown(raw_dir, name)}: transcript id {tid} is already used by {used} of "
                f"{shown(raw_dir, other[1])} (the same call twice? set ticker/fiscal period in "
                f"{raw_dir / MANIFEST_NAME})"
            )
    return errors


def _facts(
    version: str,
    date: str,
    root: Path,
    results: list[ShardResult],
    history: tuple[dict[str, Any] | None, list[str]],
    quality: dict[str, Any],
) -> CardFacts:
    """The card's facts; ``history`` is the change record and the raw files set aside."""
    changes, skipped = history
    split_shards = split_shard_counts(results)
    configs = {}
    for config in config_names():
        splits = {
            split: (
                sum(r.num_rows[split][config] for r in results if split in r.num_rows),
                sum(r.num_bytes[split][config] for r in results if split in r.num_bytes),
            )
            for split in split_shards
        }
        configs[config] = ConfigStats(
            num_examples=sum(rows for rows, _ in splits.values()),
            num_bytes=sum(size for _, size in splits.values()),
            download_size=sum(p.stat().st_size for p in shard_files(root, config)),
            splits=splits,
        )
    flags: Counter[str] = Counter()
    engines: Counter[str] = Counter()
    for result in results:
        flags.update(result.flags)
        engines.update(result.engines)
    rows = {config: stats.num_examples for config, stats in configs.items()}
    return CardFacts(
        version=version,
        date_released=date,
        changes=render_entry(version, date, rows, changes, skipped),
        configs=configs,
        num_transcripts=configs["transcripts"].num_examples,
        num_turns=sum(r.num_turns for r in results),
        num_shards=len(results),
        split_shards=split_shards,
        flags=dict(sorted(flags.items())),
        engines=dict(sorted(engines.items())),
        quality=quality,
        qa_example=next(read_rows(root, "qa"), None) if "qa" in configs else None,
    )


def _write_metadata(root: Path, description: ReleaseDescription) -> None:
    """Write the citation and metadata files, after reading each back against the description."""
    rendered = {
        CFF: render_cff(description),
        CROISSANT: render_croissant(description),
        DATAPACKAGE: render_datapackage(description),
        BIBTEX: render_bibtex(description),
    }
    problems = crosscheck(description, rendered)  # the description was just read off the files
    if problems:
        raise BuildFailed([f"release metadata: {problem}" for problem in problems])
    for name, text in rendered.items():
        (root / name).write_text(text, encoding="utf-8")


def _copy_schemas(folder: Path) -> None:
    """Put the JSON Schemas the release was built with beside its data, as ``schema/``."""
    folder.mkdir()
    spec = release_spec()
    for filename in ["release.json", *(c["schema"] for c in spec["configs"].values())]:
        (folder / filename).write_text(schema_text(filename), encoding="utf-8")


def _move_into_place(tmp: Path, final: Path) -> bool:
    """Rename the finished build into place; True when an identical release was already there."""
    if final.exists():
        if _same_tree(tmp, final):
            return True
        try:
            built_by = read_manifest(final)
        except CallcorpusError:
            built_by = {}
        hint = ""
        if built_by.get("package_version") not in (None, __version__):
            hint = (
                f" (it was built by callcorpus {built_by['package_version']}, schema "
                f"{built_by.get('schema_version')}; this is callcorpus {__version__}, schema "
                f"{schema_version()}: reproduce it with the version that built it)"
            )
        raise ReleaseExists(
            f"{final} already exists with different bytes{hint}; releases are immutable: build a new "
            "version (delete the folder first only if it was never published)"
        )
    os.replace(tmp, final)
    return False
