//! `rsr diff`: which documents change between a git revision and the
//! working tree, for a pull-request comment. Both sides are loaded by the
//! same loader: the revision's files are taken out of git with
//! `git archive` into a temporary folder. A document changes when the data
//! its template receives (or a file it carries) differs; what changed is
//! then told from the model: items added, removed or edited, field by
//! field, with a word-level diff of the text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;

use crate::check::gate::{self, Gate};
use crate::docs::{self, Document, Filter, Kind, Scope};
use crate::error::Error;
use crate::repo::model::{Body, Item, ItemSpec, Meeting, PersonRef, Repository, Statement, Status};
use crate::repo::number;
use crate::sv;

/// The branches tried, in order, for the default base.
const MAIN_BRANCHES: [&str; 4] = ["main", "origin/main", "master", "origin/master"];
/// Words of unchanged text kept on each side of a change.
const CONTEXT_WORDS: usize = 4;
/// A field's diff is cut after this many characters.
const FIELD_LIMIT: usize = 400;
/// GitHub refuses comments above 65,536 characters.
const COMMENT_LIMIT: usize = 60_000;
/// Marks rsr's comment so that CI updates it instead of adding another.
pub const MARKER: &str = "<!-- rsr-diff -->";

/// What `rsr diff` reports.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The revision compared with, as given or found.
    pub base: String,
    /// Its commit.
    pub commit: String,
    pub documents: Vec<DocumentChange>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

impl Change {
    fn label(self) -> &'static str {
        match self {
            Change::Added => "tillkommer",
            Change::Removed => "utgår",
            Change::Changed => "ändras",
        }
    }
}

/// One document that a build would write differently.
#[derive(Debug, Serialize)]
pub struct DocumentChange {
    /// Relative to `out/`.
    pub path: String,
    pub kind: &'static str,
    /// "Protokollsutdrag § 121"
    pub title: String,
    pub body: String,
    /// "2026-10-14", or the year of a sammanträdesplan.
    pub date: String,
    pub change: Change,
    /// Fields of meeting.yaml that this document shows and that changed.
    pub meeting: Vec<FieldChange>,
    /// Items this document shows that were added, removed or edited.
    pub items: Vec<ItemChange>,
    /// Changed for a reason outside the meeting's files: the register of
    /// persons, the body, the numbering, rsr itself.
    pub elsewhere: bool,
}

#[derive(Debug, Serialize)]
pub struct ItemChange {
    /// "§ 121", or "punkt 4" in a kallelse.
    pub label: String,
    pub title: String,
    pub change: Change,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Serialize)]
pub struct FieldChange {
    /// As written in the YAML: "beslut".
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
    /// Markdown: unchanged words, ~~removed~~ and **added** ones. `None`
    /// for a confidential item, whose text is not repeated.
    pub diff: Option<String>,
}

/// Compares the documents of `rev` (default: the merge base with main)
/// with those of the working tree at `root`.
pub fn diff(root: &Path, rev: Option<&str>) -> Result<Report, Error> {
    let (base, commit) = match rev {
        Some(rev) => (rev.to_string(), resolve(root, rev)?),
        None => merge_base(root)?,
    };
    let old_tree = tempfile::tempdir().map_err(|e| Error::io("temporary folder", e))?;
    export(root, &commit, old_tree.path())?;
    let old = loaded(old_tree.path(), &format!("{base} ({})", short(&commit)))?;
    let new = loaded(root, "the working tree")?;
    let documents = compare(&old, &new);
    let warnings = warnings(&old, &new, &documents);
    Ok(Report {
        base,
        commit,
        documents,
        warnings,
    })
}

fn short(commit: &str) -> &str {
    &commit[..commit.len().min(10)]
}

fn loaded(root: &Path, what: &str) -> Result<Repository, Error> {
    // Two trees as they are: what does not read is left out of both.
    gate::open(root, Gate::Partial)
        .map(|gated| gated.repository)
        .map_err(|_| {
            Error::Repository(format!(
                "cannot read rsr.yaml of {what}: run `rsr check` there"
            ))
        })
}

