//! Where rsr reads and writes (issue 18, point 6): it writes into `out/`
//! only through real folders, reads a meeting's files only from its meeting
//! folder, and reports a file that is not a regular file where it is named.
//! Before, a committed `out/kn` link made the build write outside the
//! repository, a link to another file of the repository was embedded, and
//! a named pipe passed `rsr check` and stopped the build.

use crate::support::Repo;

const MEETING: &str = "meetings/kn/2026-03-02";

#[cfg(unix)]
#[test]
fn the_build_does_not_write_through_a_link_in_out() {
    let repo = Repo::minimal();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(repo.path().join("out")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), repo.path().join("out/kn")).unwrap();
    let err = repo.rsr(&["build"]).failure().stderr();
    assert!(
        err.contains("is a symbolic link (to ")
            && err.contains("rsr writes only into real folders"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "a file was written through the link"
    );
    // Without the link, the folder is made and the build writes into it.
    std::fs::remove_file(repo.path().join("out/kn")).unwrap();
    repo.rsr(&["build"]).success();
    assert!(
        repo.path()
            .join("out/kn/2026-03-02-protokoll.pdf")
            .is_file()
    );
}

/// A held meeting whose item names `karta.pdf` as a beslutsunderlag to
/// attach to the kallelse.
fn with_attachment() -> Repo {
    let repo = Repo::minimal_held();
    repo.edit(
        &format!("{MEETING}/02-budget.yaml"),
        "beslutsunderlag: [Tjänsteskrivelse om budget 2026]",
        "beslutsunderlag:\n  - {titel: Karta, fil: karta.pdf, bifogas: true}",
    );
    repo
}

#[cfg(unix)]
#[test]
fn an_attachment_is_read_only_from_its_meeting_folder() {
    // A PDF elsewhere in the repository, linked from the meeting folder.
    let repo = Repo::minimal_held();
    repo.rsr(&["build"]).success();
    std::fs::copy(
        repo.path().join("out/kn/2026-sammantradesplan.pdf"),
        repo.path().join("intern.pdf"),
    )
    .unwrap();
    repo.edit(
        &format!("{MEETING}/02-budget.yaml"),
        "beslutsunderlag: [Tjänsteskrivelse om budget 2026]",
        "beslutsunderlag:\n  - {titel: Karta, fil: karta.pdf, bifogas: true}",
    );
    std::os::unix::fs::symlink(
        repo.path().join("intern.pdf"),
        repo.path().join(MEETING).join("karta.pdf"),
    )
    .unwrap();
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains("error[document-outside-meeting]: the file `karta.pdf` is a symbolic link that leads out of the meeting folder"),
        "{err}"
    );
    repo.rsr(&["build"]).failure();
    // A link within the meeting folder is read.
    std::fs::remove_file(repo.path().join(MEETING).join("karta.pdf")).unwrap();
    std::fs::rename(
        repo.path().join("intern.pdf"),
        repo.path().join(MEETING).join("original.pdf"),
    )
    .unwrap();
    std::os::unix::fs::symlink("original.pdf", repo.path().join(MEETING).join("karta.pdf"))
        .unwrap();
    repo.rsr(&["check"]).success();
    repo.rsr(&["build"]).success();
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_a_located_finding_not_a_stuck_build() {
    let repo = with_attachment();
    let pipe = repo.path().join(MEETING).join("karta.pdf");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains("error[document-not-a-file]: `karta.pdf` is not a regular file"),
        "{err}"
    );
    assert!(
        err.contains(&format!("┌─ {MEETING}/02-budget.yaml:")),
        "{err}"
    );
    repo.rsr(&["build"]).failure();
}

/// A beslutsunderlag larger than rsr reads (256 MB) is a located finding,
/// not a build that reads it whole (issue 18, point 5). The file is sparse:
/// it takes no room on the disk.
#[test]
fn an_attachment_larger_than_rsr_reads_is_a_located_finding() {
    let repo = Repo::minimal_held();
    repo.edit(
        &format!("{MEETING}/02-budget.yaml"),
        "beslutsunderlag: [Tjänsteskrivelse om budget 2026]",
        "beslutsunderlag:\n  - {titel: Inventering, fil: inventering.csv}",
    );
    let path = repo.path().join(MEETING).join("inventering.csv");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(257 * 1024 * 1024).unwrap();
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains("error[file-too-large]: `inventering.csv` is larger than 256 MB, the largest beslutsunderlag rsr reads"),
        "{err}"
    );
    assert!(
        err.contains(&format!("┌─ {MEETING}/02-budget.yaml:")),
        "{err}"
    );
    repo.rsr(&["build"]).failure();
}
