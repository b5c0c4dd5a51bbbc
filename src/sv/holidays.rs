//! Swedish working days, for the dates of an anslagsbevis. Public holidays
//! (lag 1989:253 om allmänna helgdagar) plus midsommarafton, julafton and
//! nyårsafton, which lag (1930:173) om beräkning av lagstadgad tid treats
//! like holidays when a deadline falls on them.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday (the anonymous Gregorian computus).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// Whether no deadline can end on this day: a weekend, a public holiday, or
/// one of the eves the law treats alike.
pub fn is_holiday(date: NaiveDate) -> bool {
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return true;
    }
    let (month, day) = (date.month(), date.day());
    let fixed = matches!(
        (month, day),
        (1, 1) | (1, 6) | (5, 1) | (6, 6) | (12, 24) | (12, 25) | (12, 26) | (12, 31)
    );
    // Midsommarafton is the Friday between 19 and 25 June.
    let midsummer_eve = month == 6 && (19..=25).contains(&day) && date.weekday() == Weekday::Fri;
    let easter = easter(date.year());
    let offset = (date - easter).num_days();
    // Långfredagen, annandag påsk, Kristi himmelsfärds dag.
    let movable = matches!(offset, -2 | 1 | 39);
    fixed || midsummer_eve || movable
}

/// The first working day after `date`.
pub fn next_working_day(date: NaiveDate) -> NaiveDate {
    let mut day = date + Days::new(1);
    while is_holiday(day) {
        day = day + Days::new(1);
    }
    day
}

/// `date`, or the next working day if a deadline cannot end on it.
pub fn working_day_from(date: NaiveDate) -> NaiveDate {
    if is_holiday(date) {
        next_working_day(date)
    } else {
        date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2024), day(2024, 3, 31));
        assert_eq!(easter(2025), day(2025, 4, 20));
        assert_eq!(easter(2026), day(2026, 4, 5));
        assert_eq!(easter(2027), day(2027, 3, 28));
    }

    #[test]
    fn holidays_and_eves() {
        for holiday in [
            day(2026, 1, 1),
            day(2026, 1, 6),
            day(2026, 4, 3), // långfredagen
            day(2026, 4, 6), // annandag påsk
            day(2026, 5, 1),
            day(2026, 5, 14), // Kristi himmelsfärds dag
            day(2026, 6, 19), // midsommarafton
            day(2026, 12, 24),
            day(2026, 12, 31),
        ] {
            assert!(is_holiday(holiday), "{holiday}");
        }
        for working in [
            day(2026, 4, 7),
            day(2026, 6, 18),
            day(2026, 6, 22),
            day(2026, 12, 30),
        ] {
            assert!(!is_holiday(working), "{working}");
        }
    }

    #[test]
    fn next_working_day_skips_weekends_and_christmas() {
        assert_eq!(next_working_day(day(2026, 3, 6)), day(2026, 3, 9)); // Friday → Monday
        assert_eq!(next_working_day(day(2025, 12, 23)), day(2025, 12, 29));
        assert_eq!(next_working_day(day(2025, 12, 30)), day(2026, 1, 2));
        assert_eq!(working_day_from(day(2026, 12, 24)), day(2026, 12, 28));
    }
}
