//! `rsr arkivera`: the adjusted meetings of a body, as an information
//! package for the e-archive. Riksarkivet's FGS Paketstruktur 2.0 is E-ARK
//! CSIP 2.1 with the SIP 2.1 profile: a root `METS.xml`, descriptive
//! metadata (Dublin Core) and preservation metadata (PREMIS) under
//! `metadata/`, one representation with the PDF/A documents under
//! `representations/rep1/`, the YAML sources and the open data under
//! `documentation/`, and the XML schemas the METS files use under
//! `schemas/`. docs/arkivering.md says what goes where and why.
//!
//! The package is made from the data alone: its dates are the meetings'
//! and the documents' own, its files in one order, the zip's entries
//! stored with fixed times; the same repository gives the same package,
//! byte for byte.

mod mets;
mod xml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::docs::{Document, Filter, Kind, Scope};
use crate::error::Error;
use crate::lang::t;
use crate::repo::model::{Body, Meeting, Repository, Status};
use crate::review::sign;

/// The folder, inside the package, of its one representation.
const REPRESENTATION: &str = "rep1";

/// The XML schemas the package's METS files are written against, shipped
/// with rsr (xsd/README.md names their sources).
const SCHEMAS: &[(&str, &[u8])] = &[
    ("mets.xsd", include_bytes!("../../xsd/mets.xsd")),
    ("xlink.xsd", include_bytes!("../../xsd/xlink.xsd")),
    (
        "DILCISExtensionMETS.xsd",
        include_bytes!("../../xsd/DILCISExtensionMETS.xsd"),
    ),
    (
        "DILCISExtensionSIPMETS.xsd",
        include_bytes!("../../xsd/DILCISExtensionSIPMETS.xsd"),
    ),
];

/// What to archive: one meeting, or a body's year.
#[derive(Debug, Clone, Copy)]
pub enum Selection {
    Meeting(NaiveDate),
    Year(i32),
}

/// The meetings a selection archives, and the reasons the others of a
/// year are left out.
pub struct Chosen<'a> {
    pub body: &'a Body,
    pub meetings: Vec<&'a Meeting>,
    /// "2027-01-20: kallad, inte justerat", one per meeting left out.
    pub left_out: Vec<String>,
    /// The package's name: its root folder and OBJID.
    pub id: String,
    /// What it holds, for people: "Byggnadsnämnden, sammanträdet
    /// 2026-10-14".
    pub label: String,
}

/// Picks the meetings `selection` names in `body`: only adjusted ones.
/// An unadjusted meeting asked for by its date is refused with its
/// status; a year without an adjusted meeting is refused too.
pub fn choose<'a>(body: &'a Body, selection: Selection) -> Result<Chosen<'a>, Error> {
    let name = &body.spec.name;
    match selection {
        Selection::Meeting(date) => {
            let Some(meeting) = body.meetings.iter().find(|m| m.date() == date) else {
                let dates: Vec<String> = body
                    .meetings
                    .iter()
                    .map(|m| crate::sv::iso_date(m.date()))
                    .collect();
                return Err(Error::Usage(t!(
                    "archive-no-meeting",
                    body = name.as_str(),
                    date = crate::sv::iso_date(date),
                    dates = dates.join(", ")
                )));
            };
            if meeting.status() != Status::Adjusted {
                return Err(Error::Usage(t!(
                    "archive-not-adjusted",
                    body = name.as_str(),
                    date = crate::sv::iso_date(date),
                    status = meeting.status().label()
                )));
            }
            Ok(Chosen {
                body,
                meetings: vec![meeting],
                left_out: Vec::new(),
                id: format!("{}-{}", body.slug, crate::sv::iso_date(date)),
                label: format!("{name}, sammanträdet {}", crate::sv::iso_date(date)),
            })
        }
        Selection::Year(year) => {
            let of_year: Vec<&Meeting> = body
                .meetings
                .iter()
                .filter(|m| m.date().year() == year)
                .collect();
            let (meetings, others): (Vec<&Meeting>, Vec<&Meeting>) = of_year
                .into_iter()
                .partition(|m| m.status() == Status::Adjusted);
            let left_out = others
                .iter()
                .map(|m| {
                    t!(
                        "archive-left-out",
                        date = crate::sv::iso_date(m.date()),
                        status = m.status().label()
                    )
                })
                .collect::<Vec<_>>();
            if meetings.is_empty() {
                return Err(Error::Usage(t!(
                    "archive-none-adjusted",
                    body = name.as_str(),
                    year = year.to_string()
                )));
            }
            Ok(Chosen {
                body,
                meetings,
                left_out,
                id: format!("{}-{year}", body.slug),
                label: format!("{name}, justerade sammanträden {year}"),
            })
        }
    }
}

