"""One commit on a remote's branch, pushed atomically: the route of a release and of the site.

A publish stages the folder in a temporary repository (its files linked, not copied), commits
the tree on top of the branch's current head (fetched shallow, LFS objects not downloaded) and
pushes the commit and its tag in one ``git push --atomic``: the remote takes both or neither, so
a failed push leaves it as it was and the same command can simply be run again. The Git LFS
pre-push hook uploads the data files' objects first; the refs move only after it succeeded.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from builder.errors import PublishFailed
from builder.publish.git import Git
from builder.publish.remote import branch_head
from builder.publish.tree import TreeFile, stage


@dataclass(frozen=True, slots=True)
class Plan:
    """What a publish would push: the remote, branch and tag, the commit's message and date,
    and the tree's files."""

    source: Path
    url: str
    branch: str
    tag: str | None
    message: str
    #: The commit's date (``YYYY-MM-DDTHH:MM:SSZ``); a release's is its release date, so the
    #: same release on the same parent gives the same commit.
    date: str | None
    lfs: bool
    files: tuple[TreeFile, ...]
    generated: dict[str, str]

    @property
    def size(self) -> int:
        """The tree's bytes."""
        return sum(f.size for f in self.files)


@dataclass(frozen=True, slots=True)
class Pushed:
    """A publish that happened: the commit now at the branch's head, or None when the branch
    already held this very tree (nothing pushed)."""

    plan: Plan
    commit: str | None


def push(plan: Plan, token_env: str | None) -> Pushed:
    """Commit the plan's tree on the remote branch and push it (with its tag) atomically."""
    with tempfile.TemporaryDirectory(prefix="callcorpus-publish-") as tmp:
        work = Path(tmp)
        git = Git(
            work,
            token_env,
            {"GIT_AUTHOR_DATE": plan.date, "GIT_COMMITTER_DATE": plan.date} if plan.date else {},
        )
        git.run("init", "-q")
        if plan.lfs:
            git.run("lfs", "install", "--local", "--skip-smudge")
        stage(plan.source, work, list(plan.files), plan.generated)
        git.run("add", "--all", "--force", ".")
        tree = git.run("write-tree").strip()
        parent = _fetch_parent(git, plan)
        if parent and git.run("rev-parse", f"{parent}^{{tree}}").strip() == tree:
            return Pushed(plan, None)
        commit = git.run("commit-tree", tree, *(["-p", parent] if parent else []), stdin=plan.message).strip()
        refs = [f"{commit}:refs/heads/{plan.branch}"]
        if plan.tag:
            git.run("tag", "-a", plan.tag, "-F", "-", commit, stdin=plan.message)
            refs.append(f"refs/tags/{plan.tag}")
        git.run("push", "--atomic", "--porcelain", plan.url, *refs)
        return Pushed(plan, commit)


def _fetch_parent(git: Git, plan: Plan) -> str | None:
    """The branch's current head on the remote, fetched (one commit deep), or None."""
    head = branch_head(git, plan.url, plan.branch)
    if head is None:
        return None
    git.run("fetch", "-q", "--depth=1", "--no-tags", plan.url, f"refs/heads/{plan.branch}")
    fetched = git.run("rev-parse", "FETCH_HEAD").strip()
    if fetched != head:
        raise PublishFailed(f"the remote's {plan.branch} moved while publishing; run the command again")
    return fetched
