//! The decision record of one paragraph, written the way Swedish protokoll
//! write it: jäv, yrkanden, propositionsordning, omröstning with its vote
//! table and result, reservationer, särskilda yttranden and
//! protokollsanteckningar. Every sentence is composed here; the template
//! only places it.

use serde::Serialize;

use super::{Context, markdown, text, with_party};
use crate::docs::markdown::Block;
use crate::repo::attendance;
use crate::repo::model::{Ballot, BodyKind, PersonRef, Role, Vote};
use crate::sv;

#[derive(Debug, Default, Serialize)]
pub struct Record {
    /// "Per Ek (M) anmäler jäv och deltar inte i handläggningen av ärendet."
    pub conflicts: Vec<String>,
    /// "Anna Berg (S) yrkar bifall till förvaltningens förslag."
    pub motions: Vec<String>,
    pub order: Option<Vec<Block>>,
    pub vote: Option<VoteRecord>,
    pub reservations: Vec<Entry>,
    pub statements: Vec<Entry>,
    pub notes: Vec<Entry>,
}

/// A sentence naming who, and the text they gave, if any.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub text: String,
    pub content: Option<Vec<Block>>,
}

#[derive(Debug, Serialize)]
pub struct VoteRecord {
    /// "Ja-röst för förvaltningens förslag. Nej-röst för …"
    pub proposition: String,
    pub rows: Vec<VoteRow>,
    pub yes: usize,
    pub no: usize,
    pub abstain: usize,
    /// "Med 5 ja-röster mot 3 nej-röster beslutar nämnden enligt …"
    pub result: String,
    /// Whether the yes side won (with the chair's casting vote at a tie).
    #[serde(skip)]
    pub yes_wins: bool,
}

#[derive(Debug, Serialize)]
pub struct VoteRow {
    /// "Lisa Nord (M), tjänstgörande ersättare"
    pub name: String,
    /// How they voted; `None` for a deciding member the vote missed
    /// (which `rsr check` reports).
    pub ballot: Option<Ballot>,
}

pub fn record(context: &Context, index: usize) -> Record {
    let spec = &context.meeting.items[index].spec;
    let names = |people: &[PersonRef]| -> String {
        let names: Vec<String> = people
            .iter()
            .map(|p| with_party(&context.person(p)))
            .collect();
        sv::join_and(&names)
    };
    let conflicts = spec
        .conflicts
        .iter()
        .map(|conflict| {
            let mut text = format!(
                "{} anmäler jäv och deltar inte i handläggningen av ärendet.",
                names(std::slice::from_ref(&conflict.person))
            );
            if let Some(substitute) = &conflict.substitute {
                text.push_str(&format!(
                    " {} tjänstgör i stället.",
                    names(std::slice::from_ref(substitute))
                ));
            }
            text
        })
        .collect();
    let motions = spec
        .motions
        .iter()
        .map(|m| format!("{} yrkar {}.", names(&m.by.value), trimmed(&m.motion)))
        .collect();
    let reservations = spec
        .reservations
        .iter()
        .map(|r| {
            let against = r.against.as_deref().unwrap_or("beslutet");
            let who = names(&r.by.value);
            Entry {
                text: match &r.motivation {
                    Some(_) => format!(
                        "{who} reserverar sig mot {against} och lämnar följande skriftliga reservation:"
                    ),
                    None => format!("{who} reserverar sig mot {against}."),
                },
                content: markdown(r.motivation.as_deref()),
            }
        })
        .collect();
    let statement = |lead: &str, statements: &[crate::repo::model::Statement]| -> Vec<Entry> {
        statements
            .iter()
            .map(|s| Entry {
                text: format!("{} lämnar följande {lead}:", names(&s.by.value)),
                content: markdown(Some(&s.text)),
            })
            .collect()
    };
    Record {
        conflicts,
        motions,
        order: markdown(text(&spec.order)),
        vote: spec.vote.as_ref().map(|v| vote(context, index, &v.value)),
        reservations,
        statements: statement("särskilda yttrande", &spec.statements),
        notes: statement("protokollsanteckning", &spec.notes),
    }
}

pub fn vote(context: &Context, index: usize, vote: &Vote) -> VoteRecord {
    let ballot_of = |person: &PersonRef| {
        vote.ballots()
            .find(|(_, p)| p.value.key() == person.value.key())
            .map(|(ballot, _)| ballot)
    };
    let rows = attendance::deciding(context.meeting, index)
        .into_iter()
        .map(|person| {
            let name = with_party(&context.person(person));
            // A substitute serving as the meeting's vice chair is still one.
            let substitute = context.body_role(person) == Some(Role::Substitute);
            VoteRow {
                name: if substitute {
                    format!("{name}, tjänstgörande ersättare")
                } else {
                    name
                },
                ballot: ballot_of(person),
            }
        })
        .collect();
    let (yes, no, abstain) = (vote.yes.len(), vote.no.len(), vote.abstain.len());
    let chair = context.chair().map(|c| c.value.key());
    let chair_voted = |side: &[PersonRef]| side.iter().any(|p| Some(p.value.key()) == chair);
    let (yes_wins, casting) = match yes.cmp(&no) {
        std::cmp::Ordering::Greater => (true, false),
        std::cmp::Ordering::Less => (false, false),
        std::cmp::Ordering::Equal => (!chair_voted(&vote.no), true),
    };
    let winner = if yes_wins {
        &vote.yes_for
    } else {
        &vote.no_for
    };
    let mut result = format!(
        "Med {} mot {}",
        count(yes, "ja-röst", "ja-röster"),
        count(no, "nej-röst", "nej-röster")
    );
    if casting {
        result.push_str(" och ordförandens utslagsröst");
    }
    result.push_str(&format!(
        " beslutar {} enligt {}.",
        decider(context),
        trimmed(winner)
    ));
    if abstain > 0 {
        result.push_str(&format!(
            " {} från att rösta.",
            count(abstain, "ledamot avstår", "ledamöter avstår")
        ));
    }
    VoteRecord {
        proposition: format!(
            "Ja-röst för {}. Nej-röst för {}.",
            trimmed(&vote.yes_for),
            trimmed(&vote.no_for)
        ),
        rows,
        yes,
        no,
        abstain,
        result,
        yes_wins,
    }
}

/// "1 ja-röst", "5 ja-röster".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The body as the subject of a decision: "nämnden", "styrelsen".
fn decider(context: &Context) -> String {
    match context.body.spec.kind {
        BodyKind::Committee => "nämnden".into(),
        BodyKind::Board => "styrelsen".into(),
        BodyKind::Council => "fullmäktige".into(),
        BodyKind::Other => context.body.spec.name.clone(),
    }
}

/// A clause as written, without the full stop the sentence adds.
fn trimmed(text: &str) -> &str {
    text.trim().trim_end_matches('.')
}
