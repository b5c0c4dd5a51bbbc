//! Sub-items with headings of their own (a) Verksamhetsidé …) and presenters
//! with their title for the item, as the example meeting rlg 2026-12-07
//! shows them: in the protokoll's text, table of contents, bookmarks and
//! tag tree, in the kallelse, the utdrag, `rsr diff` and the open data.

use std::path::Path;

use lopdf::{Dictionary, Document, Object};

use crate::conformance;
use crate::support::{Repo, assert_in_order, pdf_text};

const PROTOKOLL: &str = "out/rlg/2026-12-07-protokoll.pdf";
const KALLELSE: &str = "out/rlg/2026-12-07-kallelse.pdf";
const UTDRAG: &str = "out/rlg/2026-12-07-protokollsutdrag-42.pdf";
const ITEM: &str = "meetings/rlg/2026-12-07/02-verksamhetsplan.yaml";

/// The sub-items of § 42 and § 43, under their letters.
const SUBITEMS: &[&str] = &[
    "a) Verksamhetsidé",
    "b) Mål 2027",
    "c) Fokusområden",
    "d) Budget 2027",
    "e) Uppföljning och rapportering",
    "a) KHOSS-arbetsgruppen",
    "b) Regional övning 2027",
    "c) Försörjning inom hälso- och sjukvård",
];

fn built() -> Repo {
    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "rlg"]).success();
    repo
}

#[test]
fn the_protokoll_sets_each_subitem_under_its_letter_with_presenters_titles_and_fields() {
    let repo = built();
    let text = repo.text(PROTOKOLL);
    assert_in_order(
        &text,
        &[
            "§ 42 Verksamhetsplan och budget 2027",
            "Föredragande: Martin Söderström, förbundschef",
            "Regional ledningsgrupp beslut",
            "Fastställa verksamhetsplan 2027",
            "Sammanfattning och överväganden",
            "Beslutsunderlag",
            "Förslag till verksamhetsplan 2027",
            "Expedieras till",
            "Länsstyrelsen Jämtlands län",
            "a) Verksamhetsidé",
            "Föredragande: Martin Söderström, förbundschef",
            "Regional ledningsgrupp beslut",
            "Verksamhetsidén fastställs med det tillägg som framfördes på mötet.",
            "Bakgrund",
            "Verksamhetsidén har varit oförändrad sedan 2023.",
            "Synpunkter från mötet",
            "Gruppen ställer sig bakom formuleringen",
            "b) Mål 2027",
            "Föredragande: Sara Schelin, kommundirektör, Åre",
            "Bakgrund",
            "en gemensam kompetensförsörjning inom vård och omsorg",
            "Synpunkter från mötet",
            "c) Fokusområden",
            "Föredragande: Tomas Jonsson, kommundirektör, Krokom och Magnus Aspegren, regiondirektör,",
            "Sammanfattning och överväganden",
            "d) Budget 2027",
            "Föredragande: Karin Wallin, ekonom",
            "Regional ledningsgrupp beslut",
            "Budgeten för 2027 godkänns.",
            "Bakgrund",
            "Synpunkter från mötet",
            "Inga synpunkter.",
            "Beslutsunderlag",
            "Budgetunderlag 2027",
            "Underlag framtaget av",
            "Karin Wallin",
            "Expedieras till",
            "Ekonomicheferna i länets kommuner",
            "e) Uppföljning och rapportering",
            "Föredragande: Elise Ackerot, utvecklingsstrateg, Kommunförbundet Jämtlands län",
            "§ 43 Civilt försvar – lägesbild",
            "Föredragande: Susanna Löfgren, försvarsdirektör, Länsstyrelsen",
            "a) KHOSS-arbetsgruppen",
            "Föredragande: Tomas Jonsson, kommundirektör, Krokom",
            "b) Regional övning 2027",
            "Föredragande: Susanna Löfgren, försvarsdirektör, Länsstyrelsen Jämtlands län",
            "§ 44 Nav för kompetensförsörjning",
            "Föredragande: Peter Jemtbring, kommundirektör, Strömsund",
        ],
    );
}

