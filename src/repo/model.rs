//! The repository as plain data: what the YAML files say, with the location of
//! every value that later stages may need to point at. No I/O here.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};
use serde_saphyr::Spanned;

pub use crate::error::Loc;
pub use crate::repo::labels::Rubriker;

/// A value read from YAML together with the place it was read from.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub struct Located<T> {
    pub value: T,
    pub line: u64,
    pub column: u64,
}

impl<T> Located<T> {
    /// Where this value stands in `file`.
    pub fn loc(&self, file: &std::path::Path) -> Loc {
        Loc {
            file: file.to_path_buf(),
            line: self.line,
            column: self.column,
        }
    }
}

/// The schema of a located value is the schema of the value.
impl<T: JsonSchema> JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        Ok(Located {
            value: spanned.value,
            line: spanned.referenced.line(),
            column: spanned.referenced.column(),
        })
    }
}

/// The whole repository after loading.
#[derive(Debug, Clone)]
pub struct Repository {
    /// Its files, which every read goes through.
    pub files: std::sync::Arc<crate::repo::store::Store>,
    pub file: PathBuf,
    pub organisation: Organisation,
    pub bodies: Vec<Body>,
}

/// rsr.yaml: organisationen och dess personregister. / The organisation and
/// its register of persons.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "rsr.yaml")]
pub struct Organisation {
    /// Organisationens namn. / The organisation's name.
    #[serde(rename = "organisation")]
    pub name: String,
    /// Personer efter stabilt id, gemensamma för alla organ. / Persons by
    /// stable id, shared by all bodies.
    #[serde(rename = "personer", default)]
    pub persons: BTreeMap<String, Person>,
    /// Gränser som skyddar bygget mot orimliga filer och mallar. / Limits
    /// that guard the build against unreasonable files and templates.
    #[serde(rename = "gränser", default)]
    pub limits: Limits,
    /// Rubriker och fasta texter i alla organs dokument. / The headings
    /// and labels of every body's documents.
    #[serde(rename = "rubriker")]
    pub labels: Option<Rubriker>,
    /// Organisationens logotyp i varje dokuments sidhuvud. / The
    /// organisation's logo, in every document's page header.
    #[serde(rename = "logotyp")]
    pub logo: Option<Logo>,
    /// Adressen där webbplatsen publiceras, t.ex.
    /// `https://www.storsjo.se/protokoll/`: flödets `self`-länk, och det
    /// som gör flödets och kalendrarnas id:n unika för organisationen. /
    /// The address the site is published at: the feed's self link, and
    /// what makes the feed's and the calendars' ids the organisation's own.
    #[serde(rename = "webbplats")]
    pub website: Option<Located<String>>,
    /// Webbplatsens tillgänglighetsredogörelse (lagen om tillgänglighet
    /// till digital offentlig service): vart den som inte kan använda
    /// webbplatsen vänder sig, och kända brister. / The site's
    /// accessibility statement: whom to contact, and known shortcomings.
    #[serde(rename = "tillgänglighet")]
    pub accessibility: Option<Accessibility>,
}

/// Uppgifterna i tillgänglighetsredogörelsen. / What the accessibility
/// statement says.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// Den som står bakom webbplatsen, t.ex. `Storsjö kommun,
    /// kommunledningsförvaltningen`; förval organisationen. / Who stands
    /// behind the site; the organisation by default.
    #[serde(rename = "ansvarig")]
    pub responsible: Option<String>,
    /// E-postadress för synpunkter och för handlingar i annat format. /
    /// E-mail for reports and for documents in another format.
    #[serde(rename = "e_post")]
    pub email: Option<Located<String>>,
    /// Telefonnummer, t.ex. `063-14 00 00`. / Telephone number.
    #[serde(rename = "telefon")]
    pub phone: Option<Located<String>>,
    /// Kända brister utöver dem rsr själv anger. / Known shortcomings
    /// beyond those rsr states itself.
    #[serde(rename = "brister", default)]
    pub shortcomings: Vec<String>,
    /// Dagen då redogörelsen senast sågs över. / The day the statement was
    /// last reviewed.
    #[serde(rename = "granskad")]
    pub reviewed: Option<Located<Date>>,
}

impl Organisation {
    /// The site's address with a slash at its end, when `webbplats:` is an
    /// http(s) URL (`rsr check` reports one that is not).
    pub fn site(&self) -> Option<String> {
        let value = self.website.as_ref()?.value.trim();
        website_ok(value).then(|| {
            if value.ends_with('/') {
                value.to_string()
            } else {
                format!("{value}/")
            }
        })
    }

    /// What identifies the organisation in ids that must be unique across
    /// organisations: its site's address, else its name.
    pub fn identity(&self) -> String {
        self.site()
            .unwrap_or_else(|| format!("rsr:organisation:{}", self.name))
    }
}

/// Whether a `webbplats:` is the address of a site: `https://` or
/// `http://`, a host, no spaces, no query or fragment.
pub fn website_ok(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or_default();
    !host.is_empty()
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && !value.contains(['?', '#'])
}

/// En logotyp: en SVG- eller PNG-fil i repot och dess alternativtext. / A
/// logo: an SVG or PNG file in the repository and its alternative text.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// Filen, relativ till repots rot, t.ex. `logotyp.svg`. / The file,
    /// relative to the repository's root.
    #[serde(rename = "fil")]
    pub file: Located<String>,
    /// Alternativtext för skärmläsare, t.ex. `Kommunförbundets logotyp`. /
    /// Alternative text for screen readers.
    pub alt: Located<String>,
}

/// Gränser. / Limits.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Största YAML-fil i kilobyte (förval 4096). / The largest YAML file
    /// read, in kilobytes.
    #[serde(rename = "yaml_kb")]
    #[schemars(range(min = 1))]
    pub yaml_kb: u64,
    /// Längsta tid ett dokument får sättas, i sekunder (förval 120). / The
    /// longest a document may take to typeset, in seconds.
    #[serde(rename = "sekunder_per_dokument")]
    #[schemars(range(min = 1))]
    pub seconds_per_document: u64,
    /// Mest minne (adressrymd) som sättningen av ett dokument får ta, i
    /// megabyte (förval 2048, minst 384, högst 16384). / The most memory
    /// (address space) typesetting one document may take, in megabytes.
    #[serde(rename = "megabyte_per_dokument")]
    #[schemars(range(min = 384))]
    pub megabytes_per_document: u64,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        yaml_kb: 4096,
        seconds_per_document: 120,
        megabytes_per_document: 2048,
    };
    /// The ceilings no rsr.yaml can lift.
    pub const MAX_SECONDS: u64 = 600;
    pub const MAX_YAML_KB: u64 = 64 * 1024;
    pub const MAX_MEGABYTES: u64 = 16 * 1024;
    /// What a typesetting process needs to start and typeset one ordinary
    /// document after another: at 256 MB the examples' build failed now and
    /// then under load (a worker's address space: the binary, the fonts,
    /// the thread stacks, Typst's caches of the last document).
    pub const MIN_MEGABYTES: u64 = 384;

    /// Never above 64 MB, whatever rsr.yaml says (`rsr check` reports a
    /// higher value as `limit-too-high`).
    pub fn yaml_bytes(self) -> u64 {
        self.yaml_kb
            .clamp(1, Self::MAX_YAML_KB)
            .saturating_mul(1024)
    }

    /// Never above 600 s, whatever rsr.yaml says (`rsr check` reports a
    /// higher value as `limit-too-high`).
    pub fn per_document(self) -> std::time::Duration {
        std::time::Duration::from_secs(self.seconds_per_document.clamp(1, Self::MAX_SECONDS))
    }

    /// The ceiling on a typesetting process's address space in bytes: never
    /// above 16 GB (`rsr check` reports a higher value as
    /// `limit-too-high`), never below the 384 MB a worker needs.
    pub fn memory_bytes(self) -> u64 {
        self.megabytes_per_document
            .clamp(Self::MIN_MEGABYTES, Self::MAX_MEGABYTES)
            .saturating_mul(1 << 20)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// En person: i registret under ett id, eller angiven direkt som gäst. / A
/// person: in the register under an id, or given inline as a guest.
#[derive(
    Debug, Clone, bincode::Encode, bincode::Decode, Default, Deserialize, PartialEq, Eq, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Namn. / Name.
    #[serde(rename = "namn")]
    pub name: String,
    /// Parti, förkortat utan parentes, t.ex. `S`. / Party abbreviation
    /// without parentheses.
    #[serde(rename = "parti")]
    pub party: Option<String>,
    /// Organisation eller kommun som personen företräder, t.ex. `Krokom`. /
    /// Organisation or municipality represented.
    pub organisation: Option<String>,
    /// Titel, t.ex. `förbundschef`. / Job title.
    #[serde(rename = "titel")]
    pub title: Option<String>,
}

/// Ett id ur personregistret (`tomas.jonsson`) eller en gäst
/// (`{namn: Anna Frisk}`). / A register id or an inline guest.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum PersonRefValue {
    Id(String),
    Guest(Person),
}

pub type PersonRef = Located<PersonRefValue>;

impl PersonRefValue {
    /// The register id, for guests their name: what identifies the person
    /// within one meeting.
    pub fn key(&self) -> &str {
        match self {
            PersonRefValue::Id(id) => id,
            PersonRefValue::Guest(person) => &person.name,
        }
    }
}

impl Organisation {
    /// The person a reference names: a guest as given, an id from the
    /// register; `None` for an id the register lacks.
    pub fn person<'a>(&'a self, reference: &'a PersonRefValue) -> Option<&'a Person> {
        match reference {
            PersonRefValue::Id(id) => self.persons.get(id),
            PersonRefValue::Guest(person) => Some(person),
        }
    }
}

impl Repository {
    /// The folder it was loaded from.
    pub fn root(&self) -> &std::path::Path {
        self.files.root()
    }

