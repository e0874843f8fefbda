//! What a number means beyond its value: the words around it on each side of a sentence pair.
//!
//! `numbers.rs` says whether a translation carries each number; this module says whether it
//! carries the number's meaning: its qualifier (`up to`, `more than`, `about`), the direction of
//! the change it measures (`increase` ↔ `decrease`, and the direction its two ends give), its
//! role (the start or the end of a change), its unit (`%` ↔ `個百分點`, `MWh` ↔ `兆瓦`, per
//! share) and its period (`Q1` ↔ `第一季`, sequential ↔ year over year). Each check looks only
//! at numbers both sides carry (a number one side lacks is `number_mismatch`'s), and flags only
//! what the Chinese says against the English, never the mere absence of a word: a pair whose
//! Chinese is silent on a direction or a role is not flagged. Each finding's evidence quotes the
//! English and the Chinese words, as written. Plain Rust (its binding: `bindings/align.rs`).
//!
//! The checks read the numbers in digits of each side as `crate::numbers` finds them; the
//! aligner hands over those it found already (`Pair`), so no text is scanned twice.

use std::borrow::Cow;

use crate::numbers::{en_strong, zh_strong, Number};
use crate::text::code_points;

/// A flag code of the catalog and its evidence.
pub type Issue = (&'static str, String);

/// The qualifier families: a bound lost or turned into another is `number_qualifier`; a lost
/// approximation is `approximation_dropped` (the value is the same, only its hedge is gone).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Qualifier {
    Above,
    AtLeast,
    UpTo,
    Almost,
    Below,
    About,
}

use Qualifier::*;

impl Qualifier {
    /// Whether a Chinese qualifier of family `other` keeps this English one's meaning.
    fn kept_by(self, other: Qualifier) -> bool {
        let group = |q: Qualifier| match q {
            Above | AtLeast => 0,
            UpTo | Below => 1,
            Almost => 2,
            About => 3,
        };
        self == other
            || group(self) == group(other)
            || matches!(
                (self, other),
                (Almost, Below | About) | (About | Below, Almost)
            )
    }

    fn label(self) -> &'static str {
        match self {
            Above => "more than",
            AtLeast => "at least",
            UpTo => "up to",
            Almost => "almost",
            Below => "less than",
            About => "about",
        }
    }
}

/// English qualifiers, as they stand right before a number (`$` and spaces between).
const EN_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more than", Above),
    ("over", Above),
    ("north of", Above),
    ("in excess of", Above),
    ("above", Above),
    ("upwards of", Above),
    ("greater than", Above),
    ("surpass", Above),
    ("surpassed", Above),
    ("surpass the", Above),
    ("surpassed the", Above),
    ("exceed", Above),
    ("exceeded", Above),
    ("at least", AtLeast),
    ("a minimum of", AtLeast),
    ("no less than", AtLeast),
    ("up to", UpTo),
    ("as much as", UpTo),
    ("as high as", UpTo),
    ("as many as", UpTo),
    ("at most", UpTo),
    ("a maximum of", UpTo),
    ("no more than", UpTo),
    ("almost", Almost),
    ("nearly", Almost),
    ("close to", Almost),
    ("just shy of", Almost),
    ("shy of", Almost),
    ("just under", Almost),
    ("less than", Below),
    ("fewer than", Below),
    ("under", Below),
    ("below", Below),
    ("about", About),
    ("approximately", About),
    ("roughly", About),
    ("around", About),
    ("approx.", About),
];

/// Chinese qualifiers, before a number (`超過 20`) or after it (`400 多家`, `20% 以上`).
const ZH_BEFORE: &[(&str, Qualifier)] = &[
    ("超過", Above),
    ("略高於", Above),
    ("逾", Above),
    ("多於", Above),
    ("高於", Above),
    ("超出", Above),
    ("不止", Above),
    ("至少", AtLeast),
    ("最少", AtLeast),
    ("不少於", AtLeast),
    ("不低於", AtLeast),
    ("高達", UpTo),
    ("最多", UpTo),
    ("至多", UpTo),
    ("多達", UpTo),
    ("最高", UpTo),
    ("不超過", UpTo),
    ("上限", UpTo),
    ("將近", Almost),
    ("接近", Almost),
    ("幾乎", Almost),
    ("差不多", Almost),
    ("近", Almost),
    ("不到", Below),
    ("跌破", Below),
    ("略低於", Below),
    ("少於", Below),
    ("低於", Below),
    ("大約", About),
    ("約", About),
    ("大概", About),
    ("大致", About),
];
const ZH_AFTER: &[(&str, Qualifier)] = &[
    ("以上", Above),
    ("多", Above),
    ("餘", Above),
    ("以下", Below),
    ("左右", About),
    ("上下", About),
];

