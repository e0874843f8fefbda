//! The rows of the `sentences` and `segments` configs as Arrow record batches: the values
//! `crate::rows` writes as JSON lines (and checks against the JSON Schema), here as the arrays
//! of the config's Arrow schema (`builder/schema/derived.py`, which the binding layer hands
//! in). The sentence rows are built column by column from the aligned units (`RowQueue`); the
//! segment rows are appended from their `Json` values to the columns `crate::value_batch`
//! builds for any row (`SegmentQueue`), as the rows Python builds are. pyarrow receives each batch through the Arrow C data interface
//! (`crate::bindings::rows`): no row is parsed back from text.
//!
//! A batch is built whole from exactly the rows it holds (a queue of segments' rows, cut at any
//! row), so its buffers hold those rows and nothing else, and a column without nulls has no
//! validity buffer: what pyarrow's own JSON reader built from the lines, to the byte.

use std::collections::VecDeque;
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, FieldRef, Fields, SchemaRef};

use crate::findings::Finding;
use crate::json::Json;
use crate::rows::{
    present, score, segment_row, sentence_id, SegmentFacts, SegmentPlace, COLUMNS, SEGMENT_COLUMNS,
};
use crate::units::Unit;
use crate::value_batch::RowBuilder;

/// A segment's rows, owned until they are written: where they belong, what the segment's own
/// row says and its findings, its units and each unit's findings.
pub struct SegmentRows {
    pub segment_id: String,
    pub transcript_id: String,
    pub split: String,
    pub segment_index: usize,
    pub facts: SegmentFacts,
    pub segment_findings: Vec<Finding>,
    pub units: Vec<Unit>,
    pub findings: Vec<Vec<Finding>>,
}

impl SegmentRows {
    /// Where the rows belong.
    pub fn place(&self) -> SegmentPlace<'_> {
        SegmentPlace {
            segment_id: &self.segment_id,
            transcript_id: &self.transcript_id,
            split: &self.split,
            segment_index: self.segment_index,
        }
    }

    /// The segment's own row (`crate::rows::segment_row`).
    pub fn segment_row(&self) -> Json<'_> {
        segment_row(&self.place(), &self.facts, &self.segment_findings)
    }
}

/// Segments waiting for their `segments` rows to be written, in order, taken as batches of the
/// config's schema.
pub struct SegmentQueue {
    segments: VecDeque<Arc<SegmentRows>>,
    rows: RowBuilder,
}

impl SegmentQueue {
    /// An empty queue for batches of `schema`, whose columns must be `rows::SEGMENT_COLUMNS`.
    pub fn new(schema: &SchemaRef) -> Result<Self, String> {
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        if names != SEGMENT_COLUMNS {
            return Err(format!(
                "the segments schema has the columns {names:?}, the core builds {SEGMENT_COLUMNS:?}"
            ));
        }
        Ok(SegmentQueue {
            segments: VecDeque::new(),
            rows: RowBuilder::new(schema)?,
        })
    }

    /// Queue a segment's row after those queued.
    pub fn push(&mut self, rows: Arc<SegmentRows>) {
        self.segments.push_back(rows);
    }

    /// How many rows are queued.
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether no row is queued.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The first `count` rows (all of them if fewer are queued) as one batch, removed from the
    /// queue.
    pub fn take(&mut self, count: usize) -> Result<RecordBatch, String> {
        let count = count.min(self.segments.len());
        for segment in self.segments.drain(..count) {
            self.rows.append(&&segment.segment_row())?;
        }
        self.rows.finish()
    }
}

/// One row: its segment's rows and the unit's position in them.
#[derive(Clone, Copy)]
struct Row<'a> {
    segment: &'a SegmentRows,
    position: usize,
}

impl<'a> Row<'a> {
    fn unit(&self) -> &'a Unit {
        &self.segment.units[self.position]
    }

    fn found(&self) -> &'a [Finding] {
        &self.segment.findings[self.position]
    }
}

/// Rows waiting to be written, in order: whole segments' rows, the first maybe partly taken.
#[derive(Default)]
pub struct RowQueue {
    segments: VecDeque<Arc<SegmentRows>>,
    /// Rows of the first segment already taken.
    taken: usize,
    len: usize,
}

impl RowQueue {
    /// Queue a segment's rows after those queued.
    pub fn push(&mut self, rows: Arc<SegmentRows>) {
        self.len += rows.units.len();
        self.segments.push_back(rows);
    }

    /// How many rows are queued.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no row is queued.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The first `count` rows (all of them if fewer are queued) as one batch of `schema`,
    /// removed from the queue.
    pub fn take(&mut self, count: usize, schema: &SchemaRef) -> Result<RecordBatch, String> {
        let count = count.min(self.len);
        let batch = sentence_batch(&self.first(count), schema)?;
        self.drop_first(count);
        Ok(batch)
    }

