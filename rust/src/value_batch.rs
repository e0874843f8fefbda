//! Rows given as nested values (objects, lists, strings, integers, floats, booleans, nulls)
//! appended one at a time to the Arrow columns of a schema, and taken as one record batch when a
//! batch's rows are in: the rows Python builds (`transcripts`, `qa`), which the binding layer
//! reads from the dicts they are (`crate::bindings::rows::DictBatches`) as soon as their batch
//! has room for them, and the `segments` rows the core builds, read from their `Json` values
//! (`crate::batch::SegmentQueue`), so that no row is parsed back from its JSON line and no dict
//! waits for its batch.
//!
//! A batch holds exactly the rows appended since the last one, and a column without nulls has
//! no validity buffer: the arrays pyarrow's JSON reader built from the same rows' lines, to the
//! byte (`tests/formats/test_shard_writer.py` compares them). As in that reader, a null or
//! absent member is a null, and a member the schema does not have, or a value of another type,
//! is refused; a null object or list (which no schema of the corpus allows) is refused too.

use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, FieldRef, Fields, SchemaRef};

use crate::json::Json;

/// A row, or a value in it, as the columns read it; each reader is `None` when the value is
/// something else.
pub trait Value: Sized {
    /// What the value is, for a message (its type and an excerpt of it).
    fn describe(&self) -> String;
    fn is_null(&self) -> bool;
    fn text(&self) -> Option<&str>;
    /// An integer within 64 bits (not a boolean).
    fn integer(&self) -> Option<i64>;
    /// A float, or an integer (not a boolean), as JSON numbers are read.
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    fn items(&self) -> Option<Vec<Self>>;
    /// Visit an object's members in its own order; `false` when the value is not an object.
    fn each_member(&self, visit: impl FnMut(&str, Self)) -> bool;
}

/// A row the core built (`crate::rows::segment_row`), as its JSON line holds it.
impl<'a> Value for &'a Json<'a> {
    fn describe(&self) -> String {
        let mut text = String::new();
        self.write(&mut text);
        let excerpt: String = text.chars().take(60).collect();
        excerpt
    }

    fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    fn text(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    fn integer(&self) -> Option<i64> {
        match self {
            Json::Number(number) => number.as_i64(),
            _ => None,
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Json::Number(number) => number.as_f64(),
            _ => None,
        }
    }

    fn boolean(&self) -> Option<bool> {
        match self {
            Json::Bool(truth) => Some(*truth),
            _ => None,
        }
    }

    fn items(&self) -> Option<Vec<Self>> {
        match self {
            Json::Array(items) => Some(items.iter().collect()),
            _ => None,
        }
    }

    fn each_member(&self, mut visit: impl FnMut(&str, Self)) -> bool {
        match self {
            Json::Object(members) => {
                members.iter().for_each(|(name, item)| visit(name, item));
                true
            }
            _ => false,
        }
    }
}

/// The columns of a schema, filled a row at a time and taken as one batch.
pub struct RowBuilder {
    schema: SchemaRef,
    rows: Object,
}

impl RowBuilder {
    /// Empty columns of `schema`, or why it has a type they are not built for.
    pub fn new(schema: &SchemaRef) -> Result<Self, String> {
        let rows = Object::new(schema.fields(), "")?;
        Ok(RowBuilder {
            schema: schema.clone(),
            rows,
        })
    }

    /// How many rows the next batch holds.
    pub fn len(&self) -> usize {
        self.rows.len
    }

    /// Whether the next batch holds no row.
    pub fn is_empty(&self) -> bool {
        self.rows.len == 0
    }

    /// Append one row, or say why the schema cannot hold it (naming the column); after a
    /// refusal part of the row may be in the columns, which are then not to be used.
    pub fn append<V: Value>(&mut self, row: &V) -> Result<(), String> {
        self.rows.append(row, "")
    }

    /// The rows appended since the last batch, as one batch of the schema (its metadata too),
    /// its buffers no larger than what they hold (the columns grew by doubling).
    pub fn finish(&mut self) -> Result<RecordBatch, String> {
        let (_, mut columns, _) = self.rows.finish("")?.into_parts();
        columns.iter_mut().for_each(Array::shrink_to_fit);
        RecordBatch::try_new(self.schema.clone(), columns).map_err(|e| e.to_string())
    }
}

/// One column being filled, and its path in the row (`turns[].speaker`) for messages.
struct Column {
    path: String,
    kind: Kind,
}

enum Kind {
    Text(StringBuilder),
    Integer(Int64Builder),
    Number(Float64Builder),
    Boolean(BooleanBuilder),
    Object(Object),
    List(List),
}

