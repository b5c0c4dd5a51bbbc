//! The documents a repository yields, and the data each template receives.
//! One module per document kind turns the model into that kind's data and
//! declares the kind in a `KindSpec`; `KINDS` is the registry every other
//! stage asks (which statuses allow a kind, its title, template, where the
//! site and open data place it, what `rsr diff` compares). This module
//! holds what the kinds share: contexts, headers, output names, and how
//! persons are written.

pub(crate) mod anslag;
pub(crate) mod delegation;
pub(crate) mod kallelse;
pub(crate) mod kungorelse;
pub(crate) mod markdown;
pub(crate) mod plan;
pub(crate) mod protokoll;
pub(crate) mod record;
pub(crate) mod uppfoljning;
pub(crate) mod utdrag;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::error::Error;
use crate::repo::labels::Labels;
use crate::repo::model::{
    Body, Located, Logo, Meeting, Organisation, Person, PersonRef, Presenter, Repository, Role,
    Status,
};
use crate::repo::number::Paragraphs;
use crate::sv;

/// The kinds of document rsr produces.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Kind {
    /// Kallelse/föredragningslista, from status `kallad` on.
    Kallelse,
    /// Protokoll, once the meeting is `genomförd`.
    Protokoll,
    /// Protokollsutdrag, one per paragraph, once the meeting is `justerad`;
    /// for a paragraph adjusted immediately, once it is `genomförd`.
    Protokollsutdrag,
    /// Sammanträdesplan: a body's meetings of a year.
    Sammantradesplan,
    /// Anslagsbevis, for bodies with `anslagstavla: true`, once `justerad`.
    Anslagsbevis,
    /// Kungörelse of a fullmäktige meeting, from status `kallad` on.
    Kungorelse,
    /// Beslutsuppföljning: a body's uppdrag and motions of a year.
    Beslutsuppfoljning,
}

/// The registry of document kinds, in the order a meeting's documents are
/// made. Adding a kind: a variant of `Kind`, a module that declares its
/// `SPEC`, a template with its sample data under `templates/`, and its line
/// here.
pub static KINDS: [KindSpec; 7] = [
    kungorelse::SPEC,
    kallelse::SPEC,
    protokoll::SPEC,
    utdrag::SPEC,
    anslag::SPEC,
    plan::SPEC,
    uppfoljning::SPEC,
];

/// Everything rsr knows of one kind of document, declared once.
pub struct KindSpec {
    pub kind: Kind,
    /// The template's file name (without `.typ`), the output name's suffix
    /// and `--kind`'s value: "kallelse".
    pub slug: &'static str,
    /// Its heading in `rsr diff`: "Kallelse/föredragningslista".
    pub title: &'static str,
    /// Its name on the site and in the open data: "Kallelse".
    pub label: &'static str,
    /// The built-in template; a repository's `templates/<slug>.typ`
    /// replaces it.
    pub template: &'static str,
    /// Sample data beside the template, so that it compiles alone.
    pub sample: &'static str,
    /// One per meeting, per paragraph or per year.
    pub scope: Scope,
    /// The status from which a meeting has documents of this kind.
    pub from: Status,
    /// Whether an inställd meeting has documents of this kind (its `make`
    /// then decides which); an inställd meeting reaches no `from`.
    pub cancelled: bool,
    /// Whether its items carry § numbers (a kallelse lists them by number).
    pub numbered: bool,
    /// Part of the adjusted record: `rsr diff` warns when a change touches
    /// it on an adjusted meeting.
    pub record: bool,
    /// Its place in a meeting's open data.
    pub open_data: OpenData,
    /// Its entry in the site's feed, if a meeting's state gives it one: the
    /// date it was published and a summary.
    pub feed: Option<Feed>,
    /// The fields of an item file it shows, by YAML key, for `rsr diff`.
    pub item_fields: &'static [&'static str],
    /// The fields of meeting.yaml it shows, by YAML key, for `rsr diff`.
    pub meeting_fields: &'static [&'static str],
    /// The fields of a sub-item with a heading of its own that it shows, by
    /// YAML key, for `rsr diff`.
    pub subitem_fields: &'static [&'static str],
    /// How its documents are made.
    pub make: Make,
}

