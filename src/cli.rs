//! The command line: clap definitions, dispatch to one function per command,
//! and the single place where errors are printed and mapped to exit codes.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::build::{self, BuildOptions};
use crate::check::{self, output, output::Format};
use crate::docs::{Filter, Kind};
use crate::error::Error;
use crate::load::ORGANISATION_FILE;
use crate::schema::{self, FileKind};

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
    /// Typeset every document that the meetings' statuses allow.
    ///
    /// A kallelse is built from status `kallad` on (a draft marked UTKAST
    /// while `planerad`), a protokoll once the meeting is `genomförd` (a
    /// draft until `justerad`), a protokollsutdrag per paragraph once it is
    /// `justerad`. PDFs go to `out/<body>/<YYYY-MM-DD>-<kind>.pdf` (utdrag:
    /// `…-protokollsutdrag-<§>.pdf`); if any document fails, none is
    /// replaced. The site beside them (index.html, feed.xml, kalender.ics
    /// per body and for all, and each meeting's open data as
    /// `<body>/<YYYY-MM-DD>.json`) links every document that may be
    /// published; `rsr publish` copies just that for the web.
    #[command(after_long_help = BUILD_EXAMPLES)]
    Build(BuildCommand),
    /// Check every file against every rule and report all problems at once.
    ///
    /// Each problem names its file, line and column, the rule it breaks, what
    /// was found and what was expected. The exit code is 1 when there is an
    /// error (or, with --deny-warnings, a warning). `rsr build` runs the same
    /// checks first and builds nothing when there is an error. A body can set
    /// rules to off, warning or error under `regler:` in its body.yaml.
    #[command(after_long_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Scaffold a meeting or an agenda item.
    #[command(subcommand, after_long_help = NEW_EXAMPLES)]
    New(NewCommand),
    /// List every meeting: body, date, status, items, paragraphs, and
    /// whether each of its documents in out/ is up to date.
    ///
    /// A document is up to date when `rsr build` wrote it from the data and
    /// templates the repository holds now and the file has not changed since
    /// (judged by content hashes kept in out/.rsr.manifest.json, not by
    /// timestamps); outdated when either differs; missing when not built.
    #[command(after_long_help = LIST_EXAMPLES)]
    List(ListArgs),
    /// Mark a held meeting as adjusted (justerad) and seal its protokoll.
    ///
    /// Sets `status: justerad` and the justering's date in meeting.yaml and
    /// writes justering.lock beside it: a hash of everything the protokoll
    /// shows, the adjusters, the date and the commit checked out. From then
    /// on `rsr check` fails if the protokoll's content changes, unless the
    /// change is recorded under `rättelser:` in meeting.yaml; run
    /// `rsr justera` again to seal the corrected protokoll, which shows the
    /// rättelse. The meeting must pass `rsr check`; on any failure
    /// meeting.yaml is left as it was.
    #[command(after_long_help = JUSTERA_EXAMPLES)]
    Justera(JusteraArgs),
    /// Show which documents change between a git revision and the working
    /// tree, as Markdown for a pull-request comment.
    ///
    /// Both sides are loaded and turned into documents the way `rsr build`
    /// does (the revision's files come from `git archive`); a document is
    /// listed when the data its template receives, or a file it carries,
    /// differs. For each: the meeting's fields and the items (paragraphs)
    /// added, removed or edited, with a word-level diff of the text, and a
    /// warning when an adjusted protokoll is touched. The text of a
    /// confidential item is never shown. No PDF is typeset.
    #[command(after_long_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),
    /// Copy what may be published from out/ into an empty folder, for a
    /// web server or Pages.
    ///
    /// The site (index.html, feed.xml, the calendars, each meeting's open
    /// data) and the documents it links: never a draft (UTKAST), the
    /// internal protokoll of a meeting with confidential items, or the utdrag
    /// of a confidential paragraph, all of which out/ holds for the
    /// secretary. Run `rsr build` first.
    #[command(after_long_help = PUBLISH_EXAMPLES)]
    Publish(PublishArgs),
    /// Build, then rebuild whenever a file is saved, until stopped (Ctrl-C).
    ///
    /// Changes are gathered for a quarter of a second and rebuilt by what
    /// they affect: an item or meeting.yaml rebuilds that meeting's
    /// documents and those of the body's later meetings that year (their §
    /// numbers follow), a body.yaml the body, rsr.yaml or templates/
    /// everything; out/, .git/ and other files are ignored. Each rebuild
    /// prints what it wrote, or the problems that stopped it, and watching
    /// goes on. Takes the same options as `rsr build`; with a filter, every
    /// change rebuilds just that.
    #[command(after_long_help = WATCH_EXAMPLES)]
    Watch(WatchArgs),
    /// Print the JSON Schema of a kind of YAML file, for editors.
    ///
    /// With VS Code's YAML extension, a first line such as
    /// `# yaml-language-server: $schema=../../../schema/item.json` in a file
    /// gives completion and validation as you type.
    Schema(SchemaArgs),
}