/// Up and down words of each language; `improve` is up unless it governs a loss or a cost.
const EN_UP: &[&str] = &[
    "increase",
    "increased",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grows",
    "growth",
    "rose",
    "rise",
    "rises",
    "up",
    "higher",
    "improve",
    "improved",
    "improvement",
    "expand",
    "expanded",
    "gain",
    "gained",
    "add",
    "added",
    "adds",
];
const EN_DOWN: &[&str] = &[
    "decrease",
    "decreased",
    "decreases",
    "decline",
    "declined",
    "declines",
    "fell",
    "fall",
    "down",
    "reduce",
    "reduced",
    "reduction",
    "lower",
    "narrow",
    "narrowed",
    "drop",
    "dropped",
];
const ZH_UP: &[&str] = &[
    "增加", "成長", "增長", "上升", "提高", "擴大", "上漲", "增至", "升至", "年增", "季增",
];
const ZH_DOWN: &[&str] = &[
    "減少", "下降", "下滑", "降低", "縮小", "收窄", "降至", "下跌", "季減", "年減", "減幅",
];
/// Words after which an English number is the end of a change (`to $12.7 million`) or its
/// start (`from $1.5 million`).
const ZH_START: &[&str] = &["從", "由", "自"];
const ZH_END: &[&str] = &["到", "至", "達到", "達"];
/// `to` in these is no end of a change.
const EN_NOT_END: &[&str] = &[
    "up to",
    "close to",
    "compared to",
    "relative to",
    "due to",
    "according to",
    "similar to",
    "equal to",
    "prior to",
    "equates to",
    "amounts to",
    "contribute to",
    "add to",
    "as opposed to",
];

const CLAUSE: &str = ",;:。,;:!?!?()()—";

/// Whether `c` is in `CLAUSE`: an ASCII character looked up in a table made from it.
fn is_clause(c: char) -> bool {
    const ASCII: [bool; 128] = {
        let (bytes, mut table, mut k) = (CLAUSE.as_bytes(), [false; 128], 0);
        while k < bytes.len() {
            if bytes[k] < 128 {
                table[bytes[k] as usize] = true;
            }
            k += 1;
        }
        table
    };
    if c.is_ascii() {
        ASCII[c as usize]
    } else {
        CLAUSE.contains(c)
    }
}

/// A sentence pair: each side's text and its numbers in digits (`en_strong`, `zh_strong` of
/// the text).
pub struct Pair<'a> {
    pub en: &'a str,
    pub zh: &'a str,
    pub en_numbers: &'a [Number],
    pub zh_numbers: &'a [Number],
}

/// A character lower-cased to one character (the first of its lower case), so that a
/// lower-cased text has the code points of the text at the same places.
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// A side as code points, lower-cased for English (`lower_char`), with its numbers.
struct Side<'a> {
    chars: Vec<char>,
    /// The English lower-cased; None for Chinese, read as written.
    lower: Option<Vec<char>>,
    numbers: &'a [Number],
}

impl<'a> Side<'a> {
    fn en(text: &str, numbers: &'a [Number]) -> Self {
        let chars = code_points(text);
        let lower = Some(chars.iter().map(|&c| lower_char(c)).collect());
        Side {
            chars,
            lower,
            numbers,
        }
    }

    fn zh(text: &str, numbers: &'a [Number]) -> Self {
        Side {
            chars: code_points(text),
            lower: None,
            numbers,
        }
    }

    /// The code points the windows are read from: lower-cased on the English side.
    fn lowered(&self) -> &[char] {
        self.lower.as_deref().unwrap_or(&self.chars)
    }

    fn end(&self, n: &Number) -> usize {
        n.start + n.text.chars().count()
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }

    /// The clause before `at`, up to `width` code points, stopping at clause punctuation.
    fn before(&self, at: usize, width: usize) -> (usize, usize) {
        let mut from = at;
        while from > 0 && at - from < width && !is_clause(self.chars[from - 1]) {
            from -= 1;
        }
        (from, at)
    }

    /// The clause after `at`, up to `width` code points.
    fn after(&self, at: usize, width: usize) -> (usize, usize) {
        let mut to = at;
        while to < self.chars.len() && to - at < width && !is_clause(self.chars[to]) {
            to += 1;
        }
        (at, to)
    }

    fn lower_str(&self, (from, to): (usize, usize)) -> String {
        self.lowered()[from..to].iter().collect()
    }

    /// The code points `from..to` as `lower_str` reads them, with their text.
    fn window(&self, (from, to): (usize, usize)) -> Window<'_> {
        Window {
            text: self.lower_str((from, to)),
            chars: &self.lowered()[from..to],
        }
    }
}

/// A few code points of a side and their text: a word is searched for in the text only when
/// its first character is among the code points (most windows hold few of a list's words).
struct Window<'a> {
    text: String,
    chars: &'a [char],
}

impl Window<'_> {
    /// Whether the window holds `word` (not empty).
    fn holds(&self, word: &str) -> bool {
        let first = word.chars().next();
        first.is_some_and(|c| self.chars.contains(&c)) && self.text.contains(word)
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// `text` without the spaces and currency signs that end it (what may stand between a word
/// and the amount after it).
fn before_amount(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || c == '$' || c == '€')
}

/// Whether `phrase` ends `text` as whole words.
fn ends_with_phrase(text: &str, phrase: &str) -> bool {
    // The last bytes first: most phrases of a list end otherwise, and need no comparison.
    text.as_bytes().last() == phrase.as_bytes().last()
        && text
            .strip_suffix(phrase)
            .is_some_and(|rest| !rest.chars().next_back().is_some_and(is_word))
}

/// Whether `word` (not empty) is one of `list`: its first byte compared before the whole.
fn listed(list: &[&str], word: &str) -> bool {
    let first = word.as_bytes().first();
    list.iter()
        .any(|w| w.len() == word.len() && w.as_bytes().first() == first && *w == word)
}

