//! The rows of the `segments` and `sentences` configs, produced in bulk: each segment as one
//! JSON line, each aligned unit of it as one, in schema column order
//! (`schema/segment.schema.json`, `schema/sentence.schema.json`). A row is built once as a
//! `Json` value, checked against its schema where it is (`InPlace`: the validator reads the
//! value, not its text) and written from it; the lines are the JSON Lines copy as they are.
//! The same rows become the Arrow batches of every other format in `crate::batch`: the
//! sentence rows from the units, with the values chosen here (`present`, `score`), the segment
//! rows from the same `Json` values (`segment_row`); no row becomes a Python object and none is
//! parsed back from its text.

use std::borrow::Cow;
use std::slice;

use jsonschema::json::{Array, Json as Representation, Node, NodeIdentity, Object};
use jsonschema::JsonType;
use serde_json::{Number, Value};

use crate::findings::Finding;
use crate::json::{push_integer, Json};
use crate::units::Unit;

/// Where a segment's units belong: its id, its call's id and split, and its index in the call.
pub struct SegmentPlace<'a> {
    pub segment_id: &'a str,
    pub transcript_id: &'a str,
    pub split: &'a str,
    pub segment_index: usize,
}

/// What the structure stage found of a segment, as its row holds it: its turn and speaker,
/// where in the call it stands, its texts and their source lines (integers as Python gave
/// them, so that a value out of the schema's range is the schema's to reject).
#[derive(Debug, Clone, Default)]
pub struct SegmentFacts {
    pub turn_index: i64,
    pub speaker: Option<String>,
    pub introduced_as: Option<String>,
    pub title: Option<String>,
    pub role: String,
    pub section: String,
    pub exchange: Option<i64>,
    pub exchange_role: Option<String>,
    pub en: String,
    pub zh: Option<String>,
    pub line_en: i64,
    pub line_zh: Option<i64>,
}

/// The columns of a `segments` row, in schema order.
pub const SEGMENT_COLUMNS: [&str; 17] = [
    "segment_id",
    "transcript_id",
    "split",
    "segment_index",
    "turn_index",
    "speaker",
    "speaker_introduced_as",
    "speaker_title",
    "speaker_role",
    "section",
    "exchange",
    "exchange_role",
    "translation",
    "flags",
    "source_line_en",
    "source_line_zh",
    "flag_evidence",
];

/// A segment's row (with the segment's findings), its keys in schema column order.
pub fn segment_row<'a>(
    place: &SegmentPlace<'a>,
    facts: &'a SegmentFacts,
    found: &'a [Finding],
) -> Json<'a> {
    let translation = vec![
        ("en", facts.en.as_str().into()),
        ("zh", facts.zh.as_deref().into()),
    ];
    let values = [
        place.segment_id.into(),
        place.transcript_id.into(),
        place.split.into(),
        place.segment_index.into(),
        facts.turn_index.into(),
        facts.speaker.as_deref().into(),
        facts.introduced_as.as_deref().into(),
        facts.title.as_deref().into(),
        facts.role.as_str().into(),
        facts.section.as_str().into(),
        facts.exchange.into(),
        facts.exchange_role.as_deref().into(),
        Json::Object(translation),
        codes(found),
        facts.line_en.into(),
        facts.line_zh.into(),
        found.iter().map(evidence).collect(),
    ];
    Json::Object(SEGMENT_COLUMNS.into_iter().zip(values).collect())
}

/// Appends a segment's JSON line to `out`, checked against `schema` as it is written; whether
/// the schema rejects it.
pub fn segment_line(
    place: &SegmentPlace,
    facts: &SegmentFacts,
    found: &[Finding],
    schema: &RowSchema,
    out: &mut String,
) -> bool {
    let row = segment_row(place, facts, found);
    let rejected = schema.rejects(&row);
    row.write(out);
    out.push('\n');
    rejected
}

/// The columns of a `sentences` row, in schema order: the keys of each JSON line, the columns of each batch.
pub const COLUMNS: [&str; 15] = [
    "sentence_id",
    "segment_id",
    "transcript_id",
    "split",
    "segment_index",
    "position",
    "translation",
    "alignment",
    "score",
    "en_start",
    "en_end",
    "zh_start",
    "zh_end",
    "flags",
    "flag_evidence",
];

/// A side of a unit's translation as its row holds it: None where the unit has no text.
pub fn present(text: &str) -> Option<&str> {
    Some(text).filter(|t| !t.is_empty())
}

