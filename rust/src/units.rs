//! The aligned units of a paragraph pair: which English sentences go with which Chinese ones.
//!
//! Paragraphs with as many Chinese as English sentences, each one-to-one bead plausible, are
//! aligned one to one without the search; otherwise the cheapest path over beads
//! (`crate::align`) decides, and a stray last Chinese sentence of a bead is set apart. A unit's
//! score is `exp(-cost / 4)` rounded to 4 decimals: 1 for a perfect `1-1`, 0 for a one-sided
//! unit. Python API: `builder/align/aligner.py` (`align_pair`).

use crate::align::{path, BEADS};
use crate::anchors::{en_sentence, zh_sentence};
use crate::cost::{bead_cost, missing_counterparts};
use crate::numbers::{en_strong, zh_strong, Number};
use crate::segment::{split_en, split_zh, Span};
use crate::sentence::Sentence;
use crate::text::byte_spans;

/// Paragraphs with as many Chinese as English sentences, each 1-1 bead at most this costly,
/// are aligned one to one without the search (about 1.6 standard deviations, no anchor missed).
pub const DIAGONAL: f64 = 2.5;
/// The longest Chinese sentence (in length units) that may be a stray fragment.
pub const FRAGMENT: f64 = 8.0;
/// How much cheaper the unit must be without the fragment for it to be set apart.
pub const FRAGMENT_MARGIN: f64 = 1.0;

/// One aligned unit: `kind` is `"<English sentences>-<Chinese sentences>"`; spans are
/// code-point offsets into the paragraphs (None on a side the unit does not have, where the
/// text is empty); `en_missing`/`zh_missing` are the numbers in digits of each side that
/// nothing on the other side of the unit stands for, as written; `en_numbers`/`zh_numbers`
/// are the numbers in digits of each side of a paired unit (`en_strong`, `zh_strong` of its
/// texts), as the aligner found them, for the meaning checks (empty on a one-sided unit).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub kind: String,
    pub en_span: Option<Span>,
    pub zh_span: Option<Span>,
    pub en: String,
    pub zh: String,
    pub score: f64,
    pub en_missing: Vec<String>,
    pub zh_missing: Vec<String>,
    pub en_numbers: Vec<Number>,
    pub zh_numbers: Vec<Number>,
}

impl Unit {
    /// True when the unit has both an English and a Chinese side.
    pub fn paired(&self) -> bool {
        !self.en.is_empty() && !self.zh.is_empty()
    }
}

/// How a side's sentences are read: their features, and the numbers in digits of a text.
struct Reading {
    sentence: fn(&str) -> Sentence,
    numbers: fn(&str) -> Vec<Number>,
}

const EN: Reading = Reading {
    sentence: en_sentence,
    numbers: en_strong,
};
const ZH: Reading = Reading {
    sentence: zh_sentence,
    numbers: zh_strong,
};

/// One side of a paragraph pair: its text, its sentences' spans (code points, and bytes to
/// slice the text by) and, when the side is aligned, how it is read and its sentences'
/// features.
struct Side<'a> {
    text: &'a str,
    spans: Vec<Span>,
    bytes: Vec<Span>,
    reading: Option<Reading>,
    sentences: Vec<Sentence>,
}

impl<'a> Side<'a> {
    /// The text of sentences `from..to` (at least one).
    fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.bytes[from].0..self.bytes[to - 1].1]
    }

    /// Sentences `from..to`.
    fn refs(&self, from: usize, to: usize) -> &[Sentence] {
        &self.sentences[from..to]
    }

    /// The numbers in digits of sentences `from..to`, whose text is `text`, for their unit
    /// (built once every cost that reads them is known): the sentence's own when there is one,
    /// taken from it, else those of the joined text (found again, so that a number the
    /// sentence break cut is read as the joined text reads it).
    fn take_numbers(&mut self, (from, to): (usize, usize), text: &str) -> Vec<Number> {
        match (to - from, &self.reading) {
            (0, _) | (_, None) => Vec::new(),
            (1, _) => std::mem::take(&mut self.sentences[from].numbers),
            (_, Some(reading)) => (reading.numbers)(text),
        }
    }
}

