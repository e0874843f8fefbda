//! What a line is before the body: a title, a section label or the machine-translation
//! disclaimer (`front_kind`), and whether it starts with a markup tag (`markup_line`).
//! Python API: `builder/sources/front.py`, `builder/sources/__init__.py`.
//!
//! These were regular expressions compiled with `re.IGNORECASE`; they are written here as
//! scans. Python's case-insensitive match of an ASCII letter also takes `İ` and `ı` for `i`,
//! `ſ` for `s` and the Kelvin sign for `k` (`ci`), its `\s` is `str.isspace` and its `.` is any
//! character but a line feed.

use crate::segment::is_space;

/// The longest stripped line that can be front matter, in characters.
const MAX_FRONT_CHARS: usize = 200;
/// How many characters a disclaimer's keywords may stand apart.
const NEAR: usize = 60;

/// Whether `c` matches the pattern character `p` (ASCII) under Python's `re.IGNORECASE`.
pub fn ci(c: char, p: char) -> bool {
    if !p.is_ascii_alphabetic() {
        return c == p;
    }
    c.eq_ignore_ascii_case(&p)
        || match p.to_ascii_lowercase() {
            'i' => c == '\u{130}' || c == '\u{131}',
            's' => c == '\u{17f}',
            'k' => c == '\u{212a}',
            _ => false,
        }
}

