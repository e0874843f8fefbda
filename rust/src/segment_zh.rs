//! Chinese sentence segmentation.
//!
//! Ends are the full-width `。！？` and the ASCII `?` and `!` (which the machine translation
//! often writes), with any closing quotes or brackets after them. An ASCII full stop ends a
//! sentence after a Han character (`午安.感謝您…`) or after an ordinary Latin word followed by
//! Chinese, but not inside a number (`3.9`), after an abbreviation (`Inc.電話會議`) or after
//! initials (`K.C.在`, `B.萊利`). A domain name (`rekor.ai`) does not end a sentence either.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{add, is_initials, is_space, word_before, words, Span};
use crate::script::is_han;
use crate::text::code_points;

/// Abbreviations after which an ASCII full stop does not end a Chinese sentence.
static ABBREVIATIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "inc corp co ltd llc plc lp mr mrs ms dr prof st sr jr no vs etc jan feb mar apr jun jul
        aug sep sept oct nov dec u.s u.k a.m p.m e.g i.e",
    )
});

/// Terminal punctuation that may repeat.
fn is_mark(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '?' | '!')
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '」' | '』' | '”' | '’' | '"' | '\'' | ')' | '）' | ']')
}

/// What may follow the first letter of the Latin word before a full stop.
fn in_word(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '.'
}

/// The candidate end that starts at `at`, closing quotes or brackets included: a run of
/// marks, or a full stop not followed by a Latin letter or digit (`3.9`, `rekor.ai`).
fn candidate(text: &[char], at: usize) -> Option<usize> {
    let run = if is_mark(text[at]) {
        at + text[at..].iter().take_while(|&&c| is_mark(c)).count()
    } else if text[at] == '.' && !text.get(at + 1).is_some_and(char::is_ascii_alphanumeric) {
        at + 1
    } else {
        return None;
    };
    Some(run + text[run..].iter().take_while(|&&c| is_closer(c)).count())
}

/// Whether the ASCII full stop at `start` ends a sentence: after a Han character or a closing
/// bracket or quote, or after a Latin word that is neither an abbreviation nor initials when
/// what follows (within two characters, whitespace skipped) is not ASCII.
fn full_stop_ends(text: &[char], start: usize) -> bool {
    if start == 0 {
        return false;
    }
    let before = text[start - 1];
    if is_han(before) || matches!(before, '」' | '』' | '”' | '）' | ')') {
        return true;
    }
    let Some(word) = word_before(text, start, in_word) else {
        return false;
    };
    if ABBREVIATIONS.contains(word.as_str()) || is_initials(&word) {
        return false;
    }
    let rest = &text[start + 1..text.len().min(start + 3)];
    rest.iter()
        .find(|&&c| !is_space(c))
        .is_none_or(|c| !c.is_ascii())
}

/// Spans of the sentences of a Chinese paragraph, stripped of surrounding whitespace.
pub fn split_zh(text: &str) -> Vec<Span> {
    let text = code_points(text);
    let mut spans = Vec::new();
    let (mut begin, mut at) = (0, 0);
    while at < text.len() {
        // No end is a candidate before the next mark or full stop: go straight to it.
        let marks = text[at..].iter().position(|&c| is_mark(c) || c == '.');
        at += marks.unwrap_or(text.len() - at);
        if at == text.len() {
            break;
        }
        let Some(end) = candidate(&text, at) else {
            at += 1;
            continue;
        };
        if text[at] != '.' || full_stop_ends(&text, at) {
            add(&text, begin, end, &mut spans);
            begin = end;
        }
        at = end;
    }
    add(&text, begin, text.len(), &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        super::super::sentences(text, split_zh)
    }

    #[test]
    fn a_full_stop_after_han_ends_but_not_after_an_abbreviation_or_initials() {
        assert_eq!(
            sentences("午安.感謝您回答我的問題。"),
            ["午安.", "感謝您回答我的問題。"]
        );
        assert_eq!(
            sentences("今天的Rekor Systems, Inc.電話會議。我叫約翰。"),
            ["今天的Rekor Systems, Inc.電話會議。", "我叫約翰。"]
        );
        assert_eq!(
            sentences("我想K.C.在問題中提到了。康明斯、B.萊利。"),
            ["我想K.C.在問題中提到了。", "康明斯、B.萊利。"]
        );
        // A Latin word ends a sentence when Chinese follows, not when ASCII does.
        assert_eq!(
            sentences("使用 GPU.我們 GPU. ok"),
            ["使用 GPU.", "我們 GPU. ok"]
        );
    }

    #[test]
    fn numbers_domains_ascii_marks_and_quotes() {
        assert_eq!(
            sentences("營收為3.9億美元,請見 rekor.ai 網站?好的!"),
            ["營收為3.9億美元,請見 rekor.ai 網站?", "好的!"]
        );
        assert_eq!(
            sentences("他說:「這很好。」然後離開。"),
            ["他說:「這很好。」", "然後離開。"]
        );
        assert_eq!(split_zh("𠀀。\u{3000}乙"), [(0, 2), (3, 4)]);
        assert!(split_zh("").is_empty() && split_zh("\u{1f}\u{a0}").is_empty());
    }
}
