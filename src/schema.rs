//! `rsr schema`: JSON Schemas (draft 2020-12) of the YAML files, generated
//! from the model's types, so that editors complete and validate as the
//! secretary types (VS Code with the YAML language server).

use schemars::schema_for;

use crate::model::{BodySpec, ItemSpec, MeetingSpec, Organisation};

/// The kinds of YAML file in a repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FileKind {
    /// rsr.yaml
    Rsr,
    /// meetings/<body>/body.yaml
    Body,
    /// meetings/<body>/<date>/meeting.yaml
    Meeting,
    /// an agenda item file beside meeting.yaml
    Item,
}

impl FileKind {
    pub const ALL: [FileKind; 4] = [
        FileKind::Rsr,
        FileKind::Body,
        FileKind::Meeting,
        FileKind::Item,
    ];

    /// The schema's file name under `schema/`.
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Rsr => "rsr.json",
            FileKind::Body => "body.json",
            FileKind::Meeting => "meeting.json",
            FileKind::Item => "item.json",
        }
    }
}

pub fn schema(kind: FileKind) -> serde_json::Value {
    let schema = match kind {
        FileKind::Rsr => schema_for!(Organisation),
        FileKind::Body => schema_for!(BodySpec),
        FileKind::Meeting => schema_for!(MeetingSpec),
        FileKind::Item => schema_for!(ItemSpec),
    };
    schema.to_value()
}

/// The schema as the text written to `schema/<kind>.json`.
pub fn text(kind: FileKind) -> String {
    serde_json::to_string_pretty(&schema(kind)).unwrap_or_default() + "\n"
}