/// A unit's score as its row holds it: None if it is not finite (JSON has no NaN or infinity).
pub fn score(unit: &Unit) -> Option<f64> {
    Some(unit.score).filter(|s| s.is_finite())
}

/// Stable unit id: the segment id and the unit's 0-based position, zero-padded to 3 digits.
pub fn sentence_id(segment_id: &str, position: usize) -> String {
    let mut id = String::with_capacity(segment_id.len() + 4);
    id.push_str(segment_id);
    id.push_str(match position {
        0..=9 => "-00",
        10..=99 => "-0",
        _ => "-",
    });
    push_integer(&mut id, position as u64);
    id
}

/// Appends one JSON line per unit (with its findings) to `out`, each row checked against
/// `schema` as it is written; the positions (0-based) of the rows the schema rejects.
pub fn sentence_lines(
    place: &SegmentPlace,
    units: &[Unit],
    per_unit: &[Vec<Finding>],
    schema: &RowSchema,
    out: &mut String,
) -> Vec<usize> {
    let mut rejected = Vec::new();
    for (k, (unit, found)) in units.iter().zip(per_unit).enumerate() {
        let row = sentence_row(place, k, unit, found);
        if schema.rejects(&row) {
            rejected.push(k);
        }
        row.write(out);
        out.push('\n');
    }
    rejected
}

/// One unit's row (with its findings), its keys in schema column order.
fn sentence_row<'a>(
    place: &SegmentPlace<'a>,
    position: usize,
    unit: &'a Unit,
    found: &'a [Finding],
) -> Json<'a> {
    let side = |text: &'a str| Json::from(present(text));
    let translation = vec![("en", side(&unit.en)), ("zh", side(&unit.zh))];
    let (en, zh) = (unit.en_span, unit.zh_span);
    let id = sentence_id(place.segment_id, position);
    let values = [
        id.into(),
        place.segment_id.into(),
        place.transcript_id.into(),
        place.split.into(),
        place.segment_index.into(),
        position.into(),
        Json::Object(translation),
        unit.kind.as_str().into(),
        score(unit).into(),
        en.map(|s| s.0).into(),
        en.map(|s| s.1).into(),
        zh.map(|s| s.0).into(),
        zh.map(|s| s.1).into(),
        codes(found),
        found.iter().map(evidence).collect(),
    ];
    let mut members = Vec::with_capacity(COLUMNS.len());
    for member in COLUMNS.into_iter().zip(values) {
        members.push(member);
    }
    Json::Object(members)
}

/// The findings' codes, as `flags`.
fn codes(found: &[Finding]) -> Json<'_> {
    found
        .iter()
        .map(|(code, _)| Json::from(code.as_str()))
        .collect()
}

/// A finding as an item of `flag_evidence`.
fn evidence((code, evidence): &Finding) -> Json<'_> {
    Json::Object(vec![
        ("code", code.as_str().into()),
        ("evidence", evidence.as_str().into()),
    ])
}

/// A config's JSON Schema, compiled once: which rows, or which of a batch of JSON lines, it
/// rejects.
pub struct RowSchema {
    validator: jsonschema::Validator<InPlace>,
}

impl RowSchema {
    /// The schema from its JSON text (the package's `schema/<config>.schema.json`).
    pub fn new(text: &str) -> Result<Self, String> {
        let schema: Value =
            serde_json::from_str(text).map_err(|e| format!("schema is not JSON: {e}"))?;
        let validator = jsonschema::options_for::<InPlace>()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&schema)
            .map_err(|e| format!("schema does not compile: {e}"))?;
        Ok(RowSchema { validator })
    }

    /// Whether the schema rejects a row.
    pub fn rejects(&self, row: &Json) -> bool {
        !self.validator.is_valid(row)
    }

    /// Positions (0-based) of the lines the schema rejects, or that are not JSON.
    pub fn invalid_lines(&self, lines: &str) -> Vec<usize> {
        lines
            .lines()
            .enumerate()
            .filter(|(_, line)| match serde_json::from_str::<Value>(line) {
                Ok(row) => self.rejects(&Json::borrowed(&row)),
                Err(_) => true,
            })
            .map(|(k, _)| k)
            .collect()
    }
}

/// `Json` values as the validator's instances (a custom instance representation of the
/// `jsonschema` crate), so a row is checked without being parsed back from its text: a node is
/// a reference into the value.
struct InPlace;

impl Representation for InPlace {
    type Node<'a> = &'a Json<'a>;
    type PreparedKey = String;
    type StringBuffer = ();

