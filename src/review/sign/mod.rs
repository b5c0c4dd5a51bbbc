//! Digital justering: the signed protokoll of an adjusted meeting, in its
//! folder as `signerat/protokoll.pdf`, and what makes a signature on it
//! count.
//!
//! The PDF signed is the protokoll rsr builds from the sealed data,
//! byte for byte, with one incremental update that adds an empty signature
//! field per signer (sekreterare, ordförande, justerare: `pdf::prepare`).
//! Each signature is a further update (`pdf::add_signature`), made here
//! with a .p12 certificate or by a signing service on the prepared PDF.
//! `verify` checks a signed PDF the same way whoever signed it: each
//! signature's cryptography (`cms`), that it covers the file up to its
//! revision, that later revisions only sign, that the first revisions are
//! what rsr builds and prepares from the repository today, that the signer
//! is the person the protokoll names for that field, that it was signed on
//! or after the meeting, and whether the certificate chains to a CA the
//! organisation trusts (`signering/betrodda/`).

pub mod cms;
pub mod pdf;
pub mod tsa;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

use crate::check::gate::{self, Gate};
use crate::check::seal::{Standing, seal_before, seal_of, standing};
use crate::docs::Document;
use crate::error::{Diagnostic, Error};
use crate::lang::t;
use crate::output::manifest::Manifest;
use crate::repo::model::{Body, Loc, Meeting, Repository, Status};
use crate::typeset::worker::{Ceilings, Worker};
use crate::typeset::{Renderer, SignaturePlace};

/// The folder of a meeting that holds its signed documents (loading
/// notes whether a meeting has one: `Meeting::signed_folder`).
pub use crate::repo::load::SIGNED_FOLDER;
/// The signed protokoll, in `SIGNED_FOLDER`.
pub const SIGNED_PROTOKOLL: &str = "protokoll.pdf";
/// The organisation's trust list: the CA certificates (PEM or DER) whose
/// signatures it accepts, relative to the repository root.
pub const TRUST_FOLDER: &str = "signering/betrodda";
/// The environment variable that holds a .p12 file's password.
pub const PASSWORD_VARIABLE: &str = "RSR_CERTIFIKAT_LOSENORD";

/// What is signed: the protokoll, or the protokollsutdrag of one
/// paragraph, which the sekreterare certifies (utdragsbestyrkande).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signable {
    Protokoll,
    Utdrag(u32),
}

impl Signable {
    /// The word the messages select on: `protokoll` or `utdrag`.
    pub fn kind(self) -> &'static str {
        match self {
            Signable::Protokoll => "protokoll",
            Signable::Utdrag(_) => "utdrag",
        }
    }

    /// Its file in the meeting's `signerat/`.
    pub fn file_name(self) -> String {
        match self {
            Signable::Protokoll => SIGNED_PROTOKOLL.to_string(),
            Signable::Utdrag(paragraph) => format!("protokollsutdrag-{paragraph}.pdf"),
        }
    }

    /// What a file name in `signerat/` holds, if rsr signs such a file.
    pub fn of_file(name: &str) -> Option<Signable> {
        if name == SIGNED_PROTOKOLL {
            return Some(Signable::Protokoll);
        }
        let number = name
            .strip_prefix("protokollsutdrag-")?
            .strip_suffix(".pdf")?;
        number
            .parse()
            .ok()
            .filter(|n: &u32| n.to_string() == number)
            .map(Signable::Utdrag)
    }
}

/// Where the signed protokoll of `meeting` lives, relative to the root.
pub fn signed_path(meeting: &Meeting) -> PathBuf {
    signed_path_of(meeting, Signable::Protokoll)
}

/// Where the signed `what` of `meeting` lives, relative to the root.
pub fn signed_path_of(meeting: &Meeting, what: Signable) -> PathBuf {
    meeting.dir.join(SIGNED_FOLDER).join(what.file_name())
}

/// What `meeting`'s `signerat/` holds that rsr signs, in name order.
pub fn signed_files(repository: &Repository, meeting: &Meeting) -> Vec<Signable> {
    // Its folder's listing had none: nothing to ask the file system (a
    // repository of years has a thousand meetings, few of them signed).
    if !meeting.signed_folder {
        return Vec::new();
    }
    let folder = repository.root().join(&meeting.dir).join(SIGNED_FOLDER);
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(String, Signable)> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            Signable::of_file(&name).map(|what| (name, what))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, what)| what).collect()
}

/// One who signs the protokoll: the field rsr prepares for them, their
/// role as the protokoll prints it, and their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signatory {
    pub field: String,
    pub role: String,
    pub name: String,
}

/// What a signed protokoll is checked against: the PDF rsr builds from
/// the sealed data, that PDF with its fields prepared, who signs it, and
/// the meeting's date.
pub struct Record {
    pub label: String,
    /// The protokoll, or which utdrag.
    pub what: Signable,
    pub built: Vec<u8>,
    pub prepared: Vec<u8>,
    /// What the PDF built now was made from and prints.
    pub stamp: pdf::Stamp,
    /// The printed text's hash `justering.lock` sealed (`utskrift:`).
    pub sealed_printed: Option<String>,
    pub signatories: Vec<Signatory>,
    pub meeting: NaiveDate,
    /// Whether the protokoll says it is signed electronically
    /// (`justering: {underskrift: elektronisk}`).
    pub electronic: bool,
}

/// The protokoll document of `meeting` (not its public version).
pub fn protokoll(repository: &Repository, body: &Body, meeting: &Meeting) -> Option<Document> {
    crate::review::printed::documents(repository, body, meeting)
        .into_iter()
        .find(|d| crate::review::printed::key(d) == Some("protokoll"))
}

/// The document of `meeting` that `what` is.
fn document_of(
    repository: &Repository,
    body: &Body,
    meeting: &Meeting,
    what: Signable,
) -> Option<Document> {
    match what {
        Signable::Protokoll => protokoll(repository, body, meeting),
        Signable::Utdrag(paragraph) => {
            let filter = crate::docs::Filter {
                bodies: vec![body.slug.clone()],
                meetings: vec![meeting.date()],
                kinds: vec![crate::docs::Kind::Protokollsutdrag],
                paragraphs: vec![paragraph],
            };
            crate::docs::documents_of(repository, body, &filter)
                .into_iter()
                .find(|d| d.paragraph == Some(paragraph))
        }
    }
}

/// The signatories the protokoll's data names, in the order they sign,
/// each with a field name made from their role (`ordforande`,
/// `justerare`, a second `justerare-2`).
pub fn signatories(document: &Document) -> Vec<Signatory> {
    #[derive(serde::Deserialize)]
    struct Data {
        #[serde(default)]
        signatures: Vec<Named>,
        /// A protokollsutdrag's utdragsbestyrkande.
        #[serde(default)]
        certification: Option<Certifier>,
    }
    #[derive(serde::Deserialize)]
    struct Named {
        role: String,
        name: String,
    }
    #[derive(serde::Deserialize)]
    struct Certifier {
        role: String,
        name: Option<String>,
    }
    let data: Data = serde_json::from_slice(&document.data).unwrap_or(Data {
        signatures: Vec::new(),
        certification: None,
    });
    let certifier = data.certification.and_then(|c| {
        Some(Named {
            role: c.role,
            name: c.name?,
        })
    });
    let mut taken: Vec<String> = Vec::new();
    data.signatures
        .into_iter()
        .chain(certifier)
        .map(|named| {
            let base = field_name(&named.role);
            let mut field = base.clone();
            let mut n = 2;
            while taken.contains(&field) {
                field = format!("{base}-{n}");
                n += 1;
            }
            taken.push(field.clone());
            Signatory {
                field,
                role: named.role,
                name: named.name,
            }
        })
        .collect()
}

