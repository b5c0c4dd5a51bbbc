//! No personal identity number on the web: a Swedish personnummer or
//! samordningsnummer (10 or 12 digits, with or without `-` or `+` before
//! the last four; a real date, for a samordningsnummer its day plus 60; the
//! last digit the Luhn check of the other nine) in a YAML file whose text
//! reaches a published document or the site is `personal-number`, at its
//! line and column. A confidential item's file is left out (only the
//! internal protokoll carries it), and so is a number the item allows
//! (`tillåtna_personnummer:`); comments reach no document.

use std::path::Path;

use super::finding;
use crate::error::Diagnostic;
use crate::repo::model::{Body, Loc, Repository};
use crate::sv::personnummer;

/// The largest file read for the scan (larger ones are refused when the
/// repository is loaded).
const LIMIT: u64 = 64 * 1024 * 1024;

/// The repository's own file (rsr.yaml).
pub fn repository(repository: &Repository, found: &mut Vec<Diagnostic>) {
    scan(repository, vec![(repository.file.as_path(), &[])], found);
}

/// A body's files: its body.yaml, its meetings and their items (but a
/// confidential one), its registers. As the repository's, the findings are
/// not the body's to turn down: `regler:` does not apply to them.
pub fn body(repository: &Repository, body: &Body, found: &mut Vec<Diagnostic>) {
    let mut files: Vec<(&Path, &[String])> = vec![(&body.file, &[])];
    for meeting in &body.meetings {
        files.push((&meeting.file, &[]));
        for item in &meeting.items {
            if item.spec.secrecy.is_none() {
                files.push((&item.file, &item.spec.allowed_numbers));
            }
        }
    }
    files.extend(body.delegations.iter().map(|d| (d.file.as_path(), &[][..])));
    files.extend(body.motions.iter().map(|m| (m.file.as_path(), &[][..])));
    scan(repository, files, found);
}

fn scan(repository: &Repository, mut files: Vec<(&Path, &[String])>, found: &mut Vec<Diagnostic>) {
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);
    for (file, allowed) in files {
        // Those of a file loading read were found as it was read.
        let found_in = match repository.files.personal_numbers(file) {
            Some(known) => known,
            None => {
                let Ok(bytes) = repository.files.read(file, LIMIT) else {
                    continue;
                };
                personnummer::numbers(&String::from_utf8_lossy(&bytes))
            }
        };
        for (line, column, number) in found_in {
            if allowed.iter().any(|a| normal(a) == normal(&number)) {
                continue;
            }
            let at = Loc {
                file: file.to_path_buf(),
                line,
                column,
            };
            found.push(
                finding(
                    "personal-number",
                    at,
                    crate::lang::t!("check-personal-number", number = masked(&number)),
                )
                .with_hint(crate::lang::t!("check-personal-number-hint")),
            );
        }
    }
}

/// The number with its last four digits hidden, so that the message does
/// not spread it further: "19121212-XXXX".
fn masked(number: &str) -> String {
    let keep = number.chars().count().saturating_sub(4);
    number
        .chars()
        .enumerate()
        .map(|(n, c)| if n >= keep { 'X' } else { c })
        .collect()
}

/// The ten digits that identify the person: without century and separator.
fn normal(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(10)..].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_hides_the_last_four_digits() {
        assert_eq!(masked("19121212-1212"), "19121212-XXXX");
        assert_eq!(normal("19121212-1212"), normal("1212121212"));
    }
}
