//! `rsr new`: scaffolds that pass `rsr check` and build.

use crate::support::{Repo, assert_in_order};

#[test]
fn a_new_meeting_and_item_pass_check_and_build() {
    let repo = Repo::examples();
    let run = repo.rsr(&["new", "meeting", "bmn", "2026-11-18"]).success();
    assert!(
        run.stderr().contains(
            "Created meetings/bmn/2026-11-18 (planerad, 2 opening items; its paragraphs will start at § 126)"
        ),
        "{}",
        run.stderr()
    );
    let meeting = repo.read("meetings/bmn/2026-11-18/meeting.yaml");
    // Place, times and form come from the body's latest meeting.
    assert!(
        meeting.contains("start: \"09:00\"\nslut: \"12:10\"\nplats: Sammanträdesrummet Storsjön")
    );
    assert!(meeting.contains("status: planerad"));

    repo.rsr(&[
        "new",
        "item",
        "BMN",
        "2026-11-18",
        "Bygglov för Backe 3:9 \"Norrgården\"",
    ])
    .success();
    let item = repo.read("meetings/bmn/2026-11-18/03-bygglov-for-backe-3-9-norrgarden.yaml");
    assert!(
        item.contains("rubrik: \"Bygglov för Backe 3:9 \\\"Norrgården\\\"\""),
        "{item}"
    );
    repo.rsr(&["check", "--deny-warnings"]).success();

    repo.edit(
        "meetings/bmn/2026-11-18/meeting.yaml",
        "status: planerad",
        "status: kallad",
    );
    repo.rsr(&[
        "build",
        "--body",
        "bmn",
        "--meeting",
        "2026-11-18",
        "--kind",
        "kallelse",
    ])
    .success();
    assert_in_order(
        &repo.text("out/bmn/2026-11-18-kallelse.pdf"),
        &[
            "onsdag 18 november 2026",
            "1. Val av justerare",
            "2. Godkännande av dagordning",
            "3. Bygglov för Backe 3:9 \"Norrgården\"",
        ],
    );
}

#[test]
fn new_refuses_what_cannot_be_and_writes_nothing() {
    let repo = Repo::examples();
    let stderr = repo
        .rsr(&["new", "meeting", "bmn", "2026-10-14"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("meetings/bmn/2026-10-14 exists already"),
        "{stderr}"
    );

    let run = repo.rsr(&["new", "meeting", "bmn", "2026-02-30"]);
    assert!(!run.output.status.success());
    assert!(
        run.stderr().contains("`2026-02-30` is not a date"),
        "{}",
        run.stderr()
    );
    assert!(!repo.path().join("meetings/bmn/2026-02-30").exists());

    let stderr = repo
        .rsr(&["new", "item", "bmn", "2026-10-14", "Sent ärende"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("the meeting of 2026-10-14 is justerad"),
        "{stderr}"
    );

    let stderr = repo
        .rsr(&["new", "item", "bmn", "2026-12-01", "Ärende"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("Bygg- och miljönämnden has no meeting on 2026-12-01"),
        "{stderr}"
    );
    repo.rsr(&["check"]).success();
}

/// Beside an item file with a mistake (read in part, so left out of what
/// `rsr new` sees), a new item still takes a number of its own; a meeting
/// that does not read is named as such, not as missing.
#[test]
fn a_new_item_beside_a_file_with_a_mistake_takes_the_next_number() {
    let repo = Repo::examples();
    let dir = "meetings/rsr/2026-01-26";
    repo.edit(
        &format!("{dir}/06-psykisk-halsa.yaml"),
        "rubrik:",
        "diarienumer: RS/1/2026\nrubrik:",
    );
    repo.rsr(&["new", "item", "rsr", "2026-01-26", "Psykisk hälsa"])
        .success();
    assert!(
        repo.path()
            .join(format!("{dir}/07-psykisk-halsa-2.yaml"))
            .is_file()
    );
    let sixes = std::fs::read_dir(repo.path().join(dir))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("06-")
        })
        .count();
    assert_eq!(sixes, 1);

    repo.edit(
        &format!("{dir}/meeting.yaml"),
        "status: kallad",
        "status: Kallad",
    );
    let stderr = repo
        .rsr(&["new", "item", "rsr", "2026-01-26", "Ärende"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("the meeting of 2026-01-26 of Regionens samverkansråd does not read: `rsr check` shows why"),
        "{stderr}"
    );
}
