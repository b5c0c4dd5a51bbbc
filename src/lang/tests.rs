//! The catalogues are complete: every message in every language, with the
//! same variables, formatting without error, and every id the source asks
//! for is there.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;

use super::*;

/// The messages of one catalogue file: `id` or `id.attribute`, with the
/// variables its text names.
fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let start = regex::Regex::new(r"^(-?[a-zA-Z][a-zA-Z0-9_-]*)\s*=").unwrap();
    let attribute = regex::Regex::new(r"^\s+\.([a-zA-Z][a-zA-Z0-9_-]*)\s*=").unwrap();
    let variable = regex::Regex::new(r"\$([a-zA-Z][a-zA-Z0-9_-]*)").unwrap();
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut message = String::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(m) = start.captures(line) {
            message = m[1].to_string();
            current = message.clone();
        } else if let Some(a) = attribute.captures(line) {
            current = format!("{message}.{}", &a[1]);
        } else if current.is_empty() {
            continue;
        }
        let entry = found.entry(current.clone()).or_default();
        entry.extend(variable.captures_iter(line).map(|c| c[1].to_string()));
    }
    found
}

fn catalogue(lang: Lang) -> &'static [(&'static str, &'static str)] {
    FILES.iter().find(|(l, _)| *l == lang).unwrap().1
}

#[test]
fn every_catalogue_file_parses() {
    for lang in Lang::ALL {
        for (name, text) in catalogue(lang) {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("locales/{}/{name} does not parse: {errors:?}", lang.tag());
            }
        }
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let [first, rest @ ..] = Lang::ALL;
    let files = |lang| catalogue(lang).iter().map(|(n, _)| *n).collect::<Vec<_>>();
    for other in rest {
        assert_eq!(
            files(first),
            files(other),
            "the same files in each language"
        );
        for ((name, a), (_, b)) in catalogue(first).iter().zip(catalogue(other)) {
            let (a, b) = (messages(a), messages(b));
            let only = |x: &BTreeMap<String, BTreeSet<String>>, y: &BTreeMap<_, _>| {
                x.keys()
                    .filter(|k| !y.contains_key(*k))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            assert!(
                only(&a, &b).is_empty() && only(&b, &a).is_empty(),
                "{name}: only in {}: {:?}; only in {}: {:?}",
                first.tag(),
                only(&a, &b),
                other.tag(),
                only(&b, &a)
            );
            for (id, variables) in &a {
                assert_eq!(
                    variables,
                    &b[id],
                    "{name}: {id} names other variables in {} than in {}",
                    first.tag(),
                    other.tag()
                );
            }
        }
    }
}

#[test]
fn every_message_formats_without_error() {
    for lang in Lang::ALL {
        let bundle = bundle(lang);
        for (name, text) in catalogue(lang) {
            for (id, variables) in messages(text) {
                if id.starts_with('-') {
                    continue;
                }
                let (message, attribute) = match id.split_once('.') {
                    Some((m, a)) => (m, Some(a)),
                    None => (id.as_str(), None),
                };
                let message = bundle.get_message(message).unwrap();
                let pattern = match attribute {
                    Some(a) => message.get_attribute(a).unwrap().value(),
                    None => message.value().unwrap(),
                };
                let mut args = FluentArgs::new();
                for variable in &variables {
                    args.set(variable.as_str(), "x");
                }
                let mut errors = Vec::new();
                let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}/{name}: {id}: {errors:?}", lang.tag());
                assert!(
                    !out.trim().is_empty(),
                    "{}/{name}: {id} is empty",
                    lang.tag()
                );
            }
        }
    }
}

/// Every Rust file of `src/` but this module's (whose comments show the
/// forms with made-up ids), with its text.
fn sources() -> Vec<(std::path::PathBuf, String)> {
    walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| {
            entry.path().extension().is_some_and(|e| e == "rs")
                && !entry.path().parent().is_some_and(|p| p.ends_with("lang"))
        })
        .map(|entry| {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            (entry.into_path(), text)
        })
        .collect()
}

