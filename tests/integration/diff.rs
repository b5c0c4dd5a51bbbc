//! `rsr diff` on a temporary git repository: what a pull request that
//! changes a decision, adds an item, moves a meeting or touches nothing
//! relevant shows its reviewers.

use crate::support::Repo;

/// A copy of the examples committed on `main`.
fn committed() -> Repo {
    let repo = Repo::examples();
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    std::fs::write(repo.path().join("README.md"), "Nämndens handlingar\n").unwrap();
    repo.commit("Examples");
    repo
}

/// A branch off main with one change, committed.
fn branch(repo: &Repo) {
    repo.git(&["checkout", "--quiet", "-b", "andring"]);
}

#[test]
fn a_changed_decision_lists_the_protokoll_and_its_utdrag_with_a_word_diff_and_a_warning() {
    let repo = committed();
    branch(&repo);
    repo.edit(
        "meetings/bmn/2026-10-14/04-bygglov-strandvagen.yaml",
        "1. Bygglov beviljas med stöd av 9 kap. 31 b §",
        "1. Bygglov beviljas med stöd av 9 kap. 31 c §",
    );
    repo.commit("Rätta lagrum");
    let out = repo.rsr(&["diff"]).success().stdout();
    assert!(
        out.starts_with("<!-- rsr-diff -->\n## rsr: dokument som ändras\n"),
        "{out}"
    );
    assert!(
        out.contains("(merge-base with main): 3 dokument — 3 ändras."),
        "{out}"
    );
    assert!(out.contains("> [!WARNING]\n> Justerat protokoll ändras: Bygg- och miljönämnden 2026-10-14, justerat 2026-10-20."), "{out}");
    for heading in [
        "### Protokoll, Bygg- och miljönämnden 2026-10-14\n`bmn/2026-10-14-protokoll.pdf` · ändras",
        "### Protokoll, offentlig version, Bygg- och miljönämnden 2026-10-14",
        "### Protokollsutdrag § 121, Bygg- och miljönämnden 2026-10-14",
    ] {
        assert!(out.contains(heading), "{heading} missing:\n{out}");
    }
    assert!(out.contains(
        "- **§ 121 Bygglov för nybyggnad av flerbostadshus, Storsjö Strand 2:14** ändras\n  - beslut: 1. Bygglov beviljas med stöd av 9 kap. 31 ~~b~~**c** § plan- och bygglagen. …"
    ), "{out}");
    // The kallelse does not show the decision; the other utdrag are unchanged.
    assert!(!out.contains("Kallelse"), "{out}");
    assert!(!out.contains("protokollsutdrag-122"), "{out}");

    let json: serde_json::Value = serde_json::from_str(
        &repo
            .rsr(&["diff", "main", "--format", "json"])
            .success()
            .stdout(),
    )
    .unwrap();
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 3);
    let protokoll = documents
        .iter()
        .find(|d| d["path"] == "bmn/2026-10-14-protokoll.pdf")
        .unwrap();
    assert_eq!(protokoll["change"], "changed");
    assert_eq!(protokoll["items"][0]["label"], "§ 121");
    assert_eq!(protokoll["items"][0]["fields"][0]["field"], "beslut");
    assert_eq!(json["warnings"].as_array().unwrap().len(), 1);
}

#[test]
fn an_added_item_changes_the_kallelse_and_the_plan() {
    let repo = committed();
    branch(&repo);
    repo.rsr(&["new", "item", "rsr", "2026-01-26", "Regional cykelstrategi"])
        .success();
    // Not committed: the working tree counts.
    let out = repo.rsr(&["diff"]).success().stdout();
    assert!(
        out.contains("### Kallelse/föredragningslista, Regionens samverkansråd 2026-01-26"),
        "{out}"
    );
    assert!(
        out.contains("- **punkt 7 Regional cykelstrategi** tillkommer"),
        "{out}"
    );
    // The plan lists the meeting's items, as it has no planned topics.
    assert!(
        out.contains("### Sammanträdesplan, Regionens samverkansråd 2026\n`rsr/2026-sammantradesplan.pdf` · ändras\n\n- **2026-01-26 sammanträde** ändras\n  - ärenden: … psykisk hälsa och suicidprevention 2026–2034 **· Regional cykelstrategi**\n"),
        "{out}"
    );
    assert!(!out.contains("WARNING"), "{out}");
}