/// A document's entry in the feed: the date it was published and a
/// summary, or none while its meeting's state gives it none.
pub type Feed = fn(&Meeting, &Document) -> Option<(NaiveDate, String)>;

/// How many documents of a kind there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Meeting,
    Paragraph,
    Year,
}

/// Where a meeting's open data files a document (OParl's Meeting fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenData {
    /// `invitation`
    Invitation,
    /// `resultsProtocol`
    ResultsProtocol,
    /// `auxiliaryFile`
    Auxiliary,
    /// Not a meeting's file.
    None,
}

/// How a kind's documents are made from the model.
pub enum Make {
    /// From one meeting: none, one or more (those of the paragraphs in the
    /// slice, when it is not empty).
    Meeting(fn(&Context, &[u32]) -> Vec<Document>),
    /// From a body's meetings, per year (those of the years of the dates in
    /// the slice, when it is not empty).
    Year(fn(&Repository, &Body, &[NaiveDate]) -> Vec<Document>),
}

impl Kind {
    /// Its declaration in the registry.
    pub fn spec(self) -> &'static KindSpec {
        KINDS
            .iter()
            .find(|spec| spec.kind == self)
            .unwrap_or_else(|| unreachable!("{self:?} is in the registry, as a test checks"))
    }

    /// The template file (without `.typ`) and the output suffix.
    pub fn name(self) -> &'static str {
        self.spec().slug
    }

    /// The kind a slug names.
    pub fn from_slug(slug: &str) -> Option<Kind> {
        KINDS
            .iter()
            .find(|spec| spec.slug == slug)
            .map(|spec| spec.kind)
    }
}

/// One document to typeset: its template, its data, and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    pub kind: Kind,
    pub body: String,
    pub date: NaiveDate,
    /// Output path relative to the output directory.
    pub output: PathBuf,
    /// A stable identifier for the PDF's document id.
    pub ident: String,
    /// The date the PDF declares as its creation date, taken from the data
    /// so that two builds give the same bytes.
    pub issued: NaiveDate,
    /// What the template reads as `/data.json`: compact JSON, kept as text
    /// because a build holds every document's data at once and a parsed
    /// tree takes several times the memory.
    pub data: Vec<u8>,
    /// Files from the meeting folder the template may read, in order, as
    /// `/underlag/<n>.pdf`; relative to the repository root.
    pub files: Vec<PathBuf>,
    /// Whether it may be published as it is: not a draft, and without
    /// confidential information (a protokoll with confidential items has a
    /// public version beside it; the utdrag of a confidential paragraph
    /// goes only to the party concerned).
    pub public: bool,
    /// Whether it holds confidential information (the internal protokoll
    /// of a meeting with confidential items, the utdrag of a confidential
    /// paragraph): never copied out of out/, drafts for review included.
    pub internal: bool,
    /// The § of a protokollsutdrag.
    pub paragraph: Option<u32>,
    /// A notice that its meeting is inställt, made in place of the
    /// kallelse that was sent.
    pub cancelled: bool,
    /// The logo its header shows, relative to the repository root; the
    /// template reads it as `/logotyp.svg` or `/logotyp.png`.
    pub logo: Option<PathBuf>,
}

/// The output name's suffix of a protokoll's public version.
pub const PUBLIC_VERSION: &str = "protokoll-publik";

impl Document {
    /// Whether this is the public version of a protokoll with confidential
    /// items.
    pub fn is_public_version(&self) -> bool {
        self.kind == Kind::Protokoll
            && self
                .output
                .file_stem()
                .is_some_and(|stem| stem.to_string_lossy().ends_with(PUBLIC_VERSION))
    }
}

impl Document {
    /// Its name on the site and in the open data: "Kallelse", "Protokoll
    /// (offentlig version)", "Protokollsutdrag § 29", "Sammanträdesplan 2026".
    pub fn label(&self) -> String {
        let spec = self.kind.spec();
        match spec.scope {
            _ if self.cancelled => kallelse::NOTICE_TITLE.to_string(),
            _ if self.is_public_version() => format!("{} (offentlig version)", spec.label),
            Scope::Paragraph => format!("{} § {}", spec.label, self.paragraph.unwrap_or_default()),
            Scope::Year => format!("{} {}", spec.label, self.date.year()),
            Scope::Meeting => spec.label.to_string(),
        }
    }

