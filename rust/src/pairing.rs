//! A call's body lines paired into speaker turns and segments (an English paragraph with its
//! translation), flagging doubtful pairs; Python API: `builder/structure/pairing.py`.
//!
//! Pairing never relies on blind alternation: each line's slot comes from the layout's markup
//! or, where there is none, from its script (`crate::lines::script_slot`). A speaker header is
//! a header-shaped line with its copy in the Chinese slot (`crate::header`); one written once,
//! in either slot, is a header when a paragraph or another header follows it. A line in the
//! Chinese slot pairs with the English line before it when it is marked as the translation or
//! written in Chinese; a line whose script is undecided pairs when it stands in the translation
//! slot; an unmarked line without Chinese pairs only when it is an exact copy and no Chinese
//! line follows that it would orphan. Otherwise the English line is flagged
//! `missing_translation` and the next line is read afresh; the paragraphs and translations of
//! such an irregular block are paired by `crate::matching`. A translation with no paragraph
//! before it refuses the file with its line (`Stray`). Turns whose speaker may be wrong are
//! flagged `doubtful_speaker` on each of their segments (`doubtful_speakers`).
//!
//! The rules reproduce the Python implementation they replaced to the byte (flags, their order
//! and evidence): `tests/structure` pins them.

use std::collections::HashMap;

use crate::header::{is_header_copy, looks_like_header, normalize, split_header, unusual};
use crate::lines::script_slot;
use crate::matching::{self, clip};
use crate::segment::is_space;

/// The slot a line stands in: the English paragraph's or its translation's.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Slot {
    En,
    Zh,
}

/// A body line: its number in the file, its text as written and the slot its layout marked.
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
    pub marked: Option<Slot>,
}

/// A speaker header: the body lines (indexes) it is written on, in either slot or both; its
/// name and title, normalized; the look-alike, hidden and combining characters of its lines,
/// named (`U+0415 CYRILLIC CAPITAL LETTER IE`), each once.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub en: Option<usize>,
    pub zh: Option<usize>,
    pub name: String,
    pub title: Option<String>,
    pub unusual: Vec<String>,
}

/// An English paragraph (a body line index) with its translation's, if any; its flags in the
/// order they were raised, and the evidence of those that have one, in the same order.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub en: usize,
    pub zh: Option<usize>,
    pub flags: Vec<&'static str>,
    pub evidence: Vec<(&'static str, String)>,
}

impl Segment {
    fn flag(&mut self, code: &'static str, evidence: String) {
        self.flags.push(code);
        self.evidence.push((code, evidence));
    }
}

/// A speaker's turn: the header (None for paragraphs before the first one) and its segments.
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    pub header: Option<Header>,
    pub segments: Vec<Segment>,
}

/// A translation line no paragraph can take: why, and its line number.
#[derive(Clone, Debug, PartialEq)]
pub struct Stray {
    pub reason: String,
    pub line: usize,
}

/// The flag on a segment before the first speaker header.
const NO_SPEAKER: &str = "no_speaker";
/// The flag on a paragraph with no translation after it.
const MISSING_TRANSLATION: &str = "missing_translation";
/// The flag on a paragraph shaped like a speaker header.
const HEADER_IN_TEXT: &str = "speaker_header_in_text";
/// The flag on the segments of a turn whose header holds look-alike or hidden characters.
const HEADER_CONFUSABLE: &str = "speaker_header_confusable";
/// The flag on a pair another paragraph of its block would take at nearly the same cost.
const DOUBTFUL_PAIRING: &str = "doubtful_pairing";
/// The flag on every segment of a turn whose speaker may be wrong.
pub const DOUBTFUL_SPEAKER: &str = "doubtful_speaker";
/// Every code the pairing sets: the catalog (`builder/flags.py`) must hold each
/// (`tests/align/test_flag_meaning.py`).
pub const CODES: [&str; 6] = [
    NO_SPEAKER,
    MISSING_TRANSLATION,
    HEADER_IN_TEXT,
    HEADER_CONFUSABLE,
    DOUBTFUL_PAIRING,
    DOUBTFUL_SPEAKER,
];

