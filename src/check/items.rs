//! Agenda items: case numbers unique and well-formed, decisions only after
//! the meeting and every matter of a held meeting decided, decision
//! documents present.

use std::collections::BTreeMap;

use regex::Regex;

use super::{Context, finding};
use crate::error::Diagnostic;
use crate::repo::model::{Body, Document, ItemKind, Status};

/// The body's rules; returns its case-number pattern, compiled once for
/// all its meetings, when it is valid.
pub fn body(body: &Body, found: &mut Vec<Diagnostic>) -> Option<Regex> {
    let pattern = body.spec.case_pattern.as_ref()?;
    match Regex::new(&pattern.value) {
        Ok(compiled) => Some(compiled),
        Err(error) => {
            found.push(finding("invalid-pattern", pattern.loc(&body.file), {
                let error = first_line(&error.to_string()).to_string();
                crate::lang::t!("rules-invalid-pattern", error = error)
            }));
            None
        }
    }
}

/// A meeting's items, their case numbers held to the body's `pattern`.
pub fn meeting(context: &Context, pattern: Option<&Regex>, found: &mut Vec<Diagnostic>) {
    let meeting = context.meeting;
    let mut case_numbers = BTreeMap::new();
    for item in &meeting.items {
        let spec = &item.spec;
        if let Some(case) = &spec.case_number {
            if let Some(first) = case_numbers.insert(case.value.as_str(), item) {
                found.push(finding("duplicate-case-number", case.loc(&item.file), {
                    let other = first.file.display().to_string();
                    crate::lang::t!(
                        "rules-duplicate-case-number",
                        case = &case.value,
                        other = other
                    )
                }));
            }
            if let Some(pattern) = &pattern
                && !pattern.is_match(&case.value)
            {
                found.push(finding(
                    "case-number-pattern",
                    case.loc(&item.file),
                    crate::lang::t!(
                        "rules-case-number-pattern",
                        case = &case.value,
                        pattern = pattern.as_str()
                    ),
                ));
            }
        }
        // A sub-item's decision is as much a decision as the item's.
        let first_record = spec.first_record().or_else(|| {
            spec.subitems
                .iter()
                .filter_map(|s| s.structured()?.decision.as_ref())
                .map(|d| (d.line, d.column))
                .next()
        });
        let at = first_record.map(|(line, column)| crate::repo::model::Loc {
            file: item.file.clone(),
            line,
            column,
        });
        if let Some(loc) = at.clone()
            && meeting.status().is_cancelled()
        {
            found.push(
                finding(
                    "cancelled-decision",
                    loc,
                    crate::lang::t!("rules-cancelled-decision"),
                )
                .with_hint(crate::lang::t!("rules-cancelled-decision-hint")),
            );
        } else if let Some(loc) = at
            && !meeting.status().reached(Status::Held)
        {
            found.push(
                finding(
                    "decision-before-held",
                    loc,
                    crate::lang::t!("rules-decision-before-held"),
                )
                .with_hint({
                    let file = meeting.file.display().to_string();
                    crate::lang::t!("rules-decision-before-held-hint", file = file)
                }),
            );
        }
        if spec.kind.takes_decision() && meeting.status().reached(Status::Held) && !spec.decided() {
            found.push(missing_decision(context, item));
        }
        if let Some(proposal) = &spec.proposal
            && spec.kind == ItemKind::Matter
            && spec.documents.is_empty()
        {
            found.push(
                finding(
                    "proposal-without-documents",
                    proposal.loc(&item.file),
                    crate::lang::t!("rules-proposal-without-documents"),
                )
                .with_hint(crate::lang::t!("rules-proposal-without-documents-hint")),
            );
        }
        let subitems = spec.subitems.iter().filter_map(|s| s.structured());
        let documents = spec
            .documents
            .iter()
            .chain(subitems.flat_map(|s| &s.documents));
        for document in documents {
            if let Document::File { file, attach, .. } = &document.value {
                document_file(context, item, document, file, *attach, found);
            }
        }
    }
}

