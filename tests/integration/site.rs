//! The static site in out/: an index page whose links all resolve and that
//! links only publishable documents, calendars that follow RFC 5545 and
//! parse back, and an Atom feed of sent kallelser and adjusted protokoll.

use std::collections::BTreeSet;
use std::path::Path;

use icalendar::{Component, EventLike};

use crate::support::Repo;

fn built() -> Repo {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    repo
}

/// The values of an attribute in the page, with the escapes undone.
fn attributes(html: &str, name: &str) -> Vec<String> {
    let pattern = format!("{name}=\"");
    html.match_indices(&pattern)
        .map(|(at, _)| {
            let rest = &html[at + pattern.len()..];
            let value = &rest[..rest.find('"').unwrap()];
            value
                .replace("&#x2f;", "/")
                .replace("&amp;", "&")
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
        })
        .collect()
}

/// The files of the site in `root` that its pages link, following links
/// from index.html through every page; fails the test where a link within
/// the site leads nowhere. Paths relative to `root`, with `/`.
pub fn crawl(root: &Path) -> BTreeSet<String> {
    let mut linked = BTreeSet::new();
    let mut pages = vec!["index.html".to_string()];
    let mut seen = BTreeSet::new();
    while let Some(page) = pages.pop() {
        if !seen.insert(page.clone()) {
            continue;
        }
        let html = std::fs::read_to_string(root.join(&page)).unwrap();
        let folder = Path::new(&page).parent().unwrap_or(Path::new(""));
        for href in attributes(&html, "href") {
            if href.starts_with('#') || href.contains(':') {
                continue;
            }
            let target = href.split('#').next().unwrap();
            let mut parts: Vec<String> = folder
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            for segment in percent_decoded(target).split('/') {
                match segment {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    other => parts.push(other.to_string()),
                }
            }
            let name = parts.join("/");
            assert!(root.join(&name).is_file(), "{href} on {page} leads nowhere");
            if name.ends_with(".html") {
                pages.push(name.clone());
            }
            linked.insert(name);
        }
    }
    linked
}