/// A field name from a role: lower case ASCII, so that every signing
/// service can name it (`Ordförande` → `ordforande`).
fn field_name(role: &str) -> String {
    let mut name = String::new();
    for c in role.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && (name.is_empty() || name.ends_with('-'))) {
            name.push(c);
        }
    }
    let name = name.trim_end_matches('-').to_string();
    if name.is_empty() {
        "underskrift".to_string()
    } else {
        name
    }
}

/// The fields rsr prepares for `signatories`, each described for a
/// screen reader by role and name, in the document's language, and shown
/// where `place` puts it (a visible signature's line), else invisible.
fn fields(
    signatories: &[Signatory],
    place: impl Fn(usize, &Signatory) -> Option<pdf::Place>,
) -> Vec<pdf::Field> {
    signatories
        .iter()
        .enumerate()
        .map(|(n, s)| pdf::Field {
            name: s.field.clone(),
            description: format!("{}: {}", s.role, s.name),
            place: place(n, s),
        })
        .collect()
}

/// The place of the `n`th signer's line among those a protokoll marks.
fn line_of(places: &[SignaturePlace], n: usize) -> Option<pdf::Place> {
    places.iter().find(|p| p.signer == n).map(|p| pdf::Place {
        page: p.page,
        rect: p.rect,
    })
}

/// The label of a meeting in messages: "BMN 2026-10-14".
fn label(body: &Body, meeting: &Meeting) -> String {
    format!("{} {}", body.spec.short_name, meeting.date())
}

/// The label of what is signed: "BMN 2026-10-14", "BMN 2026-10-14 § 121".
fn label_of(body: &Body, meeting: &Meeting, what: Signable) -> String {
    match what {
        Signable::Protokoll => label(body, meeting),
        Signable::Utdrag(paragraph) => format!("{} § {paragraph}", label(body, meeting)),
    }
}

/// The record of an adjusted meeting whose seal holds: its protokoll
/// typeset now from the sealed data, and prepared for signing.
pub fn record(
    repository: &Repository,
    body: &Body,
    meeting: &Meeting,
    what: Signable,
) -> Result<Record, Error> {
    let renderer = Renderer::new(repository.files.clone())?;
    record_by(repository, body, meeting, what, &renderer)
}

/// `record`, typeset by `renderer`.
fn record_by(
    repository: &Repository,
    body: &Body,
    meeting: &Meeting,
    what: Signable,
    renderer: &Renderer,
) -> Result<Record, Error> {
    record_with(repository, body, meeting, what, |document| {
        let mut worker = Worker::new(renderer, Ceilings::of(repository.organisation.limits));
        Ok(Built::of(worker.render(document)?, renderer))
    })
}

/// A protokoll as a build made it: its PDF, the hash of its printed text,
/// the environment it was typeset in, and the lines it marks for visible
/// signatures.
pub struct Built {
    pub pdf: Vec<u8>,
    pub printed: String,
    pub environment: String,
    pub places: Vec<SignaturePlace>,
}

impl Built {
    /// A protokoll `renderer` has just typeset.
    fn of(rendered: crate::typeset::Rendered, renderer: &Renderer) -> Built {
        Built {
            pdf: rendered.pdf,
            printed: rendered.printed,
            environment: renderer.environment(),
            places: rendered.places,
        }
    }
}

/// `record`, with the protokoll as the build made it.
pub fn record_from(
    repository: &Repository,
    body: &Body,
    meeting: &Meeting,
    what: Signable,
    built: Built,
) -> Result<Record, Error> {
    record_with(repository, body, meeting, what, |_| Ok(built))
}

/// `record`, the protokoll made by `build`.
fn record_with(
    repository: &Repository,
    body: &Body,
    meeting: &Meeting,
    what: Signable,
    build: impl FnOnce(&Document) -> Result<Built, Error>,
) -> Result<Record, Error> {
    let label = label_of(body, meeting, what);
    let lock = match sealing(repository, body, meeting) {
        Sealing::Held(lock) => lock,
        Sealing::NotSealed => {
            return Err(Error::Usage(t!("sign-not-sealed", meeting = &label)));
        }
        Sealing::Broken => {
            return Err(Error::Repository(t!("sign-seal-broken", meeting = &label)));
        }
    };
    record_of(repository, body, meeting, what, lock, build)
}

/// Whether a meeting is adjusted and its seal holds.
enum Sealing<'a> {
    /// Adjusted, and as its lock sealed it.
    Held(&'a crate::repo::model::Lock),
    /// Not adjusted, or without a lock.
    NotSealed,
    /// Adjusted, and changed since without a rättelse.
    Broken,
}

fn sealing<'a>(repository: &Repository, body: &Body, meeting: &'a Meeting) -> Sealing<'a> {
    let Some((_, lock)) = meeting
        .lock
        .as_ref()
        .filter(|_| meeting.status() == Status::Adjusted)
    else {
        return Sealing::NotSealed;
    };
    let now = seal_of(repository, body, meeting);
    let before = || seal_before(repository, body, meeting, lock.corrections);
    match standing(meeting, lock, &now, before) {
        Standing::Sealed => Sealing::Held(lock),
        _ => Sealing::Broken,
    }
}

/// The record of a meeting whose seal `lock` holds.
fn record_of(
    repository: &Repository,
    body: &Body,
    meeting: &Meeting,
    what: Signable,
    lock: &crate::repo::model::Lock,
    build: impl FnOnce(&Document) -> Result<Built, Error>,
) -> Result<Record, Error> {
    let label = label_of(body, meeting, what);
    let document = document_of(repository, body, meeting, what).ok_or_else(|| match what {
        Signable::Protokoll => Error::Usage(t!("sign-not-sealed", meeting = &label)),
        Signable::Utdrag(paragraph) => Error::Usage(t!(
            "sign-no-utdrag",
            meeting = label_of(body, meeting, Signable::Protokoll),
            paragraph = paragraph
        )),
    })?;
    let Built {
        pdf: built,
        printed,
        environment,
        places,
    } = build(&document)?;
    let stamp = pdf::Stamp {
        printed,
        environment,
    };
    // The lock seals the protokoll's printed text, not an utdrag's.
    let sealed_printed = lock
        .printed
        .as_ref()
        .filter(|_| what == Signable::Protokoll)
        .and_then(|printed| printed.value.get("protokoll").cloned());
    let signatories = signatories(&document);
    let electronic = serde_json::from_slice::<serde_json::Value>(&document.data)
        .is_ok_and(|data| data["electronic"] == serde_json::Value::Bool(true));
    let prepared = pdf::prepare(
        &built,
        &fields(&signatories, |n, _| line_of(&places, n)),
        &stamp,
    )
    .map_err(|e| Error::Internal(pdf_message(&e)))?;
    Ok(Record {
        label,
        what,
        built,
        prepared,
        stamp,
        sealed_printed,
        signatories,
        meeting: meeting.date(),
        electronic,
    })
}

/// The organisation's trusted CA certificates, from `signering/betrodda/`
/// (none when the folder does not exist).
pub fn trusted(root: &Path) -> Result<Vec<x509_cert::Certificate>, Error> {
    trusted_with_hash(root).map(|(certificates, _)| certificates)
}

/// `trusted`, with a hash of the trust list's files (names and bytes), so
/// that a check made under the same list need not be made again.
pub fn trusted_with_hash(root: &Path) -> Result<(Vec<x509_cert::Certificate>, String), Error> {
    let folder = root.join(TRUST_FOLDER);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok((Vec::new(), crate::output::manifest::hash(&[])));
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "pem" | "crt" | "cer" | "der"))
        })
        .collect();
    paths.sort();
    let mut certificates = Vec::new();
    let mut parts = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        parts.push(
            path.file_name()
                .unwrap_or_default()
                .as_encoded_bytes()
                .to_vec(),
        );
        parts.push(bytes.clone());
        let read = cms::certificates(&bytes).map_err(|e| {
            let file = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            Error::Repository(t!(
                "sign-trust-unreadable",
                file = file,
                reason = cms_reason(&e)
            ))
        })?;
        certificates.extend(read);
    }
    let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    Ok((certificates, crate::output::manifest::hash(&parts)))
}