    /// The body named by its folder name or its short name; otherwise an
    /// error that lists the bodies there are.
    pub fn body(&self, wanted: &str) -> Result<&Body, String> {
        self.bodies
            .iter()
            .find(|b| b.slug == wanted || b.spec.short_name == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = self.bodies.iter().map(|b| b.slug.as_str()).collect();
                if names.is_empty() {
                    return crate::lang::t!("cmd-no-bodies", wanted = wanted);
                }
                let mut message =
                    crate::lang::t!("cmd-no-body", wanted = wanted, bodies = names.join(", "));
                let shorts: Vec<&str> = self
                    .bodies
                    .iter()
                    .map(|b| b.spec.short_name.as_str())
                    .collect();
                let known: Vec<&str> = names.iter().chain(&shorts).copied().collect();
                if let Some(near) = crate::repo::load::meant(wanted, &known) {
                    message.push_str(&format!(
                        " ({})",
                        crate::lang::t!("rules-did-you-mean", near = near)
                    ));
                }
                message
            })
    }
}

impl BodySpec {
    /// The members and officers in force on `date`, in the order body.yaml
    /// lists them: an entry counts from its `från` to its `till`, both days
    /// included.
    pub fn members_on(&self, date: NaiveDate) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(move |member| member.in_force(date))
    }

    /// The first member with this role on `date`.
    pub fn member_with(&self, role: Role, date: NaiveDate) -> Option<&Member> {
        self.members_on(date).find(|member| member.role == role)
    }

    /// The role on `date` of a person from the register in this body.
    pub fn role_of(&self, reference: &PersonRefValue, date: NaiveDate) -> Option<Role> {
        let PersonRefValue::Id(id) = reference else {
            return None;
        };
        let member = self
            .members_on(date)
            .find(|m| matches!(&m.person.value, PersonRefValue::Id(other) if other == id))?;
        Some(member.role)
    }
}

/// `meetings/<body>/body.yaml` plus the meetings found beside it.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub struct Body {
    /// The folder name under `meetings/`, used in output paths.
    pub slug: String,
    pub file: PathBuf,
    pub spec: BodySpec,
    /// Sorted by date.
    pub meetings: Vec<Meeting>,
    /// The § numbers of each meeting's items, in the order of `meetings`:
    /// numbered once, when the body is made.
    pub numbering: Vec<crate::repo::number::Paragraphs>,
    /// The register of delegation decisions
    /// (`meetings/<body>/delegationsbeslut/*.yaml`), sorted by date.
    pub delegations: Vec<Delegation>,
    /// The register of motions (`meetings/<body>/motioner/*.yaml`), sorted
    /// by the day they were moved.
    pub motions: Vec<Proposal>,
}

/// Ett delegationsbeslut i organets register. / A delegation decision in
/// the body's register.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub struct Delegation {
    /// The register file that holds it.
    pub file: PathBuf,
    pub spec: DelegationSpec,
}

/// Ett beslut som fattats med stöd av delegation (Kommunallagen 6 kap.
/// 37–40 §§). / A decision taken under delegation.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DelegationSpec {
    /// Beslutsdatum. / The day of the decision.
    #[serde(rename = "datum")]
    pub date: Located<Date>,
    /// Den som fattade beslutet: ett id i personregistret eller `{namn:
    /// …, titel: …}`. / Who decided.
    #[serde(rename = "beslutsfattare")]
    pub decided_by: PersonRef,
    /// Punkten i delegationsordningen, t.ex. `3.2.1`. / The point of the
    /// delegation order.
    #[serde(rename = "delegationspunkt")]
    pub point: Option<String>,
    /// Lagrummet beslutet stöds på, t.ex. `9 kap. 31 § PBL`. / The
    /// provision the decision rests on.
    #[serde(rename = "lagrum")]
    pub provision: Option<String>,
    /// Ärendet, t.ex. `Bygglov för garage, Backe 3:9`. / The matter.
    #[serde(rename = "ärende")]
    pub matter: String,
    /// Diarienummer. / Case number.
    #[serde(rename = "diarienummer")]
    pub case_number: Option<Located<String>>,
    /// Beslutet i korthet, t.ex. `Beviljas`. / The decision in brief.
    #[serde(rename = "beslut")]
    pub decision: Option<String>,
    /// Om beslutet anmäls till nämnden (förval `true`); ett beslut som
    /// inte anmäls tillkännages i stället på anslagstavlan (6 kap. 40 §,
    /// 8 kap. 13 §). / Whether it is reported to the nämnd; one that is
    /// not is posted on the anslagstavla instead.
    #[serde(rename = "anmäls", default = "yes")]
    pub reported: bool,
    /// För ett beslut som inte anmäls: dagen det sätts upp på
    /// anslagstavlan; förval beslutsdagen. / For a decision not reported:
    /// the day it is posted; by default the day of the decision.
    #[serde(rename = "tillkännages")]
    pub posted: Option<Located<Date>>,
}

fn yes() -> bool {
    true
}

/// Ett uppdrag som ett beslut ger. / An assignment a decision gives.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// Vad som ska göras. / What is to be done.
    #[serde(rename = "vad")]
    pub what: Located<String>,
    /// Vem som ansvarar, t.ex. `Samhällsbyggnadsförvaltningen`. / Who is
    /// responsible.
    #[serde(rename = "ansvarig")]
    pub responsible: Option<String>,
    /// Sista dag då uppdraget ska vara klart. / The day by which it is to
    /// be done.
    #[serde(rename = "senast")]
    pub due: Option<Located<Date>>,
    /// `pågår` (förval) eller `klart`. / In progress, or done.
    #[serde(default)]
    pub status: AssignmentStatus,
    /// Dagen det blev klart (redovisades). / The day it was done.
    #[serde(rename = "klart")]
    pub done_on: Option<Located<Date>>,
    /// En kommentar om läget. / A note on where it stands.
    #[serde(rename = "kommentar")]
    pub comment: Option<String>,
}

/// Ett uppdrags status. / An assignment's status.
#[derive(
    Debug,
    Clone,
    bincode::Encode,
    bincode::Decode,
    Copy,
    Default,
    PartialEq,
    Eq,
    Deserialize,
    JsonSchema,
)]
pub enum AssignmentStatus {
    #[default]
    #[serde(rename = "pågår")]
    InProgress,
    #[serde(rename = "klart")]
    Done,
}

/// En motion i fullmäktiges register (`motioner/`). / A motion in the
/// register of a fullmäktige.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MotionSpec {
    /// Motionens rubrik. / Its title.
    #[serde(rename = "rubrik")]
    pub title: String,
    /// Vem som väckte den, t.ex. `Eva Lund (V)`. / Who moved it.
    #[serde(rename = "motionär")]
    pub mover: Option<String>,
    /// Dagen den väcktes. / The day it was moved.
    #[serde(rename = "väckt")]
    pub moved_on: Located<Date>,
    /// Diarienummer. / Case number.
    #[serde(rename = "diarienummer")]
    pub case_number: Option<Located<String>>,
    /// Vem som bereder den, t.ex. `Kommunstyrelsen`. / Who prepares it.
    #[serde(rename = "bereds_av")]
    pub prepared_by: Option<String>,
    /// Dagen fullmäktige beslutade om den; utan den bereds den ännu. / The
    /// day fullmäktige decided it; without it, it is still being prepared.
    #[serde(rename = "beslutad")]
    pub decided_on: Option<Located<Date>>,
    /// Beslutet, t.ex. `Motionen anses besvarad.` / The decision.
    #[serde(rename = "beslut")]
    pub decision: Option<String>,
}

/// En motion och filen den står i. / A motion and its file.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub struct Proposal {
    pub file: PathBuf,
    pub spec: MotionSpec,
}

/// Hur länge handlingarna ligger på webbplatsen. / How long the documents
/// stay on the site.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// År efter sammanträdet, minst 1. / Years after the meeting.
    #[serde(rename = "år")]
    pub years: u32,
}

impl BodySpec {
    /// Whether the site no longer shows the documents of a meeting on
    /// `date`, on `today`: `publicering: {år: N}` years after it.
    pub fn withdrawn(&self, date: NaiveDate, today: NaiveDate) -> bool {
        self.publication.is_some_and(|p| {
            date.checked_add_months(chrono::Months::new(12 * p.years.max(1)))
                .is_some_and(|until| until <= today)
        })
    }
}

/// Vilka delegationsbeslut en punkt anmäler: de i organets register med
/// datum från och med `från` till och med `till`. / Which delegation
/// decisions an item reports: those of the body's register from `från` to
/// `till`, both days included.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DelegationPeriod {
    /// Första dagen; förval dagen efter organets förra sammanträde. / The
    /// first day; by default the day after the body's previous meeting.
    #[serde(rename = "från")]
    pub from: Option<Located<Date>>,
    /// Sista dagen; förval dagen före sammanträdet. / The last day; by
    /// default the day before the meeting.
    #[serde(rename = "till")]
    pub to: Option<Located<Date>>,
}

impl Body {
    /// A body of these meetings, sorted by date and numbered.
    pub fn new(slug: String, file: PathBuf, spec: BodySpec, mut meetings: Vec<Meeting>) -> Body {
        meetings.sort_by_key(Meeting::date);
        let mut body = Body {
            slug,
            file,
            spec,
            meetings,
            numbering: Vec::new(),
            delegations: Vec::new(),
            motions: Vec::new(),
        };
        body.numbering = crate::repo::number::number_body(&body);
        body
    }

