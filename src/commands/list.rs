//! `rsr list`: every meeting and the state of its documents in out/.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::check::gate::{self, Gate};
use crate::check::output;
use crate::cli::args::*;
use crate::error::Error;

pub fn list(root: &Path, args: &ListArgs) -> Result<ExitCode, Error> {
    let gated = gate::open(root, Gate::Reported)?;
    let repository = &gated.repository;
    if gated.diagnostics.iter().any(|d| d.is_error()) {
        eprintln!(
            "{}",
            crate::lang::t!(
                "cmd-list-note",
                summary = output::summary(&gated.diagnostics)
                    .trim_start_matches("rsr check: ")
                    .to_string()
            )
        );
    }
    let out = args.out.clone().unwrap_or_else(|| root.join("out"));
    let listed = crate::build::list::list(repository, &crate::review::kept::Kept::in_out(&out))?;
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        ListFormat::Human => crate::build::list::human(&listed, &mut stdout),
        ListFormat::Json => serde_json::to_writer_pretty(&mut stdout, &listed)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(stdout)),
    };
    match written {
        // `rsr list | head` is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
        _ => Ok(ExitCode::SUCCESS),
    }
}
