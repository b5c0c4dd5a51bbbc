//! Every command-line argument, as clap derive definitions; nothing here
//! runs a command.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::check::output::Format;
use crate::docs::Kind;
use crate::schema::FileKind;

/// Formal meeting documents for Swedish regions, municipalities and joint
/// bodies, from a git repository of YAML files.
///
/// The repository holds `rsr.yaml` (the organisation and its persons),
/// `meetings/<body>/body.yaml` (a body and its members) and
/// `meetings/<body>/<YYYY-MM-DD>/` (one meeting: meeting.yaml and one file
/// per agenda item, in file-name order).
#[derive(Debug, Parser)]
#[command(name = "rsr", version, propagate_version = true, after_help = EXIT_CODES)]
pub struct Cli {
    /// The repository root; by default the nearest folder upwards that holds rsr.yaml.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// The language rsr speaks: sv or en [default: from LC_ALL, LC_MESSAGES or LANG, else sv].
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::lang::Lang>,

    /// Print only warnings and errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more: every file a build writes.
    #[arg(long, short, global = true)]
    pub verbose: bool,

    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    pub color: Color,

    #[command(subcommand)]
    pub command: Command,
}

/// When to colour what rsr prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// At a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    /// Always, also into a file or a pipe.
    Always,
    /// Never.
    Never,
}

const EXIT_CODES: &str = "\
Exit codes:
  0  done
  1  problems in the repository's data (YAML, templates, attachments,
     a seal), or `rsr check` found an error
  2  the command line asks for something that does not exist or cannot
     be done (an unknown body, a revision that is not a commit)
  3  a file rsr could not read or write, or a failure of rsr itself or
     of a tool it runs (git)";

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
    /// Start a meeting repository: rsr.yaml, a first body, schemas, editor
    /// settings, a CI workflow and a README.
    ///
    /// Writes into DIR (by default the current folder, which may hold other
    /// files, a git checkout for one): rsr.yaml with the organisation,
    /// meetings/<folder>/body.yaml when --body is given, .gitignore (out/),
    /// schema/ with the JSON Schemas, .vscode/settings.json mapping each
    /// kind of YAML file to its schema, the CI workflow (GitHub or GitLab)
    /// with RSR_REF set to this rsr's version, and a README.md in Swedish.
    /// The result passes `rsr check` and `rsr build` as it is. Refuses a
    /// folder that holds rsr.yaml already, and any file it would write that
    /// exists; writes all or nothing.
    #[command(after_long_help = INIT_EXAMPLES)]
    Init(InitArgs),
    /// Scaffold a body, a meeting or an agenda item.
    #[command(subcommand, after_long_help = NEW_EXAMPLES)]
    New(NewCommand),
    /// List every meeting: body, date, status, items, paragraphs, and
    /// whether each of its documents in out/ is up to date.
    ///
    /// A document is up to date when `rsr build` wrote it from the data and
    /// templates the repository holds now and the file has not changed since
    /// (judged by content hashes kept in out/.rsr.manifest, not by
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
    /// Sign an adjusted protokoll digitally, or prepare it for a signing
    /// service and take it back signed.
    ///
    /// The signed protokoll is `signerat/protokoll.pdf` in the meeting's
    /// folder: the PDF rsr builds from the sealed data, byte for byte, with
    /// an empty signature field for the sekreterare, the ordförande and each
    /// justerare, and one PAdES signature per signer, each appended after
    /// the last. With `--certifikat` the signer signs here with a .p12 file
    /// (its password from RSR_CERTIFIKAT_LOSENORD, or asked for at a
    /// terminal); the field is the one of the person the certificate names.
    /// With `--forbered` rsr writes the PDF a signing service is to sign;
    /// with `--ta-emot` it takes the service's signed PDF into the meeting
    /// folder, once it verifies as `rsr verifiera` checks. Commit the file
    /// with the meeting.
    #[command(after_long_help = SIGNERA_EXAMPLES)]
    Signera(SigneraArgs),
    /// Check the signatures of a signed protokoll.
    ///
    /// Each signature: its cryptography, that it covers the file up to its
    /// revision, that nothing after it changes the document, the signer
    /// against the person the protokoll names for the field, the signing
    /// time against the meeting and the certificate's validity, and whether
    /// the certificate chains to a CA in the repository's trust list
    /// (`signering/betrodda/`). Given a meeting, also that the signed PDF is
    /// the one rsr builds from the sealed data. Exits with 1 when a
    /// signature does not hold.
    #[command(after_long_help = VERIFIERA_EXAMPLES)]
    Verifiera(VerifieraArgs),
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
    /// Write an adjusted meeting, or a body's adjusted meetings of a year,
    /// as an information package for the e-archive (E-ARK SIP, FGS
    /// Paketstruktur 2.0).
    ///
    /// Builds the documents first, as `rsr build` does. The package is a
    /// folder and a zip of it in <out>/arkiv/: METS.xml (E-ARK CSIP/SIP
    /// 2.1), PREMIS preservation metadata (the documents' creation by rsr,
    /// the justering, each signature), a Dublin Core description, the PDF/A
    /// documents (protokoll and its public version, utdrag, kallelse,
    /// anslagsbevis, attachments, signed copies) with SHA-256 checksums, and
    /// the YAML sources with justering.lock and the open data as
    /// documentation. The same data gives the same package, byte for byte.
    /// A meeting not yet adjusted is refused; in a year it is left out, and
    /// said so.
    #[command(after_long_help = ARKIVERA_EXAMPLES)]
    Arkivera(ArkiveraArgs),
    /// Build, then rebuild whenever a file is saved, until stopped (Ctrl-C).
    ///
    /// Changes are gathered until none has come for 50 milliseconds. A
    /// file counts when the last build read it (YAML, templates,
    /// attachments) or when the next would (a new YAML file, template or
    /// meeting folder); out/, .git/ and other files are ignored. What it
    /// affects is rebuilt: an item, attachment or meeting.yaml rebuilds
    /// that meeting's documents and those of the body's later meetings
    /// that year (their § numbers follow), a body.yaml the body, rsr.yaml
    /// or templates/ everything. Each rebuild prints what it wrote, or the
    /// problems that stopped it, and watching goes on. The typesetting
    /// processes are kept from one rebuild to the next, so that none has to
    /// start again. Takes the same options as `rsr build`; with a filter,
    /// every change rebuilds just that.
    #[command(after_long_help = WATCH_EXAMPLES)]
    Watch(WatchArgs),
    /// Print a shell's completion script for rsr.
    ///
    /// Load it in the shell's start-up file, or install it where the shell
    /// looks for completions; the descriptions are in the language of the
    /// run.
    #[command(after_long_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print rsr's manual page (roff), or write one per command into a folder.
    #[command(after_long_help = MAN_EXAMPLES)]
    Man(ManArgs),
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

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  rsr completions bash > ~/.local/share/bash-completion/completions/rsr
  rsr completions zsh > ~/.zfunc/_rsr
  rsr completions fish > ~/.config/fish/completions/rsr.fish
  rsr completions powershell >> $PROFILE";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

