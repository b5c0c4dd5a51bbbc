//! What the last builds wrote: for every PDF in `out/`, a fingerprint of
//! what it was made from (rsr's version, its templates, its data) and a
//! hash of the bytes written. `rsr list` compares both with the repository
//! and the files as they are now, so "up to date" is judged by content,
//! never by timestamps. It also names the site's files as last made, so
//! that a build can remove what it no longer makes (`unmade`). Kept in
//! `out/.rsr.manifest` (`output::summed`); a missing or unreadable
//! manifest, or one of an older layout, only means that nothing is known to
//! be up to date, and nothing to be removed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;

pub const FILE: &str = ".rsr.manifest";

/// Where rsr before `FILE` kept the manifest, as JSON: removed when the
/// manifest is saved, and never read (the rsr that wrote it built other
/// PDFs).
const JSON_FILE: &str = ".rsr.manifest.json";

/// The layout of the manifest kept; one of another number is none.
const FORMAT: u32 = 2;

/// The manifest as kept, `&Manifest` written and `Manifest` read back:
/// the number of its layout first.
#[derive(Serialize, Deserialize)]
struct Stored<M> {
    format: u32,
    manifest: M,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// By output path relative to `out/`, with `/` separators.
    #[serde(deserialize_with = "super::summed::sorted")]
    documents: BTreeMap<String, Entry>,
    /// The signed copies of protokoll (`<meeting>/signerat/protokoll.pdf`
    /// as the build found it valid), by the output path of the protokoll
    /// they are the signed copy of.
    #[serde(default, deserialize_with = "super::summed::sorted")]
    signed: BTreeMap<String, SignedCopy>,
    /// The site's files (the pages, the calendars, the feed, the
    /// meetings' open data) the last build made, by path in `out/` with
    /// `/` separators: those the next one does not make it removes.
    #[serde(default)]
    site: BTreeSet<String>,
    /// Whether anything changed since it was loaded: a build that changed
    /// nothing does not write it again.
    #[serde(skip)]
    changed: bool,
}

/// A signed protokoll the build copied into `out/`, for the site and the
/// open data to serve in place of the protokoll it built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedCopy {
    /// Its path in `out/`, with `/` separators.
    pub output: String,
    /// The hash of what it was checked against: the signed file, the
    /// protokoll built, the trust list. The same again is not checked
    /// again.
    pub checked: String,
    /// Signatures that hold, of the signature fields.
    pub signed: usize,
    pub fields: usize,
    pub pages: usize,
    pub size: u64,
    pub sha512: String,
}

/// A file an earlier build made in `out/` and this one does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmade {
    /// Its path in `out/`, with `/` separators.
    pub path: String,
    /// For a document, the hash of the PDF as written (`Entry::pdf`): a
    /// file that holds something else is no longer rsr's.
    pub pdf: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The fingerprint of the inputs the PDF was made from.
    pub input: String,
    /// SHA-256 of the PDF as written.
    pub pdf: String,
    /// Its number of pages.
    #[serde(default)]
    pub pages: usize,
    /// Its size in bytes and its SHA-512, as the open data publishes them.
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub sha512: String,
    /// SHA-256 of its printed text (`typeset::printed`), which `rsr check`
    /// compares with a sealed protokoll's lock without typesetting it again
    /// while the PDF is up to date.
    #[serde(default)]
    pub printed: Option<String>,
    /// The lines it marks for visible signatures, which `rsr signera`
    /// and the build's check of a signed protokoll place its fields on
    /// without typesetting it again.
    #[serde(default)]
    pub places: Vec<SignaturePlace>,
    /// The file as it was when its bytes were last found to be `pdf`: an
    /// unchanged file is known by this without being read again.
    #[serde(default)]
    pub seen: Option<Seen>,
}

