"""Named exceptions. The library raises them; only the CLI turns them into one-line messages.

Each pickles with its own arguments, so an error raised in a worker process (or on a cluster)
reaches the caller intact.
"""

from __future__ import annotations

#: The most characters of a value a message quotes.
EXCERPT_CHARS = 60


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A value as a message quotes it: its ``repr``, cut to ``limit`` characters of the value
    with its length told, so a one-line error stays one short line whatever it quotes."""
    if isinstance(value, str | bytes | list | tuple) and len(value) > limit:
        unit = "characters" if isinstance(value, str) else "bytes" if isinstance(value, bytes) else "items"
        return f"{value[:limit]!r}… ({len(value):,} {unit})"
    text = repr(value)
    return text if len(text) <= 2 * limit else f"{text[:limit]}… ({len(text):,} characters)"


class CallcorpusError(Exception):
    """Base class for every error a user can cause and fix."""


class SourceError(CallcorpusError):
    """A raw transcript cannot be read or paired: names the file and, where there is one, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, str, int | None]]:
        return (SourceError, (self.path, self.reason, self.line))


class ManifestError(CallcorpusError):
    """The raw manifest is malformed or names files that are not there."""


class ValidationFailed(CallcorpusError):
    """Records or a release failed validation; carries every problem found."""

    def __init__(self, subject: str, problems: list[str]) -> None:
        self.subject = subject
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{subject}: found {len(problems)} problem(s) during validation:\n{shown}{more}")

    def __reduce__(self) -> tuple[type[ValidationFailed], tuple[str, list[str]]]:
        return (ValidationFailed, (self.subject, self.problems))


class BuildFailed(CallcorpusError):
    """A build stopped before writing a release; carries every source error found."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        shown = "\n".join(f"  - {e}" for e in errors[:50])
        more = f"\n  … and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"build failed, no release written ({len(errors)} error(s)):\n{shown}{more}")

    def __reduce__(self) -> tuple[type[BuildFailed], tuple[list[str]]]:
        return (BuildFailed, (self.errors,))


class ReleaseExists(CallcorpusError):
    """The target release folder exists and holds different bytes."""


class VersionUnderstated(CallcorpusError):
    """The version asked for is lower than what the changes since the previous release require."""


class PublishFailed(CallcorpusError):
    """A release or site could not be published; the remote is left as it was."""


class PublishRefused(PublishFailed):
    """The remote already holds this version or a newer one; nothing was pushed."""


class DoiRecordError(CallcorpusError):
    """The DOI record (``raw/doi.toml``) is malformed: names the file and the entry."""


class RecordError(CallcorpusError):
    """A release record (``release-notes/<version>.md``) is malformed or disagrees with the release."""
