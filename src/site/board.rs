//! The anslagstavla (Kommunallagen 8 kap. 9–12 §§), a part of the site
//! kept apart from the rest: `anslagstavla/index.html` with the notices
//! up today, `anslagstavla/arkiv.html` with those taken down, and
//! `anslagstavla/feed.xml`, an Atom feed of every notice posted.
//!
//! The notices: that a protokoll has been adjusted (bodies with
//! `anslagstavla: true`, once `justerad`: up from the posting day to the
//! removal day the anslagsbevis gives, with how to appeal), and
//! fullmäktige's kungörelser (from the day the kallelse was sent to the
//! day after the meeting; an inställd meeting's kungörelse says so).
//! Which are up depends on the day the site is built: `sv::today`, which
//! is `SOURCE_DATE_EPOCH` when it is set.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::{Emit, Entry, Feed, href, meeting_anchor, render, signed_copy, timestamp, urn};
use crate::docs::{self, Context, Document, Kind, anslag, kungorelse};
use crate::error::Error;
use crate::output::manifest::Manifest;
use crate::repo::model::{BodyKind, Repository, Status};
use crate::sv;

/// The anslagstavla's folder under `out/`.
pub const FOLDER: &str = "anslagstavla";

/// The built-in appeal text; a repository's `templates/overklagande.html`
/// replaces it.
const APPEAL: &str = include_str!("../../templates/site/overklagande.html");
/// Where a repository keeps its own appeal text.
pub const APPEAL_TEMPLATE: &str = "overklagande.html";
/// The largest appeal template read.
const APPEAL_LIMIT: u64 = 256 * 1024;

/// Whether the organisation has an anslagstavla: a body posts its
/// protokoll there, or is a fullmäktige, whose kungörelser go there.
pub fn wanted(repository: &Repository) -> bool {
    repository
        .bodies
        .iter()
        .any(|b| b.spec.anslagstavla || b.spec.kind == BodyKind::Council)
}

/// What a notice announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    Kungorelse,
    Protokoll,
    Delegation,
}

/// One notice on the anslagstavla.
#[derive(Debug, Clone)]
pub struct Notice {
    pub subject: Subject,
    /// Its id on the page: "protokoll-bmn-2026-10-14".
    pub id: String,
    pub title: String,
    pub posted: NaiveDate,
    /// The day it is taken down: from this day on it is in the archive.
    pub removed: NaiveDate,
    /// Label and value, in the order shown.
    pub facts: Vec<(String, String)>,
    /// The document it announces, if it is published.
    pub link: Option<NoticeLink>,
    /// For a protokoll: the appeal text's values.
    pub appeal: Option<Appeal>,
    /// What the feed says of it.
    pub summary: String,
}

/// A link from a notice to the document it announces.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeLink {
    /// "Protokoll (offentlig version)"
    pub title: String,
    /// "PDF", "PDF, signerat digitalt"
    pub meta: &'static str,
    /// Relative to the anslagstavla's folder.
    pub href: String,
}

/// The values the appeal template receives, by the names it uses.
#[derive(Debug, Clone, Serialize)]
pub struct Appeal {
    /// Whether the notice is of a delegation decision not reported to the
    /// nämnd, rather than of an adjusted protokoll.
    pub delegationsbeslut: bool,
    pub organisation: String,
    pub organ: String,
    pub sammantradesdatum: String,
    pub justeringsdatum: String,
    pub uppsatt: String,
    pub nedtas: String,
    pub sista_dag: String,
    pub forvaringsplats: Option<String>,
}

impl Notice {
    /// Whether it is up on `today`.
    pub fn current(&self, today: NaiveDate) -> bool {
        self.posted <= today && today < self.removed
    }

    /// Whether it has been taken down by `today`.
    pub fn archived(&self, today: NaiveDate) -> bool {
        self.removed <= today
    }
}

