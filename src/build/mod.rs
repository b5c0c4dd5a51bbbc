//! `rsr build`: load, pick the documents, typeset those whose inputs
//! changed in parallel on OS threads, and put the PDFs in place only if
//! every one of them succeeded.
//!
//! A document is up to date, and is not typeset again, when the manifest in
//! `out/` records that its PDF there was made from exactly the inputs it has
//! now (its data and files, the templates, rsr itself) and the PDF has not
//! changed since: content hashes decide, never timestamps.

pub mod inventory;
pub mod list;
pub mod signed;
pub mod watch;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::check::gate::{self, Gate};
use crate::docs::{self, Document, Filter};
use crate::error::{Diagnostic, Error};
use crate::lang::{decimal, t};
use crate::output::manifest::{self, Entry, Manifest, Seen, State, Told};
use crate::output::write::{self, Staged};
use crate::repo::cache::Models;
use crate::repo::model::{Body, Organisation, Repository};
use crate::repo::store::Store;
use crate::review::kept::Kept;
use crate::review::printed;
use crate::typeset::worker::{Ceilings, Pool, Worker};
use crate::typeset::{Rendered, Renderer};
use inventory::{BodyRecord, Files, Folders, Inventory, Part, Remembered, Report, Warning};

/// Up to this many documents to typeset, the build keeps the loaded model
/// while it typesets, for the site after; beyond, it lets the model go and
/// loads it again, so that memory holds one body's model at a time.
const KEEP_MODEL_UP_TO: usize = 64;

/// Below this many documents a progress bar is more noise than help.
const PROGRESS_THRESHOLD: usize = 8;

pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    pub filter: Filter,
    /// Worker threads; `None` means one per core.
    pub jobs: Option<usize>,
    /// Show a progress bar (the caller decides whether stderr is a terminal).
    pub progress: bool,
    /// Typeset every document, up to date or not.
    pub force: bool,
}

/// What a build produced.
#[derive(Debug)]
pub struct Summary {
    /// The warnings `rsr check` found; errors stop the build before this.
    pub warnings: Vec<Diagnostic>,
    /// Every document the build covers, typeset now or up to date.
    pub outputs: Vec<PathBuf>,
    /// The documents typeset now.
    pub built: Vec<PathBuf>,
    /// Site files (index.html, feed.xml, calendars, open data) that changed
    /// and were rewritten, relative to the output folder.
    pub site: Vec<PathBuf>,
    /// What an earlier build wrote to the output folder and this one
    /// removed, since it makes it no more (documents, site files),
    /// relative to the output folder.
    pub removed: Vec<PathBuf>,
    /// What it was to remove and could not (in the output folder), with
    /// why: the next build tries again.
    pub unremoved: Vec<(PathBuf, String)>,
    /// The pages of the documents typeset now.
    pub pages: usize,
    /// The repository's files the build read (YAML, templates it
    /// overrides, attachments), relative to the root: what `rsr watch`
    /// watches for.
    pub dependencies: Vec<PathBuf>,
    pub elapsed: Duration,
    pub timings: Timings,
}

/// Where the time of a build went.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// Reading and parsing the YAML.
    pub load: Duration,
    /// Loading the fonts and parsing the templates.
    pub setup: Duration,
    /// The rules of `rsr check`.
    pub check: Duration,
    /// Turning the model into each document's data: once to hash it, and
    /// again, on the typesetting threads, for what is typeset.
    pub data: Duration,
    /// Hashing inputs and outputs to find what is up to date.
    pub fingerprint: Duration,
    /// Typst's layout, summed over the threads.
    pub layout: Duration,
    /// Typst's PDF export, summed over the threads.
    pub export: Duration,
    /// Typesetting as the clock on the wall saw it, all threads at once,
    /// with what a build that keeps its model makes of its site meanwhile
    /// (`Before`), should that take longer.
    pub typeset_wall: Duration,
    /// Writing the PDFs (and the manifest, in a build of many documents),
    /// and keeping the models newly loaded.
    pub write: Duration,
    /// The index, feed, calendars and open data, and the manifest written
    /// meanwhile in a build of few documents.
    pub site: Duration,
    /// Surveying the repository and `out/` for what changed since the last
    /// build, and recording them for the next.
    pub inventory: Duration,
    /// The meetings whose documents' data was made to plan the build, and
    /// those whose documents were taken from the inventory instead (a
    /// body's whole record, or the meeting's own, `inventory::part_keys`).
    pub meetings_made: usize,
    pub meetings_kept: usize,
    /// Layout and export of each document typeset, in milliseconds.
    pub per_document: Vec<f64>,
    /// The threads that typeset.
    pub threads: usize,
    /// The highest peak resident memory of a typesetting process, in bytes.
    pub worker_peak: u64,
    /// rsr's own peak resident memory before typesetting began, and while
    /// it ran, in bytes (`None` where the system does not tell). The
    /// typesetting processes run only while typesetting does: their memory
    /// is added to rsr's of that span alone.
    pub peak_before: Option<u64>,
    pub peak_typesetting: Option<u64>,
    /// The peak of a worker process started before typesetting, outside
    /// the threads that typeset (none so far), in bytes: 0 if none was.
    pub worker_before: u64,
}

pub fn build(options: &BuildOptions) -> Result<Summary, Error> {
    build_keeping(options, None)
}