    /// Its heading in `rsr diff`: "Kallelse/föredragningslista", "Protokoll,
    /// offentlig version", "Protokollsutdrag § 29", "Sammanträdesplan".
    pub fn heading(&self) -> String {
        let spec = self.kind.spec();
        match (spec.scope, self.paragraph) {
            _ if self.cancelled => {
                format!("{}, {}", spec.title, kallelse::NOTICE_TITLE.to_lowercase())
            }
            _ if self.is_public_version() => format!("{}, offentlig version", spec.title),
            (Scope::Paragraph, Some(n)) => format!("{} § {n}", spec.title),
            _ => spec.title.to_string(),
        }
    }
}

/// The virtual path under which a template reads the `n`th of a document's
/// files.
pub fn file_path(n: usize) -> String {
    format!("/underlag/{n}.pdf")
}

/// Which documents to make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub bodies: Vec<String>,
    pub meetings: Vec<NaiveDate>,
    pub kinds: Vec<Kind>,
    /// Only these paragraphs' protokollsutdrag.
    pub paragraphs: Vec<u32>,
}

impl Filter {
    /// Whether it lets every document through.
    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty()
            && self.meetings.is_empty()
            && self.kinds.is_empty()
            && self.paragraphs.is_empty()
    }

    /// Fails when a body or meeting asked for does not exist, rather than
    /// quietly building nothing.
    pub fn check(&self, repository: &Repository) -> Result<(), Error> {
        for wanted in &self.bodies {
            repository.body(wanted).map_err(Error::Usage)?;
        }
        for wanted in &self.meetings {
            let known = repository
                .bodies
                .iter()
                .flat_map(|b| &b.meetings)
                .any(|m| m.date() == *wanted);
            if !known {
                return Err(Error::Usage(crate::lang::t!(
                    "cmd-no-meeting-on",
                    date = crate::sv::iso_date(*wanted)
                )));
            }
        }
        Ok(())
    }

    fn wants(&self, body: &Body, meeting: &Meeting, kind: Kind) -> bool {
        self.wants_body(body)
            && (self.meetings.is_empty() || self.meetings.contains(&meeting.date()))
            && self.wants_kind(kind)
    }

    fn wants_body(&self, body: &Body) -> bool {
        self.bodies.is_empty()
            || self
                .bodies
                .iter()
                .any(|b| b == &body.slug || b == &body.spec.short_name)
    }

    fn wants_kind(&self, kind: Kind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// Every document the repository's meetings allow, in a stable order.
pub fn documents(repository: &Repository, filter: &Filter) -> Vec<Document> {
    repository
        .bodies
        .iter()
        .flat_map(|body| documents_of(repository, body, filter))
        .collect()
}

/// The documents of one body, in the order `documents` gives them.
pub fn documents_of(repository: &Repository, body: &Body, filter: &Filter) -> Vec<Document> {
    let mut documents = Vec::new();
    each_document_of(repository, body, filter, |document| {
        documents.push(document)
    });
    documents
}

/// Hands each document of one body to `each` as soon as it is made, in the
/// order `documents_of` gives them: a caller that keeps little of each need
/// not hold the whole body's data at once.
pub fn each_document_of(
    repository: &Repository,
    body: &Body,
    filter: &Filter,
    mut each: impl FnMut(Document),
) {
    if !filter.wants_body(body) {
        return;
    }
    for context in contexts(&repository.organisation, body) {
        each_document_of_meeting(&context, filter, &mut each);
    }
    each_document_of_years(repository, body, filter, &mut each);
}

/// The documents of one part of `body`, in the order `documents_of` gives
/// them: with `part` below the number of its meetings, that meeting's;
/// with that number, those of its years (the sammanträdesplan); past it,
/// `None`. A caller that makes a body's documents a part at a time holds
/// one meeting's data at once; it makes the body's `unhyphenated` once.
pub fn part_of(
    repository: &Repository,
    body: &Body,
    unhyphenated: &Arc<Option<String>>,
    part: usize,
    filter: &Filter,
) -> Option<Vec<Document>> {
    let meetings = body.meetings.len();
    if part > meetings {
        return None;
    }
    let mut documents = Vec::new();
    if !filter.wants_body(body) {
        return Some(documents);
    }
    let mut each = |document| documents.push(document);
    if part < meetings {
        let context = context_of(&repository.organisation, body, part, unhyphenated)?;
        each_document_of_meeting(&context, filter, &mut each);
    } else {
        each_document_of_years(repository, body, filter, &mut each);
    }
    Some(documents)
}

/// The documents of one meeting, in the order of the registry.
fn each_document_of_meeting(context: &Context, filter: &Filter, each: &mut impl FnMut(Document)) {
    let (body, meeting) = (context.body, context.meeting);
    for spec in &KINDS {
        if let Make::Meeting(make) = spec.make
            && (meeting.status().reached(spec.from)
                || (meeting.status().is_cancelled() && spec.cancelled))
            && filter.wants(body, meeting, spec.kind)
        {
            make(context, &filter.paragraphs)
                .into_iter()
                .for_each(&mut *each);
        }
    }
}

/// The documents of a body's years, in the order of the registry.
fn each_document_of_years(
    repository: &Repository,
    body: &Body,
    filter: &Filter,
    each: &mut impl FnMut(Document),
) {
    for spec in &KINDS {
        if let Make::Year(make) = spec.make
            && filter.wants_kind(spec.kind)
        {
            make(repository, body, &filter.meetings)
                .into_iter()
                .for_each(&mut *each);
        }
    }
}

/// Each meeting of a body with what its documents are made from.
pub fn contexts<'a>(
    organisation: &'a Organisation,
    body: &'a Body,
) -> impl Iterator<Item = Context<'a>> {
    // The same for every document of the body: made once.
    let names: Arc<Option<String>> = Arc::new(unhyphenated(organisation, body));
    (0..body.meetings.len()).map_while(move |part| context_of(organisation, body, part, &names))
}

