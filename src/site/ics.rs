//! Calendars of meetings in iCalendar (RFC 5545): CRLF line ends, lines
//! folded at 75 octets without splitting a character, text escaped, one
//! VEVENT per meeting with a UID that stays the same from build to build
//! and is the organisation's own, its revisions (SEQUENCE, DTSTAMP,
//! LAST-MODIFIED) from the repository's history, local times in
//! Europe/Stockholm with its VTIMEZONE.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::repo::model::{Body, Meeting, Organisation, Status};
use crate::sv;

/// What the repository's history says of a meeting's YAML files (its
/// meeting.yaml and items): how many commits changed them, and the times
/// (seconds since 1970, UTC) of the first and the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Revision {
    pub commits: u32,
    pub created: i64,
    pub modified: i64,
}

/// The revisions of the meetings, by meeting folder (relative to the
/// root); empty without a git history.
pub type Revisions = BTreeMap<PathBuf, Revision>;

/// The time zone of every meeting: Sweden's, with the EU's summer time
/// rules (since 1996: last Sunday of March 02:00 to last Sunday of October
/// 03:00).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19960331T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// A calendar named `name` holding each body's events as `events` made
/// them: the calendar of all and each body's own are made of the same.
pub fn calendar(name: &str, events: &[&str]) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:-//rsr//rsr {}//SV", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".into(),
        format!("X-WR-CALNAME:{}", text(name)),
        "X-WR-TIMEZONE:Europe/Stockholm".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|line| line.to_string()));
    let mut calendar: String = lines.iter().map(|line| fold(line)).collect();
    calendar.extend(events.iter().copied());
    calendar.push_str(&fold("END:VCALENDAR"));
    calendar
}

/// The events of a body's meetings, each revised as `revisions` says,
/// folded as a calendar holds them.
pub fn events(organisation: &Organisation, body: &Body, revisions: &Revisions) -> String {
    let identity = organisation.identity();
    body.meetings
        .iter()
        .flat_map(|meeting| event(&identity, body, meeting, revisions.get(&meeting.dir)))
        .map(|line| fold(&line))
        .collect()
}

fn event(
    identity: &str,
    body: &Body,
    meeting: &Meeting,
    revision: Option<&Revision>,
) -> Vec<String> {
    let spec = &meeting.spec;
    let date = meeting.date();
    let start = spec.start.value;
    // Without an end time, none: rsr does not invent one (RFC 5545
    // 3.6.1: the event then ends when it starts).
    let end = spec.end.as_ref().map(|e| e.value);
    let local = |hour: u8, minute: u8| format!("{}T{hour:02}{minute:02}00", date.format("%Y%m%d"));
    let utc = |seconds: i64| {
        chrono::DateTime::from_timestamp(seconds, 0)
            .unwrap_or_default()
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
    };
    // When the event was last revised: the last commit that changed the
    // meeting's files; without a history, the day the kallelse was sent or
    // the meeting's.
    let stamp = match revision {
        Some(revision) => utc(revision.modified),
        None => spec
            .called_on
            .as_ref()
            .map_or(date, |d| d.value.0)
            .format("%Y%m%dT000000Z")
            .to_string(),
    };
    let items: Vec<&str> = meeting
        .items
        .iter()
        .map(|item| item.spec.public_title())
        .collect();
    let cancelled = meeting.status().is_cancelled();
    let mut summary = format!("{} sammanträder", body.spec.name);
    let mut description = format!("{}, {}.", body.spec.name, sv::long_date(date));
    if cancelled {
        summary = format!("Inställt: {summary}");
        description = format!(
            "Sammanträdet med {} {} {} är inställt.",
            body.spec.name,
            sv::long_date(date),
            sv::time_span(start, None)
        );
        let reason = spec.reason.as_ref().map(|r| r.value.trim());
        if let Some(reason) = reason.filter(|r| !r.is_empty()) {
            description.push_str(&format!("\n{reason}"));
        }
    } else if !items.is_empty() {
        description.push_str("\nÄrenden:");
        for title in items {
            description.push_str(&format!("\n– {title}"));
        }
    }
    let mut lines: Vec<String> = Vec::new();
    lines.extend([
        "BEGIN:VEVENT".into(),
        // The organisation, the body and the date identify a meeting (a
        // body meets once a day): a UUID of them, the same from build to
        // build and another for another organisation (RFC 7986 5.3).
        format!(
            "UID:{}",
            crate::site::uuid(identity, &format!("{}/{}", body.slug, sv::iso_date(date)))
        ),
        format!("DTSTAMP:{stamp}"),
        format!(
            "DTSTART;TZID=Europe/Stockholm:{}",
            local(start.hour, start.minute)
        ),
    ]);
    if let Some(end) = end {
        lines.push(format!(
            "DTEND;TZID=Europe/Stockholm:{}",
            local(end.hour, end.minute)
        ));
    }
    lines.extend([
        format!("SUMMARY:{}", text(&summary)),
        format!("LOCATION:{}", text(&spec.place)),
        format!("DESCRIPTION:{}", text(&description)),
        format!(
            "STATUS:{}",
            match meeting.status() {
                Status::Planned => "TENTATIVE",
                Status::Cancelled => "CANCELLED",
                _ => "CONFIRMED",
            }
        ),
    ]);
    // Each revision of the event grows its SEQUENCE (RFC 5545 3.8.7.4), so
    // that clients replace what they hold rather than keep both: with a
    // history, each commit after the first that changed the meeting's
    // files (a change of time, place, status or ärenden; one that changes
    // less counts too, which clients take as newer all the same), with
    // CREATED and LAST-MODIFIED from the first and the last. Without one,
    // a cancelled event is the one revision known.
    match revision {
        Some(revision) => {
            lines.push(format!("SEQUENCE:{}", revision.commits.saturating_sub(1)));
            lines.push(format!("CREATED:{}", utc(revision.created)));
            lines.push(format!("LAST-MODIFIED:{}", utc(revision.modified)));
        }
        None if cancelled => lines.push("SEQUENCE:1".into()),
        None => {}
    }
    // A cancelled meeting no longer blocks the time.
    lines.push(
        if cancelled {
            "TRANSP:TRANSPARENT"
        } else {
            "TRANSP:OPAQUE"
        }
        .into(),
    );
    lines.push("END:VEVENT".into());
    lines
}

/// A folder name as letters, digits and dashes, for a UID or an HTML id.
pub fn token(slug: &str) -> String {
    slug.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newline
/// escaped; other control characters dropped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded (RFC 5545 3.1): at most 75 octets per line, a
/// continuation starting with a space, never inside a UTF-8 character;
/// every line ended by CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if octets + width > 75 {
            out.push_str("\r\n ");
            // The space counts towards the continuation line.
            octets = 1;
        }
        out.push(c);
        octets += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("DESCRIPTION:{}", "åäö".repeat(40));
        let folded = fold(&line);
        for physical in folded.split_terminator("\r\n") {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn text_escapes_what_rfc_5545_reserves() {
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