/// `build`, typesetting in the worker processes `pool` kept from an
/// earlier build where their setup is the same, and keeping them there
/// for the next (`rsr watch`). Without a pool, each ends once typesetting
/// has, and its memory is free for the site.
pub fn build_keeping(options: &BuildOptions, pool: Option<&Pool>) -> Result<Summary, Error> {
    let started = Instant::now();
    let mut timings = Timings::default();
    // One build at a time writes to an output folder. Where out/ holds an
    // inventory (a whole build has been made into it), a build takes the
    // lock before it looks: one of everything may find nothing changed,
    // and any reads the manifest while it loads (`rsr watch`'s filtered
    // builds too). Otherwise it takes it once its repository has passed
    // its checks, so that a first build that fails leaves no out/ behind.
    let take_lock = || {
        write::OutLock::take(&options.out, || {
            eprintln!("{}", t!("cmd-build-waiting", out = &options.out));
        })
    };
    let mut lock = None;
    // The repository is surveyed before it is read, so that what changes
    // from here on is found changed by the next build. A build of
    // everything may find nothing changed; any build takes each unchanged
    // body's findings from the inventory.
    let whole = options.filter.is_empty();
    let clock = Instant::now();
    if options.out.join(inventory::FILE).is_file() {
        lock = Some(take_lock()?);
    }
    // What earlier builds kept, unless git tracks it (`review::kept`).
    let earlier = Kept::in_out(&options.out);
    let mut looked = look(options, whole, &earlier)?;
    timings.inventory = clock.elapsed();
    if let Some(report) = &looked.unchanged
        && std::env::var_os(VERIFY_INVENTORY).is_none()
    {
        return Ok(as_before(options, report.clone(), started, timings));
    }
    // Where this build holds the lock already, the manifest is read on
    // another core while the repository is loaded and checked.
    let reading = lock.as_ref().map(|_| {
        let kept = earlier.clone();
        std::thread::spawn(move || kept.manifest())
    });
    let (repository, mut warnings, remembered, of_bodies, models) =
        checked_remembering(options, &mut looked, &earlier, &mut timings)?;
    let clock = Instant::now();
    let files = repository.files.clone();
    let renderer = Renderer::new(files.clone())?;
    timings.setup = clock.elapsed();
    // Held in the variable taken first, so that it is let go last: after
    // every temporary file of this build in `out/` (`models`, `staged`)
    // is gone.
    if lock.is_none() {
        lock = Some(take_lock()?);
    }
    let _held = &lock;
    // The models newly loaded wait for the build's end on disk, not in
    // memory.
    if let Some(models) = &models {
        let clock = Instant::now();
        models.stage();
        timings.write += clock.elapsed();
    }
    let mut manifest = match reading {
        Some(reading) => reading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        None => earlier.manifest(),
    };

    // A body's record holds all its documents: a filtered build makes its
    // own.
    let (documents, fingerprints, plan) = plan(
        &repository,
        &renderer,
        &mut manifest,
        options,
        remembered.as_ref().filter(|_| whole),
        &looked.outputs,
        &mut timings,
    );
    if let Some(pdf) = plan.wrongly_vouched.first() {
        return Err(Error::Repository(t!(
            "cmd-build-inventory-pdf",
            out = &options.out,
            pdf = pdf.as_str()
        )));
    }
    // What each body's own work came to, for the inventory.
    let bodies = remembered
        .as_ref()
        .filter(|_| whole)
        .map(|remembered| {
            of_bodies_records(
                remembered,
                &of_bodies,
                &documents,
                &fingerprints,
                &plan,
                &options.out,
            )
        })
        .transpose()?;
    // What the adjusted protokoll to be typeset must print, by their
    // place in the plan: their locks are let go with the model.
    let sealed: BTreeMap<usize, printed::Expected> = plan
        .stale
        .iter()
        .enumerate()
        .filter_map(|(place, &n)| Some((place, printed::expected(&repository, &documents[n])?)))
        .collect();

    let progress = if options.progress && plan.stale.len() >= PROGRESS_THRESHOLD {
        let bar = ProgressBar::new(plan.stale.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    // Typesetting needs one body's model at a time: while it runs, the
    // whole is let go, and the site has it loaded again afterwards.
    let ceilings = Ceilings::of(repository.organisation.limits);
    let organisation = repository.organisation.clone();
    let dirs: Vec<PathBuf> = repository
        .bodies
        .iter()
        .map(|b| b.file.parent().unwrap_or(Path::new("")).to_path_buf())
        .collect();
    // The documents whose data planning did not keep are made again from
    // their bodies loaded again, each of which must be the model planned.
    let clock = Instant::now();
    let digests = if plan.made.len() == plan.stale.len() {
        Vec::new()
    } else {
        digests(&repository, &plan, documents.len())
    };
    timings.data += clock.elapsed();
    // A build of a few documents keeps the model (loading it again would
    // cost more than typesetting them); a large one lets it go.
    let kept = (plan.stale.len() <= KEEP_MODEL_UP_TO).then_some(repository);
    let clock = Instant::now();
    let feed = Feed::new(
        &files,
        &organisation,
        &dirs,
        &documents,
        &options.filter,
        &plan,
        &digests,
    );
    // rsr's peaks before typesetting and while it runs, each on its own:
    // only in the second do the typesetting processes run beside it. What
    // rsr let go by now (the model, in a large build) is given back first,
    // rather than kept resident beside them.
    timings.peak_before = crate::typeset::worker::peak_memory();
    timings.worker_before = crate::typeset::worker::take_worker_peak();
    crate::memory::give_back();
    crate::typeset::worker::reset_peak_memory();
    let to_build: Vec<&Document> = plan.stale.iter().map(|&n| &documents[n]).collect();
    // The site is made for one day, ahead and after.
    let today = crate::sv::today();
    let (results, typesetting, before) = std::thread::scope(|scope| {
        // What the site takes from before the typesetting is made
        // meanwhile: on a core the typesetting leaves free where it
        // typesets fewer documents than there are cores (a one-item
        // change's one or two), else beside it, as it would be after.
        let before = kept.as_ref().filter(|_| whole).map(|repository| {
            let before = Before {
                options,
                repository,
                documents: &documents,
                manifest: &manifest,
                remembered: remembered.as_ref(),
                typeset: &to_build,
                outputs: &looked.outputs,
                today,
                earlier: &earlier,
            };
            scope.spawn(move || before.made())
        });
        let (results, typesetting) = render_all(
            &renderer,
            feed,
            ceilings,
            &options.out,
            options.jobs,
            &progress,
            pool,
        );
        let before = before.map(|made| {
            made.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (results, typesetting, before)
    });
    timings.peak_typesetting = crate::typeset::worker::peak_memory();
    crate::typeset::worker::reset_peak_memory();
    // Theirs is `typesetting.worker_peak`; a worker started from here on
    // (a signed protokoll's record made again) counts beside the rest.
    crate::typeset::worker::take_worker_peak();
    timings.threads = typesetting.threads;
    timings.worker_peak = typesetting.worker_peak;
    // Typst's memory is reused for the model the site needs.
    typst::comemo::evict(0);
    drop(renderer);
    timings.data += typesetting.data;
    timings.typeset_wall = clock.elapsed();
    progress.finish_and_clear();

    let clock = Instant::now();
    let mut staged = Vec::with_capacity(results.len());
    let mut pages = 0;
    let mut built = Vec::with_capacity(results.len());
    let mut changed = Vec::new();
    for (place, (result, document)) in results.into_iter().zip(&to_build).enumerate() {
        let Built {
            file,
            entry,
            layout,
            export,
        } = result.unwrap_or_else(|| {
            Err(Error::Template {
                document: document.output.clone(),
                report: t!("cmd-build-lost"),
            })
        })?;
        if let Some(wanted) = sealed.get(&place)
            && entry.printed.as_ref() != Some(&wanted.hash)
        {
            changed.push(printed::changed(&options.root, wanted));
        }
        staged.push(file);
        pages += entry.pages;
        timings.layout += layout;
        timings.export += export;
        timings
            .per_document
            .push((layout + export).as_secs_f64() * 1000.0);
        // Only a protokoll's printed text is ever compared with a lock; a
        // protokollsutdrag's is what its signed copy's prepared revision
        // records, which the check of a signed utdrag compares.
        let entry = Entry {
            printed: entry.printed.filter(|_| {
                matches!(
                    document.kind,
                    docs::Kind::Protokoll | docs::Kind::Protokollsutdrag
                )
            }),
            ..entry
        };
        manifest.record(&document.output, entry);
        built.push(options.out.join(&document.output));
    }
    // Nothing is written when an adjusted protokoll would say something
    // else than it was sealed with.
    if !changed.is_empty() {
        return Err(Error::Data(changed));
    }
    write::commit(staged)?;
    // The PDFs just put in place, as the next build will find them unless
    // they change: those written well before now need not be read again.
    for document in &to_build {
        manifest.see(&options.out, &document.output);
    }
    // A large build writes its manifest at once: it loads the model again
    // next, and a failure from here on must not cost the next build all
    // these documents. A small one writes it while the site is made.
    let saved = kept.is_none();
    if saved {
        manifest.save(&options.out)?;
    }
    // Once out/ holds new documents, the models newly loaded are kept at
    // once rather than held in memory while the site is made.
    if !to_build.is_empty()
        && let Some(models) = &models
    {
        models.commit();
    }
    timings.write += clock.elapsed();

    let repository = match kept {
        Some(repository) => repository,
        None => {
            let clock = Instant::now();
            let loaded = gate::open(&options.root, Gate::Loaded);
            timings.load += clock.elapsed();
            match loaded {
                Ok(gated) => gated.repository,
                Err(Error::Data(problems)) => {
                    return Err(changed_while_building(&options.root, problems));
                }
                Err(other) => return Err(other),
            }
        }
    };
    // The site lists every document; a filtered build has made only some.
    let clock = Instant::now();
    let everything;
    let all = if options.filter.is_empty() {
        &documents
    } else {
        everything = every_document(&repository, remembered.as_ref(), &options.out)?;
        &everything
    };
    // The signed protokoll that verify against what was built, beside it.
    let copied = signed::copy(&repository, all, &options.out, &mut manifest)?;
    warnings.extend(copied.warnings);
    // What was made while typesetting ran holds unless a signed copy
    // changed.
    let (revisions, as_before, ahead) = match before {
        Some(before) => (
            before.revisions,
            before.as_before.filter(|_| !copied.changed),
            before.site.filter(|_| !copied.changed),
        ),
        None => (revisions(options, &earlier), None, None),
    };
    // Kept for the next build now that the documents are in place.
    let revisions = revisions
        .map(crate::review::git::Found::kept)
        .unwrap_or_default();
    // The meetings whose open data need not be made again; a build that
    // verifies makes it all the same, and fails if it is not so.
    let as_before = match (as_before, remembered.as_ref()) {
        (Some(as_before), _) => as_before,
        (None, Some(remembered)) if whole && !copied.changed => open_data_as_before(
            &repository,
            remembered,
            &to_build,
            &looked.outputs,
            &options.out,
        ),
        (None, _) => BTreeSet::new(),
    };
    let verify = std::env::var_os(VERIFY_INVENTORY).is_some();
    let none = BTreeSet::new();
    let site = std::thread::scope(|scope| {
        // The manifest is written on another core while the site is made,
        // unless it was written already and no signed copy changed it.
        // Entries of documents no longer made stay: a filtered build knows
        // only some, and a stale entry matches no document.
        let saving = scope.spawn(|| {
            if saved && !copied.changed {
                Ok(())
            } else {
                manifest.save(&options.out)
            }
        });
        let site = crate::site::write(
            &repository,
            all,
            &options.out,
            &manifest,
            today,
            &revisions,
            if verify { &none } else { &as_before },
            // Every document of a whole build was found up to date or
            // written by it, and recorded as it was found (`plan`).
            match (whole, verify) {
                (true, false) => crate::site::Present::Seen,
                (true, true) => crate::site::Present::SeenVerified,
                (false, _) => crate::site::Present::Look,
            },
            ahead.as_ref(),
        );
        let saved = saving
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        saved.and(site)
    })?;
    let written: BTreeSet<&PathBuf> = site.changed.iter().collect();
    if let Some(path) = as_before.iter().find(|path| written.contains(path)) {
        // `<body>/<date>.json`: the body's folder name first.
        let body = path.iter().next().unwrap_or_default().to_string_lossy();
        return Err(Error::Repository(t!(
            "cmd-build-inventory-body",
            out = &options.out,
            body = body.as_ref()
        )));
    }
    // What an earlier build made and this one does not (a document or an
    // open data file of a meeting removed, a protokollsutdrag whose § a
    // change moved) is removed from out/ once all else is in place; the
    // manifest, which names it, is written after. What cannot be removed
    // stays in the manifest, for the next build to try again.
    let made: BTreeSet<String> = all.iter().map(|d| manifest::key(&d.output)).collect();
    let crate::site::Written {
        changed: site,
        made: site_made,
    } = site;
    let unmade = manifest.unmade(&made, &site_made);
    let write::Removal { removed, left } = if unmade.is_empty() {
        write::Removal::default()
    } else {
        let both: BTreeSet<String> = made.union(&site_made).cloned().collect();
        write::remove_unmade(&options.out, &unmade, &both)
    };
    let left_paths: BTreeSet<String> = left.iter().map(|(path, _)| path.clone()).collect();
    let forgot = manifest.forget(&unmade, &left_paths, site_made);
    if forgot {
        manifest.save(&options.out)?;
    }
    timings.site = clock.elapsed();
    if whole {
        let clock = Instant::now();
        let report = Report {
            warnings: warnings.iter().map(Warning::of).collect(),
            outputs: documents.iter().map(|d| d.output.clone()).collect(),
            dependencies: files.dependencies(),
        };
        // A build that was to find nothing changed, and did this one anyway
        // (`RSR_VERIFY_INVENTORY`), must have found the same and done nothing.
        if let Some(before) = &looked.unchanged
            && (before != &report || !built.is_empty() || !site.is_empty() || forgot)
        {
            return Err(Error::Repository(t!(
                "cmd-build-inventory-wrong",
                out = &options.out,
                built = built.len(),
                site = site.len() + removed.len()
            )));
        }
        // Where a file could not be removed, no record is kept of `out/`
        // as it is: the next build, even with nothing changed, goes on to
        // remove it.
        if left_paths.is_empty() {
            record(
                options,
                looked,
                &manifest,
                report,
                bodies.unwrap_or_default(),
            )?;
        }
        timings.inventory += clock.elapsed();
    }
    // The bodies' models newly loaded and not yet kept, for the next build.
    if let Some(models) = &models {
        let clock = Instant::now();
        models.commit();
        timings.load += clock.elapsed();
    }
    let outputs = documents
        .iter()
        .map(|d| options.out.join(&d.output))
        .collect();
    let_go((repository, documents, manifest, remembered, fingerprints));
    Ok(Summary {
        warnings,
        outputs,
        built,
        site,
        removed,
        unremoved: left
            .into_iter()
            .map(|(path, why)| (options.out.join(path), why))
            .collect(),
        pages,
        dependencies: files.dependencies(),
        elapsed: started.elapsed(),
        timings,
    })
}

/// The calendars' revisions from the history, where there is one, not yet
/// kept for the next build.
fn revisions(options: &BuildOptions, earlier: &Kept) -> Option<crate::review::git::Found> {
    crate::review::git::meeting_revisions(&options.root, earlier.revisions().as_deref())
}

/// What a whole build that keeps its model can make of its site before
/// the documents it typesets (`typeset`) are: while they are.
struct Before<'a> {
    options: &'a BuildOptions,
    repository: &'a Repository,
    documents: &'a [Document],
    /// As planning left it: what changes it later is only the typeset
    /// documents' entries, and the signed copies (`signed::copy`).
    manifest: &'a Manifest,
    remembered: Option<&'a Remembered>,
    typeset: &'a [&'a Document],
    outputs: &'a Files,
    today: chrono::NaiveDate,
    earlier: &'a Kept,
}

/// What `Before` made.
struct MadeBefore {
    /// Kept (written to `out/`) only once the build's documents are.
    revisions: Option<crate::review::git::Found>,
    /// `open_data_as_before`, where the build has the records for it.
    as_before: Option<BTreeSet<PathBuf>>,
    /// The site's parts made ahead; none where making them failed: the
    /// site, made whole, then tells why.
    site: Option<crate::site::Ahead>,
}

impl Before<'_> {
    fn made(self) -> MadeBefore {
        let found = revisions(self.options, self.earlier);
        let as_before = self.remembered.map(|remembered| {
            open_data_as_before(
                self.repository,
                remembered,
                self.typeset,
                self.outputs,
                &self.options.out,
            )
        });
        let bodies: BTreeSet<&str> = self.typeset.iter().map(|d| d.body.as_str()).collect();
        let site = crate::site::ahead(
            self.repository,
            self.documents,
            &self.options.out,
            self.manifest,
            self.today,
            found
                .as_ref()
                .map_or(&crate::site::ics::Revisions::new(), |f| f.revisions()),
            &bodies,
        )
        .ok();
        MadeBefore {
            revisions: found,
            as_before,
            site,
        }
    }
}

/// Set, a build that finds nothing changed since the last does everything
/// all the same and fails unless it made the same: what the tests set.
pub const VERIFY_INVENTORY: &str = "RSR_VERIFY_INVENTORY";

/// The repository as surveyed before a whole build, and what the last
/// whole build left.
struct Looked {
    /// What the build depends on besides the files (`inventory::context`).
    context: String,
    inputs: Files,
    /// The last build's report, when nothing changed since it.
    unchanged: Option<Report>,
    /// `out/` as the last build left it, whose unchanged files need not be
    /// read again.
    outputs: Files,
    /// Its folders as the last build found them.
    folders: Folders,
    /// Each body's own work as the last build did it.
    bodies: BTreeMap<String, BodyRecord>,
}

/// What decides a build of the repository at `root` now besides its files
/// (`inventory::context`): today, and the commit checked out.
fn context_now(root: &Path) -> String {
    inventory::context(
        crate::sv::today(),
        crate::review::git::head_commit(root).as_deref(),
    )
}

/// Surveys the repository, and for a `whole` build tells whether it and
/// `out/` are as the last whole build left them. What was read whole to
/// tell is recorded at once, so that the next build need not read it.
fn look(options: &BuildOptions, whole: bool, kept: &Kept) -> Result<Looked, Error> {
    let context = context_now(&options.root);
    let nothing = |context| Looked {
        context,
        inputs: Files::new(),
        unchanged: None,
        outputs: Files::new(),
        folders: Folders::new(),
        bodies: BTreeMap::new(),
    };
    // A filtered build records nothing: without an inventory, it has no
    // use for a survey.
    if !whole && !options.out.join(inventory::FILE).is_file() {
        return Ok(nothing(context));
    }
    let (inputs, previous) = survey_decoding(&options.root, kept, |previous, path, now| {
        previous.and_then(|previous| inventory::vouched(&previous.inputs, path, now))
    });
    if !whole && previous.is_none() {
        return Ok(nothing(context));
    }
    let Some(previous) = previous else {
        return Ok(Looked {
            context,
            inputs,
            unchanged: None,
            outputs: Files::new(),
            folders: Folders::new(),
            bodies: BTreeMap::new(),
        });
    };
    let mut unchanged = None;
    let mut found = None;
    if whole
        && !options.force
        && previous.context() == context
        && inventory::same(&inputs, &previous.inputs)
        && previous
            .report
            .warnings
            .iter()
            .all(|w| w.diagnostic().is_some())
    {
        let outputs = inventory::survey(&options.out, &inventory::skip_out, true, &|path, now| {
            inventory::vouched(&previous.outputs, path, now)
        });
        if !inventory::same(&outputs, &previous.outputs) {
            // `out/` as it is now, every file looked at: what the record of
            // this build starts from, so that a file changed in place in a
            // folder nothing was written into is recorded as it is.
            found = Some(outputs);
        } else {
            unchanged = Some(record_unchanged(
                options, &context, &inputs, outputs, &previous,
            )?);
        }
    }
    Ok(Looked {
        context,
        inputs,
        unchanged,
        outputs: found.unwrap_or(previous.outputs),
        folders: previous.folders,
        bodies: previous.bodies,
    })
}

/// What a build that found nothing changed reports: the last report, with
/// the inventory written again when a file had to be read to tell, so that
/// the next build need not read it.
fn record_unchanged(
    options: &BuildOptions,
    context: &str,
    inputs: &Files,
    outputs: Files,
    previous: &Inventory,
) -> Result<Report, Error> {
    let read = |a: &Files, b: &Files| a.values().zip(b.values()).any(|(a, b)| a.seen != b.seen);
    if read(inputs, &previous.inputs) || read(&outputs, &previous.outputs) {
        // The same files in the same folders: the folders as
        // recorded still tell what was in them. Written from what is
        // there, not from a copy of it (the bodies' records of a large
        // repository are some megabytes).
        Inventory::save_surveying(
            &options.out,
            context,
            inputs,
            &previous.report,
            &previous.bodies,
            || (outputs, previous.folders.clone()),
        )?;
    }
    Ok(previous.report.clone())
}

/// What a build found nothing changed in reports: what the last reported.
fn as_before(
    options: &BuildOptions,
    report: Report,
    started: Instant,
    timings: Timings,
) -> Summary {
    Summary {
        warnings: report
            .warnings
            .iter()
            .filter_map(Warning::diagnostic)
            .collect(),
        outputs: report.outputs.iter().map(|o| options.out.join(o)).collect(),
        built: Vec::new(),
        site: Vec::new(),
        removed: Vec::new(),
        unremoved: Vec::new(),
        pages: 0,
        dependencies: report.dependencies,
        elapsed: started.elapsed(),
        timings,
    }
}

/// Records the inventory of a whole build: the repository as surveyed
/// before it, `out/` as it left it, and what it reported. A document in
/// `out/` that is not what the build wrote (changed while it ran) is
/// recorded as such, and so found changed by the next build. Only the
/// folders the build (or anyone) made, removed or renamed files in are
/// looked at file by file (`inventory::survey_since`).
fn record(
    options: &BuildOptions,
    looked: Looked,
    manifest: &Manifest,
    report: Report,
    bodies: BTreeMap<String, BodyRecord>,
) -> Result<(), Error> {
    // `out/` is surveyed while what the build knew before is written.
    let survey = || {
        let (mut outputs, folders) = inventory::survey_since(
            &options.out,
            &inventory::skip_out,
            true,
            &|path, now| {
                manifest
                    .vouched(path, now)
                    .map(|(hash, seen)| inventory::Known {
                        hash,
                        seen: Some(seen),
                    })
                    .or_else(|| inventory::vouched(&looked.outputs, path, now))
            },
            Some((&looked.outputs, &looked.folders)),
        );
        for (path, known) in &mut outputs {
            if manifest
                .written(path)
                .is_some_and(|written| written != known.hash)
            {
                // Without its `Seen`, it is read again by the next build
                // and its folder is listed.
                known.hash = "! not as built".into();
                known.seen = None;
            }
        }
        (outputs, folders)
    };
    let saved = Inventory::save_surveying(
        &options.out,
        &looked.context,
        &looked.inputs,
        &report,
        &bodies,
        survey,
    );
    let_go((looked, report, bodies));
    saved
}

/// Lets `value` go on a thread of its own. A repository's model and
/// records of years take milliseconds to free, which the build need not
/// wait for: `rsr build` (and `rsr check`) ends meanwhile, and `rsr watch`
/// frees them while it waits for the next change.
pub fn let_go<T: Send + 'static>(value: T) {
    // Where no thread can be started, the value goes with the closure,
    // here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// The repository, loaded and checked, with its warnings; its errors, or a
/// filter that names what it does not hold, fail.
fn checked(
    options: &BuildOptions,
    timings: &mut Timings,
) -> Result<(Repository, Vec<Diagnostic>), Error> {
    let clock = Instant::now();
    let loaded = crate::repo::load::load(&options.root);
    timings.load = clock.elapsed();
    let clock = Instant::now();
    let gated = gate::pass(loaded, Gate::Checked)?;
    timings.check = clock.elapsed();
    options.filter.check(&gated.repository)?;
    Ok((gated.repository, gated.diagnostics))
}

/// `checked`, with the inventory: each body whose key
/// (`inventory::body_keys`) is what the last whole build recorded has its
/// rules' findings from there; with those records, and what each body's
/// own rules found.
#[allow(clippy::type_complexity)]
fn checked_remembering(
    options: &BuildOptions,
    looked: &mut Looked,
    kept: &Kept,
    timings: &mut Timings,
) -> Result<
    (
        Repository,
        Vec<Diagnostic>,
        Option<Remembered>,
        gate::OfBodies,
        Option<Models>,
    ),
    Error,
> {
    let clock = Instant::now();
    let models = kept
        .models()
        .then(|| models(&options.out, &looked.inputs))
        .flatten();
    let loaded = load_with(&options.root, &options.out, models.as_ref())?;
    timings.load = clock.elapsed();
    let clock = Instant::now();
    let remembered = loaded.repository.as_ref().map(|repository| {
        remembering(
            repository,
            &looked.context,
            &looked.inputs,
            std::mem::take(&mut looked.bodies),
            options.filter.is_empty(),
        )
    });
    let (gated, of_bodies) = match &remembered {
        Some(remembered) => gate::pass_remembering(loaded, remembered)?,
        None => (
            gate::pass(loaded, Gate::Checked)?,
            gate::OfBodies {
                findings: Vec::new(),
                seals: Vec::new(),
            },
        ),
    };
    timings.check = clock.elapsed();
    options.filter.check(&gated.repository)?;
    Ok((
        gated.repository,
        gated.diagnostics,
        remembered,
        of_bodies,
        models,
    ))
}

/// The models of the bodies a survey of the repository (`inputs`) found,
/// each under the key of its files (`repo::cache`); none without a survey
/// or rsr.yaml, or with a symbolic link outside every meeting's folder,
/// which could lead a body's file elsewhere (`inventory::links_confined`).
/// Verifying (`RSR_VERIFY_INVENTORY`), every body is loaded from its files
/// as well, and a kept model that differs fails the build.
fn models(out: &Path, inputs: &Files) -> Option<Models> {
    let context = &inputs.get(crate::repo::load::ORGANISATION_FILE)?.hash;
    if !inventory::links_confined(inputs) {
        return None;
    }
    let prefix = format!("{}/", crate::repo::load::MEETINGS_DIR);
    // Each body's files are gathered in a list and its map built from the
    // list at once: the survey is nearly in the map's order, and inserting
    // path after path into a map costs far more.
    let mut bodies: BTreeMap<&str, Vec<(PathBuf, String)>> = BTreeMap::new();
    for (path, known) in inputs.range(prefix.clone()..) {
        let Some(rest) = path.strip_prefix(&prefix) else {
            break;
        };
        let body = rest.split('/').next().unwrap_or(rest);
        bodies
            .entry(body)
            .or_default()
            .push((PathBuf::from(path), known.hash.clone()));
    }
    let wanted = bodies
        .into_iter()
        .map(|(body, files)| {
            let dir = Path::new(&prefix).join(body);
            let wanted =
                crate::repo::cache::Wanted::new(context, &dir, files.into_iter().collect());
            (dir, wanted)
        })
        .collect();
    Some(Models::new(
        out,
        wanted,
        std::env::var_os(VERIFY_INVENTORY).is_some(),
    ))
}

/// The repository at `root` surveyed (passing over `out/`) while the last
/// inventory kept there is decoded on another core, and that inventory.
/// The survey asks `known` what it knows of a file, given the inventory
/// or none, only once it has been told what the file system says of every
/// file. The repository's files are timed by the system's clock, not by
/// a stamp: others write them, and a write in progress as a stamp is
/// taken would have times before it (`Stamp`).
fn survey_decoding(
    root: &Path,
    kept: &Kept,
    known: impl Fn(Option<&Inventory>, &str, &Seen) -> Option<inventory::Known> + Sync,
) -> (Files, Option<Inventory>) {
    let decoded: OnceLock<Option<Inventory>> = OnceLock::new();
    let inputs = std::thread::scope(|scope| {
        let decoding = scope.spawn(|| {
            // Should decoding fail by a panic, the survey does not wait
            // for it for ever: it reads every file, and the panic goes on.
            let unblock = Unblock(&decoded);
            let _ = decoded.set(inventory_of(kept));
            drop(unblock);
        });
        let inputs = inventory::survey(
            root,
            &inventory::skip_in(kept.out()),
            false,
            &|path, now| known(decoded.wait().as_ref(), path, now),
        );
        if let Err(panic) = decoding.join() {
            std::panic::resume_unwind(panic);
        }
        inputs
    });
    (inputs, decoded.into_inner().flatten())
}

/// Sets the inventory as none when dropped before it was decoded.
struct Unblock<'a>(&'a OnceLock<Option<Inventory>>);

