//! A build in which nothing changed since the last whole build is known as
//! such from out/.rsr.inventory, without loading the repository: it says
//! what the last said and writes nothing. Any change to the repository, to
//! out/, to the day or to the commit makes a build do everything again.
//!
//! Every other test runs rsr with `RSR_VERIFY_INVENTORY` set, where such a
//! build does everything all the same and fails unless it made the same;
//! these run it as a secretary does (`rsr_trusting`).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::support::{Repo, epoch};

/// The seconds `--timings` gives the load (reading and parsing the YAML).
fn load_seconds(stderr: &str) -> f64 {
    let line = stderr
        .lines()
        .find(|line| {
            line.contains("load (read and parse the YAML)")
                || line.contains("inläsning (läsa och tolka YAML)")
        })
        .unwrap_or_else(|| panic!("no load line in:\n{stderr}"));
    line.split_whitespace()
        .rev()
        .nth(3)
        .and_then(|seconds| seconds.replace(',', ".").parse().ok())
        .unwrap_or_else(|| panic!("no seconds in {line:?}"))
}

/// Whether a build, by its `--timings`, loaded the repository.
fn loaded(stderr: &str) -> bool {
    load_seconds(stderr) > 0.0
}

/// What `rsr build --timings` says, run as a secretary does; it must
/// succeed.
fn timed(repo: &Repo, vars: &[(&str, &str)]) -> String {
    repo.rsr_trusting(&["build", "--timings"], vars)
        .success()
        .stderr()
}

/// Sets the modification time of `path` (under the repository) to `time`.
fn set_modified(repo: &Repo, path: &str, time: SystemTime) {
    let file = std::fs::File::options()
        .write(true)
        .open(repo.path().join(path))
        .unwrap();
    file.set_modified(time).unwrap();
}

fn modified(repo: &Repo, path: &str) -> SystemTime {
    std::fs::metadata(repo.path().join(path))
        .unwrap()
        .modified()
        .unwrap()
}

/// Every file of the repository and of out/ last written an hour ago, so
/// that what a build records of them vouches for them (none is "racy").
fn age(repo: &Repo) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(repo.path())
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let path = entry.path().strip_prefix(repo.path()).unwrap();
        set_modified(repo, &path.to_string_lossy(), hour_ago);
    }
}

#[test]
fn nothing_changed_is_told_without_loading_and_reports_as_before() {
    let repo = Repo::examples();
    // On 10 February 2027 the build has warnings (overdue uppdrag).
    let later = epoch("2027-02-10");
    let later = [("SOURCE_DATE_EPOCH", later.as_str())];
    let first = timed(&repo, &later);
    assert!(first.starts_with("warning[assignment-overdue]"), "{first}");
    assert!(first.contains("Built 47 documents"), "{first}");
    assert!(loaded(&first), "{first}");
    assert!(repo.path().join("out/.rsr.inventory").is_file());

    let second = timed(&repo, &later);
    assert!(!loaded(&second), "{second}");
    assert!(
        second.contains("inventory (what changed since last build)"),
        "{second}"
    );
    assert!(
        second.contains("Built 0 documents (0 pages) in ") && second.contains("; 47 up to date"),
        "{second}"
    );
    assert!(!second.contains("Updated the site"), "{second}");
    // The same warnings, with their places and snippets, in the same order.
    let warnings = |stderr: &str| stderr[..stderr.find("Built ").unwrap()].to_string();
    assert_eq!(warnings(&second), warnings(&first));
    assert!(warnings(&second).contains("05-forhandsbesked-backe.yaml:26:13"));
}

#[test]
fn a_change_to_the_repository_is_found_whatever_its_times_say() {
    let repo = Repo::examples();
    age(&repo);
    let item = "meetings/rsr/2026-01-26/05-energikontoret.yaml";
    repo.rsr_trusting(&["build"], &[]).success();
    age(&repo);
    // Once recorded as old, the files are vouched for by what the file
    // system says of them.
    let stderr = timed(&repo, &[]);
    assert!(!loaded(&stderr), "{stderr}");

    // The same size, the modification time put back: the change time
    // still tells, and the file is read.
    let when = modified(&repo, item);
    let size = repo.bytes(item).len();
    repo.edit(item, "rubrik: Uppföljning av", "rubrik: Uppföljning om");
    set_modified(&repo, item, when);
    assert_eq!(repo.bytes(item).len(), size);
    let stderr = timed(&repo, &[]);
    assert!(loaded(&stderr), "{stderr}");
    assert!(stderr.starts_with("Built 2 documents"), "{stderr}");
    assert!(
        repo.text("out/rsr/2026-01-26-kallelse.pdf")
            .contains("Uppföljning om verksamhet")
    );

    // A new file in a meeting's folder: an item the kallelse lists; and
    // then gone again.
    let stderr = timed(&repo, &[]);
    assert!(!loaded(&stderr), "{stderr}");
    let new = "meetings/rsr/2026-01-26/07-nytt.yaml";
    repo.write(
        new,
        "rubrik: Ett nytt ärende\närendebeskrivning: Ett ärende till.\n",
    );
    let stderr = timed(&repo, &[]);
    assert!(loaded(&stderr), "{stderr}");
    assert!(
        repo.text("out/rsr/2026-01-26-kallelse.pdf")
            .contains("Ett nytt ärende")
    );
    std::fs::remove_file(repo.path().join(new)).unwrap();
    let stderr = timed(&repo, &[]);
    assert!(loaded(&stderr), "{stderr}");
    assert!(
        !repo
            .text("out/rsr/2026-01-26-kallelse.pdf")
            .contains("Ett nytt ärende")
    );

    // A template of the organisation's, new in the repository.
    let template =
        std::fs::read_to_string(crate::support::examples().join("templates/sammantradesplan.typ"))
            .unwrap();
    repo.write(
        "templates/sammantradesplan.typ",
        &format!("{template}\n// En kommentar i mallen.\n"),
    );
    let stderr = timed(&repo, &[]);
    assert!(loaded(&stderr), "{stderr}");
    // Every body's sammanträdesplan, of every year.
    assert!(stderr.starts_with("Built 9 documents"), "{stderr}");
}