/// The filter that builds the documents of `chosen`.
pub fn filter(chosen: &Chosen) -> Filter {
    Filter {
        bodies: vec![chosen.body.slug.clone()],
        meetings: chosen.meetings.iter().map(|m| m.date()).collect(),
        ..Filter::default()
    }
}

/// Where a file of the package belongs in its METS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// The representation's data: the PDF/A documents.
    Data,
    Documentation,
    Schema,
}

/// One file of the package, before the metadata that describes it.
#[derive(Debug, Clone)]
struct Packed {
    /// Its path in the package (in the representation, for data), with
    /// `/` separators.
    path: String,
    bytes: Vec<u8>,
    mime: &'static str,
    /// The day it was made, as far as the data says.
    created: NaiveDate,
    role: Use,
    /// "PDF/A-2a", as the PDF declares itself; None for other files.
    format: Option<String>,
    /// The meeting it belongs to.
    meeting: Option<NaiveDate>,
    /// The kind of document rsr built it as; `None` for what it did not
    /// build (an attachment, a signed copy, a source, a schema).
    kind: Option<Kind>,
    /// Where it came from, for people: "Protokoll", "Underlag: …".
    title: String,
}

/// What a signature on a signed protokoll says, for the PREMIS event.
#[derive(Debug, Clone)]
struct Signed {
    /// The signed file's path in the representation.
    path: String,
    signer: String,
    role: Option<String>,
    time: Option<String>,
    subject: String,
}

/// An archive package: its files by path under its root folder.
pub struct Package {
    pub id: String,
    pub files: BTreeMap<String, Vec<u8>>,
    /// What the secretary should know: an attachment that is not PDF/A.
    pub warnings: Vec<String>,
}