fn percent_decoded(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&href[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn every_link_of_the_index_resolves_and_only_public_documents_are_linked() {
    let repo = built();
    let html = repo.read("out/index.html");
    for landmark in [
        "<html lang=\"sv\">",
        "<meta name=\"viewport\"",
        "<header>",
        "<nav aria-label=\"Organ\">",
        "<main id=\"innehall\">",
        "<footer>",
        "<h1>Sammanträden och protokoll</h1>",
        "<h2 id=\"organ-bmn\">Bygg- och miljönämnden</h2>",
    ] {
        assert!(html.contains(landmark), "{landmark} missing");
    }
    assert!(!html.contains("<script"), "the page needs no JavaScript");
    let ids: BTreeSet<String> = attributes(&html, "id").into_iter().collect();
    let hrefs = attributes(&html, "href");
    assert!(hrefs.len() > 30, "{hrefs:?}");
    for href in &hrefs {
        if let Some(anchor) = href.strip_prefix('#') {
            assert!(ids.contains(anchor), "#{anchor} has no target");
        } else {
            assert!(
                !href.contains(':') && !href.starts_with('/'),
                "{href} is not relative"
            );
            let file = repo.path().join("out").join(percent_decoded(href));
            assert!(file.is_file(), "{href} does not resolve to a file in out/");
        }
    }
    let linked: BTreeSet<&str> = hrefs.iter().map(String::as_str).collect();
    for public in [
        "bmn/2026-10-14-kallelse.pdf",
        "bmn/2026-10-14-protokoll-publik.pdf",
        "bmn/2026-10-14-protokollsutdrag-121.pdf",
        "bmn/2026-10-14-anslagsbevis.pdf",
        "rlg/2025-11-17-protokoll.pdf",
        "gnus/2026-sammantradesplan.pdf",
        "bmn/kalender.ics",
        "kalender.ics",
        "feed.xml",
    ] {
        assert!(linked.contains(public), "{public} not linked");
    }
    // Internal: the protokoll with the confidential § 125 and its utdrag.
    for internal in [
        "bmn/2026-10-14-protokoll.pdf",
        "bmn/2026-10-14-protokollsutdrag-125.pdf",
    ] {
        assert!(repo.path().join("out").join(internal).is_file());
        assert!(!linked.contains(internal), "{internal} is linked");
    }
    assert!(html.contains("Protokoll (offentlig version)</a> <span class=\"meta\">(PDF, 6 sidor,"));
    assert!(!html.contains("Tallvägen"));
}

#[test]
fn publish_copies_the_site_and_only_what_it_links() {
    let repo = Repo::examples();
    // Before a build there is nothing to publish.
    let stderr = repo.rsr(&["publish", "public"]).usage_failure().stderr();
    assert!(
        stderr.contains("run `rsr build` before `rsr publish`"),
        "{stderr}"
    );

    // A draft kallelse beside the confidential § 125.
    repo.edit(
        "meetings/rsr/2026-01-26/meeting.yaml",
        "status: kallad",
        "status: planerad",
    );
    repo.rsr(&["build"]).success();
    let stderr = repo.rsr(&["publish", "public"]).success().stderr();
    assert!(
        stderr.contains("Published 68 files into public"),
        "{stderr}"
    );
    let public = repo.path().join("public");
    for secret in [
        "bmn/2026-10-14-protokoll.pdf",
        "bmn/2026-10-14-protokollsutdrag-125.pdf",
        "rsr/2026-01-26-kallelse.pdf",
        ".rsr.manifest",
    ] {
        assert!(repo.path().join("out").join(secret).is_file(), "{secret}");
        assert!(!public.join(secret).exists(), "{secret} published");
    }
    // Every link of the published pages, from the index on, leads to a
    // published file (or out of the site).
    let linked = crawl(&public);
    // And every file published is one of them: a page, a document, the
    // open data or a calendar they lead to.
    let mut published = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            published += 1;
            let relative = entry.path().strip_prefix(&public).unwrap();
            let name = relative.to_string_lossy().replace('\\', "/");
            assert!(
                name == "index.html" || linked.contains(&name),
                "{name} is published but not linked"
            );
        }
    }
    assert_eq!(published, 68);

    // Only into an empty folder: nothing stale is left to leak.
    let stderr = repo.rsr(&["publish", "public"]).usage_failure().stderr();
    assert!(stderr.contains("public is not empty"), "{stderr}");
}

#[test]
fn drafts_are_not_published_and_the_site_is_rewritten_only_when_it_changes() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rsr/2026-01-26/meeting.yaml",
        "status: kallad",
        "status: planerad",
    );
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(
        stderr.contains("Updated the site: index.html, feed.xml, kalender.ics"),
        "{stderr}"
    );
    assert!(
        repo.path()
            .join("out/rsr/2026-01-26-kallelse.pdf")
            .is_file()
    );
    let html = repo.read("out/index.html");
    assert!(
        !html.contains("2026-01-26-kallelse.pdf"),
        "a draft is linked"
    );
    assert!(html.contains("<span class=\"status\">Planerat</span>"));

    let index = repo.path().join("out/index.html");
    let before = std::fs::metadata(&index).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(!stderr.contains("Updated the site"), "{stderr}");
    assert_eq!(
        std::fs::metadata(&index).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn hostile_names_are_escaped_in_the_index_feed_and_calendar() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rlg/body.yaml",
        "namn: Regional ledningsgrupp",
        "namn: \"<script>alert(1)</script><a href='javascript:alert(2)'>x</a> & co\"",
    );
    repo.unseal("meetings/rlg/2025-11-17");
    repo.reseal("meetings/rlg/2025-11-17");
    repo.rsr(&["build"]).success();
    let html = repo.read("out/index.html");
    assert!(
        !html.contains("<script>") && !html.contains("<a href='javascript"),
        "unescaped"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "{html}"
    );
    assert!(
        attributes(&html, "href")
            .iter()
            .all(|h| !h.contains("javascript"))
    );
    let feed = repo.read("out/feed.xml");
    roxmltree::Document::parse(&feed).expect("the feed is well-formed XML");
    assert!(!feed.contains("<script>"));
    let ics = repo.read("out/rlg/kalender.ics").replace("\r\n ", "");
    assert!(ics.contains(
        "SUMMARY:<script>alert(1)</script><a href='javascript:alert(2)'>x</a> & co sammanträder"
    ));
}

