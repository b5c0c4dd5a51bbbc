//! No panics and no hangs on any input: the example repository's YAML files
//! and the bad-input corpus, mutated at random (truncated, bytes flipped,
//! lines duplicated, dropped or indented, BOMs, NUL bytes, right-to-left
//! overrides, huge numbers, deep nesting, aliases, a file replaced by a link
//! to a device, a FIFO or outside), are loaded, checked and,
//! when they pass, turned into every document's data, in process. Each case
//! must end in diagnostics or data within a few seconds, and every finding
//! must name a file or folder that exists, at a line and column within it
//! (issue 17: a mutated file read again with its broken entries taken out
//! must still report at the places the secretary wrote). The number of cases
//! is `PROPTEST_CASES` (256 unless set); `fuzz/` holds a cargo-fuzz target
//! for longer runs.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::support::{bad_cases, copy_dir, examples, materialise};

/// The YAML files a mutation may hit, relative to the repository root; not
/// a symbolic link, which would write through it (a case links to /etc/hosts).
fn targets(root: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .map(|e| e.path().strip_prefix(root).unwrap().to_path_buf())
        .collect();
    found.sort();
    found
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip {
        at: usize,
        byte: u8,
    },
    Insert {
        at: usize,
        text: &'static str,
    },
    /// A run of one character longer than a PDF string holds (a title of
    /// 40,000 letters, or one word of them).
    InsertLong {
        at: usize,
        spaced: bool,
    },
    DuplicateLine(usize),
    DropLine(usize),
    IndentLine(usize),
}

/// Texts that have broken parsers: encodings, controls, numbers, nesting.
const INSERTS: &[&str] = &[
    "\u{feff}",
    "\0",
    "\u{202e}",
    "\u{2066}",
    "\r",
    "\t",
    ": ",
    "- ",
    "---\n",
    "...\n",
    "#",
    "&a ",
    "*a",
    "!!binary ",
    "? ",
    "|",
    ">-\n",
    "'",
    "\"",
    "{",
    "[",
    "99999999999999999999999999999",
    "-1",
    "4294967296",
    "18446744073709551616",
    "1e400",
    ".nan",
    "2026-02-30",
    "24:00",
    "00:00",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: 1}}}}}}}}}}}}}}}}}",
    "x: &x [*x]",
    "första_paragraf: 4294967295\n",
    "status: justerad\n",
    "status: genomförd\n",
    "status: planerad\n",
    "omedelbar_justering: true\n",
    "sekretess: {grund: OSL 1 kap.}\n",
    "jäv: [anna.ordf]\n",
    "tid: \"23:59\"\n",
    "slut: \"00:01\"\n",
    "rubrk: x\n",
    "form: Fysiskt\n",
    "start: \"12:60\"\n",
    "justerare: [yes, no, \"\"]\n",
    "  - beslutt: x\n",
    "beslutsunderlag: [{titel: x, fill: y}]\n",
    "#read(\"/etc/passwd\")",
    "<script>alert(1)</script>",
    // Control characters a terminal or an XML feed acts on, and
    // noncharacters (issue 18, point 4).
    "\u{1b}[2J",
    "\u{1b}]0;x\u{7}",
    "\u{7}",
    "\u{c}",
    "\u{85}",
    "\u{9b}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{200d}",
    // Scripts beside Latin, and what no shipped font has.
    "مرحبا بكم",
    "שלום",
    "ሰላም",
    "สวัสดี",
    "中文字符",
    "👍🏽👨\u{200d}👩\u{200d}👧",
    "\u{10ffff}",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (any::<usize>(), 0..INSERTS.len()).prop_map(|(at, n)| Mutation::Insert {
            at,
            text: INSERTS[n]
        }),
        (any::<usize>(), any::<bool>())
            .prop_map(|(at, spaced)| Mutation::InsertLong { at, spaced }),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::DropLine),
        any::<usize>().prop_map(Mutation::IndentLine),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    let lines = |bytes: &[u8]| -> Vec<Vec<u8>> {
        bytes
            .split_inclusive(|b| *b == b'\n')
            .map(<[u8]>::to_vec)
            .collect()
    };
    match *mutation {
        Mutation::Truncate(at) => bytes.truncate(at % len),
        Mutation::Flip { at, byte } => {
            if !bytes.is_empty() {
                bytes[at % len] ^= byte | 1;
            }
        }
        Mutation::Insert { at, text } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, text.bytes());
        }
        Mutation::InsertLong { at, spaced } => {
            let at = at % (bytes.len() + 1);
            let unit: &[u8] = if spaced { b"ord " } else { b"x" };
            let long = unit.repeat(40_000 / unit.len());
            bytes.splice(at..at, long);
        }
        Mutation::DuplicateLine(n) | Mutation::DropLine(n) | Mutation::IndentLine(n) => {
            let mut all = lines(bytes);
            if all.is_empty() {
                return;
            }
            let n = n % all.len();
            match mutation {
                Mutation::DuplicateLine(_) => all.insert(n, all[n].clone()),
                Mutation::DropLine(_) => {
                    all.remove(n);
                }
                _ => {
                    all[n].splice(0..0, *b"  ");
                }
            }
            *bytes = all.concat();
        }
    }
}