/// Makes the package of `chosen`, reading the documents `rsr build` has
/// written to `out`.
pub fn package(repository: &Repository, chosen: &Chosen, out: &Path) -> Result<Package, Error> {
    let filter = filter(chosen);
    let documents: Vec<Document> = crate::docs::documents(repository, &filter)
        .into_iter()
        .filter(|d| d.kind.spec().scope != Scope::Year && d.kind != Kind::Beslutsuppfoljning)
        .collect();
    let created = chosen
        .meetings
        .iter()
        .map(|m| m.adjusted_on())
        .max()
        .unwrap_or_default();
    let mut packed: Vec<Packed> = Vec::new();
    let mut signed: Vec<Signed> = Vec::new();
    let mut warnings = Vec::new();
    let trusted = sign::trusted(repository.root()).unwrap_or_default();
    // What the build recorded, unless git tracks it (`review::kept`).
    let manifest = crate::review::kept::Kept::in_out(out).manifest();
    for meeting in &chosen.meetings {
        let date = meeting.date();
        let folder = format!("data/{}", crate::sv::iso_date(date));
        let mut attachments: Vec<PathBuf> = Vec::new();
        for document in documents.iter().filter(|d| d.date == date) {
            let path = out.join(&document.output);
            let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            // What goes into the archive is what rsr built and recorded,
            // not a file changed in out/ since.
            let recorded = manifest.entry(&document.output).map(|e| e.pdf.as_str());
            if recorded != Some(crate::output::manifest::hash(&[&bytes]).as_str()) {
                return Err(Error::Repository(t!(
                    "archive-not-built",
                    file = path.display().to_string()
                )));
            }
            let name = file_name(&document.output);
            packed.push(Packed {
                path: format!("{folder}/{name}"),
                format: pdfa(&bytes),
                bytes,
                mime: "application/pdf",
                created: document.issued,
                role: Use::Data,
                meeting: Some(date),
                kind: Some(document.kind),
                title: document.label(),
            });
            for file in &document.files {
                if !attachments.contains(file) {
                    attachments.push(file.clone());
                }
            }
        }
        // Every beslutsunderlag file, attached to a document or not.
        for (_, _, written) in meeting.document_files() {
            let file = meeting.dir.join(written);
            if !attachments.contains(&file) {
                attachments.push(file);
            }
        }
        for file in &attachments {
            let bytes = repository
                .files
                .read(file, crate::docs::ATTACHMENT_LIMIT)
                .map_err(|refused| Error::Repository(format!("{}: {refused}", file.display())))?;
            let format = pdfa(&bytes);
            // Its path in the meeting folder, so that two of one name in
            // different folders stay apart.
            let name = file
                .strip_prefix(&meeting.dir)
                .map(|p| {
                    p.components()
                        .filter_map(|c| match c {
                            std::path::Component::Normal(part) => {
                                Some(part.to_string_lossy().into_owned())
                            }
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .unwrap_or_else(|_| file_name(file));
            if format.is_none() {
                warnings.push(t!("archive-not-pdfa", file = file.display().to_string()));
            }
            packed.push(Packed {
                path: format!("{folder}/underlag/{name}"),
                format,
                bytes,
                mime: "application/pdf",
                created: meeting.adjusted_on(),
                role: Use::Data,
                meeting: Some(date),
                kind: None,
                title: format!("Underlag: {name}"),
            });
        }
        for what in sign::signed_files(repository, meeting) {
            let relative = sign::signed_path_of(meeting, what);
            let bytes = repository
                .files
                .read(&relative, sign::SIGNED_MAX_BYTES)
                .map_err(|refused| {
                    Error::Repository(format!("{}: {refused}", relative.display()))
                })?;
            let path = format!("{folder}/signerat/{}", file_name(&relative));
            let verification = sign::verify(
                &relative.to_string_lossy(),
                &bytes,
                None,
                &trusted,
                chrono::Utc::now(),
            );
            for signature in verification
                .signatures
                .iter()
                .filter(|s| !s.problems.iter().any(|p| p.is_error(!trusted.is_empty())))
            {
                signed.push(Signed {
                    path: path.clone(),
                    signer: signature.signer.clone(),
                    role: signature.role.clone(),
                    time: signature.time.map(|t| t.to_rfc3339()),
                    subject: signature.subject.clone(),
                });
            }
            packed.push(Packed {
                path,
                format: pdfa(&bytes),
                bytes,
                mime: "application/pdf",
                created: meeting.adjusted_on(),
                role: Use::Data,
                meeting: Some(date),
                kind: None,
                title: format!("Signerat: {}", what.kind()),
            });
        }
        // The open data the build wrote beside the site.
        let open = crate::site::opendata::path(&chosen.body.slug, date);
        if let Ok(bytes) = std::fs::read(out.join(&open)) {
            packed.push(Packed {
                path: format!(
                    "documentation/{}/oppna-data.json",
                    crate::sv::iso_date(date)
                ),
                bytes,
                mime: "application/json",
                created: meeting.adjusted_on(),
                role: Use::Documentation,
                format: None,
                meeting: Some(date),
                kind: None,
                title: "Öppna data".to_string(),
            });
        }
        for source in meeting_sources(repository, meeting)? {
            packed.push(source);
        }
    }
    packed.extend(body_sources(repository, chosen.body, created)?);
    for (name, bytes) in SCHEMAS {
        packed.push(Packed {
            path: format!("schemas/{name}"),
            bytes: bytes.to_vec(),
            mime: "application/xml",
            created,
            role: Use::Schema,
            format: None,
            meeting: None,
            kind: None,
            title: (*name).to_string(),
        });
    }
    let files = mets::write(repository, chosen, created, &packed, &signed);
    Ok(Package {
        id: chosen.id.clone(),
        files,
        warnings,
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// "PDF/A-2a" when the PDF's XMP metadata declares a PDF/A part and
/// conformance.
fn pdfa(bytes: &[u8]) -> Option<String> {
    use std::sync::LazyLock;
    static PART: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"pdfaid:part(?:>|=["'])\s*([1-4])"#).expect("a valid pattern")
    });
    static CONFORMANCE: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"pdfaid:conformance(?:>|=["'])\s*([ABUabu])"#)
            .expect("a valid pattern")
    });
    let part = PART.captures(bytes)?.get(1)?.as_bytes()[0] as char;
    let conformance = CONFORMANCE
        .captures(bytes)
        .and_then(|c| c.get(1))
        .map(|m| (m.as_bytes()[0] as char).to_ascii_lowercase())
        .unwrap_or('b');
    Some(format!("PDF/A-{part}{conformance}"))
}

/// The YAML sources of a meeting and its justering.lock, under
/// `documentation/kallfiler/` at their paths in the repository.
fn meeting_sources(repository: &Repository, meeting: &Meeting) -> Result<Vec<Packed>, Error> {
    let mut found = sources_under(repository, &meeting.dir, meeting.adjusted_on())?;
    for source in &mut found {
        source.meeting = Some(meeting.date());
    }
    Ok(found)
}

/// rsr.yaml, the body's body.yaml and its registers (delegation
/// decisions, motions): what the meetings' documents also draw on.
fn body_sources(
    repository: &Repository,
    body: &Body,
    created: NaiveDate,
) -> Result<Vec<Packed>, Error> {
    let mut found = vec![
        source(
            repository,
            Path::new(crate::repo::load::ORGANISATION_FILE),
            "application/yaml",
            created,
        )?,
        source(repository, &body.file, "application/yaml", created)?,
    ];
    let body_dir = body.file.parent().unwrap_or(Path::new(""));
    for register in ["delegationsbeslut", "motioner"] {
        found.extend(sources_under(
            repository,
            &body_dir.join(register),
            created,
        )?);
    }
    Ok(found)
}

/// The source files under `dir` (relative to the root), in name order.
fn sources_under(
    repository: &Repository,
    dir: &Path,
    created: NaiveDate,
) -> Result<Vec<Packed>, Error> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(repository.root().join(dir))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let Ok(relative) = entry.path().strip_prefix(repository.root()) else {
            continue;
        };
        if let Some(mime) = source_mime(relative) {
            found.push(source(repository, relative, mime, created)?);
        }
    }
    Ok(found)
}

/// The MIME type of a source file rsr archives, or None for what it
/// leaves out (attachments and signed PDFs go to the representation).
fn source_mime(path: &Path) -> Option<&'static str> {
    if path
        .components()
        .any(|c| c.as_os_str() == sign::SIGNED_FOLDER)
    {
        return None;
    }
    match path.extension()?.to_str()? {
        "yaml" | "yml" | "lock" => Some("application/yaml"),
        "md" => Some("text/markdown"),
        _ => None,
    }
}

