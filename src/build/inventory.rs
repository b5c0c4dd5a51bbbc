//! What the last whole build read and wrote, so that a build in which
//! nothing changed is known to be one without loading anything.
//!
//! `out/.rsr.inventory` holds, for every file of the repository (outside
//! `.git` and the output folder) and every file the build left in `out/`,
//! a SHA-256 of its bytes, with what the file system said of it then
//! (`Seen`: size, modification and change times, inode, and when). It also
//! holds what the build reported: its warnings, its documents and the
//! files it read. A build whose repository and `out/` hash the same as
//! recorded, made by the same rsr on the same day in the same language at
//! the same commit, would make the same bytes and say the same again, so
//! it says it without doing it.
//!
//! Content decides, as in the manifest: a file whose `Seen` is not the
//! same, or was taken too soon after its last write for its times to tell
//! (git's "racy" safeguard: in `out/`, by a `Stamp` of the file system's
//! clock taken there; in the repository, by three seconds of the system's
//! clock), is read and hashed again. The repository is surveyed
//! before anything of it is read, so that a file changed while a build
//! runs is found changed by the next. A missing, truncated or corrupt
//! inventory (a checksum of its body closes it, `summed::checksum`) is
//! none, and a build then does everything.
//!
//! It also holds each body's own work (`BodyRecord`: what its rules found,
//! its documents' fingerprints) under a key of everything that work is
//! made from (`body_keys`), so that a build in which something changed
//! does again only the work of the bodies it touched. Of a body it
//! touched, each meeting's documents are kept under a key of their own
//! (`part_keys`), so that only the meetings a change reaches have their
//! documents made again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::check::seal::Seal;
use crate::docs::Document;
use crate::error::{Diagnostic, Error, Loc, Severity};
use crate::output::manifest::{Seen, Stamp, hash, key};
use crate::output::{summed, write};

/// The file in `out/`.
pub const FILE: &str = crate::review::kept::INVENTORY;

/// The inventory's own format: another is none. (5: no record of the
/// repository's files timed by a stamp, as builds of format 4 made; 6:
/// `out/` written last, after what was known before it was surveyed; 7:
/// each body's documents by meeting, `BodyRecord::parts`; 8: the seal of
/// each meeting's protokoll, `Part::seal`.)
const FORMAT: u32 = 8;

/// A file or folder as surveyed: its hash (a folder's is "/", a symbolic
/// link's is where it points, anything else of its kind is its kind, a
/// file left unread is "?"), and
/// what the file system said of it when that hash was taken.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Known {
    pub hash: String,
    pub seen: Option<Seen>,
}

impl Known {
    /// A file not read: its hash is no SHA-256, so a key made with it
    /// (`body_keys`) is no key a build recorded.
    pub fn unknown() -> Known {
        Known {
            hash: "?".to_string(),
            seen: None,
        }
    }
}

/// Files by their path relative to the surveyed folder, `/`-separated.
pub type Files = BTreeMap<String, Known>;

/// Each folder of a survey with what the file system said of it as the
/// survey began to list it, by its path as in `Files` (the surveyed folder
/// itself is `""`).
pub type Folders = BTreeMap<String, Seen>;

/// Whether two surveys found the same files with the same content.
pub fn same(a: &Files, b: &Files) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((path_a, a), (path_b, b))| path_a == path_b && a.hash == b.hash)
}

/// What a build reported, for a build in which nothing changed to report
/// again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub warnings: Vec<Warning>,
    /// Every document the build covers, relative to `out/`.
    pub outputs: Vec<PathBuf>,
    /// The repository's files the build read, relative to the root.
    pub dependencies: Vec<PathBuf>,
}

/// A finding of `rsr check`, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub error: bool,
    pub rule: String,
    pub file: PathBuf,
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub hint: Option<String>,
    pub subject: Option<String>,
}

impl Warning {
    pub fn of(diagnostic: &Diagnostic) -> Warning {
        Warning {
            error: diagnostic.is_error(),
            rule: diagnostic.rule.to_string(),
            file: diagnostic.loc.file.clone(),
            line: diagnostic.loc.line,
            column: diagnostic.loc.column,
            message: diagnostic.message.clone(),
            hint: diagnostic.hint.clone(),
            subject: diagnostic.subject.clone(),
        }
    }

    /// The finding again; `None` for a rule this rsr does not have.
    pub fn diagnostic(&self) -> Option<Diagnostic> {
        let rule = crate::check::LOAD_RULES
            .iter()
            .chain(crate::check::RULES)
            .find(|rule| rule.id == self.rule)?
            .id;
        Some(Diagnostic {
            severity: if self.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            rule,
            loc: Loc {
                file: self.file.clone(),
                line: self.line,
                column: self.column,
            },
            message: self.message.clone(),
            hint: self.hint.clone(),
            subject: self.subject.clone(),
        })
    }
}

/// The inventory of one output folder.
#[derive(Debug, Serialize, Deserialize)]
pub struct Inventory {
    format: u32,
    /// What besides the files decides the build (`context`).
    context: String,
    /// The repository as surveyed before the build read it.
    #[serde(deserialize_with = "summed::sorted")]
    pub inputs: Files,
    pub report: Report,
    /// Each body's own work, by its folder (`meetings/bmn`).
    #[serde(deserialize_with = "summed::sorted")]
    pub bodies: BTreeMap<String, BodyRecord>,
    /// `out/` as the build left it: last, so that what comes before it is
    /// written while `out/` is surveyed (`Inventory::save_surveying`).
    #[serde(deserialize_with = "summed::sorted")]
    pub outputs: Files,
    /// Its folders as the build that recorded `outputs` found them.
    #[serde(deserialize_with = "summed::sorted")]
    pub folders: Folders,
}

/// The fields of an `Inventory` known before `out/` is surveyed, in its
/// order: postcard encodes them as it encodes the inventory's first.
#[derive(Serialize)]
struct Head<'a> {
    format: u32,
    context: &'a str,
    inputs: &'a Files,
    report: &'a Report,
    bodies: &'a BTreeMap<String, BodyRecord>,
}

/// The fields of an `Inventory` after its `Head`.
#[derive(Serialize)]
struct Tail<'a> {
    outputs: &'a Files,
    folders: &'a Folders,
}

/// A body's own work as the last whole build did it, under the key of
/// everything it is made from (`body_keys`): what the body's own rules
/// found, and its documents (without their data) with their fingerprints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodyRecord {
    pub key: String,
    pub findings: Vec<Warning>,
    pub documents: Vec<(Document, String)>,
    /// How `documents` divide into the body's meetings, in order, and
    /// its years' documents after them (a part with no folder and no
    /// key).
    pub parts: Vec<Part>,
}

/// The documents of one meeting of a body's record: its folder
/// (`meetings/bmn/2025-11-17`), the key they were made under (`part_keys`)
/// and how many there are; and, of a meeting with a lock, its protokoll's
/// seal as the lock rule made it (`check::seal`), from the same data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub dir: String,
    pub key: String,
    pub documents: usize,
    pub seal: Option<Seal>,
}

impl BodyRecord {
    /// Whether it records what the body's own rules found as `found`.
    pub fn found(&self, found: &[Diagnostic]) -> bool {
        self.findings.len() == found.len()
            && self
                .findings
                .iter()
                .zip(found)
                .all(|(recorded, found)| *recorded == Warning::of(found))
    }

