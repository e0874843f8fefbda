//! Raw sources (`crate::decode`, `crate::layout`, `crate::front`, `crate::lines`); Python API:
//! `builder/sources/`.

use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::decode::{self, Problem};
use crate::{front, layout, lines, script};

/// Why a raw file is refused (`crate::decode::Problem`): `kind` (`empty`, `nul`, `utf8`,
/// `mojibake`, `long`, `markup`, `mixed`, `layout`), the line where it occurs, and what the
/// kind counts or quotes (None where the kind has no such value).
#[pyclass(frozen, get_all, module = "builder._core")]
pub struct SourceProblem {
    kind: &'static str,
    line: Option<usize>,
    /// `utf8`: the first byte that is not UTF-8.
    byte: Option<u8>,
    /// `utf8`: the line read as Latin-1/CP1252, when every byte of it reads as text there.
    legacy: Option<String>,
    /// `mojibake`: an excerpt as written, its bytes read again as UTF-8, and the decode it
    /// went through (`Latin-1`, `CP1252`, `Latin-1 or CP1252`).
    excerpt: Option<String>,
    repaired: Option<String>,
    codec: Option<&'static str>,
    /// `long`: the characters of the long line.
    chars: Option<usize>,
    /// `markup`: the non-blank lines starting with a tag, of `lines` non-blank lines.
    tagged: Option<usize>,
    lines: Option<usize>,
    /// `mixed`: the first bulleted line (`line` is where plain lines follow).
    first: Option<usize>,
}

impl From<Problem> for SourceProblem {
    fn from(problem: Problem) -> Self {
        let kind = |kind| SourceProblem {
            kind,
            line: None,
            byte: None,
            legacy: None,
            excerpt: None,
            repaired: None,
            codec: None,
            chars: None,
            tagged: None,
            lines: None,
            first: None,
        };
        match problem {
            Problem::Empty => kind("empty"),
            Problem::Nul { line } => SourceProblem {
                line: Some(line),
                ..kind("nul")
            },
            Problem::NotUtf8 { line, byte, legacy } => SourceProblem {
                line: Some(line),
                byte: Some(byte),
                legacy,
                ..kind("utf8")
            },
            Problem::Mojibake(found) => SourceProblem {
                line: Some(found.line),
                excerpt: Some(found.excerpt),
                repaired: Some(found.repaired),
                codec: Some(found.codec),
                ..kind("mojibake")
            },
            Problem::TooLong { line, chars } => SourceProblem {
                line: Some(line),
                chars: Some(chars),
                ..kind("long")
            },
            Problem::Markup { tagged, lines } => SourceProblem {
                tagged: Some(tagged),
                lines: Some(lines),
                ..kind("markup")
            },
            Problem::Mixed { first, at } => SourceProblem {
                line: Some(at),
                first: Some(first),
                ..kind("mixed")
            },
            Problem::NoLayout => kind("layout"),
        }
    }
}

/// A raw file decoded and split by its layout: `front` holds `(number, text, kind)`, `body`
/// `(number, text, slot)` (the fields of `builder.records.FrontLine` and `BodyLine`), `blank`
/// the numbers of the blank lines.
#[pyclass(frozen, get_all, module = "builder._core")]
pub struct ParsedSource {
    layout: &'static str,
    num_lines: usize,
    front: Py<PyList>,
    body: Py<PyList>,
    blank: Py<PyList>,
}

/// A raw file decoded, checked and split by its layout in one call, or why it is refused.
#[pyfunction]
pub fn parse_lines<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let text = decode::decode(data);
    let parsed = text
        .as_deref()
        .map_err(Clone::clone)
        .and_then(layout::parse_text);
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(problem) => return Ok(Bound::new(py, SourceProblem::from(problem))?.into_any()),
    };
    let (front, body, blank) = parsed.split;
    let found = ParsedSource {
        layout: parsed.layout,
        num_lines: parsed.num_lines,
        front: PyList::new(py, front)?.unbind(),
        body: PyList::new(py, body)?.unbind(),
        blank: PyList::new(py, blank)?.unbind(),
    };
    Ok(Bound::new(py, found)?.into_any())
}

/// The front-matter kind of a line, or None.
#[pyfunction]
pub fn front_kind(text: &str) -> Option<&'static str> {
    front::front_kind(text)
}

/// Whether a line starts with a markup tag (test-only: the recorded line cases).
#[pyfunction]
pub fn markup_line(text: &str) -> bool {
    front::markup_line(text)
}

/// The code-point offset after a line's bullet, or None.
#[pyfunction]
pub fn bullet_end(text: &str) -> Option<usize> {
    layout::bullet_end(text)
}

/// The code-point offset after a line's indent, or None.
#[pyfunction]
pub fn indent_end(text: &str) -> Option<usize> {
    layout::indent_end(text)
}

/// Whether a line holds nothing visible.
#[pyfunction]
pub fn is_blank(text: &str) -> bool {
    lines::is_blank(text)
}

/// Whether a text holds a Han character or CJK punctuation.
#[pyfunction]
pub fn has_cjk(text: &str) -> bool {
    lines::has_cjk(text)
}

/// Whether a text holds a Han character.
#[pyfunction]
pub fn has_han(text: &str) -> bool {
    script::has_han(text)
}

/// The number of Han characters of a text.
#[pyfunction]
pub fn count_han(text: &str) -> usize {
    lines::count_han(text)
}

/// The number of words of a text, as Python's `len(text.split())` counts them.
#[pyfunction]
pub fn count_words(text: &str) -> usize {
    lines::count_words(text)
}

/// The slot a line's script points to (`en`, `zh`), or None.
#[pyfunction]
pub fn script_slot(text: &str) -> Option<&'static str> {
    lines::script_slot(text)
}

/// The stage's classes, functions and constants.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SourceProblem>()?;
    m.add_class::<ParsedSource>()?;
    m.add_function(wrap_pyfunction!(parse_lines, m)?)?;
    m.add_function(wrap_pyfunction!(front_kind, m)?)?;
    m.add_function(wrap_pyfunction!(markup_line, m)?)?;
    m.add_function(wrap_pyfunction!(bullet_end, m)?)?;
    m.add_function(wrap_pyfunction!(indent_end, m)?)?;
    m.add_function(wrap_pyfunction!(is_blank, m)?)?;
    m.add_function(wrap_pyfunction!(has_cjk, m)?)?;
    m.add_function(wrap_pyfunction!(has_han, m)?)?;
    m.add_function(wrap_pyfunction!(count_han, m)?)?;
    m.add_function(wrap_pyfunction!(count_words, m)?)?;
    m.add_function(wrap_pyfunction!(script_slot, m)?)?;
    m.add("MAX_LINE_CHARS", decode::MAX_LINE_CHARS)?;
    Ok(())
}
