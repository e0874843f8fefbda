//! The alignment's view of one sentence, as the costs need it.
//!
//! A sentence is made in Rust from its text (`crate::anchors::en_sentence`, `zh_sentence`): its
//! length in comparable units, its numbers in digits (as written, where, the values each may
//! stand for), the Latin words of a Chinese sentence. Its lower-cased text (English) and the
//! values of its *weak* numbers (number words, months, Chinese numerals) are found from the
//! text it keeps only when a bead needs them, at most once.

use std::sync::OnceLock;

use crate::numbers::{values_of, Number};

/// How a sentence's lower-cased text and weak numbers are found from its text.
#[derive(Clone, Copy)]
pub struct Finders {
    /// The lower-cased text (`crate::anchors::lower`); None for Chinese, whose is empty.
    pub lower: Option<fn(&str) -> String>,
    /// The weak numbers (`en_weak`, `zh_weak`).
    pub weak: fn(&str) -> Vec<Number>,
}

/// One sentence: length, strong numbers, Latin words, lower-cased text.
pub struct Sentence {
    pub length: f64,
    /// The numbers in digits (`en_strong`, `zh_strong`), in text order.
    pub numbers: Vec<Number>,
    /// Latin words of a Chinese sentence (lower-cased, each once); empty for English.
    pub latin: Vec<String>,
    text: String,
    /// None when the lower-cased text and the weak values are known already (tests).
    finders: Option<Finders>,
    lower: OnceLock<String>,
    weak_values: OnceLock<Vec<f64>>,
}

impl Sentence {
    /// A sentence whose numbers were found in `text`; `finders` find the rest on need.
    pub fn found(
        text: &str,
        length: f64,
        numbers: Vec<Number>,
        latin: Vec<String>,
        finders: Finders,
    ) -> Self {
        Sentence {
            length,
            numbers,
            latin,
            text: text.to_owned(),
            finders: Some(finders),
            lower: OnceLock::new(),
            weak_values: OnceLock::new(),
        }
    }

    /// A sentence whose numbers' values, lower-cased text and weak numbers are known already
    /// (its numbers' texts are empty, their starts 0).
    pub fn known(
        length: f64,
        numbers: Vec<Vec<f64>>,
        latin: Vec<String>,
        lower: &str,
        weak: Vec<f64>,
    ) -> Self {
        let number = |values| Number {
            text: String::new(),
            start: 0,
            strong: true,
            values,
        };
        Sentence {
            length,
            numbers: numbers.into_iter().map(number).collect(),
            latin,
            text: String::new(),
            finders: None,
            lower: OnceLock::from(lower.to_owned()),
            weak_values: OnceLock::from(weak),
        }
    }

    /// Whether the sentence holds an anchor: a number in digits, or a Latin word.
    pub fn has_anchor(&self) -> bool {
        !self.numbers.is_empty() || !self.latin.is_empty()
    }

    /// The lower-cased text of an English sentence (empty for Chinese), found on first use.
    pub fn lower(&self) -> &str {
        let lower = self.finders.and_then(|f| f.lower);
        self.lower
            .get_or_init(|| lower.map_or_else(String::new, |lower| lower(&self.text)))
    }

    /// The values of the sentence's weak numbers, found on first use.
    pub fn weak_values(&self) -> &[f64] {
        let weak = self.finders.map(|f| f.weak);
        self.weak_values
            .get_or_init(|| weak.map_or_else(Vec::new, |weak| values_of(&weak(&self.text))))
    }
}

#[cfg(test)]
mod tests {
    use crate::anchors::en_sentence;
    use crate::numbers::en_strong;

    #[test]
    fn a_sentence_gives_back_the_numbers_it_was_made_from() {
        let text = "Revenue was $3.9 million, up 12% from 2021.";
        assert_eq!(en_sentence(text).numbers, en_strong(text));
    }
}
