//! Persons: ids that exist, nobody listed twice or both present and absent,
//! substitutes serving for someone absent, officers who were there.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Context, finding, key, name};
use crate::error::Diagnostic;
use crate::repo::attendance;
use crate::repo::load::{ORGANISATION_FILE, nearest};
use crate::repo::model::{Body, ItemSpec, PersonRef, PersonRefValue, Repository};
use crate::sv;

/// The register's ids: each names one person, so none may be empty or
/// begin or end with an invisible space (`"": {namn: …}`, `"anna ":`).
pub fn register(repository: &Repository, found: &mut Vec<Diagnostic>) {
    let file = &repository.file;
    let text = repository
        .files
        .read(file, crate::repo::model::Limits::DEFAULT.yaml_bytes())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    for id in repository.organisation.persons.keys() {
        if !id.trim().is_empty() && id.trim() == id {
            continue;
        }
        let (line, column) = key_place(&text, id).unwrap_or((1, 1));
        let what = if id.trim().is_empty() {
            crate::lang::t!("rules-person-id-empty")
        } else {
            crate::lang::t!("rules-person-id-space", id = id)
        };
        found.push(
            finding(
                "person-id",
                crate::repo::model::Loc {
                    file: file.clone(),
                    line,
                    column,
                },
                crate::lang::t!("rules-person-id", what = what),
            )
            .with_hint(crate::lang::t!("rules-person-id-hint")),
        );
    }
}

/// The line and column of the key `id:` (plain, or in quotes) under
/// `personer:` in rsr.yaml's text.
fn key_place(text: &str, id: &str) -> Option<(u64, u64)> {
    let written = [format!("\"{id}\":"), format!("'{id}':"), format!("{id}:")];
    let mut in_register = false;
    for (index, line) in text.lines().enumerate() {
        let rest = line.trim_start();
        let depth = line.len() - rest.len();
        if depth == 0 && !rest.is_empty() && !rest.starts_with('#') {
            in_register = rest.starts_with("personer:");
            continue;
        }
        if in_register && written.iter().any(|key| rest.starts_with(key.as_str())) {
            let column = line[..depth].chars().count() as u64 + 1;
            return Some((index as u64 + 1, column));
        }
    }
    None
}

pub fn body(repository: &Repository, body: &Body, found: &mut Vec<Diagnostic>) {
    let file = &body.file;
    for member in &body.spec.members {
        unknown_person(repository, file, &member.person, found);
    }
    for delegation in &body.delegations {
        unknown_person(
            repository,
            &delegation.file,
            &delegation.spec.decided_by,
            found,
        );
    }
    // A person may be listed more than once when the entries are in force
    // at different times: a ledamot who becomes vice ordförande from a date.
    let members = &body.spec.members;
    for (index, member) in members.iter().enumerate() {
        if let (Some(from), Some(to)) = (&member.from, &member.to)
            && to.value < from.value
        {
            found.push(
                finding("member-period", to.loc(file), {
                    let person = name(repository, &member.person);
                    let to = sv::iso_date(to.value.0);
                    let from = sv::iso_date(from.value.0);
                    crate::lang::t!("rules-member-period", person = person, to = to, from = from)
                })
                .with_hint(crate::lang::t!("rules-member-period-hint")),
            );
            continue;
        }
        let earlier = members[..index]
            .iter()
            .find(|other| key(&other.person) == key(&member.person) && other.overlaps(member));
        if let Some(first) = earlier {
            found.push(
                finding("duplicate-person", member.person.loc(file), {
                    let person = name(repository, &member.person);
                    crate::lang::t!("rules-duplicate-member", person = person)
                })
                .with_hint({
                    let line = first.person.line;
                    crate::lang::t!("rules-duplicate-member-hint", line = line)
                }),
            );
        }
    }
}

