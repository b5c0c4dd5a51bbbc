//! Each body's loaded model, kept between builds: a body none of whose
//! files changed is decoded from `out/.rsr.models/` instead of read and
//! parsed again. The key of an entry is a hash of everything loading the
//! body depends on (this rsr, rsr.yaml, and every file and folder under the
//! body's own, as the build's survey found them), and content decides:
//! an entry whose key, checksum or encoding is not as wanted is passed
//! over and the body loaded from its files. Only a body that loaded whole,
//! without a problem, is kept, and only when what was read is what the
//! survey found.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::output::summed::checked;
use crate::repo::model::{Body, Meeting};
use crate::repo::store::Store;
use crate::sv::personnummer::Found;

/// Where in `out/` the models are kept.
pub const DIR: &str = ".rsr.models";

/// What an entry holds: the body, with what loading it read (each file's
/// hash, for the build's dependencies and fingerprints) and found in it
/// (the personal identity numbers of each text, for `rsr check`).
#[derive(bincode::Decode)]
struct Entry {
    // The key and `made_by` are read first, alone (`header`); they are
    // here for the rest to decode after them.
    #[allow(dead_code)]
    key: String,
    /// What every key of this rsr and rsr.yaml starts from (`made_by`):
    /// decoded first, so that a model another rsr wrote is not decoded
    /// further when its meetings are looked for.
    #[allow(dead_code)]
    made_by: String,
    body: Body,
    read: Vec<(PathBuf, String)>,
    numbers: Vec<(PathBuf, Vec<Found>)>,
    /// Each meeting's folder with its key (`Wanted::meeting_key`).
    meetings: Vec<(PathBuf, String)>,
}

/// An `Entry` as written, borrowing the body rather than copying it: the
/// same bytes.
#[derive(bincode::Encode)]
struct Borrowed<'a> {
    key: &'a str,
    made_by: &'a str,
    body: &'a Body,
    read: &'a [(PathBuf, String)],
    numbers: &'a [(PathBuf, Vec<Found>)],
    meetings: &'a [(PathBuf, String)],
}

/// The files a body's key was made from, and the key.
pub struct Wanted {
    pub key: String,
    /// `made_by` of the rsr.yaml the key was made with.
    made_by: String,
    /// Each file under the body's folder with the hash the survey found.
    pub files: BTreeMap<PathBuf, String>,
}

impl Wanted {
    /// The key of the body in `dir` (`meetings/<body>`) for `context`
    /// (rsr.yaml's hash) and its `files` (each file and folder under it,
    /// with its hash, as a survey finds them).
    pub fn new(context: &str, dir: &Path, files: BTreeMap<PathBuf, String>) -> Wanted {
        Wanted {
            key: key(context, dir, &files),
            made_by: made_by(context),
            files,
        }
    }

    /// The key of the meeting in `dir` (`meetings/<body>/<date>`): what
    /// loading the meeting depends on, the files and folders under its
    /// folder, each with its hash, besides this rsr and rsr.yaml.
    fn meeting_key(&self, dir: &Path) -> String {
        let under = self
            .files
            .range(dir.to_path_buf()..)
            .take_while(|(path, _)| path.starts_with(dir));
        hash_of(b"rsr meeting 2", &self.made_by, dir, under)
    }
}

/// What `Models::find` finds for a body.
pub enum Lookup {
    /// Its model, under the key wanted.
    Body(Box<Body>),
    /// Its earlier model's meetings, the key being another.
    Earlier(Earlier),
    Nothing,
}

/// What a body's model kept before held, for a body whose files changed
/// since: each meeting none of whose files changed is taken from it
/// (`take`) rather than loaded again.
pub struct Earlier {
    /// By the meeting's folder: those whose key is the one wanted now.
    meetings: BTreeMap<PathBuf, Meeting>,
    read: Vec<(PathBuf, String)>,
    numbers: Vec<(PathBuf, Vec<Found>)>,
    /// How many meetings were taken.
    pub taken: usize,
}