/// Loads and checks `root`, and makes every document's data when it
/// passes; fails on a panic or when it takes longer than a few seconds.
fn survives(root: PathBuf) -> Result<(), TestCaseError> {
    let (done, wait) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(|| {
            let checked = rsr::check::check_loaded(rsr::repo::load::load(&root));
            for diagnostic in &checked.diagnostics {
                located_within(&root, diagnostic);
            }
            // A field is missing from a mapping once, however often the
            // file is read again around it: never two findings of one
            // missing field at one place. (Each mapping that lacks it is
            // its own place: a line duplicated twice makes three.)
            let mut missing = std::collections::BTreeMap::new();
            for d in checked
                .diagnostics
                .iter()
                .filter(|d| d.rule == "missing-field")
            {
                *missing
                    .entry((&d.loc.file, d.loc.line, d.loc.column, &d.message))
                    .or_insert(0) += 1;
            }
            assert!(
                missing.values().all(|count| *count == 1),
                "a missing field reported again at one place: {missing:?}"
            );
            if let (Some(repository), 0) = (&checked.repository, checked.errors()) {
                let documents = rsr::docs::documents(repository, &rsr::docs::Filter::default());
                assert!(!documents.is_empty() || repository.bodies.is_empty());
            }
            // The reporter reads the files again to show snippets.
            let mut out = codespan_reporting::term::termcolor::Buffer::no_color();
            rsr::check::output::emit_all(&root, &checked.diagnostics, &mut out).unwrap();
        });
        let _ = done.send(outcome.is_ok());
    });
    match wait.recv_timeout(Duration::from_secs(10)) {
        Ok(true) => Ok(()),
        Ok(false) => Err(TestCaseError::fail("panicked (see the message above)")),
        Err(_) => Err(TestCaseError::fail("did not finish within 10 s")),
    }
}

