//! Speaker headers (`crate::header`); Python API: `builder/structure/speakers.py`. The pairing
//! of body lines into turns and segments (`crate::pairing`); Python API:
//! `builder/structure/pairing.py`. The script of a call's translations (`crate::metadata`);
//! Python API: `builder/structure/metadata.py`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::header;
use crate::metadata;
use crate::pairing::{self, Line, Slot};

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

/// The look-alike, hidden and combining characters of a line, each once, named.
#[pyfunction]
pub fn unusual_names(py: Python<'_>, text: &str) -> Vec<String> {
    pairing::unusual_named(text, &|c| unicode_name(py, c))
}

/// A line with its look-alike, hidden and combining characters folded (test-only: the
/// recorded header cases).
#[pyfunction]
pub fn fold_header(text: &str) -> String {
    header::fold(text).into_owned()
}

/// A speaker header as the pairing read it (`crate::pairing::Header`), with the fields of
/// `builder.records.Header`: its texts and lines as written (None in a slot it is not written
/// in), its name and title normalized, its unusual characters named.
#[pyclass(frozen, get_all, module = "builder._core")]
pub struct PairedHeader {
    text_en: Option<Py<PyString>>,
    text_zh: Option<Py<PyString>>,
    name: String,
    title: Option<String>,
    line_en: Option<usize>,
    line_zh: Option<usize>,
    unusual: Py<PyTuple>,
}

/// A paragraph with its translation, if any (`crate::pairing::Segment`), with the fields of
/// `builder.records.Segment`; `flags` and `evidence` are new each time they are read.
#[pyclass(frozen, module = "builder._core")]
pub struct PairedSegment {
    #[pyo3(get)]
    index: usize,
    #[pyo3(get)]
    en: Py<PyString>,
    #[pyo3(get)]
    zh: Option<Py<PyString>>,
    #[pyo3(get)]
    line_en: usize,
    #[pyo3(get)]
    line_zh: Option<usize>,
    raised: Vec<&'static str>,
    evidenced: Vec<(&'static str, String)>,
}

#[pymethods]
impl PairedSegment {
    /// The flags, in the order they were raised.
    #[getter]
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, &self.raised)
    }

    /// The evidence of the flags that have one, by code.
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let evidence = PyDict::new(py);
        for (code, text) in &self.evidenced {
            evidence.set_item(code, text)?;
        }
        Ok(evidence)
    }
}

/// A speaker's turn (`crate::pairing::Turn`): its index, its header (None before the first)
/// and its segments.
#[pyclass(frozen, module = "builder._core")]
pub struct PairedTurn {
    #[pyo3(get)]
    index: usize,
    #[pyo3(get)]
    header: Option<Py<PairedHeader>>,
    parts: Vec<Py<PairedSegment>>,
}

#[pymethods]
impl PairedTurn {
    #[getter]
    fn segments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.parts.iter().map(|s| s.bind(py)))
    }
}

/// A translation line no paragraph can take (`crate::pairing::Stray`): why, and its line.
#[pyclass(frozen, get_all, module = "builder._core")]
pub struct StrayTranslation {
    reason: String,
    line: usize,
}

/// A body line of `builder.records.BodyLine`, `(number, text, slot)`, with its text.
fn body_line<'py>(
    line: &Bound<'py, PyTuple>,
) -> PyResult<(usize, Bound<'py, PyString>, Option<Slot>)> {
    let number = line.get_item(0)?.extract()?;
    let text = line.get_item(1)?.cast_into::<PyString>()?;
    let slot = line.get_item(2)?;
    let marked = if slot.is_none() {
        None
    } else if slot.cast::<PyString>()?.to_str()? == "zh" {
        Some(Slot::Zh)
    } else {
        Some(Slot::En)
    };
    Ok((number, text, marked))
}