/// A matter of a held meeting that records no decision: not its own
/// `beslut:`, nor one of its sub-items'. Found at the item's `rubrik`.
fn missing_decision(context: &Context, item: &crate::repo::model::Item) -> Diagnostic {
    let meeting = context.meeting;
    let paragraph = context
        .body
        .meetings
        .iter()
        .position(|m| std::ptr::eq(m, meeting))
        .and_then(|index| {
            let at = meeting.items.iter().position(|i| std::ptr::eq(i, item))?;
            context
                .body
                .numbering
                .get(index)?
                .get(at)
                .copied()
                .flatten()
        });
    let which = paragraph.map_or_else(String::new, |n| format!("§ {n} "));
    let title = &item.spec.title;
    let status = meeting.status().label();
    finding(
        "missing-decision",
        title_loc(context, item),
        crate::lang::t!(
            "rules-missing-decision",
            which = which,
            title = title,
            status = status
        ),
    )
    .with_hint(if meeting.lock.is_some() {
        // Sealed: what the protokoll says can change only by a rättelse.
        crate::lang::t!("rules-missing-decision-sealed-hint")
    } else {
        crate::lang::t!("rules-missing-decision-hint")
    })
}

/// Where an item's `rubrik:` stands: the line that starts with it, else
/// the file's first line.
fn title_loc(context: &Context, item: &crate::repo::model::Item) -> crate::repo::model::Loc {
    key_loc(context, &item.file, "rubrik:")
}

/// Where `key` starts a line of `file`, else the file's first line.
pub(super) fn key_loc(
    context: &Context,
    file: &std::path::Path,
    key: &str,
) -> crate::repo::model::Loc {
    let limit = context.repository.organisation.limits.yaml_bytes();
    let line = context
        .repository
        .files
        .read(file, limit)
        .ok()
        .and_then(|bytes| {
            let text = String::from_utf8(bytes).ok()?;
            let at = text.lines().position(|l| l.starts_with(key))?;
            u64::try_from(at + 1).ok()
        });
    crate::repo::model::Loc {
        file: file.to_path_buf(),
        line: line.unwrap_or(1),
        column: 1,
    }
}

/// A decision document's file stays inside the meeting folder and is
/// there; one to be attached to the kallelse is a PDF.
fn document_file(
    context: &Context,
    item: &crate::repo::model::Item,
    document: &crate::repo::model::Located<Document>,
    file: &str,
    attach: bool,
    found: &mut Vec<Diagnostic>,
) {
    let meeting = context.meeting;
    let loc = || document.loc(&item.file);
    if !crate::repo::model::inside_folder(file) {
        found.push(
            finding(
                "document-outside-meeting",
                loc(),
                crate::lang::t!("rules-document-outside-meeting", file = file),
            )
            .with_hint({
                let folder = meeting.dir.display().to_string();
                crate::lang::t!("rules-document-outside-meeting-hint", folder = folder)
            }),
        );
        return;
    }
    // What the file is, asked once (a link followed).
    let meta = std::fs::metadata(context.repository.root().join(&meeting.dir).join(file)).ok();
    let head = match context.repository.files.head(&meeting.dir.join(file), 5) {
        Ok(head) => Some(head),
        Err(crate::repo::sandbox::Refused::Outside) => {
            found.push(finding(
                "document-outside-meeting",
                loc(),
                crate::lang::t!("rules-document-link-out", file = file),
            ));
            return;
        }
        // There, but a folder, a named pipe or a device: nothing a
        // document can be made of, and a pipe would stop the build.
        Err(_) if meta.as_ref().is_some_and(|meta| !meta.is_file()) => {
            found.push(finding(
                "document-not-a-file",
                loc(),
                crate::lang::t!("rules-document-not-a-file", file = file),
            ));
            return;
        }
        // Not there: said below.
        Err(_) => None,
    };
    let too_large = meta.is_some_and(|meta| meta.len() > crate::docs::ATTACHMENT_LIMIT);
    if head.is_some() && too_large {
        found.push(finding(
            "file-too-large",
            loc(),
            crate::lang::t!(
                "rules-attachment-too-large",
                file = file,
                megabytes = crate::docs::ATTACHMENT_LIMIT / (1024 * 1024)
            ),
        ));
        return;
    }
    let Some(start) = head else {
        found.push(finding("missing-document-file", loc(), {
            let folder = meeting.dir.display().to_string();
            crate::lang::t!("rules-missing-document-file", file = file, folder = folder)
        }));
        return;
    };
    if !attach {
        return;
    }
    if start != b"%PDF-" {
        found.push(
            finding(
                "attachment-not-pdf",
                loc(),
                crate::lang::t!("rules-attachment-not-pdf", file = file),
            )
            .with_hint(crate::lang::t!("rules-attachment-not-pdf-hint")),
        );
    }
}

fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| l.starts_with("error:"))
        .unwrap_or_else(|| text.lines().next().unwrap_or(text))
}
