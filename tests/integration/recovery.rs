//! Every mistake in a file in one run: a file with a broken value is read
//! again without it, so that the next mistake, and the data rules on what
//! did read, are found in the same run (issue 17, points 1 and 4).

use crate::support::Repo;

const MEETING: &str = "meetings/kn/2026-03-02/meeting.yaml";
const ITEM: &str = "meetings/kn/2026-03-02/02-budget.yaml";

/// `rsr check --format json` in `repo`: each finding as (rule, file, line,
/// column, message).
fn findings(repo: &Repo) -> Vec<(String, String, u64, u64, String)> {
    let run = repo.rsr(&["check", "--format", "json"]).failure();
    let found: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| {
            (
                finding["rule"].as_str().unwrap().to_string(),
                finding["file"].as_str().unwrap().to_string(),
                finding["line"].as_u64().unwrap(),
                finding["column"].as_u64().unwrap(),
                finding["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn places(found: &[(String, String, u64, u64, String)]) -> Vec<(&str, &str, u64, u64)> {
    found
        .iter()
        .map(|(rule, file, line, column, _)| (rule.as_str(), file.as_str(), *line, *column))
        .collect()
}

#[test]
fn three_mistakes_in_one_meeting_file_are_three_findings_in_one_run() {
    let repo = Repo::minimal();
    repo.edit(MEETING, "start: \"13:00\"", "start: \"12:60\"")
        .edit(MEETING, "status: justerad", "form: Fysiskt\nstatus: Kallad");
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [
            ("invalid-time", MEETING, 2, 8),
            ("wrong-type", MEETING, 5, 7),
            ("wrong-type", MEETING, 6, 9),
        ],
        "{found:#?}"
    );
    assert!(found[1].4.contains("unknown value `Fysiskt`"), "{found:#?}");
    assert!(found[2].4.contains("unknown value `Kallad`"), "{found:#?}");
    // The required fields that were taken out for their own mistakes are
    // not reported missing as well.
    assert!(found.iter().all(|f| f.0 != "missing-field"), "{found:#?}");
}

#[test]
fn the_data_rules_run_on_what_reads_beside_a_mistake() {
    let repo = Repo::minimal();
    repo.edit(
        MEETING,
        "plats: Sessionssalen",
        "plats: Sessionssalen\nform: Fysiskt",
    )
    .edit(
        MEETING,
        "justerare: [bo.ledamot]",
        "justerare: [bo.ledamott]",
    );
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [
            ("wrong-type", MEETING, 5, 7),
            ("unknown-person", MEETING, 7, 13),
        ],
        "{found:#?}"
    );
}

#[test]
fn a_slip_in_a_field_name_keeps_the_item_and_its_paragraph() {
    let repo = Repo::minimal();
    repo.edit(ITEM, "rubrik: Budget 2026", "rubrk: Budget 2026")
        .edit(ITEM, "diarienummer:", "diarienumer:")
        .edit(
            ITEM,
            "tid: \"13:30\"",
            "tid: \"13:30\"\nföredragande: [okänd.person]",
        );
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [
            ("unknown-field", ITEM, 1, 1),
            ("unknown-field", ITEM, 2, 1),
            ("unknown-person", ITEM, 4, 16),
        ],
        "{found:#?}"
    );
    // No paragraph-gap, no missing-field: the item keeps its § 2.
    let listed = repo.rsr(&["list"]).stdout();
    assert!(listed.contains("2 items  §§ 1–2"), "{listed}");
}

#[test]
fn every_unquoted_yes_no_and_null_of_a_list_is_reported() {
    let repo = Repo::minimal();
    repo.edit(
        MEETING,
        "beslutande: [anna.ordf, bo.ledamot, cecilia.ledamot]",
        "beslutande: [anna.ordf, yes, bo.ledamot, no, cecilia.ledamot, null]",
    );
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [
            ("wrong-type", MEETING, 10, 27),
            ("wrong-type", MEETING, 10, 44),
            ("wrong-type", MEETING, 10, 65),
        ],
        "{found:#?}"
    );
    for finding in &found {
        assert!(finding.4.starts_with("expected a person"), "{found:#?}");
    }
}

#[test]
fn a_field_given_twice_and_a_later_mistake_are_both_reported() {
    let repo = Repo::minimal();
    repo.edit(
        ITEM,
        "tid: \"13:30\"",
        "tid: \"13:30\"\nrubrik: Budget 2026 igen",
    )
    .edit(
        ITEM,
        "beslutsunderlag: [",
        "beslutsunderlag: [{titel: x, fill: y}, ",
    );
    let found = findings(&repo);
    let places = places(&found);
    assert!(places.contains(&("yaml-syntax", ITEM, 4, 1)), "{found:#?}");
    assert!(
        places.iter().any(|p| p.0 == "wrong-type" && p.2 == 6),
        "{found:#?}"
    );
    assert_eq!(places.len(), 2, "{found:#?}");
}

