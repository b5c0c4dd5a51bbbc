//! Anmälan av delegationsbeslut: an item with `delegationsbeslut:` lists
//! the decisions of the body's register (`delegationsbeslut/`) taken in its
//! period and reported to the nämnd, in the kallelse, the protokoll and the
//! utdrag, each with its date, matter, case number, decision, who decided
//! and on which delegation (Kommunallagen 6 kap. 40 §).

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::Context;
use crate::repo::model::{
    Body, Delegation, DelegationPeriod, DelegationSpec, ItemSpec, Meeting, Organisation,
};
use crate::sv;

/// What a template receives for an item that reports delegation
/// decisions.
#[derive(Debug, Serialize)]
pub struct Reported {
    /// "15 oktober 2026–19 januari 2027"
    pub period: String,
    pub decisions: Vec<Row>,
}

/// One decision as the table shows it.
#[derive(Debug, Serialize)]
pub struct Row {
    /// "2026-10-21"
    pub date: String,
    pub matter: String,
    pub case_number: Option<String>,
    /// "Beviljas"
    pub decision: Option<String>,
    /// "Tobias Lind, bygglovschef"
    pub decided_by: String,
    /// "punkt 3.2.1, 9 kap. 31 § PBL", no line break after "punkt" or
    /// around "§"
    pub basis: Option<String>,
}

/// The first and last day of an item's period: as it gives them, else
/// from the day after the body's previous meeting held (not inställd) to
/// the day before this one. Without a previous meeting the period has no
/// first day.
pub fn period(
    body: &Body,
    meeting: &Meeting,
    wanted: &DelegationPeriod,
) -> (Option<NaiveDate>, NaiveDate) {
    let from = wanted
        .from
        .as_ref()
        .map(|d| d.value.0)
        .or_else(|| previous_held(body, meeting).map(|d| d + Days::new(1)));
    let to = wanted
        .to
        .as_ref()
        .map_or(meeting.date() - Days::new(1), |d| d.value.0);
    (from, to)
}

/// The date of the body's last meeting before `meeting` that was held
/// (not inställd): what an item's period starts after. One of the few
/// things a meeting's documents read of the body's other meetings
/// (`super::Neighbours`).
pub fn previous_held(body: &Body, meeting: &Meeting) -> Option<NaiveDate> {
    body.meetings
        .iter()
        .filter(|m| m.date() < meeting.date() && !m.status().is_cancelled())
        .map(Meeting::date)
        .next_back()
}

/// The decisions of the register in the period that are reported to the
/// nämnd, by date.
pub fn in_period(body: &Body, from: Option<NaiveDate>, to: NaiveDate) -> Vec<&Delegation> {
    body.delegations
        .iter()
        .filter(|d| d.spec.reported)
        .filter(|d| {
            let date = d.spec.date.value.0;
            from.is_none_or(|from| from <= date) && date <= to
        })
        .collect()
}

/// What an item with `delegationsbeslut:` shows; none for another item.
pub fn reported(context: &Context, spec: &ItemSpec) -> Option<Reported> {
    let wanted = spec.delegations.as_ref()?;
    let (from, to) = period(context.body, context.meeting, wanted);
    let period = match from {
        Some(from) => format!("{}–{}", sv::date(from), sv::date(to)),
        None => format!("till och med {}", sv::date(to)),
    };
    let decisions = in_period(context.body, from, to)
        .into_iter()
        .map(|d| row(context, d))
        .collect();
    Some(Reported { period, decisions })
}

fn row(context: &Context, delegation: &Delegation) -> Row {
    let spec = &delegation.spec;
    Row {
        date: sv::iso_date(spec.date.value.0),
        matter: spec.matter.trim().to_string(),
        case_number: spec
            .case_number
            .as_ref()
            .map(|c| c.value.trim().to_string()),
        decision: spec.decision.as_ref().map(|d| d.trim().to_string()),
        decided_by: decided_by(context.organisation, spec),
        basis: basis(spec),
    }
}

/// Who decided, with their title: "Tobias Lind, bygglovschef".
pub fn decided_by(organisation: &Organisation, spec: &DelegationSpec) -> String {
    match organisation.person(&spec.decided_by.value) {
        Some(person) => match &person.title {
            Some(title) => format!("{}, {title}", person.name),
            None => person.name.clone(),
        },
        None => spec.decided_by.value.key().to_string(),
    }
}

/// The delegation point and the provision: "punkt 3.2.1, 9 kap. 31 §
/// PBL", without a line break after "punkt" or around "§".
pub fn basis(spec: &DelegationSpec) -> Option<String> {
    let basis: Vec<String> = spec
        .point
        .iter()
        .map(|p| format!("punkt\u{a0}{}", p.trim()))
        .chain(
            spec.provision
                .iter()
                .map(|p| p.trim().replace(" § ", "\u{a0}§\u{a0}")),
        )
        .filter(|p| !p.is_empty())
        .collect();
    Some(basis.join(", ")).filter(|b| !b.is_empty())
}
