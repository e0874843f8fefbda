//! Translation-quality findings of a paragraph pair and of its aligned units.
//!
//! Each finding is a flag code of the catalog (`builder/flags.py`, handed over as each scope's
//! codes in catalog order) with its evidence: what disagreed, in a short string a reader can
//! check against the texts. Findings are data: the caller stores them next to the row; nothing
//! is dropped. Python API: `builder/align/findings.py`.

use std::collections::HashMap;

use crate::anchors::zh_length;
use crate::cost::{RATIO, SMOOTH};
use crate::glossary::{term_issues, Glossary};
use crate::meaning::{pair_issues, Pair};
use crate::numbers::unmatched;
use crate::script::has_han;
use crate::segment::is_space;
use crate::simplified::simplified_chars;
use crate::units::Unit;

/// Below this alignment score a paired unit is flagged `doubtful_alignment`; so are the rare
/// kinds, where the translation merged or reordered three or more sentences.
pub const DOUBTFUL_SCORE: f64 = 0.15;
pub const DOUBTFUL_KINDS: [&str; 3] = ["2-2", "3-1", "1-3"];
/// The last paired unit of a paragraph with less Chinese than this share of what its English
/// predicts is a truncated translation.
pub const TRUNCATED_RATIO: f64 = 0.5;
/// A paired unit's Chinese length over what its English predicts, outside this range, is an
/// outlier (smoothed by `SMOOTH` units on both sides, as the aligner does).
pub const UNIT_RATIO_RANGE: (f64, f64) = (0.4, 2.5);
/// Segment codes every unit of the segment carries too.
pub const INHERITED: [&str; 2] = ["speaker_header_in_text", "untranslated"];
/// Paragraph character ratios (Chinese over English, code points of the stripped texts) outside
/// this range cannot be a translation (the seeds span 0.21–1.35); checked only where one side
/// has at least `RATIO_MIN_CHARS` characters.
pub const PARAGRAPH_RATIO_RANGE: (f64, f64) = (0.1, 2.0);
pub const RATIO_MIN_CHARS: usize = 20;
/// The codes a unit's meaning checks give (`meaning.rs`, `glossary.rs`), gathered on the
/// segment as well.
pub const MEANING_CODES: [&str; 7] = [
    "number_qualifier",
    "approximation_dropped",
    "direction_mismatch",
    "range_role_swap",
    "unit_mismatch",
    "period_mismatch",
    "term_wrong_sense",
];
/// The codes this module writes evidence for from the text besides `MEANING_CODES` (the
/// structure stage's codes apart).
const TEXT_CODES: [&str; 8] = [
    "missing_translation",
    "untranslated",
    "length_ratio_outlier",
    "number_mismatch",
    "truncated_translation",
    "stray_fragment",
    "simplified_chars",
    "doubtful_alignment",
];

/// Every code this module writes evidence for from the text: the catalog (`builder/flags.py`)
/// must hold each (`tests/test_flag_meaning.py`).
pub fn codes() -> Vec<&'static str> {
    TEXT_CODES.into_iter().chain(MEANING_CODES).collect()
}
/// Characters that close a sentence: a text ending otherwise ends open.
const FINAL: &str = "。！？.?!…」』”’\"')）";

/// A flag code and the evidence for it.
pub type Finding = (String, String);

fn finding(code: &str, evidence: String) -> Finding {
    (code.to_owned(), evidence)
}

/// The text cut to `width` characters, an ellipsis marking the cut.
fn clip(text: &str, width: usize) -> String {
    match text.char_indices().nth(width) {
        None => text.to_owned(),
        Some(_) => {
            let cut = text
                .char_indices()
                .nth(width - 1)
                .map_or(text.len(), |(b, _)| b);
            format!("{}…", &text[..cut])
        }
    }
}

/// The last `count` characters of a text.
fn tail(text: &str, count: usize) -> &str {
    let from = text
        .char_indices()
        .rev()
        .nth(count - 1)
        .map_or(0, |(b, _)| b);
    &text[from..]
}

