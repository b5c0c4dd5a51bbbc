//! `rsr build`: load, pick the documents, typeset them in parallel on OS
//! threads, and put the PDFs in place only if every one of them succeeded.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::check;
use crate::docs::{self, Document, Filter};
use crate::error::Diagnostic;
use crate::error::Error;
use crate::manifest::{self, Manifest};
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
}

/// What a build produced.
#[derive(Debug)]
pub struct Summary {
    /// The warnings `rsr check` found; errors stop the build before this.
    pub warnings: Vec<Diagnostic>,
    pub outputs: Vec<PathBuf>,
    /// Site files (index.html, feed.xml, calendars) that changed and were
    /// rewritten, relative to the output folder.
    pub site: Vec<PathBuf>,
    pub pages: usize,
    pub elapsed: Duration,
}

pub fn build(options: &BuildOptions) -> Result<Summary, Error> {
    let started = Instant::now();
    let checked = check::check(&options.root);
    let (Some(repository), 0) = (&checked.repository, checked.errors()) else {
        return Err(Error::Data(checked.diagnostics));
    };
    options.filter.check(repository)?;
    let documents = docs::documents(repository, &options.filter);
    let renderer = Renderer::new(&options.root)?;

    let progress = if options.progress && documents.len() >= PROGRESS_THRESHOLD {
        let bar = ProgressBar::new(documents.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let results = render_all(&renderer, &documents, &options.out, options.jobs, &progress);
    progress.finish_and_clear();

    let mut staged = Vec::with_capacity(results.len());
    let mut pages = 0;
    let mut manifest = Manifest::load(&options.out);
    for (result, document) in results.into_iter().zip(&documents) {
        let Built {
            file,
            pages: count,
            input,
            pdf,
        } = result?;
        staged.push(file);
        pages += count;
        manifest.record(&document.output, input, pdf, count);
    }
    write::commit(staged)?;
    manifest.save(&options.out)?;
    // The site lists every document; a filtered build has made only some.
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
    let outputs = documents
        .iter()
        .map(|d| options.out.join(&d.output))
        .collect();
    Ok(Summary {
        warnings: checked.diagnostics,
        outputs,
        site,
        pages,
        elapsed: started.elapsed(),
    })
}

/// A typeset document, staged beside its destination.
struct Built {
    file: Staged,
    pages: usize,
    /// The hashes of its inputs and of the PDF's bytes, for the manifest.
    input: String,
    pdf: String,
}

type Outcome = Result<Built, Error>;

/// Typesets every document on a small pool of threads; results keep the
/// documents' order whatever the number of threads.
fn render_all(
    renderer: &Renderer,
    documents: &[Document],
    out: &std::path::Path,
    jobs: Option<usize>,
    progress: &ProgressBar,
) -> Vec<Outcome> {
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
                         }| {
                            Ok(Built {
                                file: write::stage(&out.join(&document.output), &pdf)?,
                                pages,
                                input: fingerprint,
                                pdf: manifest::hash(&[&pdf]),
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
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}