    // A value is a tree: no node is its own descendant.
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>((): &mut (), string: &str, f: impl FnOnce(Self::Node<'_>) -> T) -> T {
        f(&Json::from(string))
    }
}

impl<'a> Node<'a, InPlace> for &'a Json<'a> {
    type Object = &'a [(&'a str, Json<'a>)];
    type Array = &'a [Json<'a>];
    type Number = &'a Number;

    fn as_object(&self) -> Option<Self::Object> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Self::Array> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self {
            Json::String(text) => Some(Cow::Borrowed(text)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<&'a Number> {
        match self {
            Json::Number(number) => Some(number),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self {
            Json::Bool(truth) => Some(*truth),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    fn json_type(&self) -> JsonType {
        match self {
            Json::Null => JsonType::Null,
            Json::Bool(_) => JsonType::Boolean,
            Json::Number(_) => JsonType::Number,
            Json::String(_) => JsonType::String,
            Json::Array(_) => JsonType::Array,
            Json::Object(_) => JsonType::Object,
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(Json::to_value(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref::<Json>(*self) as usize))
    }
}

/// An object's member as the validator reads it: its name and a reference to its value.
type Member<'a> = (&'a str, &'a Json<'a>);
type Members<'a> =
    std::iter::Map<slice::Iter<'a, (&'a str, Json<'a>)>, fn(&'a (&'a str, Json<'a>)) -> Member<'a>>;

impl<'a> Object<'a, InPlace> for &'a [(&'a str, Json<'a>)] {
    type Node = &'a Json<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        <[_]>::len(self)
    }

    fn get(&self, key: &String) -> Option<&'a Json<'a>> {
        self.iter()
            .find(|(name, _)| name == key)
            .map(|(_, item)| item)
    }

    fn members(&self) -> Members<'a> {
        (*self).iter().map(|(name, item)| (*name, item))
    }
}

impl<'a> Array<'a, InPlace> for &'a [Json<'a>] {
    type Node = &'a Json<'a>;
    type ElementsIter = slice::Iter<'a, Json<'a>>;

    fn len(&self) -> usize {
        <[_]>::len(self)
    }

    fn elements(&self) -> slice::Iter<'a, Json<'a>> {
        (*self).iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::align_pair;
    use jsonschema::json::conformance;

    const SCHEMA: &str = include_str!("../../schema/sentence.schema.json");
    const SEGMENT_SCHEMA: &str = include_str!("../../schema/segment.schema.json");

    fn example() -> (Vec<Unit>, Vec<Vec<Finding>>) {
        let units = align_pair("Revenue grew 12%. Thanks.", Some("營收成長 12%。謝謝。"));
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
        split: "train",
        segment_index: 3,
    };

    #[test]
    fn one_line_per_unit_in_column_order() {
        let (units, per_unit) = example();
        let schema = RowSchema::new(SCHEMA).unwrap();
        let mut out = String::new();
        assert!(sentence_lines(&PLACE, &units, &per_unit, &schema, &mut out).is_empty());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with(
            "{\"sentence_id\":\"T-2024Q1-0003-000\",\"segment_id\":\"T-2024Q1-0003\",\"transcript_id\":\"T-2024Q1\",\
             \"split\":\"train\",\"segment_index\":3,\"position\":0,\"translation\":{\"en\":\"Revenue grew 12%.\",\"zh\":\"營收成長 12%。\"},\
             \"alignment\":\"1-1\",\"score\":"
        ));
        assert!(lines[0].ends_with(",\"en_start\":0,\"en_end\":17,\"zh_start\":0,\"zh_end\":9,\"flags\":[],\"flag_evidence\":[]}"));
        assert!(lines[1].ends_with(
            "\"flags\":[\"doubtful_alignment\"],\"flag_evidence\":[{\"code\":\"doubtful_alignment\",\"evidence\":\"score 0.100 (1-1)\"}]}"
        ));
    }

    #[test]
    fn sentence_ids_pad_the_position_to_three_digits() {
        for position in [0, 5, 42, 100, 999, 1234] {
            let id = sentence_id("T-2024Q1-0003", position);
            assert_eq!(id, format!("T-2024Q1-0003-{position:03}"));
        }
    }

    #[test]
    fn each_line_reads_back_as_the_row_checked() {
        let (units, per_unit) = example();
        let schema = RowSchema::new(SCHEMA).unwrap();
        let mut out = String::new();
        sentence_lines(&PLACE, &units, &per_unit, &schema, &mut out);
        for (k, line) in out.lines().enumerate() {
            let parsed: Value = serde_json::from_str(line).unwrap();
            let checked = sentence_row(&PLACE, k, &units[k], &per_unit[k]);
            assert_eq!(parsed, checked.to_value());
        }
    }

