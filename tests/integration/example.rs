//! The example Förbundsstyrelsen (meetings/fs) shows together what the
//! seeds do not: its own logo and headings, sub-items with presenters and
//! the title each had for the item, the next meeting's time and place, a
//! history that starts late, and a membership that changes on 1 January
//! 2027. Its protokoll is sealed, and stays so in every test.

use crate::support::{Repo, assert_in_order, normalize, structure};

#[test]
fn the_forbundsstyrelse_shows_every_feature_of_a_real_protokoll() {
    let repo = Repo::examples();
    repo.rsr(&["check", "--deny-warnings"]).success();
    repo.rsr(&["build", "--body", "fs"]).success();

    let protokoll = "out/fs/2026-11-26-protokoll.pdf";
    let text = normalize(&repo.text(protokoll));
    assert_in_order(
        &text,
        &[
            // Its own labels and order of name, organisation and role.
            "Beslutande: Maria Sundin (S), Östersund, ordförande",
            "Ej närvarande: Karl Olofsson (S), Ragunda",
            // Numbering resumes after the meetings the repository lacks.
            "Paragrafer: 53–57",
            // The next meeting's time and place, written in by rsr justera.
            "Nästa möte: torsdag 11 februari 2027 kl. 09.00, Kommunförbundet, Rådhusgatan 46, Östersund",
            "Innehållsförteckning",
            "§ 55 Verksamhetsplan med budget 2027",
            "a) Verksamhetsidé",
            "e) Uppföljning av 2026",
            "§ 56 Civilt försvar – gemensam planering 2027",
            "a) Lägesbild i länet",
        ],
    );
    assert_in_order(
        &text,
        &[
            "§ 55 Verksamhetsplan med budget 2027",
            "Föredragande: Martin Söderström, förbundschef, Kommunförbundet Jämtlands län",
            "FS:s beslut",
            "Ärendebeskrivning",
            "a) Verksamhetsidé",
            "Synpunkter",
            "b) Mål för 2027",
            "Föredragande: Johan Ek, utvecklingsledare, Kommunförbundet Jämtlands län",
            "Prioriterade områden",
            "c) Budget 2027",
            "Föredragande: Stina Berglund, ekonomichef, Kommunförbundet Jämtlands län",
            "Sammanfattning",
            "e) Uppföljning av 2026",
            "Tomas Jonsson, kommundirektör och ordförande i Regional ledningsgrupp, Krokom",
            "§ 56",
            "Anna Frisk, beredskapsdirektör",
        ],
    );
    // The defaults these labels replace are not printed.
    for default in [
        "Deltagare:",
        "Synpunkter från mötet",
        "Förbundsstyrelsen beslut",
    ] {
        assert!(!text.contains(default), "{default}: {text}");
    }

    // The logo, a figure with its alternative text, in every document.
    for document in [
        protokoll,
        "out/fs/2026-11-26-kallelse.pdf",
        "out/fs/2026-11-26-protokollsutdrag-55.pdf",
        "out/fs/2027-sammantradesplan.pdf",
    ] {
        let figures: Vec<Option<String>> = structure(&repo.path().join(document))
            .into_iter()
            .filter(|(kind, _)| kind == "Figure")
            .map(|(_, alt)| alt)
            .collect();
        assert_eq!(
            figures,
            [Some(
                "Kommunförbundets emblem, åtta gröna blad kring en blå sjö".to_string()
            )],
            "{document}"
        );
    }

    // Each kallelse lists the styrelse of its date.
    let old = normalize(&repo.text("out/fs/2026-11-26-kallelse.pdf"));
    assert_in_order(
        &old,
        &[
            "Ordförande Maria Sundin (S), Östersund",
            "Lars Eriksson (M), Åre, vice ordförande",
            "Per Nilsson (C), Krokom",
        ],
    );
    assert!(!old.contains("Nils Hedman"), "{old}");
    assert!(!old.contains("Emma Jansson"), "{old}");
    let new = normalize(&repo.text("out/fs/2027-02-11-kallelse.pdf"));
    assert_in_order(
        &new,
        &[
            "Ordförande Nils Hedman (S), Östersund",
            "Per Nilsson (C), Krokom, vice ordförande",
            "Lars Eriksson (M), Åre",
            "Ersättare Emma Jansson (V), Krokom",
        ],
    );
    assert!(!new.contains("Maria Sundin"), "{new}");
}
