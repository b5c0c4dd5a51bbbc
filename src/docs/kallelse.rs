//! Kallelse/föredragningslista: who is called, when and where, and the
//! numbered agenda with each item's case number, time, presenters,
//! description, förslag till beslut, distribution and decision documents.

use serde::Serialize;

use chrono::NaiveDate;

use super::{
    Context, Document, Header, Kind, KindSpec, Make, OpenData, Scope, listed, markdown, presenters,
    text,
};
use crate::docs::markdown::Block;
use crate::repo::model::{Item, ItemKind, Meeting, Role, Status};
use crate::sv;

pub const TITLE: &str = "Kallelse/föredragningslista";
/// The mark on a kallelse of a meeting still `planerad`.
pub const DRAFT: &str = "UTKAST – ej utsänd";

pub const SPEC: KindSpec = KindSpec {
    kind: Kind::Kallelse,
    slug: "kallelse",
    title: TITLE,
    label: "Kallelse",
    template: include_str!("../../templates/kallelse.typ"),
    sample: include_str!("../../templates/kallelse.sample.json"),
    scope: Scope::Meeting,
    // While planerad, a draft for the secretary to read through.
    from: Status::Planned,
    cancelled: true,
    numbered: false,
    record: false,
    open_data: OpenData::Invitation,
    feed: Some(feed),
    item_fields: &[
        "rubrik",
        "diarienummer",
        "tid",
        "föredragande",
        "ärendebeskrivning",
        "förslag_till_beslut",
        "beslutsunderlag",
        "expedieras_till",
        "sekretess",
    ],
    meeting_fields: &[
        "status",
        "start",
        "slut",
        "plats",
        "form",
        "ordförande",
        "vice_ordförande",
        "sekreterare",
        "anledning",
    ],
    subitem_fields: &[
        "rubrik",
        "föredragande",
        "ärendebeskrivning",
        "förslag_till_beslut",
    ],
    make: Make::Meeting(make),
};

/// The kallelse of a meeting; none for a planned meeting without items,
/// which has no agenda to show yet. For an inställd meeting whose kallelse
/// was sent, a notice that it is cancelled in its place; none if it was
/// never sent.
fn make(context: &Context, _: &[u32]) -> Vec<Document> {
    if context.meeting.status().is_cancelled() {
        if context.meeting.spec.called_on.is_none() {
            return Vec::new();
        }
        let mut notice = context.document(
            Kind::Kallelse,
            SPEC.slug,
            context.meeting.date(),
            &notice(context),
        );
        notice.cancelled = true;
        return vec![notice];
    }
    if context.meeting.items.is_empty() {
        return Vec::new();
    }
    let mut kallelse = context.document(
        Kind::Kallelse,
        SPEC.slug,
        context.meeting.date(),
        &data(context),
    );
    kallelse.files = attached_files(context);
    vec![kallelse]
}

/// A kallelse in the feed once it is sent.
fn feed(meeting: &Meeting, _: &Document) -> Option<(NaiveDate, String)> {
    (meeting.status().reached(Status::Called)).then(|| {
        (
            meeting
                .spec
                .called_on
                .as_ref()
                .map_or(meeting.date(), |d| d.value.0),
            format!(
                "Kallelse till sammanträde {}, {}.",
                sv::long_date(meeting.date()),
                meeting.spec.place
            ),
        )
    })
}

/// The heading of the notice that replaces the kallelse of an inställd
/// meeting, and its name on the site.
pub const NOTICE_TITLE: &str = "Inställt sammanträde";

/// What templates/kallelse.typ receives for an inställd meeting: one page
/// saying so, in place of the kallelse that was sent.
#[derive(Debug, Serialize)]
pub struct Notice {
    #[serde(flatten)]
    pub header: Header,
    /// "Sammanträdet med Bygg- och miljönämnden måndag 16 mars 2026 kl.
    /// 13.00 är inställt."
    pub cancelled: String,
    /// Why, as meeting.yaml's `anledning` gives it.
    pub reason: Option<String>,
}

