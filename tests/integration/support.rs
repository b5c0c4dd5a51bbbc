//! A temporary meeting repository and helpers to run rsr in it and read PDFs.
//! Every PDF in a repository is held to PDF/UA-1 and its declared PDF/A
//! (see `conformance`): after each run of rsr and when the repository is
//! dropped, and every PDF a helper reads back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::conformance;

/// The repository this crate is, which doubles as the worked example.
pub fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A throwaway copy of the example repository.
pub struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// `rsr.yaml` and `meetings/` of the examples, nothing else.
    pub fn examples() -> Repo {
        let repo = Repo::empty();
        std::fs::copy(examples().join("rsr.yaml"), repo.path().join("rsr.yaml")).unwrap();
        copy_dir(&examples().join("meetings"), &repo.path().join("meetings"));
        repo
    }

    /// tests/good/minimal: one nämnd, one adjusted meeting, no problems.
    pub fn minimal() -> Repo {
        let repo = Repo::empty();
        copy_dir(&examples().join("tests/good/minimal"), repo.path());
        repo
    }

    /// tests/good/`name`: like a bad-input case, an overlay on
    /// tests/good/minimal (see [`materialise`]).
    pub fn good(name: &str) -> Repo {
        let case = examples().join("tests/good").join(name);
        let repo = Repo::bad_case(&case);
        // A case that changes an adjusted meeting takes its lock away
        // (`removed.txt`); it is sealed again as the case has it.
        let removed = std::fs::read_to_string(case.join("removed.txt")).unwrap_or_default();
        for lock in removed.lines().filter(|l| l.ends_with("/justering.lock")) {
            repo.reseal(lock.trim_end_matches("/justering.lock"));
        }
        repo
    }

    /// The bad-input case `case` (a folder of tests/bad/) as the repository
    /// it stands for: see [`materialise`].
    pub fn bad_case(case: &Path) -> Repo {
        let repo = Repo::empty();
        materialise(case, repo.path());
        repo
    }

    pub fn empty() -> Repo {
        Repo {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, relative: &str, text: &str) -> &Repo {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path().join(relative)).unwrap()
    }

    /// Replaces `from` by `to` in a file, which must contain it.
    pub fn edit(&self, relative: &str, from: &str, to: &str) -> &Repo {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        self.write(relative, &text.replacen(from, to, 1))
    }

    /// Removes a meeting's justering.lock, for tests that change an
    /// adjusted meeting to see how its documents come out.
    /// Takes away the lock of `meeting`, so that a test may change what
    /// its protokoll says; `reseal` seals it again as it then stands.
    pub fn unseal(&self, meeting: &str) -> &Repo {
        std::fs::remove_file(self.path().join(meeting).join("justering.lock")).unwrap();
        self
    }

    /// Seals `meeting` (`meetings/<body>/<date>`, justerad) again as it
    /// stands now, as `rsr justera` does after its lock is taken away: for a test
    /// whose adjusted meeting must say what the test needs. A justerad
    /// meeting without its lock is an error.
    pub fn reseal(&self, meeting: &str) -> &Repo {
        let parts: Vec<&str> = meeting.split('/').collect();
        let [_, body, date] = parts[..] else {
            panic!("not a meeting folder: {meeting}");
        };
        let _ = std::fs::remove_file(self.path().join(meeting).join("justering.lock"));
        self.rsr(&["justera", body, date]).success();
        self
    }

    /// tests/good/minimal with its meeting of 2026-03-02 held and not yet
    /// adjusted, so that a kallelse and a draft protokoll are made.
    pub fn minimal_held() -> Repo {
        let repo = Repo::minimal();
        repo.unseal("meetings/kn/2026-03-02");
        repo.edit(
            "meetings/kn/2026-03-02/meeting.yaml",
            "status: justerad",
            "status: genomförd",
        );
        repo
    }

    /// Runs rsr in the repository (in English, see `rsr_command`).
    pub fn rsr(&self, args: &[&str]) -> Run {
        let output = rsr_command()
            .args(args)
            .current_dir(self.path())
            .output()
            .unwrap();
        conformance::assert_pdfs_under(self.path());
        Run { output }
    }

    /// Runs rsr in the repository with `vars` set in its environment.
    pub fn rsr_env(&self, args: &[&str], vars: &[(&str, &str)]) -> Run {
        self.run_in(rsr_command(), args, vars)
    }

    /// Runs rsr in the repository as a secretary does, with `vars` set:
    /// a build that finds nothing changed since the last (out/.rsr.inventory)
    /// does nothing, where every other run here does everything all the
    /// same to verify it.
    pub fn rsr_trusting(&self, args: &[&str], vars: &[(&str, &str)]) -> Run {
        self.run_in(rsr_trusting_command(), args, vars)
    }

    fn run_in(&self, mut command: Command, args: &[&str], vars: &[(&str, &str)]) -> Run {
        let output = command
            .args(args)
            .envs(vars.iter().copied())
            .current_dir(self.path())
            .output()
            .unwrap();
        conformance::assert_pdfs_under(self.path());
        Run { output }
    }

    /// Runs git in the repository as a secretary would, without their
    /// configuration; fails the test if git fails.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_env(args, &[])
    }

    /// `git`, with these environment variables set.
    pub fn git_env(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let output = Command::new("git")
            .current_dir(self.path())
            .envs(env.iter().copied())
            .args([
                "-c",
                "user.name=Sekreterare",
                "-c",
                "user.email=sekr@example.se",
            ])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Commits everything in the working tree.
    pub fn commit(&self, message: &str) {
        self.git(&["add", "--all"]);
        self.git(&["commit", "--quiet", "--allow-empty", "-m", message]);
    }

    /// Commits everything in the working tree as made and committed at
    /// `when` (ISO 8601).
    pub fn commit_at(&self, when: &str, message: &str) {
        self.git(&["add", "--all"]);
        self.git_env(
            &["commit", "--quiet", "-m", message],
            &[("GIT_COMMITTER_DATE", when), ("GIT_AUTHOR_DATE", when)],
        );
    }

    pub fn bytes(&self, relative: &str) -> Vec<u8> {
        std::fs::read(self.path().join(relative)).unwrap()
    }

    pub fn text(&self, relative: &str) -> String {
        pdf_text(&self.path().join(relative), None)
    }

    pub fn page_text(&self, relative: &str, page: usize) -> String {
        pdf_text(&self.path().join(relative), Some(page))
    }
}

