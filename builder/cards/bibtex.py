"""The BibTeX entry of one release: ``@misc{callcorpus_1_0_0, …}``.

The same entry goes into the card, Croissant's ``citeAs`` and the docs. Text is escaped for
BibTeX/LaTeX (``&`` → ``\\&``, en dash → ``--``); names of entities are double-braced so BibTeX
does not split them into first and last names.
"""

from __future__ import annotations

from builder.cards.description import ReleaseDescription

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\u2013": "--",
    "\u2014": "---",
}


def escape(text: str) -> str:
    """``text`` with BibTeX/LaTeX special characters escaped."""
    return "".join(_ESCAPES.get(char, char) for char in text)


def cite_key(desc: ReleaseDescription) -> str:
    """The entry's key: the corpus name and the version, e.g. ``callcorpus_1_0_0``."""
    return f"{desc.about.name}_{desc.version.replace('.', '_')}"


def render_bibtex(desc: ReleaseDescription) -> str:
    """The BibTeX ``@misc`` entry of the release, ending in a newline."""
    year, month, _ = desc.date_released.split("-")
    about = desc.about
    fields = [
        ("title", f"{{{escape(about.title)}}}"),
        ("author", " and ".join(f"{{{escape(a)}}}" for a in about.authors)),
        ("year", year),
        ("month", _MONTHS[int(month) - 1]),
        ("version", escape(desc.version)),
        ("note", escape(f"Dataset, version {desc.version} (schema {desc.schema_version})")),
    ]
    if desc.citation.concept:  # a DOI is written as it is (BibTeX styles print it verbatim)
        fields.append(("doi", desc.citation.concept))
    if about.repository:
        fields.append(("howpublished", f"\\url{{{about.repository}}}"))
        fields.append(("url", about.repository))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(
        f"  {name.ljust(width)} = {value}" if name == "month" else f"  {name.ljust(width)} = {{{value}}}"
        for name, value in fields
    )
    return f"@misc{{{cite_key(desc)},\n{body}\n}}\n"
