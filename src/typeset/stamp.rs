//! The appearance of a visible signature: a one-page PDF the size of the
//! area above a signature line, typeset by Typst with the documents' own
//! fonts, which `rsr signera` places in the signature field as a form
//! XObject. The signer's name and the time are data (JSON), never Typst
//! code.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use super::Renderer;

static MAIN: LazyLock<FileId> = LazyLock::new(|| super::virtual_file("/stamp.typ"));
static DATA: LazyLock<FileId> = LazyLock::new(|| super::virtual_file("/data.json"));

/// The stamp: the signer's name, and under it that the signature is
/// electronic and when it was made, set small at the foot of the area, in
/// the protokoll's typeface.
const SOURCE: &str = r##"#let data = json("/data.json")
#set page(width: data.width * 1pt, height: data.height * 1pt, margin: (bottom: 3pt, rest: 0pt))
#set text(font: ("Carlito", "Noto Sans"), size: 8pt, fill: rgb("#1f3a68"), lang: "sv")
#set par(leading: 0.35em)
#align(bottom + left)[
  #text(weight: "bold", data.name) \
  Elektroniskt signerat #data.time
]
"##;

/// A visible signature's appearance, `width` × `height` points: the
/// signer's name and the time (`2026-12-04 13.05`). A PDF of one page,
/// untagged: an appearance stream is not part of the document's structure,
/// which has the field's own description.
pub fn appearance(
    renderer: &Renderer,
    name: &str,
    time: &str,
    width: f64,
    height: f64,
) -> Result<Vec<u8>, String> {
    let data = serde_json::json!({
        "name": name,
        "time": time,
        "width": width,
        "height": height,
    });
    let document = compile(renderer, &data)?;
    let options = PdfOptions {
        tagged: false,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| messages(&errors))
}

fn compile(renderer: &Renderer, data: &serde_json::Value) -> Result<PagedDocument, String> {
    let world = StampWorld {
        renderer,
        source: Source::new(*MAIN, SOURCE.to_string()),
        data: Bytes::new(data.to_string().into_bytes()),
    };
    typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| messages(&errors))
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

struct StampWorld<'a> {
    renderer: &'a Renderer,
    source: Source,
    data: Bytes,
}

impl World for StampWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.renderer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.renderer.fonts.book()
    }

    fn main(&self) -> FileId {
        *MAIN
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(
                id.get().vpath().get_with_slash().into(),
            ))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.renderer.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_printed_as_it_is_never_run_as_typst() {
        let dir = tempfile::tempdir().unwrap();
        let files = std::sync::Arc::new(crate::repo::store::Store::new(dir.path()));
        let renderer = Renderer::new(files).unwrap();
        let hostile = r#"Eva #panic("x") ] [ *fet* $x$ <l> @ref \ Sekreterare"#;
        let data = serde_json::json!({
            "name": hostile,
            "time": "2026-12-04 13.05",
            "width": 150.0,
            "height": 26.0,
        });
        let document = compile(&renderer, &data).unwrap();
        let printed = crate::typeset::printed::text(&document);
        let expected: String = format!("{hostile}Elektronisktsignerat2026-12-0413.05")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert_eq!(printed, expected);
        assert_eq!(document.pages().len(), 1);
        let pdf = appearance(&renderer, hostile, "2026-12-04 13.05", 150.0, 26.0).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
