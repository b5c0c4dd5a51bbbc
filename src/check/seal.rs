//! The seal of an adjusted protokoll: a hash of everything it shows, as
//! `rsr justera` records it in `justering.lock`, and how the repository
//! stands against it. The lock rule checks it; `review::justera` writes it.
//!
//! The hash is taken over the protokoll's data, the very value its template
//! receives: a change to an item, to the meeting, or to a person's name in
//! rsr.yaml that the protokoll would show counts; a comment, a field only
//! the kallelse shows, or a template's layout does not.
//!
//! Of the labels (`rubriker:`) it hashes those that differ from their
//! defaults and that the protokoll prints, so a protokoll sealed before
//! labels existed stays sealed while a changed heading of it counts. The logo is presentation, not what the
//! protokoll says: it is left out.

use std::collections::BTreeMap;

use crate::docs::{self, Context, protokoll};
use crate::output::manifest;
use crate::repo::model::{Body, Lock, Meeting, Repository};

/// What the protokoll shows now: a hash of the whole and of each paragraph.
/// A build records it with each meeting's documents (`build::inventory`),
/// for the next to take while the meeting's key holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Seal {
    pub content: String,
    /// Everything but the paragraphs: attendance, times, signatures.
    pub first_page: String,
    pub paragraphs: BTreeMap<u32, String>,
}

/// The seal of a meeting's protokoll as the repository holds it now.
pub fn seal(context: &Context) -> Seal {
    // Markdown headings hash as the paragraphs an earlier rsr made of them.
    crate::docs::markdown::as_sealed(|| {
        let mut data = protokoll::data(context, false);
        let defaults = crate::repo::labels::Labels::DEFAULTS;
        let elsewhere = crate::repo::labels::NOT_IN_PROTOKOLL;
        data.header.labels.retain(|id, value| {
            !defaults.contains(&(*id, value.as_str())) && !elsewhere.contains(id)
        });
        data.header.logo = None;
        // Typography, not content: the names kept whole and where the
        // table of contents goes.
        data.header.unhyphenated = None;
        data.toc = Default::default();
        let content = manifest::hash(&[&json(&data)]);
        let paragraphs = data
            .sections
            .iter()
            .map(|section| (section.number, short(&json(section))))
            .collect();
        data.sections.clear();
        Seal {
            content,
            first_page: short(&json(&data)),
            paragraphs,
        }
    })
}

/// The seal of one meeting of `body`.
pub fn seal_of(repository: &Repository, body: &Body, meeting: &Meeting) -> Seal {
    let context = docs::contexts(&repository.organisation, body)
        .find(|context| std::ptr::eq(context.meeting, meeting));
    context.map_or_else(
        || Seal {
            content: String::new(),
            first_page: String::new(),
            paragraphs: BTreeMap::new(),
        },
        |context| seal(&context),
    )
}

/// The data as JSON. Plain structs of strings and numbers always
/// serialize, in their fields' order, so the bytes depend on no map order.
fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// The first 16 hex digits, enough to tell paragraphs apart in a diff.
fn short(bytes: &[u8]) -> String {
    manifest::hash(&[bytes])[..16].to_string()
}

/// How an adjusted meeting's protokoll stands against its lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// As sealed.
    Sealed,
    /// Changed, with more rättelser than the lock counts: to be sealed again.
    Corrected { paragraphs: Vec<u32> },
    /// Changed without a rättelse: the paragraphs that differ, and whether
    /// anything outside them (attendance, times, signatures) did.
    Changed {
        paragraphs: Vec<u32>,
        first_page: bool,
    },
}

