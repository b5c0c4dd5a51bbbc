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

/// How much rsr says besides its results, and whether in colour: the
/// global `--quiet`, `--verbose` and `--color`, set once per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    pub quiet: bool,
    pub verbose: bool,
    pub color: args::Color,
}

static OUTPUT: std::sync::OnceLock<Output> = std::sync::OnceLock::new();

/// Sets how this run prints; the first setting holds.
pub fn set_output(output: Output) {
    let _ = OUTPUT.set(output);
}

fn output() -> Output {
    OUTPUT.get().copied().unwrap_or(Output {
        quiet: false,
        verbose: false,
        color: args::Color::Auto,
    })
}

/// Whether `--quiet` asked for warnings and errors only.
pub fn is_quiet() -> bool {
    output().quiet
}

/// Prints what a command did (written, created, published), unless
/// `--quiet`.
pub fn say(text: &str) {
    if !output().quiet {
        eprintln!("{text}");
    }
}

/// Prints a detail only `--verbose` asks for.
pub fn detail(text: &str) {
    if output().verbose {
        eprintln!("{text}");
    }
}

/// Standard error, coloured as `--color` says: by default when it is a
/// terminal and NO_COLOR is not set.
pub fn stderr() -> StandardStream {
    let color = match output().color {
        args::Color::Always => ColorChoice::Always,
        args::Color::Never => ColorChoice::Never,
        args::Color::Auto if std::io::stderr().is_terminal() => ColorChoice::Auto,
        args::Color::Auto => ColorChoice::Never,
    };
    StandardStream::stderr(color)
}