/// What the file system says of a file (size, modification and change
/// times, inode), and when that was read: git's index entry, in small.
/// It stands for the file's bytes only while all of it is the same and
/// the file had last been written before its bytes were read, by a margin
/// the file system's clock can tell (git's "racy" safeguard): a file
/// written in the same tick of a coarse clock as it was read may be
/// written again without its times showing it, and is read whole.
///
/// Where `at` is by the system's clock, the file's content must have been
/// last written three seconds before; its change time is compared, not
/// judged, for a build renames each PDF into place, which sets it, just
/// before it sees it. Where `at` is by the file system's own clock
/// (`stamped`, a `Stamp`), any earlier tick will do, for both times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub size: u64,
    pub modified: i128,
    pub changed: i128,
    pub inode: u64,
    /// When it was read, in nanoseconds since 1970: by the system's
    /// clock, or, where `stamped`, a `Stamp` taken before it was read.
    pub at: i128,
    /// Whether `at` is a `Stamp`: the file system's own clock.
    #[serde(default)]
    pub stamped: bool,
}

/// A moment by a file system's own clock, the one it sets files' times
/// by: the modification time of a file made there. Every write the file
/// system begins later gives its file times of this tick or later, so a
/// file whose times are of an earlier tick, read after the stamp was
/// taken, had been written for the last time before it was read. That
/// holds on a clock of any grain (FAT's two seconds, a network file
/// system's server) and needs no margin, where the system's clock does.
///
/// It does not hold for a write in progress as the stamp is taken (its
/// times are set as it begins), for a file written through a shared
/// mapping (its times are set later), or across a system clock set back.
/// So rsr stamps only in `out/`, which builds alone write, one at a time
/// under its lock, each file by renaming it into place whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The file system's device.
    pub device: u64,
    pub at: i128,
}

impl Stamp {
    /// Takes a stamp of the file system `folder` is on, by making a file
    /// in it (named `.rsr-…`, removed at once); `None` where no file can
    /// be made there or the platform gives no device.
    pub fn take(folder: &Path) -> Option<Stamp> {
        #[cfg(unix)]
        {
            let file = tempfile::Builder::new()
                .prefix(".rsr-clock")
                .tempfile_in(folder)
                .ok()?;
            let (made, device) = Seen::on_device(file.path())?;
            Some(Stamp {
                device,
                at: made.modified,
            })
        }
        #[cfg(not(unix))]
        {
            let _ = folder;
            None
        }
    }
}

/// How long before it was seen a file must have been last changed for its
/// times to be trusted: FAT's two-second clock, with room.
const RACY_NANOS: i128 = 3_000_000_000;

impl Seen {
    /// The file at `path` as it is now; `None` where the platform does not
    /// give an inode and a change time, and the file is always read.
    pub fn of(path: &Path) -> Option<Seen> {
        Seen::on_device(path).map(|(seen, _)| seen)
    }

    /// `Seen::of`, with the device of the file system the file is on.
    pub fn on_device(path: &Path) -> Option<(Seen, u64)> {
        if cfg!(not(unix)) {
            return None;
        }
        Seen::of_metadata(&std::fs::metadata(path).ok()?)
    }

