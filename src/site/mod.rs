//! The static site `rsr build` leaves in `out/`: `index.html` (bodies,
//! meetings by year, every published PDF with its pages and size, the next
//! meetings first), a calendar per body and one for all
//! (`<body>/kalender.ics`, `kalender.ics`, RFC 5545) and an Atom feed of
//! sent kallelser and adjusted protokoll (`feed.xml`), and each meeting's
//! open data (`<body>/<date>.json`, see `opendata`). HTML and XML come
//! from templates (minijinja, every value escaped); only documents that may
//! be published are linked: no drafts, no internal protokoll with
//! confidential items, no utdrag of a confidential paragraph.

pub mod board;
pub mod ics;
pub mod opendata;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::docs::{Document, Scope};
use crate::error::Error;
use crate::output::manifest::{self, Manifest};
use crate::output::write;
use crate::repo::model::{Body, Meeting, Repository, Status};
use crate::sv;

/// The site's templates, by name; the name's extension (.html, .xml)
/// turns on HTML/XML escaping of every value.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "layout.html",
        include_str!("../../templates/site/layout.html"),
    ),
    (
        "index.html",
        include_str!("../../templates/site/index.html"),
    ),
    (
        "index-body.html",
        include_str!("../../templates/site/index-body.html"),
    ),
    (
        "meeting.html",
        include_str!("../../templates/site/meeting.html"),
    ),
    ("feed.xml", include_str!("../../templates/site/feed.xml")),
    (
        "anslagstavla.html",
        include_str!("../../templates/site/anslagstavla.html"),
    ),
    (
        "anslagstavla.xml",
        include_str!("../../templates/site/anslagstavla.xml"),
    ),
    (
        "tillganglighet.html",
        include_str!("../../templates/site/tillganglighet.html"),
    ),
    (
        "beslutsuppfoljning.html",
        include_str!("../../templates/site/beslutsuppfoljning.html"),
    ),
];

/// How `write` finds which documents are in `out/`, and each one's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Present {
    /// By asking the file system of each.
    Look,
    /// From the manifest's record of each as the build saw it: after a
    /// build of everything, which found each document up to date or wrote
    /// it, and recorded it as it found it.
    Seen,
    /// As `Seen`, and each compared with what the file system says: one
    /// that differs is a bug in rsr (`RSR_VERIFY_INVENTORY`).
    SeenVerified,
}

/// What `write` did.
#[derive(Debug, Default)]
pub struct Written {
    /// The site's files that changed and were written, relative to `out/`.
    pub changed: Vec<PathBuf>,
    /// Every file of the site as made now, written or found as it would be
    /// written, relative to `out/` with `/` separators.
    pub made: BTreeSet<String>,
}

/// Writes the site files that changed.
#[allow(clippy::too_many_arguments)]
pub fn write(
    repository: &Repository,
    documents: &[Document],
    out: &Path,
    manifest: &Manifest,
    today: NaiveDate,
    revisions: &ics::Revisions,
    as_before: &BTreeSet<PathBuf>,
    present: Present,
    ahead: Option<&Ahead>,
) -> Result<Written, Error> {
    // Only what changed is rewritten.
    let mut staged = Vec::new();
    // The open data passed over is in `out/` as it would be made.
    let mut written = Written {
        changed: Vec::new(),
        made: as_before.iter().map(|path| manifest::key(path)).collect(),
    };
    let seen = (present != Present::Look).then_some(manifest);
    let public = published(repository, documents, out, today, seen);
    if present == Present::SeenVerified {
        let looked = published(repository, documents, out, today, None);
        let listed = |p: &Published| -> Vec<(PathBuf, u64)> {
            p.documents
                .iter()
                .map(|d| d.output.clone())
                .zip(p.sizes.iter().copied())
                .collect()
        };
        let (seen, looked) = (listed(&public), listed(&looked));
        if seen != looked {
            // The first that differs, or the first that one list lacks.
            let pdf = seen
                .iter()
                .zip(&looked)
                .find(|(a, b)| a != b)
                .map(|(a, _)| a)
                .or_else(|| seen.get(looked.len()).or(looked.get(seen.len())))
                .map(|(path, _)| path.display().to_string())
                .unwrap_or_default();
            return Err(Error::Repository(crate::lang::t!(
                "cmd-build-site-present",
                out = out,
                pdf = pdf
            )));
        }
    }
    let made = Made {
        ahead,
        verify: present == Present::SeenVerified,
    };
    files(
        repository,
        &public,
        out,
        manifest,
        today,
        revisions,
        as_before,
        made,
        &mut |path, bytes| {
            let target = out.join(&path);
            write::no_links(out, &target)?;
            written.made.insert(manifest::key(&path));
            if std::fs::read(&target).ok().as_deref() != Some(bytes.as_slice()) {
                staged.push(write::stage(&target, &bytes)?);
                written.changed.push(path);
            }
            Ok(())
        },
    )?;
    write::commit(staged)?;
    Ok(written)
}

