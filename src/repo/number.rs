//! § numbering: paragraphs run per body per calendar year. A meeting may pin
//! its first number (a repository that starts mid-year), or say which §
//! the meetings missing before it ended at (a hole in the history: it
//! resumes at the next); otherwise it continues from the body's previous
//! meeting that year, or starts at 1 on the first meeting of a year. Breaks
//! get no paragraph, and an inställd meeting none at all: the next meeting
//! continues from the one before it.

use chrono::Datelike;

use crate::repo::model::{Body, ItemKind, Meeting};

/// The § number of each item of one meeting, `None` for breaks.
pub type Paragraphs = Vec<Option<u32>>;

/// Numbers every meeting of a body; the result follows `body.meetings`
/// (which the loader keeps sorted by date).
pub fn number_body(body: &Body) -> Vec<Paragraphs> {
    number_with(&body.meetings, start)
}

/// Numbers meetings (sorted by date) with `start` saying where a meeting's
/// numbering resumes, if it says; `rsr check` asks what other starts would
/// number.
pub fn number_with(
    meetings: &[Meeting],
    start: impl Fn(&Meeting) -> Option<u32>,
) -> Vec<Paragraphs> {
    let mut year = None;
    let mut next = 1;
    meetings
        .iter()
        .map(|meeting| {
            if meeting.status().is_cancelled() {
                return vec![None; meeting.items.len()];
            }
            if year != Some(meeting.date().year()) {
                year = Some(meeting.date().year());
                next = 1;
            }
            if let Some(first) = start(meeting) {
                next = first;
            }
            number_meeting(meeting, &mut next)
        })
        .collect()
}

/// Where a meeting's numbering resumes, if it says: `första_paragraf`, else
/// the § after `föregående_paragraf`. (`rsr check` reports the two when
/// they disagree.)
pub fn start(meeting: &Meeting) -> Option<u32> {
    let spec = &meeting.spec;
    spec.first_paragraph.as_ref().map(|f| f.value).or_else(|| {
        spec.previous_paragraph
            .as_ref()
            .map(|p| p.value.saturating_add(1))
    })
}

fn number_meeting(meeting: &Meeting, next: &mut u32) -> Paragraphs {
    meeting
        .items
        .iter()
        .map(|item| match item.spec.kind {
            ItemKind::Break => None,
            ItemKind::Matter | ItemKind::Standard | ItemKind::Information => {
                let number = *next;
                // Saturating: `rsr check` reports a first number this high.
                *next = next.saturating_add(1);
                Some(number)
            }
        })
        .collect()
}

/// The first and last § of a meeting, if it has any.
pub fn span(paragraphs: &Paragraphs) -> Option<(u32, u32)> {
    let mut numbers = paragraphs.iter().flatten();
    let first = *numbers.next()?;
    Some((first, numbers.last().copied().unwrap_or(first)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repo::model::{BodySpec, Item, ItemSpec, Located, MeetingSpec};
    use std::path::PathBuf;

    fn meeting(date: &str, first: Option<u32>, kinds: &[ItemKind]) -> Meeting {
        let pin = first
            .map(|n| format!("första_paragraf: {n}\n"))
            .unwrap_or_default();
        let yaml = format!("datum: {date}\nstart: '13:00'\nplats: Rummet\nstatus: kallad\n{pin}");
        let spec: MeetingSpec = serde_saphyr::from_str(&yaml).unwrap();
        let items = kinds
            .iter()
            .enumerate()
            .map(|(i, kind)| {
                let mut spec: ItemSpec = serde_saphyr::from_str("rubrik: Ärende").unwrap();
                spec.kind = *kind;
                Item {
                    id: format!("i{i}"),
                    file: PathBuf::new(),
                    spec,
                }
            })
            .collect();
        Meeting {
            dir: PathBuf::new(),
            file: PathBuf::new(),
            spec,
            items,
            lock: None,
            signed_folder: false,
        }
    }

    fn body(meetings: Vec<Meeting>) -> Body {
        let spec: BodySpec = serde_saphyr::from_str("namn: Nämnden\nkortnamn: N\n").unwrap();
        Body::new("n".into(), PathBuf::new(), spec, meetings)
    }

    const M: ItemKind = ItemKind::Matter;
    const B: ItemKind = ItemKind::Break;

    #[test]
    fn a_pinned_start_is_kept_and_continued_within_the_year() {
        let numbers = number_body(&body(vec![
            meeting("2025-11-17", Some(28), &[M, M, M, M, M]),
            meeting("2025-12-15", None, &[M, M]),
        ]));
        assert_eq!(
            numbers[0],
            vec![Some(28), Some(29), Some(30), Some(31), Some(32)]
        );
        assert_eq!(numbers[1], vec![Some(33), Some(34)]);
        assert_eq!(span(&numbers[0]), Some((28, 32)));
    }

    #[test]
    fn numbering_restarts_on_the_first_of_january() {
        let numbers = number_body(&body(vec![
            meeting("2025-12-15", Some(40), &[M, M]),
            meeting("2026-01-12", None, &[M, M]),
        ]));
        assert_eq!(numbers[1], vec![Some(1), Some(2)]);
    }

    #[test]
    fn a_cancelled_meeting_gets_no_numbers_and_the_next_continues_before_it() {
        let mut cancelled = meeting("2026-02-09", None, &[M, M]);
        cancelled.spec.status.value = crate::repo::model::Status::Cancelled;
        let numbers = number_body(&body(vec![
            meeting("2026-01-12", None, &[M, M]),
            cancelled,
            meeting("2026-03-09", None, &[M]),
        ]));
        assert_eq!(numbers[1], vec![None, None]);
        assert_eq!(numbers[2], vec![Some(3)]);
    }

    #[test]
    fn a_stated_previous_paragraph_resumes_after_it() {
        let mut resumed = meeting("2026-09-14", None, &[M, M]);
        resumed.spec.previous_paragraph = serde_saphyr::from_str("57").ok();
        let numbers = number_body(&body(vec![meeting("2026-01-12", None, &[M]), resumed]));
        assert_eq!(numbers[1], vec![Some(58), Some(59)]);
    }

    #[test]
    fn breaks_get_no_paragraph() {
        let numbers = number_body(&body(vec![meeting("2026-01-26", None, &[M, M, B, M])]));
        assert_eq!(numbers[0], vec![Some(1), Some(2), None, Some(3)]);
        assert_eq!(span(&vec![None]), None);
    }

    #[test]
    fn location_wrapper_is_transparent() {
        let date: Located<crate::repo::model::Date> = serde_saphyr::from_str("2026-01-26").unwrap();
        assert_eq!((date.line, date.column), (1, 1));
    }
}
