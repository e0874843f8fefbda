//! English sentence segmentation.
//!
//! A sentence ends at `.`, `?`, `!` or an ellipsis (with any closing quotes or brackets)
//! followed by whitespace, unless the full stop belongs to a title (`Mr.`), a number label
//! (`No. 5`) or initials (`K.C. Ambrecht`, `B. Riley`). An initialism or a company suffix
//! (`U.S.`, `Inc.`) ends a sentence only when the next word is one that starts sentences
//! (`U.S. So there's…`) rather than a name or a lower-case word (`U.S. relative to`).

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{add, is_initials, is_space, lower, word_before, words, Code, Span};
use crate::text::code_points;

/// Abbreviations after which a full stop never ends a sentence (titles, labels).
static NEVER: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "mr mrs ms dr prof st sr jr gen gov sen rep lt col capt sgt hon rev messrs mssrs vs no nos
        approx est fig figs vol op pp p e.g i.e cf al",
    )
});

/// Abbreviations that end a sentence only before a sentence-starting word.
static MAYBE: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "inc corp co ltd llc plc l.p lp bros etc jan feb mar apr jun jul aug sep sept oct nov dec
        u.s u.k u.s.a e.u a.m p.m",
    )
});

/// Words that start sentences far more often than they follow an initial or an abbreviation.
static STARTERS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "a an and as at but so the this that these those there then thank thanks we i it it's its
        our in on for if or of yes no now well okay ok sure good great let let's with what when
        where why how who which you your they their he she his her my me us all also again after
        before because first second third finally next last just maybe perhaps overall today
        operator please moving turning looking go from by given while although though since do
        does did is are was were has have had can could would should will may might not one two
        three lastly additionally however further furthermore moreover meanwhile right hi hello
        yeah got great understood fair each every some many most any both either neither another
        other here still even only once instead otherwise indeed clearly obviously certainly
        actually basically frankly honestly generally typically similarly specifically
        importantly notably going speaking having being based including despite during through
        over under about across within without into against among between unless until whether
        yet nor",
    )
});

/// Terminal punctuation that may repeat (`?!`, `..`).
fn is_mark(c: char) -> bool {
    matches!(c, '.' | '?' | '!')
}

/// Where a sentence may end: a mark or an ellipsis.
fn may_end(c: char) -> bool {
    is_mark(c) || c == '…'
}

/// The ASCII characters `may_end` takes.
const MAY_END_ASCII: &[u8] = b".?!";

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']')
}

/// Opening quotes and brackets before the next word.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[')
}

/// What may follow the first letter of the word before a full stop.
fn in_word(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '.' || c == '\''
}

/// The candidate end that starts at `at`: a run of `.?!` or one `…`, then closing quotes or
/// brackets, then (not taken) whitespace. `Ok(end)`, or `Err(next)`: where to look next.
fn candidate<T: Code>(text: &[T], at: usize) -> Result<usize, usize> {
    let run = if is_mark(text[at].ch()) {
        at + text[at..].iter().take_while(|c| is_mark(c.ch())).count()
    } else if text[at].ch() == '…' {
        at + 1
    } else {
        return Err(at + 1);
    };
    let end = run + text[run..].iter().take_while(|c| is_closer(c.ch())).count();
    match text.get(end) {
        Some(c) if is_space(c.ch()) => Ok(end),
        _ => Err(run), // any later start inside the run ends where this one did
    }
}

/// The next word after `end`: whitespace, opening quotes or brackets, then a word
/// (`[A-Za-z][A-Za-z']*`) or a single digit.
fn next_word<T: Code>(text: &[T], end: usize) -> Option<&[T]> {
    let spaces = text[end..].iter().take_while(|c| is_space(c.ch())).count();
    if spaces == 0 {
        return None;
    }
    let at = end + spaces;
    let at = at + text[at..].iter().take_while(|c| is_opener(c.ch())).count();
    match text.get(at).map(|c| c.ch()) {
        Some(c) if c.is_ascii_alphabetic() => {
            let len = text[at..]
                .iter()
                .take_while(|c| c.ch().is_ascii_alphabetic() || c.ch() == '\'')
                .count();
            Some(&text[at..at + len])
        }
        Some(c) if c.is_ascii_digit() => Some(&text[at..at + 1]),
        _ => None,
    }
}

/// Whether the word after `end` opens a sentence: capitalized (or a digit), and with `strict`
/// a word from `STARTERS` (names are capitalized too). With no word after `end`, whether only
/// whitespace is left.
fn starts_sentence<T: Code>(text: &[T], end: usize, strict: bool) -> bool {
    let Some(word) = next_word(text, end) else {
        return text[end..].iter().all(|c| is_space(c.ch()));
    };
    let first = word[0].ch();
    if !first.is_ascii_uppercase() && !first.is_ascii_digit() {
        return false;
    }
    !strict || STARTERS.contains(lower(word).as_str())
}

