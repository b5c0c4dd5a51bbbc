//! What earlier builds kept in `out/` for the next (the manifest, the
//! inventory, the bodies' models and the calendars' revisions), and
//! whether it may be trusted. It is rsr's own record of what it made, so
//! only rsr may have written it: a file of it that git tracks came from
//! whoever wrote a commit (a pull request can add one with `git add -f`,
//! and make its bytes what it likes with `.gitattributes`), and is passed
//! over as if it were not there. A forged model or inventory could
//! otherwise hide a finding from `rsr check`, and a forged manifest keep a
//! stale PDF.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::lang::t;
use crate::output::manifest::{self, Manifest};

/// Where a build keeps what git's history said of the meetings, with the
/// commit it said it at (`review::git::meeting_revisions`).
pub const REVISIONS: &str = ".rsr.revisions.json";

/// Where a build records the repository and `out/` as it found and left
/// them (`build::inventory`).
pub const INVENTORY: &str = ".rsr.inventory";

/// The names in `out/` of what builds keep for the next.
const NAMES: [&str; 4] = [
    manifest::FILE,
    INVENTORY,
    crate::repo::cache::DIR,
    REVISIONS,
];

/// What is kept in one `out/`, and which of it is passed over.
#[derive(Clone)]
pub struct Kept {
    out: PathBuf,
    /// The names (of `NAMES`) that are passed over.
    passed_over: BTreeSet<&'static str>,
}

impl Kept {
    /// What is kept in `out`. When any of it is passed over, a warning
    /// says so on standard error, with why.
    pub fn in_out(out: &Path) -> Kept {
        let (passed_over, why) = passed_over(out);
        if !passed_over.is_empty() {
            let paths: Vec<String> = passed_over
                .iter()
                .map(|name| format!("'{}'", out.join(name).display()))
                .collect();
            let warning = match why {
                Why::Tracked => t!(
                    "cmd-build-kept-tracked",
                    out = out.display().to_string(),
                    paths = paths.join(" ")
                ),
                Why::GitFailed(error) => t!(
                    "cmd-build-kept-git-failed",
                    out = out.display().to_string(),
                    error = error
                ),
            };
            eprintln!("{warning}");
        }
        Kept {
            out: out.to_path_buf(),
            passed_over,
        }
    }

    /// The folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Whether what is kept under `name` (one of `NAMES`) may be read.
    pub fn trusted(&self, name: &str) -> bool {
        !self.passed_over.contains(name)
    }

    /// The manifest, or an empty one.
    pub fn manifest(&self) -> Manifest {
        if self.trusted(manifest::FILE) {
            Manifest::load(&self.out)
        } else {
            Manifest::default()
        }
    }

    /// Whether the bodies' models may be read.
    pub fn models(&self) -> bool {
        self.trusted(crate::repo::cache::DIR)
    }

    /// Where the calendars' revisions are kept, if they may be read.
    pub fn revisions(&self) -> Option<PathBuf> {
        self.trusted(REVISIONS).then(|| self.out.join(REVISIONS))
    }
}

/// Why something kept is passed over.
enum Why {
    /// git tracks it.
    Tracked,
    /// `out` is in a git work tree, and git could not say what it tracks.
    GitFailed(String),
}

/// The names of `NAMES` that something in `out` holds and that git tracks
/// (asked in `out` as it really is, links followed, so that a folder
/// anywhere in a work tree is covered, and a link to a tracked folder
/// too); every name present when `out` is in a work tree but git fails.
/// Nothing without git's folder above `out`.
fn passed_over(out: &Path) -> (BTreeSet<&'static str>, Why) {
    let present: Vec<&'static str> = NAMES
        .into_iter()
        .filter(|name| out.join(name).symlink_metadata().is_ok())
        .collect();
    if present.is_empty() {
        return (BTreeSet::new(), Why::Tracked);
    }
    let Ok(real) = std::fs::canonicalize(out) else {
        return (BTreeSet::new(), Why::Tracked);
    };
    let paths: Vec<PathBuf> = present.iter().map(PathBuf::from).collect();
    match crate::review::git::tracked(&real, &paths) {
        Ok(tracked) => (
            present
                .into_iter()
                .filter(|name| tracked.iter().any(|file| file.starts_with(name)))
                .collect(),
            Why::Tracked,
        ),
        Err(_) if !in_work_tree(&real) => (BTreeSet::new(), Why::Tracked),
        Err(error) => (present.into_iter().collect(), Why::GitFailed(error)),
    }
}

/// Whether `dir` or a folder above it holds git's folder (`.git`, a
/// folder or, in a linked work tree, a file).
fn in_work_tree(dir: &Path) -> bool {
    dir.ancestors().any(|d| d.join(".git").exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &Path, args: &[&str]) {
        let done = std::process::Command::new("git")
            .current_dir(dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.se"])
            .args(args)
            .output()
            .unwrap();
        assert!(done.status.success(), "{done:?}");
    }

    #[test]
    fn what_git_tracks_in_out_is_passed_over_however_it_is_reached() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        git(root, &["init", "-q"]);
        let out = root.join("out");
        std::fs::create_dir_all(out.join(crate::repo::cache::DIR)).unwrap();
        std::fs::write(out.join(manifest::FILE), "{}").unwrap();
        std::fs::write(out.join(INVENTORY), "x").unwrap();
        std::fs::write(out.join(crate::repo::cache::DIR).join("a.bin"), "x").unwrap();
        // Untracked: rsr's own.
        assert!(passed_over(&out).0.is_empty());
        // Tracked, as committed or changed since: passed over alike.
        git(
            root,
            &["add", "-f", "out/.rsr.models/a.bin", "out/.rsr.inventory"],
        );
        git(root, &["commit", "-qm", "x"]);
        let names = |out: &Path| passed_over(out).0.into_iter().collect::<Vec<_>>();
        assert_eq!(names(&out), vec![INVENTORY, crate::repo::cache::DIR]);
        std::fs::write(out.join(INVENTORY), "changed").unwrap();
        assert_eq!(names(&out), vec![INVENTORY, crate::repo::cache::DIR]);
        // Reached through a link, or from a folder below the repository's
        // top (`--out` beside a repository in a larger one).
        #[cfg(unix)]
        {
            let elsewhere = tempfile::tempdir().unwrap();
            let link = elsewhere.path().join("out");
            std::os::unix::fs::symlink(&out, &link).unwrap();
            assert_eq!(names(&link), vec![INVENTORY, crate::repo::cache::DIR]);
        }
        let sub = root.join("sub");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(
            names(&sub.join("..").join("out")),
            vec![INVENTORY, crate::repo::cache::DIR]
        );
        // Outside any work tree: nothing is.
        let alone = tempfile::tempdir().unwrap();
        std::fs::write(alone.path().join(INVENTORY), "x").unwrap();
        assert!(passed_over(alone.path()).0.is_empty());
        // In a work tree that git cannot read: everything present is.
        std::fs::write(root.join(".git").join("index"), "not an index").unwrap();
        let (all, why) = passed_over(&out);
        assert_eq!(all.len(), 3, "{all:?}");
        assert!(matches!(why, Why::GitFailed(_)));
    }
}
