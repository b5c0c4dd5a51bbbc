//! Who decides at each item of a held meeting: the members present then,
//! substitutes serving then, less those with jäv and plus the substitutes
//! who serve in their place. Used by the protokoll (attendance per §, the
//! vote table) and by `rsr check` (votes, reservations, motions).

use crate::repo::model::{Attendance, Located, Meeting, PersonRef};

/// The items (by index in the meeting) at which someone took part, from the
/// first to the last, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: usize,
    pub last: usize,
}

impl Span {
    pub fn contains(self, index: usize) -> bool {
        (self.first..=self.last).contains(&index)
    }
}

/// The index of the item with this id; `None` for an id the meeting lacks
/// (which `rsr check` reports as an unknown item).
pub fn position(meeting: &Meeting, id: &str) -> Option<usize> {
    meeting.items.iter().position(|item| item.id == id)
}

/// The items between `from` and `to`, each defaulting to the meeting's
/// first and last item.
fn span(meeting: &Meeting, from: &Option<Located<String>>, to: &Option<Located<String>>) -> Span {
    let end = meeting.items.len().saturating_sub(1);
    let at = |bound: &Option<Located<String>>, default| {
        bound
            .as_ref()
            .and_then(|b| position(meeting, &b.value))
            .unwrap_or(default)
    };
    Span {
        first: at(from, 0),
        last: at(to, end),
    }
}

/// The part of the meeting a deciding member attended, when it was not the
/// whole of it.
pub fn partial(meeting: &Meeting, attendance: &Attendance, person: &PersonRef) -> Option<Span> {
    attendance
        .partial
        .iter()
        .find(|p| p.person.value.key() == person.value.key())
        .map(|p| span(meeting, &p.from, &p.to))
}

/// The part of the meeting a substitute served, when it was not the whole.
pub fn serving_span(meeting: &Meeting, attendance: &Attendance, index: usize) -> Option<Span> {
    let serving = &attendance.serving[index];
    let own = (serving.from.is_some() || serving.to.is_some())
        .then(|| span(meeting, &serving.from, &serving.to));
    match (own, partial(meeting, attendance, &serving.person)) {
        (Some(a), Some(b)) => Some(Span {
            first: a.first.max(b.first),
            last: a.last.min(b.last),
        }),
        (a, b) => a.or(b),
    }
}

/// Whether someone listed as deciding was there at item `index`.
fn attends(span: Option<Span>, index: usize) -> bool {
    span.is_none_or(|span| span.contains(index))
}

/// Who decides at item `index`, in the order the attendance lists them:
/// members present, then substitutes serving; a member with jäv is left out
/// and the substitute named in their place follows.
pub fn deciding(meeting: &Meeting, index: usize) -> Vec<&PersonRef> {
    let Some(attendance) = &meeting.spec.attendance else {
        return Vec::new();
    };
    let members = attendance
        .present
        .iter()
        .filter(|p| attends(partial(meeting, attendance, p), index));
    let serving = attendance
        .serving
        .iter()
        .enumerate()
        .filter(|(n, _)| attends(serving_span(meeting, attendance, *n), index))
        .map(|(_, s)| &s.person);
    let mut deciding: Vec<&PersonRef> = members.chain(serving).collect();
    if let Some(item) = meeting.items.get(index) {
        for conflict in &item.spec.conflicts {
            deciding.retain(|p| p.value.key() != conflict.person.value.key());
            deciding.extend(&conflict.substitute);
        }
    }
    deciding
}
