//! Earnings-call terms and the Chinese renderings known to be wrong in their sense.
//!
//! The glossary is a data file of the package (`builder/evidence/glossary.json`, versioned, part
//! of the build signature), handed to the core once as JSON. A pair is flagged
//! `term_wrong_sense` only when its English has the term and its Chinese has one of the
//! renderings listed as wrong for it: never for the mere absence of a preferred rendering.
//! Plain Rust (its binding: `bindings/align.rs`).

use std::collections::BTreeMap;

use serde_json::Value;

/// One term: its English forms (lower-cased, matched as whole words), the English phrases that
/// give it another, ordinary sense (`under the guidance of`), its sense in a call, and the
/// wrong renderings with what each means.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub en: Vec<String>,
    pub unless: Vec<String>,
    pub sense: String,
    pub wrong: Vec<(String, String)>,
}

/// The glossary: its version and terms, and its wrong renderings by their first character,
/// sorted by it, with a bit set of those characters in the BMP (a pair's Chinese is scanned
/// once, most characters dismissed by their bit; the English is read only for a term whose
/// wrong rendering is there, so a pair costs one pass over its Chinese).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Glossary {
    pub version: String,
    pub terms: Vec<Term>,
    by_first: Vec<(char, Vec<(usize, usize)>)>,
    /// Bit `c` set for each first character `c` below U+10000 (empty: none looked up this way).
    firsts: Vec<u64>,
}

fn strings(value: &Value, key: &str) -> Vec<String> {
    value[key]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|s| s.as_str().map(str::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

impl Glossary {
    /// The glossary from its JSON text; an entry without English or wrong renderings is an error.
    pub fn parse(text: &str) -> Result<Glossary, String> {
        let data: Value = serde_json::from_str(text).map_err(|e| format!("glossary: {e}"))?;
        let version = data["version"].as_str().unwrap_or_default().to_owned();
        let mut terms = Vec::new();
        for (k, entry) in data["terms"].as_array().into_iter().flatten().enumerate() {
            let wrong: Vec<(String, String)> = entry["wrong"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|w| {
                    Some((
                        w["zh"].as_str()?.to_owned(),
                        w["means"].as_str()?.to_owned(),
                    ))
                })
                .collect();
            let term = Term {
                en: strings(entry, "en"),
                unless: strings(entry, "unless"),
                sense: entry["sense"].as_str().unwrap_or_default().to_owned(),
                wrong,
            };
            if term.en.is_empty() || term.wrong.is_empty() {
                return Err(format!(
                    "glossary: term {k} has no English form or no wrong rendering"
                ));
            }
            terms.push(term);
        }
        let mut by_first: BTreeMap<char, Vec<(usize, usize)>> = BTreeMap::new();
        for (t, term) in terms.iter().enumerate() {
            for (w, (wrong, _)) in term.wrong.iter().enumerate() {
                if let Some(first) = wrong.chars().next() {
                    by_first.entry(first).or_default().push((t, w));
                }
            }
        }
        let mut firsts = vec![0u64; 0x10000 / 64];
        for &first in by_first.keys().filter(|&&c| (c as usize) < 0x10000) {
            firsts[first as usize / 64] |= 1 << (first as usize % 64);
        }
        Ok(Glossary {
            version,
            terms,
            by_first: by_first.into_iter().collect(),
            firsts,
        })
    }

    /// The (term, rendering) positions of the wrong renderings that start with `c`.
    fn starting_with(&self, c: char) -> &[(usize, usize)] {
        let code = c as usize;
        if let Some(bits) = self.firsts.get(code / 64) {
            if bits & (1 << (code % 64)) == 0 {
                return &[];
            }
        }
        match self.by_first.binary_search_by_key(&c, |(first, _)| *first) {
            Ok(k) => &self.by_first[k].1,
            Err(_) => &[],
        }
    }
}

/// Where `phrase` stands in `lower` as whole words, as a byte offset.
fn find_words(lower: &str, phrase: &str) -> Option<usize> {
    lower.match_indices(phrase).map(|(at, _)| at).find(|&at| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The wrong renderings in a Chinese text: (term, rendering) positions, in text order.
fn wrong_renderings(glossary: &Glossary, zh: &str) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (at, c) in zh.char_indices() {
        for &(t, w) in glossary.starting_with(c) {
            let term = &glossary.terms[t];
            if zh[at..].starts_with(term.wrong[w].0.as_str()) && !found.iter().any(|(f, _)| *f == t)
            {
                found.push((t, w));
            }
        }
    }
    found.sort_unstable();
    found
}

/// `term_wrong_sense` evidence for each glossary term the pair renders in a wrong sense.
pub fn term_issues(glossary: &Glossary, en: &str, zh: &str) -> Vec<String> {
    let candidates = wrong_renderings(glossary, zh);
    if candidates.is_empty() {
        return Vec::new();
    }
    let lower: String = en
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    let same_offsets = lower.len() == en.len();
    let mut found = Vec::new();
    for (t, w) in candidates {
        let term = &glossary.terms[t];
        let Some((form, at)) = term
            .en
            .iter()
            .find_map(|f| find_words(&lower, f).map(|at| (f, at)))
        else {
            continue;
        };
        if term.unless.iter().any(|u| lower.contains(u.as_str())) {
            continue;
        }
        let (wrong, means) = &term.wrong[w];
        let written = if same_offsets {
            &en[at..at + form.len()]
        } else {
            form.as_str()
        };
        found.push(format!(
            "en `{written}` ({}); zh `{wrong}` ({means})",
            term.sense
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = r#"{"version": "t", "terms": [
        {"en": ["at the midpoint", "midpoint"], "sense": "the middle of a range",
         "wrong": [{"zh": "中期", "means": "medium term"}]},
        {"en": ["guidance"], "unless": ["under the guidance"], "sense": "the company's outlook",
         "wrong": [{"zh": "指導", "means": "coaching"}]}
    ]}"#;

    #[test]
    fn flags_a_known_wrong_rendering_only() {
        let g = Glossary::parse(DATA).unwrap();
        assert_eq!(
            term_issues(
                &g,
                "15% ARR growth, at the midpoint",
                "中期 ARR 成長率為 15%"
            ),
            ["en `at the midpoint` (the middle of a range); zh `中期` (medium term)"]
        );
        assert!(term_issues(&g, "15% growth at the midpoint", "中間值 15%").is_empty());
        assert!(term_issues(&g, "under the guidance of our CEO", "在執行長的指導下").is_empty());
        assert!(term_issues(&g, "midpoints", "中期").is_empty());
    }

    #[test]
    fn refuses_an_entry_without_wrong_renderings() {
        assert!(
            Glossary::parse(r#"{"version": "t", "terms": [{"en": ["x"], "wrong": []}]}"#).is_err()
        );
    }
}
