//! A text by code points, as Python indexes a `str`: its characters in one vector
//! (`code_points`), or the byte offsets of spans given in code points (`byte_spans`). The
//! scanners of numbers, sentences and meanings read texts this way.

use std::iter;

/// The characters of a text, in a vector made at its final size (collecting `chars()` grows
/// it two or three times).
pub fn code_points(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.chars().count());
    chars.extend(text.chars());
    chars
}

/// The byte offsets of `spans`, code-point offsets into `text` in order and not overlapping:
/// found in one pass over the text (an ASCII text's are the same), with no table of every
/// code point.
pub fn byte_spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        return spans.to_vec();
    }
    let mut offsets = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(iter::once(text.len()));
    // `next`: the code point whose offset `offsets` gives next; `last`: the one before it's.
    let (mut next, mut last) = (0, 0);
    let mut byte = |point: usize| {
        if point + 1 != next {
            last = offsets.nth(point - next).expect("a span within the text");
            next = point + 1;
        }
        last
    };
    spans
        .iter()
        .map(|&(start, end)| (byte(start), byte(end)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_bytes_as_a_table_of_every_code_point_gives_them() {
        for text in ["營收 grew 𠀀 12%", "Revenue grew.", "一。二。三", "", "a"] {
            let mut table: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            table.push(text.len());
            let n = table.len() - 1;
            // Every way to cut the text into spans, adjacent or apart, the first few of each.
            for cut in 0..(1usize << n.min(10)) {
                let points: Vec<usize> =
                    (0..=n).filter(|&k| k == n || cut & (1 << k) != 0).collect();
                let spans: Vec<(usize, usize)> = points.windows(2).map(|w| (w[0], w[1])).collect();
                let gapped: Vec<(usize, usize)> = spans
                    .iter()
                    .filter(|(a, b)| b - a > 1)
                    .map(|&(a, b)| (a + 1, b))
                    .collect();
                for spans in [spans, gapped] {
                    let expected: Vec<(usize, usize)> =
                        spans.iter().map(|&(a, b)| (table[a], table[b])).collect();
                    assert_eq!(byte_spans(text, &spans), expected, "{text:?} {spans:?}");
                }
            }
        }
    }

    #[test]
    fn code_points_in_order() {
        assert_eq!(code_points("a營𠀀"), vec!['a', '營', '𠀀']);
        assert!(code_points("").is_empty());
    }
}