    /// The body's meeting on `date`.
    pub fn meeting(&self, date: NaiveDate) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.date() == date)
    }

    /// Leaves out the meetings, items and locks whose file is in `unread`,
    /// and numbers what is left again.
    pub fn retain_read(&mut self, unread: &std::collections::BTreeSet<PathBuf>) {
        self.meetings
            .retain(|meeting| !unread.contains(&meeting.file));
        for meeting in &mut self.meetings {
            meeting.items.retain(|item| !unread.contains(&item.file));
            if meeting
                .lock
                .as_ref()
                .is_some_and(|(file, _)| unread.contains(file))
            {
                meeting.lock = None;
            }
        }
        self.numbering = crate::repo::number::number_body(self);
    }

    /// The decision the protokoll shows for `item` of `meeting`: the item's
    /// own `beslut:`, or, for an information item of a meeting not yet
    /// sealed, the body's `informationsbeslut:`. A sealed protokoll shows
    /// only what its own files say: `rsr justera` writes the default text
    /// into the item when it seals it.
    pub fn decision_of<'a>(&'a self, meeting: &Meeting, item: &'a ItemSpec) -> Option<&'a str> {
        self.default_decision(meeting, item)
            .or(item.decision.as_ref().map(|d| d.value.as_str()))
    }

    /// The body's `informationsbeslut:` where it stands in for the
    /// decision of `item`: an information item without a `beslut:` of its
    /// own, of a meeting without justering.lock.
    pub fn default_decision(&self, meeting: &Meeting, item: &ItemSpec) -> Option<&str> {
        let text = self.spec.information_decision.as_ref()?.value.as_str();
        let applies = item.kind == ItemKind::Information
            && item.own_decision().is_none()
            && meeting.lock.is_none()
            && !text.trim().is_empty();
        applies.then_some(text)
    }
}

/// body.yaml: ett organ (nämnd, styrelse, samverkansråd …). / A body.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "body.yaml")]
pub struct BodySpec {
    /// Organets namn, t.ex. `Regional ledningsgrupp`. / The body's name.
    #[serde(rename = "namn")]
    pub name: String,
    /// Kortnamn, t.ex. `RLG`. / Short name.
    #[serde(rename = "kortnamn")]
    pub short_name: String,
    /// Organisationen som organet hör till, om inte rsr.yaml:s. / The
    /// organisation the body belongs to, when it is not rsr.yaml's.
    pub organisation: Option<String>,
    /// Slag av organ; nämnd, styrelse och fullmäktige lyder under
    /// kommunallagen. / Kind of body; these three are bound by Kommunallagen.
    #[serde(rename = "typ", default)]
    pub kind: BodyKind,
    /// Kallelsetid i dagar före sammanträdet. / Notice period in days.
    #[serde(rename = "kallelsetid")]
    pub notice_days: Option<Located<u32>>,
    /// Reguljärt uttryck som diarienummer ska följa, t.ex. `^RS/\d+/\d{4}$`.
    /// / Regular expression case numbers should match.
    #[serde(rename = "diarienummer")]
    pub case_pattern: Option<Located<String>>,
    /// Om organet tillkännager justerade protokoll på anslagstavlan; då
    /// får protokollet ett anslagsbevis. / Whether the body posts adjusted
    /// protokoll on a notice board; they then carry an anslagsbevis.
    #[serde(default)]
    pub anslagstavla: bool,
    /// Var protokollet förvaras. / Where the protokoll is kept.
    #[serde(rename = "förvaringsplats")]
    pub storage: Option<String>,
    /// Var allmänheten kan läsa sammanträdets handlingar, som
    /// fullmäktiges kungörelse anger, t.ex. `Handlingarna finns på
    /// www.storsjo.se/protokoll och i kommunhusets reception.`. Utan det
    /// anges webbplatsen (`webbplats:` i rsr.yaml), annars
    /// förvaringsplatsen. / Where the public can read the meeting's
    /// documents, as fullmäktige's kungörelse says; without it, the site,
    /// else the storage place.
    #[serde(rename = "handlingar")]
    pub documents_at: Option<Located<String>>,
    /// Hur länge webbplatsen visar ett sammanträdes handlingar, som bär
    /// namn: `{år: 2}`; därefter listas sammanträdet med var handlingarna
    /// kan begäras ut, medan `out/` och arkivet behåller allt. / How long
    /// the site shows a meeting's documents, which carry names; after it
    /// the site lists the meeting and where they can be requested.
    #[serde(rename = "publicering")]
    pub publication: Option<Publication>,
    /// Regler som ska gälla annorlunda än standard: `off`, `warning` eller
    /// `error` per regel-id. / Rules to apply differently, by rule id.
    #[serde(rename = "regler", default)]
    pub rules: BTreeMap<String, Located<RuleLevel>>,
    /// Förval för nya sammanträden (`rsr new meeting`); utan dem används
    /// organets senaste sammanträde. / Defaults for new meetings; without
    /// them, the body's latest meeting.
    #[serde(rename = "förval")]
    pub defaults: Option<Defaults>,
    /// Ledamöter och funktionärer i den ordning kallelsen listar dem. /
    /// Members and officers in the order the kallelse lists them.
    #[serde(rename = "ledamöter", default)]
    pub members: Vec<Member>,
    /// Rubriker och fasta texter för organets dokument; de går före
    /// rsr.yaml:s. / The headings and labels of the body's documents, over
    /// rsr.yaml's.
    #[serde(rename = "rubriker")]
    pub labels: Option<Rubriker>,
    /// Organets egen logotyp, i stället för organisationens. / The body's
    /// own logo, instead of the organisation's.
    #[serde(rename = "logotyp")]
    pub logo: Option<Logo>,
    /// Var protokollets innehållsförteckning står: `egen_sida` (förval, en
    /// sida för sig efter första sidan) eller `första_sidan` (under
    /// underskrifterna, för ett kort protokoll). Ren layout: ingår inte i
    /// sigillet. / Where the protokoll's table of contents goes: a page of
    /// its own (default) or on the first page, below the signatures. Layout
    /// only: not part of the seal.
    #[serde(rename = "innehållsförteckning", default)]
    pub toc: TocPlacement,
    /// Beslutet som protokollet visar för en informationspunkt (`typ:
    /// information`) utan eget `beslut:`, t.ex. `Informationen läggs till
    /// handlingarna.`; Markdown. Utan det visar en sådan punkt inget beslut.
    /// `rsr justera` skriver in texten som punktens `beslut:`, så att ett
    /// justerat protokoll inte ändras när texten här ändras senare. / The
    /// decision the protokoll shows for an information item without a
    /// `beslut:` of its own; `rsr justera` writes it into the item, so a
    /// later change here leaves adjusted protokoll as they were.
    #[serde(rename = "informationsbeslut")]
    pub information_decision: Option<Located<String>>,
}

/// Var innehållsförteckningen står. / Where the table of contents goes.
#[derive(
    Debug,
    Clone,
    bincode::Encode,
    bincode::Decode,
    Copy,
    Default,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
)]
pub enum TocPlacement {
    /// En sida för sig efter första sidan. / A page of its own.
    #[default]
    #[serde(rename = "egen_sida")]
    OwnPage,
    /// På första sidan, under underskrifterna. / On the first page.
    #[serde(rename = "första_sidan")]
    FirstPage,
}

impl TocPlacement {
    pub fn is_default(&self) -> bool {
        *self == TocPlacement::OwnPage
    }
}

/// Förval för nya sammanträden. / Defaults for new meetings.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// Lokal, adress eller länk. / Room, address or link.
    #[serde(rename = "plats")]
    pub place: Option<String>,
    /// Starttid. / Start time.
    pub start: Option<Located<Time>>,
    /// Sluttid. / End time.
    #[serde(rename = "slut")]
    pub end: Option<Located<Time>>,
    /// Digitalt, fysiskt eller hybrid. / Mode.
    #[serde(rename = "form")]
    pub mode: Option<Mode>,
    /// Rubriker på de inledande standardpunkterna, t.ex. `Val av
    /// justerare`. / Titles of the standard opening items.
    #[serde(rename = "inledande_ärenden")]
    pub opening_items: Option<Vec<String>>,
}

/// Slag av organ. / Kind of body.
#[derive(
    Debug,
    Clone,
    bincode::Encode,
    bincode::Decode,
    Copy,
    Default,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
)]
pub enum BodyKind {
    #[serde(rename = "fullmäktige")]
    Council,
    #[serde(rename = "styrelse")]
    Board,
    #[serde(rename = "nämnd")]
    Committee,
    /// Samverkansorgan, ledningsgrupp, beredning … utan kommunallagens krav.
    #[default]
    #[serde(rename = "övrigt")]
    Other,
}

impl BodyKind {
    /// Whether Kommunallagen's rules on quorum and justering bind the body.
    pub fn under_kommunallagen(self) -> bool {
        !matches!(self, BodyKind::Other)
    }
}

/// Hur en regel tillämpas. / How a rule applies.
#[derive(
    Debug, Clone, bincode::Encode, bincode::Decode, Copy, PartialEq, Eq, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Warning,
    Error,
}

/// En ledamot eller funktionär. / A member or officer.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Person-id eller gäst. / Person id or guest.
    pub person: PersonRef,
    /// Roll i organet. / Role in the body.
    #[serde(rename = "roll")]
    pub role: Role,
    /// Första dagen uppdraget gäller, t.ex. `2027-01-01` när en ny
    /// mandatperiod börjar; utan det sedan tidigare. / The first day the
    /// entry is in force; without it, since before any meeting.
    #[serde(rename = "från")]
    pub from: Option<Located<Date>>,
    /// Sista dagen uppdraget gäller, t.ex. `2026-12-31`; utan det tills
    /// vidare. / The last day the entry is in force; without it, until
    /// further notice.
    #[serde(rename = "till")]
    pub to: Option<Located<Date>>,
}

