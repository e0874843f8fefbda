//! A text by code points, as Python indexes a `str`: its characters in one vector
//! (`code_points`), or its byte offset of each code point for slicing (`Text`). The scanners
//! of numbers, sentences and meanings read texts this way.

/// The characters of a text, in a vector made at its final size (collecting `chars()` grows
/// it two or three times).
pub fn code_points(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.chars().count());
    chars.extend(text.chars());
    chars
}

/// A text with the byte offset of every code point, for slicing by Python indices; an ASCII
/// text, whose indices are its offsets, keeps no table.
pub struct Text<'a> {
    pub text: &'a str,
    /// The byte offset of each code point and of the end; empty for an ASCII text.
    bytes: Vec<usize>,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut bytes = Vec::new();
        if !text.is_ascii() {
            bytes.reserve_exact(text.chars().count() + 1);
            bytes.extend(text.char_indices().map(|(b, _)| b));
            bytes.push(text.len());
        }
        Text { text, bytes }
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, (start, end): (usize, usize)) -> &'a str {
        if self.bytes.is_empty() {
            &self.text[start..end]
        } else {
            &self.text[self.bytes[start]..self.bytes[end]]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_code_points() {
        let text = Text::new("營收 grew 𠀀 12%");
        assert_eq!(text.slice((0, 2)), "營收");
        assert_eq!(text.slice((3, 7)), "grew");
        assert_eq!(text.slice((8, 9)), "𠀀");
        assert_eq!(text.slice((10, 13)), "12%");
        let ascii = Text::new("Revenue grew.");
        assert_eq!((ascii.slice((8, 13)), ascii.slice((0, 0))), ("grew.", ""));
        assert_eq!(Text::new("").slice((0, 0)), "");
    }

    #[test]
    fn code_points_in_order() {
        assert_eq!(code_points("a營𠀀"), vec!['a', '營', '𠀀']);
        assert!(code_points("").is_empty());
    }
}
