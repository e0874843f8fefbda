//! JSON text written as the package's JSON Lines are written (orjson's output, byte for byte):
//! no spaces, keys in the order given, UTF-8 unescaped, `"` and `\` escaped, control characters
//! as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx` (lower-case hex), floats as their shortest
//! round-trip decimal with a `.0` on whole numbers.

use std::fmt::Write;

/// Appends a JSON string.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut clean = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[clean..at]);
        if escaped.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escaped);
        }
        clean = at + 1;
    }
    out.push_str(&text[clean..]);
    out.push('"');
}

/// Appends a JSON string, or `null`.
pub fn optional_string(out: &mut String, text: Option<&str>) {
    match text {
        Some(text) => string(out, text),
        None => out.push_str("null"),
    }
}

/// Appends an integer, or `null`.
pub fn optional_int(out: &mut String, value: Option<usize>) {
    match value {
        Some(value) => {
            let _ = write!(out, "{value}");
        }
        None => out.push_str("null"),
    }
}

/// Appends a finite float in plain decimal notation, as orjson writes floats from 1e-4 to 1e16
/// (the range of the scores it is used for); `.0` marks a whole number.
pub fn float(out: &mut String, value: f64) {
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
    fn floats_keep_a_decimal_point() {
        let mut out = String::new();
        for value in [0.0, 1.0, 0.8955, 0.0001, 0.1] {
            float(&mut out, value);
            out.push(' ');
        }
        assert_eq!(out, "0.0 1.0 0.8955 0.0001 0.1 ");
    }
}
