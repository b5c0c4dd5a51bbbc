//! What the last builds wrote: for every PDF in `out/`, a fingerprint of
//! what it was made from (rsr's version, its templates, its data) and a
//! hash of the bytes written. `rsr list` compares both with the repository
//! and the files as they are now, so "up to date" is judged by content,
//! never by timestamps. Kept in `out/.rsr.manifest.json`; a missing or
//! unreadable manifest only means that nothing is known to be up to date.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::output::write;

pub const FILE: &str = ".rsr.manifest.json";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// By output path relative to `out/`, with `/` separators.
    documents: BTreeMap<String, Entry>,
    /// The signed copies of protokoll (`<meeting>/signerat/protokoll.pdf`
    /// as the build found it valid), by the output path of the protokoll
    /// they are the signed copy of.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    signed: BTreeMap<String, SignedCopy>,
}

/// A signed protokoll the build copied into `out/`, for the site and the
/// open data to serve in place of the protokoll it built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedCopy {
    /// Its path in `out/`, with `/` separators.
    pub output: String,
    /// The hash of what it was checked against: the signed file, the
    /// protokoll built, the trust list. The same again is not checked
    /// again.
    pub checked: String,
    /// Signatures that hold, of the signature fields.
    pub signed: usize,
    pub fields: usize,
    pub pages: usize,
    pub size: u64,
    pub sha512: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The fingerprint of the inputs the PDF was made from.
    pub input: String,
    /// SHA-256 of the PDF as written.
    pub pdf: String,
    /// Its number of pages.
    #[serde(default)]
    pub pages: usize,
    /// Its size in bytes and its SHA-512, as the open data publishes them.
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub sha512: String,
    /// SHA-256 of its printed text (`typeset::printed`), which `rsr check`
    /// compares with a sealed protokoll's lock without typesetting it again
    /// while the PDF is up to date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
    /// The lines it marks for visible signatures, which `rsr signera`
    /// and the build's check of a signed protokoll place its fields on
    /// without typesetting it again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<SignaturePlace>,
}

impl Entry {
    /// The entry of a PDF with these bytes, made from `input`.
    pub fn of(input: String, pdf: &[u8], pages: usize) -> Entry {
        Entry {
            input,
            pdf: hash(&[pdf]),
            pages,
            size: pdf.len() as u64,
            sha512: sha512(pdf),
            printed: None,
            places: Vec::new(),
        }
    }
}

/// A line a visible signature is shown on: the area above it, where ink
/// would go, as a PDF widget's `/Rect` on its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignaturePlace {
    /// Whose line: the signer's place in the template data's `signatures`.
    pub signer: usize,
    /// The page, from 0.
    pub page: usize,
    /// `[left, bottom, right, top]` in hundredths of a point from the
    /// page's bottom left: the same layout gives the same numbers.
    pub rect: [i64; 4],
}

/// The hex SHA-256 of a file's bytes, as `sha256sum` prints it.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The hex SHA-512 of a file's bytes.
pub fn sha512(bytes: &[u8]) -> String {
    sha2::Sha512::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a document in `out/` is the one the repository would build now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    UpToDate,
    /// Built from other inputs, or changed since it was written.
    Outdated,
    Missing,
}

impl State {
    /// "up to date", "outdated", "missing", in the run's language.
    pub fn label(self) -> String {
        match self {
            State::UpToDate => crate::lang::t!("cmd-list-up-to-date"),
            State::Outdated => crate::lang::t!("cmd-list-outdated"),
            State::Missing => crate::lang::t!("cmd-list-missing"),
        }
    }
}