#[test]
fn a_change_to_out_is_repaired() {
    let repo = Repo::examples();
    repo.rsr_trusting(&["build"], &[]).success();
    age(&repo);
    repo.rsr_trusting(&["build"], &[]).success();
    let pdf = "out/rlg/2025-11-17-protokoll.pdf";
    let protokoll = repo.bytes(pdf);

    // A PDF altered in place, its size and modification time kept.
    let when = modified(&repo, pdf);
    let mut altered = protokoll.clone();
    let middle = altered.len() / 2;
    altered[middle] ^= 0x01;
    std::fs::write(repo.path().join(pdf), &altered).unwrap();
    set_modified(&repo, pdf, when);
    let stderr = timed(&repo, &[]);
    assert!(loaded(&stderr), "{stderr}");
    assert!(stderr.starts_with("Built 1 document"), "{stderr}");
    assert!(repo.bytes(pdf) == protokoll);

    // A site file removed.
    let feed = repo.read("out/feed.xml");
    std::fs::remove_file(repo.path().join("out/feed.xml")).unwrap();
    let stderr = repo.rsr_trusting(&["build"], &[]).success().stderr();
    assert!(stderr.contains("Updated the site: feed.xml"), "{stderr}");
    assert_eq!(repo.read("out/feed.xml"), feed);

    // While another body changes, a meeting's open data removed and
    // another's altered in place, its size and modification time kept:
    // both bodies' records hold, and still both files are made again.
    age(&repo);
    repo.rsr_trusting(&["build"], &[]).success();
    let (gone, altered) = ("out/rlg/2025-11-17.json", "out/bmn/2026-10-14.json");
    let (gone_before, altered_before) = (repo.read(gone), repo.read(altered));
    std::fs::remove_file(repo.path().join(gone)).unwrap();
    let when = modified(&repo, altered);
    repo.write(altered, &altered_before.replacen("\"id\"", "\"ie\"", 1));
    set_modified(&repo, altered, when);
    repo.edit(
        "meetings/fs/2027-02-11/03-arbetsordning.yaml",
        "rubrik: ",
        "rubrik: Reviderad ",
    );
    let stderr = repo.rsr_trusting(&["build"], &[]).success().stderr();
    assert!(stderr.contains("rlg/2025-11-17.json"), "{stderr}");
    assert!(stderr.contains("bmn/2026-10-14.json"), "{stderr}");
    assert_eq!(repo.read(gone), gone_before);
    assert_eq!(repo.read(altered), altered_before);

    // The manifest lost.
    std::fs::remove_file(repo.path().join("out/.rsr.manifest")).unwrap();
    let stderr = repo.rsr_trusting(&["build"], &[]).success().stderr();
    assert!(stderr.starts_with("Built 47 documents"), "{stderr}");
}

#[test]
fn another_day_another_commit_or_a_broken_inventory_builds_again() {
    let repo = Repo::examples();
    repo.git(&["init", "-q"]);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "Sammanträden"]);
    repo.rsr_trusting(&["build"], &[]).success();
    let stderr = timed(&repo, &[]);
    assert!(!loaded(&stderr), "{stderr}");

    // Another day: the site's coming meetings and the anslagstavla depend
    // on it.
    let later = epoch("2027-02-10");
    let later = [("SOURCE_DATE_EPOCH", later.as_str())];
    let stderr = timed(&repo, &later);
    assert!(loaded(&stderr), "{stderr}");
    let stderr = timed(&repo, &later);
    assert!(!loaded(&stderr), "{stderr}");

    // Another commit: the calendars' history.
    repo.git(&["commit", "-q", "--allow-empty", "-m", "Tom"]);
    let stderr = timed(&repo, &later);
    assert!(loaded(&stderr), "{stderr}");

    // Another language: the warnings are said in it.
    let stderr = repo
        .rsr_trusting(&["build", "--timings", "--lang", "sv"], &later)
        .success()
        .stderr();
    assert!(loaded(&stderr), "{stderr}");
    assert!(stderr.contains("varning[assignment-overdue]"), "{stderr}");

    // An inventory with one byte changed, or cut short, is none.
    for broken in [
        |bytes: &mut Vec<u8>| bytes[10] ^= 0x01,
        |bytes: &mut Vec<u8>| bytes.truncate(bytes.len() / 2),
    ] {
        let path = repo.path().join("out/.rsr.inventory");
        let mut bytes = std::fs::read(&path).unwrap();
        broken(&mut bytes);
        std::fs::write(&path, bytes).unwrap();
        let stderr = repo
            .rsr_trusting(&["build", "--timings", "--lang", "sv"], &later)
            .success()
            .stderr();
        assert!(loaded(&stderr), "{stderr}");
    }

    // --force, and a build of one body, do everything.
    for args in [
        &["build", "--timings", "--force"][..],
        &["build", "--timings", "--body", "rsr"],
    ] {
        let stderr = repo.rsr_trusting(args, &later).success().stderr();
        assert!(loaded(&stderr), "{args:?}: {stderr}");
    }
}

#[test]
fn an_output_folder_inside_the_repository_elsewhere_is_not_surveyed_as_input() {
    let repo = Repo::examples();
    repo.rsr_trusting(&["build", "--out", "publicerat"], &[])
        .success();
    let stderr = repo
        .rsr_trusting(&["build", "--timings", "--out", "./publicerat/"], &[])
        .success()
        .stderr();
    assert!(!loaded(&stderr), "{stderr}");
    assert!(Path::new(&repo.path().join("publicerat/.rsr.inventory")).is_file());
}

