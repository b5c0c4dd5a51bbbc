//! Typesetting: an in-memory Typst World (embedded fonts, the templates, one
//! virtual JSON file with the document's data) compiled to PDF. Nothing here
//! reads the disk itself: the templates a repository overrides and the
//! attachments come through the file store (`repo::store`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::LazyLock;

use chrono::Datelike;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::diagnostics::{DiagnosticFormat, DiagnosticWorld, emit, termcolor};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub mod printed;
pub mod stamp;
pub mod worker;

use crate::docs::{Document, KINDS, Kind, LOGO_LIMIT};
use crate::error::Error;
use crate::lang::t;
use crate::repo::sandbox::Refused;
use crate::repo::store::Store;

/// The fonts every document may use, shipped in the binary (`crate::fonts`).
use crate::fonts::FONTS;

/// The built-in library every template imports; a repository's
/// `templates/lib.typ` replaces it, as `templates/<slug>.typ` replaces a
/// kind's own (`KindSpec::template`).
const LIB: (&str, &str) = ("lib", include_str!("../../templates/lib.typ"));

pub const TEMPLATES_DIR: &str = "templates";

// A fixed set of virtual paths whose contents change per document: Typst's
// file ids live for the whole process and are limited in number.
static MAIN: LazyLock<FileId> = LazyLock::new(|| virtual_file("/main.typ"));
static LIB_ID: LazyLock<FileId> = LazyLock::new(|| virtual_file("/lib.typ"));
static DATA: LazyLock<FileId> = LazyLock::new(|| virtual_file("/data.json"));
static LOGO_SVG: LazyLock<FileId> = LazyLock::new(|| virtual_file("/logotyp.svg"));
static LOGO_PNG: LazyLock<FileId> = LazyLock::new(|| virtual_file("/logotyp.png"));

fn virtual_file(path: &str) -> FileId {
    // The paths are constants, known to be valid.
    let path = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("valid virtual path {path}"));
    RootedPath::new(VirtualRoot::Project, path).intern()
}

/// A template, parsed once under its fixed virtual path, and where it came
/// from, for error messages.
#[derive(Debug, Clone)]
struct Template {
    source: Source,
    origin: String,
}

/// What every compilation shares: library, fonts and templates, loaded once.
pub struct Renderer {
    /// The repository's files: the templates it overrides, and the meeting
    /// folders that hold the documents' attachments.
    files: Arc<Store>,
    library: LazyHash<Library>,
    fonts: FontStore,
    lib: Template,
    kinds: Vec<(Kind, Template)>,
    /// Per kind, the hash of what every document of it is made with: rsr's
    /// version and build, the library and the kind's template. A
    /// fingerprint takes this instead of the templates' text, which would
    /// otherwise be hashed again for each of thousands of documents.
    made_with: Vec<(Kind, String)>,
}

/// A document's data and files, as the World serves them.
struct Inputs {
    data: Bytes,
    files: Vec<Bytes>,
    /// The logo's virtual path and bytes.
    logo: Option<(&'static str, Bytes)>,
}

/// A typeset document, as a worker process sends it back.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Rendered {
    /// The hash of what it was made from, for the build manifest.
    pub fingerprint: String,
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// SHA-256 of its printed text (`printed`): what the seal of an
    /// adjusted protokoll compares.
    pub printed: String,
    /// Where the document marks lines for visible signatures
    /// (`<rsr-underskrift>`): none but in a protokoll signed with
    /// `justering: {underskrift: synlig}`.
    pub places: Vec<SignaturePlace>,
    /// Time spent in Typst's layout and in its PDF export.
    pub layout: std::time::Duration,
    pub export: std::time::Duration,
}

pub use crate::output::manifest::SignaturePlace;

/// How high the area above a signature line is, in points: the space the
/// protokoll leaves to sign in.
const SIGNATURE_HEIGHT: f64 = 26.0;

/// The lines `document` marks for visible signatures, in the order of
/// the document.
fn signature_places(document: &PagedDocument) -> Vec<SignaturePlace> {
    use typst::foundations::{Dict, Label, Selector};
    use typst::introspection::{Introspector as _, MetadataElem};
    let Some(label) = Label::new(typst::utils::PicoStr::intern("rsr-underskrift")) else {
        return Vec::new();
    };
    let introspector = document.introspector();
    let round = |value: f64| (value * 100.0).round() as i64;
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|element| {
            let value = element.to_packed::<MetadataElem>()?.value.clone();
            let dict = value.cast::<Dict>().ok()?;
            let signer = dict.get("signer").ok()?.clone().cast::<i64>().ok()?;
            let width = dict.get("width").ok()?.clone().cast::<f64>().ok()?;
            let position = introspector.position(element.location()?)?;
            let page = position.page.get() - 1;
            let height = document.pages().get(page)?.frame.height().to_pt();
            let left = position.point.x.to_pt();
            let bottom = height - position.point.y.to_pt();
            Some(SignaturePlace {
                signer: usize::try_from(signer).ok()?,
                page,
                rect: [
                    round(left),
                    round(bottom),
                    round(left + width),
                    round(bottom + SIGNATURE_HEIGHT),
                ],
            })
        })
        .collect()
}