impl Manifest {
    /// The manifest in `out`, or an empty one when there is none or it
    /// cannot be read.
    pub fn load(out: &Path) -> Manifest {
        std::fs::read(out.join(FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Records what `output` was written from and with.
    pub fn record(&mut self, output: &Path, entry: Entry) {
        self.documents.insert(key(output), entry);
    }

    /// What the manifest knows of `output`.
    pub fn entry(&self, output: &Path) -> Option<&Entry> {
        self.documents.get(&key(output))
    }

    /// The signed copy of the protokoll `output`, if the build made one.
    pub fn signed(&self, output: &Path) -> Option<&SignedCopy> {
        self.signed.get(&key(output))
    }

    /// Records the signed copy of the protokoll `output`, or forgets it.
    pub fn record_signed(&mut self, output: &Path, copy: Option<SignedCopy>) {
        match copy {
            Some(copy) => self.signed.insert(key(output), copy),
            None => self.signed.remove(&key(output)),
        };
    }

    /// The protokoll outputs that have a signed copy.
    pub fn signed_outputs(&self) -> Vec<String> {
        self.signed.keys().cloned().collect()
    }

    /// The size and SHA-512 of `output` in `out`, for the site and the
    /// open data: as the build recorded them, or, for a document this
    /// manifest does not know, as read from `out`; `None` when it is not
    /// there.
    pub fn facts(&self, out: &Path, output: &Path) -> Option<(u64, String)> {
        match self.entry(output) {
            Some(entry) if !entry.sha512.is_empty() => Some((entry.size, entry.sha512.clone())),
            _ => {
                let bytes = std::fs::read(out.join(output)).ok()?;
                Some((bytes.len() as u64, sha512(&bytes)))
            }
        }
    }

    /// The size of `output` in `out` as it is now, for the site's links;
    /// 0 when it is not there.
    pub fn size(&self, out: &Path, output: &Path) -> u64 {
        std::fs::metadata(out.join(output)).map_or(0, |m| m.len())
    }

    /// Writes the manifest atomically.
    pub fn save(&self, out: &Path) -> Result<(), Error> {
        // A map of strings always serializes.
        let json = serde_json::to_vec_pretty(self).unwrap_or_default();
        write::file_in(out, &out.join(FILE), &json)
    }

    /// The state of `output` in `out`, given the fingerprint of what it
    /// would be built from now.
    pub fn state(&self, out: &Path, output: &Path, input: &str) -> State {
        let Ok(bytes) = std::fs::read(out.join(output)) else {
            return State::Missing;
        };
        match self.documents.get(&key(output)) {
            Some(entry) if entry.input == input && entry.pdf == hash(&[&bytes]) => State::UpToDate,
            _ => State::Outdated,
        }
    }
}

/// SHA-256 over the parts, each prefixed by its length so that no two
/// different lists of parts hash alike.
pub fn hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn key(output: &Path) -> String {
    output
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_up_to_date_only_with_the_same_inputs_and_bytes() {
        let out = tempfile::tempdir().unwrap();
        let output = Path::new("kn/2026-03-02-protokoll.pdf");
        std::fs::create_dir_all(out.path().join("kn")).unwrap();
        let mut manifest = Manifest::default();
        assert_eq!(manifest.state(out.path(), output, "a"), State::Missing);

        std::fs::write(out.path().join(output), b"%PDF-1").unwrap();
        manifest.record(output, Entry::of("a".into(), b"%PDF-1", 1));
        manifest.save(out.path()).unwrap();
        let manifest = Manifest::load(out.path());
        assert_eq!(manifest.state(out.path(), output, "a"), State::UpToDate);
        assert_eq!(manifest.state(out.path(), output, "b"), State::Outdated);

        std::fs::write(out.path().join(output), b"%PDF-2").unwrap();
        assert_eq!(manifest.state(out.path(), output, "a"), State::Outdated);
    }

    #[test]
    fn parts_are_hashed_with_their_boundaries() {
        assert_ne!(hash(&[b"ab", b"c"]), hash(&[b"a", b"bc"]));
        assert_eq!(hash(&[b"x"]).len(), 64);
    }

    #[test]
    fn a_corrupt_manifest_counts_as_empty() {
        let out = tempfile::tempdir().unwrap();
        std::fs::write(out.path().join(FILE), b"{not json").unwrap();
        let manifest = Manifest::load(out.path());
        assert!(manifest.documents.is_empty());
    }
}
