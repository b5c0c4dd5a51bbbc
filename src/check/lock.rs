//! The tamper lock: an adjusted protokoll that changed since `rsr justera`
//! sealed it, and the rättelser that may change it.

use super::fields::{self, Change};
use super::seal::{self, Standing};
use super::{Context, finding};
use crate::error::Diagnostic;
use crate::repo::model::{Body, Loc, Lock, Meeting, Repository, Status};
use crate::repo::number::Paragraphs;
use crate::sv;

/// Each justering.lock the base or HEAD holds and the working tree does
/// not: an adjusted protokoll is a public record, and its seal may not go,
/// with its meeting or without (a lock deleted and the meeting set back to
/// `genomförd` would let `rsr justera` seal anything again).
pub fn removed(repository: &Repository, history: &super::History, found: &mut Vec<Diagnostic>) {
    for (lock, commit) in &history.removed_locks {
        let folder = lock.parent().unwrap_or(std::path::Path::new(""));
        let meeting_file = folder.join(crate::repo::load::MEETING_FILE);
        let file = if repository.root().join(&meeting_file).is_file() {
            meeting_file
        } else {
            lock.clone()
        };
        let short = commit.get(..10).unwrap_or(commit);
        found.push(
            finding(
                "lock-removed",
                Loc {
                    file,
                    line: 1,
                    column: 1,
                },
                crate::lang::t!("rules-lock-removed", lock = lock, commit = short),
            )
            .with_hint(crate::lang::t!(
                "rules-lock-removed-hint",
                lock = lock,
                commit = short
            )),
        );
    }
}

/// Each lock whose text differs from the base's (or HEAD's), the data held
/// against that seal: whatever changed since must be named by a rättelse
/// made after it. A lock deleted and written again by `rsr justera` over a
/// change (its meeting set back to `genomförd` between) seals the change
/// in the working tree, but not in the commit the branch started from.
pub fn rewritten(repository: &Repository, history: &super::History, found: &mut Vec<Diagnostic>) {
    for (file, commit, text) in &history.sealed_locks {
        let Some(original) = crate::repo::load::lock_from_text(text) else {
            continue;
        };
        let owner = repository.bodies.iter().find_map(|body| {
            body.meetings
                .iter()
                .find(|meeting| meeting.lock.as_ref().is_some_and(|(lock, _)| lock == file))
                .map(|meeting| (body, meeting))
        });
        let Some((body, meeting)) = owner else {
            continue;
        };
        let now = seal::seal_of(repository, body, meeting);
        let before = || seal::seal_before(repository, body, meeting, original.corrections);
        let Standing::Changed {
            paragraphs,
            first_page,
        } = seal::standing(meeting, &original, &now, before)
        else {
            continue;
        };
        let listed = crate::lang::paragraphs(&paragraphs);
        let what = match (first_page, paragraphs.is_empty()) {
            (true, true) => crate::lang::t!("rules-changed-first-page"),
            (true, false) => crate::lang::t!("rules-changed-first-page-and", paragraphs = &listed),
            (false, _) => crate::lang::t!("rules-changed-paragraphs", paragraphs = &listed),
        };
        let short = commit.get(..10).unwrap_or(commit);
        let meeting_label = format!("{} {}", body.spec.short_name, meeting.date());
        found.push(
            finding(
                "lock-rewritten",
                Loc {
                    file: file.clone(),
                    line: 1,
                    column: 1,
                },
                crate::lang::t!(
                    "rules-lock-rewritten",
                    meeting = meeting_label,
                    commit = short,
                    what = what
                ),
            )
            .with_hint(crate::lang::t!(
                "rules-lock-rewritten-hint",
                lock = file,
                commit = short
            )),
        );
    }
}