/// Copies what may be published from `out` (after `rsr build`) into the
/// empty or new folder `dir`: the site's files and the documents it links,
/// never a draft or a document with confidential information. Returns the
/// number of files copied.
pub fn publish(
    repository: &Repository,
    documents: &[Document],
    out: &Path,
    manifest: &Manifest,
    today: NaiveDate,
    dir: &Path,
    drafts: bool,
) -> Result<usize, Error> {
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(Error::Usage(crate::lang::t!(
            "cmd-publish-not-empty",
            folder = dir
        )));
    }
    let public = published(repository, documents, out, today, None);
    let mut paths = Vec::new();
    // Which files, not what they hold: the calendars' revisions do not
    // matter here.
    let revisions = ics::Revisions::new();
    files(
        repository,
        &public,
        out,
        manifest,
        today,
        &revisions,
        &BTreeSet::new(),
        Made {
            ahead: None,
            verify: false,
        },
        &mut |path, _| {
            paths.push(path);
            Ok(())
        },
    )?;
    paths.extend(public.documents.iter().map(|d| d.output.clone()));
    // The signed copies the site links in place of their protokoll.
    paths.extend(
        public
            .documents
            .iter()
            .filter_map(|d| signed_copy(manifest, d))
            .map(|copy| PathBuf::from(&copy.output)),
    );
    // For review: the drafts too, never what holds confidential items.
    if drafts {
        paths.extend(
            documents
                .iter()
                .filter(|d| !d.public && !d.internal && out.join(&d.output).is_file())
                .map(|d| d.output.clone()),
        );
    }
    let mut count = 0;
    for path in paths {
        let source = out.join(&path);
        let bytes = std::fs::read(&source).map_err(|e| {
            Error::Usage(crate::lang::t!(
                "cmd-publish-unbuilt",
                file = &source,
                error = e.to_string()
            ))
        })?;
        write::file_in(dir, &dir.join(&path), &bytes)?;
        count += 1;
    }
    Ok(count)
}

/// The signed copy `rsr build` made of a protokoll that may be published:
/// what the site, the feed and the open data serve in its place.
pub fn signed_copy<'a>(
    manifest: &'a Manifest,
    document: &Document,
) -> Option<&'a manifest::SignedCopy> {
    manifest
        .signed(&document.output)
        .filter(|_| document.public)
}

/// The documents that may be published and have been built, and are
/// still within their body's `publicering:` window on `today` (a year's
/// documents always are), each with the size of its file: as `seen`
/// records the file, where it does, or as found in `out`.
fn published<'a>(
    repository: &Repository,
    documents: &'a [Document],
    out: &Path,
    today: NaiveDate,
    seen: Option<&Manifest>,
) -> Published<'a> {
    // Each document's file is looked for (unless `seen` records it), a
    // share on each core.
    let shares: Vec<&[Document]> = documents.chunks(512).collect();
    let found: Vec<(&Document, u64)> = crate::repo::parallel::each(&shares, |share| {
        share
            .iter()
            .filter(|d| d.public && !withdrawn(repository, d, today))
            .filter_map(|d| {
                let recorded = seen
                    .and_then(|manifest| manifest.entry(&d.output)?.seen.as_ref())
                    .map(|seen| seen.size);
                if let Some(size) = recorded {
                    return Some((d, size));
                }
                let meta = std::fs::metadata(out.join(&d.output)).ok()?;
                meta.is_file().then_some((d, meta.len()))
            })
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let (documents, sizes) = found.into_iter().unzip();
    Published { documents, sizes }
}

/// The documents the site links, and the size in bytes of each one's file
/// as `published` found it, in the same order.
struct Published<'a> {
    documents: Vec<&'a Document>,
    sizes: Vec<u64>,
}

impl<'a> Published<'a> {
    /// Each document with its size.
    fn listed(&self) -> Vec<(&'a Document, u64)> {
        self.documents
            .iter()
            .copied()
            .zip(self.sizes.iter().copied())
            .collect()
    }
}

/// Whether a meeting's document is past its body's publication window.
fn withdrawn(repository: &Repository, document: &Document, today: NaiveDate) -> bool {
    document.kind.spec().scope != Scope::Year
        && repository
            .bodies
            .iter()
            .find(|b| b.slug == document.body)
            .is_some_and(|b| b.spec.withdrawn(document.date, today))
}