impl Earlier {
    /// The meeting in `dir`, when none of its files changed since it was
    /// kept; what loading it read and found is put in `files` as if read.
    pub fn take(&mut self, dir: &Path, files: &Store) -> Option<Meeting> {
        let meeting = self.meetings.remove(dir)?;
        // Both lists are in the order of their paths, a folder's files
        // together.
        let from = self.read.partition_point(|(file, _)| file.as_path() < dir);
        files.remember(
            self.read[from..]
                .iter()
                .take_while(|(file, _)| file.starts_with(dir))
                .cloned(),
        );
        let from = self
            .numbers
            .partition_point(|(file, _)| file.as_path() < dir);
        files.remember_numbers(
            self.numbers[from..]
                .iter()
                .take_while(|(file, _)| file.starts_with(dir))
                .cloned(),
        );
        self.taken += 1;
        Some(meeting)
    }
}

/// The models of one build: what each body's key must be, where they are
/// kept, and (verifying) the bodies whose kept model was not what their
/// files load to.
pub struct Models {
    dir: PathBuf,
    /// By the body's folder relative to the root (`meetings/<body>`).
    wanted: BTreeMap<PathBuf, Wanted>,
    verify: bool,
    differing: Mutex<Vec<PathBuf>>,
    /// The models to write when the build succeeds, by path.
    pending: Mutex<Vec<(PathBuf, Vec<u8>)>>,
    /// Those already written to temporary files in `out/` (`stage`), by
    /// path: put in place when the build succeeds, and removed otherwise.
    staged: Mutex<Vec<(tempfile::TempPath, PathBuf)>>,
    /// Whether models newly loaded are kept (`put`): not for `rsr check`,
    /// which writes nothing.
    keeping: bool,
}

impl Models {
    /// The models kept in `out`, for the bodies `wanted` names. With
    /// `verify`, a body that has a model is loaded from its files all the
    /// same, and a difference is noted (`differing`).
    pub fn new(out: &Path, wanted: BTreeMap<PathBuf, Wanted>, verify: bool) -> Models {
        Models {
            dir: out.join(DIR),
            wanted,
            verify,
            differing: Mutex::new(Vec::new()),
            pending: Mutex::new(Vec::new()),
            staged: Mutex::new(Vec::new()),
            keeping: true,
        }
    }

    /// These models, read but never added to: `put` keeps nothing.
    pub fn reading_only(self) -> Models {
        Models {
            keeping: false,
            ..self
        }
    }

    pub fn verifying(&self) -> bool {
        self.verify
    }

    /// The kept model of the body in `dir`, when there is one under its
    /// key; what loading it read and found is put in `files` as if read.
    #[cfg(test)]
    fn get(&self, dir: &Path, files: &Store) -> Option<Body> {
        match self.find(dir, files) {
            Lookup::Body(body) => Some(*body),
            _ => None,
        }
    }

    /// What the model kept for the body in `dir` held, when it is not
    /// under the key wanted now but was written by this rsr for this
    /// rsr.yaml, whole and with its checksum: its meetings, to be taken
    /// one by one where their files did not change.
    #[cfg(test)]
    fn earlier(&self, dir: &Path) -> Option<Earlier> {
        match self.find(dir, &Store::new(Path::new(""))) {
            Lookup::Earlier(earlier) => Some(earlier),
            _ => None,
        }
    }

