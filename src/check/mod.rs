//! `rsr check`: every rule over the loaded repository. Each rule is a
//! function in one of the modules below, named by a stable id; this module
//! runs them all, applies each body's rule settings, and sorts the findings
//! by file and line.

mod appearance;
pub(crate) mod fields;
mod followup;
pub mod gate;
mod items;
mod limits;
mod lock;
mod meeting;
mod numbering;
pub mod output;
mod people;
mod privacy;
mod record;
pub(crate) mod seal;
mod secrecy;
mod times;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::error::Severity::{Error as E, Warning as W};
use crate::error::{Diagnostic, Severity};
use crate::repo::load::{self, Loaded, nearest};
use crate::repo::model::{Body, Meeting, PersonRef, Repository, RuleLevel};

/// A rule of `rsr check`: its id and its severity unless a body sets it.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
}

impl Rule {
    /// What the rule guards against, in the run's language (printed by
    /// `rsr check --list-rules`; the catalogues' `list.ftl`).
    pub fn what(&self) -> String {
        crate::lang::text(&format!("rule-{}", self.id), &[])
    }
}

const fn rule(id: &'static str, severity: Severity) -> Rule {
    Rule { id, severity }
}

/// Rules found while reading files; they cannot be turned off.
pub const LOAD_RULES: &[Rule] = &[
    rule("yaml-syntax", E),
    rule("unknown-field", E),
    rule("wrong-type", E),
    rule("missing-field", E),
    rule("invalid-date", E),
    rule("invalid-time", E),
    rule("folder-date", E),
    rule("missing-file", E),
    rule("duplicate-item-id", E),
    rule("yaml-limit", E),
    rule("outside-repository", E),
    rule("file-too-large", E),
    rule("file-name", E),
];

/// Rules over the loaded data; `regler:` in body.yaml can set each to
/// `off`, `warning` or `error`.
pub const RULES: &[Rule] = &[
    rule("unknown-rule", E),
    rule("invalid-pattern", E),
    rule("unknown-person", E),
    rule("unknown-item", E),
    rule("control-character", E),
    rule("glyph-missing", E),
    rule("text-too-long", E),
    rule("continued-line", W),
    rule("duplicate-person", E),
    rule("person-id", E),
    rule("member-period", E),
    rule("not-a-member", E),
    rule("present-and-absent", E),
    rule("substitute-for-present", E),
    rule("unknown-attendee", E),
    rule("motion-not-deciding", E),
    rule("reservation-not-deciding", E),
    rule("vote-not-deciding", E),
    rule("vote-count", E),
    rule("vote-tie", E),
    rule("conflict-took-part", E),
    rule("end-before-start", E),
    rule("item-time-order", E),
    rule("item-outside-meeting", E),
    rule("duplicate-case-number", E),
    rule("case-number-pattern", W),
    rule("paragraph-collision", E),
    rule("paragraph-gap", E),
    rule("paragraph-resume", E),
    rule("paragraph-range", E),
    rule("chair-not-present", E),
    rule("secretary-not-present", E),
    rule("adjuster-not-present", E),
    rule("adjusted-without-adjusters", E),
    rule("decision-before-held", E),
    rule("missing-decision", E),
    rule("cancelled-attendance", E),
    rule("cancelled-decision", E),
    rule("cancelled-justering", E),
    rule("cancelled-paragraph", E),
    rule("held-without-attendance", E),
    rule("next-meeting-not-after", E),
    rule("justering-before-meeting", E),
    rule("justering-late", E),
    rule("quorum", E),
    rule("notice-period", W),
    rule("kungorelse-period", E),
    rule("assignment-overdue", W),
    rule("motion-overdue", W),
    rule("personal-number", E),
    rule("secrecy-provision", E),
    rule("secrecy-marking", W),
    rule("proposal-without-documents", W),
    rule("document-outside-meeting", E),
    rule("attachment-not-pdf", E),
    rule("document-not-a-file", E),
    rule("limit-too-high", E),
    rule("meeting-too-large", E),
    rule("adjusted-changed", E),
    rule("adjusted-unsealed", E),
    rule("correction-unsealed", W),
    rule("lock-not-adjusted", E),
    rule("lock-mismatch", E),
    rule("lock-commit", W),
    rule("lock-removed", E),
    rule("lock-rewritten", E),
    rule("correction-before-justering", E),
    rule("correction-unknown-paragraph", E),
    rule("missing-document-file", W),
    rule("label-empty", E),
    rule("next-meeting-cancelled", W),
    rule("label-placeholder", E),
    rule("logo-missing-file", E),
    rule("logo-outside-repository", E),
    rule("logo-not-image", E),
    rule("logo-without-alt", E),
    rule("website-url", E),
    rule("signature-invalid", E),
    rule("signature-untrusted", W),
];

