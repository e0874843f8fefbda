//! The alignment's view of one sentence, as the costs need it.
//!
//! What a sentence holds is found in Python (`builder/evidence/anchors.py`: its length in
//! comparable units, its numbers in digits with the values each may stand for, the Latin words
//! of a Chinese sentence, the lower-cased English text); the values of its *weak* numbers
//! (number words, months, Chinese numerals) are found only when a bead needs them, through a
//! Python callable given once.

use std::sync::OnceLock;

use pyo3::prelude::*;

/// Where the values of a sentence's weak numbers come from.
enum Weak {
    /// Known already (tests, and sentences built in Rust).
    Known(Vec<f64>),
    /// A Python callable returning a list of floats, called at most once.
    Lazy(Py<PyAny>),
}

/// One sentence: length, strong numbers' values, Latin words, lower-cased text.
#[pyclass(frozen, module = "builder._core")]
pub struct Sentence {
    pub length: f64,
    /// The values each number in digits may stand for, one list per number, in text order.
    pub numbers: Vec<Vec<f64>>,
    /// Latin words of a Chinese sentence (lower-cased); empty for English.
    pub latin: Vec<String>,
    /// The lower-cased text of an English sentence; empty for Chinese.
    pub lower: String,
    weak: Weak,
    weak_values: OnceLock<Vec<f64>>,
}

#[pymethods]
impl Sentence {
    /// `Sentence(length, numbers, latin, lower, weak)`: ``weak`` is a callable without
    /// arguments that returns the values of the sentence's weak numbers as a list of floats.
    #[new]
    fn py_new(
        length: f64,
        numbers: Vec<Vec<f64>>,
        latin: Vec<String>,
        lower: String,
        weak: Py<PyAny>,
    ) -> Self {
        Sentence {
            length,
            numbers,
            latin,
            lower,
            weak: Weak::Lazy(weak),
            weak_values: OnceLock::new(),
        }
    }

    #[getter]
    fn length(&self) -> f64 {
        self.length
    }
}

impl Sentence {
    /// A sentence whose weak numbers are known already.
    pub fn known(
        length: f64,
        numbers: Vec<Vec<f64>>,
        latin: Vec<String>,
        lower: &str,
        weak: Vec<f64>,
    ) -> Self {
        Sentence {
            length,
            numbers,
            latin,
            lower: lower.to_owned(),
            weak: Weak::Known(weak),
            weak_values: OnceLock::new(),
        }
    }

    /// Whether the sentence holds an anchor: a number in digits, or a Latin word.
    pub fn has_anchor(&self) -> bool {
        !self.numbers.is_empty() || !self.latin.is_empty()
    }

    /// The values of the sentence's weak numbers, found on first use.
    pub fn weak_values(&self) -> PyResult<&[f64]> {
        match &self.weak {
            Weak::Known(values) => Ok(values),
            Weak::Lazy(callable) => {
                if let Some(values) = self.weak_values.get() {
                    return Ok(values);
                }
                let values: Vec<f64> = Python::attach(|py| callable.call0(py)?.extract(py))?;
                let _ = self.weak_values.set(values);
                Ok(self.weak_values.get().expect("set just above"))
            }
        }
    }
}