    fn first(&self, count: usize) -> Vec<Row<'_>> {
        let mut rows = Vec::with_capacity(count);
        let mut start = self.taken;
        for segment in &self.segments {
            let end = segment.units.len().min(start + count - rows.len());
            rows.extend((start..end).map(|position| Row { segment, position }));
            if rows.len() == count {
                break;
            }
            start = 0;
        }
        rows
    }

    fn drop_first(&mut self, mut count: usize) {
        self.len -= count;
        while let Some(first) = self.segments.front() {
            let left = first.units.len() - self.taken;
            if left > count {
                self.taken += count;
                return;
            }
            count -= left;
            self.taken = 0;
            self.segments.pop_front();
        }
    }
}

/// The rows as one batch of `schema`, whose columns must be the rows' (`rows::COLUMNS`, in
/// that order) and of the types built here; the nested fields (the list items, the struct
/// members) are the schema's own.
fn sentence_batch(rows: &[Row], schema: &SchemaRef) -> Result<RecordBatch, String> {
    let fields = schema.fields();
    let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
    if names != COLUMNS {
        return Err(format!(
            "the sentences schema has the columns {names:?}, the core builds {COLUMNS:?}"
        ));
    }
    let columns = vec![
        strings(
            rows.iter()
                .map(|r| Some(sentence_id(&r.segment.segment_id, r.position))),
        ),
        strings(rows.iter().map(|r| Some(&r.segment.segment_id))),
        strings(rows.iter().map(|r| Some(&r.segment.transcript_id))),
        strings(rows.iter().map(|r| Some(&r.segment.split))),
        integers(rows.iter().map(|r| Some(r.segment.segment_index))),
        integers(rows.iter().map(|r| Some(r.position))),
        translation(rows, &fields[6])?,
        strings(rows.iter().map(|r| Some(&r.unit().kind))),
        floats(rows.iter().map(|r| score(r.unit()))),
        integers(rows.iter().map(|r| r.unit().en_span.map(|s| s.0))),
        integers(rows.iter().map(|r| r.unit().en_span.map(|s| s.1))),
        integers(rows.iter().map(|r| r.unit().zh_span.map(|s| s.0))),
        integers(rows.iter().map(|r| r.unit().zh_span.map(|s| s.1))),
        flags(rows, &fields[13])?,
        flag_evidence(rows, &fields[14])?,
    ];
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| format!("sentences batch: {e}"))
}

/// `translation`: the struct of the two sides, each null where the unit has no text.
fn translation(rows: &[Row], field: &FieldRef) -> Result<ArrayRef, String> {
    let members = struct_members(field)?;
    let en = strings(rows.iter().map(|r| present(&r.unit().en)));
    let zh = strings(rows.iter().map(|r| present(&r.unit().zh)));
    let array = StructArray::try_new(members, vec![en, zh], None);
    Ok(Arc::new(array.map_err(|e| format!("`translation`: {e}"))?))
}

/// `flags`: each row's codes.
fn flags(rows: &[Row], field: &FieldRef) -> Result<ArrayRef, String> {
    let codes = rows
        .iter()
        .flat_map(|r| r.found().iter().map(|(code, _)| Some(code)));
    list(field, rows, strings(codes))
}

/// `flag_evidence`: each row's codes with their evidence, as structs.
fn flag_evidence(rows: &[Row], field: &FieldRef) -> Result<ArrayRef, String> {
    let members = struct_members(list_item(field)?)?;
    let found = || rows.iter().flat_map(|r| r.found());
    let codes = strings(found().map(|(code, _)| Some(code)));
    let evidence = strings(found().map(|(_, evidence)| Some(evidence)));
    let items = StructArray::try_new(members, vec![codes, evidence], None);
    let items = items.map_err(|e| format!("`flag_evidence`: {e}"))?;
    list(field, rows, Arc::new(items))
}

/// A list column of one item per finding of each row.
fn list(field: &FieldRef, rows: &[Row], items: ArrayRef) -> Result<ArrayRef, String> {
    let offsets = OffsetBuffer::from_lengths(rows.iter().map(|r| r.found().len()));
    let array = ListArray::try_new(list_item(field)?.clone(), offsets, items, None);
    Ok(Arc::new(
        array.map_err(|e| format!("`{}`: {e}", field.name()))?,
    ))
}

fn list_item(field: &FieldRef) -> Result<&FieldRef, String> {
    match field.data_type() {
        DataType::List(item) => Ok(item),
        other => Err(format!("`{}` is {other}, not a list", field.name())),
    }
}