/// A site file, as its path under `out/` and its content.
pub type Emit<'a> = dyn FnMut(PathBuf, Vec<u8>) -> Result<(), Error> + 'a;

/// What of the site was made ahead (`Ahead`), and whether it is to be
/// compared with what is made now (`RSR_VERIFY_INVENTORY`).
#[derive(Clone, Copy)]
struct Made<'a> {
    ahead: Option<&'a Ahead>,
    verify: bool,
}

/// Makes every file of the site and hands each to `emit`: the pages (a
/// few megabytes at most) once the index is made, and the meetings' open
/// data, the bulk of it, as it is made, so that a large site is never held
/// in memory whole. The open data of the meetings in `as_before` (by its
/// path under `out/`, `opendata::path`) is passed over: the caller knows
/// it to be in `out/` as it would be made.
#[allow(clippy::too_many_arguments)]
fn files(
    repository: &Repository,
    public: &Published,
    out: &Path,
    manifest: &Manifest,
    today: NaiveDate,
    revisions: &ics::Revisions,
    as_before: &BTreeSet<PathBuf>,
    made: Made,
    emit: &mut Emit,
) -> Result<(), Error> {
    let documents = &public.documents[..];
    // The index is made on another core while the other pages are; where
    // most of it was made ahead, the anslagstavla is made there too. All
    // are handed to `emit` in the same order as ever.
    let board_beside = made.ahead.is_some();
    let keep = |kept: &mut Vec<(PathBuf, Vec<u8>)>, path, bytes| {
        kept.push((path, bytes));
        Ok(())
    };
    let board_into = |kept: &mut Vec<(PathBuf, Vec<u8>)>| {
        board::files(
            repository,
            documents,
            manifest,
            today,
            &mut |path, bytes| keep(kept, path, bytes),
        )
    };
    let (index, board, pages) = std::thread::scope(|scope| {
        let beside = scope.spawn(|| {
            let index = index(repository, public, manifest, today, made.ahead, made.verify);
            let mut board = Vec::new();
            let boarded = if board_beside {
                board_into(&mut board)
            } else {
                Ok(())
            };
            (index, boarded.map(|()| board))
        });
        let mut pages = Vec::new();
        let pages_made = pages_besides_index(
            repository,
            documents,
            manifest,
            today,
            revisions,
            made,
            &mut |path, bytes| keep(&mut pages, path, bytes),
        );
        let board_made = if board_beside {
            Ok(())
        } else {
            board_into(&mut pages)
        };
        let (index, board) = beside
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (index, board, pages_made.and(board_made).map(|()| pages))
    });
    emit(PathBuf::from("index.html"), index?.into_bytes())?;
    for (path, bytes) in pages?.into_iter().chain(board?) {
        emit(path, bytes)?;
    }
    crate::site::opendata::files(repository, documents, out, manifest, as_before, emit)
}

/// The site's files but the index, the anslagstavla and the meetings'
/// open data: the feed, the calendars, the accessibility statement and
/// beslutsuppföljning, handed to `emit` in that order.
fn pages_besides_index(
    repository: &Repository,
    documents: &[&Document],
    manifest: &Manifest,
    today: NaiveDate,
    revisions: &ics::Revisions,
    made: Made,
    emit: &mut Emit,
) -> Result<(), Error> {
    emit(
        PathBuf::from("feed.xml"),
        feed(repository, documents, manifest)?.into_bytes(),
    )?;
    // Each body's events are made once, for its calendar and for the
    // calendar of all; ahead, where they were.
    let now = || -> Vec<String> {
        repository
            .bodies
            .iter()
            .map(|body| crate::site::ics::events(&repository.organisation, body, revisions))
            .collect()
    };
    let made_now;
    let events: &[String] = match made.ahead {
        Some(ahead) => {
            if made.verify && now() != ahead.events {
                return Err(ahead_differs("kalender.ics"));
            }
            &ahead.events
        }
        None => {
            made_now = now();
            &made_now
        }
    };
    let all: Vec<&str> = events.iter().map(String::as_str).collect();
    emit(
        PathBuf::from("kalender.ics"),
        crate::site::ics::calendar(&repository.organisation.name, &all).into_bytes(),
    )?;
    for (body, events) in repository.bodies.iter().zip(&all) {
        emit(
            PathBuf::from(&body.slug).join("kalender.ics"),
            crate::site::ics::calendar(&body.spec.name, &[events]).into_bytes(),
        )?;
    }
    emit(
        PathBuf::from(STATEMENT),
        statement(repository, documents)?.into_bytes(),
    )?;
    if followup_wanted(repository) {
        emit(
            PathBuf::from(FOLLOW_UP),
            follow_up(repository, documents, today)?.into_bytes(),
        )?;
    }
    Ok(())
}

