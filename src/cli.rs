//! The command line: clap definitions, dispatch to one function per command,
//! and the single place where errors are printed and mapped to exit codes.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::build::{self, BuildOptions};
use crate::docs::{Filter, Kind};
use crate::error::Error;
use crate::load::ORGANISATION_FILE;

/// Formal meeting documents for Swedish regions, municipalities and joint
/// bodies, from a git repository of YAML files.
///
/// The repository holds `rsr.yaml` (the organisation and its persons),
/// `meetings/<body>/body.yaml` (a body and its members) and
/// `meetings/<body>/<YYYY-MM-DD>/` (one meeting: meeting.yaml and one file
/// per agenda item, in file-name order).
#[derive(Debug, Parser)]
#[command(name = "rsr", version, propagate_version = true)]
pub struct Cli {
    /// The repository root; by default the nearest folder upwards that holds rsr.yaml.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Typeset the kallelse and protokoll of every meeting whose status allows it.
    ///
    /// A kallelse is built from status `kallad` on, a protokoll once the
    /// meeting is `genomförd` or `justerad`. PDFs go to
    /// `out/<body>/<YYYY-MM-DD>-<kind>.pdf`; if any document fails, none is
    /// replaced.
    #[command(after_long_help = BUILD_EXAMPLES)]
    Build(BuildArgs),
}

const BUILD_EXAMPLES: &str = "\
Examples:
  rsr build                                  every document
  rsr build --body rlg --kind protokoll      one body's protokoll
  rsr build --meeting 2025-11-17 --out pdf   one meeting, into ./pdf";

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Only this body (its folder name or short name); repeatable.
    #[arg(long, value_name = "BODY")]
    pub body: Vec<String>,
    /// Only the meeting of this date (YYYY-MM-DD); repeatable.
    #[arg(long, value_name = "DATE")]
    pub meeting: Vec<NaiveDate>,
    /// Only this kind of document; repeatable.
    #[arg(long, value_enum)]
    pub kind: Vec<Kind>,
    /// Where to write the PDFs [default: <root>/out].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Documents typeset at once [default: the number of cores].
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Parses the command line, runs the command and reports the outcome.
pub fn main() -> ExitCode {
    run(Cli::parse())
}

pub fn run(cli: Cli) -> ExitCode {
    let root = match cli.root.clone().map(Ok).unwrap_or_else(find_root) {
        Ok(root) => root,
        Err(error) => return report(Path::new("."), &error),
    };
    let outcome = match cli.command {
        Command::Build(args) => build(&root, args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report(&root, &error),
    }
}

fn build(root: &Path, args: BuildArgs) -> Result<(), Error> {
    let options = BuildOptions {
        root: root.to_path_buf(),
        out: args.out.unwrap_or_else(|| root.join("out")),
        filter: Filter {
            bodies: args.body,
            meetings: args.meeting,
            kinds: args.kind,
        },
        jobs: args.jobs,
        progress: std::io::stderr().is_terminal(),
    };
    let summary = build::build(&options)?;
    let count = summary.outputs.len();
    let documents = if count == 1 { "document" } else { "documents" };
    let pages = if summary.pages == 1 { "page" } else { "pages" };
    eprintln!(
        "Built {count} {documents} ({} {pages}) in {:.2} s into {}",
        summary.pages,
        summary.elapsed.as_secs_f64(),
        options.out.display()
    );
    Ok(())
}

/// The nearest folder from the working directory upwards holding rsr.yaml.
fn find_root() -> Result<PathBuf, Error> {
    let here = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    here.ancestors()
        .find(|dir| dir.join(ORGANISATION_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::Usage(format!("no {ORGANISATION_FILE} here or in any parent folder: run rsr inside a meeting repository or pass --root")))
}

fn report(root: &Path, error: &Error) -> ExitCode {
    let color = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut stderr = StandardStream::stderr(color);
    if error.emit(root, &mut stderr).is_err() {
        eprintln!("error: {error}");
    }
    ExitCode::FAILURE
}
