//! Anmälan av delegationsbeslut: the register in
//! `meetings/<body>/delegationsbeslut/` rendered into the item that reports
//! it, in the kallelse and the protokoll; a decision not reported posted on
//! the anslagstavla for its three weeks; the register's mistakes located.

use crate::support::{Repo, assert_in_order, epoch, pdf_text};

#[test]
fn the_kallelse_lists_the_registers_decisions_since_the_previous_meeting() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "bmn"]).success();
    let text = pdf_text(&repo.path().join("out/bmn/2027-01-20-kallelse.pdf"), None);
    // From the day after the meeting of 2026-10-14 to the day before this
    // one; the decision not reported to the nämnd (2026-11-27) is left out.
    assert_in_order(
        &text,
        &[
            "5. Anmälan av delegationsbeslut (BMN 2027-0004)",
            "Beslut fattade med stöd av delegation 15 oktober 2026–19 januari 2027.",
            "Datum Ärende Beslutsfattare Delegation",
            "2026-10-21 Bygglov för garage, Backe 3:9",
            "Jonas Wik, bygglovshandläggare",
            "2026-11-04 Slutbesked för enbostadshus, Strandvägen 12",
            "2026-11-19 Föreläggande om åtgärder för enskilt avlopp",
            "2026-12-08 Avskrivning av ansökan om bygglov",
            "Förslag till beslut",
        ],
    );
    assert!(!text.contains("livsmedelskontroll"), "{text}");
}

/// tests/good/minimal held (2026-03-02, not adjusted) with a register and
/// an item that reports the decisions of February 2026.
fn reporting() -> Repo {
    let repo = Repo::minimal_held();
    repo.write(
        "meetings/kn/delegationsbeslut/2026-01.yaml",
        "- datum: 2026-01-30\n  beslutsfattare: eva.sekr\n  ärende: Före perioden\n",
    );
    repo.write(
        "meetings/kn/delegationsbeslut/bidrag.yaml",
        "- datum: 2026-02-12\n  beslutsfattare: {namn: Kim Kultur, titel: kulturchef}\n  \
         delegationspunkt: \"2.1\"\n  lagrum: 6 kap. 37 § KL\n  \
         ärende: Bidrag till Storsjö hembygdsförening\n  diarienummer: KN 2026-0012\n  \
         beslut: 15 000 kronor beviljas\n\
         - datum: 2026-02-03\n  beslutsfattare: eva.sekr\n  \
         ärende: Lokalbokning för kulturnatten\n",
    );
    repo.write(
        "meetings/kn/2026-03-02/03-delegationsbeslut.yaml",
        "rubrik: Anmälan av delegationsbeslut\n\
         delegationsbeslut: {från: 2026-02-01, till: 2026-02-28}\n\
         beslut: Anmälan läggs till handlingarna.\n",
    );
    repo
}

#[test]
fn the_protokoll_shows_the_decisions_of_the_items_period_by_date() {
    let repo = reporting();
    repo.rsr(&["build"]).success();
    for document in ["kn/2026-03-02-protokoll.pdf", "kn/2026-03-02-kallelse.pdf"] {
        let text = pdf_text(&repo.path().join("out").join(document), None);
        assert_in_order(
            &text,
            &[
                "Anmälan av delegationsbeslut",
                "Beslut fattade med stöd av delegation 1 februari 2026–28 februari 2026.",
                "2026-02-03 Lokalbokning för kulturnatten",
                "Eva Sekreterare",
                "2026-02-12 Bidrag till Storsjö hembygdsförening (KN 2026-0012)",
                "15 000 kronor beviljas",
                "Kim Kultur, kulturchef",
                "punkt 2.1, 6 kap. 37 § KL",
            ],
        );
        assert!(!text.contains("Före perioden"), "{document}: {text}");
    }
    // A period without decisions says so.
    repo.edit(
        "meetings/kn/2026-03-02/03-delegationsbeslut.yaml",
        "till: 2026-02-28",
        "till: 2026-02-02",
    );
    repo.rsr(&["build"]).success();
    let text = repo.text("out/kn/2026-03-02-protokoll.pdf");
    assert!(
        text.contains("Inga delegationsbeslut har anmälts för perioden."),
        "{text}"
    );
}

#[test]
fn a_decision_not_reported_is_posted_on_the_anslagstavla_for_three_weeks() {
    let repo = Repo::examples();
    let id = "delegationsbeslut-bmn-2026-11-27-bmn-2026-0331";
    let board = |day: &str, page: &str| {
        repo.rsr_env(&["build"], &[("SOURCE_DATE_EPOCH", &epoch(day))])
            .success();
        repo.read(&format!("out/anslagstavla/{page}"))
    };
    // Decided on 27 November, posted on 30 November.
    assert!(!board("2026-11-29", "index.html").contains(id));
    let current = crate::support::normalize(&board("2026-11-30", "index.html"));
    assert_in_order(
        &current,
        &[
            "<h2 id=\"delegationsbeslut\">Delegationsbeslut</h2>",
            "Delegationsbeslut: Taxa för livsmedelskontroll, justering av timavgift 2027, Bygg- och miljönämnden",
            "<dt>Beslutsdatum</dt> <dd>fredag 27 november 2026</dd>",
            "<dt>Diarienummer</dt> <dd>BMN 2026-0331</dd>",
            "<dt>Beslutsfattare</dt> <dd>Sara Modig, miljöchef</dd>",
            "<dt>Datum då anslaget sätts upp</dt> <dd>måndag 30 november 2026</dd>",
            "<dt>Datum då anslaget tas ned</dt> <dd>tisdag 22 december 2026</dd>",
            "kan överklaga beslutet genom laglighetsprövning",
            "senast måndag 21 december 2026.",
        ],
    );
    // The reported ones are not posted.
    assert!(!current.contains("Backe 3:9"), "{current}");
    assert!(board("2026-12-21", "index.html").contains(id));
    assert!(!board("2026-12-22", "index.html").contains(id));
    assert!(repo.read("out/anslagstavla/arkiv.html").contains(id));
}

#[test]
fn the_registers_mistakes_are_located() {
    let repo = Repo::minimal();
    repo.write(
        "meetings/kn/delegationsbeslut/2026.yaml",
        "- datum: 2026-02-12\n  beslutsfattare: eva.sekre\n  ärende: Bidrag\n",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[unknown-person]")
            && stderr.contains("meetings/kn/delegationsbeslut/2026.yaml:2:19")
            && stderr.contains("eva.sekr"),
        "{stderr}"
    );
    // A decision written as a mapping rather than a list, and a field
    // misspelt.
    repo.write(
        "meetings/kn/delegationsbeslut/2026.yaml",
        "datum: 2026-02-12\nbeslutsfattare: eva.sekr\närende: Bidrag\n",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("meetings/kn/delegationsbeslut/2026.yaml:1:1"),
        "{stderr}"
    );
    repo.write(
        "meetings/kn/delegationsbeslut/2026.yaml",
        "- datum: 2026-02-12\n  beslutsfattare: eva.sekr\n  ärende: Bidrag\n  anmäld: false\n",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[unknown-field]")
            && stderr.contains("meetings/kn/delegationsbeslut/2026.yaml:4:3")
            && stderr.contains("anmäls"),
        "{stderr}"
    );
}
