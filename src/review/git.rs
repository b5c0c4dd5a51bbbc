//! rsr's one wrapper of git, run as a command: for `rsr diff` which
//! revision to compare with and its files taken out with `git archive`,
//! for `rsr justera` the commit a seal records.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::check::History;
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

/// The revisions of each meeting from git's history (`git log` over
/// `meetings/`); `None` without git or a history. With `cache` (a file in
/// `out/`), what an earlier build found is kept with the commit it was
/// found at: the same HEAD reads nothing, a HEAD that descends from it
/// reads only the commits since, and anything else (a history rewritten,
/// a cache unreadable) reads the whole history again. A build's cost then
/// does not grow with the repository's age. Nothing is written until the
/// revisions are `kept`: a build asks while it typesets, and keeps them
/// only once its documents are in place.
pub(crate) fn meeting_revisions(root: &Path, cache: Option<&Path>) -> Option<Found> {
    let head = git(root, &["rev-parse", "--verify", "-q", "HEAD^{commit}"])
        .ok()
        .map(text)
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty());
    let (Some(cache), Some(head)) = (cache, head) else {
        return revisions_in(root, None).map(|revisions| Found {
            revisions,
            cache: None,
        });
    };
    let earlier: Option<RevisionCache> = std::fs::read(cache)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let revisions = match earlier {
        Some(earlier) if earlier.head == head => earlier.revisions,
        Some(earlier)
            if git(root, &["merge-base", "--is-ancestor", &earlier.head, &head]).is_ok() =>
        {
            let since = revisions_in(root, Some(&format!("{}..{head}", earlier.head)))?;
            merge(earlier.revisions, since)
        }
        _ => revisions_in(root, None)?,
    };
    Some(Found {
        revisions,
        cache: Some((cache.to_path_buf(), head)),
    })
}

/// The revisions `meeting_revisions` found, and where to keep them with
/// the commit they were found at.
pub(crate) struct Found {
    revisions: crate::site::ics::Revisions,
    cache: Option<(std::path::PathBuf, String)>,
}

impl Found {
    /// The revisions found.
    pub(crate) fn revisions(&self) -> &crate::site::ics::Revisions {
        &self.revisions
    }

    /// The revisions, kept in the cache for the next build.
    pub(crate) fn kept(self) -> crate::site::ics::Revisions {
        let Some((cache, head)) = self.cache else {
            return self.revisions;
        };
        let saved = RevisionCache {
            head,
            revisions: self.revisions,
        };
        if let Ok(json) = serde_json::to_vec(&saved) {
            // A cache not written is read again whole next time.
            let _ = crate::output::write::file(&cache, &json);
        }
        saved.revisions
    }
}

/// What `meeting_revisions` keeps between builds.
#[derive(serde::Serialize, serde::Deserialize)]
struct RevisionCache {
    head: String,
    revisions: crate::site::ics::Revisions,
}

/// `earlier` with the revisions of later commits added.
fn merge(
    mut earlier: crate::site::ics::Revisions,
    later: crate::site::ics::Revisions,
) -> crate::site::ics::Revisions {
    for (meeting, revision) in later {
        earlier
            .entry(meeting)
            .and_modify(|r| {
                r.commits += revision.commits;
                r.created = r.created.min(revision.created);
                r.modified = r.modified.max(revision.modified);
            })
            .or_insert(revision);
    }
    earlier
}

