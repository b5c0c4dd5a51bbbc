//! The example documents read back as text: everything the seeds carry, in
//! their order, with the seeds' mistakes corrected.

use crate::support::{Repo, assert_in_order, page_count};

const KALLELSE: &str = "out/rsr/2026-01-26-kallelse.pdf";
const PROTOKOLL: &str = "out/rlg/2025-11-17-protokoll.pdf";

fn built() -> Repo {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    repo
}

#[test]
fn kallelse_carries_seed_001_in_order() {
    let repo = built();
    let text = repo.text(KALLELSE);
    assert_in_order(
        &text,
        &[
            "Kallelse/föredragningslista",
            "Regionens samverkansråd",
            "2026-01-26",
            "Tid: måndag 26 januari 2026, kl. 13.15–16.00",
            "Plats: Styrelserummet",
            "Ordförande",
            "Jonas Andersson (S)",
            "Ledamöter",
            "Therese Kärngard (S)",
            "Richard Nilsson (S)",
            "Lars Gunnar Nordlander (S)",
            "Maria Jacobsson (S)",
            "Anton Waara (S)",
            "Anton Hammar (S)",
            "Susanne Hansson (S)",
            "Martine Eng (S)",
            "Niklas Daoson (S), vice ordförande",
            "Bengt Bergqvist (S)",
            "Johan Loock (M)",
            "Ersättare",
            "Kent Karlsson (M)",
            "Bo-Göran Danielsson (C)",
            "Anders Häggkvist (C)",
            "Karin Jonsson (C)",
            "Maud Herkules (M)",
            "Simon Högberg (M)",
            "Daniel Danielsson (C)",
            "Pär Fredriksson (M)",
            "1. Val av justerare och tid för justering",
            "2. Fastställande av föredragningslistan",
            "Förslag till beslut",
            "Preliminär föredragningslista fastställs som slutlig föredragningslista.",
            "3. Etablering av arbetsgrupp för samarbete inom",
            "(RS/62/2026)",
            "kl. 13.25",
            "Ärendebeskrivning",
            "KHOSS-nätverket",
            "Förslag till beslut",
            "Delta i det aktörsgemensamma arbetet",
            "Avdela personal till arbetsgruppen",
            "Avdela direktör/länsråd till styrgruppen",
            "Expedieras till",
            "Regionstyrelsen Region Jämtland Härjedalen",
            "Tomas Jonsson, kommundirektör i Krokoms kommun",
            "Beslutsunderlag",
            "Tjänsteskrivelse om försörjningsberedskap",
            "4. Kaffepaus",
            "kl. 14.00",
            "5. Uppföljning av verksamhet – Energikontoret Jämtland Härjedalen",
            "kl. 14.15",
            "Föredragande: Per Lundkvist Molin",
            "Enligt samarbetsavtalet ska uppföljning ske i RSR en gång per år.",
            "6. Länshandlingsplan för samverkan",
            "(HSN/2088/2025)",
            "kl. 14.45",
            "Föredragande: Anna Frisk och Jan Persson",
            "Statsbidraget väntas minska 2026",
            "Förslag till beslut",
            "Expedieras till",
            "Länets kommuner",
            "Beslutsunderlag",
            "Protokollsutdrag SVOM 2025-12-12 § 48",
        ],
    );
}

