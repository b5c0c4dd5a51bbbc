//! rsr's one wrapper of git, run as a command: for `rsr diff` which
//! revision to compare with and its files taken out with `git archive`,
//! for `rsr justera` the commit a seal records.

use std::path::Path;
use std::process::Command;

use crate::error::Error;
use crate::lang::t;

/// The branches tried, in order, for the default base.
pub(crate) const MAIN_BRANCHES: [&str; 4] = ["main", "origin/main", "master", "origin/master"];

/// Runs git in `root` and returns its standard output.
pub(crate) fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, Error> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(missing)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(Error::Internal(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}

pub(crate) fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim().to_string()
}

pub(crate) fn resolve(root: &Path, rev: &str) -> Result<String, Error> {
    let spec = format!("{rev}^{{commit}}");
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--verify", "--quiet", &spec])
        .output()
        .map_err(missing)?;
    if output.status.success() {
        Ok(text(output.stdout))
    } else {
        Err(Error::Usage(t!("cmd-git-not-a-commit", rev = rev)))
    }
}

/// git could not be run at all.
fn missing(e: std::io::Error) -> Error {
    Error::Internal(t!("cmd-git-missing", error = e.to_string()))
}

/// The merge base of HEAD with the first of main, origin/main, master or
/// origin/master that exists.
pub(crate) fn merge_base(root: &Path) -> Result<(String, String), Error> {
    // Empty states first, in their own words: no git repository at all, or
    // one with nothing committed yet.
    let inside = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--git-dir"])
        .output()
        .map_err(missing)?;
    if !inside.status.success() {
        return Err(Error::Usage(t!(
            "cmd-git-no-repository",
            folder = root.display().to_string()
        )));
    }
    if resolve(root, "HEAD").is_err() {
        return Err(Error::Usage(t!("cmd-git-no-commits")));
    }
    for branch in MAIN_BRANCHES {
        let found = match resolve(root, branch) {
            Ok(_) => true,
            Err(Error::Usage(_)) => false,
            Err(other) => return Err(other),
        };
        if found {
            let commit = text(git(root, &["merge-base", "HEAD", branch])?);
            // A data value of the report (JSON and the pull request's
            // Swedish comment), not a message: git's own term.
            return Ok((format!("merge-base with {branch}"), commit));
        }
    }
    Err(Error::Usage(t!("cmd-git-no-main")))
}

/// Writes the repository's files as they were at `commit` into `into`.
pub(crate) fn export(root: &Path, commit: &str, into: &Path) -> Result<(), Error> {
    // The repository may sit in a folder of a larger git repository.
    let prefix = text(git(root, &["rev-parse", "--show-prefix"])?);
    let tree = format!("{commit}:{prefix}");
    let archive = git(root, &["archive", "--format=tar", &tree])?;
    tar::Archive::new(archive.as_slice())
        .unpack(into)
        .map_err(|e| Error::io(into, e))
}

/// The commit checked out in `root`, when it is a git repository.
/// Every commit HEAD descends from, when `root` is in a git checkout with
/// its whole history: `None` outside git, with nothing committed, in a
/// shallow clone (a CI checkout of one commit), or without git.
pub fn history(root: &Path) -> Option<std::collections::BTreeSet<String>> {
    let shallow = text(git(root, &["rev-parse", "--is-shallow-repository"]).ok()?);
    if shallow != "false" {
        return None;
    }
    let commits = git(root, &["rev-list", "HEAD"]).ok()?;
    Some(
        String::from_utf8_lossy(&commits)
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

pub(crate) fn head_commit(root: &Path) -> Option<String> {
    let commit = text(git(root, &["rev-parse", "--verify", "--quiet", "HEAD"]).ok()?);
    (commit.len() >= 40).then_some(commit)
}
