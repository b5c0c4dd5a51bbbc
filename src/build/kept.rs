//! What earlier builds kept in `out/` for the next (the manifest, the
//! inventory, the bodies' models and the calendars' revisions), and
//! whether it may be trusted. It is rsr's own record of what it made, so
//! only rsr may have written it: a file of it that git tracks, as the
//! checkout left it, came from whoever wrote the commit (a pull request
//! can add one with `git add -f`), and is passed over as if it were not
//! there. A forged manifest or model could otherwise hide a finding from
//! `rsr check` or keep a stale PDF. What rsr writes in its place is
//! trusted again, since rsr wrote it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::build::inventory::{self, Inventory};
use crate::lang::t;
use crate::output::manifest::{self, Manifest};

/// Where a build keeps what git's history said of the meetings, with the
/// commit it said it at (`review::git::meeting_revisions`).
pub const REVISIONS: &str = ".rsr.revisions.json";

/// The names in `out/` of what builds keep for the next.
const NAMES: [&str; 4] = [
    manifest::FILE,
    inventory::FILE,
    crate::repo::cache::DIR,
    REVISIONS,
];

/// What is kept in one `out/`, and which of it is passed over.
pub struct Kept {
    out: PathBuf,
    /// The names (of `NAMES`) that came with a checkout.
    passed_over: BTreeSet<&'static str>,
}

impl Kept {
    /// What is kept in `out` for the repository at `root`. When any of it
    /// came with a checkout, a warning says so on standard error, once.
    pub fn in_out(root: &Path, out: &Path) -> Kept {
        let passed_over = came_with_checkout(root, out);
        if !passed_over.is_empty() {
            let files: Vec<String> = passed_over
                .iter()
                .map(|name| out.join(name).display().to_string())
                .collect();
            eprintln!(
                "{}",
                t!(
                    "cmd-build-kept-tracked",
                    out = out.display().to_string(),
                    paths = files.join(" ")
                )
            );
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

    /// Whether what is kept under `name` may be read.
    fn trusted(&self, name: &str) -> bool {
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

    /// The inventory, if there is one to trust.
    pub fn inventory(&self) -> Option<Inventory> {
        Inventory::load(&self.out).filter(|_| self.trusted(inventory::FILE))
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

/// The names of `NAMES` of which something in `out` is as a checkout of
/// the repository at `root` left it. Nothing without git, or when `out` is
/// not inside `root` (no commit can put a file there) or holds none.
fn came_with_checkout(root: &Path, out: &Path) -> BTreeSet<&'static str> {
    let root_abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let out_abs = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let Ok(inside) = out_abs.strip_prefix(&root_abs) else {
        return BTreeSet::new();
    };
    let present: Vec<(&'static str, PathBuf)> = NAMES
        .iter()
        .filter(|name| out.join(name).exists())
        .map(|name| (*name, inside.join(name)))
        .collect();
    if present.is_empty() {
        return BTreeSet::new();
    }
    let paths: Vec<PathBuf> = present.iter().map(|(_, path)| path.clone()).collect();
    let Some(checked_out) = crate::review::git::as_checked_out(root, &paths) else {
        return BTreeSet::new();
    };
    present
        .into_iter()
        .filter(|(_, path)| checked_out.iter().any(|file| file.starts_with(path)))
        .map(|(name, _)| name)
        .collect()
}
