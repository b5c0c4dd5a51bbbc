//! The JSON Schemas editors use: the committed files are what `rsr schema`
//! generates, every example file validates, and mistakes do not.

use std::path::Path;

use rsr::schema::{self, FileKind};

use crate::support::examples;

/// The YAML file's content as JSON, the way the YAML language server sees it.
pub(crate) fn as_json(path: &Path) -> serde_json::Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub(crate) fn kind_of(path: &Path) -> FileKind {
    match path.file_name().and_then(|n| n.to_str()) {
        Some("rsr.yaml") => FileKind::Rsr,
        Some("body.yaml") => FileKind::Body,
        Some("meeting.yaml") => FileKind::Meeting,
        _ if path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|folder| folder == "delegationsbeslut") =>
        {
            FileKind::Delegationsbeslut
        }
        _ if path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|folder| folder == "motioner") =>
        {
            FileKind::Motioner
        }
        _ => FileKind::Item,
    }
}

pub(crate) fn errors(kind: FileKind, instance: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema::schema(kind)).unwrap();
    validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn committed_schemas_are_the_generated_ones() {
    for kind in FileKind::ALL {
        let path = examples().join("schema").join(kind.file_name());
        let generated = schema::text(kind);
        if std::env::var_os("RSR_BLESS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is stale: run `rsr schema --out schema`",
            path.display()
        );
    }
}

#[test]
fn every_example_file_validates_and_names_its_schema() {
    let mut files = vec![examples().join("rsr.yaml")];
    for entry in walkdir::WalkDir::new(examples().join("meetings")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            files.push(entry.path().to_path_buf());
        }
    }
    assert!(files.len() > 10);
    for file in files {
        let kind = kind_of(&file);
        let found = errors(kind, &as_json(&file));
        assert!(
            found.is_empty(),
            "{} does not validate: {found:?}",
            file.display()
        );
        let first = std::fs::read_to_string(&file).unwrap();
        let first = first.lines().next().unwrap();
        assert!(
            first.starts_with("# yaml-language-server: $schema=")
                && first.ends_with(kind.file_name()),
            "{} lacks its schema header: {first}",
            file.display()
        );
    }
}

#[test]
fn mistakes_do_not_validate() {
    let item = |yaml: &str| errors(FileKind::Item, &serde_saphyr::from_str(yaml).unwrap());
    assert!(item("rubrik: Budget\ntyp: paus\n").is_empty());
    assert!(
        !item("rubrik: Budget\ndiarenummer: KN/1/2026\n").is_empty(),
        "unknown field accepted"
    );
    assert!(
        !item("diarienummer: KN/1/2026\n").is_empty(),
        "missing rubrik accepted"
    );
    assert!(
        !item("rubrik: Budget\ntid: '25:99'\n").is_empty(),
        "impossible time accepted"
    );
    assert!(
        !item("rubrik: Budget\ntyp: möte\n").is_empty(),
        "unknown kind accepted"
    );
    let meeting = |yaml: &str| errors(FileKind::Meeting, &serde_saphyr::from_str(yaml).unwrap());
    assert!(
        meeting("datum: 2026-03-02\nstart: '13:00'\nplats: Salen\nstatus: kallad\n").is_empty()
    );
    assert!(
        !meeting("datum: 2026-03-02\nstart: '13:00'\nplats: Salen\nstatus: avslutad\n").is_empty()
    );
}