/// The page of beslutsuppföljning.
pub const FOLLOW_UP: &str = "beslutsuppfoljning.html";

/// Whether the site has a page of beslutsuppföljning: a body has uppdrag
/// or motions to follow.
fn followup_wanted(repository: &Repository) -> bool {
    repository
        .bodies
        .iter()
        .any(|b| !crate::docs::uppfoljning::years(b).is_empty())
}

#[derive(Serialize)]
struct FollowUpPage {
    organisation: String,
    version: &'static str,
    root: &'static str,
    board: bool,
    followup: bool,
    today: String,
    reports: Vec<FollowUpReport>,
}

#[derive(Serialize)]
struct FollowUpReport {
    id: String,
    body: String,
    year: i32,
    summary: String,
    /// The report's PDF, once built.
    href: Option<String>,
    assignments: Vec<crate::docs::uppfoljning::AssignmentRow>,
    motions: Vec<crate::docs::uppfoljning::MotionRow>,
}

/// Every body's uppdrag and motions by year, the latest year first, as the
/// reports (PDF) have them, linking each.
fn follow_up(
    repository: &Repository,
    documents: &[&Document],
    today: NaiveDate,
) -> Result<String, Error> {
    use crate::docs::uppfoljning;
    let mut reports = Vec::new();
    for body in &repository.bodies {
        for year in uppfoljning::years(body).into_iter().rev() {
            let (assignments, motions) = uppfoljning::rows(repository, body, year, today);
            let href = documents
                .iter()
                .find(|d| {
                    d.kind == crate::docs::Kind::Beslutsuppfoljning
                        && d.body == body.slug
                        && d.date.year() == year
                })
                .map(|d| href(&d.output));
            reports.push(FollowUpReport {
                id: format!("{}-{year}", crate::site::ics::token(&body.slug)),
                body: body.spec.name.clone(),
                year,
                summary: uppfoljning::summary(&assignments, &motions),
                href,
                assignments,
                motions,
            });
        }
    }
    let page = FollowUpPage {
        organisation: repository.organisation.name.clone(),
        version: env!("CARGO_PKG_VERSION"),
        root: "",
        board: board::wanted(repository),
        followup: true,
        today: sv::long_date(today),
        reports,
    };
    render(FOLLOW_UP, &page)
}

/// The accessibility statement's page.
pub const STATEMENT: &str = "tillganglighet.html";

#[derive(Serialize)]
struct Statement {
    organisation: String,
    version: &'static str,
    root: &'static str,
    board: bool,
    followup: bool,
    responsible: String,
    email: Option<String>,
    phone: Option<String>,
    shortcomings: Vec<String>,
    /// "30 november 2026"
    reviewed: Option<String>,
}

/// The accessibility statement (lagen om tillgänglighet till digital
/// offentlig service), from rsr.yaml's `tillgänglighet:`: the shortcomings
/// rsr knows of in what it publishes, then the organisation's own.
fn statement(repository: &Repository, documents: &[&Document]) -> Result<String, Error> {
    let organisation = &repository.organisation;
    let given = organisation.accessibility.clone().unwrap_or_default();
    let mut shortcomings = Vec::new();
    if documents.iter().any(|d| !d.files.is_empty()) {
        shortcomings.push(
            "Beslutsunderlag som bifogas kallelserna som PDF-filer kommer från andra system \
             och kan sakna taggning för skärmläsare."
                .to_string(),
        );
    }
    shortcomings.extend(
        given
            .shortcomings
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
    );
    let statement = Statement {
        organisation: organisation.name.clone(),
        version: env!("CARGO_PKG_VERSION"),
        root: "",
        board: board::wanted(repository),
        followup: followup_wanted(repository),
        responsible: given
            .responsible
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .unwrap_or(&organisation.name)
            .to_string(),
        email: given.email.map(|e| e.value.trim().to_string()),
        phone: given.phone.map(|p| p.value.trim().to_string()),
        shortcomings,
        reviewed: given.reviewed.map(|d| sv::date(d.value.0)),
    };
    render("tillganglighet.html", &statement)
}

#[derive(Serialize)]
struct Index {
    organisation: String,
    version: &'static str,
    /// The way from the page to the site's root: "" here.
    root: &'static str,
    /// Whether the site has an anslagstavla, linked first.
    board: bool,
    /// Whether the site has a page of beslutsuppföljning.
    followup: bool,
    upcoming: Vec<SiteMeeting>,
    /// Each body's name and anchor, for the list of bodies.
    bodies: Vec<BodyName>,
    /// Each body's section, rendered alone: the meetings of all bodies
    /// and years are never held at once, nor turned into the template's
    /// values at once.
    sections: Vec<String>,
}