    /// `Seen::on_device`, of what the file system said of a file.
    pub fn of_metadata(meta: &std::fs::Metadata) -> Option<(Seen, u64)> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let at = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_nanos() as i128;
            let seen = Seen {
                size: meta.len(),
                modified: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
                changed: i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                inode: meta.ino(),
                at,
                stamped: false,
            };
            Some((seen, meta.dev()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// This `Seen` of a file on `device`, as read after `stamp` was taken:
    /// timed by the stamp where it is of the same file system, else as it
    /// is.
    pub fn stamped(self, device: u64, stamp: Option<Stamp>) -> Seen {
        match stamp {
            Some(stamp) if stamp.device == device => Seen {
                at: stamp.at,
                stamped: true,
                ..self
            },
            _ => self,
        }
    }

    /// Whether `now` (the file as it is now) is this file unchanged, and
    /// was so long enough before it was seen to tell.
    pub fn vouches_for(&self, now: &Seen) -> bool {
        let settled = if self.stamped {
            self.modified < self.at && self.changed < self.at
        } else {
            self.modified + RACY_NANOS < self.at
        };
        self.size == now.size
            && self.modified == now.modified
            && self.changed == now.changed
            && self.inode == now.inode
            && settled
    }
}

impl Entry {
    /// The entry of a PDF with these bytes, made from `input`.
    pub fn of(input: String, pdf: &[u8], pages: usize) -> Entry {
        Entry {
            input,
            pdf: hash(&[pdf]),
            pages,
            size: pdf.len() as u64,
            sha512: sha512(pdf),
            printed: None,
            places: Vec::new(),
            seen: None,
        }
    }
}

/// A line a visible signature is shown on: the area above it, where ink
/// would go, as a PDF widget's `/Rect` on its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignaturePlace {
    /// Whose line: the signer's place in the template data's `signatures`.
    pub signer: usize,
    /// The page, from 0.
    pub page: usize,
    /// `[left, bottom, right, top]` in hundredths of a point from the
    /// page's bottom left: the same layout gives the same numbers.
    pub rect: [i64; 4],
}

/// The hex SHA-256 of a file's bytes, as `sha256sum` prints it.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The hex SHA-512 of a file's bytes.
pub fn sha512(bytes: &[u8]) -> String {
    hex(&sha2::Sha512::digest(bytes))
}

/// A digest as lowercase hex, as `sha256sum` and git print it.
pub fn hex(digest: &[u8]) -> String {
    hex::encode(digest)
}

/// Another record of `out/` (the inventory's), as `Manifest::check` asks
/// it: given a file's `/`-separated path and how it is now, the hash of its
/// bytes and the `Seen` that vouches for them, where it has one.
pub type Recorded<'a> = dyn Fn(&str, &Seen) -> Option<(String, Seen)> + 'a;

/// How `Manifest::check` told a document's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Told {
    /// Without reading the file, and with nothing new to record: by the
    /// manifest's own `Seen`, or outdated by what the other record holds.
    Seen,
    /// By the other record of `out/`, whose `Seen` vouches for the file
    /// with the bytes the manifest holds the hash of: the manifest may take
    /// that `Seen` as its own (`adopt`).
    Recorded(Seen),
    /// By reading the file whole: `see` can record it for the next time.
    Read,
}

/// Whether a document in `out/` is the one the repository would build now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    UpToDate,
    /// Built from other inputs, or changed since it was written.
    Outdated,
    Missing,
}

impl State {
    /// "up to date", "outdated", "missing", in the run's language.
    pub fn label(self) -> String {
        match self {
            State::UpToDate => crate::lang::t!("cmd-list-up-to-date"),
            State::Outdated => crate::lang::t!("cmd-list-outdated"),
            State::Missing => crate::lang::t!("cmd-list-missing"),
        }
    }
}

impl Manifest {
    /// The manifest in `out`, or an empty one when there is none or it
    /// cannot be read.
    pub fn load(out: &Path) -> Manifest {
        crate::output::summed::load::<Stored<Manifest>>(&out.join(FILE))
            .filter(|read| read.format == FORMAT)
            .map(|read| read.manifest)
            .unwrap_or_default()
    }

    /// Records what `output` was written from and with.
    pub fn record(&mut self, output: &Path, entry: Entry) {
        self.documents.insert(key(output), entry);
        self.changed = true;
    }

    /// Every document it records, by its `/`-separated path in `out/`.
    pub fn documents(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.documents
            .iter()
            .map(|(output, entry)| (output.as_str(), entry))
    }

    /// What the manifest knows of `output`.
    pub fn entry(&self, output: &Path) -> Option<&Entry> {
        self.documents.get(&key(output))
    }

    /// The signed copy of the protokoll `output`, if the build made one.
    pub fn signed(&self, output: &Path) -> Option<&SignedCopy> {
        self.signed.get(&key(output))
    }

    /// Records the signed copy of the protokoll `output`, or forgets it.
    pub fn record_signed(&mut self, output: &Path, copy: Option<SignedCopy>) {
        let before = match copy {
            Some(copy) => self.signed.insert(key(output), copy.clone()) != Some(copy),
            None => self.signed.remove(&key(output)).is_some(),
        };
        self.changed |= before;
    }

    /// What it records that is not among `documents` and `site` (by path
    /// in `out/` with `/` separators): what an earlier build made and this
    /// one does not, in the order of their paths.
    pub fn unmade(&self, documents: &BTreeSet<String>, site: &BTreeSet<String>) -> Vec<Unmade> {
        let mut unmade: Vec<Unmade> = self
            .documents
            .iter()
            .filter(|(output, _)| !documents.contains(*output))
            .map(|(output, entry)| Unmade {
                path: output.clone(),
                pdf: Some(entry.pdf.clone()),
            })
            .chain(self.site.difference(site).map(|path| Unmade {
                path: path.clone(),
                pdf: None,
            }))
            .collect();
        unmade.sort_by(|a, b| a.path.cmp(&b.path));
        unmade
    }

