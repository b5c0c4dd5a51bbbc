//! One file per subcommand: which gate it needs, what it calls, what it
//! prints. What they share: build options from the arguments, and printing
//! to standard error.

pub(crate) mod arkivera;
pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod init;
pub(crate) mod justera;
pub(crate) mod list;
pub(crate) mod new;
pub(crate) mod publish;
pub(crate) mod schema;
pub(crate) mod signera;
pub(crate) mod verifiera;
pub(crate) mod watch;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::build::BuildOptions;
use crate::cli::args::BuildArgs;
use crate::cli::{Cli, Command, report};
use crate::docs::Filter;
use crate::error::Error;
use crate::lang::{self, Lang};
use crate::repo::load::ORGANISATION_FILE;

pub fn build_options(root: &Path, args: &BuildArgs) -> BuildOptions {
    let args = args.clone();
    BuildOptions {
        root: root.to_path_buf(),
        out: args.out.unwrap_or_else(|| root.join("out")),
        filter: Filter {
            bodies: args.body,
            meetings: args.meeting,
            kinds: args.kind,
            paragraphs: args.paragraph,
        },
        jobs: args.jobs,
        progress: std::io::stderr().is_terminal() && !crate::cli::is_quiet(),
        force: args.force,
    }
}

/// Parses the command line, runs the command and reports the outcome.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args
        .get(1)
        .is_some_and(|arg| arg == crate::typeset::worker::WORKER_ARG)
    {
        return crate::typeset::worker::serve();
    }
    let words: Vec<String> = args
        .iter()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let lang =
        Lang::from_args(&words).unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()));
    lang::set(lang);
    match crate::cli::help::parse(&args, lang) {
        Ok(cli) => run(cli),
        Err(error) => crate::cli::help::refuse(&error, lang),
    }
}

/// Runs a parsed command line. The commands that need no repository (the
/// schemas, the list of rules) run anywhere; the others find theirs first.
pub fn run(cli: Cli) -> ExitCode {
    crate::cli::set_output(crate::cli::Output {
        quiet: cli.quiet,
        verbose: cli.verbose,
        color: cli.color,
    });
    match &cli.command {
        Command::Completions(args) => {
            let mut command = crate::cli::help::command(lang::current());
            clap_complete::generate(args.shell, &mut command, "rsr", &mut std::io::stdout());
            return ExitCode::SUCCESS;
        }
        Command::Man(args) => {
            return match man(args) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => report(Path::new("."), &error),
            };
        }
        Command::Schema(args) => {
            return match schema::schema(args) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => report(Path::new("."), &error),
            };
        }
        Command::Init(args) => {
            return match init::init(args) {
                Ok(code) => code,
                Err(error) => report(Path::new("."), &error),
            };
        }
        Command::Verifiera(args) if args.date.is_none() => {
            let root = cli.root.clone().or_else(|| find_root().ok());
            return match verifiera::verifiera(root.as_deref(), args) {
                Ok(code) => code,
                Err(error) => report(root.as_deref().unwrap_or(Path::new(".")), &error),
            };
        }
        Command::Check(args) if args.list_rules => {
            return match check::list_rules() {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => report(Path::new("."), &error),
            };
        }
        _ => {}
    }
    let root = match cli.root.clone().map(Ok).unwrap_or_else(find_root) {
        Ok(root) => root,
        Err(error) => return report(Path::new("."), &error),
    };
    let outcome = match cli.command {
        Command::Build(args) => build::build(&root, args),
        Command::Check(args) => check::check(&root, &args),
        Command::List(args) => list::list(&root, &args),
        Command::New(command) => new::new(&root, command),
        Command::Justera(args) => justera::justera(&root, &args),
        Command::Diff(args) => diff::diff(&root, &args),
        Command::Signera(args) => signera::signera(&root, &args),
        Command::Verifiera(args) => verifiera::verifiera(Some(&root), &args),
        Command::Watch(args) => watch::watch(&root, args),
        Command::Publish(args) => publish::publish(&root, &args),
        Command::Arkivera(args) => arkivera::arkivera(&root, &args),
        Command::Schema(_) | Command::Init(_) | Command::Completions(_) | Command::Man(_) => {
            Ok(ExitCode::SUCCESS)
        }
    };
    match outcome {
        Ok(code) => code,
        Err(error) => report(&root, &error),
    }
}

/// `rsr man`: the manual page of rsr on standard output, or one page per
/// command into a folder; in the language of the run.
fn man(args: &crate::cli::args::ManArgs) -> Result<(), Error> {
    let command = crate::cli::help::command(lang::current());
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            man_pages(&command, dir)
        }
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(command)
                .render(&mut out)
                .map_err(|e| Error::io("stdout", e))
        }
    }
}

/// Writes `command`'s page and its subcommands' (`rsr-new-meeting.1`), but
/// not those of the `help` subcommand, which repeat them.
fn man_pages(command: &clap::Command, dir: &Path) -> Result<(), Error> {
    clap_mangen::Man::new(command.clone())
        .generate_to(dir)
        .map_err(|e| Error::io(dir, e))?;
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help" && !sub.is_hide_set())
    {
        man_pages(sub, dir)?;
    }
    Ok(())
}

/// The nearest folder from the working directory upwards holding rsr.yaml.
fn find_root() -> Result<PathBuf, Error> {
    let here = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    here.ancestors()
        .find(|dir| dir.join(ORGANISATION_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::Usage(crate::lang::t!("cmd-no-root", file = ORGANISATION_FILE)))
}