/// Runs git in `root` and returns its standard output.
fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, Error> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| Error::Internal(format!("rsr diff needs git on PATH: {e}")))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(Error::Internal(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim().to_string()
}

fn resolve(root: &Path, rev: &str) -> Result<String, Error> {
    let spec = format!("{rev}^{{commit}}");
    git(root, &["rev-parse", "--verify", "--quiet", &spec])
        .map(text)
        .map_err(|_| Error::Usage(format!("`{rev}` is not a commit in this repository")))
}

/// The merge base of HEAD with the first of main, origin/main, master or
/// origin/master that exists.
fn merge_base(root: &Path) -> Result<(String, String), Error> {
    for branch in MAIN_BRANCHES {
        if resolve(root, branch).is_ok() {
            let commit = text(git(root, &["merge-base", "HEAD", branch])?);
            return Ok((format!("merge-base with {branch}"), commit));
        }
    }
    Err(Error::Usage(
        "no main or master branch to compare with: name a revision, e.g. `rsr diff HEAD~1`".into(),
    ))
}

/// Writes the repository's files as they were at `commit` into `into`.
fn export(root: &Path, commit: &str, into: &Path) -> Result<(), Error> {
    // The repository may sit in a folder of a larger git repository.
    let prefix = text(git(root, &["rev-parse", "--show-prefix"])?);
    let tree = format!("{commit}:{prefix}");
    let archive = git(root, &["archive", "--format=tar", &tree])?;
    tar::Archive::new(archive.as_slice())
        .unpack(into)
        .map_err(|e| Error::io(into, e))
}

/// Every document of either side that is not the same on both.
fn compare(old: &Repository, new: &Repository) -> Vec<DocumentChange> {
    let old_documents = docs::documents(old, &Filter::default());
    let new_documents = docs::documents(new, &Filter::default());
    let before = by_output(&old_documents);
    let after = by_output(&new_documents);
    let outputs: BTreeSet<&PathBuf> = before.keys().chain(after.keys()).copied().collect();
    let mut changes = Vec::new();
    for output in outputs {
        let (change, document) = match (before.get(output), after.get(output)) {
            (Some(a), Some(b)) if same(old, a, new, b) => continue,
            (Some(_), Some(b)) => (Change::Changed, *b),
            (None, Some(b)) => (Change::Added, *b),
            (Some(a), None) => (Change::Removed, *a),
            (None, None) => continue,
        };
        changes.push(describe(old, new, document, change));
    }
    changes
}

fn by_output(documents: &[Document]) -> BTreeMap<&PathBuf, &Document> {
    documents.iter().map(|d| (&d.output, d)).collect()
}

/// The same data, and files with the same bytes.
fn same(old: &Repository, a: &Document, new: &Repository, b: &Document) -> bool {
    let read = |repository: &Repository, file: &PathBuf| repository.files.hash(file, u64::MAX).ok();
    a.data == b.data
        && a.files.len() == b.files.len()
        && a.files
            .iter()
            .zip(&b.files)
            .all(|(x, y)| read(old, x) == read(new, y))
}

/// Resolves a person reference to a name for the diff.
type Names<'a> = dyn Fn(&PersonRef) -> String + 'a;

/// A field of an item file: its YAML key and its value as text. Which
/// documents show it, each kind's `KindSpec` says.
struct ItemField {
    name: &'static str,
    text: fn(&ItemSpec, &Names) -> Option<String>,
}

/// A field of meeting.yaml.
struct MeetingField {
    name: &'static str,
    text: fn(&Meeting, &Names) -> Option<String>,
}

fn people(list: &[PersonRef], names: &Names) -> Option<String> {
    let joined: Vec<String> = list.iter().map(names).collect();
    (!joined.is_empty()).then(|| joined.join(", "))
}

fn some(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

fn lines<T>(list: &[T], line: impl Fn(&T) -> String) -> Option<String> {
    let lines: Vec<String> = list.iter().map(line).collect();
    (!lines.is_empty()).then(|| lines.join("; "))
}

/// Särskilda yttranden and protokollsanteckningar: "who: text; …".
fn statements(list: &[Statement], names: &Names) -> Option<String> {
    lines(list, |s| {
        format!(
            "{}: {}",
            people(&s.by.value, names).unwrap_or_default(),
            s.text.trim()
        )
    })
}

const ITEM_FIELDS: &[ItemField] = &[
    ItemField {
        name: "rubrik",
        text: |i, _| some(&i.title),
    },
    ItemField {
        name: "diarienummer",
        text: |i, _| i.case_number.as_ref().and_then(|c| some(&c.value)),
    },
    ItemField {
        name: "tid",
        text: |i, _| i.time.as_ref().map(|t| t.value.to_string()),
    },
    ItemField {
        name: "föredragande",
        text: |i, names| people(&i.presenters, names),
    },
    ItemField {
        name: "ärendebeskrivning",
        text: |i, _| i.description.as_deref().and_then(some),
    },
    ItemField {
        name: "förslag_till_beslut",
        text: |i, _| i.proposal.as_ref().and_then(|p| some(&p.value)),
    },
    ItemField {
        name: "underpunkter",
        text: |i, _| lines(&i.subitems, |s| s.trim().to_string()),
    },
    ItemField {
        name: "beslut",
        text: |i, _| i.decision.as_ref().and_then(|d| some(&d.value)),
    },
    ItemField {
        name: "sammanfattning",
        text: |i, _| i.summary.as_deref().and_then(some),
    },
    ItemField {
        name: "synpunkter",
        text: |i, _| i.comments.as_deref().and_then(some),
    },
    ItemField {
        name: "beslutsunderlag",
        text: |i, _| lines(&i.documents, |d| d.value.title().to_string()),
    },
    ItemField {
        name: "underlag_framtaget_av",
        text: |i, names| people(&i.prepared_by, names),
    },
    ItemField {
        name: "expedieras_till",
        text: |i, _| lines(&i.distribution, Clone::clone),
    },
    ItemField {
        name: "omedelbar_justering",
        text: |i, _| i.immediate.then(|| "ja".to_string()),
    },
    ItemField {
        name: "sekretess",
        text: |i, _| i.secrecy.as_ref().map(|s| s.ground.clone()),
    },
    ItemField {
        name: "jäv",
        text: |i, names| {
            lines(&i.conflicts, |c| match &c.substitute {
                Some(s) => format!("{} (ersätts av {})", names(&c.person), names(s)),
                None => names(&c.person),
            })
        },
    },
    ItemField {
        name: "yrkanden",
        text: |i, names| {
            lines(&i.motions, |m| {
                format!(
                    "{} yrkar {}",
                    people(&m.by.value, names).unwrap_or_default(),
                    m.motion
                )
            })
        },
    },
    ItemField {
        name: "propositionsordning",
        text: |i, _| i.order.as_ref().and_then(|o| some(&o.value)),
    },
    ItemField {
        name: "omröstning",
        text: |i, names| {
            i.vote.as_ref().map(|v| {
                let v = &v.value;
                let list = |l: &[PersonRef]| people(l, names).unwrap_or_else(|| "–".into());
                format!(
                    "ja ({}): {}; nej ({}): {}; avstår: {}",
                    v.yes_for,
                    list(&v.yes),
                    v.no_for,
                    list(&v.no),
                    list(&v.abstain)
                )
            })
        },
    },
    ItemField {
        name: "reservationer",
        text: |i, names| {
            lines(&i.reservations, |r| {
                let mut line = people(&r.by.value, names).unwrap_or_default();
                if let Some(against) = &r.against {
                    line.push_str(&format!(" mot {against}"));
                }
                if let Some(motivation) = &r.motivation {
                    line.push_str(&format!(": {}", motivation.trim()));
                }
                line
            })
        },
    },
    ItemField {
        name: "särskilda_yttranden",
        text: |i, names| statements(&i.statements, names),
    },
    ItemField {
        name: "protokollsanteckningar",
        text: |i, names| statements(&i.notes, names),
    },
];

const MEETING_FIELDS: &[MeetingField] = &[
    MeetingField {
        name: "status",
        text: |m, _| Some(m.status().label().to_string()),
    },
    MeetingField {
        name: "start",
        text: |m, _| Some(m.spec.start.value.to_string()),
    },
    MeetingField {
        name: "slut",
        text: |m, _| m.spec.end.as_ref().map(|e| e.value.to_string()),
    },
    MeetingField {
        name: "plats",
        text: |m, _| some(&m.spec.place),
    },
    MeetingField {
        name: "form",
        text: |m, _| m.spec.mode.map(|f| f.label().to_string()),
    },
    MeetingField {
        name: "ämnen",
        text: |m, _| lines(&m.spec.topics, |t| t.topic.clone()),
    },
    MeetingField {
        name: "ordförande",
        text: |m, names| m.spec.chair.as_ref().map(names),
    },
    MeetingField {
        name: "sekreterare",
        text: |m, names| m.spec.secretary.as_ref().map(names),
    },
    MeetingField {
        name: "justerare",
        text: |m, names| people(&m.spec.adjusters, names),
    },
    MeetingField {
        name: "justering",
        text: |m, _| {
            m.spec.justering.as_ref().map(|j| {
                let time = j.time.as_ref().map(|t| format!(" kl. {}", t.value));
                format!(
                    "{}{}, {}",
                    sv::iso_date(j.date.value.0),
                    time.unwrap_or_default(),
                    j.place
                )
            })
        },
    },
    MeetingField {
        name: "nästa_möte",
        text: |m, _| {
            m.spec
                .next_meeting
                .as_ref()
                .map(|d| sv::iso_date(d.value.0))
        },
    },
    MeetingField {
        name: "närvaro",
        text: |m, names| {
            m.spec.attendance.as_ref().map(|a| {
                let mut parts = vec![format!(
                    "beslutande: {}",
                    people(&a.present, names).unwrap_or_default()
                )];
                for s in &a.serving {
                    parts.push(format!(
                        "{} tjänstgör för {}",
                        names(&s.person),
                        names(&s.replaces)
                    ));
                }
                if let Some(absent) = people(&a.absent, names) {
                    parts.push(format!("ej närvarande: {absent}"));
                }
                for p in &a.partial {
                    let from = p.from.as_ref().map(|f| format!(" från {}", f.value));
                    let to = p.to.as_ref().map(|t| format!(" till {}", t.value));
                    parts.push(format!(
                        "{}{}{}",
                        names(&p.person),
                        from.unwrap_or_default(),
                        to.unwrap_or_default()
                    ));
                }
                if let Some(others) = lines(&a.others, |o| names(&o.person)) {
                    parts.push(format!("övriga: {others}"));
                }
                parts.join("; ")
            })
        },
    },
    MeetingField {
        name: "rättelser",
        text: |m, _| {
            lines(&m.spec.corrections, |c| {
                format!("{}: {}", c.date.value.0, c.text.trim())
            })
        },
    },
];

/// A side of the comparison: the repository and how it names persons.
fn namer(repository: &Repository) -> impl Fn(&PersonRef) -> String + '_ {
    move |reference: &PersonRef| {
        repository
            .organisation
            .person(&reference.value)
            .map_or_else(|| reference.value.key().to_string(), |p| p.name.clone())
    }
}

fn find_body<'a>(repository: &'a Repository, slug: &str) -> Option<&'a Body> {
    repository.bodies.iter().find(|b| b.slug == slug)
}

