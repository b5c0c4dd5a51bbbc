//! `rsr build`: load, pick the documents, typeset those whose inputs
//! changed in parallel on OS threads, and put the PDFs in place only if
//! every one of them succeeded.
//!
//! A document is up to date, and is not typeset again, when the manifest in
//! `out/` records that its PDF there was made from exactly the inputs it has
//! now (its data and files, the templates, rsr itself) and the PDF has not
//! changed since: content hashes decide, never timestamps.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::check;
use crate::docs::{self, Document, Filter};
use crate::error::Diagnostic;
use crate::error::Error;
use crate::manifest::{Entry, Manifest, State};
use crate::render::{Rendered, Renderer};
use crate::write::{self, Staged};

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
    /// The pages of the documents typeset now.
    pub pages: usize,
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
    /// Turning the model into each document's data.
    pub data: Duration,
    /// Hashing inputs and outputs to find what is up to date.
    pub fingerprint: Duration,
    /// Typst's layout, summed over the threads.
    pub layout: Duration,
    /// Typst's PDF export, summed over the threads.
    pub export: Duration,
    /// Typesetting as the clock on the wall saw it, all threads at once.
    pub typeset_wall: Duration,
    /// Writing the PDFs and the manifest.
    pub write: Duration,
    /// The index, feed, calendars and open data.
    pub site: Duration,
    /// Layout and export of each document typeset, in milliseconds.
    pub per_document: Vec<f64>,
    /// The threads that typeset.
    pub threads: usize,
}

pub fn build(options: &BuildOptions) -> Result<Summary, Error> {
    let started = Instant::now();
    let mut timings = Timings::default();
    let clock = Instant::now();
    let loaded = crate::load::load(&options.root);
    timings.load = clock.elapsed();
    let clock = Instant::now();
    let checked = check::check_loaded(loaded);
    timings.check = clock.elapsed();
    let (Some(repository), 0) = (&checked.repository, checked.errors()) else {
        return Err(Error::Data(checked.diagnostics));
    };
    options.filter.check(repository)?;
    let clock = Instant::now();
    let documents = docs::documents(repository, &options.filter);
    timings.data = clock.elapsed();
    let clock = Instant::now();
    let renderer = Renderer::new(&options.root)?;
    timings.setup = clock.elapsed();
    let mut manifest = Manifest::load(&options.out);

    // What is up to date needs no typesetting.
    let clock = Instant::now();
    let fingerprints: Vec<String> = documents.iter().map(|d| renderer.fingerprint(d)).collect();
    let stale: Vec<usize> = (0..documents.len())
        .filter(|&n| {
            options.force
                || manifest.state(&options.out, &documents[n].output, &fingerprints[n])
                    != State::UpToDate
        })
        .collect();
    timings.fingerprint = clock.elapsed();

    let progress = if options.progress && stale.len() >= PROGRESS_THRESHOLD {
        let bar = ProgressBar::new(stale.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let to_build: Vec<&Document> = stale.iter().map(|&n| &documents[n]).collect();
    let clock = Instant::now();
    let (results, threads) =
        render_all(&renderer, &to_build, &options.out, options.jobs, &progress);
    timings.threads = threads;
    timings.typeset_wall = clock.elapsed();
    progress.finish_and_clear();

    let clock = Instant::now();
    let mut staged = Vec::with_capacity(results.len());
    let mut pages = 0;
    let mut built = Vec::with_capacity(results.len());
    for (result, document) in results.into_iter().zip(&to_build) {
        let Built {
            file,
            entry,
            layout,
            export,
        } = result?;
        staged.push(file);
        pages += entry.pages;
        timings.layout += layout;
        timings.export += export;
        timings
            .per_document
            .push((layout + export).as_secs_f64() * 1000.0);
        manifest.record(&document.output, entry);
        built.push(options.out.join(&document.output));
    }
    write::commit(staged)?;
    // Entries of documents no longer made stay: a filtered build knows only
    // some, and a stale entry matches no document.
    manifest.save(&options.out)?;
    timings.write = clock.elapsed();

    // The site lists every document; a filtered build has made only some.
    let clock = Instant::now();
    let everything;
    let all = if options.filter.is_empty() {
        &documents
    } else {
        everything = docs::documents(repository, &Filter::default());
        &everything
    };
    let site = crate::site::write(
        repository,
        all,
        &options.out,
        &manifest,
        chrono::Local::now().date_naive(),
    )?;
    timings.site = clock.elapsed();
    let outputs = documents
        .iter()
        .map(|d| options.out.join(&d.output))
        .collect();
    Ok(Summary {
        warnings: checked.diagnostics,
        outputs,
        built,
        site,
        pages,
        elapsed: started.elapsed(),
        timings,
    })
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

/// Typesets every document on a small pool of threads; results keep the
/// documents' order whatever the number of threads, which is returned too.
fn render_all(
    renderer: &Renderer,
    documents: &[&Document],
    out: &Path,
    jobs: Option<usize>,
    progress: &ProgressBar,
) -> (Vec<Outcome>, usize) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = jobs.unwrap_or(cores).clamp(1, documents.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> =
        Mutex::new((0..documents.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(document) = documents.get(index) else {
                        break;
                    };
                    progress.set_message(document.output.display().to_string());
                    let outcome = renderer.render(document).and_then(
                        |Rendered {
                             fingerprint,
                             pdf,
                             pages,
                             layout,
                             export,
                         }| {
                            Ok(Built {
                                file: write::stage(&out.join(&document.output), &pdf)?,
                                entry: Entry::of(fingerprint, &pdf, pages),
                                layout,
                                export,
                            })
                        },
                    );
                    if let Ok(mut results) = results.lock() {
                        results[index] = Some(outcome);
                    }
                    progress.inc(1);
                }
            });
        }
    });
    let results = results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    (results, workers)
}

