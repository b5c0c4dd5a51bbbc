//! What a user sees when something is wrong: the file, the line and column,
//! what was found and what was expected, and a non-zero exit.

use crate::support::Repo;

#[test]
fn yaml_syntax_error_names_file_line_and_column() {
    let repo = Repo::examples();
    repo.write(
        "meetings/rlg/2025-11-17/02-khoss.yaml",
        "rubrik: Inriktningsbeslut KHOSS\nföredragande: [tomas.jonsson\n",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(
        stderr.contains("meetings/rlg/2025-11-17/02-khoss.yaml:"),
        "{stderr}"
    );
    assert!(
        !repo.path().join("out").exists(),
        "a failed build wrote output"
    );
}

#[test]
fn unknown_field_is_an_error_with_the_fields_expected() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rsr/2026-01-26/03-totalforsvar.yaml",
        "diarienummer:",
        "diarenummer:",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(
        stderr.contains("error[unknown-field]: unknown field `diarenummer`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: did you mean `diarienummer`? The fields here are: rubrik, typ,"),
        "{stderr}"
    );
    assert!(
        stderr.contains("┌─ meetings/rsr/2026-01-26/03-totalforsvar.yaml:3:1"),
        "{stderr}"
    );
}

#[test]
fn unknown_person_suggests_the_nearest_id() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rlg/2025-11-17/meeting.yaml",
        "justerare: [peter.jemtbring]",
        "justerare: [peter.jemtbrng]",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(
        stderr.contains("error[unknown-person]: unknown person `peter.jemtbrng`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("meetings/rlg/2025-11-17/meeting.yaml:9:13"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `peter.jemtbring`?"),
        "{stderr}"
    );
}

#[test]
fn impossible_dates_and_times_are_located() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rsr/2026-01-26/meeting.yaml",
        "slut: \"16:00\"",
        "slut: \"25:99\"",
    );
    repo.edit(
        "meetings/rlg/2025-11-17/meeting.yaml",
        "nästa_möte: 2026-01-12",
        "nästa_möte: 2026-02-30",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(stderr.contains("`25:99` is not a time of day"), "{stderr}");
    assert!(
        stderr.contains("meetings/rsr/2026-01-26/meeting.yaml:4:7"),
        "{stderr}"
    );
    assert!(
        stderr.contains("meetings/rlg/2025-11-17/meeting.yaml:"),
        "{stderr}"
    );
    assert!(stderr.contains("2026-02-30"), "{stderr}");
}

#[test]
fn folder_and_meeting_date_must_agree() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rsr/2026-01-26/meeting.yaml",
        "datum: 2026-01-26",
        "datum: 2026-01-27",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(
        stderr.contains("the meeting is dated 2026-01-27 but its folder is 2026-01-26"),
        "{stderr}"
    );
}

#[test]
fn template_error_names_the_template_line_and_column() {
    let repo = Repo::examples();
    repo.write(
        "templates/protokoll.typ",
        "#let data = json(\"/data.json\")\n\n#let x = (\n",
    );
    let stderr = repo.rsr(&["build", "--body", "rlg"]).failure().stderr();
    assert!(
        stderr.contains("error: could not typeset rlg/2025-11-17-protokoll.pdf"),
        "{stderr}"
    );
    assert!(stderr.contains("templates/protokoll.typ:3:"), "{stderr}");
}

#[test]
fn outside_a_repository_the_error_says_what_is_missing() {
    let repo = Repo::empty();
    let stderr = repo.rsr(&["build"]).usage_failure().stderr();
    assert!(
        stderr.contains("no rsr.yaml here or in any parent folder"),
        "{stderr}"
    );
}

#[test]
fn a_value_from_a_list_gets_the_one_meant() {
    let repo = Repo::minimal();
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "plats: Sessionssalen",
        "plats: Sessionssalen\nform: Fysiskt",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[wrong-type]: unknown value `Fysiskt`: the values here are `digitalt`, `fysiskt`, `hybrid`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("hint: did you mean `fysiskt`?"), "{stderr}");

    // A body named nearly right, and a repository with none yet.
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "form: Fysiskt",
        "form: fysiskt",
    );
    let stderr = repo
        .rsr(&["build", "--body", "Kn"])
        .usage_failure()
        .stderr();
    assert!(stderr.contains("(did you mean `kn`?)"), "{stderr}");
    std::fs::remove_dir_all(repo.path().join("meetings/kn")).unwrap();
    let stderr = repo
        .rsr(&["build", "--body", "kn"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("the repository has no bodies yet; add one as meetings/<folder>/body.yaml"),
        "{stderr}"
    );
}

#[test]
fn filters_naming_nothing_are_errors_not_empty_builds() {
    let repo = Repo::examples();
    let stderr = repo
        .rsr(&["build", "--body", "ks"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("no body `ks`; the bodies are: bmn, fs, gnus, kf, rlg, rsr"),
        "{stderr}"
    );
    let stderr = repo
        .rsr(&["build", "--meeting", "2025-11-18"])
        .usage_failure()
        .stderr();
    assert!(stderr.contains("no meeting on 2025-11-18"), "{stderr}");
}

#[test]
fn wrong_shapes_are_explained_in_plain_words() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rlg/2025-11-17/meeting.yaml",
        "justerare: [peter.jemtbring]",
        "justerare: peter.jemtbring",
    );
    repo.write(
        "meetings/rlg/2025-11-17/02-khoss.yaml",
        "rubrik: [Inriktningsbeslut, KHOSS]\n",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(
        stderr.contains("error[wrong-type]: expected a list: `[a, b]`, or one `- a` per line"),
        "{stderr}"
    );
    assert!(
        stderr.contains("meetings/rlg/2025-11-17/meeting.yaml:9:12"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error[wrong-type]: expected text"),
        "{stderr}"
    );
    assert!(
        stderr.contains("meetings/rlg/2025-11-17/02-khoss.yaml:1:9"),
        "{stderr}"
    );
}

#[test]
fn a_repository_without_meetings_says_how_to_start() {
    let repo = Repo::empty();
    repo.write("rsr.yaml", "organisation: Testkommunen\n");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[missing-file]: there is no meetings/ folder yet: each body is a folder meetings/<folder>/ with a body.yaml"
        ),
        "{stderr}"
    );
    // Where it is, in words: no empty snippet with a caret under nothing.
    assert!(stderr.contains("= in meetings"), "{stderr}");
    assert!(!stderr.contains("┌─"), "{stderr}");
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
}

#[test]
fn a_tab_and_an_unquoted_colon_are_explained_where_they_are() {
    let repo = Repo::minimal();
    let item = "meetings/kn/2026-03-02/02-budget.yaml";
    repo.write(
        item,
        "rubrik: Budget 2026\nbeslutsunderlag:\n\t- Tjänsteskrivelse\n",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    // At the tab itself: line 3, column 1.
    assert!(stderr.contains("02-budget.yaml:3:1"), "{stderr}");
    assert!(
        stderr.contains("hint: YAML indents with spaces only: replace the tab with spaces"),
        "{stderr}"
    );

    repo.write(item, "rubrik: Budget 2026: förslag\n");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(stderr.contains("02-budget.yaml:1:20"), "{stderr}");
    assert!(
        stderr.contains("put the text in quotes (\"…\"), or write `|`"),
        "{stderr}"
    );
}
