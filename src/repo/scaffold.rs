//! `rsr new meeting` and `rsr new item`: scaffolds that start from what the
//! body already says (its `förval:`, else its latest meeting) and leave the
//! repository passing `rsr check`. A new meeting folder is written under a
//! temporary name and renamed into place whole.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::Error;
use crate::lang::t;
use crate::repo::load::MEETING_FILE;
use crate::repo::model::{Body, ItemKind, Meeting, Repository, Status, Time};
use crate::repo::number;
use crate::sv;

/// What a new meeting starts from, when the body's defaults and its latest
/// meeting do not say.
pub struct MeetingOptions {
    pub place: Option<String>,
    pub start: Option<Time>,
    pub end: Option<Time>,
}

/// What was created, for the message to the user.
pub struct Created {
    /// Relative to the repository root.
    pub path: PathBuf,
    pub note: String,
}

/// The standard opening items when neither `förval` nor an earlier meeting
/// names any.
const OPENING_ITEMS: [&str; 2] = ["Val av justerare", "Godkännande av dagordning"];

pub fn meeting(
    repository: &Repository,
    body: &str,
    date: NaiveDate,
    options: &MeetingOptions,
) -> Result<Created, Error> {
    let body = repository.body(body).map_err(Error::Usage)?;
    let dir = PathBuf::from("meetings")
        .join(&body.slug)
        .join(sv::iso_date(date));
    if repository.root().join(&dir).exists() {
        return Err(Error::Usage(t!("cmd-new-exists", folder = &dir)));
    }
    let defaults = body.spec.defaults.as_ref();
    let latest = body.meetings.iter().max_by_key(|m| m.date());
    let place = options
        .place
        .clone()
        .or_else(|| defaults.and_then(|d| d.place.clone()))
        .or_else(|| latest.map(|m| m.spec.place.clone()));
    let start = options
        .start
        .or_else(|| defaults.and_then(|d| d.start.as_ref()).map(|t| t.value))
        .or_else(|| latest.map(|m| m.spec.start.value));
    // Everything missing in one message, not one at a time.
    let (place, start) = match (place, start) {
        (Some(place), Some(start)) => (place, start),
        (place, start) => {
            let what = match (place.is_none(), start.is_none()) {
                (true, true) => "both",
                (true, false) => "place",
                _ => "start",
            };
            return Err(missing(body, what));
        }
    };
    let end = options
        .end
        .or_else(|| defaults.and_then(|d| d.end.as_ref()).map(|t| t.value))
        .or_else(|| latest.and_then(|m| m.spec.end.as_ref()).map(|t| t.value));
    let mode = defaults
        .and_then(|d| d.mode)
        .or_else(|| latest.and_then(|m| m.spec.mode));
    let openings: Vec<String> = defaults
        .and_then(|d| d.opening_items.clone())
        .or_else(|| latest.map(opening_titles))
        .filter(|titles| !titles.is_empty())
        .unwrap_or_else(|| OPENING_ITEMS.map(String::from).to_vec());

    let schema = |name: &str| schema_line(repository.root(), &dir, name);
    let mut yaml = schema("meeting");
    let _ = writeln!(yaml, "datum: {}", sv::iso_date(date));
    let _ = writeln!(yaml, "start: \"{}\"", clock(start));
    match end {
        Some(end) => {
            let _ = writeln!(yaml, "slut: \"{}\"", clock(end));
        }
        None => yaml.push_str("# slut: \"16:00\"\n"),
    }
    let _ = writeln!(yaml, "plats: {}", scalar(&place));
    match mode {
        Some(mode) => {
            let _ = writeln!(yaml, "form: {}", mode.label().to_lowercase());
        }
        None => yaml.push_str("# form: fysiskt             # fysiskt, digitalt eller hybrid\n"),
    }
    yaml.push_str("status: planerad\n");
    yaml.push_str(&attendance_hint(body, date));

    let mut files = vec![(MEETING_FILE.to_string(), yaml)];
    for (n, title) in openings.iter().enumerate() {
        let mut item = schema("item");
        let _ = writeln!(item, "rubrik: {}", scalar(title));
        item.push_str("typ: standard\n");
        files.push((format!("{:02}-{}.yaml", n + 1, slug(title)), item));
    }
    write_folder(repository.root(), &dir, &files)?;

    let first = next_paragraph(body, date);
    Ok(Created {
        path: dir,
        note: t!(
            "cmd-new-meeting-note",
            count = openings.len(),
            first = first
        ),
    })
}