/// What is wrong with a signed PDF or one of its signatures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum Problem {
    /// The PDF could not be read.
    Unreadable { reason: String },
    /// Bytes after the last revision that no revision accounts for.
    Trailing,
    /// The first revision is not the PDF rsr builds from the sealed data.
    NotTheBuild,
    /// The fields are not the ones rsr prepares.
    NotPrepared,
    /// A revision after the fields were prepared changes the document.
    ChangedAfter {
        revision: usize,
        object: String,
        what: String,
    },
    /// The signature does not cover the file up to the end of a revision.
    NotCovered,
    /// The digest or the signature does not match: the bytes were changed
    /// after signing.
    Broken,
    /// The container cannot be read.
    Malformed { reason: String },
    /// A key or algorithm rsr does not check.
    Unsupported { what: String },
    /// The certificate names someone other than the person the protokoll
    /// names for the field.
    WrongSigner { expected: String, role: String },
    /// A field the protokoll does not have a signer for.
    UnknownField,
    /// Signed before the meeting.
    BeforeMeeting { meeting: NaiveDate },
    /// Signed at a time that has not come.
    InFuture,
    /// The certificate was not valid when it signed.
    CertificateNotValid {
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    },
    /// The certificate does not chain to the organisation's trust list.
    Untrusted,
    /// The signature dictionary names no signing time.
    NoTime,
    /// A signature field not tagged for screen readers (PDF/UA-1): one a
    /// signing service added rather than signing in a prepared field.
    UntaggedField { field: String },
    /// A signature's appearance uses a font not embedded in the file
    /// (PDF/A).
    FontNotEmbedded { field: String, font: String },
    /// The time-stamp over the signature does not hold.
    TimestampInvalid { reason: String },
    /// A document time-stamp does not hold.
    DocumentTimestampInvalid { reason: String },
    /// The time-stamp authority's certificate does not chain to the
    /// organisation's trust list.
    TimestampUntrusted { authority: String },
    /// The signature claims a time later than its time-stamp proves it
    /// existed at.
    AfterTimestamp { stamped: DateTime<Utc> },
}

impl Problem {
    /// The problem in words, in the run's language.
    pub fn message(&self) -> String {
        match self {
            Problem::Unreadable { reason } => t!("sign-problem-unreadable", reason = reason),
            Problem::Trailing => t!("sign-problem-trailing"),
            Problem::NotTheBuild => t!("sign-problem-not-the-build"),
            Problem::NotPrepared => t!("sign-problem-not-prepared"),
            Problem::ChangedAfter {
                revision,
                object,
                what,
            } => t!(
                "sign-problem-changed-after",
                revision = *revision,
                object = object,
                what = what
            ),
            Problem::NotCovered => t!("sign-problem-not-covered"),
            Problem::Broken => t!("sign-problem-broken"),
            Problem::Malformed { reason } => t!("sign-problem-malformed", reason = reason),
            Problem::Unsupported { what } => t!("sign-problem-unsupported", what = what),
            Problem::WrongSigner { expected, role } => {
                t!(
                    "sign-problem-wrong-signer",
                    expected = expected,
                    role = role
                )
            }
            Problem::UnknownField => t!("sign-problem-unknown-field"),
            Problem::BeforeMeeting { meeting } => {
                t!("sign-problem-before-meeting", meeting = meeting.to_string())
            }
            Problem::InFuture => t!("sign-problem-in-future"),
            Problem::CertificateNotValid { from, until } => t!(
                "sign-problem-certificate-not-valid",
                from = from.format("%Y-%m-%d").to_string(),
                until = until.format("%Y-%m-%d").to_string()
            ),
            Problem::Untrusted => t!("sign-problem-untrusted"),
            Problem::NoTime => t!("sign-problem-no-time"),
            Problem::TimestampInvalid { reason } => {
                t!("sign-problem-timestamp-invalid", reason = reason)
            }
            Problem::DocumentTimestampInvalid { reason } => {
                t!("sign-problem-document-timestamp-invalid", reason = reason)
            }
            Problem::FontNotEmbedded { field, font } => {
                t!("sign-problem-font-not-embedded", field = field, font = font)
            }
            Problem::UntaggedField { field } => {
                t!("sign-problem-untagged-field", field = field)
            }
            Problem::TimestampUntrusted { authority } => {
                t!("sign-problem-timestamp-untrusted", authority = authority)
            }
            Problem::AfterTimestamp { stamped } => t!(
                "sign-problem-after-timestamp",
                stamped = stamped.format("%Y-%m-%d %H:%M:%S UTC").to_string()
            ),
        }
    }

    /// Whether the signature counts in spite of it: an untrusted
    /// certificate is the organisation's call, reported but not an error
    /// when the repository has no trust list.
    pub fn is_error(&self, have_trust_list: bool) -> bool {
        !matches!(
            self,
            Problem::Untrusted | Problem::TimestampUntrusted { .. }
        ) || have_trust_list
    }
}

/// One signature, checked.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureCheck {
    /// The field it fills.
    pub field: String,
    /// The role the protokoll gives that field's signer.
    pub role: Option<String>,
    /// Who the protokoll names for the field.
    pub expected: Option<String>,
    /// Who signed, by the certificate: the person's name.
    pub signer: String,
    /// The certificate's subject, in full.
    pub subject: String,
    /// When it was signed, as the signature says.
    pub time: Option<DateTime<FixedOffset>>,
    /// The trusted CA the certificate chains to.
    pub trusted_by: Option<String>,
    /// The time-stamp over the signature (PAdES B-T), when it has one
    /// that holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamped>,
    pub problems: Vec<Problem>,
}

/// A signature's time-stamp: when an authority attests the signature
/// existed, and who.
#[derive(Debug, Clone, Serialize)]
pub struct Timestamped {
    pub time: DateTime<Utc>,
    /// The time-stamp authority, its certificate's subject.
    pub authority: String,
    /// The trusted CA the authority's certificate chains to.
    pub trusted_by: Option<String>,
}

/// A document time-stamp (`/DocTimeStamp`), checked: what covers the file
/// as it was, to keep it verifiable after the certificates expire.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentTimestamp {
    /// The field it fills.
    pub field: String,
    /// The time it attests, when it holds.
    pub time: Option<DateTime<Utc>>,
    /// The time-stamp authority, its certificate's subject.
    pub authority: String,
    /// The trusted CA the authority's certificate chains to.
    pub trusted_by: Option<String>,
    pub problems: Vec<Problem>,
}

/// A signed PDF, checked.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    /// The file checked, as given.
    pub file: String,
    /// The meeting it was compared with, if any.
    pub meeting: Option<String>,
    /// How many signature fields it has, signed or not.
    pub fields: usize,
    pub signatures: Vec<SignatureCheck>,
    /// What is wrong with the file as a whole.
    pub problems: Vec<Problem>,
    /// Whether the repository has a trust list.
    pub trust_list: bool,
    /// Document time-stamps (PAdES B-LTA) added after the signatures,
    /// each in a field of its own; they are no one's signature.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timestamps: Vec<DocumentTimestamp>,
    /// The environment (`utskriftsmiljö`) the signed protokoll was typeset
    /// in, when it is not today's: bound by its own signed record of the
    /// sealed printed text rather than by today's bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier: Option<String>,
}

impl Verification {
    /// Every problem, the file's and the signatures', that is an error.
    pub fn errors(&self) -> usize {
        let trust = self.trust_list;
        self.problems.iter().filter(|p| p.is_error(trust)).count()
            + self
                .signatures
                .iter()
                .flat_map(|s| &s.problems)
                .chain(self.timestamps.iter().flat_map(|t| &t.problems))
                .filter(|p| p.is_error(trust))
                .count()
    }

