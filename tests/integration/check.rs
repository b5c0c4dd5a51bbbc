//! `rsr check` as a secretary and CI meet it: the examples are clean, every
//! mistake in the bad-input corpus is found with its message, and the three
//! output formats carry the same findings.

use std::path::Path;

use crate::support::{Repo, bad_cases, examples};

fn check_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = crate::support::rsr_command()
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (
        output.status.code(),
        text(&output.stdout),
        text(&output.stderr),
    )
}

#[test]
fn the_examples_and_the_minimal_repository_are_clean() {
    for dir in [examples(), examples().join("tests/good/minimal")] {
        let (code, _, stderr) = check_in(&dir, &["--deny-warnings"]);
        assert_eq!(code, Some(0), "{}: {stderr}", dir.display());
        assert!(stderr.contains("rsr check: no problems found"), "{stderr}");
    }
}

/// Every case under tests/bad/ is tests/good/minimal with one mistake (see
/// `support::materialise`); each line of its expected.txt is part of what
/// `rsr check` must print, once.
#[test]
fn every_bad_input_case_is_reported_with_its_message() {
    let cases = bad_cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        let repo = Repo::bad_case(case);
        let (code, _, stderr) = check_in(repo.path(), &["--deny-warnings"]);
        // Once: one mistake is one finding, not one per line after it.
        // A case of several mistakes lists each on a line of its own.
        for expected in expected.lines().filter(|line| !line.is_empty()) {
            if code != Some(1) || stderr.matches(expected).count() != 1 {
                failures.push(format!(
                    "{}: exit {code:?}, expected {expected:?} in:\n{stderr}",
                    case.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Rules that no repository kept in git can break, each with why.
const RULES_WITHOUT_A_CASE: &[(&str, &str)] = &[
    (
        "signature-invalid",
        "needs a signed PDF made with a test certificate; sign.rs makes one with openssl and pyHanko",
    ),
    (
        "signature-untrusted",
        "needs a signed PDF made with a test certificate; sign.rs makes one",
    ),
    (
        "file-name",
        "a name that is not UTF-8 cannot be checked out on macOS or Windows; hardening.rs makes one at test time",
    ),
    (
        "meeting-too-large",
        "501 item files; hardening.rs writes them at test time",
    ),
    (
        "lock-commit",
        "needs a git history, which a case has not; justera.rs makes one",
    ),
    (
        "lock-removed",
        "needs a git history, which a case has not; justera.rs makes one",
    ),
    (
        "lock-rewritten",
        "needs a git history, which a case has not; justera.rs makes one",
    ),
];

/// The rule a case is about: `quorum` of `error[quorum]: only 1 of …`.
fn rule_of_case(case: &Path) -> Result<String, String> {
    let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
    let first = expected.lines().next().unwrap_or_default();
    first
        .strip_prefix("error[")
        .or_else(|| first.strip_prefix("warning["))
        .and_then(|rest| rest.split_once(']'))
        .map(|(rule, _)| rule.to_string())
        .ok_or_else(|| {
            format!(
                "{}: expected.txt does not start with error[rule] or warning[rule]: {first:?}",
                case.display()
            )
        })
}

/// Each rule `rsr check --list-rules` lists is broken by some case of
/// tests/bad/, unless it is one of the few no repository can break.
#[test]
fn every_rule_has_a_bad_input_case() {
    let (code, stdout, stderr) = check_in(&examples(), &["--list-rules"]);
    assert_eq!(code, Some(0), "{stderr}");
    let rules: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(
        rules.len() >= 40,
        "only {} rules in:\n{stdout}",
        rules.len()
    );
    let mut problems = Vec::new();
    let mut covered = std::collections::BTreeSet::new();
    for case in bad_cases() {
        match rule_of_case(&case) {
            Ok(rule) if rules.contains(&rule.as_str()) => {
                covered.insert(rule);
            }
            Ok(rule) => problems.push(format!(
                "{}: `{rule}` is not a rule of rsr check --list-rules",
                case.display()
            )),
            Err(problem) => problems.push(problem),
        }
    }
    let allowed: Vec<&str> = RULES_WITHOUT_A_CASE.iter().map(|(rule, _)| *rule).collect();
    for rule in &rules {
        if !covered.contains(*rule) && !allowed.contains(rule) {
            problems.push(format!(
                "`{rule}` has no case in tests/bad/: add one whose expected.txt starts with its error[{rule}] or warning[{rule}]"
            ));
        }
    }
    for rule in &allowed {
        if !rules.contains(rule) {
            problems.push(format!(
                "RULES_WITHOUT_A_CASE names `{rule}`, which rsr check does not list"
            ));
        }
        if covered.contains(*rule) {
            problems.push(format!(
                "`{rule}` has a case now: remove it from RULES_WITHOUT_A_CASE"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Two files, one mistake each: both reported, sorted by file, with lines.
fn two_mistakes() -> Repo {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rlg/2025-11-17/meeting.yaml",
        "justerare: [peter.jemtbring]",
        "justerare: [peter.jemtbrng]",
    );
    repo.edit(
        "meetings/rlg/2025-11-17/02-khoss.yaml",
        "synpunkter:",
        "synpunkt:",
    );
    repo
}

#[test]
fn two_mistakes_in_human_format() {
    let repo = two_mistakes();
    let (code, _, stderr) = check_in(repo.path(), &[]);
    assert_eq!(code, Some(1));
    let first = stderr
        .find("error[unknown-field]: unknown field `synpunkt`")
        .expect(&stderr);
    let second = stderr
        .find("error[unknown-person]: unknown person `peter.jemtbrng`")
        .expect(&stderr);
    assert!(first < second, "not sorted by file: {stderr}");
    assert!(
        stderr.contains("┌─ meetings/rlg/2025-11-17/02-khoss.yaml:18:1"),
        "{stderr}"
    );
    assert!(
        stderr.contains("┌─ meetings/rlg/2025-11-17/meeting.yaml:9:13"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: did you mean `synpunkter`?"),
        "{stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("rsr check: 2 errors"),
        "{stderr}"
    );
}

#[test]
fn two_mistakes_in_json_format() {
    let repo = two_mistakes();
    let (code, stdout, _) = check_in(repo.path(), &["--format", "json"]);
    assert_eq!(code, Some(1));
    let found: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 2, "{stdout}");
    assert_eq!(found[0]["rule"], "unknown-field");
    assert_eq!(found[0]["severity"], "error");
    assert_eq!(found[0]["file"], "meetings/rlg/2025-11-17/02-khoss.yaml");
    assert_eq!(
        (found[0]["line"].as_u64(), found[0]["column"].as_u64()),
        (Some(18), Some(1))
    );
    assert_eq!(found[1]["rule"], "unknown-person");
    assert_eq!(found[1]["file"], "meetings/rlg/2025-11-17/meeting.yaml");
    assert_eq!(
        (found[1]["line"].as_u64(), found[1]["column"].as_u64()),
        (Some(9), Some(13))
    );
    assert_eq!(found[1]["hint"], "did you mean `peter.jemtbring`?");
}

#[test]
fn two_mistakes_as_github_annotations() {
    let repo = two_mistakes();
    let (code, stdout, _) = check_in(repo.path(), &["--format", "github"]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("::error file=meetings/rlg/2025-11-17/02-khoss.yaml,line=18,col=1,title=rsr unknown-field::unknown field `synpunkt`%0Ahint: did you mean `synpunkter`?"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("::error file=meetings/rlg/2025-11-17/meeting.yaml,line=9,col=13,title=rsr unknown-person::unknown person `peter.jemtbrng`"),
        "{stdout}"
    );
}

#[test]
fn two_mistakes_as_a_gitlab_code_quality_report() {
    let repo = two_mistakes();
    let (code, stdout, _) = check_in(repo.path(), &["--format", "gitlab"]);
    assert_eq!(code, Some(1));
    let found: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 2, "{stdout}");
    assert_eq!(found[0]["check_name"], "rsr unknown-field");
    assert_eq!(found[0]["severity"], "major");
    assert_eq!(
        found[0]["location"]["path"],
        "meetings/rlg/2025-11-17/02-khoss.yaml"
    );
    assert_eq!(found[0]["location"]["lines"]["begin"], 18);
    assert!(
        found[0]["description"]
            .as_str()
            .unwrap()
            .starts_with("unknown field `synpunkt` (hint: did you mean `synpunkter`?"),
        "{stdout}"
    );
    assert_eq!(found[1]["location"]["lines"]["begin"], 9);
    // GitLab matches issues across pipelines by fingerprint: distinct
    // issues differ, and the same issue keeps its fingerprint.
    assert_ne!(found[0]["fingerprint"], found[1]["fingerprint"]);
    let (_, again, _) = check_in(repo.path(), &["--format", "gitlab"]);
    assert_eq!(stdout, again);
}

#[test]
fn warnings_pass_unless_denied_and_builds_show_them() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rsr/2026-01-26/03-totalforsvar.yaml",
        "beslutsunderlag:\n  - Tjänsteskrivelse om försörjningsberedskap\n",
        "",
    );
    let (code, _, stderr) = check_in(repo.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("warning[proposal-without-documents]"),
        "{stderr}"
    );
    assert!(stderr.contains("rsr check: 1 warning"), "{stderr}");
    let (code, _, _) = check_in(repo.path(), &["--deny-warnings"]);
    assert_eq!(code, Some(1));
    let run = repo.rsr(&["build"]).success();
    assert!(
        run.stderr().contains("warning[proposal-without-documents]"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_body_can_turn_rules_off_or_up() {
    let repo = Repo::examples();
    repo.unseal("meetings/rlg/2025-11-17");
    // Regional ledningsgrupp is not bound by Kommunallagen: a late justering warns.
    repo.edit(
        "meetings/rlg/2025-11-17/meeting.yaml",
        "datum: 2025-11-26",
        "datum: 2025-12-10",
    );
    repo.reseal("meetings/rlg/2025-11-17");
    let (code, _, stderr) = check_in(repo.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("warning[justering-late]: the justering is 23 days after the meeting"),
        "{stderr}"
    );
    // …unless the body makes it an error,
    repo.edit(
        "meetings/rlg/body.yaml",
        "kortnamn: RLG\n",
        "kortnamn: RLG\nregler: {justering-late: error}\n",
    );
    let (code, _, stderr) = check_in(repo.path(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("error[justering-late]"), "{stderr}");
    // …or turns it off.
    repo.edit(
        "meetings/rlg/body.yaml",
        "{justering-late: error}",
        "{justering-late: off}",
    );
    let (code, _, stderr) = check_in(repo.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("justering-late"), "{stderr}");
}

#[test]
fn build_stops_on_check_errors_before_typesetting() {
    let repo = Repo::examples();
    repo.edit(
        "meetings/rlg/2025-11-17/meeting.yaml",
        "nästa_möte: 2026-01-12",
        "nästa_möte: 2025-01-12",
    );
    let stderr = repo.rsr(&["build"]).failure().stderr();
    assert!(stderr.contains("error[next-meeting-not-after]: the next meeting, Sunday 12 January 2025, is not after this one"), "{stderr}");
    assert!(
        !repo.path().join("out").exists(),
        "a build with errors wrote output"
    );
}

#[test]
fn substitutes_serving_appear_among_the_deciding() {
    let repo = Repo::examples();
    repo.unseal("meetings/rlg/2025-11-17");
    repo.edit(
        "meetings/rlg/2025-11-17/meeting.yaml",
        "  ej_närvarande:\n    - helen.eurenus\n",
        "  tjänstgörande_ersättare:\n    - {person: {namn: Lena Berg, organisation: Östersund}, för: helen.eurenus}\n  ej_närvarande:\n    - helen.eurenus\n",
    );
    repo.reseal("meetings/rlg/2025-11-17");
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    let text = repo.text("out/rlg/2025-11-17-protokoll.pdf");
    assert!(
        text.contains("Lena Berg, Östersund, tjänstgörande ersättare för Helén Eurenus"),
        "{text}"
    );
}
