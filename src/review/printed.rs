//! The seal over what the reader sees: the printed text of an adjusted
//! protokoll (and of its public version), as `rsr justera` records it in
//! `justering.lock` (`utskrift:`), against what the templates, fonts and
//! rsr of today print from the same data.
//!
//! The data seal (`check::seal`) covers what the templates receive; this
//! covers what they make of it. A template that prints the same words in
//! another layout passes; one that changes a word (a `#show` rule that
//! rewrites an amount, a label, a hidden paragraph) is `adjusted-changed`.
//!
//! Typesetting costs tens of milliseconds a protokoll, so it is done only
//! when it can tell something: a lock whose `utskriftsmiljö:` (the Typst
//! version, the fonts, the templates, rsr's default labels) is today's
//! prints what it printed as long as the data seal holds; under another
//! environment the manifest of `out/` answers for a PDF built from the same
//! inputs, and only what it cannot answer is typeset. A public version is
//! made from data the data seal does not cover (an item's
//! `offentlig_rubrik`), so it is compared in every environment.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::check::seal::{self, Standing};
use crate::docs::{self, Document, Filter, Kind, PUBLIC_VERSION};
use crate::error::{Diagnostic, Error};
use crate::output::manifest::Manifest;
use crate::repo::model::{Body, Lock, Meeting, Repository, Status};
use crate::typeset::Renderer;
use crate::typeset::worker::{Ceilings, Worker};

/// The name of a document in the lock's `utskrift:`: `protokoll` or
/// `protokoll-publik`; `None` for the other kinds.
pub fn key(document: &Document) -> Option<&'static str> {
    match document.kind {
        Kind::Protokoll if document.is_public_version() => Some(PUBLIC_VERSION),
        Kind::Protokoll => Some("protokoll"),
        _ => None,
    }
}

/// The protokoll documents of `meeting` (the protokoll, and its public
/// version when it has confidential items).
pub fn documents(repository: &Repository, body: &Body, meeting: &Meeting) -> Vec<Document> {
    let filter = Filter {
        bodies: vec![body.slug.clone()],
        meetings: vec![meeting.date()],
        kinds: vec![Kind::Protokoll],
        paragraphs: Vec::new(),
    };
    docs::documents_of(repository, body, &filter)
        .into_iter()
        .filter(|document| key(document).is_some())
        .collect()
}

/// The printed text's hash of each protokoll document of `meeting`,
/// typeset now (by `worker`, under the organisation's ceilings): what
/// `rsr justera` seals.
pub fn of_meeting(
    worker: &mut Worker,
    repository: &Repository,
    body: &Body,
    meeting: &Meeting,
) -> Result<BTreeMap<String, String>, Error> {
    let mut printed = BTreeMap::new();
    for document in documents(repository, body, meeting) {
        let rendered = worker.render(&document)?;
        if let Some(key) = key(&document) {
            printed.insert(key.to_string(), rendered.printed);
        }
    }
    Ok(printed)
}

/// SHA-256 of the data of `meeting`'s public version, when its protokoll
/// has one: what the data seal does not cover.
pub fn public_data(repository: &Repository, body: &Body, meeting: &Meeting) -> Option<String> {
    documents(repository, body, meeting)
        .iter()
        .find(|document| document.is_public_version())
        .map(|document| crate::output::manifest::sha256(&document.data))
}

/// SHA-256 of each beslutsunderlag file of `meeting` that can be read, by
/// its path in the meeting folder: what `rsr justera` seals beside the
/// printed text.
pub fn attachments(repository: &Repository, meeting: &Meeting) -> BTreeMap<String, String> {
    meeting
        .document_files()
        .into_iter()
        .filter(|(_, _, file)| crate::repo::model::inside_folder(file))
        .filter_map(|(_, _, file)| {
            let hash = seal::attachment_hash(repository, meeting, file)?;
            Some((file.to_string(), hash))
        })
        .collect()
}

/// What the lock of a sealed meeting expects a document to print, when it
/// says: the hash, and where the lock says it.
pub struct Expected {
    pub hash: String,
    pub lock: PathBuf,
    pub line: u64,
    pub label: String,
}

/// What the lock of `document`'s meeting expects it to print, if the
/// document is a protokoll of an adjusted meeting whose lock records its
/// printed text.
pub fn expected(repository: &Repository, document: &Document) -> Option<Expected> {
    let key = key(document)?;
    let body = repository.bodies.iter().find(|b| b.slug == document.body)?;
    let meeting = body.meeting(document.date)?;
    let (file, lock) = sealed(meeting)?;
    let printed = lock.printed.as_ref()?;
    Some(Expected {
        hash: printed.value.get(key)?.clone(),
        lock: file.clone(),
        line: printed.line,
        label: label(body, meeting, document),
    })
}