/// English words of `text` (lower-cased), in order.
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !is_word(c)).filter(|w| !w.is_empty())
}

/// The English qualifier right before number `n`, with the words as written.
fn en_qualifier(en: &Side, n: &Number) -> Option<(Qualifier, String)> {
    let (from, to) = en.before(n.start, 24);
    let window = en.lower_str((from, to));
    let trimmed = before_amount(&window);
    EN_QUALIFIERS.iter().find_map(|(phrase, q)| {
        ends_with_phrase(trimmed, phrase).then(|| {
            let start = from + trimmed.chars().count() - phrase.chars().count();
            (*q, en.text(start, start + phrase.chars().count()))
        })
    })
}

/// Whether number `n` counts a span of time (`12 months`, `3 years`, `two quarters`).
fn over_a_span(en: &Side, n: &Number) -> bool {
    let after = en.lower_str(en.after(en.end(n), 12));
    let first = words(&after).next();
    first.is_some_and(|w| {
        ["month", "year", "quarter", "week", "day"]
            .iter()
            .any(|unit| w.trim_end_matches('s') == *unit)
    })
}

/// The Chinese qualifiers near number `n`: a few characters before it, right after it.
fn zh_qualifiers(zh: &Side, n: &Number) -> Vec<(Qualifier, &'static str)> {
    let before = zh.window(zh.before(n.start, 8));
    let after_end = zh.end(n);
    let after = zh.lower_str(zh.after(after_end, 6));
    let mut found: Vec<(Qualifier, &'static str)> = ZH_BEFORE
        .iter()
        .filter(|(word, _)| before.holds(word))
        .map(|(word, q)| (*q, *word))
        .collect();
    // After the number: its unit first (`萬美元`, `家`), then the qualifier.
    let tail = after.trim_start_matches(|c: char| "萬億千百美元%個 ".contains(c));
    found.extend(
        ZH_AFTER
            .iter()
            .filter(|(word, _)| tail.starts_with(word) || after.starts_with(word))
            .map(|(word, q)| (*q, *word)),
    );
    found
}

/// The Chinese numbers with a value of `n`.
fn counterparts<'a>(n: &Number, zh: &'a Side) -> Vec<&'a Number> {
    zh.numbers
        .iter()
        .filter(|z| z.values.iter().any(|v| n.values.contains(v)))
        .collect()
}

fn qualifiers(en: &Side, zh: &Side, found: &mut Vec<Issue>) {
    for n in en.numbers {
        let Some((q, written)) = en_qualifier(en, n) else {
            continue;
        };
        if written.eq_ignore_ascii_case("over") && over_a_span(en, n) {
            continue; // `over 12 months` is a span of time, not a bound
        }
        let others = counterparts(n, zh);
        let Some(first) = others.first() else {
            continue;
        };
        let near: Vec<(Qualifier, &str)> =
            others.iter().flat_map(|z| zh_qualifiers(zh, z)).collect();
        if near.iter().any(|(z, _)| q.kept_by(*z)) {
            continue;
        }
        let code = if q == About && near.is_empty() {
            "approximation_dropped"
        } else {
            "number_qualifier"
        };
        let said = match near.first() {
            None => "no qualifier".to_owned(),
            Some((z, word)) => format!("zh `{word}` ({})", z.label()),
        };
        found.push((
            code,
            format!(
                "en `{written}` `{}` ({}); zh `{}` has {said}",
                n.text,
                q.label(),
                first.text
            ),
        ));
    }
}

/// The direction word of English number `n`: the last up or down word of its clause before it,
/// else a `growth`/`decline` right after it. `None` when none, or when `improve` governs a loss.
fn en_direction(en: &Side, n: &Number) -> Option<(bool, String)> {
    let prior_number = en
        .numbers
        .iter()
        .filter(|m| en.end(m) <= n.start && en.end(m) + 40 > n.start)
        .map(|m| en.end(m))
        .max();
    // The clause before the number, from the number before it when that is nearer.
    let before = en.lower_str(match prior_number {
        Some(end) if end > n.start.saturating_sub(40) => (end, n.start),
        _ => en.before(n.start, 40),
    });
    let last_before = words(&before)
        .rev()
        .take(5)
        .find(|w| listed(EN_UP, w) || listed(EN_DOWN, w));
    let word = match last_before {
        Some(word) => word.to_owned(),
        None => {
            let after = en.lower_str(en.after(en.end(n), 40));
            let change = ["growth", "increase", "decline", "decrease", "reduction"];
            let word = words(&after).take(3).find(|w| change.contains(w));
            word?.to_owned()
        }
    };
    if word.starts_with("improv") {
        let sentence = en.lower_str((0, en.chars.len()));
        let governed = ["loss", "cost", "expense", "burn", "deficit"];
        if governed.iter().any(|w| sentence.contains(w)) {
            return None;
        }
    }
    Some((EN_UP.contains(&word.as_str()), word))
}

