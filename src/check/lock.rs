//! The tamper lock: an adjusted protokoll that changed since `rsr justera`
//! sealed it, and the rättelser that may change it.

use super::seal::{self, Standing};
use super::{Context, finding};
use crate::error::Diagnostic;
use crate::repo::model::{Body, Loc, Repository, Status};
use crate::repo::number::Paragraphs;
use crate::sv;

/// Every meeting of `body` against its lock.
pub fn body(repository: &Repository, body: &Body, found: &mut Vec<Diagnostic>) {
    let label = |date| format!("{} {date}", body.spec.short_name);
    for meeting in &body.meetings {
        if meeting.status() == Status::Adjusted && meeting.lock.is_none() {
            found.push(
                finding(
                    "adjusted-unsealed",
                    meeting.spec.status.loc(&meeting.file),
                    format!(
                        "{} is justerad, but its protokoll is not sealed: a later change would go unnoticed",
                        label(meeting.date())
                    ),
                )
                .with_hint(format!(
                    "run `rsr justera {} {}` to record what the protokoll holds",
                    body.slug,
                    meeting.date()
                )),
            );
        }
    }
    for (index, now) in seal::seals(repository, body) {
        let meeting = &body.meetings[index];
        let Some((file, sealed)) = &meeting.lock else {
            continue;
        };
        let status = &meeting.spec.status;
        if status.value != Status::Adjusted {
            found.push(
                finding(
                    "lock-not-adjusted",
                    status.loc(&meeting.file),
                    format!(
                        "{} was adjusted on {} ({}), but its status is now {}",
                        label(meeting.date()),
                        sealed.adjusted.0,
                        file.display(),
                        status.value.label()
                    ),
                )
                .with_hint("an adjusted protokoll stays adjusted: set `status: justerad` again"),
            );
            continue;
        }
        let since = match &sealed.commit {
            Some(commit) => format!(
                "adjusted on {} (commit {})",
                sealed.adjusted.0,
                &commit[..commit.len().min(10)]
            ),
            None => format!("adjusted on {}", sealed.adjusted.0),
        };
        match seal::standing(meeting, sealed, &now) {
            Standing::Sealed => {}
            Standing::Corrected { .. } => found.push(
                finding(
                    "correction-unsealed",
                    sealed.content.loc(file),
                    format!(
                        "{} has a rättelse that is not yet sealed in {}",
                        label(meeting.date()),
                        file.display()
                    ),
                )
                .with_hint(format!(
                    "run `rsr justera {} {}` to seal the corrected protokoll",
                    body.slug,
                    meeting.date()
                )),
            ),
            Standing::Changed {
                paragraphs,
                first_page,
            } => {
                let what = match (first_page, paragraphs.is_empty()) {
                    (true, true) => {
                        "its first page (attendance, times, justering or signatures) no longer says"
                            .to_string()
                    }
                    (true, false) => format!(
                        "its first page and {} no longer say",
                        sv::paragraphs(&paragraphs)
                    ),
                    (false, _) => format!("{} no longer says", sv::paragraphs(&paragraphs)),
                };
                let at = paragraphs
                    .first()
                    .and_then(|n| item_of(body, &body.numbering[index], index, *n))
                    .unwrap_or_else(|| status.loc(&meeting.file));
                found.push(
                    finding(
                        "adjusted-changed",
                        at,
                        format!(
                            "the protokoll of {} was {since}, and {what} what was adjusted then",
                            label(meeting.date())
                        ),
                    )
                    .with_hint(format!(
                        "undo the change, or record it as a rättelse under `rättelser:` in {} and run `rsr justera {} {}`",
                        meeting.file.display(),
                        body.slug,
                        meeting.date()
                    )),
                );
            }
        }
    }
}

/// The start of the item file that holds paragraph `number` of meeting
/// `index`, numbered `paragraphs`.
fn item_of(body: &Body, paragraphs: &Paragraphs, index: usize, number: u32) -> Option<Loc> {
    let item = paragraphs.iter().position(|p| *p == Some(number))?;
    Some(Loc {
        file: body.meetings[index].items.get(item)?.file.clone(),
        line: 1,
        column: 1,
    })
}

/// Rättelser belong to an adjusted protokoll, dated on or after its
/// justering, each naming a paragraph the meeting has.
pub fn meeting(context: &Context, paragraphs: &Paragraphs, found: &mut Vec<Diagnostic>) {
    let meeting = context.meeting;
    let adjusted = meeting.spec.justering.as_ref().map(|j| j.date.value.0);
    for correction in &meeting.spec.corrections {
        let date = correction.date.value.0;
        match adjusted {
            Some(adjusted) if meeting.status() == Status::Adjusted && date >= adjusted => {}
            _ => found.push(
                finding(
                    "correction-before-justering",
                    correction.date.loc(&meeting.file),
                    match adjusted.filter(|_| meeting.status() == Status::Adjusted) {
                        Some(adjusted) => {
                            format!("a rättelse dated {date} is before the justering on {adjusted}")
                        }
                        None => format!(
                            "a rättelse corrects an adjusted protokoll, but this meeting is {}",
                            meeting.status().label()
                        ),
                    },
                )
                .with_hint("before justering, change the protokoll itself"),
            ),
        }
        if let Some(paragraph) = &correction.paragraph
            && !paragraphs.contains(&Some(paragraph.value))
        {
            found.push(finding(
                "correction-unknown-paragraph",
                paragraph.loc(&meeting.file),
                format!(
                    "the rättelse names § {}, which is not a paragraph of this meeting ({})",
                    paragraph.value,
                    crate::repo::number::span(paragraphs)
                        .map(|(a, b)| format!("§§ {}", sv::number_range(a, b)))
                        .unwrap_or_else(|| "none".into())
                ),
            ));
        }
    }
}
