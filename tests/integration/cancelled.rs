//! Cancelled meetings (`status: inställd`) as a reader meets them: a notice
//! in place of the kallelse that was sent, no record, the plan, site,
//! calendar and open data saying so, and § numbering passing them by; and
//! `föregående_paragraf`, the explained hole in a repository's history,
//! with hints that never renumber a sealed protokoll.

use icalendar::Component;
use serde_json::Value;

use crate::support::{Repo, assert_in_order, page_count};

/// The example's cancelled meeting.
const CANCELLED: &str = "meetings/rsr/2026-03-16/meeting.yaml";

fn json(repo: &Repo, relative: &str) -> Value {
    serde_json::from_str(&repo.read(relative)).unwrap()
}

/// The VEVENT of `uid` in a calendar, parsed back with the icalendar crate.
/// The one event of a calendar that starts on `day` (YYYYMMDD).
fn event(ics: &str, day: &str) -> icalendar::Event {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar: icalendar::Calendar = icalendar::parser::read_calendar(&unfolded).unwrap().into();
    let on_day: Vec<&icalendar::Event> = calendar
        .events()
        .filter(|e| {
            e.property_value("DTSTART")
                .is_some_and(|start| start.starts_with(&format!("{day}T")))
        })
        .collect();
    assert_eq!(on_day.len(), 1, "events on {day} in:\n{ics}");
    on_day[0].clone()
}

fn check(repo: &Repo) -> String {
    repo.rsr(&["check"]).stderr()
}

