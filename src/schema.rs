//! `rsr schema`: JSON Schemas (draft 2020-12) of the YAML files, generated
//! from the model's types, so that editors complete and validate as the
//! secretary types (VS Code with the YAML language server); and of the open
//! data files `rsr build` writes, for those who read them.

use schemars::generate::SchemaSettings;
use schemars::schema_for;

use crate::repo::model::{
    BodySpec, DelegationSpec, ItemSpec, MeetingSpec, MotionSpec, Organisation,
};

/// The files rsr has a schema for: the YAML files of a repository, and the
/// open data it writes.
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
    /// meetings/<body>/delegationsbeslut/*.yaml, a register of delegation
    /// decisions
    Delegationsbeslut,
    /// meetings/<body>/motioner/*.yaml, a register of motions
    Motioner,
    /// out/<body>/<date>.json, a meeting's open data
    OpenData,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::Rsr,
        FileKind::Body,
        FileKind::Meeting,
        FileKind::Item,
        FileKind::Delegationsbeslut,
        FileKind::Motioner,
        FileKind::OpenData,
    ];

    /// The schema's file name under `schema/`.
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Rsr => "rsr.json",
            FileKind::Body => "body.json",
            FileKind::Meeting => "meeting.json",
            FileKind::Item => "item.json",
            FileKind::Delegationsbeslut => "delegationsbeslut.json",
            FileKind::Motioner => "motioner.json",
            FileKind::OpenData => "open-data.json",
        }
    }
}

pub fn schema(kind: FileKind) -> serde_json::Value {
    let schema = match kind {
        FileKind::Rsr => schema_for!(Organisation),
        FileKind::Body => schema_for!(BodySpec),
        FileKind::Meeting => schema_for!(MeetingSpec),
        FileKind::Item => schema_for!(ItemSpec),
        FileKind::Delegationsbeslut => schema_for!(Vec<DelegationSpec>),
        FileKind::Motioner => schema_for!(Vec<MotionSpec>),
        // What rsr writes, not what it reads.
        FileKind::OpenData => {
            let schema = SchemaSettings::draft2020_12()
                .for_serialize()
                .into_generator()
                .into_root_schema_for::<crate::site::opendata::Meeting>();
            // Absent values are left out, never written as null.
            let mut value = schema.to_value();
            forbid_null(&mut value);
            return value;
        }
    };
    schema.to_value()
}

/// Takes `null` out of every `type: [T, "null"]` and `anyOf: [S, {type:
/// null}]` of a schema.
fn forbid_null(schema: &mut serde_json::Value) {
    use serde_json::Value;
    match schema {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [single] = types.as_slice() {
                    let single = single.clone();
                    map.insert("type".into(), single);
                }
            }
            if let Some(Value::Array(options)) = map.get_mut("anyOf") {
                options.retain(|o| o.get("type").is_none_or(|t| t != "null"));
                if let [single] = options.as_slice() {
                    let single = single.clone();
                    map.remove("anyOf");
                    if let Value::Object(inner) = single {
                        map.extend(inner);
                    }
                }
            }
            map.values_mut().for_each(forbid_null);
        }
        Value::Array(values) => values.iter_mut().for_each(forbid_null),
        _ => {}
    }
}

/// The schema as the text written to `schema/<kind>.json`.
pub fn text(kind: FileKind) -> String {
    serde_json::to_string_pretty(&schema(kind)).unwrap_or_default() + "\n"
}
