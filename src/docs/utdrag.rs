//! Protokollsutdrag: one paragraph of an adjusted protokoll under the
//! protokoll's header, with the secretary's certification
//! (utdragsbestyrkande) and the paragraph's distribution list.

use serde::Serialize;

use super::Context;
use super::protokoll::{self, Section};
use crate::sv;

pub const TITLE: &str = "Protokollsutdrag";

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
pub fn data(context: &Context, index: usize, number: u32) -> Option<Utdrag> {
    let mut header = context.header(TITLE);
    header.document_title = format!(
        "{TITLE} {} {} § {number}",
        context.body.spec.name, header.date
    );
    Some(Utdrag {
        header,
        time: protokoll::when(context),
        place: context.meeting.spec.place.clone(),
        justering: protokoll::justering(context),
        decision_heading: format!("{} beslut", context.body.spec.name),
        section: protokoll::section(context, index)?,
        certification: Certification {
            name: context.secretary().map(|s| context.person(s).name),
            role: "Sekreterare".into(),
            date: sv::date(context.adjusted_on()),
        },
    })
}
