//! The machine-translation exports of the `sentences` config, written from its Arrow batches:
//! the `<tu>` elements of the TMX file and the lines of the Moses `.en`, `.zh` and `.ids` files,
//! as uncompressed UTF-8 (Python API: `builder/formats/tmx.py`, `builder/formats/moses.py`,
//! which add the TMX header and footer and compress).
//!
//! A unit's columns are read where they are in the batch (`sentence_id`, `alignment`,
//! `score`, `flags` and the `translation` struct's `en` and `zh`; the binding layer,
//! `crate::bindings::exports`, imports the pyarrow batch through the Arrow C data interface,
//! without a copy, and checks it in full). Arrow strings are UTF-8 (checked there), so a lone
//! surrogate, which a Python `str` can hold, cannot arrive: the shard writer builds the batch
//! from the rows before any writer sees them, and pyarrow refuses to encode one. Every
//! character of a Rust `&str` is a Unicode scalar value.

use std::fmt::Write;

use arrow_array::{Array, Float64Array, ListArray, RecordBatch, StringArray, StructArray};

/// One row of the `sentences` config as the exports read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit<'a> {
    pub id: &'a str,
    pub alignment: &'a str,
    pub score: f64,
    pub flags: Vec<&'a str>,
    pub en: Option<&'a str>,
    pub zh: Option<&'a str>,
}

impl Unit<'_> {
    /// A sentence pair: both sides present and not empty. One-sided units are not pairs and go
    /// to neither export.
    pub fn is_pair(&self) -> bool {
        is_pair(self.en, self.zh)
    }

    /// A clean pair, the Moses files' only rows: a pair without any flag.
    pub fn is_clean(&self) -> bool {
        is_clean_pair(self.en, self.zh, self.flags.len())
    }
}

/// Both sides present and not empty.
pub fn is_pair(en: Option<&str>, zh: Option<&str>) -> bool {
    en.is_some_and(|t| !t.is_empty()) && zh.is_some_and(|t| !t.is_empty())
}

/// Whether a sentence row goes to the Moses files: both sides present, no flag. Flagged pairs
/// stay in the `sentences` config and in the TMX file, marked.
pub fn is_clean_pair(en: Option<&str>, zh: Option<&str>, flags: usize) -> bool {
    is_pair(en, zh) && flags == 0
}

// ---------------------------------------------------------------------------------------------
// TMX

/// Whether XML 1.0 can carry a character at all: tab, line feed, carriage return, U+0020 to
/// U+D7FF, U+E000 to U+FFFD and the astral planes. Not: the other C0 controls, U+FFFE/U+FFFF
/// (and lone surrogates, which a `char` cannot be).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

/// Text as XML character data: a character XML cannot carry becomes U+FFFD (in the TMX only;
/// the configs keep the text as written), then `&`, `<`, `>` are escaped and a carriage
/// return is written `&#13;` (a parser would turn a literal one into a line feed).
pub fn push_text(out: &mut String, text: &str) {
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let written = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#13;",
            c if !is_xml_char(c) => "\u{fffd}",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        out.push_str(written);
        run = i + c.len_utf8();
    }
    out.push_str(&text[run..]);
}

