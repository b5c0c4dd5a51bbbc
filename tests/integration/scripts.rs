//! What a document can hold: every script the shipped fonts cover builds
//! into a valid PDF and reads back; a character no font has is a located
//! `glyph-missing` finding of `rsr check`, so that no build that check
//! passed fails on it.

use crate::support::{Repo, pdf_text};

const ITEM: &str = "meetings/kn/2026-03-02/02-budget.yaml";

/// The minimal repository with its meeting held and not yet adjusted, and
/// `title` as the item's rubrik.
fn with_title(title: &str) -> Repo {
    let repo = Repo::minimal_held();
    repo.edit(ITEM, "rubrik: Budget 2026", &format!("rubrik: \"{title}\""));
    repo
}

#[test]
fn every_script_the_fonts_cover_prints_and_reads_back() {
    let title = "Besök: Áŋŋel Đáhkká, Ελένη, Ольга, فاطمة, کوردی, עברית, ትግርኛ, ภาษาไทย ✓ ☐ → ≥ € ½ ☕ 😀 ❤️";
    let repo = with_title(title);
    repo.rsr(&["check", "--deny-warnings"]).success();
    // Every PDF made is validated as PDF/UA-1 and PDF/A (Repo::rsr).
    repo.rsr(&["build"]).success();
    let text = pdf_text(&repo.path().join("out/kn/2026-03-02-protokoll.pdf"), None);
    for word in ["Áŋŋel", "Ελένη", "Ольга", "ትግርኛ", "✓", "☕", "😀"] {
        assert!(text.contains(word), "{word} not in:\n{text}");
    }
    // Right-to-left words read back in their order.
    for word in ["فاطمة", "עברית"] {
        let reversed: String = word.chars().rev().collect();
        assert!(
            text.contains(word) || text.contains(&reversed),
            "{word} not in:\n{text}"
        );
    }
}

#[test]
fn a_character_no_font_has_is_found_at_its_place_before_the_build() {
    let repo = with_title("Besök från Wuhan 武汉");
    let run = repo.rsr(&["check"]).failure();
    let err = run.stderr();
    assert!(err.contains("error[glyph-missing]"), "{err}");
    assert!(err.contains("U+6B66 CJK UNIFIED IDEOGRAPH-6B66"), "{err}");
    assert!(err.contains(&format!("{ITEM}:1:27")), "{err}");
    // The build stops on it too, before typesetting, with the same place.
    let run = repo.rsr(&["build"]).failure();
    assert!(run.stderr().contains("glyph-missing"), "{}", run.stderr());
    assert!(!repo.path().join("out/kn/2026-03-02-protokoll.pdf").exists());
}
