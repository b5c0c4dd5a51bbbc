//! Finds the repository's YAML files and parses them into the model. Every
//! file is read even when others fail, so that `rsr check` can report the
//! problems of all files at once; each problem carries its file, line and
//! column and the id of the rule it breaks.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::error::Diagnostic;
use crate::lang::t;
use crate::repo::cache::{Lookup, Models};
use crate::repo::model::{
    Body, BodySpec, Delegation, DelegationSpec, FieldValues, Item, ItemSpec, Limits, Loc, Lock,
    Meeting, MeetingSpec, MotionSpec, Organisation, Proposal, Repository,
};
use crate::repo::recover::{Outcome, Recovery};
use crate::repo::sandbox::Refused;
use crate::repo::store::Store;

pub const ORGANISATION_FILE: &str = "rsr.yaml";
pub const BODY_FILE: &str = "body.yaml";
pub const MEETING_FILE: &str = "meeting.yaml";
/// A body's register of delegation decisions, beside its meetings.
pub const DELEGATIONS_DIR: &str = "delegationsbeslut";
/// A fullmäktige's register of motions, beside its meetings.
pub const MOTIONS_DIR: &str = "motioner";
pub const MEETINGS_DIR: &str = "meetings";
/// Written by `rsr justera` beside meeting.yaml.
pub const LOCK_FILE: &str = "justering.lock";
/// The folder of a meeting that holds its signed documents.
pub const SIGNED_FOLDER: &str = "signerat";

/// What loading found: the repository (without the files that could not be
/// read) and the problems of those files.
pub struct Loaded {
    /// `None` when rsr.yaml itself could not be read.
    pub repository: Option<Repository>,
    pub problems: Vec<Diagnostic>,
    /// What did not read whole.
    pub unread: Unread,
}

/// The files that did not read whole: those left out, and those read with
/// their broken entries taken out (which the repository holds); and the
/// fields taken out of rsr.yaml, among them the ids of persons whose entry
/// did not read, so that their references are not also unknown.
#[derive(Debug, Default)]
pub struct Unread {
    pub files: BTreeSet<PathBuf>,
    pub persons: BTreeSet<String>,
}

impl Loaded {
    /// The repository without what read only in part: an item, meeting or
    /// body whose file had a broken entry is left out, as one that did not
    /// read at all (for `rsr diff`, which compares what the files say).
    /// `None` when rsr.yaml did not read whole.
    pub fn whole(self) -> Option<Repository> {
        let unread = self.unread.files;
        let mut repository = self.repository?;
        if unread.contains(&repository.file) {
            return None;
        }
        repository
            .bodies
            .retain(|body| !unread.contains(&body.file));
        for body in &mut repository.bodies {
            body.retain_read(&unread);
        }
        Some(repository)
    }
}

/// Loads the repository at `root`, as much of it as can be read.
pub fn load(root: &Path) -> Loaded {
    load_from(Arc::new(Store::new(root)))
}

/// Loads the repository whose files `files` reads.
pub fn load_from(files: Arc<Store>) -> Loaded {
    load_with(files, None)
}

/// Loads the repository at `root`, each body whose model `models` kept
/// under its key from there (`repo::cache`), and keeping the model of each
/// other body that loads without a problem.
pub fn load_keeping(root: &Path, models: &Models) -> Loaded {
    load_with(Arc::new(Store::new(root)), Some(models))
}

fn load_with(files: Arc<Store>, models: Option<&Models>) -> Loaded {
    let root = files.root().to_path_buf();
    let root = root.as_path();
    let mut problems = Vec::new();
    let mut unread = Unread::default();
    let file = PathBuf::from(ORGANISATION_FILE);
    let organisation =
        parse::<Organisation>(&files, &file, Limits::DEFAULT, &mut problems, &mut unread);
    let limits = organisation.as_ref().map_or(Limits::DEFAULT, |o| o.limits);

    let mut bodies = Vec::new();
    if !root.join(MEETINGS_DIR).exists() {
        // A new repository's empty state, in its own words.
        problems.push(
            unlocated(
                "missing-file",
                Path::new(MEETINGS_DIR),
                crate::lang::t!(
                    "load-no-meetings",
                    meetings = MEETINGS_DIR,
                    body = BODY_FILE
                ),
            )
            .with_hint(crate::lang::t!(
                "load-no-meetings-hint",
                meetings = MEETINGS_DIR,
                body = BODY_FILE
            )),
        );
    }
    let body_dirs = if root.join(MEETINGS_DIR).exists() {
        subdirectories(root, Path::new(MEETINGS_DIR), &mut problems)
    } else {
        Vec::new()
    };
    for (body, body_problems, body_unread) in load_bodies(&files, &body_dirs, limits, models) {
        problems.extend(body_problems);
        unread.files.extend(body_unread.files);
        unread.persons.extend(body_unread.persons);
        bodies.extend(body);
    }
    // A meeting or file left out for its name or place did not read
    // either: the numbering of what follows it is not what was sealed.
    for problem in &problems {
        if matches!(problem.rule, "missing-file" | "folder-date" | "file-name") {
            unread.files.insert(problem.loc.file.clone());
        }
    }
    let repository = organisation.map(|organisation| Repository {
        files: files.clone(),
        file,
        organisation,
        bodies,
    });
    Loaded {
        repository,
        problems,
        unread,
    }
}

