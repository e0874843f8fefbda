//! Speaker header lines (`Name - Title`, or `Operator`): their shape (`looks_like_header`),
//! their copy in the Chinese slot (`is_header_copy`), their name and title (`split_header`),
//! the form two headers are compared on (`normalize`), the look-alike, hidden and combining
//! characters folded out of them (`fold`) and named as evidence (`unusual`). The one rule of a
//! header: the speaker rules read it through `builder/structure/speakers.py`, and the layouts'
//! test (`crate::layout`) reads a header and its copy with it.
//!
//! The rules reproduce the Python implementation they replaced to the character
//! (`tests/data/core-cases-headers.jsonl`): its regular expressions are written here as scans,
//! `\s`, `str.split()` and `str.strip()` are Python's whitespace (`is_space`), `\w` is Python's
//! `str.isalnum()` (the letters and numbers) or `_`, `re.IGNORECASE` is `crate::front::ci`, and
//! Unicode is version 14.0, Python 3.11's `unicodedata`: the general categories and NFC come
//! from crates pinned to it, so a character assigned later reads as unassigned, as it did
//! there, whatever Python runs the build.

use std::borrow::Cow;

use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::UnicodeNormalization;

use crate::front::ci;
use crate::lines::{has_cjk, is_invisible, HIDDEN};
use crate::script::{has_han, is_han};
use crate::segment::is_space;

