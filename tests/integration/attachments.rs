//! Decision documents marked `bifogas`: listed in the kallelse and carried
//! inside it as PDF/A-3 associated files, byte for byte.

use std::process::Command;

use crate::support::{Repo, assert_in_order};

const ITEM: &str = "meetings/rsr/2026-01-26/03-totalforsvar.yaml";
const KALLELSE: &str = "out/rsr/2026-01-26-kallelse.pdf";

#[test]
fn an_attached_pdf_travels_inside_the_kallelse_unchanged() {
    let repo = Repo::examples();
    // Any PDF will do as the tjänsteskrivelse: a protokoll rsr just built.
    repo.rsr(&["build", "--body", "rlg", "--kind", "protokoll"])
        .success();
    let original = repo.bytes("out/rlg/2025-11-17-protokoll.pdf");
    std::fs::write(
        repo.path()
            .join("meetings/rsr/2026-01-26/tjansteskrivelse.pdf"),
        &original,
    )
    .unwrap();
    repo.edit(
        ITEM,
        "  - Tjänsteskrivelse om försörjningsberedskap",
        "  - {titel: Tjänsteskrivelse om försörjningsberedskap, fil: tjansteskrivelse.pdf, bifogas: true}",
    );
    repo.rsr(&["check", "--deny-warnings"]).success();
    repo.rsr(&["build", "--body", "rsr", "--kind", "kallelse"])
        .success();

    assert_in_order(
        &repo.text(KALLELSE),
        &[
            "Tjänsteskrivelse om försörjningsberedskap (bilaga 1)",
            "Bilagor",
            "Bilaga 1: Tjänsteskrivelse om försörjningsberedskap (tjansteskrivelse.pdf), till ärende 3. Etablering",
        ],
    );
    let saved = tempfile::tempdir().unwrap();
    let status = Command::new("pdfdetach")
        .args(["-saveall", "-o"])
        .arg(saved.path())
        .arg(repo.path().join(KALLELSE))
        .status()
        .unwrap();
    assert!(status.success());
    let extracted = std::fs::read(saved.path().join("tjansteskrivelse.pdf")).unwrap();
    assert!(extracted == original, "the attachment changed on the way");

    // PDF/A-3 allows associated files; the tagging for PDF/UA stays.
    let meta = Command::new("pdfinfo")
        .arg("-meta")
        .arg(repo.path().join(KALLELSE))
        .output()
        .unwrap();
    let meta = String::from_utf8_lossy(&meta.stdout);
    assert!(meta.contains("<pdfaid:part>3</pdfaid:part>"), "{meta}");
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");

    // Without attachments a kallelse stays PDF/A-2.
    repo.edit(ITEM, ", bifogas: true}", "}");
    repo.rsr(&["build", "--body", "rsr", "--kind", "kallelse"])
        .success();
    let meta = Command::new("pdfinfo")
        .arg("-meta")
        .arg(repo.path().join(KALLELSE))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&meta.stdout).contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(!repo.text(KALLELSE).contains("Bilagor"));
}

#[test]
fn a_file_outside_the_meeting_folder_is_never_read() {
    let repo = Repo::examples();
    repo.edit(
        ITEM,
        "  - Tjänsteskrivelse om försörjningsberedskap",
        "  - {titel: Lösenord, fil: ../../../rsr.yaml, bifogas: true}",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(
        stderr.contains("error[document-outside-meeting]: the file `../../../rsr.yaml` is not inside the meeting folder"),
        "{stderr}"
    );
}
