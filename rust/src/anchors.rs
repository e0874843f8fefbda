//! What survives translation, per sentence: length in comparable units, numbers, Latin words.
//!
//! The Chinese length counts Han characters plus 0.35 per other visible ASCII character (a
//! Latin name kept as written is about a third as long in Han characters as its English); on
//! the seeds this makes the Chinese length about 0.27 times the English character count with
//! the smallest variance of the measures tried.
//!
//! Python API: `builder/evidence/anchors.py` (`en_features`, `zh_features`, `zh_length`).

use crate::numbers::{en_strong, en_weak, zh_strong, zh_weak};
use crate::script::is_han;
use crate::sentence::{Finders, Sentence};
use crate::text::{bytes_below, find_byte};

/// Length of a Chinese text in Han characters, Latin and digits counted at 0.35 (spaces not).
pub fn zh_length(text: &str) -> f64 {
    let (mut han, mut visible_ascii) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() {
            visible_ascii += usize::from(c != ' ');
        } else if is_han(c) {
            han += 1;
        }
    }
    han as f64 + 0.35 * visible_ascii as f64
}

/// Latin words of a text (`[A-Za-z][A-Za-z0-9&'\-]*[A-Za-z0-9]`: `R&D`, `e-commerce`, `AI`),
/// lower-cased, each once, in order.
pub fn latin_words(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let inner = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'&' | b'\'' | b'-');
    let mut words: Vec<String> = Vec::new();
    // The next letter, looked for eight bytes at a time (Han characters are passed over whole).
    let next_letter = |from: usize| {
        let ascii = |word| bytes_below(word, 0x80);
        find_byte(&bytes[from..], ascii, |b| b.is_ascii_alphabetic()).map(|k| from + k)
    };
    let mut i = 0;
    while let Some(letter) = next_letter(i) {
        i = letter;
        let mut run = i + 1;
        while run < bytes.len() && inner(bytes[run]) {
            run += 1;
        }
        // the longest run that ends on a letter or digit, two characters at least
        match (i + 1..run)
            .rev()
            .find(|&k| bytes[k].is_ascii_alphanumeric())
        {
            Some(last) => {
                let word = text[i..=last].to_ascii_lowercase();
                if !words.contains(&word) {
                    words.push(word);
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
    words
}

/// Characters assigned after Unicode 14.0 (Python 3.11's) that Rust's newer tables lower-case;
/// Python leaves them as they are (`tests/align/test_core_numbers.py` checks every code point).
const UNCASED_IN_PYTHON: &[(char, char)] = &[
    ('\u{1c89}', '\u{1c89}'),
    ('\u{a7cb}', '\u{a7cc}'),
    ('\u{a7ce}', '\u{a7ce}'),
    ('\u{a7d2}', '\u{a7d2}'),
    ('\u{a7d4}', '\u{a7d4}'),
    ('\u{a7da}', '\u{a7da}'),
    ('\u{a7dc}', '\u{a7dc}'),
    ('\u{10d50}', '\u{10d65}'),
    ('\u{16ea0}', '\u{16eb8}'),
];

fn uncased_in_python(c: char) -> bool {
    UNCASED_IN_PYTHON
        .iter()
        .any(|&(low, high)| low <= c && c <= high)
}

/// `str.lower()`: ASCII directly, anything else by Unicode's full lower-case mapping (a final
/// `Σ` becomes `ς`), the characters Python does not know yet kept as written. Known difference:
/// after a few letters Rust's tables call uncased (`ʕ`), Python writes a final `ς` where Rust
/// writes `σ`; the lower-cased text only serves to look up ASCII words, so nothing depends on it.
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut lowered = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|&(_, c)| uncased_in_python(c)) {
        lowered.push_str(&rest[..at].to_lowercase());
        lowered.push(c);
        rest = &rest[at + c.len_utf8()..];
    }
    lowered.push_str(&rest.to_lowercase());
    lowered
}

/// An English sentence: its length in characters and its numbers in digits; its lower-cased
/// text (where the Chinese side's Latin words are looked up) and weak numbers found on need.
pub fn en_sentence(text: &str) -> Sentence {
    let length = text.chars().count() as f64;
    let finders = Finders {
        lower: Some(lower),
        weak: en_weak,
    };
    Sentence::found(text, length, en_strong(text), Vec::new(), finders)
}

/// A Chinese sentence: its length (`zh_length`), its numbers in digits and its Latin words;
/// weak numbers (Chinese numerals) found on need.
pub fn zh_sentence(text: &str) -> Sentence {
    let latin = latin_words(text);
    let finders = Finders {
        lower: None,
        weak: zh_weak,
    };
    Sentence::found(text, zh_length(text), zh_strong(text), latin, finders)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_length_counts_han_and_visible_ascii() {
        assert_eq!(zh_length("營收成長"), 4.0);
        assert_eq!(zh_length("Rekor 營收"), 2.0 + 0.35 * 5.0);
        assert_eq!(zh_length("AI GPU"), 0.35 * 5.0);
        assert_eq!(zh_length("，。𠀀"), 1.0);
    }

    #[test]
    fn latin_words_end_on_a_letter_or_digit() {
        assert_eq!(
            latin_words("R&D 與 e-commerce，x- 和 A1- 的 AI 與 ai"),
            ["r&d", "e-commerce", "a1", "ai"]
        );
        assert!(latin_words("a 的 '").is_empty());
        assert_eq!(
            latin_words("營收成長營收成長營收成長 AI，營收成長營收GPU與 AI。x"),
            ["ai", "gpu"]
        );
    }

    #[test]
    fn sentences_keep_their_features() {
        let en = en_sentence("Revenue was $3.9 million in March.");
        let number = &en.numbers[0];
        assert_eq!(
            (
                en.length,
                en.numbers.len(),
                number.text.as_str(),
                &number.values
            ),
            (34.0, 1, "3.9 million", &vec![3.9e6])
        );
        assert_eq!(en.lower(), "revenue was $3.9 million in march.");
        assert_eq!(en.weak_values(), [3.0]);
        let zh = zh_sentence("Rekor 三月營收為 390 萬美元。");
        assert_eq!(
            (
                zh.latin.clone(),
                zh.numbers.len(),
                zh.numbers[0].values.clone()
            ),
            (vec!["rekor".to_owned()], 1, vec![3.9e6])
        );
        assert!(zh.has_anchor() && zh.weak_values() == [0.0, 3.0]); // 萬 alone is a numeral too
    }
}