/// A character's Unicode name, as Python's `unicodedata.name` gives it (`UNNAMED` for none).
fn unicode_name(py: Python<'_>, c: char) -> String {
    let name = py
        .import("unicodedata")
        .and_then(|module| module.getattr("name")?.call1((c, "UNNAMED"))?.extract());
    name.unwrap_or_else(|_| "UNNAMED".to_string())
}

/// A call's body lines (`builder.records.BodyLine`) as speaker turns holding their segments,
/// or the first translation line no paragraph can take.
#[pyfunction]
pub fn pair_lines<'py>(
    py: Python<'py>,
    body: Vec<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyAny>> {
    let read: Vec<_> = body.iter().map(body_line).collect::<PyResult<_>>()?;
    let texts: Vec<&str> = read
        .iter()
        .map(|(_, text, _)| text.to_str())
        .collect::<PyResult<_>>()?;
    let lines: Vec<Line> = read
        .iter()
        .zip(&texts)
        .map(|((number, _, marked), text)| Line {
            number: *number,
            text,
            marked: *marked,
        })
        .collect();
    let turns = match pairing::pair_lines(&lines, &|c| unicode_name(py, c)) {
        Ok(turns) => turns,
        Err(stray) => {
            let stray = StrayTranslation {
                reason: stray.reason,
                line: stray.line,
            };
            return Ok(Bound::new(py, stray)?.into_any());
        }
    };
    let text = |k: usize| read[k].1.clone().unbind();
    let mut count = 0;
    let mut paired = Vec::with_capacity(turns.len());
    for (index, turn) in turns.into_iter().enumerate() {
        let header = match turn.header {
            Some(h) => Some(Py::new(
                py,
                PairedHeader {
                    text_en: h.en.map(text),
                    text_zh: h.zh.map(text),
                    name: h.name,
                    title: h.title,
                    line_en: h.en.map(|k| lines[k].number),
                    line_zh: h.zh.map(|k| lines[k].number),
                    unusual: PyTuple::new(py, h.unusual)?.unbind(),
                },
            )?),
            None => None,
        };
        let mut parts = Vec::with_capacity(turn.segments.len());
        for s in turn.segments {
            let segment = PairedSegment {
                index: count,
                en: text(s.en),
                zh: s.zh.map(text),
                line_en: lines[s.en].number,
                line_zh: s.zh.map(|k| lines[k].number),
                raised: s.flags,
                evidenced: s.evidence,
            };
            parts.push(Py::new(py, segment)?);
            count += 1;
        }
        paired.push(PairedTurn {
            index,
            header,
            parts,
        });
    }
    Ok(PyList::new(py, paired)?.into_any())
}

/// `traditional`, `simplified`, `mixed`, or None when no translation is given.
#[pyfunction]
pub fn translation_script(
    translations: Vec<Bound<'_, PyString>>,
) -> PyResult<Option<&'static str>> {
    let texts: Vec<&str> = translations
        .iter()
        .map(|text| text.to_str())
        .collect::<PyResult<_>>()?;
    Ok(metadata::translation_script(texts))
}

/// The stage's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SplitHeader>()?;
    m.add_class::<PairedHeader>()?;
    m.add_class::<PairedSegment>()?;
    m.add_class::<PairedTurn>()?;
    m.add_class::<StrayTranslation>()?;
    m.add_function(wrap_pyfunction!(pair_lines, m)?)?;
    m.add_function(wrap_pyfunction!(looks_like_header, m)?)?;
    m.add_function(wrap_pyfunction!(split_header, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_header, m)?)?;
    m.add_function(wrap_pyfunction!(is_known_speaker, m)?)?;
    m.add_function(wrap_pyfunction!(is_operator, m)?)?;
    m.add_function(wrap_pyfunction!(is_header_copy, m)?)?;
    m.add_function(wrap_pyfunction!(unusual_names, m)?)?;
    m.add_function(wrap_pyfunction!(fold_header, m)?)?;
    m.add_function(wrap_pyfunction!(translation_script, m)?)?;
    m.add("PAIRING_CODES", pairing::CODES.to_vec())?;
    Ok(())
}
