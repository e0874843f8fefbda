"""The frame of the transcript pages: the site's own page, as mkdocs-material built it.

mkdocs builds ``transcripts/_shell.md``, a page whose title and article are placeholders; the
built HTML (header, search box, navigation, palette, the site's CSS and scripts, with links
relative to ``transcripts/``) is cut around its article, and every transcript page is written
into it. The transcript pages thus look and navigate like the rest of the site without going
through Markdown. With a site address, the frame's canonical link names each page's own file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from builder.cards.escape import html_text as esc
from builder.errors import CallcorpusError

#: The shell page, under the sources and (as ``.html``) under the site.
SHELL_PAGE = "transcripts/_shell"
TITLE_MARK = "CC-SHELL-TITLE"
BODY_MARK = '<div class="cc-shell-body"></div>'
#: The shell's file name where the frame names it (the canonical link), as quoted in the HTML.
_SHELL_REFERENCE = f'{SHELL_PAGE.rsplit("/", 1)[-1]}.html"'
_PAGE_MARK = "CC-SHELL-PAGE"


class ShellMissing(CallcorpusError):
    """The built site has no usable frame for the transcript pages."""


def shell_source() -> str:
    """The Markdown source of the shell page (``main.html`` writes its content as is)."""
    return f"---\ntitle: {TITLE_MARK}\ncc_shell: true\n---\n\n{BODY_MARK}\n"


@dataclass(frozen=True, slots=True)
class Shell:
    """The built page around its article: ``head`` + article + ``tail``."""

    head: str
    tail: str

    @classmethod
    def take(cls, site: Path) -> Shell:
        """Read the built shell page and remove it from the site."""
        path = site / f"{SHELL_PAGE}.html"
        if not path.is_file():
            raise ShellMissing(f"{path}: the built site has no shell page (is docs/overrides in use?)")
        text = path.read_text(encoding="utf-8")
        if text.count(BODY_MARK) != 1 or TITLE_MARK not in text.split(BODY_MARK)[0]:
            raise ShellMissing(
                f"{path}: the shell page lost its placeholders (check docs/overrides/main.html)"
            )
        head, tail = text.split(BODY_MARK)
        path.unlink()
        return cls(head.replace(_SHELL_REFERENCE, f'{_PAGE_MARK}"'), tail)

    def wrap(self, title: str, article: str, path: str) -> str:
        """A whole page at ``path`` (under the site): the frame with ``title`` (text) and
        ``article`` (HTML) in place, naming the page's own file where it named the shell's."""
        head = self.head.replace(TITLE_MARK, esc(title)).replace(_PAGE_MARK, quote(path.rsplit("/", 1)[-1]))
        return head + article + self.tail