/// The revisions of the commits in `range` (all of HEAD's history when
/// `None`).
fn revisions_in(root: &Path, range: Option<&str>) -> Option<crate::site::ics::Revisions> {
    let mut args = vec![
        "-c",
        "core.quotepath=off",
        "log",
        "--format=%x01%ct",
        "--name-only",
        "--relative",
        "--no-renames",
    ];
    args.extend(range);
    args.extend(["--", "meetings"]);
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(&args)
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut revisions = crate::site::ics::Revisions::new();
    for commit in text.split('\u{1}').filter(|c| !c.trim().is_empty()) {
        let mut lines = commit.lines();
        let Some(time) = lines.next().and_then(|t| t.trim().parse::<i64>().ok()) else {
            continue;
        };
        let mut meetings: Vec<PathBuf> = lines
            .map(Path::new)
            .filter(|path| {
                path.components().count() == 4
                    && path.extension().is_some_and(|e| e == "yaml" || e == "yml")
            })
            .filter_map(|path| path.parent().map(Path::to_path_buf))
            .collect();
        meetings.sort();
        meetings.dedup();
        for meeting in meetings {
            let revision = revisions
                .entry(meeting)
                .or_insert(crate::site::ics::Revision {
                    commits: 0,
                    created: time,
                    modified: time,
                });
            revision.commits += 1;
            revision.created = revision.created.min(time);
            revision.modified = revision.modified.max(time);
        }
    }
    Some(revisions)
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

/// What the seal rules learn from git, when `root` is in a git checkout
/// with its whole history: every commit HEAD descends from, and each
/// justering.lock of the base (the merge base with main, as `rsr diff`
/// takes it) or of HEAD that the working tree has removed or written again.
/// `None` outside git, with nothing committed, in a shallow clone (a CI
/// checkout of one commit), or without git.
pub fn history(root: &Path) -> Option<History> {
    let shallow = text(git(root, &["rev-parse", "--is-shallow-repository"]).ok()?);
    if shallow != "false" {
        return None;
    }
    let commits = git(root, &["rev-list", "HEAD"]).ok()?;
    let commits = String::from_utf8_lossy(&commits)
        .lines()
        .map(str::to_string)
        .collect();
    let head = head_commit(root)?;
    // The base first: a lock written again on a branch is held to the one
    // the branch started from, which any rättelse since must account for.
    let base = merge_base(root)
        .ok()
        .map(|(_, commit)| commit)
        .filter(|base| *base != head);
    let mut held: std::collections::BTreeMap<String, (String, Committed)> = Default::default();
    for commit in [Some(head), base].into_iter().flatten() {
        for (lock, committed) in locks_at(root, &commit)? {
            held.insert(lock, (commit.clone(), committed));
        }
    }
    let held: Vec<_> = held.into_iter().collect();
    // Each lock as the working tree has it: one whose bytes git would
    // store as the very object committed is that lock unchanged, and not
    // asked of git. Only the others (written again, or no plain file in
    // the commit) are read from git, by their object ids, and compared
    // byte for byte. A lock is read without a look at it first (a
    // repository of years has a thousand): only one that cannot be read
    // is looked at, to tell a lock removed from one that is there.
    let now = crate::repo::parallel::each(&held, |(lock, (_, committed))| {
        let path = root.join(lock);
        let Ok(bytes) = std::fs::read(&path) else {
            return if path.symlink_metadata().is_ok() {
                Lock::Unread
            } else {
                Lock::Gone
            };
        };
        let same = committed.plain
            && blob_id(&bytes, committed.object.len()).as_deref() == Some(&committed.object);
        if same { Lock::Same } else { Lock::Other(bytes) }
    });
    let mut removed_locks = Vec::new();
    let mut changed: Vec<(String, String, String, Vec<u8>)> = Vec::new();
    for ((lock, (commit, committed)), now) in held.into_iter().zip(now) {
        match now {
            Lock::Gone => removed_locks.push((PathBuf::from(lock), commit)),
            Lock::Other(bytes) => changed.push((lock, commit, committed.object, bytes)),
            Lock::Same | Lock::Unread => {}
        }
    }
    let requests: Vec<String> = changed
        .iter()
        .map(|(_, _, object, _)| object.clone())
        .collect();
    let texts = batch(root, &requests)?;
    let sealed_locks = changed
        .into_iter()
        .zip(texts)
        .filter_map(|((lock, commit, _, now), sealed)| {
            let sealed = String::from_utf8(sealed?).ok()?;
            (now != sealed.as_bytes()).then(|| (PathBuf::from(lock), commit, sealed))
        })
        .collect();
    Some(History {
        commits,
        removed_locks,
        sealed_locks,
    })
}

/// A committed justering.lock as the working tree has it.
enum Lock {
    /// The very object committed.
    Same,
    /// Other bytes, or none that git would store as that object.
    Other(Vec<u8>),
    /// There, but not readable: not compared.
    Unread,
    /// Removed.
    Gone,
}

/// A justering.lock as a commit holds it.
struct Committed {
    /// Its git object id.
    object: String,
    /// Whether it is a plain file (not a link, nor a submodule).
    plain: bool,
}

/// The meetings' justering.lock files in `commit`, relative to the root,
/// each with its object id. A path that is not UTF-8 names no lock rsr
/// reads, and is passed over.
fn locks_at(root: &Path, commit: &str) -> Option<Vec<(String, Committed)>> {
    let listed = git(
        root,
        &[
            "ls-tree",
            "-r",
            "-z",
            commit,
            "--",
            crate::repo::load::MEETINGS_DIR,
        ],
    )
    .ok()?;
    let suffix = format!("/{}", crate::repo::load::LOCK_FILE);
    Some(
        listed
            .split(|byte| *byte == 0)
            .filter_map(|entry| {
                // "<mode> <type> <object>\t<path>", the path unquoted.
                let entry = std::str::from_utf8(entry).ok()?;
                let (about, path) = entry.split_once('\t')?;
                if !path.ends_with(&suffix) {
                    return None;
                }
                let mut words = about.split(' ');
                let (mode, kind, object) = (words.next()?, words.next()?, words.next()?);
                let plain = matches!(mode, "100644" | "100755") && kind == "blob";
                Some((
                    path.to_string(),
                    Committed {
                        object: object.to_string(),
                        plain,
                    },
                ))
            })
            .collect(),
    )
}

/// The id git gives a file of these bytes, in the hash its object ids of
/// this length are made with (SHA-1, or SHA-256 in a repository made with
/// `--object-format=sha256`): the hash of "blob", the size and the bytes.
fn blob_id(bytes: &[u8], length: usize) -> Option<String> {
    fn id<D: sha2::Digest>(bytes: &[u8]) -> String {
        let header = format!("blob {}\0", bytes.len());
        crate::output::manifest::hex(&D::new().chain_update(header).chain_update(bytes).finalize())
    }
    match length {
        40 => Some(id::<sha1::Sha1>(bytes)),
        64 => Some(id::<sha2::Sha256>(bytes)),
        _ => None,
    }
}

/// The contents of the objects `requests` name (object ids), in one run
/// of `git cat-file --batch`; `None` for one git does not have.
fn batch(root: &Path, requests: &[String]) -> Option<Vec<Option<Vec<u8>>>> {
    use std::io::{BufRead, Read, Write};
    if requests.is_empty() {
        return Some(Vec::new());
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "--batch"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = requests.join("\n") + "\n";
    // Written beside the reading: git answers as it reads.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = std::io::BufReader::new(child.stdout.take()?);
    let mut found = Vec::with_capacity(requests.len());
    for _ in requests {
        let mut header = String::new();
        out.read_line(&mut header).ok()?;
        let mut words = header.split_whitespace();
        let (_, kind, size) = (words.next(), words.next(), words.next());
        match (kind, size.and_then(|size| size.parse::<u64>().ok())) {
            (Some("blob"), Some(size)) => {
                let mut bytes = Vec::new();
                out.by_ref().take(size).read_to_end(&mut bytes).ok()?;
                let mut newline = [0u8; 1];
                out.read_exact(&mut newline).ok()?;
                found.push(Some(bytes));
            }
            (Some(_), Some(size)) => {
                // Not a file: skip what follows.
                std::io::copy(&mut out.by_ref().take(size + 1), &mut std::io::sink()).ok()?;
                found.push(None);
            }
            _ => found.push(None),
        }
    }
    writer.join().ok()?.ok()?;
    child.wait().ok()?;
    Some(found)
}

/// The files git tracks at or under `paths` (relative to `dir`, taken
/// literally), relative to `dir`; git's error when it cannot tell (no
/// git, `dir` in no repository, an index it cannot read).
pub(crate) fn tracked(dir: &Path, paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .args(["--literal-pathspecs", "ls-files", "-z", "--cached", "--"])
        .args(paths);
    let output = command.output().map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
    }
    Ok(output
        .stdout
        .split(|b| *b == 0)
        .filter(|line| !line.is_empty())
        .map(|line| PathBuf::from(String::from_utf8_lossy(line).into_owned()))
        .collect())
}

pub(crate) fn head_commit(root: &Path) -> Option<String> {
    let commit = text(git(root, &["rev-parse", "--verify", "--quiet", "HEAD"]).ok()?);
    (commit.len() >= 40).then_some(commit)
}

#[cfg(test)]
mod tests {
    use super::{blob_id, git, locks_at};

    /// A lock committed unchanged is known by its object id, in a
    /// repository of either object format; one that is a link is not a
    /// plain file, and is compared by its text.
    #[cfg(unix)]
    #[test]
    fn a_committed_lock_is_known_by_its_object_id() {
        for format in ["sha1", "sha256"] {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            let meeting = root.join("meetings/kn/2026-03-02");
            std::fs::create_dir_all(&meeting).unwrap();
            let lock = "justerat: 2026-03-05\nparagrafer: § 1–§ 9, åtgärd\n";
            std::fs::write(meeting.join("justering.lock"), lock).unwrap();
            let other = root.join("meetings/kn/2026-04-06");
            std::fs::create_dir_all(&other).unwrap();
            std::os::unix::fs::symlink(
                "../2026-03-02/justering.lock",
                other.join("justering.lock"),
            )
            .unwrap();
            let object_format = format!("--object-format={format}");
            for args in [
                &["init", "--quiet", object_format.as_str()][..],
                &["add", "--all"],
                &[
                    "-c",
                    "user.name=a",
                    "-c",
                    "user.email=a@b",
                    "-c",
                    "commit.gpgsign=false",
                    "commit",
                    "--quiet",
                    "-m",
                    "x",
                ],
            ] {
                git(root, args).unwrap();
            }
            let head = String::from_utf8(git(root, &["rev-parse", "HEAD"]).unwrap()).unwrap();
            let locks = locks_at(root, head.trim()).unwrap();
            let paths: Vec<&str> = locks.iter().map(|(path, _)| path.as_str()).collect();
            assert_eq!(
                paths,
                [
                    "meetings/kn/2026-03-02/justering.lock",
                    "meetings/kn/2026-04-06/justering.lock"
                ]
            );
            let (plain, link) = (&locks[0].1, &locks[1].1);
            assert!(plain.plain && !link.plain, "{format}");
            assert_eq!(
                blob_id(lock.as_bytes(), plain.object.len()).as_deref(),
                Some(plain.object.as_str()),
                "{format}"
            );
            assert_ne!(
                blob_id(b"justerat: 2026-03-06\n", plain.object.len()).as_deref(),
                Some(plain.object.as_str())
            );
        }
    }

    #[test]
    fn a_blob_id_is_the_one_git_gives_the_bytes() {
        // `git hash-object` of the same bytes, in a repository of each
        // object format.
        for (bytes, id) in [
            (&b""[..], "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"),
            (b"hello\n", "ce013625030ba8dba906f756967f9e9ca394464a"),
            (
                b"",
                "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813",
            ),
            (
                b"hello\n",
                "2cf8d83d9ee29543b34a87727421fdecb7e3f3a183d337639025de576db9ebb4",
            ),
        ] {
            assert_eq!(blob_id(bytes, id.len()).as_deref(), Some(id), "{bytes:?}");
        }
        assert_eq!(blob_id(b"hello\n", 12), None);
    }
}
