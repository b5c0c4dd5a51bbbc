//! Membership over the years: dated members and roles in body.yaml, a
//! meeting's own officers, and the next meeting's time and place. Every
//! document shows the body as it was on its meeting's date, so a new
//! mandate period changes no earlier document.

use crate::support::{Repo, assert_in_order, normalize};

const BMN: &str = "meetings/bmn/body.yaml";

/// The example nämnd as it was before its mandate-period change was
/// written in: only the entries in force in 2026, without dates, and no
/// meeting of 2027.
fn without_the_new_period(repo: &Repo) {
    let body = repo.read(BMN);
    let old: Vec<String> = body
        .lines()
        .filter(|line| !line.contains("från: 2027-01-01"))
        .map(|line| line.replace(", till: 2026-12-31", ""))
        .collect();
    repo.write(BMN, &(old.join("\n") + "\n"));
    std::fs::remove_dir_all(repo.path().join("meetings/bmn/2027-01-20")).unwrap();
}

#[test]
fn a_new_mandate_period_changes_no_earlier_document_by_a_byte() {
    let before = Repo::examples();
    without_the_new_period(&before);
    let old = before.read(BMN);
    assert!(
        !old.contains("från:") && !old.contains("till:"),
        "the old body.yaml has no dates: {old}"
    );
    before.rsr(&["build", "--body", "bmn"]).success();

    let after = Repo::examples();
    assert!(after.read(BMN).contains("från: 2027-01-01"));
    // The sealed protokoll of 2026 stays sealed.
    after.rsr(&["check", "--deny-warnings"]).success();
    after.rsr(&["build", "--body", "bmn"]).success();

    let mut compared = 0;
    for entry in std::fs::read_dir(before.path().join("out/bmn")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !name.ends_with(".pdf") {
            continue;
        }
        assert!(name.starts_with("2026"), "{name}");
        assert_eq!(
            before.bytes(&format!("out/bmn/{name}")),
            after.bytes(&format!("out/bmn/{name}")),
            "{name} changed with the new mandate period"
        );
        compared += 1;
    }
    // The kallelse, both protokoll, eight utdrag, the anslagsbevis, the
    // plan and the beslutsuppföljning of 2026.
    assert_eq!(compared, 14);
}

#[test]
fn each_kallelse_lists_the_body_as_it_is_on_its_date() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "bmn"]).success();

    let old = normalize(&repo.text("out/bmn/2026-10-14-kallelse.pdf"));
    assert_in_order(
        &old,
        &[
            "Ordförande",
            "Anna Berg (S)",
            "Per Ek (M), vice ordförande",
            "Karin Holm (C)",
            "Mikael Strand (S)",
        ],
    );
    for newcomer in ["Amir Haddad", "Linnéa Östlund", "Gustav Brink"] {
        assert!(!old.contains(newcomer), "{newcomer} in 2026: {old}");
    }

    let new = normalize(&repo.text("out/bmn/2027-01-20-kallelse.pdf"));
    assert_in_order(
        &new,
        &[
            "Ordförande",
            "Karin Holm (C)",
            "Sofia Dahl (S), vice ordförande",
            "Anna Berg (S)",
            "Per Ek (M)",
            "Amir Haddad (S)",
            "Linnéa Östlund (V)",
        ],
    );
    assert!(!new.contains("Per Ek (M), vice ordförande"), "{new}");
    for gone in ["Mikael Strand", "Eva Lund", "Olof Berglund", "Helena Ås"] {
        assert!(!new.contains(gone), "{gone} in 2027: {new}");
    }
    assert!(new.contains("Frida Sandberg (S)"), "{new}");
}

#[test]
fn quorum_counts_the_members_in_force_on_the_date() {
    let repo = Repo::examples();
    let meeting = "meetings/bmn/2027-01-20/meeting.yaml";
    // Five of the nine members of 2027 are there: a quorum. Under the
    // membership of 2026 three of them would not count.
    repo.edit(meeting, "status: planerad", "status: genomförd")
        .edit(
            meeting,
            "# närvaro:",
            "närvaro:\n  beslutande: [karin.holm, sofia.dahl, anna.berg, amir.haddad, linnea.ostlund]\n  övriga: [{person: ingrid.palm}]\n#",
        );
    // A held meeting's matters are decided (`missing-decision`).
    for item in [
        "03-delegationsordning.yaml",
        "04-sammantradesplan.yaml",
        "05-anmalan-av-delegationsbeslut.yaml",
    ] {
        let item = format!("meetings/bmn/2027-01-20/{item}");
        let text = repo.read(&item);
        repo.write(&item, &format!("{text}beslut: Förslaget godkänns.\n"));
    }
    repo.rsr(&["check"]).success();

    // Four of nine is not.
    repo.edit(meeting, ", linnea.ostlund]", "]");
    let run = repo.rsr(&["check"]).failure();
    assert!(
        run.stderr()
            .contains("only 4 of the body's 9 members are present; a quorum needs 5"),
        "{}",
        run.stderr()
    );
}

