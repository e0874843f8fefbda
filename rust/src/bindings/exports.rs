//! The machine-translation exports (`crate::exports`), written from a `sentences` batch (a
//! `pyarrow.RecordBatch`) whose buffers are read here; Python API: `builder/formats/tmx.py`,
//! `builder/formats/moses.py`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::exports::{self, read_offsets, Columns, StrColumn, Validity};

fn err(message: impl Into<String>) -> PyErr {
    PyValueError::new_err(message.into())
}

/// The bytes of a pyarrow buffer (`None`: absent).
fn buffer_bytes(buffer: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if buffer.is_none() {
        return Ok(None);
    }
    let bytes = buffer.call_method0("to_pybytes")?;
    Ok(Some(bytes.cast::<PyBytes>()?.as_bytes().to_vec()))
}

/// A pyarrow array's type name, offset, length and buffers, its type checked.
fn array_parts<'py>(
    array: &Bound<'py, PyAny>,
    name: &str,
    kind: &str,
) -> PyResult<(usize, usize, Vec<Bound<'py, PyAny>>)> {
    let found: String = array.getattr("type")?.str()?.extract()?;
    if !found.starts_with(kind) {
        return Err(err(format!(
            "column `{name}`: expected {kind}, found {found}"
        )));
    }
    let buffers: Vec<Bound<'py, PyAny>> = array.call_method0("buffers")?.extract()?;
    Ok((array.getattr("offset")?.extract()?, array.len()?, buffers))
}

/// A pyarrow `string` array.
fn str_column(array: &Bound<'_, PyAny>, name: &str) -> PyResult<StrColumn> {
    let (offset, len, buffers) = array_parts(array, name, "string")?;
    let validity = Validity::new(buffer_bytes(&buffers[0])?, offset);
    let offsets = buffer_bytes(&buffers[1])?.unwrap_or_default();
    let offsets = read_offsets(&offsets, offset, len).map_err(|e| err(format!("`{name}`: {e}")))?;
    let data = buffer_bytes(&buffers[2])?.unwrap_or_default();
    StrColumn::new(validity, offsets, data).map_err(|e| err(format!("`{name}`: {e}")))
}

/// A pyarrow `list<string>` array: each row's range of the values, and the values.
fn list_column(array: &Bound<'_, PyAny>, name: &str) -> PyResult<(Vec<(usize, usize)>, StrColumn)> {
    let (offset, len, buffers) = array_parts(array, name, "list<")?;
    let validity = Validity::new(buffer_bytes(&buffers[0])?, offset);
    let offsets = buffer_bytes(&buffers[1])?.unwrap_or_default();
    let offsets = read_offsets(&offsets, offset, len).map_err(|e| err(format!("`{name}`: {e}")))?;
    let values = str_column(&array.getattr("values")?, name)?;
    let mut ranges = Vec::with_capacity(len);
    for i in 0..len {
        let (a, b) = (offsets[i] as usize, offsets[i + 1] as usize);
        if !validity.is_valid(i) {
            ranges.push((0, 0));
        } else if a > b || b > values.len() {
            return Err(err(format!("`{name}`: list offsets {a}..{b} out of range")));
        } else {
            ranges.push((a, b));
        }
    }
    Ok((ranges, values))
}

/// A pyarrow `double` array without nulls.
fn f64_column(array: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<f64>> {
    let (offset, len, buffers) = array_parts(array, name, "double")?;
    if array.getattr("null_count")?.extract::<usize>()? > 0 {
        return Err(err(format!("`{name}` has nulls")));
    }
    let data = buffer_bytes(&buffers[1])?.unwrap_or_default();
    let bytes = data.get(offset * 8..(offset + len) * 8);
    let bytes = bytes.ok_or_else(|| err(format!("`{name}`: buffer too short")))?;
    Ok(bytes
        .chunks_exact(8)
        .map(|b| f64::from_ne_bytes(b.try_into().expect("8 bytes")))
        .collect())
}

/// The exported columns of a `sentences` batch, read without copying a value into Python.
fn columns(batch: &Bound<'_, PyAny>) -> PyResult<Columns> {
    let column = |name: &str| batch.call_method1("column", (name,));
    let translation = column("translation")?;
    if translation.getattr("null_count")?.extract::<usize>()? > 0 {
        return Err(err("`translation` has nulls"));
    }
    let side = |name: &str| translation.call_method1("field", (name,));
    Ok(Columns {
        ids: str_column(&column("sentence_id")?, "sentence_id")?,
        alignment: str_column(&column("alignment")?, "alignment")?,
        score: f64_column(&column("score")?, "score")?,
        flags: list_column(&column("flags")?, "flags")?,
        en: str_column(&side("en")?, "translation.en")?,
        zh: str_column(&side("zh")?, "translation.zh")?,
    })
}

/// The `<tu>` elements of a `sentences` batch's pairs, as UTF-8 (`exports::tmx_units`).
#[pyfunction]
pub fn tmx_units<'py>(py: Python<'py>, batch: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let columns = columns(batch)?;
    let text = exports::tmx_units(&columns.units().map_err(err)?);
    Ok(PyBytes::new(py, text.as_bytes()))
}

/// The Moses lines of a `sentences` batch's clean pairs: English, Chinese, `sentence_id`.
#[pyfunction]
pub fn moses_lines<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
) -> PyResult<[Bound<'py, PyBytes>; 3]> {
    let columns = columns(batch)?;
    let sides = exports::moses_lines(&columns.units().map_err(err)?);
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
