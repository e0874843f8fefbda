//! The evidence a pairing and an alignment weigh (`crate::numbers`, `crate::anchors`,
//! `crate::sentence`, `crate::cost`, `crate::simplified`); Python API: `builder/evidence/`.

use pyo3::prelude::*;

use crate::sentence::Sentence;
use crate::{anchors, cost, numbers, simplified};

/// A number as written (`crate::numbers::Number`): where it starts (code points), whether it
/// is strong (in digits) and the values it may stand for.
#[pyclass(frozen, get_all, module = "builder._core")]
#[derive(Clone)]
pub struct Number {
    text: String,
    start: usize,
    strong: bool,
    values: Vec<f64>,
}

impl From<numbers::Number> for Number {
    fn from(n: numbers::Number) -> Self {
        Number {
            text: n.text,
            start: n.start,
            strong: n.strong,
            values: n.values,
        }
    }
}

fn found(numbers: Vec<numbers::Number>) -> Vec<Number> {
    numbers.into_iter().map(Number::from).collect()
}

/// One sentence as the costs read it (`crate::sentence::Sentence`), made by `en_sentence` or
/// `zh_sentence`.
#[pyclass(frozen, name = "Sentence", module = "builder._core")]
pub struct PySentence(pub Sentence);

#[pymethods]
impl PySentence {
    #[getter]
    fn length(&self) -> f64 {
        self.0.length
    }

    /// The numbers in digits, in text order.
    #[getter]
    fn numbers(&self) -> Vec<Number> {
        found(self.0.numbers.clone())
    }

    /// The Latin words of a Chinese sentence, lower-cased; empty for English.
    #[getter]
    fn latin(&self) -> Vec<String> {
        self.0.latin.clone()
    }

    /// The lower-cased text of an English sentence; empty for Chinese.
    #[getter]
    fn lower(&self) -> &str {
        self.0.lower()
    }

    /// The values of the sentence's weak numbers (found on first call).
    fn weak_values(&self) -> Vec<f64> {
        self.0.weak_values().to_vec()
    }
}

/// The sentences behind their Python handles.
pub fn sentences<'a>(side: &'a [Bound<'_, PySentence>]) -> Vec<&'a Sentence> {
    side.iter().map(|s| &s.get().0).collect()
}

/// Numbers written in digits in an English text, with their scale.
#[pyfunction]
pub fn en_strong(text: &str) -> Vec<Number> {
    found(numbers::en_strong(text))
}

/// Quarters, fiscal years, number words and months of an English text.
#[pyfunction]
pub fn en_weak(text: &str) -> Vec<Number> {
    found(numbers::en_weak(text))
}

/// Numbers written in digits in a Chinese text, with their multiplier.
#[pyfunction]
pub fn zh_strong(text: &str) -> Vec<Number> {
    found(numbers::zh_strong(text))
}

/// Chinese numerals and ordinals of a Chinese text.
#[pyfunction]
pub fn zh_weak(text: &str) -> Vec<Number> {
    found(numbers::zh_weak(text))
}

/// Strong numbers of each side that no number on the other side stands for.
#[pyfunction]
pub fn unmatched(en_text: &str, zh_text: &str) -> (Vec<Number>, Vec<Number>) {
    let (en, zh) = numbers::unmatched(en_text, zh_text);
    (found(en), found(zh))
}

/// Length of a Chinese text in Han characters, Latin and digits counted at 0.35.
#[pyfunction]
pub fn zh_length(text: &str) -> f64 {
    anchors::zh_length(text)
}

/// An English sentence's features.
#[pyfunction]
pub fn en_sentence(text: &str) -> PySentence {
    PySentence(anchors::en_sentence(text))
}

/// A Chinese sentence's features.
#[pyfunction]
pub fn zh_sentence(text: &str) -> PySentence {
    PySentence(anchors::zh_sentence(text))
}

/// Minus the log probability of a Chinese length this far from the English one's prediction.
#[pyfunction]
pub fn length_cost(en_len: f64, zh_len: f64) -> f64 {
    cost::length_cost(en_len, zh_len)
}

/// Positions (in the side's numbers, sentence by sentence) of the numbers in digits of one
/// side that nothing on the other side stands for.
#[pyfunction]
pub fn missing_counterparts(
    side: Vec<Bound<'_, PySentence>>,
    other: Vec<Bound<'_, PySentence>>,
) -> Vec<usize> {
    cost::missing_counterparts(&sentences(&side), &sentences(&other))
}

/// `ANCHOR` for each number or Chinese-side Latin word without a counterpart.
#[pyfunction]
pub fn anchor_cost(en: Vec<Bound<'_, PySentence>>, zh: Vec<Bound<'_, PySentence>>) -> f64 {
    cost::anchor_cost(&sentences(&en), &sentences(&zh))
}

/// The cost of text left without a partner (one side is empty).
#[pyfunction]
pub fn unaligned_cost(en: Vec<Bound<'_, PySentence>>, zh: Vec<Bound<'_, PySentence>>) -> f64 {
    cost::unaligned_cost(&sentences(&en), &sentences(&zh))
}

/// The cost of taking these English sentences and these Chinese sentences as translations.
#[pyfunction]
pub fn bead_cost(
    en: Vec<Bound<'_, PySentence>>,
    zh: Vec<Bound<'_, PySentence>>,
    prior: f64,
) -> f64 {
    cost::bead_cost(&sentences(&en), &sentences(&zh), prior)
}

/// The distinct Simplified-only characters of a text, in order of first appearance.
#[pyfunction]
pub fn simplified_chars(text: &str) -> Vec<char> {
    simplified::simplified_chars(text)
}

/// The stage's classes, functions and constants.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Number>()?;
    m.add_class::<PySentence>()?;
    m.add_function(wrap_pyfunction!(en_strong, m)?)?;
    m.add_function(wrap_pyfunction!(en_weak, m)?)?;
    m.add_function(wrap_pyfunction!(zh_strong, m)?)?;
    m.add_function(wrap_pyfunction!(zh_weak, m)?)?;
    m.add_function(wrap_pyfunction!(unmatched, m)?)?;
    m.add_function(wrap_pyfunction!(zh_length, m)?)?;
    m.add_function(wrap_pyfunction!(en_sentence, m)?)?;
    m.add_function(wrap_pyfunction!(zh_sentence, m)?)?;
    m.add_function(wrap_pyfunction!(length_cost, m)?)?;
    m.add_function(wrap_pyfunction!(missing_counterparts, m)?)?;
    m.add_function(wrap_pyfunction!(anchor_cost, m)?)?;
    m.add_function(wrap_pyfunction!(unaligned_cost, m)?)?;
    m.add_function(wrap_pyfunction!(bead_cost, m)?)?;
    m.add_function(wrap_pyfunction!(simplified_chars, m)?)?;
    m.add("RATIO", cost::RATIO)?;
    m.add("ANCHOR", cost::ANCHOR)?;
    m.add("SIMPLIFIED_ONLY", simplified::SIMPLIFIED_ONLY)?;
    Ok(())
}
