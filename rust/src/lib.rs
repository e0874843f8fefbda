//! The compiled core of callcorpus, imported from Python as `builder._core`.
//!
//! Rules live here once and are called through the Python API of the stage they belong to:
//! the numbers through `builder/evidence/numbers.py`, a sentence's features through
//! `builder/evidence/anchors.py`, the costs through `builder/evidence/cost.py`, sentence
//! segmentation through `builder/align/segment_en.py` and `segment_zh.py`, the units of a
//! paragraph pair through `builder/align/aligner.py`, the quality findings through
//! `builder/align/findings.py`, the Simplified-character test through
//! `builder/evidence/simplified.py`, the MT exports through `builder/formats/tmx.py` and
//! `builder/formats/moses.py`, the decoding, layout markup and line kinds of raw sources
//! through `builder/sources/`. Nothing here imports from the Python package.

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};

pub mod align;
pub mod anchors;
pub mod cost;
pub mod decode;
pub mod exports;
pub mod findings;
pub mod front;
pub mod glossary;
pub mod json;
pub mod layout;
pub mod lines;
pub mod meaning;
pub mod numbers;
pub mod rows;
pub mod script;
pub mod segment;
pub mod sentence;
pub mod simplified;
pub mod units;

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

/// The `<tu>` elements of a `sentences` batch's pairs, as UTF-8 (`exports::tmx_units`).
#[pyfunction]
fn tmx_units<'py>(py: Python<'py>, batch: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let columns = exports::Columns::from_batch(batch)?;
    let text = exports::tmx_units(&columns.units()?);
    Ok(PyBytes::new(py, text.as_bytes()))
}

/// The Moses lines of a `sentences` batch's clean pairs: English, Chinese, `sentence_id`.
#[pyfunction]
fn moses_lines<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
) -> PyResult<[Bound<'py, PyBytes>; 3]> {
    let columns = exports::Columns::from_batch(batch)?;
    let sides = exports::moses_lines(&columns.units()?);
    Ok(sides.map(|side| PyBytes::new(py, side.as_bytes())))
}

/// Whether a sentence row goes to the Moses files (`exports::is_clean_pair`).
#[pyfunction]
fn is_clean_pair(en: Option<&str>, zh: Option<&str>, flags: usize) -> bool {
    exports::is_clean_pair(en, zh, flags)
}

/// Spans (code-point offsets) of the sentences of an English paragraph.
/// The meaning checks of one sentence pair (`meaning.rs`): each code with its evidence.
#[pyfunction]
fn meaning_issues(en: &str, zh: &str) -> Vec<(&'static str, String)> {
    meaning::meaning_issues(en, zh)
}

#[pyfunction]
fn split_en(text: &str) -> Vec<segment::Span> {
    segment::split_en(text)
}

/// Spans (code-point offsets) of the sentences of a Chinese paragraph.
#[pyfunction]
fn split_zh(text: &str) -> Vec<segment::Span> {
    segment::split_zh(text)
}

/// The distinct Simplified-only characters of a text, in order of first appearance.
#[pyfunction]
fn simplified_chars(text: &str) -> Vec<char> {
    simplified::simplified_chars(text)
}

/// A unit as Python receives it: kind, English span, Chinese span, texts, score, and the
/// numbers of each side without a counterpart.
type UnitTuple = (
    String,
    Option<(usize, usize)>,
    Option<(usize, usize)>,
    String,
    String,
    f64,
    Vec<String>,
    Vec<String>,
);

fn unit_tuple(unit: units::Unit) -> UnitTuple {
    (
        unit.kind,
        unit.en_span,
        unit.zh_span,
        unit.en,
        unit.zh,
        unit.score,
        unit.en_missing,
        unit.zh_missing,
    )
}

/// The aligned units of an English paragraph and its translation (None: no translation).
#[pyfunction]
#[pyo3(signature = (en, zh))]
fn align_pair(en: &str, zh: Option<&str>) -> PyResult<Vec<UnitTuple>> {
    Ok(units::align_pair(en, zh)?
        .into_iter()
        .map(unit_tuple)
        .collect())
}

/// One segment aligned, with the findings of the segment and of each unit.
type SegmentResult = (
    Vec<findings::Finding>,
    Vec<(UnitTuple, Vec<findings::Finding>)>,
);