/// PDFs written by rsr started other than through `Repo::rsr` (a watch, a
/// killed build, a CI script) are checked here at the latest. Not while the
/// test is already failing: a second panic would abort the whole run.
impl Drop for Repo {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            conformance::assert_pdfs_under(self.path());
        }
    }
}

pub struct Run {
    pub output: Output,
}

impl Run {
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn success(self) -> Run {
        assert!(
            self.output.status.success(),
            "rsr failed:\n{}",
            self.stderr()
        );
        self
    }

    /// Failed with exit code 1: problems in the repository's data.
    pub fn failure(self) -> Run {
        self.fails_with(1)
    }

    /// Failed with exit code 2: the command line asks for something that
    /// does not exist or cannot be done.
    pub fn usage_failure(self) -> Run {
        self.fails_with(2)
    }

    /// Failed with exit code 3: a file rsr could not read or write, or a
    /// tool it runs failed.
    pub fn io_failure(self) -> Run {
        self.fails_with(3)
    }

    fn fails_with(self, code: i32) -> Run {
        assert!(
            !self.output.status.success(),
            "rsr succeeded but should have failed:\n{}",
            self.stderr()
        );
        assert_eq!(
            self.output.status.code(),
            Some(code),
            "rsr should have failed with exit code {code}:\n{}",
            self.stderr()
        );
        self
    }
}

/// Copies the tree `from` into `to`, over what is there; a symbolic link is
/// copied as a link, not as what it leads to.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        copy_entry(&entry, &to.join(entry.path().strip_prefix(from).unwrap()));
    }
}

fn copy_entry(entry: &walkdir::DirEntry, target: &Path) {
    let kind = entry.file_type();
    if kind.is_dir() {
        std::fs::create_dir_all(target).unwrap();
    } else if kind.is_symlink() {
        if target.symlink_metadata().is_ok() {
            std::fs::remove_file(target).unwrap();
        }
        let link = std::fs::read_link(entry.path()).unwrap();
        std::os::unix::fs::symlink(link, target).unwrap();
    } else {
        std::fs::copy(entry.path(), target).unwrap();
    }
}

/// The repository every case of tests/bad/ is laid over.
pub const BAD_CASE_BASE: &str = "tests/good/minimal";