/// An attribute value quoted as Python's `xml.sax.saxutils.quoteattr` quotes it: `&`, `<`,
/// `>` escaped, line feed, carriage return and tab as `&#10;`, `&#13;`, `&#9;`; in `"` quotes,
/// unless the value holds `"` and no `'` (then in `'` quotes); a value with both has its `"`
/// written `&quot;`. Characters XML cannot carry are written as they are (ids never hold one).
pub fn push_quoted(out: &mut String, value: &str) {
    let single = value.contains('"') && !value.contains('\'');
    let quote = if single { '\'' } else { '"' };
    out.push(quote);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '"' if !single => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// A score with four decimals, as Python's `f"{score:.4f}"` writes it: the float's exact value
/// rounded half to even (`0.03125` → `0.0312`; `0.00005` is a little more than 5e-5 as a
/// float, so `0.0001`), `-0.0000` for minus zero, `nan`, `inf` and `-inf`.
pub fn push_score(out: &mut String, score: f64) {
    if score.is_nan() {
        out.push_str("nan");
    } else {
        write!(out, "{score:.4}").expect("a String takes any write");
    }
}

/// One pair's `<tu>`: `tuid` is the `sentence_id`, with `<prop>` elements `x-alignment`
/// (`1-1`, `2-1`, …), `x-score` and, for a flagged pair, `x-flags` (the codes,
/// comma-separated), then the English and the Chinese (`zh-Hant`) `<tuv>`. The alignment and
/// the flag codes are written as they are: the schema allows only codes that need no escape.
pub fn push_tu(out: &mut String, unit: &Unit) {
    out.push_str("    <tu tuid=");
    push_quoted(out, unit.id);
    out.push_str(">\n      <prop type=\"x-alignment\">");
    out.push_str(unit.alignment);
    out.push_str("</prop>\n      <prop type=\"x-score\">");
    push_score(out, unit.score);
    out.push_str("</prop>\n");
    if !unit.flags.is_empty() {
        out.push_str("      <prop type=\"x-flags\">");
        out.push_str(&unit.flags.join(","));
        out.push_str("</prop>\n");
    }
    out.push_str("      <tuv xml:lang=\"en\"><seg>");
    push_text(out, unit.en.unwrap_or_default());
    out.push_str("</seg></tuv>\n      <tuv xml:lang=\"zh-Hant\"><seg>");
    push_text(out, unit.zh.unwrap_or_default());
    out.push_str("</seg></tuv>\n    </tu>\n");
}

/// The `<tu>` elements of every pair among the units, in order.
pub fn tmx_units(units: &[Unit]) -> String {
    let text: usize = units
        .iter()
        .map(|u| u.en.map_or(0, str::len) + u.zh.map_or(0, str::len))
        .sum();
    let mut out = String::with_capacity(text + 300 * units.len());
    for unit in units.iter().filter(|u| u.is_pair()) {
        push_tu(&mut out, unit);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Moses

/// Whether a character ends a line for Python's `str.splitlines`: line feed, carriage return
/// (`\r\n` counts once), line tabulation, form feed, the file, group and record separators
/// (U+001C–U+001E), next line (U+0085), line and paragraph separators (U+2028, U+2029).
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}'
            ..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// One line of a Moses file: the text's lines (as `str.splitlines` cuts them) joined by a
/// single space, then a line feed. A line break inside the text (never in the seeds) thus
/// becomes a space, and one at its very end goes.
pub fn push_line(out: &mut String, text: &str) {
    let mut run = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        out.push_str(&text[run..i]);
        if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            chars.next();
        }
        run = chars.peek().map_or(text.len(), |&(next, _)| next);
        if run < text.len() {
            out.push(' ');
        }
    }
    out.push_str(&text[run..]);
    out.push('\n');
}

/// The lines of the clean pairs among the units: English, Chinese, `sentence_id`.
pub fn moses_lines(units: &[Unit]) -> [String; 3] {
    let mut sides = [String::new(), String::new(), String::new()];
    for unit in units.iter().filter(|u| u.is_clean()) {
        push_line(&mut sides[0], unit.en.unwrap_or_default());
        push_line(&mut sides[1], unit.zh.unwrap_or_default());
        push_line(&mut sides[2], unit.id);
    }
    sides
}

// ---------------------------------------------------------------------------------------------
// Arrow columns

