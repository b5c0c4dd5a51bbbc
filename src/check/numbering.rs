//! § numbers across a body's meetings of one year: a pinned first number
//! must continue where the previous meeting ended, neither reusing numbers
//! nor leaving a gap.

use chrono::Datelike;

use super::finding;
use crate::error::Diagnostic;
use crate::repo::model::Body;
use crate::repo::number;

/// No body reaches this § number in a year.
const MAX_PARAGRAPH: u32 = 100_000;

pub fn body(body: &Body, found: &mut Vec<Diagnostic>) {
    let numbering = &body.numbering;
    let mut previous: Option<(i32, &crate::repo::model::Meeting, u32)> = None;
    for (meeting, paragraphs) in body.meetings.iter().zip(numbering) {
        let year = meeting.date().year();
        if let Some(pin) = &meeting.spec.first_paragraph
            && pin.value >= MAX_PARAGRAPH
        {
            found.push(
                finding(
                    "paragraph-range",
                    pin.loc(&meeting.file),
                    format!(
                        "§ {} is no § number: they start at 1 each year and no body reaches § {MAX_PARAGRAPH}",
                        pin.value
                    ),
                )
                .with_hint("give the first § of this meeting, or remove `första_paragraf` to continue from the meeting before"),
            );
            continue;
        }
        if let (Some(pin), Some((prev_year, prev_meeting, last))) =
            (&meeting.spec.first_paragraph, previous)
            && prev_year == year
        {
            let expected = last.saturating_add(1);
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