    /// Forgets what is `unmade` but for what is `left` (to be removed by
    /// the next build), and records `site` (and the site's files among
    /// `left`) as the site's files. Returns whether it changed.
    pub fn forget(
        &mut self,
        unmade: &[Unmade],
        left: &BTreeSet<String>,
        site: BTreeSet<String>,
    ) -> bool {
        let mut changed = false;
        for gone in unmade.iter().filter(|u| !left.contains(&u.path)) {
            changed |= self.documents.remove(&gone.path).is_some();
        }
        let site: BTreeSet<String> = site
            .into_iter()
            .chain(self.site.intersection(left).cloned())
            .collect();
        changed |= self.site != site;
        self.site = site;
        self.changed |= changed;
        changed
    }

    /// The protokoll outputs that have a signed copy.
    pub fn signed_outputs(&self) -> Vec<String> {
        self.signed.keys().cloned().collect()
    }

    /// The size and SHA-512 of `output` in `out`, for the site and the
    /// open data: as the build recorded them, or, for a document this
    /// manifest does not know, as read from `out`; `None` when it is not
    /// there.
    pub fn facts(&self, out: &Path, output: &Path) -> Option<(u64, String)> {
        match self.entry(output) {
            Some(entry) if !entry.sha512.is_empty() => Some((entry.size, entry.sha512.clone())),
            _ => {
                let bytes = std::fs::read(out.join(output)).ok()?;
                Some((bytes.len() as u64, sha512(&bytes)))
            }
        }
    }

    /// Writes the manifest atomically, unless it is the one in `out`
    /// unchanged.
    pub fn save(&self, out: &Path) -> Result<(), Error> {
        if !self.changed && out.join(FILE).is_file() {
            return Ok(());
        }
        let stored = Stored {
            format: FORMAT,
            manifest: self,
        };
        crate::output::summed::save(out, &out.join(FILE), &stored)?;
        // The JSON an older rsr kept beside it is no record of these PDFs,
        // and never read: where it cannot be removed, it is only clutter.
        let _ = std::fs::remove_file(out.join(JSON_FILE));
        Ok(())
    }

    /// The state of `output` in `out`, given the fingerprint of what it
    /// would be built from now. A file the manifest has seen unchanged is
    /// not read; any other is read and hashed.
    pub fn state(&self, out: &Path, output: &Path, input: &str) -> State {
        self.check(out, output, input, &|_, _| None).0
    }

    /// `state`, and how it was told: by the manifest's own record, by
    /// `recorded`, or, where neither vouches for the file, by reading it
    /// whole.
    pub fn check(
        &self,
        out: &Path,
        output: &Path,
        input: &str,
        recorded: &Recorded,
    ) -> (State, Told) {
        let path = out.join(output);
        let output = key(output);
        let entry = match self.documents.get(&output) {
            Some(entry) if entry.input == input => entry,
            _ => {
                let state = if path.is_file() {
                    State::Outdated
                } else {
                    State::Missing
                };
                return (state, Told::Seen);
            }
        };
        if let Some(now) = Seen::of(&path) {
            if entry
                .seen
                .as_ref()
                .is_some_and(|seen| seen.vouches_for(&now))
            {
                return (State::UpToDate, Told::Seen);
            }
            if let Some((hash, seen)) = recorded(&output, &now) {
                return if hash == entry.pdf {
                    (State::UpToDate, Told::Recorded(seen))
                } else {
                    (State::Outdated, Told::Seen)
                };
            }
        }
        let Ok(bytes) = std::fs::read(&path) else {
            return (State::Missing, Told::Seen);
        };
        if entry.pdf == hash(&[&bytes]) {
            (State::UpToDate, Told::Read)
        } else {
            (State::Outdated, Told::Read)
        }
    }

    /// The hash of the PDF at `output` (a `/`-separated path in `out/`) as
    /// the build wrote it, and the `Seen` that vouches for it, if `now` is
    /// that file unchanged as last seen.
    pub fn vouched(&self, output: &str, now: &Seen) -> Option<(String, Seen)> {
        let entry = self.documents.get(output)?;
        let seen = entry.seen.as_ref()?;
        seen.vouches_for(now)
            .then(|| (entry.pdf.clone(), seen.clone()))
    }