/// Whoever decides at a meeting is a member of the body on its date, and a
/// substitute serves for someone who is: membership changes with a new
/// mandate period, and a protokoll shows the body as it was that day.
fn membership(context: &Context, found: &mut Vec<Diagnostic>) {
    let body = context.body;
    let Some(attendance) = &context.meeting.spec.attendance else {
        return;
    };
    // A body that lists no members has nothing to check against, and one
    // whose list names an unknown id is reported there.
    if body.spec.members.is_empty() || !context.members_resolved() {
        return;
    }
    let date = context.meeting.date();
    let deciding: Vec<&str> = body
        .spec
        .members_on(date)
        .filter(|m| m.role.votes())
        .map(|m| key(&m.person))
        .collect();
    let in_force: Vec<&str> = body.spec.members_on(date).map(|m| key(&m.person)).collect();
    let file = &context.meeting.file;
    // An id the register lacks is `unknown-person`'s, once.
    let registered = |person: &PersonRef| {
        matches!(person.value, PersonRefValue::Id(_))
            && context
                .repository
                .organisation
                .person(&person.value)
                .is_some()
    };
    let mut report = |person: &PersonRef, role: &str, among: &[&str]| {
        let who = name(context.repository, person);
        let body_name = &body.spec.short_name;
        let day = sv::iso_date(date);
        let period = period_of(body, person);
        let message = match &period {
            Some(period) => crate::lang::t!(
                "rules-not-a-member-period",
                person = who,
                role = role,
                body = body_name,
                date = &day,
                period = period
            ),
            None => crate::lang::t!(
                "rules-not-a-member",
                person = who,
                role = role,
                body = body_name,
                date = &day
            ),
        };
        let problem = finding("not-a-member", person.loc(file), message);
        let body_file = body.file.display().to_string();
        let hint = match (nearest(key(person), among), period) {
            (Some(near), _) if near != key(person) => {
                crate::lang::t!("rules-did-you-mean", near = near)
            }
            (_, Some(_)) => crate::lang::t!("rules-not-a-member-ended-hint", file = &body_file),
            _ => crate::lang::t!("rules-not-a-member-hint", file = &body_file),
        };
        found.push(problem.with_hint(hint));
    };
    for person in &attendance.present {
        if registered(person) && !deciding.contains(&key(person)) {
            report(person, "deciding", &deciding);
        }
    }
    for serving in &attendance.serving {
        if registered(&serving.person) && !in_force.contains(&key(&serving.person)) {
            report(&serving.person, "substitute", &in_force);
        }
        if registered(&serving.replaces) && !deciding.contains(&key(&serving.replaces)) {
            report(&serving.replaces, "replaced", &deciding);
        }
    }
}

/// "from 2027-01-01", "until 2026-12-31", "from 2023-01-01 until
/// 2026-12-31" (Swedish: "från …", "till och med …"): when a person is a
/// member of the body at all.
fn period_of(body: &Body, person: &PersonRef) -> Option<String> {
    let entries: Vec<String> = body
        .spec
        .members
        .iter()
        .filter(|m| key(&m.person) == key(person))
        .filter_map(|m| {
            let from = m
                .from
                .as_ref()
                .map(|d| crate::lang::t!("rules-period-from", date = sv::iso_date(d.value.0)));
            let to =
                m.to.as_ref()
                    .map(|d| crate::lang::t!("rules-period-until", date = sv::iso_date(d.value.0)));
            let parts: Vec<String> = from.into_iter().chain(to).collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        })
        .collect();
    (!entries.is_empty()).then(|| entries.join(", "))
}