fn find_meeting(body: Option<&Body>, date: chrono::NaiveDate) -> Option<(usize, &Meeting)> {
    body?
        .meetings
        .iter()
        .enumerate()
        .find(|(_, m)| m.date() == date)
}

/// What changed in one document, told from the two models.
fn describe(
    old: &Repository,
    new: &Repository,
    document: &Document,
    change: Change,
) -> DocumentChange {
    let old_body = find_body(old, &document.body);
    let new_body = find_body(new, &document.body);
    let body_name = new_body
        .or(old_body)
        .map_or_else(|| document.body.clone(), |b| b.spec.name.clone());
    let paragraph = document.paragraph;
    let title = document.heading();
    let spec = document.kind.spec();
    let date = match spec.scope {
        Scope::Year => document.date.format("%Y").to_string(),
        _ => sv::iso_date(document.date),
    };
    let (old_names, new_names) = (namer(old), namer(new));
    let (meeting, items) = if spec.scope == Scope::Year {
        (
            Vec::new(),
            plan_changes(old_body, new_body, document, &old_names, &new_names),
        )
    } else {
        let before = find_meeting(old_body, document.date);
        let after = find_meeting(new_body, document.date);
        let meeting = match (before, after) {
            (Some((_, a)), Some((_, b))) => MEETING_FIELDS
                .iter()
                .filter(|f| spec.meeting_fields.contains(&f.name))
                .filter_map(|f| {
                    field_change(
                        f.name,
                        (f.text)(a, &old_names),
                        (f.text)(b, &new_names),
                        false,
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        fn numbered<'a>(
            body: Option<&Body>,
            found: Option<(usize, &'a Meeting)>,
        ) -> Option<(&'a Meeting, number::Paragraphs)> {
            let (index, meeting) = found?;
            let numbering = &body?.numbering;
            Some((meeting, numbering.get(index).cloned().unwrap_or_default()))
        }
        let items = item_changes(
            numbered(old_body, before),
            numbered(new_body, after),
            document.kind,
            paragraph,
            (&old_names, &new_names),
        );
        (meeting, items)
    };
    DocumentChange {
        path: document
            .output
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        kind: document.kind.name(),
        title,
        body: body_name,
        date,
        change,
        elsewhere: change == Change::Changed && meeting.is_empty() && items.is_empty(),
        meeting,
        items,
    }
}

/// The items a document shows that were added, removed or edited in a way
/// it shows. Items are matched by id (the file name without its number).
fn item_changes(
    before: Option<(&Meeting, number::Paragraphs)>,
    after: Option<(&Meeting, number::Paragraphs)>,
    kind: Kind,
    only: Option<u32>,
    (old_names, new_names): (&Names, &Names),
) -> Vec<ItemChange> {
    let items =
        |side: &Option<(&Meeting, number::Paragraphs)>| -> Vec<(String, usize, Option<u32>, Item)> {
            side.as_ref()
                .map(|(meeting, numbering)| {
                    meeting
                        .items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            (
                                item.id.clone(),
                                i,
                                numbering.get(i).copied().flatten(),
                                item.clone(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
    let (old_items, new_items) = (items(&before), items(&after));
    let spec = kind.spec();
    let label = |index: usize, number: Option<u32>| match (spec.numbered, number) {
        (true, Some(n)) => format!("§ {n}"),
        _ => format!("punkt {}", index + 1),
    };
    let wanted = |number: Option<u32>| only.is_none() || number == only;
    let title = |item: &Item| item.spec.public_title().to_string();
    let mut changes = Vec::new();
    for (id, index, number, item) in &new_items {
        if !wanted(*number) {
            continue;
        }
        match old_items.iter().find(|(old_id, ..)| old_id == id) {
            None => changes.push(ItemChange {
                label: label(*index, *number),
                title: title(item),
                change: Change::Added,
                fields: Vec::new(),
            }),
            Some((_, _, old_number, old_item)) => {
                let secret = item.spec.secrecy.is_some() || old_item.spec.secrecy.is_some();
                let mut fields: Vec<FieldChange> = ITEM_FIELDS
                    .iter()
                    .filter(|f| spec.item_fields.contains(&f.name))
                    .filter_map(|f| {
                        field_change(
                            f.name,
                            (f.text)(&old_item.spec, old_names),
                            (f.text)(&item.spec, new_names),
                            secret,
                        )
                    })
                    .collect();
                if spec.numbered && old_number != number {
                    let show = |n: &Option<u32>| n.map(|n| format!("§ {n}"));
                    fields.extend(field_change(
                        "paragraf",
                        show(old_number),
                        show(number),
                        false,
                    ));
                }
                if !fields.is_empty() {
                    changes.push(ItemChange {
                        label: label(*index, *number),
                        title: title(item),
                        change: Change::Changed,
                        fields,
                    });
                }
            }
        }
    }
    for (id, index, number, item) in &old_items {
        if wanted(*number) && !new_items.iter().any(|(new_id, ..)| new_id == id) {
            changes.push(ItemChange {
                label: label(*index, *number),
                title: title(item),
                change: Change::Removed,
                fields: Vec::new(),
            });
        }
    }
    changes
}

/// A sammanträdesplan's meetings added, removed or changed in what the
/// plan shows.
fn plan_changes(
    old_body: Option<&Body>,
    new_body: Option<&Body>,
    document: &Document,
    old_names: &Names,
    new_names: &Names,
) -> Vec<ItemChange> {
    use chrono::Datelike;
    let year = document.date.year();
    let meetings = |body: Option<&Body>| -> Vec<Meeting> {
        body.map(|b| {
            b.meetings
                .iter()
                .filter(|m| m.date().year() == year)
                .cloned()
                .collect()
        })
        .unwrap_or_default()
    };
    let (before, after) = (meetings(old_body), meetings(new_body));
    let mut changes = Vec::new();
    for meeting in &after {
        let label = sv::iso_date(meeting.date());
        match before.iter().find(|m| m.date() == meeting.date()) {
            None => changes.push(ItemChange {
                label,
                title: "sammanträde".into(),
                change: Change::Added,
                fields: Vec::new(),
            }),
            Some(old) => {
                let mut fields: Vec<FieldChange> = MEETING_FIELDS
                    .iter()
                    .filter(|f| document.kind.spec().meeting_fields.contains(&f.name))
                    .filter_map(|f| {
                        field_change(
                            f.name,
                            (f.text)(old, old_names),
                            (f.text)(meeting, new_names),
                            false,
                        )
                    })
                    .collect();
                // Without planned topics, the plan shows the items.
                fields.extend(field_change("ärenden", agenda(old), agenda(meeting), false));
                if !fields.is_empty() {
                    changes.push(ItemChange {
                        label,
                        title: "sammanträde".into(),
                        change: Change::Changed,
                        fields,
                    });
                }
            }
        }
    }
    for meeting in &before {
        if !after.iter().any(|m| m.date() == meeting.date()) {
            changes.push(ItemChange {
                label: sv::iso_date(meeting.date()),
                title: "sammanträde".into(),
                change: Change::Removed,
                fields: Vec::new(),
            });
        }
    }
    changes
}

/// The items' public titles, as a plan without topics shows them.
fn agenda(meeting: &Meeting) -> Option<String> {
    if !meeting.spec.topics.is_empty() {
        return None;
    }
    let titles: Vec<&str> = meeting
        .items
        .iter()
        .map(|i| i.spec.public_title())
        .collect();
    // Separated by a word of its own, so that an added title diffs alone.
    (!titles.is_empty()).then(|| titles.join(" · "))
}

/// A field that differs; for a confidential item, without its text.
fn field_change(
    field: &'static str,
    old: Option<String>,
    new: Option<String>,
    secret: bool,
) -> Option<FieldChange> {
    if old == new {
        return None;
    }
    if secret {
        return Some(FieldChange {
            field,
            old: None,
            new: None,
            diff: None,
        });
    }
    let diff = word_diff(old.as_deref().unwrap_or(""), new.as_deref().unwrap_or(""));
    Some(FieldChange {
        field,
        old,
        new,
        diff: Some(diff),
    })
}

/// Unchanged words, ~~removed~~ and **added** ones, with a few words of
/// context around each change and the rest elided.
pub fn word_diff(old: &str, new: &str) -> String {
    let old = collapse(old);
    let new = collapse(new);
    let diff = similar::TextDiff::from_words(old.as_str(), new.as_str());
    // Runs of tokens with the same tag.
    let mut runs: Vec<(similar::ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    let count = runs.len();
    let mut out = String::new();
    for (index, (tag, text)) in runs.iter().enumerate() {
        match tag {
            similar::ChangeTag::Equal => {
                out.push_str(&context(text, index > 0, index + 1 < count));
            }
            similar::ChangeTag::Delete => out.push_str(&marked(text, "~~")),
            similar::ChangeTag::Insert => out.push_str(&marked(text, "**")),
        }
    }
    let out = out.trim().to_string();
    if out.chars().count() > FIELD_LIMIT {
        let cut: String = out.chars().take(FIELD_LIMIT).collect();
        format!("{cut} …")
    } else {
        out
    }
}

/// Whitespace, newlines included, as single spaces: a diff is one line.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Unchanged text between changes: its first and last few words.
fn context(text: &str, after_change: bool, before_change: bool) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let keep = CONTEXT_WORDS + 1;
    if words.len() <= 2 * keep {
        return escape(text);
    }
    let head = if after_change {
        words[..keep].join(" ")
    } else {
        String::new()
    };
    let tail = if before_change {
        words[words.len() - keep..].join(" ")
    } else {
        String::new()
    };
    let head = escape(&head);
    let tail = escape(&tail);
    match (after_change, before_change) {
        (true, true) => format!("{head} … {tail}"),
        (true, false) => format!("{head} …"),
        (false, true) => format!("… {tail}"),
        (false, false) => escape(text),
    }
}

/// Changed words between markers, the spaces around them outside.
fn marked(text: &str, marker: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_string();
    }
    let lead = if text.starts_with(' ') { " " } else { "" };
    let trail = if text.ends_with(' ') { " " } else { "" };
    format!("{lead}{marker}{}{marker}{trail}", escape(trimmed))
}

/// Text from YAML as literal Markdown: no markup, links, HTML or mentions.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '!' | '|'
            | '~' | '<' | '>' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A word joiner after @ keeps GitHub from notifying a user.
            '@' => out.push_str("@\u{2060}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Adjusted protokoll touched, and locks changed.
fn warnings(old: &Repository, new: &Repository, documents: &[DocumentChange]) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut seen = BTreeSet::new();
    for document in documents {
        if !Kind::from_slug(document.kind).is_some_and(|kind| kind.spec().record) {
            continue;
        }
        let slug = document.path.split('/').next().unwrap_or_default();
        let Ok(date) = chrono::NaiveDate::parse_from_str(&document.date, "%Y-%m-%d") else {
            continue;
        };
        let Some((_, meeting)) = find_meeting(find_body(old, slug), date) else {
            continue;
        };
        if meeting.status() == Status::Adjusted && seen.insert((slug.to_string(), date)) {
            let adjusted = meeting
                .spec
                .justering
                .as_ref()
                .map(|j| format!(", justerat {}", sv::iso_date(j.date.value.0)))
                .unwrap_or_default();
            let corrected = find_meeting(find_body(new, slug), date)
                .is_some_and(|(_, m)| m.spec.corrections.len() > meeting.spec.corrections.len());
            warnings.push(if corrected {
                format!(
                    "Justerat protokoll rättas: {} {}{adjusted}. Ändringen är förd in som rättelse; kontrollera att den bara rättar ett fel.",
                    document.body, document.date
                )
            } else {
                format!(
                    "Justerat protokoll ändras: {} {}{adjusted}. Ett justerat protokoll ändras bara genom en rättelse (`rättelser:` i meeting.yaml, sedan `rsr justera`).",
                    document.body, document.date
                )
            });
        }
    }
    for body in &new.bodies {
        for meeting in &body.meetings {
            let before = find_meeting(find_body(old, &body.slug), meeting.date())
                .and_then(|(_, m)| m.lock.as_ref())
                .map(|(_, lock)| lock.content.value.clone());
            let after = meeting
                .lock
                .as_ref()
                .map(|(_, lock)| lock.content.value.clone());
            if before.is_some() && before != after {
                warnings.push(format!(
                    "`justering.lock` för {} {} ändras: det som protokollet justerades med skrivs om.",
                    body.spec.name,
                    sv::iso_date(meeting.date())
                ));
            }
        }
    }
    warnings
}

/// The report as a pull-request comment.
pub fn markdown(report: &Report) -> String {
    let mut out = format!("{MARKER}\n## rsr: dokument som ändras\n\n");
    let count = |change: Change| {
        report
            .documents
            .iter()
            .filter(|d| d.change == change)
            .count()
    };
    let summary = [
        (count(Change::Changed), "ändras"),
        (count(Change::Added), "tillkommer"),
        (count(Change::Removed), "utgår"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect::<Vec<_>>();
    let base = format!("`{}` ({})", short(&report.commit), escape(&report.base));
    if summary.is_empty() {
        out.push_str(&format!("Jämfört med {base}: inga dokument ändras.\n"));
        return out;
    }
    out.push_str(&format!(
        "Jämfört med {base}: {} dokument — {}.\n",
        report.documents.len(),
        sv::join_and(&summary)
    ));
    for warning in &report.warnings {
        out.push_str(&format!(
            "\n> [!WARNING]\n> {}\n",
            escape_keeping_code(warning)
        ));
    }
    for document in &report.documents {
        let mut section = format!(
            "\n### {}, {} {}\n`{}` · {}\n\n",
            document.title,
            escape(&document.body),
            document.date,
            document.path,
            document.change.label()
        );
        for field in &document.meeting {
            section.push_str(&format!("- Sammanträdet, {}\n", field_line(field)));
        }
        for item in &document.items {
            section.push_str(&format!(
                "- **{} {}** {}\n",
                item.label,
                escape(&item.title),
                item.change.label()
            ));
            for field in &item.fields {
                section.push_str(&format!("  - {}\n", field_line(field)));
            }
        }
        if document.elsewhere {
            section.push_str("- Ändringen kommer inte från sammanträdets filer: personregistret (rsr.yaml), organets body.yaml, numreringen eller rsr självt.\n");
        }
        if out.len() + section.len() > COMMENT_LIMIT {
            out.push_str("\n… fler dokument ändras; kör `rsr diff` lokalt för hela listan.\n");
            break;
        }
        out.push_str(&section);
    }
    out
}

/// "beslut: … 9 kap. ~~31 b~~ **31 c** § …"
fn field_line(field: &FieldChange) -> String {
    match &field.diff {
        Some(diff) if !diff.is_empty() => format!("{}: {diff}", field.field),
        Some(_) => format!("{}: tas bort", field.field),
        None => format!("{} ändras (sekretess: innehållet visas inte)", field.field),
    }
}

/// A message of rsr's own whose `code` spans are kept; the rest escaped.
fn escape_keeping_code(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(index, part)| {
            if index % 2 == 1 {
                format!("`{part}`")
            } else {
                escape(part)
            }
        })
        .collect()
}