#[test]
fn protokoll_carries_seed_002_in_order() {
    let repo = built();
    let text = repo.text(PROTOKOLL);
    assert_in_order(
        &text,
        &[
            "Regional ledningsgrupp",
            "Protokoll 2025-11-17",
            "Tid och plats:",
            "måndag 17 november 2025 kl. 13.00–15.30",
            "Kommunförbundet, hus E, Campus Östersund",
            "Deltagare:",
            "Fredrik Åström, Berg",
            "Örjan Folkesson, Härjedalen",
            "Tomas Jonsson, Krokom",
            "Jenny Kriström, Ragunda",
            "Peter Jemtbring, Strömsund",
            "Sara Schelin, Åre",
            "Magnus Aspegren, Region Jämtland Härjedalen",
            "Sara Lewerentz, ordförande, Region Jämtland Härjedalen",
            "Susanna Löfgren, Länsstyrelsen",
            "Ej närvarande:",
            "Helén Eurenus, Östersund",
            "Anders Lundin, Bräcke",
            "Övriga deltagare:",
            "Martin Söderström, förbundschef",
            "Elise Ackerot, sekreterare",
            "Sandra Olofsson, Community manager Samverket, § 31",
            "Justeringens tid och plats:",
            "onsdag 26 november 2025, digitalt",
            "Paragrafer:",
            "28–32",
            "Nästa möte:",
            "måndag 12 januari 2026",
            "Justeras av:",
            "Elise Ackerot",
            "Sekreterare",
            "Sara Lewerentz",
            "Ordförande",
            "Peter Jemtbring",
            "Justerare",
            "Innehållsförteckning",
            "§ 28 Upprop, protokollets justering",
            "§ 29 Inriktningsbeslut KHOSS",
            "§ 30 Arbetssätt fokusområden",
            "§ 31 Informationer",
            "§ 32 Övriga frågor",
            "§ 28 Upprop, protokollets justering, föregående protokoll samt fastställande av dagordningen",
            "a) Upprop genomförs.",
            "b) Peter Jemtbring väljs att tillsammans med ordförande justera protokollet.",
            "c) Dagordningen fastställs utan ändringar.",
            "d) Föregående protokoll läggs till handlingarna.",
            "§ 29 Inriktningsbeslut KHOSS",
            "Föredragande: Tomas Jonsson, Krokom",
            "Regional ledningsgrupp beslut",
            "Regionala ledningsgruppen beslutar att:",
            "1. Delta i det aktörsgemensamma arbetet",
            "Sammanfattning och överväganden",
            "Synpunkter från mötet",
            "Diskussion kring roller och tidigare KHOSS-nätverkets roll framåt.",
            "Beslutsunderlag",
            "Utkast till inriktningsbeslut_TJ",
            "Underlag framtaget av",
            "Tomas Jonsson",
            "§ 30 Arbetssätt fokusområden",
            "Föredragande: Martin Söderström, förbundschef och Sara Lewerentz, ordförande",
            "Regional ledningsgrupp beslut",
            "Utsedd tjänsteperson koordinerar",
            "Sammanfattning och överväganden",
            "Synpunkter från mötet",
            "§ 31 Informationer",
            "Bakgrund",
            "Samverket",
            "Fokusområden",
            "Goda exempel",
            "§ 32 Övriga frågor",
            "Bakgrund",
            "Samisk språkkompetens",
            "Kommande möten",
            "Budget",
        ],
    );
    // The seed's own mistakes are not carried over.
    assert!(
        !text.contains("Arbetsätt"),
        "the seed's misspelling came back"
    );
    assert!(
        !text.contains("12 januari 2025"),
        "the seed's past next meeting came back"
    );
}

#[test]
fn protokoll_contents_point_at_the_pages_carrying_each_paragraph() {
    let repo = built();
    let pages = page_count(&repo.path().join(PROTOKOLL));
    let contents_page = (1..=pages)
        .find(|&p| {
            repo.page_text(PROTOKOLL, p)
                .contains("Innehållsförteckning")
        })
        .unwrap();
    let contents = repo.page_text(PROTOKOLL, contents_page);
    // "… Innehållsförteckning § 28 Upprop, … . . . 3 § 29 Inriktningsbeslut KHOSS . . . 3 …"
    // The contents may share the first page (`innehållsförteckning:
    // första_sidan`): what follows their heading.
    let contents = contents.split("Innehållsförteckning").nth(1).unwrap();
    let contents = contents.split(" Sida ").next().unwrap();
    let entries: Vec<&str> = contents.split("§ ").skip(1).collect();
    assert_eq!(entries.len(), 5, "{contents}");
    for entry in entries {
        let words: Vec<&str> = entry.split_whitespace().collect();
        // The page number may come with a word joiner before it.
        let page: usize = words
            .iter()
            .rev()
            .find_map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()).parse().ok())
            .unwrap();
        // The § number and the first word of the title identify the heading.
        let heading = format!("§ {} {}", words[0], words[1]);
        assert!(
            page > contents_page && page <= pages,
            "{heading} points at page {page}"
        );
        assert!(
            repo.page_text(PROTOKOLL, page).contains(&heading),
            "the contents say {heading:?} is on page {page}, but it is not there"
        );
    }
}