/// Whether the punctuation at `text[start..end]` closes a sentence.
fn is_end<T: Code>(text: &[T], start: usize, end: usize) -> bool {
    let mark = text[start].ch();
    let ellipsis = text
        .get(start..start + 3)
        .is_some_and(|s| s.iter().all(|c| c.ch() == '.'));
    if mark == '…' || ellipsis {
        return starts_sentence(text, end, false);
    }
    if mark != '.' {
        return true;
    }
    let Some(word) = word_before(text, start, in_word) else {
        return true;
    };
    let word = word.trim_end_matches('.');
    if NEVER.contains(word)
        && (word != "no" || next_word(text, end).is_some_and(|w| w[0].ch().is_ascii_digit()))
    {
        return false;
    }
    if MAYBE.contains(word) || is_initials(word) {
        return starts_sentence(text, end, true);
    }
    true
}

/// Spans of the sentences of an English paragraph, stripped of surrounding whitespace.
pub fn split_en(text: &str) -> Vec<Span> {
    if text.is_ascii() {
        spans(text.as_bytes())
    } else {
        spans(&code_points(text))
    }
}

/// `split_en` of a text as code points (or as the bytes of an ASCII text).
fn spans<T: Code>(text: &[T]) -> Vec<Span> {
    let mut spans = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < text.len() {
        // No end is a candidate before the next mark: go straight to it.
        let marks = T::find(&text[at..], may_end, MAY_END_ASCII);
        at += marks.unwrap_or(text.len() - at);
        if at == text.len() {
            break;
        }
        match candidate(text, at) {
            Ok(end) => {
                if is_end(text, at, end) {
                    add(text, start, end, &mut spans);
                    start = end;
                }
                at = end;
            }
            Err(next) => at = next,
        }
    }
    add(text, start, text.len(), &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        super::super::sentences(text, split_en)
    }

    #[test]
    fn initialisms_end_a_sentence_only_before_a_starter() {
        assert_eq!(
            sentences("We sell in the U.S. So there's demand."),
            ["We sell in the U.S.", "So there's demand."]
        );
        assert_eq!(
            sentences("We sell in the U.S. relative to Europe."),
            ["We sell in the U.S. relative to Europe."]
        );
        assert_eq!(
            sentences("Rekor Systems, Inc. conference call."),
            ["Rekor Systems, Inc. conference call."]
        );
    }

    #[test]
    fn titles_labels_and_initials_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Site No. 5 opened. Mr. Hen spoke."),
            ["Site No. 5 opened.", "Mr. Hen spoke."]
        );
        assert_eq!(
            sentences("K.C. Ambrecht, Shay Capital."),
            ["K.C. Ambrecht, Shay Capital."]
        );
        // `B.` before a name does not end, but `Riley.` before `Go` does.
        assert_eq!(
            sentences("Zach Cummins, B. Riley. Go ahead."),
            ["Zach Cummins, B. Riley.", "Go ahead."]
        );
    }

    #[test]
    fn quotes_decimals_and_ellipses() {
        assert_eq!(
            sentences("Revenue was $3.9 million. It grew."),
            ["Revenue was $3.9 million.", "It grew."]
        );
        assert_eq!(
            sentences("We said, \"It works.\" Then we left."),
            ["We said, \"It works.\"", "Then we left."]
        );
        // An ellipsis ends a sentence only before a capitalized word (or the end).
        assert_eq!(
            sentences("Well... And then? Yes!"),
            ["Well...", "And then?", "Yes!"]
        );
        assert_eq!(sentences("Well… maybe not."), ["Well… maybe not."]);
    }

    #[test]
    fn the_ascii_ends_are_those_may_end_takes() {
        for byte in 0..128u8 {
            assert_eq!(may_end(char::from(byte)), MAY_END_ASCII.contains(&byte));
        }
    }

    #[test]
    fn an_ascii_text_splits_the_same_read_as_bytes_or_as_characters() {
        let text = "We sell in the U.S. So there's demand. Site No. 5 opened. Mr. Hen spoke. \
                    K.C. Ambrecht, B. Riley. Go ahead... And then? Yes! \"It works.\" Up 3.9%.\n";
        assert_eq!(spans(text.as_bytes()), spans(&code_points(text)));
        assert_eq!(spans(text.as_bytes()).len(), 10);
    }

    #[test]
    fn offsets_are_code_points_stripped_of_python_whitespace() {
        // `𠀀` is one code point (four UTF-8 bytes); U+001C and U+3000 are whitespace to Python.
        assert_eq!(split_en("\u{1c}𠀀 ab. So c.\u{3000}"), [(1, 6), (7, 12)]);
        assert!(split_en("").is_empty() && split_en(" \u{85}\u{2029}").is_empty());
        // A punctuation run at the very end is not followed by whitespace: no split needed.
        assert_eq!(split_en("Hi. Bye."), [(0, 3), (4, 8)]);
    }
}
