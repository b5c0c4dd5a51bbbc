//! The language rsr speaks: Swedish by default and for a Swedish locale,
//! English for an English one or `--lang en`; the rule ids stay.

use std::process::Command;

use crate::support::Repo;

/// rsr in `repo` with only the given locale variables set.
fn rsr(repo: &Repo, env: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rsr"));
    command
        .args(args)
        .current_dir(repo.path())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .envs(env.iter().copied());
    let output = command.output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn swedish_by_default_english_for_an_english_locale() {
    let repo = Repo::minimal();
    let (code, _, out) = rsr(&repo, &[], &["check"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("rsr check: inga problem hittades"), "{out}");
    let (_, _, out) = rsr(&repo, &[("LANG", "C.UTF-8")], &["check"]);
    assert!(out.contains("inga problem hittades"), "{out}");
    let (_, _, out) = rsr(&repo, &[("LANG", "en_GB.UTF-8")], &["check"]);
    assert!(out.contains("rsr check: no problems found"), "{out}");
    // LC_ALL decides over LANG, and --lang over both.
    let (_, _, out) = rsr(
        &repo,
        &[("LC_ALL", "sv_SE.UTF-8"), ("LANG", "en_US")],
        &["check"],
    );
    assert!(out.contains("inga problem hittades"), "{out}");
    let (_, _, out) = rsr(
        &repo,
        &[("LANG", "sv_SE.UTF-8")],
        &["check", "--lang", "en"],
    );
    assert!(out.contains("no problems found"), "{out}");
}

#[test]
fn help_speaks_the_language_of_the_run() {
    let repo = Repo::minimal();
    let (code, out, _) = rsr(&repo, &[], &["check", "--help"]);
    assert_eq!(code, Some(0));
    for swedish in ["Användning: rsr check", "Flaggor:", "Exempel:"] {
        assert!(out.contains(swedish), "{swedish} not in {out}");
    }
    assert!(
        !out.contains("Usage:") && !out.contains("Options:"),
        "{out}"
    );
    let (_, out, _) = rsr(&repo, &[], &["--help"]);
    assert!(
        out.contains("Kommandon:") && out.contains("Slutkoder:"),
        "{out}"
    );
    let (_, out, _) = rsr(&repo, &[("LANG", "en_GB.UTF-8")], &["check", "--help"]);
    for english in [
        "Usage: rsr check",
        "Options:",
        "Examples:",
        "Fail on warnings too",
    ] {
        assert!(out.contains(english), "{english} not in {out}");
    }
}

#[test]
fn a_refused_command_line_is_said_in_swedish() {
    let repo = Repo::minimal();
    let (code, _, err) = rsr(&repo, &[], &["chek"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("fel: okänt kommando 'chek'"), "{err}");
    assert!(err.contains("check"), "the suggestion: {err}");
    assert!(err.contains("Användning:"), "{err}");
    let (code, _, err) = rsr(&repo, &[], &["check", "--format", "xml"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("'xml' är inget tillåtet värde"), "{err}");
    let (code, _, err) = rsr(&repo, &[("LANG", "en")], &["chek"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unrecognized subcommand 'chek'"), "{err}");
}

#[test]
fn a_problem_keeps_its_rule_id_in_swedish() {
    let repo = Repo::minimal();
    repo.write(
        "rsr.yaml",
        &format!("{}\nokänt_fält: 1\n", repo.read("rsr.yaml")),
    );
    let (code, out, err) = rsr(&repo, &[], &["check"]);
    assert_eq!(code, Some(1));
    let all = format!("{out}{err}");
    assert!(all.contains("unknown-field"), "{all}");
    assert!(all.contains("rsr check: ett fel"), "{all}");
}

/// The findings of `rsr check --format json` in `lang`.
fn findings(repo: &Repo, lang: &str) -> Vec<serde_json::Value> {
    let output = crate::support::rsr_command()
        .args(["check", "--format", "json", "--lang", lang])
        .current_dir(repo.path())
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// Every case of tests/bad/ finds the same problems at the same places in
/// Swedish as in English: the language changes the words, never what is
/// found or where.
#[test]
fn every_problem_is_found_alike_in_both_languages() {
    let mut failures = Vec::new();
    for case in crate::support::bad_cases() {
        let repo = Repo::bad_case(&case);
        let (en, sv) = (findings(&repo, "en"), findings(&repo, "sv"));
        let place = |f: &serde_json::Value| {
            ["severity", "rule", "file", "line", "column"].map(|key| f[key].to_string())
        };
        let mut places_en: Vec<_> = en.iter().map(place).collect();
        let mut places_sv: Vec<_> = sv.iter().map(place).collect();
        places_en.sort();
        places_sv.sort();
        if places_en.is_empty() || places_en != places_sv {
            failures.push(format!(
                "{}: {places_sv:?} in Swedish against {places_en:?} in English",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The severity word of a finding follows the language: "fel[rule]".
#[test]
fn the_severity_is_said_in_the_language_of_the_run() {
    let repo = Repo::minimal();
    repo.write(
        "rsr.yaml",
        &format!("{}\nokänt_fält: 1\n", repo.read("rsr.yaml")),
    );
    let (_, _, err) = rsr(&repo, &[], &["check"]);
    assert!(err.contains("fel[unknown-field]:"), "{err}");
    assert!(!err.contains("error["), "{err}");
    let (_, _, err) = rsr(&repo, &[("LANG", "en_GB.UTF-8")], &["check"]);
    assert!(err.contains("error[unknown-field]:"), "{err}");
}

/// Words no Swedish sentence holds, to find English left in one.
const ENGLISH: &[&str] = &[
    "the", "is", "was", "are", "not", "and", "of", "to", "with", "for", "has", "have", "this",
    "that", "which", "it", "on", "at", "by", "or", "an", "does", "did", "you", "mean", "must",
    "should", "only", "when", "where", "there", "than", "but", "been", "its", "their", "what",
];

/// The English words of `text`'s prose: what is quoted (`…`, '…', "…")
/// names a value, a field or a file, and is left out.
fn english_words(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '`' || c == '"' => quote = Some(c),
            None => prose.push(c),
        }
    }
    prose
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| ENGLISH.contains(word))
        .map(str::to_string)
        .collect()
}

/// Every finding of every case of tests/bad/, message and hint, is said in
/// Swedish: no English word outside what it quotes (a field, a value, the
/// YAML parser's own words).
#[test]
fn every_problem_is_said_in_swedish() {
    let mut failures = Vec::new();
    let mut said = 0;
    for case in crate::support::bad_cases() {
        let repo = Repo::bad_case(&case);
        for finding in findings(&repo, "sv") {
            for key in ["message", "hint"] {
                let Some(text) = finding[key].as_str() else {
                    continue;
                };
                said += 1;
                let words = english_words(text);
                if !words.is_empty() {
                    failures.push(format!(
                        "{}: {} {key} has English {words:?}: {text}",
                        case.display(),
                        finding["rule"]
                    ));
                }
            }
        }
    }
    assert!(said >= 200, "only {said} messages and hints");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What `rsr justera` says is one language, its date too: "KN 2026-03-02
/// är justerat måndag 9 mars 2026", never "is justerad on måndag".
#[test]
fn justera_speaks_one_language() {
    for (lang, said) in [
        (
            "sv",
            "KN 2026-03-02 är justerat måndag 9 mars 2026; protokollet är förseglat",
        ),
        (
            "en",
            "KN 2026-03-02 is justerad on Monday 9 March 2026; its protokoll is sealed",
        ),
    ] {
        let repo = Repo::minimal();
        repo.unseal("meetings/kn/2026-03-02");
        let output = crate::support::rsr_command()
            .args(["justera", "kn", "2026-03-02", "--lang", lang])
            .current_dir(repo.path())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{err}");
        assert!(err.contains(said), "{said} not in {err}");
    }
}

/// `text` without what names a thing rather than says something: paths
/// (`meetings/kn/02-budget-for-2027.yaml`) and rule ids (`not-a-member`).
fn without_names(text: &str) -> String {
    text.lines()
        .map(|line| {
            line.split(' ')
                .filter(|token| {
                    let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
                    let id = bare.contains('-')
                        && bare
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    !token.contains('/') && !id
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What every command says besides its findings is Swedish too: the build's
/// summary and timings, `rsr list`, `rsr new`, `rsr publish`,
/// `--list-rules`, and the refusals of a command that cannot be done (no
/// repository, no git, an unknown body, a meeting that exists, a folder
/// that is not empty). English words outside quotes are counted; the same
/// runs in English keep their English words, so the scan can fail.
#[test]
fn every_command_speaks_swedish() {
    let repo = Repo::minimal();
    let outside = tempfile::tempdir().unwrap();
    let full = tempfile::tempdir().unwrap();
    std::fs::write(full.path().join("keep.txt"), "x").unwrap();
    let full = full.path().to_str().unwrap().to_string();
    let runs: Vec<Vec<&str>> = vec![
        vec!["build", "--timings"],
        vec!["build"],
        vec!["list"],
        vec!["check", "--list-rules"],
        vec![
            "new",
            "meeting",
            "kn",
            "2026-09-07",
            "--place",
            "Sal A",
            "--start",
            "09:00",
        ],
        vec!["new", "meeting", "kn", "2026-09-07"],
        vec!["new", "item", "kn", "2026-09-07", "Budget för 2027"],
        vec!["new", "item", "kn", "2026-09-08", "Budget"],
        vec!["new", "item", "kn", "2026-03-02", "Budget"],
        vec!["new", "meeting", "okänd", "2026-09-09"],
        vec!["publish", &full],
        vec!["diff"],
        vec![
            "new",
            "body",
            "Barn- och utbildningsnämnden",
            "--kortnamn",
            "BUN",
        ],
        vec![
            "new",
            "body",
            "Kulturnämnd två",
            "--kortnamn",
            "KN",
            "--mapp",
            "kn2",
        ],
        vec!["init", "--organisation", "Andra kommunen"],
    ];
    let mut failures = Vec::new();
    let mut english_said = 0;
    // Swedish first: its `rsr new` creates, the English one refuses.
    for (lang, expect_english) in [("sv", false), ("en", true)] {
        for args in &runs {
            let mut all = vec!["--lang", lang];
            all.extend(args);
            let run = repo.rsr(&all);
            let said = format!("{}{}", run.stdout(), run.stderr());
            let said = said.replace(repo.path().to_str().unwrap(), "");
            let words = english_words(&without_names(&said));
            if expect_english {
                english_said += usize::from(!words.is_empty());
            } else if !words.is_empty() {
                failures.push(format!(
                    "rsr {}: English {words:?} in:\n{said}",
                    args.join(" ")
                ));
            }
        }
    }
    // A new repository, in a folder of its own for each language.
    for (lang, expect_english) in [("en", true), ("sv", false)] {
        let folder = outside.path().join(format!("init-{lang}"));
        let output = crate::support::rsr_command()
            .args(["--lang", lang, "init"])
            .arg(&folder)
            .args(["--organisation", "Åre kommun", "--body", "Kulturnämnden"])
            .args(["--kortnamn", "KN"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let said = String::from_utf8_lossy(&output.stderr).replace(folder.to_str().unwrap(), "");
        let words = english_words(&without_names(&said));
        if expect_english {
            english_said += usize::from(!words.is_empty());
        } else if !words.is_empty() {
            failures.push(format!("rsr init: English {words:?} in:\n{said}"));
        }
    }
    // No repository at all.
    for (lang, expect_english) in [("en", true), ("sv", false)] {
        let output = crate::support::rsr_command()
            .args(["--lang", lang, "build"])
            .current_dir(outside.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let said = String::from_utf8_lossy(&output.stderr).into_owned();
        let words = english_words(&without_names(&said));
        if expect_english {
            english_said += usize::from(!words.is_empty());
        } else if !words.is_empty() {
            failures.push(format!("rsr build outside: English {words:?} in:\n{said}"));
        }
    }
    assert!(
        english_said >= 8,
        "the scan found English in only {english_said} English runs"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
