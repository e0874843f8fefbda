//! A decoded file's lines marked by their layout: bullets and indents, the layouts' detection
//! and split into front matter, body and blank lines, and the refusals of markup and of a file
//! that changes layout part-way. Python API: `builder/sources/__init__.py`, `bulleted.py`.
//!
//! Line numbers are 1-based; offsets and lengths are in code points.

use crate::decode::{lines, Problem};
use crate::front::{front_kind, markup_line};
use crate::header::{is_header_copy, looks_like_header};
use crate::lines::{has_cjk, is_blank, is_invisible};
use crate::segment::is_space;

/// Layouts in the order detection tries them; the most specific first.
pub const LAYOUTS: [&str; 2] = ["bulleted", "plain"];
/// The share of non-blank lines starting with a tag from which a file is markup.
pub const MARKUP_SHARE: f64 = 0.1;
/// Bulleted lines from which a file holds the bulleted layout.
pub const MIN_BULLETS: usize = 5;
/// Unmarked lines in a row beyond which a bulleted file changes layout part-way.
pub const MAX_PLAIN_RUN: usize = 4;
const BULLETS: &str = "•●▪‣◦";

/// A front-matter line: number, text, kind.
pub type FrontLine<'a> = (usize, &'a str, &'static str);
/// A body line: number, text, slot.
pub type BodyLine<'a> = (usize, &'a str, Option<&'static str>);
/// Front matter, body lines, and the numbers of the blank lines.
pub type Split<'a> = (Vec<FrontLine<'a>>, Vec<BodyLine<'a>>, Vec<usize>);

fn markup_pad(c: char) -> bool {
    is_space(c) || is_invisible(c)
}

fn chars_before(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The byte offset after a bullet (`^[\s<invisible>]*[•●▪‣◦][ \t]*`), or None.
fn bullet(text: &str) -> Option<usize> {
    let rest = text.trim_start_matches(markup_pad);
    let after = rest.strip_prefix(|c: char| BULLETS.contains(c))?;
    let after = after.trim_start_matches([' ', '\t']);
    Some(text.len() - after.len())
}

/// The byte offset after an indent (`^[\s<invisible>]{2,}(?=\S)`), or None.
fn indent(text: &str) -> Option<usize> {
    let pad: Vec<(usize, char)> = text
        .char_indices()
        .take_while(|&(_, c)| markup_pad(c))
        .collect();
    let end = pad.last().map_or(0, |&(i, c)| i + c.len_utf8());
    if end < text.len() {
        return (pad.len() >= 2).then_some(end);
    }
    // The whole line is padding: the regex gives back characters until an invisible one follows.
    (2..pad.len())
        .rev()
        .find(|&k| !is_space(pad[k].1))
        .map(|k| pad[k].0)
}

/// The code-point offset after a bullet, or None.
pub fn bullet_end(text: &str) -> Option<usize> {
    bullet(text).map(|b| chars_before(text, b))
}

/// The code-point offset after an indent, or None.
pub fn indent_end(text: &str) -> Option<usize> {
    indent(text).map(|b| chars_before(text, b))
}

fn stripped_empty(line: &str) -> bool {
    line.trim_matches(is_space).is_empty()
}

fn marked(line: &str) -> bool {
    bullet(line).is_some() || indent(line).is_some()
}

/// From the first bullet on, at least 80% of the non-blank lines are bulleted or indented.
fn bulleted_matches(lines: &[&str]) -> bool {
    let Some(first) = lines.iter().position(|l| bullet(l).is_some()) else {
        return false;
    };
    let body: Vec<&&str> = lines[first..]
        .iter()
        .filter(|l| !stripped_empty(l))
        .collect();
    let marked = body.iter().filter(|l| marked(l)).count();
    marked * 5 >= body.len() * 4
}

/// A header line (`crate::header::looks_like_header`: the folded shape, the operator's names
/// of `crate::header::OPERATOR_NAMES`) followed by its copy (`is_header_copy`), as the speaker
/// rules read a header written in both slots.
fn doubled_header(lines: &[&str]) -> bool {
    let shown: Vec<&str> = lines
        .iter()
        .filter(|l| !is_blank(l))
        .map(|l| l.trim_matches(is_space))
        .collect();
    shown
        .windows(2)
        .any(|w| looks_like_header(w[0]) && is_header_copy(w[0], w[1]))
}

/// Some lines are English-only, and some (not front matter) are Chinese, or a header is
/// written twice.
fn plain_matches(lines: &[&str]) -> bool {
    let (mut english, mut chinese) = (false, false);
    for line in lines {
        if is_blank(line) {
            continue;
        }
        if !has_cjk(line) {
            english = true;
        } else if !chinese && front_kind(line).is_none() {
            chinese = true;
        }
        if english && chinese {
            return true;
        }
    }
    english && doubled_header(lines)
}

/// Whether the lines are written in the named layout.
pub fn matches(layout: &str, lines: &[&str]) -> bool {
    match layout {
        "bulleted" => bulleted_matches(lines),
        _ => plain_matches(lines),
    }
}

/// The first layout whose test accepts the lines.
pub fn detect(lines: &[&str]) -> Option<&'static str> {
    LAYOUTS.into_iter().find(|layout| matches(layout, lines))
}

