//! `rsr check`: every rule over the loaded repository. Each rule is a
//! function in one of the modules below, named by a stable id; this module
//! runs them all, applies each body's rule settings, and sorts the findings
//! by file and line.

mod appearance;
pub(crate) mod fields;
pub mod gate;
mod items;
mod lock;
mod meeting;
mod numbering;
pub mod output;
mod people;
mod record;
pub(crate) mod seal;
mod times;

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Severity::{Error as E, Warning as W};
use crate::error::{Diagnostic, Severity};
use crate::repo::load::{self, Loaded, nearest};
use crate::repo::model::{Body, Meeting, PersonRef, Repository, RuleLevel};

/// A rule of `rsr check`: its id, whether a body may configure it, and what
/// it guards against (printed by `rsr check --list-rules`).
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub what: &'static str,
}

const fn rule(id: &'static str, severity: Severity, what: &'static str) -> Rule {
    Rule { id, severity, what }
}

/// Rules found while reading files; they cannot be turned off.
pub const LOAD_RULES: &[Rule] = &[
    rule(
        "yaml-syntax",
        E,
        "a file that is not valid YAML or not UTF-8",
    ),
    rule(
        "unknown-field",
        E,
        "a field rsr does not know (a typo, usually)",
    ),
    rule(
        "wrong-type",
        E,
        "a value of the wrong kind: text where a list belongs, an unknown status",
    ),
    rule("missing-field", E, "a required field left out"),
    rule(
        "invalid-date",
        E,
        "a date that does not exist, such as 2026-02-30",
    ),
    rule(
        "invalid-time",
        E,
        "a time that does not exist, such as 25:99",
    ),
    rule(
        "folder-date",
        E,
        "a meeting folder not named by its date, or dated differently from its meeting.yaml",
    ),
    rule(
        "missing-file",
        E,
        "a body without body.yaml, a meeting without meeting.yaml, an unreadable file",
    ),
    rule(
        "duplicate-item-id",
        E,
        "two item files with the same name after the number prefix",
    ),
    rule(
        "yaml-limit",
        E,
        "a YAML file with more than 1,000 aliases or anchors, nesting deeper than 32, or more than one document",
    ),
    rule(
        "outside-repository",
        E,
        "a `..` path, or a symbolic link that leads out of the repository",
    ),
    rule(
        "file-too-large",
        E,
        "a YAML file larger than `gränser: {yaml_kb: …}` in rsr.yaml allows (4 MB unless set)",
    ),
    rule("file-name", E, "a file or folder whose name is not UTF-8"),
];

