//! `rsr justera` and the tamper lock: adjusting seals the protokoll; a later
//! change is an error unless recorded as a rättelse, which the protokoll
//! then shows; nothing is written when justering cannot be done.

use crate::support::Repo;

const BMN: &str = "meetings/bmn/2026-10-14";
const MEETING: &str = "meetings/bmn/2026-10-14/meeting.yaml";
const ITEM: &str = "meetings/bmn/2026-10-14/04-bygglov-strandvagen.yaml";
const LOCK: &str = "meetings/bmn/2026-10-14/justering.lock";

/// BMN 2026-10-14 as it was on the day of the meeting: held, not adjusted.
fn held() -> Repo {
    let repo = Repo::examples();
    repo.unseal(BMN);
    repo.edit(MEETING, "status: justerad", "status: genomförd");
    repo
}

#[test]
fn justera_marks_the_meeting_adjusted_keeps_its_comments_and_seals_it() {
    let repo = held();
    let before = repo.read(MEETING);
    let stderr = repo
        .rsr(&["justera", "bmn", "2026-10-14", "--datum", "2026-10-21"])
        .success()
        .stderr();
    assert!(
        stderr.contains("BMN 2026-10-14 is justerad on Wednesday 21 October 2026"),
        "{stderr}"
    );
    let after = repo.read(MEETING);
    // Only the two values changed; comments and layout are kept.
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [
            ("status: genomförd", "status: justerad"),
            ("  datum: 2026-10-20", "  datum: 2026-10-21"),
        ]
    );
    assert!(after.contains("# The repository starts mid-year"));
    let lock = repo.read(LOCK);
    assert!(lock.contains("justerad: 2026-10-21\n"), "{lock}");
    assert!(lock.contains("justerare:\n  - karin.holm\n"), "{lock}");
    assert!(lock.contains("  121: "), "{lock}");

    let stderr = repo.rsr(&["check"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");
    repo.rsr(&["build", "--body", "bmn", "--kind", "protokoll"])
        .success();
    let text = repo.text("out/bmn/2026-10-14-protokoll.pdf");
    assert!(!text.contains("UTKAST"));
    assert!(text.contains("onsdag 21 oktober 2026"), "{text}");
}

#[test]
fn a_changed_decision_after_justering_fails_check_and_build() {
    let repo = Repo::examples();
    // The proposal is the kallelse's; the protokoll does not show it.
    repo.edit(
        ITEM,
        "Bygglov beviljas med stöd av 9 kap. 31 b §",
        "Bygglov beviljas enligt 9 kap. 31 b §",
    );
    repo.rsr(&["check"]).success();
    // The decision is the protokoll's.
    repo.edit(
        ITEM,
        "1. Bygglov beviljas med stöd av 9 kap. 31 b §",
        "1. Bygglov beviljas med stöd av 9 kap. 31 c §",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[adjusted-changed]: the protokoll of BMN 2026-10-14 was adjusted on 2026-10-20"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("and § 121 no longer says what was adjusted then"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("┌─ {ITEM}:1:1")), "{stderr}");
    // The example's lock is of the first format: it names no field, and
    // says how to find it.
    assert!(!repo.read(LOCK).contains("format:"));
    assert!(
        stderr.contains("this justering.lock is of rsr's first format, which records no fields, so the changed one cannot be named: `git diff c27f9e1f56 -- meetings/bmn/2026-10-14` shows it"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("error[adjusted-changed]").count(),
        1,
        "{stderr}"
    );
    repo.rsr(&["build"]).failure();
    assert!(!repo.path().join("out").exists());
    // Justera refuses to seal a change that is not a rättelse.
    let stderr = repo
        .rsr(&["justera", "bmn", "2026-10-14"])
        .failure()
        .stderr();
    assert!(
        stderr.contains("has changed without a rättelse"),
        "{stderr}"
    );
}

#[test]
fn a_renamed_person_changes_the_first_page_of_an_adjusted_protokoll() {
    let repo = Repo::examples();
    repo.edit("rsr.yaml", "namn: Karin Holm", "namn: Karin Holm Lindqvist");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(stderr.contains("error[adjusted-changed]"), "{stderr}");
    // Karin Holm is on the first page and votes in § 121.
    assert!(
        stderr.contains("and its first page and § 121 no longer say what was adjusted then"),
        "{stderr}"
    );
}

#[test]
fn a_rattelse_is_sealed_by_justera_and_shown_in_the_protokoll_and_utdrag() {
    let repo = Repo::examples();
    repo.edit(
        ITEM,
        "1. Bygglov beviljas med stöd av 9 kap. 31 b §",
        "1. Bygglov beviljas med stöd av 9 kap. 31 c §",
    );
    let mut meeting = repo.read(MEETING);
    meeting.push_str(
        "rättelser:\n  - datum: 2026-10-27\n    paragraf: 121\n    text: Lagrummet är rättat till 9 kap. 31 c § plan- och bygglagen (skrivfel).\n    av: ingrid.palm\n",
    );
    repo.write(MEETING, &meeting);
    let stderr = repo.rsr(&["check"]).success().stderr();
    assert!(
        stderr.contains(
            "warning[correction-unsealed]: BMN 2026-10-14 has a rättelse that is not yet sealed"
        ),
        "{stderr}"
    );
    let stderr = repo
        .rsr(&["justera", "bmn", "2026-10-14"])
        .success()
        .stderr();
    assert!(
        stderr.contains("sealed the rättelse of BMN 2026-10-14 (§ 121)"),
        "{stderr}"
    );
    assert!(repo.read(LOCK).contains("rättelser: 1\n"));
    // Sealed again, the lock takes the format that records the fields.
    assert!(repo.read(LOCK).contains("\nformat: 2\n"));
    let stderr = repo.rsr(&["check"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");

    repo.rsr(&["build", "--body", "bmn"]).success();
    let correction = "2026-10-27: Lagrummet är rättat till 9 kap. 31 c § plan- och bygglagen (skrivfel). (Ingrid Palm)";
    let first = repo.page_text("out/bmn/2026-10-14-protokoll.pdf", 1);
    assert!(
        first.contains("Rättelser: 2026-10-27, § 121: Lagrummet"),
        "{first}"
    );
    let text = repo.text("out/bmn/2026-10-14-protokoll.pdf");
    assert!(text.contains(&format!("Rättelse {correction}")), "{text}");
    let utdrag = repo.text("out/bmn/2026-10-14-protokollsutdrag-121.pdf");
    assert!(
        utdrag.contains(&format!("Rättelse {correction}")),
        "{utdrag}"
    );
    let other = repo.text("out/bmn/2026-10-14-protokollsutdrag-122.pdf");
    assert!(!other.contains("Rättelse"));
}

#[test]
fn an_adjusted_meeting_cannot_go_back_to_held() {
    let repo = Repo::examples();
    repo.edit(MEETING, "status: justerad", "status: genomförd");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[lock-not-adjusted]: BMN 2026-10-14 was adjusted on 2026-10-20"),
        "{stderr}"
    );
}

#[test]
fn justera_refuses_what_cannot_be_adjusted_and_writes_nothing() {
    let repo = Repo::examples();
    // Not yet held.
    let before = repo.read("meetings/rsr/2026-01-26/meeting.yaml");
    let stderr = repo
        .rsr(&["justera", "rsr", "2026-01-26"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("RSR 2026-01-26 is kallad: a meeting is adjusted after it has been held"),
        "{stderr}"
    );
    assert_eq!(repo.read("meetings/rsr/2026-01-26/meeting.yaml"), before);

    // No justering block and no --plats.
    let repo = held();
    let meeting = repo.read(MEETING);
    let start = meeting.find("justering:\n").unwrap();
    let end = meeting.find("nästa_möte:").unwrap();
    let without = format!("{}{}", &meeting[..start], &meeting[end..]);
    repo.write(MEETING, &without);
    let stderr = repo
        .rsr(&["justera", "bmn", "2026-10-14"])
        .usage_failure()
        .stderr();
    assert!(
        stderr.contains("say where it takes place with --plats"),
        "{stderr}"
    );
    assert_eq!(repo.read(MEETING), without);
    assert!(!repo.path().join(LOCK).exists());

    // With --plats it is added; a meeting with check errors is not sealed.
    repo.edit(
        MEETING,
        "justerare: [karin.holm]",
        "justerare: [nobody.here]",
    );
    let stderr = repo
        .rsr(&[
            "justera",
            "bmn",
            "2026-10-14",
            "--plats",
            "digitalt",
            "--datum",
            "2026-10-20",
        ])
        .failure()
        .stderr();
    assert!(stderr.contains("error[unknown-person]"), "{stderr}");
    assert!(!repo.path().join(LOCK).exists());
    assert!(repo.read(MEETING).contains("status: genomförd"));

    repo.edit(
        MEETING,
        "justerare: [nobody.here]",
        "justerare: [karin.holm]",
    );
    repo.rsr(&[
        "justera",
        "bmn",
        "2026-10-14",
        "--plats",
        "digitalt",
        "--datum",
        "2026-10-20",
    ])
    .success();
    assert!(
        repo.read(MEETING)
            .ends_with("justering:\n  datum: 2026-10-20\n  plats: digitalt\n")
    );
    repo.rsr(&["check"]).success();
}

/// BMN 2026-10-14 adjusted by this rsr, whose lock records the fields.
fn sealed_now() -> Repo {
    let repo = held();
    repo.rsr(&["justera", "bmn", "2026-10-14", "--datum", "2026-10-20"])
        .success();
    let lock = repo.read(LOCK);
    assert!(lock.contains("\nformat: 2\n"), "{lock}");
    assert!(lock.contains("\nfält:\n"), "{lock}");
    let stderr = repo.rsr(&["check"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");
    repo
}

/// `file:line:column` of the first `needle` in `relative`, as a finding
/// names its place.
fn place(repo: &Repo, relative: &str, needle: &str) -> String {
    let text = repo.read(relative);
    let (line, found) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(needle))
        .unwrap_or_else(|| panic!("{relative} does not contain {needle:?}"));
    let column = found[..found.find(needle).unwrap()].chars().count() + 1;
    format!("{relative}:{}:{column}", line + 1)
}

#[test]
fn a_changed_decision_is_reported_at_its_line_with_what_it_said() {
    let repo = sealed_now();
    // The proposal is the kallelse's: changed along with the decision, it
    // is not reported.
    repo.edit(
        ITEM,
        "Bygglov beviljas med stöd av 9 kap. 31 b § plan- och bygglagen. Avvikelsen",
        "Bygglov beviljas enligt 9 kap. 31 b § plan- och bygglagen. Avvikelsen",
    );
    // The second line of the decision.
    repo.edit(
        ITEM,
        "förenlig med planens syfte.",
        "förenlig med planens syfte, och nämnden är enig.",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[adjusted-changed]: the protokoll of BMN 2026-10-14 was adjusted on 2026-10-20, and `beslut` of § 121 has changed since: its line 2 was \"…som liten och förenlig med planens syfte.\", now \"…som liten och förenlig med planens syfte, och nämnden är enig.\""
        ),
        "{stderr}"
    );
    let at = place(&repo, ITEM, "2. Avvikelsen från detaljplanen");
    assert_eq!(at, format!("{ITEM}:17:3"));
    assert!(stderr.contains(&format!("┌─ {at}\n")), "{stderr}");
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
    assert!(!stderr.contains("förslag_till_beslut"), "{stderr}");
    // A short value is quoted whole.
    repo.edit(
        ITEM,
        "diarienummer: BMN 2026-0287",
        "diarienummer: BMN 2026-0288",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("`diarienummer` of § 121 has changed since: it was \"BMN 2026-0287\", now \"BMN 2026-0288\""),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("┌─ {ITEM}:3:15\n")), "{stderr}");
    assert_eq!(stderr.matches("error[").count(), 2, "{stderr}");
}

#[test]
fn a_changed_name_in_rsr_yaml_or_body_yaml_is_reported_there() {
    let repo = sealed_now();
    repo.edit(
        "rsr.yaml",
        "namn: Karin Holm,",
        "namn: Karin Holm Lindqvist,",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[adjusted-changed]: the protokoll of BMN 2026-10-14 was adjusted on 2026-10-20, and `personer.karin.holm.namn` in rsr.yaml has changed since: it was \"Karin Holm\", now \"Karin Holm Lindqvist\""
        ),
        "{stderr}"
    );
    let at = place(&repo, "rsr.yaml", "Karin Holm Lindqvist");
    assert!(stderr.contains(&format!("┌─ {at}\n")), "{stderr}");
    // One finding: the name, not each paragraph that shows it.
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");

    repo.edit(
        "rsr.yaml",
        "namn: Karin Holm Lindqvist,",
        "namn: Karin Holm,",
    );
    repo.edit(
        "meetings/bmn/body.yaml",
        "namn: Bygg- och miljönämnden",
        "namn: Miljö- och byggnämnden",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "and `namn` in body.yaml has changed since: it was \"Bygg- och miljönämnden\", now \"Miljö- och byggnämnden\""
        ),
        "{stderr}"
    );
    let at = place(&repo, "meetings/bmn/body.yaml", "Miljö- och byggnämnden");
    assert!(stderr.contains(&format!("┌─ {at}\n")), "{stderr}");
}

#[test]
fn a_changed_first_page_is_reported_at_its_field_in_meeting_yaml() {
    let repo = sealed_now();
    repo.edit(
        MEETING,
        "  plats: Kommunhuset, Storsjö",
        "  plats: Stadshuset",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "and `justering.plats` has changed since: it was \"Kommunhuset, Storsjö\", now \"Stadshuset\""
        ),
        "{stderr}"
    );
    let at = place(&repo, MEETING, "Stadshuset");
    assert!(stderr.contains(&format!("┌─ {at}\n")), "{stderr}");
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
    // A rättelse seals it; the lock then holds the new value.
    let mut meeting = repo.read(MEETING);
    meeting.push_str(
        "rättelser:\n  - datum: 2026-10-27\n    text: Justeringens plats är rättad (skrivfel).\n",
    );
    repo.write(MEETING, &meeting);
    repo.rsr(&["justera", "bmn", "2026-10-14"]).success();
    assert!(
        repo.read(LOCK)
            .contains("\"/justering/plats\": \"Stadshuset\"")
    );
    repo.rsr(&["check"]).success();
}

#[test]
fn an_item_added_or_removed_after_justering_is_one_finding() {
    let repo = sealed_now();
    let added = "meetings/bmn/2026-10-14/09-tillagt.yaml";
    repo.write(
        added,
        "rubrik: Ett tillagt ärende\nbeslut: Nämnden beslutar.\n",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("\"Ett tillagt ärende\" (09-tillagt.yaml) has been added since"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("┌─ {added}:1:9\n")), "{stderr}");
    assert_eq!(
        stderr.matches("error[adjusted-changed]").count(),
        1,
        "{stderr}"
    );

    std::fs::remove_file(repo.path().join(added)).unwrap();
    std::fs::remove_file(repo.path().join(ITEM)).unwrap();
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("and the item \"Bygglov för nybyggnad av flerbostadshus, Storsjö Strand 2:14\" (04-bygglov-strandvagen.yaml) has been removed since"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("┌─ {MEETING}:1:1\n")), "{stderr}");
    assert_eq!(
        stderr.matches("error[adjusted-changed]").count(),
        1,
        "{stderr}"
    );
}

