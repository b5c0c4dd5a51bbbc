//! `rsr diff`: what a change does to the documents, as Markdown or JSON.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::args::*;
use crate::error::Error;

pub fn diff(root: &Path, args: &DiffArgs) -> Result<ExitCode, Error> {
    let report = crate::review::diff::diff(root, args.rev.as_deref())?;
    let text = match args.format {
        DiffFormat::Markdown => crate::review::diff::markdown(&report),
        // Plain structs of strings always serialize.
        DiffFormat::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
        _ => Ok(ExitCode::SUCCESS),
    }
}