    /// A verification of `file` that has found nothing yet.
    fn new(file: &str, record: Option<&Record>, trusted: &[x509_cert::Certificate]) -> Self {
        Verification {
            file: file.to_string(),
            meeting: record.map(|r| r.label.clone()),
            fields: 0,
            signatures: Vec::new(),
            problems: Vec::new(),
            trust_list: !trusted.is_empty(),
            timestamps: Vec::new(),
            earlier: None,
        }
    }

    /// The signatures that count: none of their problems is an error.
    pub fn signed(&self) -> usize {
        self.signatures
            .iter()
            .filter(|s| !s.problems.iter().any(|p| p.is_error(self.trust_list)))
            .count()
    }

    /// "2/3": signatures that count, of the fields.
    pub fn count(&self) -> String {
        format!("{}/{}", self.signed(), self.fields)
    }
}

/// Checks the signed PDF `bytes`; with `record`, against the meeting it
/// should be the protokoll of; `now` bounds the signing times.
pub fn verify(
    file: &str,
    bytes: &[u8],
    record: Option<&Record>,
    trusted: &[x509_cert::Certificate],
    now: DateTime<Utc>,
) -> Verification {
    // A signed PDF may come from anywhere (a pull request, a signing
    // service): whatever the PDF reader makes of it, rsr reports, and goes
    // on with the next.
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        verify_unguarded(file, bytes, record, trusted, now)
    }));
    checked.unwrap_or_else(|_| {
        let mut verification = Verification::new(file, record, trusted);
        verification.problems.push(Problem::Unreadable {
            reason: t!("sign-reader-failed"),
        });
        verification
    })
}

/// The most revisions a signed PDF may have: three signers, a few
/// validation updates each, and room to spare. Each revision is read
/// whole, so a file of thousands is refused rather than read thousands
/// of times.
const MAX_REVISIONS: usize = 64;

fn verify_unguarded(
    file: &str,
    bytes: &[u8],
    record: Option<&Record>,
    trusted: &[x509_cert::Certificate],
    now: DateTime<Utc>,
) -> Verification {
    let mut verification = Verification::new(file, record, trusted);
    let document = match pdf::load(bytes) {
        Ok(document) => document,
        Err(e) => {
            verification.problems.push(Problem::Unreadable {
                reason: pdf_message(&e),
            });
            return verification;
        }
    };
    verification.fields = pdf::signature_fields(&document).len();
    let ends = pdf::revision_ends(bytes);
    if ends.len() > MAX_REVISIONS {
        verification.problems.push(Problem::Unreadable {
            reason: t!(
                "sign-too-many-revisions",
                count = ends.len(),
                most = MAX_REVISIONS
            ),
        });
        return verification;
    }
    if ends.last() != Some(&bytes.len()) {
        verification.problems.push(Problem::Trailing);
    }
    for field in pdf::untagged_fields(&document) {
        verification.problems.push(Problem::UntaggedField { field });
    }
    for (field, font) in pdf::unembedded_appearance_fonts(&document) {
        verification
            .problems
            .push(Problem::FontNotEmbedded { field, font });
    }
    let mut first_signed = None;
    for embedded in pdf::embedded(&document) {
        if embedded.timestamp {
            verification.fields = verification.fields.saturating_sub(1);
            let (stamp, end) = check_document_timestamp(bytes, &ends, &embedded, trusted, now);
            if let Some(end) = end {
                first_signed = Some(first_signed.map_or(end, |f: usize| f.min(end)));
            }
            verification.timestamps.push(stamp);
            continue;
        }
        let (check, end) = check_signature(bytes, &ends, &embedded, record, trusted, now);
        if let Some(end) = end {
            first_signed = Some(first_signed.map_or(end, |f: usize| f.min(end)));
        }
        verification.signatures.push(check);
    }
    // Where the checking of later revisions starts: after the prepared
    // revision when the file is compared with its meeting, else after the
    // first signature.
    let mut from = first_signed;
    if let Some(record) = record {
        match bind(bytes, &ends, record) {
            Ok((prepared, earlier)) => {
                from = Some(prepared);
                verification.earlier = earlier;
            }
            Err(problem) => verification.problems.push(problem),
        }
    }
    if let Some(from) = from {
        // Each revision from there on, read once, against the one before.
        let mut before = None;
        for (index, &end) in ends.iter().enumerate().filter(|(_, e)| **e >= from) {
            let after = pdf::load(&bytes[..end]).ok();
            if let (Some(before), Some(after)) = (&before, &after) {
                for forbidden in pdf::forbidden_changes(before, after) {
                    verification.problems.push(Problem::ChangedAfter {
                        revision: index + 1,
                        object: forbidden.object,
                        what: forbidden.what,
                    });
                }
            }
            before = after;
        }
    }
    verification
}

/// Whether `bytes` is the protokoll of `record` with its fields prepared:
/// the end of the prepared revision, and the environment the protokoll was
/// typeset in when that was another than today's.
///
/// Byte for byte the PDF built now, under today's templates, fonts and
/// rsr. A PDF prepared under another environment (an earlier rsr, other
/// templates) cannot be made again; it is bound when its prepared revision,
/// signed by the signers, records that environment and the printed text
/// `justering.lock` sealed, and its fields are those rsr prepares on its
/// own first revision.
fn bind(bytes: &[u8], ends: &[usize], record: &Record) -> Result<(usize, Option<String>), Problem> {
    if bytes.starts_with(&record.built) {
        return if bytes.starts_with(&record.prepared) {
            Ok((record.prepared.len(), None))
        } else {
            Err(Problem::NotPrepared)
        };
    }
    let (Some(&first), Some(&second)) = (ends.first(), ends.get(1)) else {
        return Err(Problem::NotTheBuild);
    };
    let Some(prepared) = pdf::load(&bytes[..second]).ok() else {
        return Err(Problem::NotTheBuild);
    };
    let Some(stamp) = pdf::stamp(&prepared) else {
        return Err(Problem::NotTheBuild);
    };
    // Where its visible signatures are shown, it says itself: its own
    // layout put them there.
    let own = pdf::field_places(&prepared);
    if stamp.environment == record.stamp.environment
        || record.sealed_printed.as_ref() != Some(&stamp.printed)
    {
        return Err(Problem::NotTheBuild);
    }
    let fields = fields(&record.signatories, |_, s| own.get(&s.field).copied());
    match pdf::prepare(&bytes[..first], &fields, &stamp) {
        Ok(prepared) if bytes.starts_with(&prepared) => {
            Ok((prepared.len(), Some(stamp.environment)))
        }
        _ => Err(Problem::NotPrepared),
    }
}

