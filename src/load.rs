//! Finds the repository's YAML files, parses them into the model and checks
//! that every reference resolves. Every problem of every file is collected
//! before loading fails, each with its file, line and column.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::error::{Diagnostic, Error};
use crate::model::{
    Body, BodySpec, Item, ItemSpec, Loc, Meeting, MeetingSpec, Organisation, PersonRef,
    PersonRefValue, Repository,
};

pub const ORGANISATION_FILE: &str = "rsr.yaml";
pub const BODY_FILE: &str = "body.yaml";
pub const MEETING_FILE: &str = "meeting.yaml";
pub const MEETINGS_DIR: &str = "meetings";

/// Loads the repository at `root`. Fails with every problem found.
pub fn load(root: &Path) -> Result<Repository, Error> {
    let mut problems = Vec::new();
    let organisation = parse::<Organisation>(root, Path::new(ORGANISATION_FILE), &mut problems);

    let mut bodies = Vec::new();
    for body_dir in subdirectories(root, Path::new(MEETINGS_DIR), &mut problems) {
        if let Some(body) = load_body(root, &body_dir, &mut problems) {
            bodies.push(body);
        }
    }

    let Some(organisation) = organisation else {
        return Err(Error::Data(problems));
    };
    let repository = Repository {
        root: root.to_path_buf(),
        organisation,
        bodies,
    };
    resolve_references(&repository, &mut problems);
    if problems.is_empty() {
        Ok(repository)
    } else {
        Err(Error::Data(problems))
    }
}