/// Each adjusted meeting of `body` whose lock names a commit HEAD does not
/// descend from (`commits`, from git's history): what of a body's lock
/// rules depends on the history, apart from `body` so that what `body`
/// finds depends on the files alone and may be remembered.
pub fn commits(
    body: &Body,
    commits: &std::collections::BTreeSet<String>,
    found: &mut Vec<Diagnostic>,
) {
    for meeting in &body.meetings {
        let Some((file, sealed)) = &meeting.lock else {
            continue;
        };
        if meeting.status() != Status::Adjusted {
            continue;
        }
        if let Some(commit) = &sealed.commit
            && !commits.contains(commit)
        {
            found.push(
                finding(
                    "lock-commit",
                    sealed.adjusted.loc(file),
                    crate::lang::t!(
                        "rules-lock-commit",
                        meeting = format!("{} {}", body.spec.short_name, meeting.date()),
                        commit = commit.get(..10).unwrap_or(commit)
                    ),
                )
                .with_hint(crate::lang::t!("rules-lock-commit-hint")),
            );
        }
    }
}

/// Every meeting of `body` against its lock, but for the history
/// (`commits`), each seal as `known` has it where it does; with the seal
/// of every meeting that has a lock, by its index.
pub fn body(
    repository: &Repository,
    body: &Body,
    known: &seal::Known,
    found: &mut Vec<Diagnostic>,
) -> Vec<(usize, seal::Seal)> {
    let label = |date| format!("{} {date}", body.spec.short_name);
    for meeting in &body.meetings {
        if meeting.status() == Status::Adjusted && meeting.lock.is_none() {
            found.push(
                finding(
                    "adjusted-unsealed",
                    meeting.spec.status.loc(&meeting.file),
                    crate::lang::t!("rules-adjusted-unsealed", meeting = label(meeting.date())),
                )
                .with_hint({
                    let date = meeting.date().to_string();
                    crate::lang::t!(
                        "rules-adjusted-unsealed-hint",
                        body = &body.slug,
                        date = date
                    )
                }),
            );
        }
    }
    let seals = seal::seals(repository, body, known);
    for &(index, ref now) in &seals {
        let meeting = &body.meetings[index];
        let Some((file, sealed)) = &meeting.lock else {
            continue;
        };
        if meeting.status() == Status::Adjusted {
            attachments(repository, body, meeting, sealed, found);
        }
        let status = &meeting.spec.status;
        if status.value != Status::Adjusted {
            found.push(
                finding("lock-not-adjusted", status.loc(&meeting.file), {
                    let adjusted = sealed.adjusted.value.0.to_string();
                    let lock = file.display().to_string();
                    crate::lang::t!(
                        "rules-lock-not-adjusted",
                        meeting = label(meeting.date()),
                        adjusted = adjusted,
                        lock = lock,
                        status = status.value.label()
                    )
                })
                .with_hint(crate::lang::t!("rules-lock-not-adjusted-hint")),
            );
            continue;
        }
        let adjusted = sealed.adjusted.value.0.to_string();
        let prefix = match &sealed.commit {
            Some(commit) => crate::lang::t!(
                "rules-adjusted-since-commit",
                meeting = label(meeting.date()),
                adjusted = &adjusted,
                commit = commit.get(..10).unwrap_or(commit)
            ),
            None => crate::lang::t!(
                "rules-adjusted-since",
                meeting = label(meeting.date()),
                adjusted = &adjusted
            ),
        };
        let before = || seal::seal_before(repository, body, meeting, sealed.corrections);
        match seal::standing(meeting, sealed, now, before) {
            Standing::Sealed => mismatch(body, meeting, file, sealed, found),
            Standing::Corrected { .. } => found.push(
                finding("correction-unsealed", sealed.content.loc(file), {
                    let lock = file.display().to_string();
                    crate::lang::t!(
                        "rules-correction-unsealed",
                        meeting = label(meeting.date()),
                        lock = lock
                    )
                })
                .with_hint({
                    let date = meeting.date().to_string();
                    crate::lang::t!(
                        "rules-correction-unsealed-hint",
                        body = &body.slug,
                        date = date
                    )
                }),
            ),
            Standing::Changed {
                paragraphs,
                first_page,
            } => {
                let hint = {
                    let file = meeting.file.display().to_string();
                    let date = meeting.date().to_string();
                    crate::lang::t!(
                        "rules-adjusted-changed-hint",
                        file = file,
                        body = &body.slug,
                        date = date
                    )
                };
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
                        finding("adjusted-changed", located(meeting, change), {
                            let change = describe(meeting, change, *number);
                            crate::lang::t!(
                                "rules-adjusted-changed-field",
                                prefix = &prefix,
                                change = change
                            )
                        })
                        .with_hint(hint.clone()),
                    );
                }
                if named.is_empty() || rest_first_page || !rest.is_empty() {
                    let listed = crate::lang::paragraphs(&rest);
                    let what = match (rest_first_page, rest.is_empty()) {
                        (true, true) => crate::lang::t!("rules-changed-first-page"),
                        (true, false) => {
                            crate::lang::t!("rules-changed-first-page-and", paragraphs = &listed)
                        }
                        (false, _) => {
                            crate::lang::t!("rules-changed-paragraphs", paragraphs = &listed)
                        }
                    };
                    let at = rest
                        .first()
                        .and_then(|n| item_of(body, &body.numbering[index], index, *n))
                        .unwrap_or_else(|| status.loc(&meeting.file));
                    let hint = if sealed.format.is_none() {
                        match &sealed.commit {
                            Some(commit) => {
                                let folder = meeting.dir.display().to_string();
                                crate::lang::t!(
                                    "rules-first-format-commit-hint",
                                    hint = &hint,
                                    commit = commit.get(..10).unwrap_or(commit),
                                    folder = folder
                                )
                            }
                            None => crate::lang::t!("rules-first-format-hint", hint = &hint),
                        }
                    } else {
                        hint
                    };
                    found.push(
                        finding(
                            "adjusted-changed",
                            at,
                            crate::lang::t!(
                                "rules-adjusted-changed",
                                prefix = &prefix,
                                what = what
                            ),
                        )
                        .with_hint(hint),
                    );
                }
            }
        }
    }
    seals
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
    // New rättelser are the way to change it, not a change of it.
    let corrected = meeting.spec.corrections.len() > sealed.corrections;
    // The recorded fields, read now that a change is to be told.
    let recorded = meeting
        .lock
        .as_ref()
        .filter(|_| sealed.fields.present)
        .and_then(|(file, _)| {
            let limit = repository.organisation.limits.yaml_bytes();
            repository.files.read(file, limit).ok()
        })
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map(|text| crate::repo::load::recorded_fields(&text))
        .unwrap_or_default();
    fields::changes(&recorded, &now)
        .into_iter()
        .filter(|change| {
            !(corrected && change.file == meeting.file && change.path.starts_with("/rättelser"))
        })
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
            (Some(_), _) => {
                let title = title(&change.old);
                crate::lang::t!("rules-item-removed", title = title, file = &name)
            }
            (None, Some(number)) => {
                let title = title(&change.new);
                crate::lang::t!(
                    "rules-paragraph-added",
                    number = number,
                    title = title,
                    file = &name
                )
            }
            (None, None) => {
                let title = title(&change.new);
                crate::lang::t!("rules-item-added", title = title, file = &name)
            }
        };
    }
    let field = format!("`{}`", fields::shown(&change.path));
    let of = match number {
        Some(number) => {
            crate::lang::t!("rules-field-of-paragraph", field = &field, number = number)
        }
        None if change.file == meeting.file => field,
        None => crate::lang::t!("rules-field-in-file", field = &field, file = &name),
    };
    match (&change.old, &change.new) {
        (Some(old), Some(new)) => match fields::excerpt(old, new) {
            (Some(line), old, new) => crate::lang::t!(
                "rules-field-changed-line",
                field = &of,
                line = line,
                old = old,
                new = new
            ),
            (None, old, new) => {
                crate::lang::t!("rules-field-changed", field = &of, old = old, new = new)
            }
        },
        (Some(old), None) => {
            let (_, old, _) = fields::excerpt(old, "");
            crate::lang::t!("rules-field-removed", field = &of, old = old)
        }
        (None, Some(new)) => {
            let (_, _, new) = fields::excerpt("", new);
            crate::lang::t!("rules-field-added", field = &of, new = new)
        }
        (None, None) => crate::lang::t!("rules-field-changed-only", field = &of),
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
                            let date = date.to_string();
                            let adjusted = adjusted.to_string();
                            crate::lang::t!(
                                "rules-correction-before-justering",
                                date = date,
                                adjusted = adjusted
                            )
                        }
                        None => crate::lang::t!(
                            "rules-correction-not-adjusted",
                            status = meeting.status().label()
                        ),
                    },
                )
                .with_hint(crate::lang::t!("rules-correction-before-justering-hint")),
            ),
        }
        if let Some(paragraph) = &correction.paragraph
            && !paragraphs.contains(&Some(paragraph.value))
        {
            found.push(finding(
                "correction-unknown-paragraph",
                paragraph.loc(&meeting.file),
                match crate::repo::number::span(paragraphs) {
                    Some((a, b)) => {
                        let range = format!("§§ {}", sv::number_range(a, b));
                        crate::lang::t!(
                            "rules-correction-unknown-paragraph",
                            number = paragraph.value,
                            range = range
                        )
                    }
                    None => crate::lang::t!(
                        "rules-correction-unknown-paragraph-none",
                        number = paragraph.value
                    ),
                },
            ));
        }
    }
}