/// Checks one signature; also returns the end of the revision it covers.
fn check_signature(
    bytes: &[u8],
    ends: &[usize],
    embedded: &pdf::Embedded,
    record: Option<&Record>,
    trusted: &[x509_cert::Certificate],
    now: DateTime<Utc>,
) -> (SignatureCheck, Option<usize>) {
    let signatory = record.and_then(|r| r.signatories.iter().find(|s| s.field == embedded.field));
    let mut check = SignatureCheck {
        field: embedded.field.clone(),
        role: signatory.map(|s| s.role.clone()),
        expected: signatory.map(|s| s.name.clone()),
        signer: String::new(),
        subject: String::new(),
        time: embedded.time.as_deref().and_then(parse_pdf_date),
        trusted_by: None,
        timestamp: None,
        problems: Vec::new(),
    };
    let covered = covered(bytes, ends, &embedded.byte_range);
    let Some((parts, end)) = covered else {
        check.problems.push(Problem::NotCovered);
        return (check, None);
    };
    let checked = match cms::check(&embedded.contents, &parts) {
        Ok(checked) => checked,
        Err(e) => {
            check.problems.push(match e {
                cms::CmsError::Unsupported(what) => Problem::Unsupported { what },
                other => Problem::Malformed {
                    reason: cms_reason(&other),
                },
            });
            return (check, Some(end));
        }
    };
    match &checked.intact {
        Ok(()) => {}
        Err(what) if what == "digest" || what == "signature" => {
            check.problems.push(Problem::Broken)
        }
        Err(what) => check
            .problems
            .push(Problem::Unsupported { what: what.clone() }),
    }
    check.signer = cms::person_name(&checked.certificate);
    check.subject = cms::subject(&checked.certificate);
    if check.time.is_none() {
        check.time = checked.signing_time.map(|t| t.fixed_offset());
    }
    match (record, signatory) {
        (Some(_), None) => check.problems.push(Problem::UnknownField),
        (Some(_), Some(signatory)) if !same_person(&signatory.name, &check.signer) => {
            check.problems.push(Problem::WrongSigner {
                expected: signatory.name.clone(),
                role: signatory.role.clone(),
            });
        }
        _ => {}
    }
    let validity = cms::validity(&checked.certificate);
    check.problems.extend(time_problems(
        check.time,
        validity,
        record.map(|r| r.meeting),
        now,
    ));
    match &checked.timestamp {
        Some(Ok(stamp)) => {
            // The authority's time holds where the signer's clock might
            // not: the certificate was valid then, the meeting had been,
            // and the signature claims no later time.
            let mut also = time_problems(
                Some(stamp.time.fixed_offset()),
                validity,
                record.map(|r| r.meeting),
                now,
            );
            if let Some(time) = check.time
                && time.with_timezone(&Utc) > stamp.time + chrono::Duration::minutes(5)
            {
                also.push(Problem::AfterTimestamp {
                    stamped: stamp.time,
                });
            }
            for problem in also {
                if !check.problems.contains(&problem) {
                    check.problems.push(problem);
                }
            }
            let carried: Vec<_> = stamp
                .carried
                .iter()
                .chain(&checked.carried)
                .cloned()
                .collect();
            let trusted_by = cms::chain_to(&stamp.authority, &carried, trusted).map(cms::subject);
            let authority = cms::subject(&stamp.authority);
            if trusted_by.is_none() {
                check.problems.push(Problem::TimestampUntrusted {
                    authority: authority.clone(),
                });
            }
            check.timestamp = Some(Timestamped {
                time: stamp.time,
                authority,
                trusted_by,
            });
        }
        Some(Err(reason)) => check.problems.push(Problem::TimestampInvalid {
            reason: reason.clone(),
        }),
        None => {}
    }
    match cms::chain_to(&checked.certificate, &checked.carried, trusted) {
        Some(anchor) => check.trusted_by = Some(cms::subject(anchor)),
        None => check.problems.push(Problem::Untrusted),
    }
    (check, Some(end))
}

/// Checks a document time-stamp; also returns the end of the revision it
/// covers.
fn check_document_timestamp(
    bytes: &[u8],
    ends: &[usize],
    embedded: &pdf::Embedded,
    trusted: &[x509_cert::Certificate],
    now: DateTime<Utc>,
) -> (DocumentTimestamp, Option<usize>) {
    let mut stamp = DocumentTimestamp {
        field: embedded.field.clone(),
        time: None,
        authority: String::new(),
        trusted_by: None,
        problems: Vec::new(),
    };
    let Some((parts, end)) = covered(bytes, ends, &embedded.byte_range) else {
        stamp.problems.push(Problem::NotCovered);
        return (stamp, None);
    };
    match cms::check_document_timestamp(&embedded.contents, &parts) {
        Ok(checked) => {
            stamp.time = Some(checked.time);
            stamp.authority = cms::subject(&checked.authority);
            if checked.time > now + chrono::Duration::minutes(5) {
                stamp.problems.push(Problem::InFuture);
            }
            stamp.trusted_by =
                cms::chain_to(&checked.authority, &checked.carried, trusted).map(cms::subject);
            if stamp.trusted_by.is_none() {
                stamp.problems.push(Problem::TimestampUntrusted {
                    authority: stamp.authority.clone(),
                });
            }
        }
        Err(reason) => stamp
            .problems
            .push(Problem::DocumentTimestampInvalid { reason }),
    }
    (stamp, Some(end))
}

/// What is wrong with a signature's time: none given; outside the
/// certificate's validity (`from`, `until`); later than `now` (with five
/// minutes for clocks that disagree); a day before the meeting's.
fn time_problems(
    time: Option<DateTime<FixedOffset>>,
    (from, until): (DateTime<Utc>, DateTime<Utc>),
    meeting: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Vec<Problem> {
    let Some(time) = time else {
        return vec![Problem::NoTime];
    };
    let mut problems = Vec::new();
    let utc = time.with_timezone(&Utc);
    if utc < from || utc > until {
        problems.push(Problem::CertificateNotValid { from, until });
    }
    if utc > now + chrono::Duration::minutes(5) {
        problems.push(Problem::InFuture);
    }
    if let Some(meeting) = meeting
        && time.date_naive() < meeting
    {
        problems.push(Problem::BeforeMeeting { meeting });
    }
    problems
}

/// The two parts of the file a `/ByteRange` covers, when it covers the
/// file from its start to the end of a revision, leaving out exactly the
/// hex string of `/Contents`; and that end.
fn covered<'a>(bytes: &'a [u8], ends: &[usize], range: &[i64]) -> Option<(Vec<&'a [u8]>, usize)> {
    let [0, a, b, c] = range else {
        return None;
    };
    let (a, b, c) = (
        usize::try_from(*a).ok()?,
        usize::try_from(*b).ok()?,
        usize::try_from(*c).ok()?,
    );
    let end = b.checked_add(c)?;
    if a >= b || end > bytes.len() || !ends.contains(&end) {
        return None;
    }
    let gap = &bytes[a..b];
    let hex = gap.len() >= 2
        && gap[0] == b'<'
        && gap[gap.len() - 1] == b'>'
        && gap[1..gap.len() - 1].iter().all(u8::is_ascii_hexdigit);
    hex.then(|| (vec![&bytes[..a], &bytes[b..end]], end))
}

/// Whether a certificate's name is the register's: the same words, case
/// and spacing aside.
fn same_person(register: &str, certificate: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
    };
    words(register) == words(certificate)
}

/// A PDF date (`D:20261204101500+01'00'`, `D:20261204101500Z`) as a time.
pub fn parse_pdf_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.strip_prefix("D:").unwrap_or(text);
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 14 {
        return None;
    }
    let naive = chrono::NaiveDateTime::parse_from_str(&digits[..14], "%Y%m%d%H%M%S").ok()?;
    let rest = &text[digits.len()..];
    let offset = match rest.chars().next() {
        None | Some('Z') => 0,
        Some(sign @ ('+' | '-')) => {
            let numbers: Vec<i32> = rest[1..]
                .split('\'')
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect();
            let minutes =
                numbers.first().copied().unwrap_or(0) * 60 + numbers.get(1).copied().unwrap_or(0);
            if sign == '-' {
                -minutes * 60
            } else {
                minutes * 60
            }
        }
        _ => return None,
    };
    naive
        .and_local_timezone(FixedOffset::east_opt(offset)?)
        .single()
}

pub fn pdf_message(error: &pdf::PdfError) -> String {
    match error {
        pdf::PdfError::Unreadable(reason) => t!("sign-pdf-unreadable", reason = reason),
        pdf::PdfError::Shape(what) => t!("sign-pdf-shape", what = *what),
        pdf::PdfError::NoField(field) => t!("sign-pdf-no-field", field = field),
        pdf::PdfError::Signed(field) => t!("sign-pdf-signed", field = field),
        pdf::PdfError::TooLarge(size, room) => {
            t!("sign-pdf-too-large", size = *size, room = *room)
        }
    }
}

pub fn cms_reason(error: &cms::CmsError) -> String {
    match error {
        cms::CmsError::Keystore(reason) => t!("sign-cms-keystore", reason = reason),
        cms::CmsError::NoKey => t!("sign-cms-no-key"),
        cms::CmsError::Unsupported(what) => t!("sign-problem-unsupported", what = what),
        cms::CmsError::Malformed(reason) | cms::CmsError::Signing(reason) => reason.clone(),
    }
}