#[test]
fn lines_of_text_stay_a_list_under_the_paragraph_and_out_of_the_table_of_contents() {
    let repo = built();
    let text = repo.text(PROTOKOLL);
    assert_in_order(
        &text,
        &[
            "§ 41 Upprop, protokollets justering",
            "a) Upprop genomförs. b) Sara Schelin väljs att tillsammans med ordförande justera protokollet. c) Dagordningen fastställs",
            "d) Föregående protokoll läggs till handlingarna.",
            "§ 42 Verksamhetsplan och budget 2027",
        ],
    );
    let contents = repo.page_text(PROTOKOLL, 2);
    assert!(!contents.contains("Upprop genomförs"), "{contents}");
    // And the older protokoll's lines of text are as they were.
    let older = repo.text("out/rlg/2025-11-17-protokoll.pdf");
    assert!(
        older.contains("a) Upprop genomförs. b) Peter Jemtbring väljs att tillsammans med ordförande justera protokollet c) Dagordningen fastställs utan ändringar.")
            || older.contains("a) Upprop genomförs. b) Peter Jemtbring väljs att tillsammans med ordförande justera protokollet. c) Dagordningen fastställs utan ändringar."),
        "{older}"
    );
}

/// The table of contents' entries: (title, page) in order, and whether
/// each is indented, read from the layout of page 2.
fn contents(path: &Path) -> Vec<(String, usize, bool)> {
    conformance::assert_pdf(path);
    let output = std::process::Command::new("pdftotext")
        .args(["-layout", "-f", "2", "-l", "2"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let entry = regex::Regex::new(r"^( *)(\S.*?)[ .]*\.\s*\u{2060}?(\d+)\s*$").unwrap();
    text.lines()
        .filter_map(|line| {
            let found = entry.captures(line)?;
            Some((
                found[2].trim().to_string(),
                found[3].parse().ok()?,
                found[1].len(),
            ))
        })
        .collect::<Vec<_>>()
        .iter()
        .map({
            let least = text
                .lines()
                .filter_map(|l| entry.captures(l).map(|c| c[1].len()))
                .min()
                .unwrap_or(0);
            move |(title, page, indent)| (title.clone(), *page, *indent > least)
        })
        .collect()
}

#[test]
fn the_table_of_contents_lists_subitems_indented_under_their_paragraph_on_their_real_pages() {
    let repo = built();
    let path = repo.path().join(PROTOKOLL);
    let entries = contents(&path);
    let titles: Vec<&str> = entries.iter().map(|(t, ..)| t.as_str()).collect();
    let position = |wanted: &str| {
        titles
            .iter()
            .position(|t| t.starts_with(wanted))
            .unwrap_or_else(|| panic!("{wanted} not in the table of contents: {entries:?}"))
    };
    let paragraph_42 = position("§ 42 Verksamhetsplan och budget 2027");
    let paragraph_43 = position("§ 43 Civilt försvar");
    let paragraph_44 = position("§ 44 Nav för kompetensförsörjning");
    assert!(
        !entries[paragraph_42].2,
        "§ 42 is not indented: {entries:?}"
    );
    for (n, wanted) in SUBITEMS.iter().enumerate() {
        let (under, before) = if n < 5 {
            (paragraph_42, paragraph_43)
        } else {
            (paragraph_43, paragraph_44)
        };
        let at = titles
            .iter()
            .enumerate()
            .position(|(i, t)| i > under && i < before && t.starts_with(wanted))
            .unwrap_or_else(|| panic!("{wanted} not under its § in {entries:?}"));
        let (_, page, indented) = &entries[at];
        assert!(indented, "{wanted} is not indented: {entries:?}");
        let on_page = pdf_text(&path, Some(*page));
        assert!(
            on_page.contains(wanted),
            "{wanted} is listed on page {page}, which reads:\n{on_page}"
        );
        // The heading is where it says, not only mentioned there: it is
        // not on the page before.
        if *page > 3 {
            let before = pdf_text(&path, Some(page - 1));
            assert!(!before.contains(wanted), "{wanted} is on page {}", page - 1);
        }
    }
    // Every paragraph's page is true as well.
    for at in [paragraph_42, paragraph_43, paragraph_44] {
        let (title, page, _) = &entries[at];
        let short: String = title.chars().take(20).collect();
        assert!(
            pdf_text(&path, Some(*page)).contains(&short),
            "{title} not on page {page}"
        );
    }
}

/// A PDF text string: UTF-16BE with its mark, or PDFDocEncoding (taken as
/// Latin-1, which covers what the examples use).
fn text_string(object: &Object) -> String {
    let Ok(bytes) = object.as_str() else {
        return String::new();
    };
    if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn dictionary<'a>(document: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Reference(id) => document.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// The bookmarks as (depth, title), in order.
fn bookmarks(path: &Path) -> Vec<(usize, String)> {
    conformance::assert_pdf(path);
    let document = Document::load(path).unwrap();
    let outlines = document.catalog().unwrap().get(b"Outlines").unwrap();
    let root = dictionary(&document, outlines).unwrap();
    let mut found = Vec::new();
    fn walk(
        document: &Document,
        first: Option<&Object>,
        depth: usize,
        found: &mut Vec<(usize, String)>,
    ) {
        let mut next = first.and_then(|o| dictionary(document, o));
        while let Some(entry) = next {
            found.push((depth, text_string(entry.get(b"Title").unwrap())));
            walk(document, entry.get(b"First").ok(), depth + 1, found);
            next = entry
                .get(b"Next")
                .ok()
                .and_then(|o| dictionary(document, o));
        }
    }
    walk(&document, root.get(b"First").ok(), 0, &mut found);
    found
}

/// The tag tree's headings as (level, title), in document order.
fn heading_tags(path: &Path) -> Vec<(u8, String)> {
    conformance::assert_pdf(path);
    let document = Document::load(path).unwrap();
    let root = document.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = dictionary(&document, root).unwrap();
    let mut found = Vec::new();
    fn walk(document: &Document, kids: &Object, found: &mut Vec<(u8, String)>) {
        let kids = match kids {
            Object::Array(list) => list.iter().collect::<Vec<_>>(),
            other => vec![other],
        };
        for kid in kids {
            let Some(element) = dictionary(document, kid) else {
                continue;
            };
            if let Ok(Object::Name(kind)) = element.get(b"S")
                && let [b'H', level @ b'1'..=b'6'] = kind.as_slice()
            {
                let title = element.get(b"T").map(text_string).unwrap_or_default();
                found.push((level - b'0', title));
            }
            if let Ok(children) = element.get(b"K") {
                walk(document, children, found);
            }
        }
    }
    walk(&document, root.get(b"K").unwrap(), &mut found);
    found
}

#[test]
fn bookmarks_and_tags_put_each_subitem_one_level_below_its_paragraph() {
    let repo = built();
    let path = repo.path().join(PROTOKOLL);

    let marks = bookmarks(&path);
    let depth_of = |title: &str, from: usize| {
        marks
            .iter()
            .skip(from)
            .position(|(_, t)| t == title)
            .map(|i| (i + from, marks[i + from].0))
            .unwrap_or_else(|| panic!("no bookmark {title}: {marks:?}"))
    };
    let (at_42, depth_42) = depth_of("§ 42 Verksamhetsplan och budget 2027", 0);
    let (at_43, depth_43) = depth_of("§ 43 Civilt försvar – lägesbild", 0);
    assert_eq!(depth_42, depth_43);
    for (n, wanted) in SUBITEMS.iter().enumerate() {
        let (at, depth) = depth_of(wanted, if n < 5 { at_42 } else { at_43 });
        assert_eq!(depth, depth_42 + 1, "{wanted}: {marks:?}");
        assert!(if n < 5 { at < at_43 } else { at > at_43 }, "{marks:?}");
    }
    // The parts of a sub-item are below it.
    let (at_a, _) = depth_of("a) Verksamhetsidé", at_42);
    assert_eq!(
        marks[at_a + 1],
        (depth_42 + 2, "Regional ledningsgrupp beslut".into())
    );

    let tags = heading_tags(&path);
    let tag = |title: &str| {
        tags.iter()
            .filter(|(_, t)| t == title)
            .map(|(level, _)| *level)
            .collect::<Vec<_>>()
    };
    assert_eq!(tag("§ 42 Verksamhetsplan och budget 2027"), [2], "{tags:?}");
    for wanted in SUBITEMS {
        assert_eq!(tag(wanted), [3], "{wanted}: {tags:?}");
    }
    let a = tags
        .iter()
        .position(|(_, t)| t == "a) Verksamhetsidé")
        .unwrap();
    assert_eq!(
        tags[a + 1..a + 4],
        [
            (4, "Regional ledningsgrupp beslut".to_string()),
            (4, "Bakgrund".to_string()),
            (4, "Synpunkter från mötet".to_string()),
        ],
        "{tags:?}"
    );
}

#[test]
fn the_kallelse_lists_each_subitem_with_its_presenters_description_and_proposal() {
    let repo = Repo::examples();
    // A proposal in a sub-item shows in the kallelse.
    repo.edit(
        ITEM,
        "    beslut: Budgeten för 2027 godkänns.\n",
        "    förslag_till_beslut: Budgeten för 2027 godkänns.\n    beslut: Budgeten för 2027 godkänns.\n",
    );
    repo.rsr(&["build", "--body", "rlg"]).success();
    let text = repo.text(KALLELSE);
    assert_in_order(
        &text,
        &[
            "1. Upprop, protokollets justering",
            "2. Verksamhetsplan och budget 2027 (KFJ/2026/118)",
            "Föredragande: Martin Söderström, förbundschef",
            "a) Verksamhetsidé",
            "Föredragande: Martin Söderström, förbundschef",
            "Ärendebeskrivning",
            "Verksamhetsidén har varit oförändrad sedan 2023.",
            "b) Mål 2027",
            "Föredragande: Sara Schelin, kommundirektör, Åre",
            "c) Fokusområden",
            "d) Budget 2027",
            "Föredragande: Karin Wallin, ekonom",
            "Ärendebeskrivning",
            "Förslag till beslut",
            "Budgeten för 2027 godkänns.",
            "e) Uppföljning och rapportering",
            "3. Civilt försvar – lägesbild (KFJ/2026/97)",
            "a) KHOSS-arbetsgruppen",
        ],
    );
    // What the meeting said is the protokoll's, not the kallelse's; nor do
    // the lines of text of § 41 show.
    assert!(!text.contains("Synpunkter"), "{text}");
    assert!(!text.contains("Upprop genomförs"), "{text}");
}

#[test]
fn the_utdrag_of_a_paragraph_carries_its_subitems() {
    let repo = built();
    let text = repo.text(UTDRAG);
    assert_in_order(
        &text,
        &[
            "Protokollsutdrag",
            "§ 42 Verksamhetsplan och budget 2027",
            "a) Verksamhetsidé",
            "Synpunkter från mötet",
            "b) Mål 2027",
            "Föredragande: Sara Schelin, kommundirektör, Åre",
            "d) Budget 2027",
            "Budgeten för 2027 godkänns.",
            "e) Uppföljning och rapportering",
            "Utdragsbestyrkande",
        ],
    );
    let marks = bookmarks(&repo.path().join(UTDRAG));
    assert!(
        marks.iter().any(|(_, t)| t == "d) Budget 2027"),
        "{marks:?}"
    );
}

#[test]
fn a_hostile_subitem_title_and_presenter_title_print_literally() {
    let repo = Repo::examples();
    let hostile = r#"#read("/etc/passwd") $x^2$ *fet* <b>"#;
    repo.edit(
        ITEM,
        "  - rubrik: Mål 2027\n",
        &format!("  - rubrik: '{hostile}'\n"),
    );
    repo.edit(
        ITEM,
        "{person: sara.schelin, titel: kommundirektör}",
        r#"{person: sara.schelin, titel: '#emph[chef] \u{1F600}'}"#,
    );
    repo.rsr(&["build", "--body", "rlg"]).success();
    for pdf in [PROTOKOLL, KALLELSE, UTDRAG] {
        let text = repo.text(pdf);
        assert!(text.contains(&format!("b) {hostile}")), "{pdf}: {text}");
        assert!(
            text.contains(r"Sara Schelin, #emph[chef] \u{1F600}, Åre"),
            "{pdf}: {text}"
        );
        assert!(!text.contains("root:"), "{pdf}");
    }
    let entries = contents(&repo.path().join(PROTOKOLL));
    assert!(
        entries
            .iter()
            .any(|(t, ..)| t.starts_with(&format!("b) {hostile}"))),
        "{entries:?}"
    );
}

#[test]
fn rsr_diff_reports_a_change_inside_a_subitem_as_a_change_of_its_paragraph() {
    let repo = Repo::examples();
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    repo.commit("Examples");
    repo.git(&["checkout", "--quiet", "-b", "andring"]);
    repo.edit(
        ITEM,
        "      Flera kommuner lyfter att målen behöver mätbara indikatorer.",
        "      Samtliga kommuner lyfter att målen behöver mätbara indikatorer.",
    );
    repo.edit(
        ITEM,
        "{person: sara.schelin, titel: kommundirektör}",
        "{person: sara.schelin, titel: tf. kommundirektör}",
    );
    repo.commit("Synpunkter på mål");
    let out = repo.rsr(&["diff"]).success().stdout();
    for heading in [
        "### Protokoll, Regional ledningsgrupp 2026-12-07",
        "### Protokollsutdrag § 42, Regional ledningsgrupp 2026-12-07",
        "### Kallelse/föredragningslista, Regional ledningsgrupp 2026-12-07",
    ] {
        assert!(out.contains(heading), "{heading} missing:\n{out}");
    }
    assert!(
        out.contains("- **§ 42 Verksamhetsplan och budget 2027** ändras\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "  - underpunkt b) Mål 2027: synpunkter: ~~Flera~~**Samtliga** kommuner lyfter"
        ),
        "{out}"
    );
    assert!(
        out.contains(r"  - underpunkt b) Mål 2027: föredragande: Sara Schelin ~~\(kommundirektör\)~~**\(tf. kommundirektör\)**"),
        "{out}"
    );
    // The kallelse shows the presenters, not what the meeting said.
    let kallelse = &out[out.find("### Kallelse/föredragningslista").unwrap()..];
    let kallelse = &kallelse[..kallelse[3..].find("### ").map_or(kallelse.len(), |i| i + 3)];
    assert!(
        kallelse.contains("underpunkt b) Mål 2027: föredragande"),
        "{kallelse}"
    );
    assert!(!kallelse.contains("synpunkter"), "{kallelse}");
}

#[test]
fn the_open_data_has_the_subitems_with_their_presenters() {
    let repo = built();
    let data: serde_json::Value =
        serde_json::from_str(&repo.read("out/rlg/2026-12-07.json")).unwrap();
    let items = data["agendaItem"].as_array().unwrap();
    // Lines of text as written.
    assert_eq!(items[0]["subitems"][0], "Upprop genomförs.");
    let subitems = items[1]["subitems"].as_array().unwrap();
    assert_eq!(subitems.len(), 5);
    assert_eq!(subitems[0]["label"], "a)");
    assert_eq!(subitems[0]["name"], "Verksamhetsidé");
    assert_eq!(subitems[0]["presenters"][0]["id"], "martin.soderstrom");
    assert_eq!(
        subitems[0]["resolutionText"],
        "Verksamhetsidén fastställs med det tillägg som framfördes på mötet."
    );
    let schelin = &subitems[1]["presenters"][0];
    assert_eq!(schelin["id"], "sara.schelin");
    assert_eq!(schelin["name"], "Sara Schelin");
    assert_eq!(schelin["title"], "kommundirektör");
    assert_eq!(schelin["organisation"], "Åre");
    assert_eq!(subitems[3]["presenters"][0]["name"], "Karin Wallin");
    assert!(subitems[3]["presenters"][0].get("id").is_none());
    assert_eq!(subitems[3]["auxiliaryFile"][0], "Budgetunderlag 2027");
    // A titled presenter of an item, with an organisation for the item.
    let lofgren = &items[2]["subitems"][1]["presenters"][0];
    assert_eq!(lofgren["organisation"], "Länsstyrelsen Jämtlands län");
    assert_eq!(items[3]["presenters"][0]["title"], "kommundirektör");
}

#[test]
fn a_sub_items_document_marked_bifogas_travels_inside_the_kallelse() {
    let repo = Repo::examples();
    // Any PDF will do as the budget: a protokoll rsr just built.
    repo.rsr(&[
        "build",
        "--body",
        "rlg",
        "--meeting",
        "2025-11-17",
        "--kind",
        "protokoll",
    ])
    .success();
    let original = repo.bytes("out/rlg/2025-11-17-protokoll.pdf");
    std::fs::write(
        repo.path().join("meetings/rlg/2026-12-07/budget.pdf"),
        &original,
    )
    .unwrap();
    repo.edit(
        ITEM,
        "    beslutsunderlag: [Budgetunderlag 2027]",
        "    beslutsunderlag: [{titel: Budgetunderlag 2027, fil: budget.pdf, bifogas: true}]",
    );
    repo.rsr(&["check"]).success();
    repo.rsr(&[
        "build",
        "--body",
        "rlg",
        "--meeting",
        "2026-12-07",
        "--kind",
        "kallelse",
    ])
    .success();
    let text = repo.text(KALLELSE);
    assert!(
        text.contains("Bilaga 1: Budgetunderlag 2027 (budget.pdf), till ärende 2."),
        "{text}"
    );
    let saved = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("pdfdetach")
        .args(["-saveall", "-o"])
        .arg(saved.path())
        .arg(repo.path().join(KALLELSE))
        .status()
        .unwrap();
    assert!(status.success());
    assert!(std::fs::read(saved.path().join("budget.pdf")).unwrap() == original);
}
