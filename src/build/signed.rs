//! The signed protokoll and protokollsutdrag beside the built ones: a
//! meeting's `signerat/protokoll.pdf` (or `protokollsutdrag-N.pdf`), when
//! it verifies against the document this build made, is copied into
//! `out/` beside it as `<name>-signerat.pdf` and recorded in the manifest,
//! where the site, the open data and `rsr publish` find it and serve it in
//! place of the unsigned document.
//! A signed file that does not verify is not copied, and the build warns.
//! A check is made again only when the signed file, the protokoll built or
//! the trust list changed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::docs::Document;
use crate::error::{Diagnostic, Error};
use crate::lang::t;
use crate::output::manifest::{self, Manifest, SignedCopy};
use crate::output::write;
use crate::repo::model::{Loc, Repository};
use crate::review::sign;

/// Where the signed copy of the protokoll `output` goes in `out/`.
pub fn copy_path(output: &Path) -> PathBuf {
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    output.with_file_name(format!("{stem}-signerat.pdf"))
}

/// What `copy` did.
#[derive(Debug, Default)]
pub struct Copied {
    /// For each signed protokoll that does not verify.
    pub warnings: Vec<Diagnostic>,
    /// The copies written, relative to `out/`.
    pub written: Vec<PathBuf>,
    /// Whether the manifest changed.
    pub changed: bool,
}

/// Copies each valid signed protokoll into `out`, updating `manifest`.
pub fn copy(
    repository: &Repository,
    documents: &[Document],
    out: &Path,
    manifest: &mut Manifest,
) -> Result<Copied, Error> {
    let root = repository.root().to_path_buf();
    let mut copied = Copied::default();
    let mut kept = BTreeSet::new();
    let mut trust: Option<(Vec<x509_cert::Certificate>, String)> = None;
    let mut environment: Option<String> = None;
    for body in &repository.bodies {
        for (meeting, what) in body.meetings.iter().flat_map(|meeting| {
            sign::signed_files(repository, meeting)
                .into_iter()
                .map(move |what| (meeting, what))
        }) {
            let relative = sign::signed_path_of(meeting, what);
            let Some(document) = documents.iter().find(|d| {
                d.body == body.slug
                    && d.date == meeting.date()
                    && match what {
                        sign::Signable::Protokoll => {
                            crate::review::printed::key(d) == Some("protokoll")
                        }
                        sign::Signable::Utdrag(paragraph) => {
                            d.kind == crate::docs::Kind::Protokollsutdrag
                                && d.paragraph == Some(paragraph)
                        }
                    }
            }) else {
                continue;
            };
            // The protokoll as this build left it in out/.
            let Some(entry) = manifest.entry(&document.output).cloned() else {
                continue;
            };
            let Ok(built) = std::fs::read(out.join(&document.output)) else {
                continue;
            };
            if manifest::hash(&[&built]) != entry.pdf {
                continue;
            }
            let Ok(signed) = repository.files.read(&relative, sign::SIGNED_MAX_BYTES) else {
                continue;
            };
            let (trusted, trust_hash) = match &trust {
                Some(trust) => trust,
                None => trust.insert(sign::trusted_with_hash(&root)?),
            };
            let checked = manifest::hash(&[
                manifest::sha256(&signed).as_bytes(),
                entry.pdf.as_bytes(),
                trust_hash.as_bytes(),
            ]);
            let target = copy_path(&document.output);
            kept.insert(document.output.clone());
            if manifest
                .signed(&document.output)
                .is_some_and(|copy| copy.checked == checked)
                && out.join(&target).is_file()
            {
                continue;
            }
            let label = match what {
                sign::Signable::Protokoll => format!("{} {}", body.spec.short_name, meeting.date()),
                sign::Signable::Utdrag(paragraph) => {
                    format!("{} {} § {paragraph}", body.spec.short_name, meeting.date())
                }
            };
            let record = match entry.printed.clone() {
                Some(printed) => {
                    let environment = match &environment {
                        Some(environment) => environment.clone(),
                        None => environment
                            .insert(crate::typeset::Renderer::environment_of(&repository.files)?)
                            .clone(),
                    };
                    let built = sign::Built {
                        pdf: built,
                        printed,
                        environment,
                        places: entry.places.clone(),
                    };
                    sign::record_from(repository, body, meeting, what, built)
                }
                // A manifest from an rsr that kept no printed text of an
                // utdrag: typeset it again for the record.
                None => sign::record(repository, body, meeting, what),
            };
            let verification = match record {
                Ok(record) => Some(sign::verify(
                    &relative.display().to_string(),
                    &signed,
                    Some(&record),
                    trusted,
                    chrono::Utc::now(),
                )),
                Err(_) => None,
            };
            match verification.filter(|v| v.errors() == 0) {
                Some(verification) => {
                    write::file_in(out, &out.join(&target), &signed)?;
                    let pages = lopdf::Document::load_mem(&signed)
                        .map(|d| d.get_pages().len())
                        .unwrap_or(entry.pages);
                    let (signed_count, fields) = (verification.signed(), verification.fields);
                    manifest.record_signed(
                        &document.output,
                        Some(SignedCopy {
                            output: target.to_string_lossy().replace('\\', "/"),
                            checked,
                            signed: signed_count,
                            fields,
                            pages,
                            size: signed.len() as u64,
                            sha512: manifest::sha512(&signed),
                        }),
                    );
                    copied.written.push(target);
                    copied.changed = true;
                }
                None => {
                    kept.remove(&document.output);
                    copied.warnings.push(
                        Diagnostic::warning(
                            "signature-invalid",
                            Loc {
                                file: relative.clone(),
                                line: 1,
                                column: 1,
                            },
                            t!("build-signed-invalid", kind = what.kind(), meeting = &label),
                        )
                        .with_hint(t!(
                            "rules-signature-hint",
                            body = &body.slug,
                            date = meeting.date().to_string()
                        )),
                    );
                }
            }
        }
    }
    // Copies of signed protokoll that are gone, or no longer verify.
    for output in manifest.signed_outputs() {
        let path = PathBuf::from(&output);
        if kept.contains(&path) {
            continue;
        }
        if let Some(copy) = manifest.signed(&path) {
            let _ = std::fs::remove_file(out.join(&copy.output));
        }
        manifest.record_signed(&path, None);
        copied.changed = true;
    }
    Ok(copied)
}