    /// The hash of the PDF at `output` (a `/`-separated path in `out/`) as
    /// the build wrote it.
    pub fn written(&self, output: &str) -> Option<&str> {
        self.documents.get(output).map(|entry| entry.pdf.as_str())
    }

    /// Takes `seen`, which another record vouches for `output` with the
    /// bytes this manifest holds the hash of (`Told::Recorded`), as its own.
    pub fn adopt(&mut self, output: &Path, seen: Seen) {
        if let Some(entry) = self.documents.get_mut(&key(output))
            && entry.seen.as_ref() != Some(&seen)
        {
            entry.seen = Some(seen);
            self.changed = true;
        }
    }

    /// Records how `output` in `out` is now, as the file whose bytes the
    /// manifest holds the hash of: after writing it, or reading it whole.
    pub fn see(&mut self, out: &Path, output: &Path) {
        let seen = Seen::of(&out.join(output));
        if let Some(entry) = self.documents.get_mut(&key(output))
            && entry.seen != seen
        {
            entry.seen = seen;
            self.changed = true;
        }
    }
}

/// SHA-256 over the parts, each prefixed by its length so that no two
/// different lists of parts hash alike.
pub fn hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

/// A path as the manifest (and the build's inventory) keys it: its parts
/// joined by `/`, whatever the platform.
pub fn key(output: &Path) -> String {
    // Nearly every path a build keys is its key as written (a build keys
    // some ten thousand PDFs more than once), and is taken as it is.
    if cfg!(unix)
        && let Some(text) = output.to_str()
        && as_its_parts(text)
    {
        return text.to_string();
    }
    joined(output)
}

/// Whether the `/`-separated `text` is its parts joined by `/`: no part
/// is empty (a root, a doubled or a trailing `/`) and none is `.` but the
/// first, which are what `Path::components` leaves out.
fn as_its_parts(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('/')
            .enumerate()
            .all(|(n, part)| !part.is_empty() && (n == 0 || part != "."))
}