/// Every notice the repository gives, posted or not, newest first.
pub fn notices(
    repository: &Repository,
    documents: &[&Document],
    manifest: &Manifest,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    let organisation = &repository.organisation;
    let by_meeting = ByMeeting::of(documents);
    for body in &repository.bodies {
        for context in docs::contexts(organisation, body) {
            if let Some(notice) = protokoll(&context, &by_meeting, manifest) {
                notices.push(notice);
            }
            if let Some(notice) = kungorelse(&context, &by_meeting, manifest) {
                notices.push(notice);
            }
        }
    }
    for body in &repository.bodies {
        notices.extend(delegations(repository, body));
    }
    notices.sort_by(|a, b| (b.posted, b.subject, &a.id).cmp(&(a.posted, a.subject, &b.id)));
    notices
}

/// The published documents of the meetings, by body, date and kind: the
/// first of each, as the site lists them.
struct ByMeeting<'a>(HashMap<(&'a str, NaiveDate, Kind), &'a Document>);

impl<'a> ByMeeting<'a> {
    fn of(documents: &[&'a Document]) -> ByMeeting<'a> {
        let mut found = HashMap::new();
        for document in documents
            .iter()
            .filter(|d| d.kind.spec().scope == docs::Scope::Meeting)
        {
            found
                .entry((document.body.as_str(), document.date, document.kind))
                .or_insert(*document);
        }
        ByMeeting(found)
    }
}

/// The published document of a kind for a meeting: the public version of
/// a protokoll with confidential items, the signed copy where there is one.
fn link_to(
    context: &Context,
    documents: &ByMeeting,
    manifest: &Manifest,
    kind: Kind,
) -> Option<NoticeLink> {
    let document = *documents
        .0
        .get(&(context.body.slug.as_str(), context.meeting.date(), kind))?;
    let (path, signed) = match signed_copy(manifest, document) {
        Some(copy) => (PathBuf::from(&copy.output), true),
        None => (document.output.clone(), false),
    };
    Some(NoticeLink {
        title: document.label(),
        meta: if signed {
            "PDF, signerat digitalt"
        } else {
            "PDF"
        },
        href: format!("../{}", href(&path)),
    })
}

/// The notice that a meeting's protokoll has been adjusted.
fn protokoll(context: &Context, documents: &ByMeeting, manifest: &Manifest) -> Option<Notice> {
    let days = anslag::days(context)?;
    let body = &context.body.spec;
    let labels = context.labels();
    let date = context.meeting.date();
    let mut facts = vec![
        (labels.organ.clone(), body.name.clone()),
        (labels.sammantradesdatum.clone(), sv::long_date(date)),
        (
            labels.datum_for_justering.clone(),
            sv::long_date(days.justering),
        ),
        (
            labels.anslaget_satts_upp.clone(),
            sv::long_date(days.posted),
        ),
        (labels.anslaget_tas_ned.clone(), sv::long_date(days.removed)),
    ];
    if let Some(storage) = &body.storage {
        facts.push((labels.forvaringsplats.clone(), storage.trim().to_string()));
    }
    Some(Notice {
        subject: Subject::Protokoll,
        id: format!("protokoll-{}", meeting_anchor(&context.body.slug, date)),
        title: format!("Justerat protokoll: {} {}", body.name, sv::long_date(date)),
        posted: days.posted,
        removed: days.removed,
        facts,
        link: link_to(context, documents, manifest, Kind::Protokoll),
        appeal: Some(Appeal {
            delegationsbeslut: false,
            organisation: docs::organisation_of(context.organisation, context.body),
            organ: body.name.clone(),
            sammantradesdatum: sv::long_date(date),
            justeringsdatum: sv::long_date(days.justering),
            uppsatt: sv::long_date(days.posted),
            nedtas: sv::long_date(days.removed),
            sista_dag: sv::long_date(days.last_appeal),
            forvaringsplats: body.storage.as_ref().map(|s| s.trim().to_string()),
        }),
        summary: format!(
            "Protokollet från {}s sammanträde {} är justerat {}. Sista dag att överklaga: {}.",
            body.name,
            sv::long_date(date),
            sv::long_date(days.justering),
            sv::long_date(days.last_appeal)
        ),
    })
}

/// The notices of a body's delegation decisions that are not reported to
/// the nämnd (Kommunallagen 8 kap. 13 §): posted on the day `tillkännages`
/// gives, else the day of the decision, for three weeks.
fn delegations(repository: &Repository, body: &crate::repo::model::Body) -> Vec<Notice> {
    if !body.spec.anslagstavla {
        return Vec::new();
    }
    let labels = docs::labels_of(&repository.organisation, body);
    let organisation = docs::organisation_of(&repository.organisation, body);
    body.delegations
        .iter()
        .filter(|d| !d.spec.reported)
        .map(|delegation| {
            let spec = &delegation.spec;
            let date = spec.date.value.0;
            let posted = spec.posted.as_ref().map_or(date, |d| d.value.0);
            let removed = anslag::removal_day(posted);
            let last_appeal = anslag::last_appeal_day(posted);
            let decided_by = docs::delegation::decided_by(&repository.organisation, spec);
            let basis = docs::delegation::basis(spec);
            let case = spec
                .case_number
                .as_ref()
                .map(|c| c.value.trim().to_string());
            let mut facts = vec![
                (labels.organ.clone(), body.spec.name.clone()),
                ("Beslutsdatum".to_string(), sv::long_date(date)),
                (labels.arende.clone(), spec.matter.trim().to_string()),
            ];
            facts.extend(case.clone().map(|c| (labels.diarienummer.clone(), c)));
            facts.extend(
                spec.decision
                    .as_ref()
                    .map(|d| ("Beslut".to_string(), d.trim().to_string())),
            );
            facts.push((labels.beslutsfattare.clone(), decided_by));
            facts.extend(basis.map(|b| (labels.delegation.clone(), b)));
            facts.push((labels.anslaget_satts_upp.clone(), sv::long_date(posted)));
            facts.push((labels.anslaget_tas_ned.clone(), sv::long_date(removed)));
            if let Some(storage) = &body.spec.storage {
                facts.push((
                    "Beslutet förvaras hos".to_string(),
                    storage.trim().to_string(),
                ));
            }
            let name = case.as_deref().unwrap_or(spec.matter.as_str());
            Notice {
                subject: Subject::Delegation,
                id: format!(
                    "delegationsbeslut-{}-{}",
                    meeting_anchor(&body.slug, date),
                    super::ics::token(&name.to_lowercase())
                ),
                title: format!(
                    "Delegationsbeslut: {}, {}",
                    spec.matter.trim(),
                    body.spec.name
                ),
                posted,
                removed,
                facts,
                link: None,
                appeal: Some(Appeal {
                    delegationsbeslut: true,
                    organisation: organisation.clone(),
                    organ: body.spec.name.clone(),
                    sammantradesdatum: String::new(),
                    justeringsdatum: String::new(),
                    uppsatt: sv::long_date(posted),
                    nedtas: sv::long_date(removed),
                    sista_dag: sv::long_date(last_appeal),
                    forvaringsplats: body.spec.storage.as_ref().map(|s| s.trim().to_string()),
                }),
                summary: format!(
                    "{} har {} beslutat med stöd av delegation: {}. Sista dag att överklaga: {}.",
                    body.spec.name,
                    sv::long_date(date),
                    spec.matter.trim(),
                    sv::long_date(last_appeal)
                ),
            }
        })
        .collect()
}

/// Fullmäktige's kungörelse of a meeting, from the day the kallelse was
/// sent to the day after the meeting.
fn kungorelse(context: &Context, documents: &ByMeeting, manifest: &Manifest) -> Option<Notice> {
    let body = &context.body.spec;
    let meeting = context.meeting;
    if body.kind != BodyKind::Council {
        return None;
    }
    let cancelled = meeting.status().is_cancelled();
    if !cancelled && !meeting.status().reached(Status::Called) {
        return None;
    }
    let posted = kungorelse::posted(meeting)?;
    let labels = context.labels();
    let date = meeting.date();
    let spec = &meeting.spec;
    let time = format!(
        "{}, {}",
        sv::long_date(date),
        sv::time_span(spec.start.value, spec.end.as_ref().map(|e| e.value))
    );
    let mut facts = vec![
        (labels.organ.clone(), body.name.clone()),
        (labels.tid.clone(), time),
        (labels.plats.clone(), spec.place.clone()),
        (labels.anslaget_satts_upp.clone(), sv::long_date(posted)),
    ];
    let reason = spec
        .reason
        .as_ref()
        .map(|r| r.value.trim().to_string())
        .filter(|r| cancelled && !r.is_empty());
    if let Some(reason) = &reason {
        facts.push(("Anledning".to_string(), reason.clone()));
    }
    // A cancelled meeting's notice links the page that says so in place
    // of the kallelse.
    let kind = if cancelled {
        Kind::Kallelse
    } else {
        Kind::Kungorelse
    };
    let (title, summary) = if cancelled {
        (
            format!(
                "Inställt sammanträde: {} {}",
                body.name,
                sv::long_date(date)
            ),
            format!(
                "{}s sammanträde {} är inställt.",
                body.name,
                sv::long_date(date)
            ),
        )
    } else {
        (
            format!("Kungörelse: {} {}", body.name, sv::long_date(date)),
            format!(
                "{} sammanträder {}, {}.",
                body.name,
                sv::long_date(date),
                spec.place
            ),
        )
    };
    Some(Notice {
        subject: Subject::Kungorelse,
        id: format!("kungorelse-{}", meeting_anchor(&context.body.slug, date)),
        title,
        posted,
        removed: date + Days::new(1),
        facts,
        link: link_to(context, documents, manifest, kind),
        appeal: None,
        summary,
    })
}

#[derive(Serialize)]
struct Page {
    organisation: String,
    version: &'static str,
    root: &'static str,
    board: bool,
    followup: bool,
    archive: bool,
    /// "fredag 4 december 2026"
    today: String,
    sections: Vec<Section>,
}

#[derive(Serialize)]
struct Section {
    id: &'static str,
    heading: &'static str,
    /// What the section says without notices.
    empty: &'static str,
    notices: Vec<PageNotice>,
}

#[derive(Serialize)]
struct PageNotice {
    id: String,
    title: String,
    facts: Vec<(String, String)>,
    link: Option<NoticeLink>,
    /// The appeal text, rendered from its template (every value escaped).
    appeal: Option<String>,
}

/// Writes the anslagstavla's pages and feed through `emit`.
pub fn files(
    repository: &Repository,
    documents: &[&Document],
    manifest: &Manifest,
    today: NaiveDate,
    emit: &mut Emit,
) -> Result<(), Error> {
    if !wanted(repository) {
        return Ok(());
    }
    let appeal = appeal_template(repository)?;
    let notices = notices(repository, documents, manifest);
    let folder = Path::new(FOLDER);
    for archive in [false, true] {
        let shown: Vec<&Notice> = notices
            .iter()
            .filter(|n| {
                if archive {
                    n.archived(today)
                } else {
                    n.current(today)
                }
            })
            .collect();
        let page = page(repository, &shown, archive, today, &appeal)?;
        let name = if archive { "arkiv.html" } else { "index.html" };
        emit(folder.join(name), page.into_bytes())?;
    }
    let feed = feed(repository, &notices, today)?;
    emit(folder.join("feed.xml"), feed.into_bytes())
}

/// The appeal template: the repository's `templates/overklagande.html`,
/// else the built-in one.
fn appeal_template(repository: &Repository) -> Result<(String, String), Error> {
    let relative = Path::new(crate::typeset::TEMPLATES_DIR).join(APPEAL_TEMPLATE);
    let files = &repository.files;
    let own = crate::typeset::own_template(files, files.root(), &relative, APPEAL_LIMIT)?;
    Ok(match own {
        Some(text) => (relative.display().to_string(), text),
        None => (APPEAL_TEMPLATE.to_string(), APPEAL.to_string()),
    })
}

fn page(
    repository: &Repository,
    notices: &[&Notice],
    archive: bool,
    today: NaiveDate,
    (appeal_name, appeal_source): &(String, String),
) -> Result<String, Error> {
    let mut kungorelser = Vec::new();
    let mut protokoll = Vec::new();
    let mut delegationsbeslut = Vec::new();
    for notice in notices {
        let appeal = match &notice.appeal {
            Some(values) => Some(super::render_source(appeal_name, appeal_source, values)?),
            None => None,
        };
        let shown = PageNotice {
            id: notice.id.clone(),
            title: notice.title.clone(),
            facts: notice.facts.clone(),
            link: notice.link.clone(),
            appeal,
        };
        match notice.subject {
            Subject::Kungorelse => kungorelser.push(shown),
            Subject::Protokoll => protokoll.push(shown),
            Subject::Delegation => delegationsbeslut.push(shown),
        }
    }
    let page = Page {
        organisation: repository.organisation.name.clone(),
        version: env!("CARGO_PKG_VERSION"),
        root: "../",
        board: true,
        followup: super::followup_wanted(repository),
        archive,
        today: sv::long_date(today),
        sections: vec![
            Section {
                id: "kungorelser",
                heading: "Kungörelser",
                empty: if archive {
                    "Inga kungörelser har tagits ned."
                } else {
                    "Inga kungörelser är uppsatta."
                },
                notices: kungorelser,
            },
            Section {
                id: "protokoll",
                heading: "Justerade protokoll",
                empty: if archive {
                    "Inga tillkännagivanden om protokoll har tagits ned."
                } else {
                    "Inga tillkännagivanden om justerade protokoll är uppsatta."
                },
                notices: protokoll,
            },
            Section {
                id: "delegationsbeslut",
                heading: "Delegationsbeslut",
                empty: if archive {
                    "Inga tillkännagivanden om delegationsbeslut har tagits ned."
                } else {
                    "Inga delegationsbeslut är tillkännagivna."
                },
                notices: delegationsbeslut,
            },
        ],
    };
    render("anslagstavla.html", &page)
}

/// Every notice posted by `today`, newest first; an entry links the page
/// the notice is on today.
fn feed(repository: &Repository, notices: &[Notice], today: NaiveDate) -> Result<String, Error> {
    let identity = repository.organisation.identity();
    let entries: Vec<Entry> = notices
        .iter()
        .filter(|n| n.posted <= today)
        .map(|notice| {
            let page = if notice.archived(today) {
                "arkiv.html"
            } else {
                "index.html"
            };
            Entry {
                title: notice.title.clone(),
                id: urn(&identity, &format!("{FOLDER}/{}", notice.id)),
                updated: timestamp(notice.posted),
                page: format!("{page}#{}", notice.id),
                href: notice.link.as_ref().map(|l| l.href.clone()),
                summary: notice.summary.clone(),
            }
        })
        .collect();
    let updated = notices
        .iter()
        .filter(|n| n.posted <= today)
        .map(|n| n.posted)
        .max()
        .unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default());
    let feed = Feed {
        organisation: repository.organisation.name.clone(),
        version: env!("CARGO_PKG_VERSION"),
        id: urn(&identity, &format!("{FOLDER}/feed.xml")),
        this: repository
            .organisation
            .site()
            .map(|site| format!("{site}{FOLDER}/feed.xml")),
        updated: timestamp(updated),
        entries,
    };
    render("anslagstavla.xml", &feed)
}