fn bulleted_split<'a>(lines: &[&'a str]) -> Split<'a> {
    let (mut front, mut body, mut blank) = (vec![], vec![], vec![]);
    for (k, &text) in lines.iter().enumerate() {
        let number = k + 1;
        let mark = bullet(text);
        let rest = &text[mark.unwrap_or(0)..];
        if is_blank(rest) {
            blank.push(number);
        } else if body.is_empty() && mark.is_none() {
            front.push((number, text, front_kind(text).unwrap_or("other")));
        } else if mark.is_some() {
            body.push((number, rest, Some("en")));
        } else if let Some(end) = indent(text) {
            body.push((number, &text[end..], Some("zh")));
        } else {
            body.push((number, text, None));
        }
    }
    (front, body, blank)
}

fn plain_split<'a>(lines: &[&'a str]) -> Split<'a> {
    let (mut front, mut body, mut blank) = (vec![], vec![], vec![]);
    for (k, &text) in lines.iter().enumerate() {
        let number = k + 1;
        if is_blank(text) {
            blank.push(number);
            continue;
        }
        match if body.is_empty() {
            front_kind(text)
        } else {
            None
        } {
            Some(kind) => front.push((number, text, kind)),
            None => body.push((number, text, None)),
        }
    }
    (front, body, blank)
}

/// The front matter, body lines and blank line numbers of the lines, in the named layout.
pub fn split<'a>(layout: &str, lines: &[&'a str]) -> Split<'a> {
    match layout {
        "bulleted" => bulleted_split(lines),
        _ => plain_split(lines),
    }
}

/// A web page or XML saved as text: a share of its non-blank lines start with a tag.
pub fn refuse_markup(lines: &[&str]) -> Result<(), Problem> {
    let text: Vec<&&str> = lines.iter().filter(|l| !stripped_empty(l)).collect();
    let tagged = text.iter().filter(|l| markup_line(l)).count();
    if !text.is_empty() && tagged as f64 / text.len() as f64 >= MARKUP_SHARE {
        return Err(Problem::Markup {
            tagged,
            lines: text.len(),
        });
    }
    Ok(())
}

/// The first line of a run of more than `MAX_PLAIN_RUN` unmarked lines after line `first`.
fn plain_run(lines: &[&str], first: usize) -> Option<usize> {
    let mut run: Vec<usize> = vec![];
    for (k, line) in lines.iter().enumerate().skip(first) {
        if stripped_empty(line) {
            continue;
        }
        if marked(line) {
            run.clear();
        } else {
            run.push(k + 1);
        }
        if run.len() > MAX_PLAIN_RUN {
            return Some(run[0]);
        }
    }
    None
}

