//! What the quality report (`builder/build/tally.py`, `quality.json`) counts of a call's
//! `sentences` rows, counted from the units the rows are written from: the rows, the flagged
//! ones, the rows per alignment kind, per flag code, and per tenth of [0, 1] their score falls
//! in (rows with text on both sides only). Every count is a sum, so a release's is the sum of
//! its calls' in any order.

use std::collections::BTreeMap;

use crate::batch::SegmentRows;
use crate::rows::present;

/// The counts of some segments' `sentences` rows.
#[derive(Debug, Default, PartialEq)]
pub struct SentenceCounts {
    pub rows: usize,
    pub flagged: usize,
    pub kinds: BTreeMap<String, usize>,
    pub codes: BTreeMap<String, usize>,
    /// Rows with text on both sides, by the tenth their score falls in (`tenth`).
    pub tenths: [usize; 10],
}

impl SentenceCounts {
    /// Count a segment's rows.
    pub fn add(&mut self, segment: &SegmentRows) {
        self.rows += segment.units.len();
        for (unit, found) in segment.units.iter().zip(&segment.findings) {
            *self.kinds.entry(unit.kind.clone()).or_default() += 1;
            self.flagged += usize::from(!found.is_empty());
            for (code, _) in found {
                *self.codes.entry(code.clone()).or_default() += 1;
            }
            let paired = present(&unit.en).is_some() && present(&unit.zh).is_some();
            if let Some(k) = tenth(unit.score).filter(|_| paired) {
                self.tenths[k] += 1;
            }
        }
    }
}

/// The tenth of [0, 1] a score falls in (0 to 9; a score of 1 or more in the last); None for a
/// negative score or one that is not finite, which no tenth holds.
pub fn tenth(score: f64) -> Option<usize> {
    let k = (score * 10.0).floor();
    (score.is_finite() && k >= 0.0).then(|| (k as usize).min(9))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::SegmentFacts;
    use crate::units::align_pair;

    #[test]
    fn tenths_hold_their_lower_bound_and_one_is_in_the_last() {
        let cases = [
            (0.0, Some(0)),
            (0.0999, Some(0)),
            (0.1, Some(1)),
            (0.95, Some(9)),
        ];
        for (score, expected) in cases {
            assert_eq!(tenth(score), expected, "{score}");
        }
        assert_eq!((tenth(1.0), tenth(1.5)), (Some(9), Some(9)));
        assert_eq!(
            (tenth(-0.01), tenth(f64::NAN), tenth(f64::INFINITY)),
            (None, None, None)
        );
    }

    #[test]
    fn rows_are_counted_by_kind_code_and_tenth_of_paired_score() {
        let units = align_pair(
            "Revenue grew 12%. Thanks. Extra words here.",
            Some("營收成長 12%。"),
        );
        let mut findings = vec![Vec::new(); units.len()];
        findings[0].push(("number_mismatch".to_owned(), "12".to_owned()));
        findings[0].push(("doubtful_alignment".to_owned(), "x".to_owned()));
        let segment = SegmentRows {
            segment_id: "T-0000".to_owned(),
            transcript_id: "T".to_owned(),
            split: "train".to_owned(),
            segment_index: 0,
            facts: SegmentFacts::default(),
            segment_findings: Vec::new(),
            units,
            findings,
        };
        let mut counts = SentenceCounts::default();
        counts.add(&segment);
        counts.add(&segment);
        let units = &segment.units;
        assert_eq!((counts.rows, counts.flagged), (2 * units.len(), 2));
        assert_eq!(counts.codes["number_mismatch"], 2);
        assert_eq!(counts.kinds.values().sum::<usize>(), counts.rows);
        let paired = units
            .iter()
            .filter(|u| !u.en.is_empty() && !u.zh.is_empty());
        assert_eq!(counts.tenths.iter().sum::<usize>(), 2 * paired.count());
    }
}
