//! The anslagstavla (out/anslagstavla/): notices of adjusted protokoll for
//! their three weeks, fullmäktige's kungörelser until the meeting, the
//! archive, the feed, the organisation's own appeal text; the kungörelse
//! PDF; and the accessibility statement every page links.

use crate::site::crawl;
use crate::support::{Repo, assert_in_order, epoch, normalize, pdf_text};

/// Builds as on `day`.
fn build_on(repo: &Repo, day: &str) {
    repo.rsr_env(&["build"], &[("SOURCE_DATE_EPOCH", &epoch(day))])
        .success();
}

/// The notices' ids on a page of the anslagstavla, in order.
fn notices(repo: &Repo, page: &str) -> Vec<String> {
    let html = repo.read(&format!("out/anslagstavla/{page}"));
    html.match_indices("<article class=\"notice\" id=\"")
        .map(|(at, pattern)| {
            let rest = &html[at + pattern.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The feed's entries: (id, alternate HTML link, related PDF link).
fn feed(repo: &Repo) -> atom_syndication::Feed {
    repo.read("out/anslagstavla/feed.xml").parse().unwrap()
}

fn link(links: &[atom_syndication::Link], rel: &str) -> Option<String> {
    links
        .iter()
        .find(|l| l.rel() == rel)
        .map(|l| l.href().to_string())
}

/// tests/good/minimal, its nämnd posting on the anslagstavla: justerad
/// Monday 9 March 2026, so posted Tuesday 10 March, taken down Wednesday
/// 1 April, the last day to appeal Tuesday 31 March.
fn posting() -> Repo {
    posting_with("Kulturförvaltningen, Kommunhuset")
}

/// The same, the protokoll kept at `storage` (part of the seal).
fn posting_with(storage: &str) -> Repo {
    let repo = Repo::minimal();
    repo.edit(
        "meetings/kn/body.yaml",
        "typ: nämnd\n",
        &format!("typ: nämnd\nanslagstavla: true\nförvaringsplats: {storage}\n"),
    );
    repo.reseal("meetings/kn/2026-03-02");
    repo
}

const NOTICE: &str = "protokoll-kn-2026-03-02";

#[test]
fn a_protokoll_is_on_the_anslagstavla_for_its_three_weeks_then_in_the_archive() {
    let repo = posting();
    // Adjusted, not yet posted: nowhere.
    build_on(&repo, "2026-03-09");
    assert!(notices(&repo, "index.html").is_empty());
    assert!(notices(&repo, "arkiv.html").is_empty());
    assert!(feed(&repo).entries().is_empty());
    let board = repo.read("out/anslagstavla/index.html");
    assert!(
        board.contains("Inga tillkännagivanden om justerade protokoll är uppsatta."),
        "{board}"
    );

    // The day it is posted, and the last day of the appeal time.
    for day in ["2026-03-10", "2026-03-31"] {
        build_on(&repo, day);
        assert_eq!(notices(&repo, "index.html"), [NOTICE], "{day}");
        assert!(notices(&repo, "arkiv.html").is_empty(), "{day}");
    }
    let board = normalize(&repo.read("out/anslagstavla/index.html"));
    assert_in_order(
        &board,
        &[
            "Justerat protokoll: Kulturnämnden måndag 2 mars 2026",
            "<dt>Organ</dt> <dd>Kulturnämnden</dd>",
            "<dt>Datum för justering</dt> <dd>måndag 9 mars 2026</dd>",
            "<dt>Datum då anslaget sätts upp</dt> <dd>tisdag 10 mars 2026</dd>",
            "<dt>Datum då anslaget tas ned</dt> <dd>onsdag 1 april 2026</dd>",
            "<dt>Förvaringsplats för protokollet</dt> <dd>Kulturförvaltningen, Kommunhuset</dd>",
            "Protokoll</a>",
            "Så överklagar du",
            "laglighetsprövning enligt 13 kap. kommunallagen",
            "(tisdag 10 mars 2026), det vill säga senast tisdag 31 mars 2026.",
        ],
    );
    // The link leads to the published protokoll.
    assert!(board.contains(r#"href="..&#x2f;kn&#x2f;2026-03-02-protokoll.pdf""#));
    assert!(
        repo.path()
            .join("out/kn/2026-03-02-protokoll.pdf")
            .is_file()
    );
    let feed_then = feed(&repo);
    assert_eq!(feed_then.entries().len(), 1);
    let entry = &feed_then.entries()[0];
    assert_eq!(entry.updated().to_rfc3339(), "2026-03-10T00:00:00+00:00");
    assert_eq!(
        link(entry.links(), "alternate").as_deref(),
        Some("index.html#protokoll-kn-2026-03-02")
    );
    assert_eq!(
        link(entry.links(), "related").as_deref(),
        Some("../kn/2026-03-02-protokoll.pdf")
    );

    // Taken down: in the archive, and the feed's entry follows it.
    build_on(&repo, "2026-04-01");
    assert!(notices(&repo, "index.html").is_empty());
    assert_eq!(notices(&repo, "arkiv.html"), [NOTICE]);
    let feed_after = feed(&repo);
    assert_eq!(
        link(feed_after.entries()[0].links(), "alternate").as_deref(),
        Some("arkiv.html#protokoll-kn-2026-03-02")
    );
    // The same entry: its id does not move with it.
    assert_eq!(feed_after.entries()[0].id(), entry.id());
    // Every page of the site, the anslagstavla's included, links within
    // the site only to files that are there.
    let linked = crawl(&repo.path().join("out"));
    for page in [
        "anslagstavla/index.html",
        "anslagstavla/arkiv.html",
        "anslagstavla/feed.xml",
        "tillganglighet.html",
    ] {
        assert!(linked.contains(page), "{page} is not linked: {linked:?}");
    }
}

#[test]
fn without_an_anslagstavla_there_is_none_and_the_index_does_not_link_one() {
    let repo = Repo::minimal();
    repo.rsr(&["build"]).success();
    assert!(!repo.path().join("out/anslagstavla").exists());
    let index = repo.read("out/index.html");
    assert!(!index.contains("anslagstavla/"), "{index}");
    // With one, the index links it before the meetings.
    let repo = posting();
    build_on(&repo, "2026-03-10");
    let index = normalize(&repo.read("out/index.html"));
    assert_in_order(
        &index,
        &[
            r#"<a href="anslagstavla/index.html">Anslagstavla</a>:"#,
            "Kommande sammanträden",
        ],
    );
}

#[test]
fn the_appeal_text_is_the_organisations_own_template_its_values_escaped() {
    let repo = posting_with("\"<script>alert(1)</script> & {{ sista_dag }}\"");
    repo.write(
        "templates/overklagande.html",
        "<p>Överklaga till Förvaltningsrätten i Härnösand senast {{ sista_dag }}. \
         Förvaras: {{ forvaringsplats }}.</p>\n",
    );
    build_on(&repo, "2026-03-12");
    let board = repo.read("out/anslagstavla/index.html");
    assert!(
        board.contains("Överklaga till Förvaltningsrätten i Härnösand senast tisdag 31 mars 2026."),
        "{board}"
    );
    assert!(!board.contains("laglighetsprövning"), "{board}");
    // What the YAML says is data: escaped, never a template or a tag.
    assert!(!board.contains("<script>"), "{board}");
    assert!(
        board.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; {{ sista_dag }}"),
        "{board}"
    );

    // A template that does not parse: the build fails, naming it, and
    // leaves the site as it was.
    let before = repo.read("out/anslagstavla/index.html");
    repo.write("templates/overklagande.html", "<p>{% if %}</p>\n");
    let stderr = build_failure(&repo, "2026-03-13");
    assert!(stderr.contains("templates/overklagande.html"), "{stderr}");
    assert_eq!(repo.read("out/anslagstavla/index.html"), before);
}

fn build_failure(repo: &Repo, day: &str) -> String {
    repo.rsr_env(&["build"], &[("SOURCE_DATE_EPOCH", &epoch(day))])
        .failure()
        .stderr()
}

/// The examples' fullmäktige: its meeting of Monday 14 December 2026,
/// called on Thursday 3 December.
const KUNGORELSE: &str = "kungorelse-kf-2026-12-14";

#[test]
fn a_fullmaktige_meeting_has_a_kungorelse_posted_until_the_meeting() {
    let repo = Repo::examples();
    build_on(&repo, "2026-12-02");
    assert!(!notices(&repo, "index.html").contains(&KUNGORELSE.to_string()));
    for day in ["2026-12-03", "2026-12-14"] {
        build_on(&repo, day);
        assert!(
            notices(&repo, "index.html").contains(&KUNGORELSE.to_string()),
            "{day}"
        );
    }
    let board = normalize(&repo.read("out/anslagstavla/index.html"));
    assert_in_order(
        &board,
        &[
            "<h2 id=\"kungorelser\">Kungörelser</h2>",
            "Kungörelse: Kommunfullmäktige måndag 14 december 2026",
            "<dt>Tid</dt> <dd>måndag 14 december 2026, kl. 18.00</dd>",
            "<dt>Plats</dt> <dd>Sessionssalen, Kommunhuset, Storgatan 1, Storsjö</dd>",
            "<dt>Datum då anslaget sätts upp</dt> <dd>torsdag 3 december 2026</dd>",
            r#"href="..&#x2f;kf&#x2f;2026-12-14-kungorelse.pdf">Kungörelse</a>"#,
            "<h2 id=\"protokoll\">Justerade protokoll</h2>",
        ],
    );
    build_on(&repo, "2026-12-15");
    assert!(!notices(&repo, "index.html").contains(&KUNGORELSE.to_string()));
    assert!(notices(&repo, "arkiv.html").contains(&KUNGORELSE.to_string()));

    // The kungörelse: time, place, the ärenden by their number with their
    // case numbers, where the documents are, and the chair who calls.
    let text = normalize(&pdf_text(
        &repo.path().join("out/kf/2026-12-14-kungorelse.pdf"),
        None,
    ));
    assert_in_order(
        &text,
        &[
            "Kungörelse",
            "Kommunfullmäktige",
            "Tid: måndag 14 december 2026, kl. 18.00",
            "Plats: Sessionssalen, Kommunhuset, Storgatan 1, Storsjö",
            "Ärenden",
            "1. Val av justerare",
            "2. Budget 2027 och verksamhetsplan 2028–2029 (KS 2026-0312)",
            "5. Fyllnadsval av ersättare i bygg- och miljönämnden (KS 2026-0398)",
            "Handlingarna finns i kommunhusets reception",
            "Sammanträdet är offentligt.",
            "torsdag 3 december 2026",
            "Gunnel Åkesson (S)",
            "Ordförande",
        ],
    );
    // A nämnd has none.
    assert!(
        !repo
            .path()
            .join("out/bmn/2026-10-14-kungorelse.pdf")
            .exists()
    );
}

#[test]
fn a_cancelled_fullmaktige_meeting_is_posted_as_cancelled_without_a_kungorelse() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/kf/2026-12-14/meeting.yaml",
        "status: kallad",
        "status: inställd\nanledning: Ärendena är inte beredda.",
    );
    build_on(&repo, "2026-12-10");
    assert!(
        !repo
            .path()
            .join("out/kf/2026-12-14-kungorelse.pdf")
            .exists()
    );
    let board = normalize(&repo.read("out/anslagstavla/index.html"));
    assert_in_order(
        &board,
        &[
            "Inställt sammanträde: Kommunfullmäktige måndag 14 december 2026",
            "<dt>Anledning</dt> <dd>Ärendena är inte beredda.</dd>",
            r#"href="..&#x2f;kf&#x2f;2026-12-14-kallelse.pdf">Inställt sammanträde</a>"#,
        ],
    );
}

#[test]
fn the_anslagstavlas_feed_is_atom_with_a_self_link() {
    let repo = posting();
    repo.write(
        "rsr.yaml",
        &format!(
            "{}webbplats: https://www.testkommunen.se/protokoll\n",
            repo.read("rsr.yaml")
        ),
    );
    build_on(&repo, "2026-03-20");
    let feed = feed(&repo);
    assert_eq!(
        link(feed.links(), "self").as_deref(),
        Some("https://www.testkommunen.se/protokoll/anslagstavla/feed.xml")
    );
    assert_eq!(
        link(feed.links(), "alternate").as_deref(),
        Some("index.html")
    );
    assert_eq!(feed.title().as_str(), "Anslagstavla – Testkommunen");
    let entry = &feed.entries()[0];
    assert!(entry.id().starts_with("urn:uuid:"), "{}", entry.id());
    assert_eq!(
        entry.summary().map(|s| s.as_str()),
        Some(
            "Protokollet från Kulturnämndens sammanträde måndag 2 mars 2026 är justerat \
             måndag 9 mars 2026. Sista dag att överklaga: tisdag 31 mars 2026."
        )
    );
    // Its id differs from the main feed's entries'.
    let main: atom_syndication::Feed = repo.read("out/feed.xml").parse().unwrap();
    assert!(main.entries().iter().all(|e| e.id() != entry.id()));
}

#[test]
fn the_accessibility_statement_has_the_contact_details_and_every_page_links_it() {
    let repo = posting();
    repo.write(
        "rsr.yaml",
        &format!(
            "{}tillgänglighet:\n  ansvarig: Testkommunen, kommunledningsförvaltningen\n  \
             e_post: webb@testkommunen.se\n  telefon: 0123-45 67 00\n  \
             brister:\n    - Äldre protokoll från före 2026 är skannade bilder.\n  \
             granskad: 2026-11-30\n",
            repo.read("rsr.yaml")
        ),
    );
    build_on(&repo, "2026-03-10");
    let statement = normalize(&repo.read("out/tillganglighet.html"));
    assert_in_order(
        &statement,
        &[
            "<h1>Tillgänglighetsredogörelse</h1>",
            "Testkommunen, kommunledningsförvaltningen står bakom den här webbplatsen",
            "lagen (2018:1937) om tillgänglighet till digital offentlig service",
            "Webbplatsen är delvis förenlig",
            "<li>Äldre protokoll från före 2026 är skannade bilder.</li>",
            r#"<a href="mailto:webb@testkommunen.se">webb@testkommunen.se</a>"#,
            "Telefon: 0123-45 67 00",
            "Digg",
            "Redogörelsen sågs senast över 30 november 2026.",
        ],
    );
    // Every page of the site links it from its footer.
    for page in [
        "index.html",
        "tillganglighet.html",
        "anslagstavla/index.html",
        "anslagstavla/arkiv.html",
    ] {
        let html = repo.read(&format!("out/{page}"));
        let footer = &html[html.find("<footer>").unwrap()..];
        assert!(
            footer.contains("tillganglighet.html\">Tillgänglighetsredogörelse</a>"),
            "{page}"
        );
    }
    // Without contact details and without known shortcomings it says so.
    let repo = Repo::minimal();
    repo.rsr(&["build"]).success();
    let statement = repo.read("out/tillganglighet.html");
    assert!(
        statement.contains("Vi känner inte till några brister"),
        "{statement}"
    );
    assert!(statement.contains("kontakta Testkommunen."), "{statement}");
}