/// The Chinese direction words near number `n`: (up words, down words).
fn zh_direction(zh: &Side, n: &Number) -> (Vec<&'static str>, Vec<&'static str>) {
    let before = zh.window(zh.before(n.start, 10));
    let after = zh.window(zh.after(zh.end(n), 8));
    let near = |words: &[&'static str]| -> Vec<&'static str> {
        words
            .iter()
            .filter(|w| before.holds(w) || after.holds(w))
            .copied()
            .collect()
    };
    (near(ZH_UP), near(ZH_DOWN))
}

fn directions(en: &Side, zh: &Side, found: &mut Vec<Issue>) {
    for n in en.numbers {
        let Some((up, word)) = en_direction(en, n) else {
            continue;
        };
        let others = counterparts(n, zh);
        let (ups, downs): (Vec<_>, Vec<_>) = others.iter().map(|z| zh_direction(zh, z)).unzip();
        let (ups, downs): (Vec<&str>, Vec<&str>) = (ups.concat(), downs.concat());
        let (same, opposite) = if up { (&ups, &downs) } else { (&downs, &ups) };
        if let (true, Some(said)) = (same.is_empty(), opposite.first()) {
            found.push((
                "direction_mismatch",
                format!(
                    "en `{word}` `{}` ({}); zh `{said}` `{}` ({})",
                    n.text,
                    if up { "up" } else { "down" },
                    others[0].text,
                    if up { "down" } else { "up" }
                ),
            ));
        }
    }
    values_direction(zh, found);
}

/// `從 A 增加到 B` with B below A (or `減少到` with B above): the word contradicts the values.
fn values_direction(zh: &Side, found: &mut Vec<Issue>) {
    for pair in zh.numbers.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let lead = zh.lower_str(zh.before(a.start, 3));
        if !ZH_START.iter().any(|w| lead.contains(w)) || zh.end(a) > b.start {
            continue;
        }
        let between = zh.text(zh.end(a), b.start);
        if between.chars().count() > 10 || !ZH_END.iter().any(|w| between.contains(w)) {
            continue;
        }
        // Every reading of the two values must agree (`1.8 千` may be 1.8 or 1,800).
        let rises = a.values.iter().all(|va| b.values.iter().all(|vb| vb > va));
        let falls = a.values.iter().all(|va| b.values.iter().all(|vb| vb < va));
        if !rises && !falls {
            continue;
        }
        let word = if rises { ZH_DOWN } else { ZH_UP }
            .iter()
            .find(|w| between.contains(*w));
        if let Some(word) = word {
            found.push((
                "direction_mismatch",
                format!(
                    "zh `{}` … `{word}` … `{}`: the values {} but `{word}` says they {}",
                    a.text,
                    b.text,
                    if rises { "rise" } else { "fall" },
                    if rises { "fall" } else { "rise" }
                ),
            ));
        }
    }
}

/// The role of English number `n` in a change: `Some(true)` the start, `Some(false)` the end.
fn en_role(en: &Side, n: &Number) -> Option<(bool, &'static str)> {
    let window = en.lower_str(en.before(n.start, 20));
    // The words right before the number (spaces and `$` set aside).
    let trimmed = before_amount(&window);
    let ends = |phrase: &str| ends_with_phrase(trimmed, phrase);
    if ends("from") || ends("between") {
        return Some((
            true,
            if window.trim_end_matches([' ', '$']).ends_with("from") {
                "from"
            } else {
                "between"
            },
        ));
    }
    if ends("to") && !EN_NOT_END.iter().any(|p| ends(p)) {
        return Some((false, "to"));
    }
    None
}

/// The role word right before Chinese number `n` (a qualifier such as `約` between is skipped).
fn zh_role(zh: &Side, n: &Number) -> Option<(bool, &'static str)> {
    let window = zh.lower_str(zh.before(n.start, 6));
    let trimmed =
        window.trim_end_matches(|c: char| c.is_whitespace() || "約大近將為了".contains(c));
    if let Some(word) = ZH_START.iter().find(|w| trimmed.ends_with(*w)) {
        return Some((true, word));
    }
    ZH_END
        .iter()
        .find(|w| trimmed.ends_with(*w))
        .map(|w| (false, *w))
}

fn roles(en: &Side, zh: &Side, found: &mut Vec<Issue>) {
    for n in en.numbers {
        let Some((start, word)) = en_role(en, n) else {
            continue;
        };
        let en_roles: Vec<bool> = en
            .numbers
            .iter()
            .filter(|m| m.values == n.values)
            .filter_map(|m| en_role(en, m).map(|r| r.0))
            .collect();
        if en_roles.iter().any(|r| *r != start) {
            continue;
        }
        let others = counterparts(n, zh);
        let zh_roles: Vec<(bool, &str, &Number)> = others
            .iter()
            .filter_map(|z| zh_role(zh, z).map(|(r, w)| (r, w, *z)))
            .collect();
        if zh_roles.is_empty() || zh_roles.iter().any(|(r, _, _)| *r == start) {
            continue;
        }
        let (_, said, z) = zh_roles[0];
        let role = |s: bool| if s { "the start" } else { "the end" };
        found.push((
            "range_role_swap",
            format!(
                "en `{word}` `{}` ({}); zh `{said}` `{}` ({})",
                n.text,
                role(start),
                z.text,
                role(!start)
            ),
        ));
    }
}

