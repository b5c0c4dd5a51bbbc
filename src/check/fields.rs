//! The fields an adjusted protokoll is made of, as `justering.lock`
//! (format 2) records them: each value, by file and path, as the YAML files
//! held it when `rsr justera` sealed the meeting. The seal's hash says
//! whether the protokoll changed; these say where and from what, so that
//! `adjusted-changed` points at the field and shows its value then and now.
//!
//! The files are meeting.yaml and the meeting's item files, body.yaml and
//! rsr.yaml, each only in the fields the protokoll can show: not an item's
//! `förslag_till_beslut` or `tid`, not a meeting's `ämnen` or
//! `kallelse_skickad`, not a body's rules or logo, and of rsr.yaml only the
//! organisation's name, its labels and the persons the meeting names.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::repo::model::{Body, Loc, Meeting, Repository};

/// The format of a `justering.lock` that records fields. A lock without
/// `format:` is of the first format: hashes only.
pub const FORMAT: u32 = 2;

/// One file's fields by path (`/beslut`, `/närvaro/beslutande`), each with
/// its value as text and where it stands.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub values: BTreeMap<String, String>,
    /// The line and column of every field and of every mapping or list
    /// above one, by path (`""` for the whole file).
    places: BTreeMap<String, (u64, u64)>,
    /// The fields written as a literal block (`|`), whose lines stand in
    /// the file as in the value.
    literal: BTreeSet<String>,
}

/// The fields of every file a protokoll is made of, by the file's path
/// relative to the repository, written with `/`.
pub type Record = BTreeMap<String, Fields>;

/// The fields the protokoll of `meeting` of `body` is made of now.
pub fn record(repository: &Repository, body: &Body, meeting: &Meeting) -> Record {
    let limit = repository.organisation.limits.yaml_bytes();
    let read = |file: &Path| -> Option<(Node, String)> {
        let bytes = repository.files.read(file, limit).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let node = serde_saphyr::from_str::<Spanned<Value>>(&text).ok()?;
        Some((Node::from(node), text))
    };
    let mut record = Record::new();
    let mut named = BTreeSet::new();
    let mut add = |file: &Path, kind: Kind, named: &mut BTreeSet<String>| {
        if let Some((node, text)) = read(file) {
            let mut fields = Fields::default();
            walk(&node, &mut Vec::new(), kind, &mut fields, named);
            let lines: Vec<&str> = text.lines().collect();
            fields.literal = fields
                .values
                .iter()
                .filter(|(path, value)| {
                    value.contains('\n') && literal(&lines, fields.places[*path])
                })
                .map(|(path, _)| path.clone())
                .collect();
            record.insert(key(file), fields);
        }
    };
    add(&meeting.file, Kind::Meeting, &mut named);
    for item in &meeting.items {
        add(&item.file, Kind::Item, &mut named);
    }
    add(&body.file, Kind::Body, &mut named);
    // The persons of rsr.yaml are those some field of the meeting or the
    // body names; the ids are known only now.
    let persons = Kind::Organisation(named.clone());
    add(&repository.file, persons, &mut BTreeSet::new());
    record
}

/// `record` as the `fält:` block of a lock: every value a JSON string,
/// which YAML reads as a double-quoted one.
pub fn to_yaml(record: &Record) -> String {
    let quoted = |text: &str| serde_json::Value::String(text.to_string()).to_string();
    let mut text = String::from("fält:");
    if record.is_empty() {
        text.push_str(" {}");
    }
    text.push('\n');
    for (file, fields) in record {
        text.push_str(&format!("  {}:", quoted(file)));
        if fields.values.is_empty() {
            text.push_str(" {}");
        }
        text.push('\n');
        for (path, value) in &fields.values {
            text.push_str(&format!("    {}: {}\n", quoted(path), quoted(value)));
        }
    }
    text
}

/// A field that differs from what the lock recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The file, relative to the repository.
    pub file: PathBuf,
    /// The field's path (`/beslut`); empty for a whole file, an item added
    /// or removed.
    pub path: String,
    /// Its value when sealed; `None` for a field added since.
    pub old: Option<String>,
    /// Its value now; `None` for a field removed since.
    pub new: Option<String>,
    /// Where it stands now: the field, or for a removed one the nearest
    /// mapping above it that is still there.
    pub at: Loc,
}

