//! `rsr justera`: when a meeting is adjusted, records in `justering.lock`
//! the seal of its protokoll (`check::seal`: a hash of everything it
//! shows). `rsr check` compares that with the repository as it is, so a
//! changed adjusted protokoll is an error unless the change is recorded as
//! a rättelse. Beside the data it seals what the reader sees
//! (`review::printed`): the printed text of the protokoll and its public
//! version, and the bytes of the beslutsunderlag files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::check::fields::{self, Record};
use crate::check::gate::{self, Gate};
use crate::check::seal::{Seal, Standing, seal_before, seal_of, standing};
use crate::error::Error;
use crate::lang::t;
use crate::repo::load::LOCK_FILE;
use crate::repo::model::{Body, Meeting, NextMeeting, Repository, Status};
use crate::repo::sandbox::Refused;
use crate::repo::scaffold::scalar;
use crate::review::printed;
use crate::sv;
use crate::typeset::Renderer;
use crate::typeset::worker::{Ceilings, Worker};

/// What `rsr justera` may be told.
#[derive(Debug, Default)]
pub struct Options {
    /// The date of justering; by default the one in meeting.yaml, else today.
    pub date: Option<NaiveDate>,
    /// Where the justering takes place, when meeting.yaml does not say.
    pub place: Option<String>,
    /// Today, for the default date.
    pub today: NaiveDate,
}

/// What `rsr justera` did.
#[derive(Debug)]
pub struct Outcome {
    pub lock: PathBuf,
    pub message: String,
}