/// Adds an item file after the meeting's last one.
pub fn item(
    repository: &Repository,
    body: &str,
    date: NaiveDate,
    title: &str,
) -> Result<Created, Error> {
    let body = repository.body(body).map_err(Error::Usage)?;
    let folder = body
        .file
        .parent()
        .unwrap_or(Path::new(""))
        .join(date.to_string());
    let meeting = body.meeting(date).ok_or_else(|| {
        if repository.root().join(&folder).join(MEETING_FILE).is_file() {
            // There, but left out for a mistake in it.
            Error::Usage(t!(
                "cmd-new-unread-meeting",
                date = sv::iso_date(date),
                body = body.spec.name.as_str()
            ))
        } else {
            Error::Usage(t!(
                "cmd-new-no-meeting",
                date = sv::iso_date(date),
                body = body.spec.name.as_str(),
                slug = body.slug.as_str()
            ))
        }
    })?;
    if meeting.status() == Status::Adjusted {
        return Err(Error::Usage(t!(
            "cmd-new-adjusted",
            date = sv::iso_date(date)
        )));
    }
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::Usage(t!("cmd-new-no-title")));
    }
    // The item files as the folder holds them, those that did not read
    // too: a new one takes a number and a name none of them has.
    let on_disk: Vec<PathBuf> = std::fs::read_dir(repository.root().join(&meeting.dir))
        .map_err(|e| Error::io(&meeting.dir, e))?
        .filter_map(Result::ok)
        .map(|entry| meeting.dir.join(entry.file_name()))
        .filter(|path| {
            path.extension().is_some_and(|x| x == "yaml" || x == "yml")
                && path.file_name().is_some_and(|name| name != MEETING_FILE)
        })
        .collect();
    let mut id = slug(title);
    let taken = |id: &str| {
        on_disk
            .iter()
            .any(|file| crate::repo::load::item_id(file) == id)
    };
    if taken(&id) {
        let base = id.clone();
        let n = (2..).find(|n| !taken(&format!("{base}-{n}"))).unwrap_or(2);
        id = format!("{base}-{n}");
    }
    let number = on_disk
        .iter()
        .filter_map(|file| prefix(file))
        .max()
        .unwrap_or(0)
        + 1;
    let path = meeting.dir.join(format!("{number:02}-{id}.yaml"));
    let mut yaml = schema_line(repository.root(), &meeting.dir, "item");
    let _ = writeln!(yaml, "rubrik: {}", scalar(title));
    let target = repository.root().join(&path);
    crate::output::write::remove_stale(&repository.root().join(&meeting.dir));
    crate::output::write::file(&target, yaml.as_bytes())?;
    Ok(Created {
        path,
        note: t!("cmd-new-item-note", id = id.as_str()),
    })
}

/// The kinds of body `rsr init` and `rsr new body` offer, as body.yaml's
/// `typ:` writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BodyType {
    #[value(name = "nämnd")]
    Namnd,
    #[value(name = "styrelse")]
    Styrelse,
    #[value(name = "fullmäktige")]
    Fullmaktige,
    #[value(name = "övrigt")]
    Ovrigt,
}

impl BodyType {
    fn yaml(self) -> &'static str {
        match self {
            BodyType::Namnd => "nämnd",
            BodyType::Styrelse => "styrelse",
            BodyType::Fullmaktige => "fullmäktige",
            BodyType::Ovrigt => "övrigt",
        }
    }
}