/// Whether a text ends without final punctuation.
fn ends_open(text: &str) -> bool {
    text.trim_end_matches(is_space)
        .chars()
        .next_back()
        .is_some_and(|c| !FINAL.contains(c))
}

/// `number_mismatch` for the numbers of each side without a counterpart, if any.
fn describe(missing_en: &[String], missing_zh: &[String]) -> Option<Finding> {
    let quoted = |numbers: &[String]| {
        numbers
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !missing_en.is_empty() {
        parts.push(format!("en {} not in zh", quoted(missing_en)));
    }
    if !missing_zh.is_empty() {
        parts.push(format!("zh {} not in en", quoted(missing_zh)));
    }
    (!parts.is_empty()).then(|| finding("number_mismatch", parts.join("; ")))
}

/// `untranslated`, decided and explained from the stripped texts (Python's `str.strip()`).
fn untranslated(en: &str, zh: &str) -> Option<Finding> {
    let (en, zh) = (en.trim_matches(is_space), zh.trim_matches(is_space));
    if zh == en {
        return Some(finding("untranslated", "zh copies the English".to_owned()));
    }
    if !has_han(zh) {
        return Some(finding(
            "untranslated",
            format!("zh has no Chinese character: `{}`", clip(zh, 60)),
        ));
    }
    None
}

/// A paragraph pair's `length_ratio_outlier`, decided and explained from the stripped texts.
fn paragraph_ratio(en: &str, zh: &str) -> Option<Finding> {
    let (en, zh) = (en.trim_matches(is_space), zh.trim_matches(is_space));
    let (en_len, zh_len) = (en.chars().count(), zh.chars().count());
    if en_len.max(zh_len) < RATIO_MIN_CHARS {
        return None;
    }
    let ratio = zh_len as f64 / en_len.max(1) as f64;
    let (low, high) = PARAGRAPH_RATIO_RANGE;
    (!(low..=high).contains(&ratio)).then(|| {
        finding(
            "length_ratio_outlier",
            format!(
                "zh/en characters = {zh_len}/{en_len} = {ratio:.2}, outside {low:.1}–{high:.1}"
            ),
        )
    })
}

/// What a paragraph pair's text alone shows (`untranslated`, `length_ratio_outlier`): decided
/// here, once, from the same stripped text their evidence quotes.
pub fn paragraph_findings(en: &str, zh: Option<&str>) -> Vec<Finding> {
    let Some(zh) = zh else {
        return Vec::new();
    };
    untranslated(en, zh)
        .into_iter()
        .chain(paragraph_ratio(en, zh))
        .collect()
}

fn simplified(zh: &str) -> Option<Finding> {
    simplified_found(&simplified_chars(zh))
}

/// `simplified_chars` for the Simplified-only characters found, if any.
fn simplified_found(found: &[char]) -> Option<Finding> {
    (!found.is_empty()).then(|| finding("simplified_chars", found.iter().collect()))
}

/// The findings of one scope's codes, in catalog order: one per code, the evidence of repeated
/// codes joined.
fn ordered(found: Vec<Finding>, order: &[String]) -> Vec<Finding> {
    if found.is_empty() {
        return found;
    }
    let mut merged: HashMap<String, Vec<String>> = HashMap::new();
    for (code, evidence) in found {
        merged.entry(code).or_default().push(evidence);
    }
    order
        .iter()
        .filter_map(|code| {
            merged
                .get(code)
                .map(|evidence| (code.clone(), evidence.join("; ")))
        })
        .collect()
}

/// Findings of each unit of one paragraph pair, in catalog order (`codes`: the sentence
/// scope's). `inherited` are the segment's codes a unit carries as well
/// (`speaker_header_in_text`, `untranslated` of the whole paragraph); `check_simplified` may
/// be off when the whole paragraph has no Simplified character.
pub fn unit_findings(
    units: &[Unit],
    inherited: &[String],
    check_simplified: bool,
    glossary: &Glossary,
    codes: &[String],
) -> Vec<Vec<Finding>> {
    let carried: Vec<Finding> = inherited
        .iter()
        .filter(|code| codes.contains(code))
        .map(|code| finding(code, "set on the segment".to_owned()))
        .collect();
    let last_zh = units.iter().rposition(|u| !u.zh.is_empty());
    units
        .iter()
        .enumerate()
        .map(|(k, unit)| {
            let mut found = carried.clone();
            let previous = k.checked_sub(1).map(|j| &units[j]);
            found.extend(one_unit(unit, k, last_zh, previous, glossary));
            if !unit.zh.is_empty() && check_simplified {
                found.extend(simplified(&unit.zh));
            }
            ordered(found, codes)
        })
        .collect()
}

/// `stray_fragment` evidence: what the piece is, from where it stands.
fn stray(unit: &Unit, previous: Option<&Unit>) -> Finding {
    let evidence = match previous.filter(|p| p.paired()) {
        Some(p) => format!(
            "`{}` has no English sentence of its own and follows the translation of the previous \
             English sentence (`…{}`): most likely the end of that translation, split off",
            clip(&unit.zh, 60),
            tail(p.zh.trim_end_matches(is_space), 12)
        ),
        None => format!(
            "`{}` has no English sentence of its own, and no translated sentence before it",
            clip(&unit.zh, 60)
        ),
    };
    finding("stray_fragment", evidence)
}

/// What a paired unit's numbers and terms mean on each side (`meaning.rs`, `glossary.rs`).
fn meaning(unit: &Unit, glossary: &Glossary) -> Vec<Finding> {
    let pair = Pair {
        en: &unit.en,
        zh: &unit.zh,
        en_numbers: &unit.en_numbers,
        zh_numbers: &unit.zh_numbers,
    };
    let mut found: Vec<Finding> = pair_issues(&pair)
        .into_iter()
        .map(|(code, evidence)| finding(code, evidence))
        .collect();
    found.extend(
        term_issues(glossary, &unit.en, &unit.zh)
            .into_iter()
            .map(|evidence| finding("term_wrong_sense", evidence)),
    );
    found
}

/// The findings of unit `k` (`last_zh`: the last unit with Chinese; `previous`: unit `k - 1`),
/// simplified characters apart.
fn one_unit(
    unit: &Unit,
    k: usize,
    last_zh: Option<usize>,
    previous: Option<&Unit>,
    glossary: &Glossary,
) -> Vec<Finding> {
    let mut found = Vec::new();
    if !unit.en.is_empty() && unit.zh.is_empty() {
        if last_zh.is_some_and(|last| k > last) {
            found.push(finding(
                "truncated_translation",
                "the translation stops before this sentence".to_owned(),
            ));
        }
        found.push(finding(
            "missing_translation",
            format!("no Chinese for `{}`", clip(&unit.en, 60)),
        ));
    } else if !unit.zh.is_empty() && unit.en.is_empty() {
        found.push(stray(unit, previous));
    } else {
        found.extend(untranslated(&unit.en, &unit.zh));
        found.extend(describe(&unit.en_missing, &unit.zh_missing));
        found.extend(meaning(unit, glossary));
        let expected = RATIO * unit.en.chars().count() as f64;
        let ratio = (zh_length(&unit.zh) + SMOOTH) / (expected + SMOOTH);
        if !(UNIT_RATIO_RANGE.0..=UNIT_RATIO_RANGE.1).contains(&ratio) {
            found.push(finding(
                "length_ratio_outlier",
                format!(
                    "zh is {ratio:.2}× the expected length, outside {}–{}",
                    UNIT_RATIO_RANGE.0, UNIT_RATIO_RANGE.1
                ),
            ));
        }
        let last = last_zh == Some(k);
        if last && ends_open(&unit.zh) && !ends_open(&unit.en) {
            found.push(finding(
                "truncated_translation",
                format!("zh ends mid-sentence: `…{}`", tail(&unit.zh, 20)),
            ));
        } else if last && ratio < TRUNCATED_RATIO {
            found.push(finding(
                "truncated_translation",
                format!("the last zh is {ratio:.2}× the expected length"),
            ));
        }
        if unit.score < DOUBTFUL_SCORE || DOUBTFUL_KINDS.contains(&unit.kind.as_str()) {
            found.push(finding(
                "doubtful_alignment",
                format!("score {:.3} ({})", unit.score, unit.kind),
            ));
        }
    }
    found
}

/// What a segment arrives with: its texts, the flags the structure stage set and the evidence
/// it found for codes the text alone cannot explain.
pub struct Segment<'a> {
    pub en: &'a str,
    pub zh: Option<&'a str>,
    pub flags: &'a [String],
    pub given: &'a HashMap<String, String>,
    /// `paragraph_findings` of its text.
    pub text: &'a [Finding],
    /// `simplified_chars` of its Chinese (empty without one).
    pub simplified: &'a [char],
}

