//! A meeting's course: attendance once held, justering in time and by
//! someone, a quorum, the next meeting after this one, notice given.

use super::{Context, finding, key};
use crate::error::Diagnostic;
use crate::repo::model::Status;

/// Kommunallagen 5 kap. 69 § (6 kap. 35 § for nämnder): within 14 days.
const JUSTERING_DAYS: i64 = 14;

pub fn meeting(context: &Context, found: &mut Vec<Diagnostic>) {
    let meeting = context.meeting;
    let spec = &meeting.spec;
    let file = &meeting.file;
    let status = &spec.status;

    if status.value.is_cancelled() {
        cancelled(context, found);
    }
    if status.value.reached(Status::Held) && spec.attendance.is_none() {
        found.push(
            finding(
                "held-without-attendance",
                status.loc(file),
                crate::lang::t!("check-held-without-attendance"),
            )
            .with_hint(crate::lang::t!("check-held-without-attendance-hint")),
        );
    }
    if status.value == Status::Adjusted && spec.adjusters.is_empty() {
        found.push(
            finding(
                "adjusted-without-adjusters",
                status.loc(file),
                crate::lang::t!("check-adjusted-without-adjusters"),
            )
            .with_hint(crate::lang::t!("check-adjusted-without-adjusters-hint")),
        );
    }
    if let Some(next) = &spec.next_meeting
        && next.value.date() <= meeting.date()
    {
        found.push(finding("next-meeting-not-after", next.loc(file), {
            let next = crate::lang::long_date(next.value.date());
            let this = crate::lang::long_date(meeting.date());
            crate::lang::t!("check-next-meeting-not-after", next = next, this = this)
        }));
    }
    if let Some(next) = &spec.next_meeting
        && let Some(folder) = context.body.meeting(next.value.date())
        && folder.status().is_cancelled()
    {
        found.push(
            finding("next-meeting-cancelled", next.loc(file), {
                let next = crate::lang::long_date(next.value.date());
                crate::lang::t!("check-next-meeting-cancelled", next = next)
            })
            .with_hint(crate::lang::t!("check-next-meeting-cancelled-hint")),
        );
    }
    if let Some(justering) = &spec.justering {
        let days = (justering.date.value.0 - meeting.date()).num_days();
        if days < 0 {
            found.push(finding(
                "justering-before-meeting",
                justering.date.loc(file),
                {
                    let date = crate::lang::long_date(justering.date.value.0);
                    crate::lang::t!("check-justering-before-meeting", date = date)
                },
            ));
        } else if days > JUSTERING_DAYS {
            found.push(finding(
                "justering-late",
                justering.date.loc(file),
                crate::lang::t!("check-justering-late", days = days, limit = JUSTERING_DAYS),
            ));
        }
    }
    // Fullmäktige is called by a kungörelse at least a week before
    // (Kommunallagen 5 kap. 11 §), or the days the body requires.
    let council = context.body.spec.kind == crate::repo::model::BodyKind::Council;
    if let (true, Some(called)) = (council, &spec.called_on) {
        let required = context
            .body
            .spec
            .notice_days
            .as_ref()
            .map_or(KUNGORELSE_DAYS, |n| n.value);
        let days = (meeting.date() - called.value.0).num_days();
        if days < i64::from(required) {
            found.push(finding(
                "kungorelse-period",
                called.loc(file),
                crate::lang::t!("check-kungorelse-period", days = days, required = required),
            ));
        }
    } else if let (Some(notice), Some(called)) = (&context.body.spec.notice_days, &spec.called_on) {
        let days = (meeting.date() - called.value.0).num_days();
        if days < i64::from(notice.value) {
            found.push(finding(
                "notice-period",
                called.loc(file),
                crate::lang::t!("check-notice-period", days = days, notice = notice.value),
            ));
        }
    }
    quorum(context, found);
}

/// The fewest days before a fullmäktige meeting that its kungörelse may
/// be made (Kommunallagen 5 kap. 11 §: at least a week), unless the body's
/// `kallelsetid` asks for more or less.
const KUNGORELSE_DAYS: u32 = 7;

/// More than half of the members must be present (Kommunallagen 5 kap. 45 §,
/// 6 kap. 27 §); substitutes serving count for the member they replace.
fn quorum(context: &Context, found: &mut Vec<Diagnostic>) {
    let Some(attendance) = &context.meeting.spec.attendance else {
        return;
    };
    let members: Vec<&str> = context
        .body
        .spec
        .members_on(context.meeting.date())
        .filter(|m| m.role.votes())
        .map(|m| key(&m.person))
        .collect();
    // A member body.yaml names with an id the register lacks is
    // `unknown-person`'s; counting without them would report its
    // consequence as a second mistake.
    if members.is_empty() || !context.members_resolved() {
        return;
    }
    let present = attendance
        .present
        .iter()
        .filter(|p| members.contains(&key(p)))
        .count()
        + attendance.serving.len();
    if present * 2 <= members.len() {
        let needed = members.len() / 2 + 1;
        let at = attendance.present.first().map_or_else(
            || context.meeting.spec.status.loc(&context.meeting.file),
            |p| p.loc(&context.meeting.file),
        );
        found.push(finding(
            "quorum",
            at,
            crate::lang::t!(
                "check-quorum",
                present = present,
                members = members.len(),
                needed = needed
            ),
        ));
    }
}

/// An inställd meeting was not held: nobody attended, nothing was decided,
/// there is no protokoll to adjust, and it has no § numbers to pin.
fn cancelled(context: &Context, found: &mut Vec<Diagnostic>) {
    let meeting = context.meeting;
    let spec = &meeting.spec;
    let file = &meeting.file;
    let status = spec.status.loc(file);
    if spec.attendance.is_some() {
        found.push(
            finding(
                "cancelled-attendance",
                status.clone(),
                crate::lang::t!("check-cancelled-attendance"),
            )
            .with_hint(crate::lang::t!("check-cancelled-attendance-hint")),
        );
    }
    let justering = spec.justering.as_ref().map(|j| j.date.loc(file));
    let adjusters = spec.adjusters.first().map(|a| a.loc(file));
    if let Some(loc) = justering.or(adjusters) {
        found.push(
            finding(
                "cancelled-justering",
                loc,
                crate::lang::t!("check-cancelled-justering"),
            )
            .with_hint(crate::lang::t!("check-cancelled-justering-hint")),
        );
    }
    // A justering.lock is `lock-not-adjusted`'s.
    let pins = [&spec.first_paragraph, &spec.previous_paragraph];
    for (pin, field) in pins
        .into_iter()
        .zip(["första_paragraf", "föregående_paragraf"])
    {
        if let Some(pin) = pin {
            found.push(
                finding(
                    "cancelled-paragraph",
                    pin.loc(file),
                    crate::lang::t!("check-cancelled-paragraph", field = field),
                )
                .with_hint(crate::lang::t!(
                    "check-cancelled-paragraph-hint",
                    field = field,
                    number = pin.value
                )),
            );
        }
    }
}