/// A new body: its folder under meetings/ and what its body.yaml says.
pub struct NewBody<'a> {
    pub name: &'a str,
    pub short_name: &'a str,
    pub kind: BodyType,
    /// The folder's name; by default the short name as a file name.
    pub folder: Option<&'a str>,
}

impl NewBody<'_> {
    /// `meetings/<folder>`, relative to the root.
    pub fn dir(&self) -> PathBuf {
        let folder = self
            .folder
            .map_or_else(|| slug(self.short_name), str::to_string);
        PathBuf::from(crate::repo::load::MEETINGS_DIR).join(folder)
    }

    /// body.yaml, with its schema line and comments in Swedish that show
    /// what to fill in.
    pub fn yaml(&self) -> String {
        let mut yaml = schema_comment(&self.dir(), "body");
        let _ = writeln!(yaml, "namn: {}", scalar(self.name));
        let _ = writeln!(yaml, "kortnamn: {}", scalar(self.short_name));
        let _ = writeln!(yaml, "typ: {}", self.kind.yaml());
        yaml.push_str(BODY_COMMENTS);
        yaml
    }
}

/// What a new body.yaml explains, after its name and kind.
const BODY_COMMENTS: &str = "\
# Ledamöter, ersättare och sekreterare i den ordning kallelsen listar dem,
# med id:n ur `personer:` i rsr.yaml, t.ex.
#   - {person: anna.andersson, roll: ordförande}
#   - {person: bo.berg, roll: ledamot}
#   - {person: cilla.ek, roll: ersättare}
#   - {person: dan.holm, roll: sekreterare}
ledamöter: []
# Förval för nya sammanträden (rsr new meeting), t.ex.
# förval: {plats: Kommunhuset, start: \"13:00\", slut: \"16:00\", form: fysiskt}
";

/// Adds a body: `meetings/<folder>/body.yaml`, refused when the folder or
/// a body of the same short name exists.
pub fn body(repository: &Repository, new: &NewBody) -> Result<Created, Error> {
    let dir = new.dir();
    if repository.root().join(&dir).exists() {
        return Err(Error::Usage(t!("cmd-new-exists", folder = &dir)));
    }
    if let Some(other) = repository
        .bodies
        .iter()
        .find(|b| b.spec.short_name.eq_ignore_ascii_case(new.short_name))
    {
        return Err(Error::Usage(t!(
            "cmd-new-body-taken",
            short = new.short_name,
            file = &other.file
        )));
    }
    let files = [(crate::repo::load::BODY_FILE.to_string(), new.yaml())];
    write_folder(repository.root(), &dir, &files)?;
    Ok(Created {
        path: dir.join(crate::repo::load::BODY_FILE),
        note: t!("cmd-new-body-note"),
    })
}

/// A new meeting's place or start time (`what`: `place`, `start` or
/// `both`) that nothing gives.
fn missing(body: &Body, what: &str) -> Error {
    Error::Usage(t!(
        "cmd-new-no-default",
        what = what,
        body = body.spec.name.as_str(),
        file = &body.file
    ))
}

/// The titles of a meeting's standard items.
fn opening_titles(meeting: &Meeting) -> Vec<String> {
    meeting
        .items
        .iter()
        .filter(|item| item.spec.kind == ItemKind::Standard)
        .map(|item| item.spec.title.clone())
        .collect()
}

/// The members as a commented `närvaro:` block to fill in after the meeting.
fn attendance_hint(body: &Body, date: NaiveDate) -> String {
    let deciding: Vec<&str> = body
        .spec
        .members_on(date)
        .filter(|m| m.role.votes())
        .map(|m| m.person.value.key())
        .collect();
    let mut hint =
        String::from("# Efter mötet: status: genomförd, justerare, justering och närvaro, t.ex.\n");
    if !deciding.is_empty() {
        let _ = writeln!(
            hint,
            "# närvaro:\n#   beslutande: [{}]",
            deciding.join(", ")
        );
    }
    hint
}