/// Every file under `dir` but rsr's own records, with its bytes.
fn files_under(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with(".rsr"))
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap().display().to_string();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// out/ is byte for byte what a build from nothing makes, into a folder
/// outside the repository: one inside would be a change to its files,
/// which no record of the next build would hold.
fn assert_as_from_nothing(repo: &Repo, vars: &[(&str, &str)]) {
    let fresh = tempfile::tempdir().unwrap();
    let out = fresh.path().display().to_string();
    repo.rsr_trusting(&["build", "--out", &out], vars).success();
    crate::conformance::assert_pdfs_under(fresh.path());
    let built = files_under(&repo.path().join("out"));
    let fresh = files_under(fresh.path());
    assert_eq!(
        built.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &built {
        assert!(
            bytes == &fresh[path],
            "{path} differs from a build from nothing"
        );
    }
}

#[test]
fn the_site_made_while_a_few_documents_are_typeset_is_the_site_made_after() {
    // A one-item change typesets two documents of one body; the calendars
    // and the index's sections of the other bodies are made meanwhile,
    // from before the typesetting. What rsr trusts (as a user's does, not
    // verifying) is what a build from nothing makes.
    let repo = Repo::examples();
    repo.rsr_trusting(&["build"], &[]).success();
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik: Uppföljning av",
        "rubrik: Uppföljning om",
    );
    let changed = repo.rsr_trusting(&["build"], &[]).success().stderr();
    assert!(changed.contains("Built 2 documents"), "{changed}");
    // Another body's coming meeting, which its section made ahead lists
    // in its place and among the coming meetings.
    let index = repo.read("out/index.html");
    assert!(
        index.contains("Måndag 7 december 2026: Regional ledningsgrupp"),
        "{index}"
    );
    assert!(
        repo.text("out/rsr/2026-01-26-kallelse.pdf")
            .contains("Uppföljning om")
    );
    assert_as_from_nothing(&repo, &[]);
}

#[test]
fn builds_from_each_bodys_record_make_what_a_build_from_nothing_makes() {
    // What each body's own rules found and its documents' fingerprints are
    // taken from the inventory for every body none of whose files changed:
    // after changes to two bodies, out/ is what a build from nothing makes.
    let repo = Repo::examples();
    let later = epoch("2027-02-10");
    let later = [("SOURCE_DATE_EPOCH", later.as_str())];
    let first = repo.rsr_trusting(&["build"], &later).success().stderr();
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik: Uppföljning av",
        "rubrik: Uppföljning om",
    );
    let second = repo.rsr_trusting(&["build"], &later).success().stderr();
    assert!(second.contains("Built 2 documents"), "{second}");
    repo.edit(
        "meetings/kf/motioner/2025-2026.yaml",
        "motionär: Eva Lund (V)",
        "motionär: Eva Lundh (V)",
    );
    let third = repo.rsr_trusting(&["build"], &later).success().stderr();
    assert!(third.contains("Built 1 document "), "{third}");
    // The warnings of the bodies whose records were used, as before.
    let warnings = |stderr: &str| stderr[..stderr.find("Built ").unwrap()].to_string();
    assert_eq!(warnings(&second), warnings(&first));
    assert_eq!(warnings(&third), warnings(&first));
    // A build of one body (as `rsr watch` makes) takes the others' findings
    // from there too, and says the same.
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik: Uppföljning om",
        "rubrik: Uppföljning av",
    );
    let fourth = repo
        .rsr_trusting(&["build", "--body", "rsr"], &later)
        .success()
        .stderr();
    assert!(fourth.contains("Built 2 documents"), "{fourth}");
    assert_eq!(warnings(&fourth), warnings(&first));

    assert_as_from_nothing(&repo, &later);
    assert!(
        repo.text("out/kf/2026-beslutsuppfoljning.pdf")
            .contains("Eva Lundh")
    );
}

/// How many meetings' documents a build made, and how many it took from
/// the inventory, by its `--timings`.
fn meetings_made_and_kept(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("meetings whose documents were made: ")
        })
        .unwrap_or_else(|| panic!("no meetings line in:\n{stderr}"));
    let (made, kept) = line
        .split_once("; taken from the inventory: ")
        .unwrap_or_else(|| panic!("{line}"));
    (made.parse().unwrap(), kept.parse().unwrap())
}

#[test]
fn a_meetings_documents_are_made_again_when_a_change_to_another_meeting_reaches_them() {
    // Of a body whose files changed, each meeting's documents are taken
    // from the inventory where the meeting's key is the same. A change to
    // another meeting of the body reaches them in three ways
    // (`docs::Neighbours`), each of which makes them again, and them alone:
    // as a secretary builds (trusting), out/ is what a build from nothing
    // makes.
    let repo = Repo::examples();
    let day = epoch("2026-12-10");
    let day = [("SOURCE_DATE_EPOCH", day.as_str())];
    // Made: the changed meeting's and the one the change reaches (`made`
    // of them with documents); the others of the body, and every other
    // body's, taken as they were. Returned: what it said it removed from
    // out/.
    let build = |made_now: usize| {
        let run = repo.rsr_trusting(&["build", "--timings"], &day).success();
        let stderr = run.stderr();
        let (made, kept) = meetings_made_and_kept(&stderr);
        assert_eq!(made, made_now, "{stderr}");
        assert!(kept >= 12, "{stderr}");
        stderr
            .lines()
            .find_map(|line| line.strip_prefix("Removed what is no longer made: "))
            .map(str::to_string)
    };
    // rlg's held meeting numbers on from a meeting before it that year;
    // bmn's next meeting has its kallelse, whose delegation report runs
    // from the last meeting held.
    repo.edit(
        "meetings/rlg/2026-12-07/meeting.yaml",
        "första_paragraf: 41\n",
        "",
    );
    repo.rsr(&["new", "meeting", "rlg", "2026-11-09"]).success();
    repo.edit(
        "meetings/bmn/2027-01-20/meeting.yaml",
        "status: planerad",
        "status: kallad",
    );
    repo.rsr_trusting(&["build"], &day).success();
    let protokoll = || repo.text("out/rlg/2026-12-07-protokoll.pdf");
    let kallelse = || repo.text("out/bmn/2027-01-20-kallelse.pdf");
    assert!(
        protokoll().contains("§ 3 Verksamhetsplan"),
        "{}",
        protokoll()
    );
    assert!(protokoll().contains("måndag 25 januari 2027"));
    assert!(!protokoll().contains("måndag 25 januari 2027 kl."));
    assert!(kallelse().contains("delegation 15 oktober 2026–19 januari 2027"));

    // Its § numbers: an item added to the meeting before it.
    repo.rsr(&["new", "item", "rlg", "2026-11-09", "Ny fråga"])
        .success();
    // The protokollsutdrag of § 3 is now that of § 4: the PDF of § 3 is
    // no document's any more, and is removed.
    assert_eq!(
        build(2).as_deref(),
        Some("rlg/2026-12-07-protokollsutdrag-3.pdf")
    );
    assert!(
        protokoll().contains("§ 4 Verksamhetsplan"),
        "{}",
        protokoll()
    );
    assert_as_from_nothing(&repo, &day);

    // The folder of the next meeting it names: added, then changed.
    repo.rsr(&["new", "meeting", "rlg", "2027-01-25"]).success();
    assert_eq!(build(2), None);
    assert!(
        protokoll().contains("måndag 25 januari 2027 kl. 09.30, Kommunförbundet, hus E"),
        "{}",
        protokoll()
    );
    repo.edit(
        "meetings/rlg/2027-01-25/meeting.yaml",
        "plats: Kommunförbundet, hus E, Campus Östersund",
        "plats: Rådhuset, Östersund",
    );
    assert_eq!(build(2), None);
    assert!(protokoll().contains("måndag 25 januari 2027 kl. 09.30, Rådhuset, Östersund"));
    assert_as_from_nothing(&repo, &day);

    // The last meeting held before it: one added, then inställd.
    repo.rsr(&["new", "meeting", "bmn", "2026-12-09"]).success();
    assert_eq!(build(2), None);
    assert!(
        kallelse().contains("delegation 10 december 2026–19 januari 2027"),
        "{}",
        kallelse()
    );
    repo.edit(
        "meetings/bmn/2026-12-09/meeting.yaml",
        "status: planerad",
        "status: inställd",
    );
    // Inställd without a kallelse sent, it has no documents: its kallelse
    // is removed.
    assert_eq!(build(1).as_deref(), Some("bmn/2026-12-09-kallelse.pdf"));
    assert!(kallelse().contains("delegation 15 oktober 2026–19 januari 2027"));
    assert_as_from_nothing(&repo, &day);
}

