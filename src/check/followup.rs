//! Beslutsuppföljning: an uppdrag past its day and not done, and a motion
//! that has waited more than a year for fullmäktige's decision
//! (Kommunallagen 5 kap. 35 §), on the day of the check (`SOURCE_DATE_EPOCH`
//! when it is set). Warnings: the follow-up is the secretary's to chase,
//! not an error in the record.

use super::finding;
use crate::docs::uppfoljning::{assignment_overdue, motion_overdue, year_after};
use crate::error::Diagnostic;
use crate::repo::model::{Body, Status};
use crate::sv;

pub fn body(body: &Body, found: &mut Vec<Diagnostic>) {
    let today = sv::today();
    for meeting in &body.meetings {
        // Only a meeting held has decided anything.
        if !meeting.status().reached(Status::Held) {
            continue;
        }
        for item in &meeting.items {
            for assignment in &item.spec.assignments {
                let Some(due) = &assignment.due else {
                    continue;
                };
                if assignment_overdue(assignment, today) {
                    found.push(
                        finding("assignment-overdue", due.loc(&item.file), {
                            let due = sv::iso_date(due.value.0);
                            let what = assignment.what.value.trim();
                            crate::lang::t!("check-assignment-overdue", what = what, due = due)
                        })
                        .with_hint(crate::lang::t!("check-assignment-overdue-hint")),
                    );
                }
            }
        }
    }
    for motion in &body.motions {
        if motion_overdue(motion, today) {
            let moved = &motion.spec.moved_on;
            found.push(
                finding("motion-overdue", moved.loc(&motion.file), {
                    let title = motion.spec.title.trim();
                    let moved_on = sv::iso_date(moved.value.0);
                    let year = sv::iso_date(year_after(moved.value.0));
                    crate::lang::t!(
                        "check-motion-overdue",
                        title = title,
                        moved = moved_on,
                        year = year
                    )
                })
                .with_hint(crate::lang::t!("check-motion-overdue-hint")),
            );
        }
    }
}
