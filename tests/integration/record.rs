//! The decision record of BMN 2026-10-14 as the protokoll prints it: who
//! attended which paragraphs, jäv, motions, the vote and its table,
//! reservation, särskilt yttrande and protokollsanteckning.

use rsr::docs::{self, Filter, Kind};

use crate::support::{Repo, assert_in_order, examples};

const PROTOKOLL: &str = "out/bmn/2026-10-14-protokoll.pdf";

#[test]
fn protokoll_prints_the_whole_decision_record_in_order() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "bmn", "--kind", "protokoll"])
        .success();
    let text = repo.text(PROTOKOLL);
    assert_in_order(
        &text,
        &[
            // Attendance per paragraph: Lars Vik left after § 122 and Lisa
            // Nord served for him from § 123.
            "Deltagare:",
            "Lars Vik (M), §§ 118–122",
            "Helena Ås (C), tjänstgörande ersättare för Maria Sjöberg (C)",
            "Lisa Nord (M), tjänstgörande ersättare för Lars Vik (M), §§ 123–125",
            "Ej närvarande:",
            "Maria Sjöberg (C)",
            "Övriga deltagare:",
            "Olof Berglund (M), ersättare",
            "Tobias Lind, bygglovschef, §§ 121–122 och 124–125",
            "Paragrafer:",
            "118–125",
            "§ 121 Bygglov för nybyggnad av flerbostadshus, Storsjö Strand 2:14",
            "Yrkanden",
            "Anna Berg (S) yrkar bifall till förvaltningens förslag.",
            "Per Ek (M) yrkar avslag på ansökan",
            "Lars Vik (M) och Johan Nyberg (SD) yrkar bifall till Per Eks (M) yrkande.",
            "Propositionsordning",
            "Ordföranden ställer proposition",
            "Omröstning",
            "Ja-röst för förvaltningens förslag. Nej-röst för Per Eks (M) avslagsyrkande.",
            "Ledamot Ja Nej Avstår",
            "Anna Berg (S) X",
            "Helena Ås (C), tjänstgörande ersättare X",
            "Summa 5 3 1",
            "Omröstningsresultat",
            "Med 5 ja-röster mot 3 nej-röster beslutar nämnden enligt förvaltningens förslag.",
            "1 ledamot avstår från att rösta.",
            "Reservation",
            "Per Ek (M) och Lars Vik (M) reserverar sig mot beslutet och lämnar följande skriftliga reservation:",
            "Avvikelsen från detaljplanen är inte liten.",
            "Särskilt yttrande",
            "Eva Lund (V) lämnar följande särskilda yttrande:",
            "Vänsterpartiet välkomnar fler hyresrätter",
            "§ 122 Förhandsbesked",
            "Jäv",
            "Per Ek (M) anmäler jäv och deltar inte i handläggningen av ärendet.",
            "Olof Berglund (M) tjänstgör i",
            "Protokollsanteckning",
            "Eva Lund (V) lämnar följande protokollsanteckning:",
            "Vi förutsätter att dagvattenfrågan löses",
            "§ 123 Taxa",
        ],
    );
}

/// The vote table's rows as the template receives them: every member
/// deciding § 121, in attendance order, with the way each voted.
#[test]
fn the_vote_table_lists_every_deciding_member_with_their_vote() {
    let repository = rsr::repo::load::load(&examples()).repository.unwrap();
    let filter = Filter {
        bodies: vec!["bmn".into()],
        kinds: vec![Kind::Protokoll],
        ..Filter::default()
    };
    let documents = docs::documents(&repository, &filter);
    let data: serde_json::Value = serde_json::from_slice(&documents[0].data).unwrap();
    let sections = data["sections"].as_array().unwrap();
    let vote = &sections.iter().find(|s| s["number"] == 121).expect("§ 121")["vote"];
    let rows: Vec<(String, String)> = vote["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["name"].as_str().unwrap().to_string(),
                row["ballot"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("Anna Berg (S)", "yes"),
        ("Per Ek (M)", "no"),
        ("Karin Holm (C)", "yes"),
        ("Mikael Strand (S)", "yes"),
        ("Eva Lund (V)", "abstain"),
        ("Johan Nyberg (SD)", "no"),
        ("Sofia Dahl (S)", "yes"),
        ("Lars Vik (M)", "no"),
        ("Helena Ås (C), tjänstgörande ersättare", "yes"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(
        (vote["yes"].clone(), vote["no"].clone()),
        (5.into(), 3.into())
    );
}

/// A tie decided by the chair's vote says so, and goes the chair's way.
#[test]
fn a_tie_goes_the_way_the_chair_voted() {
    let repo = Repo::examples();
    repo.unseal("meetings/bmn/2026-10-14");
    repo.edit(
        "meetings/bmn/2026-10-14/04-bygglov-strandvagen.yaml",
        "  ja: [anna.berg, karin.holm, mikael.strand, sofia.dahl, helena.as]\n  nej: [per.ek, johan.nyberg, lars.vik]\n  avstår: [eva.lund]",
        "  ja: [per.ek, johan.nyberg, lars.vik, karin.holm]\n  nej: [anna.berg, mikael.strand, sofia.dahl, helena.as]\n  avstår: [eva.lund]",
    );
    repo.reseal("meetings/bmn/2026-10-14");
    repo.rsr(&["build", "--body", "bmn", "--kind", "protokoll"])
        .success();
    let text = repo.text(PROTOKOLL);
    assert!(
        text.contains(
            "Med 4 ja-röster mot 4 nej-röster och ordförandens utslagsröst beslutar nämnden enligt Per Eks (M) avslagsyrkande."
        ),
        "{text}"
    );
}

/// Members who leave are not counted from then on: a vote after Lars Vik
/// left that still counts him is an error naming him.
#[test]
fn a_member_who_left_cannot_vote_later() {
    let repo = Repo::examples();
    let item = "meetings/bmn/2026-10-14/06-taxa-miljobalken.yaml";
    let mut text = repo.read(item);
    text.push_str(
        "omröstning:\n  ja_för: förvaltningens förslag\n  nej_för: avslag\n  \
         ja: [anna.berg, per.ek, karin.holm, mikael.strand, eva.lund, johan.nyberg, sofia.dahl, helena.as, lisa.nord, lars.vik]\n",
    );
    repo.write(item, &text);
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[vote-not-deciding]: Lars Vik voted, but is not among those deciding this item"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("vote-count"), "{stderr}");
}

/// A paragraph adjusted at the meeting has its extract as soon as the
/// meeting is held; the others wait for the protokoll's justering.
#[test]
fn an_immediately_adjusted_paragraph_has_its_extract_before_justering() {
    let repo = Repo::examples();
    repo.unseal("meetings/bmn/2026-10-14");
    let meeting = "meetings/bmn/2026-10-14/meeting.yaml";
    repo.edit(meeting, "status: justerad", "status: genomförd");
    repo.rsr(&["build", "--body", "bmn", "--kind", "protokollsutdrag"])
        .success();
    let built: Vec<String> = std::fs::read_dir(repo.path().join("out/bmn"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".pdf"))
        .collect();
    assert_eq!(built, ["2026-10-14-protokollsutdrag-123.pdf"]);
    let text = repo.text("out/bmn/2026-10-14-protokollsutdrag-123.pdf");
    assert_in_order(
        &text,
        &[
            "Justeringens tid och plats: onsdag 14 oktober 2026, omedelbart vid sammanträdet",
            "§ 123 Taxa",
            "Paragrafen förklaras omedelbart justerad.",
            "Utdragsbestyrkande",
            "Utdraget bestyrks 14 oktober 2026",
        ],
    );
}
