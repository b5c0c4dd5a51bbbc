//! Anslagsbevis: the notice-board certificate that the adjusted protokoll
//! was announced, from which the three weeks for appeal run
//! (Kommunallagen 8 kap. 12 §, 13 kap. 5 §). The dates are computed here.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Context, Document, Kind, KindSpec, Make, OpenData, Scope};
use crate::repo::model::Status;
use crate::sv;
use crate::sv::holidays;

pub const TITLE: &str = "Anslagsbevis";

pub const SPEC: KindSpec = KindSpec {
    kind: Kind::Anslagsbevis,
    slug: "anslagsbevis",
    title: TITLE,
    label: TITLE,
    template: include_str!("../../templates/anslagsbevis.typ"),
    sample: include_str!("../../templates/anslagsbevis.sample.json"),
    scope: Scope::Meeting,
    from: Status::Adjusted,
    cancelled: false,
    numbered: true,
    record: true,
    open_data: OpenData::Auxiliary,
    feed: None,
    item_fields: &[],
    meeting_fields: &["status", "justering"],
    subitem_fields: &[],
    make: Make::Meeting(make),
};

/// The anslagsbevis of an adjusted meeting of a body with an anslagstavla.
fn make(context: &Context, _: &[u32]) -> Vec<Document> {
    anslag(context)
        .map(|a| {
            context.document(
                Kind::Anslagsbevis,
                SPEC.slug,
                context.adjusted_on(),
                &data(context, a),
            )
        })
        .into_iter()
        .collect()
}

/// Kommunallagen 13 kap. 5 §: an appeal within three weeks of the posting.
const APPEAL_DAYS: u64 = 21;

#[derive(Debug, Serialize)]
pub struct Anslag {
    pub body: String,
    /// "måndag 2 mars 2026"
    pub meeting_date: String,
    pub justering_date: String,
    pub posted: String,
    pub removed: String,
    /// Where the protokoll is kept.
    pub storage: Option<String>,
    /// Who certifies the posting: the secretary.
    pub certifier: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Anslagsbevis {
    #[serde(flatten)]
    pub header: super::Header,
    pub anslag: Anslag,
}

/// The days of a protokoll's notice on the anslagstavla.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    pub justering: NaiveDate,
    /// The day the notice goes up, from which the appeal time runs.
    pub posted: NaiveDate,
    /// The day it is taken down.
    pub removed: NaiveDate,
    /// The last day an appeal may come in: three weeks from the posting,
    /// moved to the next working day.
    pub last_appeal: NaiveDate,
}

/// The days of the notice, for a body that posts on a notice board and a
/// meeting whose protokoll is adjusted; meeting.yaml's `anslag:` may set
/// the posting and removal days.
pub fn days(context: &Context) -> Option<Days> {
    let spec = &context.meeting.spec;
    if !context.body.spec.anslagstavla || !context.meeting.status().reached(Status::Adjusted) {
        return None;
    }
    let justering = spec.justering.as_ref()?.date.value.0;
    let overrides = spec.anslag.as_ref();
    let posted = overrides
        .and_then(|a| a.posted.as_ref())
        .map_or_else(|| holidays::next_working_day(justering), |d| d.value.0);
    let removed = overrides
        .and_then(|a| a.removed.as_ref())
        .map_or_else(|| removal_day(posted), |d| d.value.0);
    Some(Days {
        justering,
        posted,
        removed,
        last_appeal: last_appeal_day(posted),
    })
}

/// The certificate, for a body that posts on a notice board and a meeting
/// whose protokoll is adjusted.
pub fn anslag(context: &Context) -> Option<Anslag> {
    let days = days(context)?;
    Some(Anslag {
        body: context.body.spec.name.clone(),
        meeting_date: sv::long_date(context.meeting.date()),
        justering_date: sv::long_date(days.justering),
        posted: sv::long_date(days.posted),
        removed: sv::long_date(days.removed),
        storage: context.body.spec.storage.clone(),
        certifier: context.secretary().map(|s| context.person(s).name),
    })
}

/// The last day of the appeal time: three weeks from the posting, moved to
/// the next working day when it ends on a weekend, holiday or eve
/// (lagen om beräkning av lagstadgad tid).
pub fn last_appeal_day(posted: NaiveDate) -> NaiveDate {
    holidays::working_day_from(posted + chrono::Days::new(APPEAL_DAYS))
}

/// The day after the appeal period: three weeks from the posting, moved to
/// the next working day when it ends on a weekend, holiday or eve.
pub fn removal_day(posted: NaiveDate) -> NaiveDate {
    last_appeal_day(posted) + chrono::Days::new(1)
}

pub fn data(context: &Context, anslag: Anslag) -> Anslagsbevis {
    Anslagsbevis {
        header: context.header(TITLE),
        anslag,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn removal_follows_three_weeks_after_posting() {
        assert_eq!(removal_day(day(2026, 3, 9)), day(2026, 3, 31));
        // Posted after Christmas: three weeks end on Monday 19 January.
        assert_eq!(removal_day(day(2025, 12, 29)), day(2026, 1, 20));
        // Three weeks end on julafton: the period runs to Monday 28 December.
        assert_eq!(removal_day(day(2026, 12, 3)), day(2026, 12, 29));
    }
}
