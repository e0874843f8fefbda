//! Finance-aware numbers on both sides of a pair, for anchors and the `number_mismatch` flag.
//!
//! Each number found becomes a [`Number`]: the text it came from, whether it is *strong*
//! (written in digits, so a translation must carry it) or *weak* (a word such as `three`, a
//! month name, or a Chinese numeral such as `三`: it can vouch for a strong number on the other
//! side but is never reported itself) and the values it may stand for. `$3.9 million` is
//! 3,900,000 and `390 萬美元` is 3,900,000 too; a bare number in a range takes the scale of the
//! other end (`125 to 175 million`); `千`/`百` after a number may be a multiplier or part of a
//! unit (`1.8 千兆瓦時` is 1.8 GWh), so both readings are kept. Percentages compare by their
//! number.
//!
//! The rules were regular expressions in Python (`builder/evidence/numbers.py`, now their
//! Python API); the scanners here give the same results, Python's semantics included: `\d` is
//! any Unicode decimal digit (`３`, `٣`), `\s` and `\b` are Python's, offsets count code points.

use std::sync::LazyLock;

use crate::text::code_points;

/// A number as written, whether a translation must carry it, and the values it may mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub text: String,
    /// Where it starts, in code points (a Python `str` index).
    pub start: usize,
    pub strong: bool,
    /// Distinct, ascending, each rounded to 9 significant digits (`float(f"{v:.9g}")`), so that
    /// equal amounts compare equal as floats.
    pub values: Vec<f64>,
}

/// `float(f"{v:.9g}")`: an integer below 1e9 is kept as it is, anything else goes through the
/// shortest round trip of its 9-digit decimal form (ties to even, as Python formats).
fn round9(v: f64) -> f64 {
    if !v.is_finite() || (v.fract() == 0.0 && v.abs() < 1e9) {
        return v;
    }
    format!("{v:.8e}")
        .parse()
        .expect("a formatted float parses")
}

fn number(chars: &[char], start: usize, end: usize, strong: bool, values: &[f64]) -> Number {
    let mut values: Vec<f64> = values.iter().map(|&v| round9(v)).collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    Number {
        text: chars[start..end].iter().collect(),
        start,
        strong,
        values,
    }
}

/// The value of a Unicode decimal digit (Python's `\d`), if `c` is one.
fn digit(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let code = c as u32;
    if code < 0x660 {
        return None;
    }
    let k = DECIMAL_RUNS.partition_point(|&(_, high)| high < code);
    match DECIMAL_RUNS.get(k) {
        Some(&(low, _)) if low <= code => Some((code - low) % 10),
        _ => None,
    }
}

/// Python's `\w`: letters, numbers and the underscore.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let code = c as u32;
    let k = WORD_RANGES.partition_point(|&(_, high)| high < code);
    matches!(WORD_RANGES.get(k), Some(&(low, _)) if low <= code)
}

/// Python's `\s` (and what `str.rstrip()` strips): Unicode white space and `\x1c`–`\x1f`.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's `\b` at `at`: a word character on one side only.
fn boundary(chars: &[char], at: usize) -> bool {
    let before = at > 0 && is_word(chars[at - 1]);
    let after = chars.get(at).is_some_and(|&c| is_word(c));
    before != after
}

fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

fn is_digit_at(chars: &[char], i: usize) -> bool {
    at(chars, i).and_then(digit).is_some()
}