/// Rules a body cannot turn down: the tamper lock is not the body's to lift.
const FIXED: [&str; 10] = [
    "adjusted-changed",
    "signature-invalid",
    "signature-untrusted",
    "lock-not-adjusted",
    "adjusted-unsealed",
    "lock-mismatch",
    "lock-removed",
    "lock-rewritten",
    "limit-too-high",
    "meeting-too-large",
];

/// What `rsr check` found.
pub struct Checked {
    /// `None` when rsr.yaml itself could not be read.
    pub repository: Option<Repository>,
    /// Sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// What each body's own rules found (among `diagnostics`), in the
    /// order of the repository's bodies; empty without a repository, or
    /// when a file did not read whole (what they found then is not for
    /// remembering).
    pub of_bodies: Vec<Vec<Diagnostic>>,
    /// The seal of each meeting with a lock, by its index, of each body
    /// whose own rules ran, as `of_bodies` (empty for the others).
    pub seals: Vec<Vec<(usize, seal::Seal)>>,
}

/// What the last whole build found, by the body's place among the
/// repository's bodies (the build's inventory tells).
pub trait Records: Sync {
    /// What the body's own rules found, for a body none of whose files,
    /// nor anything its rules read, changed since. `None` runs them.
    fn findings(&self, place: usize) -> Option<Vec<Diagnostic>>;
    /// The seal of the protokoll of the body's meeting at `meeting`, for a
    /// meeting none of whose protokoll's data can have changed since.
    /// `None` makes it.
    fn seal(&self, place: usize, meeting: usize) -> Option<seal::Seal>;
}

/// The records a command hands the rules, where it has them.
pub type Remembered<'a> = &'a dyn Records;

/// What a body's own rules found, and the seals its lock rule compared.
type OfBody = (Vec<Diagnostic>, Vec<(usize, seal::Seal)>);

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

/// What git's history tells the seal rules (`review::git::history` reads
/// it).
#[derive(Debug, Default)]
pub struct History {
    /// Every commit HEAD descends from, against which each lock's `commit:`
    /// is checked (`lock-commit`).
    pub commits: BTreeSet<String>,
    /// Each justering.lock of the base (the merge base with main) or of
    /// HEAD that is gone from the working tree, relative to the root, with
    /// that commit (`lock-removed`).
    pub removed_locks: Vec<(std::path::PathBuf, String)>,
    /// Each justering.lock whose text differs from the base's (or, without
    /// one there, HEAD's): its path, that commit, and that text
    /// (`lock-rewritten`).
    pub sealed_locks: Vec<(std::path::PathBuf, String, String)>,
}

/// Runs every rule on a loaded repository.
pub fn check_loaded(loaded: Loaded) -> Checked {
    check_loaded_with(loaded, None, None)
}

/// `check_loaded`, taking each body's findings from `remembered` where it
/// has them.
pub fn check_remembering(loaded: Loaded, remembered: Remembered) -> Checked {
    check_loaded_with(loaded, None, Some(remembered))
}

