//! The repository is the sandbox: rsr reads meeting files, attachments and
//! templates only from inside the repository's root. A path with `..`, an
//! absolute path, or a symbolic link that leads out of the root is refused,
//! and so is a file larger than the limit the caller gives, before it is
//! read whole.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// It could not be read at all.
    Io(std::io::Error),
    /// It is, or leads, outside the repository.
    Outside,
    /// It is larger than the limit, in bytes.
    TooLarge { size: u64, limit: u64 },
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Refused::Io(error) => write!(f, "{error}"),
            Refused::Outside => f.write_str(&crate::lang::t!("load-refused-outside")),
            Refused::TooLarge { size, limit } => {
                let (size, limit) = (in_kilobytes(*size), in_kilobytes(*limit));
                f.write_str(&crate::lang::t!(
                    "load-refused-too-large",
                    size = size,
                    limit = limit
                ))
            }
        }
    }
}

/// A size as `rsr.yaml`'s limits give it: in kilobytes of 1,024 bytes,
/// or megabytes of 1,024 kilobytes.
fn in_kilobytes(bytes: u64) -> String {
    let kilobytes = bytes as f64 / 1024.0;
    if kilobytes < 1024.0 {
        format!("{kilobytes:.1} kB")
    } else {
        format!("{:.1} MB", kilobytes / 1024.0)
    }
}

/// Reads `relative` under `root` whole, if it stays inside the root and is
/// no larger than `limit` bytes.
pub fn read(root: &Path, relative: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    let base = root.canonicalize().map_err(Refused::Io)?;
    read_at(&inside_of(&base, root, relative)?, limit)
}

/// Reads the file at the real path `path`, if it is a regular file no
/// larger than `limit` bytes.
fn read_at(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    // Opening a named pipe would wait for a writer forever.
    if !std::fs::metadata(path).map_err(Refused::Io)?.is_file() {
        return Err(Refused::Io(std::io::Error::other(crate::lang::t!(
            "load-not-regular-file"
        ))));
    }
    open_and_read(path, limit)
}

/// `read_at`, for a path just seen to be a regular file.
fn open_and_read(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    let file = std::fs::File::open(path).map_err(Refused::Io)?;
    let size = file.metadata().map_err(Refused::Io)?.len();
    if size > limit {
        return Err(Refused::TooLarge { size, limit });
    }
    // The file may grow between the size and the read.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Refused::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// The real path of `relative` under `root`, if it is there, following
/// symbolic links.
pub fn inside(root: &Path, relative: &Path) -> Result<PathBuf, Refused> {
    let base = root.canonicalize().map_err(Refused::Io)?;
    inside_of(&base, root, relative)
}

/// `inside`, with the root's real path `base` known already.
pub fn inside_of(base: &Path, root: &Path, relative: &Path) -> Result<PathBuf, Refused> {
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(Refused::Outside);
    }
    let path = root.join(relative).canonicalize().map_err(Refused::Io)?;
    confined(base, relative, path, |folder| {
        root.join(folder).canonicalize()
    })
}

/// `path`, the real path of `relative`, if it is inside `base` and, for a
/// file of a meeting folder, inside that folder's real path (`real` finds a
/// folder's).
fn confined(
    base: &Path,
    relative: &Path,
    path: PathBuf,
    real: impl Fn(&Path) -> std::io::Result<PathBuf>,
) -> Result<PathBuf, Refused> {
    // A file of a meeting folder (`meetings/<body>/<date>/…`) is read from
    // that folder only: a link to another meeting's file, or to any other
    // file of the repository, is refused like one that leads out of it.
    let parts: Vec<&std::ffi::OsStr> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect();
    let within = match parts.as_slice() {
        [first, body, date, _, ..] if *first == "meetings" => {
            let folder: PathBuf = [first, body, date].iter().collect();
            Some(real(&folder).map_err(Refused::Io)?)
        }
        _ => None,
    };
    if path.starts_with(base) && within.is_none_or(|folder| path.starts_with(folder)) {
        Ok(path)
    } else {
        Err(Refused::Outside)
    }
}

/// The real paths of a root and of the folders read from under it (by
/// their path relative to the root), found once each for the life of a
/// store (one command's run): a file then costs one look at itself, not
/// one at each folder on its way.
#[derive(Debug, Default)]
pub struct Folders {
    /// The root's real path; `None` when it could not be found (each read
    /// then tries, and reports why).
    base: Option<PathBuf>,
    real: Mutex<HashMap<PathBuf, PathBuf>>,
}

impl Folders {
    /// The folders of `root`, its own real path found now.
    pub fn of(root: &Path) -> Folders {
        Folders {
            base: root.canonicalize().ok(),
            real: Mutex::default(),
        }
    }

    /// `read`: `relative` under `root` (the root these folders are of)
    /// whole, if it stays inside and is no larger than `limit` bytes.
    pub fn read(&self, root: &Path, relative: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
        match &self.base {
            Some(base) => {
                let (path, regular) = self.inside(base, root, relative)?;
                if regular {
                    open_and_read(&path, limit)
                } else {
                    read_at(&path, limit)
                }
            }
            None => read_at(
                &inside_of(&root.canonicalize().map_err(Refused::Io)?, root, relative)?,
                limit,
            ),
        }
    }