fn struct_members(field: &FieldRef) -> Result<Fields, String> {
    match field.data_type() {
        DataType::Struct(members) => Ok(members.clone()),
        other => Err(format!("`{}` is {other}, not a struct", field.name())),
    }
}

fn strings<S: AsRef<str>>(values: impl Iterator<Item = Option<S>>) -> ArrayRef {
    let mut column = StringBuilder::new();
    values.for_each(|value| column.append_option(value));
    Arc::new(column.finish())
}

fn integers(values: impl Iterator<Item = Option<usize>>) -> ArrayRef {
    let mut column = Int64Builder::new();
    values.for_each(|value| column.append_option(value.map(|v| v as i64)));
    Arc::new(column.finish())
}

fn floats(values: impl Iterator<Item = Option<f64>>) -> ArrayRef {
    let mut column = Float64Builder::new();
    values.for_each(|value| column.append_option(value));
    Arc::new(column.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::align_pair;
    use arrow_array::{Array, Float64Array, Int64Array, StringArray};
    use arrow_schema::{Field, Schema};

    fn segment(id: &str, index: usize, en: &str, zh: Option<&str>) -> Arc<SegmentRows> {
        let units = align_pair(en, zh);
        let mut findings = vec![Vec::new(); units.len()];
        findings[0].push((
            "doubtful_alignment".to_owned(),
            "score 0.100 (1-1)".to_owned(),
        ));
        Arc::new(SegmentRows {
            segment_id: format!("T-2024Q1-{id}"),
            transcript_id: "T-2024Q1".to_owned(),
            split: "train".to_owned(),
            segment_index: index,
            facts: SegmentFacts {
                en: en.to_owned(),
                zh: zh.map(str::to_owned),
                role: "unknown".to_owned(),
                section: "qa".to_owned(),
                exchange: Some(2),
                line_en: 10 + index as i64,
                ..SegmentFacts::default()
            },
            segment_findings: vec![("untranslated".to_owned(), "no zh".to_owned())],
            units,
            findings,
        })
    }

    fn schema() -> SchemaRef {
        let text = || Field::new("item", DataType::Utf8, true);
        let pair = |a: &str, b: &str| {
            Fields::from(vec![
                Field::new(a, DataType::Utf8, true),
                Field::new(b, DataType::Utf8, true),
            ])
        };
        let evidence = Field::new("item", DataType::Struct(pair("code", "evidence")), true);
        let kind = |name: &str| match name {
            "segment_index" | "position" | "en_start" | "en_end" | "zh_start" | "zh_end" => {
                DataType::Int64
            }
            "score" => DataType::Float64,
            "translation" => DataType::Struct(pair("en", "zh")),
            "flags" => DataType::List(Arc::new(text())),
            "flag_evidence" => DataType::List(Arc::new(evidence.clone())),
            _ => DataType::Utf8,
        };
        let fields: Vec<Field> = COLUMNS
            .iter()
            .map(|n| Field::new(*n, kind(n), true))
            .collect();
        Arc::new(Schema::new(fields))
    }

    fn queue() -> RowQueue {
        let mut queue = RowQueue::default();
        queue.push(segment(
            "0000",
            0,
            "Revenue grew 12%. Thanks.",
            Some("營收成長 12%。謝謝。"),
        ));
        queue.push(segment("0001", 1, "Hello.", None));
        queue.push(segment("0002", 2, "One. Two. Three.", Some("一。二。三。")));
        queue
    }

    fn column<'a, T: 'static>(batch: &'a RecordBatch, name: &str) -> &'a T {
        batch
            .column_by_name(name)
            .unwrap()
            .as_any()
            .downcast_ref::<T>()
            .unwrap()
    }

    #[test]
    fn batches_are_cut_at_any_row_across_segments() {
        let mut queue = queue();
        assert_eq!(queue.len(), 6);
        let ids = |batch: &RecordBatch| -> Vec<String> {
            let ids = column::<StringArray>(batch, "sentence_id");
            ids.iter().map(|id| id.unwrap().to_owned()).collect()
        };
        let first = queue.take(3, &schema()).unwrap();
        assert_eq!(
            ids(&first),
            [
                "T-2024Q1-0000-000",
                "T-2024Q1-0000-001",
                "T-2024Q1-0001-000"
            ]
        );
        let second = queue.take(2, &schema()).unwrap();
        assert_eq!(ids(&second), ["T-2024Q1-0002-000", "T-2024Q1-0002-001"]);
        let last = queue.take(10, &schema()).unwrap();
        assert_eq!(
            (ids(&last), queue.is_empty()),
            (vec!["T-2024Q1-0002-002".to_owned()], true)
        );
        assert_eq!(queue.take(1, &schema()).unwrap().num_rows(), 0);
    }

    #[test]
    fn columns_hold_the_rows_values_and_nulls_only_where_a_value_is_missing() {
        let batch = queue().take(6, &schema()).unwrap();
        let index = column::<Int64Array>(&batch, "segment_index");
        assert_eq!(index.values().to_vec(), vec![0, 0, 1, 2, 2, 2]);
        assert!(index.nulls().is_none());
        let en_start = column::<Int64Array>(&batch, "en_start");
        assert!(en_start.nulls().is_none());
        let zh_start = column::<Int64Array>(&batch, "zh_start");
        assert_eq!((zh_start.null_count(), zh_start.is_null(2)), (1, true));
        let score = column::<Float64Array>(&batch, "score");
        assert_eq!(score.value(2), 0.0);
        let translation = column::<StructArray>(&batch, "translation");
        assert!(translation.nulls().is_none());
        let zh = translation
            .column(1)
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert_eq!((zh.value(0), zh.is_null(2)), ("營收成長 12%。", true));
        let flags = column::<ListArray>(&batch, "flags");
        assert_eq!(flags.value_offsets().to_vec(), vec![0, 1, 1, 2, 3, 3, 3]);
        let evidence = column::<ListArray>(&batch, "flag_evidence");
        let items = evidence
            .values()
            .as_any()
            .downcast_ref::<StructArray>()
            .unwrap();
        let text = items
            .column(1)
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert_eq!(text.value(0), "score 0.100 (1-1)");
    }

    #[test]
    fn a_schema_with_other_columns_is_refused() {
        let mut fields: Vec<FieldRef> = schema().fields().iter().cloned().collect();
        fields.swap(0, 1);
        let swapped = Arc::new(Schema::new(fields));
        assert!(queue().take(1, &swapped).unwrap_err().contains("columns"));
        let mut fields: Vec<FieldRef> = schema().fields().iter().cloned().collect();
        fields[4] = Arc::new(Field::new("segment_index", DataType::Int32, true));
        let narrower = Arc::new(Schema::new(fields));
        assert!(queue().take(1, &narrower).unwrap_err().contains("Int32"));
    }

    fn segment_schema() -> SchemaRef {
        let text = |name: &str| Field::new(name, DataType::Utf8, true);
        let pair = |a: &str, b: &str| Fields::from(vec![text(a), text(b)]);
        let evidence = Field::new("item", DataType::Struct(pair("code", "evidence")), true);
        let kind = |name: &str| match name {
            "segment_index" | "turn_index" | "exchange" | "source_line_en" | "source_line_zh" => {
                DataType::Int64
            }
            "translation" => DataType::Struct(pair("en", "zh")),
            "flags" => DataType::List(Arc::new(text("item"))),
            "flag_evidence" => DataType::List(Arc::new(evidence.clone())),
            _ => DataType::Utf8,
        };
        let fields: Vec<Field> = SEGMENT_COLUMNS
            .iter()
            .map(|n| Field::new(*n, kind(n), true))
            .collect();
        Arc::new(Schema::new(fields))
    }

    #[test]
    fn segment_rows_are_taken_in_order_with_their_values() {
        let mut queue = SegmentQueue::new(&segment_schema()).unwrap();
        queue.push(segment("0000", 0, "Revenue grew.", Some("營收成長。")));
        queue.push(segment("0001", 1, "Hello.", None));
        queue.push(segment("0002", 2, "Bye.", Some("再見。")));
        let first = queue.take(2).unwrap();
        let ids = column::<StringArray>(&first, "segment_id");
        assert_eq!(ids.value(1), "T-2024Q1-0001");
        let lines = column::<Int64Array>(&first, "source_line_en");
        assert_eq!(lines.values().to_vec(), vec![10, 11]);
        assert_eq!(
            column::<Int64Array>(&first, "source_line_zh").null_count(),
            2
        );
        assert!(column::<StringArray>(&first, "speaker").is_null(0));
        let translation = column::<StructArray>(&first, "translation");
        assert!(translation.column(1).is_null(1));
        let flags = column::<ListArray>(&first, "flags");
        assert_eq!(flags.value_offsets().to_vec(), vec![0, 1, 2]);
        let last = queue.take(5).unwrap();
        assert_eq!((last.num_rows(), queue.is_empty()), (1, true));
    }

    #[test]
    fn a_segments_schema_with_other_columns_is_refused() {
        let mut fields: Vec<FieldRef> = segment_schema().fields().iter().cloned().collect();
        fields.swap(0, 1);
        let swapped = Arc::new(Schema::new(fields));
        let refused = SegmentQueue::new(&swapped).err().unwrap();
        assert!(refused.contains("columns"));
    }
}