fn source(
    repository: &Repository,
    relative: &Path,
    mime: &'static str,
    created: NaiveDate,
) -> Result<Packed, Error> {
    let limit = repository.organisation.limits.yaml_bytes();
    let bytes = repository
        .files
        .read(relative, limit)
        .map_err(|refused| Error::Repository(format!("{}: {refused}", relative.display())))?;
    let path = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    Ok(Packed {
        path: format!("documentation/kallfiler/{path}"),
        bytes,
        mime,
        created,
        role: Use::Documentation,
        format: None,
        meeting: None,
        kind: None,
        title: path,
    })
}

/// Writes `package` into `dir` as the folder `<id>/` and the zip
/// `<id>.zip`, each replacing what was there only once it is complete.
pub fn write(package: &Package, dir: &Path) -> Result<(PathBuf, PathBuf), Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let folder = dir.join(&package.id);
    let staging = dir.join(format!(".{}.tmp", package.id));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    for (path, bytes) in &package.files {
        let target = staging.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&target, bytes).map_err(io(&target))?;
    }
    let zip = dir.join(format!("{}.zip", package.id));
    let zip_staging = dir.join(format!(".{}.zip.tmp", package.id));
    std::fs::write(&zip_staging, zipped(package)?).map_err(io(&zip_staging))?;
    if folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(io(&folder))?;
    }
    std::fs::rename(&staging, &folder).map_err(io(&folder))?;
    std::fs::rename(&zip_staging, &zip).map_err(io(&zip))?;
    Ok((folder, zip))
}

/// The package as a zip: its root folder and every file in path order,
/// stored (PDFs are compressed already), each dated 1 January 1980 with
/// mode 0644, so that the same package gives the same bytes.
fn zipped(package: &Package) -> Result<Vec<u8>, Error> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let fail = |e: zip::result::ZipError| Error::Internal(format!("zip: {e}"));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // Every folder a file stands in, the root's included, in order.
    let folders: std::collections::BTreeSet<String> = package
        .files
        .keys()
        .flat_map(|path| Path::new(path).ancestors().skip(1))
        .map(|folder| {
            let folder = folder.to_string_lossy();
            if folder.is_empty() {
                format!("{}/", package.id)
            } else {
                format!("{}/{folder}/", package.id)
            }
        })
        .collect();
    let folder_options = options.unix_permissions(0o755);
    for folder in &folders {
        writer
            .add_directory(folder.as_str(), folder_options)
            .map_err(fail)?;
    }
    for (path, bytes) in &package.files {
        writer
            .start_file(format!("{}/{path}", package.id), options)
            .map_err(fail)?;
        writer
            .write_all(bytes)
            .map_err(|e| Error::Internal(format!("zip: {e}")))?;
    }
    let cursor = writer.finish().map_err(fail)?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdfa_part_is_read_from_the_xmp_as_either_form_writes_it() {
        assert_eq!(
            pdfa(b"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>"),
            Some("PDF/A-2a".to_string())
        );
        assert_eq!(
            pdfa(br#"pdfaid:part="3" pdfaid:conformance="B""#),
            Some("PDF/A-3b".to_string())
        );
        assert_eq!(pdfa(b"%PDF-1.7 no XMP here"), None);
    }

    #[test]
    fn sources_are_yaml_and_the_lock_not_pdfs_or_signed_copies() {
        assert_eq!(
            source_mime(Path::new("meetings/kn/2026-03-02/meeting.yaml")),
            Some("application/yaml")
        );
        assert_eq!(
            source_mime(Path::new("meetings/kn/2026-03-02/justering.lock")),
            Some("application/yaml")
        );
        assert_eq!(source_mime(Path::new("meetings/kn/2026-03-02/x.pdf")), None);
        assert_eq!(
            source_mime(Path::new("meetings/kn/2026-03-02/signerat/a.yaml")),
            None
        );
    }
}
