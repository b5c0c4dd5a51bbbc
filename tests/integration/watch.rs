//! `rsr watch`: a saved file is rebuilt into a new PDF, only the documents
//! it affects are rebuilt, a broken file is reported and watching goes on,
//! and `--open` opens the document once.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{Repo, pdf_text};

/// Long enough for a rebuild on a busy two-core machine.
const PATIENCE: Duration = Duration::from_secs(90);

/// A running `rsr watch` whose standard error is collected as it comes.
struct Watch {
    child: Child,
    log: Arc<Mutex<String>>,
}

impl Watch {
    fn start(repo: &Repo, args: &[&str], path: Option<&Path>) -> Watch {
        Watch::start_with(crate::support::rsr_command(), repo, args, path)
    }

    /// `start`, trusting what out/ records as a user's rsr does (not
    /// verifying it by building all the same).
    #[cfg(target_os = "linux")]
    fn start_trusting(repo: &Repo) -> Watch {
        Watch::start_with(crate::support::rsr_trusting_command(), repo, &[], None)
    }

    fn start_with(mut command: Command, repo: &Repo, args: &[&str], path: Option<&Path>) -> Watch {
        command
            .arg("watch")
            .args(args)
            .current_dir(repo.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(dir) = path {
            let inherited = std::env::var_os("PATH").unwrap_or_default();
            let mut paths = vec![dir.to_path_buf()];
            paths.extend(std::env::split_paths(&inherited));
            command.env("PATH", std::env::join_paths(paths).unwrap());
        }
        let mut child = command.spawn().unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let watch = Watch { child, log };
        watch.wait_until("the first build", |log| log.contains("Watching"));
        watch
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until `done` holds for the log, failing after [`PATIENCE`].
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
        let started = Instant::now();
        while !done(&self.log()) {
            assert!(
                started.elapsed() < PATIENCE,
                "rsr watch: no {what} after {PATIENCE:?}; its output:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits for the next "Watching" line after `seen` of them.
    fn wait_for_build(&self, seen: usize) -> String {
        self.wait_until("rebuild", |log| log.matches("Watching").count() > seen);
        let log = self.log();
        let start = nth_position(&log, "Watching", seen);
        log[start..].to_string()
    }

    fn builds(&self) -> usize {
        self.log().matches("Watching").count()
    }

    /// The typesetting processes `rsr watch` has running, by their ids
    /// (Linux's /proc: each worker's parent).
    #[cfg(target_os = "linux")]
    fn workers(&self) -> BTreeSet<u32> {
        let parent = self.child.id().to_string();
        crate::support::typesetting_workers()
            .iter()
            .filter(|process| {
                let stat = std::fs::read_to_string(process.join("stat")).unwrap_or_default();
                // The command's name is in parentheses and may hold spaces:
                // the parent's id is the second field after it.
                let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
                after.split_whitespace().nth(1) == Some(parent.as_str())
            })
            .filter_map(|process| process.file_name()?.to_str()?.parse().ok())
            .collect()
    }
}

fn nth_position(text: &str, needle: &str, n: usize) -> usize {
    text.match_indices(needle)
        .nth(n - 1)
        .map_or(0, |(at, _)| at)
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const ITEM: &str = "meetings/rsr/2026-01-26/05-energikontoret.yaml";
const TITLE: &str = "rubrik: Uppföljning av verksamhet – Energikontoret Jämtland Härjedalen";

/// Rewrites the item's title line, as an editor saving the file would.
fn retitle(repo: &Repo, line: &str) {
    let text = repo.read(ITEM);
    let old = text.lines().find(|l| l.starts_with("rubrik:")).unwrap();
    repo.write(ITEM, &text.replacen(old, line, 1));
}

#[test]
fn a_saved_item_is_rebuilt_and_a_broken_one_reported_without_stopping() {
    let repo = Repo::examples();
    let watch = Watch::start(&repo, &[], None);
    let kallelse = repo.path().join("out/rsr/2026-01-26-kallelse.pdf");
    let protokoll = repo.path().join("out/bmn/2026-10-14-protokoll.pdf");
    assert!(kallelse.is_file() && protokoll.is_file());
    let untouched = std::fs::metadata(&protokoll).unwrap().modified().unwrap();

    // An edit: the new title reaches the kallelse.
    let seen = watch.builds();
    retitle(&repo, "rubrik: Energikontorets verksamhet 2026 följs upp");
    let rebuild = watch.wait_for_build(seen);
    assert!(rebuild.contains(&format!("Changed: {ITEM}")), "{rebuild}");
    assert!(rebuild.contains("rsr/2026-01-26-kallelse.pdf"), "{rebuild}");
    let text = pdf_text(&kallelse, None);
    assert!(
        text.contains("Energikontorets verksamhet 2026 följs upp"),
        "{text}"
    );
    // Only what the item affects was rebuilt.
    assert!(!rebuild.contains("bmn/"), "{rebuild}");
    assert_eq!(
        std::fs::metadata(&protokoll).unwrap().modified().unwrap(),
        untouched
    );

    // A mistake: reported with its place, and watching goes on.
    let seen = watch.builds();
    retitle(&repo, "rubrik: [Energikontoret");
    let rebuild = watch.wait_for_build(seen);
    assert!(rebuild.contains("error["), "{rebuild}");
    assert!(rebuild.contains(ITEM), "{rebuild}");
    let mut watch = watch;
    assert!(
        watch.child.try_wait().unwrap().is_none(),
        "rsr watch stopped"
    );
    let text = pdf_text(&kallelse, None);
    assert!(
        text.contains("Energikontorets verksamhet 2026 följs upp"),
        "a failed build replaced the PDF"
    );

    // Put right: built again.
    let seen = watch.builds();
    retitle(&repo, TITLE);
    let rebuild = watch.wait_for_build(seen);
    assert!(rebuild.contains("Built 2 documents"), "{rebuild}");
    let text = pdf_text(&kallelse, None);
    assert!(
        text.contains("Uppföljning av verksamhet – Energikontoret"),
        "{text}"
    );

    // A file that makes no document starts no build: one outside the
    // meetings, or one in a meeting's folder that no build has read.
    let seen = watch.builds();
    repo.write("README.md", "Anteckningar\n");
    repo.write(
        "meetings/rsr/2026-01-26/anteckningar.txt",
        "Att ta upp nästa gång\n",
    );
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(watch.builds(), seen, "{}", watch.log());
}

#[cfg(target_os = "linux")]
#[test]
fn a_template_saved_while_watching_typesets_the_next_rebuild() {
    // rsr watch keeps its typesetting processes from one build to the
    // next; one set up with the template as it was must not typeset the
    // next rebuild.
    let repo = Repo::examples();
    let watch = Watch::start(&repo, &[], None);
    let kallelse = "out/rsr/2026-01-26-kallelse.pdf";
    assert!(repo.text(kallelse).contains("Energikontoret"));
    let mut kept = watch.workers();
    assert!(!kept.is_empty(), "no typesetting process kept");
    for heading in ["Egen mall", "Annan mall"] {
        let seen = watch.builds();
        repo.write(
            "templates/kallelse.typ",
            &format!(
                "#let data = json(\"/data.json\")\n#set document(title: data.document_title)\n#set text(lang: \"sv\", font: \"Carlito\")\n= {heading}\n#data.body\n"
            ),
        );
        let rebuild = watch.wait_for_build(seen);
        assert!(rebuild.contains("rsr/2026-01-26-kallelse.pdf"), "{rebuild}");
        assert_eq!(
            repo.text(kallelse),
            format!("{heading} Regionens samverkansråd")
        );
        // Those set up with the template as it was have ended.
        let now = watch.workers();
        assert!(now.is_disjoint(&kept), "{kept:?} still run: {now:?}");
        kept = now;
    }
    // An item saved after: typeset with the template as it is now, by the
    // processes kept (it typesets two documents, no more than the
    // kallelser before, and each thread takes a kept process).
    let seen = watch.builds();
    retitle(&repo, "rubrik: Energikontoret, uppföljning");
    let rebuild = watch.wait_for_build(seen);
    assert!(rebuild.contains("rsr/2026-01-26-kallelse.pdf"), "{rebuild}");
    assert_eq!(repo.text(kallelse), "Annan mall Regionens samverkansråd");
    assert_eq!(watch.workers(), kept);
    crate::conformance::assert_pdfs_under(&repo.path().join("out"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_logo_saved_while_watching_rebuilds_its_bodys_documents() {
    // Started after a build that took a body's documents from its record
    // and one that found nothing changed: the logo is still watched.
    let repo = Repo::examples();
    repo.rsr_trusting(&["build"], &[]).success();
    retitle(&repo, "rubrik: Energikontoret, uppföljning");
    repo.rsr_trusting(&["build"], &[]).success();
    let watch = Watch::start_trusting(&repo);
    let seen = watch.builds();
    let logo = repo.read("meetings/fs/logotyp.svg");
    repo.write(
        "meetings/fs/logotyp.svg",
        &format!("{logo}<!-- sparad -->\n"),
    );
    let rebuild = watch.wait_for_build(seen);
    assert!(
        rebuild.contains("Changed: meetings/fs/logotyp.svg"),
        "{rebuild}"
    );
    assert!(rebuild.contains("fs/2026-11-26-protokoll.pdf"), "{rebuild}");
}

#[test]
fn open_opens_the_document_once() {
    let repo = Repo::examples();
    // A stand-in for the desktop's opener that notes what it was asked.
    let bin = repo.path().join("bin");
    let opened = repo.path().join("opened.txt");
    repo.write(
        "bin/xdg-open",
        &format!("#!/bin/sh\necho \"$1\" >> '{}'\n", opened.display()),
    );
    make_executable(&bin.join("xdg-open"));
    let args = ["--meeting", "2026-01-26", "--kind", "kallelse", "--open"];
    let watch = Watch::start(&repo, &args, Some(&bin));
    watch.wait_until("call to open", |_| opened.is_file());

    let seen = watch.builds();
    retitle(&repo, "rubrik: Energikontoret, uppföljning");
    watch.wait_for_build(seen);
    let lines: Vec<PathBuf> = std::fs::read_to_string(&opened)
        .unwrap()
        .lines()
        .map(PathBuf::from)
        .collect();
    assert_eq!(
        lines,
        [repo.path().join("out/rsr/2026-01-26-kallelse.pdf")],
        "opened once, the document built"
    );
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}