    /// The model kept for the body in `dir`, read once: the body when it
    /// is under the key wanted (what loading it read and found put in
    /// `files` as if read), else what it held of the meetings whose key
    /// still holds, when this rsr wrote it for this rsr.yaml.
    pub fn find(&self, dir: &Path, files: &Store) -> Lookup {
        let Some(wanted) = self.wanted.get(dir) else {
            return Lookup::Nothing;
        };
        let Some(bytes) = std::fs::read(self.path(dir)).ok() else {
            return Lookup::Nothing;
        };
        // The key and what made it first: a model of another rsr is not
        // decoded further.
        let Some((body, (key, made_by))) = checked(&bytes).and_then(|b| Some((b, header(b)?)))
        else {
            return Lookup::Nothing;
        };
        if key != wanted.key && made_by != wanted.made_by {
            return Lookup::Nothing;
        }
        let Some(entry) = decode_whole(body) else {
            return Lookup::Nothing;
        };
        if key == wanted.key {
            files.remember(entry.read);
            files.remember_numbers(entry.numbers);
            return Lookup::Body(Box::new(entry.body));
        }
        let mut kept: BTreeMap<PathBuf, Meeting> = entry
            .body
            .meetings
            .into_iter()
            .map(|meeting| (meeting.dir.clone(), meeting))
            .collect();
        // Only the meetings whose key is still the one wanted.
        let meetings = entry
            .meetings
            .into_iter()
            .filter(|(dir, key)| *key == wanted.meeting_key(dir))
            .filter_map(|(dir, _)| Some((dir.clone(), kept.remove(&dir)?)))
            .collect();
        Lookup::Earlier(Earlier {
            meetings,
            read: entry.read,
            numbers: entry.numbers,
            taken: 0,
        })
    }

    /// Keeps `body`, loaded from `dir` without a problem, when every file
    /// loading read under `dir` is as the survey found it: written by
    /// `commit`.
    pub fn put(&self, dir: &Path, body: &Body, files: &Store) {
        let Some(wanted) = self.wanted.get(dir).filter(|_| self.keeping) else {
            return;
        };
        let read = files.read_under(dir);
        if read.is_empty()
            || read
                .iter()
                .any(|(file, hash)| wanted.files.get(file) != Some(hash))
        {
            return;
        }
        // Nor when a meeting's folder had a `signerat` as the survey found
        // it and not as it was listed, or the other way round: the model
        // would say so under a key that does not.
        if body.meetings.iter().any(|meeting| {
            meeting.signed_folder
                != wanted
                    .files
                    .contains_key(&meeting.dir.join(crate::repo::load::SIGNED_FOLDER))
        }) {
            return;
        }
        let numbers: Vec<(PathBuf, Vec<Found>)> = read
            .iter()
            .filter_map(|(file, _)| Some((file.clone(), files.personal_numbers(file)?)))
            .collect();
        let meetings: Vec<(PathBuf, String)> = body
            .meetings
            .iter()
            .map(|meeting| (meeting.dir.clone(), wanted.meeting_key(&meeting.dir)))
            .collect();
        let entry = Borrowed {
            key: &wanted.key,
            made_by: &wanted.made_by,
            body,
            read: &read,
            numbers: &numbers,
            meetings: &meetings,
        };
        let Ok(bytes) = bincode::encode_to_vec(&entry, bincode::config::standard()) else {
            return;
        };
        if let Ok(mut pending) = self.pending.lock() {
            pending.push((self.path(dir), crate::output::summed::close(bytes)));
        }
    }

