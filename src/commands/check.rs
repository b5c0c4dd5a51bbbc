//! `rsr check`: every rule over the repository, reported in one of four formats.

use std::path::Path;
use std::process::ExitCode;

use crate::check::output::Format;
use crate::check::{self, output};
use crate::cli::args::*;
use crate::cli::stderr;
use crate::error::Error;

pub fn check(root: &Path, args: &CheckArgs) -> Result<ExitCode, Error> {
    if args.list_rules {
        for rule in check::LOAD_RULES.iter().chain(check::RULES) {
            let severity = match rule.severity {
                crate::error::Severity::Error => "error",
                crate::error::Severity::Warning => "warning",
            };
            println!("{:28} {severity:8} {}", rule.id, rule.what);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let checked = check::check(root);
    let diagnostics = &checked.diagnostics;
    let written = match args.format {
        Format::Human => output::human(root, diagnostics, &mut stderr()),
        Format::Json => output::json(diagnostics, &mut std::io::stdout().lock()),
        Format::Github => output::github(diagnostics, &mut std::io::stdout().lock()),
        Format::Gitlab => output::gitlab(diagnostics, &mut std::io::stdout().lock()),
    };
    written.map_err(|e| Error::io("output", e))?;
    let failed = checked.errors() > 0 || (args.deny_warnings && checked.warnings() > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