/// Every field of `now` that differs from `sealed`, file by file and in the
/// order of their paths. A file only one side has is one change: an item
/// added or removed (at the place of its `rubrik`, if any).
pub fn changes(sealed: &BTreeMap<String, BTreeMap<String, String>>, now: &Record) -> Vec<Change> {
    let empty = BTreeMap::new();
    let mut changes = Vec::new();
    let files: BTreeSet<&String> = sealed.keys().chain(now.keys()).collect();
    for file in files {
        let path = PathBuf::from(file);
        match (sealed.get(file), now.get(file)) {
            (Some(old), None) => changes.push(Change {
                file: path.clone(),
                path: String::new(),
                old: old.get("/rubrik").cloned().or(Some(String::new())),
                new: None,
                at: Loc {
                    file: path,
                    line: 1,
                    column: 1,
                },
            }),
            (None, Some(fields)) => changes.push(Change {
                at: fields.at(&path, "/rubrik"),
                file: path,
                path: String::new(),
                old: None,
                new: fields
                    .values
                    .get("/rubrik")
                    .cloned()
                    .or(Some(String::new())),
            }),
            (old, Some(fields)) => {
                let old = old.unwrap_or(&empty);
                let paths: BTreeSet<&String> = old.keys().chain(fields.values.keys()).collect();
                for field in paths {
                    let (before, after) = (old.get(field), fields.values.get(field));
                    if before != after {
                        let mut at = fields.at(&path, field);
                        // In a literal block, the line that differs.
                        if let (Some(a), Some(b), true) =
                            (before, after, fields.literal.contains(field))
                        {
                            at.line += differing_line(a, b) as u64;
                        }
                        changes.push(Change {
                            file: path.clone(),
                            path: field.clone(),
                            old: before.cloned(),
                            new: after.cloned(),
                            at,
                        });
                    }
                }
            }
            (None, None) => {}
        }
    }
    changes
}

impl Fields {
    /// Where `path` stands in `file`, or the nearest mapping above it;
    /// line 1 when nothing of it is left.
    fn at(&self, file: &Path, path: &str) -> Loc {
        let mut prefix = path;
        let (line, column) = loop {
            if let Some(place) = self.places.get(prefix) {
                break *place;
            }
            match prefix.rfind('/') {
                Some(end) => prefix = &prefix[..end],
                None => break (1, 1),
            }
        };
        Loc {
            file: file.to_path_buf(),
            line: line.max(1),
            column: column.max(1),
        }
    }
}

/// A path as a secretary reads it: `närvaro.beslutande`,
/// `beslutsunderlag[1].titel`, `personer.anna.ordf.namn`.
pub fn shown(path: &str) -> String {
    let mut text = String::new();
    for segment in path.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if segment.parse::<usize>().is_ok() && !text.is_empty() {
            text.push_str(&format!("[{segment}]"));
        } else {
            if !text.is_empty() {
                text.push('.');
            }
            text.push_str(&segment);
        }
    }
    text
}

/// The most of a value a message shows.
const SHOWN: usize = 80;

/// The old and the new value as a message quotes them: whole when short;
/// of a text of several lines the first line that differs (and its number,
/// from 1); of a longer line the part from a little before the first
/// character that differs, each at most `SHOWN` characters.
pub fn excerpt(old: &str, new: &str) -> (Option<usize>, String, String) {
    let short = |text: &str| !text.trim_end().contains('\n') && text.chars().count() <= SHOWN;
    if short(old) && short(new) {
        return (None, quote(old.trim_end()), quote(new.trim_end()));
    }
    let line = differing_line(old, new);
    let nth = |text: &str| text.lines().nth(line).unwrap_or_default().to_string();
    let (a, b) = (nth(old), nth(new));
    let several = old.trim_end().contains('\n') || new.trim_end().contains('\n');
    let (a, b) = windows(&a, &b);
    (several.then_some(line + 1), a, b)
}

/// The first line, from 0, on which two texts differ.
fn differing_line(old: &str, new: &str) -> usize {
    let (old, new): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    (0..old.len().max(new.len()))
        .find(|n| old.get(*n) != new.get(*n))
        .unwrap_or(0)
}