/// One pass over a file's body lines.
struct Pairer<'a, 'n> {
    lines: &'a [Line<'a>],
    stripped: Vec<&'a str>,
    slots: Vec<Option<Slot>>,
    headers: Vec<Option<bool>>,
    pairs: Vec<Option<bool>>,
    /// The header rules' answers for texts asked before: headers repeat through a call.
    copies: HashMap<(&'a str, &'a str), bool>,
    splits: HashMap<&'a str, (String, Option<String>)>,
    name_of: &'n dyn Fn(char) -> String,
    turns: Vec<Turn>,
}

fn slot_of(line: &Line) -> Option<Slot> {
    line.marked.or_else(|| match script_slot(line.text) {
        Some("en") => Some(Slot::En),
        Some(_) => Some(Slot::Zh),
        None => None,
    })
}

impl<'a> Pairer<'a, '_> {
    fn n(&self) -> usize {
        self.lines.len()
    }

    /// A line shaped like `Name - Title` (memoized: the pass asks of a line more than once).
    fn header_like(&mut self, i: usize) -> bool {
        *self.headers[i].get_or_insert_with(|| looks_like_header(self.stripped[i]))
    }

    /// A header in the English slot with its copy (or translated copy) right after it.
    fn header_pair(&mut self, i: usize) -> bool {
        if let Some(known) = self.pairs[i] {
            return known;
        }
        let j = i + 1;
        let known = j < self.n()
            && self.lines[i].marked != Some(Slot::Zh)
            && self.lines[j].marked != Some(Slot::En)
            && self.header_like(i)
            && self.header_copy(i, j);
        self.pairs[i] = Some(known);
        known
    }

    /// Line j is a copy of the header at line i (memoized by their texts).
    fn header_copy(&mut self, i: usize, j: usize) -> bool {
        let texts = (self.stripped[i], self.stripped[j]);
        *self
            .copies
            .entry(texts)
            .or_insert_with(|| is_header_copy(texts.0, texts.1))
    }

    /// True at the end, or where an English paragraph or a header starts.
    fn paragraph_or_header_at(&mut self, k: usize) -> bool {
        k >= self.n() || self.slots[k] != Some(Slot::Zh) || self.header_pair(k)
    }

    /// An unmarked exact copy of line i at j that orphans no Chinese line after it.
    fn untranslated_copy(&mut self, i: usize, j: usize) -> bool {
        if self.lines[j].marked.is_some() || self.stripped[j] != self.stripped[i] {
            return false;
        }
        let k = j + 1;
        !(k < self.n() && self.slots[k] == Some(Slot::Zh) && !self.header_pair(k))
    }

    /// A header written once (either slot) with a paragraph or another header after it.
    fn single_header(&mut self, i: usize) -> bool {
        if !self.header_like(i) || !self.paragraph_or_header_at(i + 1) {
            return false;
        }
        if self.lines[i].marked == Some(Slot::Zh) {
            return true; // bulleted: the English copy is missing
        }
        i + 1 >= self.n() || !self.untranslated_copy(i, i + 1)
    }

    /// Line j is the translation slot after paragraph i: it stands in the Chinese slot (marked,
    /// written in Chinese, or undecided) or is an unmarked copy that orphans nothing.
    fn takes_translation(&mut self, i: usize, j: usize) -> bool {
        j < self.n()
            && !self.header_pair(j)
            && (self.slots[j] != Some(Slot::En) || self.untranslated_copy(i, j))
    }

    fn start_turn(&mut self, en: Option<usize>, zh: Option<usize>) {
        let first = en.or(zh).expect("a header is written in one slot at least");
        let text = self.lines[first].text;
        let (name, title) = self
            .splits
            .entry(text)
            .or_insert_with(|| split_header(text))
            .clone();
        let mut names: Vec<String> = vec![];
        for line in [en, zh].into_iter().flatten() {
            for named in unusual_named(self.lines[line].text, self.name_of) {
                if !names.contains(&named) {
                    names.push(named);
                }
            }
        }
        let header = Header {
            en,
            zh,
            name,
            title,
            unusual: names,
        };
        self.turns.push(Turn {
            header: Some(header),
            segments: vec![],
        });
    }

    fn add_segment(&mut self, i: usize, zh: Option<usize>, doubtful: Option<&[String]>) {
        if self.turns.is_empty() {
            self.turns.push(Turn {
                header: None,
                segments: vec![],
            });
        }
        let in_text = self.header_like(i);
        let mut segment = Segment {
            en: i,
            zh,
            flags: vec![],
            evidence: vec![],
        };
        let turn = self.turns.last_mut().expect("a turn was just made");
        if turn.header.is_none() {
            segment.flags.push(NO_SPEAKER);
        }
        if zh.is_none() {
            segment.flags.push(MISSING_TRANSLATION);
        }
        if in_text {
            segment.flags.push(HEADER_IN_TEXT);
        }
        if let Some(header) = turn.header.as_ref().filter(|h| !h.unusual.is_empty()) {
            let lines: Vec<String> = [header.en, header.zh]
                .into_iter()
                .flatten()
                .map(|k| self.lines[k].number.to_string())
                .collect();
            let evidence = format!(
                "header on line {}: {}",
                lines.join(" and "),
                header.unusual.join(", ")
            );
            segment.flag(HEADER_CONFUSABLE, evidence);
        }
        if let Some(notes) = doubtful.filter(|notes| !notes.is_empty()) {
            segment.flag(DOUBTFUL_PAIRING, notes.join("; "));
        }
        turn.segments.push(segment);
    }

    fn stray_translation(&self, i: usize) -> Stray {
        let reason = if i > 0 && self.slots[i - 1] == Some(Slot::Zh) {
            format!(
                "a second translation line after line {} (a doubled translation?)",
                self.lines[i - 1].number
            )
        } else {
            "translation line with no English paragraph before it (a misplaced line?)".to_string()
        };
        Stray {
            reason,
            line: self.lines[i].number,
        }
    }

    fn run(mut self) -> Result<Vec<Turn>, Stray> {
        // (is a translation, line index) since the last header
        let mut block: Vec<(bool, usize)> = vec![];
        let mut i = 0;
        while i < self.n() {
            if self.header_pair(i) {
                self.flush(&mut block)?;
                self.start_turn(Some(i), Some(i + 1));
                i += 2;
                continue;
            }
            let after_paragraph = block.last().is_some_and(|&(is_zh, k)| !is_zh && k + 1 == i);
            if after_paragraph && self.takes_translation(i - 1, i) {
                block.push((true, i));
            } else if self.single_header(i) {
                self.flush(&mut block)?;
                if self.lines[i].marked == Some(Slot::Zh) {
                    self.start_turn(None, Some(i));
                } else {
                    self.start_turn(Some(i), None);
                }
            } else {
                block.push((self.slots[i] == Some(Slot::Zh), i));
            }
            i += 1;
        }
        self.flush(&mut block)?;
        doubtful_speakers(self.lines, &mut self.turns);
        Ok(self.turns)
    }

    /// Pair the paragraphs and translations read since the last header into segments.
    fn flush(&mut self, block: &mut Vec<(bool, usize)>) -> Result<(), Stray> {
        if block.is_empty() {
            return Ok(());
        }
        let en: Vec<usize> = block.iter().filter(|b| !b.0).map(|b| b.1).collect();
        let zh: Vec<usize> = block.iter().filter(|b| b.0).map(|b| b.1).collect();
        let regular = en.len() == zh.len() && en.iter().zip(&zh).all(|(&e, &z)| z == e + 1);
        if regular {
            for (&e, &z) in en.iter().zip(&zh) {
                self.add_segment(e, Some(z), None);
            }
        } else {
            self.add_matched(block, &en, &zh)?;
        }
        block.clear();
        Ok(())
    }

    /// Segments of an irregular block, paired by `crate::matching::pair`.
    fn add_matched(
        &mut self,
        block: &[(bool, usize)],
        en: &[usize],
        zh: &[usize],
    ) -> Result<(), Stray> {
        for w in zh.windows(2) {
            if w[1] == w[0] + 1 && self.stripped[w[0]] == self.stripped[w[1]] {
                return Err(self.stray_translation(w[1]));
            }
        }
        // A line's position in the block is its distance from the block's first line.
        let position = |line: usize| {
            block
                .iter()
                .position(|b| b.1 == line)
                .expect("in the block")
        };
        let side = |lines: &[usize]| -> Vec<(usize, &str)> {
            lines
                .iter()
                .map(|&k| (position(k), self.stripped[k]))
                .collect()
        };
        let found =
            matching::pair(&side(en), &side(zh)).map_err(|k| self.stray_translation(zh[k]))?;
        for (k, &e) in en.iter().enumerate() {
            let z = found.pairs[k].map(|z| zh[z]);
            self.add_segment(e, z, Some(&found.doubtful[k]));
        }
        Ok(())
    }
}