/// The names the call's operator goes by in a header (compared without case): the one list,
/// read by the header rules here (and so by the layouts' test) and by `is_operator`.
pub const OPERATOR_NAMES: [&str; 2] = ["operator", "moderator"];
/// The other speakers a header may name without a title.
const OTHER_KNOWN: [&str; 9] = [
    "host",
    "unidentified analyst",
    "unidentified participant",
    "unidentified speaker",
    "unidentified company representative",
    "unidentified corporate participant",
    "unknown speaker",
    "unknown analyst",
    "unknown participant",
];
/// Lower-case words that may stand in a name (`van`, `de la`, `bin`).
const PARTICLES: [&str; 12] = [
    "van", "von", "de", "da", "di", "del", "der", "la", "le", "du", "bin", "al",
];
/// The longest line that can be a header, and the longest once normalized, in characters.
pub const MAX_HEADER_CHARS: usize = 200;
const MAX_NORMALIZED_CHARS: usize = 160;
/// Beyond this many characters a header needs a dash and at most `MAX_BLANKS` blanks.
const SHORT_CHARS: usize = 40;
const MAX_BLANKS: usize = 16;
/// The most words a name has.
const MAX_NAME_WORDS: usize = 6;
/// The last characters of a sentence, which a header never ends with.
const SENTENCE_END: &str = ".?!。？！:;,";
/// The longest line that can be a header's copy, in characters, and what a copy never ends with.
const MAX_COPY_CHARS: usize = 160;
const COPY_END: &str = ".?!。？！";
/// The longest Chinese copy of `Operator` and the like (`接線員`), and of a translated name.
const KNOWN_COPY_CHARS: usize = 12;
const TRANSLATED_NAME_CHARS: usize = 24;
/// What a translated name may hold besides letters (Han included) and blanks.
const NAME_MARKS: &str = "·‧・.-'’";
/// What stands between a name and its title once normalized.
const TITLE_SPLIT: &str = " - ";
/// A hyphen and the dashes up to the en dash (the em dash is read apart).
const HYPHENS: [char; 5] = ['-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}'];
const EM_DASH: char = '\u{2014}';
const MINUS: char = '\u{2212}';
/// Cyrillic and Greek letters that look like Latin ones, and the Latin letter each reads as.
#[rustfmt::skip]
const LOOKALIKES: [(char, char); 49] = [
    ('\u{0410}', 'A'), ('\u{0412}', 'B'), ('\u{0415}', 'E'), ('\u{041a}', 'K'), ('\u{041c}', 'M'),
    ('\u{041d}', 'H'), ('\u{041e}', 'O'), ('\u{0420}', 'P'), ('\u{0421}', 'C'), ('\u{0422}', 'T'),
    ('\u{0425}', 'X'), ('\u{0430}', 'a'), ('\u{0435}', 'e'), ('\u{043e}', 'o'), ('\u{0440}', 'p'),
    ('\u{0441}', 'c'), ('\u{0443}', 'y'), ('\u{0445}', 'x'), ('\u{0456}', 'i'), ('\u{0458}', 'j'),
    ('\u{0455}', 's'), ('\u{0406}', 'I'), ('\u{0408}', 'J'), ('\u{0405}', 'S'), ('\u{0501}', 'd'),
    ('\u{051b}', 'q'), ('\u{051d}', 'w'), ('\u{0391}', 'A'), ('\u{0392}', 'B'), ('\u{0395}', 'E'),
    ('\u{0396}', 'Z'), ('\u{0397}', 'H'), ('\u{0399}', 'I'), ('\u{039a}', 'K'), ('\u{039c}', 'M'),
    ('\u{039d}', 'N'), ('\u{039f}', 'O'), ('\u{03a1}', 'P'), ('\u{03a4}', 'T'), ('\u{03a5}', 'Y'),
    ('\u{03a7}', 'X'), ('\u{03bf}', 'o'), ('\u{03b9}', 'i'), ('\u{03ba}', 'k'), ('\u{03bd}', 'v'),
    ('\u{03c1}', 'p'), ('\u{03c4}', 't'), ('\u{03c5}', 'u'), ('\u{03c7}', 'x'),
];
/// The blocks of combining marks a line is looked at for (diacritics, extended, supplement,
/// for symbols, half marks): with a look-alike, hidden character or minus, what makes a line
/// worth folding.
const COMBINING_BLOCKS: [(char, char); 5] = [
    ('\u{0300}', '\u{036f}'),
    ('\u{1ab0}', '\u{1aff}'),
    ('\u{1dc0}', '\u{1dff}'),
    ('\u{20d0}', '\u{20ff}'),
    ('\u{fe20}', '\u{fe2f}'),
];
/// The characters Python's `str.isdigit()` takes besides the decimal digits (category Nd):
/// superscripts, subscripts, circled and other digits (Numeric_Type=Digit, Unicode 14).
const OTHER_DIGITS: [(char, char); 20] = [
    ('\u{b2}', '\u{b3}'),
    ('\u{b9}', '\u{b9}'),
    ('\u{1369}', '\u{1371}'),
    ('\u{19da}', '\u{19da}'),
    ('\u{2070}', '\u{2070}'),
    ('\u{2074}', '\u{2079}'),
    ('\u{2080}', '\u{2089}'),
    ('\u{2460}', '\u{2468}'),
    ('\u{2474}', '\u{247c}'),
    ('\u{2488}', '\u{2490}'),
    ('\u{24ea}', '\u{24ea}'),
    ('\u{24f5}', '\u{24fd}'),
    ('\u{24ff}', '\u{24ff}'),
    ('\u{2776}', '\u{277e}'),
    ('\u{2780}', '\u{2788}'),
    ('\u{278a}', '\u{2792}'),
    ('\u{10a40}', '\u{10a43}'),
    ('\u{10e60}', '\u{10e68}'),
    ('\u{11052}', '\u{1105a}'),
    ('\u{1f100}', '\u{1f10a}'),
];

fn in_ranges(c: char, ranges: &[(char, char)]) -> bool {
    ranges.iter().any(|&(low, high)| low <= c && c <= high)
}

fn lookalike(c: char) -> Option<char> {
    LOOKALIKES
        .iter()
        .find(|&&(fake, _)| fake == c)
        .map(|&(_, real)| real)
}

fn is_hidden(c: char) -> bool {
    !c.is_ascii() && HIDDEN.contains(c)
}

/// A look-alike letter, a hidden character or the minus sign.
fn is_suspect(c: char) -> bool {
    is_hidden(c) || c == MINUS || lookalike(c).is_some()
}

/// A non-spacing combining mark (category Mn).
fn is_nonspacing(c: char) -> bool {
    !c.is_ascii() && get_general_category(c) == GeneralCategory::NonspacingMark
}

