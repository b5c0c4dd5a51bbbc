//! Every matter of a held meeting is decided (`missing-decision`): an
//! information item, a standard item and a break take no decision; the
//! body's `informationsbeslut:` is what an information item's paragraph
//! says without a `beslut:` of its own, and `rsr justera` writes it in, so
//! that a sealed protokoll never changes with body.yaml.

use crate::support::Repo;

const BUDGET: &str = "meetings/kn/2026-03-02/02-budget.yaml";
const KN: &str = "meetings/kn/2026-03-02";

/// tests/good/minimal as it was after the meeting: held, not adjusted.
fn held_minimal() -> Repo {
    let repo = Repo::minimal();
    repo.unseal(KN);
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "status: justerad",
        "status: genomförd",
    );
    repo
}

const RLG_BODY: &str = "meetings/rlg/body.yaml";
const RLG_HELD: &str = "meetings/rlg/2026-12-07";
const RLG_INFO: &str = "meetings/rlg/2026-12-07/05-informationer.yaml";
const RLG_SEALED_INFO: &str = "meetings/rlg/2025-11-17/04-informationer.yaml";
const DEFAULT: &str = "informationsbeslut: Informationen läggs till handlingarna.\n";

/// The examples with a default text for the information items of the
/// Regional ledningsgrupp, whose 2025-11-17 protokoll is sealed and whose
/// 2026-12-07 meeting is held.
fn rlg_with_default() -> Repo {
    let repo = Repo::examples();
    let body = repo.read(RLG_BODY);
    repo.write(RLG_BODY, &format!("{body}{DEFAULT}"));
    repo
}

#[test]
fn a_matter_of_a_held_meeting_without_a_decision_is_an_error_at_its_title() {
    let repo = held_minimal();
    repo.edit(BUDGET, "\nbeslut: Nämnden godkänner budgeten.\n", "\n");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[missing-decision]: § 2 \"Budget 2026\" has no decision, but the meeting is genomförd"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("meetings/kn/2026-03-02/02-budget.yaml:1:1"),
        "{stderr}"
    );
    assert!(stderr.contains("mark it `typ: information`"), "{stderr}");
    // The opening item is `typ: standard` and has no beslut either: only
    // the matter is reported.
    assert_eq!(
        stderr.matches("error[missing-decision]").count(),
        1,
        "{stderr}"
    );

    // A blank beslut is no decision.
    let text = repo.read(BUDGET);
    repo.write(BUDGET, &format!("{text}beslut: \"  \"\n"));
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(stderr.contains("error[missing-decision]"), "{stderr}");

    // Before the meeting is held, nothing is missing.
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "status: genomförd",
        "status: kallad",
    );
    let stderr = repo.rsr(&["check"]).stderr();
    assert!(!stderr.contains("missing-decision"), "{stderr}");
}

