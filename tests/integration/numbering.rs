//! § numbers as they appear in the protokoll: pinned, continued, restarted.

use crate::support::{Repo, assert_in_order};

fn held_meeting(repo: &Repo, date: &str, items: &[(&str, &str)]) {
    repo.write(
        &format!("meetings/rlg/{date}/meeting.yaml"),
        &format!(
            "datum: {date}\nstart: '13:00'\nplats: Digitalt\nstatus: genomförd\nnärvaro:\n  beslutande: [sara.lewerentz, tomas.jonsson]\n  övriga: [{{person: elise.ackerot}}]\n"
        ),
    );
    for (file, text) in items {
        repo.write(&format!("meetings/rlg/{date}/{file}"), text);
    }
}

#[test]
fn numbering_continues_within_the_year_and_restarts_in_january() {
    let repo = Repo::examples();
    // The example's meeting of 2026-12-07 resumes at § 41 after a year the
    // repository does not hold; here the year is held from January.
    std::fs::remove_dir_all(repo.path().join("meetings/rlg/2026-12-07")).unwrap();
    held_meeting(
        &repo,
        "2025-12-15",
        &[
            ("01-upprop.yaml", "rubrik: Upprop\ntyp: standard\n"),
            ("02-paus.yaml", "rubrik: Kaffepaus\ntyp: paus\n"),
            (
                "03-budget.yaml",
                "rubrik: Budget 2026\nbeslut: Budgeten fastställs.\n",
            ),
        ],
    );
    held_meeting(
        &repo,
        "2026-01-12",
        &[
            ("01-upprop.yaml", "rubrik: Upprop\ntyp: standard\n"),
            ("02-mal.yaml", "rubrik: Mål 2026\ntyp: information\n"),
        ],
    );
    repo.rsr(&["build", "--body", "rlg", "--kind", "protokoll"])
        .success();

    // Pinned: the example starts at § 28.
    assert_in_order(
        &repo.text("out/rlg/2025-11-17-protokoll.pdf"),
        &["Paragrafer: 28–32", "§ 28 Upprop", "§ 32 Övriga frågor"],
    );
    // Continued, and the break takes no number.
    let december = repo.text("out/rlg/2025-12-15-protokoll.pdf");
    assert_in_order(
        &december,
        &["Paragrafer: 33–34", "§ 33 Upprop", "§ 34 Budget 2026"],
    );
    assert!(
        !december.contains("Kaffepaus"),
        "a break appears in the protokoll: {december}"
    );
    // Restarted on 1 January.
    assert_in_order(
        &repo.text("out/rlg/2026-01-12-protokoll.pdf"),
        &["Paragrafer: 1–2", "§ 1 Upprop", "§ 2 Mål 2026"],
    );
}
