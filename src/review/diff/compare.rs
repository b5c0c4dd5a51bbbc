//! The comparison: both sides' documents matched by output, and for each
//! that differs the meeting's fields and the items it shows.

use super::*;

/// Every document of either side that is not the same on both.
pub(super) fn compare(old: &Repository, new: &Repository) -> Vec<DocumentChange> {
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

pub(super) fn by_output(documents: &[Document]) -> BTreeMap<&PathBuf, &Document> {
    documents.iter().map(|d| (&d.output, d)).collect()
}

/// The same data, and files with the same bytes.
pub(super) fn same(old: &Repository, a: &Document, new: &Repository, b: &Document) -> bool {
    let read = |repository: &Repository, file: &PathBuf| {
        repository
            .files
            .hash(file, crate::docs::ATTACHMENT_LIMIT)
            .ok()
    };
    a.data == b.data
        && a.files.len() == b.files.len()
        && a.files
            .iter()
            .zip(&b.files)
            .all(|(x, y)| read(old, x) == read(new, y))
}

/// A side of the comparison: the repository and how it names persons.
pub(super) fn namer(repository: &Repository) -> impl Fn(&PersonRef) -> String + '_ {
    move |reference: &PersonRef| {
        repository
            .organisation
            .person(&reference.value)
            .map_or_else(|| reference.value.key().to_string(), |p| p.name.clone())
    }
}

pub(super) fn find_body<'a>(repository: &'a Repository, slug: &str) -> Option<&'a Body> {
    repository.bodies.iter().find(|b| b.slug == slug)
}

pub(super) fn find_meeting(
    body: Option<&Body>,
    date: chrono::NaiveDate,
) -> Option<(usize, &Meeting)> {
    body?
        .meetings
        .iter()
        .enumerate()
        .find(|(_, m)| m.date() == date)
}

/// What changed in one document, told from the two models.
pub(super) fn describe(
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
pub(super) fn item_changes(
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
                fields.extend(subitem_changes(
                    &old_item.spec,
                    &item.spec,
                    spec.subitem_fields,
                    secret,
                    (old_names, new_names),
                ));
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

/// The changes inside sub-items with a heading of their own, matched by
/// letter, in the fields `shown`: "underpunkt b) Mål: synpunkter".
pub(super) fn subitem_changes(
    old: &ItemSpec,
    new: &ItemSpec,
    shown: &[&str],
    secret: bool,
    (old_names, new_names): (&Names, &Names),
) -> Vec<FieldChange> {
    let structured = |spec: &ItemSpec, index: usize| -> Option<SubItemSpec> {
        spec.subitems.get(index)?.structured().cloned()
    };
    let mut changes = Vec::new();
    for index in 0..old.subitems.len().max(new.subitems.len()) {
        let (before, after) = (structured(old, index), structured(new, index));
        let Some(named) = after.as_ref().or(before.as_ref()) else {
            continue;
        };
        let label = format!("underpunkt {} {}", sv::letter(index), named.title.trim());
        for field in SUBITEM_FIELDS.iter().filter(|f| shown.contains(&f.name)) {
            changes.extend(field_change(
                format!("{label}: {}", field.name),
                before.as_ref().and_then(|s| (field.text)(s, old_names)),
                after.as_ref().and_then(|s| (field.text)(s, new_names)),
                secret,
            ));
        }
    }
    changes
}

/// A sammanträdesplan's meetings added, removed or changed in what the
/// plan shows.
pub(super) fn plan_changes(
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

/// A field that differs; for a confidential item, without its text.
pub(super) fn field_change(
    field: impl Into<Cow<'static, str>>,
    old: Option<String>,
    new: Option<String>,
    secret: bool,
) -> Option<FieldChange> {
    if old == new {
        return None;
    }
    let field = field.into();
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

/// Adjusted protokoll touched, and locks changed.
pub(super) fn warnings(
    old: &Repository,
    new: &Repository,
    documents: &[DocumentChange],
) -> Vec<String> {
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
