//! The alignment of a segment (`crate::segment`, `crate::units`, `crate::align`,
//! `crate::findings`); Python API: `builder/align/`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::evidence::{sentences, PySentence};
use super::rows::{AlignedRows, PyRowSchema};
use crate::batch::SegmentRows;
use crate::segment::{self, Span};
use crate::{align, findings, glossary, meaning, rows, simplified, units};

/// A flag code from the catalog and the evidence for it (`crate::findings::Finding`).
#[pyclass(frozen, get_all, module = "builder._core")]
#[derive(Clone)]
pub struct Finding {
    code: String,
    evidence: String,
}

fn typed(found: Vec<findings::Finding>) -> Vec<Finding> {
    let finding = |(code, evidence)| Finding { code, evidence };
    found.into_iter().map(finding).collect()
}

/// An aligned unit (`crate::units::Unit`): its kind (`1-1`, `2-1`, …), where each side starts
/// and ends in its paragraph (code points; None on a side the unit does not have), the texts,
/// the score, and the numbers of each side without a counterpart, as written.
#[pyclass(frozen, get_all, module = "builder._core")]
#[derive(Clone)]
pub struct AlignedUnit {
    kind: String,
    en_start: Option<usize>,
    en_end: Option<usize>,
    zh_start: Option<usize>,
    zh_end: Option<usize>,
    en: String,
    zh: String,
    score: f64,
    en_missing: Vec<String>,
    zh_missing: Vec<String>,
}

impl From<units::Unit> for AlignedUnit {
    fn from(unit: units::Unit) -> Self {
        AlignedUnit {
            kind: unit.kind,
            en_start: unit.en_span.map(|s| s.0),
            en_end: unit.en_span.map(|s| s.1),
            zh_start: unit.zh_span.map(|s| s.0),
            zh_end: unit.zh_span.map(|s| s.1),
            en: unit.en,
            zh: unit.zh,
            score: unit.score,
            en_missing: unit.en_missing,
            zh_missing: unit.zh_missing,
        }
    }
}

/// A segment aligned: its findings (catalog order), its units and each unit's findings.
#[pyclass(frozen, get_all, module = "builder._core")]
pub struct AlignedSegment {
    findings: Vec<Finding>,
    units: Vec<AlignedUnit>,
    unit_findings: Vec<Vec<Finding>>,
}

/// Spans (code-point offsets) of the sentences of an English paragraph.
#[pyfunction]
pub fn split_en(text: &str) -> Vec<Span> {
    segment::split_en(text)
}

/// Spans (code-point offsets) of the sentences of a Chinese paragraph.
#[pyfunction]
pub fn split_zh(text: &str) -> Vec<Span> {
    segment::split_zh(text)
}

/// The aligned units of an English paragraph and its translation (None: no translation).
#[pyfunction]
#[pyo3(signature = (en, zh))]
pub fn align_pair(en: &str, zh: Option<&str>) -> Vec<AlignedUnit> {
    let units = units::align_pair(en, zh).into_iter();
    units.map(AlignedUnit::from).collect()
}

/// The cheapest bead path as (i, j, English count, Chinese count, bead cost) (test-only: the
/// recorded alignment cases check the search itself).
#[pyfunction]
pub fn bead_path(
    en: Vec<Bound<'_, PySentence>>,
    zh: Vec<Bound<'_, PySentence>>,
) -> PyResult<Vec<align::Step>> {
    align::path(&sentences(&en), &sentences(&zh)).map_err(|e| PyValueError::new_err(e.to_string()))
}

thread_local! {
    /// Where a segment's JSON lines are written before Python's bytes are made from them: one
    /// buffer, reused, rather than one allocated (and its pages faulted in) per segment.
    static LINES: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The flag catalog's codes per scope and the `sentences` and `segments` schemas, given once;
/// aligns segments with their findings, and writes their rows.
#[pyclass(frozen, module = "builder._core")]
pub struct SegmentAligner {
    sentence_codes: Vec<String>,
    segment_codes: Vec<String>,
    schema: rows::RowSchema,
    segment_schema: rows::RowSchema,
    glossary: glossary::Glossary,
}

/// A segment's turn as its row holds it: the turn's index, the speaker's name, the name the
/// call introduced them by, their title and their role.
type TurnFacts = (i64, Option<String>, Option<String>, Option<String>, String);
/// Where a segment stands and where it comes from: its section, exchange and role in it, and
/// the source lines of its English and Chinese.
type Standing = (String, Option<i64>, Option<String>, i64, Option<i64>);

fn facts(en: &str, zh: Option<&str>, turn: TurnFacts, standing: Standing) -> rows::SegmentFacts {
    let (turn_index, speaker, introduced_as, title, role) = turn;
    let (section, exchange, exchange_role, line_en, line_zh) = standing;
    rows::SegmentFacts {
        turn_index,
        speaker,
        introduced_as,
        title,
        role,
        section,
        exchange,
        exchange_role,
        en: en.to_owned(),
        zh: zh.map(str::to_owned),
        line_en,
        line_zh,
    }
}

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
    ) -> Aligned {
        let units = units::align_pair(en, zh);
        let text = findings::paragraph_findings(en, zh);
        let inherited: Vec<String> = findings::INHERITED
            .iter()
            .filter(|code| flags.iter().any(|f| f == *code) || text.iter().any(|(c, _)| c == *code))
            .map(|code| code.to_string())
            .collect();
        let simplified = zh.map(simplified::simplified_chars).unwrap_or_default();
        let per_unit = findings::unit_findings(
            &units,
            &inherited,
            !simplified.is_empty(),
            &self.glossary,
            &self.sentence_codes,
        );
        let segment = findings::Segment {
            en,
            zh,
            flags,
            given,
            text: &text,
            simplified: &simplified,
        };
        let found = findings::segment_findings(&segment, &units, &per_unit, &self.segment_codes);
        (units, per_unit, found)
    }
}

