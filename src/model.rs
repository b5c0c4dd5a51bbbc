//! The repository as plain data: what the YAML files say, with the location of
//! every value that later stages may need to point at. No I/O here.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

/// Where a value stands in the repository: file (relative to the repository
/// root), 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    pub file: PathBuf,
    pub line: u64,
    pub column: u64,
}

/// A value read from YAML together with the place it was read from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub value: T,
    pub line: u64,
    pub column: u64,
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
    pub root: PathBuf,
    pub organisation: Organisation,
    pub bodies: Vec<Body>,
}

/// `rsr.yaml`: the organisation and its register of persons.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    #[serde(rename = "organisation")]
    pub name: String,
    /// Persons by stable id, shared by all bodies.
    #[serde(rename = "personer", default)]
    pub persons: BTreeMap<String, Person>,
}

/// A person: in the register under a stable id, or given inline as a guest.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[serde(rename = "namn")]
    pub name: String,
    /// Party abbreviation without parentheses, e.g. `S`.
    #[serde(rename = "parti")]
    pub party: Option<String>,
    /// Organisation or municipality the person represents, e.g. `Krokom`.
    pub organisation: Option<String>,
    /// Job title, e.g. `förbundschef`.
    #[serde(rename = "titel")]
    pub title: Option<String>,
}

/// A reference to a person in YAML: a register id (`tomas.jonsson`) or an
/// inline guest (`{namn: Anna Frisk}`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PersonRefValue {
    Id(String),
    Guest(Person),
}

pub type PersonRef = Located<PersonRefValue>;

/// `meetings/<body>/body.yaml` plus the meetings found beside it.
#[derive(Debug, Clone)]
pub struct Body {
    /// The folder name under `meetings/`, used in output paths.
    pub slug: String,
    pub file: PathBuf,
    pub spec: BodySpec,
    pub meetings: Vec<Meeting>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodySpec {
    #[serde(rename = "namn")]
    pub name: String,
    #[serde(rename = "kortnamn")]
    pub short_name: String,
    /// The organisation the body belongs to, when it is not rsr.yaml's.
    pub organisation: Option<String>,
    /// Members and officers in the order the kallelse lists them.
    #[serde(rename = "ledamöter", default)]
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub person: PersonRef,
    #[serde(rename = "roll")]
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
}

/// One meeting folder: `meeting.yaml` and its agenda items in file order.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// `meetings/<body>/<YYYY-MM-DD>`, relative to the repository root.
    pub dir: PathBuf,
    pub file: PathBuf,
    pub spec: MeetingSpec,
    pub items: Vec<Item>,
}

impl Meeting {
    pub fn date(&self) -> NaiveDate {
        self.spec.date.value
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum Status {
    #[serde(rename = "planerad")]
    Planned,
    #[serde(rename = "kallad")]
    Called,
    #[serde(rename = "genomförd")]
    Held,
    #[serde(rename = "justerad")]
    Adjusted,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingSpec {
    #[serde(rename = "datum")]
    pub date: Located<NaiveDate>,
    pub start: Located<Time>,
    #[serde(rename = "slut")]
    pub end: Option<Located<Time>>,
    #[serde(rename = "plats")]
    pub place: String,
    pub status: Status,
    /// Pins the first § of this meeting; otherwise numbering continues from
    /// the body's previous meeting of the same year, or starts at 1.
    #[serde(rename = "första_paragraf")]
    pub first_paragraph: Option<u32>,
    /// Defaults to the body's ordförande.
    #[serde(rename = "ordförande")]
    pub chair: Option<PersonRef>,
    /// Defaults to the body's sekreterare.
    #[serde(rename = "sekreterare")]
    pub secretary: Option<PersonRef>,
    #[serde(rename = "justerare", default)]
    pub adjusters: Vec<PersonRef>,
    pub justering: Option<Justering>,
    #[serde(rename = "nästa_möte")]
    pub next_meeting: Option<Located<NaiveDate>>,
    #[serde(rename = "närvaro")]
    pub attendance: Option<Attendance>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Justering {
    #[serde(rename = "datum")]
    pub date: Located<NaiveDate>,
    #[serde(rename = "tid")]
    pub time: Option<Located<Time>>,
    #[serde(rename = "plats")]
    pub place: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    #[serde(rename = "beslutande", default)]
    pub present: Vec<PersonRef>,
    #[serde(rename = "ej_närvarande", default)]
    pub absent: Vec<PersonRef>,
    #[serde(rename = "övriga", default)]
    pub others: Vec<OtherAttendee>,
}

/// Someone present who is not beslutande: officials, guests, the secretary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherAttendee {
    pub person: PersonRef,
    /// Role at this meeting; defaults to the person's title.
    #[serde(rename = "roll")]
    pub role: Option<String>,
    /// Item ids of the paragraphs attended; empty means the whole meeting.
    #[serde(rename = "ärenden", default)]
    pub items: Vec<Located<String>>,
}

/// One agenda item file.
#[derive(Debug, Clone)]
pub struct Item {
    /// The file stem without its ordering prefix: `03-khoss.yaml` → `khoss`.
    pub id: String,
    pub file: PathBuf,
    pub spec: ItemSpec,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum ItemKind {
    #[default]
    #[serde(rename = "ärende")]
    Matter,
    #[serde(rename = "paus")]
    Break,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSpec {
    #[serde(rename = "rubrik")]
    pub title: String,
    #[serde(rename = "typ", default)]
    pub kind: ItemKind,
    #[serde(rename = "diarienummer")]
    pub case_number: Option<String>,
    #[serde(rename = "tid")]
    pub time: Option<Located<Time>>,
    #[serde(rename = "föredragande", default)]
    pub presenters: Vec<PersonRef>,
    #[serde(rename = "ärendebeskrivning")]
    pub description: Option<String>,
    #[serde(rename = "förslag_till_beslut")]
    pub proposal: Option<String>,
    #[serde(rename = "underpunkter", default)]
    pub subitems: Vec<String>,
    #[serde(rename = "beslut")]
    pub decision: Option<String>,
    #[serde(rename = "sammanfattning")]
    pub summary: Option<String>,
    #[serde(rename = "synpunkter")]
    pub comments: Option<String>,
    #[serde(rename = "beslutsunderlag", default)]
    pub documents: Vec<String>,
    #[serde(rename = "underlag_framtaget_av", default)]
    pub prepared_by: Vec<PersonRef>,
    #[serde(rename = "expedieras_till", default)]
    pub distribution: Vec<String>,
}

/// A time of day, written `13:00` or `13.00` in YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
}