/// The numbers of `side` that nothing in `other` stands for, as written.
fn missing(side: &[Sentence], other: &[Sentence]) -> Vec<String> {
    let written: Vec<&String> = side
        .iter()
        .flat_map(|s| s.numbers.iter().map(|n| &n.text))
        .collect();
    if written.is_empty() {
        return Vec::new();
    }
    missing_counterparts(side, other)
        .into_iter()
        .map(|k| written[k].clone())
        .collect()
}

/// The unit of sentences `en` (indices into the English side) and `zh`, with its bead cost;
/// the numbers without counterpart are looked up only when `anchors` is set.
fn unit(
    en: &mut Side,
    zh: &mut Side,
    ei: (usize, usize),
    zi: (usize, usize),
    cost: f64,
    anchors: bool,
) -> Unit {
    let span = |side: &Side, (a, b): (usize, usize)| {
        (a < b).then(|| (side.spans[a].0, side.spans[b - 1].1))
    };
    let (en_span, zh_span) = (span(en, ei), span(zh, zi));
    let text = |side: &Side, (a, b): (usize, usize)| {
        if a < b {
            side.slice(a, b).to_owned()
        } else {
            String::new()
        }
    };
    let paired = en_span.is_some() && zh_span.is_some();
    let score = if paired {
        round4(libm::exp(-cost / 4.0))
    } else {
        0.0
    };
    let (en_text, zh_text) = (text(en, ei), text(zh, zi));
    let (mut en_missing, mut zh_missing) = (Vec::new(), Vec::new());
    let (mut en_numbers, mut zh_numbers) = (Vec::new(), Vec::new());
    if anchors && paired {
        let (e, z) = (en.refs(ei.0, ei.1), zh.refs(zi.0, zi.1));
        en_missing = missing(e, z);
        zh_missing = missing(z, e);
        en_numbers = en.take_numbers(ei, &en_text);
        zh_numbers = zh.take_numbers(zi, &zh_text);
    }
    Unit {
        kind: kind(ei.1 - ei.0, zi.1 - zi.0),
        en: en_text,
        zh: zh_text,
        en_span,
        zh_span,
        score,
        en_missing,
        zh_missing,
        en_numbers,
        zh_numbers,
    }
}

/// A unit's kind, `"<English sentences>-<Chinese sentences>"` (written without the formatting
/// machinery when both are single digits, as they are).
fn kind(en: usize, zh: usize) -> String {
    let digit = |count: usize| {
        u32::try_from(count)
            .ok()
            .and_then(|d| char::from_digit(d, 10))
    };
    match (digit(en), digit(zh)) {
        (Some(e), Some(z)) => [e, '-', z].into_iter().collect(),
        _ => format!("{en}-{zh}"),
    }
}

/// `round(x, 4)` as Python rounds: to the nearest float of the correctly rounded decimal
/// (ties to even on the float's exact value). Worked out in integers for the scores' range
/// [0, 1], through the decimal text elsewhere.
pub fn round4(x: f64) -> f64 {
    if x.is_sign_positive() && x <= 1.0 {
        // k and 10000 are exact floats, so the quotient is the float nearest k / 10000: the
        // one its decimal text parses to.
        ten_thousandths(x) as f64 / 10000.0
    } else {
        round4_by_text(x)
    }
}