/// Loads one body again, with the organisation already read: for a build
/// that lets the whole repository go while it typesets. `dir` is the body's
/// folder relative to `root`. The problems are those of a file changed since
/// the repository was checked.
pub fn reload_body(
    files: &Arc<Store>,
    organisation: &Organisation,
    dir: &Path,
) -> Result<Repository, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    match load_body(
        files,
        dir,
        organisation.limits,
        &mut problems,
        &mut Unread::default(),
        None,
    ) {
        Some(body) if problems.is_empty() => Ok(Repository {
            files: files.clone(),
            file: PathBuf::from(ORGANISATION_FILE),
            organisation: organisation.clone(),
            bodies: vec![body],
        }),
        _ => Err(problems),
    }
}

/// One body loaded: the body, if its body.yaml read, and what its files
/// gave for problems and left unread.
type LoadedBody = (Option<Body>, Vec<Diagnostic>, Unread);

/// Loads the bodies in `dirs` in parallel (`parallel::each`), each from
/// its kept model where `models` has one; the results in `dirs`' order.
fn load_bodies(
    files: &Store,
    dirs: &[PathBuf],
    limits: Limits,
    models: Option<&Models>,
) -> Vec<LoadedBody> {
    crate::repo::parallel::each(dirs, |dir| {
        // Without a model under its key, the meetings whose files did not
        // change are taken from the model kept before.
        let (kept, mut earlier) = match models.map(|models| models.find(dir, files)) {
            Some(Lookup::Body(body)) => (Some(*body), None),
            Some(Lookup::Earlier(earlier)) => (None, Some(earlier)),
            _ => (None, None),
        };
        if kept.is_some() && models.is_some_and(|models| !models.verifying()) {
            return (kept, Vec::new(), Unread::default());
        }
        let mut problems = Vec::new();
        let mut unread = Unread::default();
        let body = load_body(
            files,
            dir,
            limits,
            &mut problems,
            &mut unread,
            earlier.as_mut(),
        );
        // Verifying, a body made with meetings taken so is loaded from all
        // its files as well, and must be the same.
        if let Some(models) = models.filter(|models| models.verifying())
            && earlier.is_some_and(|earlier| earlier.taken > 0)
            && let Some(body) = &body
        {
            let mut whole_problems = Vec::new();
            let mut whole_unread = Unread::default();
            let whole = load_body(
                files,
                dir,
                limits,
                &mut whole_problems,
                &mut whole_unread,
                None,
            );
            if !whole.is_some_and(|whole| crate::repo::cache::same(&whole, body))
                || format!("{whole_problems:?}") != format!("{problems:?}")
                || whole_unread.files != unread.files
            {
                models.differs(dir);
            }
        }
        if let Some(models) = models
            && let Some(body) = &body
            && problems.is_empty()
            && unread.files.is_empty()
            && unread.persons.is_empty()
        {
            match &kept {
                Some(kept) if !crate::repo::cache::same(kept, body) => models.differs(dir),
                Some(_) => {}
                None => models.put(dir, body, files),
            }
        }
        (body, problems, unread)
    })
}

fn load_body(
    files: &Store,
    dir: &Path,
    limits: Limits,
    problems: &mut Vec<Diagnostic>,
    unread: &mut Unread,
    mut earlier: Option<&mut crate::repo::cache::Earlier>,
) -> Option<Body> {
    let root = files.root();
    let file = dir.join(BODY_FILE);
    if !root.join(&file).is_file() {
        problems.push(unlocated(
            "missing-file",
            &file,
            crate::lang::t!(
                "load-missing-body",
                meetings = MEETINGS_DIR,
                body = BODY_FILE
            ),
        ));
        return None;
    }
    let spec = parse::<BodySpec>(files, &file, limits, problems, unread);
    let mut meetings = Vec::new();
    let mut delegations = Vec::new();
    let mut motions = Vec::new();
    for meeting_dir in subdirectories(root, dir, problems) {
        if meeting_dir
            .file_name()
            .is_some_and(|n| n == DELEGATIONS_DIR)
        {
            delegations = load_register(
                files,
                &meeting_dir,
                limits,
                problems,
                unread,
                |file, spec: DelegationSpec| Delegation { file, spec },
            );
            delegations.sort_by_key(|d: &Delegation| d.spec.date.value.0);
            continue;
        }
        if meeting_dir.file_name().is_some_and(|n| n == MOTIONS_DIR) {
            motions = load_register(
                files,
                &meeting_dir,
                limits,
                problems,
                unread,
                |file, spec: MotionSpec| Proposal { file, spec },
            );
            motions.sort_by_key(|m: &Proposal| m.spec.moved_on.value.0);
            continue;
        }
        if let Some(meeting) = earlier
            .as_deref_mut()
            .and_then(|earlier| earlier.take(&meeting_dir, files))
        {
            meetings.push(meeting);
            continue;
        }
        if let Some(meeting) = load_meeting(files, &meeting_dir, limits, problems, unread) {
            meetings.push(meeting);
        }
    }
    let slug = dir.file_name()?.to_string_lossy().into_owned();
    let mut body = Body::new(slug, file, spec?, meetings);
    body.delegations = delegations;
    body.motions = motions;
    Some(body)
}