#[test]
fn every_page_has_the_running_header_and_page_of_pages() {
    let repo = built();
    for (file, body, date) in [
        (PROTOKOLL, "Regional ledningsgrupp", "2025-11-17"),
        (KALLELSE, "Regionens samverkansråd", "2026-01-26"),
    ] {
        let pages = page_count(&repo.path().join(file));
        assert!(pages >= 2, "{file} has {pages} pages");
        for page in 1..=pages {
            let text = repo.page_text(file, page);
            assert!(
                text.contains(body) && text.contains(date),
                "page {page} of {file} lacks its header: {text}"
            );
            assert!(
                text.contains(&format!("Sida {page} av {pages}")),
                "page {page} of {file} lacks its footer: {text}"
            );
        }
    }
}

#[test]
fn pdfs_are_tagged_archivable_and_carry_title_and_language() {
    let repo = built();
    for file in [KALLELSE, PROTOKOLL] {
        let bytes = repo.bytes(file);
        let raw = String::from_utf8_lossy(&bytes);
        assert!(
            raw.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{file} is not declared PDF/UA-1"
        );
        assert!(
            raw.contains("<pdfaid:part>2</pdfaid:part>"),
            "{file} is not declared PDF/A-2"
        );
        assert!(raw.contains("/StructTreeRoot"), "{file} is not tagged");
        assert!(
            raw.contains("<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li>"),
            "{file} does not declare Swedish"
        );
        let info = std::process::Command::new("pdfinfo")
            .arg(repo.path().join(file))
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("Tagged:          yes"), "{info}");
        let title = info
            .lines()
            .find(|l| l.starts_with("Title:"))
            .unwrap_or_default();
        assert!(
            title.contains("Protokoll Regional")
                || title.contains("Kallelse/föredragningslista Regionens"),
            "{info}"
        );
    }
}

#[test]
fn protokollsutdrag_carries_one_paragraph_and_its_certification() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--kind", "protokollsutdrag", "--paragraph", "29"])
        .success();
    let built: Vec<_> = walkdir::WalkDir::new(repo.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".pdf"))
        .collect();
    assert_eq!(built, ["2025-11-17-protokollsutdrag-29.pdf"]);
    let text = repo.text("out/rlg/2025-11-17-protokollsutdrag-29.pdf");
    assert_in_order(
        &text,
        &[
            "Protokollsutdrag",
            "Regional ledningsgrupp 2025-11-17",
            "Tid och plats:",
            "måndag 17 november 2025 kl. 13.00–15.30",
            "Justeringens tid och plats:",
            "onsdag 26 november 2025, digitalt",
            "§ 29 Inriktningsbeslut KHOSS",
            "Föredragande: Tomas Jonsson, Krokom",
            "Regional ledningsgrupp beslut",
            "Avdela personal till arbetsgruppen",
            "Underlag framtaget av",
            "Utdragsbestyrkande",
            "Utdraget bestyrks 26 november 2025",
            "Elise Ackerot",
            "Sekreterare",
            "Sida 1 av 1",
        ],
    );
    assert!(
        !text.contains("§ 28") && !text.contains("§ 30"),
        "another paragraph came along: {text}"
    );
}

#[test]
fn protokollsutdrag_wait_for_justering() {
    let repo = Repo::examples();
    repo.unseal("meetings/rlg/2025-11-17");
    repo.edit(
        "meetings/rlg/2025-11-17/meeting.yaml",
        "status: justerad",
        "status: genomförd",
    );
    repo.rsr(&["build", "--body", "rlg"]).success();
    assert!(
        repo.path()
            .join("out/rlg/2025-11-17-protokoll.pdf")
            .exists()
    );
    assert!(
        !repo
            .path()
            .join("out/rlg/2025-11-17-protokollsutdrag-29.pdf")
            .exists()
    );
}