impl Timings {
    /// The breakdown `rsr build --timings` prints.
    pub fn report(&self, total: Duration) -> String {
        let threads = self.threads;
        let total = total.as_secs_f64().max(f64::EPSILON);
        let mut lines = vec![format!(
            "Timings: {:.3} s in all; layout and PDF export are summed over {threads} thread{}",
            total,
            if threads == 1 { "" } else { "s" }
        )];
        let wall = [
            ("load (read and parse the YAML)", self.load),
            ("check (the rules)", self.check),
            ("data (model to template data)", self.data),
            ("setup (fonts and templates)", self.setup),
            ("fingerprints (what is up to date)", self.fingerprint),
            ("typeset (wall clock)", self.typeset_wall),
            ("  layout (Typst, all threads)", self.layout),
            ("  pdf export (Typst, all threads)", self.export),
            ("write (PDFs and manifest)", self.write),
            ("site (index, feed, calendars, open data)", self.site),
        ];
        for (stage, time) in wall {
            let seconds = time.as_secs_f64();
            lines.push(format!(
                "  {stage:42} {seconds:8.3} s {:5.1} %",
                100.0 * seconds / total
            ));
        }
        let mut per = self.per_document.clone();
        per.sort_by(f64::total_cmp);
        if !per.is_empty() {
            lines.push(format!(
                "  per document typeset: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms ({} documents)",
                percentile(&per, 0.50),
                percentile(&per, 0.95),
                per[per.len() - 1],
                per.len()
            ));
        }
        if let Some(peak) = peak_memory() {
            lines.push(format!(
                "  peak memory (resident): {:.1} MB",
                peak as f64 / 1e6
            ));
        }
        lines.join("\n")
    }
}

/// The process's peak resident memory in bytes, where the system tells
/// (Linux's /proc/self/status, VmHWM).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
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
    fn percentiles_take_the_nearest_rank() {
        let values: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.5), 10.0);
        assert_eq!(percentile(&values, 0.95), 19.0);
        assert_eq!(percentile(&[7.0], 0.95), 7.0);
    }
}
