//! The rows of the `sentences` config (`crate::rows`); Python API: `builder/rows/sentences.py`
//! (through `SegmentAligner.rows`, `super::align`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::align::Finding;
use crate::rows::{self, RowSchema};

/// A segment's `sentences` rows: the segment's findings (catalog order), its rows as JSON
/// lines, how many, and the positions of those the schema rejects.
#[pyclass(frozen, get_all, module = "builder._core")]
pub struct SentenceRows {
    pub findings: Vec<Finding>,
    pub lines: Py<PyBytes>,
    pub count: usize,
    pub invalid: Vec<usize>,
}

/// A config's JSON Schema, compiled once (`crate::rows::RowSchema`); exported for the tests
/// alone (`tests/rows/test_schema.py`), as `SegmentAligner` checks the rows it writes itself.
#[pyclass(frozen, name = "RowSchema", module = "builder._core")]
pub struct PyRowSchema(RowSchema);

impl PyRowSchema {
    /// The schema from its JSON text, or a `ValueError` saying why it is not one.
    pub fn compile(text: &str) -> PyResult<RowSchema> {
        RowSchema::new(text).map_err(PyValueError::new_err)
    }
}

#[pymethods]
impl PyRowSchema {
    #[new]
    fn new(text: &str) -> PyResult<Self> {
        Ok(PyRowSchema(PyRowSchema::compile(text)?))
    }

    /// Positions (0-based) of the lines of `lines` the schema rejects, or that are not JSON.
    fn invalid_lines(&self, lines: &str) -> Vec<usize> {
        self.0.invalid_lines(lines)
    }
}

/// Stable sentence-unit id: the segment id and the unit's position (`crate::rows::sentence_id`).
#[pyfunction]
pub fn sentence_id(segment_id: &str, position: usize) -> String {
    rows::sentence_id(segment_id, position)
}

/// The stage's classes and functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SentenceRows>()?;
    m.add_class::<PyRowSchema>()?;
    m.add_function(wrap_pyfunction!(sentence_id, m)?)?;
    Ok(())
}