/// `round4` through the decimal text: the same answer for every float, but slow.
fn round4_by_text(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// The whole number k of ten-thousandths nearest `x` in [0, 1], ties to even: `x` is m / 2^s
/// exactly, so x·10000 = m·10000 / 2^s, whose remainder is compared with half of 2^s.
fn ten_thousandths(x: f64) -> u64 {
    let bits = x.to_bits();
    let (biased, fraction) = ((bits >> 52) as u32 & 0x7ff, bits & ((1 << 52) - 1));
    let (m, s) = match biased {
        0 => (fraction, 1074),
        _ => (fraction | 1 << 52, 1075 - biased),
    };
    if s >= 128 {
        return 0; // x < 2^-75: far below the first midpoint, 1/20000
    }
    // m < 2^53 and x <= 1 make s >= 52 and m·10000 < 2^67.
    let scaled = u128::from(m) * 10_000;
    let (k, rest, half) = (scaled >> s, scaled & ((1 << s) - 1), 1u128 << (s - 1));
    let up = rest > half || (rest == half && k % 2 == 1);
    (k + u128::from(up)) as u64
}

/// Align the sentences of an English paragraph and its Chinese translation, in order.
///
/// Every sentence of both paragraphs is in exactly one unit; a missing translation (None)
/// gives one `1-0` unit per English sentence.
pub fn align_pair(en_text: &str, zh_text: Option<&str>) -> Vec<Unit> {
    let zh_text = zh_text.unwrap_or("");
    let en_spans = split_en(en_text);
    let zh_spans = if zh_text.is_empty() {
        Vec::new()
    } else {
        split_zh(zh_text)
    };
    let (n, m) = (en_spans.len(), zh_spans.len());
    if n == 0 || m == 0 {
        let mut en = side(en_text, en_spans, None);
        let mut zh = side(zh_text, zh_spans, None);
        let mut units = Vec::with_capacity(n + m);
        for i in 0..n {
            units.push(unit(&mut en, &mut zh, (i, i + 1), (0, 0), 0.0, false));
        }
        for j in 0..m {
            units.push(unit(&mut en, &mut zh, (0, 0), (j, j + 1), 0.0, false));
        }
        return units;
    }
    let mut en = side(en_text, en_spans, Some(EN));
    let mut zh = side(zh_text, zh_spans, Some(ZH));
    if n == 1 && m == 1 {
        // The paragraphs are paired already: never split them apart.
        let cost = bead_cost(en.refs(0, 1), zh.refs(0, 1), 0.0);
        return vec![unit(&mut en, &mut zh, (0, 1), (0, 1), cost, true)];
    }
    if n == m {
        // The common case: one Chinese sentence per English one, all plausible.
        let costs = (0..n)
            .map(|k| bead_cost(en.refs(k, k + 1), zh.refs(k, k + 1), 0.0))
            .collect::<Vec<f64>>();
        if costs.iter().all(|&c| c <= DIAGONAL) {
            return (0..n)
                .map(|k| unit(&mut en, &mut zh, (k, k + 1), (k, k + 1), costs[k], true))
                .collect();
        }
    }
    units_on_path(&mut en, &mut zh)
}

/// One side's spans and, when the side is aligned, its sentences' features.
fn side(text: &str, spans: Vec<Span>, reading: Option<Reading>) -> Side<'_> {
    let bytes = byte_spans(text, &spans);
    let mut side = Side {
        text,
        spans,
        bytes,
        reading,
        sentences: Vec::new(),
    };
    if let Some(reading) = &side.reading {
        let sentences = (0..side.spans.len()).map(|k| (reading.sentence)(side.slice(k, k + 1)));
        side.sentences = sentences.collect();
    }
    side
}

/// The units of the cheapest path over beads, a stray last Chinese sentence set apart.
fn units_on_path(en: &mut Side, zh: &mut Side) -> Vec<Unit> {
    let steps =
        path(&en.sentences, &zh.sentences).expect("both sides of a searched pair have sentences");
    let mut units = Vec::new();
    for (i, j, di, dj, cost) in steps {
        let stray = dj >= 2 && di >= 1 && stray_tail(en, zh, (i, i + di), (j, j + dj), cost);
        let end = if stray { j + dj - 1 } else { j + dj };
        units.push(unit(en, zh, (i, i + di), (j, end), cost, true));
        if stray {
            units.push(unit(en, zh, (0, 0), (end, j + dj), 0.0, false));
        }
    }
    units
}