fn load_body(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Option<Body> {
    let file = dir.join(BODY_FILE);
    if !root.join(&file).is_file() {
        problems.push(unlocated(
            &file,
            format!("missing {BODY_FILE}: every folder under {MEETINGS_DIR}/ is a body"),
        ));
        return None;
    }
    let spec = parse::<BodySpec>(root, &file, problems);
    let mut meetings = Vec::new();
    for meeting_dir in subdirectories(root, dir, problems) {
        if let Some(meeting) = load_meeting(root, &meeting_dir, problems) {
            meetings.push(meeting);
        }
    }
    meetings.sort_by_key(Meeting::date);
    let slug = dir.file_name()?.to_string_lossy().into_owned();
    Some(Body {
        slug,
        file,
        spec: spec?,
        meetings,
    })
}

fn load_meeting(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Option<Meeting> {
    let file = dir.join(MEETING_FILE);
    let folder = dir.file_name()?.to_string_lossy().into_owned();
    let Ok(folder_date) = NaiveDate::parse_from_str(&folder, "%Y-%m-%d") else {
        problems.push(unlocated(
            dir,
            format!("a meeting folder is named by its date, YYYY-MM-DD; found `{folder}`"),
        ));
        return None;
    };
    if !root.join(&file).is_file() {
        problems.push(unlocated(
            &file,
            format!(
                "missing {MEETING_FILE} in the meeting folder {}",
                dir.display()
            ),
        ));
        return None;
    }
    let spec = parse::<MeetingSpec>(root, &file, problems);

    let mut items = Vec::new();
    for item_file in yaml_files(root, dir, problems) {
        if item_file
            .file_name()
            .is_some_and(|name| name == MEETING_FILE)
        {
            continue;
        }
        if let Some(spec) = parse::<ItemSpec>(root, &item_file, problems) {
            let id = item_id(&item_file);
            if let Some(other) = items.iter().find(|item: &&Item| item.id == id) {
                problems.push(unlocated(
                    &item_file,
                    format!(
                        "item id `{id}` is used twice in this meeting (also {})",
                        other.file.display()
                    ),
                ));
            }
            items.push(Item {
                id,
                file: item_file,
                spec,
            });
        }
    }

    let spec = spec?;
    if spec.date.value != folder_date {
        problems.push(
            Diagnostic::at(
                loc(&file, spec.date.line, spec.date.column),
                format!(
                    "the meeting is dated {} but its folder is {folder}",
                    spec.date.value
                ),
            )
            .with_hint("rename the folder or correct `datum`"),
        );
    }
    Some(Meeting {
        dir: dir.to_path_buf(),
        file,
        spec,
        items,
    })
}

/// `03-khoss.yaml` → `khoss`; the number only orders the files.
fn item_id(file: &Path) -> String {
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

/// Checks that every person id and item id a meeting mentions exists.
fn resolve_references(repository: &Repository, problems: &mut Vec<Diagnostic>) {
    let known: Vec<&str> = repository
        .organisation
        .persons
        .keys()
        .map(String::as_str)
        .collect();
    let check = |file: &Path, person: &PersonRef, problems: &mut Vec<Diagnostic>| {
        if let PersonRefValue::Id(id) = &person.value
            && !repository.organisation.persons.contains_key(id)
        {
            let mut problem = Diagnostic::at(
                loc(file, person.line, person.column),
                format!(
                    "unknown person `{id}`: persons are listed under `personer` in {ORGANISATION_FILE}"
                ),
            );
            if let Some(near) = nearest(id, &known) {
                problem = problem.with_hint(format!("did you mean `{near}`?"));
            }
            problems.push(problem);
        }
    };
    for body in &repository.bodies {
        for member in &body.spec.members {
            check(&body.file, &member.person, problems);
        }
        for meeting in &body.meetings {
            let spec = &meeting.spec;
            let mut people: Vec<&PersonRef> = spec
                .chair
                .iter()
                .chain(&spec.secretary)
                .chain(&spec.adjusters)
                .collect();
            if let Some(attendance) = &spec.attendance {
                people.extend(attendance.present.iter().chain(&attendance.absent));
                people.extend(attendance.others.iter().map(|other| &other.person));
            }
            for person in people {
                check(&meeting.file, person, problems);
            }
            for item in &meeting.items {
                for person in item.spec.presenters.iter().chain(&item.spec.prepared_by) {
                    check(&item.file, person, problems);
                }
            }
            let item_ids: Vec<&str> = meeting.items.iter().map(|item| item.id.as_str()).collect();
            for other in spec.attendance.iter().flat_map(|a| &a.others) {
                for item in &other.items {
                    if !item_ids.contains(&item.value.as_str()) {
                        let mut problem = Diagnostic::at(
                            loc(&meeting.file, item.line, item.column),
                            format!(
                                "unknown item `{}`: items are the meeting's files without their number prefix",
                                item.value
                            ),
                        );
                        if let Some(near) = nearest(&item.value, &item_ids) {
                            problem = problem.with_hint(format!("did you mean `{near}`?"));
                        }
                        problems.push(problem);
                    }
                }
            }
        }
    }
}

/// The closest known name, if it is close enough to be a likely typo.
fn nearest<'a>(wanted: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|name| (strsim::jaro_winkler(wanted, name), *name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// Parses one YAML file; on failure records the problem and returns `None`.
fn parse<T: DeserializeOwned>(
    root: &Path,
    file: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Option<T> {
    let text = match std::fs::read_to_string(root.join(file)) {
        Ok(text) => text,
        Err(error) => {
            problems.push(unlocated(
                file,
                format!("cannot read {}: {error}", file.display()),
            ));
            return None;
        }
    };
    match serde_saphyr::from_str::<T>(&text) {
        Ok(value) => Some(value),
        Err(error) => {
            let message = error.without_snippet().to_string();
            let problem = match error.location() {
                Some(at) if at.line() > 0 => {
                    Diagnostic::at(loc(file, at.line(), at.column()), strip_location(&message))
                }
                _ => unlocated(file, message),
            };
            problems.push(problem);
            None
        }
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
        other => other.to_string(),
    }
}

fn subdirectories(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    entries(root, dir, problems)
        .into_iter()
        .filter(|path| root.join(path).is_dir())
        .collect()
}

fn yaml_files(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    entries(root, dir, problems)
        .into_iter()
        .filter(|path| {
            root.join(path).is_file()
                && path
                    .extension()
                    .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .collect()
}

/// The entries directly inside `dir`, sorted by name, relative to `root`.
/// Hidden entries (`.git`, editor files) are skipped.
fn entries(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in WalkDir::new(root.join(dir))
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        match entry {
            Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => {
                found.push(dir.join(entry.file_name()));
            }
            Ok(_) => {}
            Err(error) => problems.push(unlocated(
                dir,
                format!("cannot read {}: {error}", dir.display()),
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

fn unlocated(file: &Path, message: String) -> Diagnostic {
    Diagnostic::at(loc(file, 1, 1), message)
}

#[cfg(test)]
mod tests {
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