/// The column `name` of a batch as an array of type `T`.
fn column<'a, T: 'static>(batch: &'a RecordBatch, name: &str) -> Result<&'a T, String> {
    let found = batch.column_by_name(name);
    let found = found.ok_or_else(|| format!("the batch has no column `{name}`"))?;
    let kind = found.data_type();
    let typed = found.as_any().downcast_ref::<T>();
    typed.ok_or_else(|| format!("column `{name}` is {kind}, not what the exports read"))
}

/// Value `i` of a string column, or None if it is null.
fn text(array: &StringArray, i: usize) -> Option<&str> {
    array.is_valid(i).then(|| array.value(i))
}

/// The units of a `sentences` batch, in its order, read from its columns where they are.
pub fn batch_units(batch: &RecordBatch) -> Result<Vec<Unit<'_>>, String> {
    let ids = column::<StringArray>(batch, "sentence_id")?;
    let alignment = column::<StringArray>(batch, "alignment")?;
    let score = column::<Float64Array>(batch, "score")?;
    let flags = column::<ListArray>(batch, "flags")?;
    let translation = column::<StructArray>(batch, "translation")?;
    let side = |name: &str| {
        let found = translation
            .column_by_name(name)
            .and_then(|c| c.as_any().downcast_ref());
        found.ok_or_else(|| format!("`translation.{name}` is not a string column"))
    };
    let (en, zh): (&StringArray, &StringArray) = (side("en")?, side("zh")?);
    let values = flags.values().as_any().downcast_ref::<StringArray>();
    let values = values.ok_or("`flags` does not hold strings")?;
    for (name, nulls) in [
        ("translation", translation.null_count()),
        ("score", score.null_count()),
        ("flags", flags.null_count() + values.null_count()),
    ] {
        if nulls > 0 {
            return Err(format!("`{name}` has nulls"));
        }
    }
    let null = |name: &str| format!("`{name}` is null");
    let offsets = flags.value_offsets();
    (0..batch.num_rows())
        .map(|i| {
            let codes = offsets[i] as usize..offsets[i + 1] as usize;
            Ok(Unit {
                id: text(ids, i).ok_or_else(|| null("sentence_id"))?,
                alignment: text(alignment, i).ok_or_else(|| null("alignment"))?,
                score: score.value(i),
                flags: codes.map(|k| values.value(k)).collect(),
                en: text(en, i),
                zh: text(zh, i),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::ArrayRef;
    use arrow_schema::{DataType, Field};

    fn unit<'a>(
        id: &'a str,
        en: Option<&'a str>,
        zh: Option<&'a str>,
        flags: Vec<&'a str>,
    ) -> Unit<'a> {
        Unit {
            id,
            alignment: "1-1",
            score: 0.5,
            flags,
            en,
            zh,
        }
    }

    fn text(t: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, t);
        out
    }

    fn quoted(t: &str) -> String {
        let mut out = String::new();
        push_quoted(&mut out, t);
        out
    }

    fn line(t: &str) -> String {
        let mut out = String::new();
        push_line(&mut out, t);
        out
    }

    #[test]
    fn text_is_escaped_and_made_xml() {
        assert_eq!(text("a&b<c>d\re\"f'"), "a&amp;b&lt;c&gt;d&#13;e\"f'");
        assert_eq!(
            text("\u{0}\u{1f}\t\n\u{fffe}\u{ffff}\u{10ffff}"),
            "\u{fffd}\u{fffd}\t\n\u{fffd}\u{fffd}\u{10ffff}"
        );
        assert_eq!(text("&amp;"), "&amp;amp;");
    }

    #[test]
    fn attributes_are_quoted_as_quoteattr_quotes_them() {
        assert_eq!(quoted("X-1"), "\"X-1\"");
        assert_eq!(quoted("a\"b"), "'a\"b'");
        assert_eq!(quoted("a'b"), "\"a'b\"");
        assert_eq!(quoted("a\"'b"), "\"a&quot;'b\"");
        assert_eq!(quoted("&<>\n\r\t"), "\"&amp;&lt;&gt;&#10;&#13;&#9;\"");
    }

    #[test]
    fn scores_are_written_as_python_writes_them() {
        let cases = [
            (0.00005, "0.0001"),
            (0.99995, "1.0000"),
            (0.03125, "0.0312"),
            (0.96875, "0.9688"),
            (0.12345, "0.1235"),
            (1.0, "1.0000"),
            (-0.0, "-0.0000"),
            (f64::NAN, "nan"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (score, written) in cases {
            let mut out = String::new();
            push_score(&mut out, score);
            assert_eq!(out, written, "{score}");
        }
    }

    #[test]
    fn lines_are_cut_as_splitlines_cuts_them() {
        assert_eq!(line(""), "\n");
        assert_eq!(line("a\r\nb\rc\u{2028}d\u{85}e\u{1c}f"), "a b c d e f\n");
        assert_eq!(line("a\n"), "a\n");
        assert_eq!(line("\n\na"), "  a\n");
        assert_eq!(line("a\r\n\r\n"), "a \n");
        assert_eq!(line("a\u{2027}b\u{1f}c"), "a\u{2027}b\u{1f}c\n");
    }

    #[test]
    fn only_pairs_become_units_and_only_clean_pairs_lines() {
        let units = [
            unit("A", Some("en"), Some("zh"), vec![]),
            unit("B", Some("en"), None, vec![]),
            unit("C", Some(""), Some("zh"), vec![]),
            unit(
                "D",
                Some("en"),
                Some("zh"),
                vec!["number_mismatch", "untranslated"],
            ),
        ];
        let tmx = tmx_units(&units);
        assert_eq!(tmx.matches("<tu ").count(), 2);
        assert!(tmx.contains("<prop type=\"x-flags\">number_mismatch,untranslated</prop>"));
        assert_eq!(
            moses_lines(&units),
            ["en\n".to_string(), "zh\n".to_string(), "A\n".to_string()]
        );
    }

    #[test]
    fn units_are_read_from_the_columns_of_a_batch_even_a_slice_of_one() {
        use arrow_array::builder::{ListBuilder, StringBuilder};
        use std::sync::Arc;
        let strings = |values: &[Option<&str>]| -> ArrayRef {
            Arc::new(values.iter().copied().collect::<StringArray>())
        };
        let mut flags = ListBuilder::new(StringBuilder::new());
        for codes in [&[][..], &["number_mismatch", "untranslated"][..], &[]] {
            codes.iter().for_each(|c| flags.values().append_value(c));
            flags.append(true);
        }
        let pair = StructArray::from(vec![
            (
                Arc::new(Field::new("en", DataType::Utf8, true)),
                strings(&[Some("a"), Some("b"), None]),
            ),
            (
                Arc::new(Field::new("zh", DataType::Utf8, true)),
                strings(&[Some("甲"), None, Some("丙")]),
            ),
        ]);
        let batch = RecordBatch::try_from_iter([
            (
                "sentence_id",
                strings(&[Some("S-0"), Some("S-1"), Some("S-2")]),
            ),
            ("translation", Arc::new(pair) as ArrayRef),
            (
                "alignment",
                strings(&[Some("1-1"), Some("1-0"), Some("0-1")]),
            ),
            (
                "score",
                Arc::new(Float64Array::from(vec![0.5, 0.0, 0.0])) as ArrayRef,
            ),
            ("flags", Arc::new(flags.finish()) as ArrayRef),
        ])
        .unwrap();
        let units = batch_units(&batch).unwrap();
        assert_eq!(units[1].flags, vec!["number_mismatch", "untranslated"]);
        assert_eq!(
            (units[1].zh, units[2].en, units[2].zh),
            (None, None, Some("丙"))
        );
        let slice = batch.slice(1, 2);
        let sliced = batch_units(&slice).unwrap();
        assert_eq!(
            (sliced[0].id, sliced[0].flags.len(), sliced[1].id),
            ("S-1", 2, "S-2")
        );
        let without =
            RecordBatch::try_from_iter([("sentence_id", strings(&[Some("S-0")]))]).unwrap();
        assert!(batch_units(&without).unwrap_err().contains("alignment"));
    }
}