/// RFC 5545's rules, line by line, then a parse back with the icalendar crate.
#[test]
fn calendars_follow_rfc_5545_and_parse_back() {
    let repo = built();
    let all = repo.read("out/kalender.ics");
    let bmn = repo.read("out/bmn/kalender.ics");
    for ics in [&all, &bmn] {
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split_inclusive('\n') {
            assert!(line.ends_with("\r\n"), "a line without CRLF: {line:?}");
            let content = line.trim_end_matches("\r\n");
            assert!(content.len() <= 75, "{} octets: {content}", content.len());
            assert!(!content.contains('\r') && !content.contains('\n'));
        }
        let unfolded = ics.replace("\r\n ", "");
        let mut depth = Vec::new();
        for line in unfolded.lines() {
            if let Some(name) = line.strip_prefix("BEGIN:") {
                depth.push(name);
            } else if let Some(name) = line.strip_prefix("END:") {
                assert_eq!(depth.pop(), Some(name));
            } else {
                assert!(line.contains(':'), "not a content line: {line}");
            }
        }
        assert!(depth.is_empty());
        assert!(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n"));
    }

    let unfolded = icalendar::parser::unfold(&bmn);
    let calendar: icalendar::Calendar = icalendar::parser::read_calendar(&unfolded).unwrap().into();
    let events: Vec<&icalendar::Event> = calendar.events().collect();
    // The meeting of 2026 and the first of the new mandate period.
    assert_eq!(events.len(), 2);
    let event = events
        .iter()
        .find(|e| e.property_value("DTSTART") == Some("20261014T090000"))
        .expect("the meeting of 2026-10-14");
    assert_eq!(
        event.get_summary(),
        Some("Bygg- och miljönämnden sammanträder")
    );
    assert_eq!(
        event.get_location(),
        Some("Sammanträdesrummet Storsjön, Kommunhuset, Storgatan 1, Storsjö")
    );
    assert_eq!(event.property_value("DTSTART"), Some("20261014T090000"),);
    let description = event.get_description().unwrap();
    assert!(
        description.contains("\n– Bygglov för nybyggnad av flerbostadshus"),
        "{description}"
    );
    // The confidential item is there only by its public title.
    assert!(description.contains("– Ansökan om bostadsanpassningsbidrag"));
    assert!(!description.contains("Tallvägen"));

    // UIDs are unique and the same in the next build.
    let uids = |ics: &str| -> Vec<String> {
        ics.replace("\r\n ", "")
            .lines()
            .filter_map(|l| l.strip_prefix("UID:").map(str::to_string))
            .collect()
    };
    let first = uids(&all);
    assert_eq!(first.len(), first.iter().collect::<BTreeSet<_>>().len());
    repo.edit(
        "meetings/rsr/2026-01-26/meeting.yaml",
        "Styrelserummet",
        "Stora salen",
    );
    repo.rsr(&["build"]).success();
    assert_eq!(uids(&repo.read("out/kalender.ics")), first);
    // Each a UUID of the organisation: another organisation's meetings on
    // the same days get other UIDs, and so does this one once it names
    // its site.
    for uid in &first {
        assert!(
            uid.len() == 36 && uid.chars().filter(|c| *c == '-').count() == 4,
            "{uid}"
        );
    }
    let other = another_organisation();
    let theirs = uids(&other.read("out/kalender.ics"));
    assert_eq!(theirs.len(), first.len());
    assert!(theirs.iter().all(|uid| !first.contains(uid)), "{theirs:?}");
    repo.write(
        "rsr.yaml",
        &format!(
            "{}webbplats: https://www.storsjo.se/protokoll/\n",
            repo.read("rsr.yaml")
        ),
    );
    repo.rsr(&["build"]).success();
    let named = uids(&repo.read("out/kalender.ics"));
    assert!(named.iter().all(|uid| !first.contains(uid)), "{named:?}");
}

/// The examples as another organisation's, built.
fn another_organisation() -> Repo {
    let other = Repo::examples();
    other.edit(
        "rsr.yaml",
        "organisation: ",
        "organisation: Grannkommunen och ",
    );
    other.rsr(&["build"]).success();
    other
}

#[test]
fn the_feed_is_atom_with_self_and_alternate_links_and_uuid_ids() {
    let repo = Repo::examples();
    repo.write(
        "rsr.yaml",
        &format!(
            "{}webbplats: https://www.storsjo.se/protokoll\n",
            repo.read("rsr.yaml")
        ),
    );
    repo.rsr(&["build"]).success();
    let feed: atom_syndication::Feed = repo.read("out/feed.xml").parse().unwrap();
    let link = |links: &[atom_syndication::Link], rel: &str, kind: &str| {
        links
            .iter()
            .find(|l| l.rel() == rel && l.mime_type() == Some(kind))
            .map(|l| l.href().to_string())
    };
    // The feed's own address, from `webbplats:` with its slash.
    assert_eq!(
        link(feed.links(), "self", "application/atom+xml").as_deref(),
        Some("https://www.storsjo.se/protokoll/feed.xml")
    );
    assert_eq!(
        link(feed.links(), "alternate", "text/html").as_deref(),
        Some("index.html")
    );
    let index = repo.read("out/index.html");
    let uuid = |id: &str| {
        let hex = id
            .strip_prefix("urn:uuid:")
            .unwrap_or_else(|| panic!("{id}"));
        // Version 5, RFC 4122 variant.
        assert_eq!(hex.len(), 36, "{id}");
        assert_eq!(&hex[14..15], "5", "{id}");
        assert!("89ab".contains(&hex[19..20]), "{id}");
    };
    uuid(feed.id());
    assert!(!feed.entries().is_empty());
    for entry in feed.entries() {
        uuid(entry.id());
        // Each entry: the meeting on the site's page, and the PDF.
        let page = link(entry.links(), "alternate", "text/html").unwrap();
        let anchor = page.strip_prefix("index.html#").unwrap();
        assert!(
            index.contains(&format!(r#"<li id="{anchor}">"#)),
            "{anchor}"
        );
        let pdf = link(entry.links(), "alternate", "application/pdf").unwrap();
        assert!(repo.path().join("out").join(&pdf).is_file(), "{pdf}");
    }
    // Each anchor once: the upcoming meetings repeat none.
    let ids = attributes(&index, "id");
    assert_eq!(
        ids.len(),
        ids.iter().collect::<BTreeSet<_>>().len(),
        "{ids:?}"
    );
    // Without `webbplats:`, no self link; ids of another organisation differ.
    let other = another_organisation();
    let theirs: atom_syndication::Feed = other.read("out/feed.xml").parse().unwrap();
    assert!(link(theirs.links(), "self", "application/atom+xml").is_none());
    assert_ne!(theirs.id(), feed.id());
    let ours: BTreeSet<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert!(theirs.entries().iter().all(|e| !ours.contains(e.id())));

    // A `webbplats:` that is no address is reported where it is written.
    repo.write(
        "rsr.yaml",
        &repo.read("rsr.yaml").replace(
            "webbplats: https://www.storsjo.se/protokoll",
            "webbplats: www.storsjo.se",
        ),
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains(
            "error[website-url]: `webbplats: www.storsjo.se` is not the address of a site"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("rsr.yaml:"), "{stderr}");
}

#[test]
fn the_feed_lists_sent_kallelser_and_adjusted_protokoll_newest_first() {
    let repo = built();
    let feed = repo.read("out/feed.xml");
    let document = roxmltree::Document::parse(&feed).unwrap();
    let atom = "http://www.w3.org/2005/Atom";
    let root = document.root_element();
    assert!(root.has_tag_name((atom, "feed")));
    let entries: Vec<(String, String, String)> = root
        .children()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .map(|entry| {
            let child = |name: &str| {
                entry
                    .children()
                    .find(|n| n.has_tag_name((atom, name)))
                    .unwrap()
            };
            (
                child("title").text().unwrap().to_string(),
                child("updated").text().unwrap().to_string(),
                entry
                    .children()
                    .find(|n| {
                        n.has_tag_name((atom, "link"))
                            && n.attribute("type") == Some("application/pdf")
                    })
                    .and_then(|n| n.attribute("href"))
                    .unwrap()
                    .to_string(),
            )
        })
        .collect();
    let titles: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Kallelse: Regional ledningsgrupp 2026-12-07",
            "Kallelse: Kommunfullmäktige 2026-12-14",
            "Protokoll: Förbundsstyrelsen 2026-11-26",
            "Kallelse: Förbundsstyrelsen 2026-11-26",
            "Protokoll (offentlig version): Bygg- och miljönämnden 2026-10-14",
            "Kallelse: Bygg- och miljönämnden 2026-10-14",
            "Kallelse: Regionens samverkansråd 2026-01-26",
            "Protokoll: Regional ledningsgrupp 2025-11-17",
            "Kallelse: Regional ledningsgrupp 2025-11-17",
        ]
    );
    for (_, updated, href) in &entries {
        assert!(updated.ends_with("T00:00:00Z"), "{updated}");
        assert!(
            Path::new(&repo.path().join("out").join(href)).is_file(),
            "{href}"
        );
    }
}

/// The index's coming meetings depend on the day, and the day is
/// `SOURCE_DATE_EPOCH`'s when it is set: the same data and epoch give the
/// same site whenever it is built (reproducible builds).
#[test]
fn the_day_of_the_site_is_source_date_epoch_when_set() {
    let index = |epoch: &str| {
        let repo = Repo::examples();
        let output = crate::support::rsr_command()
            .args(["build"])
            .env("SOURCE_DATE_EPOCH", epoch)
            .current_dir(repo.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        repo.read("out/index.html")
    };
    // 2026-01-01 and 2027-06-01, 00:00 UTC.
    let early = index("1767225600");
    let late = index("1811808000");
    assert_eq!(early, index("1767225600"), "the same epoch, the same index");
    assert!(
        late.contains("Inga kommande sammanträden är inlagda."),
        "{late}"
    );
    assert!(
        !early.contains("Inga kommande sammanträden är inlagda."),
        "{early}"
    );
}

#[test]
fn past_its_publication_window_a_meeting_is_listed_without_its_documents() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/bmn/body.yaml",
        "anslagstavla: true\n",
        "anslagstavla: true\npublicering: {år: 1}\n",
    );
    let protokoll = "bmn/2026-10-14-protokoll-publik.pdf";
    let on = |day: &str| {
        let epoch = crate::support::epoch(day);
        repo.rsr_env(&["build"], &[("SOURCE_DATE_EPOCH", &epoch)])
            .success();
        repo.read("out/index.html")
    };
    // Within the year: linked.
    let index = on("2027-10-13");
    assert!(
        index.contains("bmn&#x2f;2026-10-14-protokoll-publik.pdf"),
        "{index}"
    );
    // A year after the meeting: listed, its documents named as where to
    // ask; still in out/, never published, in no feed or open data.
    let index = on("2027-10-15");
    assert!(!index.contains("2026-10-14-protokoll"), "{index}");
    assert!(!index.contains("2026-10-14-kallelse"), "{index}");
    assert!(
        index.contains(
            "Handlingarna finns inte längre på webbplatsen. De kan begäras ut från Samhällsbyggnadsförvaltningen, Kommunhuset, Storsjö."
        ),
        "{index}"
    );
    assert!(index.contains("id=\"bmn-2026-10-14\""), "{index}");
    assert!(repo.path().join("out").join(protokoll).is_file());
    assert!(!repo.read("out/feed.xml").contains("2026-10-14-protokoll"));
    assert!(!repo.read("out/bmn/2026-10-14.json").contains(".pdf"));
    // The year's documents stay.
    assert!(
        index.contains("bmn&#x2f;2026-sammantradesplan.pdf"),
        "{index}"
    );
    repo.rsr_env(
        &["publish", "public"],
        &[("SOURCE_DATE_EPOCH", &crate::support::epoch("2027-10-15"))],
    )
    .success();
    assert!(!repo.path().join("public").join(protokoll).exists());
    assert!(
        repo.path()
            .join("public/bmn/2026-sammantradesplan.pdf")
            .is_file()
    );
    // Other bodies are as they were.
    assert!(
        index.contains("fs&#x2f;2026-11-26-protokoll.pdf"),
        "{index}"
    );
}
