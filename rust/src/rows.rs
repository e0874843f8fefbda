//! The rows of the `sentences` config, produced in bulk: each aligned unit of a segment as one
//! JSON line in schema column order (`schema/sentence.schema.json`), checked against that
//! schema here before anything is written. Python reads the lines as they are (JSON Lines
//! files) and builds the Arrow batches from them; no row becomes a Python object.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::Value;

use crate::findings::Finding;
use crate::json::Json;
use crate::units::Unit;

/// Where a segment's units belong: its id, its call's id and its index in the call.
pub struct SegmentPlace<'a> {
    pub segment_id: &'a str,
    pub transcript_id: &'a str,
    pub segment_index: usize,
}

/// Stable unit id: the segment id and the unit's 0-based position, zero-padded to 3 digits.
pub fn sentence_id(segment_id: &str, position: usize) -> String {
    format!("{segment_id}-{position:03}")
}

/// Appends one JSON line per unit (with its findings) to `out`.
pub fn sentence_lines(
    place: &SegmentPlace,
    units: &[Unit],
    per_unit: &[Vec<Finding>],
    out: &mut String,
) {
    for (k, (unit, found)) in units.iter().zip(per_unit).enumerate() {
        sentence_row(place, k, unit, found).write(out);
        out.push('\n');
    }
}

/// One unit's row (with its findings), its keys in schema column order.
fn sentence_row<'a>(
    place: &SegmentPlace<'a>,
    position: usize,
    unit: &'a Unit,
    found: &'a [Finding],
) -> Json<'a> {
    let side = |text: &'a str| Json::from(Some(text).filter(|t| !t.is_empty()));
    let translation = vec![("en", side(&unit.en)), ("zh", side(&unit.zh))];
    let (en, zh) = (unit.en_span, unit.zh_span);
    let id = sentence_id(place.segment_id, position);
    let flags = found
        .iter()
        .map(|(code, _)| Json::from(code.as_str()))
        .collect();
    Json::Object(vec![
        ("sentence_id", id.into()),
        ("segment_id", place.segment_id.into()),
        ("transcript_id", place.transcript_id.into()),
        ("segment_index", place.segment_index.into()),
        ("position", position.into()),
        ("translation", Json::Object(translation)),
        ("alignment", unit.kind.as_str().into()),
        ("score", unit.score.into()),
        ("en_start", en.map(|s| s.0).into()),
        ("en_end", en.map(|s| s.1).into()),
        ("zh_start", zh.map(|s| s.0).into()),
        ("zh_end", zh.map(|s| s.1).into()),
        ("flags", flags),
        ("flag_evidence", found.iter().map(evidence).collect()),
    ])
}

/// A finding as an item of `flag_evidence`.
fn evidence((code, evidence): &Finding) -> Json<'_> {
    Json::Object(vec![
        ("code", code.as_str().into()),
        ("evidence", evidence.as_str().into()),
    ])
}

/// A config's JSON Schema, compiled once: which of a batch of JSON lines it rejects.
#[pyclass(frozen, module = "builder._core")]
pub struct RowSchema {
    validator: jsonschema::Validator,
}

#[pymethods]
impl RowSchema {
    #[new]
    fn py_new(text: &str) -> PyResult<Self> {
        RowSchema::new(text)
    }

    /// Positions (0-based) of the lines of `lines` the schema rejects, or that are not JSON.
    #[pyo3(name = "invalid_lines")]
    fn py_invalid_lines(&self, lines: &str) -> Vec<usize> {
        self.invalid_lines(lines)
    }
}

impl RowSchema {
    /// The schema from its JSON text (the package's `schema/<config>.schema.json`).
    pub fn new(text: &str) -> PyResult<Self> {
        let schema: Value = serde_json::from_str(text)
            .map_err(|e| PyValueError::new_err(format!("schema is not JSON: {e}")))?;
        let validator = jsonschema::draft202012::new(&schema)
            .map_err(|e| PyValueError::new_err(format!("schema does not compile: {e}")))?;
        Ok(RowSchema { validator })
    }

    /// Positions (0-based) of the lines the schema rejects, or that are not JSON.
    pub fn invalid_lines(&self, lines: &str) -> Vec<usize> {
        lines
            .lines()
            .enumerate()
            .filter(|(_, line)| match serde_json::from_str::<Value>(line) {
                Ok(row) => !self.validator.is_valid(&row),
                Err(_) => true,
            })
            .map(|(k, _)| k)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::align_pair;

    fn example() -> (Vec<Unit>, Vec<Vec<Finding>>) {
        let units = align_pair("Revenue grew 12%. Thanks.", Some("營收成長 12%。謝謝。")).unwrap();
        let per_unit = vec![
            Vec::new(),
            vec![(
                "doubtful_alignment".to_owned(),
                "score 0.100 (1-1)".to_owned(),
            )],
        ];
        (units, per_unit)
    }

    const PLACE: SegmentPlace = SegmentPlace {
        segment_id: "T-2024Q1-0003",
        transcript_id: "T-2024Q1",
        segment_index: 3,
    };

    #[test]
    fn one_line_per_unit_in_column_order() {
        let (units, per_unit) = example();
        let mut out = String::new();
        sentence_lines(&PLACE, &units, &per_unit, &mut out);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with(
            "{\"sentence_id\":\"T-2024Q1-0003-000\",\"segment_id\":\"T-2024Q1-0003\",\"transcript_id\":\"T-2024Q1\",\
             \"segment_index\":3,\"position\":0,\"translation\":{\"en\":\"Revenue grew 12%.\",\"zh\":\"營收成長 12%。\"},\
             \"alignment\":\"1-1\",\"score\":"
        ));
        assert!(lines[0].ends_with(",\"en_start\":0,\"en_end\":17,\"zh_start\":0,\"zh_end\":9,\"flags\":[],\"flag_evidence\":[]}"));
        assert!(lines[1].ends_with(
            "\"flags\":[\"doubtful_alignment\"],\"flag_evidence\":[{\"code\":\"doubtful_alignment\",\"evidence\":\"score 0.100 (1-1)\"}]}"
        ));
    }

    #[test]
    fn the_schema_names_the_lines_it_rejects() {
        let schema = RowSchema::new(r#"{"type": "object", "required": ["a"]}"#).unwrap();
        assert_eq!(
            schema.invalid_lines("{\"a\":1}\n{\"b\":1}\nnot json\n"),
            vec![1, 2]
        );
    }
}
