//! `rsr watch`: build, then rebuild what each saved file affects.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::build::{self, BuildOptions};
use crate::cli::args::*;
use crate::cli::{emit_error, stderr};
use crate::commands::build::print_summary;
use crate::commands::build_options;
use crate::error::Error;
use crate::lang::t;

pub fn watch(root: &Path, args: WatchArgs) -> Result<ExitCode, Error> {
    let options = build_options(root, &args.build);
    let mut open = args.open;
    crate::build::watch::watch(&options, |event| match event {
        crate::build::watch::Event::Built { changed, result } => {
            if let Err(error) = show_rebuild(root, &options, changed, result, &mut open) {
                eprintln!("{}: {error}", t!("severity-error"));
            }
        }
        crate::build::watch::Event::Waiting => {
            crate::cli::say(&t!("cmd-watch-waiting", folder = root));
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// One build of `rsr watch`: what set it off, then what it wrote or the
/// problems that stopped it. The first that succeeds opens a document if
/// `open` asks for it.
fn show_rebuild(
    root: &Path,
    options: &BuildOptions,
    changed: &[PathBuf],
    result: &Result<build::Summary, Error>,
    open: &mut bool,
) -> Result<(), Error> {
    let now = chrono::Local::now().format("%H:%M:%S");
    if changed.is_empty() {
        crate::cli::say(&format!("[{now}] {}", t!("cmd-watch-building")));
    } else {
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        crate::cli::say(&format!(
            "[{now}] {}",
            t!("cmd-watch-changed", files = names.join(", "))
        ));
    }
    let summary = match result {
        Ok(summary) => summary,
        Err(error) => {
            return emit_error(root, error, &mut stderr()).map_err(|e| Error::io("stderr", e));
        }
    };
    print_summary(root, &options.out, summary)?;
    if !changed.is_empty() {
        for output in &summary.built {
            let name = output.strip_prefix(&options.out).unwrap_or(output);
            crate::cli::say(&format!("  {}", name.display()));
        }
    }
    if std::mem::take(open) {
        let first = if options.filter.is_empty() {
            options.out.join("index.html")
        } else {
            summary.outputs.first().cloned().unwrap_or_default()
        };
        if let Err(e) = opener::open(&first) {
            eprintln!(
                "{}: {}",
                t!("severity-warning"),
                t!(
                    "cmd-watch-cannot-open",
                    file = &first,
                    error = e.to_string()
                )
            );
        }
    }
    Ok(())
}
