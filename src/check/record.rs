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
    // `acting` names what they did, as the catalogue's selector: `motion`,
    // `reservation` or `vote`.
    let mut took_part = |person: &PersonRef, acting: &str, rule: &'static str| {
        if deciding.contains(&key(person)) || unknown(context, person) {
            return;
        }
        let who = name(repository, person);
        found.push(if conflicted.contains(&key(person)) {
            finding(
                "conflict-took-part",
                person.loc(file),
                crate::lang::t!("rules-conflict-took-part", person = who, acting = acting),
            )
            .with_hint(crate::lang::t!("rules-conflict-took-part-hint"))
        } else {
            finding(
                rule,
                person.loc(file),
                crate::lang::t!("rules-not-deciding", person = who, acting = acting),
            )
            .with_hint(crate::lang::t!("rules-not-deciding-hint"))
        });
    };

    for motion in &spec.motions {
        for person in &motion.by.value {
            took_part(person, "motion", "motion-not-deciding");
        }
    }
    for reservation in &spec.reservations {
        for person in &reservation.by.value {
            took_part(person, "reservation", "reservation-not-deciding");
        }
    }
    let Some(vote) = &spec.vote else {
        return;
    };
    for (_, person) in vote.value.ballots() {
        took_part(person, "vote", "vote-not-deciding");
    }

    let mut voted = Vec::new();
    for (_, person) in vote.value.ballots() {
        if voted.contains(&key(person)) {
            found.push(finding("duplicate-person", person.loc(file), {
                let person = name(repository, person);
                crate::lang::t!("rules-duplicate-vote", person = person)
            }));
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
            finding("vote-count", vote.loc(file), {
                let counted = deciding.len() - missing.len();
                let names = crate::lang::join_and(&names);
                crate::lang::t!(
                    "rules-vote-count",
                    counted = counted,
                    deciding = deciding.len(),
                    names = names
                )
            })
            .with_hint(crate::lang::t!("rules-vote-count-hint")),
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
                    crate::lang::t!("rules-vote-tie", yes = yes, no = no),
                )
                .with_hint(crate::lang::t!("rules-vote-tie-hint")),
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