    /// Whether it records the body's documents (without their data) as
    /// `made`.
    pub fn lists(&self, made: &[Document]) -> bool {
        self.documents.len() == made.len()
            && self
                .documents
                .iter()
                .zip(made)
                .all(|((recorded, _), made)| recorded == made)
    }
}

/// The key of each body's own work, by its folder in `dirs`: a SHA-256 of
/// `context`, of every file of the repository that is no body's (rsr.yaml,
/// the registers, the templates, the logos) together with every body.yaml
/// (a body's documents name the others), of every file and folder under
/// the body's own folder (its meetings, their items, locks and attachments,
/// its registers), and of the contents of the logo its documents show
/// (`logos`, by the same place: `docs::logo_of` may name a file in any
/// folder, another body's too). A body's rules and documents read nothing
/// else, so a body whose key is the same would come out the same. Where a
/// symbolic link lies outside every meeting's folder (`links_confined`),
/// every file is shared: any change is a change to every body.
pub fn body_keys(
    context: &str,
    inputs: &Files,
    dirs: &[String],
    logos: &[String],
) -> (Vec<String>, Shared) {
    let places: BTreeMap<&str, usize> = dirs
        .iter()
        .enumerate()
        .map(|(place, dir)| (dir.as_str(), place))
        .collect();
    let mut shared = Sha256::new();
    let mut own: Vec<Sha256> = dirs.iter().map(|_| Sha256::new()).collect();
    let confined = links_confined(inputs);
    for (path, known) in inputs {
        // `meetings/<body>/…`: the body folder is the first two parts.
        let mut parts = path.splitn(3, '/');
        let folder = match (parts.next(), parts.next(), parts.next()) {
            (Some(first), Some(second), Some(rest)) if rest != crate::repo::load::BODY_FILE => {
                places.get(&path[..first.len() + 1 + second.len()]).copied()
            }
            _ => None,
        };
        match folder.filter(|_| confined) {
            Some(place) => feed(&mut own[place], path, known),
            None => feed(&mut shared, path, known),
        }
    }
    let shared = shared.finalize();
    let keys = own
        .into_iter()
        .zip(logos)
        .map(|(own, logo)| {
            hash(&[
                context.as_bytes(),
                &shared,
                &own.finalize(),
                logo.as_bytes(),
            ])
        })
        .collect();
    let key = hash(&[context.as_bytes(), &shared]);
    (keys, Shared { key, confined })
}

/// Whether every symbolic link the survey found lies inside a meeting's
/// folder (`meetings/<body>/<folder>/…`, where `<folder>` holds a
/// meeting.yaml that is a file): what a meeting reads there cannot lead
/// out of its folder (`repo::sandbox`). A link anywhere else (a register's
/// folder linked to another body's, a meeting's folder that is itself a
/// link, a template linked into a body's folder) could lead a file into a
/// folder whose key would not see it change.
pub fn links_confined(inputs: &Files) -> bool {
    inputs
        .iter()
        .filter(|(_, known)| known.hash.starts_with(LINK))
        .all(|(path, _)| {
            let parts: Vec<&str> = path.splitn(4, '/').collect();
            let [root, body, folder, _rest] = parts[..] else {
                return false;
            };
            root == crate::repo::load::MEETINGS_DIR
                && inputs
                    .get(&format!(
                        "{root}/{body}/{folder}/{}",
                        crate::repo::load::MEETING_FILE
                    ))
                    .is_some_and(|meeting| is_hash(&meeting.hash))
        })
}

