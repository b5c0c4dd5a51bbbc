//! Output files: every document is written to a temporary file beside its
//! destination and renamed into place only when the whole build succeeded,
//! so a failure leaves the previous outputs untouched and nothing half-written.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

use crate::error::Error;
use crate::output::manifest::Seen;

/// How temporary files' names begin.
const PREFIX: &str = ".rsr-";

/// A file written under a temporary name; dropped without `commit`, it is removed.
pub struct Staged {
    temp: TempPath,
    target: PathBuf,
    keep: Keep,
}

/// How a file is kept through a crash of the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Synced to the disk before it is renamed into place, and its folder
    /// after: after a crash it is the old file or the new one, whole.
    Durable,
    /// Neither: a record of rsr's own that a checksum closes
    /// (`output::summed`), so that one a crash left torn is none, and
    /// that, lost, costs the next build time and never a wrong result
    /// (the build's inventory; as git keeps its index).
    Record,
}

/// Writes `bytes` to a temporary file in the directory of `target`.
pub fn stage(target: &Path, bytes: &[u8]) -> Result<Staged, Error> {
    stage_writing(target, Keep::Durable, |file| file.write_all(bytes))
}

/// Writes what `write` writes to a temporary file in the directory of
/// `target`, as it writes it: a large file need not be held in memory
/// whole. What `write` fails with is the error, and nothing is staged.
pub fn stage_writing(
    target: &Path,
    keep: Keep,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<Staged, Error> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut file = NamedTempFile::with_prefix_in(PREFIX, dir).map_err(|e| Error::io(dir, e))?;
    let mut buffered = std::io::BufWriter::new(file.as_file_mut());
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| Error::io(target, e))?;
    drop(buffered);
    if keep == Keep::Durable {
        file.as_file()
            .sync_all()
            .map_err(|e| Error::io(target, e))?;
    }
    // Temporary files are private; a published document is not.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::Permissions::from_mode(0o644);
        file.as_file()
            .set_permissions(permissions)
            .map_err(|e| Error::io(target, e))?;
    }
    Ok(Staged {
        temp: file.into_temp_path(),
        target: target.to_path_buf(),
        keep,
    })
}

/// Writes one file whole: staged beside it, then renamed into place.
pub fn file(target: &Path, bytes: &[u8]) -> Result<(), Error> {
    commit(vec![stage(target, bytes)?])
}

/// `stage`, into the folder `base` (the output folder) and never through a
/// link in it (`no_links`).
pub fn stage_in(base: &Path, target: &Path, bytes: &[u8]) -> Result<Staged, Error> {
    no_links(base, target)?;
    stage(target, bytes)
}

/// `file`, into the folder `base` and never through a link in it.
pub fn file_in(base: &Path, target: &Path, bytes: &[u8]) -> Result<(), Error> {
    commit(vec![stage_in(base, target, bytes)?])
}

/// Refuses to write `target` through a symbolic link: `base` (the output
/// folder) or any folder between it and `target` that is a link would
/// carry the files elsewhere — out of the repository, over another
/// repository's files. A link at `target` itself is replaced, not
/// followed, by the rename that puts the file in place.
pub fn no_links(base: &Path, target: &Path) -> Result<(), Error> {
    let folders = target
        .ancestors()
        .skip(1)
        .take_while(|folder| folder.starts_with(base));
    for folder in folders {
        if folder
            .symlink_metadata()
            .is_ok_and(|meta| meta.file_type().is_symlink())
        {
            let to = std::fs::read_link(folder)
                .map(|to| to.display().to_string())
                .unwrap_or_default();
            return Err(Error::Repository(crate::lang::t!(
                "cmd-out-link",
                folder = folder,
                to = to
            )));
        }
    }
    Ok(())
}

/// Renames every staged file into place, then makes the renames of the
/// durable ones durable: after a crash each file is the old one or the
/// new one, whole.
pub fn commit(staged: Vec<Staged>) -> Result<(), Error> {
    let mut dirs = std::collections::BTreeSet::new();
    for Staged { temp, target, keep } in staged {
        temp.persist(&target)
            .map_err(|e| Error::io(&target, e.error))?;
        if let Some(dir) = target.parent()
            && keep == Keep::Durable
        {
            dirs.insert(dir.to_path_buf());
        }
    }
    for dir in dirs {
        sync_dir(&dir)?;
    }
    Ok(())
}

/// What `remove_unmade` did.
#[derive(Debug, Default)]
pub struct Removal {
    /// The files removed, relative to `out/`.
    pub removed: Vec<PathBuf>,
    /// Those that could not be removed, with why: the next build tries
    /// again.
    pub left: Vec<(String, String)>,
}