/// Findings of a paragraph pair, in catalog order (`codes`: the segment scope's): evidence for
/// the flags it has already, and the quality codes its text and its units show.
pub fn segment_findings(
    segment: &Segment,
    units: &[Unit],
    per_unit: &[Vec<Finding>],
    codes: &[String],
) -> Vec<Finding> {
    let mut found: Vec<Finding> = segment
        .flags
        .iter()
        .map(
            |code| match segment.given.get(code).filter(|e| !e.is_empty()) {
                Some(evidence) => finding(code, evidence.clone()),
                None => finding(code, structural_evidence(code, segment.en)),
            },
        )
        .collect();
    found.extend(segment.text.iter().cloned());
    if let Some(zh) = segment.zh {
        let anchors_failed = units
            .iter()
            .any(|u| !u.en_missing.is_empty() || !u.zh_missing.is_empty() || !u.paired());
        if anchors_failed {
            let (en_missing, zh_missing) = unmatched(segment.en, zh);
            let written = |numbers: Vec<crate::numbers::Number>| {
                numbers.into_iter().map(|n| n.text).collect::<Vec<_>>()
            };
            found.extend(describe(&written(en_missing), &written(zh_missing)));
        }
        let gathered = ["truncated_translation", "stray_fragment"];
        for code in gathered.into_iter().chain(MEANING_CODES) {
            if found.iter().any(|(c, _)| c == code) {
                continue;
            }
            let evidence: Vec<&str> = per_unit
                .iter()
                .flatten()
                .filter(|(c, _)| c == code)
                .map(|(_, e)| e.as_str())
                .collect();
            if !evidence.is_empty() {
                found.push(finding(code, evidence.join("; ")));
            }
        }
        found.extend(simplified_found(segment.simplified));
    }
    ordered(found, codes)
}

/// Evidence for the flags the structure stage sets on a segment.
fn structural_evidence(code: &str, en: &str) -> String {
    match code {
        "missing_translation" => "no Chinese line follows the English paragraph".to_owned(),
        "speaker_header_in_text" => format!("`{}`", clip(en, 60)),
        "no_speaker" => "before the first speaker header".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_counts_characters() {
        assert_eq!(clip("營收成長", 3), "營收…");
        assert_eq!(clip("營收成", 3), "營收成");
        assert_eq!(tail("abc營收", 2), "營收");
        assert_eq!(tail("a", 20), "a");
    }

    #[test]
    fn open_and_closed_endings() {
        assert!(
            ends_open("營收成長")
                && !ends_open("營收成長。 ")
                && !ends_open("")
                && !ends_open(" \u{1c}")
        );
    }

    #[test]
    fn one_finding_per_code_in_catalog_order() {
        let codes: Vec<String> = ["b", "a"].iter().map(|s| s.to_string()).collect();
        let found = vec![
            finding("a", "1".into()),
            finding("b", "2".into()),
            finding("a", "3".into()),
        ];
        assert_eq!(
            ordered(found, &codes),
            vec![finding("b", "2".into()), finding("a", "1; 3".into())]
        );
    }
}
