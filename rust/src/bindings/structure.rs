//! Speaker headers (`crate::header`); Python API: `builder/structure/speakers.py`.

use pyo3::prelude::*;

use crate::header;

/// A speaker header's name and title (None when it has none), normalized
/// (`crate::header::split_header`).
#[pyclass(frozen, get_all, module = "builder._core")]
pub struct SplitHeader {
    name: String,
    title: Option<String>,
}

/// Whether a line has the shape of a speaker header.
#[pyfunction]
pub fn looks_like_header(text: &str) -> bool {
    header::looks_like_header(text)
}

/// A header's name and title.
#[pyfunction]
pub fn split_header(text: &str) -> SplitHeader {
    let (name, title) = header::split_header(text);
    SplitHeader { name, title }
}

/// A header as headers compare.
#[pyfunction]
pub fn normalize_header(text: &str) -> String {
    header::normalize(text)
}

/// Whether a header names the operator, a host or an unidentified speaker.
#[pyfunction]
pub fn is_known_speaker(text: &str) -> bool {
    header::is_known_speaker(text)
}

/// Whether a speaker's name is the operator's.
#[pyfunction]
#[pyo3(signature = (name))]
pub fn is_operator(name: Option<&str>) -> bool {
    name.is_some_and(header::is_operator)
}

/// Whether a line after a header is its copy in the Chinese slot.
#[pyfunction]
pub fn is_header_copy(header: &str, copy: &str) -> bool {
    header::is_header_copy(header, copy)
}

/// The look-alike, hidden and combining characters of a line, each once.
#[pyfunction]
pub fn unusual_chars(text: &str) -> Vec<char> {
    header::unusual(text)
}

/// A line with its look-alike, hidden and combining characters folded (test-only: the
/// recorded header cases).
#[pyfunction]
pub fn fold_header(text: &str) -> String {
    header::fold(text).into_owned()
}

/// The stage's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SplitHeader>()?;
    m.add_function(wrap_pyfunction!(looks_like_header, m)?)?;
    m.add_function(wrap_pyfunction!(split_header, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_header, m)?)?;
    m.add_function(wrap_pyfunction!(is_known_speaker, m)?)?;
    m.add_function(wrap_pyfunction!(is_operator, m)?)?;
    m.add_function(wrap_pyfunction!(is_header_copy, m)?)?;
    m.add_function(wrap_pyfunction!(unusual_chars, m)?)?;
    m.add_function(wrap_pyfunction!(fold_header, m)?)?;
    Ok(())
}
