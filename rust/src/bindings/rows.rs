//! The rows of the `segments` and `sentences` configs (`crate::rows`, `crate::batch`), what the
//! quality report counts of them (`crate::tally`), and the Arrow batches of every config
//! (`crate::value_batch` for the rows Python builds); Python API: `builder/rows/sentences.py`
//! (through `SegmentAligner.rows`, `super::align`), `builder/build/tally.py` and
//! `builder/formats/shard_writer.py` (`SentenceBatches`, `SegmentBatches`, `DictBatches`).
//!
//! Batches cross to pyarrow through the Arrow C data interface's PyCapsules: the config's schema
//! comes in from `pyarrow.Schema.__arrow_c_schema__`, each batch goes out as an `ArrowBatch`
//! whose `__arrow_c_array__` `pyarrow.record_batch` reads, its buffers handed over, not copied.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{Array, RecordBatch, StructArray};
use arrow_schema::{Schema, SchemaRef};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyCapsule, PyDict, PyFloat, PyInt, PyList, PyString};

use crate::batch::{RowQueue, SegmentQueue, SegmentRows};
use crate::rows::{self, RowSchema};
use crate::tally;
use crate::value_batch::{RowBuilder, Value};

/// A segment's rows: its `segments` row as a JSON line and whether the schema rejects it, its
/// flag codes (catalog order), its `sentences` rows as JSON lines, how many, and the positions
/// of those the schema rejects; the rows themselves stay in the core until `SegmentBatches` and
/// `SentenceBatches` build the batches that hold them.
#[pyclass(frozen, module = "builder._core")]
pub struct AlignedRows {
    #[pyo3(get)]
    pub segment_line: Py<PyBytes>,
    #[pyo3(get)]
    pub segment_rejected: bool,
    #[pyo3(get)]
    pub flags: Vec<String>,
    #[pyo3(get)]
    pub lines: Py<PyBytes>,
    #[pyo3(get)]
    pub count: usize,
    #[pyo3(get)]
    pub invalid: Vec<usize>,
    pub rows: Arc<SegmentRows>,
}

/// What the quality report counts of some segments' `sentences` rows (`crate::tally`).
#[pyclass(frozen, get_all, module = "builder._core")]
pub struct SentenceCounts {
    rows: usize,
    flagged: usize,
    kinds: BTreeMap<String, usize>,
    codes: BTreeMap<String, usize>,
    tenths: Vec<usize>,
}

/// The counts of the segments' `sentences` rows.
#[pyfunction]
pub fn sentence_counts(segments: Vec<PyRef<'_, AlignedRows>>) -> SentenceCounts {
    let mut counts = tally::SentenceCounts::default();
    segments
        .iter()
        .for_each(|segment| counts.add(&segment.rows));
    SentenceCounts {
        rows: counts.rows,
        flagged: counts.flagged,
        kinds: counts.kinds,
        codes: counts.codes,
        tenths: counts.tenths.to_vec(),
    }
}

/// `segments` rows waiting to be written (`crate::batch::SegmentQueue`), taken as Arrow batches
/// of the config's schema.
#[pyclass(module = "builder._core")]
pub struct SegmentBatches {
    queue: SegmentQueue,
}

#[pymethods]
impl SegmentBatches {
    /// `schema`: the config's Arrow schema (any object with `__arrow_c_schema__`).
    #[new]
    fn new(schema: &Bound<'_, PyAny>) -> PyResult<Self> {
        let queue = SegmentQueue::new(&import_schema(schema)?).map_err(PyValueError::new_err)?;
        Ok(SegmentBatches { queue })
    }

    /// Queue segments' rows after those queued.
    fn push(&mut self, rows: Vec<PyRef<'_, AlignedRows>>) {
        for segment in rows {
            self.queue.push(Arc::clone(&segment.rows));
        }
    }

