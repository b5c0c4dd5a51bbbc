//! § numbers across a body's meetings of one year: a pinned first number
//! must continue where the previous meeting ended, neither reusing numbers
//! nor leaving a gap.

use chrono::Datelike;

use super::finding;
use crate::error::Diagnostic;
use crate::model::Body;
use crate::number;

pub fn body(body: &Body, found: &mut Vec<Diagnostic>) {
    let numbering = number::number_body(body);
    let mut previous: Option<(i32, &crate::model::Meeting, u32)> = None;
    for (meeting, paragraphs) in body.meetings.iter().zip(&numbering) {
        let year = meeting.date().year();
        if let (Some(pin), Some((prev_year, prev_meeting, last))) =
            (&meeting.spec.first_paragraph, previous)
            && prev_year == year
        {
            let expected = last + 1;
            if pin.value < expected {
                found.push(
                    finding(
                        "paragraph-collision",
                        pin.loc(&meeting.file),
                        format!(
                            "§ {} is already used: the meeting of {} runs to § {last}",
                            pin.value,
                            prev_meeting.date()
                        ),
                    )
                    .with_hint(format!(
                        "remove `första_paragraf` to continue at § {expected}"
                    )),
                );
            } else if pin.value > expected {
                let missing = crate::sv::number_range(expected, pin.value - 1);
                found.push(
                    finding(
                        "paragraph-gap",
                        pin.loc(&meeting.file),
                        format!(
                            "§ {missing} would be missing: the meeting of {} ends at § {last}",
                            prev_meeting.date()
                        ),
                    )
                    .with_hint(format!(
                        "remove `första_paragraf` to continue at § {expected}"
                    )),
                );
            }
        }
        if let Some((_, last)) = number::span(paragraphs) {
            previous = Some((year, meeting, last));
        } else if previous.is_some_and(|(y, ..)| y != year) {
            previous = None;
        }
    }
}