/// The lock of an adjusted meeting.
fn sealed(meeting: &Meeting) -> Option<&(PathBuf, Lock)> {
    meeting
        .lock
        .as_ref()
        .filter(|_| meeting.status() == Status::Adjusted)
}

/// "BMN 2026-10-14 (protokoll)".
fn label(body: &Body, meeting: &Meeting, document: &Document) -> String {
    let what = key(document).unwrap_or("protokoll");
    format!("{} {} ({what})", body.spec.short_name, meeting.date())
}

/// The finding of a document whose printed text is not the sealed one.
pub fn changed(root: &Path, expected: &Expected) -> Diagnostic {
    let templates: Vec<String> = ["protokoll.typ", "lib.typ"]
        .iter()
        .map(|name| Path::new(crate::typeset::TEMPLATES_DIR).join(name))
        .filter(|path| root.join(path).is_file())
        .map(|path| path.display().to_string())
        .collect();
    let hint = if templates.is_empty() {
        crate::lang::t!("rules-printed-changed-hint")
    } else {
        crate::lang::t!(
            "rules-printed-changed-template-hint",
            templates = crate::lang::join_and(&templates)
        )
    };
    Diagnostic::error(
        "adjusted-changed",
        crate::repo::model::Loc {
            file: expected.lock.clone(),
            line: expected.line.max(1),
            column: 1,
        },
        crate::lang::t!("rules-printed-changed", meeting = expected.label.as_str()),
    )
    .with_hint(hint)
}

/// Every adjusted protokoll that prints other words than it was sealed
/// with, under today's templates, fonts and rsr: what `rsr check` (as
/// `changed` findings) and `rsr diff` (as warnings) add to the data rules.
/// `manifest` is that of the output folder, whose entries answer for PDFs
/// built from the same inputs.
pub fn verify(
    repository: &Repository,
    manifest: Option<&Manifest>,
) -> Result<Vec<Expected>, Error> {
    let any = repository
        .bodies
        .iter()
        .flat_map(|body| &body.meetings)
        .any(|meeting| sealed(meeting).is_some_and(|(_, lock)| lock.printed.is_some()));
    if !any {
        return Ok(Vec::new());
    }
    // The fonts are loaded only when something must be typeset or
    // fingerprinted.
    let environment = Renderer::environment_of(&repository.files)?;
    let mut renderer: Option<(Renderer, Worker)> = None;
    let mut found = Vec::new();
    for body in &repository.bodies {
        for meeting in &body.meetings {
            let Some((_, lock)) = sealed(meeting) else {
                continue;
            };
            let Some(printed) = &lock.printed else {
                continue;
            };
            // The public version is made from data the data seal does not
            // cover (`offentlig_rubrik`), so it is held to its printed text
            // in every environment; the protokoll only in another one.
            let same = lock.environment.as_deref() == Some(&environment);
            if same && !printed.value.contains_key(PUBLIC_VERSION) {
                continue;
            }
            // Data that changed is the data rule's finding; the words
            // follow from it.
            let data = seal::seal_of(repository, body, meeting);
            let before = || seal::seal_before(repository, body, meeting, lock.corrections);
            if seal::standing(meeting, lock, &data, before) != Standing::Sealed {
                continue;
            }
            for document in documents(repository, body, meeting) {
                if same && !document.is_public_version() {
                    continue;
                }
                // The public version's data as sealed prints what it did.
                if same
                    && lock.public_data.as_deref()
                        == Some(&crate::output::manifest::sha256(&document.data))
                {
                    continue;
                }
                let Some(wanted) = expected(repository, &document) else {
                    continue;
                };
                let (renderer, worker) = match &mut renderer {
                    Some(renderer) => renderer,
                    none => {
                        let renderer = Renderer::new(repository.files.clone())?;
                        let ceilings = Ceilings::of(repository.organisation.limits);
                        let worker = Worker::new(&renderer, ceilings);
                        none.insert((renderer, worker))
                    }
                };
                let known = manifest
                    .and_then(|manifest| manifest.entry(&document.output))
                    .filter(|entry| entry.input == renderer.fingerprint(&document))
                    .and_then(|entry| entry.printed.clone());
                let printed = match known {
                    Some(printed) => printed,
                    None => worker.render(&document)?.printed,
                };
                if printed != wanted.hash {
                    found.push(wanted);
                }
            }
        }
    }
    Ok(found)
}
