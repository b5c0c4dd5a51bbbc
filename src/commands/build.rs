//! `rsr build`: typeset what is stale, write it, print what was built.

use std::path::Path;
use std::process::ExitCode;

use crate::build::{self};
use crate::check::output;
use crate::cli::args::*;
use crate::cli::stderr;
use crate::commands::build_options;
use crate::error::Error;
use crate::lang::t;

pub fn build(root: &Path, command: BuildCommand) -> Result<ExitCode, Error> {
    let args = command.build;
    let options = build_options(root, &args);
    if let Some(dir) = &command.sources {
        let count = build::sources(&options, dir)?;
        crate::cli::say(&t!("cmd-build-sources", count = count, folder = dir));
        return Ok(ExitCode::SUCCESS);
    }
    let summary = build::build(&options)?;
    print_summary(root, &options.out, &summary)?;
    if args.timings {
        eprintln!("{}", summary.timings.report(summary.elapsed));
    }
    Ok(ExitCode::SUCCESS)
}

/// A build's warnings, then what it wrote.
pub fn print_summary(root: &Path, out: &Path, summary: &build::Summary) -> Result<(), Error> {
    let mut stderr = stderr();
    output::emit_all(root, &summary.warnings, &mut stderr).map_err(|e| Error::io("stderr", e))?;
    let count = summary.built.len();
    let unchanged = summary.outputs.len() - count;
    let unchanged = if unchanged > 0 {
        t!("cmd-build-unchanged", count = unchanged)
    } else {
        String::new()
    };
    for written in &summary.built {
        crate::cli::detail(&t!("cmd-build-wrote", file = written));
    }
    crate::cli::say(&t!(
        "cmd-build-built",
        count = count,
        pages = summary.pages,
        seconds = crate::lang::decimal(summary.elapsed.as_secs_f64(), 2),
        out = out,
        unchanged = unchanged
    ));
    if !summary.site.is_empty() {
        crate::cli::say(&t!("cmd-build-site", files = named(&summary.site)));
    }
    if !summary.removed.is_empty() {
        crate::cli::say(&t!("cmd-build-removed", files = named(&summary.removed)));
    }
    // A warning, printed however quiet the run.
    for (file, error) in &summary.unremoved {
        eprintln!("{}", t!("cmd-build-unremoved", file = file, error = error));
    }
    Ok(())
}

/// A few files by name; a large repository's hundreds by number.
fn named(files: &[std::path::PathBuf]) -> String {
    const NAMED: usize = 20;
    let mut named: Vec<String> = files
        .iter()
        .take(NAMED)
        .map(|f| f.display().to_string())
        .collect();
    if files.len() > NAMED {
        named.push(t!("cmd-build-site-more", count = files.len() - NAMED));
    }
    named.join(", ")
}