/// A justering.lock edited by hand, with letters outside ASCII in its
/// commit, is reported like any other change, never a crash.
#[test]
fn a_lock_with_a_hand_edited_commit_is_reported_not_a_crash() {
    let repo = Repo::minimal();
    let lock = "meetings/kn/2026-03-02/justering.lock";
    let text = repo.read(lock);
    let commit = text
        .lines()
        .find_map(|line| line.strip_prefix("commit: "))
        .unwrap()
        .to_string();
    repo.edit(lock, &commit, "xåååååååååå");
    repo.edit(
        "meetings/kn/2026-03-02/02-budget.yaml",
        "\nbeslut: Nämnden godkänner budgeten.",
        "\nbeslut: Nämnden avslår budgeten.",
    );
    let run = repo.rsr(&["check"]).failure();
    assert!(
        run.stderr().contains("error[adjusted-changed]"),
        "{}",
        run.stderr()
    );
}

/// A rättelse seals again only what it names (issue 18, point 2): one for
/// § 121 does not let § 125 change with it, and one for a paragraph does
/// not cover the first page. Before, any new rättelse let `rsr justera`
/// seal every change.
#[test]
fn a_rattelse_seals_only_what_it_names() {
    let repo = sealed_now();
    let amount = "meetings/bmn/2026-10-14/08-bostadsanpassning.yaml";
    repo.edit(
        ITEM,
        "1. Bygglov beviljas med stöd av 9 kap. 31 b §",
        "1. Bygglov beviljas med stöd av 9 kap. 31 c §",
    );
    repo.edit(amount, "186 400 kronor", "18 640 kronor");
    let mut meeting = repo.read(MEETING);
    meeting.push_str(
        "rättelser:\n  - datum: 2026-10-27\n    paragraf: 121\n    text: Lagrummet är rättat (skrivfel).\n",
    );
    repo.write(MEETING, &meeting);
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains("`beslut` of § 125 has changed since") && err.contains("18 640 kronor"),
        "{err}"
    );
    // § 121, which the rättelse names, is not a finding; nor the rättelse.
    assert!(!err.contains("§ 121"), "{err}");
    assert_eq!(err.matches("error[adjusted-changed]").count(), 1, "{err}");
    let err = repo
        .rsr(&["justera", "bmn", "2026-10-14"])
        .failure()
        .stderr();
    assert!(err.contains("has changed without a rättelse"), "{err}");
    assert!(repo.read(LOCK).contains("rättelser: 0\n"));

    // Named too, both are sealed.
    let mut meeting = repo.read(MEETING);
    meeting.push_str(
        "  - datum: 2026-10-27\n    paragraf: 125\n    text: Beloppet är rättat (skrivfel).\n",
    );
    repo.write(MEETING, &meeting);
    repo.rsr(&["justera", "bmn", "2026-10-14"]).success();
    assert!(repo.read(LOCK).contains("rättelser: 2\n"));
    repo.rsr(&["check"]).success();
}