/// `rsr justera <body> <date>`: marks a held meeting as adjusted and seals
/// its protokoll, or seals an adjusted one again after a rättelse.
pub fn justera(
    root: &Path,
    body: &str,
    date: NaiveDate,
    options: &Options,
) -> Result<Outcome, Error> {
    let repository = loaded(root)?;
    let body = repository.body(body).map_err(Error::Usage)?;
    let meeting = body.meeting(date).ok_or_else(|| {
        let folder = body
            .file
            .parent()
            .unwrap_or(Path::new(""))
            .display()
            .to_string();
        let day = date.to_string();
        Error::Usage(crate::lang::t!(
            "cmd-justera-no-meeting",
            body = &body.spec.short_name,
            date = day,
            folder = folder
        ))
    })?;
    let label = format!("{} {date}", body.spec.short_name);
    if meeting.status().is_cancelled() {
        return Err(Error::Usage(crate::lang::t!(
            "cmd-justera-cancelled",
            meeting = &label
        )));
    }
    if !meeting.status().reached(Status::Held) {
        return Err(Error::Usage(crate::lang::t!(
            "cmd-justera-not-held",
            meeting = &label,
            status = meeting.status().label()
        )));
    }
    let file = root.join(&meeting.file);
    let original = read_text(&repository, &meeting.file)?;

    if let (Status::Adjusted, Some((_, lock))) = (meeting.status(), &meeting.lock) {
        let now = seal_of(&repository, body, meeting);
        let before = || seal_before(&repository, body, meeting, lock.corrections);
        return match standing(meeting, lock, &now, before) {
            // A lock from before rsr sealed the printed text gets it, and
            // nothing else changes: the data is as sealed.
            Standing::Sealed if lock.printed.is_none() => {
                let printout = printout(&repository, body, meeting)?;
                let relative = meeting.dir.join(LOCK_FILE);
                let mut text = read_text(&repository, &relative)?;
                // Added at the end: what the lock said stays as it was.
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&printout.to_yaml());
                crate::output::write::file(&root.join(&relative), text.as_bytes())?;
                Ok(Outcome {
                    lock: relative,
                    message: crate::lang::t!("cmd-justera-printout-added", meeting = &label),
                })
            }
            Standing::Sealed => Ok(Outcome {
                lock: meeting.dir.join(LOCK_FILE),
                message: {
                    let adjusted = lock.adjusted.value.0.to_string();
                    crate::lang::t!(
                        "cmd-justera-unchanged",
                        meeting = &label,
                        adjusted = adjusted
                    )
                },
            }),
            Standing::Corrected { paragraphs } => {
                let fields = fields::record(&repository, body, meeting);
                let written = write(
                    root,
                    meeting,
                    lock.adjusted.value.0,
                    (&now, &fields, Some(&printout(&repository, body, meeting)?)),
                    lock.commit.clone(),
                )?;
                Ok(Outcome {
                    lock: written,
                    message: {
                        let parts = changed_parts(&paragraphs);
                        crate::lang::t!("cmd-justera-corrected", meeting = &label, parts = parts)
                    },
                })
            }
            Standing::Changed { .. } => Err(Error::Repository({
                let file = meeting.file.display().to_string();
                crate::lang::t!("cmd-justera-changed", meeting = &label, file = file)
            })),
        };
    }

    let adjusted_on = options
        .date
        .or(meeting.spec.justering.as_ref().map(|j| j.date.value.0))
        .unwrap_or(options.today);
    let next = next_meeting_file(body, meeting);
    let edited = mark_adjusted(
        &original,
        meeting,
        adjusted_on,
        options.place.as_deref(),
        next,
    )?;
    // The body's informationsbeslut, written into each information item
    // that shows it: the sealed protokoll then says it in its own files.
    let defaults = default_decisions(&repository, body, meeting)?;
    // Debris of a justering killed before: temporary files beside the
    // meeting's files.
    crate::output::write::remove_stale(&root.join(&meeting.dir));
    // Each file is written whole by rename, or not at all: the items'
    // decisions, meeting.yaml, then the lock. Killed between two, the
    // meeting is held, or justerad without its lock (`adjusted-unsealed`),
    // and `rsr justera` run again completes it.
    // From here on the meeting file and the items are restored on any
    // failure.
    let mut written = Vec::new();
    let sealed = (|| {
        for (item, original, text) in &defaults {
            crate::output::write::file(item, text.as_bytes())?;
            written.push((item, original));
        }
        crate::output::write::file(&file, edited.as_bytes())?;
        let repository = checked(root, &meeting.file)?;
        let body = repository
            .bodies
            .iter()
            .find(|b| b.file == body.file)
            .ok_or_else(|| Error::Repository(t!("cmd-justera-disappeared", meeting = &label)))?;
        let meeting = body
            .meeting(date)
            .ok_or_else(|| Error::Repository(t!("cmd-justera-disappeared", meeting = &label)))?;
        let now = seal_of(&repository, body, meeting);
        let fields = fields::record(&repository, body, meeting);
        let printout = printout(&repository, body, meeting)?;
        write(
            root,
            meeting,
            adjusted_on,
            (&now, &fields, Some(&printout)),
            crate::review::git::head_commit(root),
        )
    })();
    match sealed {
        Ok(lock) => Ok(Outcome {
            lock,
            message: {
                let day = crate::lang::long_date(adjusted_on);
                let mut message =
                    crate::lang::t!("cmd-justera-sealed", meeting = &label, date = day);
                if !defaults.is_empty() {
                    let files: Vec<String> = defaults
                        .iter()
                        .filter_map(|(path, _, _)| path.file_name())
                        .map(|name| name.to_string_lossy().into_owned())
                        .collect();
                    let files = crate::lang::join_and(&files);
                    message.push_str(&crate::lang::t!(
                        "cmd-justera-informationsbeslut",
                        files = files
                    ));
                }
                message
            },
        }),
        Err(error) => {
            // Every file back, whichever fails to be; then the first
            // failure, else what stopped the justering.
            let mut failed = None;
            for (item, original) in written {
                if let Err(e) = crate::output::write::file(item, original.as_bytes()) {
                    failed.get_or_insert(e);
                }
            }
            if let Err(e) = crate::output::write::file(&file, original.as_bytes()) {
                failed.get_or_insert(e);
            }
            Err(failed.unwrap_or(error))
        }
    }
}

/// The information items of `meeting` whose protokoll paragraph shows the
/// body's `informationsbeslut:`, each as its path, its text now and its
/// text with that decision written in as `beslut:`.
fn default_decisions(
    repository: &crate::repo::model::Repository,
    body: &Body,
    meeting: &Meeting,
) -> Result<Vec<(PathBuf, String, String)>, Error> {
    let mut edits = Vec::new();
    for item in &meeting.items {
        let Some(decision) = body.default_decision(meeting, &item.spec) else {
            continue;
        };
        let path = repository.root().join(&item.file);
        let original = read_text(repository, &item.file)?;
        let text = with_decision(&original, decision).ok_or_else(|| {
            Error::Repository(t!(
                "cmd-justera-cannot-write-decision",
                file = &item.file,
                decision = scalar(decision)
            ))
        })?;
        edits.push((path, original, text));
    }
    Ok(edits)
}

