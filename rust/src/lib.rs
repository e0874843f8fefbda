//! The compiled core of callcorpus, imported from Python as `builder._core`.
//!
//! Rules live here once and are called through the Python API of the stage they belong to:
//! the numbers through `builder/evidence/numbers.py`, a sentence's features through
//! `builder/evidence/anchors.py`, the costs through `builder/evidence/cost.py`, the search over
//! beads through `builder/align/aligner.py`. Nothing here imports from the Python package.

use pyo3::prelude::*;

pub mod align;
pub mod anchors;
pub mod cost;
pub mod numbers;
pub mod script;
pub mod sentence;

mod sources {
    include!(concat!(env!("OUT_DIR"), "/sources.rs"));
}

pub use sentence::Sentence;

fn sentences<'a>(side: &'a [Bound<'_, Sentence>]) -> Vec<&'a Sentence> {
    side.iter().map(|s| s.get()).collect()
}

/// A number as Python sees it: `(text, start, strong, values)`.
type PyNumber = (String, usize, bool, Vec<f64>);

fn py_numbers(numbers: Vec<numbers::Number>) -> Vec<PyNumber> {
    numbers
        .into_iter()
        .map(|n| (n.text, n.start, n.strong, n.values))
        .collect()
}

fn rust_numbers(numbers: Vec<PyNumber>) -> Vec<numbers::Number> {
    numbers
        .into_iter()
        .map(|(text, start, strong, values)| numbers::Number {
            text,
            start,
            strong,
            values,
        })
        .collect()
}

/// Numbers written in digits in an English text, with their scale.
#[pyfunction]
fn en_strong(text: &str) -> Vec<PyNumber> {
    py_numbers(numbers::en_strong(text))
}

/// Quarters, fiscal years, number words and months of an English text.
#[pyfunction]
fn en_weak(text: &str) -> Vec<PyNumber> {
    py_numbers(numbers::en_weak(text))
}

/// Numbers written in digits in a Chinese text, with their multiplier.
#[pyfunction]
fn zh_strong(text: &str) -> Vec<PyNumber> {
    py_numbers(numbers::zh_strong(text))
}

/// Chinese numerals and ordinals of a Chinese text.
#[pyfunction]
fn zh_weak(text: &str) -> Vec<PyNumber> {
    py_numbers(numbers::zh_weak(text))
}

/// Strong numbers of each side that no number on the other side stands for.
#[pyfunction]
fn unmatched(en_text: &str, zh_text: &str) -> (Vec<PyNumber>, Vec<PyNumber>) {
    let (en, zh) = numbers::unmatched(en_text, zh_text);
    (py_numbers(en), py_numbers(zh))
}

/// `unmatched` with the strong numbers of each side already found.
#[pyfunction]
fn unmatched_numbers(
    en_text: &str,
    zh_text: &str,
    en: Vec<PyNumber>,
    zh: Vec<PyNumber>,
) -> (Vec<PyNumber>, Vec<PyNumber>) {
    let (en, zh) = numbers::unmatched_numbers(en_text, zh_text, rust_numbers(en), rust_numbers(zh));
    (py_numbers(en), py_numbers(zh))
}

/// Length of a Chinese text in Han characters, Latin and digits counted at 0.35.
#[pyfunction]
fn zh_length(text: &str) -> f64 {
    anchors::zh_length(text)
}

/// An English sentence's features.
#[pyfunction]
fn en_sentence(text: &str) -> Sentence {
    anchors::en_sentence(text)
}

/// A Chinese sentence's features.
#[pyfunction]
fn zh_sentence(text: &str) -> Sentence {
    anchors::zh_sentence(text)
}

/// Minus the log probability of a Chinese length this far from the English one's prediction.
#[pyfunction]
fn length_cost(en_len: f64, zh_len: f64) -> f64 {
    cost::length_cost(en_len, zh_len)
}

/// Positions (in the side's numbers, sentence by sentence) of the numbers in digits of one
/// side that nothing on the other side stands for.
#[pyfunction]
fn missing_counterparts(
    side: Vec<Bound<'_, Sentence>>,
    other: Vec<Bound<'_, Sentence>>,
) -> PyResult<Vec<usize>> {
    cost::missing_counterparts(&sentences(&side), &sentences(&other))
}

/// `ANCHOR` for each number or Chinese-side Latin word without a counterpart.
#[pyfunction]
fn anchor_cost(en: Vec<Bound<'_, Sentence>>, zh: Vec<Bound<'_, Sentence>>) -> PyResult<f64> {
    cost::anchor_cost(&sentences(&en), &sentences(&zh))
}

/// The cost of text left without a partner (one side is empty).
#[pyfunction]
fn unaligned_cost(en: Vec<Bound<'_, Sentence>>, zh: Vec<Bound<'_, Sentence>>) -> f64 {
    cost::unaligned_cost(&sentences(&en), &sentences(&zh))
}

/// The cost of taking these English sentences and these Chinese sentences as translations.
#[pyfunction]
fn bead_cost(
    en: Vec<Bound<'_, Sentence>>,
    zh: Vec<Bound<'_, Sentence>>,
    prior: f64,
) -> PyResult<f64> {
    cost::bead_cost(&sentences(&en), &sentences(&zh), prior)
}

/// `bead_cost([en[k]], [zh[k]], 0.0)` for every k: the one-to-one reading of two sentence
/// lists of equal length, in one call.
#[pyfunction]
fn one_to_one_costs(
    en: Vec<Bound<'_, Sentence>>,
    zh: Vec<Bound<'_, Sentence>>,
) -> PyResult<Vec<f64>> {
    let (en, zh) = (sentences(&en), sentences(&zh));
    if en.len() != zh.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "both sides need as many sentences",
        ));
    }
    en.iter()
        .zip(&zh)
        .map(|(e, z)| cost::bead_cost(&[e], &[z], 0.0))
        .collect()
}

