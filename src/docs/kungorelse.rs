//! Kungörelse: fullmäktige's public notice of a meeting, posted on the
//! anslagstavla at least a week before it (Kommunallagen 5 kap. 11–12 §§):
//! the time and place, the ärenden, where the documents can be read, and
//! the chair who calls it. `rsr check` holds the days (`kungorelse-period`).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Context, Document, Header, Kind, KindSpec, Make, OpenData, Scope, listed, text};
use crate::repo::model::{BodyKind, ItemKind, Meeting, Status};
use crate::sv;

pub const TITLE: &str = "Kungörelse";

pub const SPEC: KindSpec = KindSpec {
    kind: Kind::Kungorelse,
    slug: "kungorelse",
    title: TITLE,
    label: TITLE,
    template: include_str!("../../templates/kungorelse.typ"),
    sample: include_str!("../../templates/kungorelse.sample.json"),
    scope: Scope::Meeting,
    from: Status::Called,
    cancelled: false,
    numbered: false,
    record: false,
    open_data: OpenData::Auxiliary,
    feed: None,
    item_fields: &["rubrik", "diarienummer", "sekretess"],
    meeting_fields: &[
        "status",
        "start",
        "slut",
        "plats",
        "ordförande",
        "kallelse_skickad",
    ],
    subitem_fields: &[],
    make: Make::Meeting(make),
};

/// The kungörelse of a fullmäktige meeting that is called.
fn make(context: &Context, _: &[u32]) -> Vec<Document> {
    if context.body.spec.kind != BodyKind::Council {
        return Vec::new();
    }
    let issued = posted(context.meeting).unwrap_or(context.meeting.date());
    vec![context.document(Kind::Kungorelse, SPEC.slug, issued, &data(context))]
}

/// The day the kungörelse goes up on the anslagstavla: the day the
/// kallelse was sent (`kallelse_skickad:`).
pub fn posted(meeting: &Meeting) -> Option<NaiveDate> {
    meeting.spec.called_on.as_ref().map(|d| d.value.0)
}

/// What templates/kungorelse.typ receives.
#[derive(Debug, Serialize)]
pub struct Kungorelse {
    #[serde(flatten)]
    pub header: Header,
    /// "måndag 14 december 2026, kl. 18.00"
    pub time: String,
    pub place: String,
    /// The ärenden by their number in the kallelse; breaks left out.
    pub items: Vec<Arende>,
    /// "Handlingarna finns på https://www.storsjo.se/protokoll/."
    pub documents: Option<String>,
    /// The chair who calls the meeting: "Karin Holm (S)".
    pub chair: Option<String>,
    /// "måndag 30 november 2026": the day it is posted.
    pub posted: Option<String>,
}

/// One ärende of the kungörelse.
#[derive(Debug, Serialize)]
pub struct Arende {
    /// Its number in the kallelse.
    pub number: usize,
    /// The public title (a confidential item's public one).
    pub title: String,
    pub case_number: Option<String>,
}

pub fn data(context: &Context) -> Kungorelse {
    let spec = &context.meeting.spec;
    Kungorelse {
        header: context.header(TITLE),
        time: format!(
            "{}, {}",
            sv::long_date(context.meeting.date()),
            sv::time_span(spec.start.value, spec.end.as_ref().map(|end| end.value))
        ),
        place: spec.place.clone(),
        items: context
            .meeting
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.spec.kind != ItemKind::Break)
            .map(|(index, item)| Arende {
                number: index + 1,
                title: item.spec.public_title().to_string(),
                case_number: text(&item.spec.case_number).map(str::to_string),
            })
            .collect(),
        documents: documents_at(context),
        chair: context.chair().map(|chair| listed(&context.person(chair))),
        posted: posted(context.meeting).map(sv::long_date),
    }
}

/// Where the documents can be read: the body's `handlingar:`, else the
/// site, else where the protokoll is kept.
fn documents_at(context: &Context) -> Option<String> {
    let body = &context.body.spec;
    if let Some(own) = &body.documents_at {
        return Some(own.value.trim().to_string()).filter(|t| !t.is_empty());
    }
    if let Some(site) = context.organisation.site() {
        return Some(format!("Handlingarna finns på {site}."));
    }
    body.storage
        .as_ref()
        .map(|storage| format!("Handlingarna finns hos {}.", storage.trim()))
}
