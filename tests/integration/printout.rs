//! The seal covers what the reader sees: the printed text of an adjusted
//! protokoll, whatever template, font or rsr prints it, and the bytes of
//! its beslutsunderlag files (issue 18, point 1). Before the printed text
//! was sealed, each change below passed `rsr check` and `rsr build`, and
//! `rsr diff` said "inga dokument ändras".

use crate::support::Repo;

const MEETING: &str = "meetings/kn/2026-03-02";
const LOCK: &str = "meetings/kn/2026-03-02/justering.lock";
const PROTOKOLL: &str = "out/kn/2026-03-02-protokoll.pdf";
const CHANGED: &str = "error[adjusted-changed]: the adjusted protokoll KN 2026-03-02 (protokoll) no longer prints the words it was adjusted with";

/// The built-in protokoll template with `rule` set after its page setup,
/// as a repository's `templates/protokoll.typ`.
fn with_template(repo: &Repo, rule: &str) {
    let builtin =
        std::fs::read_to_string(crate::support::examples().join("templates/protokoll.typ"))
            .unwrap();
    let setup = "#show: page-setup.with(data)\n";
    assert!(builtin.contains(setup), "the template's page setup moved");
    let changed = builtin.replacen(setup, &format!("{setup}{rule}\n"), 1);
    repo.write("templates/protokoll.typ", &changed);
}

#[test]
fn the_examples_and_the_minimal_repository_seal_their_printed_text() {
    for lock in [
        "meetings/bmn/2026-10-14/justering.lock",
        "meetings/fs/2026-11-26/justering.lock",
        "meetings/rlg/2025-11-17/justering.lock",
        "tests/good/minimal/meetings/kn/2026-03-02/justering.lock",
    ] {
        let text = std::fs::read_to_string(crate::support::examples().join(lock)).unwrap();
        assert!(text.contains("\nutskrift:\n  protokoll: "), "{lock}");
        assert!(text.contains("\nutskriftsmiljö: "), "{lock}");
    }
    // The one with a public version seals that version's data too.
    let bmn = std::fs::read_to_string(
        crate::support::examples().join("meetings/bmn/2026-10-14/justering.lock"),
    )
    .unwrap();
    assert!(bmn.contains("\n  protokoll-publik: "), "{bmn}");
    assert!(bmn.contains("\noffentlig: "), "{bmn}");
}

