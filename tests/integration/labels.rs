//! The documents' labels (`rubriker:` in rsr.yaml and body.yaml) and the
//! logo (`logotyp:`), as a reader meets them: the words on the page, the
//! order of a participant's parts, the logo in the header tagged as a
//! figure with its alternative text, and how both stand against a seal.
//! tests/good/labels is tests/good/minimal with labels and a logo.

use std::process::Command;

use crate::support::{Repo, assert_in_order, bytes_contain, examples, uncompressed};

const PROTOKOLL: &str = "out/kn/2026-03-02-protokoll.pdf";
const KALLELSE: &str = "out/kn/2026-03-02-kallelse.pdf";
const UTDRAG: &str = "out/kn/2026-03-02-protokollsutdrag-2.pdf";
const PLAN: &str = "out/kn/2026-sammantradesplan.pdf";
const ALT: &str = "Testkommunens logotyp, två vågor på blått";

fn built() -> Repo {
    let repo = Repo::good("labels");
    repo.rsr(&["build"]).success();
    repo
}

#[test]
fn labels_of_the_organisation_and_the_body_replace_the_defaults() {
    let repo = built();
    let text = repo.text(PROTOKOLL);
    assert_in_order(
        &text,
        &[
            "Tid och plats:",
            // rsr.yaml's label, and its order: role, name, organisation;
            // an empty part goes with its separator.
            "Deltagare (beslutande):",
            "ordförande: Anna Ordförande (S) – Norrby",
            "Bo Ledamot (M) – Söderby",
            // body.yaml's, over the default.
            "Frånvarande:",
            "Cecilia Ledamot (C)",
            "Övriga deltagare:",
            "Underskrifter:",
            "Eva Sekreterare",
            "Protokollförare",
            "Anna Ordförande",
            "Ordförande",
            "Bo Ledamot",
            "Justerare",
            "Innehållsförteckning",
            "§ 2 Budget 2026",
            // The body's pattern with its short name.
            "KN:s beslut",
            "Nämnden godkänner budgeten.",
            "Handlingar i ärendet",
        ],
    );
    for default in [
        "Deltagare:",
        "Ej närvarande",
        "Justeras av",
        "Kulturnämnden beslut",
        "Beslutsunderlag",
    ] {
        assert!(!text.contains(default), "{default:?} in {text}");
    }
    let kallelse = repo.text(KALLELSE);
    assert_in_order(
        &kallelse,
        &[
            "Ordförande",
            "Anna Ordförande (S), Norrby",
            "Protokollförare",
            "Eva Sekreterare",
            "Budget 2026",
            "Förvaltningens förslag",
            "Nämnden godkänner budgeten.",
            "Handlingar i ärendet",
        ],
    );
    assert!(!kallelse.contains("Förslag till beslut"), "{kallelse}");
    let utdrag = repo.text(UTDRAG);
    assert_in_order(
        &utdrag,
        &[
            "KN:s beslut",
            "Handlingar i ärendet",
            "Utdragsbestyrkande",
            "Protokollförare",
        ],
    );
}

#[test]
fn without_labels_the_documents_keep_their_wording() {
    let repo = Repo::minimal();
    repo.rsr(&["build"]).success();
    let text = repo.text(PROTOKOLL);
    assert_in_order(
        &text,
        &[
            "Deltagare:",
            "Anna Ordförande (S), ordförande",
            "Justeras av:",
            "Sekreterare",
            "Kulturnämnden beslut",
            "Beslutsunderlag",
        ],
    );
    // The data carries every label with its default.
    let sources = tempfile::tempdir().unwrap();
    let dir = sources.path().display().to_string();
    repo.rsr(&["build", "--sources", &dir, "--kind", "protokoll"])
        .success();
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(sources.path().join("kn/2026-03-02-protokoll/data.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(data["labels"]["justeras_av"], "Justeras av");
    assert_eq!(
        data["labels"]["deltagare_format"],
        "{namn}, {roll}, {organisation}"
    );
    assert!(data.get("logo").is_none(), "{data}");
}

#[test]
fn a_label_is_text_never_typst() {
    let repo = Repo::good("labels");
    repo.edit(
        "rsr.yaml",
        "justeras_av: Underskrifter",
        "justeras_av: '#read(\"/etc/passwd\") *fet*'",
    );
    repo.reseal("meetings/kn/2026-03-02");
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    let text = repo.text(PROTOKOLL);
    assert!(text.contains("#read(\"/etc/passwd\") *fet*:"), "{text}");
    assert!(!text.contains("root:"), "{text}");
}

#[test]
fn an_unknown_label_or_placeholder_is_reported_with_the_nearest() {
    let repo = Repo::minimal();
    repo.write(
        "rsr.yaml",
        &format!(
            "{}rubriker:\n  justeras_avv: Underskrifter\n",
            repo.read("rsr.yaml")
        ),
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[unknown-field]: unknown field `justeras_avv`"),
        "{stderr}"
    );
    assert!(stderr.contains("rsr.yaml:9:3"), "{stderr}");
    assert!(stderr.contains("did you mean `justeras_av`?"), "{stderr}");

    let repo = Repo::good("labels");
    repo.edit(
        "rsr.yaml",
        "\"{roll}: {namn} – {organisation}\"",
        "\"{namn}, {organistion}\"",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[label-placeholder]: `deltagare_format` has a placeholder it does not know: `{organistion}`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("rsr.yaml:12:21"), "{stderr}");
    assert!(
        stderr.contains("did you mean `{organisation}`?"),
        "{stderr}"
    );

    repo.edit("rsr.yaml", "\"{namn}, {organistion}\"", "\"{roll}\"");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("`deltagare_format` leaves out the participant's name"),
        "{stderr}"
    );
}

/// The schema lists every label with its default, for the editor.
#[test]
fn the_schema_gives_each_label_its_default() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(examples().join("schema/rsr.json")).unwrap())
            .unwrap();
    let labels = &schema["$defs"]["Rubriker"]["properties"];
    assert_eq!(labels["deltagare"]["default"], "Deltagare", "{labels}");
    assert_eq!(labels["beslut"]["default"], "{organ} beslut");
    assert_eq!(labels["synpunkter"]["default"], "Synpunkter från mötet");
    assert_eq!(schema["$defs"]["Rubriker"]["additionalProperties"], false);
    let count = labels.as_object().unwrap().len();
    assert!(count >= 55, "{count} labels");
    for (id, label) in labels.as_object().unwrap() {
        assert!(label["default"].is_string(), "{id} has no default");
    }
}