#[test]
fn what_a_build_makes_no_more_it_removes_from_out_and_nothing_else() {
    // A meeting's folder removed, then a body's: their documents, their
    // open data and the body's calendar are no build's any more. A build
    // removes them (a filtered one too) and names them; files it did not
    // make stay.
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let out = repo.path().join("out");
    std::fs::write(out.join("fs/anteckningar.txt"), "egen\n").unwrap();
    std::fs::create_dir_all(out.join("egen")).unwrap();
    std::fs::write(out.join("egen/fil.txt"), "egen\n").unwrap();

    std::fs::remove_dir_all(repo.path().join("meetings/fs/2027-02-11")).unwrap();
    let stderr = repo.rsr(&["build", "--lang", "en"]).success().stderr();
    assert!(
        stderr.contains(
            "\nRemoved what is no longer made: fs/2027-02-11-kallelse.pdf, \
             fs/2027-02-11.json, fs/2027-sammantradesplan.pdf\n"
        ),
        "{stderr}"
    );
    for gone in [
        "fs/2027-02-11-kallelse.pdf",
        "fs/2027-02-11.json",
        "fs/2027-sammantradesplan.pdf",
    ] {
        assert!(!out.join(gone).exists(), "{gone}");
    }
    assert!(out.join("fs/2026-11-26-protokoll.pdf").is_file());
    assert!(out.join("fs/2026-sammantradesplan.pdf").is_file());
    // Removed once: the next build has nothing to remove.
    let stderr = repo.rsr(&["build", "--lang", "en"]).success().stderr();
    assert!(!stderr.contains("Removed"), "{stderr}");

    std::fs::remove_dir_all(repo.path().join("meetings/gnus")).unwrap();
    let stderr = repo
        .rsr(&["build", "--body", "rlg", "--lang", "sv"])
        .success()
        .stderr();
    assert!(
        stderr.contains(
            "\nTog bort det som inte längre görs: gnus/2026-02-16.json, \
             gnus/2026-05-11.json, gnus/2026-09-21.json, gnus/2026-11-09.json, \
             gnus/2026-sammantradesplan.pdf, gnus/kalender.ics\n"
        ),
        "{stderr}"
    );
    assert!(!out.join("gnus").exists());
    // Nor is the model kept of a body whose folder is gone.
    let models: Vec<String> = std::fs::read_dir(out.join(".rsr.models"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(models.len(), 5, "{models:?}");
    assert!(
        !models.iter().any(|name| name.contains("gnus")),
        "{models:?}"
    );

    // Files of one's own are left as they were; but for them, out/ is
    // what a build from nothing makes.
    assert_eq!(
        std::fs::read_to_string(out.join("fs/anteckningar.txt")).unwrap(),
        "egen\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("egen/fil.txt")).unwrap(),
        "egen\n"
    );
    std::fs::remove_file(out.join("fs/anteckningar.txt")).unwrap();
    std::fs::remove_dir_all(out.join("egen")).unwrap();
    assert_as_from_nothing(&repo, &[]);
}

#[test]
fn a_logo_changed_wherever_it_lies_makes_every_document_that_shows_it_again() {
    // rsr.yaml and body.yaml may name a logo in any folder of the
    // repository: here one in a meeting folder of fs, shown by every
    // body's documents. Its contents are in every key that shows it, so
    // that a change makes every body's documents again (before, only those
    // of the body whose folder holds it), and fs's other meeting's too.
    let repo = Repo::examples();
    std::fs::copy(
        repo.path().join("meetings/fs/logotyp.svg"),
        repo.path().join("meetings/fs/2026-11-26/emblem.svg"),
    )
    .unwrap();
    repo.edit(
        "rsr.yaml",
        "organisation: Region Jämtland Härjedalen\n",
        "organisation: Region Jämtland Härjedalen\n\
         logotyp: {fil: meetings/fs/2026-11-26/emblem.svg, alt: Ett emblem}\n",
    );
    repo.edit(
        "meetings/fs/body.yaml",
        "fil: logotyp.svg",
        "fil: 2026-11-26/emblem.svg",
    );
    repo.rsr_trusting(&["build"], &[]).success();
    repo.edit(
        "meetings/fs/2026-11-26/emblem.svg",
        "fill=\"#2f6b4f\"",
        "fill=\"#8a2b2b\"",
    );
    let built = repo.rsr_trusting(&["build"], &[]).success().stderr();
    assert!(!built.contains("up to date"), "{built}");
    assert_as_from_nothing(&repo, &[]);
}

#[cfg(unix)]
#[test]
fn with_a_symbolic_link_outside_every_meetings_folder_a_change_makes_every_meeting() {
    // A link outside a meeting's folder could lead a file into another
    // body's folder or a meeting's, where their keys would not see it
    // change: with one, every file counts for every body, no meeting has a
    // key of its own, and a change to one item makes every meeting's
    // documents again (before, a body's key saw only where the link led).
    let repo = Repo::examples();
    std::os::unix::fs::symlink("rsr.yaml", repo.path().join("länk.yaml")).unwrap();
    repo.rsr_trusting(&["build"], &[]).success();
    repo.edit(
        "meetings/rlg/2026-12-07/03-civilt-forsvar.yaml",
        "rubrik: Civilt försvar – lägesbild",
        "rubrik: Civilt försvar – lägesrapport",
    );
    let stderr = repo
        .rsr_trusting(&["build", "--timings"], &[])
        .success()
        .stderr();
    let (made, kept) = meetings_made_and_kept(&stderr);
    assert!(made > 2 && kept == 0, "{stderr}");
    assert_as_from_nothing(&repo, &[]);
}

#[cfg(unix)]
#[test]
fn a_register_linked_to_another_bodys_folder_is_seen_to_change() {
    // bmn's register of delegation decisions is a link to a folder in fs's:
    // a change to it is a change to fs's files, and bmn's kallelse, whose
    // report lists the decisions, is made again (before, bmn's record held
    // and the kallelse kept the decision as it was).
    let repo = Repo::examples();
    let day = epoch("2026-12-10");
    let day = [("SOURCE_DATE_EPOCH", day.as_str())];
    std::fs::rename(
        repo.path().join("meetings/bmn/delegationsbeslut"),
        repo.path().join("meetings/fs/delegationsbeslut"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        "../fs/delegationsbeslut",
        repo.path().join("meetings/bmn/delegationsbeslut"),
    )
    .unwrap();
    repo.edit(
        "meetings/bmn/2027-01-20/meeting.yaml",
        "status: planerad",
        "status: kallad",
    );
    repo.rsr_trusting(&["build"], &day).success();
    repo.edit(
        "meetings/fs/delegationsbeslut/2026-q4.yaml",
        "ärende: Bygglov för garage, Backe 3:9",
        "ärende: Bygglov för carport, Backe 3:9",
    );
    repo.rsr_trusting(&["build"], &day).success();
    assert!(
        repo.text("out/bmn/2027-01-20-kallelse.pdf")
            .contains("carport"),
        "{}",
        repo.text("out/bmn/2027-01-20-kallelse.pdf")
    );
    assert_as_from_nothing(&repo, &day);
}

#[test]
fn a_kept_model_that_is_damaged_or_another_bodys_is_passed_over() {
    // Each body's loaded model is kept in out/.rsr.models, and taken for
    // its files while they are as they were; content decides, so a model
    // that is damaged or belongs to another body is loaded again from the
    // files and kept anew, and what is built is what a build from nothing
    // makes.
    let repo = Repo::examples();
    repo.rsr_trusting(&["build"], &[]).success();
    let dir = repo.path().join("out/.rsr.models");
    let kept = |body: &str| {
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("meetings_{body}-"))
            })
            .unwrap_or_else(|| panic!("no model of {body}"))
    };
    let bodies = ["bmn", "fs", "gnus", "kf", "rlg", "rsr"];
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), bodies.len());
    let before: Vec<Vec<u8>> = bodies
        .iter()
        .map(|b| std::fs::read(kept(b)).unwrap())
        .collect();

    // rlg's and kf's models swapped, bmn's cut short, one byte of gnus's
    // changed; then a change to rsr, so that the build loads.
    std::fs::write(kept("rlg"), &before[3]).unwrap();
    std::fs::write(kept("kf"), &before[4]).unwrap();
    std::fs::write(kept("bmn"), &before[0][..before[0].len() / 2]).unwrap();
    let mut changed = before[2].clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x20;
    std::fs::write(kept("gnus"), &changed).unwrap();
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik: Uppföljning av",
        "rubrik: Uppföljning om",
    );
    let built = repo.rsr_trusting(&["build"], &[]).success().stderr();
    assert!(built.contains("Built 2 documents"), "{built}");

    // Each damaged model was made again from its files, as it was; rsr's
    // is the changed body's.
    for (body, bytes) in bodies.iter().zip(&before) {
        let now = std::fs::read(kept(body)).unwrap();
        if *body == "rsr" {
            assert!(&now != bytes, "rsr's model was not made again");
        } else {
            assert!(&now == bytes, "{body}'s model is not as it was");
        }
    }
    assert_as_from_nothing(&repo, &[]);
}

