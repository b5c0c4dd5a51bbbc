//! The decision record of each paragraph: only those deciding at a paragraph
//! move, vote and reserve; a vote counts every one of them once; a member
//! with jäv takes no part; a tie is decided by the chair's vote.

use super::{Context, finding, key, name};
use crate::error::Diagnostic;
use crate::repo::attendance;
use crate::repo::model::{Item, PersonRef};

pub fn meeting(context: &Context, found: &mut Vec<Diagnostic>) {
    if context.meeting.spec.attendance.is_none() {
        return;
    }
    for (index, item) in context.meeting.items.iter().enumerate() {
        paragraph(context, index, item, found);
    }
}

fn paragraph(context: &Context, index: usize, item: &Item, found: &mut Vec<Diagnostic>) {
    let repository = context.repository;
    let file = item.file.as_path();
    let spec = &item.spec;
    let deciding_people = attendance::deciding(context.meeting, index);
    let deciding: Vec<&str> = deciding_people.iter().map(|p| key(p)).collect();
    let conflicted: Vec<&str> = spec.conflicts.iter().map(|c| key(&c.person)).collect();

    // Someone with jäv who still took part, or someone not deciding at all.
    let mut took_part = |person: &PersonRef, acting: &str, rule: &'static str| {
        if deciding.contains(&key(person)) || unknown(context, person) {
            return;
        }
        let who = name(repository, person);
        found.push(if conflicted.contains(&key(person)) {
            finding(
                "conflict-took-part",
                person.loc(file),
                format!("{who} has declared jäv for this item, but {acting}"),
            )
            .with_hint("a member with jäv takes no part in the item: no motion, vote or reservation")
        } else {
            finding(
                rule,
                person.loc(file),
                format!("{who} {acting}, but is not among those deciding this item"),
            )
            .with_hint(
                "only members present and substitutes serving decide; check `närvaro:` and `del_av_mötet:`",
            )
        });
    };

    for motion in &spec.motions {
        for person in &motion.by.value {
            took_part(person, "made a motion", "motion-not-deciding");
        }
    }
    for reservation in &spec.reservations {
        for person in &reservation.by.value {
            took_part(
                person,
                "reserved against the decision",
                "reservation-not-deciding",
            );
        }
    }
    let Some(vote) = &spec.vote else {
        return;
    };
    for (_, person) in vote.value.ballots() {
        took_part(person, "voted", "vote-not-deciding");
    }

    let mut voted = Vec::new();
    for (_, person) in vote.value.ballots() {
        if voted.contains(&key(person)) {
            found.push(finding(
                "duplicate-person",
                person.loc(file),
                format!("{} is listed twice in the vote", name(repository, person)),
            ));
        }
        voted.push(key(person));
    }
    let missing: Vec<&PersonRef> = deciding_people
        .into_iter()
        .filter(|p| !voted.contains(&key(p)))
        .collect();
    if !missing.is_empty() {
        let names: Vec<String> = missing
            .iter()
            .map(|p| name(repository, p).to_string())
            .collect();
        found.push(
            finding(
                "vote-count",
                vote.loc(file),
                format!(
                    "the vote counts {} of the {} members deciding this item; not counted: {}",
                    deciding.len() - missing.len(),
                    deciding.len(),
                    crate::sv::join_and(&names)
                ),
            )
            .with_hint("every member deciding the item votes ja, nej or avstår"),
        );
    }
    let (yes, no) = (vote.value.yes.len(), vote.value.no.len());
    if yes == no && yes > 0 {
        let chair = context.chair().map(|(_, chair)| key(chair));
        let casting = vote
            .value
            .yes
            .iter()
            .chain(&vote.value.no)
            .any(|p| Some(key(p)) == chair);
        if !casting {
            found.push(
                finding(
                    "vote-tie",
                    vote.loc(file),
                    format!(
                        "the vote is tied, {yes} to {no}, and the chair did not vote ja or nej"
                    ),
                )
                .with_hint("at a tie the chair's vote decides (utslagsröst)"),
            );
        }
    }
}

fn unknown(context: &Context, person: &PersonRef) -> bool {
    context
        .repository
        .organisation
        .person(&person.value)
        .is_none()
}