/// A body's register beside its meetings (`delegationsbeslut/`,
/// `motioner/`): every YAML file in the folder holds a list of entries,
/// each kept with its file.
fn load_register<T: DeserializeOwned, R>(
    files: &Store,
    dir: &Path,
    limits: Limits,
    problems: &mut Vec<Diagnostic>,
    unread: &mut Unread,
    entry: fn(PathBuf, T) -> R,
) -> Vec<R> {
    let mut entries = Vec::new();
    for file in yaml_files(files.root(), dir, problems) {
        let Some(specs) = parse::<Vec<T>>(files, &file, limits, problems, unread) else {
            continue;
        };
        entries.extend(specs.into_iter().map(|spec| entry(file.clone(), spec)));
    }
    entries
}

fn load_meeting(
    files: &Store,
    dir: &Path,
    limits: Limits,
    problems: &mut Vec<Diagnostic>,
    unread: &mut Unread,
) -> Option<Meeting> {
    let root = files.root();
    let file = dir.join(MEETING_FILE);
    let folder = dir.file_name()?.to_string_lossy().into_owned();
    let Ok(folder_date) = NaiveDate::parse_from_str(&folder, "%Y-%m-%d") else {
        problems.push(unlocated(
            "folder-date",
            dir,
            crate::lang::t!("load-folder-not-a-date", folder = &folder),
        ));
        return None;
    };
    if !root.join(&file).is_file() {
        problems.push(unlocated("missing-file", &file, {
            let folder = dir.display().to_string();
            crate::lang::t!(
                "load-missing-meeting",
                meeting = MEETING_FILE,
                folder = folder
            )
        }));
        return None;
    }
    let spec = parse::<MeetingSpec>(files, &file, limits, problems, unread);

    // The folder is listed once: its items, and whether it has a
    // `signerat` (so that no one need ask the file system again).
    let listed = entries(root, dir, problems);
    let signed_folder = listed
        .iter()
        .any(|(path, _)| path.file_name() == Some(std::ffi::OsStr::new(SIGNED_FOLDER)));
    let mut items = Vec::new();
    for item_file in yaml_files_of(root, listed, problems) {
        if item_file
            .file_name()
            .is_some_and(|name| name == MEETING_FILE)
        {
            continue;
        }
        if let Some(spec) = parse::<ItemSpec>(files, &item_file, limits, problems, unread) {
            let id = item_id(&item_file);
            if let Some(other) = items.iter().find(|item: &&Item| item.id == id) {
                problems.push(unlocated("duplicate-item-id", &item_file, {
                    let other = other.file.display().to_string();
                    crate::lang::t!("load-duplicate-item-id", id = &id, other = other)
                }));
            }
            items.push(Item {
                id,
                file: item_file,
                spec,
            });
        }
    }

    let spec = spec?;
    if spec.date.value.0 != folder_date {
        problems.push(
            Diagnostic::error("folder-date", spec.date.loc(&file), {
                let date = spec.date.value.0.to_string();
                crate::lang::t!("load-folder-date-differs", date = date, folder = &folder)
            })
            .with_hint(crate::lang::t!("load-folder-date-differs-hint")),
        );
    }
    let lock_file = dir.join(LOCK_FILE);
    let lock = root
        .join(&lock_file)
        .is_file()
        .then(|| parse::<Lock>(files, &lock_file, limits, problems, unread))
        .flatten()
        .map(|lock| (lock_file, lock));
    Some(Meeting {
        dir: dir.to_path_buf(),
        file,
        spec,
        items,
        lock,
        signed_folder,
    })
}