/// The English unit right after number `n`, lower-cased: its kind and the words as written.
fn en_unit(en: &Side, n: &Number) -> Option<(&'static str, String)> {
    let (from, to) = en.after(en.end(n), 24);
    let after = en.lower_str((from, to));
    const UNITS: &[(&str, &str)] = &[
        ("%", "percent"),
        (" percentage point", "percentage points"),
        (" basis point", "basis points"),
        (" bps", "basis points"),
        (" bp", "basis points"),
        (" percent", "percent"),
        ("-megawatt hour", "MWh"),
        (" megawatt hour", "MWh"),
        (" megawatt-hour", "MWh"),
        (" mwh", "MWh"),
        ("-gigawatt hour", "GWh"),
        (" gigawatt hour", "GWh"),
        (" gigawatt-hour", "GWh"),
        (" gwh", "GWh"),
        ("-megawatt", "MW"),
        (" megawatt", "MW"),
        (" mw", "MW"),
        ("-gigawatt", "GW"),
        (" gigawatt", "GW"),
        (" gw", "GW"),
    ];
    UNITS.iter().find_map(|(written, kind)| {
        let rest = after.strip_prefix(written)?;
        let whole = !rest.chars().next().is_some_and(|c| c.is_alphanumeric())
            || written.ends_with('t')
            || written.ends_with('r');
        whole.then(|| {
            (
                *kind,
                en.text(from, from + written.chars().count())
                    .trim()
                    .to_owned(),
            )
        })
    })
}

/// The Chinese unit right after number `n` (its scale characters skipped): its kind and word.
fn zh_unit(zh: &Side, n: &Number) -> Option<(&'static str, &'static str)> {
    let digits_end = n.start
        + n.text
            .chars()
            .take_while(|c| c.is_ascii_digit() || ".,".contains(*c))
            .count();
    let after = zh.lower_str(zh.after(digits_end, 8));
    let after = after.trim_start();
    const UNITS: &[(&str, &str)] = &[
        ("%", "percent"),
        ("個百分點", "percentage points"),
        ("百分點", "percentage points"),
        ("個基點", "basis points"),
        ("基點", "basis points"),
        ("千兆瓦時", "GWh"),
        ("吉瓦時", "GWh"),
        ("兆瓦時", "MWh"),
        ("千兆瓦", "GW"),
        ("吉瓦", "GW"),
        ("兆瓦", "MW"),
    ];
    UNITS
        .iter()
        .find(|(word, _)| after.starts_with(word))
        .map(|(word, kind)| (*kind, *word))
}

fn units(en: &Side, zh: &Side, found: &mut Vec<Issue>) {
    for n in en.numbers {
        let others = counterparts(n, zh);
        if others.is_empty() {
            continue;
        }
        if let Some((kind, written)) = en_unit(en, n) {
            let zh_units: Vec<(&str, &str, &Number)> = others
                .iter()
                .filter_map(|z| zh_unit(zh, z).map(|(k, w)| (k, w, *z)))
                .collect();
            if let (false, Some((said, word, z))) = (
                zh_units.iter().any(|(k, _, _)| *k == kind),
                zh_units.first(),
            ) {
                found.push((
                    "unit_mismatch",
                    format!(
                        "en `{}` `{written}` ({kind}); zh `{}` `{word}` ({said})",
                        n.text, z.text
                    ),
                ));
            }
        }
        let after = en.lower_str(en.after(en.end(n), 40));
        // `per` among the next three words, `share` among the five from it.
        let mut after_words = words(&after);
        let per_share = after_words.by_ref().take(3).any(|w| w == "per")
            && after_words.take(4).any(|w| w == "share");
        let said_per_share = || {
            others.iter().any(|z| {
                let near =
                    zh.lower_str(zh.before(z.start, 16)) + &zh.lower_str(zh.after(zh.end(z), 8));
                near.contains("每股")
            })
        };
        if per_share && !said_per_share() {
            found.push((
                "unit_mismatch",
                format!(
                    "en `{}` per share; zh `{}` has no `每股`",
                    n.text, others[0].text
                ),
            ));
        }
    }
}

/// English names of quarters and halves, with the period each names: each holds a `q` or
/// ends in `half`.
const EN_PERIODS: &[(&str, &str)] = &[
    ("q1", "Q1"),
    ("q2", "Q2"),
    ("q3", "Q3"),
    ("q4", "Q4"),
    ("1q", "Q1"),
    ("2q", "Q2"),
    ("3q", "Q3"),
    ("4q", "Q4"),
    ("first quarter", "Q1"),
    ("second quarter", "Q2"),
    ("third quarter", "Q3"),
    ("fourth quarter", "Q4"),
    ("first-quarter", "Q1"),
    ("second-quarter", "Q2"),
    ("third-quarter", "Q3"),
    ("fourth-quarter", "Q4"),
    ("first half", "H1"),
    ("second half", "H2"),
    ("back half", "H2"),
    ("back-half", "H2"),
];

