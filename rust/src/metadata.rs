//! Call metadata the core decides: the script of a call's translations. Python API:
//! `builder/structure/metadata.py`.

use crate::simplified;

/// `traditional`, `simplified` (most translations hold Simplified-only characters), `mixed`,
/// or None when nothing is translated (no text given).
pub fn translation_script<'a>(
    translations: impl IntoIterator<Item = &'a str>,
) -> Option<&'static str> {
    let (mut translated, mut simplified) = (0usize, 0usize);
    for text in translations {
        translated += 1;
        if !text.is_ascii() && text.chars().any(simplified::is_simplified) {
            simplified += 1;
        }
    }
    match (translated, simplified) {
        (0, _) => None,
        (_, 0) => Some("traditional"),
        _ if simplified * 2 > translated => Some("simplified"),
        _ => Some("mixed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_is_decided_by_the_share_of_translations_with_simplified_only_characters() {
        assert_eq!(translation_script([]), None);
        assert_eq!(translation_script(["營收成長", "ok"]), Some("traditional"));
        assert_eq!(translation_script(["营收", "營收"]), Some("mixed"));
        assert_eq!(
            translation_script(["营收", "营收", "營收"]),
            Some("simplified")
        );
    }
}