/// The first § of a new meeting on `date`: after the body's last numbered
/// paragraph earlier that year, else 1.
fn next_paragraph(body: &Body, date: NaiveDate) -> u32 {
    use chrono::Datelike;
    let numbering = &body.numbering;
    body.meetings
        .iter()
        .zip(numbering)
        .filter(|(m, _)| m.date() < date && m.date().year() == date.year())
        .filter_map(|(_, paragraphs)| number::span(paragraphs).map(|(_, last)| last))
        .max()
        .map_or(1, |last| last + 1)
}

/// "13:00": how times are written in YAML.
fn clock(time: Time) -> String {
    format!("{:02}:{:02}", time.hour, time.minute)
}

/// The yaml-language-server line, when the repository has its schemas.
fn schema_line(root: &Path, dir: &Path, name: &str) -> String {
    let schema = root.join("schema").join(format!("{name}.json"));
    if !schema.is_file() {
        return String::new();
    }
    schema_comment(dir, name)
}

/// The yaml-language-server line of a file in `dir` (relative to the
/// root) whose schema is `schema/<name>.json`.
pub fn schema_comment(dir: &Path, name: &str) -> String {
    let up = "../".repeat(dir.components().count());
    format!("# yaml-language-server: $schema={up}schema/{name}.json\n")
}

/// A YAML scalar for any text: plain where that reads back as the same
/// string, double-quoted (JSON escaping, which YAML shares) otherwise.
pub fn scalar(text: &str) -> String {
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " .,()–-/§".contains(c))
        && !text.ends_with(' ')
        && !matches!(
            text.to_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "y" | "n"
        );
    if plain {
        text.to_string()
    } else {
        serde_json::Value::String(text.to_string()).to_string()
    }
}

/// A file name from a title: "Bygglov för Storsjö Strand 2:14" →
/// "bygglov-for-storsjo-strand-2-14".
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ò' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "arende".into()
    } else {
        slug.to_string()
    }
}

/// The number prefix of an item file: `03-khoss.yaml` → 3.
fn prefix(file: &Path) -> Option<u32> {
    let name = file.file_name()?.to_string_lossy();
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Writes the files into a temporary folder beside `dir`, then renames it
/// into place: the meeting appears whole or not at all.
fn write_folder(root: &Path, dir: &Path, files: &[(String, String)]) -> Result<(), Error> {
    let target = root.join(dir);
    let parent = target.parent().unwrap_or(root);
    // What a `rsr new` killed before left beside it.
    crate::output::write::remove_stale(parent);
    let temp = tempfile::Builder::new()
        .prefix(".rsr-new-")
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent, e))?;
    for (name, text) in files {
        let path = temp.path().join(name);
        let written = std::fs::File::create(&path).and_then(|mut file| {
            use std::io::Write;
            file.write_all(text.as_bytes())?;
            file.sync_all()
        });
        written.map_err(|e| Error::io(dir.join(name), e))?;
    }
    let temp = temp.keep();
    std::fs::rename(&temp, &target).map_err(|e| {
        let _ = std::fs::remove_dir_all(&temp);
        Error::io(dir, e)
    })?;
    // The rename made durable, as the build's are.
    std::fs::File::open(parent)
        .and_then(|folder| folder.sync_all())
        .map_err(|e| Error::io(parent, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_short() {
        assert_eq!(
            slug("Bygglov för Storsjö Strand 2:14"),
            "bygglov-for-storsjo-strand-2-14"
        );
        assert_eq!(slug("  Åtgärder!  "), "atgarder");
        assert_eq!(slug("§§§"), "arende");
        assert!(slug(&"lång titel ".repeat(20)).len() <= 40);
    }

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for text in [
            "Val av justerare",
            "Budget: 2027",
            "#panic()",
            "yes",
            "\"citat\"",
            "- lista",
            "123",
        ] {
            let yaml = format!("rubrik: {}\n", scalar(text));
            let map: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).unwrap();
            assert_eq!(map["rubrik"], text, "{yaml}");
        }
        assert_eq!(scalar("Val av justerare"), "Val av justerare");
    }
}