#[test]
fn a_cancelled_meeting_whose_kallelse_was_sent_has_a_notice_in_its_place_and_no_record() {
    let repo = Repo::examples();
    // Text from YAML is data: a hostile reason prints as written.
    repo.edit(
        CANCELLED,
        "anledning: Ärendena är inte färdigberedda. De tas upp vid sammanträdet i april.",
        "anledning: 'Ärendena är inte färdigberedda. De tas upp vid sammanträdet i april. #read(\"/etc/passwd\") $x$'",
    );
    repo.rsr(&["build"]).success();

    let notice = "out/rsr/2026-03-16-kallelse.pdf";
    assert_eq!(page_count(&repo.path().join(notice)), 1);
    let text = repo.text(notice);
    assert_in_order(
        &text,
        &[
            "Region Jämtland Härjedalen",
            "Inställt sammanträde",
            "Regionens samverkansråd",
            "Sammanträdet med Regionens samverkansråd måndag 16 mars 2026 kl. 13.15 är inställt.",
            "Ärendena är inte färdigberedda. De tas upp vid sammanträdet i april. #read(\"/etc/passwd\") $x$",
            "Sida 1 av 1",
        ],
    );
    // A notice, not an agenda.
    assert!(!text.contains("Regional utvecklingsstrategi"), "{text}");
    assert!(
        !text.contains("Föredragningslista") && !text.contains("Ledamöter"),
        "{text}"
    );

    // No protokoll, utdrag or anslagsbevis, even when asked for.
    repo.rsr(&[
        "build",
        "--body",
        "rsr",
        "--meeting",
        "2026-03-16",
        "--kind",
        "protokoll",
    ])
    .success();
    let made: Vec<String> = std::fs::read_dir(repo.path().join("out/rsr"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("2026-03-16"))
        .collect();
    assert_eq!(
        {
            let mut made = made;
            made.sort();
            made
        },
        ["2026-03-16-kallelse.pdf", "2026-03-16.json"]
    );

    // The plan marks it, with its reason.
    let plan = repo.text("out/rsr/2026-sammantradesplan.pdf");
    assert_in_order(
        &plan,
        &[
            "måndag 26 januari",
            "måndag 16 mars kl. 13.15–16.00 Inställt",
        ],
    );
    assert!(
        plan.contains("Ärendena är inte färdigberedda. De tas upp vid sammanträdet i april."),
        "{plan}"
    );
    assert_eq!(plan.matches("Inställt").count(), 1, "{plan}");

    // The site says so and names the notice for what it is.
    let index = repo.read("out/index.html");
    let at = index
        .find("<h4>Måndag 16 mars 2026</h4>")
        .expect("the meeting is listed");
    let entry = &index[at..at + index[at..].find("</li>\n<li>").unwrap_or(600)];
    assert!(
        entry.contains("<span class=\"status\">Inställt</span>"),
        "{entry}"
    );
    assert!(entry.contains("Ärendena är inte färdigberedda."), "{entry}");
    assert!(entry.contains(">Inställt sammanträde</a>"), "{entry}");

    // The open data.
    let data = json(&repo, "out/rsr/2026-03-16.json");
    assert_eq!(data["cancelled"], Value::Bool(true));
    assert_eq!(data["meetingState"], "inställd");
    assert!(
        data["cancellationReason"]
            .as_str()
            .unwrap()
            .starts_with("Ärendena är inte färdigberedda.")
    );
    assert_eq!(data["invitation"]["name"], "Inställt sammanträde");
    assert_eq!(data["agendaItem"], serde_json::json!([]));
    assert_eq!(data["resultsProtocol"], Value::Null);
    // …and a held meeting is not cancelled.
    let held = json(&repo, "out/rsr/2026-01-26.json");
    assert_eq!(held["cancelled"], Value::Bool(false));
    assert!(held.get("cancellationReason").is_none());

    // `rsr list` shows the status.
    let list = repo.rsr(&["list"]).success().stdout();
    let line = list
        .lines()
        .find(|l| l.contains("2026-03-16"))
        .expect("listed");
    assert!(line.contains("inställd"), "{line}");
    assert!(!line.contains('§'), "{line}");
}

#[test]
fn the_calendar_keeps_the_uid_and_marks_the_event_cancelled() {
    let repo = Repo::examples();
    // Before it was cancelled: the kallelse sent, a confirmed event.
    repo.edit(CANCELLED, "status: inställd", "status: kallad");
    repo.rsr(&["build"]).success();
    let before = event(&repo.read("out/rsr/kalender.ics"), "20260316");
    assert_eq!(before.property_value("STATUS"), Some("CONFIRMED"));
    assert_eq!(before.property_value("SEQUENCE"), None);

    repo.edit(CANCELLED, "status: kallad", "status: inställd");
    repo.rsr(&["build"]).success();
    for calendar in ["out/rsr/kalender.ics", "out/kalender.ics"] {
        let ics = repo.read(calendar);
        let after = event(&ics, "20260316");
        assert_eq!(after.get_uid(), before.get_uid());
        assert_eq!(after.property_value("STATUS"), Some("CANCELLED"));
        // A revision of the event calendars hold (RFC 5545 3.8.7.4).
        assert_eq!(after.property_value("SEQUENCE"), Some("1"));
        assert_eq!(after.property_value("TRANSP"), Some("TRANSPARENT"));
        assert_eq!(
            after.property_value("DTSTART"),
            before.property_value("DTSTART")
        );
        assert_eq!(
            after.get_summary(),
            Some("Inställt: Regionens samverkansråd sammanträder")
        );
        let description = after.get_description().unwrap();
        assert!(
            description.starts_with(
                "Sammanträdet med Regionens samverkansråd måndag 16 mars 2026 kl. 13.15 är inställt.\nÄrendena är inte färdigberedda."
            ),
            "{description}"
        );
        // The other meetings are as they were.
        let other = event(&ics, "20260126");
        assert_eq!(other.property_value("STATUS"), Some("CONFIRMED"));
        assert_eq!(other.property_value("SEQUENCE"), None);
    }
}

#[test]
fn a_cancelled_meeting_whose_kallelse_was_never_sent_has_no_kallelse() {
    let repo = Repo::examples();
    repo.edit(CANCELLED, "kallelse_skickad: 2026-03-02\n", "");
    repo.rsr(&["build"]).success();
    assert!(!repo.path().join("out/rsr/2026-03-16-kallelse.pdf").exists());
    let data = json(&repo, "out/rsr/2026-03-16.json");
    assert_eq!(data["cancelled"], Value::Bool(true));
    assert!(data.get("invitation").is_none(), "{data}");
    // Still in the plan, marked.
    assert_in_order(
        &repo.text("out/rsr/2026-sammantradesplan.pdf"),
        &["måndag 16 mars", "Inställt"],
    );
}

#[test]
fn numbering_passes_a_cancelled_meeting_by() {
    let repo = Repo::examples();
    // A meeting after the cancelled one continues from 26 January's § 5.
    repo.write(
        "meetings/rsr/2026-04-20/meeting.yaml",
        "datum: 2026-04-20\nstart: '13:15'\nplats: Styrelserummet\nstatus: kallad\nkallelse_skickad: 2026-04-06\n",
    );
    repo.write(
        "meetings/rsr/2026-04-20/01-val-av-justerare.yaml",
        "rubrik: Val av justerare\ntyp: standard\n",
    );
    repo.write(
        "meetings/rsr/2026-04-20/02-strategi.yaml",
        "rubrik: Regional utvecklingsstrategi – uppföljning 2025\n",
    );
    let stderr = check(&repo);
    assert!(stderr.contains("no problems found"), "{stderr}");
    repo.rsr(&["build", "--body", "rsr"]).success();
    let paragraphs = |date: &str| -> Vec<Value> {
        json(&repo, &format!("out/rsr/{date}.json"))["agendaItem"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["paragraph"].clone())
            .collect()
    };
    assert_eq!(
        paragraphs("2026-04-20"),
        [serde_json::json!(6), serde_json::json!(7)]
    );
    let list = repo.rsr(&["list"]).success().stdout();
    assert_in_order(
        &list,
        &[
            "2026-01-26",
            "§§ 1–5",
            "2026-03-16",
            "inställd",
            "2026-04-20",
            "§§ 6–7",
        ],
    );

    // Uncancelled, it would take §§ 6–7 and move the next meeting on.
    repo.edit(CANCELLED, "status: inställd", "status: kallad");
    let list = repo.rsr(&["list"]).success().stdout();
    assert_in_order(&list, &["2026-03-16", "§§ 6–7", "2026-04-20", "§§ 8–9"]);
}

#[test]
fn a_cancelled_meeting_with_attendance_decisions_or_justering_is_an_error() {
    let repo = Repo::examples();
    repo.edit(
        CANCELLED,
        "kallelse_skickad: 2026-03-02\n",
        "kallelse_skickad: 2026-03-02\njusterare: [therese.karngard]\nnärvaro:\n  beslutande: [jonas.andersson]\nföregående_paragraf: 5\n",
    );
    repo.edit(
        "meetings/rsr/2026-03-16/02-regional-utvecklingsstrategi.yaml",
        "ärendebeskrivning:",
        "beslut: Rådet tackar för informationen.\närendebeskrivning:",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    for expected in [
        "error[cancelled-attendance]: the meeting is inställd, but its attendance (`närvaro`) is recorded",
        "error[cancelled-justering]: the meeting is inställd, but justerare or a justering are given",
        "error[cancelled-decision]: a decision or its record (motions, vote, reservations, jäv) is given, but the meeting is inställd",
        "error[cancelled-paragraph]: the meeting is inställd and has no § numbers, but `föregående_paragraf` pins them",
        "move `föregående_paragraf: 5` to the next meeting",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
    // Not the messages for a meeting still to be held.
    assert!(!stderr.contains("decision-before-held"), "{stderr}");
    // And a cancelled meeting cannot be adjusted.
    repo.edit(
        CANCELLED,
        "justerare: [therese.karngard]\nnärvaro:\n  beslutande: [jonas.andersson]\nföregående_paragraf: 5\n",
        "",
    );
    repo.edit(
        "meetings/rsr/2026-03-16/02-regional-utvecklingsstrategi.yaml",
        "beslut: Rådet tackar för informationen.\n",
        "",
    );
    let stderr = repo
        .rsr(&["justera", "rsr", "2026-03-16"])
        .usage_failure()
        .stderr();
    assert!(
        stderr
            .contains("RSR 2026-03-16 is inställd: a cancelled meeting has no protokoll to adjust"),
        "{stderr}"
    );
}

/// tests/good/minimal's 2 March meeting holds §§ 1–2; a meeting on 6 April
/// with items, and `extra` in its meeting.yaml.
fn april(extra: &str) -> Repo {
    let repo = Repo::minimal();
    repo.write(
        "meetings/kn/2026-04-06/meeting.yaml",
        &format!(
            "datum: 2026-04-06\nstart: '13:00'\nplats: Sessionssalen\nstatus: kallad\n{extra}"
        ),
    );
    repo.write(
        "meetings/kn/2026-04-06/01-upprop.yaml",
        "rubrik: Upprop\ntyp: standard\n",
    );
    repo.write("meetings/kn/2026-04-06/02-taxa.yaml", "rubrik: Taxa 2027\n");
    repo
}

fn hint_of<'a>(stderr: &'a str, rule: &str) -> &'a str {
    let at = stderr
        .find(&format!("[{rule}]"))
        .unwrap_or_else(|| panic!("no {rule} in:\n{stderr}"));
    let rest = &stderr[at..];
    let hint = rest.find("= hint: ").expect("a hint") + "= hint: ".len();
    rest[hint..].lines().next().unwrap()
}

#[test]
fn a_hole_explained_with_foregaende_paragraf_resumes_numbering_without_a_gap() {
    // Meetings with §§ 3–9 are not in the repository.
    let repo = april("föregående_paragraf: 9\n");
    let stderr = check(&repo);
    assert!(stderr.contains("no problems found"), "{stderr}");
    let list = repo.rsr(&["list"]).success().stdout();
    assert_in_order(&list, &["2026-03-02", "§§ 1–2", "2026-04-06", "§§ 10–11"]);
    // With första_paragraf beside it, agreeing.
    let repo = april("föregående_paragraf: 9\nförsta_paragraf: 10\n");
    assert!(check(&repo).contains("no problems found"));

    // Unexplained, the gap is reported, and the hint offers the explanation.
    let repo = april("första_paragraf: 10\n");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[paragraph-gap]: § 3–9 would be missing"),
        "{stderr}"
    );
    assert_eq!(
        hint_of(&stderr, "paragraph-gap"),
        "if the meetings with § 3–9 are not in the repository, say so with `föregående_paragraf: 9`; otherwise remove `första_paragraf` to continue at § 3"
    );
}

