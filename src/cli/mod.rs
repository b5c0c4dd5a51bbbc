//! The command line: every argument (`args`), and the one place where
//! errors are printed and mapped to exit codes. `commands` runs what it
//! parses.

pub(crate) mod args;
pub mod help;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};

use crate::check::output;
use crate::error::Error;
pub use args::{Cli, Command};

/// Prints the error and gives the exit code it means.
pub fn report(root: &Path, error: &Error) -> ExitCode {
    if emit_error(root, error, &mut stderr()).is_err() {
        eprintln!("{}: {error}", crate::lang::t!("severity-error"));
    }
    ExitCode::from(error.code())
}

/// Prints the error for a person at a terminal.
pub fn emit_error(root: &Path, error: &Error, out: &mut dyn WriteColor) -> std::io::Result<()> {
    match error {
        Error::Data(diagnostics) => output::emit_all(root, diagnostics, out),
        Error::Template { document, report } => {
            let document = document.display().to_string();
            writeln!(
                out,
                "{}",
                crate::lang::t!("error-could-not-typeset", document = document)
            )?;
            // Typst's reports end with a line break; rsr's own messages
            // (a ceiling met) do not.
            if report.ends_with('\n') {
                write!(out, "{report}")
            } else {
                writeln!(out, "{report}")
            }
        }
        other => writeln!(out, "{}: {other}", crate::lang::t!("severity-error")),
    }
}

/// Standard error, coloured when it is a terminal.
pub fn stderr() -> StandardStream {
    let color = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    StandardStream::stderr(color)
}
