//! The shape ARCHITECTURE.md describes, held: each room of `src/` (a folder,
//! or a file at the top) may use only the rooms listed before it, so data
//! flows one way and no two rooms import each other.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::examples;

/// The rooms, each after everything it may use.
const ROOMS: &[&str] = &[
    "sv", "fonts", "lang", "error", "memory", "output", "repo", "docs", "check", "typeset", "site",
    "schema", "review", "archive", "build", "cli", "commands",
];

/// The room of a file under `src/`, and the rooms its code names as
/// `crate::<room>`, leaving out its unit tests (a test may use any room).
fn uses(file: &Path, src: &Path) -> (String, BTreeSet<String>) {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    let room = first.trim_end_matches(".rs").to_string();
    let text = std::fs::read_to_string(file).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut used = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let name: String = code[at + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() && name != room {
            used.insert(name);
        }
    }
    (room, used)
}

#[test]
fn each_room_uses_only_the_rooms_before_it() {
    let src = examples().join("src");
    let mut rooms_seen = BTreeSet::new();
    let mut wrong = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let (room, used) = uses(entry.path(), &src);
        if room == "lib" || room == "main" {
            continue;
        }
        rooms_seen.insert(room.clone());
        let Some(position) = ROOMS.iter().position(|r| *r == room) else {
            wrong.push(format!("{room}: not in ROOMS; add it where it belongs"));
            continue;
        };
        for other in used {
            match ROOMS.iter().position(|r| *r == other) {
                Some(p) if p < position => {}
                _ => wrong.push(format!(
                    "{} uses crate::{other}, which is not before {room}",
                    entry.path().strip_prefix(&src).unwrap().display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Every room listed exists, so the order stays true to the tree.
    let listed: BTreeSet<String> = ROOMS.iter().map(|r| r.to_string()).collect();
    assert_eq!(rooms_seen, listed);
}

#[test]
fn main_stays_a_few_lines() {
    let main = std::fs::read_to_string(examples().join("src/main.rs")).unwrap();
    let code = main
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
        .count();
    assert!(code <= 12, "src/main.rs has {code} lines of code");
}

#[test]
fn a_meetings_documents_and_open_data_reach_the_other_meetings_only_as_their_key_says() {
    // The inventory keeps each meeting's documents under a key of what
    // they are made from (`build::inventory::part_keys`): of the body's
    // other meetings, only `docs::Neighbours` (the § numbers, the last
    // meeting held, the next meeting's folder). A build takes a meeting's
    // open data as it is in out/ by the same key, and the seal of its
    // protokoll (`check::seal`), which the lock rule compares. So in
    // `src/docs/`, in the open data and in the seal, the body's meetings
    // and numbering are named only where those are taken, where the
    // years' documents (which have no key) are made, where a body's
    // meetings are gone through one by one, where a sealed meeting's
    // context is found among them, and by the filter's own list of dates;
    // a maker of a meeting's documents, open data or seal that named them
    // elsewhere would be kept under a key that does not say what it read.
    let allowed: &[(&str, &str)] = &[
        ("docs/delegation.rs", "previous_held"),
        ("docs/protokoll.rs", "next_folder"),
        ("docs/mod.rs", "neighbours"),
        ("docs/mod.rs", "context_of"),
        ("docs/mod.rs", "contexts"),
        ("docs/mod.rs", "part_of"),
        ("docs/mod.rs", "each_document_of"),
        ("docs/mod.rs", "each_document_of_years"),
        // `Filter::meetings`, the dates a build is filtered to.
        ("docs/mod.rs", "is_empty"),
        ("docs/mod.rs", "check"),
        ("docs/mod.rs", "wants"),
        ("site/opendata.rs", "files"),
        // The context of the meeting sealed, found among the body's.
        ("check/seal.rs", "seal_of"),
        ("check/seal.rs", "seal_before"),
        ("check/seal.rs", "seals"),
    ];
    // The makers of the years' documents read every meeting.
    let years = ["docs/plan.rs", "docs/uppfoljning.rs"];
    let src = examples().join("src");
    let mut files: Vec<String> = std::fs::read_dir(src.join("docs"))
        .unwrap()
        .map(|entry| {
            let name = entry.unwrap().file_name().to_string_lossy().to_string();
            format!("docs/{name}")
        })
        .collect();
    files.push("site/opendata.rs".to_string());
    files.push("check/seal.rs".to_string());
    let mut reached = Vec::new();
    for name in files {
        if years.contains(&name.as_str()) {
            continue;
        }
        let path = src.join(&name);
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for pattern in [".meetings", ".numbering", ".meeting(", "contexts("] {
            for (at, _) in code.match_indices(pattern) {
                // `.meetings` and `.numbering` as whole names.
                let after = code[at + pattern.len()..].chars().next();
                if after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                // The function it is in: the last line before it that
                // starts one (not a comment that names one).
                let before = &code[..at];
                let function = before
                    .lines()
                    .rev()
                    .find_map(|line| {
                        // Past `pub`, `pub(…)`, `const`, `async`, `unsafe`.
                        let mut line = line.trim_start();
                        loop {
                            let rest = if line.starts_with("pub(") {
                                line.split_once(") ").map(|(_, rest)| rest)
                            } else {
                                ["pub ", "const ", "async ", "unsafe "]
                                    .iter()
                                    .find_map(|word| line.strip_prefix(word))
                            };
                            match rest {
                                Some(rest) => line = rest,
                                None => break,
                            }
                        }
                        line.strip_prefix("fn ")
                    })
                    .map(|rest| {
                        rest.chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                if !allowed.contains(&(name.as_str(), function.as_str())) {
                    let line = before.lines().count();
                    reached.push(format!("src/{name}:{line} ({function}): {pattern}"));
                }
            }
        }
    }
    assert!(
        reached.is_empty(),
        "a meeting's documents or open data reach the other meetings outside docs::Neighbours:\n{}",
        reached.join("\n")
    );
}
