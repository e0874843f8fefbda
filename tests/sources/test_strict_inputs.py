"""Every value a person types or writes in raw/manifest.toml is checked strictly."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RAW

from builder.cli import cli
from builder.errors import EXCERPT_CHARS, CallcorpusError, ManifestError, excerpt
from builder.release.versions import is_version, parse_version
from builder.sources import parse_source
from builder.sources.manifest import _schema_problems, _validators, _value_problem, load_manifest
from builder.structure import build_transcript


@pytest.mark.parametrize("text", ["1.0.0\n", "1.0.0 ", " 1.0.0", "01.0.0", "1.0", "1.0.0.0", "１.0.0"])
def test_a_version_must_be_exactly_x_y_z(text: str) -> None:
    assert not is_version(text)
    with pytest.raises(CallcorpusError, match=r"is not of the form X\.Y\.Z"):
        parse_version(text)


def test_a_version_with_a_newline_creates_no_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["build", "--raw", str(RAW), "--dist", str(tmp_path), "--version", "1.0.0\n"]
    )
    assert result.exit_code == 1 and result.output == "error: version '1.0.0\\n' is not of the form X.Y.Z\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'ticker = "EVIL\\n"',
            r'\[files\."stem-2024-q4\.txt"\] ticker: \'EVIL\\n\' holds a control character',
        ),
        (
            'call_date = "2024-02-31"',
            r'\[files\."stem-2024-q4\.txt"\] call_date: \'2024-02-31\' is not a date that exists',
        ),
        (f'company = "{"Acme " * 60}Inc"', r'\[files\."stem-2024-q4\.txt"\] company: .* is too long'),
        ('company = "Acme\\u0007"', r"holds a control character"),
        ("fiscal_year = 2024.0", r"2024\.0 is not an integer"),
    ],
)
def test_manifest_values_are_checked_strictly(raw_copy: Path, line: str, message: str) -> None:
    (raw_copy / "manifest.toml").write_text(f'[files."stem-2024-q4.txt"]\n{line}\n', encoding="utf-8")
    with pytest.raises(ManifestError, match=rf"^{raw_copy / 'manifest.toml'}: .*{message}"):
        load_manifest(raw_copy, sorted(p.name for p in raw_copy.glob("*.txt")))


#: Manifest values at the edges of the schema's patterns and types: separators, spaces, line
#: ends, byte-order marks, TOML dates and floats.
_EDGE_VALUES = [
    *(f"Acme{c}" for c in "\x1c\x1f\x85\n\r\t\u2028\ufeff\u3000\xa0 "),
    *(f"{c}Acme" for c in "\x1c\u2028\ufeff\u3000"),
    "Ac\u2028me",
    "Ac\rme",
    "A",
    "",
    datetime.date(2024, 1, 1),
    datetime.datetime(2024, 1, 1, 9, 30),
    datetime.time(9, 30),
    2024.0,
    True,
    None,
]


@pytest.mark.parametrize("key", ["company", "ticker", "call_date", "exclude", "fiscal_year"])
def test_the_fast_manifest_check_refuses_whatever_the_reference_refuses(key: str) -> None:
    """Where the fast validator passes a manifest the reference would refuse, the value check
    refuses it: a manifest is refused exactly when the reference or the value check says so."""
    _, reference = _validators()
    for value in _EDGE_VALUES:
        data = {"files": {"a.txt": {key: value}}}
        expected = not reference.is_valid(data) or _value_problem(key, value) is not None
        refused = bool(_schema_problems(data)) or _value_problem(key, value) is not None
        assert refused == expected, (key, value)


def test_the_longest_company_name_gives_a_short_id() -> None:
    data = (RAW / "stem-2024-q4.txt").read_bytes()
    company = "Stem Energy Storage " + "Holdings " * 9  # 100 characters: the manifest's limit
    transcript = build_transcript(parse_source("s.txt", data), {"company": company.strip()[:100]})
    assert transcript.transcript_id == "stem-energy-storage-holdings-holdings-2024Q4"


@pytest.mark.parametrize("key", ["company", "ticker", "call_date", "exclude"])
def test_a_huge_manifest_value_is_quoted_as_a_short_excerpt(raw_copy: Path, tmp_path: Path, key: str) -> None:
    """A 5 MB value is refused in one short line: the message quotes its start and its length."""
    huge = "A\\u0007" + "x" * 5_000_000
    (raw_copy / "manifest.toml").write_text(f'[files."stem-2024-q4.txt"]\n{key} = "{huge}"\n', "utf-8")
    result = CliRunner().invoke(
        cli, ["build", "--raw", str(raw_copy), "--dist", str(tmp_path / "d"), "--new"]
    )
    assert result.exit_code == 1 and result.output.startswith(f"error: {raw_copy / 'manifest.toml'}: ")
    assert result.output.count("\n") == 1 and len(result.output) < 1_000, result.output[:2_000]
    assert "(5,000,002 characters)" in result.output
    assert not (tmp_path / "d").exists()


def test_excerpt_bounds_any_value() -> None:
    assert excerpt("short") == "'short'"
    assert excerpt("y" * 1_000) == f"{'y' * EXCERPT_CHARS!r}… (1,000 characters)"
    assert excerpt(b"z" * 100, limit=3) == "b'zzz'… (100 bytes)"
    assert len(excerpt({"k": "v" * 10_000})) < 3 * EXCERPT_CHARS


def test_a_huge_version_is_quoted_as_a_short_excerpt(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["build", "--raw", str(RAW), "--dist", str(tmp_path), "--version", "9" * 100_000]
    )
    assert result.exit_code == 1 and result.output.count("\n") == 1 and len(result.output) < 200
    assert result.output.endswith("… (100,000 characters) is not of the form X.Y.Z\n")