/// The tag tree's figures with their alternative text, as the PDF holds
/// them once uncompressed.
fn figures(path: &std::path::Path) -> usize {
    let bytes = uncompressed(path);
    let text = String::from_utf8_lossy(&bytes);
    text.matches("/S /Figure").count()
}

#[test]
fn the_logo_is_in_every_documents_header_as_a_figure_with_its_alt_text() {
    let repo = built();
    for file in [PROTOKOLL, KALLELSE, UTDRAG, PLAN] {
        let path = repo.path().join(file);
        assert_eq!(figures(&path), 1, "{file}: one Figure, on the first page");
        assert!(bytes_contain(&path, ALT), "{file} lacks the logo's Alt");
    }
    // Without a logo there is no figure.
    let plain = Repo::minimal();
    plain.rsr(&["build", "--kind", "protokoll"]).success();
    assert_eq!(figures(&plain.path().join(PROTOKOLL)), 0);

    // A body's own logo, a PNG, goes before the organisation's.
    repo.edit(
        "meetings/kn/body.yaml",
        "rubriker:",
        "logotyp: {fil: logotyp.png, alt: Kulturnämndens emblem}\nrubriker:",
    );
    repo.rsr(&["build"]).success();
    let path = repo.path().join(PROTOKOLL);
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .unwrap();
    let images = String::from_utf8_lossy(&images.stdout);
    // The header of each of the three pages shows the 64 × 44 emblem.
    let rows: Vec<&str> = images
        .lines()
        .filter(|line| line.split_whitespace().nth(3) == Some("64"))
        .collect();
    assert_eq!(rows.len(), 3, "{images}");
    assert!(bytes_contain(&path, "Kulturnämndens emblem"));
    assert!(!bytes_contain(&path, ALT));
    assert_eq!(figures(&path), 1);
    let text = repo.page_text(PROTOKOLL, 2);
    assert!(text.starts_with("Testkommunen Kulturnämnden"), "{text}");
}

#[test]
fn a_changed_logo_typesets_the_documents_again() {
    let repo = built();
    let before = repo.bytes(PROTOKOLL);
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.contains("Built 0 documents"), "{stderr}");
    repo.edit("logotyp.svg", "#1f3a5f", "#7a1f2b");
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.contains("Built 5 documents"), "{stderr}");
    assert!(repo.bytes(PROTOKOLL) != before);
}

#[test]
fn a_changed_label_breaks_a_seal_and_a_default_or_a_logo_does_not() {
    let repo = Repo::minimal();
    let base = repo.read("rsr.yaml");
    // A label set to its default, one the protokoll does not print, and a
    // logo: the protokoll says what it said.
    repo.write(
        "rsr.yaml",
        &format!(
            "{base}rubriker:\n  justeras_av: Justeras av\n  förslag_till_beslut: Förvaltningens förslag\nlogotyp:\n  fil: logotyp.svg\n  alt: {ALT}\n"
        ),
    );
    repo.write(
        "logotyp.svg",
        &std::fs::read_to_string(examples().join("tests/good/labels/logotyp.svg")).unwrap(),
    );
    let stderr = repo.rsr(&["check", "--deny-warnings"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");
    repo.rsr(&["build"]).success();
    assert!(repo.text(KALLELSE).contains("Förvaltningens förslag"));

    // A heading the protokoll prints.
    repo.edit(
        "rsr.yaml",
        "justeras_av: Justeras av",
        "justeras_av: Underskrifter",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[adjusted-changed]: the protokoll of KN 2026-03-02")
            && stderr.contains("its first page"),
        "{stderr}"
    );
    // A body's label over the organisation's counts alike.
    repo.edit(
        "rsr.yaml",
        "justeras_av: Underskrifter",
        "justeras_av: Justeras av",
    );
    repo.rsr(&["check"]).success();
    repo.write(
        "meetings/kn/body.yaml",
        &format!(
            "{}\nrubriker:\n  bakgrund: Historik\n",
            repo.read("meetings/kn/body.yaml")
        ),
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(stderr.contains("error[adjusted-changed]"), "{stderr}");
}