    /// The first `count` queued rows (all of them if fewer) as one batch, taken off the queue.
    fn take(&mut self, count: usize) -> PyResult<ArrowBatch> {
        let batch = self.queue.take(count);
        Ok(ArrowBatch(batch.map_err(PyValueError::new_err)?))
    }

    fn __len__(&self) -> usize {
        self.queue.len()
    }
}

/// `sentences` rows waiting to be written (`crate::batch::RowQueue`), taken as Arrow batches
/// of the config's schema.
#[pyclass(module = "builder._core")]
pub struct SentenceBatches {
    schema: SchemaRef,
    queue: RowQueue,
}

#[pymethods]
impl SentenceBatches {
    /// `schema`: the config's Arrow schema (any object with `__arrow_c_schema__`).
    #[new]
    fn new(schema: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(SentenceBatches {
            schema: import_schema(schema)?,
            queue: RowQueue::default(),
        })
    }

    /// Queue segments' rows after those queued.
    fn push(&mut self, rows: Vec<PyRef<'_, AlignedRows>>) {
        for segment in rows {
            self.queue.push(Arc::clone(&segment.rows));
        }
    }

    /// The first `count` queued rows (all of them if fewer) as one batch, taken off the queue.
    fn take(&mut self, count: usize) -> PyResult<ArrowBatch> {
        let batch = self.queue.take(count, &self.schema);
        Ok(ArrowBatch(batch.map_err(PyValueError::new_err)?))
    }

    fn __len__(&self) -> usize {
        self.queue.len()
    }
}

/// Rows Python built (dicts in schema order) waiting to be written, in the order given, taken as
/// Arrow batches of the config's schema every `batch_rows` rows (`crate::value_batch`): a row is
/// read into its batch's columns as soon as the batch has room for it, and its dict let go.
#[pyclass(module = "builder._core")]
pub struct DictBatches {
    rows: RowBuilder,
    batch_rows: usize,
    /// The rows for the batches after this one, until it is taken.
    waiting: VecDeque<Py<PyAny>>,
}

#[pymethods]
impl DictBatches {
    /// `schema`: the config's Arrow schema (any object with `__arrow_c_schema__`).
    #[new]
    fn new(schema: &Bound<'_, PyAny>, batch_rows: usize) -> PyResult<Self> {
        if batch_rows == 0 {
            return Err(PyValueError::new_err("a batch holds at least one row"));
        }
        let rows = RowBuilder::new(&import_schema(schema)?).map_err(PyValueError::new_err)?;
        Ok(DictBatches {
            rows,
            batch_rows,
            waiting: VecDeque::new(),
        })
    }

    /// Queue rows after those queued; a row the schema cannot hold is a `ValueError` naming
    /// the column.
    fn push(&mut self, py: Python<'_>, rows: Vec<Bound<'_, PyAny>>) -> PyResult<()> {
        self.waiting.extend(rows.into_iter().map(Bound::unbind));
        self.fill(py)
    }

    /// The first `count` queued rows (all of them if fewer) as one batch, taken off the queue:
    /// `count` is a whole batch, `batch_rows`, or what is left of the rows.
    fn take(&mut self, py: Python<'_>, count: usize) -> PyResult<ArrowBatch> {
        let built = self.rows.len();
        if count < built || (count > built && !self.waiting.is_empty()) {
            let every = self.batch_rows;
            let message = format!("{count} rows asked, the rows are taken {every} at a time");
            return Err(PyValueError::new_err(message));
        }
        let batch = self.rows.finish().map_err(PyValueError::new_err)?;
        self.fill(py)?;
        Ok(ArrowBatch(batch))
    }

    fn __len__(&self) -> usize {
        self.rows.len() + self.waiting.len()
    }
}

impl DictBatches {
    /// Read waiting rows into the batch's columns while it has room.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        while self.rows.len() < self.batch_rows {
            let Some(row) = self.waiting.pop_front() else {
                break;
            };
            self.rows
                .append(row.bind(py))
                .map_err(PyValueError::new_err)?;
        }
        Ok(())
    }
}