#[test]
fn rsr_check_takes_unchanged_bodies_from_kept_models_and_writes_nothing() {
    // rsr check decodes each body none of whose files changed since the
    // last build from the model that build kept (the inventory vouching for
    // the files): it reports what parsing every file reports, finds a
    // change at once, and leaves out/ as it was.
    let repo = Repo::examples();
    let check = |trusting: bool| {
        let args = ["check", "--format", "json"];
        let run = if trusting {
            repo.rsr_trusting(&args, &[])
        } else {
            // Verifying: every body is parsed as well, and a kept model
            // that differs from its files fails the check.
            repo.rsr(&args)
        };
        (run.output.status.code(), run.stdout(), run.stderr())
    };
    let from_files = check(true);
    assert_eq!(from_files.0, Some(0), "{}", from_files.2);
    repo.rsr_trusting(&["build"], &[]).success();
    let everything = |dir: &Path| -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let relative = e.path().strip_prefix(dir).unwrap().display().to_string();
                (relative, std::fs::read(e.path()).unwrap())
            })
            .collect()
    };
    let out = repo.path().join("out");
    let built = everything(&out);
    assert!(built.keys().any(|p| p.starts_with(".rsr.models/")));
    assert_eq!(check(true), from_files);
    assert_eq!(check(false), from_files);

    // One file changed: its body is parsed again, and its mistake found.
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "tid: \"14:15\"",
        "tid: \"25:15\"",
    );
    for trusting in [true, false] {
        let (code, stdout, stderr) = check(trusting);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(
            stdout.contains("05-energikontoret.yaml") && stdout.contains("25:15"),
            "{stdout}"
        );
    }
    assert!(everything(&out) == built, "rsr check changed out/");
}