/// The cheapest bead path as (i, j, English count, Chinese count, bead cost).
#[pyfunction]
fn bead_path(
    en: Vec<Bound<'_, Sentence>>,
    zh: Vec<Bound<'_, Sentence>>,
) -> PyResult<Vec<align::Step>> {
    align::path(&sentences(&en), &sentences(&zh))
}

/// The compiled core of callcorpus (see `rust/` in the repository).
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Sentence>()?;
    m.add_function(wrap_pyfunction!(en_strong, m)?)?;
    m.add_function(wrap_pyfunction!(en_weak, m)?)?;
    m.add_function(wrap_pyfunction!(zh_strong, m)?)?;
    m.add_function(wrap_pyfunction!(zh_weak, m)?)?;
    m.add_function(wrap_pyfunction!(unmatched, m)?)?;
    m.add_function(wrap_pyfunction!(unmatched_numbers, m)?)?;
    m.add_function(wrap_pyfunction!(zh_length, m)?)?;
    m.add_function(wrap_pyfunction!(en_sentence, m)?)?;
    m.add_function(wrap_pyfunction!(zh_sentence, m)?)?;
    m.add_function(wrap_pyfunction!(length_cost, m)?)?;
    m.add_function(wrap_pyfunction!(missing_counterparts, m)?)?;
    m.add_function(wrap_pyfunction!(anchor_cost, m)?)?;
    m.add_function(wrap_pyfunction!(unaligned_cost, m)?)?;
    m.add_function(wrap_pyfunction!(bead_cost, m)?)?;
    m.add_function(wrap_pyfunction!(one_to_one_costs, m)?)?;
    m.add_function(wrap_pyfunction!(bead_path, m)?)?;
    m.add("RATIO", cost::RATIO)?;
    m.add("SMOOTH", cost::SMOOTH)?;
    m.add("SIGMA", cost::SIGMA)?;
    m.add("ANCHOR", cost::ANCHOR)?;
    m.add("UNALIGNED_PER_CHAR", cost::UNALIGNED_PER_CHAR)?;
    m.add("BEADS", align::BEADS.to_vec())?;
    m.add("BAND", align::BAND)?;
    let han: Vec<(char, char)> = script::HAN_RANGES.to_vec();
    m.add("HAN_RANGES", han)?;
    let files: Vec<(&str, &[u8])> = sources::SOURCES.to_vec();
    m.add("SOURCES", files)?;
    Ok(())
}