pub fn meeting(context: &Context, found: &mut Vec<Diagnostic>) {
    membership(context, found);
    let repository = context.repository;
    let meeting = context.meeting;
    let spec = &meeting.spec;
    let file = meeting.file.as_path();

    let mut mentioned: Vec<&PersonRef> = spec
        .chair
        .iter()
        .chain(&spec.vice_chair)
        .chain(&spec.secretary)
        .chain(&spec.adjusters)
        .collect();
    if let Some(attendance) = &spec.attendance {
        mentioned.extend(attendance.present.iter().chain(&attendance.absent));
        mentioned.extend(
            attendance
                .serving
                .iter()
                .flat_map(|s| [&s.person, &s.replaces]),
        );
        mentioned.extend(attendance.others.iter().map(|o| &o.person));
    }
    for person in mentioned {
        unknown_person(repository, file, person, found);
    }
    for item in &meeting.items {
        for person in item_persons(&item.spec) {
            unknown_person(repository, &item.file, person, found);
        }
    }

    let Some(attendance) = &spec.attendance else {
        return;
    };
    let item_ids: Vec<&str> = meeting.items.iter().map(|item| item.id.as_str()).collect();
    let bounds = attendance
        .partial
        .iter()
        .flat_map(|p| p.from.iter().chain(&p.to))
        .chain(
            attendance
                .serving
                .iter()
                .flat_map(|s| s.from.iter().chain(&s.to)),
        );
    for wanted in attendance
        .others
        .iter()
        .flat_map(|o| &o.items)
        .chain(bounds)
    {
        if !item_ids.contains(&wanted.value.as_str()) {
            let mut problem = finding(
                "unknown-item",
                wanted.loc(file),
                crate::lang::t!("rules-unknown-item", item = &wanted.value),
            );
            if let Some(near) = nearest(&wanted.value, &item_ids) {
                problem = problem.with_hint(crate::lang::t!("rules-did-you-mean", near = near));
            }
            found.push(problem);
        }
    }
    // Everyone in the room, once: deciding members, serving substitutes, others.
    let mut in_room: Vec<&PersonRef> = attendance.present.iter().collect();
    in_room.extend(attendance.serving.iter().map(|s| &s.person));
    in_room.extend(attendance.others.iter().map(|o| &o.person));
    duplicates(repository, file, &in_room, Among::Present, found);
    duplicates(
        repository,
        file,
        &attendance.absent.iter().collect::<Vec<_>>(),
        Among::Absent,
        found,
    );

    let deciding: Vec<&str> = attendance
        .present
        .iter()
        .chain(attendance.serving.iter().map(|s| &s.person))
        .map(key)
        .collect();
    for absent in &attendance.absent {
        if deciding.contains(&key(absent)) {
            found.push(finding("present-and-absent", absent.loc(file), {
                let person = name(repository, absent);
                crate::lang::t!("rules-present-and-absent", person = person)
            }));
        }
    }
    for partial in &attendance.partial {
        if !deciding.contains(&key(&partial.person)) {
            found.push(
                finding("unknown-attendee", partial.person.loc(file), {
                    let person = name(repository, &partial.person);
                    crate::lang::t!("rules-unknown-attendee", person = person)
                })
                .with_hint(crate::lang::t!("rules-unknown-attendee-hint")),
            );
        }
    }
    duplicates(
        repository,
        file,
        &attendance
            .partial
            .iter()
            .map(|p| &p.person)
            .collect::<Vec<_>>(),
        Among::Partial,
        found,
    );
    for (index, serving) in attendance.serving.iter().enumerate() {
        // The replaced member may leave and be replaced from a paragraph on:
        // they must not decide at any item the substitute serves.
        let served = attendance::serving_span(meeting, attendance, index);
        let member = attendance::partial(meeting, attendance, &serving.replaces);
        let replaced_present = attendance
            .present
            .iter()
            .any(|p| key(p) == key(&serving.replaces));
        let overlap = replaced_present
            && (0..meeting.items.len().max(1)).any(|i| {
                served.is_none_or(|s| s.contains(i)) && member.is_none_or(|m| m.contains(i))
            });
        if overlap {
            found.push(
                finding("substitute-for-present", serving.replaces.loc(file), {
                    let substitute = name(repository, &serving.person);
                    let member = name(repository, &serving.replaces);
                    crate::lang::t!(
                        "rules-substitute-for-present",
                        substitute = substitute,
                        member = member
                    )
                })
                .with_hint(crate::lang::t!("rules-substitute-for-present-hint")),
            );
        }
    }

    // An unknown id is reported once, as unknown, not again as absent.
    let unknown = |person: &PersonRef| repository.organisation.person(&person.value).is_none();
    if let Some((source, chair)) = context.chair()
        && !unknown(chair)
        && !deciding.contains(&key(chair))
    {
        let mut problem = finding("chair-not-present", chair.loc(source), {
            let person = name(repository, chair);
            crate::lang::t!("rules-chair-not-present", person = person)
        });
        if source != file {
            let file = file.display().to_string();
            problem =
                problem.with_hint(crate::lang::t!("rules-chair-not-present-hint", file = file));
        }
        found.push(problem);
    }
    let everyone: Vec<&str> = in_room.iter().map(|p| key(p)).collect();
    if let Some((source, secretary)) = context.secretary()
        && !unknown(secretary)
        && !everyone.contains(&key(secretary))
    {
        found.push(
            finding("secretary-not-present", secretary.loc(source), {
                let person = name(repository, secretary);
                crate::lang::t!("rules-secretary-not-present", person = person)
            })
            .with_hint(crate::lang::t!("rules-secretary-not-present-hint")),
        );
    }
    for adjuster in &spec.adjusters {
        if !unknown(adjuster) && !deciding.contains(&key(adjuster)) {
            found.push(finding("adjuster-not-present", adjuster.loc(file), {
                let person = name(repository, adjuster);
                crate::lang::t!("rules-adjuster-not-present", person = person)
            }));
        }
    }
}