/// A Python value as `crate::value_batch` reads it: `str`, `int`, `float`, `bool`, `None`,
/// `list` and `dict` (string keys).
impl Value for Bound<'_, PyAny> {
    fn describe(&self) -> String {
        let text = self.repr().map(|r| r.to_string()).unwrap_or_default();
        let excerpt: String = text.chars().take(60).collect();
        let type_name = self
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        format!("{type_name} {excerpt}")
    }

    fn is_null(&self) -> bool {
        self.is_none()
    }

    fn text(&self) -> Option<&str> {
        self.cast::<PyString>().ok()?.to_str().ok()
    }

    fn integer(&self) -> Option<i64> {
        let integer = self
            .cast::<PyInt>()
            .ok()
            .filter(|_| !self.is_instance_of::<PyBool>())?;
        integer.extract().ok()
    }

    fn number(&self) -> Option<f64> {
        match self.cast::<PyFloat>() {
            Ok(float) => Some(float.value()),
            Err(_) => self.integer().map(|i| i as f64),
        }
    }

    fn boolean(&self) -> Option<bool> {
        self.cast::<PyBool>().ok().map(|b| b.is_true())
    }

    fn items(&self) -> Option<Vec<Self>> {
        Some(self.cast::<PyList>().ok()?.iter().collect())
    }

    fn each_member(&self, mut visit: impl FnMut(&str, Self)) -> bool {
        let Ok(dict) = self.cast::<PyDict>() else {
            return false;
        };
        for (key, value) in dict.iter() {
            match key.cast::<PyString>().ok().and_then(|k| k.to_str().ok()) {
                Some(name) => visit(name, value),
                None => visit(&key.to_string(), value), // not a string: no column's name
            }
        }
        true
    }
}

/// A schema from any object with `__arrow_c_schema__` (a `pyarrow.Schema`).
fn import_schema(schema: &Bound<'_, PyAny>) -> PyResult<SchemaRef> {
    let capsule = schema.call_method0("__arrow_c_schema__")?;
    let capsule = capsule.cast::<PyCapsule>()?;
    let pointer = capsule.pointer_checked(Some(c"arrow_schema"))?;
    // SAFETY: an `arrow_schema` capsule holds an `ArrowSchema` (the C data interface), alive
    // while the capsule is; it is read here, not moved.
    let ffi = unsafe { pointer.cast::<FFI_ArrowSchema>().as_ref() };
    let schema = Schema::try_from(ffi).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(Arc::new(schema))
}

/// A record batch the core built, for `pyarrow.record_batch` (the Arrow PyCapsule interface).
#[pyclass(frozen, module = "builder._core")]
pub struct ArrowBatch(RecordBatch);

#[pymethods]
impl ArrowBatch {
    /// The batch's schema and data as `arrow_schema` and `arrow_array` capsules; a requested
    /// schema is not honoured (the batch has the one it was built with).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let schema = FFI_ArrowSchema::try_from(self.0.schema().as_ref())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let array = FFI_ArrowArray::new(&StructArray::from(self.0.clone()).to_data());
        Ok((
            PyCapsule::new_with_value(py, schema, c"arrow_schema")?,
            PyCapsule::new_with_value(py, array, c"arrow_array")?,
        ))
    }

    #[getter]
    fn num_rows(&self) -> usize {
        self.0.num_rows()
    }
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
    m.add_class::<AlignedRows>()?;
    m.add_class::<SentenceCounts>()?;
    m.add_class::<SentenceBatches>()?;
    m.add_class::<SegmentBatches>()?;
    m.add_class::<DictBatches>()?;
    m.add_class::<ArrowBatch>()?;
    m.add_class::<PyRowSchema>()?;
    m.add_function(wrap_pyfunction!(sentence_id, m)?)?;
    m.add_function(wrap_pyfunction!(sentence_counts, m)?)?;
    Ok(())
}