/// Every `t!("id", …)` in the source names a message of the catalogues,
/// with the variables the message uses.
#[test]
fn every_message_the_source_asks_for_exists() {
    let call = regex::Regex::new(
        r#"(?:^|[^a-zA-Z0-9_])t!\(\s*"([^"]+)"((?:[^()]|\([^()]*(?:\([^()]*\)[^()]*)*\))*)\)"#,
    )
    .unwrap();
    let named = regex::Regex::new(r"(?:^|,)\s*([a-z_][a-z0-9_]*)\s*=[^=]").unwrap();
    let mut catalogue_variables: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, text) in catalogue(Lang::En) {
        catalogue_variables.extend(messages(text));
    }
    let mut asked = 0;
    for (path, source) in sources() {
        for found in call.captures_iter(&source) {
            let id = &found[1];
            asked += 1;
            for lang in Lang::ALL {
                assert!(
                    has(lang, id),
                    "{}: t!(\"{id}\") is not in locales/{}",
                    path.display(),
                    lang.tag()
                );
            }
            let given: BTreeSet<String> = named
                .captures_iter(&found[2])
                .map(|c| c[1].to_string())
                .collect();
            let wanted = &catalogue_variables[id];
            let missing: Vec<_> = wanted.difference(&given).collect();
            assert!(
                missing.is_empty(),
                "{}: t!(\"{id}\") does not give {missing:?}",
                path.display()
            );
        }
    }
    assert!(asked > 0, "the source asks for no message");
}

#[test]
fn the_locale_decides_unless_an_argument_does() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_env(env(&[])), Lang::Sv);
    assert_eq!(Lang::from_env(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
    assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Lang::Sv);
    assert_eq!(Lang::from_env(env(&[("LANG", "sv_SE.UTF-8")])), Lang::Sv);
    assert_eq!(
        Lang::from_env(env(&[("LC_ALL", "sv_SE"), ("LANG", "en_US")])),
        Lang::Sv
    );
    assert_eq!(
        Lang::from_env(env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "en"),
            ("LANG", "sv")
        ])),
        Lang::En
    );
    assert_eq!(Lang::from_args(&["check", "--lang", "en"]), Some(Lang::En));
    assert_eq!(Lang::from_args(&["--lang=sv", "check"]), Some(Lang::Sv));
    assert_eq!(Lang::from_args(&["check", "--", "--lang", "en"]), None);
    assert_eq!(Lang::from_args(&["check"]), None);
}

#[test]
fn lists_dates_and_paragraphs_in_english() {
    let parts = ["A".to_string(), "B".to_string(), "C".to_string()];
    assert_eq!(join_and(&parts), "A, B and C");
    assert_eq!(paragraphs(&[8, 9, 10, 28, 29]), "§§ 8–10 and 28–29");
    let date = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
    assert_eq!(long_date(date), "Thursday 5 March 2026");
}

/// The arguments of the call whose opening parenthesis ends `before`: the
/// text up to its matching closing parenthesis (string literals skipped).
fn arguments(source: &str, open: usize) -> &str {
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in source[open..].char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return &source[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    &source[open..]
}

/// No message is written in the source: every finding, hint and error a
/// person reads comes from the catalogues through `t!`, so that none exists
/// in only one language. A call that makes one (`Diagnostic::error`,
/// `with_hint`, `Error::Usage` …, `eprintln!`) may not take a sentence in
/// a string literal or `format!` unless a `t!` gives its words.
#[test]
fn no_message_is_written_in_the_source() {
    let callee = regex::Regex::new(
        r"(?:Diagnostic::(?:error|warning)|\bunlocated|\bfinding|\bwith_hint|Error::(?:Usage|Repository|Internal)|\beprintln!|\bprintln!)\(",
    )
    .unwrap();
    // A literal holding two words: a sentence, not a format like "{}: {}".
    let sentence = regex::Regex::new(r#""[^"]*[A-Za-zåäö]{2,} [A-Za-zåäö]{2,}[^"]*""#).unwrap();
    // `t!(`, not the end of `format!(`.
    let translated = regex::Regex::new(r"(?:^|[^A-Za-z0-9_])t!\(").unwrap();
    let mut written = Vec::new();
    let mut calls = 0;
    for (path, source) in sources() {
        // A module's unit tests make findings of their own to test with.
        let source = source.split("#[cfg(test)]").next().unwrap_or_default();
        for found in callee.find_iter(source) {
            calls += 1;
            let args = arguments(source, found.end() - 1);
            if !translated.is_match(args) && sentence.is_match(args) {
                let line = source[..found.start()].lines().count();
                written.push(format!(
                    "{}:{line}: {}",
                    path.display(),
                    args.split_whitespace().collect::<Vec<_>>().join(" ")
                ));
            }
        }
    }
    assert!(calls >= 100, "only {calls} calls found");
    assert!(
        written.is_empty(),
        "messages written in the source, not the catalogues:\n{}",
        written.join("\n")
    );
}
