//! Confidential items (`sekretess:`): in full in the internal protokoll and
//! the paragraph's utdrag; in the public protokoll, the kallelse and the
//! sammanträdesplan only the public title, the case number and the legal
//! ground — absent from the PDF, not merely hidden.

use crate::support::{Repo, assert_in_order, bytes_contain};

/// Words only the confidential item of BMN 2026-10-14 (§ 125) holds.
const SECRET: [&str; 7] = [
    "Tallvägen",
    "rullstol",
    "1948",
    "186 400",
    "arbetsterapeutens",
    "Offert från entreprenör",
    "Bostadsanpassningsbidrag för ramp",
];

#[test]
fn confidential_words_are_absent_from_every_public_document() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "bmn"]).success();
    let internal = repo.path().join("out/bmn/2026-10-14-protokoll.pdf");
    let internal_text = repo.text("out/bmn/2026-10-14-protokoll.pdf");
    // The internal protokoll holds them, so the searches below can find them.
    for word in SECRET {
        assert!(
            internal_text.contains(word),
            "{word} not in the internal protokoll"
        );
    }
    assert!(bytes_contain(
        &internal,
        "Bostadsanpassningsbidrag för ramp och badrum, Tallvägen 7"
    ));

    for public in [
        "out/bmn/2026-10-14-protokoll-publik.pdf",
        "out/bmn/2026-10-14-kallelse.pdf",
        "out/bmn/2026-sammantradesplan.pdf",
    ] {
        let text = repo.text(public);
        for word in SECRET {
            assert!(!text.contains(word), "{public} shows `{word}`");
            assert!(
                !bytes_contain(&repo.path().join(public), word),
                "{public} holds `{word}` in its bytes"
            );
        }
    }

    assert_in_order(
        &repo.text("out/bmn/2026-10-14-protokoll-publik.pdf"),
        &[
            "Offentlig version. Uppgifter som omfattas av sekretess i § 125 är borttagna.",
            "§ 125 Ansökan om bostadsanpassningsbidrag",
            "§ 124 Informationer",
            "§ 125 Ansökan om bostadsanpassningsbidrag",
            "Diarienummer: BMN 2026-0318",
            "Uppgifterna i ärendet omfattas av sekretess enligt OSL 26 kap. 12 § och redovisas inte",
            "Anslagsbevis",
        ],
    );
    assert_in_order(
        &internal_text,
        &[
            "Innehåller uppgifter som omfattas av sekretess i § 125.",
            "§ 125 Bostadsanpassningsbidrag för ramp och badrum, Tallvägen 7",
            "Sekretess enligt OSL 26 kap. 12 §.",
            "Bostadsanpassningsbidrag beviljas med 186 400 kronor",
        ],
    );
    assert_in_order(
        &repo.text("out/bmn/2026-10-14-kallelse.pdf"),
        &[
            "8. Ansökan om bostadsanpassningsbidrag (BMN 2026-0318)",
            "Sekretess enligt OSL 26 kap. 12 §. Handlingarna lämnas ut separat till ledamöterna.",
        ],
    );
    // The utdrag goes to the applicant: in full.
    assert!(
        repo.text("out/bmn/2026-10-14-protokollsutdrag-125.pdf")
            .contains("Tallvägen 7")
    );
}

/// A meeting without confidential items has no public version.
#[test]
fn only_meetings_with_confidential_items_get_a_public_version() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    assert!(
        repo.path()
            .join("out/bmn/2026-10-14-protokoll-publik.pdf")
            .exists()
    );
    assert!(
        !repo
            .path()
            .join("out/rlg/2025-11-17-protokoll-publik.pdf")
            .exists()
    );
    assert!(
        repo.path()
            .join("out/rlg/2025-11-17-protokoll.pdf")
            .exists()
    );
}

/// The marking of OSL 5 kap. 5 § (provision, date, authority) at the
/// paragraph of the internal protokoll and of its utdrag; the public
/// version, the kallelse and the open data keep the provision and the
/// ground, and nothing of the marking.
#[test]
fn the_secrecy_marking_is_in_the_internal_documents_only() {
    let repo = Repo::minimal_held();
    repo.edit(
        "meetings/kn/2026-03-02/02-budget.yaml",
        "beslut: Nämnden godkänner budgeten.",
        "beslut: Nämnden godkänner budgeten.\nsekretess:\n  lagrum: OSL 26 kap. 1 §\n  grund: uppgifter om enskilds personliga förhållanden\n  datum: 2026-03-04\n  myndighet: Socialnämnden\n  offentlig_rubrik: Ansökan om bistånd",
    );
    repo.rsr(&["check", "--deny-warnings"]).success();
    repo.rsr(&["justera", "kn", "2026-03-02"]).success();
    repo.rsr(&["build"]).success();
    let marking = "Sekretessmarkering 2026-03-04, Socialnämnden.";
    let stated = "OSL 26 kap. 1 § (uppgifter om enskilds personliga förhållanden)";
    for internal in [
        "out/kn/2026-03-02-protokoll.pdf",
        "out/kn/2026-03-02-protokollsutdrag-2.pdf",
    ] {
        assert_in_order(
            // A word broken at a line's end comes back with a soft hyphen.
            &repo.text(internal).replace("\u{ad} ", ""),
            &[
                "Budget 2026",
                &format!("Sekretess enligt {stated}. {marking}"),
            ],
        );
    }
    let public = repo.text("out/kn/2026-03-02-protokoll-publik.pdf");
    assert!(
        public.contains(&format!(
            "Uppgifterna i ärendet omfattas av sekretess enligt {stated} och redovisas inte"
        )),
        "{public}"
    );
    let kallelse = repo.text("out/kn/2026-03-02-kallelse.pdf");
    assert!(
        kallelse.contains(&format!("Sekretess enligt {stated}.")),
        "{kallelse}"
    );
    let open = repo.read("out/kn/2026-03-02.json");
    assert!(
        open.contains(&format!("\"secrecyGround\": \"{stated}\"")),
        "{open}"
    );
    for (name, text) in [
        ("public", &public),
        ("kallelse", &kallelse),
        ("open data", &open),
    ] {
        assert!(!text.contains("Socialnämnden"), "{name}: {text}");
        assert!(!text.contains("2026-03-04"), "{name}: {text}");
        assert!(!text.contains("markering"), "{name}: {text}");
    }
    for public in [
        "out/kn/2026-03-02-protokoll-publik.pdf",
        "out/kn/2026-03-02-kallelse.pdf",
    ] {
        assert!(!bytes_contain(&repo.path().join(public), "Socialnämnden"));
    }
}

/// An item with only `grund:`, as written before the marking's fields,
/// keeps the text it was adjusted with: the examples' sealed protokoll
/// stays sealed (`rsr check` compares its printed text with the lock).
#[test]
fn an_item_without_the_markings_fields_keeps_its_short_text() {
    let repo = Repo::examples();
    repo.rsr(&["check", "--deny-warnings"]).success();
    repo.rsr(&["build", "--body", "bmn", "--kind", "protokoll"])
        .success();
    let internal = repo.text("out/bmn/2026-10-14-protokoll.pdf");
    assert!(
        internal.contains("Sekretess enligt OSL 26 kap. 12 §. "),
        "{internal}"
    );
    assert!(!internal.contains("markering"), "{internal}");
}
