//! Hardening: the repository is the sandbox, limits stop what would not end,
//! and a build that fails, is killed or runs beside another leaves every
//! PDF in out/ whole.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::Repo;

/// A secret beside the repository, never inside it.
struct Secret {
    dir: tempfile::TempDir,
}

const SECRET: &str = "HEMLIGT-LOSENORD-4711";

impl Secret {
    fn new(name: &str, text: &str) -> Secret {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), text).unwrap();
        Secret { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// Every PDF under out/, relative to it.
fn pdfs(repo: &Repo) -> Vec<PathBuf> {
    let out = repo.path().join("out");
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| e.path().strip_prefix(&out).unwrap().to_path_buf())
        .collect();
    found.sort();
    found
}

/// Files a build writes under a temporary name, left in out/.
fn leftovers(repo: &Repo) -> Vec<String> {
    walkdir::WalkDir::new(repo.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".rsr-"))
        .collect()
}

/// Every PDF under out/ with its bytes.
fn contents(repo: &Repo) -> Vec<(PathBuf, Vec<u8>)> {
    pdfs(repo)
        .into_iter()
        .map(|p| {
            let bytes = repo.bytes(&format!("out/{}", p.display()));
            (p, bytes)
        })
        .collect()
}

/// Every PDF is as it was, and no temporary file was left beside them.
fn assert_unchanged(repo: &Repo, before: &[(PathBuf, Vec<u8>)]) {
    for (path, bytes) in before {
        assert!(
            &repo.bytes(&format!("out/{}", path.display())) == bytes,
            "{} changed",
            path.display()
        );
    }
    assert_eq!(leftovers(repo), Vec::<String>::new());
}

/// Whether qpdf finds the PDF whole and well-formed.
fn whole(path: &Path) -> bool {
    Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("qpdf")
        .success()
}