/// Quarters and halves an English text names, in a common notation (`Q1` … `Q4`, `H1`, `H2`),
/// with the words as written: `text` is `written` lower-cased (`lower_char`).
fn en_periods(text: &str, written: &str) -> Vec<(&'static str, String)> {
    // Every name holds a `q` or `half`: a text with neither is not searched for each name.
    let (has_q, has_half) = (text.contains('q'), text.contains("half"));
    let possible = |name: &str| {
        if name.ends_with("half") {
            has_half
        } else {
            has_q
        }
    };
    let mut found = Vec::new();
    for (name, period) in EN_PERIODS
        .iter()
        .filter(|(name, _)| possible(name) && text.contains(name))
    {
        for (at, _) in text.match_indices(name) {
            let before_ok = !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after_ok = !text[at + name.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if before_ok && after_ok {
                let start = text[..at].chars().count();
                let words = written.chars().skip(start).take(name.chars().count());
                found.push((*period, words.collect()));
            }
        }
    }
    found
}

/// Chinese names of quarters and halves, with the period each names.
const ZH_PERIODS: &[(&str, &str)] = &[
    ("第一季", "Q1"),
    ("第二季", "Q2"),
    ("第三季", "Q3"),
    ("第四季", "Q4"),
    ("首季", "Q1"),
    ("Q1", "Q1"),
    ("Q2", "Q2"),
    ("Q3", "Q3"),
    ("Q4", "Q4"),
    ("上半年", "H1"),
    ("下半年", "H2"),
];

/// Keys of the Chinese period names: each name holds one.
const ZH_PERIOD_KEYS: [&str; 3] = ["季", "Q", "半年"];

fn zh_periods(text: &str) -> Vec<(&'static str, &'static str, usize)> {
    // Every name holds `季`, `Q` or `半年`: a text with none is not searched for each name.
    let keys = ZH_PERIOD_KEYS.map(|key| text.contains(key));
    let possible = |name: &str| {
        ZH_PERIOD_KEYS
            .iter()
            .zip(keys)
            .any(|(k, kept)| kept && name.contains(k))
    };
    let mut found = Vec::new();
    for (name, period) in ZH_PERIODS
        .iter()
        .filter(|(name, _)| possible(name) && text.contains(name))
    {
        for (at, _) in text.match_indices(name) {
            found.push((
                *period,
                *name,
                text[..at].chars().count() + name.chars().count(),
            ));
        }
    }
    found
}

/// A list of words, and keys such that each word holds one of them: a text that holds no key
/// holds none of the words, which a search or two tells where the whole list takes many.
struct Words {
    keys: &'static [&'static str],
    list: &'static [&'static str],
}

impl Words {
    /// Whether `text` holds any of the words.
    fn any_in(&self, text: &str) -> bool {
        self.first_in(text).is_some()
    }

    /// The first of the words (in list order) that `text` holds.
    fn first_in(&self, text: &str) -> Option<&'static str> {
        if !self.keys.iter().any(|key| text.contains(key)) {
            return None;
        }
        self.list.iter().find(|w| text.contains(*w)).copied()
    }
}

const EN_SEQUENTIAL: Words = Words {
    keys: &["sequential", "quarter"],
    list: &[
        "sequential",
        "quarter-over-quarter",
        "quarter over quarter",
        "linked quarter",
    ],
};
const EN_YEARLY: Words = Words {
    keys: &["year", "same period"],
    list: &[
        "same period",
        "prior year",
        "a year ago",
        "year-ago",
        "year-over-year",
        "year over year",
        "year-on-year",
        "same period last year",
    ],
};
const ZH_SEQUENTIAL: Words = Words {
    keys: &["季", "環比"],
    list: &["環比", "季減", "季增", "較上季", "比上季", "上一季"],
};
const ZH_YEARLY: Words = Words {
    keys: &["年", "同比"],
    list: &["年增", "年減", "同比", "年成長", "較去年同期", "去年同期"],
};

/// The period checks of a pair, its English read lower-cased (`ascii_lower`: lower-cased in
/// ASCII only, which is the same for an ASCII text).
fn periods(pair: &Pair, ascii_lower: &str, found: &mut Vec<Issue>) {
    let text: Cow<str> = if pair.en.is_ascii() {
        Cow::Borrowed(ascii_lower)
    } else {
        Cow::Owned(pair.en.chars().map(lower_char).collect())
    };
    let text = text.as_ref();
    let en_found = en_periods(text, pair.en);
    let zh_found = zh_periods(pair.zh);
    let lost = en_found
        .iter()
        .find(|(p, _)| !zh_found.iter().any(|(q, _, _)| q == p));
    let added = zh_found
        .iter()
        .find(|(q, _, _)| !en_found.iter().any(|(p, _)| p == q));
    match (lost, added, zh_found.first()) {
        (_, Some((_, said, _)), _) if !en_found.is_empty() => {
            let named: Vec<&str> = en_found.iter().map(|(_, w)| w.as_str()).collect();
            found.push((
                "period_mismatch",
                format!(
                    "zh `{said}` is a period the English does not name (en `{}`)",
                    named[0]
                ),
            ));
        }
        (Some((_, written)), None, Some((_, said, _))) => found.push((
            "period_mismatch",
            format!("en `{written}` has no counterpart; zh names `{said}` only"),
        )),
        _ => {}
    }
    let (en_sequential, en_yearly) = (EN_SEQUENTIAL.first_in(text), EN_YEARLY.first_in(text));
    let (zh_sequential, zh_yearly) = (ZH_SEQUENTIAL.first_in(pair.zh), ZH_YEARLY.first_in(pair.zh));
    let comparisons = [
        (en_sequential, en_yearly, zh_yearly, zh_sequential),
        (en_yearly, en_sequential, zh_sequential, zh_yearly),
    ];
    for (en_word, en_other, zh_wrong, zh_right) in comparisons {
        if let (Some(en_word), None, Some(zh_word), None) = (en_word, en_other, zh_wrong, zh_right)
        {
            found.push((
                "period_mismatch",
                format!("en `{en_word}`; zh `{zh_word}` compares with another period"),
            ));
        }
    }
    reference_period(text, pair.zh, &en_found, &zh_found, found);
}

