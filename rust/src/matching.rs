//! A turn's English paragraphs paired with its translation lines by a monotone alignment
//! (`crate::pairing`'s irregular blocks).
//!
//! Normally each translation stands right after its paragraph and nothing is decided here.
//! When a block is irregular (a paragraph without a translation after it: an inserted `Sure.`,
//! a translation moved after the next paragraph), every translation is given to one paragraph
//! before it, at most `WINDOW` lines back, in order, by the cheapest alignment under the costs
//! the sentence aligner uses (`crate::cost`: length ratio, numbers, Latin words; a paragraph
//! left without translation costs by its length, so a short line is the one left over; a
//! translation not right after its paragraph costs `NOT_ADJACENT`). Where another paragraph
//! would take a translation at nearly the same cost (within `MARGIN`), both paragraphs are
//! flagged `doubtful_pairing` with the evidence.

use crate::anchors::{en_sentence, zh_sentence};
use crate::cost::{anchor_cost, bead_cost, unaligned_cost, ANCHOR};
use crate::segment::is_space;
use crate::sentence::Sentence;

/// A translation stands at most this many lines after its paragraph (within the turn).
pub const WINDOW: usize = 4;
/// What a translation not standing right after its paragraph costs: the source's order is
/// evidence too, so the content must fit clearly better to override it.
pub const NOT_ADJACENT: f64 = 1.5;
/// Alternatives costing less than this much more than the chosen pairing make it doubtful;
/// above `NOT_ADJACENT`, so the source's order alone never makes a pairing certain.
pub const MARGIN: f64 = NOT_ADJACENT + 1.0;
/// Chinese-to-English length ratios a translation has (the seeds' paragraphs: 0.21-1.35),
/// widened: a translation whose length fits two paragraphs cannot be given to one by length.
pub const PLAUSIBLE_RATIO: (f64, f64) = (0.15, 1.5);
/// Among equal costs, the nearer paragraph wins.
const DISTANCE: f64 = 1e-6;
/// The longest text quoted in evidence, in characters.
const CLIP: usize = 40;

/// Which translation (an index into the translations) each paragraph takes, and the evidence
/// for each paragraph whose pairing is doubtful (empty when it is not).
#[derive(Debug, PartialEq)]
pub struct Matching {
    pub pairs: Vec<Option<usize>>,
    pub doubtful: Vec<Vec<String>>,
}

/// A text with its runs of whitespace collapsed, cut to `CLIP` characters (`…` marks a cut).
pub fn clip(text: &str) -> String {
    let words: Vec<&str> = text.split(is_space).filter(|w| !w.is_empty()).collect();
    let text = words.join(" ");
    if text.chars().count() <= CLIP {
        return text;
    }
    let mut cut: String = text.chars().take(CLIP - 1).collect();
    cut.push('…');
    cut
}

/// The alignment's inputs: positions (line order in the block) and texts of both sides.
struct Problem<'a> {
    en: &'a [(usize, &'a str)],
    zh: &'a [(usize, &'a str)],
    m: usize,
    k: usize,
    en_s: Vec<Sentence>,
    zh_s: Vec<Sentence>,
    skip: Vec<f64>,
    pair: Vec<Option<f64>>,
}

type Layers = Vec<Vec<Option<f64>>>;