/// Whether a survey's hash is a file's SHA-256 (not a folder's, a link's
/// or a file left unread).
fn is_hash(hash: &str) -> bool {
    hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// How a survey writes a symbolic link's hash: "-> " and where it points.
const LINK: &str = "-> ";

/// A file's path and hash, as a key takes them in.
fn feed(hasher: &mut Sha256, path: &str, known: &Known) {
    for part in [path.as_bytes(), known.hash.as_bytes()] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
}

/// What every body's key shares: the context and every file that is no
/// body's own (`body_keys`); and whether every symbolic link of the survey
/// lies inside a meeting's folder (`links_confined`).
pub struct Shared {
    key: String,
    confined: bool,
}

/// Each meeting of `body`, whose folder is `dir` (`meetings/bmn`), in the
/// order of its meetings: the meeting's folder (`meetings/bmn/2025-11-17`)
/// and the key of its documents. The key is made of what `shared` holds,
/// the contents of the logo the body's documents show (`logo`, as in
/// `body_keys`), every file and folder under the body's folder that is no
/// meeting's (body.yaml, the registers), every one under the meeting's own
/// folder, and what its documents read of the other meetings
/// (`docs::Neighbours`): its § numbers, the date of the last meeting held
/// before it, and every file under the folder of the meeting its
/// protokoll, not yet sealed, names as the next by a bare date. A meeting
/// with the same key would have the same documents: a meeting's files
/// cannot lead out of its folder (`repo::sandbox`), and a test in
/// `tests/integration/architecture.rs` holds that the makers read the
/// other meetings nowhere else. Where a symbolic link lies outside every
/// meeting's folder (`links_confined`), no meeting has a key (each is
/// empty), and all a changed body's meetings' documents are made. The
/// body's years' documents (the sammanträdesplan, the uppföljning) read
/// all its meetings and have no key.
pub fn part_keys(
    shared: &Shared,
    inputs: &Files,
    dir: &str,
    logo: &str,
    body: &crate::repo::model::Body,
) -> Vec<(String, String)> {
    let dirs: Vec<String> = body.meetings.iter().map(|m| key(&m.dir)).collect();
    let keys = meeting_keys(shared, inputs, dir, logo, body, &dirs);
    dirs.into_iter().zip(keys).collect()
}

/// `part_keys`' keys, given each meeting's folder (`dirs`).
fn meeting_keys(
    shared: &Shared,
    inputs: &Files,
    dir: &str,
    logo: &str,
    body: &crate::repo::model::Body,
    dirs: &[String],
) -> Vec<String> {
    if !shared.confined {
        return vec![String::new(); dirs.len()];
    }
    let folders: BTreeMap<&str, usize> = dirs
        .iter()
        .enumerate()
        .map(|(place, dir)| (dir.as_str(), place))
        .collect();
    // The meeting whose folder `meetings/bmn/<folder>…` is in, if any.
    let prefix = format!("{dir}/");
    let folder_of = |path: &str| -> Option<usize> {
        let rest = path.strip_prefix(&prefix)?;
        let folder = &path[..prefix.len() + rest.split('/').next().unwrap_or(rest).len()];
        folders.get(folder).copied()
    };
    let mut own: Vec<Sha256> = dirs.iter().map(|_| Sha256::new()).collect();
    let mut level = Sha256::new();
    for (path, known) in inputs
        .range(prefix.clone()..)
        .take_while(|(path, _)| path.starts_with(&prefix))
    {
        match folder_of(path) {
            Some(place) => feed(&mut own[place], path, known),
            None => feed(&mut level, path, known),
        }
    }
    let level = level.finalize();
    let own: Vec<_> = own.into_iter().map(Sha256::finalize).collect();
    (0..dirs.len())
        .map(|place| {
            let Some(neighbours) = crate::docs::neighbours(body, place) else {
                return String::new();
            };
            let paragraphs = format!("{:?}", neighbours.paragraphs);
            let previous = format!("{:?}", neighbours.previous_held);
            let next = neighbours
                .next_folder
                .and_then(|folder| folders.get(key(&folder.dir).as_str()))
                .map_or(&b"-"[..], |&next| own[next].as_slice());
            hash(&[
                b"rsr part 1",
                shared.key.as_bytes(),
                logo.as_bytes(),
                &level,
                &own[place],
                paragraphs.as_bytes(),
                previous.as_bytes(),
                next,
            ])
        })
        .collect()
}

/// Where in a body's record of last time the documents of each meeting
/// whose key is the same are, by the meeting's place.
/// With the place of the meeting's part among the record's parts.
type Same = BTreeMap<usize, (std::ops::Range<usize>, usize)>;

/// The bodies' records of the last whole build that hold now, by the
/// body's place among the repository's bodies.
pub struct Remembered {
    /// Each body's folder and key now.
    pub dirs: Vec<String>,
    pub keys: Vec<String>,
    /// The record of last time, where its key is the same.
    records: Vec<Option<BodyRecord>>,
    /// Each meeting's folder and the key of its documents (`part_keys`),
    /// of the bodies whose record does not hold (of every body,
    /// verifying); none before `by_meeting`.
    parts: Vec<Vec<(String, String)>>,
    /// The record of last time of each body whose record does not hold,
    /// with, by the meeting's place, where in its documents those of each
    /// meeting whose key is the same are.
    earlier: Vec<Option<(BodyRecord, Same)>>,
    /// The records of last time whose key is not the same, by the body's
    /// place, for `by_meeting`.
    unheld: Vec<Option<BodyRecord>>,
    /// The records are compared with what is made again, not used.
    verify: bool,
}

impl Remembered {
    /// The records of last time (`previous`, by the body's folder) taken
    /// for the bodies in `dirs` whose key now is `keys`: each body's
    /// record, as it holds or not. A repository of years has some
    /// megabytes of them, which are moved here, not copied.
    pub fn new(
        keys: Vec<String>,
        dirs: Vec<String>,
        mut previous: BTreeMap<String, BodyRecord>,
        verify: bool,
    ) -> Remembered {
        let mut records = Vec::with_capacity(dirs.len());
        let mut unheld = Vec::with_capacity(dirs.len());
        for (dir, key) in dirs.iter().zip(&keys) {
            match previous.remove(dir) {
                Some(record) if &record.key == key => {
                    records.push(Some(record));
                    unheld.push(None);
                }
                other => {
                    records.push(None);
                    unheld.push(other);
                }
            }
        }
        Remembered {
            parts: dirs.iter().map(|_| Vec::new()).collect(),
            earlier: dirs.iter().map(|_| None).collect(),
            unheld,
            dirs,
            keys,
            records,
            verify,
        }
    }

    /// With each meeting's key (`keys`: its folder and key, by the body's
    /// place) for the bodies whose record does not hold, and, where the
    /// last whole build recorded such a body, the documents of its
    /// meetings whose key is the same; verifying, with every body's keys,
    /// to compare.
    pub fn by_meeting(mut self, keys: impl Fn(usize) -> Vec<(String, String)>) -> Remembered {
        for place in 0..self.dirs.len() {
            let held = self.records[place].is_some();
            if held && !self.verify {
                continue;
            }
            self.parts[place] = keys(place);
            let Some(record) = self.unheld[place].take() else {
                continue;
            };
            let mut start = 0;
            let mut was: BTreeMap<&str, (&str, std::ops::Range<usize>, usize)> = BTreeMap::new();
            for (at, part) in record.parts.iter().enumerate() {
                let end = start + part.documents;
                if !part.key.is_empty() && end <= record.documents.len() {
                    was.insert(&part.dir, (&part.key, start..end, at));
                }
                start = end;
            }
            let same = self.parts[place]
                .iter()
                .enumerate()
                .filter_map(|(meeting, (dir, key))| {
                    let (was_key, range, at) = was.get(dir.as_str())?;
                    (!key.is_empty() && key == was_key).then(|| (meeting, (range.clone(), *at)))
                })
                .collect();
            self.earlier[place] = Some((record, same));
        }
        self
    }

    /// Whether the records are compared with what is made again, not used.
    pub fn verifying(&self) -> bool {
        self.verify
    }

    /// Each meeting's folder and the key of its documents, of a body whose
    /// record does not hold (of every body, verifying).
    pub fn parts(&self, place: usize) -> &[(String, String)] {
        &self.parts[place]
    }

    /// The documents of the body's meeting at `meeting` and their
    /// fingerprints last time, where the body's record does not hold but
    /// the meeting's key is the same; never when verifying
    /// (`earlier_holding`).
    pub fn earlier(&self, place: usize, meeting: usize) -> Option<&[(Document, String)]> {
        self.earlier_holding(place, meeting)
            .filter(|_| !self.verify)
    }

    /// `earlier`, verifying too: what a build that verifies compares with
    /// what it made.
    pub fn earlier_holding(&self, place: usize, meeting: usize) -> Option<&[(Document, String)]> {
        let (record, same) = self.earlier.get(place)?.as_ref()?;
        record.documents.get(same.get(&meeting)?.0.clone())
    }

    /// The place of the body whose folder is `dir`.
    pub fn place_of(&self, dir: &str) -> Option<usize> {
        self.dirs.iter().position(|d| d == dir)
    }

    /// What the body's own rules found last time, if it still holds.
    pub fn findings(&self, place: usize) -> Option<Vec<Diagnostic>> {
        let record = self.usable(place)?;
        record.findings.iter().map(Warning::diagnostic).collect()
    }

    /// The seal recorded last time of the meeting at `meeting`: of a body
    /// whose record holds, or, where it does not, of a meeting whose key
    /// is the same; never when verifying (`seal_holding`).
    pub fn seal(&self, place: usize, meeting: usize) -> Option<Seal> {
        self.seal_holding(place, meeting)
            .filter(|_| !self.verify)
            .cloned()
    }

    /// `seal`, verifying too: what a build or `rsr check` that verifies
    /// compares with the seal it made.
    pub fn seal_holding(&self, place: usize, meeting: usize) -> Option<&Seal> {
        let part = match self.earlier.get(place)? {
            Some((record, same)) => record.parts.get(same.get(&meeting)?.1)?,
            // A record that holds has the body's meetings as they are, in
            // order.
            None => self.records.get(place)?.as_ref()?.parts.get(meeting)?,
        };
        part.seal.as_ref()
    }

    /// The body's documents and their fingerprints last time, if they still
    /// hold.
    pub fn documents(&self, place: usize) -> Option<&[(Document, String)]> {
        Some(&self.usable(place)?.documents)
    }

    /// The record of last time that still holds, without it being used:
    /// what a build that verifies compares with what it made.
    pub fn holding(&self, place: usize) -> Option<&BodyRecord> {
        self.records.get(place)?.as_ref()
    }

    /// Verifying, the folder of the first body whose record held but whose
    /// rules, run again, found other than it says (`of_bodies`, by place;
    /// none to compare where a file did not read whole): what an `rsr
    /// check` that verifies fails on.
    pub fn differing_findings(&self, of_bodies: &[Vec<Diagnostic>]) -> Option<&str> {
        (0..self.dirs.len())
            .filter(|_| self.verify)
            .find(|&place| {
                let found = of_bodies.get(place);
                self.holding(place)
                    .zip(found)
                    .is_some_and(|(held, found)| !held.found(found))
            })
            .map(|place| self.dirs[place].as_str())
    }

    /// Verifying, the folder of the first meeting whose seal the record
    /// held (its key being the same) but the lock rule made otherwise
    /// (`seals`, by the body's place, each by the meeting's): what an `rsr
    /// check` that verifies fails on, as a build does.
    pub fn differing_seal(&self, seals: &[Vec<(usize, Seal)>]) -> Option<&str> {
        if !self.verify {
            return None;
        }
        seals.iter().enumerate().find_map(|(place, made)| {
            made.iter().find_map(|(meeting, seal)| {
                if self.seal_holding(place, *meeting)? == seal {
                    return None;
                }
                // Verifying, `by_meeting` gave every body's meetings their
                // folders; the body's is named should one not be there.
                let dir = self.parts.get(place).and_then(|parts| parts.get(*meeting));
                dir.map(|(dir, _)| dir.as_str())
                    .or_else(|| self.dirs.get(place).map(String::as_str))
            })
        })
    }

    fn usable(&self, place: usize) -> Option<&BodyRecord> {
        self.holding(place).filter(|_| !self.verify)
    }
}

/// What the rules take from the records.
impl crate::check::Records for Remembered {
    fn findings(&self, place: usize) -> Option<Vec<Diagnostic>> {
        Remembered::findings(self, place)
    }

    fn seal(&self, place: usize, meeting: usize) -> Option<Seal> {
        Remembered::seal(self, place, meeting)
    }
}

/// What decides a build besides the files: rsr itself, the day, the
/// language of its messages and the commit its calendars' history comes
/// from.
pub fn context(today: chrono::NaiveDate, head: Option<&str>) -> String {
    format!(
        "{} {}\n{today}\n{}\n{}",
        env!("CARGO_PKG_VERSION"),
        env!("RSR_BUILD_ID"),
        crate::lang::current().tag(),
        head.unwrap_or("-")
    )
}

impl Inventory {
    /// An inventory whole, as the tests write one; a build writes its
    /// parts as they are (`save_surveying`).
    #[cfg(test)]
    pub fn new(
        context: String,
        inputs: Files,
        (outputs, folders): (Files, Folders),
        report: Report,
        bodies: BTreeMap<String, BodyRecord>,
    ) -> Inventory {
        Inventory {
            format: FORMAT,
            context,
            inputs,
            report,
            bodies,
            outputs,
            folders,
        }
    }

    /// Writes atomically into `out` the inventory of a build in `context`
    /// of the repository as surveyed (`inputs`), which reported `report`
    /// and did each body's work as `bodies` records, with `out/` as
    /// `survey` finds it. `survey` runs on a thread of its own while what
    /// is known already is written: of a repository of years, the larger
    /// part.
    pub fn save_surveying(
        out: &Path,
        context: &str,
        inputs: &Files,
        report: &Report,
        bodies: &BTreeMap<String, BodyRecord>,
        survey: impl FnOnce() -> (Files, Folders) + Send,
    ) -> Result<(), Error> {
        let head = Head {
            format: FORMAT,
            context,
            inputs,
            report,
            bodies,
        };
        // Not synced: a record whose checksum tells one a crash tore, and
        // which, lost, costs the next build its work (`write::Keep`).
        let keep = write::Keep::Record;
        crate::output::summed::save_with(out, &out.join(FILE), keep, |writer| {
            std::thread::scope(|scope| {
                let surveying = scope.spawn(survey);
                let written = postcard::to_io(&head, &mut *writer);
                let (outputs, folders) = surveying
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                written?;
                let tail = Tail {
                    outputs: &outputs,
                    folders: &folders,
                };
                let written = postcard::to_io(&tail, writer).map(drop);
                super::let_go((outputs, folders));
                written
            })
        })
    }

    /// The inventory in `out`, if there is one whole of this format.
    pub fn load(out: &Path) -> Option<Inventory> {
        let inventory: Inventory = crate::output::summed::load(&out.join(FILE))?;
        (inventory.format == FORMAT).then_some(inventory)
    }

    /// Writes it atomically into `out`. One that cannot be written down
    /// (a path that is not UTF-8) is not kept: the next build does
    /// everything. What `save_surveying` writes of the same parts.
    #[cfg(test)]
    pub fn save(&self, out: &Path) -> Result<(), Error> {
        crate::output::summed::save(out, &out.join(FILE), self)
    }

    /// The context it was made in.
    pub fn context(&self) -> &str {
        &self.context
    }
}

/// What `files` records of `path`, if its `Seen` vouches for the file as
/// it is `now`.
pub fn vouched(files: &Files, path: &str, now: &Seen) -> Option<Known> {
    let known = files.get(path)?;
    // As recorded, when it was seen then: the same again next time, so
    // that an inventory in which nothing was read need not be written.
    known
        .seen
        .as_ref()
        .filter(|seen| seen.vouches_for(now))
        .map(|_| known.clone())
}

/// What a survey is to pass over, shown each entry of a folder it lists
/// and how deep it is below the survey's base (1: in the base itself).
pub type Skip<'a> = dyn Fn(&std::fs::DirEntry, usize) -> bool + Sync + 'a;

/// What a survey of the repository passes over: git's folder, and the
/// output folder where it is inside the repository (told by its device
/// and inode, however either path is written).
pub fn skip_in(out: &Path) -> impl Fn(&std::fs::DirEntry, usize) -> bool + Sync + use<> {
    let out = identity(out);
    move |entry: &std::fs::DirEntry, _| {
        entry.file_name() == ".git"
            || (out.is_some()
                && entry.file_type().is_ok_and(|kind| kind.is_dir())
                && entry.metadata().ok().and_then(|m| identity_of(&m)) == out)
    }
}

/// What a survey of `out/` passes over: its lock, the inventory itself, the
/// bodies' kept models (`repo::cache`) and what a killed build left
/// half-written.
pub fn skip_out(entry: &std::fs::DirEntry, depth: usize) -> bool {
    let name = entry.file_name();
    let name = name.to_string_lossy();
    depth == 1 && (name == FILE || name == write::LOCK || name == crate::repo::cache::DIR)
        || name.starts_with(".rsr-")
}

fn identity(path: &Path) -> Option<(u64, u64)> {
    identity_of(&std::fs::metadata(path).ok()?)
}

#[cfg(unix)]
fn identity_of(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity_of(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Every file and folder under `base` but those `skip` passes over (and
/// what is in them), each with the hash of its bytes: as `known` vouches
/// for it, or read now. Where `stamped` (`base` is `out/`, which rsr
/// alone writes), a file read is timed by a `Stamp` taken in `base` before
/// it is read, so that the next survey need not read it again however
/// soon after it was written; otherwise (the repository, which others
/// write), or on another file system, by the system's clock.
pub fn survey(
    base: &Path,
    skip: &Skip,
    stamped: bool,
    known: &(dyn Fn(&str, &Seen) -> Option<Known> + Sync),
) -> Files {
    survey_since(base, skip, stamped, known, None).0
}

/// A survey's `Stamp`, taken the first time a file is to be read or a
/// folder listed, and only where the survey may make a file.
struct Clock<'a> {
    stamp_in: Option<&'a Path>,
    stamp: std::sync::OnceLock<Option<Stamp>>,
}

impl Clock<'_> {
    fn stamp(&self) -> Option<Stamp> {
        *self
            .stamp
            .get_or_init(|| self.stamp_in.and_then(Stamp::take))
    }
}

/// `survey`, given the last survey of `base` and its folders: a folder of
/// files alone whose `Seen` vouches that nothing in it was made, removed or
/// renamed since (its times are those recorded) is not listed, and its
/// files are taken as recorded without asking the file system. A file
/// changed in place since is still what it was when recorded, and the next
/// `survey`, which compares every file, finds it changed; rsr itself
/// writes only by renaming into a folder. Returns each folder's `Seen`
/// too, taken before it is listed.
///
/// The folders of one depth are listed at once, on every core, each
/// file's times asked of the file system through its folder as it is
/// listed (a repository of years has some thousand meetings' folders and
/// ten thousand files, and `out/` as many); only then is `known` asked.
pub fn survey_since(
    base: &Path,
    skip: &Skip,
    stamped: bool,
    known: &(dyn Fn(&str, &Seen) -> Option<Known> + Sync),
    last: Option<(&Files, &Folders)>,
) -> (Files, Folders) {
    let clock = Clock {
        stamp_in: stamped.then_some(base),
        stamp: std::sync::OnceLock::new(),
    };
    let mut folders = Folders::new();
    if let Some((_, before)) = last {
        let (seen, _) = note_folder(before, "", base, &clock);
        folders.extend(seen);
    }
    let mut listed = Listing::default();
    let mut depth = 1;
    let mut level = vec![(String::new(), base.to_path_buf())];
    while !level.is_empty() {
        let listings = crate::repo::parallel::each(&level, |(relative, path)| {
            list(relative, path, depth, skip, last, &clock)
        });
        level = Vec::new();
        for listing in listings {
            listed.entries.extend(listing.entries);
            listed.carried.extend(listing.carried);
            listed.noted.extend(listing.noted);
            listed.errors.extend(listing.errors);
            level.extend(listing.folders);
        }
        depth += 1;
    }
    let Listing {
        entries,
        carried,
        noted,
        errors,
        ..
    } = listed;
    folders.extend(noted);
    // A folder listed only in part is not taken as recorded next time,
    // nor is any folder it is in.
    for (path, _) in &errors {
        folders.retain(|folder, _| {
            !(folder.is_empty() || path == folder || path.starts_with(&format!("{folder}/")))
        });
    }
    let mut files = Files::new();
    files.extend(carried);
    // What the file system said of every entry first, and only then what
    // `known` vouches for (which may wait for the last record to be read).
    let chunks: Vec<_> = entries.chunks(256).collect();
    let surveyed = crate::repo::parallel::each(&chunks, |chunk| {
        chunk
            .iter()
            .map(|(relative, path, probe)| {
                (
                    relative.clone(),
                    finish(path, relative, probe, known, &clock),
                )
            })
            .collect::<Vec<_>>()
    });
    files.extend(surveyed.into_iter().flatten());
    // After the entries: a folder that could not be read is its error,
    // not the "/" its entry gave.
    files.extend(errors);
    (files, folders)
}

/// What listing folders found: each entry with what the file system
/// says of it, what unmoved folders hold (as recorded), the folders'
/// `Seen`, the folders that could not be read (each as its error), and
/// the folders to list next.
#[derive(Default)]
struct Listing {
    entries: Vec<(String, PathBuf, Probe)>,
    carried: Vec<(String, Known)>,
    noted: Vec<(String, Seen)>,
    errors: Vec<(String, Known)>,
    folders: Vec<(String, PathBuf)>,
}

/// Lists the folder at `path` (`relative` to the survey's base), whose
/// entries are `depth` below the base.
fn list(
    relative: &str,
    path: &Path,
    depth: usize,
    skip: &Skip,
    last: Option<(&Files, &Folders)>,
    clock: &Clock,
) -> Listing {
    let mut listing = Listing::default();
    let read = match std::fs::read_dir(path) {
        Ok(read) => read,
        Err(error) => {
            listing
                .errors
                .push(unreadable(relative.to_string(), path, &error));
            return listing;
        }
    };
    for entry in read {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                listing
                    .errors
                    .push(unreadable(relative.to_string(), path, &error));
                break;
            }
        };
        if skip(&entry, depth) {
            continue;
        }
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let inner = if relative.is_empty() {
            name.into_owned()
        } else {
            format!("{relative}/{name}")
        };
        let full = entry.path();
        // An entry whose kind cannot be told is its error, as a folder
        // that cannot be read is.
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(error) => {
                listing.errors.push(unreadable(inner, &full, &error));
                continue;
            }
        };
        let probe = probe(&entry, &full, kind);
        if kind.is_dir() {
            let carried = last.and_then(|(recorded, before)| {
                let (seen, vouched) = note_folder(before, &inner, &full, clock);
                listing.noted.extend(seen);
                vouched.then(|| held(recorded, &inner)).flatten()
            });
            match carried {
                Some(carried) => {
                    listing.carried.extend(carried);
                    listing.carried.push((
                        inner,
                        Known {
                            hash: "/".into(),
                            seen: None,
                        },
                    ));
                }
                None => {
                    listing.folders.push((inner.clone(), full.clone()));
                    listing.entries.push((inner, full, probe));
                }
            }
        } else {
            listing.entries.push((inner, full, probe));
        }
    }
    listing
}

