//! Open data: `out/<body>/<YYYY-MM-DD>.json`, one file per meeting with its
//! agenda, decisions and votes, in a stable shape modelled on OParl 1.1
//! (Meeting, AgendaItem, Paper, File, Person, Organization, Location) and
//! Popolo (VoteEvent, Count, Vote). docs/site-and-open-data.md documents the shape and where
//! it departs from both; `rsr schema open-data` prints its schema.
//!
//! A file says no more than the published PDFs say: the agenda from the
//! moment the kallelse is sent, attendance and decisions once the protokoll
//! is adjusted (a paragraph adjusted at the meeting once it is held), and of
//! a confidential item only its public title, paragraph, case number and
//! ground.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use crate::docs::{self, Context, Document, OpenData, Scope};
use crate::error::Error;
use crate::output::manifest::Manifest;
use crate::repo::attendance;
use crate::repo::model::{
    self, Ballot, BodyKind, ItemKind, Mode, PersonRef, PersonRefValue, Role, Status, Time,
};
use crate::sv;

/// The value of every file's `format`; raised when a field changes meaning
/// or disappears (adding a field keeps it).
pub const FORMAT: &str = "rsr-open-data/1";

/// One meeting (OParl `Meeting`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
#[schemars(title = "rsr open data: one meeting")]
pub struct Meeting {
    #[schemars(extend("const" = "rsr-open-data/1"))]
    pub format: &'static str,
    #[serde(rename = "type")]
    #[schemars(extend("const" = "Meeting"))]
    pub kind: &'static str,
    /// `<body>/<YYYY-MM-DD>`: stable, and unique within the repository.
    pub id: String,
    /// "Bygg- och miljönämnden 2026-10-14"
    pub name: String,
    pub organization: Organization,
    /// The meeting's status as in meeting.yaml.
    pub meeting_state: Status,
    /// True for a meeting with `status: inställd` (`meetingState`
    /// `inställd`), which has no agenda, attendance or decisions here.
    pub cancelled: bool,
    /// Why the meeting is cancelled, as meeting.yaml's `anledning` gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancellation_reason: Option<String>,
    /// Start, RFC 3339 with the Swedish offset of that day.
    pub start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub location: Location,
    /// How the meeting is held, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// The kallelse, once sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitation: Option<File>,
    /// The protokoll (its public version, where there is one), once
    /// adjusted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results_protocol: Option<File>,
    /// How far the protokoll is signed digitally, where the repository
    /// holds a signed protokoll that verifies; `resultsProtocol` is then
    /// that signed PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatures: Option<Signatures>,
    /// Protokollsutdrag and anslagsbevis.
    pub auxiliary_file: Vec<File>,
    /// Members and others present, once the protokoll is adjusted.
    pub participant: Vec<Participant>,
    /// Members reported absent, once the protokoll is adjusted.
    pub absent: Vec<Person>,
    /// When and by whom the protokoll was adjusted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub justering: Option<Justering>,
    /// Formal corrections made after justering.
    pub corrections: Vec<Correction>,
    /// The topics the sammanträdesplan lists for the meeting.
    pub topics: Vec<Topic>,
    /// The agenda, once the kallelse is sent; in the meeting's order.
    pub agenda_item: Vec<AgendaItem>,
}

/// A topic planned for a meeting.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Topic {
    pub name: String,
    /// Who presents it, often a function: "Inköpschef".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
}

/// The body that meets (OParl `Organization`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    #[serde(rename = "type")]
    #[schemars(extend("const" = "Organization"))]
    pub kind: &'static str,
    /// The body's folder name under meetings/.
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub classification: BodyKind,
    /// The region, municipality or joint body it belongs to.
    pub parent: String,
}

/// Where the meeting is held (OParl `Location`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Location {
    #[serde(rename = "type")]
    #[schemars(extend("const" = "Location"))]
    pub kind: &'static str,
    /// As meeting.yaml writes it.
    pub description: String,
}