/// The beslutsunderlag files of an adjusted meeting against the bytes its
/// lock sealed (`underlag:`): a file replaced after the justering is a
/// changed protokoll, though no YAML changed.
fn attachments(
    repository: &Repository,
    body: &Body,
    meeting: &Meeting,
    sealed: &Lock,
    found: &mut Vec<Diagnostic>,
) {
    if sealed.attachments.is_empty() {
        return;
    }
    let mut seen = std::collections::BTreeSet::new();
    for (item, document, name) in meeting.document_files() {
        let Some(hash) = sealed.attachments.get(name) else {
            continue;
        };
        // Not there, or not to be read: the rules of the items say so.
        let Some(now) = seal::attachment_hash(repository, meeting, name) else {
            continue;
        };
        if &now != hash && seen.insert(name) {
            found.push(
                finding(
                    "adjusted-changed",
                    document.loc(&item.file),
                    crate::lang::t!(
                        "rules-attachment-changed",
                        meeting = format!("{} {}", body.spec.short_name, meeting.date()),
                        file = name
                    ),
                )
                .with_hint(crate::lang::t!("rules-attachment-changed-hint")),
            );
        }
    }
}

/// The lock's own fields against meeting.yaml, for a protokoll that is as
/// sealed: a lock whose date of justering or justerare were edited by hand
/// no longer says who adjusted it and when.
fn mismatch(
    body: &Body,
    meeting: &Meeting,
    file: &std::path::Path,
    sealed: &Lock,
    found: &mut Vec<Diagnostic>,
) {
    let label = format!("{} {}", body.spec.short_name, meeting.date());
    let mut report = |message: String| {
        found.push(
            finding("lock-mismatch", sealed.adjusted.loc(file), message)
                .with_hint(crate::lang::t!("rules-lock-mismatch-hint")),
        );
    };
    if let Some(justering) = &meeting.spec.justering
        && justering.date.value.0 != sealed.adjusted.value.0
    {
        report(crate::lang::t!(
            "rules-lock-mismatch-date",
            meeting = label.as_str(),
            lock = sv::iso_date(sealed.adjusted.value.0),
            file = sv::iso_date(justering.date.value.0)
        ));
    }
    let mut sealed_adjusters = sealed.adjusters.clone();
    sealed_adjusters.sort();
    let mut adjusters: Vec<String> = meeting
        .spec
        .adjusters
        .iter()
        .map(|person| person.value.key().to_string())
        .collect();
    adjusters.sort();
    if sealed_adjusters != adjusters {
        report(crate::lang::t!(
            "rules-lock-mismatch-adjusters",
            meeting = label.as_str(),
            lock = sealed_adjusters.join(", "),
            file = adjusters.join(", ")
        ));
    }
}