/// A struct column: its members' columns, and how many objects it holds.
struct Object {
    fields: Fields,
    members: Vec<Column>,
    len: usize,
}

/// A list column: each list's length, and one column for the items of all of them.
struct List {
    item: FieldRef,
    lengths: Vec<usize>,
    items: Box<Column>,
}

impl Column {
    fn new(field: &FieldRef, path: String) -> Result<Self, String> {
        let kind = match field.data_type() {
            DataType::Utf8 => Kind::Text(StringBuilder::new()),
            DataType::Int64 => Kind::Integer(Int64Builder::new()),
            DataType::Float64 => Kind::Number(Float64Builder::new()),
            DataType::Boolean => Kind::Boolean(BooleanBuilder::new()),
            DataType::Struct(fields) => Kind::Object(Object::new(fields, &path)?),
            DataType::List(item) => Kind::List(List {
                item: item.clone(),
                lengths: Vec::new(),
                items: Box::new(Column::new(item, format!("{path}[]"))?),
            }),
            other => return Err(format!("`{path}`: {other} columns are not built")),
        };
        Ok(Column { path, kind })
    }

    fn len(&self) -> usize {
        match &self.kind {
            Kind::Text(column) => column.len(),
            Kind::Integer(column) => column.len(),
            Kind::Number(column) => column.len(),
            Kind::Boolean(column) => column.len(),
            Kind::Object(column) => column.len,
            Kind::List(column) => column.lengths.len(),
        }
    }

    fn append<V: Value>(&mut self, value: &V) -> Result<(), String> {
        if value.is_null() {
            return self.append_null();
        }
        let path = &self.path;
        match &mut self.kind {
            Kind::Text(column) => column.append_value(read(value.text(), path, "a string", value)?),
            Kind::Integer(column) => {
                column.append_value(read(value.integer(), path, "a 64-bit integer", value)?)
            }
            Kind::Number(column) => {
                column.append_value(read(value.number(), path, "a number", value)?)
            }
            Kind::Boolean(column) => {
                column.append_value(read(value.boolean(), path, "a boolean", value)?)
            }
            Kind::Object(column) => column.append(value, path)?,
            Kind::List(column) => column.append(value, path)?,
        }
        Ok(())
    }