/// A file that changes layout part-way: plain, then bulleted, or the reverse.
pub fn refuse_mixed_layout(lines: &[&str]) -> Result<(), Problem> {
    let bullets: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| bullet(l).is_some())
        .map(|(k, _)| k + 1)
        .collect();
    if bullets.len() < MIN_BULLETS {
        return Ok(());
    }
    let first = bullets[0];
    let before: Vec<usize> = lines[..first - 1]
        .iter()
        .enumerate()
        .filter(|(_, l)| !stripped_empty(l) && front_kind(l).is_none())
        .map(|(k, _)| k + 1)
        .collect();
    let at = if before.len() > MAX_PLAIN_RUN {
        Some(before[0])
    } else {
        plain_run(lines, first)
    };
    match at {
        Some(at) => Err(Problem::Mixed { first, at }),
        None => Ok(()),
    }
}

/// A raw file parsed: its layout, number of lines, and split.
pub struct Parsed<'a> {
    pub layout: &'static str,
    pub num_lines: usize,
    pub split: Split<'a>,
}

/// Mark a decoded text's lines: markup and mixed layouts refused first, then the layout
/// detected and the lines split by it.
pub fn parse_text(text: &str) -> Result<Parsed<'_>, Problem> {
    let lines = lines(text);
    refuse_markup(&lines)?;
    refuse_mixed_layout(&lines)?;
    let layout = detect(&lines).ok_or(Problem::NoLayout)?;
    Ok(Parsed {
        layout,
        num_lines: lines.len(),
        split: split(layout, &lines),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        assert_eq!(bullet_end("  • x"), Some(4));
        assert_eq!(bullet_end("\u{200b}•\tx"), Some(3));
        assert_eq!(indent_end("    營"), Some(4));
        assert_eq!(indent_end(" 營"), None);
        assert_eq!(indent_end("  \u{200b}"), Some(2));
        assert_eq!(indent_end("   "), None);
    }

    #[test]
    fn layouts() {
        let plain = ["Operator", "Operator", "Hello.", "您好。"];
        assert_eq!(detect(&plain), Some("plain"));
        let (front, body, blank) = split("plain", &plain);
        assert!(front.is_empty() && blank.is_empty() && body.len() == 4);
        let english = [
            "Operator",
            "Operator",
            "Hello.",
            "Ted Durbin - CFO",
            "Ted Durbin - CFO",
        ];
        assert_eq!(detect(&english), Some("plain"));
        assert_eq!(
            refuse_markup(&["<p>", "a"]),
            Err(Problem::Markup {
                tagged: 1,
                lines: 2
            })
        );
    }

    #[test]
    fn headers_written_twice_are_read_as_the_speaker_rules_read_them() {
        // No Chinese line: the plain layout is known by a header written twice, in any of the
        // forms the speaker rules read (crate::header), an em dash or a look-alike letter included.
        let em_dash = [
            "Ted Durbin — Head of Investor Relations",
            "Ted Durbin — Head of Investor Relations",
            "Thank you, operator.",
        ];
        let look_alike = ["\u{041e}perator", "\u{041e}perator", "Good morning."];
        let another_dash = ["Ted Durbin – CFO", "Ted Durbin - CFO", "Thank you."];
        let another_title = [
            "Ted Durbin - CFO",
            "Ted Durbin - Chief Financial Officer",
            "Thanks.",
        ];
        for lines in [
            &em_dash[..],
            &look_alike[..],
            &another_dash[..],
            &another_title[..],
        ] {
            assert_eq!(detect(lines), Some("plain"), "{lines:?}");
        }
        // Lines written twice that are no header: a sentence with a dash, a bare name, a short
        // untranslated line; and a header followed by another's.
        for lines in [
            &["Revenue grew - a lot.", "Revenue grew - a lot.", "x"][..],
            &["Ted Durbin", "Ted Durbin", "Hello."][..],
            &["Thank You", "Thank You", "Hello."][..],
            &["Ted Durbin - CFO", "Eyal Hen - CFO", "Hello."][..],
        ] {
            assert_eq!(detect(lines), None, "{lines:?}");
        }
    }
}