#[derive(Serialize, Clone, PartialEq)]
struct BodyName {
    name: String,
    anchor: String,
}

/// One body's section of the index (index-body.html).
#[derive(Serialize)]
struct Section<'a> {
    body: &'a SiteBody,
}

#[derive(Serialize)]
struct SiteBody {
    name: String,
    anchor: String,
    calendar: String,
    plans: Vec<Link>,
    years: Vec<Year>,
}

#[derive(Serialize)]
struct Year {
    year: i32,
    meetings: Vec<SiteMeeting>,
}

#[derive(Serialize, Clone, PartialEq)]
struct SiteMeeting {
    body: String,
    date_long: String,
    time: String,
    place: String,
    status: &'static str,
    /// Why an inställd meeting is cancelled.
    reason: Option<String>,
    /// Past the body's `publicering:` window: where the documents can be
    /// requested instead.
    withdrawn: Option<String>,
    documents: Vec<Link>,
    /// Its id, in its body's list (not among the upcoming, which repeat
    /// it): where the feed's entries link.
    anchor: Option<String>,
    /// The meeting's open data file.
    data: String,
}

#[derive(Serialize, Clone, PartialEq)]
struct Link {
    title: String,
    href: String,
    /// "3 sidor"
    pages: String,
    /// "112 kB"
    size: String,
    /// "signerat digitalt av 3 av 3": the link is to the signed protokoll.
    signed: Option<String>,
}

fn index(
    repository: &Repository,
    public: &Published,
    manifest: &Manifest,
    today: NaiveDate,
    ahead: Option<&Ahead>,
    verify: bool,
) -> Result<String, Error> {
    let documents = public.listed();
    let of_meeting = of_meetings(&documents);
    // The templates, ready for each body's section and the page.
    let environment = built_in().map_err(|e| template_error("index.html", e))?;
    let mut upcoming = Earliest::default();
    let mut bodies = Vec::new();
    let mut sections = Vec::new();
    for body in &repository.bodies {
        let made = match ahead.and_then(|ahead| ahead.sections.get(&body.slug)) {
            Some(made) => {
                // Verifying, it is what would be made now.
                if verify
                    && section(environment, body, &of_meeting, &documents, manifest, today)?
                        != *made
                {
                    return Err(ahead_differs(&format!("index.html ({})", body.slug)));
                }
                made.clone()
            }
            None => section(environment, body, &of_meeting, &documents, manifest, today)?,
        };
        for (date, meeting) in made.upcoming {
            upcoming.push(date, meeting);
        }
        sections.push(made.html);
        bodies.push(made.name);
    }
    let index = Index {
        organisation: repository.organisation.name.clone(),
        version: env!("CARGO_PKG_VERSION"),
        root: "",
        board: board::wanted(repository),
        followup: followup_wanted(repository),
        upcoming: upcoming.first(),
        bodies,
        sections,
    };
    rendered(environment, "index.html", &index).map_err(|e| template_error("index.html", e))
}

/// What of the site a build can make while its documents are typeset,
/// from the manifest as it was before: each body's calendar events, and
/// the index's section of each body none of whose documents is typeset.
/// It holds only while no signed copy changes (`build::signed::copy`).
pub struct Ahead {
    events: Vec<String>,
    /// By the body's folder name.
    sections: BTreeMap<String, MadeSection>,
}

/// One body's section of the index, its name and anchor for the list of
/// bodies, and its meetings on or after the day it was made for, each
/// with its date.
#[derive(Clone, PartialEq)]
struct MadeSection {
    html: String,
    name: BodyName,
    upcoming: Vec<(NaiveDate, SiteMeeting)>,
}

/// `Ahead` for `repository`, whose `documents` of the bodies in `typeset`
/// (by folder name) are to be typeset: their sections are left out.
pub fn ahead(
    repository: &Repository,
    documents: &[Document],
    out: &Path,
    manifest: &Manifest,
    today: NaiveDate,
    revisions: &ics::Revisions,
    typeset: &BTreeSet<&str>,
) -> Result<Ahead, Error> {
    let events = repository
        .bodies
        .iter()
        .map(|body| crate::site::ics::events(&repository.organisation, body, revisions))
        .collect();
    let public = published(repository, documents, out, today, Some(manifest));
    let listed: Vec<(&Document, u64)> = public
        .listed()
        .into_iter()
        .filter(|(document, _)| !typeset.contains(document.body.as_str()))
        .collect();
    let of_meeting = of_meetings(&listed);
    let environment = built_in().map_err(|e| template_error("index.html", e))?;
    let sections = repository
        .bodies
        .iter()
        .filter(|body| !typeset.contains(body.slug.as_str()))
        .map(|body| {
            let made = section(environment, body, &of_meeting, &listed, manifest, today)?;
            Ok((body.slug.clone(), made))
        })
        .collect::<Result<_, Error>>()?;
    Ok(Ahead { events, sections })
}

