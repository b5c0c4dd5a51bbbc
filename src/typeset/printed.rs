//! The printed words of a typeset document, as a reader sees them: what
//! the seal of an adjusted protokoll holds beside its data, so that a
//! template, a font or another rsr that changes a word of it is found,
//! while one that changes only its layout is not.
//!
//! The text is every character Typst set, in the order of its layout,
//! without what is not the document's content:
//!
//! - whitespace and soft hyphens, so that where lines break and words are
//!   hyphenated does not count (nor does "a b" against "ab");
//! - artifacts: page headers and footers, page numbers, backgrounds (which
//!   PDF/UA marks as not content, and which move with the layout);
//! - the table of contents, whose page numbers move with the layout and
//!   whose words are the headings printed again;
//! - text that cannot be seen: transparent or white, or under 1 pt.
//!
//! Images do not count: the logo is presentation, which a body may add or
//! change without touching an adjusted protokoll. A word replaced by a
//! picture of another is still found, by the word that is gone.

use typst::introspection::{Location, Tag};
use typst::layout::{Abs, Frame, FrameItem};
use typst::model::OutlineElem;
use typst::pdf::ArtifactElem;
use typst::visualize::Paint;
use typst_layout::PagedDocument;

/// The printed text of `document` (see the module's comment).
pub fn text(document: &PagedDocument) -> String {
    let mut walk = Walk::default();
    for page in document.pages() {
        walk.frame(&page.frame);
    }
    walk.text
}

/// SHA-256 of the printed text (UTF-8), as the lock records it.
pub fn hash(document: &PagedDocument) -> String {
    crate::output::manifest::sha256(text(document).as_bytes())
}

#[derive(Default)]
struct Walk {
    text: String,
    /// The elements being skipped, by the location their end tag names.
    skipping: Vec<Location>,
}

impl Walk {
    fn frame(&mut self, frame: &Frame) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => self.frame(&group.frame),
                FrameItem::Tag(Tag::Start(content, _))
                    if content.is::<ArtifactElem>() || content.is::<OutlineElem>() =>
                {
                    self.skipping.extend(content.location());
                }
                FrameItem::Tag(Tag::End(location, ..))
                    if self.skipping.last() == Some(location) =>
                {
                    self.skipping.pop();
                }
                FrameItem::Tag(_) => {}
                _ if !self.skipping.is_empty() => {}
                FrameItem::Text(text) if visible(&text.fill, text.size) => {
                    self.text.extend(
                        text.text
                            .chars()
                            .filter(|c| !c.is_whitespace() && *c != '\u{ad}'),
                    );
                }
                _ => {}
            }
        }
    }
}

/// Whether text of this colour and size can be read on a white page.
fn visible(fill: &Paint, size: Abs) -> bool {
    if size < Abs::pt(1.0) {
        return false;
    }
    match fill {
        Paint::Solid(color) => {
            let [r, g, b, a] = color.to_vec4_u8();
            a > 0 && !(r >= 250 && g >= 250 && b >= 250)
        }
        _ => true,
    }
}