/// A model of `meetings/rsr` kept in `repo`'s out/ under the key of the
/// body's files as they are now, but without its meeting of `date`: what
/// someone who can compute the key (every part of it is public) could
/// write, made with rsr's own library.
fn forge_model_without(repo: &Repo, date: &str) {
    use rsr::repo::cache::{Models, Wanted};
    let root = repo.path();
    let repository = rsr::repo::load::load(root).repository.unwrap();
    let dir = std::path::PathBuf::from("meetings/rsr");
    let mut body = repository
        .bodies
        .iter()
        .find(|b| b.file.parent() == Some(&dir))
        .unwrap()
        .clone();
    let before = body.meetings.len();
    body.meetings.retain(|m| !m.dir.ends_with(date));
    assert_eq!(body.meetings.len(), before - 1);
    // Every file and folder under the body's, with its hash, as a survey
    // finds them (a folder's is "/").
    let files: BTreeMap<std::path::PathBuf, String> = walkdir::WalkDir::new(root.join(&dir))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap().to_path_buf();
            let hash = match e.file_type().is_dir() {
                true => "/".to_string(),
                false => repository.files.hash(&relative, u64::MAX).unwrap(),
            };
            (relative, hash)
        })
        .collect();
    let context = repository
        .files
        .hash(Path::new("rsr.yaml"), u64::MAX)
        .unwrap();
    let wanted = Wanted::new(&context, &dir, files);
    let models = Models::new(
        &root.join("out"),
        BTreeMap::from([(dir.clone(), wanted)]),
        false,
    );
    models.put(&dir, &body, &repository.files);
    models.commit();
}

#[test]
fn what_builds_keep_in_out_is_passed_over_when_it_came_with_the_checkout() {
    // A pull request can commit out/.rsr.models, the inventory and the
    // manifest with `git add -f`. rsr trusts only what rsr wrote: files of
    // its own that git tracks are passed over, with a warning, so that a
    // forged model cannot hide a mistake from rsr check in CI.
    let repo = Repo::examples();
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    repo.commit("the examples");
    repo.rsr_trusting(&["build"], &[]).success();
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "tid: \"14:15\"",
        "tid: \"25:15\"",
    );
    forge_model_without(&repo, "2026-01-26");
    let check = || repo.rsr_trusting(&["check", "--format", "json"], &[]);
    // While out/ is the secretary's own, its model is taken: the forgery
    // is one that works.
    let trusted = check();
    assert_eq!(
        trusted.output.status.code(),
        Some(0),
        "{}{}",
        trusted.stderr(),
        trusted.stdout()
    );
    assert!(!trusted.stdout().contains("25:15"), "{}", trusted.stdout());
    assert!(!trusted.stderr().contains("tracked by git"));

    // Committed with the change, as a pull request brings it: passed over,
    // every file parsed, the mistake found, and nothing written.
    repo.commit("a change, with an out/ of its own");
    let models_dir = repo.path().join("out/.rsr.models");
    let kept: Vec<Vec<u8>> = {
        let mut files: Vec<_> = std::fs::read_dir(&models_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files.iter().map(|f| std::fs::read(f).unwrap()).collect()
    };
    let run = check();
    assert_eq!(run.output.status.code(), Some(1), "{}", run.stderr());
    assert!(
        run.stdout().contains("05-energikontoret.yaml") && run.stdout().contains("25:15"),
        "{}",
        run.stdout()
    );
    let warning = run.stderr();
    assert!(
        warning.contains("tracked by git")
            && warning.contains(".rsr.models")
            && warning.contains(".rsr.inventory")
            && warning.contains(".rsr.manifest'")
            && warning.contains("git rm -r --cached"),
        "{warning}"
    );
    assert!(repo.git(&["status", "--porcelain", "--", "out"]).is_empty());
    let mut after: Vec<_> = std::fs::read_dir(&models_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    after.sort();
    let after: Vec<Vec<u8>> = after.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert_eq!(after, kept);

    // A build of the same does not take the committed inventory's word
    // that nothing changed: it typesets every document and says why.
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "tid: \"25:15\"",
        "tid: \"14:15\"",
    );
    repo.rsr_trusting(&["build"], &[]).success();
    repo.commit("mended, with its out/");
    // Tracked, they stay passed over however rsr rewrites them (a commit
    // can make git find its own files changed, with .gitattributes).
    for _ in 0..2 {
        let built = repo.rsr_trusting(&["build"], &[]).success();
        assert!(
            built.stderr().contains("tracked by git")
                && built.stderr().contains("Built 47 documents"),
            "{}",
            built.stderr()
        );
    }
    // Taken out of git as the warning says: rsr's own again, and the next
    // build finds nothing changed.
    repo.git(&[
        "rm",
        "-r",
        "--cached",
        "--quiet",
        "out/.rsr.models",
        "out/.rsr.inventory",
        "out/.rsr.manifest",
        "out/.rsr.revisions.json",
    ]);
    let built = repo.rsr_trusting(&["build"], &[]).success();
    assert!(
        !built.stderr().contains("tracked by git"),
        "{}",
        built.stderr()
    );
    let again = repo.rsr_trusting(&["build"], &[]).success();
    assert!(!again.stderr().contains("Built 47"), "{}", again.stderr());
}