const MAN_EXAMPLES: &str = "\
Examples:
  rsr man | man -l -
  rsr man --out ~/.local/share/man/man1";

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write rsr.1 and a page per command (rsr-build.1 …) into this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

const INIT_EXAMPLES: &str = "\
Examples:
  rsr init --organisation \"Kommunförbundet Jämtlands län\"
  rsr init kf --organisation \"Åre kommun\" --body Kommunfullmäktige --kortnamn KF --typ fullmäktige
  rsr init --organisation Regionen --ci gitlab --rsr-git https://gitlab.example.se/it/rsr.git";

/// Where the CI workflow of a new repository runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Ci {
    /// .github/workflows/rsr.yml: GitHub Actions and Pages.
    Github,
    /// .gitlab-ci.yml: GitLab CI and Pages.
    Gitlab,
    /// No workflow.
    None,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to start the repository in [default: the current folder].
    pub dir: Option<PathBuf>,
    /// The organisation's name, as the documents' headers print it.
    #[arg(long)]
    pub organisation: String,
    /// A first body's name, e.g. Kulturnämnden.
    #[arg(long, requires = "kortnamn")]
    pub body: Option<String>,
    /// The first body's short name, e.g. KN; its folder is meetings/<kortnamn in lower case>.
    #[arg(long, requires = "body")]
    pub kortnamn: Option<String>,
    /// The first body's kind.
    #[arg(long, value_enum, default_value = "nämnd")]
    pub typ: crate::repo::scaffold::BodyType,
    /// The CI workflow to write.
    #[arg(long, value_enum, default_value = "github")]
    pub ci: Ci,
    /// Where CI fetches rsr from (RSR_GIT in the workflow).
    #[arg(long, value_name = "URL")]
    pub rsr_git: Option<String>,
}

const NEW_EXAMPLES: &str = "\
Examples:
  rsr new body Kulturnämnden --kortnamn KN          meetings/kn/body.yaml
  rsr new meeting bmn 2026-11-18                    place and times from the body
  rsr new meeting rlg 2026-01-12 --place digitalt --start 13:00 --end 15:30
  rsr new item bmn 2026-11-18 \"Bygglov för Backe 3:9\"";

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A body: meetings/<folder>/body.yaml with its name, short name and
    /// kind, and comments that show how to add its members.
    Body {
        /// The body's name, e.g. Kulturnämnden.
        name: String,
        /// Its short name, e.g. KN.
        #[arg(long)]
        kortnamn: String,
        /// Its kind.
        #[arg(long, value_enum, default_value = "nämnd")]
        typ: crate::repo::scaffold::BodyType,
        /// Its folder under meetings/ [default: the short name in lower case].
        #[arg(long)]
        mapp: Option<String>,
    },
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
        start: Option<crate::repo::model::Time>,
        /// End time, e.g. 15:30.
        #[arg(long, value_parser = parse_time)]
        end: Option<crate::repo::model::Time>,
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
        .map_err(|_| crate::lang::t!("cli-not-a-date", text = text))
}

