//! `--help` in the language of the run: clap's command tree, as the derive
//! definitions in `cli::args` build it, with every text taken from the
//! catalogue (`locales/<lang>/cli.ftl`) by a name that follows the tree:
//!
//! - `cli` is `rsr` itself, `cli-build` its subcommand, `cli-new-meeting`
//!   a subcommand of that; the message is the short help (`about`), its
//!   `.long` attribute the long one and `.examples` what follows it;
//! - `<command>-arg-<argument>` an argument (`cli-build-arg-deny-warnings`),
//!   `.long` its long help; a global argument is `cli-arg-<argument>`;
//! - `cli-heading-*` the headings and `cli-usage` the usage line's.
//!
//! The doc comments in `cli::args` stay as what a reader of the source sees;
//! `tests::every_help_text_is_in_the_catalogue` holds that each has its
//! message in every language.

use clap::{Arg, Command, CommandFactory, FromArgMatches, Parser};

use super::Cli;
use crate::lang::{Lang, has, text_in};

/// rsr's command tree with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut command = Cli::command();
    // Build first, so that the generated `--help`, `--version` and `help`
    // are there to be translated too.
    command.build();
    localise(command, "cli", lang)
}

/// The command line `args` parsed, or the error to show, with its help in
/// `lang`. Parsed first by the tree as the derive definitions build it:
/// the language changes only what help and errors say, never what a
/// command line means, and localising every text of the tree is much of
/// the start of a small command (a no-op at 1 × 11 × 8 took 7.8 ms with it
/// and 6.7 without).
/// Only a command line that does not parse so (an error, `--help`,
/// `--version`) is parsed again by the tree in the language, for what it
/// shows.
pub fn parse(args: &[std::ffi::OsString], lang: Lang) -> Result<Cli, clap::Error> {
    Cli::try_parse_from(args).or_else(|_| parse_localised(args, lang))
}

/// The command line `args` parsed by the tree with its help in `lang`.
fn parse_localised(args: &[std::ffi::OsString], lang: Lang) -> Result<Cli, clap::Error> {
    command(lang)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
}

/// The message names a command tree asks for: every command's and every
/// argument's (short help only; `.long` and `.examples` where the English
/// definition has them; `.value-<value>` for each possible value with a
/// help of its own), and every value name (`cli-value-name-dir`).
pub fn names(command: &Command) -> Vec<String> {
    let mut names = Vec::new();
    collect(command, "cli", &mut names);
    names
}