impl Drop for Unblock<'_> {
    fn drop(&mut self) {
        let _ = self.0.set(None);
    }
}

/// The inventory kept in `out`, unless it is passed over (`Kept`).
fn inventory_of(kept: &Kept) -> Option<Inventory> {
    kept.trusted(inventory::FILE)
        .then(|| Inventory::load(kept.out()))
        .flatten()
}

/// Loads the repository at `root`, each body from its model in `models`
/// where one is kept under its key (`repo::cache`), or from its files.
/// Verifying, a kept model that differs from its files is an error.
pub fn load_with(
    root: &Path,
    out: &Path,
    models: Option<&Models>,
) -> Result<crate::repo::load::Loaded, Error> {
    let loaded = match models {
        Some(models) => crate::repo::load::load_keeping(root, models),
        None => crate::repo::load::load(root),
    };
    if let Some(dir) = models.iter().flat_map(|m| m.differing()).next() {
        return Err(Error::Repository(t!(
            "cmd-build-model-differs",
            out = out,
            body = dir.display().to_string()
        )));
    }
    Ok(loaded)
}

/// A body's folder (`meetings/bmn`), by which its record is kept.
fn folder(body: &Body) -> String {
    crate::output::manifest::key(body.file.parent().unwrap_or(Path::new("")))
}