/// The flag catalog's codes per scope and the `sentences` schema, given once; aligns segments
/// with their findings, and writes their sentence rows.
#[pyclass(frozen, module = "builder._core")]
struct SegmentAligner {
    sentence_codes: Vec<String>,
    segment_codes: Vec<String>,
    schema: rows::RowSchema,
    glossary: glossary::Glossary,
}

/// A segment's findings, then its sentence rows as JSON lines, how many, and the positions of
/// those the schema rejects.
type SegmentRows<'py> = (
    Vec<findings::Finding>,
    Bound<'py, PyBytes>,
    usize,
    Vec<usize>,
);

/// A segment's units, each unit's findings, and the segment's findings.
type Aligned = (
    Vec<units::Unit>,
    Vec<Vec<findings::Finding>>,
    Vec<findings::Finding>,
);

impl SegmentAligner {
    /// The units of a segment, each unit's findings, and the segment's.
    fn findings(
        &self,
        en: &str,
        zh: Option<&str>,
        flags: &[String],
        given: &HashMap<String, String>,
    ) -> PyResult<Aligned> {
        let units = units::align_pair(en, zh)?;
        let text = findings::paragraph_findings(en, zh);
        let inherited: Vec<String> = findings::INHERITED
            .iter()
            .filter(|code| flags.iter().any(|f| f == *code) || text.iter().any(|(c, _)| c == *code))
            .map(|code| code.to_string())
            .collect();
        let simplified = zh.is_some_and(|z| !simplified::simplified_chars(z).is_empty());
        let per_unit = findings::unit_findings(
            &units,
            &inherited,
            simplified,
            &self.glossary,
            &self.sentence_codes,
        );
        let segment = findings::Segment {
            en,
            zh,
            flags,
            given,
            text: &text,
        };
        let found = findings::segment_findings(&segment, &units, &per_unit, &self.segment_codes);
        Ok((units, per_unit, found))
    }
}

#[pymethods]
impl SegmentAligner {
    #[new]
    #[pyo3(signature = (sentence_codes, segment_codes, sentence_schema, glossary))]
    fn new(
        sentence_codes: Vec<String>,
        segment_codes: Vec<String>,
        sentence_schema: &str,
        glossary: &str,
    ) -> PyResult<Self> {
        let schema = rows::RowSchema::new(sentence_schema)?;
        let glossary =
            glossary::Glossary::parse(glossary).map_err(pyo3::exceptions::PyValueError::new_err)?;
        Ok(SegmentAligner {
            sentence_codes,
            segment_codes,
            schema,
            glossary,
        })
    }

    /// The segment's findings (evidence for the structure stage's `flags`, `given` where it
    /// found its own) and each aligned unit with its findings.
    #[pyo3(signature = (en, zh, flags, given))]
    fn align(
        &self,
        en: &str,
        zh: Option<&str>,
        flags: Vec<String>,
        given: HashMap<String, String>,
    ) -> PyResult<SegmentResult> {
        let (units, per_unit, found) = self.findings(en, zh, &flags, &given)?;
        let rows = units.into_iter().map(unit_tuple).zip(per_unit).collect();
        Ok((found, rows))
    }

    /// The segment's findings and its `sentences` rows as JSON lines, checked against the
    /// schema (the positions of rejected lines are returned, nothing is raised).
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (en, zh, flags, given, segment_id, transcript_id, split, segment_index))]
    fn rows<'py>(
        &self,
        py: Python<'py>,
        en: &str,
        zh: Option<&str>,
        flags: Vec<String>,
        given: HashMap<String, String>,
        segment_id: &str,
        transcript_id: &str,
        split: &str,
        segment_index: usize,
    ) -> PyResult<SegmentRows<'py>> {
        let (units, per_unit, found) = self.findings(en, zh, &flags, &given)?;
        let place = rows::SegmentPlace {
            segment_id,
            transcript_id,
            split,
            segment_index,
        };
        let mut lines = String::with_capacity(512 * units.len());
        let invalid = rows::sentence_lines(&place, &units, &per_unit, &self.schema, &mut lines);
        Ok((
            found,
            PyBytes::new(py, lines.as_bytes()),
            units.len(),
            invalid,
        ))
    }
}

/// Stable sentence-unit id: the segment id and the unit's position (`rows::sentence_id`).
#[pyfunction]
fn sentence_id(segment_id: &str, position: usize) -> String {
    rows::sentence_id(segment_id, position)
}