/// A lock's text with its `fält` (the lock's last key, as `rsr justera`
/// writes it) as `fält: {}`: loading needs to know only that it is there
/// (`RecordedFields`), and it is most of the text. The lines before keep
/// their places. Any other text, a key after `fält` included, is as it is.
fn without_recorded_fields(text: &str) -> std::borrow::Cow<'_, str> {
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match start {
            None if bare.trim_end() == "fält:" => start = Some(offset),
            // After it, only its own lines: indented, blank or comments.
            Some(_) if !(bare.is_empty() || bare.starts_with([' ', '#'])) => {
                return std::borrow::Cow::Borrowed(text);
            }
            _ => {}
        }
        offset += line.len();
    }
    match start {
        Some(start) => std::borrow::Cow::Owned(format!("{}fält: {{}}\n", &text[..start])),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// The fields a lock of format 2 records (`fält`, which loading passes
/// over), read from its `text`; none when it has none or they cannot be
/// read as fields.
pub fn recorded_fields(text: &str) -> FieldValues {
    #[derive(serde::Deserialize)]
    struct Only {
        #[serde(rename = "fält", default)]
        fields: FieldValues,
    }
    serde_saphyr::from_str_with_options::<Only>(text, options())
        .map(|only| only.fields)
        .unwrap_or_default()
}

/// A justering.lock's text as git's history holds it, read as the loader
/// reads the file; `None` when it does not read.
pub fn lock_from_text(text: &str) -> Option<Lock> {
    serde_saphyr::from_str_with_options::<Lock>(text, options()).ok()
}

/// `03-khoss.yaml` → `khoss`; the number only orders the files.
pub(crate) fn item_id(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let rest = stem.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix(['-', '_']) {
        Some(id) if !id.is_empty() && rest.len() < stem.len() => id.to_string(),
        _ => stem,
    }
}

/// The closest known name, if it is close enough to be a likely typo.
pub fn nearest<'a>(wanted: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|name| (strsim::jaro_winkler(wanted, name), *name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// Parses one YAML file; on failure records the problem and returns `None`.
fn parse<T: DeserializeOwned>(
    files: &Store,
    file: &Path,
    limits: Limits,
    problems: &mut Vec<Diagnostic>,
    unread: &mut Unread,
) -> Option<T> {
    let text = match files.read(file, limits.yaml_bytes()) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let at = error.utf8_error().valid_up_to();
                // Lines as YAML counts them: CRLF, LF or a lone CR.
                let valid = String::from_utf8_lossy(&error.as_bytes()[..at])
                    .replace("\r\n", "\n")
                    .replace('\r', "\n");
                let line = valid.matches('\n').count() as u64 + 1;
                let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
                problems.push(Diagnostic::error(
                    "yaml-syntax",
                    loc(file, line, column),
                    crate::lang::t!("load-not-utf8"),
                ));
                unread.files.insert(file.to_path_buf());
                return None;
            }
        },
        Err(refused) => {
            let rule = match refused {
                Refused::Io(_) => "missing-file",
                Refused::Outside => "outside-repository",
                Refused::TooLarge { .. } => "file-too-large",
            };
            let mut problem = unlocated(rule, file, {
                let (file, refused) = (file.display().to_string(), refused.to_string());
                crate::lang::t!("load-cannot-read", file = file, reason = refused)
            });
            if let Refused::TooLarge { .. } = refused {
                problem = problem.with_hint(crate::lang::t!("load-file-too-large-hint"));
            }
            problems.push(problem);
            unread.files.insert(file.to_path_buf());
            return None;
        }
    };
    if text.trim().is_empty() {
        problems.push(unlocated(
            "yaml-syntax",
            file,
            crate::lang::t!("load-empty-file"),
        ));
        unread.files.insert(file.to_path_buf());
        return None;
    }
    // The text is taken apart for recovery only after a first mistake:
    // most files have none.
    let mut recovering: Option<Recovery> = None;
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut syntax = false;
    // A lock's fält, most of its text, is passed over unread.
    let lock = file.file_name() == Some(std::ffi::OsStr::new(LOCK_FILE));
    // A lock holds no text of its own that reaches a document.
    if !lock {
        files.scan_personal_numbers(file, &text);
    }
    let parsed = if lock {
        without_recorded_fields(&text)
    } else {
        std::borrow::Cow::Borrowed(text.as_str())
    };
    let value = loop {
        let attempt = match &recovering {
            None => serde_saphyr::from_str_with_options::<T>(&parsed, options()),
            Some(recovery) => serde_saphyr::from_str_with_options::<T>(&recovery.text(), options()),
        };
        let error = match attempt {
            Ok(value) => break Some(value),
            Err(error) => error,
        };
        let recovery = recovering.get_or_insert_with(|| Recovery::new(&parsed));
        let message = strip_location(&error.without_snippet().to_string());
        let mut at = error
            .location()
            .filter(|at| at.line() > 0)
            .map_or(loc(file, 1, 1), |at| loc(file, at.line(), at.column()));
        if message.contains("tab") {
            at = at_tab(&text, at);
        }
        let in_file = Loc {
            column: recovery.column_in_file(at.line, at.column),
            ..at.clone()
        };
        let problem = explain(in_file, &message);
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next());
        // A required field taken out for its own mistake is not missing
        // a second time.
        let consequence = missing.is_some_and(|name| recovery.follows(name, at.line, at.column));
        // A field given twice is read once, and that file read on.
        let stop = matches!(problem.rule, "yaml-syntax" | "yaml-limit")
            && !message.contains("is given twice");
        // An alias whose anchor was in an entry taken out.
        let consequence = consequence || (!found.is_empty() && message.contains("anchor"));
        if !consequence && !found.contains(&problem) {
            found.push(problem);
        }
        if stop {
            syntax = true;
            break None;
        }
        // A mistake about a whole value (a missing field, a list or fields
        // where something else was expected) takes out the value that
        // starts here, not its first entry.
        let whole = message.contains("invalid type: map")
            || message.contains("invalid type: sequence")
            || message.starts_with("expected a person")
            || message.starts_with("expected a decision document")
            || message.starts_with("data did not match");
        // A field name with a slip is read as the field it means, when
        // that is not written too: the item keeps its title and its §.
        let meant = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split_once('`'))
            .and_then(|(field, expected)| nearest(field, &expected_names(expected)));
        if let Some(meant) = meant
            && let Outcome::Again = recovery.rename(at.line, at.column, meant)
        {
            continue;
        }
        match recovery.take_out(at.line, at.column, whole, missing.is_some()) {
            Outcome::Again => continue,
            Outcome::Stop => {
                if recovery.spent() {
                    found.push(
                        Diagnostic::error(
                            "yaml-limit",
                            loc(file, 1, 1),
                            crate::lang::t!("load-too-many-mistakes", count = found.len()),
                        )
                        .with_hint(crate::lang::t!("load-too-many-mistakes-hint")),
                    );
                }
                break None;
            }
        }
    };
    if !found.is_empty() {
        unread.files.insert(file.to_path_buf());
        if file == Path::new(ORGANISATION_FILE) {
            unread.persons.extend(
                recovering
                    .iter()
                    .flat_map(Recovery::taken)
                    .map(str::to_string),
            );
        }
    }
    problems.extend(found);
    if !syntax {
        // What was parsed: a lock's fält, passed over, is not looked at.
        problems.extend(continued_lines(&parsed, file));
        problems.extend(control_characters(&parsed, file));
        // A lock's values are compared, never printed: no font need show
        // them and no PDF string hold them.
        if !lock {
            problems.extend(super::glyphs::check(&text, file));
        }
    }
    value
}