/// Rules over the loaded data; `regler:` in body.yaml can set each to
/// `off`, `warning` or `error`.
pub const RULES: &[Rule] = &[
    rule(
        "unknown-rule",
        E,
        "a rule id in `regler:` that does not exist",
    ),
    rule(
        "invalid-pattern",
        E,
        "a case number pattern that is not a valid regular expression",
    ),
    rule(
        "unknown-person",
        E,
        "a person id that rsr.yaml does not list",
    ),
    rule(
        "unknown-item",
        E,
        "an item id in `ärenden:` that the meeting does not have",
    ),
    rule(
        "control-character",
        E,
        "a control character (other than tab and line breaks) or a Unicode noncharacter in a YAML file",
    ),
    rule(
        "glyph-missing",
        E,
        "a character in a YAML value that none of the fonts rsr ships can show (CJK, scripts beside Latin, Greek, Cyrillic, Arabic, Hebrew, Ethiopic and Thai)",
    ),
    rule(
        "text-too-long",
        E,
        "a value other than the long text fields (a title, name, place or label) longer than a PDF string can hold (32,767 bytes; about 16,000 characters of Swedish text)",
    ),
    rule(
        "continued-line",
        W,
        "a deeper line that looks like a list entry or a field, but YAML reads as the end of the text above it",
    ),
    rule("duplicate-person", E, "a person listed twice"),
    rule(
        "person-id",
        E,
        "a person id in rsr.yaml that is empty or begins or ends with a space",
    ),
    rule(
        "member-period",
        E,
        "a member whose `till` comes before their `från`",
    ),
    rule(
        "not-a-member",
        E,
        "someone deciding, or replaced by a substitute, who is not a member of the body on the meeting's date",
    ),
    rule("present-and-absent", E, "a member both present and absent"),
    rule(
        "substitute-for-present",
        E,
        "a substitute serving at an item where the member replaced is present",
    ),
    rule(
        "unknown-attendee",
        E,
        "someone under `del_av_mötet` who is not listed as deciding",
    ),
    rule(
        "motion-not-deciding",
        E,
        "a motion (yrkande) by someone not deciding the item",
    ),
    rule(
        "reservation-not-deciding",
        E,
        "a reservation by someone not deciding the item",
    ),
    rule(
        "vote-not-deciding",
        E,
        "a vote cast by someone not deciding the item",
    ),
    rule(
        "vote-count",
        E,
        "a vote that does not count every member deciding the item",
    ),
    rule(
        "vote-tie",
        E,
        "a tied vote without the chair's deciding vote",
    ),
    rule(
        "conflict-took-part",
        E,
        "a member with jäv who moved, voted or reserved in the item",
    ),
    rule(
        "end-before-start",
        E,
        "a meeting that ends before it starts",
    ),
    rule(
        "item-time-order",
        E,
        "an item planned earlier than the item before it",
    ),
    rule(
        "item-outside-meeting",
        E,
        "an item planned before the meeting starts or after it ends",
    ),
    rule(
        "duplicate-case-number",
        E,
        "two items of a meeting with the same case number",
    ),
    rule(
        "case-number-pattern",
        W,
        "a case number that does not match the body's pattern",
    ),
    rule(
        "paragraph-collision",
        E,
        "a pinned § number already used by an earlier meeting that year",
    ),
    rule(
        "paragraph-gap",
        E,
        "a pinned § number that skips numbers after an earlier meeting that year",
    ),
    rule(
        "paragraph-resume",
        E,
        "a `föregående_paragraf` that is not true: it collides with the meeting before, explains no hole, or disagrees with `första_paragraf`",
    ),
    rule(
        "paragraph-range",
        E,
        "a pinned § number of 100 000 or more, which no body reaches in a year",
    ),
    rule(
        "chair-not-present",
        E,
        "a chair who is not among those present",
    ),
    rule(
        "secretary-not-present",
        E,
        "a secretary who is not among those present",
    ),
    rule(
        "adjuster-not-present",
        E,
        "an adjuster (justerare) who is not among those present",
    ),
    rule(
        "adjusted-without-adjusters",
        E,
        "a meeting marked justerad with no justerare",
    ),
    rule(
        "decision-before-held",
        E,
        "a decision recorded for a meeting that has not been held",
    ),
    rule(
        "missing-decision",
        E,
        "a matter of a held meeting (genomförd or justerad) with no `beslut:`, neither its own nor a sub-item's; information items (`typ: information`), standard items and breaks take none",
    ),
    rule(
        "cancelled-attendance",
        E,
        "an inställd meeting with attendance (`närvaro`)",
    ),
    rule(
        "cancelled-decision",
        E,
        "an inställd meeting with a decision or its record (motions, vote, reservations, jäv)",
    ),
    rule(
        "cancelled-justering",
        E,
        "an inställd meeting with justerare or a justering: it has no protokoll to adjust",
    ),
    rule(
        "cancelled-paragraph",
        E,
        "an inställd meeting with `första_paragraf` or `föregående_paragraf`: it has no § numbers",
    ),
    rule(
        "held-without-attendance",
        E,
        "a held meeting without attendance",
    ),
    rule(
        "next-meeting-not-after",
        E,
        "a next meeting dated on or before this one",
    ),
    rule(
        "justering-before-meeting",
        E,
        "a justering dated before the meeting",
    ),
    rule(
        "justering-late",
        E,
        "justering more than 14 days after the meeting (KL 5 kap. 69 §, 6 kap. 35 §); a warning for bodies outside Kommunallagen",
    ),
    rule(
        "quorum",
        E,
        "no more than half of the members present (KL 5 kap. 45 §, 6 kap. 27 §); off for bodies outside Kommunallagen",
    ),
    rule(
        "notice-period",
        W,
        "a kallelse sent fewer days before the meeting than the body's kallelsetid",
    ),
    rule(
        "proposal-without-documents",
        W,
        "an item with förslag till beslut but no beslutsunderlag",
    ),
    rule(
        "document-outside-meeting",
        E,
        "a beslutsunderlag file named with `..` or an absolute path",
    ),
    rule(
        "attachment-not-pdf",
        E,
        "a file marked `bifogas` that is not a PDF",
    ),
    rule(
        "adjusted-changed",
        E,
        "an adjusted protokoll whose content changed since `rsr justera` sealed it, without a rättelse",
    ),
    rule(
        "adjusted-unsealed",
        W,
        "a meeting marked justerad without justering.lock (run `rsr justera`)",
    ),
    rule(
        "correction-unsealed",
        W,
        "a rättelse recorded but not yet sealed with `rsr justera`",
    ),
    rule(
        "lock-not-adjusted",
        E,
        "a meeting with justering.lock whose status is no longer justerad",
    ),
    rule(
        "correction-before-justering",
        E,
        "a rättelse of a meeting not adjusted, or dated before its justering",
    ),
    rule(
        "correction-unknown-paragraph",
        E,
        "a rättelse naming a § the meeting does not have",
    ),
    rule(
        "missing-document-file",
        W,
        "a beslutsunderlag file that is not in the meeting folder",
    ),
    rule("label-empty", E, "a label in `rubriker:` set to empty text"),
    rule(
        "next-meeting-cancelled",
        W,
        "a next meeting (`nästa_möte`) that is inställd",
    ),
    rule(
        "label-placeholder",
        E,
        "a label pattern in `rubriker:` with a placeholder it does not take, or `deltagare_format` without `{namn}`",
    ),
    rule(
        "logo-missing-file",
        E,
        "a `logotyp:` file that is not there or cannot be read",
    ),
    rule(
        "logo-outside-repository",
        E,
        "a `logotyp:` file named with `..`, an absolute path, or a symbolic link that leads out",
    ),
    rule(
        "logo-not-image",
        E,
        "a `logotyp:` file that is not SVG or PNG (by its name and its first bytes), or larger than 4 MB",
    ),
    rule(
        "logo-without-alt",
        E,
        "a `logotyp:` with an empty `alt:`, which PDF/UA needs read out",
    ),
];