const CHECK_EXAMPLES: &str = "\
Examples:
  rsr check                          every problem, with source snippets
  rsr check --format github          annotations for a GitHub Actions run
  rsr check --format gitlab > gl-code-quality-report.json
                                     a Code Quality report for a GitLab merge request
  rsr check --format json | jq .     for other tools
  rsr check --list-rules             the rules and what they guard against";

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// How to report.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Fail on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// List the rules instead of checking.
    #[arg(long)]
    pub list_rules: bool,
}

const NEW_EXAMPLES: &str = "\
Examples:
  rsr new meeting bmn 2026-11-18                    place and times from the body
  rsr new meeting rlg 2026-01-12 --place digitalt --start 13:00 --end 15:30
  rsr new item bmn 2026-11-18 \"Bygglov för Backe 3:9\"";

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A meeting folder with meeting.yaml (status planerad) and the body's
    /// standard opening items.
    ///
    /// Place, times, form and opening items come from `förval:` in the
    /// body's body.yaml, else from its latest meeting; the options below
    /// override them. Refuses a date that does not exist and a meeting that
    /// exists already. The folder is written whole or not at all.
    Meeting {
        /// The body's folder name or short name.
        body: String,
        /// The meeting's date, YYYY-MM-DD.
        #[arg(value_parser = parse_date)]
        date: NaiveDate,
        /// Room, address or link.
        #[arg(long)]
        place: Option<String>,
        /// Start time, e.g. 13:00.
        #[arg(long, value_parser = parse_time)]
        start: Option<crate::model::Time>,
        /// End time, e.g. 15:30.
        #[arg(long, value_parser = parse_time)]
        end: Option<crate::model::Time>,
    },
    /// An item file after the meeting's last item: `NN-<title as file name>.yaml`.
    Item {
        /// The body's folder name or short name.
        body: String,
        /// The meeting's date, YYYY-MM-DD.
        #[arg(value_parser = parse_date)]
        date: NaiveDate,
        /// The item's title (rubrik).
        title: String,
    },
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: expected YYYY-MM-DD, a day that exists"))
}

fn parse_time(text: &str) -> Result<crate::model::Time, String> {
    text.parse()
}

const JUSTERA_EXAMPLES: &str = "\
Examples:
  rsr justera bmn 2026-10-14                      on the date justering: gives
  rsr justera rlg 2025-11-17 --datum 2025-11-26   on another date
  rsr justera kn 2026-03-02 --plats digitalt      when meeting.yaml has no justering:";

#[derive(Debug, Args)]
pub struct JusteraArgs {
    /// The body's folder name or short name.
    pub body: String,
    /// The meeting's date, YYYY-MM-DD.
    #[arg(value_parser = parse_date)]
    pub date: NaiveDate,
    /// The date of justering [default: `justering: datum:` in meeting.yaml, else today].
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub datum: Option<NaiveDate>,
    /// Where the justering takes place, for a meeting.yaml without `justering:`.
    #[arg(long, value_name = "PLACE")]
    pub plats: Option<String>,
}