/// The lines of `text` as YAML counts them: broken by LF, CRLF or a lone
/// CR (`str::lines` knows no lone CR, so its line numbers would not be the
/// parser's).
fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'))
}

/// Characters no document can show: control characters other than tab and
/// line breaks (a form feed or an escape pasted from another program), and
/// the Unicode noncharacters. YAML lets some of them through in quoted or
/// block text; a PDF would hold them as invisible garbage. One finding per
/// line.
fn control_characters(text: &str, file: &Path) -> Vec<Diagnostic> {
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c as u32, 0xFDD0..=0xFDEF)
            || (c as u32 & 0xFFFE) == 0xFFFE
    };
    // Most files have neither such a character nor an escape.
    if !text.contains('\\') && !text.chars().any(bad) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (index, line) in yaml_lines(text).enumerate() {
        let written = line.chars().enumerate().find(|(_, c)| bad(*c));
        // An escape needs a backslash: most lines have none to look at.
        let escape = || line.contains('\\').then(|| escaped(line, bad)).flatten();
        if let Some((column, c)) = written.or_else(escape) {
            found.push(
                Diagnostic::error(
                    "control-character",
                    loc(file, index as u64 + 1, column as u64 + 1),
                    {
                        let code = format!("U+{:04X}", c as u32);
                        crate::lang::t!("load-control-character", code = code)
                    },
                )
                .with_hint(crate::lang::t!("load-control-character-hint")),
            );
        }
    }
    found
}

/// The first character a double-quoted scalar on `line` writes as an escape
/// (`"\a"`, `"\x07"`, `"\u001B"`) that `bad` refuses, with the column of
/// its backslash.
fn escaped(line: &str, bad: impl Fn(char) -> bool) -> Option<(usize, char)> {
    let chars: Vec<char> = line.chars().collect();
    let (mut quoted, mut single) = (false, false);
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        match c {
            '\'' if !quoted => single = !single,
            '"' if !single => quoted = !quoted,
            '#' if !quoted && !single => return None,
            '\\' if quoted => {
                let next = chars.get(index + 1).copied().unwrap_or(' ');
                let hex = |len: usize| -> Option<char> {
                    let digits: String = chars.get(index + 2..index + 2 + len)?.iter().collect();
                    char::from_u32(u32::from_str_radix(&digits, 16).ok()?)
                };
                let value = match next {
                    '0' => Some('\0'),
                    'a' => Some('\u{7}'),
                    'b' => Some('\u{8}'),
                    'e' => Some('\u{1b}'),
                    'f' => Some('\u{c}'),
                    'v' => Some('\u{b}'),
                    'x' => hex(2),
                    'u' => hex(4),
                    'U' => hex(8),
                    _ => None,
                };
                if let Some(value) = value.filter(|v| bad(*v)) {
                    return Some((index, value));
                }
                // The escaped character, whatever it is, is not a quote.
                index += 2;
                continue;
            }
            _ => {}
        }
        index += 1;
    }
    None
}

/// Lines that YAML reads as the continuation of the plain value above them,
/// though they look like an entry of their own: a mis-indented `- item`
/// under `- Tjänsteskrivelse` is read as "Tjänsteskrivelse - item", and a
/// deeper `field: value` under `rubrik: Budget` as part of the title.
/// Block scalars (`|`, `>`) hold text as written and are skipped.
fn continued_lines(text: &str, file: &Path) -> Vec<Diagnostic> {
    let indent = |line: &str| line.chars().take_while(|c| *c == ' ').count();
    let looks_like_entry = |rest: &str| {
        rest.starts_with("- ") || rest == "-" || {
            let key: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
            key.len() > 1
                && key.ends_with(':')
                && key[..key.len() - 1]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
        }
    };
    let mut found = Vec::new();
    // The open value: its indentation, line number and first text, and
    // whether it is a block scalar (whose lines are text, whatever they say).
    let mut open: Option<(usize, usize, String, bool)> = None;
    for (index, line) in yaml_lines(text).enumerate() {
        let rest = line.trim_start_matches(' ');
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        let depth = indent(line);
        if let Some((at, first_line, first, block)) = &open {
            if depth > *at {
                if !block && looks_like_entry(rest) {
                    found.push(
                        Diagnostic::warning(
                            "continued-line",
                            loc(file, index as u64 + 1, depth as u64 + 1),
                            {
                                let text = format!("{first} {}", rest.trim_end());
                                crate::lang::t!(
                                    "load-continued-line",
                                    line = *first_line,
                                    text = text
                                )
                            },
                        )
                        .with_hint(crate::lang::t!("load-continued-line-hint")),
                    );
                }
                continue;
            }
            open = None;
        }
        // What starts here: `- value`, `- key: value` (a mapping in a list,
        // whose further keys stand under `key`) or `key: value`, with a
        // value on the line; `at` is the column deeper lines continue from.
        let (at, value) = match rest.strip_prefix("- ") {
            Some(item) => {
                let item_column = depth + 2 + indent(item);
                let item = item.trim_start();
                match item.split_once(": ") {
                    Some((key, after)) if looks_like_entry(&format!("{key}:")) => {
                        (item_column, after)
                    }
                    _ => (depth, item),
                }
            }
            None => match rest.split_once(": ") {
                Some((_, after)) => (depth, after),
                None => continue,
            },
        };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let block = value.starts_with('|') || value.starts_with('>');
        let quoted_or_flow = value.starts_with(['"', '\'', '[', '{', '&', '*', '!', '#']);
        if block || !quoted_or_flow {
            let first = value.chars().take(40).collect::<String>();
            open = Some((at, index + 1, first, block));
        }
    }
    found
}