#[test]
fn a_wrong_explanation_of_a_hole_is_an_error() {
    // It collides with the meeting before, which runs to § 2.
    let repo = april("föregående_paragraf: 1\n");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[paragraph-resume]: `föregående_paragraf: 1` collides with the meeting of 2026-03-02, which is in the repository and runs to § 2"),
        "{stderr}"
    );
    assert_eq!(
        hint_of(&stderr, "paragraph-resume"),
        "remove `föregående_paragraf` to continue at § 3"
    );
    // It explains no hole.
    let repo = april("föregående_paragraf: 2\n");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[paragraph-resume]: `föregående_paragraf: 2` explains no hole: the meeting of 2026-03-02 ends at § 2"),
        "{stderr}"
    );
    // It disagrees with första_paragraf.
    let repo = april("föregående_paragraf: 6\nförsta_paragraf: 9\n");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[paragraph-resume]: `första_paragraf: 9` does not follow `föregående_paragraf: 6`, which says this meeting starts at § 7"),
        "{stderr}"
    );
    assert_eq!(
        hint_of(&stderr, "paragraph-resume"),
        "give only one of them: `föregående_paragraf: 8` or `första_paragraf: 7`"
    );
}

/// The example's bygg- och miljönämnd starts its repository at § 118 on 14
/// October, sealed; a meeting before it on 16 September with two items.
fn september(extra: &str) -> Repo {
    let repo = Repo::examples();
    repo.write(
        "meetings/bmn/2026-09-16/meeting.yaml",
        &format!("datum: 2026-09-16\nstart: '09:00'\nplats: Kommunhuset\nstatus: kallad\n{extra}"),
    );
    repo.write(
        "meetings/bmn/2026-09-16/01-upprop.yaml",
        "rubrik: Upprop\ntyp: standard\n",
    );
    repo.write(
        "meetings/bmn/2026-09-16/02-taxa.yaml",
        "rubrik: Taxa 2027\n",
    );
    repo
}