/// The end of `pattern` (ASCII, case-insensitive) matched at `at`.
fn word(text: &[char], at: usize, pattern: &str) -> Option<usize> {
    let mut k = at;
    for p in pattern.chars() {
        if k >= text.len() || !ci(text[k], p) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// The end of a pattern given as one set of alternative characters per position.
fn sets(text: &[char], at: usize, pattern: &[&str]) -> Option<usize> {
    let mut k = at;
    for set in pattern {
        if k >= text.len() || !set.contains(text[k]) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// `(?:heads).{0,60}?(?:tails)` found anywhere.
fn near(text: &[char], heads: &[&[&str]], tails: &[&[&str]]) -> bool {
    (0..text.len()).any(|p| {
        heads.iter().filter_map(|h| sets(text, p, h)).any(|e| {
            let mut s = e;
            while s <= e + NEAR && s <= text.len() {
                if tails.iter().any(|t| sets(text, s, t).is_some()) {
                    return true;
                }
                if s == text.len() || text[s] == '\n' {
                    break;
                }
                s += 1;
            }
            false
        })
    })
}

const WARN_HEADS: &[&[&str]] = &[
    &["警", "語语"],
    &["免", "責责"],
    &["注", "意"],
    &["聲声", "明"],
    &["提", "示"],
    &["說说", "明"],
];
const WARN_TAILS: &[&[&str]] = &[&["翻繙", "譯译"], &["機机", "器"]];
const TRANSLATION: &[&[&str]] = &[&["翻繙", "譯译"]];
const REFERENCE_TAILS: &[&[&str]] = &[
    &["僅仅", "供", "參参", "考"],
    &["為为", "准"],
    &["為为", "主"],
];

/// `(?:machine|automatic(?:ally)?)[- ]translat` at `p`.
fn machine_translated(text: &[char], p: usize) -> bool {
    let mut ends = vec![];
    ends.extend(word(text, p, "machine"));
    if let Some(e) = word(text, p, "automatic") {
        ends.push(e);
        ends.extend(word(text, e, "ally"));
    }
    ends.into_iter().any(|e| {
        e < text.len()
            && (text[e] == '-' || text[e] == ' ')
            && word(text, e + 1, "translat").is_some()
    })
}

/// `translat(?:ed|ion)s? (?:by|from|provided by|is provided by) (?:Google|…|a machine)` at `p`.
fn translated_by(text: &[char], p: usize) -> bool {
    let Some(e) = word(text, p, "translat") else {
        return false;
    };
    let Some(mut e) = word(text, e, "ed").or_else(|| word(text, e, "ion")) else {
        return false;
    };
    if e < text.len() && ci(text[e], 's') {
        e += 1;
    }
    let Some(e) = word(text, e, " ") else {
        return false;
    };
    ["by", "from", "provided by", "is provided by"]
        .iter()
        .filter_map(|how| word(text, e, how).and_then(|e| word(text, e, " ")))
        .any(|e| {
            ["google", "deepl", "microsoft", "bing", "a machine"]
                .iter()
                .any(|who| word(text, e, who).is_some())
        })
}

fn disclaimer(text: &[char]) -> bool {
    near(text, WARN_HEADS, WARN_TAILS)
        || near(text, TRANSLATION, REFERENCE_TAILS)
        || (0..text.len()).any(|p| machine_translated(text, p) || translated_by(text, p))
}

/// A character of `[A-Z0-9.\-]` under `re.IGNORECASE`.
fn ticker_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '.'
        || c == '-'
        || matches!(c, '\u{130}' | '\u{131}' | '\u{17f}' | '\u{212a}')
}

/// `[(（][A-Z0-9.\-]{1,10}[)）]\s*[0-9]{4}\s*Q[1-4]` at `p`.
fn ticker_period(text: &[char], p: usize) -> bool {
    if !matches!(text[p], '(' | '（') {
        return false;
    }
    let mut k = p + 1;
    while k < text.len() && ticker_char(text[k]) {
        k += 1;
    }
    if !(1..=10).contains(&(k - p - 1)) || k >= text.len() || !matches!(text[k], ')' | '）') {
        return false;
    }
    k += 1;
    while k < text.len() && is_space(text[k]) {
        k += 1;
    }
    for _ in 0..4 {
        if k >= text.len() || !text[k].is_ascii_digit() {
            return false;
        }
        k += 1;
    }
    while k < text.len() && is_space(text[k]) {
        k += 1;
    }
    k + 1 < text.len() && ci(text[k], 'q') && ('1'..='4').contains(&text[k + 1])
}

fn title(text: &[char]) -> bool {
    (0..text.len()).any(|p| {
        sets(text, p, &["法", "說", "會"]).is_some()
            || sets(text, p, &["逐", "字", "稿"]).is_some()
            || ticker_period(text, p)
            || word(text, p, "earnings call transcript").is_some()
    })
}

fn label(text: &[char]) -> bool {
    let s: String = text.iter().collect();
    matches!(s.as_str(), "完整原文" | "原文" | "全文" | "逐字稿")
        || word(text, 0, "full transcript") == Some(text.len())
}

/// The front-matter kind of a line (`label`, `disclaimer`, `title`), or None.
pub fn front_kind(line: &str) -> Option<&'static str> {
    let stripped = line.trim_matches(is_space);
    if stripped.len() > 4 * MAX_FRONT_CHARS || stripped.chars().count() > MAX_FRONT_CHARS {
        return None;
    }
    let stripped: Vec<char> = stripped.chars().collect();
    if label(&stripped) {
        Some("label")
    } else if disclaimer(&stripped) {
        Some("disclaimer")
    } else if title(&stripped) {
        Some("title")
    } else {
        None
    }
}

/// Whether a line starts with a markup tag: `<p>`, `</div>`, `<!DOCTYPE html>`, `<?xml …?>`
/// (the Python expression `^\s*<(?:!DOCTYPE|!--|\?xml|/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>)`
/// under `re.IGNORECASE`).
pub fn markup_line(line: &str) -> bool {
    let Some(rest) = line.trim_start_matches(is_space).strip_prefix('<') else {
        return false;
    };
    let text: Vec<char> = rest.chars().collect();
    let mut k = 0;
    if word(&text, k, "!doctype").is_some()
        || word(&text, k, "!--").is_some()
        || word(&text, k, "?xml").is_some()
    {
        return true;
    }
    if k < text.len() && text[k] == '/' {
        k += 1;
    }
    let letter = |c: char| {
        c.is_ascii_alphabetic() || matches!(c, '\u{130}' | '\u{131}' | '\u{17f}' | '\u{212a}')
    };
    if k >= text.len() || !letter(text[k]) {
        return false;
    }
    k += 1;
    while k < text.len()
        && (letter(text[k]) || text[k].is_ascii_digit() || text[k] == ':' || text[k] == '-')
    {
        k += 1;
    }
    match text.get(k) {
        Some(&c) if is_space(c) => {
            text[k + 1..].iter().find(|&&c| c == '<' || c == '>') == Some(&'>')
        }
        Some('/') => text.get(k + 1) == Some(&'>'),
        Some('>') => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(front_kind(" 完整原文 "), Some("label"));
        assert_eq!(front_kind("full transcrİpt"), Some("label"));
        assert_eq!(
            front_kind("使用警語:中文譯文來源為 Google 翻譯,僅供參考"),
            Some("disclaimer")
        );
        assert_eq!(
            front_kind("translations provided by DeepL"),
            Some("disclaimer")
        );
        assert_eq!(front_kind("Crexendo Inc (CXDO) 2023 Q2"), Some("title"));
        assert_eq!(front_kind("(ABCDEFGHIJK) 2023 Q2"), None);
        assert_eq!(front_kind("Operator"), None);
    }

    #[test]
    fn markup() {
        assert!(markup_line("  <p>") && markup_line("<!doctype") && markup_line("<a href='x'>"));
        assert!(markup_line("<br/>") && markup_line("<ſpan>"));
        assert!(
            !markup_line("<x y<z>")
                && !markup_line("< p>")
                && !markup_line("<p")
                && !markup_line("<>")
        );
    }
}