impl Member {
    /// Whether the entry is in force on `date`: from `från` to `till`, both
    /// days included.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        let started = self.from.as_ref().is_none_or(|from| from.value.0 <= date);
        let not_ended = self.to.as_ref().is_none_or(|to| date <= to.value.0);
        started && not_ended
    }

    /// Whether this entry and `other` are in force on some common day.
    pub fn overlaps(&self, other: &Member) -> bool {
        let start = |m: &Member| m.from.as_ref().map(|d| d.value.0);
        let end = |m: &Member| m.to.as_ref().map(|d| d.value.0);
        let starts_before_other_ends = match (start(self), end(other)) {
            (Some(from), Some(to)) => from <= to,
            _ => true,
        };
        let other_starts_before_self_ends = match (start(other), end(self)) {
            (Some(from), Some(to)) => from <= to,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_self_ends
    }
}

/// Roll i organet. / Role in the body.
#[derive(
    Debug, Clone, bincode::Encode, bincode::Decode, Copy, PartialEq, Eq, Deserialize, JsonSchema,
)]
pub enum Role {
    #[serde(rename = "ordförande")]
    Chair,
    #[serde(rename = "vice ordförande")]
    ViceChair,
    #[serde(rename = "ledamot")]
    Member,
    #[serde(rename = "ersättare")]
    Substitute,
    #[serde(rename = "sekreterare")]
    Secretary,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Chair => "ordförande",
            Role::ViceChair => "vice ordförande",
            Role::Member => "ledamot",
            Role::Substitute => "ersättare",
            Role::Secretary => "sekreterare",
        }
    }

    /// Whether the role counts towards the quorum.
    pub fn votes(self) -> bool {
        matches!(self, Role::Chair | Role::ViceChair | Role::Member)
    }
}

/// One meeting folder: `meeting.yaml` and its agenda items in file order.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub struct Meeting {
    /// `meetings/<body>/<YYYY-MM-DD>`, relative to the repository root.
    pub dir: PathBuf,
    pub file: PathBuf,
    pub spec: MeetingSpec,
    pub items: Vec<Item>,
    /// `justering.lock` and its path, once the meeting has been adjusted
    /// with `rsr justera`.
    pub lock: Option<(PathBuf, Lock)>,
    /// Whether the folder's listing has an entry `signerat`
    /// (`load::SIGNED_FOLDER`), which the signed documents are looked for
    /// in; without one, they are not looked for. A model kept from an
    /// earlier build is taken only while every file and folder under the
    /// meeting's folder is as then, so it says so of the folder now.
    pub signed_folder: bool,
}

impl Meeting {
    pub fn date(&self) -> NaiveDate {
        self.spec.date.value.0
    }

    pub fn status(&self) -> Status {
        self.spec.status.value
    }

    /// The date of justering, or of the meeting while there is none.
    pub fn adjusted_on(&self) -> NaiveDate {
        let adjusted = self.spec.justering.as_ref().map(|j| j.date.value.0);
        adjusted.unwrap_or(self.date())
    }

    /// Every beslutsunderlag file the items name (`fil:`), their sub-items'
    /// too, in order: the item, where the document stands, and the path in
    /// the meeting folder as written.
    pub fn document_files(&self) -> Vec<(&Item, &Located<Document>, &str)> {
        let mut found = Vec::new();
        for item in &self.items {
            let subitems = item.spec.subitems.iter().filter_map(SubItem::structured);
            let documents = item
                .spec
                .documents
                .iter()
                .chain(subitems.flat_map(|s| &s.documents));
            for document in documents {
                if let Document::File { file, .. } = &document.value {
                    found.push((item, document, file.as_str()));
                }
            }
        }
        found
    }
}

/// Sammanträdets status: planerad → kallad → genomförd → justerad, eller
/// inställd. / The meeting's status: planned → called → held → adjusted,
/// or cancelled.
// Not ordered: an inställd meeting stands beside the course, not on it, so
// statuses are compared with `reached`.
#[derive(
    Debug,
    Clone,
    bincode::Encode,
    bincode::Decode,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
)]
pub enum Status {
    #[serde(rename = "planerad")]
    Planned,
    #[serde(rename = "kallad")]
    Called,
    #[serde(rename = "genomförd")]
    Held,
    #[serde(rename = "justerad")]
    Adjusted,
    // The meeting will not be held.
    #[serde(rename = "inställd")]
    Cancelled,
}

impl Status {
    /// As written in meeting.yaml: "justerad".
    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "planerad",
            Status::Called => "kallad",
            Status::Held => "genomförd",
            Status::Adjusted => "justerad",
            Status::Cancelled => "inställd",
        }
    }

    /// Whether a meeting with this status has come as far as `stage` on
    /// planerad → kallad → genomförd → justerad. An inställd meeting
    /// reaches no stage (and no stage is reached by asking for `Cancelled`):
    /// it has no protokoll, and its kallelse, if any, is a notice.
    pub fn reached(self, stage: Status) -> bool {
        match (self.step(), stage.step()) {
            (Some(at), Some(wanted)) => at >= wanted,
            _ => false,
        }
    }

    /// Whether the meeting is inställd.
    pub fn is_cancelled(self) -> bool {
        self == Status::Cancelled
    }

    fn step(self) -> Option<u8> {
        match self {
            Status::Planned => Some(0),
            Status::Called => Some(1),
            Status::Held => Some(2),
            Status::Adjusted => Some(3),
            Status::Cancelled => None,
        }
    }
}

/// meeting.yaml: ett sammanträde. / One meeting.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "meeting.yaml")]
pub struct MeetingSpec {
    /// Datum, samma som mappens namn. / Date, the same as the folder's name.
    #[serde(rename = "datum")]
    pub date: Located<Date>,
    /// Starttid, t.ex. `"13:00"`. / Start time.
    pub start: Located<Time>,
    /// Sluttid. / End time.
    #[serde(rename = "slut")]
    pub end: Option<Located<Time>>,
    /// Lokal, adress eller länk. / Room, address or link.
    #[serde(rename = "plats")]
    pub place: String,
    /// Digitalt, fysiskt eller hybrid. / Digital, in person or hybrid.
    #[serde(rename = "form")]
    pub mode: Option<Mode>,
    /// Planerade ämnen, för sammanträdesplanen; utan dem används ärendena.
    /// / Planned topics for the meeting plan; without them, the items.
    #[serde(rename = "ämnen", default)]
    pub topics: Vec<Topic>,
    /// planerad → kallad → genomförd → justerad, eller inställd. /
    /// planned → called → held → adjusted, or cancelled.
    pub status: Located<Status>,
    /// Varför sammanträdet är inställt, för ett inställt sammanträde;
    /// visas i meddelandet om att det är inställt, i planen, på webbplatsen
    /// och i kalendern. / Why the meeting is cancelled (with `status:
    /// inställd`): shown in the notice, the plan, the site and the calendar.
    #[serde(rename = "anledning")]
    pub reason: Option<Located<String>>,
    /// Första paragrafnummer, bara där numreringen måste låsas. / Pins the
    /// first § of this meeting; otherwise numbering continues from the
    /// body's previous meeting that year, or starts at 1.
    #[serde(rename = "första_paragraf")]
    pub first_paragraph: Option<Located<u32>>,
    /// Sista paragrafen före detta sammanträde, när sammanträdena före det
    /// inte finns i repositoryt (ett hål i historiken): numreringen
    /// fortsätter med nästa nummer, och `paragraph-gap` godtar hålet. /
    /// The last § before this meeting where the meetings before it are not
    /// in the repository (a hole in the history): numbering resumes at the
    /// next number, and `paragraph-gap` accepts the hole.
    #[serde(rename = "föregående_paragraf")]
    pub previous_paragraph: Option<Located<u32>>,
    /// Datum då kallelsen skickades. / The date the kallelse was sent.
    #[serde(rename = "kallelse_skickad")]
    pub called_on: Option<Located<Date>>,
    /// Ordförande; standard är organets. / Chair; defaults to the body's.
    #[serde(rename = "ordförande")]
    pub chair: Option<PersonRef>,
    /// Vice ordförande vid detta sammanträde; standard är organets. / Vice
    /// chair at this meeting; defaults to the body's.
    #[serde(rename = "vice_ordförande")]
    pub vice_chair: Option<PersonRef>,
    /// Sekreterare; standard är organets. / Secretary; defaults to the body's.
    #[serde(rename = "sekreterare")]
    pub secretary: Option<PersonRef>,
    /// Justerare. / Adjusters.
    #[serde(rename = "justerare", default)]
    pub adjusters: Vec<PersonRef>,
    /// Justeringens tid och plats. / Time and place of adjustment.
    pub justering: Option<Justering>,
    /// Nästa sammanträde: ett datum, eller `{datum, start, plats}` när
    /// det inte finns någon mötesmapp för det. / The next meeting: a date,
    /// or its date, start and place when no meeting folder holds it yet.
    #[serde(rename = "nästa_möte")]
    pub next_meeting: Option<Located<NextMeeting>>,
    /// Närvaro, ifylld efter sammanträdet. / Attendance, after the meeting.
    #[serde(rename = "närvaro")]
    pub attendance: Option<Attendance>,
    /// Anslagets datum, där de inte ska räknas fram. / The notice-board
    /// dates, where they are not to be computed.
    pub anslag: Option<Anslag>,
    /// Rättelser av det justerade protokollet; protokollet visar dem. /
    /// Formal corrections of the adjusted protokoll, which it then shows.
    #[serde(rename = "rättelser", default)]
    pub corrections: Vec<Correction>,
}

/// Nästa sammanträde: `2026-11-18`, eller `{datum: 2026-11-18, start:
/// "13:00", plats: Kommunhuset}`. / The next meeting: a date, or a date
/// with its start and place.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, JsonSchema)]
#[schemars(untagged)]
pub enum NextMeeting {
    /// Datum; tid och plats hämtas ur det mötets fil när den finns. / A
    /// date; the time and place come from that meeting's file if there is
    /// one.
    Date(Date),
    /// Datum, tid och plats. / Date, time and place.
    Planned(PlannedMeeting),
}