/// `key`, part by part.
fn joined(output: &Path) -> String {
    output
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_taken_as_written_is_the_key_of_its_parts() {
        for path in [
            "kn/2026-03-02-kallelse.pdf",
            "index.html",
            "a",
            ".",
            "..",
            "./a/b",
            "../a",
            "a/../b",
            "a/./b",
            "a/.",
            "a/b/",
            "a//b",
            "/a/b",
            "//a",
            "",
            ".rsr.models/x",
            "a/.hidden",
            "a/..",
            "a b/c\\d",
            "ä/ö.pdf",
        ] {
            let path = Path::new(path);
            assert_eq!(key(path), joined(path), "{}", path.display());
        }
        // One that is its parts as written is kept, one that is not is
        // made of its parts.
        assert_eq!(key(Path::new("kn/a.pdf")), "kn/a.pdf");
        assert_eq!(key(Path::new("kn/./a.pdf")), "kn/a.pdf");
        assert_eq!(key(Path::new("kn//a.pdf/")), "kn/a.pdf");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let path = Path::new(std::ffi::OsStr::from_bytes(b"kn/\xff.pdf"));
            assert_eq!(key(path), joined(path));
            assert_eq!(key(path), "kn/\u{fffd}.pdf");
        }
    }

    #[test]
    fn what_is_no_longer_made_is_forgotten_but_what_could_not_be_removed() {
        let mut manifest = Manifest::default();
        for output in ["kn/a.pdf", "kn/b.pdf", "kn/c.pdf"] {
            manifest.record(Path::new(output), Entry::of("in".into(), b"pdf", 1));
        }
        let site = |paths: &[&str]| -> BTreeSet<String> {
            paths.iter().map(|path| path.to_string()).collect()
        };
        manifest.forget(
            &[],
            &BTreeSet::new(),
            site(&["index.html", "kn/1.json", "kn/2.json"]),
        );
        let documents = site(&["kn/a.pdf"]);
        let now = site(&["index.html", "kn/1.json"]);
        let unmade = manifest.unmade(&documents, &now);
        let paths: Vec<&str> = unmade.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(paths, ["kn/2.json", "kn/b.pdf", "kn/c.pdf"]);
        assert_eq!(unmade[1].pdf.as_deref(), Some(hash(&[b"pdf"]).as_str()));
        assert_eq!(unmade[0].pdf, None);
        // kn/c.pdf and kn/2.json could not be removed: they stay recorded.
        let left = site(&["kn/c.pdf", "kn/2.json"]);
        assert!(manifest.forget(&unmade, &left, now.clone()));
        let recorded: Vec<&str> = manifest.documents().map(|(path, _)| path).collect();
        assert_eq!(recorded, ["kn/a.pdf", "kn/c.pdf"]);
        let unmade = manifest.unmade(&documents, &now);
        let paths: Vec<&str> = unmade.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(paths, ["kn/2.json", "kn/c.pdf"]);
        // All removed: nothing is left to remove, and the same again
        // changes nothing.
        assert!(manifest.forget(&unmade, &BTreeSet::new(), now.clone()));
        assert!(manifest.unmade(&documents, &now).is_empty());
        assert!(!manifest.forget(&[], &BTreeSet::new(), now));
    }

    #[test]
    fn a_document_is_up_to_date_only_with_the_same_inputs_and_bytes() {
        let out = tempfile::tempdir().unwrap();
        let output = Path::new("kn/2026-03-02-protokoll.pdf");
        std::fs::create_dir_all(out.path().join("kn")).unwrap();
        let mut manifest = Manifest::default();
        assert_eq!(manifest.state(out.path(), output, "a"), State::Missing);

        std::fs::write(out.path().join(output), b"%PDF-1").unwrap();
        manifest.record(output, Entry::of("a".into(), b"%PDF-1", 1));
        manifest.save(out.path()).unwrap();
        let manifest = Manifest::load(out.path());
        assert_eq!(manifest.state(out.path(), output, "a"), State::UpToDate);
        assert_eq!(manifest.state(out.path(), output, "b"), State::Outdated);

        std::fs::write(out.path().join(output), b"%PDF-2").unwrap();
        assert_eq!(manifest.state(out.path(), output, "a"), State::Outdated);
    }

    #[test]
    fn a_manifest_nothing_changed_in_is_not_written_again() {
        let out = tempfile::tempdir().unwrap();
        let output = Path::new("a.pdf");
        std::fs::write(out.path().join(output), b"%PDF-1").unwrap();
        let mut manifest = Manifest::default();
        manifest.record(output, Entry::of("a".into(), b"%PDF-1", 1));
        manifest.save(out.path()).unwrap();
        // Last changed an hour ago: a rewrite would show.
        let file = out.path().join(FILE);
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
        let modified = || std::fs::metadata(&file).unwrap().modified().unwrap();

        let mut manifest = Manifest::load(out.path());
        assert_eq!(manifest.state(out.path(), output, "a"), State::UpToDate);
        manifest.record_signed(output, None);
        manifest.save(out.path()).unwrap();
        assert_eq!(modified(), hour_ago);

        manifest.record(output, Entry::of("b".into(), b"%PDF-1", 1));
        manifest.save(out.path()).unwrap();
        assert_ne!(modified(), hour_ago);
        assert_eq!(
            Manifest::load(out.path()).state(out.path(), output, "b"),
            State::UpToDate
        );
    }

    /// The manifest's record of `output` seen `ago` nanoseconds later
    /// than it is: as if the file had been read that long after it was
    /// last changed.
    fn seen_later(manifest: &mut Manifest, out: &Path, output: &Path, later: i128) {
        manifest.see(out, output);
        let entry = manifest.documents.get_mut(&key(output)).unwrap();
        entry.seen.as_mut().unwrap().at += later;
    }

    #[cfg(unix)]
    #[test]
    fn a_file_seen_unchanged_is_not_read_and_any_change_is_found() {
        let out = tempfile::tempdir().unwrap();
        let output = Path::new("a.pdf");
        let path = out.path().join(output);
        std::fs::write(&path, b"%PDF-1").unwrap();
        let mut manifest = Manifest::default();
        manifest.record(output, Entry::of("a".into(), b"%PDF-1", 1));
        let none = |_: &str, _: &Seen| None;
        // Read whole (never seen), up to date, and now seen.
        assert_eq!(
            manifest.check(out.path(), output, "a", &none),
            (State::UpToDate, Told::Read)
        );
        manifest.see(out.path(), output);
        // Seen just after it was written: racy, so read whole again.
        assert_eq!(
            manifest.check(out.path(), output, "a", &none),
            (State::UpToDate, Told::Read)
        );
        // Seen well after: vouched for without reading.
        seen_later(&mut manifest, out.path(), output, 10_000_000_000);
        assert_eq!(
            manifest.check(out.path(), output, "a", &none),
            (State::UpToDate, Told::Seen)
        );
        // Its bytes changed, size the same: its times tell, and it is read.
        std::fs::write(&path, b"%PDF-2").unwrap();
        assert_eq!(
            manifest.check(out.path(), output, "a", &none),
            (State::Outdated, Told::Read)
        );
        // Replaced by another file of the same bytes: another inode.
        std::fs::write(out.path().join("b.pdf"), b"%PDF-1").unwrap();
        std::fs::rename(out.path().join("b.pdf"), &path).unwrap();
        assert_eq!(
            manifest.check(out.path(), output, "a", &none),
            (State::UpToDate, Told::Read)
        );
        // Other inputs: outdated whatever the file.
        assert_eq!(manifest.state(out.path(), output, "b"), State::Outdated);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(manifest.state(out.path(), output, "a"), State::Missing);
    }

    /// What another record (the inventory's) vouches for the file as it
    /// is now: a file seen just after it was written in the manifest, as
    /// every PDF a build has just made, is told by it without being read.
    #[cfg(unix)]
    #[test]
    fn a_file_another_record_vouches_for_is_not_read_and_its_seen_adopted() {
        let out = tempfile::tempdir().unwrap();
        let output = Path::new("a.pdf");
        let path = out.path().join(output);
        std::fs::write(&path, b"%PDF-1").unwrap();
        let mut manifest = Manifest::default();
        manifest.record(output, Entry::of("a".into(), b"%PDF-1", 1));
        // Seen as it was written: the manifest cannot vouch for it.
        manifest.see(out.path(), output);
        let entry = manifest.documents.get_mut("a.pdf").unwrap();
        let seen = entry.seen.as_mut().unwrap();
        seen.at = seen.modified;
        // The other record: the file as it was seen well after its last
        // write, with the hash of its bytes then (or of other bytes).
        let mut recorded = Seen::of(&path).unwrap();
        recorded.at += 10_000_000_000;
        let holding = |bytes: &'static [u8]| {
            let recorded = recorded.clone();
            move |path: &str, now: &Seen| {
                (path == "a.pdf" && recorded.vouches_for(now))
                    .then(|| (hash(&[bytes]), recorded.clone()))
            }
        };
        let same = holding(b"%PDF-1");
        assert_eq!(
            manifest.check(out.path(), output, "a", &same),
            (State::UpToDate, Told::Recorded(recorded.clone()))
        );
        // Another record that holds other bytes for it: outdated, unread.
        assert_eq!(
            manifest.check(out.path(), output, "a", &holding(b"%PDF-2")),
            (State::Outdated, Told::Seen)
        );
        // Adopted, the manifest vouches for it on its own.
        manifest.adopt(output, recorded.clone());
        assert!(manifest.changed);
        let none = |_: &str, _: &Seen| None;
        assert_eq!(
            manifest.check(out.path(), output, "a", &none),
            (State::UpToDate, Told::Seen)
        );
        // Changed since (another size: a clock's tick cannot hide it), as
        // neither record vouches for: read whole.
        std::fs::write(&path, b"%PDF-22").unwrap();
        assert_eq!(
            manifest.check(out.path(), output, "a", &same),
            (State::Outdated, Told::Read)
        );
        // Built from other inputs: outdated whatever either record says.
        assert_eq!(
            manifest.check(out.path(), output, "b", &same).0,
            State::Outdated
        );
    }

    #[test]
    fn a_seen_file_is_vouched_for_only_when_all_is_the_same_and_not_racy() {
        let seen = Seen {
            size: 10,
            modified: 1_000_000_000_000,
            changed: 1_000_000_000_000,
            inode: 7,
            at: 1_000_000_000_000 + 10_000_000_000,
            stamped: false,
        };
        assert!(seen.vouches_for(&seen.clone()));
        for other in [
            Seen {
                size: 11,
                ..seen.clone()
            },
            Seen {
                modified: seen.modified + 1,
                ..seen.clone()
            },
            Seen {
                changed: seen.changed + 1,
                ..seen.clone()
            },
            Seen {
                inode: 8,
                ..seen.clone()
            },
        ] {
            assert!(!seen.vouches_for(&other), "{other:?}");
        }
        // Seen a second after it was written: on a coarse clock it may have
        // been written again within the same tick.
        let racy = Seen {
            at: seen.modified + 1_000_000_000,
            ..seen.clone()
        };
        assert!(!racy.vouches_for(&racy.clone()));
        // Renamed into place just before it was seen: the change time is
        // recent, the content old; vouched for.
        let renamed = Seen {
            changed: seen.at - 1,
            ..seen.clone()
        };
        assert!(renamed.vouches_for(&renamed.clone()));

        // Read after a stamp of the file system's own clock: any earlier
        // tick of both times will do, and the same tick will not.
        let stamped = |modified: i128, changed: i128| Seen {
            modified,
            changed,
            at: seen.modified + 1,
            stamped: true,
            ..seen.clone()
        };
        let before = stamped(seen.modified, seen.modified);
        assert!(before.vouches_for(&before.clone()));
        for racy in [
            stamped(seen.modified + 1, seen.modified),
            stamped(seen.modified, seen.modified + 1),
        ] {
            assert!(!racy.vouches_for(&racy.clone()), "{racy:?}");
        }
        // A stamp of another file system does not time it.
        let seen_now = Seen {
            at: seen.modified + 1,
            ..seen.clone()
        };
        let stamp = Stamp {
            device: 3,
            at: seen.modified + 1,
        };
        assert_eq!(seen_now.clone().stamped(4, Some(stamp)), seen_now);
        assert!(
            !seen_now
                .clone()
                .stamped(4, Some(stamp))
                .vouches_for(&seen_now)
        );
        assert!(
            seen_now
                .clone()
                .stamped(3, Some(stamp))
                .vouches_for(&seen_now)
        );
        assert_eq!(seen_now.clone().stamped(3, None), seen_now);
    }

    #[cfg(unix)]
    #[test]
    fn a_stamp_is_the_file_systems_clock_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        std::fs::write(&path, b"%PDF-1").unwrap();
        let (written, device) = Seen::on_device(&path).unwrap();
        let stamp = Stamp::take(dir.path()).unwrap();
        assert_eq!(stamp.device, device);
        // Not before the file written first, by the same clock.
        assert!(stamp.at >= written.modified, "{stamp:?} {written:?}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the stamp's file is removed"
        );
        assert_eq!(Stamp::take(&dir.path().join("absent")), None);
    }

    #[test]
    fn parts_are_hashed_with_their_boundaries() {
        assert_ne!(hash(&[b"ab", b"c"]), hash(&[b"a", b"bc"]));
        assert_eq!(hash(&[b"x"]).len(), 64);
    }

    #[test]
    fn a_corrupt_manifest_or_one_of_another_layout_counts_as_empty() {
        let out = tempfile::tempdir().unwrap();
        std::fs::write(out.path().join(FILE), b"{not postcard").unwrap();
        assert!(Manifest::load(out.path()).documents.is_empty());
        let mut manifest = Manifest::default();
        manifest.record(Path::new("a.pdf"), Entry::of("a".into(), b"%PDF-1", 1));
        for (format, read) in [(FORMAT, 1), (FORMAT + 1, 0)] {
            let stored = Stored {
                format,
                manifest: &manifest,
            };
            crate::output::summed::save(out.path(), &out.path().join(FILE), &stored).unwrap();
            assert_eq!(Manifest::load(out.path()).documents.len(), read);
        }
        // The JSON an older rsr kept goes when the manifest is saved.
        std::fs::write(out.path().join(JSON_FILE), b"{}").unwrap();
        manifest.save(out.path()).unwrap();
        assert!(!out.path().join(JSON_FILE).exists());
        assert_eq!(Manifest::load(out.path()).documents.len(), 1);
    }
}
