"""The data card page: the release's dataset card (``README.md``) without its Hub YAML."""

from __future__ import annotations

from builder.docsgen.releases import Release


def render(release: Release) -> str:
    """Markdown of the data card page; the card is text our builder wrote, shown as Markdown."""
    return (
        "---\ntitle: Data card\n---\n\n"
        f'!!! note "The dataset card of release {release.version}"\n'
        f"    This is `dist/{release.version}/README.md`, the card that travels with the data "
        "(its Hub YAML header left out).\n\n" + release.card
    )