fn unknown_person(
    repository: &Repository,
    file: &Path,
    person: &PersonRef,
    found: &mut Vec<Diagnostic>,
) {
    if repository.organisation.person(&person.value).is_some() {
        return;
    }
    let id = person.value.key();
    if id.trim().is_empty() {
        found.push(
            finding(
                "unknown-person",
                person.loc(file),
                crate::lang::t!("rules-unknown-person-empty", file = ORGANISATION_FILE),
            )
            .with_hint(crate::lang::t!("rules-unknown-person-empty-hint")),
        );
        return;
    }
    let known: Vec<&str> = repository
        .organisation
        .persons
        .keys()
        .map(String::as_str)
        .collect();
    let mut problem = finding(
        "unknown-person",
        person.loc(file),
        crate::lang::t!("rules-unknown-person", id = id, file = ORGANISATION_FILE),
    )
    .with_subject(id);
    if let Some(near) = nearest(id, &known) {
        problem = problem.with_hint(crate::lang::t!("rules-did-you-mean", near = near));
    }
    found.push(problem);
}

/// Where in `närvaro:` a person is listed twice.
#[derive(Clone, Copy)]
enum Among {
    Present,
    Absent,
    Partial,
}

fn duplicates(
    repository: &Repository,
    file: &Path,
    people: &[&PersonRef],
    within: Among,
    found: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<&str, &PersonRef> = BTreeMap::new();
    for person in people {
        if let Some(first) = seen.insert(key(person), person) {
            let who = name(repository, person);
            let message = match within {
                Among::Present => crate::lang::t!("rules-duplicate-present", person = who),
                Among::Absent => crate::lang::t!("rules-duplicate-absent", person = who),
                Among::Partial => crate::lang::t!("rules-duplicate-partial", person = who),
            };
            let line = first.line;
            found.push(
                finding("duplicate-person", person.loc(file), message)
                    .with_hint(crate::lang::t!("rules-also-on-line", line = line)),
            );
        }
    }
}

/// Every person an item names.
fn item_persons(spec: &ItemSpec) -> impl Iterator<Item = &PersonRef> {
    let groups = spec
        .motions
        .iter()
        .map(|m| &m.by.value)
        .chain(spec.reservations.iter().map(|r| &r.by.value))
        .chain(
            spec.statements
                .iter()
                .chain(&spec.notes)
                .map(|s| &s.by.value),
        )
        .flatten();
    let vote = spec
        .vote
        .iter()
        .flat_map(|v| v.value.ballots().map(|(_, p)| p));
    let conflicts = spec
        .conflicts
        .iter()
        .flat_map(|c| std::iter::once(&c.person).chain(&c.substitute));
    let subitems = spec
        .subitems
        .iter()
        .filter_map(|s| s.structured())
        .flat_map(|s| s.presenters.iter().map(|p| &p.person).chain(&s.prepared_by));
    spec.presenters
        .iter()
        .map(|p| &p.person)
        .chain(&spec.prepared_by)
        .chain(subitems)
        .chain(groups)
        .chain(vote)
        .chain(conflicts)
}