/// How far a meeting's signed protokoll is signed, for `rsr list` and the
/// open data: the signatures whose cryptography holds and that cover
/// their revisions, of the signature fields. Neither the signers, the
/// trust list nor the binding to the sealed data are judged here (that is
/// `rsr verifiera`'s and `rsr check`'s work); `None` without a signed
/// protokoll or when it cannot be read.
pub fn tally(repository: &Repository, meeting: &Meeting) -> Option<Tally> {
    let relative = signed_path(meeting);
    if !meeting.signed_folder || !repository.root().join(&relative).is_file() {
        return None;
    }
    let bytes = repository.files.read(&relative, SIGNED_MAX_BYTES).ok()?;
    std::panic::catch_unwind(|| tally_of(&bytes, relative.display().to_string())).ok()?
}

fn tally_of(bytes: &[u8], file: String) -> Option<Tally> {
    let document = pdf::load(bytes).ok()?;
    let ends = pdf::revision_ends(bytes);
    if ends.len() > MAX_REVISIONS {
        return None;
    }
    let embedded = pdf::embedded(&document);
    // A document time-stamp is no one's signature.
    let stamps = embedded.iter().filter(|e| e.timestamp).count();
    let signed = embedded
        .iter()
        .filter(|embedded| !embedded.timestamp)
        .filter(|embedded| {
            covered(bytes, &ends, &embedded.byte_range).is_some_and(|(parts, _)| {
                cms::check(&embedded.contents, &parts).is_ok_and(|c| c.intact.is_ok())
            })
        })
        .count();
    Some(Tally {
        signed,
        fields: pdf::signature_fields(&document)
            .len()
            .saturating_sub(stamps),
        file,
    })
}

/// How far a signed protokoll is signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Signatures that hold cryptographically.
    pub signed: usize,
    /// Signature fields, signed or not.
    pub fields: usize,
    /// The signed protokoll, relative to the repository's root.
    pub file: String,
}

/// The largest signed PDF `rsr check` reads.
pub const SIGNED_MAX_BYTES: u64 = 64 << 20;

/// What `rsr check` says of each signed protokoll in the repository
/// (`signerat/protokoll.pdf` of a meeting): `signature-invalid` for what
/// `rsr verifiera` counts as an error, `signature-untrusted` where the
/// repository has no trust list. A meeting whose seal does not hold is the
/// seal's finding (`adjusted-changed`), not checked here. The protokoll's
/// PDF comes from `out/` when the manifest says it was built from today's
/// inputs, else it is typeset.
pub fn diagnostics(
    repository: &Repository,
    manifest: Option<&Manifest>,
    now: DateTime<Utc>,
) -> Result<Vec<Diagnostic>, Error> {
    let root = repository.root().to_path_buf();
    let mut found = Vec::new();
    let mut trust: Option<Vec<x509_cert::Certificate>> = None;
    let mut typesetter: Option<(Renderer, Worker)> = None;
    let signed: Vec<(&Body, &Meeting, Signable)> = repository
        .bodies
        .iter()
        .flat_map(|body| body.meetings.iter().map(move |meeting| (body, meeting)))
        .flat_map(|(body, meeting)| {
            signed_files(repository, meeting)
                .into_iter()
                .map(move |what| (body, meeting, what))
        })
        .collect();
    for (body, meeting, what) in signed {
        {
            let relative = signed_path_of(meeting, what);
            let loc = Loc {
                file: relative.clone(),
                line: 1,
                column: 1,
            };
            let label = label_of(body, meeting, what);
            let hint = t!(
                "rules-signature-hint",
                body = &body.slug,
                date = meeting.date().to_string()
            );
            let lock = match sealing(repository, body, meeting) {
                Sealing::Held(lock) => lock,
                // Changed since its seal: that is `adjusted-changed`'s finding.
                Sealing::Broken => continue,
                Sealing::NotSealed => {
                    found.push(
                        Diagnostic::error(
                            "signature-invalid",
                            loc,
                            t!(
                                "rules-signature-not-sealed",
                                meeting = &label,
                                kind = what.kind()
                            ),
                        )
                        .with_hint(hint),
                    );
                    continue;
                }
            };
            let bytes = match repository.files.read(&relative, SIGNED_MAX_BYTES) {
                Ok(bytes) => bytes,
                Err(refused) => {
                    found.push(Diagnostic::error(
                        "signature-invalid",
                        loc,
                        t!(
                            "rules-signature-problem",
                            kind = what.kind(),
                            meeting = &label,
                            problem = refused.to_string()
                        ),
                    ));
                    continue;
                }
            };
            let record = record_of(repository, body, meeting, what, lock, |document| {
                let (renderer, worker) = match &mut typesetter {
                    Some(typesetter) => typesetter,
                    none => {
                        let renderer = Renderer::new(repository.files.clone())?;
                        let ceilings = Ceilings::of(repository.organisation.limits);
                        let worker = Worker::new(&renderer, ceilings);
                        none.insert((renderer, worker))
                    }
                };
                if let Some(built) = built_in_out(&root, manifest, renderer, document) {
                    return Ok(built);
                }
                Ok(Built::of(worker.render(document)?, renderer))
            })?;
            let trusted = match &trust {
                Some(trusted) => trusted,
                None => trust.insert(trusted(&root)?),
            };
            let verification = verify(
                &relative.display().to_string(),
                &bytes,
                Some(&record),
                trusted,
                now,
            );
            let have_list = verification.trust_list;
            let kind = what.kind();
            let mut say = |problem: &Problem, who: Option<(&str, &str)>| {
                let what = match who {
                    Some((field, signer)) => {
                        format!("{field} ({signer}): {}", problem.message())
                    }
                    None => problem.message(),
                };
                let message = t!(
                    "rules-signature-problem",
                    meeting = &label,
                    problem = what,
                    kind = kind
                );
                let diagnostic = if problem.is_error(have_list) {
                    Diagnostic::error("signature-invalid", loc.clone(), message)
                } else {
                    Diagnostic::warning("signature-untrusted", loc.clone(), message)
                };
                found.push(diagnostic.with_hint(hint.clone()));
            };
            for problem in &verification.problems {
                say(problem, None);
            }
            for check in &verification.signatures {
                for problem in &check.problems {
                    say(problem, Some((&check.field, &check.signer)));
                }
            }
            for stamp in &verification.timestamps {
                for problem in &stamp.problems {
                    say(problem, Some((&stamp.field, &stamp.authority)));
                }
            }
        }
    }
    Ok(found)
}

/// The protokoll as `rsr build` last wrote it to `out/`, when the manifest
/// says it was made from the inputs of today and the file is as written.
fn built_in_out(
    root: &Path,
    manifest: Option<&Manifest>,
    renderer: &Renderer,
    document: &Document,
) -> Option<Built> {
    let entry = manifest?.entry(&document.output)?;
    if entry.input != renderer.fingerprint(document) {
        return None;
    }
    let bytes = std::fs::read(root.join("out").join(&document.output)).ok()?;
    let printed = entry.printed.clone()?;
    (crate::output::manifest::hash(&[&bytes]) == entry.pdf).then(|| Built {
        pdf: bytes,
        printed,
        environment: renderer.environment(),
        places: entry.places.clone(),
    })
}

/// The repository, the body and the adjusted meeting named.
fn meeting<'a>(
    repository: &'a Repository,
    body: &str,
    date: NaiveDate,
) -> Result<(&'a Body, &'a Meeting), Error> {
    let body = repository.body(body).map_err(Error::Usage)?;
    let meeting = body.meeting(date).ok_or_else(|| {
        Error::Usage(t!(
            "sign-no-meeting",
            body = &body.spec.short_name,
            date = date.to_string()
        ))
    })?;
    Ok((body, meeting))
}