#[test]
fn a_rattelse_of_a_paragraph_does_not_cover_the_first_page() {
    let repo = sealed_now();
    repo.edit(
        MEETING,
        "plats: Sammanträdesrummet Storsjön,",
        "plats: Sammanträdesrummet Sjön,",
    );
    repo.edit(
        ITEM,
        "1. Bygglov beviljas med stöd av 9 kap. 31 b §",
        "1. Bygglov beviljas med stöd av 9 kap. 31 c §",
    );
    let mut meeting = repo.read(MEETING);
    meeting.push_str(
        "rättelser:\n  - datum: 2026-10-27\n    paragraf: 121\n    text: Lagrummet är rättat (skrivfel).\n",
    );
    repo.write(MEETING, &meeting);
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains("and `plats` has changed since")
            && err.matches("error[adjusted-changed]").count() == 1,
        "{err}"
    );
    repo.rsr(&["justera", "bmn", "2026-10-14"]).failure();
    // A rättelse of the whole protokoll (no `paragraf:`) covers it.
    let mut meeting = repo.read(MEETING);
    meeting.push_str("  - datum: 2026-10-27\n    text: Lokalen är rättad (skrivfel).\n");
    repo.write(MEETING, &meeting);
    repo.rsr(&["justera", "bmn", "2026-10-14"]).success();
    repo.rsr(&["check"]).success();
}

