//! `rsr check`: every rule over the repository, reported in one of four
//! formats. It passes no gate: finding what is wrong is its job.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::check::output::{self, Format};
use crate::check::{self};
use crate::cli::args::CheckArgs;
use crate::cli::stderr;
use crate::error::{Error, Severity, exit};

pub fn check(root: &Path, args: &CheckArgs) -> Result<ExitCode, Error> {
    // What git's history says of the seals, asked on another core (a dozen
    // runs of git) while the repository is surveyed and loaded.
    let asking = {
        let root = root.to_path_buf();
        std::thread::spawn(move || crate::review::git::history(&root))
    };
    // Each body none of whose files changed since the last build is decoded
    // from the model that build kept, rather than parsed again, and what
    // its own rules found then is taken as found, rather than found again
    // (the rules over the whole repository and git's history run all the
    // same); rsr check keeps nothing itself. What git tracks there is
    // passed over (`review::kept`).
    let out = root.join("out");
    let kept = crate::review::kept::Kept::in_out(&out);
    // The manifest (what the adjusted protokoll printed when built) is
    // read on another core while the repository is loaded and checked.
    let reading = {
        let kept = kept.clone();
        std::thread::spawn(move || kept.manifest())
    };
    let mut recalled = crate::build::recall(root, &kept);
    let models = recalled.as_ref().and_then(|r| r.models.as_ref());
    let loaded = crate::build::load_with(root, &out, models)?;
    let remembered = recalled
        .as_mut()
        .zip(loaded.repository.as_ref())
        .map(|(recalled, repository)| recalled.remembered(repository));
    let history = asking
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let mut checked = check::check_loaded_with(
        loaded,
        history.as_ref(),
        remembered.as_ref().map(|r| r as check::Remembered),
    );
    // Verifying (`RSR_VERIFY_INVENTORY`), every body's rules ran, and a
    // body whose record held must have found what it says, a meeting whose
    // seal it held must have that seal.
    let differing = remembered.as_ref().and_then(|r| {
        let findings = r
            .differing_findings(&checked.of_bodies)
            .map(|dir| crate::lang::t!("cmd-check-inventory-findings", out = &out, body = dir));
        findings.or_else(|| {
            let seal = r.differing_seal(&checked.seals)?;
            Some(crate::lang::t!(
                "cmd-check-inventory-seal",
                out = &out,
                meeting = seal
            ))
        })
    });
    if let Some(differing) = differing {
        return Err(Error::Repository(differing));
    }
    // What the adjusted protokoll print, and what their signed copies say,
    // where the data rules could run. Both may typeset; a repository whose
    // data has errors may not typeset at all (a logo that is no image), and
    // then its errors are the finding: once they are mended, the next run
    // compares the printed text.
    if let Some(repository) = &checked.repository {
        let data_errors = checked.errors() > 0;
        let manifest = reading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let changed = match crate::review::printed::verify(repository, Some(&manifest)) {
            Ok(changed) => changed,
            Err(_) if data_errors => Vec::new(),
            Err(error) => return Err(error),
        };
        checked.diagnostics.extend(
            changed
                .iter()
                .map(|expected| crate::review::printed::changed(root, expected)),
        );
        // What the signed protokoll in the meeting folders say.
        match crate::review::sign::diagnostics(repository, Some(&manifest), chrono::Utc::now()) {
            Ok(found) => checked.diagnostics.extend(found),
            Err(_) if data_errors => {}
            Err(error) => return Err(error),
        }
        checked
            .diagnostics
            .sort_by(|a, b| a.loc.cmp(&b.loc).then(a.rule.cmp(b.rule)));
        crate::build::let_go(manifest);
    }
    let diagnostics = &checked.diagnostics;
    let written = match args.format {
        Format::Human => output::human(root, diagnostics, &mut stderr()),
        Format::Json => output::json(diagnostics, &mut std::io::stdout().lock()),
        Format::Github => output::github(diagnostics, &mut std::io::stdout().lock()),
        Format::Gitlab => output::gitlab(diagnostics, &mut std::io::stdout().lock()),
    };
    written.map_err(|e| Error::io("output", e))?;
    let failed = checked.errors() > 0 || (args.deny_warnings && checked.warnings() > 0);
    // The model and the records of a repository of years take milliseconds
    // to free, which rsr check need not wait for.
    crate::build::let_go((checked, remembered, recalled));
    Ok(ExitCode::from(if failed {
        exit::DATA
    } else {
        exit::SUCCESS
    }))
}

/// `rsr check --list-rules`: each rule's id, default severity and what it
/// guards against; it needs no repository. `| head` is not an error.
pub fn list_rules() -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    for rule in check::LOAD_RULES.iter().chain(check::RULES) {
        let severity = match rule.severity {
            Severity::Error => crate::lang::t!("severity-error"),
            Severity::Warning => crate::lang::t!("severity-warning"),
        };
        match writeln!(stdout, "{:28} {severity:8} {}", rule.id, rule.what()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            written => written.map_err(|e| Error::io("stdout", e))?,
        }
    }
    Ok(())
}