#[pymethods]
impl SegmentAligner {
    #[new]
    #[pyo3(signature = (sentence_codes, segment_codes, sentence_schema, segment_schema, glossary))]
    fn new(
        sentence_codes: Vec<String>,
        segment_codes: Vec<String>,
        sentence_schema: &str,
        segment_schema: &str,
        glossary: &str,
    ) -> PyResult<Self> {
        let schema = PyRowSchema::compile(sentence_schema)?;
        let segment_schema = PyRowSchema::compile(segment_schema)?;
        let glossary = glossary::Glossary::parse(glossary).map_err(PyValueError::new_err)?;
        Ok(SegmentAligner {
            sentence_codes,
            segment_codes,
            schema,
            segment_schema,
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
    ) -> AlignedSegment {
        let (units, per_unit, found) = self.findings(en, zh, &flags, &given);
        AlignedSegment {
            findings: typed(found),
            units: units.into_iter().map(AlignedUnit::from).collect(),
            unit_findings: per_unit.into_iter().map(typed).collect(),
        }
    }

    /// The segment's rows: its `segments` row (`turn` and `standing` the facts of the
    /// structure stage it holds, `TurnFacts` and `Standing`) and its `sentences` rows, as JSON
    /// lines checked against their schemas (what is rejected is said, nothing is raised), and
    /// kept for the Arrow batches (`SegmentBatches`, `SentenceBatches`).
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (en, zh, flags, given, segment_id, transcript_id, split, segment_index, turn, standing))]
    fn rows(
        &self,
        py: Python<'_>,
        en: &str,
        zh: Option<&str>,
        flags: Vec<String>,
        given: HashMap<String, String>,
        segment_id: &str,
        transcript_id: &str,
        split: &str,
        segment_index: usize,
        turn: TurnFacts,
        standing: Standing,
    ) -> AlignedRows {
        let (units, per_unit, found) = self.findings(en, zh, &flags, &given);
        let segment = SegmentRows {
            segment_id: segment_id.to_owned(),
            transcript_id: transcript_id.to_owned(),
            split: split.to_owned(),
            segment_index,
            facts: facts(en, zh, turn, standing),
            segment_findings: found,
            units,
            findings: per_unit,
        };
        let (segment_line, segment_rejected, lines, invalid) = LINES.with_borrow_mut(|lines| {
            let place = segment.place();
            lines.clear();
            let segment_rejected = rows::segment_line(
                &place,
                &segment.facts,
                &segment.segment_findings,
                &self.segment_schema,
                lines,
            );
            let segment_line = PyBytes::new(py, lines.as_bytes()).unbind();
            lines.clear();
            let invalid = rows::sentence_lines(
                &place,
                &segment.units,
                &segment.findings,
                &self.schema,
                lines,
            );
            let sentence_lines = PyBytes::new(py, lines.as_bytes()).unbind();
            (segment_line, segment_rejected, sentence_lines, invalid)
        });
        AlignedRows {
            segment_line,
            segment_rejected,
            flags: segment
                .segment_findings
                .iter()
                .map(|(code, _)| code.clone())
                .collect(),
            lines,
            count: segment.units.len(),
            invalid,
            rows: Arc::new(segment),
        }
    }
}

/// The meaning checks of one sentence pair (`crate::meaning`): each code with its evidence.
#[pyfunction]
pub fn meaning_issues(en: &str, zh: &str) -> Vec<(&'static str, String)> {
    meaning::meaning_issues(en, zh)
}

/// The stage's classes, functions and constants.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Finding>()?;
    m.add_class::<AlignedUnit>()?;
    m.add_class::<AlignedSegment>()?;
    m.add_class::<SegmentAligner>()?;
    m.add_function(wrap_pyfunction!(split_en, m)?)?;
    m.add_function(wrap_pyfunction!(split_zh, m)?)?;
    m.add_function(wrap_pyfunction!(align_pair, m)?)?;
    m.add_function(wrap_pyfunction!(bead_path, m)?)?;
    m.add_function(wrap_pyfunction!(meaning_issues, m)?)?;
    m.add("BEADS", align::BEADS.to_vec())?;
    m.add("FINDING_CODES", findings::codes())?;
    m.add("MEANING_CODES", findings::MEANING_CODES.to_vec())?;
    Ok(())
}
