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

use clap::{Arg, Command, CommandFactory};

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

/// The message names a command tree asks for: every command's and every
/// argument's (short help only; `.long` and `.examples` where the English
/// definition has them).
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
            if let Some(help) = help {
                arg = arg.help(help);
            }
            if let Some(long) = long {
                arg = arg.long_help(long);
            }
            if arg.get_help_heading().is_none() {
                arg = arg.help_heading(heading);
            }
            arg
        });
    }
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
}
