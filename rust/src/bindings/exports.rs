//! The machine-translation exports (`crate::exports`), written from a `sentences` batch (a
//! `pyarrow.RecordBatch`) imported through the Arrow C data interface, its buffers read where
//! they are; Python API: `builder/formats/tmx.py`, `builder/formats/moses.py`.

use arrow_array::ffi::{from_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{RecordBatch, StructArray};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCapsule};

use crate::exports;

fn err(message: impl ToString) -> PyErr {
    PyValueError::new_err(message.to_string())
}

/// A pyarrow batch (any object with `__arrow_c_array__` holding a struct) as an arrow-rs batch,
/// its buffers shared, not copied, and checked in full (offsets, UTF-8).
fn import_batch(batch: &Bound<'_, PyAny>) -> PyResult<RecordBatch> {
    let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) =
        batch.call_method0("__arrow_c_array__")?.extract()?;
    let schema = schema.pointer_checked(Some(c"arrow_schema"))?;
    let array = array.pointer_checked(Some(c"arrow_array"))?;
    // SAFETY: the capsules hold an `ArrowSchema` and an `ArrowArray` (the C data interface);
    // the array is moved out of its capsule (which then holds a released one) and the schema
    // read in place while its capsule is alive.
    let data = unsafe {
        let array = FFI_ArrowArray::from_raw(array.cast::<FFI_ArrowArray>().as_ptr());
        from_ffi(array, schema.cast::<FFI_ArrowSchema>().as_ref())
    };
    let data = data.map_err(err)?;
    data.validate_full().map_err(err)?;
    Ok(RecordBatch::from(StructArray::from(data)))
}

/// The `<tu>` elements of a `sentences` batch's pairs, as UTF-8 (`exports::tmx_units`).
#[pyfunction]
pub fn tmx_units<'py>(py: Python<'py>, batch: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let batch = import_batch(batch)?;
    let text = exports::tmx_units(&exports::batch_units(&batch).map_err(err)?);
    Ok(PyBytes::new(py, text.as_bytes()))
}

/// The Moses lines of a `sentences` batch's clean pairs: English, Chinese, `sentence_id`.
#[pyfunction]
pub fn moses_lines<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
) -> PyResult<[Bound<'py, PyBytes>; 3]> {
    let batch = import_batch(batch)?;
    let sides = exports::moses_lines(&exports::batch_units(&batch).map_err(err)?);
    Ok(sides.map(|side| PyBytes::new(py, side.as_bytes())))
}

/// Whether a sentence row goes to the Moses files (`exports::is_clean_pair`).
#[pyfunction]
pub fn is_clean_pair(en: Option<&str>, zh: Option<&str>, flags: usize) -> bool {
    exports::is_clean_pair(en, zh, flags)
}

/// The stage's functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(tmx_units, m)?)?;
    m.add_function(wrap_pyfunction!(moses_lines, m)?)?;
    m.add_function(wrap_pyfunction!(is_clean_pair, m)?)?;
    Ok(())
}
