//! The rows of the `sentences` config, produced in bulk: each aligned unit of a segment as one
//! JSON line in schema column order (`schema/sentence.schema.json`), checked against that
//! schema here before anything is written. Python reads the lines as they are (JSON Lines
//! files) and builds the Arrow batches from them; no row becomes a Python object.

use std::fmt::Write;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::findings::Finding;
use crate::json;
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
        out.push_str("{\"sentence_id\":");
        json::string(out, &sentence_id(place.segment_id, k));
        out.push_str(",\"segment_id\":");
        json::string(out, place.segment_id);
        out.push_str(",\"transcript_id\":");
        json::string(out, place.transcript_id);
        let _ = write!(
            out,
            ",\"segment_index\":{},\"position\":{k}",
            place.segment_index
        );
        out.push_str(",\"translation\":{\"en\":");
        json::optional_string(out, Some(unit.en.as_str()).filter(|t| !t.is_empty()));
        out.push_str(",\"zh\":");
        json::optional_string(out, Some(unit.zh.as_str()).filter(|t| !t.is_empty()));
        out.push_str("},\"alignment\":");
        json::string(out, &unit.kind);
        out.push_str(",\"score\":");
        json::float(out, unit.score);
        spans(out, unit);
        evidence(out, found);
        out.push_str("}\n");
    }
}

fn spans(out: &mut String, unit: &Unit) {
    let (en, zh) = (unit.en_span, unit.zh_span);
    for (name, value) in [
        ("en_start", en.map(|s| s.0)),
        ("en_end", en.map(|s| s.1)),
        ("zh_start", zh.map(|s| s.0)),
        ("zh_end", zh.map(|s| s.1)),
    ] {
        let _ = write!(out, ",\"{name}\":");
        json::optional_int(out, value);
    }
}

fn evidence(out: &mut String, found: &[Finding]) {
    out.push_str(",\"flags\":[");
    for (k, (code, _)) in found.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        json::string(out, code);
    }
    out.push_str("],\"flag_evidence\":[");
    for (k, (code, evidence)) in found.iter().enumerate() {
        out.push_str(if k > 0 { ",{\"code\":" } else { "{\"code\":" });
        json::string(out, code);
        out.push_str(",\"evidence\":");
        json::string(out, evidence);
        out.push('}');
    }
    out.push(']');
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
        let schema: serde_json::Value = serde_json::from_str(text)
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
            .filter(
                |(_, line)| match serde_json::from_str::<serde_json::Value>(line) {
                    Ok(row) => !self.validator.is_valid(&row),
                    Err(_) => true,
                },
            )
            .map(|(k, _)| k)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::align_pair;

    #[test]
    fn one_line_per_unit_in_column_order() {
        let units = align_pair("Revenue grew 12%. Thanks.", Some("營收成長 12%。謝謝。")).unwrap();
        let per_unit = vec![
            Vec::new(),
            vec![(
                "doubtful_alignment".to_owned(),
                "score 0.100 (1-1)".to_owned(),
            )],
        ];
        let place = SegmentPlace {
            segment_id: "T-2024Q1-0003",
            transcript_id: "T-2024Q1",
            segment_index: 3,
        };
        let mut out = String::new();
        sentence_lines(&place, &units, &per_unit, &mut out);
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