/// Rules a body cannot turn down: the tamper lock is not the body's to lift.
const FIXED: [&str; 2] = ["adjusted-changed", "lock-not-adjusted"];

/// What `rsr check` found.
pub struct Checked {
    /// `None` when rsr.yaml itself could not be read.
    pub repository: Option<Repository>,
    /// Sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Loads the repository and runs every rule.
pub fn check(root: &Path) -> Checked {
    check_loaded(load::load(root))
}

/// Runs every rule on a loaded repository.
pub fn check_loaded(loaded: Loaded) -> Checked {
    let Loaded {
        repository,
        mut problems,
        unread,
    } = loaded;
    if let Some(repository) = &repository {
        // A file that did not read whole would show as a changed protokoll.
        let compare_locks = unread.files.is_empty();
        let mut judged = rules(repository, compare_locks);
        judged.retain(|finding| !follows_from_unread(finding, &unread));
        problems.extend(judged);
    }
    problems.sort_by(|a, b| {
        a.loc
            .cmp(&b.loc)
            .then(a.rule.cmp(b.rule))
            .then(a.message.cmp(&b.message))
    });
    problems.dedup();
    Checked {
        repository,
        diagnostics: problems,
    }
}

/// Rules that judge what a file does not say: in a file read with a broken
/// entry taken out, their finding may be that entry's absence, which is
/// the mistake already reported (a `beslut:` that is a list is not also a
/// missing decision; an unquoted `no` among `beslutande` does not also
/// break the quorum).
const JUDGE_ABSENCE: &[&str] = &[
    "missing-decision",
    "adjusted-without-adjusters",
    "held-without-attendance",
    "proposal-without-documents",
    "quorum",
    "chair-not-present",
    "secretary-not-present",
    "adjuster-not-present",
];

/// Rules over a body's § numbers, which an item left out throws off.
const JUDGE_NUMBERING: &[&str] = &[
    "paragraph-gap",
    "paragraph-resume",
    "paragraph-collision",
    "paragraph-range",
];

/// Whether `finding` may only follow from a file that did not read whole:
/// a rule of `JUDGE_ABSENCE` in that file; a rule of `JUDGE_NUMBERING` in a
/// body with such a file; an unknown person whose entry in rsr.yaml did not
/// read; a rule over the members of a body whose body.yaml did not read
/// whole.
fn follows_from_unread(finding: &Diagnostic, unread: &load::Unread) -> bool {
    let files = &unread.files;
    if JUDGE_ABSENCE.contains(&finding.rule) && files.contains(&finding.loc.file) {
        return true;
    }
    // A person whose entry in rsr.yaml did not read is not also unknown
    // wherever they are named.
    if finding.rule == "unknown-person"
        && unread
            .persons
            .iter()
            .any(|id| finding.subject.as_deref() == Some(id.as_str()))
    {
        return true;
    }
    let body_of = |path: &Path| -> Option<std::path::PathBuf> {
        let mut parts = path.components();
        let first = parts.next()?;
        let second = parts.next()?;
        (first.as_os_str() == load::MEETINGS_DIR).then(|| Path::new(first.as_os_str()).join(second))
    };
    // An item left out is not also unknown to its meeting, nor its §
    // unknown to a rättelse.
    let folder = finding.loc.file.parent();
    if matches!(
        finding.rule,
        "unknown-item" | "correction-unknown-paragraph"
    ) && files.iter().any(|file| file.parent() == folder)
    {
        return true;
    }
    let Some(body) = body_of(&finding.loc.file) else {
        return false;
    };
    // A member whose entry in body.yaml did not read is not also absent
    // from the body, nor does the quorum count without them.
    let members = [
        "not-a-member",
        "quorum",
        "chair-not-present",
        "adjuster-not-present",
    ];
    (JUDGE_NUMBERING.contains(&finding.rule) && files.iter().any(|file| file.starts_with(&body)))
        || (members.contains(&finding.rule) && files.contains(&body.join(load::BODY_FILE)))
}

fn rules(repository: &Repository, compare_locks: bool) -> Vec<Diagnostic> {
    let mut all = Vec::new();
    appearance::organisation(repository, &mut all);
    people::register(repository, &mut all);
    for body in &repository.bodies {
        let mut found = Vec::new();
        appearance::body(repository, body, &mut found);
        people::body(repository, body, &mut found);
        items::body(body, &mut found);
        numbering::body(body, &mut found);
        if compare_locks {
            lock::body(repository, body, &mut found);
        }
        for (meeting, paragraphs) in body.meetings.iter().zip(&body.numbering) {
            let context = Context {
                repository,
                body,
                meeting,
            };
            people::meeting(&context, &mut found);
            times::meeting(&context, &mut found);
            items::meeting(&context, &mut found);
            meeting::meeting(&context, &mut found);
            record::meeting(&context, &mut found);
            lock::meeting(&context, paragraphs, &mut found);
        }
        let settings = Settings::of(body, &mut all);
        all.extend(found.into_iter().filter_map(|d| settings.apply(d)));
    }
    all
}

/// One meeting and what it belongs to.
pub struct Context<'a> {
    pub repository: &'a Repository,
    pub body: &'a Body,
    pub meeting: &'a Meeting,
}

