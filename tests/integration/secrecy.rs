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
