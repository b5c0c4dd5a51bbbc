//! Beslutsuppföljning: per body and year, the uppdrag its decisions gave
//! (`uppdrag:` on an item of a meeting held that year) with their status —
//! done, in progress, overdue — and, for a body that keeps a register of
//! motions (`motioner/`), the motions of the year: moved then, or still
//! being prepared when it began (a motion should be decided within a year,
//! Kommunallagen 5 kap. 35 §). What is overdue depends on the day: the
//! build's, or `SOURCE_DATE_EPOCH`'s.

use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::{Document, Header, Kind, KindSpec, Make, OpenData, Scope, contexts};
use crate::repo::model::{Assignment, AssignmentStatus, Body, Proposal, Repository, Status};
use crate::sv;

pub const TITLE: &str = "Beslutsuppföljning";

pub const SPEC: KindSpec = KindSpec {
    kind: Kind::Beslutsuppfoljning,
    slug: "beslutsuppfoljning",
    title: TITLE,
    label: TITLE,
    template: include_str!("../../templates/beslutsuppfoljning.typ"),
    sample: include_str!("../../templates/beslutsuppfoljning.sample.json"),
    scope: Scope::Year,
    from: Status::Held,
    cancelled: false,
    numbered: true,
    record: false,
    open_data: OpenData::None,
    feed: None,
    item_fields: &["rubrik", "uppdrag"],
    meeting_fields: &["status"],
    subitem_fields: &[],
    make: Make::Year(documents),
};

/// What templates/beslutsuppfoljning.typ receives.
#[derive(Debug, Serialize)]
pub struct FollowUp {
    #[serde(flatten)]
    pub header: Header,
    pub year: i32,
    /// "fredag 4 december 2026": the day the statuses are read on.
    pub today: String,
    pub assignments: Vec<AssignmentRow>,
    pub motions: Vec<MotionRow>,
    /// "Uppdrag – klara: 1, pågår: 1, försenade: 1. Motioner – …"
    pub summary: String,
}

/// One uppdrag as the report shows it.
#[derive(Debug, Serialize)]
pub struct AssignmentRow {
    /// "§ 123, 2026-10-14"
    pub source: String,
    /// The item's public title.
    pub item: String,
    pub what: String,
    pub responsible: Option<String>,
    /// "2027-06-30"
    pub due: Option<String>,
    /// "Klart 2026-11-20", "Pågår", "Försenat"
    pub status: String,
    pub overdue: bool,
    pub comment: Option<String>,
}

/// One motion as the report shows it.
#[derive(Debug, Serialize)]
pub struct MotionRow {
    pub title: String,
    pub mover: Option<String>,
    pub case_number: Option<String>,
    /// "2026-02-09"
    pub moved_on: String,
    pub prepared_by: Option<String>,
    /// "Beslutad 2026-12-14: Motionen anses besvarad.", "Bereds", "Bereds,
    /// mer än ett år"
    pub status: String,
    pub overdue: bool,
}

/// Whether an uppdrag is past its day and not done, on `today`.
pub fn assignment_overdue(assignment: &Assignment, today: NaiveDate) -> bool {
    assignment.status != AssignmentStatus::Done
        && assignment.due.as_ref().is_some_and(|d| d.value.0 < today)
}

/// Whether a motion has waited more than a year for fullmäktige's
/// decision on `today`.
pub fn motion_overdue(motion: &Proposal, today: NaiveDate) -> bool {
    motion.spec.decided_on.is_none() && year_after(motion.spec.moved_on.value.0) < today
}

/// The day a year after `date` (28 February for 29 February).
pub fn year_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_months(Months::new(12)).unwrap_or(date)
}

/// One report per year that has uppdrag from the body's held meetings or
/// motions in its register; with `meetings` given, only their years.
pub fn documents(repository: &Repository, body: &Body, meetings: &[NaiveDate]) -> Vec<Document> {
    let today = sv::today();
    years(body)
        .into_iter()
        .filter(|year| meetings.is_empty() || meetings.iter().any(|m| m.year() == *year))
        .map(|year| report(repository, body, year, today))
        .collect()
}

/// The years that have uppdrag from the body's held meetings or motions in
/// its register.
pub fn years(body: &Body) -> BTreeSet<i32> {
    let mut years: BTreeSet<i32> = body
        .meetings
        .iter()
        .filter(|m| m.status().reached(Status::Held))
        .filter(|m| m.items.iter().any(|i| !i.spec.assignments.is_empty()))
        .map(|m| m.date().year())
        .collect();
    years.extend(body.motions.iter().map(|m| m.spec.moved_on.value.0.year()));
    years
}