/// The folders of tests/bad/, one case each, sorted by name.
pub fn bad_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(examples().join("tests/bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    cases
}

/// Writes into `to` the repository that the bad-input case `case` stands
/// for. A case holds only what sets it apart from tests/good/minimal:
///
/// - `expected.txt`: the messages `rsr check` must print, one per line
///   (the first names the case's rule);
///   not part of the repository;
/// - every other file, at its path in the repository, is laid over a copy
///   of tests/good/minimal, replacing the file there or adding one (a
///   symbolic link stays a link); a file equal byte for byte to the base's
///   is refused, so that a change to the base reaches every case;
/// - `removed.txt`, if there is one: paths relative to the repository, one
///   a line, that the case deletes from the base (such as the base's
///   `justering.lock`, or its `body.yaml`); a path the base lacks is refused.
///   Blank lines and lines starting with `#` are skipped.
pub fn materialise(case: &Path, to: &Path) {
    let base = examples().join(BAD_CASE_BASE);
    let name = case.display();
    copy_dir(&base, to);
    let removed: Vec<PathBuf> = match std::fs::read_to_string(case.join("removed.txt")) {
        Ok(text) => text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(PathBuf::from)
            .collect(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(error) => panic!("{name}/removed.txt: {error}"),
    };
    for path in &removed {
        assert!(
            path.components()
                .all(|c| matches!(c, std::path::Component::Normal(_))),
            "{name}/removed.txt: {} is not a plain relative path",
            path.display()
        );
        let target = to.join(path);
        let kind = target.symlink_metadata().unwrap_or_else(|_| {
            panic!(
                "{name}/removed.txt names {}, which {BAD_CASE_BASE} does not have",
                path.display()
            )
        });
        if kind.is_dir() {
            std::fs::remove_dir_all(&target).unwrap();
        } else {
            std::fs::remove_file(&target).unwrap();
        }
    }
    for entry in walkdir::WalkDir::new(case).min_depth(1) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(case).unwrap();
        if relative == Path::new("expected.txt") || relative == Path::new("removed.txt") {
            continue;
        }
        assert!(
            !removed.iter().any(|path| relative.starts_with(path)),
            "{name}: {} is both in removed.txt and a file of the case",
            relative.display()
        );
        let in_base = base.join(relative);
        if entry.file_type().is_file() && in_base.symlink_metadata().is_ok_and(|m| m.is_file()) {
            assert!(
                std::fs::read(entry.path()).unwrap() != std::fs::read(&in_base).unwrap(),
                "{name}: {} is the same as {BAD_CASE_BASE}'s: delete it from the case",
                relative.display()
            );
        }
        copy_entry(&entry, &to.join(relative));
    }
}

/// The text of a PDF (or one page of it) by poppler's pdftotext, in the
/// order it was written (the logical order, not the columns' positions), with
/// runs of whitespace collapsed so that checks do not depend on line breaks.
pub fn pdf_text(path: &Path, page: Option<usize>) -> String {
    conformance::assert_pdf(path);
    let mut command = Command::new("pdftotext");
    command.arg("-raw");
    if let Some(page) = page {
        command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let output = command
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian package poppler-utils) is needed to read the PDFs back");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    normalize(&String::from_utf8_lossy(&output.stdout))
}

pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that each needle occurs in `text`, each after the previous one.
pub fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => {
                let found_earlier = text.contains(needle);
                panic!(
                    "expected {needle:?} after position {from} ({}); text:\n{text}",
                    if found_earlier {
                        "it occurs only earlier"
                    } else {
                        "it does not occur at all"
                    }
                );
            }
        }
    }
}