impl Context<'_> {
    /// Whether every member and officer of the body on the meeting's date
    /// is a guest or an id the register has: rules that compare people with
    /// the membership are skipped while one is not, since `unknown-person`
    /// has already reported it.
    pub fn members_resolved(&self) -> bool {
        let organisation = &self.repository.organisation;
        self.body
            .spec
            .members_on(self.meeting.date())
            .all(|m| organisation.person(&m.person.value).is_some())
    }

    /// The chair as named in the meeting, or the body's ordförande, with the
    /// file it is named in.
    fn chair(&self) -> Option<(&Path, &PersonRef)> {
        match &self.meeting.spec.chair {
            Some(chair) => Some((&self.meeting.file, chair)),
            None => self.member_with(crate::repo::model::Role::Chair),
        }
    }

    fn secretary(&self) -> Option<(&Path, &PersonRef)> {
        match &self.meeting.spec.secretary {
            Some(secretary) => Some((&self.meeting.file, secretary)),
            None => self.member_with(crate::repo::model::Role::Secretary),
        }
    }

    fn member_with(&self, role: crate::repo::model::Role) -> Option<(&Path, &PersonRef)> {
        let member = self.body.spec.member_with(role, self.meeting.date())?;
        Some((&self.body.file, &member.person))
    }
}

