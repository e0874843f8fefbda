//! A text by code points, as Python indexes a `str`: its characters in one vector
//! (`code_points`), or the byte offsets of spans given in code points (`byte_spans`). The
//! scanners of numbers, sentences and meanings read texts this way; a few bytes are looked for
//! eight at a time (`find_byte`).

use std::iter;

/// The characters of a text, in a vector made once (collecting `chars()` grows it two or three
/// times) at a size the text cannot exceed (its bytes: counting its characters first would
/// read it twice); an ASCII text's bytes are widened as they are.
pub fn code_points(text: &str) -> Vec<char> {
    if text.is_ascii() {
        return text.bytes().map(char::from).collect();
    }
    let mut chars = Vec::with_capacity(text.len());
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

/// Eight bytes at once: a word with every byte set to `byte`, and the high bit of each.
const fn each(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}
const HIGH: u64 = each(0x80);

/// The high bit of (at least) each byte of `word` below `bound` (at most 0x80); of others only
/// above one that is.
pub fn bytes_below(word: u64, bound: u8) -> u64 {
    word.wrapping_sub(each(bound)) & !word & HIGH
}

/// The high bit of (at least) each byte of `word` equal to `byte`; of others only above one
/// that is.
pub fn bytes_equal(word: u64, byte: u8) -> u64 {
    bytes_below(word ^ each(byte), 1)
}

/// Where the first byte that `wanted` takes stands, looked for eight bytes at a time: `marks`
/// sets a high bit in each byte of a word that `wanted` takes (built from `bytes_below` and
/// `bytes_equal`, it never misses one), so a word with none is passed over whole.
pub fn find_byte(
    bytes: &[u8],
    marks: impl Fn(u64) -> u64,
    wanted: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    for (k, chunk) in (&mut words).enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if marks(word) != 0 {
            if let Some(at) = chunk.iter().position(|&b| wanted(b)) {
                return Some(8 * k + at);
            }
        }
    }
    let tail = bytes.len() - words.remainder().len();
    let found = words.remainder().iter().position(|&b| wanted(b));
    found.map(|at| tail + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_found_wherever_they_stand() {
        let marks = |w| bytes_below(w, 0x20) | bytes_equal(w, b'"') | bytes_equal(w, b'.');
        let wanted = |b: u8| b < 0x20 || b == b'"' || b == b'.';
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..50_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let len = (state >> 58) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|k| {
                    let b = (state >> (k % 7 * 8)) as u8 ^ (k as u8).wrapping_mul(37);
                    if b.is_multiple_of(5) {
                        b
                    } else {
                        b | 0x20
                    }
                })
                .collect();
            let naive = bytes.iter().position(|&b| wanted(b));
            assert_eq!(find_byte(&bytes, marks, wanted), naive, "{bytes:?}");
        }
    }

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