/// Removes from `out` the files an earlier build made there and this one
/// does not (`Manifest::unmade`), then each folder that removing them left
/// empty. Passed over, and so no longer rsr's to remove: a path of any
/// other shape than rsr writes (a hidden or a parent folder, an absolute
/// path, a file of a kind rsr does not make), one that leads through a
/// symbolic link or is no file, a PDF that is not what was written, and a
/// file that is one of those `made` now under another name (a body folder
/// renamed in case only, on a file system that ignores case).
pub fn remove_unmade(
    out: &Path,
    unmade: &[crate::output::manifest::Unmade],
    made: &std::collections::BTreeSet<String>,
) -> Removal {
    remove_unmade_with(out, unmade, made, &|path| std::fs::remove_file(path))
}

/// `remove_unmade`, each file removed by `remove`.
fn remove_unmade_with(
    out: &Path,
    unmade: &[crate::output::manifest::Unmade],
    made: &std::collections::BTreeSet<String>,
    remove: &dyn Fn(&Path) -> std::io::Result<()>,
) -> Removal {
    let mut removal = Removal::default();
    let mut folders = std::collections::BTreeSet::new();
    let mut others: Option<Others> = None;
    for file in unmade {
        let target = out.join(&file.path);
        let ours = written_shape(&file.path)
            && no_links(out, &target).is_ok()
            && target
                .symlink_metadata()
                .is_ok_and(|meta| meta.file_type().is_file())
            && file.pdf.as_ref().is_none_or(|pdf| {
                std::fs::read(&target)
                    .is_ok_and(|bytes| crate::output::manifest::hash(&[&bytes]) == *pdf)
            })
            && !others
                .get_or_insert_with(|| Others::of(out, made))
                .holds(&target, &file.path);
        if !ours {
            continue;
        }
        match remove(&target) {
            Ok(()) => removal.removed.push(PathBuf::from(&file.path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                removal.left.push((file.path.clone(), e.to_string()));
                continue;
            }
        }
        folders.extend(
            target
                .ancestors()
                .skip(1)
                .take_while(|folder| folder.starts_with(out) && *folder != out)
                .map(Path::to_path_buf),
        );
    }
    // A folder's own folders first: they sort after it. Only an empty one
    // is removed; one that is not is left without a word. Then the
    // removals are made durable, before the manifest that no longer names
    // the files is written.
    for folder in folders.iter().rev() {
        let _ = std::fs::remove_dir(folder);
    }
    for folder in folders.iter().filter(|folder| folder.is_dir()) {
        let _ = sync_dir(folder);
    }
    let _ = sync_dir(out);
    removal
}

/// Whether `path` (relative to `out/`, with `/` separators) has the shape
/// of what a build writes there: plain names, none hidden, ending in one
/// of the kinds of file it makes.
fn written_shape(path: &str) -> bool {
    let relative = Path::new(path);
    relative.components().all(|part| match part {
        std::path::Component::Normal(name) => !name.to_string_lossy().starts_with('.'),
        _ => false,
    }) && relative
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["pdf", "json", "ics", "html", "xml"].contains(&e))
}

/// The files a build made, to know a file by, whatever its name: by device
/// and inode (`Seen::on_device`) where the platform gives them, else by
/// their names in lower case.
struct Others {
    identities: std::collections::HashSet<(u64, u64)>,
    names: std::collections::HashSet<String>,
}

impl Others {
    fn of(out: &Path, made: &std::collections::BTreeSet<String>) -> Others {
        let identities: std::collections::HashSet<(u64, u64)> = made
            .iter()
            .filter_map(|path| Seen::on_device(&out.join(path)))
            .map(|(seen, device)| (device, seen.inode))
            .collect();
        let names = if identities.is_empty() {
            made.iter().map(|path| path.to_lowercase()).collect()
        } else {
            std::collections::HashSet::new()
        };
        Others { identities, names }
    }

    /// Whether `target`, at `path` in `out/`, is one of them.
    fn holds(&self, target: &Path, path: &str) -> bool {
        match Seen::on_device(target) {
            Some((seen, device)) => self.identities.contains(&(device, seen.inode)),
            None => self.names.contains(&path.to_lowercase()),
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), Error> {
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, e))
}

#[cfg(not(unix))]
fn sync_dir(_: &Path) -> Result<(), Error> {
    Ok(())
}