#[test]
fn a_template_that_changes_a_word_of_an_adjusted_protokoll_fails_check_and_build() {
    let repo = Repo::minimal();
    with_template(&repo, r#"#show "godkänner": "avslår""#);
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(err.contains(CHANGED), "{err}");
    assert!(err.contains(&format!("┌─ {LOCK}:")), "{err}");
    assert!(
        err.contains("templates/protokoll.typ changes what the protokoll says"),
        "{err}"
    );
    // The build stops before it writes anything.
    let err = repo.rsr(&["build"]).failure().stderr();
    assert!(err.contains(CHANGED), "{err}");
    assert!(!repo.path().join(PROTOKOLL).exists());
}

#[test]
fn a_word_made_invisible_is_a_changed_word() {
    let repo = Repo::minimal();
    with_template(
        &repo,
        r#"#show "godkänner budgeten": it => text(fill: white, it)"#,
    );
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(err.contains(CHANGED), "{err}");
}

#[test]
fn a_template_that_changes_only_the_layout_passes() {
    let repo = Repo::minimal();
    repo.rsr(&["build"]).success();
    let before = repo.bytes(PROTOKOLL);
    with_template(
        &repo,
        "#set text(size: 15pt)\n#set par(justify: true, leading: 1.2em)",
    );
    repo.rsr(&["check"]).success();
    repo.rsr(&["build"]).success();
    assert_ne!(repo.bytes(PROTOKOLL), before, "the layout did not change");
    let text = crate::support::normalize(&repo.text(PROTOKOLL));
    assert!(text.contains("Nämnden godkänner budgeten."), "{text}");
    // Checked again from the manifest of the build, without typesetting.
    repo.rsr(&["check"]).success();
}

#[test]
fn rsr_diff_shows_a_template_that_changes_an_adjusted_protokoll() {
    let repo = Repo::minimal();
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    repo.commit("Kulturnämnden");
    with_template(&repo, r#"#show "godkänner": "avslår""#);
    let out = repo.rsr(&["diff", "HEAD"]).success().stdout();
    assert!(out.contains("inga dokument ändras"), "{out}");
    assert!(
        out.contains("> Justerat protokoll skriver ut andra ord: KN 2026-03-02"),
        "{out}"
    );
}

#[test]
fn justera_seals_the_files_and_a_replaced_file_is_found() {
    let repo = Repo::minimal_held();
    repo.write(
        &format!("{MEETING}/karta.txt"),
        "Karta över området, version 1\n",
    );
    repo.edit(
        &format!("{MEETING}/02-budget.yaml"),
        "beslutsunderlag: [Tjänsteskrivelse om budget 2026]",
        "beslutsunderlag:\n  - Tjänsteskrivelse om budget 2026\n  - {titel: Karta, fil: karta.txt}",
    );
    repo.rsr(&["justera", "kn", "2026-03-02"]).success();
    let lock = std::fs::read_to_string(repo.path().join(LOCK)).unwrap();
    let sha = {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(b"Karta \xc3\xb6ver omr\xc3\xa5det, version 1\n");
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert!(lock.contains("\nutskrift:\n  protokoll: "), "{lock}");
    assert!(
        lock.contains(&format!("\nunderlag:\n  karta.txt: {sha}\n")),
        "{lock}"
    );
    repo.rsr(&["check"]).success();

    repo.write(
        &format!("{MEETING}/karta.txt"),
        "Karta över området, version 2\n",
    );
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains("error[adjusted-changed]: the beslutsunderlag `karta.txt` of the adjusted meeting KN 2026-03-02 has been replaced since its justering"),
        "{err}"
    );
    assert!(
        err.contains(&format!("┌─ {MEETING}/02-budget.yaml:")),
        "{err}"
    );
    repo.rsr(&["build"]).failure();
}

#[test]
fn justera_adds_the_printed_text_to_an_older_lock_and_changes_nothing_in_it() {
    let repo = Repo::minimal();
    let sealed = std::fs::read_to_string(repo.path().join(LOCK)).unwrap();
    let start = sealed
        .find("utskrift:\n")
        .expect("the lock has its printout");
    let older: String = sealed[..start].to_string();
    let printout = &sealed[start..];
    assert!(
        !printout.contains("fält:"),
        "the printout is the lock's end"
    );
    repo.write(LOCK, &older);
    repo.rsr(&["check"]).success();
    let err = repo
        .rsr(&["justera", "kn", "2026-03-02"])
        .success()
        .stderr();
    assert!(
        err.contains("KN 2026-03-02 is unchanged since its justering; its lock now also holds the printed text"),
        "{err}"
    );
    let completed = std::fs::read_to_string(repo.path().join(LOCK)).unwrap();
    assert!(completed.starts_with(&older), "{completed}");
    // The same printed text; the environment is that of today's templates,
    // fonts and rsr, which may be newer than the one the lock was made in.
    let fresh = Repo::minimal();
    fresh.reseal("meetings/kn/2026-03-02");
    let lock = fresh.read(LOCK);
    let today = lock
        .lines()
        .find_map(|line| line.strip_prefix("utskriftsmiljö: "))
        .unwrap();
    let (text, _) = printout.split_once("utskriftsmiljö: ").unwrap();
    assert_eq!(
        &completed[older.len()..],
        format!("{text}utskriftsmiljö: {today}\n")
    );
}

/// The public version of an adjusted protokoll is sealed too: its
/// `offentlig_rubrik`, which only it prints, cannot change unnoticed. Before,
/// it was outside the seal.
#[test]
fn the_public_version_of_an_adjusted_protokoll_is_sealed() {
    let repo = Repo::examples();
    repo.rsr(&["check"]).success();
    repo.edit(
        "meetings/bmn/2026-10-14/08-bostadsanpassning.yaml",
        "offentlig_rubrik: Ansökan om bostadsanpassningsbidrag",
        "offentlig_rubrik: Ansökan om bidrag",
    );
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains("error[adjusted-changed]: the adjusted protokoll BMN 2026-10-14 (protokoll-publik) no longer prints the words it was adjusted with"),
        "{err}"
    );
    assert!(!err.contains("(protokoll)"), "{err}");
    repo.rsr(&["build"]).failure();
}