/// A refusal of a raw file as Python receives it (`decode::Problem::to_py`).
type PyProblem = decode::PyProblem;

/// A decoded file's lines, or why it cannot be read.
#[pyfunction]
fn decode_lines(data: &[u8]) -> (Vec<String>, Option<PyProblem>) {
    match decode::decode(data) {
        Ok(text) => (
            decode::lines(&text)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            None,
        ),
        Err(problem) => (vec![], Some(problem.to_py())),
    }
}

/// A raw file decoded, checked and split by its layout in one call: `(None, (layout, number
/// of lines, front, body, blank))`, or `(problem, None)`.
#[pyfunction]
fn parse_lines<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let text = match decode::decode(data) {
        Ok(text) => text,
        Err(problem) => {
            return Ok((Some(problem.to_py()), py.None())
                .into_pyobject(py)?
                .into_any())
        }
    };
    Ok(match layout::parse_text(&text) {
        Ok(parsed) => {
            let (front, body, blank) = parsed.split;
            let found = (parsed.layout, parsed.num_lines, front, body, blank);
            (None::<PyProblem>, found).into_pyobject(py)?.into_any()
        }
        Err(problem) => (Some(problem.to_py()), py.None())
            .into_pyobject(py)?
            .into_any(),
    })
}

fn borrowed(lines: &[String]) -> Vec<&str> {
    lines.iter().map(String::as_str).collect()
}

/// Whether the lines are written in the named layout.
#[pyfunction]
fn layout_matches(layout: &str, lines: Vec<String>) -> bool {
    layout::matches(layout, &borrowed(&lines))
}

/// The first layout (of `LAYOUTS`) whose test accepts the lines.
#[pyfunction]
fn detect_layout(lines: Vec<String>) -> Option<&'static str> {
    layout::detect(&borrowed(&lines))
}

/// Front matter `(number, text, kind)`, body lines `(number, text, slot)` and blank line numbers.
#[pyfunction]
fn layout_split<'py>(
    py: Python<'py>,
    layout: &str,
    lines: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(layout::split(layout, &borrowed(&lines))
        .into_pyobject(py)?
        .into_any())
}

/// Why the lines are refused as markup (a web page or XML saved as text), or None.
#[pyfunction]
fn refuse_markup(lines: Vec<String>) -> Option<PyProblem> {
    layout::refuse_markup(&borrowed(&lines))
        .err()
        .map(|p| p.to_py())
}

/// Why the lines are refused as a file that changes layout part-way, or None.
#[pyfunction]
fn refuse_mixed_layout(lines: Vec<String>) -> Option<PyProblem> {
    layout::refuse_mixed_layout(&borrowed(&lines))
        .err()
        .map(|p| p.to_py())
}

/// The front-matter kind of a line, or None.
#[pyfunction]
fn front_kind(text: &str) -> Option<&'static str> {
    front::front_kind(text)
}

/// Whether a line starts with a markup tag.
#[pyfunction]
fn markup_line(text: &str) -> bool {
    front::markup_line(text)
}

/// The code-point offset after a line's bullet, or None.
#[pyfunction]
fn bullet_end(text: &str) -> Option<usize> {
    layout::bullet_end(text)
}

/// The code-point offset after a line's indent, or None.
#[pyfunction]
fn indent_end(text: &str) -> Option<usize> {
    layout::indent_end(text)
}

/// Whether a line holds nothing visible.
#[pyfunction]
fn is_blank(text: &str) -> bool {
    lines::is_blank(text)
}

/// Whether a text holds a Han character or CJK punctuation.
#[pyfunction]
fn has_cjk(text: &str) -> bool {
    lines::has_cjk(text)
}

/// Whether a text holds a Han character.
#[pyfunction]
fn has_han(text: &str) -> bool {
    script::has_han(text)
}

/// The number of Han characters of a text.
#[pyfunction]
fn count_han(text: &str) -> usize {
    lines::count_han(text)
}

/// The slot a line's script points to (`en`, `zh`), or None.
#[pyfunction]
fn script_slot(text: &str) -> Option<&'static str> {
    lines::script_slot(text)
}

