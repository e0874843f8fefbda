"""The documentation site's publish: the built site (``callcorpus docs``' ``OUT/site``) as one
commit on a branch such as ``gh-pages``, on top of the branch's previous site, pushed as a
release is (atomically, credentials from git or the environment). No LFS and no tag: the site
is served from the branch as plain files. A site identical to the branch's is not pushed again.
"""

from __future__ import annotations

from pathlib import Path

from builder.errors import PublishFailed
from builder.publish.git import require_git
from builder.publish.push import Plan, Pushed, push
from builder.publish.remote import check_url
from builder.publish.tree import generated_files, tree_files

#: The branch GitHub Pages (and most hosts' pages) serve by default.
PAGES_BRANCH = "gh-pages"


def plan_site(site_dir: Path, url: str, branch: str = PAGES_BRANCH) -> Plan:
    """What publishing the site in ``site_dir`` to ``url``'s ``branch`` would push."""
    require_git(lfs=False)
    remote = check_url(url)
    if not (site_dir / "index.html").is_file():
        raise PublishFailed(f"{site_dir}: not a built site (no index.html; run `callcorpus docs`)")
    generated = generated_files(lfs=False, site=True)
    files = tuple(tree_files(site_dir, False, generated))
    message = f"Documentation site ({len(files)} files), published by callcorpus publish --docs\n"
    return Plan(site_dir, remote, branch, None, message, None, False, files, generated)


def publish_site(
    site_dir: Path, url: str, *, branch: str = PAGES_BRANCH, token_env: str | None = None
) -> Pushed:
    """Publish the site: one commit on ``branch``, pushed atomically (none when unchanged)."""
    return push(plan_site(site_dir, url, branch), token_env)