/// Each body's record of the last whole build (`bodies`), where it holds
/// for `repository` as surveyed (`inputs`) in `context`: its key
/// (`inventory::body_keys`) is the same. Verifying (`RSR_VERIFY_INVENTORY`),
/// the records are only compared with what is made again. A whole
/// build's and `rsr check`'s (`by_meeting`) have the key of each meeting's
/// documents of the bodies whose record does not hold, and what of those
/// the records of last time still hold (`Remembered::by_meeting`).
fn remembering(
    repository: &Repository,
    context: &str,
    inputs: &Files,
    bodies: BTreeMap<String, BodyRecord>,
    by_meeting: bool,
) -> Remembered {
    let dirs: Vec<String> = repository.bodies.iter().map(folder).collect();
    // The contents of the logo each body's documents show, wherever it is.
    let logos: Vec<String> = repository
        .bodies
        .iter()
        .map(|body| {
            docs::logo_of(&repository.organisation, body).map_or_else(String::new, |(file, _)| {
                repository
                    .files
                    .hash(&file, docs::LOGO_LIMIT)
                    .unwrap_or_else(|refused| format!("! {refused}"))
            })
        })
        .collect();
    let (keys, shared) = inventory::body_keys(context, inputs, &dirs, &logos);
    let remembered = Remembered::new(
        keys,
        dirs.clone(),
        bodies,
        std::env::var_os(VERIFY_INVENTORY).is_some(),
    );
    if !by_meeting {
        return remembered;
    }
    remembered.by_meeting(|place| {
        inventory::part_keys(
            &shared,
            inputs,
            &dirs[place],
            &logos[place],
            &repository.bodies[place],
        )
    })
}