/// Panics unless `diagnostic` names a file or folder under `root` and, in
/// a file, a line of it and a column of that line (one past its last
/// character at most: the end of a line or of the file).
fn located_within(root: &Path, diagnostic: &rsr::error::Diagnostic) {
    let at = &diagnostic.loc;
    let path = root.join(&at.file);
    let shown = || {
        format!(
            "{}:{}:{} [{}] {}",
            at.file.display(),
            at.line,
            at.column,
            diagnostic.rule,
            diagnostic.message
        )
    };
    // A missing file is named where it belongs, in a folder that exists.
    let named = if diagnostic.rule == "missing-file" && path.symlink_metadata().is_err() {
        path.parent().unwrap_or(root).to_path_buf()
    } else {
        path.clone()
    };
    assert!(
        at.file.is_relative() && named.symlink_metadata().is_ok(),
        "a finding names a file that is not in the repository: {}",
        shown()
    );
    assert!(
        at.line >= 1 && at.column >= 1,
        "a finding at line or column 0: {}",
        shown()
    );
    if path.is_dir() || !path.is_file() {
        assert_eq!((at.line, at.column), (1, 1), "{}", shown());
        return;
    }
    let bytes = std::fs::read(&path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    // Lines as YAML counts them: a lone carriage return breaks a line too.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let line = usize::try_from(at.line).unwrap();
    assert!(
        line <= lines.len(),
        "a finding past the file's {} lines: {}",
        lines.len(),
        shown()
    );
    let width = lines[line - 1].chars().count() + 1;
    assert!(
        usize::try_from(at.column).unwrap() <= width.max(1),
        "a finding past the end of its line ({width} columns): {}",
        shown()
    );
}

/// Copies of the examples and of each bad-input case, the seeds.
fn seeds(dir: &Path) -> Vec<PathBuf> {
    let mut seeds = Vec::new();
    let examples_copy = dir.join("examples");
    std::fs::create_dir_all(&examples_copy).unwrap();
    std::fs::copy(examples().join("rsr.yaml"), examples_copy.join("rsr.yaml")).unwrap();
    copy_dir(
        &examples().join("meetings"),
        &examples_copy.join("meetings"),
    );
    seeds.push(examples_copy);
    for case in bad_cases() {
        let copy = dir.join(case.file_name().unwrap());
        materialise(&case, &copy);
        seeds.push(copy);
    }
    seeds
}

#[test]
fn mutated_repositories_give_diagnostics_never_a_panic_or_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds(dir.path());
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..seeds.len(),
        any::<prop::sample::Index>(),
        prop::collection::vec(mutation(), 1..6),
    );
    let result = runner.run(&strategy, |(seed, file, mutations)| {
        let root = &seeds[seed];
        let files = targets(root);
        let target = root.join(file.get(&files));
        let original = std::fs::read(&target).unwrap();
        let mut bytes = original.clone();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        std::fs::write(&target, &bytes).unwrap();
        let outcome = survives(root.clone());
        std::fs::write(&target, &original).unwrap();
        outcome
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

/// What a file of the repository may be replaced by: a symbolic link to a
/// device, a file outside, a file of another meeting, a FIFO, nothing, a
/// folder, or itself.
const LINKS: &[&str] = &[
    "/dev/zero",
    "/dev/urandom",
    "/etc/hosts",
    "../../../rsr.yaml",
    "fifo",
    "/nonexistent/rsr",
    "..",
    "self",
];

/// Each YAML file of a seed replaced by a symbolic link to something it
/// should not be (issue 18, points 5 and 6): loading and checking end in
/// diagnostics, never a panic, a hang on a device or FIFO, or a read past
/// the limits.
#[cfg(unix)]
#[test]
fn linked_files_give_diagnostics_never_a_panic_or_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds(dir.path());
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256u32)
        / 4;
    let mut runner = TestRunner::new(Config {
        cases: cases.max(16),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (0..seeds.len(), any::<prop::sample::Index>(), 0..LINKS.len());
    let result = runner.run(&strategy, |(seed, file, link)| {
        let root = &seeds[seed];
        let files = targets(root);
        let target = root.join(file.get(&files));
        let original = std::fs::read(&target).unwrap();
        let to = match LINKS[link] {
            "fifo" => fifo.clone(),
            "self" => target.clone(),
            other => PathBuf::from(other),
        };
        std::fs::remove_file(&target).unwrap();
        std::os::unix::fs::symlink(&to, &target).unwrap();
        let outcome = survives(root.clone());
        std::fs::remove_file(&target).unwrap();
        std::fs::write(&target, &original).unwrap();
        outcome
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}
