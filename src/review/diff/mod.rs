//! `rsr diff`: which documents change between a git revision and the
//! working tree, for a pull-request comment. Both sides are loaded by the
//! same loader: the revision's files are taken out of git with
//! `git archive` into a temporary folder. A document changes when the data
//! its template receives (or a file it carries) differs; what changed is
//! then told from the model: items added, removed or edited, field by
//! field, with a word-level diff of the text.

mod compare;
mod fields;
mod markdown;

use crate::check::gate::{self, Gate};
use crate::docs::{self, Document, Filter, Kind, Scope};
use crate::error::Error;
use crate::lang::t;
use crate::repo::model::{
    Body, Item, ItemSpec, Meeting, PersonRef, Presenter, Repository, Statement, Status, SubItem,
    SubItemSpec,
};
use crate::repo::number;
use crate::sv;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::review::git::*;
use compare::*;
use fields::*;
pub use markdown::markdown;
use markdown::*;

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
    /// As written in the YAML: "beslut"; in a sub-item, with its letter
    /// and title: "underpunkt b) Mål: synpunkter".
    pub field: Cow<'static, str>,
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
    let new = loaded(root, &t!("cmd-diff-working-tree"))?;
    let documents = compare(&old, &new);
    let mut warnings = warnings(&old, &new, &documents);
    // What the data does not show: an adjusted protokoll that the working
    // tree's templates, fonts or rsr print with other words.
    // What the last build recorded, unless git tracks it (`kept`).
    let manifest = crate::review::kept::Kept::in_out(&root.join("out")).manifest();
    for changed in crate::review::printed::verify(&new, Some(&manifest))? {
        warnings.push(format!(
            "Justerat protokoll skriver ut andra ord: {}. Mallarna, typsnitten eller rsr-versionen gör att protokollet säger något annat än när det justerades; en mall får ändra utseendet men inte orden.",
            changed.label
        ));
    }
    Ok(Report {
        base,
        commit,
        documents,
        warnings,
    })
}

fn short(commit: &str) -> &str {
    commit.get(..10).unwrap_or(commit)
}

fn loaded(root: &Path, what: &str) -> Result<Repository, Error> {
    // Two trees as they are: what does not read is left out of both.
    gate::open(root, Gate::Partial)
        .map(|gated| gated.repository)
        .map_err(|_| Error::Repository(t!("cmd-diff-unreadable", what = what)))
}
