//! Ceilings no repository can lift: how long a document may take, how
//! large a YAML file may be, and how much one meeting may hold. Above them
//! a build would run for hours or take gigabytes; `rsr check` says so,
//! located, before anything is typeset.

use super::finding;
use crate::error::Diagnostic;
use crate::repo::model::{Limits, Loc, Meeting, Repository};

/// The most `gränser: {sekunder_per_dokument: …}` may allow.
pub const MAX_SECONDS_PER_DOCUMENT: u64 = Limits::MAX_SECONDS;
/// The most `gränser: {yaml_kb: …}` may allow: 64 MB.
pub const MAX_YAML_KB: u64 = Limits::MAX_YAML_KB;
/// The most `gränser: {megabyte_per_dokument: …}` may allow: 16 GB.
pub const MAX_MEGABYTES_PER_DOCUMENT: u64 = Limits::MAX_MEGABYTES;
/// The most agenda items one meeting may have.
pub const MAX_ITEMS: usize = 500;
/// The most YAML one meeting may hold, its items' files and meeting.yaml
/// together: 32 MB.
pub const MAX_MEETING_BYTES: u64 = 32 * 1024 * 1024;

/// The organisation's limits in rsr.yaml against the ceilings.
pub fn organisation(repository: &Repository, found: &mut Vec<Diagnostic>) {
    let limits = repository.organisation.limits;
    let over = [
        (
            "sekunder_per_dokument",
            limits.seconds_per_document,
            MAX_SECONDS_PER_DOCUMENT,
        ),
        ("yaml_kb", limits.yaml_kb, MAX_YAML_KB),
        (
            "megabyte_per_dokument",
            limits.megabytes_per_document,
            MAX_MEGABYTES_PER_DOCUMENT,
        ),
    ];
    for (key, given, max) in over.into_iter().filter(|(_, given, max)| given > max) {
        // Given as text: a number this large loses digits in a catalogue's.
        let given = given.to_string();
        let message = match key {
            "yaml_kb" => crate::lang::t!("rules-limit-yaml", given = given, max = max),
            "megabyte_per_dokument" => {
                crate::lang::t!("rules-limit-memory", given = given, max = max)
            }
            _ => crate::lang::t!("rules-limit-seconds", given = given, max = max),
        };
        found.push(
            finding("limit-too-high", line_of(repository, key), message)
                .with_hint(crate::lang::t!("rules-limit-hint")),
        );
    }
}

/// A meeting of more items or more YAML than any agenda holds.
pub fn meeting(repository: &Repository, meeting: &Meeting, found: &mut Vec<Diagnostic>) {
    let at = || Loc {
        file: meeting.file.clone(),
        line: 1,
        column: 1,
    };
    if meeting.items.len() > MAX_ITEMS {
        found.push(finding(
            "meeting-too-large",
            at(),
            crate::lang::t!(
                "rules-meeting-items",
                count = meeting.items.len(),
                max = MAX_ITEMS
            ),
        ));
        return;
    }
    let size = |file: &std::path::Path| {
        std::fs::metadata(repository.root().join(file)).map_or(0, |meta| meta.len())
    };
    let bytes: u64 = std::iter::once(&meeting.file)
        .chain(meeting.items.iter().map(|item| &item.file))
        .map(|file| size(file))
        .sum();
    if bytes > MAX_MEETING_BYTES {
        found.push(finding(
            "meeting-too-large",
            at(),
            crate::lang::t!(
                "rules-meeting-bytes",
                megabytes = bytes / (1024 * 1024),
                max = MAX_MEETING_BYTES / (1024 * 1024)
            ),
        ));
    }
}

/// Where `key:` stands in rsr.yaml (its first line, if not found).
fn line_of(repository: &Repository, key: &str) -> Loc {
    let limit = repository.organisation.limits.yaml_bytes();
    let text = repository
        .files
        .read(&repository.file, limit)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default();
    let found = text.lines().enumerate().find_map(|(n, line)| {
        let column = line.find(&format!("{key}:"))?;
        Some((n + 1, line[..column].chars().count() + 1))
    });
    let (line, column) = found.unwrap_or((1, 1));
    Loc {
        file: repository.file.clone(),
        line: line as u64,
        column: column as u64,
    }
}