#[test]
fn a_mistake_in_a_sub_item_leaves_its_siblings_read() {
    let repo = Repo::minimal();
    repo.edit(
        ITEM,
        "\nbeslut: Nämnden godkänner budgeten.",
        "\nbeslut: Nämnden godkänner budgeten.\nunderpunkter:\n  - rubrik: Drift\n    föredragande: [okänd.person]\n  - rubrik: Investeringar\n    beslutt: Godkänd.\n  - rubrik: Taxor\n    tid: \"25:00\"",
    );
    let found = findings(&repo);
    let rules: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        places(&found),
        [
            ("unknown-person", ITEM, 9, 20),
            ("unknown-field", ITEM, 11, 5),
            ("unknown-field", ITEM, 13, 5),
        ],
        "{rules:?} {found:#?}"
    );
}

#[test]
fn a_broken_decision_is_not_also_a_missing_one() {
    let repo = Repo::minimal();
    repo.edit(
        ITEM,
        "\nbeslut: Nämnden godkänner budgeten.",
        "\nbeslut: [Nämnden godkänner budgeten.]",
    );
    let found = findings(&repo);
    assert_eq!(places(&found), [("wrong-type", ITEM, 6, 9)], "{found:#?}");
    // Without the broken value the item is undecided, and says so.
    repo.edit(ITEM, "\nbeslut: [Nämnden godkänner budgeten.]", "");
    let found = findings(&repo);
    let rules: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert!(rules.contains(&"missing-decision"), "{found:#?}");
}

#[test]
fn a_person_or_member_whose_entry_does_not_read_is_not_also_unknown_or_absent() {
    // anna.ordf chairs and decides at the meeting; her entry in rsr.yaml
    // is text where fields belong.
    let repo = Repo::minimal();
    repo.edit(
        "rsr.yaml",
        "anna.ordf: {namn: Anna Ordförande, parti: S}",
        "anna.ordf: Anna Ordförande",
    );
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [("wrong-type", "rsr.yaml", 3, 14)],
        "{found:#?}"
    );
    // Her membership in body.yaml has a role that does not exist.
    let repo = Repo::minimal();
    repo.edit(
        "meetings/kn/body.yaml",
        "{person: anna.ordf, roll: ordförande}",
        "{person: anna.ordf, roll: ordförandee}",
    );
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [("wrong-type", "meetings/kn/body.yaml", 5, 31)],
        "{found:#?}"
    );
}

#[test]
fn a_required_field_missing_from_a_file_is_one_finding() {
    let repo = Repo::minimal();
    repo.edit(ITEM, "rubrik: Budget 2026\n", "");
    let found = findings(&repo);
    let missing: Vec<_> = found.iter().filter(|f| f.0 == "missing-field").collect();
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert!(missing[0].4.contains("`rubrik`"), "{found:#?}");
}

#[test]
fn a_byte_order_mark_or_old_mac_line_breaks_keep_every_finding_in_its_place() {
    // Notepad's byte order mark: the field taken out is not also missing.
    let repo = Repo::minimal();
    let text = repo
        .read(MEETING)
        .replace("start: \"13:00\"", "start: \"12:60\"");
    repo.write(MEETING, &format!("\u{feff}{text}"));
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [("invalid-time", MEETING, 2, 8)],
        "{found:#?}"
    );
    // Lines broken by a lone carriage return: three mistakes, three places.
    let repo = Repo::minimal();
    let text = repo
        .read(MEETING)
        .replace("start: \"13:00\"", "start: \"12:60\"")
        .replace("status: justerad", "form: Fysiskt\nstatus: Kallad")
        .replace('\n', "\r");
    repo.write(MEETING, &text);
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [
            ("invalid-time", MEETING, 2, 8),
            ("wrong-type", MEETING, 5, 7),
            ("wrong-type", MEETING, 6, 9),
        ],
        "{found:#?}"
    );
}

#[test]
fn an_anchored_list_entry_is_taken_out_whole() {
    let repo = Repo::minimal();
    repo.edit(
        ITEM,
        "beslutsunderlag: [Tjänsteskrivelse om budget 2026]",
        "beslutsunderlag:\n  - &a [x]\n  - Tjänsteskrivelse om budget 2026",
    )
    .edit(ITEM, "tid: \"13:30\"", "tid: \"25:00\"");
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [("invalid-time", ITEM, 3, 6), ("wrong-type", ITEM, 6, 8)],
        "{found:#?}"
    );
}

#[test]
fn a_field_name_read_as_a_longer_one_leaves_the_columns_after_it_alone() {
    let repo = Repo::minimal();
    repo.edit(
        ITEM,
        "\nbeslut: Nämnden godkänner budgeten.",
        "\nbeslut: Nämnden godkänner budgeten.\nunderpunkter: [{rubrk: A, xyz: B}]",
    );
    let found = findings(&repo);
    assert_eq!(
        places(&found),
        [
            ("unknown-field", ITEM, 7, 17),
            ("unknown-field", ITEM, 7, 27)
        ],
        "{found:#?}"
    );
}

#[test]
fn a_file_of_many_mistakes_says_when_rsr_stopped_looking() {
    let repo = Repo::minimal();
    let many: String = (0..150).map(|n| format!("fel{n}: x\n")).collect();
    repo.edit(ITEM, "tid: \"13:30\"\n", &many);
    let found = findings(&repo);
    let unknown = found.iter().filter(|f| f.0 == "unknown-field").count();
    assert_eq!(unknown, 100, "{found:#?}");
    assert!(
        found
            .iter()
            .any(|f| f.0 == "yaml-limit" && f.4.starts_with("100 mistakes were found in this file")),
        "{found:#?}"
    );
}