/// A body's rule settings: Kommunallagen's defaults for its kind, then its
/// own `regler:`.
struct Settings {
    levels: BTreeMap<&'static str, RuleLevel>,
}

impl Settings {
    fn of(body: &Body, problems: &mut Vec<Diagnostic>) -> Settings {
        let mut levels = BTreeMap::new();
        if !body.spec.kind.under_kommunallagen() {
            levels.insert("quorum", RuleLevel::Off);
            levels.insert("justering-late", RuleLevel::Warning);
        }
        let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        for (id, level) in &body.spec.rules {
            if FIXED.contains(&id.as_str()) {
                problems.push(Diagnostic::error(
                    "unknown-rule",
                    level.loc(&body.file),
                    crate::lang::t!("check-rule-fixed", id = id),
                ));
                continue;
            }
            match RULES.iter().find(|r| r.id == id) {
                Some(rule) => {
                    levels.insert(rule.id, level.value);
                }
                None => {
                    let mut problem = Diagnostic::error(
                        "unknown-rule",
                        level.loc(&body.file),
                        crate::lang::t!("check-unknown-rule", id = id),
                    );
                    if let Some(near) = nearest(id, &known) {
                        problem =
                            problem.with_hint(crate::lang::t!("check-did-you-mean", near = near));
                    }
                    problems.push(problem);
                }
            }
        }
        Settings { levels }
    }

    fn apply(&self, mut diagnostic: Diagnostic) -> Option<Diagnostic> {
        match self.levels.get(diagnostic.rule) {
            Some(RuleLevel::Off) => return None,
            Some(RuleLevel::Warning) => diagnostic.severity = Severity::Warning,
            Some(RuleLevel::Error) => diagnostic.severity = Severity::Error,
            None => {}
        }
        Some(diagnostic)
    }
}

/// A finding of one of the rules in `RULES`, at its default severity.
fn finding(
    rule: &'static str,
    loc: crate::repo::model::Loc,
    message: impl Into<String>,
) -> Diagnostic {
    let severity = RULES
        .iter()
        .find(|r| r.id == rule)
        .map_or(Severity::Error, |r| r.severity);
    match severity {
        Severity::Error => Diagnostic::error(rule, loc, message),
        Severity::Warning => Diagnostic::warning(rule, loc, message),
    }
}

/// What identifies a person within a meeting: the register id, or a guest's name.
fn key(person: &PersonRef) -> &str {
    person.value.key()
}

/// The person's name as the register or the guest entry gives it.
fn name<'a>(repository: &'a Repository, person: &'a PersonRef) -> &'a str {
    let known = repository.organisation.person(&person.value);
    known.map_or(person.value.key(), |p| p.name.as_str())
}
