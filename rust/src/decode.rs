//! Bytes to lines: the BOM, LF/CRLF/CR line endings, and what makes a file unreadable, with the
//! line where it occurs. Python API: `builder/sources/decode.py`, which turns a `Problem` into
//! its `SourceError`.

use crate::lines::is_blank;

const BOM: &[u8] = b"\xef\xbb\xbf";
/// The longest line a transcript may have, in characters.
pub const MAX_LINE_CHARS: usize = 100_000;

/// Why a file is refused: decoding (`Empty`, `Nul`, `NotUtf8`, `Mojibake`, `TooLong`) or its
/// lines (`Markup`, `Mixed`, `NoLayout`; see `layout.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Empty,
    Nul {
        line: usize,
    },
    /// `legacy`: the line read as Latin-1/CP1252, when every byte of it reads as text there.
    NotUtf8 {
        line: usize,
        byte: u8,
        legacy: Option<String>,
    },
    /// UTF-8 that went through a Latin-1 or CP1252 decode (`è²¡å‹™` for `財務`).
    Mojibake(Mojibake),
    TooLong {
        line: usize,
        chars: usize,
    },
    Markup {
        tagged: usize,
        lines: usize,
    },
    Mixed {
        first: usize,
        at: usize,
    },
    NoLayout,
}

/// The first mojibake of a text: its line, an excerpt as written, the excerpt's bytes read
/// again as UTF-8, and the decode it went through (`Latin-1`, `CP1252` or both).
#[derive(Debug, Clone, PartialEq)]
pub struct Mojibake {
    pub line: usize,
    pub excerpt: String,
    pub repaired: String,
    pub codec: &'static str,
}

/// CP1252's characters for the bytes 0x80-0x9F (`None`: the five bytes it leaves undefined,
/// which decoders pass through as U+0081 and the like, as Latin-1 does).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The byte a character was read from by a Latin-1 or CP1252 decode, with whether only CP1252
/// (`Some(true)`) or only Latin-1 (`Some(false)`: a C1 control) reads it so.
fn legacy_byte(c: char) -> Option<(u8, Option<bool>)> {
    let code = c as u32;
    if (0x80..0xa0).contains(&code) {
        let cp1252_too = CP1252_HIGH[(code - 0x80) as usize].is_none();
        return Some((code as u8, if cp1252_too { None } else { Some(false) }));
    }
    if code < 0x100 {
        return Some((code as u8, None));
    }
    let at = CP1252_HIGH.iter().position(|&high| high == Some(c))?;
    Some((0x80 + at as u8, Some(true)))
}

/// The characters Latin-1 and CP1252 read a UTF-8 lead byte (0xC2-0xF4) as.
const LEADS: std::ops::RangeInclusive<char> = '\u{c2}'..='\u{f4}';