/// The lock file in the output folder.
pub const LOCK: &str = ".rsr.lock";

/// Held while a build writes to its output folder: a second build in the
/// same folder waits for it. An advisory lock, released by the system when
/// the process ends however it ends.
///
/// The lock file is one byte long while a build holds it and two once a
/// build that found no temporary file it could not remove lets it go
/// (`HELD`, `LET_GO`). Of any other length when taken, it was held by a
/// build that was killed (which may have left temporary files anywhere in
/// `out/`) or that could not remove one, or it is new (a new `out/`, one
/// removed) or an older rsr's (always empty): only then is `out/`
/// searched for them. It tells of a kill, not of a power loss on every
/// file system (its length is not synced), nor of an older rsr killed
/// after this one let go.
pub struct OutLock {
    /// The lock lasts as long as the open file.
    file: std::fs::File,
    /// Whether `out/` holds no temporary file but this build's own, which
    /// are gone when the lock is let go: else the lock file is left as
    /// it is, and the next build searches again.
    clean: bool,
}

impl Drop for OutLock {
    fn drop(&mut self) {
        // Left one byte long where `out/` was not found clean, or where it
        // cannot be set: the next build then searches `out/`, which costs
        // only time.
        if self.clean {
            let _ = self.file.set_len(LET_GO);
        }
    }
}

/// The lock file's length while a build holds it.
const HELD: u64 = 1;

/// Its length once a build that left no temporary file in `out/` has let
/// it go.
const LET_GO: u64 = 2;

impl OutLock {
    /// Takes the lock on `out`, creating the folder; calls `waiting` once if
    /// another process holds it, then waits for it.
    pub fn take(out: &Path, waiting: impl FnOnce()) -> Result<OutLock, Error> {
        if out.exists() && !out.is_dir() {
            return Err(Error::Usage(crate::lang::t!(
                "cmd-out-is-a-file",
                out = out.display().to_string()
            )));
        }
        no_links(out, &out.join(LOCK))?;
        std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
        let path = out.join(LOCK);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                waiting();
                file.lock().map_err(|e| Error::io(&path, e))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        let clean = if file.metadata().is_ok_and(|meta| meta.len() == LET_GO) {
            true
        } else {
            remove_leftovers(out)
        };
        file.set_len(HELD).map_err(|e| Error::io(&path, e))?;
        Ok(OutLock { file, clean })
    }
}

/// Removes what a killed `rsr justera` or `rsr new` left directly in `dir`
/// (a repository folder): temporary files and folders named `.rsr-…`
/// that no run has touched for a minute, so that one being written now is
/// left alone. What cannot be removed is only clutter, hidden from the
/// loader; the next run tries again.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        if !entry.file_name().to_string_lossy().starts_with(PREFIX) {
            continue;
        }
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age >= STALE);
        if !old {
            continue;
        }
        let _ = if meta.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        };
    }
}