/// The entry `relative` of a survey, at `path`, that could not be listed
/// or told: its error, which no file's hash can be.
fn unreadable(relative: String, path: &Path, error: &std::io::Error) -> (String, Known) {
    (
        relative,
        Known {
            hash: format!("! {}: {error}", path.display()),
            seen: None,
        },
    )
}

/// The files `recorded` holds in the folder `relative`, if it holds only
/// files, each recorded as it was seen: a folder in it may have changed
/// without it.
fn held(recorded: &Files, relative: &str) -> Option<Vec<(String, Known)>> {
    let prefix = format!("{relative}/");
    // Nothing is copied of a folder that does not hold.
    let mut held = Vec::new();
    for (path, known) in recorded.range(prefix.clone()..) {
        if !path.starts_with(&prefix) {
            break;
        }
        if known.hash == "/" || known.seen.is_none() {
            return None;
        }
        held.push((path, known));
    }
    Some(
        held.into_iter()
            .map(|(path, known)| (path.clone(), known.clone()))
            .collect(),
    )
}

/// The folder at `path` as the file system has it now, or as `before`
/// has it when that vouches for it; and whether it did. One that it does
/// not is listed after `clock`'s stamp is taken.
fn note_folder(
    before: &Folders,
    relative: &str,
    path: &Path,
    clock: &Clock,
) -> (Option<(String, Seen)>, bool) {
    let Some((now, device)) = Seen::on_device(path) else {
        return (None, false);
    };
    match before.get(relative).filter(|seen| seen.vouches_for(&now)) {
        Some(seen) => (Some((relative.to_string(), seen.clone())), true),
        None => (
            Some((relative.to_string(), now.stamped(device, clock.stamp()))),
            false,
        ),
    }
}