/// Nästa sammanträdes datum, tid och plats. / The next meeting's date, time
/// and place.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannedMeeting {
    /// Datum. / Date.
    #[serde(rename = "datum")]
    pub date: Date,
    /// Starttid. / Start time.
    pub start: Option<Time>,
    /// Lokal, adress eller länk. / Room, address or link.
    #[serde(rename = "plats")]
    pub place: Option<String>,
}

impl NextMeeting {
    pub fn date(&self) -> NaiveDate {
        match self {
            NextMeeting::Date(date) => date.0,
            NextMeeting::Planned(planned) => planned.date.0,
        }
    }

    /// The start and place as written here, not looked up.
    pub fn written(&self) -> (Option<Time>, Option<&str>) {
        match self {
            NextMeeting::Date(_) => (None, None),
            NextMeeting::Planned(planned) => (planned.start, planned.place.as_deref()),
        }
    }
}

/// A date, or a mapping of the date, start and place: each read with its
/// own error messages (an untagged enum would lose them).
impl<'de> Deserialize<'de> for NextMeeting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = NextMeeting;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2026-11-18, or {datum, start, plats}")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NextMeeting, E> {
                let date = Date::deserialize(serde::de::value::StrDeserializer::<E>::new(text))?;
                Ok(NextMeeting::Date(date))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<NextMeeting, A::Error> {
                let planned =
                    PlannedMeeting::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(NextMeeting::Planned(planned))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// En rättelse av ett justerat protokoll (t.ex. ett skrivfel, 36 §
/// förvaltningslagen). / A formal correction of an adjusted protokoll.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// Datum för rättelsen. / The date of the correction.
    #[serde(rename = "datum")]
    pub date: Located<Date>,
    /// Paragrafen som rättas, om en. / The paragraph corrected, if one.
    #[serde(rename = "paragraf")]
    pub paragraph: Option<Located<u32>>,
    /// Vad som rättades och varför. / What was corrected and why.
    pub text: String,
    /// Vem som rättade. / Who made the correction.
    #[serde(rename = "av")]
    pub by: Option<PersonRef>,
}

/// Whether a lock has its `fält`, which loading passes over without
/// keeping.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Copy, Default, PartialEq, Eq)]
pub struct RecordedFields {
    pub present: bool,
}

impl<'de> Deserialize<'de> for RecordedFields {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer)?;
        Ok(RecordedFields { present: true })
    }
}

/// The fields a lock of format 2 records, by file and path.
pub type FieldValues = BTreeMap<String, BTreeMap<String, String>>;

/// `justering.lock`, written by `rsr justera`: what the protokoll held when
/// it was adjusted. Not edited by hand.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// The lock's format: 2 for one that records the fields (`fält`);
    /// absent in the first, which holds the hashes only.
    #[serde(rename = "format")]
    pub format: Option<u32>,
    /// SHA-256 of everything the protokoll shows.
    #[serde(rename = "innehåll")]
    pub content: Located<String>,
    /// The same for everything but the paragraphs.
    #[serde(rename = "förstasida")]
    pub first_page: Option<String>,
    /// The same per paragraph, to say which one changed.
    #[serde(rename = "paragrafer", default)]
    pub paragraphs: BTreeMap<u32, String>,
    #[serde(rename = "justerad")]
    pub adjusted: Located<Date>,
    #[serde(rename = "justerare", default)]
    pub adjusters: Vec<String>,
    /// How many `rättelser` the sealed content includes.
    #[serde(rename = "rättelser", default)]
    pub corrections: usize,
    /// The commit checked out when the meeting was adjusted.
    pub commit: Option<String>,
    /// Format 2: the value of every field the protokoll is made of, by
    /// file and path (`/beslut`), to say which one changed and what it
    /// said (`check::fields`). Passed over when the lock is loaded and read
    /// only when a change is to be told (`RecordedFields::read`): a lock
    /// holds the protokoll's whole text, and most are never needed.
    #[serde(rename = "fält", default)]
    pub fields: RecordedFields,
    /// SHA-256 of the printed text of the protokoll and of its public
    /// version (`typeset::printed`), by name: `protokoll`,
    /// `protokoll-publik`. Absent in a lock written before rsr sealed what
    /// the reader sees.
    #[serde(rename = "utskrift")]
    pub printed: Option<Located<BTreeMap<String, String>>>,
    /// What the printed text depended on besides the data
    /// (`Renderer::environment`): under the same, the same data prints the
    /// same words.
    #[serde(rename = "utskriftsmiljö")]
    pub environment: Option<String>,
    /// SHA-256 of the data of the protokoll's public version, which the
    /// data seal (`innehåll`) does not cover: an item's
    /// `offentlig_rubrik`.
    #[serde(rename = "offentlig")]
    pub public_data: Option<String>,
    /// SHA-256 of each beslutsunderlag file, by its path in the meeting
    /// folder.
    #[serde(rename = "underlag", default)]
    pub attachments: BTreeMap<String, String>,
}

/// Datum då anslaget sätts upp och tas ned. / Posting and removal dates.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anslag {
    /// Uppsatt; standard är första arbetsdagen efter justeringen. / Posted;
    /// defaults to the first working day after justering.
    #[serde(rename = "uppsatt")]
    pub posted: Option<Located<Date>>,
    /// Nedtas; standard är dagen efter att överklagandetiden (tre veckor)
    /// gått ut. / Removed; defaults to the day after the appeal period.
    #[serde(rename = "nedtas")]
    pub removed: Option<Located<Date>>,
}

/// Hur sammanträdet hålls. / How the meeting is held.
#[derive(
    Debug,
    Clone,
    bincode::Encode,
    bincode::Decode,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
)]
pub enum Mode {
    #[serde(rename = "digitalt")]
    Digital,
    #[serde(rename = "fysiskt")]
    InPerson,
    #[serde(rename = "hybrid")]
    Hybrid,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Digital => "Digitalt",
            Mode::InPerson => "Fysiskt",
            Mode::Hybrid => "Hybrid",
        }
    }
}

/// Ett planerat ämne. / A planned topic.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Ämne. / Topic.
    #[serde(rename = "ämne")]
    pub topic: String,
    /// Föredragande, ofta en funktion som `Inköpschef`. / Presenter, often
    /// a function.
    #[serde(rename = "föredragande")]
    pub presenter: Option<String>,
}

/// Justeringens tid och plats. / Time and place of adjustment.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Justering {
    /// Datum. / Date.
    #[serde(rename = "datum")]
    pub date: Located<Date>,
    /// Klockslag. / Time.
    #[serde(rename = "tid")]
    pub time: Option<Located<Time>>,
    /// Plats, t.ex. `digitalt`. / Place.
    #[serde(rename = "plats")]
    pub place: String,
    /// Hur protokollet skrivs under: `papper` (förval: linjer att skriva
    /// under på), `elektronisk` (underskrifter i PDF:en, `rsr signera`;
    /// protokollets första sida säger det) eller `synlig` (elektroniska
    /// underskrifter som syns på linjerna). / How the protokoll is signed:
    /// on paper (the default), with electronic signatures in the PDF, which
    /// its first page then says, or with electronic signatures shown on the
    /// signature lines.
    #[serde(rename = "underskrift", default)]
    pub signing: Signing,
}

/// Hur ett protokoll skrivs under. / How a protokoll is signed.
#[derive(
    Debug,
    Clone,
    bincode::Encode,
    bincode::Decode,
    Copy,
    Default,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
)]
pub enum Signing {
    /// Med penna, på linjer på första sidan. / In ink, on lines.
    #[default]
    #[serde(rename = "papper")]
    Paper,
    /// Med elektroniska underskrifter (PAdES) i PDF:en. / With electronic
    /// signatures in the PDF.
    #[serde(rename = "elektronisk")]
    Electronic,
    /// Med elektroniska underskrifter som syns på linjerna på första
    /// sidan: namn, tid och att underskriften är elektronisk. / With
    /// electronic signatures shown on the lines of the first page.
    #[serde(rename = "synlig")]
    Visible,
}

/// Närvaro. / Attendance.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Beslutande ledamöter. / Members present and deciding.
    #[serde(rename = "beslutande", default)]
    pub present: Vec<PersonRef>,
    /// Tjänstgörande ersättare och för vem. / Substitutes serving, for whom.
    #[serde(rename = "tjänstgörande_ersättare", default)]
    pub serving: Vec<Serving>,
    /// Ej närvarande. / Absent.
    #[serde(rename = "ej_närvarande", default)]
    pub absent: Vec<PersonRef>,
    /// Övriga deltagare. / Others present.
    #[serde(rename = "övriga", default)]
    pub others: Vec<OtherAttendee>,
    /// Beslutande som kom eller gick under mötet. / Deciding members who
    /// arrived or left during the meeting.
    #[serde(rename = "del_av_mötet", default)]
    pub partial: Vec<Partial>,
}

/// Närvaro under en del av mötet, angiven med ärenden (filnamn utan nummer).
/// / Attendance for part of the meeting, given by item ids.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partial {
    /// Ledamoten eller den tjänstgörande ersättaren. / The member or
    /// serving substitute.
    pub person: PersonRef,
    /// Första ärendet personen deltog i; utan det från början. / The first
    /// item attended; without it, from the start.
    #[serde(rename = "från")]
    pub from: Option<Located<String>>,
    /// Sista ärendet personen deltog i; utan det till slutet. / The last
    /// item attended; without it, to the end.
    #[serde(rename = "till")]
    pub to: Option<Located<String>>,
}