/// Whether `word` is written at `i`.
fn word_at(chars: &[char], i: usize, word: &str) -> bool {
    let mut rest = chars.get(i..).unwrap_or_default().iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

/// The first of `words` written at `i` (followed by a word boundary if `bounded`), with its
/// length in characters.
fn first_word<'a>(
    chars: &[char],
    i: usize,
    words: &[&'a str],
    bounded: bool,
) -> Option<(&'a str, usize)> {
    words.iter().find_map(|&w| {
        let len = w.chars().count();
        (word_at(chars, i, w) && (!bounded || boundary(chars, i + len))).then_some((w, len))
    })
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while at(chars, i).is_some_and(is_space) {
        i += 1;
    }
    i
}

fn digits_end(chars: &[char], mut i: usize) -> usize {
    while is_digit_at(chars, i) {
        i += 1;
    }
    i
}

/// `(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?` at `i` (a digit): where the integer part ends, where the
/// number ends. A run of more than three digits cannot start thousands groups.
fn amount(chars: &[char], i: usize) -> (usize, usize) {
    let run = digits_end(chars, i);
    let mut end = run;
    if run - i <= 3 {
        while at(chars, end) == Some(',') && (1..=3).all(|k| is_digit_at(chars, end + k)) {
            end += 4;
        }
    }
    let integer = end;
    if at(chars, end) == Some('.') && is_digit_at(chars, end + 1) {
        end = digits_end(chars, end + 1);
    }
    (integer, end)
}

/// The value of digits (any script) with thousands commas and a decimal point, as `float()`
/// reads them (a number too large for a float is infinite).
fn value(chars: &[char]) -> f64 {
    let mut ascii = String::with_capacity(chars.len());
    for &c in chars {
        match digit(c) {
            Some(d) => ascii.push(char::from(b'0' + d as u8)),
            None if c == '.' => ascii.push('.'),
            None => {}
        }
    }
    ascii.parse().expect("digits parse")
}

/// `\d[\d,]*(?:\.\d+)?` at `i`: where it ends.
fn loose_amount_end(chars: &[char], i: usize) -> Option<usize> {
    if !is_digit_at(chars, i) {
        return None;
    }
    let mut end = i + 1;
    while at(chars, end) == Some(',') || is_digit_at(chars, end) {
        end += 1;
    }
    if at(chars, end) == Some('.') && is_digit_at(chars, end + 1) {
        end = digits_end(chars, end + 1);
    }
    Some(end)
}

/// A number may start at `i` unless it continues a word, a number or a decimal
/// (`(?<![0-9A-Za-z.])`), or follows a thousands comma (`(?<![0-9],)`).
fn free_before(chars: &[char], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let before = chars[i - 1];
    if before.is_ascii_alphanumeric() || before == '.' {
        return false;
    }
    !(before == ',' && i >= 2 && chars[i - 2].is_ascii_digit())
}

/// Scale words after an English number, longest reading first (`millions?` tries the plural).
const EN_SCALE_WORDS: &[&str] = &[
    "thousand", "millions", "million", "billions", "billion", "trillion",
];
/// Scale abbreviations written right after an English number.
const EN_SCALE_SHORT: &[&str] = &["k", "K", "M", "MM", "mm", "mn", "B", "bn"];

fn en_scale(word: &str) -> f64 {
    match word {
        "thousand" | "k" | "K" => 1e3,
        "million" | "millions" | "m" | "M" | "mm" | "MM" | "mn" => 1e6,
        "billion" | "billions" | "b" | "B" | "bn" => 1e9,
        _ => 1e12,
    }
}

/// Runs `find(chars, start)` at every position a number in digits may start and after each
/// number found: the scan Python's `finditer` makes. Nothing is found in a text without an
/// ASCII digit.
fn scan_numbers(text: &str, find: fn(&[char], usize) -> (usize, Number)) -> Vec<Number> {
    let mut found = Vec::new();
    // Thirty-two bytes at a time, each block read whole (which vectorizes).
    let blocks = text.as_bytes().chunks(32);
    if !blocks
        .into_iter()
        .any(|b| b.iter().fold(false, |d, b| d | b.is_ascii_digit()))
    {
        return found;
    }
    let chars = code_points(text);
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_some() && free_before(&chars, i) {
            let (end, number) = find(&chars, i);
            found.push(number);
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// The scale word after an English number ending at `i`: a word after at most one space
/// (`3.9 million`, `5million`), else an abbreviation right after it (`5M`, `2bn`).
fn en_scale_word(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    let spaced = at(chars, i).is_some_and(is_space);
    let starts: &[usize] = if spaced { &[i + 1, i] } else { &[i] };
    for &start in starts {
        if let Some((word, len)) = first_word(chars, start, EN_SCALE_WORDS, true) {
            return Some((word, start + len));
        }
    }
    first_word(chars, i, EN_SCALE_SHORT, true).map(|(word, len)| (word, i + len))
}

/// The scale of the far end of an English range starting at `i` (`125 to 175 million`,
/// `5% and 10 billion`): `\s*(?:%|percent)?\s*(?:to|-|–|and|or|through)\s+\$?` and a number
/// with its scale word after at most one space.
fn en_range_scale(chars: &[char], i: usize) -> Option<f64> {
    let mut j = skip_spaces(chars, i);
    if at(chars, j) == Some('%') {
        j += 1;
    } else if word_at(chars, j, "percent") {
        j += 7;
    }
    j = skip_spaces(chars, j);
    let connectors = ["to", "-", "–", "and", "or", "through"];
    let (_, len) = first_word(chars, j, &connectors, false)?;
    let after = skip_spaces(chars, j + len);
    if after == j + len {
        return None;
    }
    j = after + usize::from(at(chars, after) == Some('$'));
    j = loose_amount_end(chars, j)?;
    j += usize::from(at(chars, j).is_some_and(is_space));
    first_word(chars, j, EN_SCALE_WORDS, true).map(|(word, _)| en_scale(word))
}

/// One English number in digits at `i`, with its scale, and where it ends.
fn en_number(chars: &[char], i: usize) -> (usize, Number) {
    let (_, end) = amount(chars, i);
    let amount_value = value(&chars[i..end]);
    if let Some((word, word_end)) = en_scale_word(chars, end) {
        let scaled = amount_value * en_scale(word);
        return (word_end, number(chars, i, word_end, true, &[scaled]));
    }
    let values = match en_range_scale(chars, end) {
        Some(scale) => vec![amount_value, amount_value * scale],
        None => vec![amount_value],
    };
    (end, number(chars, i, end, true, &values))
}

/// Numbers written in digits in an English text, with their scale (`$3.9 million`).
pub fn en_strong(text: &str) -> Vec<Number> {
    scan_numbers(text, en_number)
}

/// Number words an English text may use for a number in digits on the other side.
const EN_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("half", 0.5),
    ("quarter", 0.25),
    ("double", 2.0),
    ("twice", 2.0),
    ("january", 1.0),
    ("february", 2.0),
    ("march", 3.0),
    ("april", 4.0),
    ("may", 5.0),
    ("june", 6.0),
    ("july", 7.0),
    ("august", 8.0),
    ("september", 9.0),
    ("october", 10.0),
    ("november", 11.0),
    ("december", 12.0),
];

/// `EN_WORDS` sorted (each is lower case and listed once), for a lookup by binary search.
static EN_WORDS_SORTED: LazyLock<Vec<(&str, f64)>> = LazyLock::new(|| {
    let mut sorted = EN_WORDS.to_vec();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    sorted
});

/// The shortest and the longest of `EN_WORDS` (all ASCII).
const EN_WORD_LENGTHS: (usize, usize) = {
    let (mut shortest, mut longest, mut k) = (usize::MAX, 0, 0);
    while k < EN_WORDS.len() {
        let len = EN_WORDS[k].0.len();
        shortest = if len < shortest { len } else { shortest };
        longest = if len > longest { len } else { longest };
        k += 1;
    }
    (shortest, longest)
};

/// Two decimal digits (any script) at `i`, as a number.
fn two_digits(chars: &[char], i: usize) -> Option<u32> {
    Some(digit(at(chars, i)?)? * 10 + digit(at(chars, i + 1)?)?)
}

/// A quarter found: its end, its number and the year written with it (where, two digits).
type Quarter = (usize, f64, Option<(usize, u32)>);

/// A quarter at `i`: `\b(?:Q([1-4])|([1-4])Q)(?:\s?'?(\d{2}))?\b` (`Q3`, `3Q`, `Q3 '23`).
fn en_quarter(chars: &[char], i: usize) -> Option<Quarter> {
    let quarter = match (at(chars, i)?, at(chars, i + 1)?) {
        ('Q', q @ '1'..='4') | (q @ '1'..='4', 'Q') => f64::from(q as u8 - b'0'),
        _ => return None,
    };
    if !boundary(chars, i) {
        return None;
    }
    let after = i + 2;
    let mut j = after + usize::from(at(chars, after).is_some_and(is_space));
    j += usize::from(at(chars, j) == Some('\''));
    if let Some(year) = two_digits(chars, j) {
        if boundary(chars, j + 2) {
            return Some((j + 2, quarter, Some((j, year))));
        }
    }
    boundary(chars, after).then_some((after, quarter, None))
}

/// A fiscal year at `i`: `\b(?:FY|fiscal\s?'?|')(\d{2})\b` (`FY23`, `fiscal '24`, `'23` right
/// after a word): its end and its two digits.
fn en_fiscal_year(chars: &[char], i: usize) -> Option<(usize, u32)> {
    if !matches!(at(chars, i), Some('F' | 'f' | '\'')) {
        return None; // no form below starts otherwise
    }
    let mut j = if word_at(chars, i, "FY") {
        i + 2
    } else if word_at(chars, i, "fiscal") {
        let k = i + 6 + usize::from(at(chars, i + 6).is_some_and(is_space));
        k + usize::from(at(chars, k) == Some('\''))
    } else if at(chars, i) == Some('\'') {
        i + 1
    } else {
        return None;
    };
    if !boundary(chars, i) {
        return None;
    }
    let year = two_digits(chars, j)?;
    j += 2;
    boundary(chars, j).then_some((j, year))
}

/// Every match of `find` over the text, as Python's `finditer` scans.
fn scan<T>(chars: &[char], find: impl Fn(&[char], usize) -> Option<(usize, T)>) -> Vec<(usize, T)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match find(chars, i) {
            Some((end, item)) => {
                found.push((i, item));
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    found
}

/// Numbers an English text gives in other ways: quarters (and the year written with them),
/// fiscal years (`FY23` may be 23 or 2023), number words and months.
pub fn en_weak(text: &str) -> Vec<Number> {
    let chars = code_points(text);
    let mut found = Vec::new();
    let quarters = scan(&chars, |c, i| {
        en_quarter(c, i).map(|(end, q, y)| (end, (end, q, y)))
    });
    for (start, (end, quarter, year)) in quarters {
        found.push(number(&chars, start, end, false, &[quarter]));
        if let Some((at_year, year)) = year {
            let value = 2000.0 + f64::from(year);
            found.push(number(&chars, at_year, at_year + 2, false, &[value]));
        }
    }
    for (start, (end, year)) in scan(&chars, |c, i| en_fiscal_year(c, i).map(|f| (f.0, f))) {
        let year = f64::from(year);
        found.push(number(&chars, start, end, false, &[year, 2000.0 + year]));
    }
    en_words(&chars, &mut found);
    found
}

/// Number words and months (any case): runs of ASCII letters looked up in `EN_WORDS`.
fn en_words(chars: &[char], found: &mut Vec<Number>) {
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while at(chars, i).is_some_and(|c| c.is_ascii_alphabetic()) {
            i += 1;
        }
        if !(EN_WORD_LENGTHS.0..=EN_WORD_LENGTHS.1).contains(&(i - start)) {
            continue; // no number word is as short or as long
        }
        // The run lower-cased (ASCII letters, at most the longest word) and looked up.
        let mut lowered = [0u8; EN_WORD_LENGTHS.1];
        for (byte, c) in lowered.iter_mut().zip(&chars[start..i]) {
            *byte = (*c as u8).to_ascii_lowercase();
        }
        let word = &lowered[..i - start];
        let table = &*EN_WORDS_SORTED;
        if let Ok(k) = table.binary_search_by(|(w, _)| w.as_bytes().cmp(word)) {
            found.push(number(chars, start, i, false, &[table[k].1]));
        }
    }
}

/// Multipliers after a Chinese number, longest first: `兆` is a trillion unless it is part of
/// `兆瓦` (megawatt); `千`/`百` come last and keep both readings.
const ZH_UNITS: &[&str] = &["萬億", "千萬", "百萬", "十萬", "萬", "億", "兆", "千", "百"];
/// Multipliers at the far end of a Chinese range.
const ZH_RANGE_UNITS: &[&str] = &["萬億", "千萬", "百萬", "萬", "億"];

fn zh_multiplier(unit: &str) -> f64 {
    match unit {
        "萬億" | "兆" => 1e12,
        "千萬" => 1e7,
        "百萬" => 1e6,
        "十萬" => 1e5,
        "萬" => 1e4,
        "億" => 1e8,
        "千" => 1e3,
        _ => 1e2,
    }
}

/// The multiplier after a Chinese number ending at `i` (after at most one space), with where
/// it ends.
fn zh_unit(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    let (unit, len) = ZH_UNITS.iter().find_map(|&u| {
        let len = u.chars().count();
        let megawatt = u == "兆" && at(chars, i + 1) == Some('瓦');
        (word_at(chars, i, u) && !megawatt).then_some((u, len))
    })?;
    Some((unit, i + len))
}

/// The multiplier of the far end of a Chinese range starting at `i` (`30 至 40 萬`):
/// `\s*%?\s*(?:至|到|-|–|~|～|或)\s*` and a number with its multiplier after at most one space.
fn zh_range_multiplier(chars: &[char], i: usize) -> Option<f64> {
    let mut j = skip_spaces(chars, i);
    j += usize::from(at(chars, j) == Some('%'));
    j = skip_spaces(chars, j);
    if !matches!(at(chars, j)?, '至' | '到' | '-' | '–' | '~' | '～' | '或') {
        return None;
    }
    j = loose_amount_end(chars, skip_spaces(chars, j + 1))?;
    j += usize::from(at(chars, j).is_some_and(is_space));
    first_word(chars, j, ZH_RANGE_UNITS, false).map(|(unit, _)| zh_multiplier(unit))
}

/// One Chinese number in digits at `i`, with its multiplier, and where the match ends (a space
/// after the number is part of the match, not of the number's text).
fn zh_number(chars: &[char], i: usize) -> (usize, Number) {
    let (_, amount_end) = amount(chars, i);
    let amount_value = value(&chars[i..amount_end]);
    let end = amount_end + usize::from(at(chars, amount_end).is_some_and(is_space));
    let (values, end) = match zh_unit(chars, end) {
        Some((unit @ ("千" | "百"), unit_end)) => (
            vec![amount_value, amount_value * zh_multiplier(unit)],
            unit_end,
        ),
        Some((unit, unit_end)) => (vec![amount_value * zh_multiplier(unit)], unit_end),
        None => match zh_range_multiplier(chars, end) {
            Some(multiplier) => (vec![amount_value, amount_value * multiplier], end),
            None => (vec![amount_value], end),
        },
    };
    let mut text_end = end;
    while text_end > i && is_space(chars[text_end - 1]) {
        text_end -= 1;
    }
    (end, number(chars, i, text_end, true, &values))
}

/// Numbers written in digits in a Chinese text, with their multiplier (`390 萬`).
pub fn zh_strong(text: &str) -> Vec<Number> {
    scan_numbers(text, zh_number)
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        _ => None,
    }
}

fn cn_big(c: char) -> Option<f64> {
    match c {
        '萬' => Some(1e4),
        '億' => Some(1e8),
        _ => None,
    }
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_unit(c).is_some() || cn_big(c).is_some()
}

/// The value of a Chinese numeral such as `三百二十五` or `十五`; `None` if malformed. Digits
/// alone are read digit by digit (`二〇二一` is 2021).
pub fn cn_numeral(chars: &[char]) -> Option<f64> {
    if chars.len() > 1 && chars.iter().all(|&c| cn_digit(c).is_some()) {
        let digits: String = chars
            .iter()
            .map(|&c| char::from(b'0' + cn_digit(c).expect("a digit") as u8))
            .collect();
        return Some(digits.parse().expect("digits parse"));
    }
    let (mut total, mut section, mut digit) = (0.0, 0.0, None::<f64>);
    for &c in chars {
        if let Some(d) = cn_digit(c) {
            digit = Some(f64::from(d));
        } else if let Some(unit) = cn_unit(c) {
            section += digit.unwrap_or(1.0) * unit;
            digit = None;
        } else if let Some(big) = cn_big(c) {
            total = (total + section + digit.unwrap_or(0.0)) * big;
            (section, digit) = (0.0, None);
        } else {
            return None;
        }
    }
    Some(total + section + digit.unwrap_or(0.0))
}

/// Words that stand for a number in a Chinese text, longest first.
const ZH_ORDINALS: &[(&str, f64)] = &[
    ("首先", 1.0),
    ("其次", 2.0),
    ("首", 1.0),
    ("半", 0.5),
    ("雙", 2.0),
    ("倍", 2.0),
];

/// The first character of each of `ZH_ORDINALS`.
const ZH_ORDINAL_FIRSTS: [char; 5] = ['首', '其', '半', '雙', '倍'];

/// Chinese numerals (`三`, `二十五`, `兩`) and ordinals (`首先`, `半`) of a Chinese text. In
/// `一兩個` (one or two) each digit may stand for a number too.
pub fn zh_weak(text: &str) -> Vec<Number> {
    let chars = code_points(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_cn_numeral(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while at(&chars, i).is_some_and(is_cn_numeral) {
            i += 1;
        }
        let run = &chars[start..i];
        if let Some(value) = cn_numeral(run) {
            let mut values = vec![value];
            values.extend(run.iter().filter_map(|&c| cn_digit(c)).map(f64::from));
            found.push(number(&chars, start, i, false, &values));
        }
    }
    let ordinals = scan(&chars, |c, i| {
        if !ZH_ORDINAL_FIRSTS.contains(&c[i]) {
            return None; // most characters start no ordinal: none is tried
        }
        ZH_ORDINALS.iter().find_map(|&(word, value)| {
            let end = i + word.chars().count();
            word_at(c, i, word).then_some((end, (end, value)))
        })
    });
    for (start, (end, value)) in ordinals {
        found.push(number(&chars, start, end, false, &[value]));
    }
    found
}

/// Every value the numbers may stand for, distinct and ascending.
pub fn values_of(numbers: &[Number]) -> Vec<f64> {
    let mut values: Vec<f64> = numbers
        .iter()
        .flat_map(|n| n.values.iter().copied())
        .collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    values
}

/// Whether any value of `number` is one of `values`.
fn stands_for(number: &Number, values: &[f64]) -> bool {
    number.values.iter().any(|v| values.contains(v))
}

/// Whether any value of `number` equals a value of one of `others`.
pub fn matches(number: &Number, others: &[Number]) -> bool {
    stands_for(number, &values_of(others))
}

/// Strong numbers of each side that no number on the other side stands for.
pub fn unmatched(en_text: &str, zh_text: &str) -> (Vec<Number>, Vec<Number>) {
    unmatched_numbers(en_text, zh_text, en_strong(en_text), zh_strong(zh_text))
}

/// Like [`unmatched`] with the strong numbers already found; weak ones are looked up only when a
/// strong number has no strong counterpart.
pub fn unmatched_numbers(
    en_text: &str,
    zh_text: &str,
    en: Vec<Number>,
    zh: Vec<Number>,
) -> (Vec<Number>, Vec<Number>) {
    let (en_values, zh_values) = (values_of(&en), values_of(&zh));
    let mut missing_en: Vec<Number> = en
        .into_iter()
        .filter(|n| !stands_for(n, &zh_values))
        .collect();
    let mut missing_zh: Vec<Number> = zh
        .into_iter()
        .filter(|n| !stands_for(n, &en_values))
        .collect();
    if !missing_en.is_empty() {
        let weak = values_of(&zh_weak(zh_text));
        missing_en.retain(|n| !stands_for(n, &weak));
    }
    if !missing_zh.is_empty() {
        let weak = values_of(&en_weak(en_text));
        missing_zh.retain(|n| !stands_for(n, &weak));
    }
    (missing_en, missing_zh)
}

/// Python 3.11's `\d` beyond ASCII (Unicode 14.0 decimal digits), runs of whole sets of ten
/// starting at a zero (generated with `re.match(r"\d", chr(c))`).
#[rustfmt::skip]
const DECIMAL_RUNS: &[(u32, u32)] = &[
    (0x660, 0x669), (0x6F0, 0x6F9), (0x7C0, 0x7C9), (0x966, 0x96F),
    (0x9E6, 0x9EF), (0xA66, 0xA6F), (0xAE6, 0xAEF), (0xB66, 0xB6F),
    (0xBE6, 0xBEF), (0xC66, 0xC6F), (0xCE6, 0xCEF), (0xD66, 0xD6F),
    (0xDE6, 0xDEF), (0xE50, 0xE59), (0xED0, 0xED9), (0xF20, 0xF29),
    (0x1040, 0x1049), (0x1090, 0x1099), (0x17E0, 0x17E9), (0x1810, 0x1819),
    (0x1946, 0x194F), (0x19D0, 0x19D9), (0x1A80, 0x1A89), (0x1A90, 0x1A99),
    (0x1B50, 0x1B59), (0x1BB0, 0x1BB9), (0x1C40, 0x1C49), (0x1C50, 0x1C59),
    (0xA620, 0xA629), (0xA8D0, 0xA8D9), (0xA900, 0xA909), (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9), (0xAA50, 0xAA59), (0xABF0, 0xABF9), (0xFF10, 0xFF19),
    (0x104A0, 0x104A9), (0x10D30, 0x10D39), (0x11066, 0x1106F), (0x110F0, 0x110F9),
    (0x11136, 0x1113F), (0x111D0, 0x111D9), (0x112F0, 0x112F9), (0x11450, 0x11459),
    (0x114D0, 0x114D9), (0x11650, 0x11659), (0x116C0, 0x116C9), (0x11730, 0x11739),
    (0x118E0, 0x118E9), (0x11950, 0x11959), (0x11C50, 0x11C59), (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9), (0x16A60, 0x16A69), (0x16AC0, 0x16AC9), (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF), (0x1E140, 0x1E149), (0x1E2F0, 0x1E2F9), (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
];

/// Python 3.11's `\w` beyond ASCII (Unicode 14.0: letters and numbers; `str.isalnum()`), the word
/// characters `\b` sees (generated with `re.match(r"\w", chr(c))`).
#[rustfmt::skip]
const WORD_RANGES: &[(u32, u32)] = &[
    (0xAA, 0xAA), (0xB2, 0xB3), (0xB5, 0xB5), (0xB9, 0xBA),
    (0xBC, 0xBE), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2C1),
    (0x2C6, 0x2D1), (0x2E0, 0x2E4), (0x2EC, 0x2EC), (0x2EE, 0x2EE),
    (0x370, 0x374), (0x376, 0x377), (0x37A, 0x37D), (0x37F, 0x37F),
    (0x386, 0x386), (0x388, 0x38A), (0x38C, 0x38C), (0x38E, 0x3A1),
    (0x3A3, 0x3F5), (0x3F7, 0x481), (0x48A, 0x52F), (0x531, 0x556),
    (0x559, 0x559), (0x560, 0x588), (0x5D0, 0x5EA), (0x5EF, 0x5F2),
    (0x620, 0x64A), (0x660, 0x669), (0x66E, 0x66F), (0x671, 0x6D3),
    (0x6D5, 0x6D5), (0x6E5, 0x6E6), (0x6EE, 0x6FC), (0x6FF, 0x6FF),
    (0x710, 0x710), (0x712, 0x72F), (0x74D, 0x7A5), (0x7B1, 0x7B1),
    (0x7C0, 0x7EA), (0x7F4, 0x7F5), (0x7FA, 0x7FA), (0x800, 0x815),
    (0x81A, 0x81A), (0x824, 0x824), (0x828, 0x828), (0x840, 0x858),
    (0x860, 0x86A), (0x870, 0x887), (0x889, 0x88E), (0x8A0, 0x8C9),
    (0x904, 0x939), (0x93D, 0x93D), (0x950, 0x950), (0x958, 0x961),
    (0x966, 0x96F), (0x971, 0x980), (0x985, 0x98C), (0x98F, 0x990),
    (0x993, 0x9A8), (0x9AA, 0x9B0), (0x9B2, 0x9B2), (0x9B6, 0x9B9),
    (0x9BD, 0x9BD), (0x9CE, 0x9CE), (0x9DC, 0x9DD), (0x9DF, 0x9E1),
    (0x9E6, 0x9F1), (0x9F4, 0x9F9), (0x9FC, 0x9FC), (0xA05, 0xA0A),
    (0xA0F, 0xA10), (0xA13, 0xA28), (0xA2A, 0xA30), (0xA32, 0xA33),
    (0xA35, 0xA36), (0xA38, 0xA39), (0xA59, 0xA5C), (0xA5E, 0xA5E),
    (0xA66, 0xA6F), (0xA72, 0xA74), (0xA85, 0xA8D), (0xA8F, 0xA91),
    (0xA93, 0xAA8), (0xAAA, 0xAB0), (0xAB2, 0xAB3), (0xAB5, 0xAB9),
    (0xABD, 0xABD), (0xAD0, 0xAD0), (0xAE0, 0xAE1), (0xAE6, 0xAEF),
    (0xAF9, 0xAF9), (0xB05, 0xB0C), (0xB0F, 0xB10), (0xB13, 0xB28),
    (0xB2A, 0xB30), (0xB32, 0xB33), (0xB35, 0xB39), (0xB3D, 0xB3D),
    (0xB5C, 0xB5D), (0xB5F, 0xB61), (0xB66, 0xB6F), (0xB71, 0xB77),
    (0xB83, 0xB83), (0xB85, 0xB8A), (0xB8E, 0xB90), (0xB92, 0xB95),
    (0xB99, 0xB9A), (0xB9C, 0xB9C), (0xB9E, 0xB9F), (0xBA3, 0xBA4),
    (0xBA8, 0xBAA), (0xBAE, 0xBB9), (0xBD0, 0xBD0), (0xBE6, 0xBF2),
    (0xC05, 0xC0C), (0xC0E, 0xC10), (0xC12, 0xC28), (0xC2A, 0xC39),
    (0xC3D, 0xC3D), (0xC58, 0xC5A), (0xC5D, 0xC5D), (0xC60, 0xC61),
    (0xC66, 0xC6F), (0xC78, 0xC7E), (0xC80, 0xC80), (0xC85, 0xC8C),
    (0xC8E, 0xC90), (0xC92, 0xCA8), (0xCAA, 0xCB3), (0xCB5, 0xCB9),
    (0xCBD, 0xCBD), (0xCDD, 0xCDE), (0xCE0, 0xCE1), (0xCE6, 0xCEF),
    (0xCF1, 0xCF2), (0xD04, 0xD0C), (0xD0E, 0xD10), (0xD12, 0xD3A),
    (0xD3D, 0xD3D), (0xD4E, 0xD4E), (0xD54, 0xD56), (0xD58, 0xD61),
    (0xD66, 0xD78), (0xD7A, 0xD7F), (0xD85, 0xD96), (0xD9A, 0xDB1),
    (0xDB3, 0xDBB), (0xDBD, 0xDBD), (0xDC0, 0xDC6), (0xDE6, 0xDEF),
    (0xE01, 0xE30), (0xE32, 0xE33), (0xE40, 0xE46), (0xE50, 0xE59),
    (0xE81, 0xE82), (0xE84, 0xE84), (0xE86, 0xE8A), (0xE8C, 0xEA3),
    (0xEA5, 0xEA5), (0xEA7, 0xEB0), (0xEB2, 0xEB3), (0xEBD, 0xEBD),
    (0xEC0, 0xEC4), (0xEC6, 0xEC6), (0xED0, 0xED9), (0xEDC, 0xEDF),
    (0xF00, 0xF00), (0xF20, 0xF33), (0xF40, 0xF47), (0xF49, 0xF6C),
    (0xF88, 0xF8C), (0x1000, 0x102A), (0x103F, 0x1049), (0x1050, 0x1055),
    (0x105A, 0x105D), (0x1061, 0x1061), (0x1065, 0x1066), (0x106E, 0x1070),
    (0x1075, 0x1081), (0x108E, 0x108E), (0x1090, 0x1099), (0x10A0, 0x10C5),
    (0x10C7, 0x10C7), (0x10CD, 0x10CD), (0x10D0, 0x10FA), (0x10FC, 0x1248),
    (0x124A, 0x124D), (0x1250, 0x1256), (0x1258, 0x1258), (0x125A, 0x125D),
    (0x1260, 0x1288), (0x128A, 0x128D), (0x1290, 0x12B0), (0x12B2, 0x12B5),
    (0x12B8, 0x12BE), (0x12C0, 0x12C0), (0x12C2, 0x12C5), (0x12C8, 0x12D6),
    (0x12D8, 0x1310), (0x1312, 0x1315), (0x1318, 0x135A), (0x1369, 0x137C),
    (0x1380, 0x138F), (0x13A0, 0x13F5), (0x13F8, 0x13FD), (0x1401, 0x166C),
    (0x166F, 0x167F), (0x1681, 0x169A), (0x16A0, 0x16EA), (0x16EE, 0x16F8),
    (0x1700, 0x1711), (0x171F, 0x1731), (0x1740, 0x1751), (0x1760, 0x176C),
    (0x176E, 0x1770), (0x1780, 0x17B3), (0x17D7, 0x17D7), (0x17DC, 0x17DC),
    (0x17E0, 0x17E9), (0x17F0, 0x17F9), (0x1810, 0x1819), (0x1820, 0x1878),
    (0x1880, 0x1884), (0x1887, 0x18A8), (0x18AA, 0x18AA), (0x18B0, 0x18F5),
    (0x1900, 0x191E), (0x1946, 0x196D), (0x1970, 0x1974), (0x1980, 0x19AB),
    (0x19B0, 0x19C9), (0x19D0, 0x19DA), (0x1A00, 0x1A16), (0x1A20, 0x1A54),
    (0x1A80, 0x1A89), (0x1A90, 0x1A99), (0x1AA7, 0x1AA7), (0x1B05, 0x1B33),
    (0x1B45, 0x1B4C), (0x1B50, 0x1B59), (0x1B83, 0x1BA0), (0x1BAE, 0x1BE5),
    (0x1C00, 0x1C23), (0x1C40, 0x1C49), (0x1C4D, 0x1C7D), (0x1C80, 0x1C88),
    (0x1C90, 0x1CBA), (0x1CBD, 0x1CBF), (0x1CE9, 0x1CEC), (0x1CEE, 0x1CF3),
    (0x1CF5, 0x1CF6), (0x1CFA, 0x1CFA), (0x1D00, 0x1DBF), (0x1E00, 0x1F15),
    (0x1F18, 0x1F1D), (0x1F20, 0x1F45), (0x1F48, 0x1F4D), (0x1F50, 0x1F57),
    (0x1F59, 0x1F59), (0x1F5B, 0x1F5B), (0x1F5D, 0x1F5D), (0x1F5F, 0x1F7D),
    (0x1F80, 0x1FB4), (0x1FB6, 0x1FBC), (0x1FBE, 0x1FBE), (0x1FC2, 0x1FC4),
    (0x1FC6, 0x1FCC), (0x1FD0, 0x1FD3), (0x1FD6, 0x1FDB), (0x1FE0, 0x1FEC),
    (0x1FF2, 0x1FF4), (0x1FF6, 0x1FFC), (0x2070, 0x2071), (0x2074, 0x2079),
    (0x207F, 0x2089), (0x2090, 0x209C), (0x2102, 0x2102), (0x2107, 0x2107),
    (0x210A, 0x2113), (0x2115, 0x2115), (0x2119, 0x211D), (0x2124, 0x2124),
    (0x2126, 0x2126), (0x2128, 0x2128), (0x212A, 0x212D), (0x212F, 0x2139),
    (0x213C, 0x213F), (0x2145, 0x2149), (0x214E, 0x214E), (0x2150, 0x2189),
    (0x2460, 0x249B), (0x24EA, 0x24FF), (0x2776, 0x2793), (0x2C00, 0x2CE4),
    (0x2CEB, 0x2CEE), (0x2CF2, 0x2CF3), (0x2CFD, 0x2CFD), (0x2D00, 0x2D25),
    (0x2D27, 0x2D27), (0x2D2D, 0x2D2D), (0x2D30, 0x2D67), (0x2D6F, 0x2D6F),
    (0x2D80, 0x2D96), (0x2DA0, 0x2DA6), (0x2DA8, 0x2DAE), (0x2DB0, 0x2DB6),
    (0x2DB8, 0x2DBE), (0x2DC0, 0x2DC6), (0x2DC8, 0x2DCE), (0x2DD0, 0x2DD6),
    (0x2DD8, 0x2DDE), (0x2E2F, 0x2E2F), (0x3005, 0x3007), (0x3021, 0x3029),
    (0x3031, 0x3035), (0x3038, 0x303C), (0x3041, 0x3096), (0x309D, 0x309F),
    (0x30A1, 0x30FA), (0x30FC, 0x30FF), (0x3105, 0x312F), (0x3131, 0x318E),
    (0x3192, 0x3195), (0x31A0, 0x31BF), (0x31F0, 0x31FF), (0x3220, 0x3229),
    (0x3248, 0x324F), (0x3251, 0x325F), (0x3280, 0x3289), (0x32B1, 0x32BF),
    (0x3400, 0x4DBF), (0x4E00, 0xA48C), (0xA4D0, 0xA4FD), (0xA500, 0xA60C),
    (0xA610, 0xA62B), (0xA640, 0xA66E), (0xA67F, 0xA69D), (0xA6A0, 0xA6EF),
    (0xA717, 0xA71F), (0xA722, 0xA788), (0xA78B, 0xA7CA), (0xA7D0, 0xA7D1),
    (0xA7D3, 0xA7D3), (0xA7D5, 0xA7D9), (0xA7F2, 0xA801), (0xA803, 0xA805),
    (0xA807, 0xA80A), (0xA80C, 0xA822), (0xA830, 0xA835), (0xA840, 0xA873),
    (0xA882, 0xA8B3), (0xA8D0, 0xA8D9), (0xA8F2, 0xA8F7), (0xA8FB, 0xA8FB),
    (0xA8FD, 0xA8FE), (0xA900, 0xA925), (0xA930, 0xA946), (0xA960, 0xA97C),
    (0xA984, 0xA9B2), (0xA9CF, 0xA9D9), (0xA9E0, 0xA9E4), (0xA9E6, 0xA9FE),
    (0xAA00, 0xAA28), (0xAA40, 0xAA42), (0xAA44, 0xAA4B), (0xAA50, 0xAA59),
    (0xAA60, 0xAA76), (0xAA7A, 0xAA7A), (0xAA7E, 0xAAAF), (0xAAB1, 0xAAB1),
    (0xAAB5, 0xAAB6), (0xAAB9, 0xAABD), (0xAAC0, 0xAAC0), (0xAAC2, 0xAAC2),
    (0xAADB, 0xAADD), (0xAAE0, 0xAAEA), (0xAAF2, 0xAAF4), (0xAB01, 0xAB06),
    (0xAB09, 0xAB0E), (0xAB11, 0xAB16), (0xAB20, 0xAB26), (0xAB28, 0xAB2E),
    (0xAB30, 0xAB5A), (0xAB5C, 0xAB69), (0xAB70, 0xABE2), (0xABF0, 0xABF9),
    (0xAC00, 0xD7A3), (0xD7B0, 0xD7C6), (0xD7CB, 0xD7FB), (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9), (0xFB00, 0xFB06), (0xFB13, 0xFB17), (0xFB1D, 0xFB1D),
    (0xFB1F, 0xFB28), (0xFB2A, 0xFB36), (0xFB38, 0xFB3C), (0xFB3E, 0xFB3E),
    (0xFB40, 0xFB41), (0xFB43, 0xFB44), (0xFB46, 0xFBB1), (0xFBD3, 0xFD3D),
    (0xFD50, 0xFD8F), (0xFD92, 0xFDC7), (0xFDF0, 0xFDFB), (0xFE70, 0xFE74),
    (0xFE76, 0xFEFC), (0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A),
    (0xFF66, 0xFFBE), (0xFFC2, 0xFFC7), (0xFFCA, 0xFFCF), (0xFFD2, 0xFFD7),
    (0xFFDA, 0xFFDC), (0x10000, 0x1000B), (0x1000D, 0x10026), (0x10028, 0x1003A),
    (0x1003C, 0x1003D), (0x1003F, 0x1004D), (0x10050, 0x1005D), (0x10080, 0x100FA),
    (0x10107, 0x10133), (0x10140, 0x10178), (0x1018A, 0x1018B), (0x10280, 0x1029C),
    (0x102A0, 0x102D0), (0x102E1, 0x102FB), (0x10300, 0x10323), (0x1032D, 0x1034A),
    (0x10350, 0x10375), (0x10380, 0x1039D), (0x103A0, 0x103C3), (0x103C8, 0x103CF),
    (0x103D1, 0x103D5), (0x10400, 0x1049D), (0x104A0, 0x104A9), (0x104B0, 0x104D3),
    (0x104D8, 0x104FB), (0x10500, 0x10527), (0x10530, 0x10563), (0x10570, 0x1057A),
    (0x1057C, 0x1058A), (0x1058C, 0x10592), (0x10594, 0x10595), (0x10597, 0x105A1),
    (0x105A3, 0x105B1), (0x105B3, 0x105B9), (0x105BB, 0x105BC), (0x10600, 0x10736),
    (0x10740, 0x10755), (0x10760, 0x10767), (0x10780, 0x10785), (0x10787, 0x107B0),
    (0x107B2, 0x107BA), (0x10800, 0x10805), (0x10808, 0x10808), (0x1080A, 0x10835),
    (0x10837, 0x10838), (0x1083C, 0x1083C), (0x1083F, 0x10855), (0x10858, 0x10876),
    (0x10879, 0x1089E), (0x108A7, 0x108AF), (0x108E0, 0x108F2), (0x108F4, 0x108F5),
    (0x108FB, 0x1091B), (0x10920, 0x10939), (0x10980, 0x109B7), (0x109BC, 0x109CF),
    (0x109D2, 0x10A00), (0x10A10, 0x10A13), (0x10A15, 0x10A17), (0x10A19, 0x10A35),
    (0x10A40, 0x10A48), (0x10A60, 0x10A7E), (0x10A80, 0x10A9F), (0x10AC0, 0x10AC7),
    (0x10AC9, 0x10AE4), (0x10AEB, 0x10AEF), (0x10B00, 0x10B35), (0x10B40, 0x10B55),
    (0x10B58, 0x10B72), (0x10B78, 0x10B91), (0x10BA9, 0x10BAF), (0x10C00, 0x10C48),
    (0x10C80, 0x10CB2), (0x10CC0, 0x10CF2), (0x10CFA, 0x10D23), (0x10D30, 0x10D39),
    (0x10E60, 0x10E7E), (0x10E80, 0x10EA9), (0x10EB0, 0x10EB1), (0x10F00, 0x10F27),
    (0x10F30, 0x10F45), (0x10F51, 0x10F54), (0x10F70, 0x10F81), (0x10FB0, 0x10FCB),
    (0x10FE0, 0x10FF6), (0x11003, 0x11037), (0x11052, 0x1106F), (0x11071, 0x11072),
    (0x11075, 0x11075), (0x11083, 0x110AF), (0x110D0, 0x110E8), (0x110F0, 0x110F9),
    (0x11103, 0x11126), (0x11136, 0x1113F), (0x11144, 0x11144), (0x11147, 0x11147),
    (0x11150, 0x11172), (0x11176, 0x11176), (0x11183, 0x111B2), (0x111C1, 0x111C4),
    (0x111D0, 0x111DA), (0x111DC, 0x111DC), (0x111E1, 0x111F4), (0x11200, 0x11211),
    (0x11213, 0x1122B), (0x11280, 0x11286), (0x11288, 0x11288), (0x1128A, 0x1128D),
    (0x1128F, 0x1129D), (0x1129F, 0x112A8), (0x112B0, 0x112DE), (0x112F0, 0x112F9),
    (0x11305, 0x1130C), (0x1130F, 0x11310), (0x11313, 0x11328), (0x1132A, 0x11330),
    (0x11332, 0x11333), (0x11335, 0x11339), (0x1133D, 0x1133D), (0x11350, 0x11350),
    (0x1135D, 0x11361), (0x11400, 0x11434), (0x11447, 0x1144A), (0x11450, 0x11459),
    (0x1145F, 0x11461), (0x11480, 0x114AF), (0x114C4, 0x114C5), (0x114C7, 0x114C7),
    (0x114D0, 0x114D9), (0x11580, 0x115AE), (0x115D8, 0x115DB), (0x11600, 0x1162F),
    (0x11644, 0x11644), (0x11650, 0x11659), (0x11680, 0x116AA), (0x116B8, 0x116B8),
    (0x116C0, 0x116C9), (0x11700, 0x1171A), (0x11730, 0x1173B), (0x11740, 0x11746),
    (0x11800, 0x1182B), (0x118A0, 0x118F2), (0x118FF, 0x11906), (0x11909, 0x11909),
    (0x1190C, 0x11913), (0x11915, 0x11916), (0x11918, 0x1192F), (0x1193F, 0x1193F),
    (0x11941, 0x11941), (0x11950, 0x11959), (0x119A0, 0x119A7), (0x119AA, 0x119D0),
    (0x119E1, 0x119E1), (0x119E3, 0x119E3), (0x11A00, 0x11A00), (0x11A0B, 0x11A32),
    (0x11A3A, 0x11A3A), (0x11A50, 0x11A50), (0x11A5C, 0x11A89), (0x11A9D, 0x11A9D),
    (0x11AB0, 0x11AF8), (0x11C00, 0x11C08), (0x11C0A, 0x11C2E), (0x11C40, 0x11C40),
    (0x11C50, 0x11C6C), (0x11C72, 0x11C8F), (0x11D00, 0x11D06), (0x11D08, 0x11D09),
    (0x11D0B, 0x11D30), (0x11D46, 0x11D46), (0x11D50, 0x11D59), (0x11D60, 0x11D65),
    (0x11D67, 0x11D68), (0x11D6A, 0x11D89), (0x11D98, 0x11D98), (0x11DA0, 0x11DA9),
    (0x11EE0, 0x11EF2), (0x11FB0, 0x11FB0), (0x11FC0, 0x11FD4), (0x12000, 0x12399),
    (0x12400, 0x1246E), (0x12480, 0x12543), (0x12F90, 0x12FF0), (0x13000, 0x1342E),
    (0x14400, 0x14646), (0x16800, 0x16A38), (0x16A40, 0x16A5E), (0x16A60, 0x16A69),
    (0x16A70, 0x16ABE), (0x16AC0, 0x16AC9), (0x16AD0, 0x16AED), (0x16B00, 0x16B2F),
    (0x16B40, 0x16B43), (0x16B50, 0x16B59), (0x16B5B, 0x16B61), (0x16B63, 0x16B77),
    (0x16B7D, 0x16B8F), (0x16E40, 0x16E96), (0x16F00, 0x16F4A), (0x16F50, 0x16F50),
    (0x16F93, 0x16F9F), (0x16FE0, 0x16FE1), (0x16FE3, 0x16FE3), (0x17000, 0x187F7),
    (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB),
    (0x1AFFD, 0x1AFFE), (0x1B000, 0x1B122), (0x1B150, 0x1B152), (0x1B164, 0x1B167),
    (0x1B170, 0x1B2FB), (0x1BC00, 0x1BC6A), (0x1BC70, 0x1BC7C), (0x1BC80, 0x1BC88),
    (0x1BC90, 0x1BC99), (0x1D2E0, 0x1D2F3), (0x1D360, 0x1D378), (0x1D400, 0x1D454),
    (0x1D456, 0x1D49C), (0x1D49E, 0x1D49F), (0x1D4A2, 0x1D4A2), (0x1D4A5, 0x1D4A6),
    (0x1D4A9, 0x1D4AC), (0x1D4AE, 0x1D4B9), (0x1D4BB, 0x1D4BB), (0x1D4BD, 0x1D4C3),
    (0x1D4C5, 0x1D505), (0x1D507, 0x1D50A), (0x1D50D, 0x1D514), (0x1D516, 0x1D51C),
    (0x1D51E, 0x1D539), (0x1D53B, 0x1D53E), (0x1D540, 0x1D544), (0x1D546, 0x1D546),
    (0x1D54A, 0x1D550), (0x1D552, 0x1D6A5), (0x1D6A8, 0x1D6C0), (0x1D6C2, 0x1D6DA),
    (0x1D6DC, 0x1D6FA), (0x1D6FC, 0x1D714), (0x1D716, 0x1D734), (0x1D736, 0x1D74E),
    (0x1D750, 0x1D76E), (0x1D770, 0x1D788), (0x1D78A, 0x1D7A8), (0x1D7AA, 0x1D7C2),
    (0x1D7C4, 0x1D7CB), (0x1D7CE, 0x1D7FF), (0x1DF00, 0x1DF1E), (0x1E100, 0x1E12C),
    (0x1E137, 0x1E13D), (0x1E140, 0x1E149), (0x1E14E, 0x1E14E), (0x1E290, 0x1E2AD),
    (0x1E2C0, 0x1E2EB), (0x1E2F0, 0x1E2F9), (0x1E7E0, 0x1E7E6), (0x1E7E8, 0x1E7EB),
    (0x1E7ED, 0x1E7EE), (0x1E7F0, 0x1E7FE), (0x1E800, 0x1E8C4), (0x1E8C7, 0x1E8CF),
    (0x1E900, 0x1E943), (0x1E94B, 0x1E94B), (0x1E950, 0x1E959), (0x1EC71, 0x1ECAB),
    (0x1ECAD, 0x1ECAF), (0x1ECB1, 0x1ECB4), (0x1ED01, 0x1ED2D), (0x1ED2F, 0x1ED3D),
    (0x1EE00, 0x1EE03), (0x1EE05, 0x1EE1F), (0x1EE21, 0x1EE22), (0x1EE24, 0x1EE24),
    (0x1EE27, 0x1EE27), (0x1EE29, 0x1EE32), (0x1EE34, 0x1EE37), (0x1EE39, 0x1EE39),
    (0x1EE3B, 0x1EE3B), (0x1EE42, 0x1EE42), (0x1EE47, 0x1EE47), (0x1EE49, 0x1EE49),
    (0x1EE4B, 0x1EE4B), (0x1EE4D, 0x1EE4F), (0x1EE51, 0x1EE52), (0x1EE54, 0x1EE54),
    (0x1EE57, 0x1EE57), (0x1EE59, 0x1EE59), (0x1EE5B, 0x1EE5B), (0x1EE5D, 0x1EE5D),
    (0x1EE5F, 0x1EE5F), (0x1EE61, 0x1EE62), (0x1EE64, 0x1EE64), (0x1EE67, 0x1EE6A),
    (0x1EE6C, 0x1EE72), (0x1EE74, 0x1EE77), (0x1EE79, 0x1EE7C), (0x1EE7E, 0x1EE7E),
    (0x1EE80, 0x1EE89), (0x1EE8B, 0x1EE9B), (0x1EEA1, 0x1EEA3), (0x1EEA5, 0x1EEA9),
    (0x1EEAB, 0x1EEBB), (0x1F100, 0x1F10C), (0x1FBF0, 0x1FBF9), (0x20000, 0x2A6DF),
    (0x2A700, 0x2B738), (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0),
    (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn found(numbers: &[Number]) -> Vec<(&str, usize, Vec<f64>)> {
        numbers
            .iter()
            .map(|n| (n.text.as_str(), n.start, n.values.clone()))
            .collect()
    }

    #[test]
    fn each_chinese_ordinal_starts_with_a_listed_first() {
        for (word, _) in ZH_ORDINALS {
            assert!(
                ZH_ORDINAL_FIRSTS.iter().any(|&c| word.starts_with(c)),
                "{word}"
            );
        }
        let weak = zh_weak("首先，其次，一半和雙倍");
        let texts: Vec<&str> = weak.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["一", "首先", "其次", "半", "雙", "倍"]);
    }

    #[test]
    fn number_words_of_every_length_are_found() {
        assert_eq!(EN_WORD_LENGTHS, (3, 9));
        let words: Vec<&str> = EN_WORDS_SORTED.iter().map(|(w, _)| *w).collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "each word once");
        assert!(words
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        let weak = en_weak("Six of the ten in SEPTEMBER, a seventeen-day May, not tenfold");
        let found: Vec<(&str, &[f64])> = weak
            .iter()
            .map(|n| (n.text.as_str(), n.values.as_slice()))
            .collect();
        let expected: [(&str, &[f64]); 5] = [
            ("Six", &[6.0]),
            ("ten", &[10.0]),
            ("SEPTEMBER", &[9.0]),
            ("seventeen", &[17.0]),
            ("May", &[5.0]),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn fiscal_years_in_each_form() {
        let weak = en_weak("FY23 and fiscal '24, fiscal 25 and Q3 '22");
        let texts: Vec<&str> = weak.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["Q3 '22", "22", "FY23", "fiscal '24", "fiscal 25"]);
    }

    #[test]
    fn english_amounts_take_their_scale() {
        let numbers = en_strong("Revenue was $3.9 million, up 4.5%; 2bn and 1,234,567.89.");
        assert_eq!(
            found(&numbers),
            vec![
                ("3.9 million", 13, vec![3.9e6]),
                ("4.5", 29, vec![4.5]),
                ("2bn", 35, vec![2e9]),
                ("1,234,567.89", 43, vec![1234567.89]),
            ]
        );
        assert!(en_strong("no digits: ３ million").is_empty());
    }

    #[test]
    fn a_bare_end_of_a_range_takes_the_scale_of_the_other() {
        let numbers = en_strong("from 125 to 175 million");
        assert_eq!(numbers[0].values, vec![125.0, 125e6]);
        assert_eq!(numbers[1].values, vec![175e6]);
        let numbers = zh_strong("30 至 40 萬");
        assert_eq!(
            (numbers[0].text.as_str(), &numbers[0].values),
            ("30", &vec![30.0, 3e5])
        );
    }

    #[test]
    fn a_number_continuing_a_word_or_a_group_is_not_one() {
        assert!(en_strong("A1 and v2.5").is_empty());
        assert_eq!(
            found(&en_strong("1,2345")),
            vec![("1,234", 0, vec![1234.0])]
        );
        assert_eq!(
            found(&en_strong("1234,567")),
            vec![("1234", 0, vec![1234.0])]
        );
    }

    #[test]
    fn digits_of_any_script_count_once_an_ascii_digit_is_there() {
        let numbers = en_strong("1 and ３.５ million and ٤٢");
        assert_eq!(
            found(&numbers)[1..],
            [("３.５ million", 6, vec![3.5e6]), ("٤٢", 22, vec![42.0])]
        );
    }

    #[test]
    fn chinese_multipliers_and_units() {
        let numbers = zh_strong("營收為 390 萬美元，1.8 千兆瓦時，3 兆瓦，2 兆");
        let texts: Vec<(&str, Vec<f64>)> = numbers
            .iter()
            .map(|n| (n.text.as_str(), n.values.clone()))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("390 萬", vec![3.9e6]),
                ("1.8 千", vec![1.8, 1800.0]),
                ("3", vec![3.0]),
                ("2 兆", vec![2e12]),
            ]
        );
    }

    #[test]
    fn values_round_to_nine_significant_digits() {
        assert_eq!(round9(0.1 + 0.2), 0.3);
        assert_eq!(round9(12345678.25), 12345678.2);
        assert_eq!(round9(f64::INFINITY), f64::INFINITY);
        assert_eq!(en_strong(&"9".repeat(400))[0].values, vec![f64::INFINITY]);
    }

    #[test]
    fn weak_english_numbers() {
        let texts: Vec<(String, Vec<f64>)> = en_weak("In Q3 '23, FY24 and three months of March")
            .into_iter()
            .map(|n| (n.text, n.values))
            .collect();
        let expected = [
            ("Q3 '23", vec![3.0]),
            ("23", vec![2023.0]),
            ("FY24", vec![24.0, 2024.0]),
            ("three", vec![3.0]),
            ("March", vec![3.0]),
        ];
        assert_eq!(texts.len(), expected.len());
        for ((text, values), (want, want_values)) in texts.iter().zip(expected) {
            assert_eq!((text.as_str(), values), (want, &want_values));
        }
    }

    #[test]
    fn chinese_numerals() {
        let value = |s: &str| cn_numeral(&s.chars().collect::<Vec<_>>());
        assert_eq!(value("三百二十五"), Some(325.0));
        assert_eq!(value("十五"), Some(15.0));
        assert_eq!(value("二〇二一"), Some(2021.0));
        assert_eq!(value("三萬五千"), Some(35000.0));
        let weak = zh_weak("一兩個季度，首先");
        assert_eq!(weak[0].values, vec![1.0, 2.0, 12.0]);
        assert_eq!(
            (weak[1].text.as_str(), &weak[1].values),
            ("首先", &vec![1.0])
        );
    }

    #[test]
    fn unmatched_numbers_look_at_weak_ones_only_when_needed() {
        let (en, zh) = unmatched(
            "Revenue was $3.9 million in Q3.",
            "第三季營收為 390 萬美元。",
        );
        assert!(en.is_empty() && zh.is_empty());
        let (en, zh) = unmatched("Margin grew 15%.", "利潤率成長了 51%。");
        assert_eq!((en[0].text.as_str(), zh[0].text.as_str()), ("15", "51"));
    }
}
