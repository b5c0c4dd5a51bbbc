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