/// The tab the parser complains about: it may report the end of the line
/// before, so the first tab in a line's indentation from the reported
/// line on is where the mistake is; the parser's place if there is none.
fn at_tab(text: &str, at: Loc) -> Loc {
    let from = usize::try_from(at.line).unwrap_or(1).saturating_sub(1);
    let found = text
        .lines()
        .enumerate()
        .skip(from)
        .find_map(|(index, line)| {
            let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
            let column = indent.chars().position(|c| c == '\t')?;
            Some((index + 1, column + 1))
        });
    match found {
        Some((line, column)) => Loc {
            file: at.file,
            line: line as u64,
            column: column as u64,
        },
        None => at,
    }
}

/// The parser's limits: far above what a meeting's files need, far below
/// what would let an alias bomb or deep nesting exhaust memory or the stack.
fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 32;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_nodes = 200_000;
    budget.max_documents = 1;
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = 100_000;
    options.alias_limits.max_replay_stack_depth = 16;
    options
}

/// The limit of `options` that the parser's message says was passed, in
/// a secretary's words.
fn beyond_limits(message: &str) -> Option<String> {
    if message.contains("alias replay") {
        return Some(crate::lang::t!("load-limit-alias-replay"));
    }
    let breach = message.strip_prefix("budget breached: ")?;
    Some(match breach.split([' ', '{']).next().unwrap_or_default() {
        "Aliases" => crate::lang::t!("load-limit-aliases"),
        "Anchors" => crate::lang::t!("load-limit-anchors"),
        "Depth" | "MaxDepth" => crate::lang::t!("load-limit-depth"),
        "Nodes" => crate::lang::t!("load-limit-nodes"),
        "Documents" => crate::lang::t!("load-limit-documents"),
        _ => crate::lang::t!("load-limit-other"),
    })
}

/// Turns the YAML parser's message into a diagnostic with a rule id and, for
/// unknown fields, the nearest known one.
fn explain(at: Loc, message: &str) -> Diagnostic {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = expected_names(expected);
        let mut problem = Diagnostic::error(
            "unknown-field",
            at,
            crate::lang::t!("load-unknown-field", field = field),
        );
        let listed = known.join(", ");
        problem = match nearest(field, &known) {
            Some(near) => problem.with_hint(crate::lang::t!(
                "load-unknown-field-near-hint",
                near = near,
                listed = &listed
            )),
            None if known.is_empty() => problem.with_hint(crate::lang::t!("load-no-fields-hint")),
            None => problem.with_hint(crate::lang::t!("load-unknown-field-hint", listed = &listed)),
        };
        return problem;
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        return unknown_value(at, rest);
    }
    if let Some(limit) = beyond_limits(message) {
        return Diagnostic::error(
            "yaml-limit",
            at,
            crate::lang::t!("load-beyond-limits", limit = limit),
        )
        .with_hint(crate::lang::t!("load-beyond-limits-hint"));
    }
    let rule = if message.starts_with("missing field") {
        "missing-field"
    } else if message.contains("is not a date") {
        "invalid-date"
    } else if message.contains("time of day") {
        "invalid-time"
    } else if message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.starts_with("a presenter is either")
        || scalar_kind(message).is_some()
        || message.starts_with("unknown variant")
        || message.starts_with("expected")
        || message.starts_with("data did not match")
    {
        "wrong-type"
    } else {
        "yaml-syntax"
    };
    let problem = Diagnostic::error(rule, at, said(rule, message));
    if rule != "yaml-syntax" {
        return problem;
    }
    if message.contains("tab") {
        problem.with_hint(crate::lang::t!("load-tab-hint"))
    } else if message.contains("mapping values are not allowed") {
        problem.with_hint(crate::lang::t!("load-colon-hint"))
    } else {
        problem
    }
}