/// The look-alike, hidden and combining characters of a header line (`crate::header::unusual`),
/// each once, named as evidence: `U+0415 CYRILLIC CAPITAL LETTER IE`, the name by `name_of`.
pub fn unusual_named(text: &str, name_of: &dyn Fn(char) -> String) -> Vec<String> {
    let name = |c: char| format!("U+{:04X} {}", c as u32, name_of(c));
    unusual(text).into_iter().map(name).collect()
}

/// A call's body lines as speaker turns holding their segments, or the first translation line
/// no paragraph can take. `name_of` names a character (Unicode's name), for the evidence of a
/// header written with a look-alike, hidden or combining character.
pub fn pair_lines(lines: &[Line], name_of: &dyn Fn(char) -> String) -> Result<Vec<Turn>, Stray> {
    let n = lines.len();
    Pairer {
        lines,
        stripped: lines
            .iter()
            .map(|line| line.text.trim_matches(is_space))
            .collect(),
        slots: lines.iter().map(slot_of).collect(),
        headers: vec![None; n],
        pairs: vec![None; n],
        copies: HashMap::new(),
        splits: HashMap::new(),
        name_of,
        turns: vec![],
    }
    .run()
}

/// Why the turn's header may not start a new speaker, or None: a header written in one slot
/// in a call whose other headers are written in both (a stray `Operator` line), or one whose
/// Chinese copy is a translation right after a paragraph left without translation (that
/// paragraph's translation read as the header's copy).
fn header_doubt(
    lines: &[Line],
    turn: &Turn,
    previous: Option<&Turn>,
    both_slots: bool,
) -> Option<String> {
    let header = turn.header.as_ref()?;
    let first = header.en.or(header.zh)?;
    let (text, line) = (lines[first].text, lines[first].number);
    if both_slots && (header.en.is_none() || header.zh.is_none()) {
        return Some(format!(
            "the header `{}` on line {line} is written in one slot only, while the call's other \
             headers are written in both (a stray line?)",
            clip(text)
        ));
    }
    let last = previous.and_then(|turn| turn.segments.last())?;
    let (en, zh) = (header.en?, header.zh?);
    let copy = lines[zh].text;
    if last.zh.is_some() || normalize(copy) == normalize(lines[en].text) {
        return None;
    }
    Some(format!(
        "the header `{}` on line {line} has the translated copy `{}` right after line {}, a \
         paragraph left without translation (its translation?)",
        clip(text),
        clip(copy),
        lines[last.en].number
    ))
}

