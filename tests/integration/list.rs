//! `rsr list`: each meeting with its status and paragraphs, and whether its
//! documents in out/ are what the repository would build now.

use crate::support::Repo;

/// The line of `rsr list` for one body's meeting.
fn line(stdout: &str, start: &str) -> String {
    stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line for {start} in:\n{stdout}"))
}

#[test]
fn list_tells_missing_up_to_date_and_outdated_documents_apart() {
    let repo = Repo::examples();
    let before = repo.rsr(&["list"]).success().stdout();
    assert_eq!(
        line(&before, "rlg "),
        "rlg 2025-11-17 justerad 5 items §§ 28–32 kallelse missing, protokoll missing, protokollsutdrag 5 missing"
    );
    assert_eq!(
        line(&before, "gnus 2026-02-16"),
        "gnus 2026-02-16 planerad 0 items – no documents yet"
    );

    repo.rsr(&["build"]).success();
    let built = repo.rsr(&["list"]).success().stdout();
    assert_eq!(
        line(&built, "bmn "),
        "bmn 2026-10-14 justerad 8 items §§ 118–125 kallelse up to date, protokoll 2 up to date, protokollsutdrag 8 up to date, anslagsbevis up to date"
    );
    assert_eq!(
        line(&built, "rsr "),
        "rsr 2026-01-26 kallad 5 items §§ 1–5 kallelse up to date"
    );

    // A changed decision outdates the documents that print it, and only
    // those; a PDF changed by hand is outdated too. The hand is a viewer's
    // that saved it again: a new second /ID, and a PDF that still conforms
    // (the tests hold every PDF in a repository to PDF/UA and PDF/A).
    repo.edit(
        "meetings/rlg/2025-11-17/03-arbetssatt.yaml",
        "rubrik: Arbetssätt fokusområden",
        "rubrik: Arbetssätt för fokusområden",
    );
    let mut pdf = repo.bytes("out/rsr/2026-01-26-kallelse.pdf");
    let find = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).position(|w| w == what);
    let ids = find(&pdf, b"/ID[(").expect("the trailer has an /ID");
    let second = ids + find(&pdf[ids..], b")(").expect("two /ID strings") + 2;
    pdf[second] = if pdf[second] == b'A' { b'B' } else { b'A' };
    std::fs::write(repo.path().join("out/rsr/2026-01-26-kallelse.pdf"), pdf).unwrap();
    let changed = repo.rsr(&["list"]).success().stdout();
    assert_eq!(
        line(&changed, "rlg "),
        "rlg 2025-11-17 justerad 5 items §§ 28–32 kallelse outdated, protokoll outdated, protokollsutdrag 4 up to date and 1 outdated"
    );
    assert_eq!(
        line(&changed, "rsr "),
        "rsr 2026-01-26 kallad 5 items §§ 1–5 kallelse outdated"
    );
    assert!(line(&changed, "bmn ").ends_with("anslagsbevis up to date"));
}

#[test]
fn list_as_json_names_every_document_and_its_state() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "rlg"]).success();
    let stdout = repo.rsr(&["list", "--format", "json"]).success().stdout();
    let listed: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let rlg = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["body"] == "rlg")
        .unwrap();
    assert_eq!(rlg["status"], "justerad");
    assert_eq!(rlg["paragraphs"], "28–32");
    let documents = rlg["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 7);
    assert_eq!(documents[1]["path"], "rlg/2025-11-17-protokoll.pdf");
    assert!(documents.iter().all(|d| d["state"] == "up-to-date"));
}
