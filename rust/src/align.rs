//! The search over beads of the monotone sentence alignment (Gale–Church with anchors).
//!
//! A dynamic programme over the two sentence sequences picks the cheapest path of beads
//! (`1-1`, `2-1`, `1-2`, `2-2`, `3-1`, `1-3`, `1-0`, `0-1`). A bead's cost is its prior (how
//! rare its kind is), the Gale–Church length cost and the anchor cost (`crate::cost`); text
//! left without a partner costs per length unit. Ties go to the simpler bead (the first in
//! `BEADS`), so the result is deterministic. Called from Python through
//! `builder/align/aligner.py`, which decides when the search is needed at all.

use std::borrow::Borrow;

use crate::cost::{anchor_cost, length_cost, RATIO, UNALIGNED_PER_CHAR};
use crate::sentence::Sentence;

/// Bead kinds (English sentences, Chinese sentences) with their prior cost, simplest first.
pub const BEADS: [(usize, usize, f64); 8] = [
    (1, 1, 0.0),
    (2, 1, 2.3),
    (1, 2, 2.3),
    (2, 2, 9.0),
    (3, 1, 4.6),
    (1, 3, 4.6),
    (1, 0, 6.0),
    (0, 1, 6.0),
];
/// The search stays within this many sentences of the diagonal.
pub const BAND: i64 = 3;

/// One bead of the path: where it starts (English, Chinese sentence), how many sentences it
/// takes from each side, and its cost.
pub type Step = (usize, usize, usize, usize, f64);

/// Why the search cannot run: one side has no sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSentence;

impl std::fmt::Display for NoSentence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the search needs at least one sentence on each side")
    }
}

/// The cells of the band, row by row: row `i` holds columns `lo[i] ..= hi[i]`.
struct Band {
    lo: Vec<usize>,
    start: Vec<usize>,
    cells: usize,
}

impl Band {
    /// Only cells within the band are ever expanded, so only they are stored: memory and time
    /// grow with the paragraph's length, not with its square (a cell beyond the band that a
    /// bead reaches could never lie on the path: the path ends at (n, m), inside the band).
    fn new(n: usize, m: usize) -> (Band, Vec<usize>) {
        let (ni, mi) = (n as i64, m as i64);
        let band = BAND * ni.max(mi);
        let (mut lo, mut hi, mut start) = (Vec::new(), Vec::new(), Vec::new());
        let mut cells = 0;
        for i in 0..=ni {
            // ceil((i·m − band) / n) and floor((i·m + band) / n), clamped to 0 ..= m.
            let low = (-(band - i * mi).div_euclid(ni)).max(0);
            let high = (i * mi + band).div_euclid(ni).min(mi);
            lo.push(low as usize);
            hi.push(high as usize);
            start.push(cells);
            cells += (high - low + 1).max(0) as usize;
        }
        (Band { lo, start, cells }, hi)
    }

    fn index(&self, i: usize, j: usize) -> usize {
        self.start[i] + j - self.lo[i]
    }
}

