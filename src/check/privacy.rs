//! No personal identity number on the web: a Swedish personnummer or
//! samordningsnummer (10 or 12 digits, with or without `-` or `+` before
//! the last four; a real date, for a samordningsnummer its day plus 60; the
//! last digit the Luhn check of the other nine) in a YAML file whose text
//! reaches a published document or the site is `personal-number`, at its
//! line and column. A confidential item's file is left out (only the
//! internal protokoll carries it), and so is a number the item allows
//! (`tillåtna_personnummer:`); comments reach no document.

use std::path::Path;

use chrono::NaiveDate;

use super::finding;
use crate::error::Diagnostic;
use crate::repo::model::{Body, Loc, Repository};

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
        let Ok(bytes) = repository.files.read(file, LIMIT) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for (line, column, number) in numbers(&text) {
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

/// The personal identity numbers in `text` outside comments, each with its
/// line and column (from 1) and as written.
pub fn numbers(text: &str) -> Vec<(u64, u64, String)> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = &line[..comment_start(line)];
        let chars: Vec<char> = line.chars().collect();
        let mut at = 0;
        while at < chars.len() {
            if !chars[at].is_ascii_digit() || (at > 0 && chars[at - 1].is_ascii_digit()) {
                at += 1;
                continue;
            }
            let mut end = at;
            while end < chars.len() && chars[end].is_ascii_digit() {
                end += 1;
            }
            // One separator before the last four digits.
            if end < chars.len()
                && matches!(chars[end], '-' | '+')
                && chars.len() >= end + 5
                && chars[end + 1..end + 5].iter().all(char::is_ascii_digit)
                && chars.get(end + 5).is_none_or(|c| !c.is_ascii_digit())
            {
                end += 5;
            }
            let token: String = chars[at..end].iter().collect();
            if is_personal_number(&token) {
                found.push((index as u64 + 1, at as u64 + 1, token));
            }
            at = end.max(at + 1);
        }
    }
    found
}

/// Where a line's comment begins: a `#` at its start or after a space,
/// outside quotes; the line's length without one.
fn comment_start(line: &str) -> usize {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (at, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => return at,
            None => {}
        }
        previous = c;
    }
    line.len()
}

/// Whether a token of digits (and at most one `-` or `+` before the last
/// four) is a personnummer or samordningsnummer.
pub fn is_personal_number(token: &str) -> bool {
    let (head, tail) = match token.find(['-', '+']) {
        Some(at) => (&token[..at], &token[at + 1..]),
        None if token.len() >= 4 => token.split_at(token.len() - 4),
        None => return false,
    };
    if tail.len() != 4 || !(head.len() == 6 || head.len() == 8) {
        return false;
    }
    let digits: Vec<u32> = head
        .chars()
        .chain(tail.chars())
        .filter_map(|c| c.to_digit(10))
        .collect();
    if digits.len() != head.len() + 4 {
        return false;
    }
    let ten = &digits[digits.len() - 10..];
    let value = |from: usize, to: usize| ten[from..to].iter().fold(0, |n, d| n * 10 + d);
    let (year, month, mut day) = (value(0, 2), value(2, 4), value(4, 6));
    // A samordningsnummer: the day of birth plus 60.
    if day > 60 {
        day -= 60;
    }
    let centuries: Vec<u32> = if digits.len() == 12 {
        vec![digits[0] * 10 + digits[1]]
    } else {
        vec![19, 20]
    };
    let real = centuries.iter().any(|century| {
        NaiveDate::from_ymd_opt((century * 100 + year) as i32, month, day).is_some()
    });
    real && luhn(ten)
}

/// The Luhn check: the last digit makes the weighted sum of all ten a
/// multiple of ten (weights 2, 1, 2, … from the first).
fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let weighted = if n % 2 == 0 { d * 2 } else { *d };
            weighted / 10 + weighted % 10
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        numbers(text).into_iter().map(|(_, _, n)| n).collect()
    }

    #[test]
    fn personal_numbers_are_found_in_every_form() {
        // Skatteverket's test person Tolvan Tolvansson, written four ways.
        for written in ["19121212-1212", "191212121212", "121212-1212", "1212121212"] {
            assert_eq!(
                found(&format!("ärende: Ansökan från {written}.")),
                [written]
            );
        }
        // Over a hundred years old: `+`.
        assert_eq!(found("121212+1212"), ["121212+1212"]);
        // A samordningsnummer: the day plus 60 (12 → 72).
        let samordning = "701272-";
        let check = (0..10)
            .map(|d| format!("{samordning}123{d}"))
            .find(|n| is_personal_number(n))
            .unwrap();
        assert_eq!(found(&check), std::slice::from_ref(&check));
        // Where it stands.
        assert_eq!(numbers("a: 1\nb: x 19121212-1212\n")[0].0, 2);
        assert_eq!(numbers("a: 1\nb: x 19121212-1212\n")[0].1, 6);
    }

    #[test]
    fn what_only_looks_alike_is_not_one() {
        for text in [
            // The Luhn digit wrong.
            "19121212-1213",
            "1212121213",
            // No such day: 30 February, month 13, day 0, day 92.
            "19120230-1214",
            "121312-1212",
            "121200-1212",
            "121292-1212",
            // Case numbers, dates, phone numbers, amounts, times.
            "KS 2026-0312",
            "BMN 2026-0244",
            "RS/12/2026",
            "KN/12/2026",
            "2026-10-14",
            "2026-10-14T09:00",
            "063-14 00 00",
            "070-123 45 67",
            "010-123 45 00",
            "1 310 kronor",
            "186 400 kronor",
            "22,14 kronor",
            "kl. 13.15–16.00",
            // Too many digits around it.
            "1191212121212",
            "19121212-12123",
            // In a comment.
            "rubrik: Bidrag # 19121212-1212",
            "# 19121212-1212",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // Quoted, a `#` is text, and what follows it is read.
        assert_eq!(found("rubrik: \"Nr # 19121212-1212\""), ["19121212-1212"]);
    }

    #[test]
    fn the_message_hides_the_last_four_digits() {
        assert_eq!(masked("19121212-1212"), "19121212-XXXX");
        assert_eq!(normal("19121212-1212"), normal("1212121212"));
    }
}