    /// `inside_of`: the real path of `relative` under `root`, if it is
    /// there. A file that is not itself a symbolic link is its folder's real
    /// path and its name; anything else is resolved whole. With it, whether
    /// the file itself was seen to be a regular file (not a link).
    fn inside(
        &self,
        base: &Path,
        root: &Path,
        relative: &Path,
    ) -> Result<(PathBuf, bool), Refused> {
        let plain = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        let (Some(parent), Some(name), true) = (relative.parent(), relative.file_name(), plain)
        else {
            return Ok((inside_of(base, root, relative)?, false));
        };
        let full = root.join(relative);
        let kind = std::fs::symlink_metadata(&full)
            .map_err(Refused::Io)?
            .file_type();
        let path = if kind.is_symlink() {
            full.canonicalize().map_err(Refused::Io)?
        } else {
            self.real(root, parent).map_err(Refused::Io)?.join(name)
        };
        Ok((
            confined(base, relative, path, |folder| self.real(root, folder))?,
            kind.is_file(),
        ))
    }

    /// The real path of the folder `relative` under `root`.
    fn real(&self, root: &Path, relative: &Path) -> std::io::Result<PathBuf> {
        let known = self
            .real
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(relative)
            .cloned();
        if let Some(known) = known {
            return Ok(known);
        }
        let found = root.join(relative).canonicalize()?;
        self.real
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(relative.to_path_buf(), found.clone());
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Reader<'a> = &'a dyn Fn(&Path, &Path, u64) -> Result<Vec<u8>, Refused>;

    #[test]
    fn reads_inside_and_refuses_the_way_out() {
        the_sandbox_holds(&read);
    }

    #[test]
    fn reads_through_known_folders_with_the_same_verdicts() {
        let folders = std::sync::OnceLock::new();
        the_sandbox_holds(&|root: &Path, relative: &Path, limit: u64| {
            folders
                .get_or_init(|| Folders::of(root))
                .read(root, relative, limit)
        });
    }

    /// What the sandbox lets `read` (a way of reading a file under a root)
    /// read and what it refuses.
    fn the_sandbox_holds(read: Reader) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/in.yaml"), "x: 1").unwrap();
        std::fs::write(dir.path().join("secret"), "password").unwrap();
        assert_eq!(read(&root, Path::new("a/in.yaml"), 100).unwrap(), b"x: 1");
        assert!(matches!(
            read(&root, Path::new("a/../../secret"), 100),
            Err(Refused::Outside)
        ));
        assert!(matches!(
            read(&root, &dir.path().join("secret"), 100),
            Err(Refused::Outside)
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret"), root.join("a/link.yaml"))
                .unwrap();
            assert!(matches!(
                read(&root, Path::new("a/link.yaml"), 100),
                Err(Refused::Outside)
            ));
            std::os::unix::fs::symlink(root.join("a/in.yaml"), root.join("a/near.yaml")).unwrap();
            assert_eq!(read(&root, Path::new("a/near.yaml"), 100).unwrap(), b"x: 1");
        }
        assert_eq!(
            read(&root, Path::new("a/in.yaml"), u64::MAX).unwrap(),
            b"x: 1"
        );
        assert!(matches!(
            read(&root, Path::new("a"), 100),
            Err(Refused::Io(_))
        ));
        #[cfg(unix)]
        {
            let made = std::process::Command::new("mkfifo")
                .arg(root.join("a/pipe.yaml"))
                .status()
                .expect("mkfifo (coreutils)");
            assert!(made.success());
            let refused = read(&root, Path::new("a/pipe.yaml"), 100).unwrap_err();
            assert_eq!(refused.to_string(), "it is not a regular file");
        }
        let refused = read(&root, Path::new("a/in.yaml"), 3).unwrap_err();
        assert!(matches!(refused, Refused::TooLarge { size: 4, limit: 3 }));
        #[cfg(unix)]
        {
            // A folder that is a link out, and a meeting's file that is a
            // link to another meeting's.
            std::fs::create_dir_all(dir.path().join("elsewhere")).unwrap();
            std::fs::write(dir.path().join("elsewhere/x.yaml"), "y: 2").unwrap();
            std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("out")).unwrap();
            assert!(matches!(
                read(&root, Path::new("out/x.yaml"), 100),
                Err(Refused::Outside)
            ));
            let one = root.join("meetings/b/2026-01-01");
            let two = root.join("meetings/b/2026-02-01");
            std::fs::create_dir_all(&one).unwrap();
            std::fs::create_dir_all(&two).unwrap();
            std::fs::write(one.join("01.yaml"), "z: 3").unwrap();
            assert_eq!(
                read(&root, Path::new("meetings/b/2026-01-01/01.yaml"), 100).unwrap(),
                b"z: 3"
            );
            std::os::unix::fs::symlink(one.join("01.yaml"), two.join("01.yaml")).unwrap();
            assert!(matches!(
                read(&root, Path::new("meetings/b/2026-02-01/01.yaml"), 100),
                Err(Refused::Outside)
            ));
        }
    }
}
