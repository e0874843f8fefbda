//! JSON values that borrow their text, written as the package's JSON Lines are written
//! (orjson's output, byte for byte): no spaces, keys in the order given, UTF-8 unescaped, `"`
//! and `\` escaped, control characters as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx` (lower-case
//! hex), floats as their shortest round-trip decimal with a `.0` on whole numbers.

use std::borrow::Cow;
use std::fmt::Write;

use serde_json::{Number, Value};

use crate::text::{bytes_below, bytes_equal, find_byte};

/// A JSON value that borrows its keys and, where it can, its strings; an object keeps its keys
/// in the order given.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(&'a str, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// A parsed value, its keys and strings borrowed.
    pub fn borrowed(value: &'a Value) -> Self {
        match value {
            Value::Null => Json::Null,
            Value::Bool(truth) => Json::Bool(*truth),
            Value::Number(number) => Json::Number(number.clone()),
            Value::String(text) => text.as_str().into(),
            Value::Array(items) => items.iter().map(Json::borrowed).collect(),
            Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(key, item)| (key.as_str(), Json::borrowed(item)))
                    .collect(),
            ),
        }
    }

    /// The value as a `serde_json::Value`.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(truth) => Value::Bool(*truth),
            Json::Number(number) => Value::Number(number.clone()),
            Json::String(text) => Value::String(text.to_string()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(key, item)| (key.to_string(), item.to_value()))
                    .collect(),
            ),
        }
    }

    /// Appends the value as JSON text.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(truth) => out.push_str(if *truth { "true" } else { "false" }),
            Json::Number(number) => match (number.as_u64(), number.as_f64()) {
                (Some(whole), _) => push_integer(out, whole),
                (None, Some(value)) if number.is_f64() => float(out, value),
                _ => {
                    let _ = write!(out, "{number}");
                }
            },
            Json::String(text) => string(out, text),
            Json::Array(items) => enclosed(out, ('[', ']'), items, |out, item| item.write(out)),
            Json::Object(members) => enclosed(out, ('{', '}'), members, |out, (key, item)| {
                string(out, key);
                out.push(':');
                item.write(out);
            }),
        }
    }
}

impl<'a> From<&'a str> for Json<'a> {
    fn from(text: &'a str) -> Self {
        Json::String(Cow::Borrowed(text))
    }
}

impl From<String> for Json<'_> {
    fn from(text: String) -> Self {
        Json::String(Cow::Owned(text))
    }
}

impl From<usize> for Json<'_> {
    fn from(value: usize) -> Self {
        Json::Number(value.into())
    }
}

impl From<i64> for Json<'_> {
    fn from(value: i64) -> Self {
        Json::Number(value.into())
    }
}

/// A float; `null` if it is not finite (JSON has no NaN or infinity).
impl From<f64> for Json<'_> {
    fn from(value: f64) -> Self {
        Number::from_f64(value).map_or(Json::Null, Json::Number)
    }
}

/// The value, or `null` for None.
impl<'a, T: Into<Json<'a>>> From<Option<T>> for Json<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Json::Null, Into::into)
    }
}

/// An array of the items.
impl<'a> FromIterator<Json<'a>> for Json<'a> {
    fn from_iter<I: IntoIterator<Item = Json<'a>>>(items: I) -> Self {
        Json::Array(items.into_iter().collect())
    }
}

/// Appends `items` between `open` and `close`, separated by commas.
fn enclosed<T>(
    out: &mut String,
    (open, close): (char, char),
    items: &[T],
    mut each: impl FnMut(&mut String, &T),
) {
    out.push(open);
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        each(out, item);
    }
    out.push(close);
}

/// Appends a JSON string: runs of bytes that need no escape copied at once.
fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut rest = text;
    while let Some(at) = first_escaped(rest.as_bytes()) {
        out.push_str(&rest[..at]);
        escape(out, rest.as_bytes()[at]);
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

/// The bytes a JSON string cannot hold as they are: the control characters, `"` and `\`.
const ESCAPED: [bool; 256] = {
    let mut escaped = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        escaped[byte] = byte < 0x20 || byte == b'"' as usize || byte == b'\\' as usize;
        byte += 1;
    }
    escaped
};

