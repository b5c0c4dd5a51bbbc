//! Protokollsutdrag: one paragraph of an adjusted protokoll under the
//! protokoll's header, with the secretary's certification
//! (utdragsbestyrkande) and the paragraph's distribution list.

use serde::Serialize;

use super::protokoll::{self, Section};
use super::{Context, Document, Kind, KindSpec, Make, OpenData, Scope};
use crate::repo::model::Status;
use crate::sv;

pub const TITLE: &str = "Protokollsutdrag";

pub const SPEC: KindSpec = KindSpec {
    kind: Kind::Protokollsutdrag,
    slug: "protokollsutdrag",
    title: TITLE,
    label: TITLE,
    template: include_str!("../../templates/protokollsutdrag.typ"),
    sample: include_str!("../../templates/protokollsutdrag.sample.json"),
    scope: Scope::Paragraph,
    // Before justering, only for paragraphs adjusted immediately.
    from: Status::Held,
    cancelled: false,
    numbered: true,
    record: true,
    open_data: OpenData::Auxiliary,
    feed: None,
    item_fields: protokoll::PARAGRAPH_FIELDS,
    meeting_fields: &["status", "närvaro", "rättelser"],
    subitem_fields: protokoll::SUBITEM_FIELDS,
    make: Make::Meeting(make),
};

/// One utdrag per paragraph (those in `only`, if any).
fn make(context: &Context, only: &[u32]) -> Vec<Document> {
    context
        .meeting
        .items
        .iter()
        .enumerate()
        .filter_map(|(index, _)| Some((index, context.paragraphs[index]?)))
        .filter(|(_, number)| only.is_empty() || only.contains(number))
        // Before the protokoll is adjusted, only paragraphs adjusted at the
        // meeting have an extract.
        .filter(|(index, _)| {
            context.meeting.status().reached(Status::Adjusted)
                || context.meeting.items[*index].spec.immediate
        })
        .map(|(index, number)| {
            let mut utdrag = context.document(
                Kind::Protokollsutdrag,
                &format!("{}-{number}", SPEC.slug),
                adjusted_on(context, index),
                &data(context, index, number),
            );
            let secret = context.meeting.items[index].spec.secrecy.is_some();
            utdrag.public &= !secret;
            utdrag.internal = secret;
            utdrag.paragraph = Some(number);
            utdrag
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct Utdrag {
    #[serde(flatten)]
    pub header: super::Header,
    /// "måndag 17 november 2025 kl. 13.00–15.30"
    pub time: String,
    pub place: String,
    /// "onsdag 26 november 2025, digitalt"
    pub justering: Option<String>,
    /// "Regional ledningsgrupp beslut"
    pub decision_heading: String,
    pub section: Section,
    pub certification: Certification,
}

/// "Utdragsbestyrkande": who certifies that the extract is true, and when.
#[derive(Debug, Serialize)]
pub struct Certification {
    pub name: Option<String>,
    pub role: String,
    /// "26 november 2025": the day of justering.
    pub date: String,
}

/// The extract of item `index`, whose paragraph is `number`.
/// The extract of item `index`, whose paragraph is `number`. A paragraph
/// adjusted at the meeting is certified on the meeting's day.
pub fn data(context: &Context, index: usize, number: u32) -> Option<Utdrag> {
    let mut header = context.header(TITLE);
    header.document_title = format!(
        "{TITLE} {} {} § {number}",
        context.body.spec.name, header.date
    );
    let immediate = context.meeting.items[index].spec.immediate;
    let justering = if immediate {
        Some(format!(
            "{}, omedelbart vid sammanträdet",
            sv::long_date(context.meeting.date())
        ))
    } else {
        protokoll::justering(context)
    };
    let labels = context.labels();
    Some(Utdrag {
        header,
        time: protokoll::when(context),
        place: context.meeting.spec.place.clone(),
        justering,
        decision_heading: context.decision_heading(&labels),
        section: protokoll::section(context, index, false)?,
        certification: Certification {
            name: context.secretary().map(|s| context.person(s).name),
            role: labels.sekreterare.clone(),
            date: sv::date(adjusted_on(context, index)),
        },
    })
}

/// The day paragraph `index` was adjusted: the meeting's day for one
/// adjusted immediately, otherwise the protokoll's.
pub fn adjusted_on(context: &Context, index: usize) -> chrono::NaiveDate {
    if context.meeting.items[index].spec.immediate {
        context.meeting.date()
    } else {
        context.adjusted_on()
    }
}
