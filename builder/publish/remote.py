"""The remote a release goes to: its address checked, the versions it already holds read.

A remote is any git host that takes pushes with Git LFS: a Hugging Face dataset repository
(``https://huggingface.co/datasets/ORG/NAME``), GitHub, GitLab, or a bare repository on this
machine (``file:///path`` or a plain path). Published versions are its tags ``vX.Y.Z``.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from builder.errors import PublishFailed, PublishRefused
from builder.publish.git import Git
from builder.release.versions import is_version, parse_version

#: The schemes git pushes over.
SCHEMES = ("https", "http", "ssh", "git", "file")
#: ``user@host:path``, git's scp-like form of an ssh address.
_SCP = re.compile(r"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+$")
#: A tag that names a version.
TAG_PREFIX = "v"


def check_url(url: str) -> str:
    """The remote's address as git takes it; a ``PublishFailed`` for what is not one, or for an
    address that carries a password (credentials come from git's helpers or the environment)."""
    if _SCP.match(url):
        return url
    if "://" not in url:
        path = Path(url)
        if path.is_dir():
            return path.resolve().as_uri()
        raise PublishFailed(f"{url}: not a remote address (https://…, ssh://…, user@host:path, file://…)")
    parts = urlsplit(url)
    if (
        parts.scheme not in SCHEMES
        or not (parts.netloc or parts.scheme == "file")
        or not parts.path.strip("/")
    ):
        raise PublishFailed(f"{parts.scheme}://…: not a remote address git can push to")
    if parts.password is not None:
        raise PublishFailed(
            "the remote address holds a password: give credentials through git or --token-env"
        )
    if parts.scheme == "file" and not Path(parts.path).is_dir():
        raise PublishFailed(f"{url}: no repository at this path")
    return url


def tag_of(version: str) -> str:
    """A version's tag: ``v1.0.0``."""
    return f"{TAG_PREFIX}{version}"


def published_versions(git: Git, url: str) -> list[str]:
    """The versions the remote has tags for, oldest first."""
    tags = git.run("ls-remote", "--tags", "--refs", url)
    names = [line.split("refs/tags/", 1)[1] for line in tags.splitlines() if "refs/tags/" in line]
    versions = [n.removeprefix(TAG_PREFIX) for n in names if n.startswith(TAG_PREFIX)]
    return sorted((v for v in versions if is_version(v)), key=parse_version)


def branch_head(git: Git, url: str, branch: str) -> str | None:
    """The commit the remote's ``branch`` points to, or None when it has none."""
    out = git.run("ls-remote", "--heads", url, f"refs/heads/{branch}")
    return out.split()[0] if out.strip() else None


def check_in_order(version: str, published: list[str]) -> None:
    """Refuse a version at or below the newest one the remote holds."""
    if published and parse_version(version) <= parse_version(published[-1]):
        raise PublishRefused(
            f"{version}: the remote already holds {tag_of(published[-1])}; versions go out in order "
            "and a published version never changes (nothing pushed)"
        )
