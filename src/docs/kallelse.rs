//! Kallelse/föredragningslista: who is called, when and where, and the
//! numbered agenda with each item's case number, time, presenters,
//! description, förslag till beslut, distribution and decision documents.

use serde::Serialize;

use super::{Context, Header, listed, markdown, text, titles};
use crate::markdown::Block;
use crate::model::{Item, ItemKind, Role};
use crate::sv;

pub const TITLE: &str = "Kallelse/föredragningslista";

#[derive(Debug, Serialize)]
pub struct Kallelse {
    #[serde(flatten)]
    pub header: Header,
    /// "måndag 26 januari 2026, kl. 13.15–16.00"
    pub time: String,
    pub place: String,
    pub chair: Vec<String>,
    /// Ledamöter, vice ordförande among them with their role.
    pub members: Vec<String>,
    pub substitutes: Vec<String>,
    pub secretary: Vec<String>,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Serialize)]
pub struct AgendaItem {
    /// 1, 2, 3 … in agenda order, breaks included, as the kallelse is read.
    pub number: usize,
    pub title: String,
    pub is_break: bool,
    pub case_number: Option<String>,
    /// "13.25"
    pub time: Option<String>,
    /// "Anna Frisk och Jan Persson"
    pub presenters: Option<String>,
    pub description: Option<Vec<Block>>,
    pub proposal: Option<Vec<Block>>,
    pub distribution: Vec<String>,
    pub documents: Vec<String>,
    /// For a confidential item, which is shown by its public title only.
    pub secrecy: Option<String>,
}

pub fn data(context: &Context) -> Kallelse {
    let spec = &context.meeting.spec;
    let members_with = |wanted: &[Role]| -> Vec<String> {
        context
            .body
            .spec
            .members
            .iter()
            .filter(|member| wanted.contains(&member.role))
            .map(|member| {
                let name = listed(&context.person(&member.person));
                match member.role {
                    Role::ViceChair => format!("{name}, vice ordförande"),
                    _ => name,
                }
            })
            .collect()
    };
    Kallelse {
        header: context.header(TITLE),
        time: format!(
            "{}, {}",
            sv::long_date(context.meeting.date()),
            sv::time_span(spec.start.value, spec.end.as_ref().map(|end| end.value))
        ),
        place: spec.place.clone(),
        chair: context
            .chair()
            .map(|chair| listed(&context.person(chair)))
            .into_iter()
            .collect(),
        members: members_with(&[Role::ViceChair, Role::Member]),
        substitutes: members_with(&[Role::Substitute]),
        secretary: context
            .secretary()
            .map(|s| context.person(s).name)
            .into_iter()
            .collect(),
        items: context
            .meeting
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| agenda_item(context, index + 1, item))
            .collect(),
    }
}

fn agenda_item(context: &Context, number: usize, item: &Item) -> AgendaItem {
    let spec = &item.spec;
    let presenters: Vec<String> = spec
        .presenters
        .iter()
        .map(|p| context.presenter(p))
        .collect();
    // A kallelse is a public document: a confidential item shows only its
    // public title and case number; the members get its papers separately.
    if let Some(secrecy) = &spec.secrecy {
        return AgendaItem {
            number,
            title: spec.public_title().to_string(),
            is_break: false,
            case_number: text(&spec.case_number).map(str::to_string),
            time: spec.time.as_ref().map(|time| time.value.to_string()),
            presenters: None,
            description: None,
            proposal: None,
            distribution: Vec::new(),
            documents: Vec::new(),
            secrecy: Some(format!(
                "Sekretess enligt {}. Handlingarna lämnas ut separat till ledamöterna.",
                secrecy.ground
            )),
        };
    }
    AgendaItem {
        number,
        title: spec.title.clone(),
        is_break: spec.kind == ItemKind::Break,
        case_number: text(&spec.case_number).map(str::to_string),
        time: spec.time.as_ref().map(|time| time.value.to_string()),
        presenters: Some(sv::join_and(&presenters)).filter(|p| !p.is_empty()),
        description: markdown(spec.description.as_deref()),
        proposal: markdown(text(&spec.proposal)),
        distribution: spec.distribution.clone(),
        documents: titles(&spec.documents),
        secrecy: None,
    }
}