impl<'a> Problem<'a> {
    fn new(en: &'a [(usize, &'a str)], zh: &'a [(usize, &'a str)]) -> Self {
        let strip = |text: &str| text.trim_matches(is_space).to_string();
        let en_s: Vec<Sentence> = en.iter().map(|&(_, t)| en_sentence(&strip(t))).collect();
        let zh_s: Vec<Sentence> = zh.iter().map(|&(_, t)| zh_sentence(&strip(t))).collect();
        let none: [&Sentence; 0] = [];
        let skip = en_s.iter().map(|s| unaligned_cost(&[s], &none)).collect();
        Problem {
            en,
            zh,
            m: en.len(),
            k: zh.len(),
            en_s,
            zh_s,
            skip,
            pair: vec![None; en.len() * zh.len()],
        }
    }

    /// How many lines translation j stands after paragraph i (negative: before it).
    fn distance(&self, i: usize, j: usize) -> isize {
        self.zh[j].0 as isize - self.en[i].0 as isize
    }

    fn can_pair(&self, i: usize, j: usize) -> bool {
        i < self.m && j < self.k && (1..=WINDOW as isize).contains(&self.distance(i, j))
    }

    /// Leaving paragraph i untranslated keeps translation j reachable.
    fn can_skip(&self, i: usize, j: usize) -> bool {
        i < self.m && (j == self.k || (i + 1 < self.m && self.en[i + 1].0 < self.zh[j].0))
    }

    /// Translation j's numbers and Latin words find more counterparts in paragraph `chosen`
    /// than in `other` (an anchor cost at least one `ANCHOR` lower).
    fn anchors_decide(&self, chosen: usize, other: usize, j: usize) -> bool {
        let zh = [&self.zh_s[j]];
        anchor_cost(&[&self.en_s[other]], &zh) - anchor_cost(&[&self.en_s[chosen]], &zh) >= ANCHOR
    }

    fn pair(&mut self, i: usize, j: usize) -> f64 {
        let at = i * self.k + j;
        if let Some(cost) = self.pair[at] {
            return cost;
        }
        let distance = self.distance(i, j);
        let order = DISTANCE * distance as f64 + if distance > 1 { NOT_ADJACENT } else { 0.0 };
        let cost = bead_cost(&[&self.en_s[i]], &[&self.zh_s[j]], 0.0) + order;
        self.pair[at] = Some(cost);
        cost
    }

    /// Cheapest cost of each reachable state, layer by layer (layer i: i paragraphs decided),
    /// and the translation count each state came from.
    fn forward(&mut self) -> (Layers, Vec<Vec<usize>>) {
        let (m, k) = (self.m, self.k);
        let mut layers: Layers = vec![vec![None; k + 1]; m + 1];
        let mut back = vec![vec![0; k + 1]; m + 1];
        layers[0][0] = Some(0.0);
        for i in 0..m {
            for j in 0..=k {
                let Some(here) = layers[i][j] else { continue };
                let mut moves = [None, None];
                if self.can_pair(i, j) {
                    moves[0] = Some((j + 1, here + self.pair(i, j)));
                }
                if self.can_skip(i, j) {
                    moves[1] = Some((j, here + self.skip[i]));
                }
                for (target, cost) in moves.into_iter().flatten() {
                    if layers[i + 1][target].is_none_or(|known| cost < known) {
                        layers[i + 1][target] = Some(cost);
                        back[i + 1][target] = j;
                    }
                }
            }
        }
        (layers, back)
    }

    /// Cheapest cost from each reachable state to the end.
    fn backward(&mut self, layers: &Layers) -> Layers {
        let (m, k) = (self.m, self.k);
        let mut rest: Layers = vec![vec![None; k + 1]; m + 1];
        rest[m][k] = Some(0.0);
        for i in (0..m).rev() {
            for j in 0..=k {
                if layers[i][j].is_none() {
                    continue;
                }
                let mut best: Option<f64> = None;
                if let Some(after) = rest[i + 1].get(j + 1).copied().flatten() {
                    if self.can_pair(i, j) {
                        best = Some(after + self.pair(i, j));
                    }
                }
                if let Some(after) = rest[i + 1][j] {
                    if self.can_skip(i, j) {
                        let cost = after + self.skip[i];
                        best = Some(best.map_or(cost, |b| if cost < b { cost } else { b }));
                    }
                }
                rest[i][j] = best;
            }
        }
        rest
    }
}

/// Pair paragraphs `en` and translations `zh` (each `(position, text)` in line order), or the
/// index of the first translation no paragraph can take.
pub fn pair(en: &[(usize, &str)], zh: &[(usize, &str)]) -> Result<Matching, usize> {
    let mut p = Problem::new(en, zh);
    let (layers, back) = p.forward();
    if layers[p.m][p.k].is_none() {
        let reached = layers
            .iter()
            .flat_map(|layer| (0..layer.len()).filter(|&j| layer[j].is_some()));
        return Err(reached.max().unwrap_or(0));
    }
    let mut result = Matching {
        pairs: vec![None; p.m],
        doubtful: vec![vec![]; p.m],
    };
    let (mut i, mut j) = (p.m, p.k);
    while i > 0 {
        let previous = back[i][j];
        if previous != j {
            result.pairs[i - 1] = Some(previous);
        }
        (i, j) = (i - 1, previous);
    }
    let rest = p.backward(&layers);
    mark_doubtful(&mut p, &layers, &rest, &mut result);
    mark_gaps(&p, &mut result);
    Ok(result)
}