/// An item file with `decision` as its `beslut:`: an empty `beslut:` line
/// (`beslut:`, `beslut: ""`, `beslut: |` …) given the value, or a `beslut:`
/// line added at the end; `None` when a `beslut:` line holds something
/// else (the item would then have had a decision of its own).
fn with_decision(text: &str, decision: &str) -> Option<String> {
    let line = format!("beslut: {}", scalar(decision));
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    match lines.iter().position(|l| l.starts_with("beslut:")) {
        Some(at) => {
            let rest = lines[at]["beslut:".len()..].trim();
            let rest = rest.split(" #").next().unwrap_or_default().trim();
            if !matches!(
                rest,
                "" | "\"\"" | "''" | "|" | ">" | "|-" | ">-" | "~" | "null"
            ) {
                return None;
            }
            lines[at] = line;
        }
        None => lines.push(line),
    }
    // The file's own line ending, CRLF as Windows editors write it.
    let ending = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut edited = lines.join(ending);
    edited.push_str(ending);
    Some(edited)
}

fn changed_parts(paragraphs: &[u32]) -> String {
    if paragraphs.is_empty() {
        crate::lang::t!("cmd-justera-first-page")
    } else {
        crate::lang::paragraphs(paragraphs)
    }
}

/// The repository, loaded; any problem in a file stops `rsr justera`.
fn loaded(root: &Path) -> Result<crate::repo::model::Repository, Error> {
    Ok(gate::open(root, Gate::Loaded)?.repository)
}

/// A YAML file of the repository as text, through the sandbox and within
/// the YAML limit.
fn read_text(repository: &Repository, relative: &Path) -> Result<String, Error> {
    let limit = repository.organisation.limits.yaml_bytes();
    match repository.files.read(relative, limit) {
        Ok(bytes) => String::from_utf8(bytes)
            .map_err(|_| Error::Repository(t!("cmd-not-utf8", file = relative))),
        Err(Refused::Io(e)) => Err(Error::io(repository.root().join(relative), e)),
        Err(refused) => Err(Error::Repository(t!(
            "cmd-cannot-read",
            file = relative,
            reason = refused.to_string()
        ))),
    }
}

/// The repository after every rule: a protokoll with errors is not sealed.
/// Its warnings are `rsr check`'s to show. That the meeting being sealed
/// (its meeting.yaml `sealing`) is justerad without its lock is what this
/// run mends, not an error.
fn checked(root: &Path, sealing: &Path) -> Result<crate::repo::model::Repository, Error> {
    let gated = gate::open(root, Gate::Reported)?;
    let errors: Vec<_> = gated
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .filter(|d| !(d.rule == "adjusted-unsealed" && d.loc.file == sealing))
        .collect();
    if errors.is_empty() {
        Ok(gated.repository)
    } else {
        Err(Error::Data(errors))
    }
}

/// The meeting that `nästa_möte:` names by its date alone, when a folder
/// holds it: the protokoll shows its time and place, which `rsr justera`
/// writes into meeting.yaml, so that the sealed protokoll does not change
/// when that meeting is later moved.
fn next_meeting_file<'a>(body: &'a Body, meeting: &Meeting) -> Option<&'a Meeting> {
    let next = meeting.spec.next_meeting.as_ref()?;
    match next.value {
        NextMeeting::Date(date) => body.meeting(date.0),
        NextMeeting::Planned(_) => None,
    }
}