/// En ersättare som tjänstgör för en ledamot. / A substitute serving for a
/// member.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Serving {
    /// Ersättaren. / The substitute.
    pub person: PersonRef,
    /// Ledamoten som ersätts. / The member replaced.
    #[serde(rename = "för")]
    pub replaces: PersonRef,
    /// Första ärendet ersättaren tjänstgör i; utan det hela mötet. / The
    /// first item served; without it, the whole meeting.
    #[serde(rename = "från")]
    pub from: Option<Located<String>>,
    /// Sista ärendet ersättaren tjänstgör i. / The last item served.
    #[serde(rename = "till")]
    pub to: Option<Located<String>>,
}

/// Någon närvarande som inte är beslutande. / Someone present who is not
/// deciding: officials, guests, the secretary.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherAttendee {
    /// Person-id eller gäst. / Person id or guest.
    pub person: PersonRef,
    /// Roll vid sammanträdet; standard är personens titel. / Role at this
    /// meeting; defaults to the person's title.
    #[serde(rename = "roll")]
    pub role: Option<String>,
    /// Ärenden (filnamn utan nummer) som personen deltog i; tomt betyder
    /// hela mötet. / Item ids attended; empty means the whole meeting.
    #[serde(rename = "ärenden", default)]
    pub items: Vec<Located<String>>,
}

/// One agenda item file.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub struct Item {
    /// The file stem without its ordering prefix: `03-khoss.yaml` → `khoss`.
    pub id: String,
    pub file: PathBuf,
    pub spec: ItemSpec,
}

/// Slag av ärende. / Kind of item.
#[derive(
    Debug,
    Clone,
    bincode::Encode,
    bincode::Decode,
    Copy,
    Default,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    JsonSchema,
)]
pub enum ItemKind {
    /// Ett ärende. / A matter.
    #[default]
    #[serde(rename = "ärende")]
    Matter,
    /// Standardpunkt som upprop, val av justerare eller fastställande av
    /// dagordning; kräver inget `beslut:` (justeraren står på första
    /// sidan, utfallet kan skrivas som underpunkter). / A standard opening
    /// item; needs no `beslut:`.
    #[serde(rename = "standard")]
    Standard,
    /// Informationspunkt: får en paragraf men fattar inget beslut; utan
    /// eget `beslut:` visar protokollet organets `informationsbeslut:`, om
    /// det har ett. / An information item: numbered, but takes no
    /// decision; without a `beslut:` of its own the protokoll shows the
    /// body's `informationsbeslut:`, if it has one.
    #[serde(rename = "information")]
    Information,
    /// Paus, utan paragraf. / A break, without a paragraph.
    #[serde(rename = "paus")]
    Break,
}

impl ItemKind {
    /// Whether a held meeting must record a decision for an item of this
    /// kind (`missing-decision`): a matter must; a standard item, an
    /// information item and a break need not.
    pub fn takes_decision(self) -> bool {
        self == ItemKind::Matter
    }
}

/// Ett beslutsunderlag: en titel, eller en titel och en fil i mötesmappen.
/// / A decision document: a title, or a title and a file in the meeting
/// folder.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Document {
    Title(String),
    File {
        /// Titel. / Title.
        #[serde(rename = "titel")]
        title: String,
        /// Filens sökväg i mötesmappen. / The file's path in the meeting folder.
        #[serde(rename = "fil")]
        file: String,
        /// Bifogas kallelsen (en PDF-fil). / Appended to the kallelse (a PDF).
        #[serde(rename = "bifogas", default)]
        attach: bool,
    },
}

impl Document {
    pub fn title(&self) -> &str {
        match self {
            Document::Title(title) | Document::File { title, .. } => title,
        }
    }

    /// The title and file of a document to be attached to the kallelse;
    /// `None` for one whose path leaves the meeting folder (`rsr check`
    /// reports those).
    pub fn attachment(&self) -> Option<(&str, &str)> {
        match self {
            Document::File {
                title,
                file,
                attach: true,
            } if inside_folder(file) => Some((title, file)),
            _ => None,
        }
    }
}

/// Whether a relative path names a file inside the folder it is relative
/// to: no `..`, no root, not empty.
pub fn inside_folder(file: &str) -> bool {
    !file.is_empty()
        && std::path::Path::new(file)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// En ärendefil. / One agenda item.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "agenda item")]
pub struct ItemSpec {
    /// Rubrik. / Title.
    #[serde(rename = "rubrik")]
    pub title: String,
    /// `ärende` (förval), `standard`, `information` eller `paus`. Ett
    /// ärende i ett genomfört sammanträde behöver `beslut:`
    /// (`missing-decision`); de andra inte. / Kind: a matter (default), a
    /// standard opening item, an information item or a break; only a
    /// matter of a held meeting needs a `beslut:`.
    #[serde(rename = "typ", default)]
    pub kind: ItemKind,
    /// Diarienummer, t.ex. `RS/62/2026`. / Case number.
    #[serde(rename = "diarienummer")]
    pub case_number: Option<Located<String>>,
    /// Planerad tid. / Planned time.
    #[serde(rename = "tid")]
    pub time: Option<Located<Time>>,
    /// Föredragande: person-id, gäst (`{namn: …}`) eller person med titel
    /// för ärendet (`{person: tomas.jonsson, titel: kommundirektör}`). /
    /// Presenters: an id, a guest, or a person with their title for this
    /// item.
    #[serde(rename = "föredragande", default)]
    pub presenters: Vec<Presenter>,
    /// Ärendebeskrivning (i protokollet: Bakgrund); Markdown. / Description.
    #[serde(rename = "ärendebeskrivning")]
    pub description: Option<String>,
    /// Förslag till beslut; Markdown. / Proposed decision.
    #[serde(rename = "förslag_till_beslut")]
    pub proposal: Option<Located<String>>,
    /// Underpunkter a), b), c) …: en rad text vardera, eller en egen rubrik
    /// med föredragande, bakgrund, synpunkter, beslut … / Sub-items: a line
    /// of text each, or a heading of their own with the fields of an item.
    #[serde(rename = "underpunkter", default)]
    pub subitems: Vec<SubItem>,
    /// Anmälan av delegationsbeslut: punkten listar besluten i organets
    /// register (`delegationsbeslut/`) under perioden, i kallelsen och
    /// protokollet; `{}` ger perioden sedan förra sammanträdet. / The item
    /// lists the register's decisions of the period; `{}` for those since
    /// the previous meeting.
    #[serde(rename = "delegationsbeslut")]
    pub delegations: Option<DelegationPeriod>,
    /// Uppdrag som beslutet ger, för beslutsuppföljningen; deras status
    /// får ändras efter justeringen, för den ingår inte i protokollet. /
    /// The assignments the decision gives, for the follow-up; their status
    /// may change after justering: it is not part of the protokoll.
    #[serde(rename = "uppdrag", default)]
    pub assignments: Vec<Assignment>,
    /// Personnummer som får stå i punkten, t.ex. en avliden persons i ett
    /// ärende om dödsbo; andra är `personal-number`. / Personal identity
    /// numbers the item may hold; any other is `personal-number`.
    #[serde(rename = "tillåtna_personnummer", default)]
    pub allowed_numbers: Vec<String>,
    /// Beslut; Markdown. / Decision.
    #[serde(rename = "beslut")]
    pub decision: Option<Located<String>>,
    /// Sammanfattning och överväganden; Markdown. / Summary.
    #[serde(rename = "sammanfattning")]
    pub summary: Option<String>,
    /// Synpunkter från mötet; Markdown. / Comments from the meeting.
    #[serde(rename = "synpunkter")]
    pub comments: Option<String>,
    /// Beslutsunderlag. / Decision documents.
    #[serde(rename = "beslutsunderlag", default)]
    pub documents: Vec<Located<Document>>,
    /// Underlag framtaget av. / Prepared by.
    #[serde(rename = "underlag_framtaget_av", default)]
    pub prepared_by: Vec<PersonRef>,
    /// Expedieras till. / Distribution.
    #[serde(rename = "expedieras_till", default)]
    pub distribution: Vec<String>,
    /// Paragrafen justeras omedelbart vid sammanträdet; dess utdrag kan
    /// skickas innan hela protokollet är justerat. / The paragraph is
    /// adjusted at the meeting itself; its extract can be sent before the
    /// whole protokoll is adjusted.
    #[serde(rename = "omedelbar_justering", default)]
    pub immediate: bool,
    /// Sekretess: ärendet redovisas bara i det interna protokollet; det
    /// offentliga visar rubrik och sekretessgrund. / Confidential: the item
    /// appears in full only in the internal protokoll.
    #[serde(rename = "sekretess")]
    pub secrecy: Option<Secrecy>,
    /// Ledamöter som anmält jäv och inte deltar i ärendet. / Members with a
    /// conflict of interest who take no part in the item.
    #[serde(rename = "jäv", default)]
    pub conflicts: Vec<Conflict>,
    /// Yrkanden. / Motions.
    #[serde(rename = "yrkanden", default)]
    pub motions: Vec<Motion>,
    /// Propositionsordning: hur ordföranden ställde förslagen mot varandra;
    /// Markdown. / The order in which the chair put the questions.
    #[serde(rename = "propositionsordning")]
    pub order: Option<Located<String>>,
    /// Öppen omröstning. / An open vote.
    #[serde(rename = "omröstning")]
    pub vote: Option<Located<Vote>>,
    /// Reservationer mot beslutet. / Reservations against the decision.
    #[serde(rename = "reservationer", default)]
    pub reservations: Vec<Reservation>,
    /// Särskilda yttranden. / Special statements.
    #[serde(rename = "särskilda_yttranden", default)]
    pub statements: Vec<Statement>,
    /// Protokollsanteckningar. / Notes entered in the protokoll.
    #[serde(rename = "protokollsanteckningar", default)]
    pub notes: Vec<Statement>,
}

impl ItemSpec {
    /// The title public documents show: for a confidential item its public
    /// title, otherwise its title.
    pub fn public_title(&self) -> &str {
        self.secrecy
            .as_ref()
            .map_or(self.title.as_str(), Secrecy::public_title)
    }

    /// The item's own decision, if it is written and not blank.
    pub fn own_decision(&self) -> Option<&Located<String>> {
        self.decision
            .as_ref()
            .filter(|d| !d.value.trim().is_empty())
    }

    /// Whether the item records a decision: its own `beslut:`, or that of
    /// one of its sub-items with a heading of its own (a paragraph whose
    /// sub-items are decided one by one is decided).
    pub fn decided(&self) -> bool {
        self.own_decision().is_some()
            || self.subitems.iter().any(|s| {
                s.structured()
                    .and_then(|s| s.decision.as_ref())
                    .is_some_and(|d| !d.value.trim().is_empty())
            })
    }

    /// Where the first part of the decision record stands: the decision,
    /// motions, vote, reservations …; `None` when nothing is recorded.
    pub fn first_record(&self) -> Option<(u64, u64)> {
        let spans = [
            self.decision.as_ref().map(|d| (d.line, d.column)),
            self.order.as_ref().map(|o| (o.line, o.column)),
            self.vote.as_ref().map(|v| (v.line, v.column)),
            self.motions.first().map(|m| (m.by.line, m.by.column)),
            self.reservations.first().map(|r| (r.by.line, r.by.column)),
            self.statements.first().map(|s| (s.by.line, s.by.column)),
            self.notes.first().map(|n| (n.by.line, n.by.column)),
            self.conflicts
                .first()
                .map(|c| (c.person.line, c.person.column)),
        ];
        spans.into_iter().flatten().min()
    }
}

/// En underpunkt: en rad text (`Upprop genomförs.`) eller en egen rubrik
/// med ärendets fält (`{rubrik: Verksamhetsidé, föredragande: […], …}`). /
/// A sub-item: a line of text, or a heading with the fields of an item.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub enum SubItem {
    Text(String),
    Item(Box<SubItemSpec>),
}