/// The digital signatures of a protokoll (docs/signering.md).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Signatures {
    /// Signatures that hold (the checks of `rsr verifiera`).
    pub signed: usize,
    /// The protokoll's signature fields: one per person who signs it.
    pub fields: usize,
    /// Whether every field is signed.
    pub complete: bool,
}

/// A published PDF (OParl `File`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
pub struct File {
    #[serde(rename = "type")]
    #[schemars(extend("const" = "File"))]
    pub kind: &'static str,
    /// "Protokollsutdrag § 121"
    pub name: String,
    pub file_name: String,
    /// Relative to this JSON file: the PDFs lie beside it.
    pub access_url: String,
    #[schemars(extend("const" = "application/pdf"))]
    pub mime_type: &'static str,
    /// Bytes.
    pub size: u64,
    /// Hex SHA-512 of the file's bytes.
    pub sha512_checksum: String,
}

/// A person (OParl and Popolo `Person`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Person {
    /// The id in rsr.yaml's register; absent for a guest named only in the
    /// meeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    /// Party abbreviation, e.g. `S`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The organisation or municipality represented (for a presenter, the
    /// one given for the item, if any).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// For a presenter, the title given for this item (`föredragande:
    /// [{person: …, titel: …}]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl Person {
    /// What identifies the person within a meeting: the id, or a guest's
    /// name.
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.name)
    }
}

/// Someone present at the meeting.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Participant {
    #[serde(flatten)]
    pub person: Person,
    #[schemars(extend("enum" = ["ordförande", "vice ordförande", "ledamot", "ersättare", "tjänstgörande ersättare", "sekreterare", "övrig närvarande"]))]
    pub role: &'static str,
    /// For `övrig närvarande`: in what capacity, e.g. "förbundschef".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For a serving substitute: whom they replace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Person>,
    /// The paragraphs attended, when not the whole meeting.
    pub paragraphs: Vec<u32>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Justering {
    /// YYYY-MM-DD.
    pub date: String,
    pub adjusters: Vec<Person>,
}

/// A formal correction of the adjusted protokoll.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Correction {
    /// YYYY-MM-DD.
    pub date: String,
    /// The § corrected, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Person>,
}

/// One item of the agenda (OParl `AgendaItem`). Text fields hold Markdown
/// as the secretary wrote it.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    #[serde(rename = "type")]
    #[schemars(extend("const" = "AgendaItem"))]
    pub kind: &'static str,
    /// `<body>/<YYYY-MM-DD>/<item>`, the item being its file name without
    /// the ordering prefix and `.yaml`.
    pub id: String,
    /// The § as text ("121"); absent for a break.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The § as a number; absent for a break.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// Position on the agenda, from 1.
    pub order: usize,
    pub classification: ItemKind,
    /// The title; for a confidential item the title public documents show.
    pub name: String,
    /// False for a confidential item: then only its number, name, case
    /// number and `secrecyGround` are given.
    pub public: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrecy_ground: Option<String>,
    /// The planned time, RFC 3339.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The matter's case and its documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consultation: Option<Paper>,
    pub presenters: Vec<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Underpunkter a), b) …: a line of text each, or a sub-item with a
    /// heading of its own.
    pub subitems: Vec<SubItem>,
    /// Förslag till beslut, as the kallelse gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    /// The decision, once published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution_text: Option<String>,
    /// Adjusted at the meeting (omedelbar justering).
    pub immediate_adjustment: bool,
    pub conflicts: Vec<Conflict>,
    pub motions: Vec<Motion>,
    /// Propositionsordning.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposition_order: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote_event: Option<VoteEvent>,
    pub reservations: Vec<Reservation>,
    /// Särskilda yttranden.
    pub statements: Vec<Statement>,
    /// Protokollsanteckningar.
    pub notes: Vec<Statement>,
}

/// A sub-item: a line of text (Markdown) as written, or one with a heading
/// of its own and the fields of an item.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum SubItem {
    Text(String),
    Item(SubAgendaItem),
}

