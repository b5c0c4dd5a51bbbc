//! The shell and the manual (issue 19, point 5): completion scripts for
//! four shells and the manual pages, from the same command tree as --help;
//! `--quiet`, `--verbose` and `--color`.

use crate::support::{Repo, rsr_command};

fn run(args: &[&str]) -> std::process::Output {
    rsr_command().args(args).output().unwrap()
}

#[test]
fn completions_cover_every_command_in_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = run(&["completions", shell]);
        assert!(output.status.success(), "{shell}: {output:?}");
        let script = String::from_utf8(output.stdout).unwrap();
        for command in ["build", "check", "init", "justera", "completions", "man"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        assert!(script.contains("organisation"), "{shell}");
    }
    // bash reads the script without a syntax error.
    let script = run(&["completions", "bash"]).stdout;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rsr.bash");
    std::fs::write(&file, script).unwrap();
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
        .unwrap();
    assert!(checked.status.success(), "{checked:?}");
    // Descriptions in the language of the run.
    let fish = String::from_utf8(run(&["--lang", "sv", "completions", "fish"]).stdout).unwrap();
    assert!(fish.contains("Starta ett sammanträdesförråd"), "{fish}");
    // Not a shell rsr knows: refused by the command line.
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_manual_has_a_page_per_command() {
    let output = run(&["man"]);
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(".TH rsr 1"), "{page}");
    assert!(page.contains(".SH NAME"), "{page}");
    assert!(page.contains("justera"), "{page}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let output = run(&["man", "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for wanted in [
        "rsr.1",
        "rsr-build.1",
        "rsr-init.1",
        "rsr-new-body.1",
        "rsr-new-meeting.1",
    ] {
        assert!(
            pages.iter().any(|p| p == wanted),
            "{wanted} missing: {pages:?}"
        );
    }
    assert!(
        !pages.iter().any(|p| p.starts_with("rsr-help")),
        "{pages:?}"
    );
    let init = std::fs::read_to_string(out.join("rsr-init.1")).unwrap();
    assert!(init.contains("\\-\\-organisation"), "{init}");
}

#[test]
fn quiet_says_nothing_but_problems_and_verbose_names_each_file() {
    let repo = Repo::minimal();
    let quiet = repo.rsr(&["build", "--quiet"]).success();
    assert_eq!(quiet.stderr(), "");
    let verbose = repo.rsr(&["build", "--verbose", "--force"]).success();
    let stderr = verbose.stderr();
    let wrote: Vec<&str> = stderr.lines().filter(|l| l.starts_with("wrote ")).collect();
    let built = walkdir::WalkDir::new(repo.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .count();
    assert!(built > 0);
    assert_eq!(wrote.len(), built, "{stderr}");
    assert!(stderr.contains("Built "), "{stderr}");
    // Errors are said whatever --quiet asks.
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "status: justerad",
        "status: justerad\nokänt: 1",
    );
    let failed = repo.rsr(&["build", "-q"]).failure();
    assert!(
        failed.stderr().contains("error[unknown-field]"),
        "{}",
        failed.stderr()
    );
    // Both at once is a usage error.
    repo.rsr(&["build", "-q", "-v"]).usage_failure();
}

#[test]
fn color_is_asked_for_or_left_out() {
    let repo = Repo::minimal();
    repo.edit(
        "meetings/kn/2026-03-02/meeting.yaml",
        "status: justerad",
        "status: justerad\nokänt: 1",
    );
    let always = repo.rsr(&["check", "--color", "always"]).failure().stderr();
    assert!(always.contains("\u{1b}["), "{always:?}");
    let never = repo.rsr(&["check", "--color", "never"]).failure().stderr();
    assert!(!never.contains('\u{1b}'), "{never:?}");
    // Into a pipe, auto is without colour.
    let auto = repo.rsr(&["check"]).failure().stderr();
    assert!(!auto.contains('\u{1b}'), "{auto:?}");
}