/// What was made ahead (`part`: a body's section of the index, or the
/// calendars) and is not what is made now: a bug in rsr, found by a build
/// that verifies (`RSR_VERIFY_INVENTORY`).
fn ahead_differs(part: &str) -> Error {
    Error::Internal(crate::lang::t!("cmd-site-ahead", part = part))
}

/// Each meeting's documents among `documents`, by body and date, sorted
/// out once: a repository of years has thousands of both.
fn of_meetings<'a>(
    documents: &[(&'a Document, u64)],
) -> BTreeMap<(&'a str, NaiveDate), Vec<(&'a Document, u64)>> {
    let mut of_meeting: BTreeMap<(&str, NaiveDate), Vec<(&Document, u64)>> = BTreeMap::new();
    for &(document, bytes) in documents {
        if document.kind.spec().scope != Scope::Year {
            of_meeting
                .entry((document.body.as_str(), document.date))
                .or_default()
                .push((document, bytes));
        }
    }
    of_meeting
}

/// A document's link on the index: to its signed copy where it has one.
fn link(manifest: &Manifest, (document, bytes): (&Document, u64)) -> Link {
    match signed_copy(manifest, document) {
        Some(copy) => Link {
            title: document.label(),
            href: href(Path::new(&copy.output)),
            pages: pages(copy.pages),
            size: size(copy.size),
            signed: Some(format!(
                "signerat digitalt, {} av {} underskrifter",
                copy.signed, copy.fields
            )),
        },
        None => Link {
            title: document.label(),
            href: href(&document.output),
            pages: pages(manifest.entry(&document.output).map_or(0, |e| e.pages)),
            size: size(bytes),
            signed: None,
        },
    }
}

/// `body`'s section of the index, with the documents the site lists
/// (`documents`, and the same by meeting in `of_meeting`).
fn section(
    environment: &minijinja::Environment,
    body: &Body,
    of_meeting: &BTreeMap<(&str, NaiveDate), Vec<(&Document, u64)>>,
    documents: &[(&Document, u64)],
    manifest: &Manifest,
    today: NaiveDate,
) -> Result<MadeSection, Error> {
    let mut upcoming = Vec::new();
    let mut years: BTreeMap<i32, Vec<SiteMeeting>> = BTreeMap::new();
    for meeting in &body.meetings {
        let links: Vec<Link> = of_meeting
            .get(&(body.slug.as_str(), meeting.date()))
            .into_iter()
            .flatten()
            .map(|&listed| link(manifest, listed))
            .collect();
        let site = SiteMeeting {
            body: body.spec.name.clone(),
            date_long: capitalised(&sv::long_date(meeting.date())),
            time: time(meeting),
            place: meeting.spec.place.clone(),
            status: status(meeting.status()),
            reason: meeting
                .spec
                .reason
                .as_ref()
                .filter(|_| meeting.status().is_cancelled())
                .map(|r| r.value.trim().to_string())
                .filter(|r| !r.is_empty()),
            documents: links,
            withdrawn: body.spec.withdrawn(meeting.date(), today).then(|| {
                let at = body.spec.storage.as_deref().map(str::trim);
                match at {
                    Some(at) => format!(
                        "Handlingarna finns inte längre på webbplatsen. De kan begäras ut från {at}."
                    ),
                    None => "Handlingarna finns inte längre på webbplatsen. De kan begäras ut från organet.".to_string(),
                }
            }),
            data: href(&crate::site::opendata::path(&body.slug, meeting.date())),
            anchor: None,
        };
        if meeting.date() >= today {
            upcoming.push((meeting.date(), site.clone()));
        }
        let site = SiteMeeting {
            anchor: Some(meeting_anchor(&body.slug, meeting.date())),
            ..site
        };
        years.entry(meeting.date().year()).or_default().push(site);
    }
    // The body's earliest `UPCOMING`, those of one date in their order, as
    // `Earliest` keeps them among every body's: no more can be among
    // those, and a body of years may have many meetings to come.
    upcoming.sort_by_key(|(date, _)| *date);
    upcoming.truncate(UPCOMING);
    let section = SiteBody {
        name: body.spec.name.clone(),
        anchor: format!("organ-{}", crate::site::ics::token(&body.slug)),
        calendar: href(&PathBuf::from(&body.slug).join("kalender.ics")),
        plans: documents
            .iter()
            .filter(|(d, _)| d.kind.spec().scope == Scope::Year && d.body == body.slug)
            .rev()
            .map(|&listed| link(manifest, listed))
            .collect(),
        // The latest year first, its latest meeting first.
        years: years
            .into_iter()
            .rev()
            .map(|(year, mut meetings)| {
                meetings.reverse();
                Year { year, meetings }
            })
            .collect(),
    };
    let html = environment
        .get_template("index-body.html")
        .and_then(|template| template.render(Section { body: &section }))
        .map_err(|e| template_error("index-body.html", e))?;
    Ok(MadeSection {
        html,
        name: BodyName {
            name: section.name,
            anchor: section.anchor,
        },
        upcoming,
    })
}

/// How many upcoming meetings the index lists.
const UPCOMING: usize = 10;

/// The `UPCOMING` earliest of what is pushed, those of one date in the
/// order pushed, holding no more than twice as many meanwhile: a
/// repository of years has thousands of meetings to come.
struct Earliest<T> {
    kept: Vec<(NaiveDate, T)>,
}

impl<T> Default for Earliest<T> {
    fn default() -> Self {
        Earliest { kept: Vec::new() }
    }
}

impl<T> Earliest<T> {
    fn push(&mut self, date: NaiveDate, value: T) {
        self.kept.push((date, value));
        if self.kept.len() >= 2 * UPCOMING {
            self.keep_first();
        }
    }

    /// A stable sort: what is dropped has `UPCOMING` before it that stay.
    fn keep_first(&mut self) {
        self.kept.sort_by_key(|(date, _)| *date);
        self.kept.truncate(UPCOMING);
    }

    fn first(mut self) -> Vec<T> {
        self.keep_first();
        self.kept.into_iter().map(|(_, value)| value).collect()
    }
}

/// A built-in template that failed: a bug, named with its template.
fn template_error(name: &str, e: minijinja::Error) -> Error {
    Error::Internal(crate::lang::t!(
        "cmd-site-template",
        name = name,
        error = format!("{e:#}")
    ))
}

/// An Atom feed: the site's, or the anslagstavla's.
#[derive(Serialize)]
struct Feed {
    organisation: String,
    version: &'static str,
    id: String,
    /// The feed's own address (`rel="self"`), where `webbplats:` gives the
    /// site's.
    this: Option<String>,
    updated: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    title: String,
    id: String,
    /// Where on the site's pages it is: the entry's HTML alternate.
    page: String,
    updated: String,
    /// The PDF it announces.
    href: Option<String>,
    summary: String,
}

/// Kallelser sent and protokoll adjusted, newest first.
fn feed(
    repository: &Repository,
    documents: &[&Document],
    manifest: &Manifest,
) -> Result<String, Error> {
    let identity = repository.organisation.identity();
    let mut entries: Vec<(NaiveDate, Entry)> = Vec::new();
    for document in documents {
        let Some(body) = repository.bodies.iter().find(|b| b.slug == document.body) else {
            continue;
        };
        let Some(meeting) = body.meeting(document.date) else {
            continue;
        };
        let Some(feed) = document.kind.spec().feed else {
            continue;
        };
        let Some((published, summary)) = feed(meeting, document) else {
            continue;
        };
        entries.push((
            published,
            Entry {
                title: format!(
                    "{}: {} {}",
                    document.label(),
                    body.spec.name,
                    sv::iso_date(meeting.date())
                ),
                id: urn(&identity, &document.ident),
                page: format!("index.html#{}", meeting_anchor(&body.slug, meeting.date())),
                updated: timestamp(published),
                href: Some(match signed_copy(manifest, document) {
                    Some(copy) => href(Path::new(&copy.output)),
                    None => href(&document.output),
                }),
                summary,
            },
        ));
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    let updated = entries.first().map_or(
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
        |(d, _)| *d,
    );
    let feed = Feed {
        organisation: repository.organisation.name.clone(),
        version: env!("CARGO_PKG_VERSION"),
        id: urn(&identity, "feed.xml"),
        this: repository
            .organisation
            .site()
            .map(|site| format!("{site}feed.xml")),
        updated: timestamp(updated),
        entries: entries.into_iter().map(|(_, e)| e).collect(),
    };
    render("feed.xml", &feed)
}

/// Renders one of the site's templates (`TEMPLATES`).
fn render<T: Serialize>(name: &str, data: &T) -> Result<String, Error> {
    built_in()
        .and_then(|environment| rendered(environment, name, data))
        .map_err(|e| template_error(name, e))
}

/// An environment with every built-in template (`TEMPLATES`).
fn built_in() -> Result<&'static minijinja::Environment<'static>, minijinja::Error> {
    // Made once: every page, and the index on two threads, render with
    // the same templates.
    static BUILT_IN: std::sync::OnceLock<minijinja::Environment<'static>> =
        std::sync::OnceLock::new();
    if let Some(environment) = BUILT_IN.get() {
        return Ok(environment);
    }
    let mut environment = environment();
    TEMPLATES
        .iter()
        .try_for_each(|(name, source)| environment.add_template(name, source))?;
    Ok(BUILT_IN.get_or_init(|| environment))
}

/// Renders a repository's own template, given as text, alone; `name`
/// says where it is.
fn render_source<T: Serialize>(name: &str, source: &str, data: &T) -> Result<String, Error> {
    let mut environment = environment();
    let made = environment
        .add_template(name, source)
        .and_then(|()| rendered(&environment, name, data));
    made.map_err(|e| {
        Error::Repository(crate::lang::t!(
            "cmd-site-template",
            name = name,
            error = format!("{e:#}")
        ))
    })
}

fn environment() -> minijinja::Environment<'static> {
    let mut environment = minijinja::Environment::new();
    environment.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    environment
}

fn rendered<T: Serialize>(
    environment: &minijinja::Environment,
    name: &str,
    data: &T,
) -> Result<String, minijinja::Error> {
    let mut text = environment.get_template(name)?.render(data)?;
    text.push('\n');
    Ok(text)
}

/// A stable id in a URN form feed readers accept: a name-based UUID made
/// from the document's identifier.
fn urn(identity: &str, name: &str) -> String {
    format!("urn:uuid:{}", uuid(identity, name))
}

/// A name-based UUID (version 5, under the URL namespace) of `name` within
/// the organisation `identity` (`Organisation::identity`): the same from
/// build to build, another for another organisation.
pub fn uuid(identity: &str, name: &str) -> uuid::Uuid {
    uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        format!("{identity}{name}").as_bytes(),
    )
}

