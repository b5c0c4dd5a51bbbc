//! The language rsr speaks to the person at the terminal: every message,
//! hint and line of `--help` comes from a Fluent catalogue, one per
//! language, in `locales/<lang>/*.ftl`, built into the binary.
//!
//! Swedish by default; English when `--lang en` is given, or when the
//! locale (the first set of `LC_ALL`, `LC_MESSAGES` and `LANG`, as POSIX
//! orders them) starts with `en`. Only what rsr says changes: rule ids,
//! file formats and the documents themselves stay as they are.
//!
//! A message is written `t!("message-id", name = value, …)`; its text and
//! its variables (`{ $name }`) are the catalogue's. The test
//! `lang::tests::catalogues_are_complete` holds that every message exists
//! in every language with the same variables and that every id the source
//! asks for exists.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language rsr speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// svenska
    Sv,
    /// English
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The catalogue's folder name and language tag: `sv`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language a locale name such as `en_GB.UTF-8` or `sv_SE` asks
    /// for, if rsr speaks it.
    pub fn of_locale(locale: &str) -> Option<Lang> {
        let lower = locale.trim().to_ascii_lowercase();
        if lower.starts_with("en") {
            Some(Lang::En)
        } else if lower.starts_with("sv") {
            Some(Lang::Sv)
        } else {
            None
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides, as for
    /// every other program; Swedish when it names no language rsr speaks
    /// (`C`, `POSIX`, `de_DE`) or none is set.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|value| !value.is_empty()))
            .and_then(|locale| Lang::of_locale(&locale))
            .unwrap_or(Lang::Sv)
    }

    /// The language of `--lang X` or `--lang=X` among the arguments, if
    /// given (the last one wins, as clap reads it); an unknown value is
    /// left to clap to refuse.
    pub fn from_args<S: AsRef<str>>(args: &[S]) -> Option<Lang> {
        let mut found = None;
        let mut args = args.iter().map(AsRef::as_ref);
        while let Some(arg) = args.next() {
            if arg == "--" {
                break;
            }
            let value = match arg.strip_prefix("--lang") {
                Some("") => args.next(),
                Some(rest) => rest.strip_prefix('='),
                None => None,
            };
            if let Some(lang) = value.and_then(|v| match v {
                "sv" => Some(Lang::Sv),
                "en" => Some(Lang::En),
                _ => None,
            }) {
                found = Some(lang);
            }
        }
        found
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Sets the language for the rest of the run; the first call decides.
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The language of this run: as set, else Swedish (English in rsr's own
/// unit tests, which assert the English texts).
pub fn current() -> Lang {
    match CURRENT.get() {
        Some(lang) => *lang,
        None if cfg!(test) => Lang::En,
        None => Lang::Sv,
    }
}

/// The catalogue files of a language, by name, as built into the binary.
macro_rules! catalogue {
    ($lang:literal, $($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../../locales/", $lang, "/", $file)))),*]
    };
}

/// Every file of each catalogue; each language has the same files.
pub const FILES: &[(Lang, &[(&str, &str)])] = &[
    (
        Lang::Sv,
        catalogue!(
            "sv",
            "common.ftl",
            "cli.ftl",
            "check.ftl",
            "rules.ftl",
            "load.ftl",
            "text.ftl",
            "commands.ftl",
            "list.ftl",
            "sign.ftl"
        ),
    ),
    (
        Lang::En,
        catalogue!(
            "en",
            "common.ftl",
            "cli.ftl",
            "check.ftl",
            "rules.ftl",
            "load.ftl",
            "text.ftl",
            "commands.ftl",
            "list.ftl",
            "sign.ftl"
        ),
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// The bundle of a language, read from its files once.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    BUNDLES[index].get_or_init(|| {
        let tag = lang.tag().parse().expect("a language tag");
        let mut bundle = Bundle::new_concurrent(vec![tag]);
        // Messages go to a terminal: no bidi isolation marks around values.
        bundle.set_use_isolating(false);
        let files = FILES
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(&[][..], |(_, files)| files);
        for (name, text) in files {
            // A catalogue that does not parse is a bug the tests catch;
            // the entries that did parse are still used.
            let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
            if let Err(errors) = bundle.add_resource(resource) {
                debug_assert!(errors.is_empty(), "{}/{name}: {errors:?}", lang.tag());
            }
        }
        bundle
    })
}

/// A value handed to a message.
pub trait Arg {
    fn into_value(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for &String {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl Arg for &Path {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.display().to_string())
    }
}

impl Arg for &PathBuf {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.display().to_string())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_value(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
        impl Arg for &$t {
            fn into_value(self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}

number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// The text of message `id` in `lang`, with its variables: an attribute
/// when `id` is `message.attribute`. A message missing from the catalogue
/// (which the tests forbid) gives its id, so that nothing is lost.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let bundle = bundle(lang);
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    };
    let pattern = bundle
        .get_message(name)
        .and_then(|message| match attribute {
            Some(attribute) => message.get_attribute(attribute).map(|a| a.value()),
            None => message.value(),
        });
    let Some(pattern) = pattern else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (key, value) in args {
        fluent_args.set(*key, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// The text of message `id` in the language of this run.
pub fn text(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    text_in(current(), id, args)
}

/// Whether the catalogue of `lang` holds message (or `message.attribute`) `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    let bundle = bundle(lang);
    match id.split_once('.') {
        Some((name, attribute)) => bundle
            .get_message(name)
            .is_some_and(|m| m.get_attribute(attribute).is_some()),
        None => bundle.get_message(id).is_some_and(|m| m.value().is_some()),
    }
}

/// A message of the catalogue in the language of this run:
/// `t!("unknown-field", field = name, expected = list)`.
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::lang::text($id, &[$((stringify!($name), $crate::lang::Arg::into_value($value))),*])
    };
}
pub(crate) use t;

/// A number with `places` decimals, its decimal sign the language's:
/// "0,53" in Swedish, "0.53" in English.
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match current() {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// "A", "A och B", "A, B och C" (English: "A, B and C").
pub fn join_and(parts: &[String]) -> String {
    match current() {
        Lang::Sv => crate::sv::join_and(parts),
        Lang::En => match parts {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        },
    }
}

/// "§ 31", "§§ 28–32", "§§ 121–122 och 124" (English: "… and 124").
pub fn paragraphs(numbers: &[u32]) -> String {
    crate::sv::paragraphs_joined(numbers, join_and)
}

/// "torsdag 5 mars 2026" (English: "Thursday 5 March 2026").
pub fn long_date(date: NaiveDate) -> String {
    match current() {
        Lang::Sv => crate::sv::long_date(date),
        Lang::En => {
            let weekday = match date.weekday() {
                Weekday::Mon => "Monday",
                Weekday::Tue => "Tuesday",
                Weekday::Wed => "Wednesday",
                Weekday::Thu => "Thursday",
                Weekday::Fri => "Friday",
                Weekday::Sat => "Saturday",
                Weekday::Sun => "Sunday",
            };
            format!("{weekday} {}", date.format("%-d %B %Y"))
        }
    }
}

#[cfg(test)]
mod tests;