const DIFF_EXAMPLES: &str = "\
Examples:
  rsr diff                           against the merge base with main
  rsr diff HEAD~1                    what the last commit and the working tree change
  rsr diff origin/main --format json for scripts";

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The revision to compare with [default: the merge base of HEAD with main, or master].
    pub rev: Option<String>,
    /// How to print.
    #[arg(long, value_enum, default_value_t)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DiffFormat {
    /// A Markdown comment for a pull or merge request.
    #[default]
    Markdown,
    /// The same as JSON: documents, their items and fields, warnings.
    Json,
}

const LIST_EXAMPLES: &str = "\
Examples:
  rsr list                           a table, one meeting per line
  rsr list --format json | jq .      for scripts: every document with its state";

#[derive(Debug, Args)]
pub struct ListArgs {
    /// How to print.
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
    /// The output folder to compare with [default: <root>/out].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListFormat {
    /// One aligned line per meeting.
    #[default]
    Human,
    /// A JSON array of meetings, each with its documents and their state.
    Json,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema to print [default: meeting].
    #[arg(value_enum)]
    pub kind: Option<FileKind>,
    /// Write every schema into this folder instead (rsr.json, body.json, meeting.json, item.json, open-data.json).
    #[arg(long, value_name = "DIR", conflicts_with = "kind")]
    pub out: Option<PathBuf>,
}

const BUILD_EXAMPLES: &str = "\
Examples:
  rsr build                                  every document
  rsr build --body rlg --kind protokoll      one body's protokoll
  rsr build --meeting 2025-11-17 --out pdf   one meeting, into ./pdf
  rsr build --kind protokollsutdrag --paragraph 29";

const PUBLISH_EXAMPLES: &str = "\
Examples:
  rsr build && rsr publish public     the public site in ./public, for GitLab Pages
  rsr publish /tmp/site --out pdf     from documents built with `rsr build --out pdf`";

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The folder to copy into; it must be empty or not exist yet.
    pub dir: PathBuf,
    /// Where `rsr build` wrote the documents [default: <root>/out].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

const WATCH_EXAMPLES: &str = "\
Examples:
  rsr watch                                          everything, rebuilt as you save
  rsr watch --meeting 2026-10-14 --kind protokoll --open
                                                     one protokoll, opened in the PDF viewer";

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Open the first document built in the system's viewer, once (without
    /// a filter: the site's index.html).
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct BuildCommand {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Instead of typesetting, write each document's Typst sources (main.typ,
    /// lib.typ, data.json and its attachments) into DIR/<body>/<document>/, to
    /// try a template in the Typst app or compile it with `typst compile`.
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
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
    /// Only the protokollsutdrag of this paragraph (§ number); repeatable.
    #[arg(long, value_name = "N")]
    pub paragraph: Vec<u32>,
    /// Where to write the PDFs [default: <root>/out].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Documents typeset at once [default: the number of cores].
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Typeset every document, even those out/ has up to date.
    #[arg(long)]
    pub force: bool,
    /// Print where the time went: load, check, data, layout, PDF export, write.
    #[arg(long)]
    pub timings: bool,
}

/// Parses the command line, runs the command and reports the outcome.
pub fn main() -> ExitCode {
    run(Cli::parse())
}

pub fn run(cli: Cli) -> ExitCode {
    if let Command::Schema(args) = &cli.command {
        return match schema(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => report(Path::new("."), &error),
        };
    }
    let root = match cli.root.clone().map(Ok).unwrap_or_else(find_root) {
        Ok(root) => root,
        Err(error) => return report(Path::new("."), &error),
    };
    let outcome = match cli.command {
        Command::Build(args) => build(&root, args),
        Command::Check(args) => check(&root, &args),
        Command::List(args) => list(&root, &args),
        Command::New(command) => new(&root, command),
        Command::Justera(args) => justera(&root, &args),
        Command::Diff(args) => diff(&root, &args),
        Command::Watch(args) => watch(&root, args),
        Command::Publish(args) => publish(&root, &args),
        Command::Schema(_) => Ok(ExitCode::SUCCESS),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => report(&root, &error),
    }
}