/// Whether the value whose text starts at `place` is a literal block: the
/// line above it ends its key with `|` (and perhaps a chomping or an
/// indentation indicator, and a comment).
fn literal(lines: &[&str], (line, _): (u64, u64)) -> bool {
    let Some(above) = usize::try_from(line).ok().and_then(|l| l.checked_sub(2)) else {
        return false;
    };
    let above = lines.get(above).copied().unwrap_or_default();
    let above = above.split(" #").next().unwrap_or_default().trim_end();
    let indicator = above.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
    indicator.ends_with('|')
}

/// Both texts quoted from the same character, a little before where they
/// first differ, each at most `SHOWN` characters, with … where cut.
fn windows(old: &str, new: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let first = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let start = if a.len().max(b.len()) <= SHOWN {
        0
    } else {
        first.saturating_sub(SHOWN / 2)
    };
    let cut = |chars: &[char]| {
        let start = start.min(chars.len());
        let end = (start + SHOWN).min(chars.len());
        let mut shown: String = chars[start..end].iter().collect();
        if start > 0 {
            shown.insert(0, '…');
        }
        if end < chars.len() {
            shown.push('…');
        }
        quote(&shown)
    };
    (cut(&a), cut(&b))
}

fn quote(text: &str) -> String {
    if text.is_empty() {
        format!("({})", crate::lang::t!("rules-empty-value"))
    } else if text.starts_with('[') && text.ends_with(']') {
        text.to_string()
    } else {
        format!("\"{text}\"")
    }
}

/// A file's path as a lock records it.
fn key(file: &Path) -> String {
    file.to_string_lossy().replace('\\', "/")
}

/// What a file is to the protokoll: which of its fields it shows.
#[derive(Debug, Clone)]
enum Kind {
    Meeting,
    Item,
    Body,
    /// rsr.yaml, with the ids of the persons the meeting names.
    Organisation(BTreeSet<String>),
}

impl Kind {
    /// Whether the protokoll can show the field at `path` (its segments).
    fn shows(&self, path: &[String]) -> bool {
        let top = path.first().map_or("", String::as_str);
        let label = |path: &[String]| {
            path.get(1)
                .is_none_or(|id| !crate::repo::labels::NOT_IN_PROTOKOLL.contains(&id.as_str()))
        };
        match self {
            Kind::Meeting => !matches!(
                top,
                "form" | "ämnen" | "anledning" | "kallelse_skickad" | "status"
            ),
            Kind::Item => top != "tid" && !path.iter().any(|s| s == "förslag_till_beslut"),
            Kind::Body => match top {
                "namn" | "kortnamn" | "organisation" | "typ" | "anslagstavla"
                | "förvaringsplats" | "ledamöter" => true,
                "rubriker" => label(path),
                _ => false,
            },
            Kind::Organisation(named) => match top {
                "organisation" => true,
                "rubriker" => label(path),
                "personer" => path.get(1).is_none_or(|id| named.contains(id)),
                _ => false,
            },
        }
    }
}