/// The cheapest bead path as (i, j, English count, Chinese count, bead cost).
///
/// Lengths come from prefix sums; a bead's anchor cost (never negative) is computed only when
/// its prior and length cost leave it a chance to improve the cell it reaches.
pub fn path<S: Borrow<Sentence>>(en: &[S], zh: &[S]) -> Result<Vec<Step>, NoSentence> {
    let (n, m) = (en.len(), zh.len());
    if n == 0 || m == 0 {
        return Err(NoSentence);
    }
    let mut en_sum = vec![0.0];
    for s in en {
        en_sum.push(en_sum[en_sum.len() - 1] + s.borrow().length);
    }
    let mut zh_sum = vec![0.0];
    for s in zh {
        zh_sum.push(zh_sum[zh_sum.len() - 1] + s.borrow().length);
    }
    let en_anchor: Vec<bool> = en.iter().map(|s| !s.borrow().numbers.is_empty()).collect();
    let zh_anchor: Vec<bool> = zh.iter().map(|s| s.borrow().has_anchor()).collect();
    let (grid, hi) = Band::new(n, m);
    let band = BAND * n.max(m) as i64;
    let mut best = vec![f64::INFINITY; grid.cells];
    let mut back: Vec<(u8, f64)> = vec![(u8::MAX, 0.0); grid.cells];
    best[0] = 0.0;
    for i in 0..=n {
        for j in grid.lo[i]..=hi[i] {
            let here = best[grid.index(i, j)];
            if here == f64::INFINITY {
                continue;
            }
            for (kind, &(di, dj, prior)) in BEADS.iter().enumerate() {
                let (ni, nj) = (i + di, j + dj);
                if ni > n || nj > m || (ni as i64 * m as i64 - nj as i64 * n as i64).abs() > band {
                    continue;
                }
                let target = grid.index(ni, nj);
                let mut cost;
                if di == 0 {
                    cost = prior + UNALIGNED_PER_CHAR * (zh_sum[nj] - zh_sum[j]) / RATIO;
                } else if dj == 0 {
                    cost = prior + UNALIGNED_PER_CHAR * (en_sum[ni] - en_sum[i]);
                } else {
                    cost = prior + length_cost(en_sum[ni] - en_sum[i], zh_sum[nj] - zh_sum[j]);
                    if here + cost >= best[target] {
                        continue;
                    }
                    if en_anchor[i..ni].iter().any(|&a| a) || zh_anchor[j..nj].iter().any(|&a| a) {
                        cost += anchor_cost(&en[i..ni], &zh[j..nj]);
                    }
                }
                if here + cost < best[target] {
                    best[target] = here + cost;
                    back[target] = (kind as u8, cost);
                }
            }
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        // every cell in the band is reachable through 1-0 and 0-1 beads
        let (kind, cost) = back[grid.index(i, j)];
        let (di, dj, _) = BEADS[kind as usize];
        i -= di;
        j -= dj;
        steps.push((i, j, di, dj, cost));
    }
    steps.reverse();
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(length: f64) -> Sentence {
        Sentence::known(length, Vec::new(), Vec::new(), "", Vec::new())
    }

    #[test]
    fn the_band_grows_with_the_paragraph_not_its_square() {
        let (band, _) = Band::new(1200, 600);
        assert!(band.cells < 1201 * 16, "{} cells", band.cells);
    }

    #[test]
    fn two_short_english_sentences_take_one_chinese_translation() {
        let en = [sentence(40.0), sentence(20.0), sentence(100.0)];
        let zh = [sentence(16.0), sentence(27.0)];
        let en: Vec<&Sentence> = en.iter().collect();
        let zh: Vec<&Sentence> = zh.iter().collect();
        let steps = path(&en, &zh).unwrap();
        let kinds: Vec<(usize, usize, usize, usize)> =
            steps.iter().map(|s| (s.0, s.1, s.2, s.3)).collect();
        assert_eq!(kinds, vec![(0, 0, 2, 1), (2, 1, 1, 1)]);
    }

    #[test]
    fn the_search_needs_a_sentence_on_each_side() {
        let zh = [sentence(13.0)];
        let zh: Vec<&Sentence> = zh.iter().collect();
        assert_eq!(path(&[], &zh), Err(NoSentence));
        assert_eq!(path(&zh, &[]), Err(NoSentence));
    }

    #[test]
    fn a_sentence_without_a_partner_is_left_alone() {
        let en = [sentence(50.0)];
        let zh = [sentence(13.0), sentence(0.35)];
        let en: Vec<&Sentence> = en.iter().collect();
        let zh: Vec<&Sentence> = zh.iter().collect();
        let kinds: Vec<(usize, usize)> =
            path(&en, &zh).unwrap().iter().map(|s| (s.2, s.3)).collect();
        assert_eq!(kinds.iter().map(|k| k.0).sum::<usize>(), 1);
        assert_eq!(kinds.iter().map(|k| k.1).sum::<usize>(), 2);
    }
}
