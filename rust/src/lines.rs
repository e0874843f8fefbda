//! What a line's script and blanks say: CJK characters, Han counts, the slot a line's script
//! points to, and blank (invisible-only) lines. Python API: `builder/sources/script.py`.
//!
//! Lengths and counts are in code points, blanks as Python's `str.strip()` sees them.

use crate::script::is_han;
use crate::segment::is_space;

/// Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, BOM.
/// A line of them alone is blank.
pub const INVISIBLE: &str = "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}";

/// Invisible formatting that can hide a look-alike in a name: the soft hyphen and the
/// bidirectional marks, embeddings, overrides and isolates. The two tables of characters that
/// show nothing live here together; the speaker-header rules fold this one out of headers and
/// name it as evidence (`crate::header`).
pub const HIDDEN: &str = "\u{00ad}\u{200e}\u{200f}\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}";

/// Whether a character is invisible (`INVISIBLE`).
pub fn is_invisible(c: char) -> bool {
    !c.is_ascii() && INVISIBLE.contains(c)
}

/// Han plus CJK punctuation and the full-width forms Chinese text uses for punctuation.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Whether the text holds a Han character or CJK punctuation.
pub fn has_cjk(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(is_cjk)
}

/// The number of Han characters (ideographs only).
pub fn count_han(text: &str) -> usize {
    if text.is_ascii() {
        0
    } else {
        text.chars().filter(|&c| is_han(c)).count()
    }
}

/// Whether a character separates words as Python's `str.split()` does: Unicode `White_Space`
/// and the four information separators U+001C..U+001F (bidirectional class B or S).
pub fn separates_words(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The number of words of a text as Python's `len(text.split())` counts them: the runs of
/// characters between separators.
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut inside = false;
    if text.is_ascii() {
        for &b in text.as_bytes() {
            let space = b == b' ' || (b'\t'..=b'\r').contains(&b) || (0x1c..=0x1f).contains(&b);
            words += usize::from(inside && space);
            inside = !space;
        }
    } else {
        for c in text.chars() {
            let space = separates_words(c);
            words += usize::from(inside && space);
            inside = !space;
        }
    }
    words + usize::from(inside)
}

/// Whether a line holds nothing but whitespace and invisible characters. As the Python rule
/// it replaced: a line stripped of whitespace is blank when nothing is left, or when it starts
/// with an invisible character and nothing is left once invisible characters are stripped
/// from its ends and whitespace after that.
pub fn is_blank(text: &str) -> bool {
    let visible = text.trim_matches(is_space);
    match visible.chars().next() {
        None => true,
        Some(first) => {
            is_invisible(first)
                && visible
                    .trim_matches(is_invisible)
                    .trim_matches(is_space)
                    .is_empty()
        }
    }
}

/// The slot a line's script points to: `en` without any CJK character, `zh` when its CJK
/// characters are half its length or more, or outnumber twice its Latin words (unless it
/// starts with a Latin letter), None in between.
pub fn script_slot(text: &str) -> Option<&'static str> {
    if !has_cjk(text) {
        return Some("en");
    }
    let (mut cjk, mut len) = (0, 0);
    for c in text.chars() {
        len += 1;
        cjk += usize::from(is_cjk(c));
    }
    if 2 * cjk >= len {
        return Some("zh");
    }
    if text
        .trim_start_matches(is_space)
        .starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return None;
    }
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let letter = c.is_ascii_alphabetic();
        words += usize::from(letter && !in_word);
        in_word = letter;
    }
    (cjk > 2 * words).then_some("zh")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_and_slots() {
        assert!(
            is_blank(" \u{200b}\u{3000}")
                && is_blank("")
                && !is_blank("\u{200b} \u{200b} \u{200b}")
        );
        assert_eq!(script_slot("Revenue grew."), Some("en"));
        assert_eq!(script_slot("營收成長 Rekor"), Some("zh"));
        assert_eq!(script_slot("Thanks, 陳先生."), None);
        assert_eq!(count_han("營收 a，"), 2);
    }

    #[test]
    fn words_as_python_splits_them() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  \t\n "), 0);
        assert_eq!(count_words("Revenue grew 5%."), 3);
        assert_eq!(count_words(" a\x1cb\u{3000}營收\u{a0}c "), 4);
        assert_eq!(count_words("a\u{200b}b"), 1); // a zero-width space is not whitespace
    }
}