/// The context of the body's meeting at `part`, with the body's
/// `unhyphenated` made beforehand.
fn context_of<'a>(
    organisation: &'a Organisation,
    body: &'a Body,
    part: usize,
    unhyphenated: &Arc<Option<String>>,
) -> Option<Context<'a>> {
    Some(Context {
        organisation,
        body,
        meeting: body.meetings.get(part)?,
        paragraphs: body.numbering.get(part)?,
        unhyphenated: Arc::clone(unhyphenated),
    })
}

/// What the documents of a body's meeting read of the body's other
/// meetings: its § numbers (which run on from the meetings before it that
/// year), the date of the last meeting held before it (a delegation
/// report's period, `delegation::previous_held`) and the folder its
/// protokoll takes the next meeting's time and place from
/// (`protokoll::next_folder`). Nothing else: a meeting's documents are
/// made from its own files, its body's files that are no meeting's
/// (body.yaml, the registers), everything the repository shares, and
/// this. The inventory keeps each meeting's documents under a key of
/// these (`build::inventory::part_keys`), and a test holds that the
/// makers reach the other meetings nowhere else.
pub struct Neighbours<'a> {
    pub paragraphs: &'a Paragraphs,
    pub previous_held: Option<NaiveDate>,
    pub next_folder: Option<&'a Meeting>,
}

/// The neighbours of the body's meeting at `part`.
pub fn neighbours(body: &Body, part: usize) -> Option<Neighbours<'_>> {
    let meeting = body.meetings.get(part)?;
    Some(Neighbours {
        paragraphs: body.numbering.get(part)?,
        previous_held: delegation::previous_held(body, meeting),
        next_folder: protokoll::next_folder(body, meeting),
    })
}

/// Everything a document of one meeting is made from.
pub struct Context<'a> {
    pub organisation: &'a Organisation,
    pub body: &'a Body,
    pub meeting: &'a Meeting,
    pub paragraphs: &'a Paragraphs,
    /// The body's `unhyphenated` pattern.
    unhyphenated: Arc<Option<String>>,
}