/// meeting.yaml with `status: justerad`, the justering's date, and the next
/// meeting's time and place as they stand, its comments and layout kept.
fn mark_adjusted(
    text: &str,
    meeting: &Meeting,
    date: NaiveDate,
    place: Option<&str>,
    next: Option<&Meeting>,
) -> Result<String, Error> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if let (Some(written), Some(next)) = (&meeting.spec.next_meeting, next) {
        let start = next.spec.start.value;
        let value = format!(
            "{{datum: {}, start: \"{:02}:{:02}\", plats: {}}}",
            sv::iso_date(next.date()),
            start.hour,
            start.minute,
            // In a flow mapping a comma ends a plain scalar: always quoted.
            serde_json::Value::String(next.spec.place.clone())
        );
        replace_value(&mut lines, written.line, written.column, &value)
            .map_err(Error::Repository)?;
    }
    let status = &meeting.spec.status;
    replace_value(&mut lines, status.line, status.column, "justerad").map_err(Error::Repository)?;
    match &meeting.spec.justering {
        Some(justering) => {
            if place.is_some() {
                return Err(Error::Usage(t!(
                    "cmd-justera-place-given",
                    file = &meeting.file
                )));
            }
            let at = &justering.date;
            replace_value(&mut lines, at.line, at.column, &sv::iso_date(date))
                .map_err(Error::Repository)?;
        }
        None => {
            let place = place
                .ok_or_else(|| Error::Usage(t!("cmd-justera-no-place", file = &meeting.file)))?;
            lines.push("justering:".into());
            lines.push(format!("  datum: {}", sv::iso_date(date)));
            lines.push(format!("  plats: {}", scalar(place)));
        }
    }
    let mut edited = lines.join("\n");
    edited.push('\n');
    Ok(edited)
}

/// Replaces the scalar that starts at a 1-based line and column (as the
/// loader located it) with `value`, in block or flow style alike.
fn replace_value(lines: &mut [String], line: u64, column: u64, value: &str) -> Result<(), String> {
    let index = usize::try_from(line).unwrap_or(0).saturating_sub(1);
    let text = lines
        .get_mut(index)
        .ok_or_else(|| t!("cmd-justera-no-line", line = line))?;
    let chars: Vec<char> = text.chars().collect();
    let start = usize::try_from(column).unwrap_or(0).saturating_sub(1);
    if start >= chars.len() {
        return Err(t!("cmd-justera-no-value", line = line, column = column));
    }
    let end = chars[start..]
        .iter()
        .position(|c| matches!(c, ' ' | '\t' | ',' | '}' | ']' | '#'))
        .map_or(chars.len(), |n| start + n);
    let before: String = chars[..start].iter().collect();
    let after: String = chars[end..].iter().collect();
    *text = format!("{before}{value}{after}");
    Ok(())
}

/// What a reader sees of a sealed meeting besides its data: the printed
/// text of its protokoll documents, what they were typeset under, and the
/// bytes of its beslutsunderlag files.
struct Printout {
    printed: BTreeMap<String, String>,
    environment: String,
    /// SHA-256 of the public version's data, when there is one.
    public: Option<String>,
    attachments: BTreeMap<String, String>,
}

impl Printout {
    /// Its lines of `justering.lock`.
    fn to_yaml(&self) -> String {
        let mut text = String::from("utskrift:\n");
        for (name, hash) in &self.printed {
            text.push_str(&format!("  {name}: {hash}\n"));
        }
        text.push_str(&format!("utskriftsmiljö: {}\n", self.environment));
        if let Some(public) = &self.public {
            text.push_str(&format!("offentlig: {public}\n"));
        }
        if !self.attachments.is_empty() {
            text.push_str("underlag:\n");
            for (file, hash) in &self.attachments {
                text.push_str(&format!("  {}: {hash}\n", scalar(file)));
            }
        }
        text
    }
}

/// Typesets the protokoll of `meeting` as it stands to take its printout.
fn printout(repository: &Repository, body: &Body, meeting: &Meeting) -> Result<Printout, Error> {
    let renderer = Renderer::new(repository.files.clone())?;
    let mut worker = Worker::new(&renderer, Ceilings::of(repository.organisation.limits));
    Ok(Printout {
        printed: printed::of_meeting(&mut worker, repository, body, meeting)?,
        environment: renderer.environment(),
        public: printed::public_data(repository, body, meeting),
        attachments: printed::attachments(repository, meeting),
    })
}