#[test]
fn information_items_standard_items_and_decided_sub_items_need_no_beslut() {
    let repo = held_minimal();
    // An information item without a decision.
    repo.edit(
        BUDGET,
        "\nbeslut: Nämnden godkänner budgeten.\n",
        "\ntyp: information\n",
    );
    let stderr = repo.rsr(&["check", "--deny-warnings"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");

    // A matter decided in its sub-items: each sub-item with a heading of
    // its own may carry the decision.
    repo.edit(
        BUDGET,
        "typ: information\n",
        "underpunkter:\n  - Driftbudgeten redovisas.\n  - rubrik: Investeringsbudget\n    beslut: Investeringsbudgeten godkänns.\n",
    );
    let stderr = repo.rsr(&["check", "--deny-warnings"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");

    // An information item gets a § like a matter: § 2 stays § 2.
    repo.write(
        "meetings/kn/2026-03-02/03-info.yaml",
        "rubrik: Information om lokalerna\ntyp: information\n",
    );
    repo.rsr(&["build", "--body", "kn", "--kind", "protokoll"])
        .success();
    let text = repo.text("out/kn/2026-03-02-protokoll.pdf");
    assert!(text.contains("§ 2 Budget 2026"), "{text}");
    assert!(text.contains("§ 3 Information om lokalerna"), "{text}");
}

#[test]
fn justera_refuses_a_meeting_with_an_undecided_matter_and_writes_nothing() {
    let repo = Repo::examples();
    let item = "meetings/rlg/2026-12-07/04-kompetensforsorjning.yaml";
    let text = repo.read(item);
    let start = text.find("beslut: |").unwrap();
    let end = text.find("sammanfattning:").unwrap();
    repo.write(item, &format!("{}{}", &text[..start], &text[end..]));
    let meeting = repo.read("meetings/rlg/2026-12-07/meeting.yaml");
    let stderr = repo
        .rsr(&["justera", "rlg", "2026-12-07", "--plats", "digitalt"])
        .failure()
        .stderr();
    assert!(
        stderr.contains(
            "error[missing-decision]: § 44 \"Nav för kompetensförsörjning\" has no decision"
        ),
        "{stderr}"
    );
    assert_eq!(repo.read("meetings/rlg/2026-12-07/meeting.yaml"), meeting);
    assert!(!repo.path().join(RLG_HELD).join("justering.lock").exists());
}

#[test]
fn the_default_text_is_the_decision_of_an_information_item_and_justera_writes_it_in() {
    let repo = rlg_with_default();
    // The sealed protokoll of 2025-11-17 is as it was: the default stands in
    // only for meetings not yet sealed.
    let stderr = repo.rsr(&["check", "--deny-warnings"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");
    repo.rsr(&["build", "--body", "rlg", "--kind", "protokoll"])
        .success();
    let sealed = repo.text("out/rlg/2025-11-17-protokoll.pdf");
    assert!(!sealed.contains("Informationen läggs"), "{sealed}");
    let held = repo.text("out/rlg/2026-12-07-protokoll.pdf");
    let section = &held[held.rfind("§ 45 Informationer och övriga frågor").unwrap()..];
    assert!(
        section.contains("Regional ledningsgrupp beslut Informationen läggs till handlingarna."),
        "{section}"
    );

    let before = repo.read(RLG_INFO);
    let stderr = repo
        .rsr(&[
            "justera",
            "rlg",
            "2026-12-07",
            "--plats",
            "digitalt",
            "--datum",
            "2026-12-10",
        ])
        .success()
        .stderr();
    assert!(
        stderr.contains(
            "the body's informationsbeslut is written as `beslut:` into 05-informationer.yaml"
        ),
        "{stderr}"
    );
    assert_eq!(
        repo.read(RLG_INFO),
        format!("{before}beslut: Informationen läggs till handlingarna.\n")
    );
    assert_eq!(repo.read(RLG_SEALED_INFO).matches("beslut").count(), 0);
    repo.rsr(&["check", "--deny-warnings"]).success();

    // A later change of the default leaves both sealed protokoll as they
    // were.
    repo.edit(
        RLG_BODY,
        "Informationen läggs till handlingarna.",
        "Informationen noteras.",
    );
    let stderr = repo.rsr(&["check", "--deny-warnings"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");
    repo.rsr(&["build", "--body", "rlg"]).success();
    let held = repo.text("out/rlg/2026-12-07-protokoll.pdf");
    assert!(!held.contains("UTKAST"), "{held}");
    assert!(
        held.contains("Informationen läggs till handlingarna."),
        "{held}"
    );
    assert!(!held.contains("Informationen noteras."), "{held}");
    let data = repo.read("out/rlg/2026-12-07.json");
    assert!(
        data.contains("\"resolutionText\": \"Informationen läggs till handlingarna.\""),
        "{data}"
    );
}

#[test]
fn justera_restores_the_items_it_wrote_into_when_the_meeting_cannot_be_sealed() {
    let repo = rlg_with_default();
    // A check error that only shows once the meeting is justerad.
    repo.edit(
        "meetings/rlg/2026-12-07/meeting.yaml",
        "justerare: [sara.schelin]",
        "justerare: []",
    );
    let before = repo.read(RLG_INFO);
    let stderr = repo
        .rsr(&["justera", "rlg", "2026-12-07", "--plats", "digitalt"])
        .failure()
        .stderr();
    assert!(
        stderr.contains("error[adjusted-without-adjusters]"),
        "{stderr}"
    );
    assert_eq!(repo.read(RLG_INFO), before);
    assert!(!repo.path().join(RLG_HELD).join("justering.lock").exists());
}