#[test]
fn someone_deciding_after_their_membership_ended_is_an_error_with_a_hint() {
    let repo = Repo::examples();
    let meeting = "meetings/bmn/2027-01-20/meeting.yaml";
    repo.edit(meeting, "status: planerad", "status: genomförd").edit(
        meeting,
        "# närvaro:",
        "närvaro:\n  beslutande: [karin.holm, sofia.dahl, anna.berg, per.ek, johan.nyberg, mikael.strand, amir.hadad]\n  tjänstgörande_ersättare:\n    - {person: helena.as, för: lars.vik}\n  övriga: [{person: ingrid.palm}]\n#",
    );
    let run = repo.rsr(&["check"]).failure();
    let stderr = run.stderr();
    assert!(
        stderr.contains(
            "error[not-a-member]: Mikael Strand is listed as deciding, but is not a member of BMN on 2027-01-20 (a member until 2026-12-31)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("error[not-a-member]: Helena Ås serves as a substitute, but is not a member of BMN on 2027-01-20 (a member until 2026-12-31)"),
        "{stderr}"
    );
    // A typo is an unknown person, with a did-you-mean of its own; it is
    // not reported a second time as a non-member.
    assert!(stderr.contains("did you mean `amir.haddad`?"), "{stderr}");
    assert_eq!(stderr.matches("error[not-a-member]").count(), 2, "{stderr}");
}

#[test]
fn a_meeting_may_name_its_own_vice_chair() {
    let repo = Repo::examples();
    let meeting = "meetings/bmn/2027-01-20/meeting.yaml";
    repo.edit(
        meeting,
        "status: planerad",
        "status: planerad\nvice_ordförande: per.ek",
    );
    repo.rsr(&["check"]).success();
    repo.rsr(&["build", "--body", "bmn", "--meeting", "2027-01-20"])
        .success();
    let text = normalize(&repo.text("out/bmn/2027-01-20-kallelse.pdf"));
    assert!(text.contains("Per Ek (M), vice ordförande"), "{text}");
    assert!(!text.contains("Sofia Dahl (S), vice ordförande"), "{text}");
    assert!(text.contains("Sofia Dahl (S)"), "{text}");
}

#[test]
fn a_new_meeting_suggests_the_members_of_its_date() {
    let repo = Repo::examples();
    repo.rsr(&["new", "meeting", "bmn", "2027-02-17"]).success();
    let meeting = repo.read("meetings/bmn/2027-02-17/meeting.yaml");
    assert!(
        meeting.contains(
            "#   beslutande: [karin.holm, sofia.dahl, anna.berg, per.ek, johan.nyberg, lars.vik, maria.sjoberg, amir.haddad, linnea.ostlund]"
        ),
        "{meeting}"
    );
    repo.rsr(&["new", "meeting", "bmn", "2026-12-09"]).success();
    let meeting = repo.read("meetings/bmn/2026-12-09/meeting.yaml");
    assert!(
        meeting.contains(
            "#   beslutande: [anna.berg, per.ek, karin.holm, mikael.strand, eva.lund, johan.nyberg, sofia.dahl, lars.vik, maria.sjoberg]"
        ),
        "{meeting}"
    );
}

#[test]
fn a_change_of_role_needs_periods_that_do_not_overlap() {
    let repo = Repo::examples();
    repo.edit(
        BMN,
        "{person: sofia.dahl, roll: vice ordförande, från: 2027-01-01}",
        "{person: sofia.dahl, roll: vice ordförande, från: 2026-12-01}",
    );
    let run = repo.rsr(&["check"]).failure();
    assert!(
        run.stderr()
            .contains("error[duplicate-person]: Sofia Dahl is listed twice among the members for the same days"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("end the first entry with `till:`"),
        "{}",
        run.stderr()
    );
}

#[test]
fn the_next_meeting_shows_its_time_and_place() {
    // Held, not adjusted: `rsr justera` would write the next meeting's
    // time and place into meeting.yaml.
    let repo = Repo::minimal_held();
    let meeting = "meetings/kn/2026-03-02/meeting.yaml";
    // From the next meeting's folder, when there is one.
    repo.rsr(&["new", "meeting", "kn", "2026-04-06", "--start", "09:30"])
        .success();
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    let text = normalize(&repo.text("out/kn/2026-03-02-protokoll.pdf"));
    assert!(
        text.contains("Nästa möte: måndag 6 april 2026 kl. 09.30, Sessionssalen"),
        "{text}"
    );

    // Written in meeting.yaml, when there is none.
    std::fs::remove_dir_all(repo.path().join("meetings/kn/2026-04-06")).unwrap();
    repo.edit(
        meeting,
        "nästa_möte: 2026-04-06",
        "nästa_möte: {datum: 2026-04-07, start: \"13:00\", plats: \"Stadshuset, sal A\"}",
    );
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    let text = normalize(&repo.text("out/kn/2026-03-02-protokoll.pdf"));
    assert!(
        text.contains("Nästa möte: tisdag 7 april 2026 kl. 13.00, Stadshuset, sal A"),
        "{text}"
    );

    // A mapping is checked field by field.
    repo.edit(meeting, "sal A\"}", "sal A\", tid: 2}");
    let run = repo.rsr(&["check"]).failure();
    assert!(
        run.stderr().contains("error[unknown-field]"),
        "{}",
        run.stderr()
    );
}

#[test]
fn justera_writes_the_next_meetings_time_in_so_the_seal_holds_when_it_moves() {
    let repo = Repo::minimal();
    let meeting = "meetings/kn/2026-03-02/meeting.yaml";
    repo.unseal("meetings/kn/2026-03-02")
        .edit(meeting, "status: justerad", "status: genomförd");
    repo.rsr(&["new", "meeting", "kn", "2026-04-06", "--start", "09:30"])
        .success();
    repo.rsr(&["justera", "kn", "2026-03-02"]).success();
    let written = repo.read(meeting);
    assert!(
        written.contains(
            "nästa_möte: {datum: 2026-04-06, start: \"09:30\", plats: \"Sessionssalen\"}"
        ),
        "{written}"
    );
    repo.rsr(&["check"]).success();

    // The next meeting is moved to the afternoon: the adjusted protokoll
    // still says what it said when it was adjusted.
    repo.edit(
        "meetings/kn/2026-04-06/meeting.yaml",
        "start: \"09:30\"",
        "start: \"14:00\"",
    );
    repo.rsr(&["check"]).success();
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    let text = normalize(&repo.text("out/kn/2026-03-02-protokoll.pdf"));
    assert!(
        text.contains("Nästa möte: måndag 6 april 2026 kl. 09.30, Sessionssalen"),
        "{text}"
    );
}

#[test]
fn a_meetings_vice_chair_is_checked_and_a_substitute_in_it_stays_one() {
    let repo = Repo::examples();
    let meeting = "meetings/bmn/2026-10-14/meeting.yaml";
    repo.unseal("meetings/bmn/2026-10-14");
    repo.edit(
        meeting,
        "justerare:",
        "vice_ordförande: helena.ass\njusterare:",
    );
    let run = repo.rsr(&["check"]).failure();
    assert!(
        run.stderr().contains("unknown person `helena.ass`")
            && run.stderr().contains("did you mean `helena.as`?"),
        "{}",
        run.stderr()
    );

    // Helena Ås serves for Maria Sjöberg and is the meeting's vice chair:
    // the vote still names her a serving substitute.
    repo.edit(
        meeting,
        "vice_ordförande: helena.ass",
        "vice_ordförande: helena.as",
    );
    repo.reseal("meetings/bmn/2026-10-14");
    repo.rsr(&["check"]).success();
    repo.rsr(&[
        "build",
        "--body",
        "bmn",
        "--meeting",
        "2026-10-14",
        "--kind",
        "protokoll",
    ])
    .success();
    let text = normalize(&repo.text("out/bmn/2026-10-14-protokoll.pdf"));
    assert!(
        text.contains("Helena Ås (C), tjänstgörande ersättare"),
        "{text}"
    );
}

#[test]
fn a_next_meeting_written_out_is_printed_as_written_and_sealed_as_such() {
    let repo = Repo::minimal();
    let meeting = "meetings/kn/2026-03-02/meeting.yaml";
    repo.unseal("meetings/kn/2026-03-02")
        .edit(meeting, "status: justerad", "status: genomförd")
        .edit(
            meeting,
            "nästa_möte: 2026-04-06",
            "nästa_möte: {datum: 2026-04-06, plats: Stadshuset}",
        );
    // The folder gives a time, but the mapping says all there is to say.
    repo.rsr(&["new", "meeting", "kn", "2026-04-06", "--start", "09:30"])
        .success();
    repo.rsr(&["justera", "kn", "2026-03-02"]).success();
    repo.rsr(&["check"]).success();
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    let text = normalize(&repo.text("out/kn/2026-03-02-protokoll.pdf"));
    assert!(
        text.contains("Nästa möte: måndag 6 april 2026, Stadshuset"),
        "{text}"
    );

    // A next meeting that is inställd is worth a warning, and lends the
    // protokoll nothing.
    repo.edit(
        "meetings/kn/2026-04-06/meeting.yaml",
        "status: planerad",
        "status: inställd",
    );
    let run = repo.rsr(&["check"]).success();
    assert!(
        run.stderr().contains(
            "warning[next-meeting-cancelled]: the next meeting, Monday 6 April 2026, is inställd"
        ),
        "{}",
        run.stderr()
    );
}

#[test]
fn an_unknown_member_is_one_finding_not_three() {
    let repo = Repo::minimal_held();
    repo.edit(
        "meetings/kn/body.yaml",
        "{person: anna.ordf, roll: ordförande}",
        "{person: anna.ordff, roll: ordförande}",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[unknown-person]: unknown person `anna.ordff`"),
        "{stderr}"
    );
    // Its consequences are not findings of their own: Anna Ordförande is
    // not "not a member", and the count of members is not a quorum problem.
    for consequence in ["not-a-member", "quorum", "chair-not-present"] {
        assert!(!stderr.contains(&format!("[{consequence}]")), "{stderr}");
    }
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
}