pub fn notice(context: &Context) -> Notice {
    let spec = &context.meeting.spec;
    Notice {
        header: context.header(NOTICE_TITLE),
        cancelled: format!(
            "Sammanträdet med {} {} {} är inställt.",
            context.body.spec.name,
            sv::long_date(context.meeting.date()),
            sv::time_span(spec.start.value, None)
        ),
        reason: spec
            .reason
            .as_ref()
            .map(|r| r.value.trim().to_string())
            .filter(|r| !r.is_empty()),
    }
}

#[derive(Debug, Serialize)]
pub struct Kallelse {
    #[serde(flatten)]
    pub header: Header,
    /// "måndag 26 januari 2026, kl. 13.15–16.00"
    pub time: String,
    pub place: String,
    pub chair: Vec<String>,
    /// Ledamöter, vice ordförande among them with their role.
    pub members: Vec<String>,
    pub substitutes: Vec<String>,
    pub secretary: Vec<String>,
    pub items: Vec<AgendaItem>,
    /// Decision documents appended to the kallelse, in agenda order.
    pub attachments: Vec<Attachment>,
}

/// A PDF from the meeting folder appended to the kallelse.
#[derive(Debug, Serialize)]
pub struct Attachment {
    /// "Bilaga 1"
    pub label: String,
    pub title: String,
    /// The agenda item it belongs to: "3. Etablering av arbetsgrupp"
    pub item: String,
    /// Where the template reads it: "/underlag/0.pdf".
    pub path: String,
    /// The name it carries inside the PDF: "tjansteskrivelse.pdf".
    pub name: String,
}

/// The files a kallelse appends, relative to the repository root, in the
/// order of its `attachments`.
pub fn attached_files(context: &Context) -> Vec<std::path::PathBuf> {
    attached(context)
        .map(|(_, _, file)| context.meeting.dir.join(file))
        .collect()
}

/// (item index, title, file) of every document to be attached, the item's
/// own and then its sub-items'; none from confidential items, whose papers
/// go to the members separately.
fn attached<'a>(context: &'a Context) -> impl Iterator<Item = (usize, &'a str, &'a str)> {
    let items = context.meeting.items.iter().enumerate();
    items
        .filter(|(_, item)| item.spec.secrecy.is_none())
        .flat_map(|(index, item)| {
            let subitems = item.spec.subitems.iter().filter_map(|s| s.structured());
            let documents = item
                .spec
                .documents
                .iter()
                .chain(subitems.flat_map(|s| s.documents.iter()));
            documents.filter_map(move |d| {
                let (title, file) = d.value.attachment()?;
                Some((index, title, file))
            })
        })
}

#[derive(Debug, Serialize)]
pub struct AgendaItem {
    /// 1, 2, 3 … in agenda order, breaks included, as the kallelse is read.
    pub number: usize,
    pub title: String,
    pub is_break: bool,
    pub case_number: Option<String>,
    /// "13.25"
    pub time: Option<String>,
    /// "Anna Frisk och Jan Persson"
    pub presenters: Option<String>,
    pub description: Option<Vec<Block>>,
    pub proposal: Option<Vec<Block>>,
    pub distribution: Vec<String>,
    pub documents: Vec<String>,
    /// For a confidential item, which is shown by its public title only.
    pub secrecy: Option<String>,
    /// The sub-items with a heading of their own (lines of text are the
    /// protokoll's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subitems: Vec<AgendaSubItem>,
    /// For an item that reports delegation decisions: those of its period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delegations: Option<super::delegation::Reported>,
}

/// A sub-item with a heading of its own, under its letter.
#[derive(Debug, Serialize)]
pub struct AgendaSubItem {
    /// "a)"
    pub label: String,
    pub title: String,
    pub presenters: Option<String>,
    pub description: Option<Vec<Block>>,
    pub proposal: Option<Vec<Block>>,
}

