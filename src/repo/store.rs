//! The file store: the one reader of the repository's files (YAML,
//! templates, attachments, and the snippets of error messages). Every read
//! goes through the sandbox; the hash of each file read is kept, so that a
//! file is hashed once however often a build asks for its fingerprint, and
//! the files read are the build's dependencies.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::output::manifest::hash;
use crate::repo::sandbox::{self, Refused};
use crate::sv::personnummer::{self, Found};

/// The files of one repository, as rsr has read them.
pub struct Store {
    root: PathBuf,
    /// Each file read, relative to the root, with the hash of its bytes
    /// when last read.
    read: Mutex<BTreeMap<PathBuf, String>>,
    /// What `remember` was given and `read` does not hold yet, in the
    /// order it was given: put in when `read` is next looked at.
    remembered: Mutex<Vec<Vec<(PathBuf, String)>>>,
    /// The real paths of the root and the folders read from.
    folders: sandbox::Folders,
    /// The personal identity numbers in each YAML text loading read, found
    /// as it was read: `rsr check` need not read every file again.
    numbers: Mutex<HashMap<PathBuf, Vec<Found>>>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("root", &self.root).finish()
    }
}

impl Store {
    pub fn new(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
            read: Mutex::new(BTreeMap::new()),
            remembered: Mutex::new(Vec::new()),
            folders: sandbox::Folders::of(root),
            numbers: Mutex::new(HashMap::new()),
        }
    }

    /// The repository's root, which every path here is relative to.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Reads `relative` whole through the sandbox, if it is no larger than
    /// `limit` bytes, and records its hash.
    pub fn read(&self, relative: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
        let bytes = self.folders.read(&self.root, relative, limit)?;
        self.recorded()
            .insert(relative.to_path_buf(), hash(&[&bytes]));
        Ok(bytes)
    }

    /// The hash of `relative`'s bytes: as recorded when it was read, or
    /// read now.
    pub fn hash(&self, relative: &Path, limit: u64) -> Result<String, Refused> {
        if let Some(known) = self.recorded().get(relative) {
            return Ok(known.clone());
        }
        let bytes = self.read(relative, limit)?;
        Ok(hash(&[&bytes]))
    }

    /// The first `count` bytes of `relative` (fewer if it is shorter),
    /// through the sandbox; not a dependency, since only its kind is told
    /// from them.
    pub fn head(&self, relative: &Path, count: usize) -> Result<Vec<u8>, Refused> {
        let path = sandbox::inside(&self.root, relative)?;
        // Opening a named pipe would wait for a writer forever.
        if !std::fs::metadata(&path).map_err(Refused::Io)?.is_file() {
            return Err(Refused::Io(std::io::Error::other(crate::lang::t!(
                "load-not-regular-file"
            ))));
        }
        let file = std::fs::File::open(path).map_err(Refused::Io)?;
        let mut bytes = Vec::with_capacity(count);
        file.take(count as u64)
            .read_to_end(&mut bytes)
            .map_err(Refused::Io)?;
        Ok(bytes)
    }

    /// The text of `relative` for a message's snippet: empty when it cannot
    /// be read as UTF-8 text within `limit` bytes. Not recorded: a message
    /// depends on nothing.
    pub fn snippet(&self, relative: &Path, limit: u64) -> String {
        sandbox::read(&self.root, relative, limit)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// Notes the personal identity numbers in `text`, the text of
    /// `relative` as just read.
    pub fn scan_personal_numbers(&self, relative: &Path, text: &str) {
        let found = personnummer::numbers(text);
        held(&self.numbers).insert(relative.to_path_buf(), found);
    }

    /// The personal identity numbers of `relative` as noted when it was
    /// read (`scan_personal_numbers`); `None` when they were not.
    pub fn personal_numbers(&self, relative: &Path) -> Option<Vec<Found>> {
        held(&self.numbers).get(relative).cloned()
    }

    /// Records each file of `read` as read, with its hash: the files of a
    /// kept model (`repo::cache`), read by the build that kept it. They
    /// are put among the files read when those are next looked at, with
    /// every batch given until then, at once (`recorded`): the bodies of a
    /// repository of years are thousands of files each, loaded on every
    /// core, and each merged into the map of all as it came, under its
    /// lock, cost a one-item change at 10 × 110 × 8 some 4 ms of loading
    /// (53.5 against 49 ms, medians of 8).
    pub fn remember(&self, read: impl IntoIterator<Item = (PathBuf, String)>) {
        let read: Vec<(PathBuf, String)> = read.into_iter().collect();
        if !read.is_empty() {
            held(&self.remembered).push(read);
        }
    }

    /// Notes the personal identity numbers found in each file of `found`
    /// when its kept model was loaded.
    pub fn remember_numbers(&self, found: impl IntoIterator<Item = (PathBuf, Vec<Found>)>) {
        held(&self.numbers).extend(found);
    }

    /// Each file read under the folder `dir`, with its hash, in path order.
    pub fn read_under(&self, dir: &Path) -> Vec<(PathBuf, String)> {
        self.recorded()
            .range(dir.to_path_buf()..)
            .take_while(|(file, _)| file.starts_with(dir))
            .map(|(file, hash)| (file.clone(), hash.clone()))
            .collect()
    }

    /// Every file read so far, in path order.
    pub fn dependencies(&self) -> Vec<PathBuf> {
        self.recorded().keys().cloned().collect()
    }

    /// The files read, with every batch remembered so far among them.
    fn recorded(&self) -> std::sync::MutexGuard<'_, BTreeMap<PathBuf, String>> {
        let mut recorded = held(&self.read);
        let batches = std::mem::take(&mut *held(&self.remembered));
        if !batches.is_empty() {
            // Sorted at once, stably; of a file in more than one batch,
            // the hash of the last given (the test below holds it).
            let mut batch: BTreeMap<PathBuf, String> = batches.into_iter().flatten().collect();
            // A merge builds the whole map anew: a few files (a meeting's,
            // taken from a kept model between files parsed) are inserted.
            if batch.len() >= recorded.len() / 8 {
                recorded.append(&mut batch);
            } else {
                recorded.extend(batch);
            }
        }
        recorded
    }
}