/// A letter or a number (Python's `str.isalnum()`), or `_`: a regular expression's `\w`.
fn is_word(c: char) -> bool {
    use GeneralCategory::*;
    c.is_ascii_alphanumeric()
        || c == '_'
        || (!c.is_ascii()
            && matches!(
                get_general_category(c),
                UppercaseLetter
                    | LowercaseLetter
                    | TitlecaseLetter
                    | ModifierLetter
                    | OtherLetter
                    | DecimalNumber
                    | LetterNumber
                    | OtherNumber
            ))
}

/// Python's `str.isdigit()`: a decimal digit or another digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || (!c.is_ascii()
            && (get_general_category(c) == GeneralCategory::DecimalNumber
                || in_ranges(c, &OTHER_DIGITS)))
}

/// Look-alikes read as the Latin letters they imitate, hidden characters removed, a minus read
/// as a hyphen, non-spacing marks dropped and the rest composed (NFC; a precomposed `é` is
/// kept). A line with none of the characters that call for it (a look-alike, a hidden
/// character, the minus, a mark of the combining blocks) is left as it is.
pub fn fold(text: &str) -> Cow<'_, str> {
    let calls_for_it = |c: char| is_suspect(c) || in_ranges(c, &COMBINING_BLOCKS);
    if text.is_ascii() || !text.chars().any(calls_for_it) {
        return Cow::Borrowed(text);
    }
    let folded: String = text
        .chars()
        .filter(|&c| !is_hidden(c))
        .map(|c| match c {
            MINUS => '-',
            _ => lookalike(c).unwrap_or(c),
        })
        .collect();
    if !folded.chars().any(is_nonspacing) {
        return Cow::Owned(folded);
    }
    Cow::Owned(
        folded
            .chars()
            .filter(|&c| !is_nonspacing(c))
            .nfc()
            .collect(),
    )
}