impl SubItem {
    /// The sub-item's fields, for one with a heading of its own.
    pub fn structured(&self) -> Option<&SubItemSpec> {
        match self {
            SubItem::Text(_) => None,
            SubItem::Item(spec) => Some(spec),
        }
    }
}

// What a sub-item may be, for the schema.
/// En underpunkt: en rad text (Markdown) eller en egen rubrik med ärendets
/// fält. / A sub-item: a line of text, or a heading with the fields of an
/// item.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code, clippy::large_enum_variant)]
enum SubItemForm {
    /// En rad text, Markdown. / A line of text.
    Text(String),
    Item(SubItemSpec),
}

impl JsonSchema for SubItem {
    fn schema_name() -> Cow<'static, str> {
        "SubItem".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        SubItemForm::json_schema(generator)
    }
}

impl<'de> Deserialize<'de> for SubItem {
    /// Text as text, a mapping as a sub-item's fields, each with its own
    /// message (unknown fields, a missing `rubrik`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = SubItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sub-item: a line of text, or fields with `rubrik:` and the fields of an item")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SubItem, E> {
                Ok(SubItem::Text(text.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<SubItem, E> {
                Ok(SubItem::Text(text))
            }
            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<SubItem, E> {
                Ok(SubItem::Text(value.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<SubItem, E> {
                Ok(SubItem::Text(value.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<SubItem, E> {
                Ok(SubItem::Text(value.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<SubItem, E> {
                Ok(SubItem::Text(value.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<SubItem, A::Error> {
                let fields =
                    SubItemSpec::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(SubItem::Item(Box::new(fields)))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// En underpunkt med egen rubrik. / A sub-item with a heading of its own.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubItemSpec {
    /// Rubrik, t.ex. `Verksamhetsidé`; skrivs "a) Verksamhetsidé". / Title.
    #[serde(rename = "rubrik")]
    pub title: String,
    /// Föredragande. / Presenters.
    #[serde(rename = "föredragande", default)]
    pub presenters: Vec<Presenter>,
    /// Ärendebeskrivning (i protokollet: Bakgrund); Markdown. / Description.
    #[serde(rename = "ärendebeskrivning")]
    pub description: Option<String>,
    /// Förslag till beslut (i kallelsen); Markdown. / Proposed decision.
    #[serde(rename = "förslag_till_beslut")]
    pub proposal: Option<Located<String>>,
    /// Sammanfattning och överväganden; Markdown. / Summary.
    #[serde(rename = "sammanfattning")]
    pub summary: Option<String>,
    /// Synpunkter från mötet; Markdown. / Comments from the meeting.
    #[serde(rename = "synpunkter")]
    pub comments: Option<String>,
    /// Beslut; Markdown. / Decision.
    #[serde(rename = "beslut")]
    pub decision: Option<Located<String>>,
    /// Beslutsunderlag. / Decision documents.
    #[serde(rename = "beslutsunderlag", default)]
    pub documents: Vec<Located<Document>>,
    /// Underlag framtaget av. / Prepared by.
    #[serde(rename = "underlag_framtaget_av", default)]
    pub prepared_by: Vec<PersonRef>,
    /// Expedieras till. / Distribution.
    #[serde(rename = "expedieras_till", default)]
    pub distribution: Vec<String>,
}

/// En föredragande: en person (id eller gäst) och, för ett id, den titel
/// och organisation protokollet ger personen i just detta ärende. / A
/// presenter: a person, with the title (and organisation) given for this
/// item.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub struct Presenter {
    pub person: PersonRef,
    /// The title for this item: "kommundirektör".
    pub title: Option<String>,
    /// The organisation for this item, instead of the register's.
    pub organisation: Option<String>,
}

/// A presenter with a title, as written (for the schema; `PresenterFields`
/// reads it).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct TitledPresenter {
    /// Person-id ur rsr.yaml. / A register id.
    person: Located<String>,
    /// Titel i detta ärende, t.ex. `kommundirektör`. / The title for this
    /// item.
    #[serde(rename = "titel")]
    title: Option<String>,
    /// Organisation i detta ärende, om inte registrets. / The organisation
    /// for this item, when not the register's.
    organisation: Option<String>,
}

// What a presenter may be, for the schema.
/// En föredragande: person-id, gäst (`{namn: …}`) eller person-id med
/// titel för ärendet (`{person: tomas.jonsson, titel: kommundirektör}`). /
/// A presenter: an id, a guest, or an id with the title for this item.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum PresenterForm {
    /// Person-id ur rsr.yaml. / A register id.
    Id(String),
    /// Gäst. / A guest.
    Guest(Person),
    /// Person-id med titel för ärendet. / A register id with a title.
    Titled(TitledPresenter),
}

impl JsonSchema for Presenter {
    fn schema_name() -> Cow<'static, str> {
        "Presenter".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        PresenterForm::json_schema(generator)
    }
}

/// A presenter before its location is known.
enum PresenterValue {
    Id(String),
    Fields(PresenterFields),
}

/// The fields a presenter's mapping may have: a guest's or a titled
/// person's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PresenterFields {
    person: Option<Located<String>>,
    #[serde(rename = "namn")]
    name: Option<String>,
    #[serde(rename = "parti")]
    party: Option<String>,
    organisation: Option<String>,
    #[serde(rename = "titel")]
    title: Option<String>,
}

impl<'de> Deserialize<'de> for PresenterValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = PresenterValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a presenter: an id from rsr.yaml, `{namn: …}` for a guest, or `{person: id, titel: …}`")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<PresenterValue, E> {
                Ok(PresenterValue::Id(text.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<PresenterValue, A::Error> {
                let fields = PresenterFields::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(PresenterValue::Fields(fields))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl<'de> Deserialize<'de> for Presenter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let located = Located::<PresenterValue>::deserialize(deserializer)?;
        let at = |value| Located {
            value,
            line: located.line,
            column: located.column,
        };
        match located.value {
            PresenterValue::Id(id) => Ok(Presenter {
                person: at(PersonRefValue::Id(id)),
                title: None,
                organisation: None,
            }),
            PresenterValue::Fields(PresenterFields {
                person: Some(id),
                name: None,
                party: None,
                organisation,
                title,
            }) => Ok(Presenter {
                person: Located {
                    value: PersonRefValue::Id(id.value),
                    line: id.line,
                    column: id.column,
                },
                title,
                organisation,
            }),
            PresenterValue::Fields(PresenterFields {
                person: Some(_), ..
            }) => Err(D::Error::custom(
                "a presenter is either `{person: id, titel: …}` (from rsr.yaml) or `{namn: …}` (a guest), not both: `namn` and `parti` come from the register",
            )),
            PresenterValue::Fields(PresenterFields {
                person: None,
                name: Some(name),
                party,
                organisation,
                title,
            }) => Ok(Presenter {
                person: at(PersonRefValue::Guest(Person {
                    name,
                    party,
                    organisation,
                    title,
                })),
                title: None,
                organisation: None,
            }),
            PresenterValue::Fields(_) => Err(D::Error::custom(
                "missing field `person` or `namn`: a presenter is `{person: id, titel: …}` or `{namn: …}` for a guest",
            )),
        }
    }
}

/// Sekretess för ett ärende. / Confidentiality of an item.
///
/// Den interna versionen av protokollet (och utdraget ur paragrafen) bär
/// sekretessmarkeringen som offentlighets- och sekretesslagen 5 kap. 5 §
/// kräver när `lagrum`, `datum` eller `myndighet` anges: bestämmelsen,
/// datumet och myndigheten. / The internal protokoll (and the paragraph's
/// utdrag) carries the marking OSL 5 kap. 5 § asks for when `lagrum`,
/// `datum` or `myndighet` is given: the provision, the date and the
/// authority.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Secrecy {
    /// Sekretessgrund: vad uppgifterna gäller, t.ex. `uppgifter om enskilds
    /// personliga förhållanden`; skrivet före `lagrum` fanns: bestämmelsen,
    /// t.ex. `OSL 26 kap. 12 §`. / The ground: what the information
    /// concerns; or, as written before `lagrum`, the provision itself.
    #[serde(rename = "grund")]
    pub ground: Option<Located<String>>,
    /// Lagrum: sekretessbestämmelsen, t.ex. `OSL 26 kap. 1 §`. Krävs för ett
    /// organ under kommunallagen, om inte `grund` redan anger den. / The
    /// provision; required for a body under Kommunallagen unless `grund`
    /// names it.
    #[serde(rename = "lagrum")]
    pub provision: Option<Located<String>>,
    /// Datum för sekretessmarkeringen; standard är sammanträdets datum. /
    /// The date of the marking; by default the meeting's.
    #[serde(rename = "datum")]
    pub date: Option<Located<Date>>,
    /// Myndigheten som gjort markeringen; standard är organet. / The
    /// authority that made the marking; by default the body.
    #[serde(rename = "myndighet")]
    pub authority: Option<String>,
    /// Rubrik i offentliga handlingar; standard är `Sekretessärende`. /
    /// The title public documents show.
    #[serde(rename = "offentlig_rubrik")]
    pub public_title: Option<String>,
}

impl Secrecy {
    pub fn public_title(&self) -> &str {
        self.public_title.as_deref().unwrap_or("Sekretessärende")
    }

    /// The provision: `lagrum`, or a `grund` that names one ("26 kap.
    /// 12 §").
    pub fn provision(&self) -> Option<&str> {
        use std::sync::LazyLock;
        static PROVISION: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(r"\d+\s*kap\.\s*\d+\s*[a-z]?\s*§").expect("a valid pattern")
        });
        if let Some(provision) = &self.provision {
            return Some(provision.value.as_str());
        }
        self.ground
            .as_ref()
            .map(|g| g.value.as_str())
            .filter(|g| PROVISION.is_match(g))
    }

    /// The ground and the provision as the documents state them: "OSL 26
    /// kap. 1 § (uppgifter om enskilds hälsa)"; the `grund` alone when
    /// there is no `lagrum`, as before it existed.
    pub fn legal(&self) -> String {
        let ground = self.ground.as_ref().map(|g| g.value.trim());
        match (&self.provision, ground) {
            (Some(provision), Some(ground)) if !ground.is_empty() && ground != provision.value => {
                format!("{} ({ground})", provision.value)
            }
            (Some(provision), _) => provision.value.clone(),
            (None, Some(ground)) => ground.to_string(),
            (None, None) => String::new(),
        }
    }

    /// Whether the marking of OSL 5 kap. 5 § is printed: a `lagrum`, a
    /// `datum` or a `myndighet` is given. An item written before they
    /// existed keeps the text it was adjusted with.
    pub fn marked(&self) -> bool {
        self.provision.is_some() || self.date.is_some() || self.authority.is_some()
    }
}

/// Jäv: en ledamot som inte deltar i ärendet. / A member who takes no part
/// in the item because of a conflict of interest.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Ledamoten. / The member.
    pub person: PersonRef,
    /// Ersättare som tjänstgör i ärendet i stället. / A substitute who
    /// serves in the member's place for this item.
    #[serde(rename = "ersätts_av")]
    pub substitute: Option<PersonRef>,
}

/// Ett yrkande: `av: [anna.berg]`, `yrkar: bifall till förvaltningens
/// förslag`. / A motion: who moved what.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Motion {
    /// Den eller de som yrkar. / Who moved it.
    #[serde(rename = "av")]
    pub by: Located<Vec<PersonRef>>,
    /// Vad de yrkar, som det följer på "yrkar": `avslag`, `bifall till
    /// förvaltningens förslag`. / What was moved, following "yrkar".
    #[serde(rename = "yrkar")]
    pub motion: String,
}

/// En öppen omröstning. / An open vote.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Vad en ja-röst är för, t.ex. `förvaltningens förslag`. / What a yes
    /// vote is for.
    #[serde(rename = "ja_för")]
    pub yes_for: String,
    /// Vad en nej-röst är för, t.ex. `Per Eks (M) yrkande om avslag`. /
    /// What a no vote is for.
    #[serde(rename = "nej_för")]
    pub no_for: String,
    /// Röstar ja. / Voting yes.
    #[serde(rename = "ja", default)]
    pub yes: Vec<PersonRef>,
    /// Röstar nej. / Voting no.
    #[serde(rename = "nej", default)]
    pub no: Vec<PersonRef>,
    /// Avstår från att rösta. / Abstaining.
    #[serde(rename = "avstår", default)]
    pub abstain: Vec<PersonRef>,
}

impl Vote {
    /// Every voter with the way they voted.
    pub fn ballots(&self) -> impl Iterator<Item = (Ballot, &PersonRef)> {
        let yes = self.yes.iter().map(|p| (Ballot::Yes, p));
        let no = self.no.iter().map(|p| (Ballot::No, p));
        let abstain = self.abstain.iter().map(|p| (Ballot::Abstain, p));
        yes.chain(no).chain(abstain)
    }
}

/// How one member voted.
#[derive(
    Debug, Clone, bincode::Encode, bincode::Decode, Copy, PartialEq, Eq, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Ballot {
    Yes,
    No,
    Abstain,
}

/// En reservation mot beslutet. / A reservation against the decision.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    /// Den eller de som reserverar sig. / Who reserves.
    #[serde(rename = "av")]
    pub by: Located<Vec<PersonRef>>,
    /// Mot vilket beslut; standard är `beslutet`. / Against which decision;
    /// defaults to "beslutet".
    #[serde(rename = "mot")]
    pub against: Option<String>,
    /// Skriftlig motivering, som tas in i protokollet; Markdown. / A
    /// written motivation, entered in the protokoll.
    #[serde(rename = "motivering")]
    pub motivation: Option<String>,
}

/// Ett särskilt yttrande eller en protokollsanteckning. / A special
/// statement or a note in the protokoll.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Den eller de som lämnar den. / Who gives it.
    #[serde(rename = "av")]
    pub by: Located<Vec<PersonRef>>,
    /// Texten; Markdown. / The text.
    pub text: String,
}

/// A calendar date, written `2025-11-17`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

/// Kept (`repo::cache`) as its day number from the common era.
impl bincode::Encode for Date {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        encoder: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        chrono::Datelike::num_days_from_ce(&self.0).encode(encoder)
    }
}

impl<Context> bincode::Decode<Context> for Date {
    fn decode<D: bincode::de::Decoder<Context = Context>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        let days: i32 = bincode::Decode::decode(decoder)?;
        NaiveDate::from_num_days_from_ce_opt(days).map(Date).ok_or(
            bincode::error::DecodeError::Other("a day that does not exist"),
        )
    }
}

bincode::impl_borrow_decode!(Date);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Date)
            .map_err(|_| {
                serde::de::Error::custom(format!(
                    "`{text}` is not a date: expected YYYY-MM-DD, a day that exists"
                ))
            })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "Datum, ÅÅÅÅ-MM-DD. / Date, YYYY-MM-DD."
        })
    }
}