/// The part of every document's data that the shared header and footer use.
#[derive(Debug, Serialize)]
pub struct Header {
    pub organisation: String,
    pub body: String,
    pub body_short: String,
    /// The document's heading, e.g. "Protokoll".
    pub title: String,
    /// The PDF's title metadata.
    pub document_title: String,
    /// "2025-11-17"
    pub date: String,
    /// "måndag 17 november 2025"
    pub date_long: String,
    /// "UTKAST – ej justerat": shown on every page of a document that is
    /// not yet final, and in its title.
    pub draft: Option<String>,
    /// Every heading and label the templates print, by id (`rubriker:`).
    /// Empty only in the data a seal hashes, which keeps just the labels
    /// that differ from their defaults (see `check::seal`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<&'static str, String>,
    /// The logo in the page header, if the organisation or body has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<HeaderLogo>,
    /// The names the templates never hyphenate where running text holds
    /// them: the register's persons and the organisations, as one regular
    /// expression of escaped literals, longest first. Typography, not
    /// content: the seal leaves it out (see `check::seal`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unhyphenated: Option<String>,
}

/// The logo as a template places it: the virtual path it reads and the
/// alternative text of its figure.
#[derive(Debug, Clone, Serialize)]
pub struct HeaderLogo {
    /// "/logotyp.svg" or "/logotyp.png"
    pub path: String,
    pub alt: String,
}

/// The largest logo file read, in bytes (`rsr check` reports a larger one).
pub const LOGO_LIMIT: u64 = 4 << 20;

/// The largest beslutsunderlag file rsr reads (to embed it, hash it or
/// compare it): 256 MB. A larger one is `file-too-large` where the item
/// names it.
pub const ATTACHMENT_LIMIT: u64 = 256 * 1024 * 1024;

/// The virtual path under which a template reads the logo, by the file's
/// kind: `/logotyp.svg` or `/logotyp.png`; none for another kind of file.
pub fn logo_path(file: &std::path::Path) -> Option<&'static str> {
    let extension = file.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "svg" => Some("/logotyp.svg"),
        "png" => Some("/logotyp.png"),
        _ => None,
    }
}

/// The wording of a body's documents: the defaults, rsr.yaml's
/// `rubriker:`, then the body's.
pub fn labels_of(organisation: &Organisation, body: &Body) -> Labels {
    Labels::resolve(organisation.labels.as_ref(), body.spec.labels.as_ref())
}

/// The logo of a body's documents, the body's own or the organisation's,
/// with its file relative to the repository root: rsr.yaml names it from
/// the root, body.yaml from the body's folder.
pub fn logo_of<'a>(organisation: &'a Organisation, body: &'a Body) -> Option<(PathBuf, &'a Logo)> {
    if let Some(logo) = &body.spec.logo {
        let folder = body.file.parent().unwrap_or(std::path::Path::new(""));
        return Some((folder.join(&logo.file.value), logo));
    }
    let logo = organisation.logo.as_ref()?;
    Some((PathBuf::from(&logo.file.value), logo))
}

/// The header of a body's document of a year: "Sammanträdesplan 2026",
/// its title "Sammanträdesplan Bygg- och miljönämnden 2026".
pub(crate) fn year_header(
    repository: &Repository,
    body: &Body,
    (title, year): (&str, i32),
    (date, date_long): (String, String),
) -> Header {
    let (labels, logo) = header_extras(&repository.organisation, body);
    Header {
        organisation: organisation_of(&repository.organisation, body),
        body: body.spec.name.clone(),
        body_short: body.spec.short_name.clone(),
        document_title: format!("{title} {} {year}", body.spec.name),
        title: format!("{title} {year}"),
        date,
        date_long,
        draft: None,
        labels,
        logo,
        unhyphenated: unhyphenated(&repository.organisation, body),
    }
}