/// What the file system says of one entry of a survey: all there is to
/// know of a folder, a link or anything but a file, and a file's `Seen`.
enum Probe {
    Known(Known),
    /// A file's `Seen`, with the device of its file system.
    File(Option<(Seen, u64)>),
}

/// Asked through the folder being listed (on Linux, without the file's
/// path looked up again from the root); `path` is the entry's.
fn probe(entry: &std::fs::DirEntry, path: &Path, kind: std::fs::FileType) -> Probe {
    let unseen = |hash: String| Probe::Known(Known { hash, seen: None });
    if kind.is_dir() {
        return unseen("/".into());
    }
    if kind.is_symlink() {
        return unseen(match std::fs::read_link(path) {
            Ok(target) => format!("-> {}", target.display()),
            Err(error) => format!("! {error}"),
        });
    }
    if !kind.is_file() {
        // A pipe, a socket or a device is never opened.
        return unseen(format!("? {kind:?}"));
    }
    // A file that became something else since it was listed has no
    // `Seen`, and is read.
    Probe::File(
        entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|meta| Seen::of_metadata(&meta)),
    )
}

/// One entry of a survey, given its probe: a file as `known` vouches for
/// it, or read now.
fn finish(
    path: &Path,
    relative: &str,
    probe: &Probe,
    known: &(dyn Fn(&str, &Seen) -> Option<Known> + Sync),
    clock: &Clock,
) -> Known {
    let now = match probe {
        Probe::Known(known) => return known.clone(),
        Probe::File(now) => now,
    };
    if let Some(known) = now.as_ref().and_then(|(now, _)| known(relative, now)) {
        return known;
    }
    // Taken before the file is read: a write after it shows in its times.
    let stamp = clock.stamp();
    match std::fs::read(path) {
        Ok(bytes) => Known {
            hash: hash(&[&bytes]),
            seen: now
                .clone()
                .map(|(seen, device)| seen.stamped(device, stamp)),
        },
        Err(error) => Known {
            hash: format!("! {error}"),
            seen: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        Report {
            warnings: vec![Warning {
                error: false,
                rule: "notice-period".into(),
                file: PathBuf::from("meetings/kn/2026-03-02/meeting.yaml"),
                line: 3,
                column: 7,
                message: "kallelsen".into(),
                hint: None,
                subject: None,
            }],
            outputs: vec![PathBuf::from("kn/2026-03-02-kallelse.pdf")],
            dependencies: vec![PathBuf::from("rsr.yaml")],
        }
    }

    #[test]
    fn an_inventory_reads_back_whole_or_not_at_all() {
        let out = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("rsr.yaml"), "namn: x\n").unwrap();
        let inputs = survey(root.path(), &skip_in(out.path()), false, &|_, _| None);
        Inventory::new(
            "c".into(),
            inputs.clone(),
            (Files::new(), Folders::new()),
            report(),
            BTreeMap::new(),
        )
        .save(out.path())
        .unwrap();
        let read = Inventory::load(out.path()).unwrap();
        assert_eq!(read.context(), "c");
        assert!(same(&read.inputs, &inputs));
        assert_eq!(read.report, report());
        let warning = read.report.warnings[0].diagnostic().unwrap();
        assert_eq!(warning.rule, "notice-period");
        assert!(!warning.is_error());

        // One byte changed anywhere, or the end cut off: none.
        let bytes = std::fs::read(out.path().join(FILE)).unwrap();
        for at in [0, bytes.len() / 2, bytes.len() - 1] {
            let mut changed = bytes.clone();
            changed[at] ^= 0x01;
            std::fs::write(out.path().join(FILE), &changed).unwrap();
            assert!(Inventory::load(out.path()).is_none(), "byte {at}");
        }
        std::fs::write(out.path().join(FILE), &bytes[..bytes.len() - 1]).unwrap();
        assert!(Inventory::load(out.path()).is_none());
        // A rule this rsr does not have is not reported as one.
        let mut unknown = report().warnings[0].clone();
        unknown.rule = "no-such-rule".into();
        assert!(unknown.diagnostic().is_none());
    }

    #[test]
    fn only_links_inside_a_meetings_folder_are_confined() {
        let file = |hash: &str| Known {
            hash: hash.to_string(),
            seen: None,
        };
        let sha = "ab".repeat(32);
        let with = |link: &str| -> Files {
            let mut files = Files::new();
            files.insert("rsr.yaml".into(), file(&sha));
            files.insert("meetings/kn/body.yaml".into(), file(&sha));
            files.insert("meetings/kn/2026-01-19".into(), file("/"));
            files.insert("meetings/kn/2026-01-19/meeting.yaml".into(), file(&sha));
            files.insert("meetings/kn/delegationsbeslut".into(), file("/"));
            files.insert(link.into(), file("-> elsewhere"));
            files
        };
        assert!(links_confined(&with("meetings/kn/2026-01-19/bilaga.pdf")));
        assert!(links_confined(&with(
            "meetings/kn/2026-01-19/underlag/a.pdf"
        )));
        // A meeting's folder that is itself a link, one beside the
        // meetings, one in a register's folder, one outside the bodies.
        assert!(!links_confined(&with("meetings/kn/2026-03-02")));
        assert!(!links_confined(&with("meetings/kn/logo.svg")));
        assert!(!links_confined(&with(
            "meetings/kn/delegationsbeslut/2026.yaml"
        )));
        assert!(!links_confined(&with("templates/kallelse.typ")));
        // A folder whose meeting.yaml is a link is no meeting's folder.
        let mut linked = with("meetings/kn/2026-01-19/bilaga.pdf");
        linked.insert(
            "meetings/kn/2026-01-19/meeting.yaml".into(),
            file("-> ../2025-12-01/meeting.yaml"),
        );
        assert!(!links_confined(&linked));
        assert!(links_confined(&Files::new()));
    }

    #[test]
    fn an_inventory_written_while_out_is_surveyed_is_the_one_written_whole() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("rsr.yaml"), "namn: x\n").unwrap();
        let built = tempfile::tempdir().unwrap();
        std::fs::write(built.path().join("kallelse.pdf"), "%PDF").unwrap();
        let inputs = survey(root.path(), &skip_in(built.path()), false, &|_, _| None);
        let outputs = survey(built.path(), &skip_out, true, &|_, _| None);
        let bodies = BTreeMap::from([(
            "meetings/kn".to_string(),
            BodyRecord {
                key: "k".into(),
                findings: report().warnings,
                documents: Vec::new(),
                parts: Vec::new(),
            },
        )]);
        let whole = tempfile::tempdir().unwrap();
        Inventory::new(
            "c".into(),
            inputs.clone(),
            (outputs.clone(), Folders::new()),
            report(),
            bodies.clone(),
        )
        .save(whole.path())
        .unwrap();
        let parts = tempfile::tempdir().unwrap();
        Inventory::save_surveying(parts.path(), "c", &inputs, &report(), &bodies, || {
            (outputs.clone(), Folders::new())
        })
        .unwrap();
        let bytes = std::fs::read(parts.path().join(FILE)).unwrap();
        assert_eq!(bytes, std::fs::read(whole.path().join(FILE)).unwrap());
        let read = Inventory::load(parts.path()).unwrap();
        assert!(same(&read.outputs, &outputs) && !read.outputs.is_empty());
        assert!(same(&read.inputs, &inputs));
        assert_eq!(read.bodies, bodies);
        assert_eq!(read.report, report());
        // One that cannot be written down is not kept, as by `save`.
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let mut report = report();
            report
                .dependencies
                .push(PathBuf::from(std::ffi::OsStr::from_bytes(
                    b"meetings/\xff.yaml",
                )));
            Inventory::save_surveying(parts.path(), "c", &inputs, &report, &bodies, || {
                (outputs.clone(), Folders::new())
            })
            .unwrap();
            assert_eq!(std::fs::read_dir(parts.path()).unwrap().count(), 0);
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_inventory_that_cannot_be_written_down_is_not_kept() {
        use std::os::unix::ffi::OsStrExt;
        let out = tempfile::tempdir().unwrap();
        let inventory = |dependency: PathBuf| {
            let mut report = report();
            report.dependencies.push(dependency);
            Inventory::new(
                "c".into(),
                Files::new(),
                (Files::new(), Folders::new()),
                report,
                BTreeMap::new(),
            )
        };
        inventory(PathBuf::from("rsr.yaml"))
            .save(out.path())
            .unwrap();
        assert!(Inventory::load(out.path()).is_some());
        let not_utf8 = PathBuf::from(std::ffi::OsStr::from_bytes(b"meetings/\xff.yaml"));
        inventory(not_utf8).save(out.path()).unwrap();
        assert!(!out.path().join(FILE).exists());
        // Nor is anything half-written left beside it.
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_survey_reads_what_it_cannot_vouch_for_and_passes_over_git_and_out() {
        let root = tempfile::tempdir().unwrap();
        let base = root.path();
        std::fs::create_dir_all(base.join("meetings/kn/2026-03-02")).unwrap();
        std::fs::create_dir_all(base.join(".git/objects")).unwrap();
        std::fs::create_dir_all(base.join("out/kn")).unwrap();
        std::fs::write(base.join("meetings/kn/body.yaml"), "namn: KN\n").unwrap();
        std::fs::write(base.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
        std::fs::write(base.join("out/kn/a.pdf"), "%PDF").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("body.yaml", base.join("meetings/kn/länk.yaml")).unwrap();

        // The output folder is told however its path is written.
        let found = survey(base, &skip_in(&base.join("./out/")), false, &|_, _| None);
        let paths: Vec<&str> = found.keys().map(String::as_str).collect();
        let mut expected = vec![
            "meetings",
            "meetings/kn",
            "meetings/kn/2026-03-02",
            "meetings/kn/body.yaml",
        ];
        if cfg!(unix) {
            expected.push("meetings/kn/länk.yaml");
        }
        assert_eq!(paths, expected);
        assert_eq!(found["meetings/kn"].hash, "/");
        assert_eq!(found["meetings/kn/body.yaml"].hash, hash(&[b"namn: KN\n"]));
        if cfg!(unix) {
            assert_eq!(found["meetings/kn/länk.yaml"].hash, "-> body.yaml");
        }

        // What `known` vouches for is not read: its hash is taken as said.
        let vouched_for = survey(base, &skip_in(&base.join("out")), false, &|path, _| {
            (path == "meetings/kn/body.yaml").then(|| Known {
                hash: "as recorded".into(),
                seen: None,
            })
        });
        assert_eq!(vouched_for["meetings/kn/body.yaml"].hash, "as recorded");
        assert!(!same(&found, &vouched_for));
    }

    #[test]
    fn a_survey_finds_at_every_depth_what_a_walk_of_every_folder_finds() {
        let root = tempfile::tempdir().unwrap();
        let base = root.path();
        // Four levels deep, several folders to a level, files at each.
        for body in ["kn", "fn", "sn"] {
            for meeting in ["2025-11-17", "2026-02-02"] {
                for inner in ["signerat", "underlag/bilagor"] {
                    let dir = base.join(body).join(meeting).join(inner);
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(dir.join("a.pdf"), format!("{body} {meeting}")).unwrap();
                }
                std::fs::write(base.join(body).join(meeting).join("b.yaml"), meeting).unwrap();
            }
        }
        // What `skip_out` passes over in `out/` itself, kept deeper; what
        // it passes over anywhere.
        std::fs::create_dir_all(base.join(crate::repo::cache::DIR)).unwrap();
        std::fs::create_dir_all(base.join("kn").join(crate::repo::cache::DIR)).unwrap();
        for file in [
            FILE.to_string(),
            write::LOCK.to_string(),
            format!("{}/m.bin", crate::repo::cache::DIR),
            format!("kn/{FILE}"),
            format!("kn/{}", write::LOCK),
            format!("kn/{}/m.bin", crate::repo::cache::DIR),
            ".rsr-staged".to_string(),
            "kn/2026-02-02/.rsr-staged".to_string(),
        ] {
            std::fs::write(base.join(file), "x").unwrap();
        }

        // walkdir, as surveys once walked, passing over the same.
        let walked = |skip: &dyn Fn(&walkdir::DirEntry) -> bool| -> Vec<String> {
            let mut walked: Vec<String> = walkdir::WalkDir::new(base)
                .min_depth(1)
                .into_iter()
                .filter_entry(|entry| !skip(entry))
                .map(|entry| key(entry.unwrap().path().strip_prefix(base).unwrap()))
                .collect();
            walked.sort();
            walked
        };
        let out_skips = |entry: &walkdir::DirEntry| {
            let name = entry.file_name().to_string_lossy();
            entry.depth() == 1
                && (name == FILE || name == write::LOCK || name == crate::repo::cache::DIR)
                || name.starts_with(".rsr-")
        };
        let none = |_: &str, _: &Seen| None;
        let surveyed = survey(base, &skip_out, false, &none);
        assert_eq!(
            surveyed.keys().cloned().collect::<Vec<_>>(),
            walked(&out_skips)
        );
        assert_eq!(surveyed.len(), 49);
        for kept in [
            format!("kn/{FILE}"),
            format!("kn/{}", write::LOCK),
            format!("kn/{}/m.bin", crate::repo::cache::DIR),
        ] {
            assert_eq!(surveyed[&kept].hash, hash(&[b"x"]), "{kept}");
        }
        assert_eq!(surveyed["sn/2026-02-02/underlag"].hash, "/");
        assert_eq!(
            surveyed["sn/2026-02-02/underlag/bilagor/a.pdf"].hash,
            hash(&[b"sn 2026-02-02"])
        );
        // Given an empty record, the same; each folder's `Seen` noted.
        let (since, folders) = survey_since(
            base,
            &skip_out,
            false,
            &none,
            Some((&Files::new(), &Folders::new())),
        );
        assert!(same(&surveyed, &since));
        // Where the platform gives a file's inode and change time.
        assert_eq!(folders.is_empty(), cfg!(not(unix)));
        if cfg!(unix) {
            let listed: Vec<&String> = surveyed
                .iter()
                .filter(|(_, known)| known.hash == "/")
                .map(|(path, _)| path)
                .collect();
            assert_eq!(folders.len(), listed.len() + 1);
            assert!(folders.contains_key(""));
            assert!(listed.iter().all(|folder| folders.contains_key(*folder)));
        }

        // The output folder passed over deep in the repository, and
        // nothing under it: told by its device and inode.
        if cfg!(not(unix)) {
            return;
        }
        let inside = base.join("fn/2025-11-17");
        let surveyed = survey(base, &skip_in(&inside), false, &none);
        let inside_skips =
            |entry: &walkdir::DirEntry| entry.file_name() == ".git" || entry.path() == inside;
        assert_eq!(
            surveyed.keys().cloned().collect::<Vec<_>>(),
            walked(&inside_skips)
        );
        assert!(
            !surveyed
                .keys()
                .any(|path| path.starts_with("fn/2025-11-17"))
        );
        assert!(surveyed.contains_key("fn/2026-02-02/signerat/a.pdf"));
    }

    #[test]
    fn a_folder_in_which_nothing_was_made_removed_or_renamed_is_taken_as_recorded() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path();
        for folder in ["kn", "fn", "fn/signerade"] {
            std::fs::create_dir_all(out.join(folder)).unwrap();
        }
        for file in [
            "index.html",
            "kn/a.pdf",
            "kn/b.pdf",
            "fn/c.pdf",
            "fn/signerade/d.pdf",
        ] {
            std::fs::write(out.join(file), file).unwrap();
        }
        let none = |_: &str, _: &Seen| None;
        let (first, mut folders) = survey_since(
            out,
            &skip_out,
            false,
            &none,
            Some((&Files::new(), &Folders::new())),
        );
        assert!(same(&first, &survey(out, &skip_out, false, &none)));
        if folders.is_empty() {
            return; // No inode and change time here: every folder is listed.
        }
        assert_eq!(
            folders.keys().map(String::as_str).collect::<Vec<_>>(),
            ["", "fn", "fn/signerade", "kn"]
        );
        // As if recorded well after the folders' last change, so that their
        // times vouch for them.
        for seen in folders.values_mut() {
            seen.at = seen.modified + 10_000_000_000;
        }
        let recorded: Files = first
            .iter()
            .map(|(path, known)| {
                let mut known = known.clone();
                if known.seen.is_some() {
                    known.hash = format!("recorded {path}");
                }
                (path.clone(), known)
            })
            .collect();
        let last = Some((&recorded, &folders));

        // A folder of files alone, unmoved: taken as recorded, its files
        // not read; one with a folder in it, and `out/` itself, are read.
        let (again, kept) = survey_since(out, &skip_out, false, &none, last);
        assert_eq!(again["kn/a.pdf"].hash, "recorded kn/a.pdf");
        assert_eq!(again["kn/b.pdf"].hash, "recorded kn/b.pdf");
        assert_eq!(
            again["fn/signerade/d.pdf"].hash,
            "recorded fn/signerade/d.pdf"
        );
        assert_eq!(again["fn/c.pdf"].hash, hash(&[b"fn/c.pdf"]));
        assert_eq!(again["index.html"].hash, hash(&[b"index.html"]));
        assert_eq!(again["kn"].hash, "/");
        assert_eq!(kept, folders);
        assert_eq!(
            again.keys().collect::<Vec<_>>(),
            first.keys().collect::<Vec<_>>()
        );

        // A file recorded without its `Seen` (one not as the build wrote
        // it) has its folder listed and itself read.
        let mut marked = recorded.clone();
        if let Some(known) = marked.get_mut("kn/a.pdf") {
            known.hash = "! not as built".into();
            known.seen = None;
        }
        let (listed, _) = survey_since(out, &skip_out, false, &none, Some((&marked, &folders)));
        assert_eq!(listed["kn/a.pdf"].hash, hash(&[b"kn/a.pdf"]));
        assert_eq!(listed["kn/b.pdf"].hash, hash(&[b"kn/b.pdf"]));

        // A file made, removed or renamed in a folder changes the folder:
        // it is listed and its files read. (Once the file system's clock,
        // which may tick in seconds, has moved past the folder's time: what
        // the three seconds of `Seen` guard against.)
        let tick = root.path().join("tick");
        for _ in 0..40 {
            std::fs::write(&tick, "").unwrap();
            if Seen::of(&tick).is_some_and(|now| now.modified > folders["kn"].modified) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        std::fs::write(out.join("kn/.rsr-staged"), "x").unwrap();
        std::fs::rename(out.join("kn/.rsr-staged"), out.join("kn/e.pdf")).unwrap();
        std::fs::remove_file(out.join("kn/b.pdf")).unwrap();
        let (moved, now) = survey_since(out, &skip_out, false, &none, last);
        assert_eq!(moved["kn/a.pdf"].hash, hash(&[b"kn/a.pdf"]));
        assert_eq!(moved["kn/e.pdf"].hash, hash(&[b"x"]));
        assert!(!moved.contains_key("kn/b.pdf"));
        assert_ne!(now["kn"], folders["kn"]);
        assert_eq!(
            moved["fn/signerade/d.pdf"].hash,
            "recorded fn/signerade/d.pdf"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_read_after_a_stamp_of_its_clock_is_vouched_for_at_once() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        std::fs::create_dir_all(out.join("kn")).unwrap();
        std::fs::write(out.join("kn/a.pdf"), "a").unwrap();
        let none = |_: &str, _: &Seen| None;
        // By the system's clock, seen just after its write (well within
        // three seconds): read again.
        let unstamped = survey(&out, &skip_out, false, &none);
        // Once the file system's clock has moved past the file's time.
        let written = Seen::of(&out.join("kn/a.pdf")).unwrap();
        let tick = root.path().join("tick");
        for _ in 0..40 {
            std::fs::write(&tick, "").unwrap();
            if Seen::of(&tick).is_some_and(|now| now.modified > written.changed) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let recorded = |files: &Files| -> Files {
            files
                .iter()
                .map(|(path, known)| {
                    let mut known = known.clone();
                    known.hash = format!("recorded {path}");
                    (path.clone(), known)
                })
                .collect()
        };
        let again = |files: &Files, stamped: bool| {
            let files = recorded(files);
            survey(&out, &skip_out, stamped, &|path, now| {
                vouched(&files, path, now)
            })
        };

        let seen = unstamped["kn/a.pdf"].seen.clone().unwrap();
        assert!(!seen.stamped);
        assert_eq!(again(&unstamped, false)["kn/a.pdf"].hash, hash(&[b"a"]));

        // Read after a stamp taken in `out/`: vouched for at once, and the
        // stamp leaves no file behind.
        let stamped = survey(&out, &skip_out, true, &none);
        let seen = stamped["kn/a.pdf"].seen.clone().unwrap();
        assert!(seen.stamped && seen.at > seen.modified, "{seen:?}");
        assert_eq!(
            stamped.keys().collect::<Vec<_>>(),
            ["kn", "kn/a.pdf"],
            "nothing of the stamp is surveyed"
        );
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
        let vouched_for = again(&stamped, true);
        assert_eq!(vouched_for["kn/a.pdf"].hash, "recorded kn/a.pdf");

        // A folder listed is timed by the stamp too.
        let (_, folders) = survey_since(
            &out,
            &skip_out,
            true,
            &none,
            Some((&Files::new(), &Folders::new())),
        );
        assert!(folders.values().all(|seen| seen.stamped), "{folders:?}");

        // Changed since: read again, stamp or no stamp.
        std::fs::write(out.join("kn/a.pdf"), "b").unwrap();
        assert_eq!(again(&stamped, true)["kn/a.pdf"].hash, hash(&[b"b"]));
    }

    #[test]
    fn only_a_file_seen_well_after_its_last_write_is_vouched_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "x: 1\n").unwrap();
        let Some(now) = Seen::of(&path) else {
            return; // No inode and change time here: every file is read.
        };
        let recorded = |seen: Seen| {
            Files::from([(
                "a.yaml".to_string(),
                Known {
                    hash: "h".into(),
                    seen: Some(seen),
                },
            )])
        };
        // Seen just after it was written: racy, read again.
        let hash = |known: Option<Known>| known.map(|k| k.hash);
        assert_eq!(hash(vouched(&recorded(now.clone()), "a.yaml", &now)), None);
        let later = Seen {
            at: now.modified + 10_000_000_000,
            ..now.clone()
        };
        assert_eq!(
            hash(vouched(&recorded(later.clone()), "a.yaml", &now)).as_deref(),
            Some("h")
        );
        // Changed since (`Seen::vouches_for` holds each of size, times and
        // inode to it): read again.
        let since = Seen {
            changed: now.changed + 1,
            ..now.clone()
        };
        assert_eq!(
            hash(vouched(&recorded(later.clone()), "a.yaml", &since)),
            None
        );
        assert_eq!(hash(vouched(&recorded(later), "b.yaml", &now)), None);
    }
}