/// A sub-item with a heading of its own. Text fields hold Markdown as the
/// secretary wrote it; the decision once published.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
pub struct SubAgendaItem {
    /// "a)"
    pub label: String,
    /// The title: "Verksamhetsidé".
    pub name: String,
    pub presenters: Vec<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Förslag till beslut, as the kallelse gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    /// The decision, once published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution_text: Option<String>,
    /// The titles of the beslutsunderlag.
    pub auxiliary_file: Vec<String>,
    /// Underlag framtaget av.
    pub originator_person: Vec<Person>,
    /// Expedieras till.
    pub distribution: Vec<String>,
}

/// The matter an item decides (OParl `Paper`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
pub struct Paper {
    #[serde(rename = "type")]
    #[schemars(extend("const" = "Paper"))]
    pub kind: &'static str,
    /// Diarienummer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The titles of the beslutsunderlag.
    pub auxiliary_file: Vec<String>,
    /// Underlag framtaget av.
    pub originator_person: Vec<Person>,
    /// Expedieras till.
    pub distribution: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Conflict {
    pub person: Person,
    /// The substitute who served instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitute: Option<Person>,
}

/// A motion (Popolo `Motion`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Motion {
    pub creators: Vec<Person>,
    /// What was moved, as it follows "yrkar": "avslag".
    pub text: String,
}

/// An open vote (Popolo `VoteEvent`, with its counts and votes).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct VoteEvent {
    /// `<item id>/omröstning`.
    pub identifier: String,
    /// The body's id.
    pub organization_id: String,
    /// YYYY-MM-DD.
    pub start_date: String,
    /// What a yes and a no are for.
    pub motion: VoteMotion,
    /// `yes` when the yes side won, `no` when the no side did (a tie is
    /// settled by the chair's casting vote).
    pub result: Ballot,
    /// The result as the protokoll words it.
    pub result_text: String,
    pub counts: Vec<Count>,
    pub votes: Vec<Vote>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct VoteMotion {
    /// "förvaltningens förslag"
    pub yes: String,
    /// "Per Eks (M) yrkande om avslag"
    pub no: String,
}

#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Count {
    pub option: Ballot,
    pub value: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Vote {
    /// The register id, or the name of a guest.
    pub voter_id: String,
    pub voter: Person,
    pub option: Ballot,
}

#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Reservation {
    pub by: Vec<Person>,
    /// Against what, as it follows "reserverar sig mot": "beslutet".
    pub against: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motivation: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Statement {
    pub by: Vec<Person>,
    pub text: String,
}

/// Makes every meeting's file and hands it to `emit` as (path under `out/`,
/// bytes), but for those in `as_before` (by that path), which the caller
/// knows to be as they would be made. `documents` are the documents that
/// are published: those that may be and exist in `out`.
pub fn files(
    repository: &model::Repository,
    documents: &[&Document],
    out: &Path,
    manifest: &Manifest,
    as_before: &std::collections::BTreeSet<PathBuf>,
    emit: &mut crate::site::Emit,
) -> Result<(), Error> {
    // Each body's files made in parallel, written in order, a round of as
    // many bodies as there are threads at a time: a round's files are let go
    // before the next is made. Those of a body whose files are as they would
    // be made are not made. A body's meetings are made in parallel too, on
    // the cores the round's other bodies leave free: after a change to one
    // body, the others' files are as before, and of that body those of the
    // meetings the change reached are made.
    for round in repository.bodies.chunks(crate::repo::parallel::threads()) {
        let per_body = crate::repo::parallel::each(round, |body| {
            let wanted =
                |meeting: &model::Meeting| !as_before.contains(&path(&body.slug, meeting.date()));
            if !body.meetings.iter().any(wanted) {
                return Vec::new();
            }
            // Each meeting's documents, sorted out once.
            let mut of_meeting: BTreeMap<NaiveDate, Vec<&Document>> = BTreeMap::new();
            for document in documents {
                if document.body == body.slug && document.kind.spec().scope != Scope::Year {
                    of_meeting.entry(document.date).or_default().push(document);
                }
            }
            let contexts: Vec<Context> = docs::contexts(&repository.organisation, body)
                .filter(|context| wanted(context.meeting))
                .collect();
            crate::repo::parallel::each(&contexts, |context| {
                let own: Vec<&Document> = of_meeting
                    .get(&context.meeting.date())
                    .cloned()
                    .unwrap_or_default();
                let meeting = meeting(context, &own, out, manifest);
                // Plain structs of strings and numbers always serialize.
                let mut text = serde_json::to_string_pretty(&meeting).unwrap_or_default();
                text.push('\n');
                (path(&body.slug, context.meeting.date()), text.into_bytes())
            })
        });
        for (path, bytes) in per_body.into_iter().flatten() {
            emit(path, bytes)?;
        }
    }
    Ok(())
}