    #[test]
    fn rejected_rows_are_written_and_named_by_position() {
        let (units, per_unit) = example();
        let schema = RowSchema::new(r#"{"not": {}}"#).unwrap();
        let mut out = String::new();
        let rejected = sentence_lines(&PLACE, &units, &per_unit, &schema, &mut out);
        assert_eq!((rejected, out.lines().count()), (vec![0, 1], 2));
    }

    #[test]
    fn the_validator_can_rely_on_the_representation() {
        let document = conformance::document();
        conformance::assert_conformance::<InPlace>(&&Json::borrowed(&document));
    }

    #[test]
    fn values_come_back_as_they_were_parsed() {
        let document = conformance::document();
        assert_eq!(Json::borrowed(&document).to_value(), document);
    }

    #[test]
    fn the_schema_names_the_lines_it_rejects() {
        let schema = RowSchema::new(r#"{"type": "object", "required": ["a"]}"#).unwrap();
        assert_eq!(
            schema.invalid_lines("{\"a\":1}\n{\"b\":1}\nnot json\n"),
            vec![1, 2]
        );
    }

    /// What orjson writes for the same row (`orjson.dumps(row, option=OPT_APPEND_NEWLINE)`,
    /// pasted): `"` and `\\` escaped, control characters as `\\t`, `\\n` or `\\u00xx`, DEL,
    /// U+2028 and every other non-ASCII character as they are, no spaces, integers bare.
    const ORJSON_SEGMENT_LINE: &str = "{\"segment_id\":\"T-2024Q1-0007\",\"transcript_id\":\"T-2024Q1\",\"split\":\"test\",\"segment_index\":7,\"turn_index\":2,\"speaker\":\"Ann \\\"AJ\\\" Lee\\\\\",\"speaker_introduced_as\":null,\"speaker_title\":\"CFO\\t/ 財務長\",\"speaker_role\":\"corporate\",\"section\":\"qa\",\"exchange\":3,\"exchange_role\":\"answer\",\"translation\":{\"en\":\"Up 12%\u{2028}ok\\u0001\u{7f} é\",\"zh\":null},\"flags\":[\"missing_translation\"],\"source_line_en\":41,\"source_line_zh\":null,\"flag_evidence\":[{\"code\":\"missing_translation\",\"evidence\":\"no line\\n\"}]}\u{a}";

    fn segment_example() -> (SegmentFacts, Vec<Finding>) {
        let facts = SegmentFacts {
            turn_index: 2,
            speaker: Some("Ann \"AJ\" Lee\\".to_owned()),
            introduced_as: None,
            title: Some("CFO\t/ 財務長".to_owned()),
            role: "corporate".to_owned(),
            section: "qa".to_owned(),
            exchange: Some(3),
            exchange_role: Some("answer".to_owned()),
            en: "Up 12%\u{2028}ok\u{1}\u{7f} é".to_owned(),
            zh: None,
            line_en: 41,
            line_zh: None,
        };
        let found = vec![("missing_translation".to_owned(), "no line\n".to_owned())];
        (facts, found)
    }

    const SEGMENT_PLACE: SegmentPlace = SegmentPlace {
        segment_id: "T-2024Q1-0007",
        transcript_id: "T-2024Q1",
        split: "test",
        segment_index: 7,
    };

    #[test]
    fn a_segment_line_is_the_one_orjson_writes() {
        let (facts, found) = segment_example();
        let schema = RowSchema::new(SEGMENT_SCHEMA).unwrap();
        let mut out = String::new();
        assert!(!segment_line(
            &SEGMENT_PLACE,
            &facts,
            &found,
            &schema,
            &mut out
        ));
        assert_eq!(out, ORJSON_SEGMENT_LINE);
    }

    #[test]
    fn a_segment_row_out_of_its_schema_is_written_and_said_to_be_rejected() {
        let (mut facts, found) = segment_example();
        facts.section = "lobby".to_owned();
        facts.line_en = 0;
        let schema = RowSchema::new(SEGMENT_SCHEMA).unwrap();
        let mut out = String::new();
        assert!(segment_line(
            &SEGMENT_PLACE,
            &facts,
            &found,
            &schema,
            &mut out
        ));
        assert!(out.contains("\"section\":\"lobby\"") && out.contains("\"source_line_en\":0,"));
    }
}