/// The message rsr made of the parser's (`strip_location`, the model's own
/// checks of dates and times), in the run's language. The English texts
/// are what the rules above match on, so they are translated only here, at
/// the end; a parser's text that rsr does not know stays as it is.
fn said(rule: &str, message: &str) -> String {
    fn quoted(text: &str) -> Option<(&str, &str)> {
        text.strip_prefix('`')?.split_once('`')
    }
    match message {
        "expected a list: `[a, b]`, or one `- a` per line" => {
            return crate::lang::t!("load-expected-list");
        }
        "expected fields: one `name: value` per line" => {
            return crate::lang::t!("load-expected-fields");
        }
        "expected text" => return crate::lang::t!("load-expected-text"),
        _ => {}
    }
    if message.starts_with("expected a person: ") {
        return crate::lang::t!("load-expected-person");
    }
    if message.starts_with("expected a decision document: ") {
        return crate::lang::t!("load-expected-document");
    }
    if message.starts_with("missing field `person` or `namn`: ") {
        return crate::lang::t!("load-presenter-without-person");
    }
    if message.starts_with("a presenter is either") {
        return crate::lang::t!("load-presenter-both");
    }
    if let Some(kind) = scalar_kind(message) {
        return crate::lang::t!("load-expected-scalar", kind = kind);
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "))
    {
        return crate::lang::t!(
            "load-invalid-type",
            found = found_value(found),
            expected = expected_value(expected)
        );
    }
    if let Some((value, rest)) = quoted(message) {
        if rest.starts_with(" is given twice") {
            return crate::lang::t!("load-duplicate-key", key = value);
        }
        if rest.starts_with(" is not a date") {
            return crate::lang::t!("load-invalid-date", value = value);
        }
        if rest.starts_with(" is not a time of day") {
            return crate::lang::t!("load-invalid-time", value = value);
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return crate::lang::t!("load-missing-field", field = field);
    }
    if let Some(value) = message
        .strip_prefix("expected a time of day such as `13:15`, found `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return crate::lang::t!("load-expected-time", value = value);
    }
    match message {
        "while parsing a block mapping, did not find expected key" => {
            crate::lang::t!("load-yaml-block-mapping")
        }
        "tabs disallowed within this context (block indentation)" => {
            crate::lang::t!("load-yaml-tab")
        }
        "a BOM must not appear inside a document" => crate::lang::t!("load-yaml-bom"),
        "illegal placement of ':' indicator" => crate::lang::t!("load-yaml-colon"),
        "mapping values are not allowed in this context" => {
            crate::lang::t!("load-yaml-mapping-values")
        }
        // The parser's own words, which rsr cannot read further: quoted
        // inside a sentence of the run's language.
        _ if rule == "yaml-syntax" => crate::lang::t!("load-yaml-syntax", parser = message),
        _ => message.to_string(),
    }
}

/// The kind of scalar a parser's "invalid boolean", "invalid u32" … wanted:
/// `boolean` or `number`.
fn scalar_kind(message: &str) -> Option<&'static str> {
    match message.strip_prefix("invalid ")? {
        "boolean" | "bool" => Some("boolean"),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
        | "integer" | "f32" | "f64" | "float" => Some("number"),
        _ => None,
    }
}

/// What serde says it found ("sequence", "integer `5`", "string \"x\""),
/// in the run's language; what rsr does not know is quoted as it is.
fn found_value(found: &str) -> String {
    let value = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|rest| rest.trim_matches(['`', '"']).to_string())
    };
    if found == "sequence" {
        crate::lang::t!("load-found-list")
    } else if found == "map" {
        crate::lang::t!("load-found-fields")
    } else if found == "unit value" || found == "null" {
        crate::lang::t!("load-found-nothing")
    } else if let Some(text) = value("string ") {
        crate::lang::t!("load-found-text", value = text)
    } else if let Some(number) = value("integer ").or_else(|| value("floating point ")) {
        crate::lang::t!("load-found-number", value = number)
    } else if let Some(truth) = value("boolean ") {
        crate::lang::t!("load-found-boolean", value = truth)
    } else {
        format!("`{found}`")
    }
}

/// What serde says was expected: rsr's own descriptions of a date, a
/// sub-item and a presenter, or serde's names of the kinds of value.
fn expected_value(expected: &str) -> String {
    if expected.starts_with("a date such as") {
        crate::lang::t!("load-expected-date-or-fields")
    } else if expected.starts_with("a sub-item") {
        crate::lang::t!("load-expected-sub-item")
    } else if expected.starts_with("a presenter") {
        crate::lang::t!("load-expected-presenter")
    } else if expected == "a string" || expected == "string" {
        crate::lang::t!("load-expected-kind-text")
    } else if expected == "a sequence" {
        crate::lang::t!("load-expected-kind-list")
    } else if expected.starts_with("struct ") || expected == "a map" {
        crate::lang::t!("load-expected-kind-fields")
    } else if expected == "a boolean" {
        crate::lang::t!("load-expected-kind-boolean")
    } else if [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
    ]
    .contains(&expected)
    {
        crate::lang::t!("load-expected-kind-number")
    } else {
        format!("`{expected}`")
    }
}

/// The names the parser lists after "expected one of": `a`, `b`, `c`.
fn expected_names(expected: &str) -> Vec<&str> {
    expected
        .trim_start_matches([',', ' '])
        .trim_start_matches("expected one of ")
        .trim_start_matches("expected ")
        .split(", ")
        .map(|name| name.trim_matches('`'))
        .filter(|name| !name.is_empty())
        .collect()
}

/// The one of `known` that `wanted` means: the same word in other letters
/// (`Fysiskt` → `fysiskt`, `Kn` → `kn`), else the nearest.
pub fn meant<'a>(wanted: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = wanted.to_lowercase();
    let same = known
        .iter()
        .find(|name| name.to_lowercase() == lower)
        .copied();
    same.or_else(|| nearest(&lower, known))
}

/// A value that is not one of those a field takes (`form: Fysiskt`), with
/// the one meant: the same word in other letters first (`Fysiskt` →
/// `fysiskt`), else the nearest (`fysikt` → `fysiskt`). `rest` is what
/// follows "unknown variant `" in the parser's message.
fn unknown_value(at: Loc, rest: &str) -> Diagnostic {
    let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let known = expected_names(expected);
    let listed = known
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let problem = Diagnostic::error(
        "wrong-type",
        at,
        crate::lang::t!("load-unknown-value", value = value, listed = &listed),
    );
    match meant(value.trim(), &known) {
        Some(near) => problem.with_hint(crate::lang::t!("load-did-you-mean", near = near)),
        None => problem,
    }
}

