//! Sammanträdesplan: a body's meetings of one year as the table of seed
//! 004 — date, time, digital or in person, topics and their presenters —
//! derived from the meeting folders, so the plan never disagrees with them.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Context, Document, Header, Kind, KindSpec, Make, OpenData, Scope, contexts};
use crate::repo::model::{Body, ItemKind, Repository, Status};
use crate::sv;

pub const TITLE: &str = "Sammanträdesplan";

pub const SPEC: KindSpec = KindSpec {
    kind: Kind::Sammantradesplan,
    slug: "sammantradesplan",
    title: TITLE,
    label: TITLE,
    template: include_str!("../../templates/sammantradesplan.typ"),
    sample: include_str!("../../templates/sammantradesplan.sample.json"),
    scope: Scope::Year,
    from: Status::Planned,
    cancelled: false,
    numbered: true,
    record: false,
    open_data: OpenData::None,
    feed: None,
    // What `rsr diff` compares of a plan's meetings; their items show in it
    // by title, unless confidential.
    item_fields: &["rubrik", "sekretess"],
    meeting_fields: &["start", "slut", "plats", "form", "ämnen"],
    subitem_fields: &[],
    make: Make::Year(documents),
};

#[derive(Debug, Serialize)]
pub struct Plan {
    #[serde(flatten)]
    pub header: Header,
    pub year: i32,
    pub meetings: Vec<PlannedMeeting>,
}

#[derive(Debug, Serialize)]
pub struct PlannedMeeting {
    /// "måndag 16 februari"
    pub date: String,
    /// "kl. 09.30–12.00"
    pub time: String,
    /// "Digitalt", "Fysiskt", "Hybrid"
    pub mode: Option<String>,
    pub place: String,
    pub topics: Vec<PlannedTopic>,
    /// "Inställt", for an inställd meeting; its reason beside.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<Cancelled>,
}

/// How the plan marks an inställd meeting.
#[derive(Debug, Serialize)]
pub struct Cancelled {
    /// "Inställt"
    pub label: &'static str,
    /// As meeting.yaml's `anledning` gives it.
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PlannedTopic {
    pub topic: String,
    pub presenter: Option<String>,
}

/// One plan per year in which the body has meetings; with `meetings` given,
/// only the years of those meetings.
pub fn documents(repository: &Repository, body: &Body, meetings: &[NaiveDate]) -> Vec<Document> {
    let mut years: BTreeMap<i32, Vec<Context>> = BTreeMap::new();
    for context in contexts(&repository.organisation, body) {
        years
            .entry(context.meeting.date().year())
            .or_default()
            .push(context);
    }
    years
        .into_iter()
        .filter(|(year, _)| meetings.is_empty() || meetings.iter().any(|m| m.year() == *year))
        .map(|(year, contexts)| {
            let first = contexts
                .first()
                .map_or(NaiveDate::MIN, |c| c.meeting.date());
            let plan = Plan {
                header: super::year_header(
                    repository,
                    body,
                    (TITLE, year),
                    (year.to_string(), year.to_string()),
                ),
                year,
                meetings: contexts.iter().map(planned).collect(),
            };
            super::year_document(
                repository,
                body,
                Kind::Sammantradesplan,
                year,
                (first, first),
                &plan,
            )
        })
        .collect()
}

fn planned(context: &Context) -> PlannedMeeting {
    let spec = &context.meeting.spec;
    let date = context.meeting.date();
    // Planned topics where the secretary wrote them; otherwise the agenda.
    let topics = if spec.topics.is_empty() {
        context
            .meeting
            .items
            .iter()
            // Information items are planned topics as much as matters are.
            .filter(|item| matches!(item.spec.kind, ItemKind::Matter | ItemKind::Information))
            .map(|item| {
                let presenters: Vec<String> = item
                    .spec
                    .presenters
                    .iter()
                    .map(|p| context.presenter(p))
                    .collect();
                PlannedTopic {
                    topic: item.spec.public_title().to_string(),
                    presenter: Some(sv::join_and(&presenters)).filter(|p| !p.is_empty()),
                }
            })
            .collect()
    } else {
        spec.topics
            .iter()
            .map(|t| PlannedTopic {
                topic: t.topic.clone(),
                presenter: t.presenter.clone(),
            })
            .collect()
    };
    PlannedMeeting {
        date: format!("{} {}", sv::weekday(date), sv::day_month(date)),
        time: sv::time_span(spec.start.value, spec.end.as_ref().map(|end| end.value)),
        mode: spec.mode.map(|mode| mode.label().to_string()),
        place: spec.place.clone(),
        topics,
        cancelled: context.meeting.status().is_cancelled().then(|| Cancelled {
            label: "Inställt",
            reason: spec
                .reason
                .as_ref()
                .map(|r| r.value.trim().to_string())
                .filter(|r| !r.is_empty()),
        }),
    }
}
