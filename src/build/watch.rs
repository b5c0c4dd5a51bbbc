//! `rsr watch`: build, then rebuild what each saved file affects until
//! stopped. Changes are collected for a short while (an editor's save is
//! often several events). A change counts when the last build read the
//! file (its recorded dependencies: YAML, templates, attachments) or when
//! it is one the loader would read next time (a new YAML file, template or
//! meeting folder); it is mapped to the documents it can change: a
//! meeting's folder to that meeting and the body's later meetings that year
//! (whose § numbers follow from it), a body.yaml to the body, rsr.yaml or a
//! template to everything. A failed build is reported and watching goes on.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode, Watcher};

use crate::build::{self, BuildOptions, Summary};
use crate::docs::Filter;
use crate::error::Error;
use crate::repo::load::{LOCK_FILE, MEETING_FILE, MEETINGS_DIR, ORGANISATION_FILE};
use crate::typeset::TEMPLATES_DIR;
use crate::typeset::worker::Pool;

/// How long no change must come before a rebuild: an editor's save (a
/// swap file, a write, a rename) comes as events a few milliseconds apart,
/// and each event waits the time again, so that a checkout of many files
/// is one rebuild. A build that saw a save half done is followed by one of
/// the rest. Every millisecond here is one the secretary waits for the
/// PDF (watchexec waits 50 ms as well).
const DEBOUNCE: Duration = Duration::from_millis(50);

/// What happened, for the caller to show.
pub enum Event<'a> {
    /// A build finished or failed; `changed` are the input files that
    /// caused it (none for the first build), relative to the root.
    Built {
        changed: &'a [PathBuf],
        result: &'a Result<Summary, Error>,
    },
    /// Watching has started or resumed.
    Waiting,
}

/// Builds with `options`, then watches the repository and rebuilds on every
/// change until the process is stopped. `on_event` is told of each build.
/// Returns only when watching itself fails.
pub fn watch(options: &BuildOptions, mut on_event: impl FnMut(Event)) -> Result<(), Error> {
    let root = options
        .root
        .canonicalize()
        .map_err(|e| Error::io(&options.root, e))?;
    // The typesetting processes are kept from one build to the next.
    let pool = Pool::default();
    let result = build::build_keeping(options, Some(&pool));
    // The files read are known whole once a build of the user's own filter
    // has succeeded; until then every change counts and rebuilds that.
    let mut whole = result.is_ok();
    let mut read = dependencies(&result, BTreeSet::new());
    on_event(Event::Built {
        changed: &[],
        result: &result,
    });

    let (sender, receiver) = mpsc::channel();
    let failed = |e: notify::Error| {
        Error::Internal(crate::lang::t!(
            "cmd-watch-cannot",
            folder = &root,
            error = e.to_string()
        ))
    };
    let mut watcher = notify::recommended_watcher(sender).map_err(failed)?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .map_err(failed)?;
    on_event(Event::Waiting);

    while let Some(changed) = next_changes(&receiver, &root) {
        // Until then any file may be one a build missed (an attachment
        // copied in at last).
        let changed: Vec<PathBuf> = changed
            .into_iter()
            .filter(|path| !whole || read.contains(path) || would_read(path))
            .collect();
        let Some(filter) = affected(&root, &changed, &options.filter) else {
            continue;
        };
        let filter = if whole {
            filter
        } else {
            options.filter.clone()
        };
        let rebuild = BuildOptions {
            filter,
            root: options.root.clone(),
            out: options.out.clone(),
            jobs: options.jobs,
            progress: options.progress,
            force: options.force,
        };
        let result = build::build_keeping(&rebuild, Some(&pool));
        whole |= result.is_ok() && rebuild.filter == options.filter;
        read = dependencies(&result, read);
        // Named for the reader: inputs, not an editor's temporary files.
        let shown: Vec<PathBuf> = changed
            .into_iter()
            .filter(|path| scope(path).is_some())
            .filter(|path| root.join(path).exists() || is_yaml(path))
            .collect();
        on_event(Event::Built {
            changed: &shown,
            result: &result,
        });
        on_event(Event::Waiting);
    }
    Ok(())
}

/// Waits for a change, then gathers changes until none has come for
/// [`DEBOUNCE`]; the paths changed, relative to the root. `None` when the
/// watcher has stopped.
fn next_changes(
    receiver: &mpsc::Receiver<notify::Result<notify::Event>>,
    root: &Path,
) -> Option<Vec<PathBuf>> {
    let mut changed = BTreeSet::new();
    while changed.is_empty() {
        changed.extend(mutated(receiver.recv().ok()?, root));
    }
    while let Ok(event) = receiver.recv_timeout(DEBOUNCE) {
        changed.extend(mutated(event, root));
    }
    Some(changed.into_iter().collect())
}