/// How long a temporary file of a repository write may stand before it is
/// taken for debris.
const STALE: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes temporary files a killed build left in `out` (only the lock's
/// holder may: the others' would be in use); whether it found and removed
/// all there were. What cannot be removed, or a folder that cannot be
/// read, is only clutter; the next build searches again.
fn remove_leftovers(out: &Path) -> bool {
    let mut clean = true;
    for entry in walkdir::WalkDir::new(out) {
        let Ok(entry) = entry else {
            clean = false;
            continue;
        };
        if entry.file_type().is_file() && entry.file_name().to_string_lossy().starts_with(PREFIX) {
            clean &= std::fs::remove_file(entry.path()).is_ok();
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn what_is_no_longer_made_is_removed_with_the_folders_it_leaves_empty() {
        use crate::output::manifest::{Unmade, hash};
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let beside = dir.path().join("beside.pdf");
        std::fs::write(&beside, "x").unwrap();
        for file in [
            "gone/2026-01-01.json",
            "kn/a.pdf",
            "kn/b.pdf",
            "kn/altered.pdf",
            "kn/notes.txt",
            "kn/.hidden.pdf",
            "elsewhere/x.pdf",
        ] {
            std::fs::create_dir_all(out.join(file).parent().unwrap()).unwrap();
            std::fs::write(out.join(file), "x").unwrap();
        }
        std::fs::create_dir_all(out.join("kn/2026.pdf")).unwrap();
        // The same file as one made now, under another name (as a folder
        // renamed in case only is on a file system that ignores case).
        std::fs::create_dir_all(out.join("again")).unwrap();
        std::fs::hard_link(out.join("kn/b.pdf"), out.join("again/b.pdf")).unwrap();
        std::os::unix::fs::symlink(out.join("elsewhere"), out.join("linked")).unwrap();
        let written = hash(&[b"x"]);
        let pdf = |path: &str| Unmade {
            path: path.into(),
            pdf: Some(written.clone()),
        };
        let site = |path: &str| Unmade {
            path: path.into(),
            pdf: None,
        };
        let unmade = [
            site("gone/2026-01-01.json"),
            pdf("kn/a.pdf"),
            Unmade {
                path: "kn/altered.pdf".into(),
                pdf: Some(hash(&[b"y"])),
            },
            pdf("kn/missing.pdf"),
            pdf("kn/2026.pdf"),
            site("kn/notes.txt"),
            pdf("kn/.hidden.pdf"),
            pdf("again/b.pdf"),
            pdf("linked/x.pdf"),
            pdf("kn/../../beside.pdf"),
            pdf(&beside.display().to_string()),
        ];
        let made = ["kn/b.pdf".to_string()].into();
        let removal = remove_unmade(&out, &unmade, &made);
        assert_eq!(
            removal.removed,
            [
                PathBuf::from("gone/2026-01-01.json"),
                PathBuf::from("kn/a.pdf")
            ]
        );
        assert!(removal.left.is_empty());
        // The folder it emptied goes; one that holds another file stays.
        // What is not rsr's as written, or not within out/, stays.
        assert!(!out.join("gone").exists());
        assert!(out.join("kn/b.pdf").is_file());
        for kept in [
            "kn/altered.pdf",
            "kn/2026.pdf",
            "kn/notes.txt",
            "kn/.hidden.pdf",
            "again/b.pdf",
            "elsewhere/x.pdf",
        ] {
            assert!(out.join(kept).exists(), "{kept}");
        }
        assert!(beside.is_file());
    }

    #[test]
    fn a_file_that_cannot_be_removed_is_left_with_why() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join("kn")).unwrap();
        for file in ["kn/a.json", "kn/b.json"] {
            std::fs::write(out.join(file), "x").unwrap();
        }
        let unmade: Vec<_> = ["kn/a.json", "kn/b.json"]
            .map(|path| crate::output::manifest::Unmade {
                path: path.into(),
                pdf: None,
            })
            .to_vec();
        let locked = out.join("kn/a.json");
        let removal =
            remove_unmade_with(&out, &unmade, &std::collections::BTreeSet::new(), &|path| {
                if path == locked {
                    Err(std::io::Error::other("in use"))
                } else {
                    std::fs::remove_file(path)
                }
            });
        assert_eq!(removal.removed, [PathBuf::from("kn/b.json")]);
        assert_eq!(
            removal.left,
            [("kn/a.json".to_string(), "in use".to_string())]
        );
        assert!(locked.is_file());
        assert!(!out.join("kn/b.json").exists());
    }

    #[test]
    fn out_is_searched_for_leftovers_only_after_a_build_that_did_not_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join("kn")).unwrap();
        let debris = out.join("kn").join(".rsr-killed");
        let lock = out.join(LOCK);
        let taken = OutLock::take(&out, || {}).unwrap();
        assert_eq!(std::fs::metadata(&lock).unwrap().len(), HELD);
        drop(taken);
        assert_eq!(std::fs::metadata(&lock).unwrap().len(), LET_GO);
        // After a build that let go, nothing is searched for: a temporary
        // file of a build in progress (here, one made meanwhile) is left.
        std::fs::write(&debris, "staged").unwrap();
        let taken = OutLock::take(&out, || {}).unwrap();
        assert!(debris.is_file());
        // A build killed while it holds the lock never lets go, and leaves
        // the lock file as it was: the next removes what it may have left,
        // in every folder.
        drop(taken);
        std::fs::OpenOptions::new()
            .write(true)
            .open(&lock)
            .unwrap()
            .set_len(HELD)
            .unwrap();
        let taken = OutLock::take(&out, || {}).unwrap();
        assert!(!debris.exists());
        assert!(out.join("kn").is_dir());
        drop(taken);
        // So does one that finds no lock file (removed after a kill), or an
        // empty one, as an older rsr left it, killed or not.
        for before in ["gone", "empty"] {
            std::fs::write(&debris, "staged").unwrap();
            match before {
                "gone" => std::fs::remove_file(&lock).unwrap(),
                _ => std::fs::write(&lock, "").unwrap(),
            }
            drop(OutLock::take(&out, || {}).unwrap());
            assert!(!debris.exists(), "{before}");
        }
    }
}