/// Every folder of out/ last changed an hour ago, so that what a build
/// records of them vouches for them.
fn age_folders(repo: &Repo) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(repo.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
    {
        std::fs::File::open(entry.path())
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
}

#[test]
fn a_file_changed_in_place_in_out_is_recorded_as_it_is_found() {
    let repo = Repo::examples();
    repo.rsr_trusting(&["build"], &[]).success();
    // A file of the secretary's own in a folder no build writes into again.
    repo.write("out/rlg/anteckningar.txt", "första\n");
    age(&repo);
    age_folders(&repo);
    let stderr = timed(&repo, &[]);
    assert!(loaded(&stderr), "{stderr}");
    assert!(!loaded(&timed(&repo, &[])));

    // Changed in place: its folder is as it was, and the next build finds
    // it changed, and records it as it found it, so the one after that
    // finds nothing changed.
    repo.write("out/rlg/anteckningar.txt", "andra\n");
    let stderr = timed(&repo, &[]);
    assert!(loaded(&stderr), "{stderr}");
    assert!(stderr.contains("Built 0 documents"), "{stderr}");
    let stderr = timed(&repo, &[]);
    assert!(!loaded(&stderr), "{stderr}");
    assert_eq!(repo.read("out/rlg/anteckningar.txt"), "andra\n");
}

/// Each PDF in `out/` with when the manifest last saw it, in nanoseconds
/// since 1970.
fn manifest_seen(repo: &Repo) -> BTreeMap<String, i128> {
    let manifest = rsr::output::manifest::Manifest::load(&repo.path().join("out"));
    manifest
        .documents()
        .filter_map(|(path, entry)| Some((path.to_string(), entry.seen.as_ref()?.at)))
        .collect()
}

/// Overwrites one byte of `path` (under the repository) in place, and
/// gives it back the modification time it had: only its change time
/// tells.
fn alter_in_place(repo: &Repo, path: &str) {
    use std::io::{Seek, SeekFrom, Write};
    let full = repo.path().join(path);
    let modified = std::fs::metadata(&full).unwrap().modified().unwrap();
    let mut file = std::fs::File::options().write(true).open(&full).unwrap();
    file.seek(SeekFrom::Start(100)).unwrap();
    file.write_all(b"X").unwrap();
    file.set_modified(modified).unwrap();
}

#[cfg(unix)]
#[test]
fn the_pdfs_the_inventory_vouches_for_are_not_read_again_to_plan_a_build() {
    let repo = Repo::examples();
    repo.rsr_trusting(&["build"], &[]).success();
    let protokoll = repo.bytes("out/rlg/2025-11-17-protokoll.pdf");
    // Every file last written an hour ago: the manifest's record of each
    // PDF (seen just after it was written) vouches for it no more. The
    // next build finds nothing changed, reads every file to tell, and
    // records them in its inventory.
    age(&repo);
    assert!(!loaded(&timed(&repo, &[])));
    let before = manifest_seen(&repo);
    assert_eq!(before.len(), 47);
    // A PDF changed in place since, its size and modification time as
    // they were: neither record vouches for it.
    alter_in_place(&repo, "out/rlg/2025-11-17-protokoll.pdf");

    // A title in one meeting: the build plans every document, and each
    // PDF the inventory vouches for is taken as unchanged without being
    // read; the manifest keeps the inventory's record of it, taken before
    // this build began. Only the PDFs typeset now (the changed ones and
    // the altered protokoll, made again as it was) are seen now.
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik: Uppföljning av verksamhet",
        "rubrik: Årlig uppföljning av verksamhet",
    );
    let start = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as i128;
    let stderr = timed(&repo, &[]);
    assert!(stderr.contains("Built 3 documents"), "{stderr}");
    assert!(repo.bytes("out/rlg/2025-11-17-protokoll.pdf") == protokoll);
    let after = manifest_seen(&repo);
    assert_eq!(after.len(), 47);
    let seen_now: Vec<&String> = after
        .iter()
        .filter(|(_, at)| **at >= start)
        .map(|(path, _)| path)
        .collect();
    assert_eq!(
        seen_now,
        [
            "rlg/2025-11-17-protokoll.pdf",
            "rsr/2026-01-26-kallelse.pdf",
            "rsr/2026-sammantradesplan.pdf"
        ],
        "{stderr}"
    );
    // Every other PDF's record in the manifest is now the inventory's:
    // taken by the build that found nothing changed.
    assert!(
        after
            .iter()
            .filter(|(path, _)| !seen_now.contains(path))
            .all(|(path, at)| before[path] < *at && *at < start)
    );
}

/// Replaces every `from` in out/.rsr.inventory with `to` (of the same
/// length) and makes its checksum (the BLAKE3 hash of the rest, after it)
/// agree: a record forged as someone who can write to out/ could.
fn forge_inventory(repo: &Repo, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let path = repo.path().join("out/.rsr.inventory");
    let bytes = std::fs::read(&path).unwrap();
    let body = &bytes[..bytes.len() - 32];
    let text = String::from_utf8_lossy(body);
    assert!(text.contains(from), "{from} is not in the inventory");
    let mut forged = Vec::with_capacity(bytes.len());
    let mut rest = body;
    while let Some(at) = rest.windows(from.len()).position(|w| w == from.as_bytes()) {
        forged.extend_from_slice(&rest[..at]);
        forged.extend_from_slice(to.as_bytes());
        rest = &rest[at + from.len()..];
    }
    forged.extend_from_slice(rest);
    let sum = blake3::hash(&forged);
    forged.extend_from_slice(sum.as_bytes());
    std::fs::write(&path, forged).unwrap();
}

#[test]
fn rsr_check_takes_what_an_unchanged_bodys_rules_found_from_the_last_build() {
    // What a body's own rules found is recorded by the build, under the key
    // of everything they read; rsr check takes it from there while the key
    // holds, and runs them again once it does not. A record forged to say
    // otherwise shows which it did. Verifying, rsr check runs every rule
    // and fails on a record that says other than they found.
    let repo = Repo::examples();
    repo.edit(
        "meetings/fs/2027-02-11/03-arbetsordning.yaml",
        "diarienummer: KFJL 2027/3",
        "diarienummer: KFJL-2027-3",
    );
    repo.rsr_trusting(&["build"], &[]).success();
    let check = |vars: &[(&str, &str)]| {
        let run = repo.rsr_trusting(&["check", "--format", "json"], vars);
        assert_eq!(run.output.status.code(), Some(0), "{}", run.stderr());
        run.stdout()
    };
    let found = check(&[]);
    assert!(
        found.contains("case-number-pattern") && found.contains("KFJL-2027-3"),
        "{found}"
    );
    forge_inventory(&repo, "KFJL-2027-3", "KFJL-2027-X");
    let remembered = check(&[]);
    assert_eq!(remembered, found.replace("KFJL-2027-3", "KFJL-2027-X"));

    let verified = repo.rsr(&["check"]).failure().stderr();
    assert!(
        verified.contains("held what meetings/fs's rules found as unchanged")
            && verified.contains("a bug in rsr"),
        "{verified}"
    );

    // Another day is another key: the rules run again.
    let later = epoch("2026-12-05");
    assert_eq!(check(&[("SOURCE_DATE_EPOCH", later.as_str())]), found);
    // So is a change to a file in the body's folder, to any body.yaml, to
    // rsr.yaml, or a file the last build did not record outside
    // meetings/ (not read: taken as unknown); a change to another body's
    // meeting is not.
    let comment = |text: &str| format!("{text}# En kommentar.\n");
    for (file, same) in [
        ("meetings/fs/2027-02-11/meeting.yaml", false),
        ("meetings/fs/body.yaml", false),
        ("rsr.yaml", false),
        ("meetings/rsr/2026-01-26/meeting.yaml", true),
    ] {
        let before = repo.read(file);
        repo.write(file, &comment(&before));
        let expected = if same { &remembered } else { &found };
        assert_eq!(&check(&[]), expected, "{file}");
        repo.write(file, &before);
    }
    repo.write("publicerat/anteckningar.txt", "Inte från rsr.\n");
    assert_eq!(check(&[]), found);
    std::fs::remove_dir_all(repo.path().join("publicerat")).unwrap();
    assert_eq!(check(&[]), remembered);
}