/// Where a meeting's file goes, relative to `out/`.
pub fn path(body: &str, date: NaiveDate) -> PathBuf {
    PathBuf::from(body).join(format!("{}.json", sv::iso_date(date)))
}

/// The data of one meeting.
pub fn meeting(
    context: &Context,
    documents: &[&Document],
    out: &Path,
    manifest: &Manifest,
) -> Meeting {
    let m = context.meeting;
    let spec = &m.spec;
    let body = context.body;
    let date = m.date();
    let id = format!("{}/{}", body.slug, sv::iso_date(date));
    let adjusted = m.status().reached(Status::Adjusted);
    let file = |document: &Document| self::file(document, out, manifest);
    Meeting {
        format: FORMAT,
        kind: "Meeting",
        id: id.clone(),
        name: format!("{} {}", body.spec.name, sv::iso_date(date)),
        organization: Organization {
            kind: "Organization",
            id: body.slug.clone(),
            name: body.spec.name.clone(),
            short_name: body.spec.short_name.clone(),
            classification: body.spec.kind,
            parent: docs::organisation_of(context.organisation, body),
        },
        meeting_state: m.status(),
        cancelled: m.status().is_cancelled(),
        cancellation_reason: spec
            .reason
            .as_ref()
            .filter(|_| m.status().is_cancelled())
            .map(|r| r.value.trim().to_string())
            .filter(|r| !r.is_empty()),
        start: timestamp(date, spec.start.value),
        end: spec.end.as_ref().map(|end| timestamp(date, end.value)),
        location: Location {
            kind: "Location",
            description: spec.place.clone(),
        },
        mode: spec.mode,
        invitation: documents
            .iter()
            .find(|d| d.kind.spec().open_data == OpenData::Invitation)
            .and_then(|d| file(d)),
        results_protocol: documents
            .iter()
            .find(|d| d.kind.spec().open_data == OpenData::ResultsProtocol)
            .and_then(|d| match crate::site::signed_copy(manifest, d) {
                Some(copy) => signed_file(d, copy),
                None => file(d),
            }),
        signatures: documents
            .iter()
            .find(|d| d.kind.spec().open_data == OpenData::ResultsProtocol)
            .and_then(|d| crate::site::signed_copy(manifest, d))
            .map(|copy| Signatures {
                signed: copy.signed,
                fields: copy.fields,
                complete: copy.signed == copy.fields,
            }),
        auxiliary_file: documents
            .iter()
            .filter(|d| d.kind.spec().open_data == OpenData::Auxiliary)
            .filter_map(|d| match crate::site::signed_copy(manifest, d) {
                Some(copy) => signed_file(d, copy),
                None => file(d),
            })
            .collect(),
        participant: if adjusted {
            participants(context)
        } else {
            Vec::new()
        },
        absent: match (&spec.attendance, adjusted) {
            (Some(attendance), true) => attendance
                .absent
                .iter()
                .map(|p| person(context, p))
                .collect(),
            _ => Vec::new(),
        },
        justering: spec
            .justering
            .as_ref()
            .filter(|_| adjusted)
            .map(|j| Justering {
                date: sv::iso_date(j.date.value.0),
                adjusters: spec.adjusters.iter().map(|p| person(context, p)).collect(),
            }),
        corrections: spec
            .corrections
            .iter()
            .filter(|_| adjusted)
            .map(|c| Correction {
                date: sv::iso_date(c.date.value.0),
                paragraph: c.paragraph.as_ref().map(|p| p.value),
                text: c.text.trim().to_string(),
                by: c.by.as_ref().map(|p| person(context, p)),
            })
            .collect(),
        topics: spec
            .topics
            .iter()
            .map(|t| Topic {
                name: t.topic.clone(),
                presenter: t.presenter.clone(),
            })
            .collect(),
        agenda_item: if m.status().reached(Status::Called) {
            (0..m.items.len())
                .map(|index| agenda_item(context, &id, index))
                .collect()
        } else {
            Vec::new()
        },
    }
}