/// The look-alike, hidden and combining (non-spacing) characters of a line, each once, in the
/// order they first stand.
pub fn unusual(text: &str) -> Vec<char> {
    let mut found: Vec<char> = vec![];
    if text.is_ascii() {
        return found;
    }
    for c in text.chars() {
        if (is_suspect(c) || is_nonspacing(c)) && !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// Each Chinese alias in parentheses replaced by a blank: an opening parenthesis (or its
/// full-width form), the first closing one after it, and a Han character between them.
fn without_aliases(text: &str) -> Cow<'_, str> {
    if !text.contains(['(', '（']) || !has_han(text) {
        return Cow::Borrowed(text);
    }
    let text: Vec<char> = text.chars().collect();
    let close = |c: char| c == ')' || c == '）';
    // From each position, the next closing parenthesis and the Han characters before it.
    let mut next_close = vec![text.len(); text.len() + 1];
    let mut han_before = vec![0usize; text.len() + 1];
    for k in (0..text.len()).rev() {
        next_close[k] = if close(text[k]) { k } else { next_close[k + 1] };
    }
    for (k, &c) in text.iter().enumerate() {
        han_before[k + 1] = han_before[k] + usize::from(is_han(c));
    }
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < text.len() {
        let end = next_close[k + 1];
        let open = text[k] == '(' || text[k] == '（';
        if open && end < text.len() && han_before[end] > han_before[k + 1] {
            out.push(' ');
            k = end + 1;
        } else {
            out.push(text[k]);
            k += 1;
        }
    }
    Cow::Owned(out)
}

fn is_dash(c: char) -> bool {
    c == EM_DASH || HYPHENS.contains(&c)
}

/// Each dash between a name and a title read as ` - `: an em dash with the blanks around it,
/// or a hyphen or en dash with a blank on either side (`Jean-Pierre` keeps its hyphen). As the
/// regular expression it replaced, from the left: a dash read takes the blanks after it, and
/// those before it back to the last dash read.
fn read_dashes(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let (mut copied, mut at) = (0, 0);
    while let Some(offset) = text[at..].find(is_dash) {
        let dash = at + offset;
        let after = dash + text[dash..].chars().next().map_or(1, char::len_utf8);
        let start = copied + text[copied..dash].trim_end_matches(is_space).len();
        let end = text.len() - text[after..].trim_start_matches(is_space).len();
        if text[dash..].starts_with(EM_DASH) || start < dash || end > after {
            out.push_str(&text[copied..start]);
            out.push_str(TITLE_SPLIT);
            (copied, at) = (end, end);
        } else {
            at = after;
        }
    }
    if copied == 0 && out.is_empty() {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The words of a text (split at Python's whitespace) joined by single blanks.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How headers compare: look-alike and hidden characters folded (`fold`), invisible
/// characters and Chinese aliases in parentheses removed, runs of whitespace collapsed, and an
/// em dash, or a hyphen or en dash with a blank on either side, read as ` - `.
pub fn normalize(text: &str) -> String {
    let folded = fold(text);
    let shown = if !folded.is_ascii() && folded.contains(is_invisible) {
        Cow::Owned(folded.chars().filter(|&c| !is_invisible(c)).collect())
    } else {
        folded
    };
    collapse(&read_dashes(&without_aliases(&shown)))
}

/// Whether a normalized text is one of `names`, compared as `re.IGNORECASE` does.
fn is_one_of<'a>(text: &str, mut names: impl Iterator<Item = &'a str>) -> bool {
    let length = text.chars().count();
    names.any(|name| length == name.len() && text.chars().zip(name.chars()).all(|(c, p)| ci(c, p)))
}

fn is_known_normalized(text: &str) -> bool {
    is_one_of(text, OPERATOR_NAMES.into_iter().chain(OTHER_KNOWN))
}

/// `Operator`, `Moderator`, `Host` and the usual `Unidentified …` names.
pub fn is_known_speaker(text: &str) -> bool {
    is_known_normalized(&normalize(text))
}

/// A header's name and title (None when it has none), normalized.
pub fn split_header(text: &str) -> (String, Option<String>) {
    let normalized = normalize(text);
    match normalized.split_once(TITLE_SPLIT) {
        Some((name, title)) => {
            let title = title.trim_matches(is_space);
            let title = (!title.is_empty()).then(|| title.to_string());
            (name.trim_matches(is_space).to_string(), title)
        }
        None => (normalized.trim_matches(is_space).to_string(), None),
    }
}

/// Whether a name is the call's operator's (`OPERATOR_NAMES`), as written but for blanks
/// around it and case (as Python's `str.lower()` reads it: the Kelvin sign is a `k`).
pub fn is_operator(name: &str) -> bool {
    let name = name.trim_matches(is_space);
    OPERATOR_NAMES.iter().any(|operator| {
        name.chars().count() == operator.len()
            && name
                .chars()
                .zip(operator.chars())
                .all(|(c, p)| c.to_ascii_lowercase() == p || (c == '\u{212a}' && p == 'k'))
    })
}

/// A word of a name: capitalized (`Jean-Pierre`, `O'Neil`, `K.C.`) or a particle, in brackets
/// for an uncertain one (`[Unidentified]`), with a comma after it.
fn is_name_word(word: &str) -> bool {
    let body = word.strip_prefix('[').unwrap_or(word);
    let body = body.strip_suffix(',').unwrap_or(body);
    let body = body.strip_suffix(']').unwrap_or(body);
    let name_char = |c: char| is_word(c) || "'’.".contains(c) || HYPHENS.contains(&c);
    let mut chars = body.chars();
    PARTICLES.contains(&body)
        || (chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(name_char))
}

/// Whether a line has the shape of a speaker header: a known speaker (`is_known_speaker`), or a
/// name of one to six capitalized words (initials and particles allowed, no digit) followed by
/// ` - ` and a title, with no sentence ending. A bare name without a title is not taken for a
/// header: an untranslated short line (`Thank You`, `(Operator Instructions)`) written twice
/// stays a paragraph.
pub fn looks_like_header(text: &str) -> bool {
    // Cheap checks first: most lines are long, end a sentence, or hold no dash to split a title.
    if text.len() > MAX_HEADER_CHARS && text.chars().nth(MAX_HEADER_CHARS).is_some() {
        return false;
    }
    let end = text.trim_end_matches(|c| c == ' ' || c == '\t' || is_hidden(c));
    if end
        .chars()
        .next_back()
        .is_none_or(|c| SENTENCE_END.contains(c))
    {
        return false;
    }
    let text = fold(text);
    let start = text.trim_start_matches(|c| c == ' ' || c == '\t' || is_invisible(c));
    if !start
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '[')
    {
        return false; // names start with a Latin letter (or "[" for an uncertain one)
    }
    if text.chars().count() > SHORT_CHARS
        && (text.matches(' ').count() > MAX_BLANKS || !text.contains(is_dash))
    {
        return false; // a name of six words at most and a title: no more than a few blanks
    }
    let normalized = normalize(&text);
    let length = normalized.chars().count();
    if length == 0 || length > MAX_NORMALIZED_CHARS {
        return false;
    }
    if is_known_normalized(&normalized) {
        return true;
    }
    let (name, title) = split_header(&normalized);
    if title.is_none() {
        return false;
    }
    let words: Vec<&str> = name.split(is_space).filter(|w| !w.is_empty()).collect();
    (1..=MAX_NAME_WORDS).contains(&words.len())
        && !name.chars().any(is_digit)
        && words.into_iter().all(is_name_word)
}

/// The English name kept in parentheses after a translated one (`接線員 (Operator)`) removed:
/// an opening parenthesis (or its full-width form), a Latin letter, Latin letters, blanks, `.`,
/// `'` and `-`, a closing parenthesis.
fn without_latin_aliases(text: &str) -> Cow<'_, str> {
    if !text.contains(['(', '（']) {
        return Cow::Borrowed(text);
    }
    let latin = |c: char| c.is_ascii_alphabetic() || " .'-".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if c == '(' || c == '（' {
            let inside = after.trim_start_matches(latin);
            let first_is_letter = after.starts_with(|c: char| c.is_ascii_alphabetic());
            if first_is_letter && inside.starts_with([')', '）']) {
                rest = &inside[inside.chars().next().map_or(0, char::len_utf8)..];
                continue;
            }
        }
        out.push(c);
        rest = after;
    }
    Cow::Owned(out)
}