/// How `rsr signera` signs.
pub enum Signing {
    /// With a .p12 file and its password; in `field`, or the field of the
    /// signatory the certificate names.
    Certificate {
        p12: Vec<u8>,
        password: String,
        field: Option<String>,
        /// The URL of a time-stamp authority (RFC 3161): a PAdES B-T
        /// signature, its time attested by the authority.
        timestamp: Option<String>,
    },
    /// Writes the PDF for a signing service to `target`: prepared, or the
    /// signed protokoll as far as it is signed.
    Prepare { target: PathBuf },
    /// Takes the PDF a signing service returned into the meeting folder,
    /// once it verifies.
    Accept { signed: PathBuf },
}

/// What `rsr signera` did.
pub struct Signed {
    pub message: String,
    /// The warnings of the verification (an untrusted certificate).
    pub notes: Vec<String>,
}

/// `rsr signera <body> <date>`.
pub fn signera(
    root: &Path,
    body: &str,
    date: NaiveDate,
    what: Signable,
    signing: Signing,
    now: DateTime<FixedOffset>,
) -> Result<Signed, Error> {
    let repository = gate::open(root, Gate::Loaded)?.repository;
    let (body, meeting) = meeting(&repository, body, date)?;
    // One renderer for the protokoll and a visible signature's appearance.
    let renderer = Renderer::new(repository.files.clone())?;
    let record = record_by(&repository, body, meeting, what, &renderer)?;
    let trusted = trusted(root)?;
    let relative = signed_path_of(meeting, what);
    let target = root.join(&relative);
    let shown = relative.display().to_string();
    let existing = match std::fs::read(&target) {
        Ok(bytes) => {
            let verification = verify(&shown, &bytes, Some(&record), &trusted, now.to_utc());
            refuse_errors(&verification)?;
            Some(bytes)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(&target, e)),
    };
    let base = existing.clone().unwrap_or_else(|| record.prepared.clone());
    // A protokoll that prints lines to sign on in ink is signed all the
    // same; the secretary is told how to have it say otherwise next time.
    let mut notes = Vec::new();
    if !record.electronic && what == Signable::Protokoll {
        notes.push(t!("sign-not-electronic", meeting = &record.label));
    }
    match signing {
        Signing::Prepare { target } => {
            crate::output::write::file(&target, &base)?;
            let file = target.display().to_string();
            Ok(Signed {
                message: t!(
                    "sign-prepared",
                    file = file,
                    meeting = &record.label,
                    kind = what.kind()
                ),
                notes,
            })
        }
        Signing::Accept { signed } => {
            let bytes = std::fs::read(&signed).map_err(|e| Error::io(&signed, e))?;
            if !bytes.starts_with(&base) {
                return Err(Error::Repository(t!(
                    "sign-not-extending",
                    file = signed.display().to_string(),
                    signed = &shown
                )));
            }
            let verification = verify(
                &signed.display().to_string(),
                &bytes,
                Some(&record),
                &trusted,
                now.to_utc(),
            );
            refuse_errors(&verification)?;
            if verification.signatures.is_empty() {
                return Err(Error::Repository(t!(
                    "sign-none",
                    file = signed.display().to_string()
                )));
            }
            crate::output::write::file(&target, &bytes)?;
            Ok(Signed {
                message: t!(
                    "sign-accepted",
                    kind = what.kind(),
                    meeting = &record.label,
                    count = verification.count(),
                    file = &shown
                ),
                notes: notes.into_iter().chain(warnings(&verification)).collect(),
            })
        }
        Signing::Certificate {
            p12,
            password,
            field,
            timestamp,
        } => {
            if let Some(url) = &timestamp {
                tsa::check_url(url).map_err(|e| tsa_error(&e))?;
            }
            let signer = cms::Signer::from_p12(&p12, &password)
                .map_err(|e| Error::Usage(t!("sign-p12", reason = cms_reason(&e))))?;
            let name = cms::person_name(signer.certificate());
            let document = pdf::load(&base).map_err(|e| Error::Internal(pdf_message(&e)))?;
            let open: Vec<String> = pdf::signature_fields(&document)
                .into_iter()
                .filter(|f| f.value.is_none())
                .map(|f| f.name)
                .collect();
            let field = match field {
                Some(field) => field,
                None => record
                    .signatories
                    .iter()
                    .find(|s| same_person(&s.name, &name) && open.contains(&s.field))
                    .map(|s| s.field.clone())
                    .ok_or_else(|| {
                        let named = record
                            .signatories
                            .iter()
                            .map(|s| format!("{} {} ({})", s.role, s.name, s.field))
                            .collect::<Vec<_>>()
                            .join(", ");
                        Error::Usage(t!(
                            "sign-no-field-for",
                            kind = what.kind(),
                            name = &name,
                            meeting = &record.label,
                            named = named
                        ))
                    })?,
            };
            // A container for a digest of the same length is as long, but
            // for the few bytes an ECDSA signature's DER varies by, and
            // those a time-stamp's serial number and nonce vary by: the
            // authority is asked twice, for the probe and the signature.
            let stamper = |signature: &[u8]| -> Result<Vec<u8>, SignError> {
                let url = timestamp.as_deref().unwrap_or_default();
                tsa::stamp(url, signature).map_err(|e| SignError::Other(tsa_error(&e)))
            };
            let stamp: Option<&cms::Stamper<SignError>> = timestamp.is_some().then_some(&stamper);
            let probe = signer.sign_stamped(&[0; 32], stamp).map_err(|e| match e {
                SignError::Other(e) => e,
                SignError::Pdf(e) => Error::Internal(pdf_message(&e)),
            })?;
            // A visible signature shows the certificate's name and the
            // time on the protokoll's line, typeset in its typeface.
            let appearance = match pdf::field_places(&document).get(&field) {
                Some(place) => {
                    let (width, height) = place.size();
                    let time = now.format("%Y-%m-%d %H.%M").to_string();
                    let stamp =
                        crate::typeset::stamp::appearance(&renderer, &name, &time, width, height)
                            .map_err(Error::Internal)?;
                    Some(stamp)
                }
                None => None,
            };
            let info = pdf::SignatureInfo {
                name: &name,
                time: now,
                room: pdf::room_for(probe.len()),
                appearance,
            };
            let bytes = pdf::add_signature(&base, &field, &info, |digest| {
                signer.sign_stamped(digest, stamp)
            })
            .map_err(|e| match e {
                SignError::Pdf(e @ (pdf::PdfError::NoField(_) | pdf::PdfError::Signed(_))) => {
                    Error::Usage(pdf_message(&e))
                }
                SignError::Pdf(e) => Error::Internal(pdf_message(&e)),
                SignError::Other(e) => e,
            })?;
            let verification = verify(&shown, &bytes, Some(&record), &trusted, now.to_utc());
            refuse_errors(&verification)?;
            crate::output::write::file(&target, &bytes)?;
            let role = record
                .signatories
                .iter()
                .find(|s| s.field == field)
                .map(|s| s.role.clone())
                .unwrap_or_else(|| field.clone());
            Ok(Signed {
                message: t!(
                    "sign-signed",
                    kind = what.kind(),
                    meeting = &record.label,
                    name = &name,
                    role = role,
                    count = verification.count(),
                    file = &shown
                ),
                notes: notes.into_iter().chain(warnings(&verification)).collect(),
            })
        }
    }
}

/// An error while signing: the PDF's, or another.
enum SignError {
    Pdf(pdf::PdfError),
    Other(Error),
}

impl From<pdf::PdfError> for SignError {
    fn from(e: pdf::PdfError) -> Self {
        SignError::Pdf(e)
    }
}

impl From<Error> for SignError {
    fn from(e: Error) -> Self {
        SignError::Other(e)
    }
}

impl From<cms::CmsError> for SignError {
    fn from(e: cms::CmsError) -> Self {
        SignError::Other(Error::Internal(cms_reason(&e)))
    }
}

