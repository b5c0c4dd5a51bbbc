//! `rsr arkivera`: an information package of adjusted meetings for the
//! e-archive.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use crate::archive;
use crate::build::BuildOptions;
use crate::check::gate::{self, Gate};
use crate::cli::args::*;
use crate::error::Error;
use crate::lang::t;

pub fn arkivera(root: &Path, args: &ArkiveraArgs) -> Result<ExitCode, Error> {
    let out = args.out.clone().unwrap_or_else(|| root.join("out"));
    let dir = args.dir.clone().unwrap_or_else(|| out.join("arkiv"));
    // Which meetings: refused before anything is typeset.
    let gated = gate::open(root, Gate::Checked)?;
    let repository = &gated.repository;
    let body = repository.body(&args.body).map_err(Error::Usage)?;
    let chosen = archive::choose(body, args.period)?;
    // The documents as the data gives them now; what out/ has up to date
    // is left as it is.
    let summary = crate::build::build(&BuildOptions {
        root: root.to_path_buf(),
        out: out.clone(),
        filter: archive::filter(&chosen),
        jobs: None,
        progress: std::io::stderr().is_terminal() && !crate::cli::is_quiet(),
        force: false,
    })?;
    crate::commands::build::print_summary(root, &out, &summary)?;
    // The package from the model checked above: the build has typeset it
    // (a PDF in out/ that is not what the build recorded is refused).
    let package = archive::package(repository, &chosen, &out)?;
    for warning in &package.warnings {
        crate::cli::say(&t!("cmd-archive-warning", text = warning.as_str()));
    }
    for left_out in &chosen.left_out {
        crate::cli::say(&t!("cmd-archive-left-out", text = left_out.as_str()));
    }
    let (folder, zip) = archive::write(&package, &dir)?;
    let bytes: usize = package.files.values().map(Vec::len).sum();
    crate::cli::say(&t!(
        "cmd-archived",
        meetings = chosen.meetings.len(),
        label = chosen.label.as_str(),
        files = package.files.len(),
        megabytes = crate::lang::decimal(bytes as f64 / 1_000_000.0, 1),
        folder = &folder,
        zip = &zip
    ));
    Ok(ExitCode::SUCCESS)
}