/// How `meeting` stands against `lock`, its protokoll's seal being `now`.
/// `before` gives the seal as it would be with only the rättelser the lock
/// counts: what changed besides the new rättelser. A change is sealed
/// again only when the new rättelser name it: each changed paragraph by
/// its `paragraf:`, a change outside the paragraphs by one without.
pub fn standing(
    meeting: &Meeting,
    lock: &Lock,
    now: &Seal,
    before: impl FnOnce() -> Seal,
) -> Standing {
    if lock.content.value == now.content {
        return Standing::Sealed;
    }
    let paragraphs = changed_paragraphs(lock, now);
    let new = meeting
        .spec
        .corrections
        .get(lock.corrections..)
        .unwrap_or_default();
    if new.is_empty() {
        return Standing::Changed {
            // A lock without the first page's hash cannot tell.
            first_page: lock.first_page.as_ref() != Some(&now.first_page) || paragraphs.is_empty(),
            paragraphs,
        };
    }
    // What changed besides the new rättelser, which show on the first page
    // and under the paragraphs they name.
    let before = before();
    let named: Vec<u32> = new
        .iter()
        .filter_map(|correction| correction.paragraph.as_ref().map(|p| p.value))
        .collect();
    let first_page_named = new.iter().any(|correction| correction.paragraph.is_none());
    let unnamed: Vec<u32> = changed_paragraphs(lock, &before)
        .into_iter()
        .filter(|number| !named.contains(number))
        .collect();
    // A lock without the first page's hash cannot tell: only a rättelse of
    // the whole protokoll covers it.
    let first_page = lock.first_page.as_ref() != Some(&before.first_page) && !first_page_named;
    if unnamed.is_empty() && !first_page {
        Standing::Corrected { paragraphs }
    } else {
        Standing::Changed {
            paragraphs: unnamed,
            first_page,
        }
    }
}

/// The paragraphs whose hash differs from the lock's, those gone too.
fn changed_paragraphs(lock: &Lock, now: &Seal) -> Vec<u32> {
    let mut paragraphs: Vec<u32> = now
        .paragraphs
        .iter()
        .filter(|(number, hash)| lock.paragraphs.get(number) != Some(*hash))
        .map(|(number, _)| *number)
        .collect();
    paragraphs.extend(
        lock.paragraphs
            .keys()
            .filter(|number| !now.paragraphs.contains_key(number)),
    );
    paragraphs.sort_unstable();
    paragraphs.dedup();
    paragraphs
}

/// The seal of `meeting` as it would be with only its first `count`
/// rättelser.
pub fn seal_before(repository: &Repository, body: &Body, meeting: &Meeting, count: usize) -> Seal {
    let mut earlier = meeting.clone();
    earlier.spec.corrections.truncate(count);
    let context = docs::contexts(&repository.organisation, body)
        .find(|context| std::ptr::eq(context.meeting, meeting));
    context.map_or_else(
        || seal_of(repository, body, meeting),
        |context| seal(&context.with_meeting(&earlier)),
    )
}

/// The SHA-256 of a beslutsunderlag file of `meeting`, named as its item
/// names it, as the lock's `underlag:` records it (`sha256sum`'s); `None`
/// when it cannot be read within the attachment limit.
pub fn attachment_hash(repository: &Repository, meeting: &Meeting, name: &str) -> Option<String> {
    let bytes = repository
        .files
        .read(&meeting.dir.join(name), crate::docs::ATTACHMENT_LIMIT)
        .ok()?;
    Some(manifest::sha256(&bytes))
}

/// The seal of every meeting of `body` that has a lock, by its index:
/// as `known` has it, where it does, else made now.
pub fn seals(repository: &Repository, body: &Body, known: &Known) -> Vec<(usize, Seal)> {
    let sealed: Vec<(usize, docs::Context)> = docs::contexts(&repository.organisation, body)
        .enumerate()
        .filter(|(_, context)| context.meeting.lock.is_some())
        .collect();
    // Each a protokoll's data made and hashed: a body of years has
    // hundreds, on every core.
    crate::repo::parallel::each(&sealed, |(index, context)| {
        (*index, known(*index).unwrap_or_else(|| seal(context)))
    })
}

/// The seal of the body's meeting at an index, where it is known without
/// making the protokoll's data (the last build made it from the same).
pub type Known<'a> = dyn Fn(usize) -> Option<Seal> + Sync + 'a;
