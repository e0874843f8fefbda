//! Sentence segmentation: the spans of the sentences of a paragraph, English (`split_en`) and
//! Chinese (`split_zh`). Python API: `builder/align/segment_en.py`, `builder/align/segment_zh.py`.
//!
//! Spans are code-point offsets (Python `str` indices, not byte offsets), stripped of
//! surrounding whitespace as Python's `str.isspace()` says. The rules reproduce the Python
//! implementation they replaced to the character (`tests/data/core-cases-segment.jsonl`): its
//! regular expressions are written here as scans, their look-behind windows and Python's
//! reading of `$` (end of text, or before a final newline) included.

use std::collections::HashSet;

use crate::text::{bytes_equal, find_byte};

#[path = "segment_en.rs"]
mod en;
#[path = "segment_zh.rs"]
mod zh;

pub use en::split_en;
pub use zh::split_zh;

/// A sentence's start and end, in code points.
pub type Span = (usize, usize);

/// What a text is split as: its code points, or the bytes of an ASCII text (which are its code
/// points, so the offsets are the same), read without making a vector of characters.
trait Code: Copy {
    fn ch(self) -> char;

    /// Where the first of `text` that `wanted` takes stands; `ascii` are the ASCII characters
    /// it takes (looked for eight bytes at a time in an ASCII text).
    fn find(text: &[Self], wanted: fn(char) -> bool, ascii: &[u8]) -> Option<usize>;
}

impl Code for char {
    fn ch(self) -> char {
        self
    }

    fn find(text: &[char], wanted: fn(char) -> bool, _: &[u8]) -> Option<usize> {
        text.iter().position(|&c| wanted(c))
    }
}

/// A byte of an ASCII text (only: other bytes are not characters).
impl Code for u8 {
    fn ch(self) -> char {
        char::from(self)
    }

    fn find(text: &[u8], wanted: fn(char) -> bool, ascii: &[u8]) -> Option<usize> {
        let marks = |w| ascii.iter().fold(0, |m, &b| m | bytes_equal(w, b));
        find_byte(text, marks, |b| wanted(char::from(b)))
    }
}

/// How far back (in code points) the word before a full stop is looked for.
const WINDOW: usize = 24;

/// Whether Python's `str.isspace()` (and a regex `\s`) takes a character for whitespace: the
/// bidirectional classes WS, B and S and the category Zs. Unlike `char::is_whitespace`, this
/// includes the separators U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The whitespace-separated words of a text block, as a set.
fn words(block: &'static str) -> HashSet<&'static str> {
    block.split_whitespace().collect()
}

/// Append `text[start..end]` stripped of whitespace, when anything is left.
fn add<T: Code>(text: &[T], mut start: usize, mut end: usize, spans: &mut Vec<Span>) {
    while start < end && is_space(text[start].ch()) {
        start += 1;
    }
    while end > start && is_space(text[end - 1].ch()) {
        end -= 1;
    }
    if start < end {
        spans.push((start, end));
    }
}

/// The word that ends right before `at`, as `([A-Za-z][A-Za-z.…]*)$` finds it in the
/// `WINDOW` code points before `at` (`in_word` says which characters may follow the first
/// letter). As in Python, `$` also matches before a newline that ends the window.
fn word_before<T: Code>(text: &[T], at: usize, in_word: fn(char) -> bool) -> Option<String> {
    let window = &text[at.saturating_sub(WINDOW)..at];
    let end = window.len() - usize::from(window.last().is_some_and(|c| c.ch() == '\n'));
    let mut from = end;
    while from > 0 && in_word(window[from - 1].ch()) {
        from -= 1;
    }
    let first = (from..end).find(|&i| window[i].ch().is_ascii_alphabetic())?;
    Some(lower(&window[first..end]))
}

/// An ASCII word in lower case (the words looked up are ASCII).
fn lower<T: Code>(word: &[T]) -> String {
    word.iter().map(|c| c.ch().to_ascii_lowercase()).collect()
}

/// Whether a word is initials: single letters joined by full stops (`k.c`, `b`).
fn is_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() % 2 == 1
        && bytes.iter().enumerate().all(|(i, &b)| {
            if i % 2 == 0 {
                b.is_ascii_alphabetic()
            } else {
                b == b'.'
            }
        })
}

/// The texts of a paragraph's sentences, as a splitter cuts it (for the splitters' tests).
#[cfg(test)]
fn sentences(text: &str, split: fn(&str) -> Vec<Span>) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    split(text)
        .into_iter()
        .map(|(a, b)| chars[a..b].iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_as_python_says() {
        assert!(is_space('\u{1c}') && is_space('\u{85}') && is_space('\u{3000}'));
        assert!(!is_space('\u{200b}') && !is_space('\u{180e}') && !is_space('\u{feff}'));
    }

    #[test]
    fn the_word_before_a_full_stop() {
        let text: Vec<char> = "Hello K.C. Mr\n".chars().collect();
        assert_eq!(
            word_before(&text, 9, |c| c.is_ascii_alphabetic() || c == '.'),
            Some("k.c".into())
        );
        // `$` matches before a final newline, so `Mr\n.` has `mr` before its full stop.
        assert_eq!(
            word_before(&text, 14, |c| c.is_ascii_alphabetic()),
            Some("mr".into())
        );
        assert_eq!(word_before(&text, 0, |c| c.is_ascii_alphabetic()), None);
        assert!(
            is_initials("k.c") && is_initials("b") && !is_initials("u.s.") && !is_initials("ab")
        );
    }
}
