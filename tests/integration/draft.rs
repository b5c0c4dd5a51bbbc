//! Draft marking: a protokoll of a meeting not yet adjusted, and a kallelse
//! of a meeting still planned, say so on every page, at the top of the text
//! and in their metadata; final documents carry no such mark.

use crate::support::{Repo, page_count, pdf_info};

const PROTOKOLL: &str = "out/bmn/2026-10-14-protokoll.pdf";

fn info_line(info: &str, key: &str) -> String {
    info.lines()
        .find_map(|line| line.strip_prefix(key))
        .map(|rest| rest.trim().to_string())
        .unwrap_or_default()
}

#[test]
fn a_protokoll_before_justering_is_marked_on_every_page_and_in_its_metadata() {
    let repo = Repo::examples();
    repo.unseal("meetings/bmn/2026-10-14");
    repo.edit(
        "meetings/bmn/2026-10-14/meeting.yaml",
        "status: justerad",
        "status: genomförd",
    );
    repo.rsr(&["build", "--body", "bmn", "--kind", "protokoll"])
        .success();
    for file in [PROTOKOLL, "out/bmn/2026-10-14-protokoll-publik.pdf"] {
        let path = repo.path().join(file);
        let pages = page_count(&path);
        assert!(pages > 1);
        for page in 1..=pages {
            assert!(
                repo.page_text(file, page).contains("UTKAST – EJ JUSTERAT"),
                "page {page} of {file} is not marked"
            );
        }
        assert!(
            repo.page_text(file, 1)
                .contains("UTKAST – ej justerat Bygg- och miljönämnden")
        );
        let info = pdf_info(&path);
        assert!(
            info_line(&info, "Title:").ends_with("(UTKAST – ej justerat)"),
            "{info}"
        );
        assert_eq!(info_line(&info, "Keywords:"), "utkast");
    }
}

#[test]
fn an_adjusted_protokoll_and_a_sent_kallelse_carry_no_mark() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "bmn", "--body", "rsr"])
        .success();
    for file in [PROTOKOLL, "out/rsr/2026-01-26-kallelse.pdf"] {
        assert!(!repo.text(file).contains("UTKAST"), "{file} is marked");
        let info = pdf_info(&repo.path().join(file));
        assert!(!info.contains("UTKAST"), "{info}");
        assert_eq!(info_line(&info, "Keywords:"), "");
    }
}

#[test]
fn a_planned_meeting_with_items_gets_a_draft_kallelse_and_one_without_gets_none() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rsr/2026-01-26/meeting.yaml",
        "status: kallad",
        "status: planerad",
    );
    repo.rsr(&["build", "--kind", "kallelse"]).success();
    let kallelse = "out/rsr/2026-01-26-kallelse.pdf";
    let text = repo.text(kallelse);
    assert!(text.contains("Region Jämtland Härjedalen Regionens samverkansråd UTKAST – EJ UTSÄND"));
    assert!(text.contains("UTKAST – ej utsänd Kallelse/föredragningslista"));
    let info = pdf_info(&repo.path().join(kallelse));
    assert!(info_line(&info, "Title:").ends_with("(UTKAST – ej utsänd)"));
    // GNUS's planned meetings have topics but no items yet.
    assert!(
        !repo
            .path()
            .join("out/gnus/2026-02-16-kallelse.pdf")
            .exists()
    );
}
