//! Bytes to lines: the BOM, LF/CRLF/CR line endings, and what makes a file unreadable, with the
//! line where it occurs. Python API: `builder/sources/decode.py`, which turns a `Problem` into
//! its `SourceError`.

use crate::lines::is_blank;

const BOM: &[u8] = b"\xef\xbb\xbf";
/// The longest line a transcript may have, in characters.
pub const MAX_LINE_CHARS: usize = 100_000;

/// Why a file is refused: decoding (`Empty`, `Nul`, `NotUtf8`, `TooLong`) or its lines
/// (`Markup`, `Mixed`, `NoLayout`; see `layout.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Empty,
    Nul { line: usize },
    NotUtf8 { line: usize, byte: u8 },
    TooLong { line: usize, chars: usize },
    Markup { tagged: usize, lines: usize },
    Mixed { first: usize, at: usize },
    NoLayout,
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
                byte: 0xff
            })
        );
        assert_eq!(lines(&decode(b"a\r\nb\rc\n").unwrap()), ["a", "b", "c"]);
    }
}