/// How many bytes a UTF-8 sequence has that starts with `lead` (0 for no multi-byte lead).
fn sequence_len(lead: u8) -> usize {
    match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

/// Where a mojibake sequence starts at `chars[at]`: a UTF-8 lead byte's character followed by
/// the continuation bytes' characters that make one valid UTF-8 character above U+009F;
/// returns its length in characters and the decodes that can have produced it.
fn sequence_at(chars: &[char], at: usize) -> Option<(usize, Option<bool>)> {
    if !LEADS.contains(&chars[at]) {
        return None; // most characters: no lead byte's reading (and no table scan)
    }
    let (lead, mut only) = legacy_byte(chars[at])?;
    let len = sequence_len(lead);
    if len == 0 || at + len > chars.len() {
        return None;
    }
    let mut bytes = vec![lead];
    for &c in &chars[at + 1..at + len] {
        let (byte, which) = legacy_byte(c)?;
        if !(0x80..0xc0).contains(&byte) {
            return None;
        }
        only = only.or(which);
        bytes.push(byte);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    (decoded as u32 >= 0xa0).then_some((len, only))
}

/// A line's bytes read as they were before a Latin-1/CP1252 decode: the run of characters that
/// such a decode can produce, from `start`, read again as UTF-8.
fn repair(chars: &[char], start: usize) -> String {
    let bytes: Vec<u8> = chars[start..]
        .iter()
        .map_while(|&c| {
            legacy_byte(c)
                .map(|(b, _)| b)
                .or(c.is_ascii().then_some(c as u8))
        })
        .take(EXCERPT_CHARS * 3)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    clip(text.trim_end_matches('\u{fffd}').chars(), EXCERPT_CHARS)
}

/// Excerpts of a line in a refusal: at most this many characters.
const EXCERPT_CHARS: usize = 24;

/// At most `limit` characters, `…` after a cut; control characters (the C1 controls a
/// Latin-1 decode leaves) written as `\x8b`, so that a terminal shows them as text.
fn clip(chars: impl Iterator<Item = char>, limit: usize) -> String {
    let mut out = String::new();
    for (k, c) in chars.enumerate() {
        if k == limit {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The first line holding UTF-8 that went through a Latin-1 or CP1252 decode: a character
/// from `Â`..`ô` followed by characters those decodes give for continuation bytes, together
/// making one valid UTF-8 character (`è²¡` for `財`, `â€™` for `’`, `Ã©` for `é`). Text in
/// Latin letters (`José`, `São Paulo`, `Ã` before a letter) never forms such a sequence.
pub fn find_mojibake(text: &str) -> Option<Mojibake> {
    for (k, line) in lines(text).iter().enumerate() {
        if !line.chars().any(|c| LEADS.contains(&c)) {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let (mut start, mut latin1, mut cp1252, mut at) = (None, false, false, 0);
        while at < chars.len() {
            let Some((len, only)) = sequence_at(&chars, at) else {
                at += 1;
                continue;
            };
            start.get_or_insert(at);
            latin1 |= only == Some(false);
            cp1252 |= only == Some(true);
            at += len;
        }
        let Some(start) = start else { continue };
        let codec = match (latin1, cp1252) {
            (false, true) => "CP1252",
            (true, false) => "Latin-1",
            _ => "Latin-1 or CP1252",
        };
        return Some(Mojibake {
            line: k + 1,
            excerpt: clip(chars[start..].iter().copied(), EXCERPT_CHARS),
            repaired: repair(&chars, start),
            codec,
        });
    }
    None
}

/// Characters of Latin-1/CP1252 text that stand anywhere, and those that stand beside a
/// number or a blank (not inside a word).
const PUNCTUATION: &str = "’‘“”–—…•·«»\u{a0}";
const SYMBOLS: &str = "€£¥°±×§©®™";

/// A line that is not UTF-8 read as CP1252 (Latin-1 where CP1252 leaves a byte undefined),
/// clipped around its first non-ASCII byte, when every byte reads as text: `Café` for a file
/// saved as Latin-1 or CP1252 (a letter beside a letter, typography). None for control bytes (a binary file), 0xFE and 0xFF (UTF-16's
/// marks, stray bytes; `þ` and `ÿ` are rare in Latin text) and for the byte pairs of the
/// double-byte Chinese encodings (Big5, GBK), which read as noise.
fn legacy_line(line: &[u8]) -> Option<String> {
    let mut text = String::new();
    let mut high_run = 0;
    for &b in line {
        high_run = if b >= 0x80 { high_run + 1 } else { 0 };
        if high_run > 1 {
            return None; // two high bytes in a row: a double-byte encoding, or UTF-8 gone wrong
        }
        let c = match b {
            0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize]?,
            0x00..=0x08 | 0x0e..=0x1f | 0x7f | 0xfe | 0xff => return None,
            _ => b as char,
        };
        text.push(c);
    }
    let chars: Vec<char> = text.chars().collect();
    let fits = |k: usize| {
        let around = [
            k.checked_sub(1).map(|p| chars[p]),
            chars.get(k + 1).copied(),
        ];
        let letters = around
            .iter()
            .flatten()
            .filter(|c| c.is_alphabetic())
            .count();
        let open_beside = around.iter().flatten().any(|c| "([{<".contains(*c));
        let c = chars[k];
        c.is_ascii()
            || (c.is_alphabetic() && letters > 0 && !open_beside)
            || PUNCTUATION.contains(c)
            || (SYMBOLS.contains(c) && letters < 2)
    };
    if !(0..chars.len()).all(fits) {
        return None; // a stray byte in the middle of ASCII text, not a Latin-1 word
    }
    let first = text.char_indices().find(|(_, c)| !c.is_ascii())?.0;
    let from = text[..first]
        .char_indices()
        .rev()
        .nth(11)
        .map_or(0, |(i, _)| i);
    let prefix = if from > 0 { "…" } else { "" };
    Some(format!(
        "{prefix}{}",
        clip(text[from..].chars(), EXCERPT_CHARS)
    ))
}

/// The bytes of the line that holds the byte at `at` (LF and CR end lines).
fn line_around(data: &[u8], at: usize) -> &[u8] {
    let is_break = |b: &u8| *b == b'\n' || *b == b'\r';
    let start = data[..at].iter().rposition(is_break).map_or(0, |k| k + 1);
    let end = data[at..]
        .iter()
        .position(is_break)
        .map_or(data.len(), |k| at + k);
    &data[start..end]
}

/// The 1-based line of a byte offset, counting LF, CRLF and CR as breaks (a CR that ends the
/// head counts, even before an LF).
fn line_of(data: &[u8], offset: usize) -> usize {
    let head = &data[..offset];
    let lf = head.iter().filter(|&&b| b == b'\n').count();
    let cr = head.iter().filter(|&&b| b == b'\r').count();
    let crlf = head.windows(2).filter(|w| w == b"\r\n").count();
    lf + cr - crlf + 1
}

/// The text of a raw file, its line endings made LF; refused when empty, holding a NUL byte or
/// bytes that are not UTF-8, or a line longer than `MAX_LINE_CHARS`.
pub fn decode(data: &[u8]) -> Result<String, Problem> {
    let data = data.strip_prefix(BOM).unwrap_or(data);
    if data.iter().all(|b| b" \t\n\r\x0b\x0c".contains(b)) {
        return Err(Problem::Empty);
    }
    if let Some(nul) = data.iter().position(|&b| b == 0) {
        return Err(Problem::Nul {
            line: line_of(data, nul),
        });
    }
    let text = std::str::from_utf8(data).map_err(|e| {
        let at = e.valid_up_to();
        Problem::NotUtf8 {
            line: line_of(data, at),
            byte: data[at],
            legacy: legacy_line(line_around(data, at)),
        }
    })?;
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    };
    if is_blank(&text) {
        return Err(Problem::Empty);
    }
    if let Some(found) = find_mojibake(&text) {
        return Err(Problem::Mojibake(found));
    }
    for (k, line) in lines(&text).iter().enumerate() {
        if line.len() > MAX_LINE_CHARS {
            let chars = line.chars().count();
            if chars > MAX_LINE_CHARS {
                return Err(Problem::TooLong { line: k + 1, chars });
            }
        }
    }
    Ok(text)
}

/// The lines of a decoded text: split on LF, a final empty line dropped.
pub fn lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_and_lines() {
        assert_eq!(decode(b"\xef\xbb\xbf \n"), Err(Problem::Empty));
        assert_eq!(decode(b"a\r\nb\rc\x00"), Err(Problem::Nul { line: 3 }));
        assert_eq!(
            decode(b"a\nb\xff"),
            Err(Problem::NotUtf8 {
                line: 2,
                byte: 0xff,
                legacy: None
            })
        );
        assert_eq!(lines(&decode(b"a\r\nb\rc\n").unwrap()), ["a", "b", "c"]);
    }

    fn mojibake(text: &str) -> Option<(usize, String, String, &'static str)> {
        find_mojibake(text).map(|m| (m.line, m.excerpt, m.repaired, m.codec))
    }

    /// What a Latin-1 decode (every byte one character) makes of UTF-8.
    fn latin1(text: &str) -> String {
        text.bytes().map(char::from).collect()
    }

    /// What a CP1252 decode makes of UTF-8 (undefined bytes kept as Latin-1 does).
    fn cp1252(text: &str) -> String {
        text.bytes()
            .map(|b| match b {
                0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize].unwrap_or(char::from(b)),
                _ => char::from(b),
            })
            .collect()
    }

    #[test]
    fn mojibake_found_with_its_line_and_repair() {
        let text = format!("Operator\n{}\n", latin1("財務長 Eyal Hen"));
        let (line, excerpt, repaired, codec) = mojibake(&text).unwrap();
        assert_eq!((line, repaired.as_str()), (2, "財務長 Eyal Hen"));
        assert!(excerpt.starts_with("è²¡å\\x8b\\x99"), "{excerpt}");
        assert_eq!(codec, "Latin-1");
        let text = format!("a\n\nWe{}re here. 財務\n", cp1252("’"));
        let found = mojibake(&text).unwrap();
        assert_eq!((found.0, found.3), (3, "CP1252"));
        assert_eq!(found.1, "â€™re here. 財務");
        assert_eq!(found.2, "’re here. ");
        assert_eq!(mojibake(&latin1("café")).unwrap().3, "Latin-1 or CP1252");
        assert!(matches!(
            decode(latin1("Operator\n財務\n").as_bytes()),
            Err(Problem::Mojibake(Mojibake { line: 2, .. }))
        ));
    }

    #[test]
    fn latin_text_and_chinese_are_not_mojibake() {
        for text in [
            "José Núñez - CFO\nSão Paulo, Zürich, 10 °C, ½, naïve, Ångström, Ã la carte",
            "財務長 – 2024 年第四季 “quoted” … ‘x’ © ® ™ € £ ¥ ± × ÷ µ",
            "ÃO PAULO; Â is alone; â€ without a third",
        ] {
            assert_eq!(mojibake(text), None, "{text}");
        }
    }

    #[test]
    fn latin1_files_read_as_utf8_name_what_they_seem() {
        let Err(Problem::NotUtf8 { line, legacy, .. }) = decode(b"ok\r\nCaf\xe9 de Paris\r\n")
        else {
            panic!("not refused");
        };
        assert_eq!((line, legacy.as_deref()), (2, Some("Café de Paris")));
        // Big5 (財務: 0xb0 0x5d 0xb0 0xc8) is not taken for Latin-1.
        let Err(Problem::NotUtf8 { legacy, .. }) = decode(b"\xb0\x5d\xb0\xc8\xaa\xf8") else {
            panic!("not refused");
        };
        assert_eq!(legacy, None);
    }
}