/// A letter of any script (Python's `str.isalpha()`).
fn is_letter(c: char) -> bool {
    use GeneralCategory::*;
    c.is_ascii_alphabetic()
        || (!c.is_ascii()
            && matches!(
                get_general_category(c),
                UppercaseLetter | LowercaseLetter | TitlecaseLetter | ModifierLetter | OtherLetter
            ))
}

/// A short name or title in Chinese: CJK, no punctuation a sentence or a bracketed note has
/// (`(操作員指示)`, `請稍等片刻。更新後的…` are translations of paragraphs, not names), at most
/// `limit` characters; an English alias in parentheses aside.
fn is_translated_name(text: &str, limit: usize) -> bool {
    let text = without_latin_aliases(text);
    let text = text.trim_matches(is_space);
    has_cjk(text)
        && text.chars().count() <= limit
        && text
            .chars()
            .all(|c| is_letter(c) || is_space(c) || NAME_MARKS.contains(c))
}

/// Whether `copy`, the line after the header `header`, is its copy in the Chinese slot: the same
/// text, or the same once normalized (another dash, spacing, look-alike or alias), or a copy
/// with the same name (a translated title, a Chinese alias in parentheses), or a translated
/// header (`泰德·德賓 - 投資者關係主管`: a Chinese name and a title), or for `Operator` and the
/// like a short Chinese word (`接線員`); never a line that ends a sentence or is long.
pub fn is_header_copy(header: &str, copy: &str) -> bool {
    if header == copy {
        return true;
    }
    let too_long = copy.len() > MAX_COPY_CHARS && copy.chars().nth(MAX_COPY_CHARS).is_some();
    if too_long
        || copy
            .chars()
            .next_back()
            .is_none_or(|c| COPY_END.contains(c))
    {
        return false;
    }
    let (header, copy) = (normalize(header), normalize(copy));
    if header == copy {
        return true;
    }
    if is_known_speaker(&header) {
        return is_translated_name(&copy, KNOWN_COPY_CHARS);
    }
    let (name, title) = split_header(&header);
    let (copy_name, copy_title) = split_header(&copy);
    name == copy_name
        || (title.is_some()
            && copy_title.is_some()
            && is_translated_name(&copy_name, TRANSLATED_NAME_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_not() {
        for header in [
            "Operator",
            "Unidentified Analyst",
            "Jeffrey G. Korn - CEO",
            "Jeffrey G. Korn—CEO",
            "Jean-Pierre Dupont - Vice-President",
            "Maria de la Cruz - CFO",
            "[Unidentified] - Analyst",
            "Thomas Boyes (湯瑪斯) - Analyst",
            "\u{202e}Eyal Hen - Chief Financial Officer",
            "Eyal \u{041d}en \u{2212} Chief Financial Officer",
        ] {
            assert!(looks_like_header(header), "{header}");
        }
        for line in [
            "",
            "Thank You",
            "(Operator Instructions)",
            "Okay.",
            "John Smith - CFO.",
            "john smith - cfo",
            "John Smith2 - CFO",
            "John Smith\u{b2} - CFO",
            "A B C D E F G - CFO",
            "湯瑪斯 - 分析師",
        ] {
            assert!(!looks_like_header(line), "{line}");
        }
        assert!(!looks_like_header(&"A".repeat(201)));
    }

    #[test]
    fn names_and_titles() {
        let split = |text| split_header(text);
        assert_eq!(
            split("Ted  Durbin -\tHead of IR"),
            ("Ted Durbin".into(), Some("Head of IR".into()))
        );
        assert_eq!(
            split("Anne Smith–Jones - CFO"),
            ("Anne Smith–Jones".into(), Some("CFO".into()))
        );
        assert_eq!(
            split("Unidentified Participant (泰德)"),
            ("Unidentified Participant".into(), None)
        );
        assert_eq!(split("John Smith - "), ("John Smith -".into(), None));
        assert_eq!(normalize("a -- b"), "a - - b");
        assert_eq!(normalize("((a) 湯) x (湯"), "((a) 湯) x (湯");
        assert_eq!(normalize("x ((b 湯) y"), "x y");
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Eyal Hen"), "Eyal Hen");
        assert_eq!(fold("\u{0415}yal He\u{0301}n"), "Eyal Hen");
        assert_eq!(fold("Hén\u{00ad}"), "Hén");
        // A mark outside the combining blocks alone does not call for folding; with one that
        // does, every mark is dropped and the rest composed (the Kelvin sign is a K).
        assert_eq!(fold("He\u{05b0}n"), "He\u{05b0}n");
        assert_eq!(fold("\u{212a}e\u{05b0}n\u{0301}"), "Ken");
        assert_eq!(
            unusual("Ey\u{00ad}al \u{041d}e\u{0301}n \u{041d}"),
            ['\u{00ad}', '\u{041d}', '\u{0301}']
        );
        assert!(unusual("Hén").is_empty());
    }

    #[test]
    fn known_speakers_and_operators() {
        assert!(
            is_known_speaker("OPERATOR")
                && is_known_speaker("Оperator")
                && is_known_speaker("Un\u{131}dentified Analyst")
        );
        assert!(is_known_speaker("unidentified  analyst") && !is_known_speaker("Operator:"));
        assert!(
            is_operator(" Moderator\t") && !is_operator("Оperator") && !is_operator("Operators")
        );
    }

    #[test]
    fn copies() {
        // The same header again, another title, a translation; never a sentence or a note.
        assert!(
            is_header_copy("Eyal Hen — CFO", "Eyal Hen - CFO") && is_header_copy("A - B", "A - C")
        );
        assert!(
            is_header_copy("Operator", "接線員 (Operator)")
                && is_header_copy("Ted - IR", "泰德·德賓 - 主管")
        );
        assert!(
            !is_header_copy("Operator", "(操作員指示)")
                && !is_header_copy("Operator", "請稍等片刻。")
        );
        assert!(
            !is_header_copy("A - B", "A - B.") && !is_header_copy("Ted - IR", &"泰".repeat(25))
        );
        assert!(!is_header_copy("Ted - IR", "Ed - IR") && !is_header_copy("Operator", ""));
    }
}