/// Runs every rule on a loaded repository, with what git's history tells,
/// taking each body's findings from `remembered` where it has them: what
/// `rsr check` runs.
pub fn check_loaded_with(
    loaded: Loaded,
    history: Option<&History>,
    remembered: Option<Remembered>,
) -> Checked {
    let Loaded {
        repository,
        mut problems,
        unread,
    } = loaded;
    let mut of_bodies = Vec::new();
    let mut seals = Vec::new();
    if let Some(repository) = &repository {
        // A file that did not read whole would show as a changed protokoll.
        let compare_locks = unread.files.is_empty();
        // Then what a body's rules find depends on a file of another body
        // as well: what was found with every file read (a build reads them
        // all, or fails) is not what they find now, nor to be remembered.
        let remembered = remembered.filter(|_| compare_locks);
        let (mut judged, bodies) = rules(repository, compare_locks, history, remembered);
        let (bodies, sealed): (Vec<_>, Vec<_>) = bodies.into_iter().unzip();
        judged.extend(bodies.iter().flatten().cloned());
        judged.retain(|finding| !follows_from_unread(finding, &unread));
        problems.extend(judged);
        if compare_locks {
            of_bodies = bodies;
            seals = sealed;
        }
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
        of_bodies,
        seals,
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

/// The findings of the rules over the whole repository, and those of each
/// body's own rules.
fn rules(
    repository: &Repository,
    compare_locks: bool,
    history: Option<&History>,
    remembered: Option<Remembered>,
) -> (Vec<Diagnostic>, Vec<OfBody>) {
    let mut all = Vec::new();
    if let Some(history) = history {
        lock::removed(repository, history, &mut all);
        if compare_locks {
            lock::rewritten(repository, history, &mut all);
            // Each body's locks against the history: among the findings
            // over the whole repository, so that what a body's own rules
            // find depends on its files alone, and a build, which reads no
            // history, may remember it for `rsr check`.
            for body in &repository.bodies {
                let mut found = Vec::new();
                lock::commits(body, &history.commits, &mut found);
                let settings = Settings::of(body, &mut Vec::new());
                all.extend(found.into_iter().filter_map(|d| settings.apply(d)));
            }
        }
    }
    appearance::organisation(repository, &mut all);
    limits::organisation(repository, &mut all);
    people::register(repository, &mut all);
    privacy::repository(repository, &mut all);
    // Each body's rules, the bodies in parallel.
    let places: Vec<usize> = (0..repository.bodies.len()).collect();
    let per_body = crate::repo::parallel::each(&places, |&place| {
        if let Some(found) = remembered.and_then(|remembered| remembered.findings(place)) {
            return (found, Vec::new());
        }
        let body = &repository.bodies[place];
        let mut found = Vec::new();
        appearance::body(repository, body, &mut found);
        people::body(repository, body, &mut found);
        let case_pattern = items::body(body, &mut found);
        followup::body(body, &mut found);
        numbering::body(body, &mut found);
        let known = |meeting| remembered?.seal(place, meeting);
        let seals = if compare_locks {
            lock::body(repository, body, &known, &mut found)
        } else {
            Vec::new()
        };
        for (meeting, paragraphs) in body.meetings.iter().zip(&body.numbering) {
            let context = Context {
                repository,
                body,
                meeting,
            };
            people::meeting(&context, &mut found);
            times::meeting(&context, &mut found);
            items::meeting(&context, case_pattern.as_ref(), &mut found);
            secrecy::meeting(&context, &mut found);
            meeting::meeting(&context, &mut found);
            record::meeting(&context, &mut found);
            lock::meeting(&context, paragraphs, &mut found);
            limits::meeting(repository, meeting, &mut found);
        }
        let mut settings_problems = Vec::new();
        let settings = Settings::of(body, &mut settings_problems);
        settings_problems.extend(found.into_iter().filter_map(|d| settings.apply(d)));
        // A personal identity number in the body's files, whatever its
        // `regler:` say.
        privacy::body(repository, body, &mut settings_problems);
        (settings_problems, seals)
    });
    (all, per_body)
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
