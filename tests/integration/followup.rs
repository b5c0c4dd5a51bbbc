//! Beslutsuppföljning: uppdrag on decisions and a fullmäktige's motions,
//! in a PDF per body and year and on the site's page, overdue ones warned
//! about by `rsr check` on the day of the check, none of it part of the
//! sealed protokoll.

use crate::support::{Repo, assert_in_order, epoch, normalize, pdf_text};

#[test]
fn the_report_and_the_page_list_uppdrag_and_motions_with_their_status() {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let bmn = pdf_text(
        &repo.path().join("out/bmn/2026-beslutsuppfoljning.pdf"),
        None,
    );
    assert_in_order(
        &bmn,
        &[
            "Beslutsuppföljning 2026",
            "Bygg- och miljönämnden",
            "Läget fredag 4 december 2026.",
            "Uppdrag – klara: 1, pågår: 2, försenade: 0.",
            "Beslut Uppdrag Ansvarig Senast Status",
            // Words a line may hyphenate are left out.
            "§ 122, 2026-10-14",
            "Underrätta sakägarna om",
            "Bygglovsenheten 2027-01-15 Pågår",
            "§ 123, 2026-10-14",
            "Lämna taxeförslaget till",
            "Klart 2026-11-02",
        ],
    );
    let kf = pdf_text(
        &repo.path().join("out/kf/2026-beslutsuppfoljning.pdf"),
        None,
    );
    assert_in_order(
        &kf,
        &[
            "Motioner – beslutade: 2, bereds: 1, varav mer än ett år: 0.",
            // Moved in 2025, decided in 2026: the year it was handled.
            "Gratis simskola för alla sjuåringar (KS 2025-0388)",
            "Beslutad 2026-09-21:",
            "Laddplatser vid kommunens förskolor (KS 2026-0101)",
            "Eva Lund (V) 2026-02-09 Kommunstyrelsen Bereds",
        ],
    );
    // The page: every body's year, linking its report.
    let page = normalize(&repo.read("out/beslutsuppfoljning.html"));
    assert_in_order(
        &page,
        &[
            "<h2 id=\"bmn-2026\">Bygg- och miljönämnden 2026</h2>",
            r#"<a href="bmn&#x2f;2026-beslutsuppfoljning.pdf">Beslutsuppföljning 2026</a>"#,
            "<caption>Uppdrag</caption>",
            "Underrätta sakägarna om förhandsbeskedet",
            "<h2 id=\"kf-2026\">Kommunfullmäktige 2026</h2>",
            "<caption>Motioner</caption>",
            "Laddplatser vid kommunens förskolor",
            "<h2 id=\"kf-2025\">Kommunfullmäktige 2025</h2>",
        ],
    );
    let index = repo.read("out/index.html");
    assert!(
        index.contains("<a href=\"beslutsuppfoljning.html\">Beslutsuppföljning</a>"),
        "{index}"
    );
}

#[test]
fn overdue_uppdrag_and_motions_are_warned_about_on_the_day() {
    let repo = Repo::examples();
    // On the tests' day, 4 December 2026, nothing is overdue.
    let stderr = repo.rsr(&["check"]).success().stderr();
    assert!(stderr.contains("no problems found"), "{stderr}");
    // On 10 February 2027 the uppdrag due on 15 January and 31 December
    // are late, and the motion moved on 9 February 2026 has waited more
    // than a year.
    let later = [("SOURCE_DATE_EPOCH", epoch("2027-02-10"))];
    let later: Vec<(&str, &str)> = later.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let stderr = repo.rsr_env(&["check"], &later).success().stderr();
    assert_in_order(
        &stderr,
        &[
            "warning[assignment-overdue]: the uppdrag “Underrätta sakägarna om förhandsbeskedet” was to be done by 2027-01-15",
            "meetings/bmn/2026-10-14/05-forhandsbesked-backe.yaml:26:13",
            "warning[assignment-overdue]: the uppdrag “Informera verksamhetsutövarna om den nya timavgiften före årsskiftet” was to be done by 2026-12-31 and is not marked done",
            "meetings/bmn/2026-10-14/06-taxa-miljobalken.yaml:",
            "warning[motion-overdue]: the motion “Laddplatser vid kommunens förskolor”, moved on 2026-02-09, has waited more than a year for fullmäktige's decision (since 2027-02-09; Kommunallagen 5 kap. 35 §)",
            "meetings/kf/motioner/2025-2026.yaml:",
        ],
    );
    // The uppdrag done: not overdue. The motion decided: neither.
    assert!(!stderr.contains("Lämna taxeförslaget"), "{stderr}");
    repo.rsr_env(&["build"], &later).success();
    let bmn = repo.text("out/bmn/2026-beslutsuppfoljning.pdf");
    assert!(
        bmn.contains("Uppdrag – klara: 1, pågår: 0, försenade: 2."),
        "{bmn}"
    );
    assert!(bmn.contains("2026-12-31 Försenat"), "{bmn}");
    let kf = repo.text("out/kf/2026-beslutsuppfoljning.pdf");
    assert!(kf.contains("Bereds, mer än ett år"), "{kf}");
}

#[test]
fn uppdrag_are_not_part_of_the_sealed_protokoll_and_keep_a_secret() {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let protokoll = repo.bytes("out/bmn/2026-10-14-protokoll.pdf");
    // The status of an uppdrag of the adjusted protokoll changes: no
    // rättelse, no new protokoll.
    repo.edit(
        "meetings/bmn/2026-10-14/06-taxa-miljobalken.yaml",
        "    senast: 2026-12-31\n    status: pågår",
        "    senast: 2026-12-31\n    status: klart\n    klart: 2026-12-03",
    );
    // An uppdrag of the confidential § 125.
    let item = "meetings/bmn/2026-10-14/08-bostadsanpassning.yaml";
    repo.write(
        item,
        &format!(
            "{}uppdrag:\n  - vad: Besiktiga rampen hos Tallvägen 7 efter utförandet\n    senast: 2027-03-01\n    kommentar: Sökanden har rullstol.\n",
            repo.read(item)
        ),
    );
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(!stderr.contains("adjusted-changed"), "{stderr}");
    assert_eq!(repo.bytes("out/bmn/2026-10-14-protokoll.pdf"), protokoll);
    let bmn = repo.text("out/bmn/2026-beslutsuppfoljning.pdf");
    assert!(
        bmn.contains("Uppdrag – klara: 2, pågår: 2, försenade: 0."),
        "{bmn}"
    );
    assert!(bmn.contains("Uppdrag i ett sekretessärende"), "{bmn}");
    let page = repo.read("out/beslutsuppfoljning.html");
    for secret in ["Tallvägen", "rullstol", "Besiktiga"] {
        assert!(!bmn.contains(secret), "{secret} in the report");
        assert!(!page.contains(secret), "{secret} on the page");
    }
    assert!(
        page.contains("Ansökan om bostadsanpassningsbidrag"),
        "{page}"
    );
}