/// What pdfinfo says of a PDF: "Title: …", "Keywords: …", "Pages: …".
pub fn pdf_info(path: &Path) -> String {
    conformance::assert_pdf(path);
    let output = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo (poppler-utils)");
    assert!(
        output.status.success(),
        "pdfinfo failed on {}",
        path.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The number of pages, read from pdfinfo.
pub fn page_count(path: &Path) -> usize {
    pdf_info(path)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// The PDF's bytes with its streams uncompressed and its objects each on
/// their own (`qpdf --qdf`), without the cross-reference table: its byte
/// offsets are no content, and a word of digits ("1948") could match one.
pub fn uncompressed(path: &Path) -> Vec<u8> {
    conformance::assert_pdf(path);
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.pdf");
    let status = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(path)
        .arg(&plain)
        .status()
        .expect("qpdf runs (apt-get install qpdf)");
    assert!(
        status.code() == Some(0) || status.code() == Some(3),
        "qpdf failed on {}",
        path.display()
    );
    let mut bytes = std::fs::read(&plain).unwrap();
    let find = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).rposition(|w| w == what);
    if let (Some(start), Some(end)) = (find(&bytes, b"\nxref\n"), find(&bytes, b"\ntrailer"))
        && start < end
    {
        bytes.drain(start..end);
    }
    bytes
}

/// Whether `word` appears anywhere in the PDF's bytes once its streams are
/// uncompressed (`qpdf --qdf`): as UTF-8, as UTF-16BE, or as a hex string of
/// UTF-16BE, the forms a PDF text string (title, bookmark, tag, alt text,
/// actual text, metadata) can take. Page text is glyph ids, which
/// `pdftotext` turns back into text; check that separately.
pub fn bytes_contain(path: &Path, word: &str) -> bool {
    let bytes = uncompressed(path);
    let utf16: Vec<u8> = word.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let hex: String = utf16.iter().map(|b| format!("{b:02x}")).collect();
    let forms = [
        word.as_bytes().to_vec(),
        utf16.clone(),
        hex.clone().into_bytes(),
        hex.to_uppercase().into_bytes(),
    ];
    forms.iter().any(|form| {
        bytes
            .windows(form.len())
            .any(|window| window == form.as_slice())
    })
}

/// The structure element types of a tagged PDF (`H2`, `P`, `Figure` …) in
/// document order, each with its `/Alt` text if it has one: what a screen
/// reader walks.
pub fn structure(path: &Path) -> Vec<(String, Option<String>)> {
    use lopdf::Object;
    let document = lopdf::Document::load(path).expect("a PDF lopdf reads");
    let resolve = |object: &Object| -> Option<Object> {
        match object {
            Object::Reference(id) => document.get_object(*id).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    let root = document
        .catalog()
        .ok()
        .and_then(|catalog| catalog.get(b"StructTreeRoot").ok())
        .and_then(resolve)
        .expect("a structure tree");
    let mut found = Vec::new();
    let mut pending = vec![root];
    // Depth first, in order: children are pushed in reverse.
    while let Some(object) = pending.pop() {
        match object {
            Object::Dictionary(element) => {
                if let Ok(Object::Name(kind)) = element.get(b"S") {
                    let alt = element.get(b"Alt").ok().and_then(|alt| match alt {
                        Object::String(bytes, _) => Some(decode_text(bytes)),
                        _ => None,
                    });
                    found.push((String::from_utf8_lossy(kind).into_owned(), alt));
                }
                if let Ok(kids) = element.get(b"K")
                    && let Some(kids) = resolve(kids)
                {
                    pending.push(kids);
                }
            }
            Object::Array(kids) => {
                pending.extend(kids.iter().rev().filter_map(resolve));
            }
            _ => {}
        }
    }
    found
}

/// A PDF text string: UTF-16BE with its byte-order mark, or PDFDocEncoding
/// (read as Latin-1, which it matches for the letters used here).
fn decode_text(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// rsr as the tests run it: in English, whatever the machine's locale, so
/// that the tests can assert its English messages; the Swedish ones are
/// tested with `LANG=sv_SE.UTF-8` set on purpose (tests/integration/lang.rs).
pub fn rsr_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rsr"));
    command
        .env("LANG", "en_GB.UTF-8")
        .env("SOURCE_DATE_EPOCH", epoch(TODAY))
        // A build that finds nothing changed since the last builds all the
        // same, and fails unless it made the same (output::inventory).
        .env("RSR_VERIFY_INVENTORY", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// `rsr_command`, trusting what out/ records as a user's rsr does (not
/// verifying it by building all the same).
pub fn rsr_trusting_command() -> Command {
    let mut command = rsr_command();
    command.env_remove("RSR_VERIFY_INVENTORY");
    command
}

/// The day the tests run rsr as (`SOURCE_DATE_EPOCH`, which a test may set
/// otherwise): what depends on the day (the coming meetings, the
/// anslagstavla, overdue uppdrag and motions) then stays as the tests
/// expect whenever they run.
pub const TODAY: &str = "2026-12-04";

/// `SOURCE_DATE_EPOCH` for noon (UTC) on a day given as YYYY-MM-DD: the
/// day the site is built as.
pub fn epoch(day: &str) -> String {
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    let noon = date.and_hms_opt(12, 0, 0).unwrap().and_utc();
    noon.timestamp().to_string()
}

/// The typesetting worker processes running now, by their folders in
/// Linux's /proc (none elsewhere): rsr started with its worker argument.
pub fn typesetting_workers() -> Vec<PathBuf> {
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    processes
        .filter_map(Result::ok)
        .map(|process| process.path())
        .filter(|path| {
            std::fs::read(path.join("cmdline")).is_ok_and(|cmdline| {
                cmdline
                    .split(|&b| b == 0)
                    .any(|arg| arg == b"__rsr-typeset-worker")
            })
        })
        .collect()
}