    /// Writes the models kept by `put`: when the build succeeded, which
    /// leaves `out/` as it was otherwise. One that cannot be written is
    /// not kept, and the next build loads its body from the files. The
    /// models of folders that are no body's now are removed.
    pub fn commit(&self) {
        self.stage();
        let staged = std::mem::take(&mut *crate::repo::store::held(&self.staged));
        for (temp, path) in staged {
            let _ = std::fs::create_dir_all(&self.dir).and_then(|()| {
                temp.persist(&path).map_err(|e| e.error)?;
                Ok(())
            });
        }
        // The models of folders that are no body's now (a body removed or
        // renamed) are let go; one that cannot be is only clutter. Not by
        // `rsr check`, which writes nothing.
        if !self.keeping {
            return;
        }
        // Only in the folder itself, not one a link leads to, and only
        // files named as `path` names them.
        if !self
            .dir
            .symlink_metadata()
            .is_ok_and(|meta| meta.file_type().is_dir())
        {
            return;
        }
        let ours: BTreeSet<PathBuf> = self.wanted.keys().map(|dir| self.path(dir)).collect();
        for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|kind| kind.is_file())
                && model_name(&entry.file_name().to_string_lossy())
                && !ours.contains(&path)
            {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// Writes the models kept by `put` so far to temporary files in `out/`
    /// (`.rsr-…`), which `commit` puts in place: a large build need not
    /// hold them in memory while it typesets. Only once the build holds
    /// `out/`'s lock, whose taking removes such files as left behind. One
    /// that cannot be written is not kept.
    pub fn stage(&self) {
        let pending = std::mem::take(&mut *crate::repo::store::held(&self.pending));
        let Some(out) = self.dir.parent() else {
            return;
        };
        for (path, bytes) in pending {
            let temp =
                tempfile::NamedTempFile::with_prefix_in(".rsr-", out).and_then(|mut file| {
                    std::io::Write::write_all(&mut file, &bytes)?;
                    Ok(file.into_temp_path())
                });
            if let Ok(temp) = temp {
                crate::repo::store::held(&self.staged).push((temp, path));
            }
        }
    }

    /// Notes that the kept model of `dir` is not what its files load to.
    pub fn differs(&self, dir: &Path) {
        if let Ok(mut differing) = self.differing.lock() {
            differing.push(dir.to_path_buf());
        }
    }

    /// The bodies whose kept model was not what their files load to.
    pub fn differing(&self) -> Vec<PathBuf> {
        self.differing
            .lock()
            .map(|differing| differing.clone())
            .unwrap_or_default()
    }

    fn path(&self, dir: &Path) -> PathBuf {
        let name: String = crate::output::manifest::key(dir)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        // The folder's own name may not be a file name; its hash is.
        let hash = crate::output::manifest::hash(&[dir.as_os_str().as_encoded_bytes()]);
        self.dir.join(format!("{name}-{}.bin", &hash[..16]))
    }
}

/// Whether `name` is one `Models::path` gives: `<name>-<16 hex digits>.bin`.
fn model_name(name: &str) -> bool {
    name.strip_suffix(".bin")
        .and_then(|stem| stem.rsplit_once('-'))
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The most memory decoding one model may claim for its lists and texts,
/// in bytes: a body of ten years is some 20 MB. A length beyond it (as a
/// hostile file may give, with a checksum that holds) is refused before
/// anything is allocated for it, and the body loaded from its files.
const DECODE_LIMIT: usize = 256 << 20;

/// The entry in `bytes` if its checksum holds, it decodes whole within
/// `DECODE_LIMIT` and its key is `key`.
#[cfg(test)]
fn decode(bytes: &[u8], key: &str) -> Option<Entry> {
    let body = checked(bytes)?;
    (header(body)?.0 == key).then(|| decode_whole(body))?
}

/// An entry's key and `made_by`, decoded without the rest.
fn header(body: &[u8]) -> Option<(String, String)> {
    bincode::decode_from_slice(body, config())
        .ok()
        .map(|(header, _)| header)
}

/// The entry `body` encodes, if it decodes whole within `DECODE_LIMIT`.
fn decode_whole(body: &[u8]) -> Option<Entry> {
    let (entry, used): (Entry, usize) = bincode::decode_from_slice(body, config()).ok()?;
    (used == body.len()).then_some(entry)
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<DECODE_LIMIT>()
}

/// Whether two loads of a body are the same, as far as anything after
/// loading can tell.
pub fn same(a: &Body, b: &Body) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

/// The BLAKE3 hash of the body's model as it is kept (bincode), made as it
/// is encoded rather than held whole: two loads of a body with the same
/// digest are the same model, down to what a kept model would give.
pub fn digest(body: &Body) -> [u8; 32] {
    // bincode writes a few bytes at a time: buffered, as a record's sum is
    // (`output::summed`), so that the hash takes them in pieces large
    // enough for its parallel lanes.
    let mut hashing = std::io::BufWriter::with_capacity(1 << 16, blake3::Hasher::new());
    // Writing into a hasher cannot fail, nor can encoding the model.
    let _ = bincode::encode_into_std_write(body, &mut hashing, bincode::config::standard());
    let _ = std::io::Write::flush(&mut hashing);
    *hashing.get_ref().finalize().as_bytes()
}

/// The key of the body in `dir` (`meetings/<body>`): this rsr, its
/// `context` (rsr.yaml's hash), and each of `files` (path and hash) under
/// the body's folder.
fn key(context: &str, dir: &Path, files: &BTreeMap<PathBuf, String>) -> String {
    hash_of(b"rsr model 3", &made_by(context), dir, files.iter())
}

/// The hash of `what`, `made_by`, the folder `dir` and each of `files`
/// (path and hash).
fn hash_of<'a>(
    what: &[u8],
    made_by: &str,
    dir: &Path,
    files: impl Iterator<Item = (&'a PathBuf, &'a String)>,
) -> String {
    let dir = crate::output::manifest::key(dir);
    let files: Vec<(String, &String)> = files
        .map(|(path, hash)| (crate::output::manifest::key(path), hash))
        .collect();
    let mut parts: Vec<&[u8]> = vec![what, made_by.as_bytes(), dir.as_bytes()];
    for (path, hash) in &files {
        parts.push(path.as_bytes());
        parts.push(hash.as_bytes());
    }
    crate::output::manifest::hash(&parts)
}

/// What every key starts from: this rsr and its `context`, rsr.yaml's
/// hash.
fn made_by(context: &str) -> String {
    crate::output::manifest::hash(&[
        b"rsr",
        env!("CARGO_PKG_VERSION").as_bytes(),
        env!("RSR_BUILD_ID").as_bytes(),
        context.as_bytes(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::summed::close;
    use crate::repo::load::{load, load_keeping};

    #[test]
    fn only_a_models_name_is_taken_for_one() {
        assert!(model_name("meetings_bmn-c6d17303752b5a99.bin"));
        assert!(!model_name("meetings_bmn-c6d17303752b5a9.bin"));
        assert!(!model_name("meetings_bmn-c6d17303752b5a9x.bin"));
        assert!(!model_name("meetings_bmn-c6d17303752b5a99.pdf"));
        assert!(!model_name("c6d17303752b5a99.bin"));
    }

    /// The examples' rlg, loaded, with the models that would keep it.
    fn rlg(out: &Path, verify: bool) -> (Body, std::sync::Arc<Store>, Models) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let repository = load(root).repository.unwrap();
        let dir = PathBuf::from("meetings/rlg");
        let body = repository
            .bodies
            .iter()
            .find(|b| b.slug == "rlg")
            .unwrap()
            .clone();
        let files: BTreeMap<PathBuf, String> =
            repository.files.read_under(&dir).into_iter().collect();
        assert!(files.contains_key(Path::new("meetings/rlg/body.yaml")));
        let wanted = Wanted::new("rsr.yaml's hash", &dir, files);
        let models = Models::new(out, BTreeMap::from([(dir, wanted)]), verify);
        (body, repository.files, models)
    }

    #[test]
    fn a_models_digest_is_the_hash_of_its_encoding_whole() {
        // Gathered from bincode's small writes, the same as hashed at once;
        // another model, another digest.
        let (rlg, _, _) = rlg(tempfile::tempdir().unwrap().path(), false);
        // Ten times its meetings: more than the 64 kB gathered at a time.
        let mut body = rlg.clone();
        for _ in 0..9 {
            body.meetings.extend(rlg.meetings.iter().cloned());
        }
        let whole = bincode::encode_to_vec(&body, bincode::config::standard()).unwrap();
        assert!(whole.len() > 1 << 16, "{} bytes", whole.len());
        assert_eq!(digest(&body), *blake3::hash(&whole).as_bytes());
        let mut other = body.clone();
        other.meetings.pop();
        assert_ne!(digest(&other), digest(&body));
    }

    #[test]
    fn a_model_that_says_otherwise_than_its_key_of_a_signerat_is_not_kept() {
        // The survey found no `signerat` in rlg's meetings' folders; a
        // model that has one listed (one made between the survey and the
        // listing) is not kept under that key, nor is one that has none
        // where the survey found one.
        let out = tempfile::tempdir().unwrap();
        let dir = Path::new("meetings/rlg");
        let (body, files, models) = rlg(out.path(), false);
        assert!(body.meetings.iter().all(|m| !m.signed_folder));
        let mut listed = body.clone();
        listed.meetings[0].signed_folder = true;
        models.put(dir, &listed, &files);
        models.commit();
        let kept = || std::fs::read_dir(out.path().join(DIR)).map_or(0, |entries| entries.count());
        assert_eq!(kept(), 0);

        let mut surveyed: BTreeMap<PathBuf, String> = files.read_under(dir).into_iter().collect();
        surveyed.insert(
            listed.meetings[0]
                .dir
                .join(crate::repo::load::SIGNED_FOLDER),
            "/".into(),
        );
        let wanted = || {
            BTreeMap::from([(
                dir.to_path_buf(),
                Wanted::new("rsr.yaml's hash", dir, surveyed.clone()),
            )])
        };
        let models = Models::new(out.path(), wanted(), false);
        models.put(dir, &body, &files);
        models.commit();
        assert_eq!(kept(), 0);
        let models = Models::new(out.path(), wanted(), false);
        models.put(dir, &listed, &files);
        models.commit();
        assert_eq!(kept(), 1);
    }

    #[test]
    fn a_kept_model_is_read_back_only_whole_and_under_its_key() {
        let out = tempfile::tempdir().unwrap();
        let dir = Path::new("meetings/rlg");
        let (body, files, models) = rlg(out.path(), false);
        // Read only (rsr check), nothing is kept.
        let (_, _, reading) = rlg(out.path(), false);
        let reading = reading.reading_only();
        reading.put(dir, &body, &files);
        reading.commit();
        assert!(!out.path().join(DIR).exists());
        models.put(dir, &body, &files);
        // Nothing is written before the build succeeds.
        assert!(!out.path().join(DIR).exists());
        models.commit();
        let kept: Vec<PathBuf> = std::fs::read_dir(out.path().join(DIR))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(kept.len(), 1);

        // Read back into a new store: the same body, and the store knows
        // its files as read, with their personal identity numbers looked for.
        let store = Store::new(Path::new(env!("CARGO_MANIFEST_DIR")));
        let back = models.get(dir, &store).unwrap();
        assert!(same(&back, &body));
        assert_eq!(store.read_under(dir), files.read_under(dir));
        assert!(
            store
                .personal_numbers(Path::new("meetings/rlg/body.yaml"))
                .is_some()
        );

        // Under another key (a file changed since), it is passed over.
        let mut other = files.read_under(dir);
        other[0].1 = "another hash".into();
        let changed = BTreeMap::from([(
            dir.to_path_buf(),
            Wanted::new("rsr.yaml's hash", dir, other.into_iter().collect()),
        )]);
        let store = Store::new(Path::new(env!("CARGO_MANIFEST_DIR")));
        assert!(
            Models::new(out.path(), changed, false)
                .get(dir, &store)
                .is_none()
        );
        assert!(store.read_under(dir).is_empty());

        // A byte changed, or the end cut off: passed over.
        let bytes = std::fs::read(&kept[0]).unwrap();
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 1;
        for damaged in [flipped, bytes[..bytes.len() - 1].to_vec(), Vec::new()] {
            std::fs::write(&kept[0], damaged).unwrap();
            assert!(models.get(dir, &store).is_none());
        }
    }

    #[test]
    fn a_changed_body_takes_from_its_earlier_model_only_meetings_whose_files_did_not_change() {
        let out = tempfile::tempdir().unwrap();
        let dir = Path::new("meetings/rlg");
        let (body, files, models) = rlg(out.path(), false);
        models.put(dir, &body, &files);
        models.commit();
        let first = body.meetings[0].dir.clone();
        let second = body.meetings[1].dir.clone();
        // The first meeting's meeting.yaml changed since: the body's key is
        // another, and so is that meeting's.
        let mut now: BTreeMap<PathBuf, String> = files.read_under(dir).into_iter().collect();
        now.insert(first.join("meeting.yaml"), "another hash".into());
        let changed = |now: BTreeMap<PathBuf, String>| {
            Models::new(
                out.path(),
                BTreeMap::from([(dir.to_path_buf(), Wanted::new("rsr.yaml's hash", dir, now))]),
                false,
            )
        };
        let store = Store::new(Path::new(env!("CARGO_MANIFEST_DIR")));
        assert!(changed(now.clone()).get(dir, &store).is_none());
        let mut earlier = changed(now.clone()).earlier(dir).unwrap();
        assert!(earlier.take(&first, &store).is_none());
        assert!(store.read_under(&first).is_empty());
        let taken = earlier.take(&second, &store).unwrap();
        assert_eq!(format!("{taken:?}"), format!("{:?}", body.meetings[1]));
        assert_eq!(store.read_under(&second), files.read_under(&second));
        assert_eq!(earlier.taken, 1);
        // A file added to the second meeting's folder changes its key too.
        let mut added = now.clone();
        added.insert(second.join("99-ny.yaml"), "a hash".into());
        let mut earlier = changed(added).earlier(dir).unwrap();
        assert!(earlier.take(&second, &store).is_none());
        // Under another rsr.yaml, nothing is taken at all.
        let other = Models::new(
            out.path(),
            BTreeMap::from([(dir.to_path_buf(), Wanted::new("another rsr.yaml", dir, now))]),
            false,
        );
        assert!(other.earlier(dir).is_none());
    }

    #[test]
    fn a_model_that_claims_more_than_the_limit_is_passed_over_unallocated() {
        // A key of 2^40 bytes, as bincode writes a length (253, then eight
        // bytes), and a checksum that holds: refused, not allocated.
        let mut bytes = vec![253u8];
        bytes.extend_from_slice(&(1u64 << 40).to_le_bytes());
        bytes.extend_from_slice(b"not that long");
        assert!(decode(&close(bytes), "key").is_none());
        // Within the limit, the same way of writing a length is read.
        let entry = Borrowed {
            key: "key",
            made_by: "this rsr",
            body: &rlg(tempfile::tempdir().unwrap().path(), false).0,
            read: &[],
            numbers: &[],
            meetings: &[],
        };
        let bytes = bincode::encode_to_vec(&entry, bincode::config::standard()).unwrap();
        assert!(decode(&close(bytes), "key").is_some());
    }

    #[test]
    fn loading_takes_a_kept_model_for_its_files_and_verifying_finds_one_that_differs() {
        let out = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = Path::new("meetings/rlg");
        let (body, files, models) = rlg(out.path(), false);
        // A model that says less than the files: kept under their key.
        let mut less = body.clone();
        let dropped = less.meetings.pop().unwrap();
        models.put(dir, &less, &files);
        models.commit();
        let meetings = |models: &Models| {
            let repository = load_keeping(root, models).repository.unwrap();
            let rlg = repository.bodies.iter().find(|b| b.slug == "rlg").unwrap();
            rlg.meetings
                .iter()
                .map(|m| m.dir.clone())
                .collect::<Vec<_>>()
        };
        // Taken for the files: they are not read.
        assert!(!meetings(&models).contains(&dropped.dir));
        assert!(models.differing().is_empty());
        // Verifying, the files are read and the difference noted.
        let (_, _, verifying) = rlg(out.path(), true);
        assert!(meetings(&verifying).contains(&dropped.dir));
        assert_eq!(verifying.differing(), vec![dir.to_path_buf()]);
    }
}