/// `improvement from Q1` read as `第一季的淨虧損`: the base of a comparison made its subject
/// (`text`: the English lower-cased, `lower_char`).
fn reference_period(
    text: &str,
    zh_text: &str,
    en_found: &[(&'static str, String)],
    zh_found: &[(&'static str, &'static str, usize)],
    found: &mut Vec<Issue>,
) {
    let mut zh_side = None;
    for (period, written) in en_found {
        let lower = written.to_lowercase();
        let base = [
            "from ",
            "versus ",
            "vs. ",
            "compared to ",
            "compared with ",
            "relative to ",
        ]
        .iter()
        .find(|m| {
            text.contains(**m)
                && (text.contains(&format!("{m}{lower}"))
                    || text.contains(&format!("{m}the {lower}")))
        });
        let Some(marker) = base else { continue };
        let zh_same: Vec<_> = zh_found.iter().filter(|(q, _, _)| q == period).collect();
        let zh = zh_side.get_or_insert_with(|| Side::zh(zh_text, &[]));
        let all_possessive = !zh_same.is_empty()
            && zh_same.iter().all(|(_, name, end)| {
                let start = end - name.chars().count();
                let lead = zh.lower_str(zh.before(start, 4));
                let base_word = ["從", "由", "較", "與", "比", "自", "相對於"]
                    .iter()
                    .any(|w| lead.contains(w));
                !base_word && zh.chars.get(*end) == Some(&'的')
            });
        if all_possessive {
            let (_, name, _) = zh_same[0];
            found.push((
                "period_mismatch",
                format!("en `{}{written}` (the base of the comparison); zh `{name}的` (the period of it)", marker),
            ));
        }
    }
}

/// Every meaning check of one sentence pair, in a fixed order (its numbers found here).
pub fn meaning_issues(en_text: &str, zh_text: &str) -> Vec<Issue> {
    let (en_numbers, zh_numbers) = (en_strong(en_text), zh_strong(zh_text));
    pair_issues(&Pair {
        en: en_text,
        zh: zh_text,
        en_numbers: &en_numbers,
        zh_numbers: &zh_numbers,
    })
}

/// Every meaning check of one sentence pair whose numbers are known, in a fixed order.
pub fn pair_issues(pair: &Pair) -> Vec<Issue> {
    // Most sentences have no number in their Chinese and no period on both sides: they cost a
    // pass or two over each text, and no side is read into code points.
    let mut found = Vec::new();
    let en_lower = pair.en.to_ascii_lowercase();
    let period_possible = periods_possible(&en_lower, pair.zh);
    if !pair.zh_numbers.is_empty() {
        let zh = Side::zh(pair.zh, pair.zh_numbers);
        if pair.en_numbers.is_empty() {
            values_direction(&zh, &mut found);
        } else {
            let en = Side::en(pair.en, pair.en_numbers);
            qualifiers(&en, &zh, &mut found);
            directions(&en, &zh, &mut found);
            roles(&en, &zh, &mut found);
            units(&en, &zh, &mut found);
        }
    }
    if period_possible {
        periods(pair, &en_lower, &mut found);
    }
    found
}

/// Whether both sides may name a period (a quarter or a half), or one compares sequentially and
/// the other year over year: the only pairs `periods` can flag.
fn periods_possible(en_lower: &str, zh: &str) -> bool {
    // `q1` or `1q`: a `q` with a digit 1 to 4 on either side. `quarter` and every sequential
    // word hold a `q` too: an English without one is not searched for them.
    let bytes = en_lower.as_bytes();
    let has_q = bytes.contains(&b'q');
    let quarter_digit = |at: Option<&u8>| matches!(at, Some(b'1'..=b'4'));
    let en_named = || {
        let q_digit = has_q
            && en_lower.match_indices('q').any(|(at, _)| {
                quarter_digit(bytes.get(at + 1))
                    || quarter_digit(at.checked_sub(1).map(|k| &bytes[k]))
            });
        q_digit || (has_q && en_lower.contains("quarter")) || en_lower.contains("half")
    };
    let zh_named = ZH_PERIOD_KEYS.iter().any(|key| zh.contains(key));
    (zh_named && en_named())
        || (has_q && EN_SEQUENTIAL.any_in(en_lower) && ZH_YEARLY.any_in(zh))
        || (EN_YEARLY.any_in(en_lower) && ZH_SEQUENTIAL.any_in(zh))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(en: &str, zh: &str) -> Vec<&'static str> {
        meaning_issues(en, zh).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn seeds_real_errors() {
        assert_eq!(
            codes(
                "We expect up to $35 million of the remaining balance.",
                "我們預計剩餘的 3500 萬美元。"
            ),
            ["number_qualifier"]
        );
        assert_eq!(
            codes(
                "but north of 90,000 direct end users",
                "但平台上有 90,000 名直接最終用戶。"
            ),
            ["number_qualifier"]
        );
        assert_eq!(
            codes(
                "we made so much forwards from $1.5 million to $0.5 million.",
                "從 150 萬美元增加到 50 萬美元。"
            ),
            ["direction_mismatch"]
        );
        assert_eq!(
            codes(
                "reducing the GAAP net loss from like -- perhaps to $500 million.",
                "將 GAAP 淨虧損從約 5 億美元減少方面"
            ),
            ["range_role_swap"]
        );
        assert_eq!(
            codes(
                "almost $1 million sequential improvement in net loss from Q1.",
                "已使第一季的淨虧損環比減少近 100 萬美元。"
            ),
            ["period_mismatch"]
        );
    }

    #[test]
    fn faithful_pairs_pass() {
        for (en, zh) in [
            ("surpass the 3.5 million end users", "很快就會超過 350 萬。"),
            ("over 400 resellers", "400 多家經銷商"),
            ("falling below $1, over a 30-day period", "跌破 1 美元"),
            ("we recognize it over 12 months", "我們在 12 個月內確認"),
            ("more than 20% during 2025", "降低 20% 以上"),
            ("about $2 million of cash", "約 200 萬美元的現金"),
            (
                "decreased to $28.2 million from $79.8 million",
                "從 7,980 萬美元降至 2,820 萬美元",
            ),
            (
                "increased 43% or $3.9 million to $12.7 million",
                "成長了43%,即390 萬美元,達到1,270 萬美元",
            ),
            (
                "from 800-megawatt hours to 1.8-gigawatt hours",
                "從 800 兆瓦時增加到 1.8 千兆瓦時",
            ),
            (
                "$0.02 loss per basic and diluted share",
                "每股虧損 0.02 美元",
            ),
            (
                "down sequentially but up year over year",
                "季減,但較去年同期成長",
            ),
            ("up 3% versus the third quarter", "較第三季成長 3%"),
            (
                "between $125 million and $175 million",
                "1.25 億至 1.75 億美元",
            ),
        ] {
            assert_eq!(codes(en, zh), Vec::<&str>::new(), "{en}");
        }
    }

    #[test]
    fn each_listed_word_holds_a_key_of_its_list() {
        for words in [EN_SEQUENTIAL, EN_YEARLY, ZH_SEQUENTIAL, ZH_YEARLY] {
            for word in words.list {
                assert!(words.keys.iter().any(|k| word.contains(k)), "{word}");
            }
        }
    }

    #[test]
    fn each_period_name_holds_a_key() {
        for (name, _) in EN_PERIODS {
            assert!(name.contains('q') || name.ends_with("half"), "{name}");
        }
        for (name, _) in ZH_PERIODS {
            assert!(ZH_PERIOD_KEYS.iter().any(|k| name.contains(k)), "{name}");
        }
        assert!(EN_SEQUENTIAL.keys.iter().all(|k| k.contains('q')));
    }

    #[test]
    fn a_window_holds_a_word_as_its_text_does() {
        let zh = Side::zh("營收從 5 億美元增加到 7 億美元,年增 40%", &[]);
        for span in [(0, 3), (2, 12), (10, 24), (5, 5), (0, 24)] {
            let window = zh.window(span);
            for word in ZH_UP
                .iter()
                .chain(ZH_DOWN)
                .chain(ZH_START)
                .chain(["億美", "7 億"].iter())
            {
                assert_eq!(
                    window.holds(word),
                    window.text.contains(word),
                    "{span:?} {word}"
                );
            }
        }
    }

    #[test]
    fn phrases_and_words_are_matched_as_by_the_plain_comparison() {
        let texts = [
            "more than",
            "over",
            "was over",
            "moreover",
            "",
            "s",
            "up to",
            "approx.",
        ];
        for text in texts {
            for (phrase, _) in EN_QUALIFIERS {
                let plain = text
                    .strip_suffix(phrase)
                    .is_some_and(|rest| !rest.chars().next_back().is_some_and(is_word));
                assert_eq!(ends_with_phrase(text, phrase), plain, "{text} {phrase}");
            }
            for list in [EN_UP, EN_DOWN] {
                assert_eq!(listed(list, text), list.contains(&text), "{text}");
            }
        }
        assert!(
            EN_UP.iter().all(|w| listed(EN_UP, w)) && EN_DOWN.iter().all(|w| listed(EN_DOWN, w))
        );
    }

    #[test]
    fn injected_errors() {
        assert_eq!(
            codes("about $2 million", "200 萬美元"),
            ["approximation_dropped"]
        );
        assert_eq!(
            codes("up to $35 million", "超過 3500 萬美元"),
            ["number_qualifier"]
        );
        assert_eq!(
            codes(
                "revenue increased 9% to $3.9 million",
                "營收下降 9%,達到 390 萬美元"
            ),
            ["direction_mismatch"]
        );
        assert_eq!(
            codes("margin rose 3 percentage points", "利潤率上升 3%"),
            ["unit_mismatch"]
        );
        assert_eq!(
            codes("a 484-megawatt portfolio", "484 兆瓦時的組合"),
            ["unit_mismatch"]
        );
        assert_eq!(
            codes("in Q2 we grew", "第三季我們成長"),
            ["period_mismatch"]
        );
        assert_eq!(codes("down sequentially", "年減"), ["period_mismatch"]);
    }
}
