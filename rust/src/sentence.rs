//! The alignment's view of one sentence, as the costs need it.
//!
//! A sentence is made in Rust from its text (`crate::anchors::en_sentence`, `zh_sentence`): its
//! length in comparable units, its numbers in digits (as written, where, the values each may
//! stand for), the
//! Latin words of a Chinese sentence, the lower-cased English text. The values of its *weak*
//! numbers (number words, months, Chinese numerals) are found from the text it keeps only when
//! a bead needs them, at most once.

use std::sync::OnceLock;

use crate::numbers::{values_of, Number};

/// Where the values of a sentence's weak numbers come from.
enum Weak {
    /// Known already (tests).
    Known(Vec<f64>),
    /// Found on first need by this finder (`en_weak`, `zh_weak`) from the sentence's text.
    Found(fn(&str) -> Vec<Number>),
}

/// One sentence: length, strong numbers, Latin words, lower-cased text.
pub struct Sentence {
    pub length: f64,
    /// The numbers in digits (`en_strong`, `zh_strong`), in text order.
    pub numbers: Vec<Number>,
    /// Latin words of a Chinese sentence (lower-cased, each once); empty for English.
    pub latin: Vec<String>,
    /// The lower-cased text of an English sentence; empty for Chinese.
    pub lower: String,
    text: String,
    weak: Weak,
    weak_values: OnceLock<Vec<f64>>,
}

impl Sentence {
    /// A sentence whose numbers were found in `text`; `weak` finds its weak numbers on need.
    pub fn found(
        text: &str,
        length: f64,
        numbers: Vec<Number>,
        latin: Vec<String>,
        lower: String,
        weak: fn(&str) -> Vec<Number>,
    ) -> Self {
        Sentence {
            length,
            numbers,
            latin,
            lower,
            text: text.to_owned(),
            weak: Weak::Found(weak),
            weak_values: OnceLock::new(),
        }
    }

    /// A sentence whose numbers' values and weak numbers are known already (its numbers'
    /// texts are empty, their starts 0).
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
            lower: lower.to_owned(),
            text: String::new(),
            weak: Weak::Known(weak),
            weak_values: OnceLock::new(),
        }
    }

    /// Whether the sentence holds an anchor: a number in digits, or a Latin word.
    pub fn has_anchor(&self) -> bool {
        !self.numbers.is_empty() || !self.latin.is_empty()
    }

    /// The values of the sentence's weak numbers, found on first use.
    pub fn weak_values(&self) -> &[f64] {
        match &self.weak {
            Weak::Known(values) => values,
            Weak::Found(find) => self
                .weak_values
                .get_or_init(|| values_of(&find(&self.text))),
        }
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