fn collect(command: &Command, id: &str, names: &mut Vec<String>) {
    names.push(id.to_string());
    if command.get_long_about().is_some() {
        names.push(format!("{id}.long"));
    }
    if command.get_after_long_help().is_some() {
        names.push(format!("{id}.examples"));
    }
    if command.get_after_help().is_some() {
        names.push(format!("{id}.after"));
    }
    for arg in command.get_arguments() {
        let arg_id = arg_id(id, arg);
        if !names.contains(&arg_id) {
            names.push(arg_id.clone());
            if arg.get_long_help().is_some() {
                names.push(format!("{arg_id}.long"));
            }
            if arg.get_action().takes_values() && !arg.is_hide_possible_values_set() {
                for value in arg.get_possible_values() {
                    if value.get_help().is_some() && !value.is_hide_set() {
                        names.push(format!("{arg_id}.value-{}", value.get_name()));
                    }
                }
            }
        }
        let named = if arg.get_action().takes_values() {
            arg.get_value_names().unwrap_or_default()
        } else {
            &[]
        };
        for value in named {
            let name = format!("cli-value-name-{}", value.as_str().to_lowercase());
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    for sub in command.get_subcommands() {
        collect(sub, &format!("{id}-{}", sub.get_name()), names);
    }
}

/// The message of an argument: shared by every command for a global
/// argument and for `--help` and `--version`.
fn arg_id(command: &str, arg: &Arg) -> String {
    let name = arg.get_id().as_str().replace('_', "-");
    if arg.is_global_set() || matches!(name.as_str(), "help" | "version") {
        format!("cli-arg-{name}")
    } else {
        format!("{command}-arg-{name}")
    }
}

/// `command` with its texts in `lang`. Only what help and errors show:
/// `parse` takes a command line that parses without them to mean what it
/// would with them, so nothing here may add or change what the parser
/// reads (names, aliases, possible values, the number of values);
/// `tests::a_command_line_parses_to_the_same_command_…` holds it.
fn localise(mut command: Command, id: &str, lang: Lang) -> Command {
    let text = |name: &str| has(lang, name).then(|| text_in(lang, name, &[]));
    if let Some(about) = text(id) {
        command = command.about(about);
    }
    if let Some(long) = text(&format!("{id}.long")) {
        command = command.long_about(long);
    }
    if let Some(examples) = text(&format!("{id}.examples")) {
        command = command.after_long_help(examples);
    }
    if let Some(after) = text(&format!("{id}.after")) {
        command = command.after_help(after);
    }
    let usage = text_in(lang, "cli-usage", &[]);
    command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(text_in(lang, "cli-heading-commands", &[]));
    let arguments: Vec<(clap::Id, String, bool)> = command
        .get_arguments()
        .map(|arg| (arg.get_id().clone(), arg_id(id, arg), arg.is_positional()))
        .collect();
    for (arg, name, positional) in arguments {
        let help = text(&name);
        let long = text(&format!("{name}.long"));
        let heading = text_in(
            lang,
            if positional {
                "cli-heading-arguments"
            } else {
                "cli-heading-options"
            },
            &[],
        );
        command = command.mut_arg(arg, |mut arg| {
            let values = values(&arg, &name, lang);
            let help = help.or_else(|| arg.get_help().map(ToString::to_string));
            let long = long.or_else(|| arg.get_long_help().map(ToString::to_string));
            if let Some(help) = help {
                let long = long.unwrap_or_else(|| help.clone());
                arg = arg
                    .help(format!("{help}{}", values.short))
                    .long_help(format!("{long}{}", values.long));
            }
            if values.said {
                arg = arg.hide_possible_values(true).hide_default_value(true);
            }
            if let Some(names) = arg
                .get_value_names()
                .filter(|_| arg.get_action().takes_values())
            {
                let names: Vec<String> = names
                    .iter()
                    .map(|value| {
                        let id = format!("cli-value-name-{}", value.as_str().to_lowercase());
                        text(&id).unwrap_or_else(|| value.to_string())
                    })
                    .collect();
                arg = arg.value_names(names);
            }
            if arg.get_help_heading().is_none() {
                arg = arg.help_heading(heading);
            }
            arg
        });
    }
    // The usage line: clap's `[OPTIONS]` and `<COMMAND>` in the language,
    // the value names as set above.
    command = command.subcommand_value_name(text_in(lang, "cli-value-name-command", &[]));
    let usage = command.render_usage().to_string();
    let usage = usage
        .trim()
        .strip_prefix("Usage:")
        .unwrap_or(&usage)
        .trim()
        .replace("[OPTIONS]", &text_in(lang, "cli-usage-options", &[]));
    command = command.override_usage(usage);
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_id = format!("{id}-{name}");
        command = command.mut_subcommand(name, |sub| localise(sub, &sub_id, lang));
    }
    command
}

/// What an argument's help says of the values it takes, in the language:
/// its default and its possible values, each with its own help (from the
/// attributes `.value-<value>` of the argument's message).
struct Values {
    /// After the short help: " [standard: human] [möjliga värden: …]".
    short: String,
    /// After the long help: the default, then one line per value.
    long: String,
    /// Whether they are said here, so that clap must not say them again.
    said: bool,
}

fn values(arg: &Arg, id: &str, lang: Lang) -> Values {
    let none = Values {
        short: String::new(),
        long: String::new(),
        said: false,
    };
    if !arg.get_action().takes_values() {
        return none;
    }
    let possible: Vec<clap::builder::PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(|value| !value.is_hide_set())
            .collect()
    };
    let default: Vec<String> = if arg.is_hide_default_value_set() {
        Vec::new()
    } else {
        arg.get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect()
    };
    if possible.is_empty() && default.is_empty() {
        return none;
    }
    let mut short = String::new();
    let mut long = String::new();
    if !default.is_empty() {
        let said = text_in(lang, "cli-default", &[("value", default.join(", ").into())]);
        short.push_str(&format!(" [{said}]"));
        long.push_str(&format!(" [{said}]"));
    }
    if !possible.is_empty() {
        let names: Vec<&str> = possible.iter().map(|value| value.get_name()).collect();
        let list = text_in(
            lang,
            "cli-possible-values",
            &[("values", names.join(", ").into())],
        );
        short.push_str(&format!(" [{list}]"));
        let width = names
            .iter()
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0);
        long.push_str(&format!(
            "\n\n{}",
            text_in(lang, "cli-possible-values-heading", &[])
        ));
        for value in &possible {
            let name = value.get_name();
            let own = format!("{id}.value-{name}");
            let help = if has(lang, &own) {
                Some(text_in(lang, &own, &[]))
            } else {
                value.get_help().map(ToString::to_string)
            };
            match help {
                Some(help) => long.push_str(&format!(
                    "\n- {name}:{:pad$} {help}",
                    "",
                    pad = width - name.chars().count()
                )),
                None => long.push_str(&format!("\n- {name}")),
            }
        }
    }
    Values {
        short,
        long,
        said: true,
    }
}

