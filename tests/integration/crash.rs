//! Repository writes survive a kill at any moment (issue 18, point 7):
//! `rsr justera` and `rsr new` write whole files by rename, in an order
//! that leaves a state `rsr check` reads and the same command completes,
//! and the next run removes what a killed one left behind.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, SystemTime};

use crate::support::Repo;

const MEETING: &str = "meetings/kn/2026-03-02";

/// The findings of `rsr check --format json` as (rule, file).
fn findings(repo: &Repo) -> Vec<(String, String)> {
    let run = crate::support::rsr_command()
        .args(["check", "--format", "json"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Runs rsr in `repo` and kills it after `delay`.
fn killed(repo: &Repo, args: &[&str], delay: u64) {
    let mut child = crate::support::rsr_command()
        .args(args)
        .current_dir(repo.path())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(delay));
    let _ = child.kill();
    child.wait().unwrap();
}

/// The names in `dir` that start with `.rsr-`: what a killed run left.
fn debris(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".rsr-"))
        .collect()
}

/// Makes every `.rsr-…` entry of `dir` look two minutes old.
fn age(dir: &Path) {
    let then = SystemTime::now() - Duration::from_secs(120);
    for name in debris(dir) {
        let file = std::fs::File::open(dir.join(name)).unwrap();
        file.set_modified(then).unwrap();
    }
}

#[test]
fn justera_killed_at_any_moment_leaves_whole_files_that_a_second_run_completes() {
    for delay in [0, 5, 10, 20, 40, 80, 160, 320] {
        let repo = Repo::minimal_held();
        killed(&repo, &["justera", "kn", "2026-03-02"], delay);
        // Every file reads: each is the old one or the new one, whole.
        let found = findings(&repo);
        assert!(
            found.iter().all(|(rule, _)| rule != "yaml-syntax"),
            "killed after {delay} ms: {found:?}"
        );
        let status = repo.read(&format!("{MEETING}/meeting.yaml"));
        assert!(
            status.contains("status: genomförd\n") || status.contains("status: justerad\n"),
            "killed after {delay} ms:\n{status}"
        );
        // Held, sealed, or justerad without its lock, which check reports
        // and a second run mends.
        let lock = repo.path().join(MEETING).join("justering.lock");
        if status.contains("status: justerad\n") && !lock.exists() {
            assert!(found.iter().any(|(rule, _)| rule == "adjusted-unsealed"));
        }
        age(&repo.path().join(MEETING));
        repo.rsr(&["justera", "kn", "2026-03-02"]).success();
        repo.rsr(&["check"]).success();
        assert!(
            repo.read(&format!("{MEETING}/justering.lock"))
                .contains("\nutskrift:\n"),
            "killed after {delay} ms"
        );
        assert_eq!(debris(&repo.path().join(MEETING)), Vec::<String>::new());
    }
}

#[test]
fn new_killed_at_any_moment_leaves_no_half_meeting_and_its_debris_is_removed() {
    let folder = "meetings/kn/2026-09-07";
    for delay in [0, 2, 5, 10, 20, 40] {
        let repo = Repo::minimal();
        let new = [
            "new",
            "meeting",
            "kn",
            "2026-09-07",
            "--place",
            "Sal A",
            "--start",
            "09:00",
        ];
        killed(&repo, &new, delay);
        // The meeting is there whole, or not at all.
        let dir = repo.path().join(folder);
        if dir.exists() {
            let names: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(Result::ok)
                .collect();
            assert!(names.len() >= 2, "killed after {delay} ms: {names:?}");
        }
        let found = findings(&repo);
        assert!(
            found
                .iter()
                .all(|(rule, _)| rule != "yaml-syntax" && rule != "missing-file"),
            "killed after {delay} ms: {found:?}"
        );
        // A second run makes it, or finds it made; what the first left is
        // gone after a run once it is a minute old.
        age(&repo.path().join("meetings/kn"));
        if dir.exists() {
            repo.rsr(&new).usage_failure();
            repo.rsr(&["new", "item", "kn", "2026-09-07", "Budget"])
                .success();
            repo.rsr(&[
                "new",
                "meeting",
                "kn",
                "2026-09-14",
                "--place",
                "Sal A",
                "--start",
                "09:00",
            ])
            .success();
        } else {
            repo.rsr(&new).success();
        }
        assert_eq!(
            debris(&repo.path().join("meetings/kn")),
            Vec::<String>::new()
        );
        repo.rsr(&["check"]).success();
    }
}