/// What `rsr check` takes from the last whole build: the repository as it
/// is now, surveyed as a build surveys it, the inventory in `out` vouching
/// for the files that did not change, so that only those that did are
/// read; the bodies' models kept under the key of their files; and what
/// each body's own rules found, for the bodies whose key is the same
/// (`Recalled::remembered`). Nothing is written.
pub struct Recalled {
    /// `None` where the models are not trusted (`Kept::models`).
    pub models: Option<Models>,
    context: String,
    inputs: Files,
    bodies: BTreeMap<String, BodyRecord>,
}

impl Recalled {
    /// What each body's own rules found last time, where it holds, and
    /// the seal of each meeting whose key is the same, of the bodies whose
    /// record does not. Once: the records are taken.
    pub fn remembered(&mut self, repository: &Repository) -> Remembered {
        let bodies = std::mem::take(&mut self.bodies);
        remembering(repository, &self.context, &self.inputs, bodies, true)
    }
}

/// The last whole build's records in `out`, for the repository at `root` as
/// it is now; none without an inventory to trust (`kept`): `rsr check` then
/// parses every file and runs every rule, as it did before any build.
pub fn recall(root: &Path, kept: &Kept) -> Option<Recalled> {
    let out = kept.out();
    if !(kept.trusted(inventory::FILE) && out.join(inventory::FILE).is_file()) {
        return None;
    }
    let context = context_now(root);
    // The repository as a build surveys it, for the bodies' keys, while
    // the inventory is decoded beside it; but a file the last build did
    // not record is read only under rsr.yaml and meetings/, which the
    // models are made from. Any other (a large file, a folder of build
    // output) is taken as unknown: no body's record then holds, and every
    // rule runs, as before any build. Without an inventory that decodes,
    // nothing is recalled, and each file the survey asks about is taken as
    // unknown rather than read.
    let meetings = format!("{}/", crate::repo::load::MEETINGS_DIR);
    let (inputs, previous) = survey_decoding(root, kept, |previous, path, now| {
        let Some(previous) = previous else {
            return Some(inventory::Known::unknown());
        };
        let unknown = || {
            path != crate::repo::load::ORGANISATION_FILE
                && !path.starts_with(&meetings)
                && !previous.inputs.contains_key(path)
        };
        inventory::vouched(&previous.inputs, path, now)
            .or_else(|| unknown().then(inventory::Known::unknown))
    });
    let previous = previous?;
    let models = kept
        .models()
        .then(|| models(out, &inputs).map(Models::reading_only))
        .flatten();
    Some(Recalled {
        models,
        context,
        inputs,
        bodies: previous.bodies,
    })
}