#[test]
fn a_moved_meeting_shows_in_its_plan_as_removed_and_added() {
    let repo = committed();
    branch(&repo);
    let meetings = repo.path().join("meetings/gnus");
    std::fs::rename(meetings.join("2026-05-11"), meetings.join("2026-05-18")).unwrap();
    repo.edit(
        "meetings/gnus/2026-05-18/meeting.yaml",
        "datum: 2026-05-11",
        "datum: 2026-05-18",
    );
    repo.commit("Flytta mötet");
    let out = repo.rsr(&["diff"]).success().stdout();
    assert!(out.contains("1 dokument — 1 ändras."), "{out}");
    assert!(
        out.contains("### Sammanträdesplan, Gemensam nämnd"),
        "{out}"
    );
    assert!(
        out.contains("- **2026-05-18 sammanträde** tillkommer"),
        "{out}"
    );
    assert!(out.contains("- **2026-05-11 sammanträde** utgår"), "{out}");
}

#[test]
fn a_change_outside_the_meetings_lists_nothing() {
    let repo = committed();
    branch(&repo);
    std::fs::write(
        repo.path().join("README.md"),
        "Nämndens handlingar, se out/\n",
    )
    .unwrap();
    repo.commit("README");
    let out = repo.rsr(&["diff"]).success().stdout();
    assert!(out.ends_with(": inga dokument ändras.\n"), "{out}");
}

#[test]
fn hostile_text_is_escaped_and_confidential_text_is_not_shown() {
    let repo = committed();
    branch(&repo);
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik: Uppföljning av verksamhet – Energikontoret Jämtland Härjedalen",
        "rubrik: \"<script>alert(1)</script> [klicka](javascript:alert(1)) @everyone **fet**\"",
    );
    repo.edit(
        "meetings/bmn/2026-10-14/08-bostadsanpassning.yaml",
        "Tallvägen 7",
        "Tallvägen 9",
    );
    let out = repo.rsr(&["diff"]).success().stdout();
    assert!(!out.contains("<script>"), "{out}");
    assert!(
        out.contains("\\<script\\>alert\\(1\\)\\</script\\>"),
        "{out}"
    );
    assert!(
        out.contains("\\[klicka\\]\\(javascript:alert\\(1\\)\\)"),
        "{out}"
    );
    assert!(out.contains("@\u{2060}everyone"), "{out}");
    assert!(out.contains("\\*\\*fet\\*\\*"), "{out}");
    // The confidential item's change is named, its text is not.
    assert!(
        out.contains("ändras (sekretess: innehållet visas inte)"),
        "{out}"
    );
    assert!(!out.contains("Tallvägen"), "{out}");
}

#[test]
fn without_a_main_branch_diff_asks_for_a_revision() {
    let repo = Repo::examples();
    repo.git(&["init", "--quiet", "--initial-branch=trunk"]);
    repo.commit("Examples");
    let stderr = repo.rsr(&["diff"]).usage_failure().stderr();
    assert!(
        stderr.contains(
            "no main or master branch to compare with: name a revision, e.g. `rsr diff HEAD~1`"
        ),
        "{stderr}"
    );
    let stderr = repo.rsr(&["diff", "nonesuch"]).usage_failure().stderr();
    assert!(
        stderr.contains("`nonesuch` is not a commit in this repository"),
        "{stderr}"
    );
    let out = repo.rsr(&["diff", "HEAD"]).success().stdout();
    assert!(out.contains("inga dokument ändras"), "{out}");
}

#[test]
fn outside_git_or_before_the_first_commit_diff_says_which() {
    let repo = Repo::examples();
    let stderr = repo.rsr(&["diff"]).usage_failure().stderr();
    assert!(
        stderr.contains("is not in a git repository: rsr diff compares commits; run `git init`"),
        "{stderr}"
    );
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    let stderr = repo.rsr(&["diff"]).usage_failure().stderr();
    assert!(
        stderr.contains("the git repository has no commits yet"),
        "{stderr}"
    );
}

#[test]
fn without_git_diff_says_so_with_exit_code_3() {
    let repo = committed();
    let empty = tempfile::tempdir().unwrap();
    let output = crate::support::rsr_command()
        .arg("diff")
        .env("PATH", empty.path())
        .current_dir(repo.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("rsr diff needs git on PATH"), "{stderr}");
}