/// Seals every adjusted meeting that has no lock as its files stand, with
/// its data and fields but without typesetting (no `utskrift:`): for a
/// generated repository (`examples/bench_gen`), adjusted on paper only.
/// Returns how many it sealed.
pub fn seal_unsealed(root: &Path) -> Result<usize, Error> {
    // First the next meeting's time and place written into each
    // meeting.yaml, as `rsr justera` does; then one reading seals them all.
    let repository = loaded(root)?;
    for body in &repository.bodies {
        for meeting in &body.meetings {
            if meeting.status() != Status::Adjusted || meeting.lock.is_some() {
                continue;
            }
            let Some(justering) = &meeting.spec.justering else {
                continue;
            };
            let original = read_text(&repository, &meeting.file)?;
            let next = next_meeting_file(body, meeting);
            let edited = mark_adjusted(&original, meeting, justering.date.value.0, None, next)?;
            crate::output::write::file(&root.join(&meeting.file), edited.as_bytes())?;
        }
    }
    let repository = loaded(root)?;
    let mut count = 0;
    for body in &repository.bodies {
        for meeting in &body.meetings {
            if meeting.status() != Status::Adjusted || meeting.lock.is_some() {
                continue;
            }
            let now = seal_of(&repository, body, meeting);
            let fields = fields::record(&repository, body, meeting);
            let adjusted = meeting
                .spec
                .justering
                .as_ref()
                .map_or(meeting.date(), |j| j.date.value.0);
            write(root, meeting, adjusted, (&now, &fields, None), None)?;
            count += 1;
        }
    }
    Ok(count)
}

/// Writes `justering.lock` beside meeting.yaml, whole or not at all: the
/// seal, (format 2) the fields it was taken over, and the printout.
fn write(
    root: &Path,
    meeting: &Meeting,
    adjusted: NaiveDate,
    (seal, fields, printout): (&Seal, &Record, Option<&Printout>),
    commit: Option<String>,
) -> Result<PathBuf, Error> {
    let relative = meeting.dir.join(LOCK_FILE);
    let mut text = String::from(
        "# Skrivet av `rsr justera`: vad det justerade protokollet innehåller.\n\
         # Ändra inte för hand. En ändring i protokollet efter justeringen förs in\n\
         # som en rättelse under `rättelser:` i meeting.yaml; kör sedan rsr justera.\n",
    );
    text.push_str(&format!("format: {}\n", fields::FORMAT));
    text.push_str(&format!("innehåll: {}\n", seal.content));
    text.push_str(&format!("förstasida: {}\n", seal.first_page));
    text.push_str(&format!("justerad: {}\n", sv::iso_date(adjusted)));
    text.push_str("justerare:");
    if meeting.spec.adjusters.is_empty() {
        text.push_str(" []");
    }
    text.push('\n');
    for adjuster in &meeting.spec.adjusters {
        text.push_str(&format!("  - {}\n", scalar(adjuster.value.key())));
    }
    text.push_str(&format!("rättelser: {}\n", meeting.spec.corrections.len()));
    if let Some(commit) = commit {
        text.push_str(&format!("commit: {commit}\n"));
    }
    text.push_str("paragrafer:\n");
    for (number, hash) in &seal.paragraphs {
        text.push_str(&format!("  {number}: {hash}\n"));
    }
    if let Some(printout) = printout {
        text.push_str(&printout.to_yaml());
    }
    text.push_str(&fields::to_yaml(fields));
    let target = root.join(&relative);
    crate::output::write::file(&target, text.as_bytes())?;
    Ok(relative)
}

#[cfg(test)]
mod tests {
    use super::with_decision;

    #[test]
    fn the_default_decision_fills_an_empty_beslut_or_is_added_at_the_end() {
        let decision = "Informationen läggs till handlingarna.";
        assert_eq!(
            with_decision("rubrik: Informationer\ntyp: information", decision).unwrap(),
            "rubrik: Informationer\ntyp: information\nbeslut: Informationen läggs till handlingarna.\n"
        );
        assert_eq!(
            with_decision(
                "rubrik: Informationer\nbeslut: \"\" # fylls i\ntyp: information\n",
                decision
            )
            .unwrap(),
            "rubrik: Informationer\nbeslut: Informationen läggs till handlingarna.\ntyp: information\n"
        );
        assert_eq!(
            with_decision("rubrik: X\nbeslut:\n", "Noteras: ja").unwrap(),
            "rubrik: X\nbeslut: \"Noteras: ja\"\n"
        );
        assert_eq!(
            with_decision("rubrik: X\nbeslut: Beslutat.\n", decision),
            None
        );
        // A file with Windows line endings keeps them.
        assert_eq!(
            with_decision("rubrik: X\r\ntyp: information\r\n", "Noteras.").unwrap(),
            "rubrik: X\r\ntyp: information\r\nbeslut: Noteras.\r\n"
        );
    }
}