#[test]
fn sammantradesplan_carries_seed_004_table() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "gnus"]).success();
    // Planned meetings have no kallelse yet: the plan is all there is.
    let built: Vec<_> = std::fs::read_dir(repo.path().join("out/gnus"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name.to_string_lossy().ends_with(".pdf"))
        .collect();
    assert_eq!(built, ["2026-sammantradesplan.pdf"]);
    let text = repo.text("out/gnus/2026-sammantradesplan.pdf");
    assert_in_order(
        &text,
        &[
            "Sammanträdesplan 2026",
            "Gemensam nämnd avseende samordnad upphandling",
            "Mötesdatum Ämnesområde Föredragande",
        ],
    );
    // Each topic with its presenter, in the order of the meetings and topics.
    assert_in_order(
        &text,
        &[
            "Upphandling – uppföljning utifrån beslutad plan 2026, omvärldsbevakning Inköpschef",
            "Pågående projekt om inköp Inköpschef",
            "Årsbokslut 2025 Sekreterare",
            "Information om ekonomi Enhetschef hjälpmedels- och",
            "Försörjningsberedskap Utvecklingsstrateg",
            "Upphandlingar Inköpschef",
            "Uppföljning av Brukarrådet för hjälpmedel Enhetschef",
            "Upphandlingar Inköpschef",
            "Inspel till verksamhetsplan 2027 Sekreterare",
            "Sammanträdestider 2027",
            "Försörjningsberedskap Utvecklingsstrateg",
            "Upphandlingar Inköpschef",
            "Verksamhetsplan 2027 Sekreterare",
        ],
    );
    // The date cells span their topics' rows; text extraction places them
    // after the first rows, so they are checked one by one.
    for when in [
        "måndag 16 februari kl. 09.30–12.00 (Digitalt)",
        "måndag 11 maj kl. 09.30–12.00 (Digitalt)",
        "måndag 21 september kl. 09.30–15.00 (Fysiskt)",
        "måndag 9 november kl. 09.30–12.00 (Digitalt)",
    ] {
        assert!(text.contains(when), "{when:?} missing: {text}");
    }
}

/// The minimal nämnd, posting on a notice board, adjusted on `justering`.
fn posting(justering: &str) -> Repo {
    let repo = Repo::minimal();
    repo.unseal("meetings/kn/2026-03-02");
    repo.edit(
        "meetings/kn/body.yaml",
        "typ: nämnd\n",
        "typ: nämnd\nanslagstavla: true\nförvaringsplats: Kulturförvaltningen, Kommunhuset\n",
    );
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "justering: {datum: 2026-03-09",
        &format!("justering: {{datum: {justering}"),
    );
    repo.reseal("meetings/kn/2026-03-02");
    repo.rsr(&["build"]).success();
    repo
}

#[test]
fn anslagsbevis_dates_are_computed_from_the_justering() {
    let repo = posting("2026-03-09");
    let text = repo.text("out/kn/2026-03-02-anslagsbevis.pdf");
    assert_in_order(
        &text,
        &[
            "Anslagsbevis",
            "Kulturnämnden 2026-03-02",
            "Justeringen av protokollet har tillkännagetts på anslagstavlan.",
            "Organ: Kulturnämnden",
            "Sammanträdesdatum: måndag 2 mars 2026",
            "Datum för justering: måndag 9 mars 2026",
            // The next working day, and the day after three weeks.
            "Datum då anslaget sätts upp: tisdag 10 mars 2026",
            "Datum då anslaget tas ned: onsdag 1 april 2026",
            "Förvaringsplats för protokollet: Kulturförvaltningen, Kommunhuset",
            "Eva Sekreterare",
        ],
    );
    // The protokoll carries it on its last page.
    let protokoll = repo.text("out/kn/2026-03-02-protokoll.pdf");
    assert_in_order(
        &protokoll,
        &[
            "§ 2 Budget 2026",
            "Anslagsbevis",
            "Datum då anslaget tas ned: onsdag 1 april 2026",
        ],
    );
}

#[test]
fn anslagsbevis_dates_skip_weekends_and_easter() {
    // Adjusted on a Friday: posted on Monday 16 March; three weeks end on
    // annandag påsk, 6 April 2026, so the period runs to Tuesday 7 April.
    let text = posting("2026-03-13").text("out/kn/2026-03-02-anslagsbevis.pdf");
    assert!(
        text.contains("Datum då anslaget sätts upp: måndag 16 mars 2026"),
        "{text}"
    );
    assert!(
        text.contains("Datum då anslaget tas ned: onsdag 8 april 2026"),
        "{text}"
    );
}

#[test]
fn anslagsbevis_dates_can_be_given() {
    let repo = Repo::minimal();
    repo.unseal("meetings/kn/2026-03-02");
    repo.edit(
        "meetings/kn/body.yaml",
        "typ: nämnd\n",
        "typ: nämnd\nanslagstavla: true\n",
    );
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "nästa_möte:",
        "anslag: {uppsatt: 2026-03-11}\nnästa_möte:",
    );
    repo.reseal("meetings/kn/2026-03-02");
    repo.rsr(&["build", "--kind", "anslagsbevis"]).success();
    let text = repo.text("out/kn/2026-03-02-anslagsbevis.pdf");
    assert!(text.contains("sätts upp: onsdag 11 mars 2026"), "{text}");
    assert!(text.contains("tas ned: torsdag 2 april 2026"), "{text}");
}