fn build_options(root: &Path, args: &BuildArgs) -> BuildOptions {
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
        progress: std::io::stderr().is_terminal(),
        force: args.force,
    }
}

fn build(root: &Path, command: BuildCommand) -> Result<ExitCode, Error> {
    let args = command.build;
    let options = build_options(root, &args);
    if let Some(dir) = &command.sources {
        let count = build::sources(&options, dir)?;
        eprintln!(
            "Wrote the Typst sources of {count} document{} into {}",
            if count == 1 { "" } else { "s" },
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let summary = build::build(&options)?;
    print_summary(root, &options.out, &summary)?;
    if args.timings {
        eprintln!("{}", summary.timings.report(summary.elapsed));
    }
    Ok(ExitCode::SUCCESS)
}

/// A build's warnings, then what it wrote.
fn print_summary(root: &Path, out: &Path, summary: &build::Summary) -> Result<(), Error> {
    let mut stderr = stderr();
    for warning in &summary.warnings {
        warning
            .emit(root, &mut stderr)
            .map_err(|e| Error::io("stderr", e))?;
    }
    let count = summary.built.len();
    let documents = if count == 1 { "document" } else { "documents" };
    let pages = if summary.pages == 1 { "page" } else { "pages" };
    let unchanged = summary.outputs.len() - count;
    let unchanged = if unchanged > 0 {
        format!("; {unchanged} up to date")
    } else {
        String::new()
    };
    eprintln!(
        "Built {count} {documents} ({} {pages}) in {:.2} s into {}{unchanged}",
        summary.pages,
        summary.elapsed.as_secs_f64(),
        out.display()
    );
    // A few files by name; a large repository's hundreds by number.
    const NAMED: usize = 20;
    if !summary.site.is_empty() {
        let mut files: Vec<String> = summary
            .site
            .iter()
            .take(NAMED)
            .map(|f| f.display().to_string())
            .collect();
        if summary.site.len() > NAMED {
            files.push(format!("and {} more", summary.site.len() - NAMED));
        }
        eprintln!("Updated the site: {}", files.join(", "));
    }
    Ok(())
}

fn publish(root: &Path, args: &PublishArgs) -> Result<ExitCode, Error> {
    let checked = check::check(root);
    let (Some(repository), 0) = (&checked.repository, checked.errors()) else {
        return Err(Error::Data(checked.diagnostics));
    };
    let out = args.out.clone().unwrap_or_else(|| root.join("out"));
    let documents = crate::docs::documents(repository, &Filter::default());
    let manifest = crate::manifest::Manifest::load(&out);
    let today = chrono::Local::now().date_naive();
    let count = crate::site::publish(repository, &documents, &out, &manifest, today, &args.dir)?;
    eprintln!("Published {count} files into {}", args.dir.display());
    Ok(ExitCode::SUCCESS)
}

fn watch(root: &Path, args: WatchArgs) -> Result<ExitCode, Error> {
    let options = build_options(root, &args.build);
    let mut open = args.open;
    crate::watch::watch(&options, |event| match event {
        crate::watch::Event::Built { changed, result } => {
            if let Err(error) = show_rebuild(root, &options, changed, result, &mut open) {
                eprintln!("error: {error}");
            }
        }
        crate::watch::Event::Waiting => {
            eprintln!("Watching {} for changes (Ctrl-C stops)", root.display());
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// One build of `rsr watch`: what set it off, then what it wrote or the
/// problems that stopped it. The first that succeeds opens a document if
/// `open` asks for it.
fn show_rebuild(
    root: &Path,
    options: &BuildOptions,
    changed: &[PathBuf],
    result: &Result<build::Summary, Error>,
    open: &mut bool,
) -> Result<(), Error> {
    let now = chrono::Local::now().format("%H:%M:%S");
    if changed.is_empty() {
        eprintln!("[{now}] Building");
    } else {
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        eprintln!("[{now}] Changed: {}", names.join(", "));
    }
    let summary = match result {
        Ok(summary) => summary,
        Err(error) => {
            return error
                .emit(root, &mut stderr())
                .map_err(|e| Error::io("stderr", e));
        }
    };
    print_summary(root, &options.out, summary)?;
    if !changed.is_empty() {
        for output in &summary.built {
            let name = output.strip_prefix(&options.out).unwrap_or(output);
            eprintln!("  {}", name.display());
        }
    }
    if std::mem::take(open) {
        let first = if options.filter.is_empty() {
            options.out.join("index.html")
        } else {
            summary.outputs.first().cloned().unwrap_or_default()
        };
        if let Err(e) = opener::open(&first) {
            eprintln!("warning: could not open {}: {e}", first.display());
        }
    }
    Ok(())
}

fn check(root: &Path, args: &CheckArgs) -> Result<ExitCode, Error> {
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

fn new(root: &Path, command: NewCommand) -> Result<ExitCode, Error> {
    let loaded = crate::load::load(root);
    let Some(repository) = &loaded.repository else {
        return Err(Error::Data(loaded.problems));
    };
    let created = match command {
        NewCommand::Meeting {
            body,
            date,
            place,
            start,
            end,
        } => {
            let options = crate::new::MeetingOptions { place, start, end };
            crate::new::meeting(repository, &body, date, &options)?
        }
        NewCommand::Item { body, date, title } => {
            crate::new::item(repository, &body, date, &title)?
        }
    };
    eprintln!("Created {} ({})", created.path.display(), created.note);
    Ok(ExitCode::SUCCESS)
}

fn justera(root: &Path, args: &JusteraArgs) -> Result<ExitCode, Error> {
    let options = crate::lock::Options {
        date: args.datum,
        place: args.plats.clone(),
        today: chrono::Local::now().date_naive(),
    };
    let outcome = crate::lock::justera(root, &args.body, args.date, &options)?;
    eprintln!("{} ({})", outcome.message, outcome.lock.display());
    Ok(ExitCode::SUCCESS)
}

fn diff(root: &Path, args: &DiffArgs) -> Result<ExitCode, Error> {
    let report = crate::diff::diff(root, args.rev.as_deref())?;
    let text = match args.format {
        DiffFormat::Markdown => crate::diff::markdown(&report),
        // Plain structs of strings always serialize.
        DiffFormat::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn list(root: &Path, args: &ListArgs) -> Result<ExitCode, Error> {
    let checked = check::check(root);
    let Some(repository) = &checked.repository else {
        return Err(Error::Data(checked.diagnostics));
    };
    if checked.errors() > 0 {
        eprintln!(
            "note: {}; run `rsr check` for details",
            output::summary(&checked.diagnostics).trim_start_matches("rsr check: ")
        );
    }
    let out = args.out.clone().unwrap_or_else(|| root.join("out"));
    let listed = crate::list::list(root, repository, &out)?;
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        ListFormat::Human => crate::list::human(&listed, &mut stdout),
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

fn schema(args: &SchemaArgs) -> Result<(), Error> {
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            for kind in FileKind::ALL {
                let path = dir.join(kind.file_name());
                std::fs::write(&path, schema::text(kind)).map_err(|e| Error::io(&path, e))?;
            }
        }
        None => print!("{}", schema::text(args.kind.unwrap_or(FileKind::Meeting))),
    }
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
    if error.emit(root, &mut stderr()).is_err() {
        eprintln!("error: {error}");
    }
    ExitCode::FAILURE
}

/// Standard error, coloured when it is a terminal.
fn stderr() -> StandardStream {
    let color = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    StandardStream::stderr(color)
}
