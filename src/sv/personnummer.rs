//! Swedish personal identity numbers: a personnummer or samordningsnummer
//! (10 or 12 digits, with or without `-` or `+` before the last four; a
//! real date, for a samordningsnummer its day plus 60; the last digit the
//! Luhn check of the other nine), found in a YAML text outside its
//! comments. `check::privacy` says where one may not stand.

use chrono::NaiveDate;

/// A number found: its line and column (from 1) and the number as written.
pub type Found = (u64, u64, String);

/// The personal identity numbers in `text` outside comments, each with its
/// line and column (from 1) and as written.
pub fn numbers(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        // Most lines hold too few digits for one.
        if line.bytes().filter(u8::is_ascii_digit).take(10).count() < 10 {
            continue;
        }
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
}