pub fn data(context: &Context) -> Kallelse {
    let spec = &context.meeting.spec;
    let members_with = |wanted: &[Role]| -> Vec<String> {
        let mut listed_members: Vec<(&crate::repo::model::PersonRef, Role)> = context
            .members()
            .map(|member| {
                (
                    &member.person,
                    context.role(&member.person).unwrap_or(member.role),
                )
            })
            .filter(|(_, role)| wanted.contains(role))
            .collect();
        // A vice chair named for the meeting who is not a member that day
        // (a substitute, say) is listed with the members all the same.
        if let Some(vice) = &spec.vice_chair
            && wanted.contains(&Role::ViceChair)
            && !listed_members
                .iter()
                .any(|(p, _)| p.value.key() == vice.value.key())
        {
            listed_members.push((vice, Role::ViceChair));
        }
        listed_members
            .into_iter()
            .map(|(person, role)| {
                let name = listed(&context.person(person));
                match role {
                    Role::ViceChair => format!("{name}, vice ordförande"),
                    _ => name,
                }
            })
            .collect()
    };
    Kallelse {
        header: context
            .header(TITLE)
            .draft((context.meeting.status() == Status::Planned).then_some(DRAFT)),
        time: format!(
            "{}, {}",
            sv::long_date(context.meeting.date()),
            sv::time_span(spec.start.value, spec.end.as_ref().map(|end| end.value))
        ),
        place: spec.place.clone(),
        chair: context
            .chair()
            .map(|chair| listed(&context.person(chair)))
            .into_iter()
            .collect(),
        members: members_with(&[Role::ViceChair, Role::Member]),
        substitutes: members_with(&[Role::Substitute]),
        secretary: context
            .secretary()
            .map(|s| context.person(s).name)
            .into_iter()
            .collect(),
        items: context
            .meeting
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| agenda_item(context, index + 1, item))
            .collect(),
        attachments: attached(context)
            .enumerate()
            .map(|(n, (index, title, file))| Attachment {
                name: std::path::Path::new(file)
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                label: format!("Bilaga {}", n + 1),
                title: title.to_string(),
                item: format!(
                    "{}. {}",
                    index + 1,
                    context.meeting.items[index].spec.public_title()
                ),
                path: super::file_path(n),
            })
            .collect(),
    }
}

/// The decision documents of item `index`, an attached one with its label:
/// "Tjänsteskrivelse (bilaga 1)".
fn documents(context: &Context, index: usize) -> Vec<String> {
    let mut n = attached(context).filter(|(i, _, _)| *i < index).count();
    let documents = context.meeting.items[index].spec.documents.iter();
    documents
        .map(|d| match d.value.attachment() {
            Some((title, _)) => {
                n += 1;
                format!("{title} (bilaga {n})")
            }
            None => d.value.title().to_string(),
        })
        .collect()
}

fn agenda_item(context: &Context, number: usize, item: &Item) -> AgendaItem {
    let spec = &item.spec;
    // A kallelse is a public document: a confidential item shows only its
    // public title and case number; the members get its papers separately.
    if let Some(secrecy) = &spec.secrecy {
        return AgendaItem {
            number,
            title: spec.public_title().to_string(),
            is_break: false,
            case_number: text(&spec.case_number).map(str::to_string),
            time: spec.time.as_ref().map(|time| time.value.to_string()),
            presenters: None,
            description: None,
            proposal: None,
            distribution: Vec::new(),
            documents: Vec::new(),
            secrecy: Some(format!(
                "Sekretess enligt {}. Handlingarna lämnas ut separat till ledamöterna.",
                secrecy.legal()
            )),
            subitems: Vec::new(),
            delegations: None,
        };
    }
    AgendaItem {
        number,
        title: spec.title.clone(),
        is_break: spec.kind == ItemKind::Break,
        case_number: text(&spec.case_number).map(str::to_string),
        time: spec.time.as_ref().map(|time| time.value.to_string()),
        presenters: presenters(context, &spec.presenters),
        description: markdown(spec.description.as_deref()),
        proposal: markdown(text(&spec.proposal)),
        distribution: spec.distribution.clone(),
        documents: documents(context, number - 1),
        secrecy: None,
        delegations: super::delegation::reported(context, spec),
        subitems: spec
            .subitems
            .iter()
            .enumerate()
            .filter_map(|(index, subitem)| {
                let sub = subitem.structured()?;
                Some(AgendaSubItem {
                    label: sv::letter(index),
                    title: sub.title.clone(),
                    presenters: presenters(context, &sub.presenters),
                    description: markdown(sub.description.as_deref()),
                    proposal: markdown(text(&sub.proposal)),
                })
            })
            .collect(),
    }
}