/// A lock whose commit is not in the branch's history is a warning in a
/// git checkout with its whole history (issue 18, point 2), and a body that
/// merges by squashing may turn it off; outside git it is not judged.
#[test]
fn a_lock_from_another_history_is_a_warning() {
    let repo = Repo::minimal();
    let lock = repo.read("meetings/kn/2026-03-02/justering.lock");
    assert!(lock.contains("\ncommit: "), "{lock}");
    repo.rsr(&["check", "--deny-warnings"]).success();
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    repo.commit("Kulturnämnden");
    let err = repo.rsr(&["check"]).success().stderr();
    assert!(
        err.contains(
            "warning[lock-commit]: justering.lock of KN 2026-03-02 says it was adjusted at commit "
        ),
        "{err}"
    );
    assert!(
        err.contains("┌─ meetings/kn/2026-03-02/justering.lock:"),
        "{err}"
    );
    // After a build, which reads no history, rsr check takes what the
    // body's own rules found from the build's record and judges the locks
    // against the history all the same.
    repo.rsr_trusting(&["build"], &[]).success();
    let remembered = repo.rsr_trusting(&["check"], &[]).success().stderr();
    assert_eq!(remembered, err);
    // Sealed again here, the lock names a commit of this history.
    repo.unseal("meetings/kn/2026-03-02");
    repo.reseal("meetings/kn/2026-03-02");
    repo.rsr(&["check", "--deny-warnings"]).success();
    // A body that squashes its merges turns the rule off.
    repo.git(&[
        "commit",
        "--quiet",
        "--allow-empty",
        "--amend",
        "-m",
        "Omskriven",
    ]);
    repo.rsr(&["check", "--deny-warnings"]).failure();
    repo.edit(
        "meetings/kn/body.yaml",
        "kortnamn: KN\n",
        "kortnamn: KN\nregler: {lock-commit: off}\n",
    );
    repo.rsr(&["check", "--deny-warnings"]).success();
    // So does a check that takes the body's findings from a build.
    repo.rsr_trusting(&["build"], &[]).success();
    repo.rsr_trusting(&["check", "--deny-warnings"], &[])
        .success();
}