fn agenda_item(context: &Context, meeting_id: &str, index: usize) -> AgendaItem {
    let m = context.meeting;
    let item = &m.items[index];
    let spec = &item.spec;
    let id = format!("{meeting_id}/{}", item.id);
    let paragraph = context.paragraphs[index];
    let case_number = spec.case_number.as_ref().map(|c| c.value.clone());
    let people = |list: &[PersonRef]| list.iter().map(|p| person(context, p)).collect();
    let mut agenda = AgendaItem {
        kind: "AgendaItem",
        id: id.clone(),
        number: paragraph.map(|n| n.to_string()),
        paragraph,
        order: index + 1,
        classification: spec.kind,
        name: spec.public_title().to_string(),
        public: spec.secrecy.is_none(),
        secrecy_ground: spec.secrecy.as_ref().map(|s| s.legal()),
        start: spec
            .time
            .as_ref()
            .map(|time| timestamp(m.date(), time.value)),
        consultation: None,
        presenters: Vec::new(),
        description: None,
        subitems: Vec::new(),
        proposal: None,
        resolution_text: None,
        immediate_adjustment: spec.immediate,
        conflicts: Vec::new(),
        motions: Vec::new(),
        proposition_order: None,
        vote_event: None,
        reservations: Vec::new(),
        statements: Vec::new(),
        notes: Vec::new(),
    };
    if spec.secrecy.is_some() {
        agenda.consultation = case_number.map(|reference| Paper {
            kind: "Paper",
            reference: Some(reference),
            auxiliary_file: Vec::new(),
            originator_person: Vec::new(),
            distribution: Vec::new(),
        });
        return agenda;
    }
    let has_paper = case_number.is_some()
        || !spec.documents.is_empty()
        || !spec.prepared_by.is_empty()
        || !spec.distribution.is_empty();
    agenda.consultation = has_paper.then(|| Paper {
        kind: "Paper",
        reference: case_number,
        auxiliary_file: spec
            .documents
            .iter()
            .map(|d| d.value.title().to_string())
            .collect(),
        originator_person: people(&spec.prepared_by),
        distribution: spec.distribution.clone(),
    });
    agenda.presenters = presenters(context, &spec.presenters);
    agenda.description = spec.description.clone();
    agenda.proposal = spec.proposal.as_ref().map(|p| p.value.clone());

    // The decision record is public once its paragraph is adjusted.
    let published = m.status().reached(Status::Adjusted)
        || (spec.immediate && m.status().reached(Status::Held));
    agenda.subitems = spec
        .subitems
        .iter()
        .enumerate()
        .map(|(index, subitem)| match subitem {
            model::SubItem::Text(text) => SubItem::Text(text.clone()),
            model::SubItem::Item(sub) => SubItem::Item(SubAgendaItem {
                label: sv::letter(index),
                name: sub.title.clone(),
                presenters: presenters(context, &sub.presenters),
                description: sub.description.clone(),
                proposal: sub.proposal.as_ref().map(|p| p.value.clone()),
                resolution_text: sub
                    .decision
                    .as_ref()
                    .filter(|_| published)
                    .map(|d| d.value.clone()),
                auxiliary_file: sub
                    .documents
                    .iter()
                    .map(|d| d.value.title().to_string())
                    .collect(),
                originator_person: people(&sub.prepared_by),
                distribution: sub.distribution.clone(),
            }),
        })
        .collect();
    if !published {
        return agenda;
    }
    agenda.resolution_text = context.body.decision_of(m, spec).map(str::to_string);
    agenda.conflicts = spec
        .conflicts
        .iter()
        .map(|c| Conflict {
            person: person(context, &c.person),
            substitute: c.substitute.as_ref().map(|s| person(context, s)),
        })
        .collect();
    agenda.motions = spec
        .motions
        .iter()
        .map(|motion| Motion {
            creators: people(&motion.by.value),
            text: motion.motion.trim().to_string(),
        })
        .collect();
    agenda.proposition_order = spec.order.as_ref().map(|o| o.value.clone());
    agenda.vote_event = spec
        .vote
        .as_ref()
        .map(|vote| vote_event(context, &id, index, &vote.value));
    agenda.reservations = spec
        .reservations
        .iter()
        .map(|r| Reservation {
            by: people(&r.by.value),
            against: r.against.clone().unwrap_or_else(|| "beslutet".into()),
            motivation: r.motivation.clone(),
        })
        .collect();
    let statements = |list: &[model::Statement]| {
        list.iter()
            .map(|s| Statement {
                by: people(&s.by.value),
                text: s.text.clone(),
            })
            .collect()
    };
    agenda.statements = statements(&spec.statements);
    agenda.notes = statements(&spec.notes);
    agenda
}