fn parse_time(text: &str) -> Result<crate::repo::model::Time, String> {
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

const SIGNERA_EXAMPLES: &str = "\
Examples:
  rsr signera bmn 2026-10-14 --certifikat anna.p12      sign as the person anna.p12 names
  rsr signera bmn 2026-10-14 --forbered att-signera.pdf the PDF for a signing service
  rsr signera bmn 2026-10-14 --ta-emot signerad.pdf     take the service's signed PDF
  rsr signera bmn 2026-10-14 --certifikat anna.p12 --tidsstampel http://tsa.example.se/
                                                        signed and time-stamped (PAdES B-T)";

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("how").required(true))]
pub struct SigneraArgs {
    /// The body's folder name or short name.
    pub body: String,
    /// The meeting's date, YYYY-MM-DD.
    #[arg(value_parser = parse_date)]
    pub date: NaiveDate,
    /// Sign with this certificate and key, a PKCS #12 file (.p12, .pfx).
    #[arg(long, value_name = "FILE", group = "how")]
    pub certifikat: Option<PathBuf>,
    /// The signature field to sign in [default: that of the person the certificate names].
    #[arg(long, value_name = "FIELD", requires = "certifikat")]
    pub roll: Option<String>,
    /// Have the signature time-stamped by the time-stamp authority at URL (RFC 3161, http://): a PAdES B-T signature.
    #[arg(
        long,
        value_name = "URL",
        requires = "certifikat",
        alias = "tidsstämpel"
    )]
    pub tidsstampel: Option<String>,
    /// Sign the protokollsutdrag of this paragraph (the sekreterare's utdragsbestyrkande) instead of the protokoll.
    #[arg(long, value_name = "N")]
    pub paragraf: Option<u32>,
    /// Write the PDF a signing service is to sign to FILE.
    #[arg(long, value_name = "FILE", group = "how", alias = "förbered")]
    pub forbered: Option<PathBuf>,
    /// Take the signed PDF a signing service returned into the meeting's folder.
    #[arg(long = "ta-emot", value_name = "FILE", group = "how")]
    pub ta_emot: Option<PathBuf>,
}

const VERIFIERA_EXAMPLES: &str = "\
Examples:
  rsr verifiera bmn 2026-10-14                  the meeting's signerat/protokoll.pdf
  rsr verifiera bmn 2026-10-14 --fil inkommen.pdf   another file, against the meeting
  rsr verifiera protokoll.pdf                   a file alone, without the repository's data
  rsr verifiera bmn 2026-10-14 --format json    for scripts";

#[derive(Debug, Args)]
pub struct VerifieraArgs {
    /// A signed PDF, or a body's folder name or short name followed by a meeting's date.
    #[arg(value_name = "TARGET")]
    pub target: String,
    /// The meeting's date, YYYY-MM-DD, after a body.
    #[arg(value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// The signed PDF to check against the meeting [default: its signerat/protokoll.pdf].
    #[arg(long, value_name = "FILE", requires = "date")]
    pub fil: Option<PathBuf>,
    /// Check the signed protokollsutdrag of this paragraph [default: the protokoll].
    #[arg(long, value_name = "N", requires = "date")]
    pub paragraf: Option<u32>,
    /// How to print.
    #[arg(long, value_enum, default_value_t)]
    pub format: VerifyFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum VerifyFormat {
    /// A line per signature and per problem.
    #[default]
    Human,
    /// The whole report as JSON.
    Json,
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
    /// Write every schema into this folder instead (rsr.json, body.json, meeting.json, item.json, delegationsbeslut.json, motioner.json, open-data.json).
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
    /// Also the drafts (UTKAST), for reviewers; never what holds confidential items.
    #[arg(long)]
    pub drafts: bool,
}

const ARKIVERA_EXAMPLES: &str = "\
Examples:
  rsr arkivera bmn 2026                 the adjusted meetings of 2026, one package
  rsr arkivera bmn 2026-10-14           one meeting
  rsr arkivera rlg 2025 --dir /mnt/e-arkiv/leverans";

#[derive(Debug, Args)]
pub struct ArkiveraArgs {
    /// The body's folder name or short name.
    pub body: String,
    /// A year, YYYY (its adjusted meetings in one package), or a meeting's date, YYYY-MM-DD.
    #[arg(value_parser = parse_period, value_name = "PERIOD")]
    pub period: crate::archive::Selection,
    /// Where to write the package [default: <out>/arkiv].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Where `rsr build` writes the documents [default: <root>/out].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

fn parse_period(text: &str) -> Result<crate::archive::Selection, String> {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(crate::archive::Selection::Meeting(date));
    }
    match text.parse::<i32>() {
        Ok(year) if (1900..=9999).contains(&year) && text.len() == 4 => {
            Ok(crate::archive::Selection::Year(year))
        }
        _ => Err(crate::lang::t!("cli-not-a-period", text = text)),
    }
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