/// A lock edited by hand is found at the line it says, not at its hash.
#[test]
fn a_hand_edited_lock_date_is_found_at_its_line() {
    let repo = Repo::bad_case(&crate::support::examples().join("tests/bad/lock-mismatch"));
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains(
            "error[lock-mismatch]: justering.lock says KN 2026-03-02 was adjusted on 2026-03-05"
        ) && err.contains("┌─ meetings/kn/2026-03-02/justering.lock:6:11"),
        "{err}"
    );
}

const KN: &str = "meetings/kn/2026-03-02";
const KN_MEETING: &str = "meetings/kn/2026-03-02/meeting.yaml";
const KN_LOCK: &str = "meetings/kn/2026-03-02/justering.lock";
const KN_BUDGET: &str = "meetings/kn/2026-03-02/02-budget.yaml";

/// tests/good/minimal in git, its meeting sealed on main, and a branch
/// checked out to change it on.
fn committed_minimal() -> Repo {
    committed_minimal_in(&[])
}

/// `committed_minimal`, its git repository made with these further
/// arguments to `git init`.
fn committed_minimal_in(init: &[&str]) -> Repo {
    let repo = Repo::minimal();
    repo.git(&[&["init", "--quiet", "--initial-branch=main"][..], init].concat());
    repo.commit("Kulturnämnden");
    repo.reseal(KN);
    repo.commit("Justerat");
    repo.git(&["checkout", "--quiet", "-b", "andring"]);
    repo.rsr(&["check", "--deny-warnings"]).success();
    repo
}

