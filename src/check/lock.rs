//! The tamper lock: an adjusted protokoll that changed since `rsr justera`
//! sealed it, and the rättelser that may change it.

use super::fields::{self, Change};
use super::seal::{self, Standing};
use super::{Context, finding};
use crate::error::Diagnostic;
use crate::repo::model::{Body, Loc, Lock, Meeting, Repository, Status};
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
                commit.get(..10).unwrap_or(commit)
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
                let prefix = format!("the protokoll of {} was {since}", label(meeting.date()));
                let hint = format!(
                    "undo the change, or record it as a rättelse under `rättelser:` in {} and run `rsr justera {} {}`",
                    meeting.file.display(),
                    body.slug,
                    meeting.date()
                );
                let named = if sealed.format == Some(fields::FORMAT) {
                    changed_fields(repository, body, index, sealed, &paragraphs)
                } else {
                    Vec::new()
                };
                // What the fields do not account for: all is accounted for
                // by a change outside the items (a name, the attendance),
                // a paragraph by a change in its item.
                let mut rest = paragraphs.clone();
                let mut rest_first_page = first_page;
                if named
                    .iter()
                    .any(|(change, number)| number.is_none() || change.path.is_empty())
                {
                    rest.clear();
                    rest_first_page = false;
                }
                rest.retain(|n| !named.iter().any(|(_, number)| *number == Some(*n)));
                for (change, number) in &named {
                    found.push(
                        finding(
                            "adjusted-changed",
                            located(meeting, change),
                            format!("{prefix}, and {}", describe(meeting, change, *number)),
                        )
                        .with_hint(hint.clone()),
                    );
                }
                if named.is_empty() || rest_first_page || !rest.is_empty() {
                    let what = match (rest_first_page, rest.is_empty()) {
                        (true, true) => {
                            "its first page (attendance, times, justering or signatures) no longer says"
                                .to_string()
                        }
                        (true, false) => format!(
                            "its first page and {} no longer say",
                            sv::paragraphs(&rest)
                        ),
                        (false, _) => format!("{} no longer says", sv::paragraphs(&rest)),
                    };
                    let at = rest
                        .first()
                        .and_then(|n| item_of(body, &body.numbering[index], index, *n))
                        .unwrap_or_else(|| status.loc(&meeting.file));
                    let hint = if sealed.format.is_none() {
                        format!(
                            "{hint}; this justering.lock is of rsr's first format, which records no fields, so the changed one cannot be named{}",
                            sealed
                                .commit
                                .as_ref()
                                .map_or(String::new(), |commit| format!(
                                    ": `git diff {} -- {}` shows it",
                                    commit.get(..10).unwrap_or(commit),
                                    meeting.dir.display()
                                ))
                        )
                    } else {
                        hint
                    };
                    found.push(
                        finding(
                            "adjusted-changed",
                            at,
                            format!("{prefix}, and {what} what was adjusted then"),
                        )
                        .with_hint(hint),
                    );
                }
            }
        }
    }
}

/// The fields a lock of format 2 recorded that have changed and that the
/// protokoll shows, each with the § of its item (`None` for a field outside
/// the items): an item's fields count when its paragraph changed, a break's
/// only its `typ`.
fn changed_fields(
    repository: &Repository,
    body: &Body,
    index: usize,
    sealed: &Lock,
    paragraphs: &[u32],
) -> Vec<(Change, Option<u32>)> {
    let meeting = &body.meetings[index];
    let now = fields::record(repository, body, meeting);
    let outside = [&meeting.file, &body.file, &repository.file];
    fields::changes(&sealed.fields, &now)
        .into_iter()
        .filter_map(|change| {
            if outside.iter().any(|file| **file == change.file) {
                return Some((change, None));
            }
            let item = meeting
                .items
                .iter()
                .position(|item| item.file == change.file);
            match item.map(|item| body.numbering[index].get(item).copied().flatten()) {
                // An item removed, or a paragraph changed.
                None => Some((change, None)),
                Some(Some(number)) => paragraphs
                    .contains(&number)
                    .then_some((change, Some(number))),
                Some(None) => {
                    (change.path == "/typ" || change.path.is_empty()).then_some((change, None))
                }
            }
        })
        .collect()
}

/// Where a changed field is: the field itself, for an item removed its
/// meeting.yaml.
fn located(meeting: &Meeting, change: &Change) -> Loc {
    if change.path.is_empty() && change.new.is_none() {
        Loc {
            file: meeting.file.clone(),
            line: 1,
            column: 1,
        }
    } else {
        change.at.clone()
    }
}

/// "`beslut` of § 2 has changed since: it was "…", now "…"".
fn describe(meeting: &Meeting, change: &Change, number: Option<u32>) -> String {
    let name = change.file.file_name().map_or_else(
        || change.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if change.path.is_empty() {
        let title = |title: &Option<String>| {
            title
                .as_deref()
                .filter(|t| !t.is_empty())
                .map_or(String::new(), |t| format!("\"{t}\" "))
        };
        return match (&change.old, number) {
            (Some(_), _) => format!(
                "the item {}({name}) has been removed since",
                title(&change.old)
            ),
            (None, Some(number)) => {
                format!(
                    "§ {number} {}({name}) has been added since",
                    title(&change.new)
                )
            }
            (None, None) => format!(
                "the item {}({name}) has been added since",
                title(&change.new)
            ),
        };
    }
    let field = format!("`{}`", fields::shown(&change.path));
    let of = match number {
        Some(number) => format!("{field} of § {number}"),
        None if change.file == meeting.file => field,
        None => format!("{field} in {name}"),
    };
    match (&change.old, &change.new) {
        (Some(old), Some(new)) => match fields::excerpt(old, new) {
            (Some(line), old, new) => {
                format!("{of} has changed since: its line {line} was {old}, now {new}")
            }
            (None, old, new) => format!("{of} has changed since: it was {old}, now {new}"),
        },
        (Some(old), None) => {
            let (_, old, _) = fields::excerpt(old, "");
            format!("{of} has been removed since: it was {old}")
        }
        (None, Some(new)) => {
            let (_, _, new) = fields::excerpt("", new);
            format!("{of} has been added since: it is {new}")
        }
        (None, None) => format!("{of} has changed since"),
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