/// The id of a meeting's entry in a body's list on the site's page.
pub fn meeting_anchor(body: &str, date: NaiveDate) -> String {
    format!("{}-{}", crate::site::ics::token(body), sv::iso_date(date))
}

fn timestamp(date: NaiveDate) -> String {
    format!("{}T00:00:00Z", sv::iso_date(date))
}

fn status(status: Status) -> &'static str {
    match status {
        Status::Planned => "Planerat",
        Status::Called => "Kallelse utsänd",
        Status::Held => "Genomfört, protokollet ej justerat",
        Status::Adjusted => "Protokollet justerat",
        Status::Cancelled => "Inställt",
    }
}

fn time(meeting: &Meeting) -> String {
    sv::time_span(
        meeting.spec.start.value,
        meeting.spec.end.as_ref().map(|e| e.value),
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn pages(count: usize) -> String {
    match count {
        0 => "sidantal okänt".into(),
        1 => "1 sida".into(),
        n => format!("{n} sidor"),
    }
}

/// "112 kB", "1,4 MB"
fn size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{} kB", bytes.div_ceil(1000).max(1))
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0).replace('.', ",")
    }
}

/// A relative link to a file in `out/`, each segment percent-encoded.
pub(crate) fn href(path: &Path) -> String {
    path.components()
        .map(|c| {
            percent_encoding::utf8_percent_encode(&c.as_os_str().to_string_lossy(), SEGMENT)
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// What a path segment keeps as it is: the unreserved characters of RFC
/// 3986 (letters, digits, `-._~`); everything else is percent-encoded.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upcoming_are_the_earliest_ten_those_of_one_date_in_the_order_given() {
        let day = |n: u32| NaiveDate::from_ymd_opt(2027, 1, n).unwrap();
        // Ten bodies' meetings, body after body, on dates that repeat
        // from body to body and come in no order within one.
        let given: Vec<(NaiveDate, (usize, usize))> = (0..10)
            .flat_map(|body| {
                (0..30).map(move |meeting| {
                    (day(1 + (meeting * 7 + body) as u32 % 28), (body, meeting))
                })
            })
            .collect();
        let mut earliest = Earliest::default();
        for &(date, value) in &given {
            earliest.push(date, value);
        }
        let mut sorted = given.clone();
        sorted.sort_by_key(|(date, _)| *date);
        let wanted: Vec<(usize, usize)> =
            sorted.into_iter().take(UPCOMING).map(|(_, v)| v).collect();
        assert_eq!(earliest.first(), wanted);
        // Fewer than ten: all of them, earliest first.
        let mut few = Earliest::default();
        few.push(day(3), "c");
        few.push(day(1), "a");
        few.push(day(3), "d");
        assert_eq!(few.first(), vec!["a", "c", "d"]);
    }
}