/// A lock main holds that is gone is an error, whether only deleted or its
/// deletion committed on the branch, and the hint's command brings it back
/// (issue 18, point 2: before, a deleted lock with the status set back
/// passed).
#[test]
fn a_committed_lock_that_is_removed_is_an_error() {
    let repo = committed_minimal();
    let sealed_at = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    repo.unseal(KN);
    repo.edit(KN_MEETING, "status: justerad", "status: genomförd");
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains(&format!(
            "error[lock-removed]: {KN_LOCK} is in commit {} and is gone",
            &sealed_at[..10]
        )),
        "{err}"
    );
    assert!(err.contains(&format!("┌─ {KN_MEETING}:1:1")), "{err}");
    // Committed on the branch, the deletion is still found against main.
    repo.commit("Bort med förseglingen");
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains(&format!(
            "restore it with `git checkout {} -- {KN_LOCK}`",
            &sealed_at[..10]
        )),
        "{err}"
    );
    // So is a meeting removed whole.
    std::fs::remove_dir_all(repo.path().join(KN)).unwrap();
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(err.contains("error[lock-removed]"), "{err}");
    // The hint's command restores it.
    repo.git(&["checkout", &sealed_at[..10], "--", KN]);
    repo.rsr(&["check", "--deny-warnings"]).success();
}