#[test]
fn a_file_that_does_not_read_whole_has_every_bodys_rules_run_again() {
    // Where a file does not read whole, the lock rules are not run, for
    // any body: what a body's rules found in a build (which reads every
    // file, or fails) is then not what rsr check finds, and is not taken.
    let repo = Repo::examples();
    // A lock without the printed text's hashes (as an older rsr wrote
    // them), and a rättelse not yet sealed: a warning of the lock rules.
    let lock = "meetings/bmn/2026-10-14/justering.lock";
    let text = repo.read(lock);
    let start = text.find("utskrift:").unwrap();
    let end = text.find("offentlig:").unwrap();
    repo.write(lock, &format!("{}{}", &text[..start], &text[end..]));
    let meeting = "meetings/bmn/2026-10-14/meeting.yaml";
    repo.write(
        meeting,
        &format!(
            "{}rättelser:\n  - datum: 2026-10-27\n    text: Justeringens plats är rättad (skrivfel).\n",
            repo.read(meeting)
        ),
    );
    let built = repo.rsr_trusting(&["build"], &[]).success().stderr();
    assert!(built.contains("warning[correction-unsealed]"), "{built}");
    // A file of another body that does not read whole.
    repo.write(
        "meetings/fs/2026-11-26/01-val-av-justerare.yaml",
        "rubrik: [ofullständig\n",
    );
    let trusting = repo.rsr_trusting(&["check", "--format", "json"], &[]);
    let verifying = repo.rsr(&["check", "--format", "json"]);
    assert_eq!(trusting.output.status.code(), Some(1));
    assert_eq!(
        verifying.output.status.code(),
        Some(1),
        "{}",
        verifying.stderr()
    );
    let found = trusting.stdout();
    assert!(found.contains("01-val-av-justerare.yaml"), "{found}");
    assert!(!found.contains("correction-unsealed"), "{found}");
    assert_eq!(verifying.stdout(), found);
}

#[test]
fn a_meetings_seal_is_taken_from_the_last_build_while_its_key_holds() {
    // The seal of each adjusted protokoll is recorded with its meeting's
    // documents, under the key of all they are made from. Where a body
    // changed, its lock rule takes the seal of each meeting whose key
    // holds from there rather than make the protokoll's data again: a
    // record forged to say otherwise shows that it did, to a build and to
    // rsr check, and no longer once the meeting itself changes. Verifying,
    // both make every seal and fail on a record that says otherwise.
    let repo = Repo::examples();
    repo.rsr_trusting(&["build"], &[]).success();
    let lock = repo.read("meetings/fs/2026-11-26/justering.lock");
    let sealed = lock
        .lines()
        .find_map(|line| line.strip_prefix("innehåll: "))
        .unwrap()
        .to_string();
    let other = if sealed.starts_with('0') { "1" } else { "0" };
    let forged = format!("{other}{}", &sealed[1..]);
    forge_inventory(&repo, &sealed, &forged);
    // Each `adjusted-changed` that trusting rsr check finds, by its file;
    // it exits as it found.
    let changed = |code: i32| -> Vec<String> {
        let run = repo.rsr_trusting(&["check", "--format", "json"], &[]);
        assert_eq!(run.output.status.code(), Some(code), "{}", run.stderr());
        let found: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
        found
            .as_array()
            .unwrap()
            .iter()
            .filter(|finding| finding["rule"] == "adjusted-changed")
            .map(|finding| finding["file"].as_str().unwrap().to_string())
            .collect()
    };
    // What a verifying rsr check fails with: the seal it makes is not the
    // one the record holds.
    let verified_check = || {
        let run = repo.rsr(&["check"]);
        assert_eq!(run.output.status.code(), Some(1), "{}", run.stderr());
        let stderr = run.stderr();
        assert!(
            stderr.contains("held the seal of meetings/fs/2026-11-26's protokoll")
                && stderr.contains("a bug in rsr"),
            "{stderr}"
        );
    };
    // The body unchanged, its findings are taken whole, and no seal asked;
    // verifying, the record's seal is compared all the same.
    assert_eq!(changed(0), Vec::<String>::new());
    verified_check();

    // Another meeting of the body changed: the forged seal is taken.
    let other = "meetings/fs/2027-02-11/meeting.yaml";
    repo.write(other, &format!("{}# En kommentar.\n", repo.read(other)));
    assert_eq!(changed(1), ["meetings/fs/2026-11-26/meeting.yaml"]);
    let built = repo.rsr_trusting(&["build"], &[]).failure().stderr();
    assert!(
        built.contains("error[adjusted-changed]")
            && built.contains("meetings/fs/2026-11-26/meeting.yaml"),
        "{built}"
    );
    let verified = repo.rsr(&["build"]);
    assert_eq!(verified.output.status.code(), Some(1));
    let verified = verified.stderr();
    assert!(
        verified.contains("held what meetings/fs's rules found and its documents as unchanged")
            && verified.contains("a bug in rsr"),
        "{verified}"
    );
    verified_check();

    // The meeting itself changed (a comment, which its protokoll does not
    // show): its seal is made again, and holds.
    let meeting = "meetings/fs/2026-11-26/meeting.yaml";
    repo.write(meeting, &format!("{}# En kommentar.\n", repo.read(meeting)));
    assert_eq!(changed(0), Vec::<String>::new());
    repo.rsr_trusting(&["build"], &[]).success();
    // What that build recorded is each seal as made.
    repo.rsr(&["build"]).success();
    repo.rsr(&["check"]).success();
    let inventory = std::fs::read(repo.path().join("out/.rsr.inventory")).unwrap();
    let text = String::from_utf8_lossy(&inventory);
    assert!(text.contains(&sealed) && !text.contains(&forged));
}