/// Why the segments after this one in its turn may have another speaker, or None: a paragraph
/// shaped like a header (flagged `speaker_header_in_text`) and paired with a translation.
fn paragraph_doubt(lines: &[Line], segment: &Segment) -> Option<String> {
    let en = lines[segment.en];
    if segment.zh.is_none() || !segment.flags.contains(&HEADER_IN_TEXT) {
        return None;
    }
    Some(format!(
        "line {}, `{}`, has the shape of a speaker header but was read as a paragraph with a \
         translation: the speaker may change there",
        en.number,
        clip(en.text)
    ))
}

/// Flag `doubtful_speaker` (with evidence) on every segment whose speaker may be wrong.
fn doubtful_speakers(lines: &[Line], turns: &mut [Turn]) {
    let written_twice = |h: &Header| h.en.is_some() && h.zh.is_some();
    let both_slots = turns
        .iter()
        .any(|t| t.header.as_ref().is_some_and(written_twice));
    for k in 0..turns.len() {
        let (before, rest) = turns.split_at_mut(k);
        let turn = &mut rest[0];
        let mut doubt = header_doubt(lines, turn, before.last(), both_slots);
        for segment in &mut turn.segments {
            if let Some(evidence) = &doubt {
                if !segment.flags.contains(&DOUBTFUL_SPEAKER) {
                    segment.flag(DOUBTFUL_SPEAKER, evidence.clone());
                }
            }
            if doubt.is_none() {
                doubt = paragraph_doubt(lines, segment);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
        texts
            .iter()
            .enumerate()
            .map(|(k, &text)| Line {
                number: k + 1,
                text,
                marked: None,
            })
            .collect()
    }

    fn name(_: char) -> String {
        "NAME".to_string()
    }

    #[test]
    fn headers_and_pairs() {
        let body = lines(&[
            "Operator",
            "接線員",
            "Good morning.",
            "早安。",
            "Jane Doe - CFO",
            "Jane Doe - 財務長",
            "Revenue grew.",
            "營收成長。",
        ]);
        let turns = pair_lines(&body, &name).unwrap();
        assert_eq!(turns.len(), 2);
        let header = turns[1].header.as_ref().unwrap();
        assert_eq!((header.en, header.zh), (Some(4), Some(5)));
        assert_eq!(
            (header.name.as_str(), header.title.as_deref()),
            ("Jane Doe", Some("CFO"))
        );
        assert_eq!(turns[1].segments[0].en, 6);
        assert_eq!(turns[1].segments[0].zh, Some(7));
        assert!(turns
            .iter()
            .all(|t| t.segments.iter().all(|s| s.flags.is_empty())));
    }

    #[test]
    fn a_missing_translation_is_flagged_and_a_paragraph_before_any_header_has_no_speaker() {
        let body = lines(&[
            "Hello there.",
            "Operator",
            "Operator",
            "Sure.",
            "First, revenue grew strongly this quarter.",
            "首先，本季營收強勁成長。",
        ]);
        let turns = pair_lines(&body, &name).unwrap();
        assert_eq!(
            turns[0].segments[0].flags,
            ["no_speaker", "missing_translation"]
        );
        let segments = &turns[1].segments;
        assert_eq!((segments[0].en, segments[0].zh), (3, None));
        assert_eq!(segments[0].flags, ["missing_translation"]);
        assert_eq!((segments[1].en, segments[1].zh), (4, Some(5)));
    }

    #[test]
    fn a_stray_translation_is_refused_with_its_line() {
        let body = lines(&["Operator", "接線員", "Hello.", "你好。", "你好。"]);
        let stray = pair_lines(&body, &name).unwrap_err();
        assert_eq!(stray.line, 5);
        assert!(stray.reason.contains("after line 4"), "{}", stray.reason);
        let body = lines(&["Operator", "Operator", "你好。"]);
        let stray = pair_lines(&body, &name).unwrap_err();
        assert_eq!(stray.line, 3);
        assert!(stray
            .reason
            .starts_with("translation line with no English paragraph"));
    }

    #[test]
    fn a_header_written_once_is_kept_and_doubted_where_others_are_written_twice() {
        let body = lines(&[
            "Operator",
            "接線員",
            "Welcome.",
            "歡迎。",
            "Jane Doe - CFO",
            "Thanks.",
            "謝謝。",
        ]);
        let turns = pair_lines(&body, &name).unwrap();
        let header = turns[1].header.as_ref().unwrap();
        assert_eq!((header.en, header.zh), (Some(4), None));
        assert_eq!(turns[1].segments[0].flags, [DOUBTFUL_SPEAKER]);
        assert!(turns[1].segments[0].evidence[0].1.contains("one slot only"));
    }

    #[test]
    fn a_confusable_header_names_its_characters() {
        let body = lines(&["\u{0415}yal Hen - CFO", "Eyal Hen - CFO", "Hi.", "嗨。"]);
        let turns = pair_lines(&body, &name).unwrap();
        assert_eq!(turns[0].header.as_ref().unwrap().unusual, ["U+0415 NAME"]);
        assert_eq!(
            turns[0].segments[0].evidence,
            [(
                "speaker_header_confusable",
                "header on line 1 and 2: U+0415 NAME".to_string()
            )]
        );
    }
}