/// The meetings, by the path of their open data under `out/`
/// (`site::opendata::path`), whose open data in `out/` is as this build
/// would make it: what it is made from is as the last whole build found it
/// (the body's record holds: its files and all it shares with others are
/// as then, on the same day, commit and language; or, of a body whose
/// record does not, the meeting's key is the same, `inventory::part_keys`),
/// none of the meeting's own documents is typeset now, and its file is as
/// the last whole build left it (`outputs`, vouched for by its size, times
/// and inode).
fn open_data_as_before(
    repository: &Repository,
    remembered: &Remembered,
    typeset: &[&Document],
    outputs: &Files,
    out: &Path,
) -> BTreeSet<PathBuf> {
    let typeset: BTreeSet<(&str, chrono::NaiveDate)> = typeset
        .iter()
        .filter(|d| d.kind.spec().scope != docs::Scope::Year)
        .map(|d| (d.body.as_str(), d.date))
        .collect();
    // The meetings whose file may be as before; then each file asked of
    // the file system, a share on each core (a repository of years has a
    // thousand).
    let mut candidates = Vec::new();
    for body in &repository.bodies {
        let Some(place) = remembered.place_of(&folder(body)) else {
            continue;
        };
        let held = remembered.holding(place).is_some();
        for (index, meeting) in body.meetings.iter().enumerate() {
            // The meeting at this place when the keys were made: the
            // repository may have been loaded again since.
            let same_meeting = || {
                remembered
                    .parts(place)
                    .get(index)
                    .is_some_and(|(dir, _)| *dir == crate::output::manifest::key(&meeting.dir))
            };
            if !(held || (same_meeting() && remembered.earlier_holding(place, index).is_some()))
                || typeset.contains(&(body.slug.as_str(), meeting.date()))
            {
                continue;
            }
            candidates.push(crate::site::opendata::path(&body.slug, meeting.date()));
        }
    }
    let shares: Vec<&[PathBuf]> = candidates.chunks(128).collect();
    crate::repo::parallel::each(&shares, |share| {
        share
            .iter()
            .filter(|path| {
                Seen::of(&out.join(path)).is_some_and(|now| {
                    inventory::vouched(outputs, &crate::output::manifest::key(path), &now).is_some()
                })
            })
            .cloned()
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Every document of the repository, without its data, for the site of a
/// filtered build: each body's from its record where that holds (as a
/// whole build plans), the others' made, their data let go as each is
/// made. Verifying, every body's are made, and a record that held but
/// lists other documents fails the build.
fn every_document(
    repository: &Repository,
    remembered: Option<&Remembered>,
    out: &Path,
) -> Result<Vec<Document>, Error> {
    let mut all = Vec::new();
    for body in &repository.bodies {
        // By its folder: the repository may have been loaded again since
        // the records were matched with its bodies.
        let dir = folder(body);
        let place = remembered.and_then(|r| Some((r, r.place_of(&dir)?)));
        if let Some(recorded) = place.and_then(|(r, place)| r.documents(place)) {
            all.extend(recorded.iter().map(|(document, _)| document.clone()));
            continue;
        }
        let start = all.len();
        docs::each_document_of(repository, body, &Filter::default(), |document| {
            all.push(Document {
                data: Vec::new(),
                ..document
            });
        });
        // A record that holds and was not used: verifying.
        if let Some(held) = place.and_then(|(r, place)| r.holding(place))
            && !held.lists(&all[start..])
        {
            return Err(Error::Repository(t!(
                "cmd-build-inventory-body",
                out = out,
                body = dir
            )));
        }
    }
    Ok(all)
}

/// Each body's record for the inventory: its key, what its own rules
/// found, its documents (without their data) with their fingerprints, by
/// meeting. A build that verifies fails here when a record that held, or a
/// meeting's documents whose key held, are not what was made again.
fn of_bodies_records(
    remembered: &Remembered,
    of_bodies: &gate::OfBodies,
    documents: &[Document],
    fingerprints: &[String],
    plan: &Plan,
    out: &Path,
) -> Result<BTreeMap<String, BodyRecord>, Error> {
    let mut records = BTreeMap::new();
    for (place, (dir, key)) in remembered.dirs.iter().zip(&remembered.keys).enumerate() {
        let std::ops::Range { start, end } = plan.range(place, documents.len());
        let parts = match plan.parts.get(place).filter(|counts| !counts.is_empty()) {
            Some(counts) => {
                let keys = remembered.parts(place);
                // The seals the lock rule made or took, by the meeting's
                // place.
                let seals: BTreeMap<usize, &crate::check::seal::Seal> = of_bodies
                    .seals
                    .get(place)
                    .into_iter()
                    .flatten()
                    .map(|(meeting, seal)| (*meeting, seal))
                    .collect();
                let verifying = remembered.verifying();
                let mut parts = Vec::with_capacity(counts.len());
                let mut first = start;
                for (meeting, &count) in counts.iter().enumerate() {
                    let made = &documents[first..first + count];
                    let seal = seals.get(&meeting).copied();
                    if let Some(held) = remembered
                        .earlier_holding(place, meeting)
                        .filter(|_| verifying)
                        && (!held
                            .iter()
                            .map(|(document, print)| (document, print))
                            .eq(made.iter().zip(&fingerprints[first..first + count]))
                            || remembered
                                .seal_holding(place, meeting)
                                .is_some_and(|held| Some(held) != seal))
                    {
                        return Err(Error::Repository(t!(
                            "cmd-build-inventory-body",
                            out = out,
                            body = dir.as_str()
                        )));
                    }
                    // The years' part, after the meetings, has no key.
                    let (dir, key) = keys.get(meeting).cloned().unwrap_or_default();
                    parts.push(Part {
                        dir,
                        key,
                        documents: count,
                        seal: seal.cloned(),
                    });
                    first += count;
                }
                parts
            }
            None => remembered
                .holding(place)
                .map(|held| held.parts.clone())
                .unwrap_or_default(),
        };
        let record = BodyRecord {
            key: key.clone(),
            findings: of_bodies
                .findings
                .get(place)
                .map(|found| found.iter().map(Warning::of).collect())
                .unwrap_or_default(),
            documents: documents[start..end]
                .iter()
                .cloned()
                .zip(fingerprints[start..end].iter().cloned())
                .collect(),
            parts,
        };
        if let Some(held) = remembered.holding(place)
            && *held != record
        {
            return Err(Error::Repository(t!(
                "cmd-build-inventory-body",
                out = out,
                body = dir.as_str()
            )));
        }
        records.insert(dir.clone(), record);
    }
    Ok(records)
}

/// Every document of the build, without its data, and which of them need
/// typesetting: those the manifest does not have up to date. The data of
/// each part of a body (a meeting's documents, or its years') is made,
/// hashed and let go before the thread takes another, so that memory does
/// not grow with the repository; what needs typesetting has it made again,
/// a part at a time, by the threads that typeset.
fn plan(
    repository: &Repository,
    renderer: &Renderer,
    manifest: &mut Manifest,
    options: &BuildOptions,
    remembered: Option<&Remembered>,
    outputs: &Files,
    timings: &mut Timings,
) -> (Vec<Document>, Vec<String>, Plan) {
    // Each body's documents, their fingerprints and their state in out/,
    // made in parallel, a part of a body at a time; a body whose documents
    // the last whole build recorded under the same key has them from there.
    let verify = std::env::var_os(VERIFY_INVENTORY).is_some();
    let wrongly = std::sync::Mutex::new(Vec::new());
    let checked = {
        let manifest: &Manifest = manifest;
        // What the last record of `out/` vouches for: the PDFs a build
        // wrote in its last seconds, seen too soon after their writing for
        // the manifest to vouch for them, are not read again. A build that
        // verifies reads each of them all the same, and fails if one is
        // not what the record says.
        let recorded = |path: &str, now: &Seen| {
            let known = inventory::vouched(outputs, path, now)?;
            if verify
                && std::fs::read(options.out.join(path)).map_or(true, |bytes| {
                    crate::output::manifest::hash(&[&bytes]) != known.hash
                })
            {
                if let Ok(mut wrong) = wrongly.lock() {
                    wrong.push(path.to_string());
                }
                return None;
            }
            Some((known.hash, known.seen?))
        };
        let state = |document: &Document, fingerprint: &str| {
            if options.force {
                (State::Outdated, Told::Seen)
            } else {
                manifest.check(&options.out, &document.output, fingerprint, &recorded)
            }
        };
        // A body whose documents are recorded is one unit of work; any
        // other (changed, or with no record to hold) is one per part: each
        // meeting's documents, then its years'. So every core shares the
        // work of one large body.
        let recorded: Vec<Option<&[(Document, String)]>> = (0..repository.bodies.len())
            .map(|place| remembered.and_then(|r| r.documents(place)))
            .collect();
        let units: Vec<(usize, Option<usize>)> = (0..repository.bodies.len())
            .flat_map(|place| {
                if recorded[place].is_some() {
                    return vec![(place, None)];
                }
                let parts = repository.bodies[place].meetings.len() + 1;
                (0..parts).map(|part| (place, Some(part))).collect()
            })
            .collect();
        // Each body's `docs::unhyphenated`, made once for all its parts;
        // not for a body whose documents are recorded, which has none.
        let names: Vec<Arc<Option<String>>> = (0..repository.bodies.len())
            .map(|place| {
                Arc::new(if recorded[place].is_some() {
                    None
                } else {
                    crate::docs::unhyphenated(&repository.organisation, &repository.bodies[place])
                })
            })
            .collect();
        // Documents to typeset so far, over all bodies.
        let stale = AtomicUsize::new(0);
        crate::repo::parallel::each(&units, |&(place, part)| {
            let clock = Instant::now();
            // A body's documents as recorded, or a meeting's of a body whose
            // record does not hold, where the meeting's key is the same.
            let kept = match part {
                None => recorded[place],
                Some(part) => remembered.and_then(|r| r.earlier(place, part)),
            };
            if let Some(kept) = kept {
                let states = kept
                    .iter()
                    .map(|(document, fingerprint)| {
                        let (state, told) = state(document, fingerprint);
                        (document.clone(), fingerprint.clone(), state, told)
                    })
                    .collect::<Vec<_>>();
                return (place, part, true, states, Duration::ZERO, clock.elapsed());
            }
            let Some(part) = part else {
                return (
                    place,
                    None,
                    false,
                    Vec::new(),
                    Duration::ZERO,
                    clock.elapsed(),
                );
            };
            let body = &repository.bodies[place];
            // A part's documents are made at once (a meeting's, as the
            // threads that typeset make them), and each one's data let go
            // as soon as it is fingerprinted, unless it is kept below.
            let mut states = Vec::new();
            let mut fingerprinting = Duration::ZERO;
            let documents = docs::part_of(repository, body, &names[place], part, &options.filter)
                .unwrap_or_default();
            for mut document in documents {
                let clock = Instant::now();
                let fingerprint = renderer.fingerprint(&document);
                let (state, told) = state(&document, &fingerprint);
                // The data of a document to typeset is kept while there
                // are few in all: the threads that typeset need not make
                // its body's again.
                if state == State::UpToDate
                    || stale.fetch_add(1, Ordering::Relaxed) >= KEEP_MODEL_UP_TO
                {
                    document.data = Vec::new();
                }
                states.push((document, fingerprint, state, told));
                fingerprinting += clock.elapsed();
            }
            (
                place,
                Some(part),
                false,
                states,
                clock.elapsed().saturating_sub(fingerprinting),
                fingerprinting,
            )
        })
    };
    let mut documents: Vec<Document> = Vec::new();
    let mut fingerprints = Vec::new();
    let mut plan = Plan::default();
    for (place, part, kept, states, data, fingerprint) in checked {
        timings.data += data;
        timings.fingerprint += fingerprint;
        // A meeting's part (the years' is the last) made, or taken from
        // a record as a body's whole or on its own; a meeting a filtered
        // build does not want has no documents made.
        let meetings = repository.bodies[place].meetings.len();
        match (part, kept) {
            (None, true) => timings.meetings_kept += meetings,
            (Some(part), true) if part < meetings => timings.meetings_kept += 1,
            (Some(part), false) if part < meetings && !states.is_empty() => {
                timings.meetings_made += 1;
            }
            _ => {}
        }
        // A body's first unit: its documents start here (and those of
        // any body before it that had none).
        while plan.starts.len() <= place {
            plan.starts.push(documents.len());
            plan.parts.push(Vec::new());
        }
        if part.is_some() {
            plan.parts[place].push(states.len());
        }
        for (mut document, fingerprint, state, told) in states {
            if state != State::UpToDate {
                if !document.data.is_empty() {
                    plan.made
                        .insert(documents.len(), std::mem::take(&mut document.data));
                }
                plan.stale.push(documents.len());
            } else {
                match told {
                    Told::Seen => {}
                    // Vouched for by the record of `out/`: the manifest
                    // takes its `Seen`.
                    Told::Recorded(seen) => manifest.adopt(&document.output, seen),
                    // Read whole to tell: seen now, so the next build need
                    // not.
                    Told::Read => manifest.see(&options.out, &document.output),
                }
            }
            documents.push(document);
            fingerprints.push(fingerprint);
        }
    }
    // Made data is used only when it is there for every document to
    // typeset, and there are few of them.
    if plan.stale.len() > KEEP_MODEL_UP_TO || plan.made.len() != plan.stale.len() {
        plan.made.clear();
    }
    plan.wrongly_vouched = wrongly.into_inner().unwrap_or_default();
    (documents, fingerprints, plan)
}

/// The error of a build whose files changed after they were checked: the
/// problems of the changed files, or, without any, where to look.
fn changed_while_building(place: &Path, problems: Vec<Diagnostic>) -> Error {
    if problems.is_empty() {
        Error::Repository(t!("cmd-build-changed", place = place))
    } else {
        Error::Data(problems)
    }
}

/// Writes each document's Typst sources into `dir`, one folder per document
/// named by its output without `.pdf`: what `typst compile --root <folder>
/// <folder>/main.typ` needs to make the same document. Returns how many.
pub fn sources(options: &BuildOptions, dir: &Path) -> Result<usize, Error> {
    let (repository, _) = checked(options, &mut Timings::default())?;
    let renderer = Renderer::new(repository.files.clone())?;
    let mut count = 0;
    for body in &repository.bodies {
        for document in docs::documents_of(&repository, body, &options.filter) {
            let folder = dir.join(document.output.with_extension(""));
            for (name, bytes) in renderer.sources(&document)? {
                let target = folder.join(name);
                write::file_in(dir, &target, &bytes)?;
            }
            count += 1;
        }
    }
    Ok(count)
}

/// A typeset document, staged beside its destination.
struct Built {
    file: Staged,
    /// What the manifest records of it.
    entry: Entry,
    layout: Duration,
    export: Duration,
}

type Outcome = Result<Built, Error>;

/// What `render_all` tells besides the documents.
struct Typesetting {
    /// The threads that typeset, each with its worker process.
    threads: usize,
    /// The time spent making data.
    data: Duration,
    /// The highest peak resident memory of a worker process, in bytes.
    worker_peak: u64,
}

/// Which documents need typesetting, and where each body's begin.
#[derive(Default)]
struct Plan {
    /// The indexes of the documents to typeset, ascending.
    stale: Vec<usize>,
    /// The index of each body's first document.
    starts: Vec<usize>,
    /// How many documents each part of a body has (`docs::part_of`), for
    /// the bodies planned a part at a time; none for those taken whole
    /// from their record.
    parts: Vec<Vec<usize>>,
    /// The data of each document to typeset, by its index, as planning
    /// made it from the model that was checked: kept when there are few
    /// (up to `KEEP_MODEL_UP_TO`) and all of them have it, and otherwise
    /// empty, when the threads that typeset make it again.
    made: BTreeMap<usize, Vec<u8>>,
    /// The PDFs the record of `out/` vouched for with bytes they do not
    /// have, found by a build that verifies (`VERIFY_INVENTORY`): a bug.
    wrongly_vouched: Vec<String>,
}

impl Plan {
    /// The body of the document at `index`, as an index into the
    /// repository's bodies.
    fn body_of(&self, index: usize) -> usize {
        self.starts.partition_point(|&start| start <= index) - 1
    }

    /// The indexes of the documents of the body at `body`, of `count`
    /// documents in all.
    fn range(&self, body: usize, count: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(body).copied().unwrap_or(count);
        let end = self.starts.get(body + 1).copied().unwrap_or(count);
        start..end
    }
}

/// Hands the threads the documents to typeset, in order, with their data:
/// made again for one body at a time, loaded again from its files, a
/// meeting's documents at a time as the threads take them.
struct Feed<'a> {
    files: &'a Arc<Store>,
    organisation: &'a Organisation,
    /// Each body's folder, relative to the root.
    dirs: &'a [PathBuf],
    /// Every document as planned, without its data.
    names: &'a [Document],
    filter: &'a Filter,
    plan: &'a Plan,
    /// Each body's model as planned, by its digest (`cache::digest`):
    /// for those whose documents are made again.
    digests: &'a [Option<[u8; 32]>],
    /// Where in `plan.stale` the next document to hand out is.
    next: usize,
    /// The body whose documents are being made, loaded again.
    current: Option<Current>,
    /// The documents made and not yet taken, with their places in
    /// `plan.stale`.
    ready: VecDeque<(usize, Result<Document, Error>)>,
    /// Time spent loading bodies and making data.
    data: Duration,
}

/// A body loaded again for the documents to typeset, and how far they
/// are made.
struct Current {
    /// Its place among the repository's bodies.
    body: usize,
    repository: Repository,
    /// Its `docs::unhyphenated`, made once for all its parts.
    unhyphenated: Arc<Option<String>>,
    /// The next part of it to make (`docs::part_of`).
    part: usize,
    /// The index in `Feed::names` of the next document made.
    index: usize,
}

/// Each body's digest (`cache::digest`) where it has documents to make
/// again; `None` for the others.
fn digests(repository: &Repository, plan: &Plan, count: usize) -> Vec<Option<[u8; 32]>> {
    let bodies: Vec<usize> = (0..repository.bodies.len()).collect();
    crate::repo::parallel::each(&bodies, |&body| {
        let range = plan.range(body, count);
        let first = plan.stale.partition_point(|&index| index < range.start);
        plan.stale
            .get(first)
            .is_some_and(|index| range.contains(index))
            .then(|| crate::repo::cache::digest(&repository.bodies[body]))
    })
}

impl<'a> Feed<'a> {
    fn new(
        files: &'a Arc<Store>,
        organisation: &'a Organisation,
        dirs: &'a [PathBuf],
        names: &'a [Document],
        filter: &'a Filter,
        plan: &'a Plan,
        digests: &'a [Option<[u8; 32]>],
    ) -> Self {
        Feed {
            files,
            organisation,
            dirs,
            names,
            filter,
            plan,
            digests,
            next: 0,
            current: None,
            ready: VecDeque::new(),
            data: Duration::ZERO,
        }
    }

    /// The next document to typeset and its place in `plan.stale`.
    fn take(&mut self) -> Option<(usize, Result<Document, Error>)> {
        if self.ready.is_empty()
            && let Some(&index) = self.plan.stale.get(self.next)
            && let Some(data) = self.plan.made.get(&index)
        {
            let document = Document {
                data: data.clone(),
                ..self.names[index].clone()
            };
            self.next += 1;
            return Some((self.next - 1, Ok(document)));
        }
        while self.ready.is_empty() {
            let first = *self.plan.stale.get(self.next)?;
            let clock = Instant::now();
            self.make(self.plan.body_of(first));
            self.data += clock.elapsed();
        }
        self.ready.pop_front()
    }

    /// Makes the next part of `body`'s documents, loading it again first
    /// unless it is loaded: those planned, or, for a body changed since
    /// the plan, the failure of all that are left of it.
    fn make(&mut self, body: usize) {
        let std::ops::Range { start, end } = self.plan.range(body, self.names.len());
        if self
            .current
            .as_ref()
            .is_none_or(|current| current.body != body)
        {
            self.current = None;
            // The same model as planned, or none of its documents.
            let loaded =
                crate::repo::load::reload_body(self.files, self.organisation, &self.dirs[body]);
            match loaded {
                Ok(repository)
                    if Some(crate::repo::cache::digest(&repository.bodies[0]))
                        == self.digests.get(body).copied().flatten() =>
                {
                    let unhyphenated = Arc::new(crate::docs::unhyphenated(
                        &repository.organisation,
                        &repository.bodies[0],
                    ));
                    self.current = Some(Current {
                        body,
                        repository,
                        unhyphenated,
                        part: 0,
                        index: start,
                    });
                }
                Ok(_) => return self.fail(body, end, Vec::new()),
                Err(problems) => return self.fail(body, end, problems),
            }
        }
        let Some(current) = self.current.as_mut() else {
            return;
        };
        let made = crate::docs::part_of(
            &current.repository,
            &current.repository.bodies[0],
            &current.unhyphenated,
            current.part,
            self.filter,
        );
        current.part += 1;
        let Some(made) = made else {
            // Fewer documents than planned.
            return self.fail(body, end, Vec::new());
        };
        for document in made {
            let index = current.index;
            current.index += 1;
            if index >= end || self.names[index].output != document.output {
                return self.fail(body, end, Vec::new());
            }
            if self.plan.stale.get(self.next) == Some(&index) {
                self.ready.push_back((self.next, Ok(document)));
                self.next += 1;
            }
        }
    }

    /// Fails each document of the body ending at `end` not yet handed
    /// out: it changed while rsr was building.
    fn fail(&mut self, body: usize, end: usize, problems: Vec<crate::Diagnostic>) {
        self.current = None;
        while let Some(&index) = self.plan.stale.get(self.next)
            && index < end
        {
            let error = changed_while_building(&self.dirs[body], problems.clone());
            self.ready.push_back((self.next, Err(error)));
            self.next += 1;
        }
    }
}

/// Typesets the planned documents on a small pool of threads; results come
/// in the order of `plan.stale` whatever the number of threads, which is
/// returned too, with the time spent making data.
fn render_all(
    renderer: &Renderer,
    feed: Feed,
    ceilings: Ceilings,
    out: &Path,
    jobs: Option<usize>,
    progress: &ProgressBar,
    pool: Option<&Pool>,
) -> (Vec<Option<Outcome>>, Typesetting) {
    let count = feed.plan.stale.len();
    let cores = crate::repo::parallel::threads();
    let workers = jobs.unwrap_or(cores).clamp(1, count.max(1));
    let feed = Mutex::new(feed);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new((0..count).map(|_| None).collect());
    let first = Worker::new(renderer, ceilings);
    let peak = std::sync::atomic::AtomicU64::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let mut worker = match pool {
                Some(pool) => pool.take(&first),
                None => first.sibling(),
            };
            let (feed, results, peak) = (&feed, &results, &peak);
            scope.spawn(move || {
                loop {
                    let next = feed.lock().ok().and_then(|mut feed| feed.take());
                    let Some((place, document)) = next else {
                        break;
                    };
                    let outcome = document.and_then(|document| {
                        progress.set_message(document.output.display().to_string());
                        worker
                            .render(&document)
                            .map(|rendered| (document.output, rendered))
                    });
                    let outcome = outcome.and_then(
                        |(
                            output,
                            Rendered {
                                fingerprint,
                                pdf,
                                pages,
                                printed,
                                places,
                                layout,
                                export,
                            },
                        )| {
                            Ok(Built {
                                file: write::stage_in(out, &out.join(&output), &pdf)?,
                                entry: Entry {
                                    printed: Some(printed),
                                    places,
                                    ..Entry::of(fingerprint, &pdf, pages)
                                },
                                layout,
                                export,
                            })
                        },
                    );
                    let failed = outcome.is_err();
                    if let Ok(mut results) = results.lock() {
                        results[place] = Some(outcome);
                    }
                    progress.inc(1);
                    // A template that loops or grows without end would
                    // most likely do so again: this thread stops.
                    if failed && worker.is_lost() {
                        break;
                    }
                }
                peak.fetch_max(worker.peak(), std::sync::atomic::Ordering::Relaxed);
                if let Some(pool) = pool {
                    pool.keep(worker);
                }
            });
        }
    });
    let data = feed.into_inner().map_or(Duration::ZERO, |feed| feed.data);
    let typesetting = Typesetting {
        threads: workers,
        data,
        worker_peak: peak.into_inner(),
    };
    (results.into_inner().unwrap_or_default(), typesetting)
}