/// The paths, relative to the root, that an event says were written,
/// created, renamed or removed. Reading a file (rsr's own builds do) and
/// touching its times change nothing; an error of the watcher is not a
/// reason to stop.
fn mutated(event: notify::Result<notify::Event>, root: &Path) -> Vec<PathBuf> {
    let Ok(event) = event else {
        return Vec::new();
    };
    match event.kind {
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => Vec::new(),
        EventKind::Any
        | EventKind::Create(_)
        | EventKind::Modify(_)
        | EventKind::Remove(_)
        | EventKind::Other => event
            .paths
            .iter()
            .filter_map(|p| p.strip_prefix(root).ok().map(Path::to_path_buf))
            .collect(),
    }
}

/// The files a build read, added to those known before: a filtered
/// rebuild reads only part of the repository, and a failed one reports
/// none.
fn dependencies(
    result: &Result<Summary, Error>,
    mut known: BTreeSet<PathBuf>,
) -> BTreeSet<PathBuf> {
    if let Ok(summary) = result {
        known.extend(summary.dependencies.iter().cloned());
    }
    known
}

/// Whether the loader would read `path` (relative to the root) on the next
/// build although the last did not: rsr.yaml, a YAML file under meetings/
/// (a new item, meeting or body), a template or the templates' folder (a
/// template written into a folder just made comes before the folder is
/// watched), a meeting folder created or removed, a signed document in a
/// meeting's `signerat/` or a CA of the trust list (the build serves what
/// verifies). An attachment counts once a build has read it.
fn would_read(path: &Path) -> bool {
    let depth = path.components().count();
    if path == Path::new(ORGANISATION_FILE) {
        return true;
    }
    if path.starts_with(crate::review::sign::TRUST_FOLDER) {
        return true;
    }
    let parent = path.parent().and_then(Path::file_name);
    if path.starts_with(MEETINGS_DIR)
        && depth == 5
        && parent.is_some_and(|p| p == crate::review::sign::SIGNED_FOLDER)
        && path.extension().is_some_and(|e| e == "pdf")
    {
        return true;
    }
    if path == Path::new(TEMPLATES_DIR) {
        return true;
    }
    if path.starts_with(TEMPLATES_DIR) {
        return path.extension().is_some_and(|e| e == "typ" || e == "html");
    }
    let lock = path.file_name().is_some_and(|name| name == LOCK_FILE);
    path.starts_with(MEETINGS_DIR) && (is_yaml(path) || lock || depth == 3)
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// What one input file is part of.
#[derive(Debug, PartialEq, Eq)]
enum Scope {
    /// rsr.yaml or a template: every document.
    Everything,
    /// A body's own file: its documents.
    Body(String),
    /// A file in a meeting's folder.
    Meeting(String, NaiveDate),
}

/// The scope of a changed path (relative to the root); `None` for files
/// that make no document: out/, .git/, README.md, an editor's swap file.
fn scope(path: &Path) -> Option<Scope> {
    let parts: Vec<&str> = path
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let name = parts.last()?;
    if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
        return None;
    }
    match parts.as_slice() {
        [file] if *file == ORGANISATION_FILE => Some(Scope::Everything),
        [templates, ..] if *templates == TEMPLATES_DIR => Some(Scope::Everything),
        // The trust list decides which signed copies are served.
        _ if path.starts_with(crate::review::sign::TRUST_FOLDER) => Some(Scope::Everything),
        [meetings, body, folder, _, ..] if *meetings == MEETINGS_DIR => {
            match NaiveDate::parse_from_str(folder, "%Y-%m-%d") {
                Ok(date) => Some(Scope::Meeting(body.to_string(), date)),
                Err(_) => Some(Scope::Body(body.to_string())),
            }
        }
        // A meeting folder itself (created, renamed or removed), or a
        // body's file.
        [meetings, body, _] if *meetings == MEETINGS_DIR => Some(Scope::Body(body.to_string())),
        _ => None,
    }
}

/// The documents to rebuild after `changed`: `None` when nothing that makes
/// a document changed. With a filter of the user's own, it is rebuilt as it
/// is on any relevant change.
fn affected(root: &Path, changed: &[PathBuf], wanted: &Filter) -> Option<Filter> {
    let scopes: Vec<Scope> = changed.iter().filter_map(|p| scope(p)).collect();
    if scopes.is_empty() {
        return None;
    }
    if !wanted.is_empty() || scopes.contains(&Scope::Everything) {
        return Some(wanted.clone());
    }
    let mut bodies = BTreeSet::new();
    let mut meetings = BTreeSet::new();
    let mut whole_bodies = false;
    for scope in scopes {
        match scope {
            Scope::Everything => {}
            Scope::Body(body) => {
                bodies.insert(body);
                whole_bodies = true;
            }
            Scope::Meeting(body, date) => {
                let dates = later_meetings(&root.join(MEETINGS_DIR).join(&body), date);
                // A meeting folder that is gone: its body, to rebuild the
                // plan and the numbering of the others.
                if dates.is_empty() {
                    whole_bodies = true;
                }
                meetings.extend(dates);
                bodies.insert(body);
            }
        }
    }
    Some(Filter {
        bodies: bodies.into_iter().collect(),
        meetings: if whole_bodies {
            Vec::new()
        } else {
            meetings.into_iter().collect()
        },
        ..Filter::default()
    })
}

