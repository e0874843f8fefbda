//! Rows given as nested values (objects, lists, strings, integers, floats, booleans, nulls) as
//! Arrow record batches of a schema, column by column: the rows Python builds (`segments`,
//! `transcripts`, `qa`), which the binding layer hands in as the objects they are
//! (`crate::bindings::rows::DictBatches`), so that no row is parsed back from its JSON line.
//!
//! A batch is built whole from exactly the rows it holds, and a column without nulls has no
//! validity buffer: the arrays pyarrow's JSON reader built from the same rows' lines, to the
//! byte (`tests/formats/test_shard_writer.py` compares them). As in that reader, a null or absent
//! member is a null, and a member the schema does not have, or a value of another type, is
//! refused; a null object or list (which no schema of the corpus allows) is refused too.

use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, FieldRef, Fields, SchemaRef};

/// A row, or a value in it, as the batch reads it; each reader is `None` when the value is
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

/// The rows as one batch of `schema` (its fields and metadata).
pub fn record_batch<V: Value>(rows: Vec<V>, schema: &SchemaRef) -> Result<RecordBatch, String> {
    let rows = objects(rows.into_iter().map(Some).collect(), schema.fields(), "")?;
    let (_, columns, _) = rows.into_parts();
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| e.to_string())
}

/// One column of `field`'s type from its values (`None`: null or absent); `path` names it.
fn column<V: Value>(
    values: Vec<Option<V>>,
    field: &FieldRef,
    path: &str,
) -> Result<ArrayRef, String> {
    match field.data_type() {
        DataType::Utf8 => scalars(
            &values,
            StringBuilder::new(),
            path,
            "a string",
            V::text,
            |c, v| c.append_option(v),
        ),
        DataType::Int64 => scalars(
            &values,
            Int64Builder::new(),
            path,
            "a 64-bit integer",
            V::integer,
            |c, v| c.append_option(v),
        ),
        DataType::Float64 => scalars(
            &values,
            Float64Builder::new(),
            path,
            "a number",
            V::number,
            |c, v| c.append_option(v),
        ),
        DataType::Boolean => scalars(
            &values,
            BooleanBuilder::new(),
            path,
            "a boolean",
            V::boolean,
            |c, v| c.append_option(v),
        ),
        DataType::Struct(members) => Ok(Arc::new(objects(values, members, path)?)),
        DataType::List(item) => list(values, item, path),
        other => Err(format!("`{path}`: {other} columns are not built")),
    }
}

/// A column of scalars: each value read by `read`, or refused as not being `expected`.
fn scalars<'a, V: Value, B: ArrayBuilder, T>(
    values: &'a [Option<V>],
    mut builder: B,
    path: &str,
    expected: &str,
    read: impl Fn(&'a V) -> Option<T>,
    append: impl Fn(&mut B, Option<T>),
) -> Result<ArrayRef, String> {
    for value in values {
        let read = match value {
            None => None,
            Some(value) => Some(read(value).ok_or_else(|| refused(path, expected, value))?),
        };
        append(&mut builder, read);
    }
    Ok(builder.finish())
}

/// A struct column: each object's members gathered by name into the members' columns.
fn objects<V: Value>(
    values: Vec<Option<V>>,
    members: &Fields,
    path: &str,
) -> Result<StructArray, String> {
    let mut columns: Vec<Vec<Option<V>>> = members
        .iter()
        .map(|_| Vec::with_capacity(values.len()))
        .collect();
    for (row, value) in values.into_iter().enumerate() {
        let value = value.ok_or_else(|| format!("`{path}`: a null object, which is not built"))?;
        let mut unknown = None;
        let mut next = 0;
        let is_object = value.each_member(|name, member| match position(members, name, next) {
            Some(k) => {
                columns[k].push((!member.is_null()).then_some(member));
                next = k + 1;
            }
            None => unknown = Some(name.to_owned()),
        });
        if !is_object {
            return Err(refused(path, "an object", &value));
        }
        if let Some(name) = unknown {
            return Err(format!(
                "`{}`: not a column of the schema",
                join(path, &name)
            ));
        }
        columns
            .iter_mut()
            .filter(|c| c.len() == row)
            .for_each(|c| c.push(None));
    }
    let children = members.iter().zip(columns);
    let arrays = children.map(|(field, values)| column(values, field, &join(path, field.name())));
    let arrays = arrays.collect::<Result<Vec<_>, _>>()?;
    StructArray::try_new(members.clone(), arrays, None).map_err(|e| format!("`{path}`: {e}"))
}

/// A list column: each list's items, one column for all of them.
fn list<V: Value>(values: Vec<Option<V>>, item: &FieldRef, path: &str) -> Result<ArrayRef, String> {
    let mut lengths = Vec::with_capacity(values.len());
    let mut items = Vec::new();
    for value in values {
        let value = value.ok_or_else(|| format!("`{path}`: a null list, which is not built"))?;
        let list = value
            .items()
            .ok_or_else(|| refused(path, "a list", &value))?;
        lengths.push(list.len());
        items.extend(list.into_iter().map(|v| (!v.is_null()).then_some(v)));
    }
    let items = column(items, item, &format!("{path}[]"))?;
    let array = ListArray::try_new(
        item.clone(),
        OffsetBuffer::from_lengths(lengths),
        items,
        None,
    );
    Ok(Arc::new(array.map_err(|e| format!("`{path}`: {e}"))?))
}

/// Where `name` is among `members`, looked for at `next` first (objects list their members in
/// the schema's order).
fn position(members: &Fields, name: &str, next: usize) -> Option<usize> {
    match members.get(next) {
        Some(field) if field.name() == name => Some(next),
        _ => members.iter().position(|field| field.name() == name),
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn refused<V: Value>(path: &str, expected: &str, value: &V) -> String {
    format!("`{path}`: {expected} expected, found {}", value.describe())
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

    #[test]
    fn columns_hold_the_rows_values_with_nulls_only_where_a_value_is_null_or_absent() {
        let batch = record_batch(rows(), &schema()).unwrap();
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
    fn no_rows_make_an_empty_batch() {
        let batch = record_batch(Vec::<Json>::new(), &schema()).unwrap();
        assert_eq!((batch.num_rows(), batch.num_columns()), (0, 7));
    }

    #[test]
    fn a_value_of_another_type_an_unknown_member_or_a_null_object_is_refused_with_its_path() {
        let refusal = |change: &dyn Fn(&mut Json)| {
            let mut rows = rows();
            change(&mut rows[1]);
            record_batch(rows, &schema()).unwrap_err()
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
        let said = refusal(&|row| row["exchange"] = json!(1u64 << 63));
        assert!(said.starts_with("`exchange`: a 64-bit integer expected"));
    }

    #[test]
    fn a_type_not_built_is_refused() {
        let schema = Arc::new(Schema::new(vec![Field::new("n", DataType::Int32, true)]));
        let said = record_batch(vec![json!({"n": 1})], &schema).unwrap_err();
        assert_eq!(said, "`n`: Int32 columns are not built");
    }
}