/// Why a time-stamp could not be had, as an error of its kind: a URL rsr
/// cannot ask is the command line's; an authority that does not answer,
/// or not with a token, is the outside tool's.
fn tsa_error(error: &tsa::TsaError) -> Error {
    match error {
        tsa::TsaError::Url(url) => Error::Usage(t!("sign-tsa-url", url = url)),
        tsa::TsaError::Transport(reason) => {
            Error::Internal(t!("sign-tsa-unreachable", reason = reason))
        }
        tsa::TsaError::Refused(reason) => Error::Internal(t!("sign-tsa-refused", reason = reason)),
    }
}

/// The warnings of a verification, in words.
fn warnings(verification: &Verification) -> Vec<String> {
    verification
        .signatures
        .iter()
        .flat_map(|s| s.problems.iter().map(move |p| (s, p)))
        .filter(|(_, p)| !p.is_error(verification.trust_list))
        .map(|(s, p)| format!("{} ({}): {}", s.field, s.signer, p.message()))
        .collect()
}

/// Refuses a verification with errors, listing them.
fn refuse_errors(verification: &Verification) -> Result<(), Error> {
    if verification.errors() == 0 {
        return Ok(());
    }
    Err(Error::Repository(report(verification)))
}

/// "valid", or "NOT VALID" when one of `problems` is an error.
fn verdict(problems: &[Problem], trust_list: bool) -> String {
    if problems.iter().any(|p| p.is_error(trust_list)) {
        t!("sign-report-bad")
    } else {
        t!("sign-report-good")
    }
}

/// A verification as people read it: the file, then a line per signature
/// and per problem.
pub fn report(verification: &Verification) -> String {
    let mut lines = Vec::new();
    let against = verification
        .meeting
        .clone()
        .map(|meeting| t!("sign-report-against", meeting = meeting))
        .unwrap_or_else(|| t!("sign-report-alone"));
    lines.push(t!(
        "sign-report-file",
        file = &verification.file,
        count = verification.count(),
        against = against
    ));
    if let Some(environment) = &verification.earlier {
        lines.push(format!(
            "  {}",
            t!(
                "sign-report-earlier",
                environment = &environment[..16.min(environment.len())]
            )
        ));
    }
    for problem in &verification.problems {
        lines.push(format!("  {}", problem.message()));
    }
    for signature in &verification.signatures {
        let time = signature
            .time
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let state = verdict(&signature.problems, verification.trust_list);
        lines.push(format!(
            "  {}: {} {} ({time}) {state}",
            signature.field,
            signature.role.clone().unwrap_or_default(),
            signature.signer
        ));
        if let Some(anchor) = &signature.trusted_by {
            lines.push(format!("    {}", t!("sign-report-trusted", ca = anchor)));
        }
        if let Some(stamp) = &signature.timestamp {
            lines.push(format!(
                "    {}",
                t!(
                    "sign-report-timestamp",
                    time = stamp.time.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                    authority = &stamp.authority
                )
            ));
            if let Some(anchor) = &stamp.trusted_by {
                lines.push(format!("      {}", t!("sign-report-trusted", ca = anchor)));
            }
        }
        for problem in &signature.problems {
            lines.push(format!("    {}", problem.message()));
        }
    }
    for stamp in &verification.timestamps {
        let state = verdict(&stamp.problems, verification.trust_list);
        lines.push(format!(
            "  {}: {} {state}",
            stamp.field,
            t!(
                "sign-report-document-timestamp",
                time = stamp
                    .time
                    .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
                    .unwrap_or_default(),
                authority = &stamp.authority
            )
        ));
        if let Some(anchor) = &stamp.trusted_by {
            lines.push(format!("    {}", t!("sign-report-trusted", ca = anchor)));
        }
        for problem in &stamp.problems {
            lines.push(format!("    {}", problem.message()));
        }
    }
    lines.join("\n")
}

/// `rsr verifiera`: a file alone, or a meeting's signed protokoll (or
/// `file`) against the meeting.
pub fn verifiera(
    root: Option<&Path>,
    target: Target,
    now: DateTime<Utc>,
) -> Result<Verification, Error> {
    let trusted = match root {
        Some(root) => trusted(root)?,
        None => Vec::new(),
    };
    match target {
        Target::File(path) => {
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            Ok(verify(
                &path.display().to_string(),
                &bytes,
                None,
                &trusted,
                now,
            ))
        }
        Target::Meeting {
            body,
            date,
            what,
            file,
        } => {
            let root = root.ok_or_else(|| Error::Usage(t!("sign-no-repository")))?;
            let repository = gate::open(root, Gate::Loaded)?.repository;
            let (body, meeting) = meeting(&repository, &body, date)?;
            let record = record(&repository, body, meeting, what)?;
            let (path, shown) = match file {
                Some(file) => (file.clone(), file.display().to_string()),
                None => {
                    let relative = signed_path_of(meeting, what);
                    (root.join(&relative), relative.display().to_string())
                }
            };
            let bytes = std::fs::read(&path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    Error::Usage(t!(
                        "sign-not-signed",
                        kind = record.what.kind(),
                        meeting = &record.label,
                        file = &shown
                    ))
                } else {
                    Error::io(&path, e)
                }
            })?;
            Ok(verify(&shown, &bytes, Some(&record), &trusted, now))
        }
    }
}

/// What `rsr verifiera` checks.
pub enum Target {
    File(PathBuf),
    Meeting {
        body: String,
        date: NaiveDate,
        what: Signable,
        file: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_ascii_of_the_role() {
        assert_eq!(field_name("Ordförande"), "ordforande");
        assert_eq!(field_name("Justerare"), "justerare");
        assert_eq!(field_name("Vice ordförande"), "vice-ordforande");
        assert_eq!(field_name("§ –"), "underskrift");
    }

    #[test]
    fn a_pdf_date_reads_with_its_offset() {
        let time = parse_pdf_date("D:20261204101500+01'00'").unwrap();
        assert_eq!(time.to_rfc3339(), "2026-12-04T10:15:00+01:00");
        let utc = parse_pdf_date("D:20261204101500Z").unwrap();
        assert_eq!(utc.to_rfc3339(), "2026-12-04T10:15:00+00:00");
        assert!(parse_pdf_date("D:2026").is_none());
    }

    #[test]
    fn a_signature_is_timed_within_the_certificate_after_the_meeting_and_not_ahead() {
        let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap();
        let utc = |text: &str| at(text).with_timezone(&Utc);
        let validity = (utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
        let meeting = NaiveDate::from_ymd_opt(2026, 10, 14);
        let now = utc("2026-12-04T12:00:00Z");
        let problems = |time: &str| time_problems(Some(at(time)), validity, meeting, now);
        assert_eq!(problems("2026-10-20T10:00:00+02:00"), []);
        // The meeting's own day counts, in the signature's own time zone.
        assert_eq!(problems("2026-10-14T00:30:00+02:00"), []);
        assert_eq!(
            problems("2026-10-13T23:30:00+02:00"),
            [Problem::BeforeMeeting {
                meeting: meeting.unwrap()
            }]
        );
        assert_eq!(problems("2026-12-04T12:04:00Z"), []);
        assert_eq!(problems("2026-12-04T12:06:00Z"), [Problem::InFuture]);
        assert_eq!(
            problems("2027-02-01T10:00:00+01:00"),
            [
                Problem::CertificateNotValid {
                    from: validity.0,
                    until: validity.1
                },
                Problem::InFuture
            ]
        );
        assert_eq!(
            time_problems(None, validity, meeting, now),
            [Problem::NoTime]
        );
        // A file checked alone has no meeting to be after.
        assert_eq!(
            time_problems(Some(at("2026-03-01T10:00:00Z")), validity, None, now),
            []
        );
    }

    #[test]
    fn names_match_whatever_their_case_and_spacing() {
        assert!(same_person("Eva  Ek", "EVA EK"));
        assert!(!same_person("Eva Ek", "Eva Eklund"));
    }
}