#[test]
fn an_item_file_linked_to_outside_the_repository_is_refused_unread() {
    let repo = Repo::examples();
    let secret = Secret::new("item.yaml", &format!("rubrik: {SECRET}\n"));
    symlink(
        &secret.path("item.yaml"),
        &repo.path().join("meetings/rlg/2025-11-17/09-hemligt.yaml"),
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(stderr.contains("error[outside-repository]"), "{stderr}");
    assert!(
        stderr.contains("meetings/rlg/2025-11-17/09-hemligt.yaml"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET), "{stderr}");
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(!stderr.contains(SECRET), "{stderr}");
    assert!(pdfs(&repo).is_empty());
}

#[test]
fn an_attachment_linked_to_outside_the_repository_is_refused() {
    let repo = Repo::examples();
    let secret = Secret::new("secret.pdf", &format!("%PDF-1.7 {SECRET}"));
    symlink(
        &secret.path("secret.pdf"),
        &repo.path().join("meetings/rsr/2026-01-26/bilaga.pdf"),
    );
    repo.edit(
        "meetings/rsr/2026-01-26/03-totalforsvar.yaml",
        "  - Tjänsteskrivelse om försörjningsberedskap",
        "  - {titel: Tjänsteskrivelse, fil: bilaga.pdf, bifogas: true}",
    );
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(
        stderr.contains("error[document-outside-meeting]: the file `bilaga.pdf` is a symbolic link that leads out of the meeting folder"),
        "{stderr}"
    );
    repo.rsr(&["build"]).failure();
    assert!(pdfs(&repo).is_empty());
}

#[test]
fn a_template_linked_to_outside_the_repository_is_refused_unread() {
    let repo = Repo::examples();
    let secret = Secret::new("kallelse.typ", SECRET);
    std::fs::create_dir_all(repo.path().join("templates")).unwrap();
    symlink(
        &secret.path("kallelse.typ"),
        &repo.path().join("templates/kallelse.typ"),
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(
        stderr.contains(
            "cannot read the template templates/kallelse.typ: it is outside the repository"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET), "{stderr}");
    assert!(pdfs(&repo).is_empty());
}

#[test]
fn a_template_reads_nothing_but_its_data_and_the_meetings_attachments() {
    let secret = Secret::new("secret.txt", SECRET);
    let outside = secret.path("secret.txt");
    let attempts = [
        format!("#read(\"{}\")", outside.display()),
        "#read(\"/etc/passwd\")".to_string(),
        "#read(\"../rsr.yaml\")".to_string(),
        "#read(\"../../../../../../../../etc/hostname\")".to_string(),
        "#image(\"/etc/passwd\")".to_string(),
        "#import \"/meetings/rlg/body.yaml\": *".to_string(),
        "#json(\"/rsr.yaml\")".to_string(),
    ];
    for attempt in attempts {
        let repo = Repo::examples();
        repo.write(
            "templates/kallelse.typ",
            &format!("#let data = json(\"/data.json\")\n{attempt}\n"),
        );
        let stderr = repo.rsr(&["build"]).failure().stderr();
        assert!(
            stderr.contains("file not found") || stderr.contains("would escape the project root"),
            "{attempt}: {stderr}"
        );
        for leak in [SECRET, "root:x:0:0", "organisation: Regionen"] {
            assert!(!stderr.contains(leak), "{attempt} leaked {leak}: {stderr}");
        }
        assert!(pdfs(&repo).is_empty(), "{attempt}");
    }
}

#[test]
fn a_template_that_does_not_end_fails_at_the_time_limit() {
    let repo = Repo::examples();
    let organisation = repo.read("rsr.yaml");
    repo.write(
        "rsr.yaml",
        &format!("{organisation}gränser:\n  sekunder_per_dokument: 1\n"),
    );
    // Ten billion turns: Typst caps `while` loops, not `for` loops.
    repo.write(
        "templates/kallelse.typ",
        "#for i in range(100000) { for j in range(100000) { } }\n",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(stderr.contains("kallelse.pdf"), "{stderr}");
    assert!(
        stderr.contains("typesetting took longer than 1 s, the limit (`gränser: {sekunder_per_dokument: …}` in rsr.yaml)"),
        "{stderr}"
    );
    assert!(pdfs(&repo).is_empty());
    // The worker that looped was killed, not left spinning after rsr.
    assert_eq!(workers_in(repo.path()), 0);
}

/// How many typesetting worker processes run in `dir` (Linux's /proc; 0
/// elsewhere).
pub fn workers_in(dir: &std::path::Path) -> usize {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    crate::support::typesetting_workers()
        .iter()
        .filter(|process| std::fs::read_link(process.join("cwd")).is_ok_and(|cwd| cwd == dir))
        .count()
}

// The ceiling is RLIMIT_AS, which Linux enforces (macOS does not).
#[cfg(target_os = "linux")]
#[test]
fn a_template_that_grows_without_end_fails_at_the_memory_limit() {
    let repo = Repo::examples();
    let organisation = repo.read("rsr.yaml");
    repo.write(
        "rsr.yaml",
        &format!("{organisation}gränser:\n  megabyte_per_dokument: 384\n"),
    );
    // Sixty million pairs: gigabytes, as a loop that builds a value does.
    repo.write(
        "templates/kallelse.typ",
        "#let big = range(60000000).map(i => (i, str(i)))\n#big.len()\n",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(stderr.contains("kallelse.pdf"), "{stderr}");
    assert!(
        stderr.contains("typesetting needed more memory than 384 MB, the limit (`gränser: {megabyte_per_dokument: …}` in rsr.yaml)"),
        "{stderr}"
    );
    assert!(pdfs(&repo).is_empty());
    assert_eq!(workers_in(repo.path()), 0);

    // Without the template, the same repository builds under the ceiling.
    std::fs::remove_file(repo.path().join("templates/kallelse.typ")).unwrap();
    repo.rsr(&["build"]).success();
}

#[test]
fn a_killed_build_leaves_no_worker_behind() {
    let repo = Repo::examples();
    repo.write(
        "templates/kallelse.typ",
        "#for i in range(100000) { for j in range(100000) { } }\n",
    );
    let mut build = crate::support::rsr_command()
        .args(["build"])
        .current_dir(repo.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while workers_in(repo.path()) == 0 && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(workers_in(repo.path()) > 0, "no worker started");
    build.kill().unwrap();
    build.wait().unwrap();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while workers_in(repo.path()) > 0 && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(workers_in(repo.path()), 0, "a worker outlived its build");
}

#[test]
fn a_file_that_cannot_be_written_leaves_the_previous_pdfs_whole() {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let before = contents(&repo);
    repo.edit(
        "meetings/rsr/2026-01-26/03-totalforsvar.yaml",
        "  - Tjänsteskrivelse om försörjningsberedskap",
        "  - Tjänsteskrivelse om beredskap",
    );
    // A full disk, as far as rsr can tell: every write beyond 8 kB fails
    // with "File too large" (the signal that would end rsr is ignored).
    let output = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" build")
        .arg(env!("CARGO_BIN_EXE_rsr"))
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .current_dir(repo.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // A file that cannot be written: exit code 3.
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(stderr.contains("out/"), "{stderr}");
    assert_unchanged(&repo, &before);
}

#[test]
fn an_output_folder_that_is_a_file_is_a_clear_error() {
    let repo = Repo::examples();
    repo.write("out", "not a folder");
    let stderr = repo.rsr(&["build"]).usage_failure().stderr();
    assert!(
        stderr.contains("out is a file, not a folder: name another output folder with --out"),
        "{stderr}"
    );
    assert_eq!(repo.read("out"), "not a folder");
}

#[test]
fn an_item_that_is_a_broken_link_or_a_folder_is_reported_not_skipped() {
    let repo = Repo::examples();
    symlink(
        &repo.path().join("meetings/rlg/2025-11-17/nowhere.yaml"),
        &repo.path().join("meetings/rlg/2025-11-17/09-borta.yaml"),
    );
    std::fs::create_dir(repo.path().join("meetings/rlg/2025-11-17/10-mapp.yaml")).unwrap();
    let fifo = repo.path().join("meetings/rlg/2025-11-17/11-fifo.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let stderr = repo.rsr(&["check"]).failure().stderr();
    for (name, what) in [
        ("09-borta.yaml", "a symbolic link to nothing"),
        ("10-mapp.yaml", "it is a folder"),
        ("11-fifo.yaml", "it is a FIFO, a device or a socket"),
    ] {
        assert!(
            stderr.contains(&format!(
                "error[missing-file]: meetings/rlg/2025-11-17/{name} is not a file that can be read ({what})"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn a_name_that_is_not_utf8_is_reported() {
    use std::os::unix::ffi::OsStrExt;
    let repo = Repo::examples();
    let name = std::ffi::OsStr::from_bytes(b"09-\xff\xfe.yaml");
    std::fs::write(
        repo.path().join("meetings/rlg/2025-11-17").join(name),
        "rubrik: X\n",
    )
    .unwrap();
    let stderr = repo.rsr(&["check"]).failure().stderr();
    assert!(stderr.contains("error[file-name]"), "{stderr}");
    assert!(stderr.contains("is not UTF-8 text"), "{stderr}");
}

#[test]
fn a_second_build_waits_for_the_first_and_both_leave_whole_pdfs() {
    let repo = Repo::examples();
    // Hold the lock as a running build would.
    std::fs::create_dir_all(repo.path().join("out")).unwrap();
    let lock = std::fs::File::create(repo.path().join("out/.rsr.lock")).unwrap();
    lock.lock().unwrap();
    let mut waiting = crate::support::rsr_command()
        .arg("build")
        .current_dir(repo.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(waiting.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    assert!(
        first.starts_with("Another rsr build is writing to ") && first.contains("waiting"),
        "{first}"
    );
    assert!(pdfs(&repo).is_empty(), "it wrote while it waited");
    drop(lock);
    assert!(waiting.wait().unwrap().success());
    assert_eq!(pdfs(&repo).len(), 47);

    // Two at once, for real: both succeed, and what they leave is whole
    // and recorded.
    let both: Vec<_> = (0..2)
        .map(|_| {
            crate::support::rsr_command()
                .args(["build", "--force"])
                .current_dir(repo.path())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut build in both {
        assert!(build.wait().unwrap().success());
    }
    for pdf in pdfs(&repo) {
        assert!(
            whole(&repo.path().join("out").join(&pdf)),
            "{}",
            pdf.display()
        );
    }
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.starts_with("Built 0 documents"), "{stderr}");
}

#[test]
fn a_build_killed_at_any_moment_leaves_every_pdf_whole_and_the_next_repairs() {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let all = pdfs(&repo);
    for delay in [0, 15, 30, 45, 60, 80, 100, 150] {
        let mut build = crate::support::rsr_command()
            .args(["build", "--force"])
            .current_dir(repo.path())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        build.kill().unwrap();
        build.wait().unwrap();
        assert_eq!(pdfs(&repo), all, "killed after {delay} ms");
        for pdf in &all {
            assert!(
                whole(&repo.path().join("out").join(pdf)),
                "{} is not whole after a kill at {delay} ms",
                pdf.display()
            );
        }
    }
    // The next build removes what the killed one left, and after it
    // everything is known to be up to date.
    repo.rsr(&["build"]).success();
    assert_eq!(leftovers(&repo), Vec::<String>::new());
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.starts_with("Built 0 documents"), "{stderr}");
}

/// What a pull request could put in any text field: Typst markup and code,
/// HTML, a `javascript:` link (in Markdown and as it is) and an override
/// of the text's direction.
const HOSTILE: &str = "<script>alert(1)</script> #panic() $x$ @ref ]* [l](javascript:alert(2))";

/// Appends `HOSTILE` to every one-line text value of the free-text fields
/// in `file`; returns how many it changed.
fn poison(repo: &Repo, file: &str) -> usize {
    let fields = regex::Regex::new(
        r"^(\s*(?:- )?)(rubrik|offentlig_rubrik|plats|beslut|förslag_till_beslut|ärendebeskrivning|sammanfattning|synpunkter|text|yrkar|motivering|ja_för|nej_för|namn|organisation|titel): ([^'\x22|>\[{&*].*)$",
    )
    .unwrap();
    let text = repo.read(file);
    let mut changed = 0;
    let poisoned: Vec<String> = text
        .lines()
        .map(|line| match fields.captures(line) {
            Some(c) => {
                changed += 1;
                let value = format!("{} {HOSTILE} \u{202e}", &c[3]).replace('\'', "''");
                format!("{}{}: '{value}'", &c[1], &c[2])
            }
            None => line.to_string(),
        })
        .collect();
    repo.write(file, &(poisoned.join("\n") + "\n"));
    changed
}

#[test]
fn hostile_text_in_every_field_is_printed_never_run_or_linked() {
    let repo = Repo::examples();
    repo.unseal("meetings/bmn/2026-10-14");
    let mut changed = 0;
    for file in walkdir::WalkDir::new(repo.path().join("meetings/bmn"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
    {
        let relative = file.path().strip_prefix(repo.path()).unwrap();
        changed += poison(&repo, &relative.display().to_string());
    }
    changed += poison(&repo, "rsr.yaml");
    assert!(changed >= 30, "only {changed} fields poisoned");
    repo.edit(
        "rsr.yaml",
        "{namn: Jonas Wik, titel: bygglovshandläggare}",
        "{namn: 'Jonas Wik #strong[x] <b>', titel: 'javascript:alert(3)'}",
    );
    repo.reseal("meetings/bmn/2026-10-14");
    let stderr = repo.rsr(&["build", "--body", "bmn"]).success().stderr();
    assert!(!stderr.contains("panicked"), "{stderr}");

    let protokoll = repo.text("out/bmn/2026-10-14-protokoll.pdf");
    let literal = "<script>alert(1)</script> #panic() $x$ @ref ]*";
    assert!(
        protokoll.matches(literal).count() >= 10,
        "the hostile text did not print literally:\n{protokoll}"
    );
    assert!(
        protokoll.contains("Jonas Wik #strong[x] <b>"),
        "{protokoll}"
    );
    for pdf in pdfs(&repo) {
        let path = repo.path().join("out").join(&pdf);
        assert!(whole(&path), "{}", pdf.display());
        assert!(
            !links(&path).iter().any(|uri| !uri.starts_with("http")),
            "{} links {:?}",
            pdf.display(),
            links(&path)
        );
    }
    let html = repo.read("out/index.html");
    let feed = repo.read("out/feed.xml");
    for (name, page) in [("index.html", &html), ("feed.xml", &feed)] {
        assert!(!page.contains("<script>"), "{name}");
        assert!(!page.contains("<b>"), "{name}");
        assert!(!page.to_lowercase().contains("href=\"javascript"), "{name}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "{html}");
}

/// The URIs a PDF's link annotations lead to, read from its uncompressed
/// objects.
fn links(pdf: &Path) -> Vec<String> {
    let bytes = crate::support::uncompressed(pdf);
    let text = String::from_utf8_lossy(&bytes);
    text.match_indices("/URI (")
        .map(|(at, found)| {
            let rest = &text[at + found.len()..];
            rest[..rest.find(')').unwrap_or(rest.len())].to_string()
        })
        .collect()
}

/// Makes a folder read-only for as long as it lives, even to root (with
/// `chattr +i` where the file system has it, else by its permissions).
struct ReadOnly(PathBuf);

impl ReadOnly {
    /// `None` where neither works (root on a file system without `chattr`).
    fn new(dir: &Path) -> Option<ReadOnly> {
        let immutable = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !immutable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        let guard = ReadOnly(dir.to_path_buf());
        std::fs::write(dir.join("probe"), "")
            .is_err()
            .then_some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
        let _ = std::fs::remove_file(self.0.join("probe"));
    }
}

#[test]
fn a_folder_of_out_that_cannot_be_written_fails_the_build_and_changes_nothing() {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let before = contents(&repo);
    let Some(_read_only) = ReadOnly::new(&repo.path().join("out/rlg")) else {
        eprintln!("skipped: this machine cannot make a folder read-only to this user");
        return;
    };
    let stderr = repo.rsr(&["build", "--force"]).io_failure().stderr();
    assert!(stderr.contains("out/rlg"), "{stderr}");
    assert!(
        stderr.contains("Operation not permitted") || stderr.contains("Permission denied"),
        "{stderr}"
    );
    assert_unchanged(&repo, &before);
}

#[test]
fn markdown_nested_thousands_deep_is_typeset_flat_instead_of_overflowing_the_stack() {
    // Found while hardening: 5,000 nested quotes overflowed the stack of
    // whatever walked the tree.
    let repo = Repo::examples();
    let list: String = (0..300)
        .map(|n| format!("  {}- nivå {n}\n", "  ".repeat(n)))
        .collect();
    repo.write(
        "meetings/rsr/2026-01-26/09-djup.yaml",
        &format!(
            "rubrik: Djup\närendebeskrivning: '{}innerst'\nförslag_till_beslut: |\n{list}",
            "> ".repeat(5000)
        ),
    );
    repo.rsr(&["build", "--body", "rsr", "--kind", "kallelse"])
        .success();
    let text = repo.text("out/rsr/2026-01-26-kallelse.pdf");
    assert!(text.contains("innerst"), "{text}");
    assert!(text.contains("nivå 298 nivå 299"), "{text}");
}

/// A meeting of 501 items is one located finding, before anything is
/// typeset (issue 18, point 5): before, a meeting of 20,000 items took
/// gigabytes to build.
#[test]
fn a_meeting_of_more_items_than_any_agenda_holds_is_refused() {
    let repo = Repo::minimal_held();
    for n in 3..=501 {
        repo.write(
            &format!("meetings/kn/2026-03-02/{n:03}-punkt.yaml"),
            &format!("rubrik: Punkt {n}\ntyp: information\n"),
        );
    }
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(
        err.contains(
            "error[meeting-too-large]: the meeting has 501 items, more than the ceiling of 500"
        ),
        "{err}"
    );
    assert!(
        err.contains("┌─ meetings/kn/2026-03-02/meeting.yaml:1:1"),
        "{err}"
    );
    // A body cannot turn the ceiling off.
    repo.edit(
        "meetings/kn/body.yaml",
        "kortnamn: KN\n",
        "kortnamn: KN\nregler: {meeting-too-large: off}\n",
    );
    let err = repo.rsr(&["check"]).failure().stderr();
    assert!(err.contains("error[unknown-rule]"), "{err}");
    assert!(err.contains("error[meeting-too-large]"), "{err}");
}