/// A body's document of a year, public: `<body>/<year>-<slug>.pdf`, dated
/// `date`, declaring `issued`.
pub(crate) fn year_document(
    repository: &Repository,
    body: &Body,
    kind: Kind,
    year: i32,
    (date, issued): (NaiveDate, NaiveDate),
    data: &impl Serialize,
) -> Document {
    let slug = kind.spec().slug;
    Document {
        files: Vec::new(),
        public: true,
        internal: false,
        paragraph: None,
        cancelled: false,
        logo: logo_of(&repository.organisation, body).map(|(file, _)| file),
        kind,
        body: body.slug.clone(),
        date,
        output: PathBuf::from(&body.slug).join(format!("{year}-{slug}.pdf")),
        ident: format!("rsr/{}/{year}/{slug}", body.slug),
        issued,
        // Plain structs of strings and numbers always serialize.
        data: serde_json::to_vec(data).unwrap_or_default(),
    }
}

/// The header's labels and logo for a body's documents.
fn header_extras(
    organisation: &Organisation,
    body: &Body,
) -> (BTreeMap<&'static str, String>, Option<HeaderLogo>) {
    let logo = logo_of(organisation, body).and_then(|(file, logo)| {
        Some(HeaderLogo {
            path: logo_path(&file)?.to_string(),
            alt: logo.alt.value.clone(),
        })
    });
    (labels_of(organisation, body).map(), logo)
}

/// A meeting document's data, which may be a draft's.
pub trait Drafted {
    /// Whether the document is a draft (its header marks it so).
    fn is_draft(&self) -> bool;
}

impl<T: Drafted> Drafted for Option<T> {
    fn is_draft(&self) -> bool {
        self.as_ref().is_some_and(Drafted::is_draft)
    }
}

macro_rules! drafted {
    ($($data:ty),*) => {
        $(impl Drafted for $data {
            fn is_draft(&self) -> bool {
                self.header.draft.is_some()
            }
        })*
    };
}

drafted!(
    kallelse::Kallelse,
    kallelse::Notice,
    kungorelse::Kungorelse,
    protokoll::Protokoll,
    utdrag::Utdrag,
    anslag::Anslagsbevis
);

impl Header {
    /// Marks the document as a draft, on its pages and in its metadata.
    pub fn draft(mut self, mark: Option<&str>) -> Header {
        if let Some(mark) = mark {
            self.document_title = format!("{} ({mark})", self.document_title);
            self.draft = Some(mark.to_string());
        }
        self
    }
}