/// A time of day, written `13:00` or `13.00` in YAML.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

impl std::str::FromStr for Time {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let expected = || format!("expected a time of day such as `13:15`, found `{text}`");
        let (hour, minute) = text.split_once([':', '.']).ok_or_else(expected)?;
        let hour: u8 = hour.parse().map_err(|_| expected())?;
        let minute: u8 = minute.parse().map_err(|_| expected())?;
        if hour > 23 || minute > 59 || text.len() > 5 {
            return Err(format!("`{text}` is not a time of day (00:00–23:59)"));
        }
        Ok(Time { hour, minute })
    }
}

impl JsonSchema for Time {
    fn schema_name() -> Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$",
            "description": "Klockslag, t.ex. \"13:15\" (med citattecken). / Time of day."
        })
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Time {
    /// Swedish style: `13.15`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{:02}", self.hour, self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_parse_with_colon_or_period_and_print_with_period() {
        assert_eq!("13:15".parse::<Time>().unwrap().to_string(), "13.15");
        assert_eq!("9.30".parse::<Time>().unwrap().to_string(), "09.30");
        assert!("25:99".parse::<Time>().is_err());
        assert!("1315".parse::<Time>().is_err());
        assert!("13:15:00".parse::<Time>().is_err());
    }

    fn secrecy(ground: Option<&str>, provision: Option<&str>) -> Secrecy {
        let located = |text: &str| Located {
            value: text.to_string(),
            line: 1,
            column: 1,
        };
        Secrecy {
            ground: ground.map(located),
            provision: provision.map(located),
            date: None,
            authority: None,
            public_title: None,
        }
    }

    #[test]
    fn the_provision_is_the_lagrum_or_a_ground_that_names_one() {
        let named = secrecy(Some("OSL 26 kap. 12 §"), None);
        assert_eq!(named.provision(), Some("OSL 26 kap. 12 §"));
        assert_eq!(named.legal(), "OSL 26 kap. 12 §");
        assert!(!named.marked());
        let after = secrecy(Some("21 kap. 7 § offentlighets- och sekretesslagen"), None);
        assert!(after.provision().is_some());
        let described = secrecy(Some("uppgifter om enskilds hälsa"), None);
        assert_eq!(described.provision(), None);
        let both = secrecy(Some("uppgifter om enskilds hälsa"), Some("OSL 25 kap. 1 §"));
        assert_eq!(both.provision(), Some("OSL 25 kap. 1 §"));
        assert_eq!(
            both.legal(),
            "OSL 25 kap. 1 § (uppgifter om enskilds hälsa)"
        );
        assert!(both.marked());
        assert_eq!(
            secrecy(None, Some("OSL 25 kap. 1 §")).legal(),
            "OSL 25 kap. 1 §"
        );
    }
}