impl Renderer {
    /// Loads fonts and templates; templates in `<root>/templates/` win over
    /// the built-in ones.
    pub fn new(files: Arc<Store>) -> Result<Self, Error> {
        let root = files.root().to_path_buf();
        let template = |name: &str, id: FileId| read_template(&files, &root, name, id);
        let kinds = KINDS
            .iter()
            .map(|spec| Ok((spec.kind, template(spec.slug, *MAIN)?)))
            .collect::<Result<_, Error>>()?;
        let lib = template(LIB.0, *LIB_ID)?;
        Ok(Renderer::with_templates(files, lib, kinds))
    }

    fn with_templates(files: Arc<Store>, lib: Template, kinds: Vec<(Kind, Template)>) -> Self {
        let mut fonts = FontStore::new();
        for data in FONTS {
            for font in Font::iter(Bytes::new(data)) {
                let info = font.info().clone();
                fonts.push((font, info));
            }
        }
        let made_with = kinds
            .iter()
            .map(|(kind, template): &(Kind, Template)| {
                let parts: [&[u8]; 4] = [
                    env!("CARGO_PKG_VERSION").as_bytes(),
                    env!("RSR_BUILD_ID").as_bytes(),
                    lib.source.text().as_bytes(),
                    template.source.text().as_bytes(),
                ];
                (*kind, crate::output::manifest::hash(&parts))
            })
            .collect();
        Renderer {
            files,
            library: LazyHash::new(Library::default()),
            fonts,
            lib,
            kinds,
            made_with,
        }
    }

    /// What a worker process needs to make this renderer again: the
    /// templates as read here, so that both typeset with the same.
    pub fn setup(&self, memory: u64) -> worker::Setup {
        let text =
            |template: &Template| (template.source.text().to_string(), template.origin.clone());
        worker::Setup {
            build: env!("RSR_BUILD_ID").to_string(),
            root: self.files.root().to_path_buf(),
            lang: crate::lang::current().tag().to_string(),
            parent: std::process::id(),
            lib: text(&self.lib),
            kinds: self
                .kinds
                .iter()
                .map(|(kind, template)| {
                    let (text, origin) = text(template);
                    (*kind, text, origin)
                })
                .collect(),
            memory,
        }
    }

    /// The renderer a worker process's `setup` describes.
    pub fn from_setup(setup: &worker::Setup) -> Self {
        let template = |(text, origin): &(String, String), id: FileId| Template {
            source: Source::new(id, text.clone()),
            origin: origin.clone(),
        };
        let kinds = setup
            .kinds
            .iter()
            .map(|(kind, text, origin)| (*kind, template(&(text.clone(), origin.clone()), *MAIN)))
            .collect();
        let lib = template(&setup.lib, *LIB_ID);
        Renderer::with_templates(Arc::new(Store::new(&setup.root)), lib, kinds)
    }