/// Records `node` at `path` in `fields`, if the protokoll shows it: a
/// scalar, or a list of scalars, as one field; a mapping or another list
/// field by field. Every scalar is a possible person id for `named`.
fn walk(
    node: &Node,
    path: &mut Vec<String>,
    kind: Kind,
    fields: &mut Fields,
    named: &mut BTreeSet<String>,
) {
    if !path.is_empty() && !kind.shows(path) {
        return;
    }
    let here = pointer(path);
    fields.places.insert(here.clone(), (node.line, node.column));
    match &node.value {
        Value::Scalar(text) => {
            named.insert(text.clone());
            fields.values.insert(here, text.clone());
        }
        Value::List(entries) if entries.iter().all(|e| matches!(e.value, Value::Scalar(_))) => {
            let texts: Vec<&str> = entries
                .iter()
                .filter_map(|e| match &e.value {
                    Value::Scalar(text) => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            named.extend(texts.iter().map(|t| t.to_string()));
            fields
                .values
                .insert(here, format!("[{}]", texts.join(", ")));
        }
        Value::List(entries) => {
            for (index, entry) in entries.iter().enumerate() {
                path.push(index.to_string());
                walk(entry, path, kind.clone(), fields, named);
                path.pop();
            }
        }
        Value::Map(entries) if entries.is_empty() => {
            fields.values.insert(here, "{}".to_string());
        }
        Value::Map(entries) => {
            for (name, entry) in entries {
                path.push(name.clone());
                walk(entry, path, kind.clone(), fields, named);
                path.pop();
            }
        }
    }
}

/// `["personer", "anna.ordf", "namn"]` → `/personer/anna.ordf/namn`, with
/// `~` and `/` in a name written `~0` and `~1` (as in a JSON pointer).
fn pointer(path: &[String]) -> String {
    path.iter()
        .map(|segment| format!("/{}", segment.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// A YAML node with where it starts.
#[derive(Debug)]
struct Node {
    value: Value,
    line: u64,
    column: u64,
}

#[derive(Debug)]
enum Value {
    Scalar(String),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
}

impl From<Spanned<Value>> for Node {
    fn from(spanned: Spanned<Value>) -> Node {
        Node {
            value: spanned.value,
            line: spanned.referenced.line(),
            column: spanned.referenced.column(),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Scalar(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Scalar(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Scalar(v.to_string()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Scalar(v.to_string()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Scalar(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Scalar(v.to_string()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Scalar(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Scalar(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Scalar(String::new()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Scalar(String::new()))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = seq.next_element::<Spanned<Value>>()? {
            entries.push(Node::from(entry));
        }
        Ok(Value::List(entries))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(name) = map.next_key::<Value>()? {
            let name = match name {
                Value::Scalar(text) => text,
                _ => return Err(de::Error::custom("a key that is not text")),
            };
            let value = map.next_value::<Spanned<Value>>()?;
            entries.push((name, Node::from(value)));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str, kind: Kind) -> Fields {
        let node = Node::from(serde_saphyr::from_str::<Spanned<Value>>(text).unwrap());
        let mut fields = Fields::default();
        walk(
            &node,
            &mut Vec::new(),
            kind,
            &mut fields,
            &mut BTreeSet::new(),
        );
        fields
    }

    #[test]
    fn fields_are_located_and_kallelse_fields_left_out() {
        let text = "rubrik: Budget\ntid: \"13:30\"\nförslag_till_beslut: Ja.\nbeslut: |\n  Nämnden\n  godkänner.\nbeslutsunderlag:\n  - Tjänsteskrivelse\n  - {titel: Karta, fil: karta.pdf}\nyrkanden:\n  - av: [anna.ordf]\n    yrkar: Bifall\n";
        let fields = fields(text, Kind::Item);
        let values: Vec<(&str, &str)> = fields
            .values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            values,
            [
                ("/beslut", "Nämnden\ngodkänner.\n"),
                ("/beslutsunderlag/0", "Tjänsteskrivelse"),
                ("/beslutsunderlag/1/fil", "karta.pdf"),
                ("/beslutsunderlag/1/titel", "Karta"),
                ("/rubrik", "Budget"),
                ("/yrkanden/0/av", "[anna.ordf]"),
                ("/yrkanden/0/yrkar", "Bifall"),
            ]
        );
        assert_eq!(fields.places["/rubrik"], (1, 9));
        assert_eq!(fields.places["/beslutsunderlag/1/fil"].0, 9);
        assert_eq!(fields.places["/yrkanden/0/yrkar"], (12, 12));
        assert_eq!(
            shown("/beslutsunderlag/1/titel"),
            "beslutsunderlag[1].titel"
        );
        assert_eq!(shown("/personer/anna.ordf/namn"), "personer.anna.ordf.namn");
    }

    #[test]
    fn a_long_value_is_shown_where_it_differs() {
        assert_eq!(
            excerpt("Ja.\n", "Nej."),
            (None, "\"Ja.\"".to_string(), "\"Nej.\"".to_string())
        );
        let (line, old, new) = excerpt(
            "Första stycket.\nNämnden godkänner.\n",
            "Första stycket.\nNämnden avslår.\n",
        );
        assert_eq!(line, Some(2));
        assert_eq!(old, "\"Nämnden godkänner.\"");
        assert_eq!(new, "\"Nämnden avslår.\"");
        let long = "a".repeat(200);
        let (line, old, new) = excerpt(&format!("{long} godkänner"), &format!("{long} avslår"));
        assert_eq!(line, None);
        assert!(old.starts_with("\"…") && old.contains("godkänner"), "{old}");
        assert!(
            new.contains("avslår") && new.chars().count() <= SHOWN + 4,
            "{new}"
        );
    }
}