    fn append_null(&mut self) -> Result<(), String> {
        match &mut self.kind {
            Kind::Text(column) => column.append_null(),
            Kind::Integer(column) => column.append_null(),
            Kind::Number(column) => column.append_null(),
            Kind::Boolean(column) => column.append_null(),
            Kind::Object(_) => {
                return Err(format!(
                    "`{}`: a null object, which is not built",
                    self.path
                ))
            }
            Kind::List(_) => {
                return Err(format!("`{}`: a null list, which is not built", self.path))
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<ArrayRef, String> {
        Ok(match &mut self.kind {
            Kind::Text(column) => Arc::new(column.finish()),
            Kind::Integer(column) => Arc::new(column.finish()),
            Kind::Number(column) => Arc::new(column.finish()),
            Kind::Boolean(column) => Arc::new(column.finish()),
            Kind::Object(column) => Arc::new(column.finish(&self.path)?),
            Kind::List(column) => column.finish(&self.path)?,
        })
    }
}

impl Object {
    fn new(fields: &Fields, path: &str) -> Result<Self, String> {
        let members = fields
            .iter()
            .map(|field| Column::new(field, join(path, field.name())));
        Ok(Object {
            fields: fields.clone(),
            members: members.collect::<Result<_, _>>()?,
            len: 0,
        })
    }

    /// Each member into its column, found by name; an absent one is a null.
    fn append<V: Value>(&mut self, value: &V, path: &str) -> Result<(), String> {
        let mut appended = Ok(());
        let mut next = 0;
        let is_object = value.each_member(|name, member| {
            if appended.is_ok() {
                appended = match position(&self.fields, name, next) {
                    Some(k) => {
                        next = k + 1;
                        self.members[k].append(&member)
                    }
                    None => Err(format!(
                        "`{}`: not a column of the schema",
                        join(path, name)
                    )),
                };
            }
        });
        if !is_object {
            return Err(refused(path, "an object", value));
        }
        appended?;
        self.len += 1;
        let len = self.len;
        let mut absent = self.members.iter_mut().filter(|member| member.len() < len);
        absent.try_for_each(Column::append_null)
    }

    fn finish(&mut self, path: &str) -> Result<StructArray, String> {
        let arrays = self.members.iter_mut().map(Column::finish);
        let arrays = arrays.collect::<Result<Vec<_>, _>>()?;
        self.len = 0;
        StructArray::try_new(self.fields.clone(), arrays, None)
            .map_err(|e| format!("`{path}`: {e}"))
    }
}

impl List {
    fn append<V: Value>(&mut self, value: &V, path: &str) -> Result<(), String> {
        let items = value
            .items()
            .ok_or_else(|| refused(path, "a list", value))?;
        self.lengths.push(items.len());
        items.iter().try_for_each(|item| self.items.append(item))
    }

    fn finish(&mut self, path: &str) -> Result<ArrayRef, String> {
        let offsets = OffsetBuffer::from_lengths(std::mem::take(&mut self.lengths));
        let items = self.items.finish()?;
        let array = ListArray::try_new(self.item.clone(), offsets, items, None);
        Ok(Arc::new(array.map_err(|e| format!("`{path}`: {e}"))?))
    }
}

/// Where `name` is among `fields`, looked for at `next` first (objects list their members in
/// the schema's order).
fn position(fields: &Fields, name: &str, next: usize) -> Option<usize> {
    match fields.get(next) {
        Some(field) if field.name() == name => Some(next),
        _ => fields.iter().position(|field| field.name() == name),
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// A value read as `expected`, or refused as not being one.
fn read<T, V: Value>(found: Option<T>, path: &str, expected: &str, value: &V) -> Result<T, String> {
    found.ok_or_else(|| refused(path, expected, value))
}

fn refused<V: Value>(path: &str, expected: &str, value: &V) -> String {
    let column = if path.is_empty() {
        "a row".to_owned()
    } else {
        format!("`{path}`")
    };
    format!("{column}: {expected} expected, found {}", value.describe())
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Array, BooleanArray, Int64Array, StringArray};
    use arrow_schema::{Field, Schema};
    use serde_json::{json, Value as Json};

    impl Value for Json {
        fn describe(&self) -> String {
            self.to_string()
        }
        fn is_null(&self) -> bool {
            self.is_null()
        }
        fn text(&self) -> Option<&str> {
            self.as_str()
        }
        fn integer(&self) -> Option<i64> {
            self.as_i64()
        }
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn boolean(&self) -> Option<bool> {
            self.as_bool()
        }
        fn items(&self) -> Option<Vec<Self>> {
            self.as_array().cloned()
        }
        fn each_member(&self, mut visit: impl FnMut(&str, Self)) -> bool {
            let Some(object) = self.as_object() else {
                return false;
            };
            object
                .iter()
                .for_each(|(name, value)| visit(name, value.clone()));
            true
        }
    }

    fn schema() -> SchemaRef {
        let text = |name: &str| Field::new(name, DataType::Utf8, true);
        let pair = Fields::from(vec![text("en"), text("zh")]);
        let turn = Fields::from(vec![
            Field::new("turn_index", DataType::Int64, true),
            text("speaker"),
        ]);
        Arc::new(Schema::new(vec![
            text("qa_id"),
            Field::new("exchange", DataType::Int64, true),
            Field::new("follow_up", DataType::Boolean, true),
            Field::new("score", DataType::Float64, true),
            Field::new("question", DataType::Struct(pair), true),
            Field::new("flags", DataType::List(Arc::new(text("item"))), true),
            Field::new(
                "turns",
                DataType::List(Arc::new(Field::new("item", DataType::Struct(turn), true))),
                true,
            ),
        ]))
    }

    fn rows() -> Vec<Json> {
        vec![
            json!({"qa_id": "T-qa01", "exchange": 1, "follow_up": false, "score": 1,
                   "question": {"en": "Why?", "zh": "為什麼？"}, "flags": ["a", "b"],
                   "turns": [{"turn_index": 4, "speaker": "Ann"}, {"turn_index": 5, "speaker": null}]}),
            json!({"qa_id": "T-qa02", "exchange": null, "follow_up": true, "score": 0.5,
                   "question": {"en": "How?", "zh": null}, "flags": [], "turns": []}),
            json!({"qa_id": "T-qa03", "exchange": 3, "follow_up": false, "score": null,
                   "question": {"zh": "如何？"}, "flags": ["c"], "turns": [{"turn_index": 9}]}),
        ]
    }

    fn column<T: 'static>(array: &dyn Array) -> &T {
        array.as_any().downcast_ref::<T>().unwrap()
    }

    fn batch(rows: Vec<Json>) -> Result<RecordBatch, String> {
        let mut builder = RowBuilder::new(&schema())?;
        rows.iter().try_for_each(|row| builder.append(row))?;
        builder.finish()
    }

    #[test]
    fn columns_hold_the_rows_values_with_nulls_only_where_a_value_is_null_or_absent() {
        let batch = batch(rows()).unwrap();
        assert_eq!(
            (batch.num_rows(), batch.schema(), batch.num_columns()),
            (3, schema(), 7)
        );
        let ids = column::<StringArray>(batch.column(0));
        assert_eq!((ids.value(2), ids.nulls().is_none()), ("T-qa03", true));
        let exchange = column::<Int64Array>(batch.column(1));
        assert_eq!(
            (exchange.values().to_vec(), exchange.null_count()),
            (vec![1, 0, 3], 1)
        );
        let follow = column::<BooleanArray>(batch.column(2));
        assert!(follow.value(1) && !follow.value(0) && follow.nulls().is_none());
        assert_eq!(batch.column(3).null_count(), 1);
        let question = column::<StructArray>(batch.column(4));
        assert!(question.nulls().is_none());
        let en = column::<StringArray>(question.column(0));
        let zh = column::<StringArray>(question.column(1));
        assert_eq!(
            (en.is_null(2), zh.is_null(1), zh.value(2)),
            (true, true, "如何？")
        );
        let flags = column::<ListArray>(batch.column(5));
        assert_eq!(flags.value_offsets().to_vec(), vec![0, 2, 2, 3]);
        let turns = column::<ListArray>(batch.column(6));
        assert_eq!(turns.value_offsets().to_vec(), vec![0, 2, 2, 3]);
        let items = column::<StructArray>(turns.values().as_ref());
        let speakers = column::<StringArray>(items.column(1));
        assert_eq!((speakers.value(0), speakers.null_count()), ("Ann", 2));
        assert!(items.column(0).nulls().is_none());
    }

    #[test]
    fn a_batch_holds_the_rows_appended_since_the_last_and_their_nulls_alone() {
        let mut builder = RowBuilder::new(&schema()).unwrap();
        let rows = rows();
        builder.append(&rows[0]).unwrap();
        builder.append(&rows[1]).unwrap();
        assert_eq!(builder.len(), 2);
        let first = builder.finish().unwrap();
        builder.append(&rows[2]).unwrap();
        let second = builder.finish().unwrap();
        let ids = |batch: &RecordBatch| column::<StringArray>(batch.column(0)).value(0).to_owned();
        assert_eq!(
            (ids(&first), ids(&second)),
            ("T-qa01".to_owned(), "T-qa03".to_owned())
        );
        assert_eq!(
            (first.num_rows(), second.num_rows(), builder.is_empty()),
            (2, 1, true)
        );
        assert_eq!(first.column(1).null_count(), 1);
        assert!(second.column(1).nulls().is_none() && second.column(3).null_count() == 1);
        let empty = builder.finish().unwrap();
        assert_eq!((empty.num_rows(), empty.num_columns()), (0, 7));
    }

    #[test]
    fn a_value_of_another_type_an_unknown_member_or_a_null_object_is_refused_with_its_path() {
        let refusal = |change: &dyn Fn(&mut Json)| {
            let mut rows = rows();
            change(&mut rows[1]);
            batch(rows).unwrap_err()
        };
        let said = refusal(&|row| row["exchange"] = json!("2"));
        assert_eq!(said, "`exchange`: a 64-bit integer expected, found \"2\"");
        let said = refusal(&|row| row["follow_up"] = json!(1));
        assert_eq!(said, "`follow_up`: a boolean expected, found 1");
        let said = refusal(&|row| row["turns"] = json!([{"turn_index": 1, "speker": "Ann"}]));
        assert_eq!(said, "`turns[].speker`: not a column of the schema");
        let said = refusal(&|row| row["question"] = Json::Null);
        assert_eq!(said, "`question`: a null object, which is not built");
        let said = refusal(&|row| row["flags"] = json!("a"));
        assert_eq!(said, "`flags`: a list expected, found \"a\"");
        let said = refusal(&|row| *row = json!(["T-qa02"]));
        assert_eq!(said, "a row: an object expected, found [\"T-qa02\"]");
        let said = refusal(&|row| row["exchange"] = json!(1u64 << 63));
        assert!(said.starts_with("`exchange`: a 64-bit integer expected"));
    }

    #[test]
    fn a_type_not_built_is_refused() {
        let schema = Arc::new(Schema::new(vec![Field::new("n", DataType::Int32, true)]));
        let said = RowBuilder::new(&schema).err().unwrap();
        assert_eq!(said, "`n`: Int32 columns are not built");
    }
}