/// The slot of each body line `(number, text, slot)`: its marked slot, else its script's.
#[pyfunction]
fn body_slots<'py>(body: Vec<Bound<'py, PyTuple>>) -> PyResult<Vec<Option<Bound<'py, PyAny>>>> {
    let py = match body.first() {
        Some(line) => line.py(),
        None => return Ok(vec![]),
    };
    let (en, zh) = (PyString::intern(py, "en"), PyString::intern(py, "zh"));
    body.iter()
        .map(|line| {
            let marked = line.get_item(2)?;
            if !marked.is_none() {
                return Ok(Some(marked));
            }
            let text = line.get_item(1)?;
            Ok(
                match lines::script_slot(text.cast::<PyString>()?.to_str()?) {
                    Some("en") => Some(en.clone().into_any()),
                    Some(_) => Some(zh.clone().into_any()),
                    None => None,
                },
            )
        })
        .collect()
}

/// The compiled core of callcorpus (see `rust/` in the repository).
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Sentence>()?;
    m.add_class::<SegmentAligner>()?;
    m.add_class::<rows::RowSchema>()?;
    m.add_function(wrap_pyfunction!(sentence_id, m)?)?;
    m.add_function(wrap_pyfunction!(align_pair, m)?)?;
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
    m.add_function(wrap_pyfunction!(tmx_units, m)?)?;
    m.add_function(wrap_pyfunction!(moses_lines, m)?)?;
    m.add_function(wrap_pyfunction!(is_clean_pair, m)?)?;
    m.add_function(wrap_pyfunction!(meaning_issues, m)?)?;
    m.add_function(wrap_pyfunction!(split_en, m)?)?;
    m.add_function(wrap_pyfunction!(split_zh, m)?)?;
    m.add_function(wrap_pyfunction!(simplified_chars, m)?)?;
    m.add_function(wrap_pyfunction!(decode_lines, m)?)?;
    m.add_function(wrap_pyfunction!(parse_lines, m)?)?;
    m.add_function(wrap_pyfunction!(layout_matches, m)?)?;
    m.add_function(wrap_pyfunction!(detect_layout, m)?)?;
    m.add_function(wrap_pyfunction!(layout_split, m)?)?;
    m.add_function(wrap_pyfunction!(refuse_markup, m)?)?;
    m.add_function(wrap_pyfunction!(refuse_mixed_layout, m)?)?;
    m.add_function(wrap_pyfunction!(front_kind, m)?)?;
    m.add_function(wrap_pyfunction!(markup_line, m)?)?;
    m.add_function(wrap_pyfunction!(bullet_end, m)?)?;
    m.add_function(wrap_pyfunction!(indent_end, m)?)?;
    m.add_function(wrap_pyfunction!(is_blank, m)?)?;
    m.add_function(wrap_pyfunction!(has_cjk, m)?)?;
    m.add_function(wrap_pyfunction!(has_han, m)?)?;
    m.add_function(wrap_pyfunction!(count_han, m)?)?;
    m.add_function(wrap_pyfunction!(script_slot, m)?)?;
    m.add_function(wrap_pyfunction!(body_slots, m)?)?;
    m.add("MAX_LINE_CHARS", decode::MAX_LINE_CHARS)?;
    m.add("MARKUP_SHARE", layout::MARKUP_SHARE)?;
    m.add("MIN_BULLETS", layout::MIN_BULLETS)?;
    m.add("MAX_PLAIN_RUN", layout::MAX_PLAIN_RUN)?;
    m.add("LAYOUTS", layout::LAYOUTS.to_vec())?;
    m.add("INVISIBLE", lines::INVISIBLE)?;
    m.add("FINDING_CODES", findings::codes())?;
    m.add("MEANING_CODES", findings::MEANING_CODES.to_vec())?;
    m.add("RATIO", cost::RATIO)?;
    m.add("SMOOTH", cost::SMOOTH)?;
    m.add("SIGMA", cost::SIGMA)?;
    m.add("ANCHOR", cost::ANCHOR)?;
    m.add("UNALIGNED_PER_CHAR", cost::UNALIGNED_PER_CHAR)?;
    m.add("BEADS", align::BEADS.to_vec())?;
    m.add("BAND", align::BAND)?;
    let han: Vec<(char, char)> = script::HAN_RANGES.to_vec();
    m.add("HAN_RANGES", han)?;
    m.add("SIMPLIFIED_ONLY", simplified::SIMPLIFIED_ONLY)?;
    let files: Vec<(&str, &[u8])> = sources::SOURCES.to_vec();
    m.add("SOURCES", files)?;
    Ok(())
}