/// Setting the status back, changing a decision and running `rsr justera`
/// again writes a new lock; held against main's, the change without a
/// rättelse is an error, committed on the branch or not, until a rättelse
/// names it (issue 18, point 2: before, this passed).
#[test]
fn a_lock_sealed_again_over_a_change_is_held_to_the_seal_of_main() {
    let repo = committed_minimal();
    let sealed_at = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    seal_again_over_a_change(&repo);
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains(&format!(
            "error[lock-rewritten]: the justering.lock of KN 2026-03-02 has been written again over a change: against its seal in commit {}, § ",
            &sealed_at[..10]
        )) && err.contains("no longer says what was sealed then, and no rättelse names it"),
        "{err}"
    );
    assert!(err.contains(&format!("┌─ {KN_LOCK}:1:1")), "{err}");
    repo.commit("Justerat igen");
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(err.contains("error[lock-rewritten]"), "{err}");

    // A rättelse that names the paragraph makes the change lawful.
    let paragraph = err
        .split("§ ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .unwrap()
        .to_string();
    let mut meeting = repo.read(KN_MEETING);
    meeting.push_str(&format!(
        "rättelser:\n  - datum: 2026-03-20\n    paragraf: {paragraph}\n    text: Beslutet är rättat.\n"
    ));
    repo.write(KN_MEETING, &meeting);
    repo.rsr(&["justera", "kn", "2026-03-02"]).success();
    repo.rsr(&["check", "--deny-warnings"]).success();
}

/// In a repository whose objects git names by SHA-256, a lock is known
/// as the one committed by its object id all the same: unchanged, it
/// passes; sealed again over a change, it is found against main's seal.
#[test]
fn in_a_sha256_repository_a_lock_sealed_again_over_a_change_is_found() {
    let repo = committed_minimal_in(&["--object-format=sha256"]);
    let sealed_at = repo.git(&["rev-parse", "main"]).trim().to_string();
    assert_eq!(sealed_at.len(), 64, "{sealed_at}");
    seal_again_over_a_change(&repo);
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains(&format!(
            "error[lock-rewritten]: the justering.lock of KN 2026-03-02 has been written again over a change: against its seal in commit {}",
            &sealed_at[..10]
        )),
        "{err}"
    );
}

/// The status set back, a decision changed and `rsr justera` run again
/// over KN 2026-03-02: a new lock that agrees with the changed data.
fn seal_again_over_a_change(repo: &Repo) {
    repo.unseal(KN);
    repo.edit(KN_MEETING, "status: justerad", "status: genomförd");
    repo.edit(
        KN_BUDGET,
        "\nbeslut: Nämnden godkänner budgeten.",
        "\nbeslut: Nämnden avslår budgeten.",
    );
    repo.rsr(&["justera", "kn", "2026-03-02", "--datum", "2026-03-09"])
        .success();
}

/// A justering.lock holds every printed field whole, so a long
/// ärendebeskrivning makes a long value in it; the lock is compared, never
/// printed, so nothing in it is held to a PDF string's length or the fonts.
#[test]
fn a_long_description_seals_and_checks_without_a_finding_in_the_lock() {
    let repo = held();
    // 2,000 lines of 20 characters: some 40,000 bytes of UTF-16 in one
    // value, more than a PDF string may hold, as a paragraph may be.
    let long: String = (0..2_000)
        .map(|n| format!("  Rad {n:04} om åtgärd.\n"))
        .collect();
    repo.edit(
        ITEM,
        "ärendebeskrivning: |\n",
        &format!("ärendebeskrivning: |\n{long}"),
    );
    repo.rsr(&["justera", "bmn", "2026-10-14", "--datum", "2026-10-21"])
        .success();
    let lock = repo.read(LOCK);
    assert!(
        lock.contains("Rad 1999 om åtgärd."),
        "the lock holds the text"
    );
    let stderr = repo.rsr(&["check", "--deny-warnings"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");
}
