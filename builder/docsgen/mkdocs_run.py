"""``mkdocs build --strict`` on the generated sources, and the extra that building needs."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from builder.errors import CallcorpusError


class DocsBuildFailed(CallcorpusError):
    """mkdocs could not build the site (in strict mode, any warning)."""


#: Modules of the ``docs`` extra that building the site needs (Pagefind's binary included).
DOCS_EXTRA = ("mkdocs", "material", "pagefind_bin_extended", "numpy")


def require_docs_extra() -> None:
    """Raise ``DocsBuildFailed`` naming the extra to install when a module of it is missing."""
    missing = [name for name in DOCS_EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        names = ", ".join("pagefind[extended]" if m == "pagefind_bin_extended" else m for m in missing)
        raise DocsBuildFailed(
            f"building the site needs the `docs` extra ({names} not installed): "
            "pip install -e '.[docs]' in a clone, or use --no-build for the sources only"
        )


def build(config: Path, src: Path, site: Path, epoch: str = "0", url: str | None = None) -> None:
    """Run ``mkdocs build --strict`` on ``src`` into ``site`` with the settings of ``config``
    and, when given, ``url`` as its ``site_url`` (the pages' canonical links).

    Dates mkdocs writes come from ``SOURCE_DATE_EPOCH`` when set, else from ``epoch``.
    """
    require_docs_extra()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config.is_file():
        raise DocsBuildFailed(f"{config}: mkdocs configuration not found (run from the repository root)")
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = saved or epoch
    try:
        dirs = {"docs_dir": str(src.resolve()), "site_dir": str(site.resolve())}
        cfg = load_config(str(config), **dirs, strict=True, **({"site_url": url} if url else {}))
        mkdocs_build(cfg)
    except MkDocsException as exc:
        raise DocsBuildFailed(f"mkdocs build --strict failed: {exc}") from None
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