/// The uppdrag from the body's meetings held in `year`, and the motions
/// of that year: moved then, or still being prepared when it began.
pub fn rows(
    repository: &Repository,
    body: &Body,
    year: i32,
    today: NaiveDate,
) -> (Vec<AssignmentRow>, Vec<MotionRow>) {
    let mut assignments = Vec::new();
    for context in contexts(&repository.organisation, body) {
        let meeting = context.meeting;
        if meeting.date().year() != year || !meeting.status().reached(Status::Held) {
            continue;
        }
        for (index, item) in meeting.items.iter().enumerate() {
            let number = context.paragraphs.get(index).copied().flatten();
            for assignment in &item.spec.assignments {
                assignments.push(assignment_row(
                    assignment,
                    number,
                    meeting.date(),
                    item.spec.public_title(),
                    item.spec.secrecy.is_some(),
                    today,
                ));
            }
        }
    }
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let motions = body
        .motions
        .iter()
        .filter(|m| {
            let moved = m.spec.moved_on.value.0;
            moved.year() == year
                || (moved < start
                    && m.spec
                        .decided_on
                        .as_ref()
                        .is_none_or(|d| d.value.0 >= start))
        })
        .map(|m| motion_row(m, today))
        .collect();
    (assignments, motions)
}

fn report(repository: &Repository, body: &Body, year: i32, today: NaiveDate) -> Document {
    let (assignments, motions) = rows(repository, body, year, today);
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let summary = summary(&assignments, &motions);
    let data = FollowUp {
        header: super::year_header(
            repository,
            body,
            (TITLE, year),
            (sv::iso_date(today), sv::long_date(today)),
        ),
        year,
        today: sv::long_date(today),
        assignments,
        motions,
        summary,
    };
    super::year_document(
        repository,
        body,
        Kind::Beslutsuppfoljning,
        year,
        (start, today),
        &data,
    )
}

fn assignment_row(
    assignment: &Assignment,
    number: Option<u32>,
    date: NaiveDate,
    title: &str,
    confidential: bool,
    today: NaiveDate,
) -> AssignmentRow {
    let overdue = assignment_overdue(assignment, today);
    let status = match (assignment.status, &assignment.done_on) {
        (AssignmentStatus::Done, Some(on)) => format!("Klart {}", sv::iso_date(on.value.0)),
        (AssignmentStatus::Done, None) => "Klart".to_string(),
        _ if overdue => "Försenat".to_string(),
        _ => "Pågår".to_string(),
    };
    let date = sv::iso_date(date);
    AssignmentRow {
        source: match number {
            Some(n) => format!("§ {n}, {date}"),
            None => date,
        },
        item: title.to_string(),
        // A confidential item's uppdrag is shown by its item's public
        // title only.
        what: if confidential {
            "Uppdrag i ett sekretessärende".to_string()
        } else {
            assignment.what.value.trim().to_string()
        },
        responsible: assignment
            .responsible
            .as_ref()
            .map(|r| r.trim().to_string()),
        due: assignment.due.as_ref().map(|d| sv::iso_date(d.value.0)),
        status,
        overdue,
        comment: assignment
            .comment
            .as_ref()
            .filter(|_| !confidential)
            .map(|c| c.trim().to_string()),
    }
}

fn motion_row(motion: &Proposal, today: NaiveDate) -> MotionRow {
    let spec = &motion.spec;
    let overdue = motion_overdue(motion, today);
    let status = match &spec.decided_on {
        Some(on) => {
            let mut status = format!("Beslutad {}", sv::iso_date(on.value.0));
            if let Some(decision) = &spec.decision {
                status = format!("{status}: {}", decision.trim());
            }
            status
        }
        None if overdue => "Bereds, mer än ett år".to_string(),
        None => "Bereds".to_string(),
    };
    MotionRow {
        title: spec.title.trim().to_string(),
        mover: spec.mover.as_ref().map(|m| m.trim().to_string()),
        case_number: spec
            .case_number
            .as_ref()
            .map(|c| c.value.trim().to_string()),
        moved_on: sv::iso_date(spec.moved_on.value.0),
        prepared_by: spec.prepared_by.as_ref().map(|p| p.trim().to_string()),
        status,
        overdue,
    }
}

/// "Uppdrag – klara: 1, pågår: 1, försenade: 1. Motioner – beslutade: 2,
/// bereds: 1, varav mer än ett år: 0.", each part where there is any.
pub fn summary(assignments: &[AssignmentRow], motions: &[MotionRow]) -> String {
    let done = assignments
        .iter()
        .filter(|a| a.status.starts_with("Klart"))
        .count();
    let overdue = assignments.iter().filter(|a| a.overdue).count();
    let decided = motions
        .iter()
        .filter(|m| m.status.starts_with("Beslutad"))
        .count();
    let mut summary = Vec::new();
    if !assignments.is_empty() {
        summary.push(format!(
            "Uppdrag – klara: {done}, pågår: {}, försenade: {overdue}.",
            assignments.len() - done - overdue
        ));
    }
    if !motions.is_empty() {
        summary.push(format!(
            "Motioner – beslutade: {decided}, bereds: {}, varav mer än ett år: {}.",
            motions.len() - decided,
            motions.iter().filter(|m| m.overdue).count()
        ));
    }
    summary.join(" ")
}