    /// The template that typesets this kind of document.
    fn template(&self, kind: Kind) -> &Template {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&self.lib, |(_, template)| template)
    }

    /// What a document is made from besides the templates, read once
    /// through `files`: its data as JSON and its files from the meeting
    /// folder.
    fn inputs(files: &Store, document: &Document) -> Result<Inputs, Error> {
        let read = |file: &PathBuf, limit: u64| {
            files
                .read(file, limit)
                .map_err(|refused| match refused {
                    // Not there: the repository's data names a file it
                    // does not hold.
                    Refused::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        Error::Repository(format!("{}: {e}", file.display()))
                    }
                    Refused::Io(e) => Error::io(file, e),
                    refused => Error::Repository(t!(
                        "cmd-cannot-read",
                        file = file,
                        reason = refused.to_string()
                    )),
                })
                .map(Bytes::new)
        };
        let files = document
            .files
            .iter()
            .map(|file| read(file, crate::docs::ATTACHMENT_LIMIT))
            .collect::<Result<_, Error>>()?;
        let logo = match &document.logo {
            Some(file) => {
                let path = crate::docs::logo_path(file)
                    .ok_or_else(|| Error::Repository(t!("cmd-logo-not-image", file = file)))?;
                Some((path, read(file, LOGO_LIMIT)?))
            }
            None => None,
        };
        Ok(Inputs {
            data: Bytes::new(document.data.clone()),
            files,
            logo,
        })
    }

    /// One hash of everything `document` is made from: rsr itself (its
    /// version, and the hash build.rs takes of its source, fonts and
    /// built-in templates), the templates as they are now, its identity,
    /// its data and its files (the logo too).
    /// `files` are the hashes of its files, which the store keeps: a file
    /// is hashed once however many documents carry it.
    fn hash(&self, document: &Document, files: &[String]) -> String {
        let issued = document.issued.to_string();
        let made_with = self
            .made_with
            .iter()
            .find(|(kind, _)| *kind == document.kind)
            .map_or("", |(_, hash)| hash.as_str());
        let mut parts: Vec<&[u8]> = vec![
            made_with.as_bytes(),
            document.ident.as_bytes(),
            issued.as_bytes(),
            &document.data,
        ];
        parts.extend(files.iter().map(String::as_bytes));
        crate::output::manifest::hash(&parts)
    }

    /// What the printed words of a protokoll depend on besides its data:
    /// the Typst version, the fonts, the library and protokoll templates
    /// this renderer uses, and the labels rsr prints unless a body sets
    /// its own. A sealed protokoll whose lock names the same environment
    /// prints the words it was sealed with, as long as its data is the
    /// same; under another it has to be typeset to tell.
    pub fn environment(&self) -> String {
        environment_hash(
            self.lib.source.text(),
            self.template(Kind::Protokoll).source.text(),
        )
    }

    /// `environment` without loading the fonts: what `rsr check` compares
    /// with a lock before it decides whether anything must be typeset.
    pub fn environment_of(files: &Store) -> Result<String, Error> {
        let root = files.root().to_path_buf();
        let lib = read_template(files, &root, LIB.0, *LIB_ID)?;
        let protokoll = read_template(files, &root, Kind::Protokoll.spec().slug, *MAIN)?;
        Ok(environment_hash(lib.source.text(), protokoll.source.text()))
    }
}

/// The hash `Renderer::environment` gives, of these templates' texts.
fn environment_hash(lib: &str, protokoll: &str) -> String {
    let version = typst::utils::version();
    let version = format!(
        "{}.{}.{}",
        version.major(),
        version.minor(),
        version.patch()
    );
    let fonts: Vec<String> = crate::fonts::FONTS
        .iter()
        .map(|font| font.len().to_string())
        .collect();
    let fonts = fonts.join(",");
    let labels: Vec<String> = crate::repo::labels::Labels::DEFAULTS
        .iter()
        .map(|(id, text)| format!("{id}={text}"))
        .collect();
    let labels = labels.join("\n");
    crate::output::manifest::hash(&[
        version.as_bytes(),
        fonts.as_bytes(),
        lib.as_bytes(),
        protokoll.as_bytes(),
        labels.as_bytes(),
    ])
}

