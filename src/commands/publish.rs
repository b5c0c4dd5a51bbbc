//! `rsr publish`: copy what may be published from out/ into a folder.

use std::path::Path;
use std::process::ExitCode;

use crate::check::gate::{self, Gate};
use crate::cli::args::*;
use crate::docs::Filter;
use crate::error::Error;

pub fn publish(root: &Path, args: &PublishArgs) -> Result<ExitCode, Error> {
    let gated = gate::open(root, Gate::Checked)?;
    let repository = &gated.repository;
    let out = args.out.clone().unwrap_or_else(|| root.join("out"));
    let documents = crate::docs::documents(repository, &Filter::default());
    // What the build recorded, unless git tracks it (`review::kept`).
    let manifest = crate::review::kept::Kept::in_out(&out).manifest();
    let today = crate::sv::today();
    let count = crate::site::publish(
        repository,
        &documents,
        &out,
        &manifest,
        today,
        &args.dir,
        args.drafts,
    )?;
    crate::cli::say(&crate::lang::t!(
        "cmd-published",
        count = count,
        folder = &args.dir
    ));
    Ok(ExitCode::SUCCESS)
}