/// A map of the store, locked. A thread that panicked while holding it
/// left it whole: each entry is put in with one call. (The typesetting
/// pool's list of idle workers is held the same way.)
pub(crate) fn held<T>(map: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    map.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_remembered_counts_as_read_in_the_order_given() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "x: 1\n").unwrap();
        let store = Store::new(dir.path());
        let batch = |files: &[(&str, &str)]| -> Vec<(PathBuf, String)> {
            files
                .iter()
                .map(|(path, hash)| (PathBuf::from(path), hash.to_string()))
                .collect()
        };
        // Two bodies' files, the later given first, and a file in both
        // batches: the last given holds.
        store.remember(batch(&[("m/b/1.yaml", "b1"), ("m/b/2.yaml", "b2")]));
        store.remember(batch(&[("m/a/1.yaml", "a1"), ("m/b/2.yaml", "b2'")]));
        store.remember(Vec::new());
        assert_eq!(
            store.read_under(Path::new("m")),
            batch(&[
                ("m/a/1.yaml", "a1"),
                ("m/b/1.yaml", "b1"),
                ("m/b/2.yaml", "b2'")
            ])
        );
        // A file read after it was remembered has the hash read; one
        // remembered after it was read, the hash remembered.
        let read = store.hash(Path::new("a.yaml"), 100).unwrap();
        store.remember(batch(&[("a.yaml", "kept")]));
        assert_eq!(store.hash(Path::new("a.yaml"), 100).unwrap(), "kept");
        store.read(Path::new("a.yaml"), 100).unwrap();
        assert_eq!(store.hash(Path::new("a.yaml"), 100).unwrap(), read);
        // So with nothing between: what was remembered is put in before
        // the file read is.
        store.remember(batch(&[("a.yaml", "kept again")]));
        store.read(Path::new("a.yaml"), 100).unwrap();
        assert_eq!(store.hash(Path::new("a.yaml"), 100).unwrap(), read);
        assert_eq!(
            store.dependencies(),
            ["a.yaml", "m/a/1.yaml", "m/b/1.yaml", "m/b/2.yaml"].map(PathBuf::from)
        );
        // A batch small beside what is recorded (a meeting's) is inserted,
        // to the same effect.
        let many: Vec<(PathBuf, String)> = (0..40)
            .map(|n| (PathBuf::from(format!("m/c/{n:02}.yaml")), format!("c{n}")))
            .collect();
        store.remember(many);
        assert_eq!(store.dependencies().len(), 4 + 40);
        store.remember(batch(&[("m/b/1.yaml", "b1'"), ("m/d/1.yaml", "d1")]));
        let under = store.read_under(Path::new("m"));
        assert_eq!(under.len(), 3 + 40 + 1);
        assert!(under.contains(&(PathBuf::from("m/b/1.yaml"), "b1'".to_string())));
        assert!(under.contains(&(PathBuf::from("m/d/1.yaml"), "d1".to_string())));
        assert!(under.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn a_file_is_hashed_once_and_recorded() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "x: 1\n").unwrap();
        let store = Store::new(dir.path());
        let first = store.hash(Path::new("a.yaml"), 100).unwrap();
        // Changed on disk: the build's hash stays what it read.
        std::fs::write(dir.path().join("a.yaml"), "x: 2\n").unwrap();
        assert_eq!(store.hash(Path::new("a.yaml"), 100).unwrap(), first);
        assert_eq!(store.read(Path::new("a.yaml"), 100).unwrap(), b"x: 2\n");
        assert_eq!(store.dependencies(), [PathBuf::from("a.yaml")]);
        assert_ne!(
            store.hash(Path::new("a.yaml"), 100).unwrap(),
            first,
            "a new read records the new hash"
        );
        assert!(matches!(
            store.read(Path::new("../a.yaml"), 100),
            Err(Refused::Outside)
        ));
        assert_eq!(store.head(Path::new("a.yaml"), 2).unwrap(), b"x:");
    }
}
