//! Swedish dates and times as they are written in public documents:
//! "måndag 17 november 2025", "kl. 13.00–15.30", "28–32". Typst's own date
//! names are English, so all of this is done here.

pub mod holidays;
pub mod personnummer;

use chrono::{Datelike, NaiveDate, Weekday};

use std::fmt;

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// En dash, used in every range.
pub const DASH: char = '–';

/// The date of this run, for what depends on the day (the site's coming
/// meetings, the default date of a justering): the day of
/// `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when it is set, as the
/// reproducible-builds convention asks, so that the same data and the same
/// epoch give the same site whenever it is built; else the local date.
pub fn today() -> NaiveDate {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|epoch| epoch.trim().parse::<i64>().ok())
        .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
        .map(|moment| moment.date_naive())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

pub fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "måndag",
        Weekday::Tue => "tisdag",
        Weekday::Wed => "onsdag",
        Weekday::Thu => "torsdag",
        Weekday::Fri => "fredag",
        Weekday::Sat => "lördag",
        Weekday::Sun => "söndag",
    }
}

/// "17 november 2025"
pub fn date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "16 februari"
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), MONTHS[date.month0() as usize])
}

/// "måndag 17 november 2025"
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {}", weekday(date), self::date(date))
}

/// "2025-11-17"
pub fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// "kl. 13.00–15.30", or "kl. 13.00" without an end.
pub fn time_span<T: fmt::Display>(start: T, end: Option<T>) -> String {
    match end {
        Some(end) => format!("kl. {start}{DASH}{end}"),
        None => format!("kl. {start}"),
    }
}

/// "28–32", or "28" for a single number, or "" for none.
pub fn number_range(first: u32, last: u32) -> String {
    match first.cmp(&last) {
        std::cmp::Ordering::Less => format!("{first}{DASH}{last}"),
        _ => first.to_string(),
    }
}

/// "§ 31", "§§ 28–32", "§§ 121–122 och 124": paragraph numbers in
/// ascending order, runs joined by a dash; "" for none.
pub fn paragraphs(numbers: &[u32]) -> String {
    paragraphs_joined(numbers, join_and)
}

/// The same, the runs joined by `join` ("och", or another language's word).
pub fn paragraphs_joined(numbers: &[u32], join: impl Fn(&[String]) -> String) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => runs.push((n, n)),
        }
    }
    let parts: Vec<String> = runs.iter().map(|&(a, b)| number_range(a, b)).collect();
    match numbers {
        [] => String::new(),
        [one] => format!("§ {one}"),
        _ => format!("§§ {}", join(&parts)),
    }
}

/// "A", "A och B", "A, B och C".
pub fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// "a)", "b)", … "z)", then "aa)".
pub fn letter(index: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    let mut label = String::new();
    let mut n = index;
    loop {
        label.insert(0, letters[n % 26] as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    label + ")"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_lists_join_runs_with_a_dash() {
        assert_eq!(paragraphs(&[]), "");
        assert_eq!(paragraphs(&[31]), "§ 31");
        assert_eq!(paragraphs(&[28, 29, 30, 31, 32]), "§§ 28–32");
        assert_eq!(paragraphs(&[121, 122, 124]), "§§ 121–122 och 124");
        assert_eq!(paragraphs(&[1, 3, 5]), "§§ 1, 3 och 5");
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_read_as_in_a_swedish_protokoll() {
        assert_eq!(long_date(day(2025, 11, 17)), "måndag 17 november 2025");
        assert_eq!(long_date(day(2025, 11, 26)), "onsdag 26 november 2025");
        assert_eq!(long_date(day(2026, 1, 12)), "måndag 12 januari 2026");
        assert_eq!(iso_date(day(2026, 1, 26)), "2026-01-26");
    }

    #[test]
    fn ranges_use_an_en_dash() {
        let t = |s: &str| s.parse::<crate::repo::model::Time>().unwrap();
        assert_eq!(time_span(t("13:00"), Some(t("15:30"))), "kl. 13.00–15.30");
        assert_eq!(time_span(t("9:30"), None), "kl. 09.30");
        assert_eq!(number_range(28, 32), "28–32");
        assert_eq!(number_range(7, 7), "7");
    }

    #[test]
    fn lists_join_with_och() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            join_and(&names(&["Anna Frisk", "Jan Persson"])),
            "Anna Frisk och Jan Persson"
        );
        assert_eq!(join_and(&names(&["A", "B", "C"])), "A, B och C");
        assert_eq!(join_and(&names(&["A"])), "A");
    }

    #[test]
    fn sub_items_are_lettered() {
        assert_eq!(letter(0), "a)");
        assert_eq!(letter(3), "d)");
        assert_eq!(letter(26), "aa)");
    }
}
