//! The data each template receives for the example meetings, compared with
//! the sample files beside the templates (which let a designer compile a
//! template alone). `RSR_BLESS=1 cargo test --release` rewrites them.

use rsr::docs::{self, Filter, Kind};

use crate::support::examples;

fn check(kind: Kind, body: &str, sample: &str) {
    check_in(&examples(), kind, body, sample);
}

fn check_in(root: &std::path::Path, kind: Kind, body: &str, sample: &str) {
    let repository = rsr::repo::load::load(root)
        .repository
        .expect("the examples load");
    let paragraphs = if kind == Kind::Protokollsutdrag {
        vec![29]
    } else {
        vec![]
    };
    let filter = Filter {
        bodies: vec![body.into()],
        meetings: vec![],
        kinds: vec![kind],
        paragraphs,
    };
    // The first document: for a protokoll with confidential items the
    // internal version, before the public one.
    let documents = docs::documents(&repository, &filter);
    assert!(!documents.is_empty());
    let data: serde_json::Value = serde_json::from_slice(&documents[0].data).unwrap();
    let actual = serde_json::to_string_pretty(&data).unwrap() + "\n";
    let path = examples().join("templates").join(sample);
    if std::env::var_os("RSR_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "the data for {} changed; review and bless with RSR_BLESS=1:\n{}",
        path.display(),
        line_diff(&expected, &actual)
    );
}

/// The first lines that differ, enough to see what changed.
fn line_diff(expected: &str, actual: &str) -> String {
    let (expected, actual): (Vec<_>, Vec<_>) =
        (expected.lines().collect(), actual.lines().collect());
    let first = expected
        .iter()
        .zip(&actual)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(actual.len()));
    let show = |lines: &[&str]| {
        lines
            .iter()
            .skip(first)
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "line {}:\n--- expected\n{}\n+++ actual\n{}",
        first + 1,
        show(&expected),
        show(&actual)
    )
}

#[test]
fn kallelse_data_of_rsr_2026_01_26() {
    check(Kind::Kallelse, "rsr", "kallelse.sample.json");
}

#[test]
fn protokollsutdrag_data_of_rlg_2025_11_17_paragraph_29() {
    check(
        Kind::Protokollsutdrag,
        "rlg",
        "protokollsutdrag.sample.json",
    );
}

#[test]
fn sammantradesplan_data_of_gnus_2026() {
    check(
        Kind::Sammantradesplan,
        "gnus",
        "sammantradesplan.sample.json",
    );
}

#[test]
fn anslagsbevis_data_of_the_minimal_namnd_posting_on_a_notice_board() {
    let repo = crate::support::Repo::minimal();
    repo.edit(
        "meetings/kn/body.yaml",
        "typ: nämnd\n",
        "typ: nämnd\nanslagstavla: true\nförvaringsplats: Kulturförvaltningen, Kommunhuset\n",
    );
    check_in(
        repo.path(),
        Kind::Anslagsbevis,
        "kn",
        "anslagsbevis.sample.json",
    );
}

#[test]
fn protokoll_data_of_bmn_2026_10_14() {
    // BMN rather than RLG: its sample shows the template every part of the
    // decision record.
    check(Kind::Protokoll, "bmn", "protokoll.sample.json");
}

#[test]
fn kungorelse_data_of_kf_2026_12_14() {
    check(Kind::Kungorelse, "kf", "kungorelse.sample.json");
}