/// The position of the first byte that needs an escape (`find_byte`: eight at a time).
fn first_escaped(bytes: &[u8]) -> Option<usize> {
    let marks = |w| bytes_below(w, 0x20) | bytes_equal(w, b'"') | bytes_equal(w, b'\\');
    find_byte(bytes, marks, |b| ESCAPED[usize::from(b)])
}

/// Appends the escape of a byte JSON strings cannot hold as it is.
fn escape(out: &mut String, byte: u8) {
    let short = match byte {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        b'\n' => "\\n",
        b'\r' => "\\r",
        b'\t' => "\\t",
        0x08 => "\\b",
        0x0c => "\\f",
        _ => {
            let _ = write!(out, "\\u{byte:04x}");
            return;
        }
    };
    out.push_str(short);
}

/// Appends a whole number in decimal, as `Display` writes it (without its machinery).
pub fn push_integer(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
}

/// Appends a finite float in plain decimal notation, as orjson writes floats from 1e-4 to 1e16
/// (the range of the scores it is used for); `.0` marks a whole number.
fn float(out: &mut String, value: f64) {
    let start = out.len();
    let _ = write!(out, "{value}");
    if !out[start..].contains('.') {
        out.push_str(".0");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_orjson_does() {
        let mut out = String::new();
        string(
            &mut out,
            "a\u{1}\u{1f}\u{7f}\"\\\n\r\t\u{8}\u{c}/\u{2028}é中",
        );
        assert_eq!(
            out,
            "\"a\\u0001\\u001f\u{7f}\\\"\\\\\\n\\r\\t\\b\\f/\u{2028}é中\""
        );
    }

    #[test]
    fn the_first_byte_to_escape_is_found_wherever_it_stands() {
        for len in 0..40 {
            for at in 0..len {
                for byte in [0u8, 0x1f, b'"', b'\\'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = byte;
                    assert_eq!(first_escaped(&bytes), Some(at), "{len} {at} {byte}");
                }
            }
            let plain: Vec<u8> = (0..len)
                .map(|k| [b' ', b'~', 0x7f, 0xe4, 0xff][k % 5])
                .collect();
            assert_eq!(first_escaped(&plain), None);
        }
    }

    #[test]
    fn every_ascii_character_is_escaped_as_serde_json_escapes_it_too() {
        for byte in 0..0x80u8 {
            let text = format!("a{}b", char::from(byte));
            let mut out = String::new();
            string(&mut out, &text);
            assert_eq!(out, serde_json::to_string(&text).unwrap());
        }
    }

    #[test]
    fn values_keep_their_key_order_and_their_kind_of_number() {
        let items = vec![1.0.into(), Json::Null, Json::Bool(true), "x\n".into()];
        let value = Json::Object(vec![
            ("b", 1usize.into()),
            ("a", Json::Array(items)),
            ("c", Json::Object(Vec::new())),
            ("d", f64::NAN.into()),
        ]);
        let mut out = String::new();
        value.write(&mut out);
        assert_eq!(out, r#"{"b":1,"a":[1.0,null,true,"x\n"],"c":{},"d":null}"#);
    }

    #[test]
    fn whole_numbers_as_display_writes_them() {
        for value in [0, 7, 10, 99, 100, 12_345, u64::MAX] {
            let mut out = String::new();
            push_integer(&mut out, value);
            assert_eq!(out, value.to_string());
            let mut written = String::new();
            Json::from(value as usize).write(&mut written);
            assert_eq!(written, value.to_string());
        }
    }

    #[test]
    fn floats_keep_a_decimal_point() {
        let mut out = String::new();
        for value in [0.0, 1.0, 0.8955, 0.0001, 0.1] {
            float(&mut out, value);
            out.push(' ');
        }
        assert_eq!(out, "0.0 1.0 0.8955 0.0001 0.1 ");
    }
}
