//! `rsr list`: every meeting with its status, items, paragraphs and the
//! state of each of its documents in `out/` (up to date, outdated, missing),
//! judged by the build manifest's content hashes.

use std::io::{self, Write};

use serde::Serialize;

use crate::docs::{self, Filter, Scope};
use crate::error::Error;
use crate::lang::t;
use crate::output::manifest::State;
use crate::repo::model::{ItemKind, Repository};
use crate::repo::number;
use crate::review::kept::Kept;
use crate::sv;
use crate::typeset::Renderer;

#[derive(Debug, Serialize)]
pub struct Listed {
    /// The body's folder name.
    pub body: String,
    pub short_name: String,
    /// "2025-11-17"
    pub date: String,
    /// "justerad"
    pub status: &'static str,
    /// Agenda items, breaks not counted.
    pub items: usize,
    /// "28–32"; `None` for a meeting without numbered items.
    pub paragraphs: Option<String>,
    pub documents: Vec<ListedDocument>,
    /// The signed protokoll in the meeting folder, if any: how many of its
    /// fields hold a sound signature (`rsr verifiera` checks them in full).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<crate::review::sign::Tally>,
}

#[derive(Debug, Serialize)]
pub struct ListedDocument {
    pub kind: &'static str,
    /// Relative to `out/`.
    pub path: String,
    pub state: State,
}

/// Every meeting of the repository, by body and date.
pub fn list(repository: &Repository, kept: &Kept) -> Result<Vec<Listed>, Error> {
    let out = kept.out();
    let renderer = Renderer::new(repository.files.clone())?;
    let manifest = kept.manifest();
    let documents = docs::documents(repository, &Filter::default());
    let mut listed = Vec::new();
    for body in &repository.bodies {
        let numbering = &body.numbering;
        for (meeting, paragraphs) in body.meetings.iter().zip(numbering) {
            let documents = documents
                .iter()
                .filter(|d| d.kind.spec().scope != Scope::Year)
                .filter(|d| d.body == body.slug && d.date == meeting.date())
                .map(|d| ListedDocument {
                    kind: d.kind.name(),
                    path: d.output.display().to_string(),
                    state: manifest.state(out, &d.output, &renderer.fingerprint(d)),
                })
                .collect();
            listed.push(Listed {
                body: body.slug.clone(),
                short_name: body.spec.short_name.clone(),
                date: sv::iso_date(meeting.date()),
                status: meeting.status().label(),
                items: meeting
                    .items
                    .iter()
                    .filter(|item| item.spec.kind != ItemKind::Break)
                    .count(),
                paragraphs: number::span(paragraphs).map(|(a, b)| sv::number_range(a, b)),
                documents,
                signed: crate::review::sign::tally(repository, meeting),
            });
        }
    }
    Ok(listed)
}

/// One line per meeting, columns aligned:
/// `rlg  2025-11-17  justerad  5 items  §§ 28–32  protokoll up to date, …`
pub fn human(listed: &[Listed], out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<[String; 6]> = listed
        .iter()
        .map(|m| {
            [
                m.body.clone(),
                m.date.clone(),
                m.status.to_string(),
                t!("cmd-list-items", count = m.items),
                match &m.paragraphs {
                    None => "–".into(),
                    Some(range) if range.contains('–') => format!("§§ {range}"),
                    Some(one) => format!("§ {one}"),
                },
                match &m.signed {
                    Some(tally) => format!(
                        "{}, {}",
                        documents(&m.documents),
                        t!(
                            "cmd-list-signed",
                            count = format!("{}/{}", tally.signed, tally.fields)
                        )
                    ),
                    None => documents(&m.documents),
                },
            ]
        })
        .collect();
    let mut widths = [0; 6];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (n, (cell, width)) in row.iter().zip(widths).enumerate() {
            if n + 1 == row.len() {
                line.push_str(cell);
            } else {
                let pad = width - cell.chars().count();
                line.push_str(&format!("{cell}{}  ", " ".repeat(pad)));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// "kallelse up to date, protokoll outdated, protokollsutdrag 5 up to date
/// and 2 missing"; "no documents yet" for a planned meeting.
fn documents(documents: &[ListedDocument]) -> String {
    let mut kinds: Vec<&str> = documents.iter().map(|d| d.kind).collect();
    kinds.dedup();
    if kinds.is_empty() {
        return t!("cmd-list-no-documents");
    }
    kinds
        .iter()
        .map(|kind| {
            let of_kind: Vec<State> = documents
                .iter()
                .filter(|d| d.kind == *kind)
                .map(|d| d.state)
                .collect();
            if let [one] = of_kind.as_slice() {
                return t!("cmd-list-state", kind = *kind, state = one.label());
            }
            let counts: Vec<String> = [State::UpToDate, State::Outdated, State::Missing]
                .iter()
                .filter_map(|state| {
                    let n = of_kind.iter().filter(|s| *s == state).count();
                    (n > 0).then(|| t!("cmd-list-count", count = n, state = state.label()))
                })
                .collect();
            t!(
                "cmd-list-state",
                kind = *kind,
                state = crate::lang::join_and(&counts)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