impl<'a> Context<'a> {
    /// This context with `meeting` in place of its meeting (a meeting as
    /// it was, numbered as this one is).
    pub fn with_meeting<'b>(&self, meeting: &'b Meeting) -> Context<'b>
    where
        'a: 'b,
    {
        Context {
            organisation: self.organisation,
            body: self.body,
            meeting,
            paragraphs: self.paragraphs,
            unhyphenated: Arc::clone(&self.unhyphenated),
        }
    }

    /// A document of this meeting: its output name and identity from the
    /// suffix, the date it declares, and its data; a draft is not public.
    pub fn document(
        &self,
        kind: Kind,
        suffix: &str,
        issued: NaiveDate,
        data: &(impl Serialize + Drafted),
    ) -> Document {
        let date = sv::iso_date(self.meeting.date());
        let draft = data.is_draft();
        // Plain structs of strings and numbers always serialize.
        let data = serde_json::to_vec(data).unwrap_or_default();
        Document {
            kind,
            body: self.body.slug.clone(),
            date: self.meeting.date(),
            output: PathBuf::from(&self.body.slug).join(format!("{date}-{suffix}.pdf")),
            ident: format!("rsr/{}/{date}/{suffix}", self.body.slug),
            issued,
            data,
            files: Vec::new(),
            public: !draft,
            internal: false,
            paragraph: None,
            cancelled: false,
            logo: logo_of(self.organisation, self.body).map(|(file, _)| file),
        }
    }

    /// The date of justering, or of the meeting while there is none.
    pub fn adjusted_on(&self) -> NaiveDate {
        self.meeting.adjusted_on()
    }

    /// The wording of this body's documents.
    pub fn labels(&self) -> Labels {
        labels_of(self.organisation, self.body)
    }

    pub fn header(&self, title: &str) -> Header {
        let date = sv::iso_date(self.meeting.date());
        let (labels, logo) = header_extras(self.organisation, self.body);
        Header {
            organisation: organisation_of(self.organisation, self.body),
            body: self.body.spec.name.clone(),
            body_short: self.body.spec.short_name.clone(),
            title: title.to_string(),
            document_title: format!("{title} {} {date}", self.body.spec.name),
            date,
            date_long: sv::long_date(self.meeting.date()),
            draft: None,
            labels,
            logo,
            unhyphenated: Option::clone(&self.unhyphenated),
        }
    }

    /// The person a reference names. `rsr check` has already reported
    /// unknown ids, so an unknown id here can only be shown as written.
    pub fn person(&self, reference: &PersonRef) -> Person {
        let known = self.organisation.person(&reference.value).cloned();
        known.unwrap_or_else(|| Person {
            name: reference.value.key().to_string(),
            ..Person::default()
        })
    }

    /// The § numbers of the items in `span` (breaks have none); empty for
    /// no span, someone present for the whole meeting.
    pub fn paragraphs_in(&self, span: Option<crate::repo::attendance::Span>) -> Vec<u32> {
        let Some(span) = span else {
            return Vec::new();
        };
        (span.first..=span.last)
            .filter_map(|index| self.paragraphs.get(index).copied().flatten())
            .collect()
    }

    /// The § numbers of the items someone other than the members attended,
    /// in order; empty when they attended all.
    pub fn attended(&self, attendee: &crate::repo::model::OtherAttendee) -> Vec<u32> {
        let mut attended: Vec<u32> = attendee
            .items
            .iter()
            .filter_map(|wanted| {
                let index = crate::repo::attendance::position(self.meeting, &wanted.value)?;
                self.paragraphs[index]
            })
            .collect();
        attended.sort_unstable();
        attended.dedup();
        attended
    }

    /// The person's role in this body on the meeting's date, if they are a
    /// member then; the meeting's own `vice_ordförande:` takes that role
    /// for the meeting from the body's, who then sits as a ledamot.
    pub fn role(&self, reference: &PersonRef) -> Option<Role> {
        let role = self
            .body
            .spec
            .role_of(&reference.value, self.meeting.date());
        match &self.meeting.spec.vice_chair {
            Some(vice) if vice.value.key() == reference.value.key() => Some(Role::ViceChair),
            Some(_) if role == Some(Role::ViceChair) => Some(Role::Member),
            _ => role,
        }
    }

    /// The person's role in the body on the meeting's date as body.yaml
    /// gives it, whatever officer the meeting names them.
    pub fn body_role(&self, reference: &PersonRef) -> Option<Role> {
        let date = self.meeting.date();
        self.body.spec.role_of(&reference.value, date)
    }

    /// The members and officers of the body on the meeting's date.
    pub fn members(&self) -> impl Iterator<Item = &crate::repo::model::Member> {
        self.body.spec.members_on(self.meeting.date())
    }

    /// The body's officer with this role on the meeting's date.
    fn officer(&self, role: Role) -> Option<&PersonRef> {
        let member = self.body.spec.member_with(role, self.meeting.date());
        member.map(|m| &m.person)
    }

    /// The meeting's chair: named in the meeting, or the body's ordförande
    /// on its date.
    pub fn chair(&self) -> Option<&PersonRef> {
        let named = self.meeting.spec.chair.as_ref();
        named.or_else(|| self.officer(Role::Chair))
    }

    /// The meeting's vice chair: named in the meeting, or the body's.
    pub fn vice_chair(&self) -> Option<&PersonRef> {
        let named = self.meeting.spec.vice_chair.as_ref();
        named.or_else(|| self.officer(Role::ViceChair))
    }

    /// The meeting's secretary: named in the meeting, or the body's on its
    /// date.
    pub fn secretary(&self) -> Option<&PersonRef> {
        let named = self.meeting.spec.secretary.as_ref();
        named.or_else(|| self.officer(Role::Secretary))
    }

    /// "Regional ledningsgrupp beslut": the heading above a decision, by
    /// the `beslut` label's pattern.
    pub fn decision_heading(&self, labels: &Labels) -> String {
        crate::repo::labels::fill(&labels.beslut, |field| match field {
            "organ" => self.body.spec.name.clone(),
            "kortnamn" => self.body.spec.short_name.clone(),
            _ => String::new(),
        })
    }

    fn is_chair(&self, reference: &PersonRef) -> bool {
        self.chair()
            .is_some_and(|chair| chair.value.key() == reference.value.key())
    }

    /// "Tomas Jonsson, Krokom", "Martin Söderström, förbundschef",
    /// "Sara Lewerentz, ordförande": a presenter with what the reader needs
    /// to place them.
    /// With a title for this item, name, title and organisation:
    /// "Tomas Jonsson, kommundirektör, Krokom".
    pub fn presenter(&self, presenter: &Presenter) -> String {
        let reference = &presenter.person;
        let person = self.person(reference);
        if presenter.title.is_some() || presenter.organisation.is_some() {
            let organisation = presenter
                .organisation
                .clone()
                .or(person.organisation.clone());
            let mut parts = vec![with_party(&person)];
            parts.extend(presenter.title.clone());
            parts.extend(organisation);
            return parts.join(", ");
        }
        let role = self
            .role(reference)
            .filter(|role| matches!(role, Role::Chair | Role::ViceChair));
        let qualifier = role
            .map(|role| role.label().to_string())
            .or(person.title.clone())
            .or(person.organisation.clone());
        match qualifier {
            Some(qualifier) => format!("{}, {qualifier}", with_party(&person)),
            None => with_party(&person),
        }
    }
}