/// Whether the last Chinese sentence of a unit is a stray fragment that translates nothing
/// (`…提供了安全港。看起來的陳述。`): short, a statement with no number or Latin word, and the
/// unit's English fits the Chinese clearly better without it.
fn stray_tail(en: &Side, zh: &Side, ei: (usize, usize), zi: (usize, usize), cost: f64) -> bool {
    let tail = &zh.sentences[zi.1 - 1];
    let last = zh.slice(zi.1 - 1, zi.1).chars().next_back();
    if tail.length > FRAGMENT || tail.has_anchor() || last.is_some_and(|c| "?!？！".contains(c)) {
        return false;
    }
    let (di, dj) = (ei.1 - ei.0, zi.1 - zi.0 - 1);
    let prior = BEADS
        .iter()
        .find(|&&(a, b, _)| a == di && b == dj)
        .map(|&(_, _, p)| p)
        .expect("every bead without its last Chinese sentence is a bead too");
    bead_cost(en.refs(ei.0, ei.1), zh.refs(zi.0, zi.1 - 1), prior) + FRAGMENT_MARGIN < cost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_translation_gives_one_sided_units() {
        let units = align_pair("One. Two.", None);
        assert_eq!(units.len(), 2);
        assert!(units
            .iter()
            .all(|u| u.kind == "1-0" && u.score == 0.0 && u.zh_span.is_none()));
        assert_eq!(units[1].en_span, Some((5, 9)));
    }

    #[test]
    fn one_sentence_each_is_one_unit() {
        let units = align_pair("Revenue grew 12%.", Some("營收成長 12%。"));
        assert_eq!(units.len(), 1);
        assert_eq!(
            (units[0].kind.as_str(), units[0].zh.as_str()),
            ("1-1", "營收成長 12%。")
        );
        assert!(units[0].en_missing.is_empty() && units[0].score > 0.5);
    }

    #[test]
    fn a_paired_unit_keeps_the_numbers_its_texts_hold() {
        let en = "Revenue was $3.9 million. It grew 12% and 5%. Thanks, all of you, for joining.";
        let zh = "營收為 390 萬美元，成長了 12% 和 5%。謝謝大家今天參加我們的電話會議。";
        let units = align_pair(en, Some(zh));
        assert!(
            units.iter().any(|u| u.kind != "1-1"),
            "a unit of several sentences"
        );
        for unit in units.iter().filter(|u| u.paired()) {
            assert_eq!(unit.en_numbers, en_strong(&unit.en), "{}", unit.en);
            assert_eq!(unit.zh_numbers, zh_strong(&unit.zh), "{}", unit.zh);
        }
        let one_sided = align_pair("Up 12%.", None);
        assert!(one_sided[0].en_numbers.is_empty() && one_sided[0].zh_numbers.is_empty());
    }

    #[test]
    fn kinds_count_each_side() {
        assert_eq!(
            (kind(1, 1), kind(0, 3), kind(12, 1)),
            ("1-1".into(), "0-3".into(), "12-1".into())
        );
    }

    #[test]
    fn python_rounding_to_four_decimals() {
        assert_eq!(round4(0.123449999), 0.1234);
        assert_eq!(round4(0.89554), 0.8955);
        assert_eq!(round4(1.0), 1.0);
        assert_eq!(round4(0.03125), 0.0312); // 1/32 is a tie: to the even 312
    }

    fn assert_same_rounding(x: f64) {
        let (exact, by_text) = (round4(x), round4_by_text(x));
        let same = exact.to_bits() == by_text.to_bits() || (exact.is_nan() && by_text.is_nan());
        assert!(
            same,
            "round4({x:e}) = {exact}, the decimal text gives {by_text}"
        );
    }

    /// The float `x` and its neighbours up to `ulps` floats away on either side.
    fn around(x: f64, ulps: i64) -> impl Iterator<Item = f64> {
        (-ulps..=ulps).map(move |d| f64::from_bits(x.to_bits().wrapping_add_signed(d)))
    }

    #[test]
    fn every_ten_thousandth_and_midpoint_rounds_as_the_decimal_text_does() {
        for k in 0..=10_000 {
            let midpoint = (2 * k + 1) as f64 / 20_000.0;
            for x in around(k as f64 / 10_000.0, 2).chain(around(midpoint, 2)) {
                assert_same_rounding(x);
            }
        }
    }

    #[test]
    fn random_scores_round_as_the_decimal_text_does() {
        // splitmix64: uniform floats in [0, 1), then uniform bit patterns from 2^-80 to 1 (all
        // the magnitudes above the tiny ones, which are 0 at once).
        let (low, high) = (2f64.powi(-80).to_bits(), 1f64.to_bits());
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        for _ in 0..1_500_000 {
            assert_same_rounding((next() >> 11) as f64 / (1u64 << 53) as f64);
            assert_same_rounding(f64::from_bits(low + next() % (high - low + 1)));
        }
    }

    #[test]
    fn edges_round_as_the_decimal_text_does() {
        let tiny = [0.0, f64::from_bits(1), f64::MIN_POSITIVE, 1.0 / 20_000.0];
        let outside = [-0.0, -0.3, 1.00004, 1.00005, 2.5, f64::NAN, f64::INFINITY];
        for x in tiny.into_iter().flat_map(|x| around(x, 3)).chain(outside) {
            assert_same_rounding(x);
        }
        assert_same_rounding(1.0);
        assert_same_rounding(f64::from_bits(1.0f64.to_bits() - 1));
    }
}