fn vote_event(context: &Context, item_id: &str, index: usize, vote: &model::Vote) -> VoteEvent {
    let record = docs::record::vote(context, index, vote);
    VoteEvent {
        identifier: format!("{item_id}/omröstning"),
        organization_id: context.body.slug.clone(),
        start_date: sv::iso_date(context.meeting.date()),
        motion: VoteMotion {
            yes: vote.yes_for.trim().to_string(),
            no: vote.no_for.trim().to_string(),
        },
        result: if record.yes_wins {
            Ballot::Yes
        } else {
            Ballot::No
        },
        result_text: record.result,
        counts: vec![
            Count {
                option: Ballot::Yes,
                value: record.yes,
            },
            Count {
                option: Ballot::No,
                value: record.no,
            },
            Count {
                option: Ballot::Abstain,
                value: record.abstain,
            },
        ],
        votes: vote
            .ballots()
            .map(|(ballot, voter)| Vote {
                voter_id: voter.value.key().to_string(),
                voter: person(context, voter),
                option: ballot,
            })
            .collect(),
    }
}

/// Members present, substitutes serving, others present, the secretary.
fn participants(context: &Context) -> Vec<Participant> {
    let m = context.meeting;
    let Some(attendance) = &m.spec.attendance else {
        return Vec::new();
    };
    let chair = context.chair().map(|c| c.value.key());
    let mut list = Vec::new();
    for present in &attendance.present {
        let role = if Some(present.value.key()) == chair {
            "ordförande"
        } else {
            context.role(present).map_or("ledamot", Role::label)
        };
        list.push(Participant {
            person: person(context, present),
            role,
            title: None,
            replaces: None,
            paragraphs: context.paragraphs_in(attendance::partial(m, attendance, present)),
        });
    }
    for (n, serving) in attendance.serving.iter().enumerate() {
        list.push(Participant {
            person: person(context, &serving.person),
            role: "tjänstgörande ersättare",
            title: None,
            replaces: Some(person(context, &serving.replaces)),
            paragraphs: context.paragraphs_in(attendance::serving_span(m, attendance, n)),
        });
    }
    for other in &attendance.others {
        list.push(Participant {
            title: other
                .role
                .clone()
                .or_else(|| context.person(&other.person).title),
            person: person(context, &other.person),
            role: "övrig närvarande",
            replaces: None,
            paragraphs: context.attended(other),
        });
    }
    // The secretary, unless already listed among the others present.
    let listed = |p: &PersonRef| {
        list.iter()
            .any(|l: &Participant| l.person.key() == p.value.key())
    };
    if let Some(secretary) = context.secretary().filter(|s| !listed(s)) {
        list.push(Participant {
            person: person(context, secretary),
            role: "sekreterare",
            title: None,
            replaces: None,
            paragraphs: Vec::new(),
        });
    }
    list
}