/// The dates of a body's meeting folders from `date` to the end of its
/// year, `date` included if its folder exists.
fn later_meetings(body: &Path, date: NaiveDate) -> Vec<NaiveDate> {
    let Ok(entries) = std::fs::read_dir(body) else {
        return Vec::new();
    };
    let mut dates: Vec<NaiveDate> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join(MEETING_FILE).is_file())
        .filter_map(|e| NaiveDate::parse_from_str(e.file_name().to_str()?, "%Y-%m-%d").ok())
        .filter(|d| *d >= date && d.year() == date.year())
        .collect();
    if !dates.contains(&date) {
        return Vec::new();
    }
    dates.sort();
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn each_file_has_the_scope_it_can_change() {
        let scope = |path: &str| scope(Path::new(path));
        assert_eq!(scope("rsr.yaml"), Some(Scope::Everything));
        assert_eq!(scope("templates/lib.typ"), Some(Scope::Everything));
        assert_eq!(
            scope("meetings/bmn/body.yaml"),
            Some(Scope::Body("bmn".into()))
        );
        assert_eq!(
            scope("meetings/bmn/2026-10-14/04-bygglov.yaml"),
            Some(Scope::Meeting("bmn".into(), date("2026-10-14")))
        );
        assert_eq!(
            scope("meetings/bmn/2026-10-14/underlag/ritning.pdf"),
            Some(Scope::Meeting("bmn".into(), date("2026-10-14")))
        );
        assert_eq!(
            scope("meetings/bmn/2026-10-14/signerat/protokoll.pdf"),
            Some(Scope::Meeting("bmn".into(), date("2026-10-14")))
        );
        assert_eq!(scope("signering/betrodda/ca.pem"), Some(Scope::Everything));
        for ignored in [
            "out/bmn/2026-10-14-protokoll.pdf",
            "README.md",
            ".git/index",
            "meetings/bmn/2026-10-14/.04-bygglov.yaml.swp",
            "meetings/bmn/2026-10-14/04-bygglov.yaml~",
        ] {
            assert_eq!(scope(ignored), None, "{ignored}");
        }
    }

    #[test]
    fn a_change_counts_when_a_build_read_the_file_or_the_loader_would() {
        for read in [
            "rsr.yaml",
            "templates/protokoll.typ",
            "templates",
            "meetings/bmn/body.yaml",
            "meetings/ny/body.yaml",
            "meetings/bmn/2026-11-18",
            "meetings/bmn/2026-10-14/09-nytt.yaml",
            "meetings/bmn/2026-10-14/justering.lock",
            "meetings/bmn/2026-10-14/signerat/protokoll.pdf",
            "meetings/bmn/2026-10-14/signerat/protokollsutdrag-118.pdf",
            "signering/betrodda/ca.pem",
        ] {
            assert!(would_read(Path::new(read)), "{read}");
        }
        for ignored in [
            "README.md",
            "templates/README.md",
            "meetings/bmn/2026-10-14/anteckningar.txt",
            "meetings/bmn/2026-10-14/underlag/ritning.pdf",
            "meetings/bmn/2026-10-14/signerat/anteckning.txt",
            "signering/README.md",
        ] {
            assert!(!would_read(Path::new(ignored)), "{ignored}");
        }
    }

    #[test]
    fn a_meeting_affects_itself_and_the_later_meetings_of_its_year() {
        let root = tempfile::tempdir().unwrap();
        for day in [
            "2025-12-01",
            "2026-02-01",
            "2026-04-01",
            "2026-09-01",
            "2027-01-15",
        ] {
            let dir = root.path().join("meetings/bmn").join(day);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("meeting.yaml"), "").unwrap();
        }
        let changed = [PathBuf::from("meetings/bmn/2026-04-01/01-a.yaml")];
        let filter = affected(root.path(), &changed, &Filter::default()).unwrap();
        assert_eq!(filter.bodies, ["bmn"]);
        assert_eq!(filter.meetings, [date("2026-04-01"), date("2026-09-01")]);

        let changed = [PathBuf::from("meetings/bmn/body.yaml")];
        let filter = affected(root.path(), &changed, &Filter::default()).unwrap();
        assert_eq!((filter.bodies.len(), filter.meetings.len()), (1, 0));

        let changed = [PathBuf::from("README.md"), PathBuf::from("out/index.html")];
        assert!(affected(root.path(), &changed, &Filter::default()).is_none());

        // The user's own filter is rebuilt as it is.
        let wanted = Filter {
            kinds: vec![crate::docs::Kind::Protokoll],
            ..Filter::default()
        };
        let changed = [PathBuf::from("meetings/bmn/2026-04-01/01-a.yaml")];
        let filter = affected(root.path(), &changed, &wanted).unwrap();
        assert_eq!((filter.kinds.len(), filter.meetings.len()), (1, 0));
    }
}
