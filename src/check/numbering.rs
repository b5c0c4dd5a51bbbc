//! § numbers across a body's meetings of one year: a pinned first number
//! must continue where the previous meeting ended, neither reusing numbers
//! nor leaving a gap, unless the meeting explains the gap with
//! `föregående_paragraf` (meetings missing from the repository), which must
//! then be true. An inställd meeting has no numbers and is skipped. No hint
//! suggests an edit that would renumber a sealed protokoll.

use chrono::Datelike;

use super::finding;
use crate::error::Diagnostic;
use crate::repo::model::{Body, Meeting};
use crate::repo::number;

/// No body reaches this § number in a year.
const MAX_PARAGRAPH: u32 = 100_000;

pub fn body(body: &Body, found: &mut Vec<Diagnostic>) {
    let numbering = &body.numbering;
    let mut previous: Option<(i32, &Meeting, u32)> = None;
    for (meeting, paragraphs) in body.meetings.iter().zip(numbering) {
        let year = meeting.date().year();
        if meeting.status().is_cancelled() {
            // Its pins, if any, are reported by `cancelled-paragraph`.
            continue;
        }
        let pins = [
            &meeting.spec.first_paragraph,
            &meeting.spec.previous_paragraph,
        ];
        if let Some(pin) = pins
            .into_iter()
            .flatten()
            .find(|p| p.value >= MAX_PARAGRAPH)
        {
            found.push(
                finding(
                    "paragraph-range",
                    pin.loc(&meeting.file),
                    crate::lang::t!(
                        "rules-paragraph-range",
                        number = pin.value,
                        max = MAX_PARAGRAPH
                    ),
                )
                .with_hint(crate::lang::t!("rules-paragraph-range-hint")),
            );
            continue;
        }
        let before = previous.filter(|(prev_year, ..)| *prev_year == year);
        if meeting.spec.previous_paragraph.is_some() {
            resume(body, meeting, before.map(|(_, m, last)| (m, last)), found);
        } else if let (Some(pin), Some((_, prev_meeting, last))) =
            (&meeting.spec.first_paragraph, before)
        {
            let expected = last.saturating_add(1);
            // Removing the pin renumbers this meeting and those after it
            // that continue from it: not if a sealed protokoll is among them.
            let unpinned = if renumbers_sealed(body, meeting, None) {
                None
            } else {
                Some(crate::lang::t!(
                    "rules-remove-first-paragraph",
                    number = expected
                ))
            };
            if pin.value < expected {
                let hint =
                    unpinned.unwrap_or_else(|| correct_before(meeting, prev_meeting, pin.value));
                found.push(
                    finding("paragraph-collision", pin.loc(&meeting.file), {
                        let date = prev_meeting.date().to_string();
                        crate::lang::t!(
                            "rules-paragraph-collision",
                            number = pin.value,
                            date = date,
                            last = last
                        )
                    })
                    .with_hint(hint),
                );
            } else if pin.value > expected {
                let missing = crate::sv::number_range(expected, pin.value - 1);
                let before_pin = pin.value - 1;
                let hint = match unpinned {
                    Some(unpinned) => crate::lang::t!(
                        "rules-paragraph-gap-hint",
                        missing = &missing,
                        previous = before_pin,
                        otherwise = unpinned
                    ),
                    None => crate::lang::t!(
                        "rules-paragraph-gap-sealed-hint",
                        missing = &missing,
                        previous = before_pin
                    ),
                };
                found.push(
                    finding("paragraph-gap", pin.loc(&meeting.file), {
                        let date = prev_meeting.date().to_string();
                        crate::lang::t!(
                            "rules-paragraph-gap",
                            missing = &missing,
                            date = date,
                            last = last
                        )
                    })
                    .with_hint(hint),
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

/// `föregående_paragraf: N`: the meetings missing before this one ended at
/// § N. True only if N is past the end of the meeting before it in the
/// repository (there is a hole, and no number is used twice) and agrees
/// with `första_paragraf` where both are given.
fn resume(
    body: &Body,
    meeting: &Meeting,
    before: Option<(&Meeting, u32)>,
    found: &mut Vec<Diagnostic>,
) {
    let Some(previous) = &meeting.spec.previous_paragraph else {
        return;
    };
    let stated = previous.value;
    if let Some(first) = &meeting.spec.first_paragraph
        && first.value != stated.saturating_add(1)
    {
        // Where renumbering would break a seal, the explanation must change
        // to match the numbers.
        let hint = if renumbers_sealed(body, meeting, Some(stated.saturating_add(1))) {
            let previous = first.value.saturating_sub(1);
            crate::lang::t!(
                "rules-paragraph-resume-sealed-hint",
                first = first.value,
                previous = previous
            )
        } else {
            let previous = first.value.saturating_sub(1);
            let next = stated.saturating_add(1);
            crate::lang::t!(
                "rules-paragraph-resume-hint",
                previous = previous,
                first = next
            )
        };
        found.push(
            finding("paragraph-resume", first.loc(&meeting.file), {
                let next = stated.saturating_add(1);
                crate::lang::t!(
                    "rules-paragraph-resume",
                    first = first.value,
                    stated = stated,
                    next = next
                )
            })
            .with_hint(hint),
        );
        return;
    }
    let Some((prev_meeting, last)) = before else {
        // The repository starts with this meeting's year: nothing to
        // compare with.
        return;
    };
    let current = number::start(meeting);
    if stated < last {
        found.push(
            finding("paragraph-resume", previous.loc(&meeting.file), {
                let date = prev_meeting.date().to_string();
                crate::lang::t!(
                    "rules-paragraph-resume-collides",
                    stated = stated,
                    date = date,
                    last = last
                )
            })
            .with_hint(if renumbers_sealed(body, meeting, None) {
                correct_before(meeting, prev_meeting, current.unwrap_or(stated))
            } else {
                let next = last.saturating_add(1);
                if meeting.spec.first_paragraph.is_some() {
                    crate::lang::t!("rules-remove-both-paragraphs", number = next)
                } else {
                    crate::lang::t!("rules-remove-previous-paragraph", number = next)
                }
            }),
        );
    } else if stated == last {
        found.push(
            finding("paragraph-resume", previous.loc(&meeting.file), {
                let date = prev_meeting.date().to_string();
                crate::lang::t!(
                    "rules-paragraph-resume-needless",
                    stated = stated,
                    date = date,
                    last = last
                )
            })
            .with_hint(crate::lang::t!("rules-paragraph-resume-needless-hint")),
        );
    }
}

/// Whether numbering the body with `meeting` starting at `start` (`None`:
/// continuing from the meeting before) would change the § numbers of a
/// sealed protokoll.
fn renumbers_sealed(body: &Body, meeting: &Meeting, start: Option<u32>) -> bool {
    let renumbered = number::number_with(&body.meetings, |m| {
        if std::ptr::eq(m, meeting) {
            start
        } else {
            number::start(m)
        }
    });
    body.meetings
        .iter()
        .zip(body.numbering.iter().zip(&renumbered))
        .any(|(m, (now, then))| m.lock.is_some() && now != then)
}

/// What to say when the meeting before `meeting` should be renumbered
/// instead, because `meeting`'s own numbers are sealed.
fn correct_before(meeting: &Meeting, before: &Meeting, first: u32) -> String {
    if before.lock.is_none() {
        let date = before.date().to_string();
        crate::lang::t!("rules-correct-before", date = date, first = first)
    } else {
        let before = before.date().to_string();
        let date = meeting.date().to_string();
        crate::lang::t!("rules-both-sealed", before = before, date = date)
    }
}