/// The text of a repository's own template at `relative` (under
/// `templates/`), if it has one: read through the sandbox, no larger than
/// `limit`, UTF-8.
pub fn own_template(
    files: &Store,
    root: &std::path::Path,
    relative: &std::path::Path,
    limit: u64,
) -> Result<Option<String>, Error> {
    if root.join(relative).symlink_metadata().is_err() {
        return Ok(None);
    }
    let bytes = files.read(relative, limit).map_err(|refused| {
        Error::Repository(t!(
            "cmd-template-unreadable",
            template = relative,
            reason = refused.to_string()
        ))
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Repository(t!("cmd-template-not-utf8", template = relative)))?;
    Ok(Some(text))
}

/// A template as the renderer uses it: the repository's own in
/// `templates/`, else the built-in one.
fn read_template(
    files: &Store,
    root: &std::path::Path,
    name: &str,
    id: FileId,
) -> Result<Template, Error> {
    let relative = PathBuf::from(TEMPLATES_DIR).join(format!("{name}.typ"));
    if let Some(text) = own_template(files, root, &relative, TEMPLATE_LIMIT)? {
        return Ok(Template {
            source: Source::new(id, text),
            origin: relative.display().to_string(),
        });
    }
    let text = KINDS
        .iter()
        .map(|spec| (spec.slug, spec.template))
        .chain([LIB])
        .find(|(n, _)| *n == name)
        .map_or("", |(_, text)| text);
    Ok(Template {
        source: Source::new(id, text.to_string()),
        origin: t!("cmd-template-built-in", template = &relative),
    })
}

impl Renderer {
    /// The files a Typst compiler needs to typeset `document` as `render`
    /// does, by their paths under the project root.
    pub fn sources(&self, document: &Document) -> Result<Vec<(String, Vec<u8>)>, Error> {
        let inputs = Renderer::inputs(&self.files, document)?;
        let mut files = vec![
            (
                "main.typ".to_string(),
                self.template(document.kind)
                    .source
                    .text()
                    .as_bytes()
                    .to_vec(),
            ),
            (
                "lib.typ".to_string(),
                self.lib.source.text().as_bytes().to_vec(),
            ),
            ("data.json".to_string(), inputs.data.to_vec()),
        ];
        for (n, bytes) in inputs.files.iter().enumerate() {
            let path = crate::docs::file_path(n);
            files.push((path.trim_start_matches('/').to_string(), bytes.to_vec()));
        }
        if let Some((path, bytes)) = &inputs.logo {
            files.push((path.trim_start_matches('/').to_string(), bytes.to_vec()));
        }
        Ok(files)
    }

    /// The hash `render` would give `document` now; empty, matching nothing,
    /// when one of its files cannot be read.
    pub fn fingerprint(&self, document: &Document) -> String {
        self.file_hashes(document)
            .map(|files| self.hash(document, &files))
            .unwrap_or_default()
    }

    /// The hashes of a document's files, as the store has them, the logo's
    /// last.
    fn file_hashes(&self, document: &Document) -> Result<Vec<String>, Refused> {
        let logo = document.logo.iter().map(|file| (file, LOGO_LIMIT));
        document
            .files
            .iter()
            .map(|file| (file, crate::docs::ATTACHMENT_LIMIT))
            .chain(logo)
            .map(|(file, limit)| self.files.hash(file, limit))
            .collect()
    }

    /// Typesets one document to PDF/UA-1 and PDF/A-2a, or PDF/A-3a when it
    /// carries attached files.
    pub fn render(&self, document: &Document) -> Result<Rendered, Error> {
        let _evict = EvictCache;
        // A worker process may be kept from one build to the next (`rsr
        // watch`): the files, and the real paths of the folders they are
        // in, are looked at anew for each document, as by a new store.
        let inputs = Renderer::inputs(&Store::new(self.files.root()), document)?;
        // The hashes of the bytes just read, as the store takes them.
        let hashes: Vec<String> = inputs
            .files
            .iter()
            .chain(inputs.logo.as_ref().map(|(_, bytes)| bytes))
            .map(|bytes| crate::output::manifest::hash(&[bytes.as_slice()]))
            .collect();
        let fingerprint = self.hash(document, &hashes);
        let logo = inputs.logo.map(|(path, bytes)| {
            let id = if path == "/logotyp.svg" {
                *LOGO_SVG
            } else {
                *LOGO_PNG
            };
            (id, bytes)
        });
        let files = inputs
            .files
            .into_iter()
            .enumerate()
            .map(|(n, bytes)| (virtual_file(&crate::docs::file_path(n)), bytes))
            .chain(logo)
            .collect();
        let world = DocumentWorld {
            renderer: self,
            files,
            data: inputs.data,
            template: self.template(document.kind),
            document,
        };
        let started = std::time::Instant::now();
        let compiled = typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|errors| world.error(&errors))?;
        let layout = started.elapsed();
        let issued = document.issued;
        let timestamp = Datetime::from_ymd_hms(
            issued.year(),
            issued.month() as u8,
            issued.day() as u8,
            0,
            0,
            0,
        )
        .map(Timestamp::new_utc);
        // Attached files need PDF/A-3, which allows any file as an
        // associated file; Typst supports attachments in no other PDF/A
        // part, nor PDF pages placed in a PDF/A document.
        let archival = if document.files.is_empty() {
            PdfStandard::A_2a
        } else {
            PdfStandard::A_3a
        };
        let standards = PdfStandards::new(&[PdfStandard::Ua_1, archival])
            .map_err(|e| world.message(e.message().as_ref()))?;
        let options = PdfOptions {
            ident: Smart::Custom(document.ident.clone()),
            creator: Smart::Custom(Some(format!("rsr {}", env!("CARGO_PKG_VERSION")))),
            timestamp,
            standards,
            ..PdfOptions::default()
        };
        let started = std::time::Instant::now();
        let pdf = typst_pdf::pdf(&compiled, &options).map_err(|errors| world.error(&errors))?;
        Ok(Rendered {
            fingerprint,
            pdf,
            pages: compiled.pages().len(),
            printed: printed::hash(&compiled),
            places: signature_places(&compiled),
            layout,
            export: started.elapsed(),
        })
    }
}

