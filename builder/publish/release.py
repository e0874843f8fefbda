"""A release's publish: checked (a release folder, intact, newer than every published
version), its commit message from its changelog entry, its tag ``vX.Y.Z``, on ``main``.

The remote's ``main`` is always the newest published release: each version is one commit on
top of the previous one, so ``git log`` on the remote reads as the changelog, and a tag per
version lets ``load_dataset(…, revision="vX.Y.Z")`` pin it.
"""

from __future__ import annotations

from pathlib import Path

from builder.cards.changelog import render_entry
from builder.cards.description import config_rows
from builder.cards.manifest import read_manifest
from builder.check.verify import verify_release
from builder.errors import PublishFailed
from builder.formats.layout import MANIFEST
from builder.publish.git import Git, require_git
from builder.publish.push import Plan, Pushed, push
from builder.publish.remote import check_in_order, check_url, published_versions, tag_of
from builder.publish.tree import generated_files, tree_files

#: The branch that always holds the newest published release.
MAIN = "main"


def release_message(manifest: dict[str, object]) -> str:
    """The commit and tag message: a subject line, then the release's changelog entry."""
    configs = manifest["configs"]
    assert isinstance(configs, dict)
    rows = {name: config_rows(config) for name, config in configs.items()}
    version, date = str(manifest["version"]), str(manifest["date_released"])
    changes = manifest.get("changes")
    entry = render_entry(version, date, rows, changes if isinstance(changes, dict) else None)
    return f"callcorpus {version}\n\n{entry}"


def plan_release(release_dir: Path, url: str, token_env: str | None) -> Plan:
    """What publishing ``release_dir`` to ``url`` would push; refused (nothing pushed) when the
    folder is not an intact release or the remote holds this version or a newer one."""
    require_git(lfs=True)
    remote = check_url(url)
    if not (release_dir / MANIFEST).is_file():
        raise PublishFailed(f"{release_dir}: not a release folder (no {MANIFEST})")
    problems = verify_release(release_dir)
    if problems:
        raise PublishFailed(
            f"{release_dir}: does not verify ({len(problems)} problem(s), first: {problems[0]}); "
            "run `callcorpus verify` for all"
        )
    manifest = read_manifest(release_dir)
    version = str(manifest["version"])
    check_in_order(version, published_versions(Git(release_dir, token_env), remote))
    generated = generated_files(lfs=True, site=False)
    return Plan(
        source=release_dir,
        url=remote,
        branch=MAIN,
        tag=tag_of(version),
        message=release_message(manifest),
        date=f"{manifest['date_released']}T00:00:00Z",
        lfs=True,
        files=tuple(tree_files(release_dir, True, generated)),
        generated=generated,
    )


def publish_release(release_dir: Path, url: str, *, token_env: str | None = None) -> Pushed:
    """Publish one release: its commit on ``main`` and its tag, pushed atomically."""
    return push(plan_release(release_dir, url, token_env), token_env)