impl Timings {
    /// The breakdown `rsr build --timings` prints.
    pub fn report(&self, total: Duration) -> String {
        let threads = self.threads;
        let total = total.as_secs_f64().max(f64::EPSILON);
        let mut lines = vec![t!(
            "cmd-timings",
            total = decimal(total, 3),
            threads = threads
        )];
        let wall = [
            (t!("cmd-timings-inventory"), self.inventory),
            (t!("cmd-timings-load"), self.load),
            (t!("cmd-timings-check"), self.check),
            (t!("cmd-timings-data"), self.data),
            (t!("cmd-timings-setup"), self.setup),
            (t!("cmd-timings-fingerprint"), self.fingerprint),
            (t!("cmd-timings-typeset"), self.typeset_wall),
            (format!("  {}", t!("cmd-timings-layout")), self.layout),
            (format!("  {}", t!("cmd-timings-export")), self.export),
            (t!("cmd-timings-write"), self.write),
            (t!("cmd-timings-site"), self.site),
        ];
        for (stage, time) in wall {
            let seconds = time.as_secs_f64();
            lines.push(format!(
                "  {stage:50} {:>8} s {:>5} %",
                decimal(seconds, 3),
                decimal(100.0 * seconds / total, 1)
            ));
        }
        // Not where nothing was planned: a build that found nothing changed.
        if self.meetings_made + self.meetings_kept > 0 {
            lines.push(format!(
                "  {}",
                t!(
                    "cmd-timings-meetings",
                    made = self.meetings_made,
                    kept = self.meetings_kept
                )
            ));
        }
        let mut per = self.per_document.clone();
        per.sort_by(f64::total_cmp);
        if !per.is_empty() {
            lines.push(format!(
                "  {}",
                t!(
                    "cmd-timings-per-document",
                    p50 = decimal(percentile(&per, 0.50), 1),
                    p95 = decimal(percentile(&per, 0.95), 1),
                    max = decimal(per[per.len() - 1], 1),
                    count = per.len()
                )
            ));
        }
        let megabytes = |bytes: u64| decimal(bytes as f64 / 1e6, 1);
        // rsr's own peaks: before typesetting, while its processes ran,
        // and after, each with the processes that ran beside it. A
        // build's typesetting processes end with the typesetting (`rsr
        // watch`, which keeps them, prints no timings); a worker another
        // stage starts (a signed protokoll's record) runs one at a time.
        let after = crate::typeset::worker::peak_memory();
        let after_workers = crate::typeset::worker::take_worker_peak();
        let workers = self.worker_peak.saturating_mul(self.threads as u64);
        let own = [self.peak_before, self.peak_typesetting, after]
            .into_iter()
            .flatten()
            .max();
        if let Some(own) = own {
            // Where the system does not measure a span apart, each figure
            // covers the build so far: never less than the span's.
            let typesetting = self.peak_typesetting.unwrap_or(own);
            let at_once = [
                self.peak_before
                    .map(|peak| peak.saturating_add(self.worker_before)),
                Some(typesetting.saturating_add(workers)),
                after.map(|peak| peak.saturating_add(after_workers)),
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(own);
            let line = if self.worker_peak > 0 {
                t!(
                    "cmd-timings-peak-workers",
                    megabytes = megabytes(at_once),
                    own = megabytes(own),
                    typesetting = megabytes(typesetting),
                    threads = self.threads,
                    worker = megabytes(self.worker_peak)
                )
            } else {
                t!("cmd-timings-peak", megabytes = megabytes(at_once))
            };
            lines.push(format!("  {line}"));
        }
        lines.join("\n")
    }
}

/// The value below which a share `p` of the sorted `values` lies (nearest
/// rank).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_changed_after_the_plan_fails_its_documents_instead_of_mixing_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let examples = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(examples.join("rsr.yaml"), root.join("rsr.yaml")).unwrap();
        for entry in walkdir::WalkDir::new(examples.join("meetings/rlg")) {
            let entry = entry.unwrap();
            let target = root.join(entry.path().strip_prefix(examples).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        let options = BuildOptions {
            root: root.to_path_buf(),
            out: root.join("out"),
            filter: Filter::default(),
            jobs: None,
            progress: false,
            force: true,
        };
        let repository = crate::repo::load::load(root).repository.unwrap();
        let renderer = Renderer::new(repository.files.clone()).unwrap();
        let mut manifest = Manifest::load(&options.out);
        let (documents, _, mut plan) = plan(
            &repository,
            &renderer,
            &mut manifest,
            &options,
            None,
            &Files::new(),
            &mut Timings::default(),
        );
        assert_eq!(plan.stale.len(), documents.len());
        // Few documents to typeset: each keeps the data planning made from
        // the model that was checked, whatever the files say by now.
        let kept = plan.made.clone();
        assert_eq!(kept.len(), documents.len());
        // Made a part at a time on both cores, and in the order and with
        // the data of making them one after another.
        let mut expected = Vec::new();
        for body in &repository.bodies {
            docs::each_document_of(&repository, body, &Filter::default(), |d| expected.push(d));
        }
        assert!(repository.bodies[0].meetings.len() > 1, "one part only");
        assert_eq!(
            documents.iter().map(|d| &d.output).collect::<Vec<_>>(),
            expected.iter().map(|d| &d.output).collect::<Vec<_>>()
        );
        for (index, document) in expected.iter().enumerate() {
            assert_eq!(kept[&index], document.data, "{}", document.output.display());
        }
        assert_eq!(plan.starts, [0]);
        // A large build lets them go, and they are made again from the files,
        // a meeting's at a time, from the model as planned.
        plan.made.clear();
        let digests = digests(&repository, &plan, documents.len());
        let dirs = vec![PathBuf::from("meetings/rlg")];
        let feed = || {
            Feed::new(
                &repository.files,
                &repository.organisation,
                &dirs,
                &documents,
                &options.filter,
                &plan,
                &digests,
            )
        };
        // As planned: each document comes with its own name and the data
        // planning made.
        let mut made = feed();
        for (index, document) in documents.iter().enumerate() {
            let (place, taken) = made.take().unwrap();
            let taken = taken.unwrap();
            assert_eq!((place, &taken.output), (index, &document.output));
            assert_eq!(taken.data, kept[&index], "{}", document.output.display());
            // Never more than one meeting's documents made at once.
            assert!(made.ready.len() < 16, "{} made at once", made.ready.len());
        }
        assert!(made.take().is_none());

        // An item's text changed after the plan, the same documents named:
        // none of them is made from the files as they are now.
        let item = root.join("meetings/rlg/2025-11-17/01-upprop.yaml");
        let text = std::fs::read_to_string(&item).unwrap();
        std::fs::write(&item, format!("{text}\n# ändrad\n")).unwrap();
        assert!(
            feed().take().unwrap().1.is_ok(),
            "a comment changes no model"
        );
        std::fs::write(&item, text.replace("rubrik:", "rubrik: Ändrad")).unwrap();
        let (_, changed) = feed().take().unwrap();
        assert!(changed.is_err(), "a changed item was typeset");
        std::fs::write(&item, &text).unwrap();
        assert!(feed().take().unwrap().1.is_ok());

        // A new item after the plan: one more paragraph, one more utdrag.
        std::fs::write(
            root.join("meetings/rlg/2025-11-17/09-ny.yaml"),
            "rubrik: Nytt ärende\nbeslut: Noteras.\n",
        )
        .unwrap();
        let (_, changed) = feed().take().unwrap();
        let Err(error) = changed else {
            panic!("a changed body was typeset");
        };
        assert_eq!(
            error.to_string(),
            "meetings/rlg changed while rsr was building: run rsr build again"
        );

        // With the data kept, every document is as planned, the new item
        // left for the next build to find.
        plan.made = kept;
        let mut feed = Feed::new(
            &repository.files,
            &repository.organisation,
            &dirs,
            &documents,
            &options.filter,
            &plan,
            &digests,
        );
        for (index, document) in documents.iter().enumerate() {
            let (place, made) = feed.take().unwrap();
            let made = made.unwrap();
            assert_eq!((place, &made.output), (index, &document.output));
            assert_eq!(made.data, plan.made[&index]);
            assert!(!made.data.is_empty());
        }
        assert!(feed.take().is_none());
    }

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let values: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.5), 10.0);
        assert_eq!(percentile(&values, 0.95), 19.0);
        assert_eq!(percentile(&[7.0], 0.95), 7.0);
    }
}