#[test]
fn no_hint_renumbers_a_sealed_protokoll() {
    const SEALED: &str = "meetings/bmn/2026-10-14/meeting.yaml";
    // A gap before the sealed meeting's § 118: removing its första_paragraf
    // would renumber its protokoll, so the hint does not say so.
    let repo = september("");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[paragraph-gap]: § 3–117 would be missing"),
        "{stderr}"
    );
    let hint = hint_of(&stderr, "paragraph-gap");
    assert_eq!(
        hint,
        "if the meetings with § 3–117 are not in the repository, say so with `föregående_paragraf: 117` (the § numbers of this meeting are sealed and stay)"
    );
    assert!(!stderr.contains("remove `första_paragraf`"), "{stderr}");
    // Following the hint: no gap, and the seal holds.
    repo.edit(
        SEALED,
        "första_paragraf: 118\n",
        "första_paragraf: 118\nföregående_paragraf: 117\n",
    );
    let stderr = check(&repo);
    assert!(stderr.contains("no problems found"), "{stderr}");

    // A collision with the sealed meeting: the unsealed one is to change.
    let repo = september("första_paragraf: 117\n");
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[paragraph-collision]: § 118 is already used: the meeting of 2026-09-16 runs to § 118"),
        "{stderr}"
    );
    assert_eq!(
        hint_of(&stderr, "paragraph-collision"),
        "the § numbers of this meeting are sealed (justering.lock) and stay: correct the numbering of the meeting of 2026-09-16 so that it ends before § 118"
    );
    assert!(!stderr.contains("remove `första_paragraf`"), "{stderr}");

    // An explanation that disagrees with the sealed first §: the explanation
    // is to change, not the numbers.
    let repo = Repo::examples();
    repo.edit(
        SEALED,
        "första_paragraf: 118\n",
        "första_paragraf: 118\nföregående_paragraf: 100\n",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert_eq!(
        hint_of(&stderr, "paragraph-resume"),
        "the § numbers from § 118 on are sealed (justering.lock) and stay: set `föregående_paragraf: 117`"
    );
}