/// Prints what clap refused (or the help and version it was asked for)
/// and gives its exit code: 0 for help and version, 2 for a command line
/// rsr cannot use. In Swedish, the common refusals are said in Swedish
/// with clap's own suggestion; the rarer ones keep clap's English text.
pub fn refuse(error: &clap::Error, lang: Lang) -> std::process::ExitCode {
    let code = std::process::ExitCode::from(error.exit_code().clamp(0, 255) as u8);
    let said = match lang {
        Lang::Sv => swedish(error),
        Lang::En => None,
    };
    match said {
        Some(text) => eprint!("{text}"),
        None => {
            let _ = error.print();
        }
    }
    code
}

/// clap's refusal in Swedish, for the kinds a person meets: an unknown
/// argument or command, a value not among those allowed or that does not
/// read, an argument missing, two that conflict.
fn swedish(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let sv = |id: &str, args: &[(&str, String)]| {
        let args: Vec<_> = args
            .iter()
            .map(|(k, v)| (*k, fluent_bundle::FluentValue::from(v.clone())))
            .collect();
        text_in(Lang::Sv, id, &args)
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut lines = vec![match error.kind() {
        ErrorKind::UnknownArgument => sv("cli-error-unknown-argument", &[("arg", arg)]),
        ErrorKind::InvalidSubcommand => sv(
            "cli-error-unknown-command",
            &[(
                "command",
                get(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )],
        ),
        ErrorKind::InvalidValue => sv(
            "cli-error-invalid-value",
            &[
                ("value", value),
                ("arg", arg),
                ("valid", get(ContextKind::ValidValue).unwrap_or_default()),
            ],
        ),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            sv(
                "cli-error-value-validation",
                &[("value", value), ("arg", arg), ("reason", reason)],
            )
        }
        ErrorKind::MissingRequiredArgument => sv("cli-error-missing-argument", &[("arg", arg)]),
        ErrorKind::MissingSubcommand => sv("cli-error-missing-command", &[]),
        ErrorKind::ArgumentConflict => sv(
            "cli-error-conflict",
            &[
                ("arg", arg),
                ("other", get(ContextKind::PriorArg).unwrap_or_default()),
            ],
        ),
        _ => return None,
    }];
    let suggested = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .or_else(|| get(ContextKind::SuggestedValue));
    if let Some(suggested) = suggested {
        lines.push(sv("cli-error-did-you-mean", &[("suggestion", suggested)]));
    }
    let usage = get(ContextKind::Usage).unwrap_or_default();
    let usage = usage.trim().replacen("Usage:", &sv("cli-usage", &[]), 1);
    if !usage.is_empty() {
        lines.push(String::new());
        lines.push(usage);
    }
    lines.push(String::new());
    lines.push(sv("cli-error-more", &[]));
    Some(lines.join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_text_is_in_the_catalogue() {
        let names = names(&{
            let mut command = Cli::command();
            command.build();
            command
        });
        for lang in Lang::ALL {
            let missing: Vec<&String> = names.iter().filter(|n| !has(lang, n)).collect();
            assert!(
                missing.is_empty(),
                "{}/cli.ftl lacks {missing:?}",
                lang.tag()
            );
        }
    }

    /// The words of a command line as a shell splits them, with "…"
    /// quoting; up to the comment the help aligns after two spaces, and
    /// before a pipe or a redirection.
    fn words(line: &str) -> Vec<std::ffi::OsString> {
        let line = line.split("  ").next().unwrap_or(line);
        let line = line.split(['|', '>']).next().unwrap_or(line);
        let mut words = Vec::new();
        let (mut word, mut quoted, mut any) = (String::new(), false, false);
        for c in line.chars() {
            match c {
                '"' => (quoted, any) = (!quoted, true),
                ' ' if !quoted => {
                    if any {
                        words.push(std::mem::take(&mut word).into());
                    }
                    any = false;
                }
                c => (word.push(c), any = true).1,
            }
        }
        if any {
            words.push(word.into());
        }
        words
    }

    #[test]
    fn a_command_line_parses_to_the_same_command_whether_its_help_is_localised_or_not() {
        // Every example the help gives, lines with global options in other
        // places, and lines that show help, the version or an error: the
        // tree as derived parses each as the tree in the language does, to
        // the same command or to an error of the same kind; and what
        // `parse` gives is what the tree in the language gives, the same
        // command or the same error, said the same way.
        let mut tree = Cli::command();
        tree.build();
        for lang in Lang::ALL {
            let examples: Vec<String> = names(&tree)
                .iter()
                .filter(|name| name.ends_with(".examples"))
                .flat_map(|name| {
                    text_in(lang, name, &[])
                        .lines()
                        .flat_map(|line| line.split("&&"))
                        .map(str::trim)
                        .filter(|line| line.starts_with("rsr "))
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            assert!(examples.len() > 30, "{}: {}", lang.tag(), examples.len());
            let others = [
                "rsr",
                "rsr --help",
                "rsr build --help",
                "rsr --version",
                "rsr build --bogus",
                "rsr bygg",
                "rsr build --jobs many",
                "rsr new meeting bmn 2026-13-45",
                "rsr check --format xml",
                "rsr help build",
                "rsr --lang fr build",
            ];
            let placed = [
                "rsr build --lang en -q",
                "rsr -q -v build",
                "rsr -v check -q",
            ];
            let mut errors = 0;
            let lines = examples
                .iter()
                .map(String::as_str)
                .chain(placed)
                .chain(others);
            for line in lines {
                let args = words(line);
                let localised = || parse_localised(&args, lang);
                match (Cli::try_parse_from(&args), localised()) {
                    (Ok(plain), Ok(localised)) => {
                        assert_eq!(format!("{plain:?}"), format!("{localised:?}"), "{line}")
                    }
                    (Err(plain), Err(localised)) => {
                        errors += usize::from(others.contains(&line));
                        assert_eq!(plain.kind(), localised.kind(), "{line}");
                    }
                    (plain, localised) => panic!("{line}: {plain:?} against {localised:?}"),
                }
                match (parse(&args, lang), localised()) {
                    (Ok(parsed), Ok(localised)) => {
                        assert_eq!(format!("{parsed:?}"), format!("{localised:?}"), "{line}")
                    }
                    (Err(parsed), Err(localised)) => {
                        assert_eq!(parsed.to_string(), localised.to_string(), "{line}")
                    }
                    (parsed, localised) => panic!("{line}: {parsed:?} against {localised:?}"),
                }
            }
            // Every one of the others is an error, help or the version.
            assert_eq!(errors, others.len(), "{}", lang.tag());
        }
    }
}