/// The organisation a body belongs to: its own, or rsr.yaml's.
/// The names a body's documents keep whole in running text: the persons of
/// the register, the organisations they represent, the organisation and the
/// body, as `\b(?:…|…)\b` of escaped literals, longest first; none when
/// there are none.
pub fn unhyphenated(organisation: &Organisation, body: &Body) -> Option<String> {
    let mut names: Vec<&str> = organisation
        .persons
        .values()
        .flat_map(|person| {
            std::iter::once(person.name.as_str()).chain(person.organisation.as_deref())
        })
        .chain([organisation.name.as_str(), body.spec.name.as_str()])
        .chain(body.spec.organisation.as_deref())
        .map(str::trim)
        .filter(|name| name.chars().count() > 1)
        .collect();
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    names.dedup();
    if names.is_empty() {
        return None;
    }
    let alternatives: Vec<String> = names.iter().map(|name| regex::escape(name)).collect();
    Some(format!(r"\b(?:{})\b", alternatives.join("|")))
}

pub fn organisation_of(organisation: &Organisation, body: &Body) -> String {
    body.spec
        .organisation
        .clone()
        .unwrap_or_else(|| organisation.name.clone())
}

/// "Jonas Andersson (S)", "Fredrik Åström, Berg": a person in a list of
/// members, with the party or organisation they represent.
pub fn listed(person: &Person) -> String {
    match &person.organisation {
        Some(organisation) => format!("{}, {organisation}", with_party(person)),
        None => with_party(person),
    }
}

/// "Jonas Andersson (S)", or the bare name without a party.
pub fn with_party(person: &Person) -> String {
    match &person.party {
        Some(party) => format!("{} ({party})", person.name),
        None => person.name.clone(),
    }
}

/// The text of optional Markdown fields, parsed; empty fields are absent.
fn markdown(text: Option<&str>) -> Option<Vec<crate::docs::markdown::Block>> {
    crate::docs::markdown::parse_opt(text)
}

/// The text of a located optional field.
fn text(field: &Option<Located<String>>) -> Option<&str> {
    field.as_ref().map(|f| f.value.as_str())
}

/// The presenters as one line: "Anna Frisk och Tomas Jonsson, Krokom";
/// `None` without any.
fn presenters(context: &Context, presenters: &[Presenter]) -> Option<String> {
    let presenters: Vec<String> = presenters.iter().map(|p| context.presenter(p)).collect();
    Some(sv::join_and(&presenters)).filter(|p| !p.is_empty())
}

/// The titles of the decision documents.
fn titles(documents: &[Located<crate::repo::model::Document>]) -> Vec<String> {
    documents
        .iter()
        .map(|d| d.value.title().to_string())
        .collect()
}
