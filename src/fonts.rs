//! The fonts built into rsr, the only ones a document is set in (no system
//! fonts, so the same data gives the same PDF on every machine), and which
//! characters they can show. Under PDF/A a character no font has a glyph
//! for is an error, not a blank box, so `rsr check` asks `covers` first
//! and locates the character in the YAML (rule `glyph-missing`).
//!
//! **Architecture invariant:** a leaf: bytes and characters in, answers out.

use std::sync::OnceLock;

use typst::text::{Coverage, FontInfo};

/// Every font a document may use, in the order the templates name them:
///
/// - Carlito (metric compatible with Calibri, the face of the Word
///   templates secretaries know) for all text;
/// - Noto Sans, the fallback for the Latin, Greek and Cyrillic letters
///   Carlito lacks (Sami ŧ, Vietnamese);
/// - Noto Sans Arabic (Arabic, Persian, Sorani Kurdish), Hebrew, Ethiopic
///   (Tigrinya, Amharic) and Thai: the scripts beside Latin that names,
///   addresses and titles in a Swedish municipality's documents meet;
/// - Noto Sans Symbols and Symbols 2 for symbols such as ✓, ☐ and ☕, and
///   Noto Emoji, the monochrome emoji (a document is black on white, and
///   PDF/A wants no colour fonts).
///
/// CJK is left out: Noto Sans CJK is about 16 MB a weight, more than all
/// of the rest together; `rsr check` names such a character instead.
/// Each is under the SIL Open Font License (fonts/*-LICENSE.txt).
pub static FONTS: [&[u8]; 18] = [
    include_bytes!("../fonts/Carlito-Regular.ttf"),
    include_bytes!("../fonts/Carlito-Bold.ttf"),
    include_bytes!("../fonts/Carlito-Italic.ttf"),
    include_bytes!("../fonts/Carlito-BoldItalic.ttf"),
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Bold.ttf"),
    include_bytes!("../fonts/NotoSansHebrew-Regular.ttf"),
    include_bytes!("../fonts/NotoSansHebrew-Bold.ttf"),
    include_bytes!("../fonts/NotoSansEthiopic-Regular.ttf"),
    include_bytes!("../fonts/NotoSansEthiopic-Bold.ttf"),
    include_bytes!("../fonts/NotoSansThai-Regular.ttf"),
    include_bytes!("../fonts/NotoSansThai-Bold.ttf"),
    include_bytes!("../fonts/NotoSansSymbols-Regular.ttf"),
    include_bytes!("../fonts/NotoSansSymbols2-Regular.ttf"),
    include_bytes!("../fonts/NotoEmoji-Regular.ttf"),
];

/// Whether a character is shown without a glyph of its own: the line
/// breaks and tab, and Unicode's default-ignorable characters (joiners,
/// direction marks, variation selectors, the soft hyphen, the zero-width
/// space), which a text shaper uses and draws nothing for.
pub fn needs_no_glyph(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r'
            | '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Whether some shipped font has a glyph for `c`, or `c` needs none.
pub fn covers(c: char) -> bool {
    // Every letter of a Swedish text is asked about: those of the first
    // planes' most used blocks are looked up in a table.
    common(c as usize).unwrap_or_else(|| covered(c))
}

/// `covers`, asked of the fonts themselves.
fn covered(c: char) -> bool {
    if c.is_ascii() && !c.is_ascii_control() {
        return true;
    }
    if needs_no_glyph(c) {
        return true;
    }
    // A font may map a control character to an empty glyph; no document
    // shows one.
    if c.is_control() {
        return false;
    }
    coverage()
        .iter()
        .any(|coverage| coverage.contains(c as u32))
}

/// The characters below this are looked up in a table (`common`): Latin,
/// Greek, Cyrillic and the punctuation and symbols of U+2000–U+2BFF.
const COMMON_BELOW: usize = 0x2C00;

/// The table is made a block of this many characters at a time, the first
/// time one of them is asked about: a Swedish text needs two or three of
/// its 44 blocks, and asking the fonts of every character below the bound
/// cost each run of rsr some 7 ms.
const BLOCK: usize = 256;

/// `covered` of the character `n`, where it is below `COMMON_BELOW`: from
/// a table of its block, made once.
fn common(n: usize) -> Option<bool> {
    static TABLE: [OnceLock<[bool; BLOCK]>; COMMON_BELOW / BLOCK] =
        [const { OnceLock::new() }; COMMON_BELOW / BLOCK];
    let block = TABLE.get(n / BLOCK)?.get_or_init(|| {
        let first = (n - n % BLOCK) as u32;
        std::array::from_fn(|i| char::from_u32(first + i as u32).is_some_and(covered))
    });
    Some(block[n % BLOCK])
}

/// What each shipped font covers, read from its character map once.
fn coverage() -> &'static [Coverage] {
    static COVERAGE: OnceLock<Vec<Coverage>> = OnceLock::new();
    COVERAGE.get_or_init(|| {
        FONTS
            .iter()
            .flat_map(|data| FontInfo::iter(data))
            .map(|info| info.coverage)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scripts_a_swedish_body_meets_are_covered() {
        let texts = [
            "Nämnden godkänner budgeten – § 12, 1 500 €, ½, №",
            "Sámi: Áŋŋel Đáhkká ŧ š ž",
            "Ελληνικά Русский",
            "العربية فارسی کوردی",
            "עברית",
            "ትግርኛ አማርኛ",
            "ภาษาไทย",
            "✓ ☐ → ≥ ☕",
            "😀 👍🏽 ❤️ 👩‍👩‍👧",
            "a\u{200d}b\u{feff}c\u{ad}d\u{200b}e\u{200e}",
        ];
        for text in texts {
            for c in text.chars() {
                assert!(covers(c), "U+{:04X} in {text}", c as u32);
            }
        }
    }

    #[test]
    fn the_table_of_common_characters_says_what_the_fonts_say() {
        // Asked in an order that makes each block from a character
        // within it, not its first.
        for n in (0..COMMON_BELOW as u32).rev() {
            let Some(c) = char::from_u32(n) else { continue };
            assert_eq!(common(n as usize), Some(covered(c)), "U+{n:04X}");
        }
        assert_eq!(common(COMMON_BELOW), None);
        // A character the fonts lack below the bound: U+0378 is unassigned.
        assert!(!covers('\u{378}'));
    }

    #[test]
    fn what_no_font_shows_is_known() {
        for c in ['中', '文', '한', 'ह', '\u{e000}', '\u{7}'] {
            assert!(!covers(c), "U+{:04X}", c as u32);
        }
    }
}