fn person(context: &Context, reference: &PersonRef) -> Person {
    let known = context.person(reference);
    Person {
        id: match &reference.value {
            PersonRefValue::Id(id) => Some(id.clone()),
            PersonRefValue::Guest(_) => None,
        },
        name: known.name,
        party: known.party,
        organisation: known.organisation,
        title: None,
    }
}

/// Presenters, each with the title and organisation given for the item.
fn presenters(context: &Context, presenters: &[model::Presenter]) -> Vec<Person> {
    presenters
        .iter()
        .map(|p| {
            let mut found = person(context, &p.person);
            found.title = p.title.clone();
            if p.organisation.is_some() {
                found.organisation = p.organisation.clone();
            }
            found
        })
        .collect()
}

/// A published document as a `File`, with its size and checksum from the
/// manifest; `None` when it is not in `out`.
fn file(document: &Document, out: &Path, manifest: &Manifest) -> Option<File> {
    let (size, checksum) = manifest.facts(out, &document.output)?;
    let file_name = document.output.file_name()?.to_string_lossy().into_owned();
    Some(File {
        kind: "File",
        name: document.label(),
        access_url: crate::site::href(Path::new(&file_name)),
        file_name,
        mime_type: "application/pdf",
        size,
        sha512_checksum: checksum,
    })
}

/// The signed copy of a protokoll or protokollsutdrag, as a published
/// file.
fn signed_file(document: &Document, copy: &crate::output::manifest::SignedCopy) -> Option<File> {
    let file_name = Path::new(&copy.output)
        .file_name()?
        .to_string_lossy()
        .into_owned();
    Some(File {
        kind: "File",
        name: format!("{} (signerat)", document.label()),
        access_url: crate::site::href(Path::new(&file_name)),
        file_name,
        mime_type: "application/pdf",
        size: copy.size,
        sha512_checksum: copy.sha512.clone(),
    })
}

/// "2026-10-14T13:00:00+02:00": a local time in Sweden with its offset.
fn timestamp(date: NaiveDate, time: Time) -> String {
    format!(
        "{}T{:02}:{:02}:00{}",
        sv::iso_date(date),
        time.hour,
        time.minute,
        stockholm_offset(date, time)
    )
}

/// Sweden's UTC offset at a local time, by the EU's rules since 1996:
/// summer time from the last Sunday of March at 02:00 to the last Sunday of
/// October at 03:00 (the repeated hour counts as summer time).
fn stockholm_offset(date: NaiveDate, time: Time) -> String {
    use chrono::{LocalResult, TimeZone};
    let tz = chrono_tz::Europe::Stockholm;
    let local = date.and_hms_opt(u32::from(time.hour), u32::from(time.minute), 0);
    let Some(local) = local else {
        return "+01:00".to_string();
    };
    match tz.from_local_datetime(&local) {
        LocalResult::Single(at) => at.format("%:z").to_string(),
        // The hour the clocks go back happens twice: the first, summer.
        LocalResult::Ambiguous(first, _) => first.format("%:z").to_string(),
        // The hour the clocks go forward does not happen: the time after it.
        LocalResult::None => tz
            .from_utc_datetime(&(local - chrono::Duration::hours(1)))
            .format("%:z")
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, hour: u8) -> String {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        stockholm_offset(date, Time { hour, minute: 0 })
    }

    #[test]
    fn summer_time_runs_from_the_last_sunday_of_march_to_that_of_october() {
        assert_eq!(at("2026-01-26", 13), "+01:00");
        assert_eq!(at("2026-03-28", 13), "+01:00");
        // 2026-03-29 is the last Sunday of March: the clocks go forward at 02.
        assert_eq!(at("2026-03-29", 1), "+01:00");
        assert_eq!(at("2026-03-29", 3), "+02:00");
        assert_eq!(at("2026-10-14", 13), "+02:00");
        // 2026-10-25 is the last Sunday of October: back at 03.
        assert_eq!(at("2026-10-25", 2), "+02:00");
        assert_eq!(at("2026-10-25", 3), "+01:00");
        assert_eq!(at("2026-12-01", 9), "+01:00");
    }
}