/// The YAML parser's message in a secretary's terms, without the position
/// it appends (the snippet shows that).
fn strip_location(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    match message {
        "expected sequence start" => "expected a list: `[a, b]`, or one `- a` per line".to_string(),
        "expected mapping start" => "expected fields: one `name: value` per line".to_string(),
        "expected string scalar" => "expected text".to_string(),
        "data did not match any variant of untagged enum PersonRefValue" => {
            "expected a person: an id from rsr.yaml, or `{namn: …}` for a guest (an id such as yes, no, on, off or null is read as something else unless quoted: `'no'`)".to_string()
        }
        "data did not match any variant of untagged enum Document" => {
            "expected a decision document: a title, or `{titel: …, fil: …}`".to_string()
        }
        other => match other
            .strip_prefix("duplicate mapping key: ")
            .and_then(|rest| rest.strip_suffix(", set DuplicateKeyPolicy in Options if acceptable"))
        {
            Some(key) => {
                format!("`{key}` is given twice: a field may appear once, so remove one of them")
            }
            None => other.to_string(),
        },
    }
}

fn subdirectories(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    entries(root, dir, problems)
        .into_iter()
        .filter(|(path, kind)| kind.is_dir() || (kind.is_symlink() && root.join(path).is_dir()))
        .map(|(path, _)| path)
        .collect()
}

fn yaml_files(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let listed = entries(root, dir, problems);
    yaml_files_of(root, listed, problems)
}

/// `yaml_files`, of a folder's entries as `entries` listed them.
fn yaml_files_of(
    root: &Path,
    listed: Vec<(PathBuf, std::fs::FileType)>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for (path, kind) in listed {
        if !path
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "yml")
        {
            continue;
        }
        // The folder's listing tells a plain file without a look at it.
        if kind.is_file() || (kind.is_symlink() && root.join(&path).is_file()) {
            found.push(path);
        } else {
            // Named like an item, so meant as one: not skipped unsaid.
            let what = match std::fs::metadata(root.join(&path)) {
                Ok(meta) if meta.is_dir() => "folder",
                Ok(_) => "special",
                Err(_) => "nothing",
            };
            problems.push(unlocated(
                "missing-file",
                &path,
                t!("load-not-a-readable-file", file = &path, what = what),
            ));
        }
    }
    found
}

/// The entries directly inside `dir`, sorted by name, relative to `root`,
/// each with its kind as the listing gives it (a link as a link). Hidden
/// entries (`.git`, editor files) are skipped.
fn entries(
    root: &Path,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, std::fs::FileType)> {
    let mut found = Vec::new();
    for entry in WalkDir::new(root.join(dir))
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        match entry {
            Ok(entry) if entry.file_name().to_str().is_none() => problems.push(unlocated(
                "file-name",
                &dir.join(entry.file_name()),
                t!(
                    "load-name-not-utf8",
                    name = entry.file_name().to_string_lossy().into_owned(),
                    folder = dir
                ),
            )),
            Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => {
                found.push((dir.join(entry.file_name()), entry.file_type()));
            }
            Ok(_) => {}
            Err(error) => problems.push(unlocated(
                "missing-file",
                dir,
                t!("cmd-cannot-read", file = dir, reason = error.to_string()),
            )),
        }
    }
    found
}

fn loc(file: &Path, line: u64, column: u64) -> Loc {
    Loc {
        file: file.to_path_buf(),
        line,
        column,
    }
}

/// A problem with a whole file or folder: shown at its start.
fn unlocated(rule: &'static str, file: &Path, message: String) -> Diagnostic {
    Diagnostic::error(rule, loc(file, 1, 1), message)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_locks_recorded_fields_are_passed_over_only_when_they_end_it() {
        let lock =
            "format: 2\ninnehåll: ab\nfält:\n  \"a.yaml\":\n    \"/beslut\": \"x\"\n\n# note\n";
        assert_eq!(
            without_recorded_fields(lock),
            "format: 2\ninnehåll: ab\nfält: {}\n"
        );
        let crlf = "format: 2\r\nfält:\r\n  \"a.yaml\": {}\r\n";
        assert_eq!(without_recorded_fields(crlf), "format: 2\r\nfält: {}\n");
        // A key after it, or none at all: the text as it is.
        let after = "fält:\n  \"a.yaml\": {}\nutskrift: {}\n";
        assert_eq!(without_recorded_fields(after), after);
        let none = "format: 1\ninnehåll: ab\n";
        assert_eq!(without_recorded_fields(none), none);
        // Not the key, only text that mentions it.
        let quoted = "x: |\n  fält:\n";
        assert_eq!(without_recorded_fields(quoted), quoted);
    }

    use super::*;

    #[test]
    fn item_ids_drop_the_ordering_prefix() {
        assert_eq!(item_id(Path::new("m/03-khoss.yaml")), "khoss");
        assert_eq!(item_id(Path::new("m/10_ovrigt.yaml")), "ovrigt");
        assert_eq!(item_id(Path::new("m/paus.yaml")), "paus");
        assert_eq!(item_id(Path::new("m/2026.yaml")), "2026");
    }

    #[test]
    fn near_misses_are_suggested() {
        assert_eq!(
            nearest("sara.lewerenz", &["sara.lewerentz", "peter.jemtbring"]),
            Some("sara.lewerentz")
        );
        assert_eq!(nearest("xyz", &["sara.lewerentz"]), None);
    }
}
