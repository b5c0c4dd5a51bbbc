//! How the documents look, as rsr.yaml and body.yaml set it: the patterns
//! among the labels (`rubriker:`) and the logo (`logotyp:`); and where the
//! site is published (`webbplats:`).

use std::path::Path;

use super::finding;
use crate::docs::{LOGO_LIMIT, logo_path};
use crate::error::Diagnostic;
use crate::repo::labels::{PLACEHOLDERS, Part, Rubriker, parts};
use crate::repo::load::nearest;
use crate::repo::model::{Logo, Repository};
use crate::repo::sandbox::Refused;

/// rsr.yaml's labels and logo; its logo's file is named from the root.
pub fn organisation(repository: &Repository, found: &mut Vec<Diagnostic>) {
    let organisation = &repository.organisation;
    if let Some(labels) = &organisation.labels {
        labels_in(labels, &repository.file, found);
    }
    if let Some(logo) = &organisation.logo {
        logo_in(repository, logo, Path::new(""), &repository.file, found);
    }
    if let Some(website) = &organisation.website
        && !crate::repo::model::website_ok(website.value.trim())
    {
        found.push(
            finding(
                "website-url",
                website.loc(&repository.file),
                crate::lang::t!("check-website-url", value = website.value.trim()),
            )
            .with_hint(crate::lang::t!("check-website-url-hint")),
        );
    }
}

/// A body's labels and logo; its logo's file is named from its folder.
pub fn body(repository: &Repository, body: &crate::repo::model::Body, found: &mut Vec<Diagnostic>) {
    if let Some(labels) = &body.spec.labels {
        labels_in(labels, &body.file, found);
    }
    if let Some(logo) = &body.spec.logo {
        let folder = body.file.parent().unwrap_or(Path::new(""));
        logo_in(repository, logo, folder, &body.file, found);
    }
}

/// Each pattern's placeholders are its own, and a participant has a name.
fn labels_in(labels: &Rubriker, file: &Path, found: &mut Vec<Diagnostic>) {
    for (id, value) in labels.set() {
        if value.value.trim().is_empty() {
            found.push(
                finding(
                    "label-empty",
                    value.loc(file),
                    crate::lang::t!("check-label-empty", id = id),
                )
                .with_hint(crate::lang::t!("check-label-empty-hint", id = id)),
            );
            continue;
        }
        let Some((_, known)) = PLACEHOLDERS.iter().find(|(pattern, _)| *pattern == id) else {
            continue;
        };
        let listed = known
            .iter()
            .map(|name| format!("`{{{name}}}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let used: Vec<&str> = parts(&value.value)
            .into_iter()
            .filter_map(|part| match part {
                Part::Field(name) => Some(name),
                Part::Text(_) => None,
            })
            .collect();
        for name in &used {
            if known.contains(name) {
                continue;
            }
            let placeholder = format!("{{{name}}}");
            let mut problem = finding(
                "label-placeholder",
                value.loc(file),
                crate::lang::t!(
                    "check-label-placeholder",
                    id = id,
                    placeholder = placeholder
                ),
            );
            problem = match nearest(name, known) {
                Some(near) => {
                    let near = format!("{{{near}}}");
                    problem.with_hint(crate::lang::t!(
                        "check-label-placeholder-near-hint",
                        near = near,
                        id = id,
                        listed = &listed
                    ))
                }
                None => problem.with_hint(crate::lang::t!(
                    "check-label-placeholder-hint",
                    id = id,
                    listed = &listed
                )),
            };
            found.push(problem);
        }
        if id == "deltagare_format" && !used.contains(&"namn") {
            found.push(
                finding(
                    "label-placeholder",
                    value.loc(file),
                    crate::lang::t!("check-participant-without-name"),
                )
                .with_hint(crate::lang::t!(
                    "check-participant-without-name-hint",
                    name = "{namn}",
                    listed = &listed
                )),
            );
        }
    }
}

/// The logo is an SVG or PNG file inside the repository, and says what it
/// shows.
fn logo_in(
    repository: &Repository,
    logo: &Logo,
    folder: &Path,
    file: &Path,
    found: &mut Vec<Diagnostic>,
) {
    if logo.alt.value.trim().is_empty() {
        found.push(
            finding(
                "logo-without-alt",
                logo.alt.loc(file),
                crate::lang::t!("check-logo-without-alt"),
            )
            .with_hint(crate::lang::t!("check-logo-without-alt-hint")),
        );
    }
    let name = &logo.file.value;
    let path = folder.join(name);
    let at = logo.file.loc(file);
    let bytes = match repository.files.read(&path, LOGO_LIMIT) {
        Ok(bytes) => bytes,
        Err(Refused::Outside) => {
            found.push(
                finding(
                    "logo-outside-repository",
                    at,
                    crate::lang::t!("check-logo-outside-repository", name = name),
                )
                .with_hint(if folder.as_os_str().is_empty() {
                    crate::lang::t!("check-logo-outside-repository-root-hint")
                } else {
                    let folder = folder.display().to_string();
                    crate::lang::t!("check-logo-outside-repository-hint", folder = folder)
                }),
            );
            return;
        }
        Err(Refused::TooLarge { .. }) => {
            found.push(finding(
                "logo-not-image",
                at,
                crate::lang::t!(
                    "check-logo-too-large",
                    name = name,
                    limit = LOGO_LIMIT >> 20
                ),
            ));
            return;
        }
        Err(Refused::Io(error)) => {
            let shown = path.display().to_string();
            let message = if error.kind() == std::io::ErrorKind::NotFound {
                crate::lang::t!("check-logo-missing", path = shown)
            } else {
                let error = error.to_string();
                crate::lang::t!("check-logo-unreadable", path = shown, error = error)
            };
            found.push(finding("logo-missing-file", at, message));
            return;
        }
    };
    let kind = logo_path(&path);
    let fits = match kind {
        Some("/logotyp.png") => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        Some(_) => is_svg(&bytes),
        None => false,
    };
    if !fits {
        let message = if kind.is_some() {
            crate::lang::t!("check-logo-not-image-content", name = name)
        } else {
            crate::lang::t!("check-logo-not-image-name", name = name)
        };
        found.push(
            finding("logo-not-image", at, message)
                .with_hint(crate::lang::t!("check-logo-not-image-hint")),
        );
    }
}

/// Whether the bytes begin as an SVG document does: an XML declaration,
/// comments or a doctype at most before an `<svg` element.
fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let Ok(text) =
        std::str::from_utf8(head).or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
    else {
        return false;
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('<') && text.contains("<svg")
}