/// How many evictions a memoized result survives unused. Typst memoizes
/// across compilations; without eviction a worker grows without bound.
/// Each worker process typesets one document at a time on one thread, so
/// what the next document can reuse is mostly what this one used: the
/// library, lib.typ, the fonts, and its kind's template while documents of
/// one kind follow each other. With 1, a result the last document did not
/// use is dropped. At 1,205 generated documents (`bench_gen --bodies 1
/// --years 5`) on two workers, a worker peaked at 54–60 MB with 1, 65–67
/// MB with 2 and 68–74 MB with 5 (two batches of three runs, alternating;
/// each batch's times the same within its spread); on one worker, at 47 MB
/// with 0, 54–55 MB with 1 and 76 MB with 5, again in the same time. When
/// threads of one process typeset, 5 was faster; a worker has one.
const CACHE_AGE: usize = 1;

/// The stack of the thread that typesets: Typst's layout recurses deeply
/// on nested content.
pub const STACK: usize = 16 << 20;

/// The largest template read from the repository.
const TEMPLATE_LIMIT: u64 = 1 << 20;

/// Evicts old memoized results when dropped, on success and failure alike.
struct EvictCache;

impl Drop for EvictCache {
    fn drop(&mut self) {
        typst::comemo::evict(CACHE_AGE);
    }
}

struct DocumentWorld<'a> {
    renderer: &'a Renderer,
    /// The document's files from its meeting folder and its logo, under
    /// fixed paths.
    files: Vec<(FileId, Bytes)>,
    data: Bytes,
    template: &'a Template,
    document: &'a Document,
}

impl DocumentWorld<'_> {
    fn error(&self, diagnostics: &[SourceDiagnostic]) -> Error {
        let mut buffer = termcolor::Buffer::no_color();
        if emit(&mut buffer, self, diagnostics, DiagnosticFormat::Human).is_err() {
            let messages: Vec<String> = diagnostics.iter().map(|d| d.message.to_string()).collect();
            return self.message(&messages.join("\n"));
        }
        self.message(&String::from_utf8_lossy(buffer.as_slice()))
    }

    fn message(&self, report: &str) -> Error {
        Error::Template {
            document: self.document.output.clone(),
            report: report.to_string(),
        }
    }
}

impl World for DocumentWorld<'_> {
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
            Ok(self.template.source.clone())
        } else if id == *LIB_ID {
            Ok(self.renderer.lib.source.clone())
        } else if id == *DATA {
            Err(FileError::NotSource)
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA {
            Ok(self.data.clone())
        } else if id == *MAIN || id == *LIB_ID {
            Ok(Bytes::from_string(self.source(id)?.text().to_string()))
        } else if let Some((_, bytes)) = self.files.iter().find(|(file, _)| *file == id) {
            Ok(bytes.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.renderer.fonts.font(index)
    }

    /// No clock: documents depend on their data only.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

impl DiagnosticWorld for DocumentWorld<'_> {
    fn name(&self, id: FileId) -> String {
        if id == *MAIN {
            self.template.origin.clone()
        } else if id == *LIB_ID {
            self.renderer.lib.origin.clone()
        } else if id == *DATA {
            format!("data for {}", self.document.output.display())
        } else {
            id.get().vpath().get_with_slash().to_string()
        }
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_with_slash().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_kind_has_a_built_in_template_and_sample() {
        for spec in &KINDS {
            assert!(
                spec.template.contains("/data.json"),
                "the template of {:?} does not read its data",
                spec.kind
            );
            let sample: serde_json::Value = serde_json::from_str(spec.sample)
                .unwrap_or_else(|e| panic!("the sample of {:?} is not JSON: {e}", spec.kind));
            assert!(sample.get("title").is_some(), "{:?}: {sample}", spec.kind);
        }
    }

    #[test]
    fn the_registry_declares_each_kind_once() {
        let mut slugs: Vec<&str> = KINDS.iter().map(|spec| spec.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), KINDS.len());
        for spec in &KINDS {
            assert!(std::ptr::eq(spec.kind.spec(), spec));
            assert_eq!(Kind::from_slug(spec.slug), Some(spec.kind));
        }
        // Every variant of Kind, as clap lists them, is in the registry.
        use clap::ValueEnum;
        assert_eq!(Kind::value_variants().len(), KINDS.len());
    }
}
