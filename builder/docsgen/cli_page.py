"""The CLI reference: each command's own ``--help``, as the CLI prints it."""

from __future__ import annotations

from builder.cards.escape import pre_block


def render(helps: dict[str, str]) -> str:
    """Markdown of the CLI reference; ``helps`` maps a command line to its help text."""
    out = [
        "# CLI reference\n",
        "Generated from the `--help` of each command. Errors are one line each (`error: …`), with exit "
        "code 1; a usage error (an unknown option, a bad value) with exit code 2; Ctrl-C with 130.\n",
    ]
    for command, text in helps.items():
        out.append(f"## `{command}`\n")
        out.append(pre_block(text.rstrip("\n") + "\n", "text"))
    return "\n".join(out)