fn note_both(result: &mut Matching, i: usize, other: usize, note: String) {
    result.doubtful[i].push(note.clone());
    result.doubtful[other].push(note);
}

/// Flag a pairing when another paragraph would take the translation at nearly the same total
/// cost (the best alignment in which it does).
fn mark_doubtful(p: &mut Problem, layers: &Layers, rest: &Layers, result: &mut Matching) {
    let total = rest[0][0].expect("the end is reachable from the start");
    for i in 0..p.m {
        let Some(j) = result.pairs[i] else { continue };
        for other in i.saturating_sub(WINDOW)..p.m.min(i + WINDOW + 1) {
            let Some(before) = layers[other][j] else {
                continue;
            };
            if other == i || !p.can_pair(other, j) || p.en[other].1 == p.en[i].1 {
                continue; // the same text either way: the data does not depend on the choice
            }
            let after = rest[other + 1][j + 1].unwrap_or(f64::INFINITY);
            let cost = before + p.pair(other, j) + after;
            if cost - total < MARGIN {
                let note = format!(
                    "the translation `{}` fits `{}` (chosen) and `{}` about as well (costs {total:.1} and {cost:.1})",
                    clip(p.zh[j].1),
                    clip(p.en[i].1),
                    clip(p.en[other].1),
                );
                note_both(result, i, other, note);
            }
        }
    }
}

fn plausible(en: &str, zh: &str) -> bool {
    let length = |text: &str| text.trim_matches(is_space).chars().count();
    let ratio = length(zh) as f64 / length(en).max(1) as f64;
    PLAUSIBLE_RATIO.0 <= ratio && ratio <= PLAUSIBLE_RATIO.1
}

/// Flag a paragraph left without translation and its neighbour when the neighbour's
/// translation, within reach of both, fits either's length and its numbers and Latin words do
/// not decide: a translation deleted and one moved after the next paragraph read the same in
/// the source, and lengths cannot tell them apart (a short inserted line, whose length rules it
/// out, is not flagged).
fn mark_gaps(p: &Problem, result: &mut Matching) {
    for i in 0..p.m {
        if result.pairs[i].is_some() {
            continue;
        }
        for other in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            let Some(j) = result.pairs.get(other).copied().flatten() else {
                continue;
            };
            if !p.can_pair(i, j) || p.en[other].1 == p.en[i].1 {
                continue;
            }
            if !plausible(p.en[i].1, p.zh[j].1) || p.anchors_decide(other, i, j) {
                continue;
            }
            let note = format!(
                "the translation `{}` was given to `{}`; its length fits `{}`, left without one, as well",
                clip(p.zh[j].1),
                clip(p.en[other].1),
                clip(p.en[i].1),
            );
            note_both(result, i, other, note);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping() {
        assert_eq!(clip(" a \t b\n"), "a b");
        assert_eq!(clip(&"x".repeat(40)), "x".repeat(40));
        assert_eq!(clip(&"x".repeat(41)), format!("{}…", "x".repeat(39)));
    }

    #[test]
    fn an_inserted_short_line_is_left_over() {
        let en = [
            (0, "Sure."),
            (1, "Revenue grew 12% to $3.9 million this quarter."),
        ];
        let zh = [(2, "本季營收成長12%，達390萬美元。")];
        let found = pair(&en, &zh).unwrap();
        assert_eq!(found.pairs, [None, Some(0)]);
        assert!(found.doubtful.iter().all(Vec::is_empty));
    }

    #[test]
    fn a_translation_too_far_from_any_paragraph_is_unmatched() {
        let en = [(0, "Hello.")];
        let zh = [(6, "你好。")];
        assert_eq!(pair(&en, &zh), Err(0));
        assert_eq!(pair(&[], &zh), Err(0));
    }
}
