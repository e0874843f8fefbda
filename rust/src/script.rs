//! Which characters are Han ideographs: the one list of ranges, read by the line rules, the
//! Chinese sentence ends, the Chinese length, the `untranslated` test and the Chinese aliases
//! of speaker headers.

/// Han ideographs: BMP, extension A, compatibility ideographs, supplementary planes.
pub const HAN_RANGES: &[(char, char)] = &[
    ('\u{3400}', '\u{4dbf}'),
    ('\u{4e00}', '\u{9fff}'),
    ('\u{f900}', '\u{faff}'),
    ('\u{20000}', '\u{3134f}'),
];

/// Whether a character is a Han ideograph.
pub fn is_han(c: char) -> bool {
    HAN_RANGES.iter().any(|&(low, high)| low <= c && c <= high)
}

/// Whether a text holds at least one Han ideograph.
pub fn has_han(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_not_han() {
        assert!(is_han('營') && is_han('\u{20000}') && is_han('\u{f900}'));
        assert!(!is_han('。') && !is_han('a') && !is_han('\u{3000}'));
        assert!(has_han("Rekor 營收") && !has_han("Rekor") && !has_han("，。"));
    }
}
