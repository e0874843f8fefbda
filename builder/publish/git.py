"""Running git (and Git LFS) for a publish: the one place that starts a git process.

Credentials are git's own: whatever credential helper the user configured answers git and
Git LFS as usual. A token in an environment variable (``--token-env``, e.g. ``HF_TOKEN``) is
handed over by a credential helper given to each git process through the environment
(``GIT_CONFIG_COUNT``): the helper is a shell line that names the variable, never its value, so
the token reaches no command line, no ``.git/config``, no file and no message. A git process
never prompts (``GIT_TERMINAL_PROMPT=0``): missing credentials fail the push instead of hanging.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from builder.errors import PublishFailed

#: The user name sent with a token from the environment (the Hugging Face Hub and GitHub
#: accept any user name when the password is a token).
TOKEN_USER = "callcorpus"
#: Who the published commits and tags are by (the committer is the tool, not a person's machine).
IDENTITY = ("callcorpus maintainers", "maintainers@callcorpus.invalid")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def credential_helper(variable: str) -> str:
    """A credential helper (git's ``!`` shell form) that answers ``get`` with the token in
    ``variable``, read when git asks, never written out."""
    if not _NAME.match(variable):
        raise PublishFailed(f"--token-env {variable!r}: not an environment variable name")
    return f'!f() {{ test "$1" = get && echo username={TOKEN_USER} && echo "password=${{{variable}}}"; }}; f'


@dataclass(frozen=True, slots=True)
class Git:
    """git in one repository (``cwd``), with the publish's environment."""

    cwd: Path
    token_env: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        """The environment of every git process: no prompt, no user config of identity needed,
        the token's credential helper when a token variable is set."""
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_LFS_SKIP_SMUDGE": "1", **self.extra_env}
        name, email = IDENTITY
        env |= {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email}
        env |= {"GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
        if self.token_env and os.environ.get(self.token_env):
            # An empty helper first resets the user's helpers, so the token is the one answer.
            config = [("credential.helper", ""), ("credential.helper", credential_helper(self.token_env))]
            env["GIT_CONFIG_COUNT"] = str(len(config))
            for index, (key, value) in enumerate(config):
                env[f"GIT_CONFIG_KEY_{index}"], env[f"GIT_CONFIG_VALUE_{index}"] = key, value
        return env

    def run(self, *args: str, stdin: str | None = None) -> str:
        """Run ``git ARGS`` and return its output; a ``PublishFailed`` with git's last line of
        complaint (the token, should git ever echo it, blanked) when it fails."""
        done = subprocess.run(
            ["git", *args], cwd=self.cwd, env=self.env(), input=stdin, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise PublishFailed(f"git {args[0]} failed: {self.hidden(last_line(done.stderr or done.stdout))}")
        return done.stdout

    def hidden(self, text: str) -> str:
        """``text`` with the token, if any, replaced by ``***``."""
        token = os.environ.get(self.token_env or "") if self.token_env else None
        return text.replace(token, "***") if token else text


def last_line(text: str) -> str:
    """The last non-empty line of git's output (its conclusion), or a placeholder."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(no message)"


def require_git(lfs: bool) -> None:
    """Refuse early, in one line, when git (or Git LFS, when ``lfs``) is not installed."""
    if shutil.which("git") is None:
        raise PublishFailed("git is not installed (Debian: apt-get install git)")
    if lfs and subprocess.run(["git", "lfs", "version"], capture_output=True).returncode != 0:
        raise PublishFailed("Git LFS is not installed (Debian: apt-get install git-lfs)")