#[test]
fn each_commit_that_changes_a_meeting_revises_its_event() {
    let repo = Repo::examples();
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    repo.edit(CANCELLED, "status: inställd", "status: kallad");
    repo.commit_at("2026-01-05T09:00:00Z", "Sammanträdesplanen");
    repo.rsr(&["build"]).success();
    let ics = repo.read("out/rsr/kalender.ics");
    let first = event(&ics, "20260316");
    assert_eq!(first.property_value("SEQUENCE"), Some("0"));
    assert_eq!(first.property_value("DTSTAMP"), Some("20260105T090000Z"));
    assert_eq!(first.property_value("CREATED"), Some("20260105T090000Z"));
    assert_eq!(
        first.property_value("LAST-MODIFIED"),
        Some("20260105T090000Z")
    );

    // The meeting is cancelled in a later commit: a revision of the event.
    repo.edit(CANCELLED, "status: kallad", "status: inställd");
    repo.commit_at("2026-03-10T14:30:00Z", "Inställt");
    repo.rsr(&["build"]).success();
    let ics = repo.read("out/rsr/kalender.ics");
    let cancelled = event(&ics, "20260316");
    assert_eq!(cancelled.get_uid(), first.get_uid());
    assert_eq!(cancelled.property_value("STATUS"), Some("CANCELLED"));
    assert_eq!(cancelled.property_value("SEQUENCE"), Some("1"));
    assert_eq!(
        cancelled.property_value("DTSTAMP"),
        Some("20260310T143000Z")
    );
    assert_eq!(
        cancelled.property_value("CREATED"),
        Some("20260105T090000Z")
    );
    assert_eq!(
        cancelled.property_value("LAST-MODIFIED"),
        Some("20260310T143000Z")
    );
    // A meeting the commit did not touch is as it was.
    let other = event(&ics, "20260126");
    assert_eq!(other.property_value("SEQUENCE"), Some("0"));
    assert_eq!(other.property_value("DTSTAMP"), Some("20260105T090000Z"));
    // Changed but not committed: the calendar follows the history.
    repo.edit(CANCELLED, "status: inställd", "status: kallad");
    repo.rsr(&["build"]).success();
    let uncommitted = event(&repo.read("out/rsr/kalender.ics"), "20260316");
    assert_eq!(uncommitted.property_value("SEQUENCE"), Some("1"));
    // The build keeps what the history said (out/.rsr.revisions.json),
    // with the commit it said it at. The history rewritten back to its
    // first commit is read again, not added to what was kept.
    assert!(repo.path().join("out/.rsr.revisions.json").is_file());
    repo.git(&["reset", "--hard", "--quiet", "HEAD~1"]);
    repo.rsr(&["build"]).success();
    let rewritten = event(&repo.read("out/rsr/kalender.ics"), "20260316");
    assert_eq!(rewritten.property_value("SEQUENCE"), Some("0"));
    assert_eq!(
        rewritten.property_value("DTSTAMP"),
        Some("20260105T090000Z")
    );
    // A cache that says something else than the history is not believed
    // unless it names the commit checked out.
    std::fs::write(
        repo.path().join("out/.rsr.revisions.json"),
        r#"{"head":"0000000000000000000000000000000000000000","revisions":{}}"#,
    )
    .unwrap();
    repo.rsr(&["build"]).success();
    let again = event(&repo.read("out/rsr/kalender.ics"), "20260316");
    assert_eq!(again.property_value("DTSTAMP"), Some("20260105T090000Z"));
}
