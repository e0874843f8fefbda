//! How well English text and Chinese text fit as translations: a length cost and an anchor cost.
//!
//! The length cost is Gale–Church's: how far the Chinese length is from what the English length
//! predicts, in standard deviations. The anchor cost counts each number in digits without a
//! counterpart on the other side, and each Latin word of the Chinese that the English does not
//! contain, at `ANCHOR` each. Text left without a partner costs per length unit.
//!
//! `log` and `erfc` are the `libm` crate's (pure Rust), not the C library's: glibc, musl and
//! macOS differ in the last bit, and a release must be the same bytes whatever machine builds it.
//!
//! The paragraph pairing (`matching.rs`), the sentence aligner (`align.rs`) and its units
//! (`units.rs`) share these rules; `builder/evidence/cost.py` exposes them to Python's tests.

use std::borrow::Borrow;

use crate::sentence::Sentence;

/// Chinese length units per English character.
pub const RATIO: f64 = 0.268;
/// Added to both lengths, so that short sentences are not judged by a few characters.
pub const SMOOTH: f64 = 5.0;
/// The standard deviation of the log length ratio.
pub const SIGMA: f64 = 0.2;
/// Cost of each anchor (number or Latin word) that has no counterpart in the bead.
pub const ANCHOR: f64 = 2.5;
/// Cost per length unit of a sentence left unaligned (long sentences rarely lack a partner).
pub const UNALIGNED_PER_CHAR: f64 = 0.04;

/// Minus the log probability of a Chinese length this far from the English one's prediction.
pub fn length_cost(en_len: f64, zh_len: f64) -> f64 {
    let delta = libm::log((zh_len + SMOOTH) / (RATIO * en_len + SMOOTH)) / SIGMA;
    let tail = libm::erfc(delta.abs() / 2f64.sqrt());
    -libm::log(if tail < 1e-30 { 1e-30 } else { tail })
}

/// Whether any of `values` is among `others`.
fn shares<'a>(values: &[f64], mut others: impl Iterator<Item = &'a f64>) -> bool {
    others.any(|x| values.contains(x))
}

/// Numbers in digits of one side that nothing on the other side stands for, as positions in
/// the side's numbers taken in order (sentence by sentence). A number's values are compared
/// with every value of the other side's numbers in digits first; only when a number has no
/// counterpart there are the other side's weak numbers (words, Chinese numerals) looked up.
/// (Here and below, a side is sentences or references to them.)
pub fn missing_counterparts<S: Borrow<Sentence>>(side: &[S], other: &[S]) -> Vec<usize> {
    missing(side, other).collect()
}

/// `missing_counterparts`, one position at a time.
fn missing<'a, S: Borrow<Sentence>>(
    side: &'a [S],
    other: &'a [S],
) -> impl Iterator<Item = usize> + 'a {
    let numbers = side.iter().flat_map(|s| &s.borrow().numbers);
    let strong = || {
        other
            .iter()
            .flat_map(|s| &s.borrow().numbers)
            .flat_map(|n| &n.values)
    };
    let weak = || other.iter().flat_map(|s| s.borrow().weak_values());
    numbers
        .enumerate()
        .filter(move |(_, n)| !shares(&n.values, strong()) && !shares(&n.values, weak()))
        .map(|(k, _)| k)
}

/// `ANCHOR` for each number or Chinese-side Latin word without a counterpart.
pub fn anchor_cost<S: Borrow<Sentence>>(en: &[S], zh: &[S]) -> f64 {
    let mut missing = missing(en, zh).count() + missing(zh, en).count();
    if zh.iter().any(|s| !s.borrow().latin.is_empty()) {
        let joined;
        let text: &str = if en.len() == 1 {
            en[0].borrow().lower()
        } else {
            let lower: Vec<&str> = en.iter().map(|s| s.borrow().lower()).collect();
            joined = lower.join(" ");
            &joined
        };
        missing += zh
            .iter()
            .flat_map(|s| s.borrow().latin.iter())
            .filter(|w| !text.contains(w.as_str()))
            .count();
    }
    ANCHOR * missing as f64
}

fn total_length<S: Borrow<Sentence>>(side: &[S]) -> f64 {
    side.iter().fold(0.0, |sum, s| sum + s.borrow().length)
}

/// The cost of text left without a partner (one side is empty).
pub fn unaligned_cost<S: Borrow<Sentence>>(en: &[S], zh: &[S]) -> f64 {
    UNALIGNED_PER_CHAR * (total_length(en) + total_length(zh) / RATIO)
}

/// The cost of taking these English sentences and these Chinese sentences as translations.
pub fn bead_cost<S: Borrow<Sentence>>(en: &[S], zh: &[S], prior: f64) -> f64 {
    if en.is_empty() || zh.is_empty() {
        return prior + unaligned_cost(en, zh);
    }
    prior + length_cost(total_length(en), total_length(zh)) + anchor_cost(en, zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_length_as_predicted_costs_nothing() {
        assert_eq!(length_cost(100.0, RATIO * 100.0), -(1.0f64).ln());
        assert!(length_cost(100.0, 60.0) > length_cost(100.0, 30.0));
        assert!(length_cost(1e12, 0.0).is_finite());
    }

    #[test]
    fn numbers_count_unless_the_other_side_stands_for_them() {
        let en = Sentence::known(
            30.0,
            vec![vec![3.9e6], vec![4.5]],
            Vec::new(),
            "revenue was $3.9 million, up 4.5%",
            vec![],
        );
        let zh = Sentence::known(9.0, vec![vec![3.9e6]], vec!["rekor".into()], "", vec![4.5]);
        let zh_bare = Sentence::known(9.0, vec![vec![3.9e6]], Vec::new(), "", Vec::new());
        assert_eq!(missing_counterparts(&[&en], &[&zh]), Vec::<usize>::new());
        assert_eq!(missing_counterparts(&[&en], &[&zh_bare]), vec![1]);
        // 4.5 vouched for by a weak number; "rekor" is not in the English
        assert_eq!(anchor_cost(&[&en], &[&zh]), ANCHOR);
        assert_eq!(anchor_cost(&[&en], &[&zh_bare]), ANCHOR);
    }

    #[test]
    fn text_left_alone_costs_by_its_length() {
        let en = Sentence::known(50.0, Vec::new(), Vec::new(), "", Vec::new());
        assert_eq!(unaligned_cost(&[&en], &[]), UNALIGNED_PER_CHAR * 50.0);
        assert_eq!(bead_cost(&[&en], &[], 6.0), 6.0 + UNALIGNED_PER_CHAR * 50.0);
    }
}
