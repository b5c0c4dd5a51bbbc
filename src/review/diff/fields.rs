//! The fields of item files and meeting.yaml as `rsr diff` compares them:
//! each field's YAML key and its value as text. Which documents show a
//! field, each kind's `KindSpec` says.

use super::*;

/// Resolves a person reference to a name for the diff.
pub(super) type Names<'a> = dyn Fn(&PersonRef) -> String + 'a;

/// A field of an item file: its YAML key and its value as text. Which
/// documents show it, each kind's `KindSpec` says.
pub(super) struct ItemField {
    pub(super) name: &'static str,
    pub(super) text: fn(&ItemSpec, &Names) -> Option<String>,
}

/// A field of meeting.yaml.
pub(super) struct MeetingField {
    pub(super) name: &'static str,
    pub(super) text: fn(&Meeting, &Names) -> Option<String>,
}

pub(super) fn people(list: &[PersonRef], names: &Names) -> Option<String> {
    let joined: Vec<String> = list.iter().map(names).collect();
    (!joined.is_empty()).then(|| joined.join(", "))
}

/// Presenters, each with the title given for the item: "Tomas Jonsson
/// (kommundirektör)".
pub(super) fn presenters(list: &[Presenter], names: &Names) -> Option<String> {
    let joined: Vec<String> = list
        .iter()
        .map(|p| {
            let name = names(&p.person);
            let qualifiers: Vec<&str> = p
                .title
                .iter()
                .chain(&p.organisation)
                .map(String::as_str)
                .collect();
            if qualifiers.is_empty() {
                name
            } else {
                format!("{name} ({})", qualifiers.join(", "))
            }
        })
        .collect();
    (!joined.is_empty()).then(|| joined.join(", "))
}

pub(super) fn some(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

pub(super) fn lines<T>(list: &[T], line: impl Fn(&T) -> String) -> Option<String> {
    let lines: Vec<String> = list.iter().map(line).collect();
    (!lines.is_empty()).then(|| lines.join("; "))
}

/// Särskilda yttranden and protokollsanteckningar: "who: text; …".
pub(super) fn statements(list: &[Statement], names: &Names) -> Option<String> {
    lines(list, |s| {
        format!(
            "{}: {}",
            people(&s.by.value, names).unwrap_or_default(),
            s.text.trim()
        )
    })
}

pub(super) const ITEM_FIELDS: &[ItemField] = &[
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
        text: |i, names| presenters(&i.presenters, names),
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
        // Lines of text; sub-items with a heading of their own are
        // compared field by field (`SUBITEM_FIELDS`).
        text: |i, _| {
            let texts: Vec<String> = i
                .subitems
                .iter()
                .filter_map(|s| match s {
                    SubItem::Text(text) => Some(text.trim().to_string()),
                    SubItem::Item(_) => None,
                })
                .collect();
            lines(&texts, Clone::clone)
        },
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
        text: |i, _| i.secrecy.as_ref().map(|s| s.legal()),
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

/// A field of a sub-item with a heading of its own.
pub(super) struct SubItemField {
    pub(super) name: &'static str,
    pub(super) text: fn(&SubItemSpec, &Names) -> Option<String>,
}

pub(super) const SUBITEM_FIELDS: &[SubItemField] = &[
    SubItemField {
        name: "rubrik",
        text: |s, _| some(&s.title),
    },
    SubItemField {
        name: "föredragande",
        text: |s, names| presenters(&s.presenters, names),
    },
    SubItemField {
        name: "ärendebeskrivning",
        text: |s, _| s.description.as_deref().and_then(some),
    },
    SubItemField {
        name: "förslag_till_beslut",
        text: |s, _| s.proposal.as_ref().and_then(|p| some(&p.value)),
    },
    SubItemField {
        name: "beslut",
        text: |s, _| s.decision.as_ref().and_then(|d| some(&d.value)),
    },
    SubItemField {
        name: "sammanfattning",
        text: |s, _| s.summary.as_deref().and_then(some),
    },
    SubItemField {
        name: "synpunkter",
        text: |s, _| s.comments.as_deref().and_then(some),
    },
    SubItemField {
        name: "beslutsunderlag",
        text: |s, _| lines(&s.documents, |d| d.value.title().to_string()),
    },
    SubItemField {
        name: "underlag_framtaget_av",
        text: |s, names| people(&s.prepared_by, names),
    },
    SubItemField {
        name: "expedieras_till",
        text: |s, _| lines(&s.distribution, Clone::clone),
    },
];

pub(super) const MEETING_FIELDS: &[MeetingField] = &[
    MeetingField {
        name: "status",
        text: |m, _| Some(m.status().label().to_string()),
    },
    MeetingField {
        name: "anledning",
        text: |m, _| m.spec.reason.as_ref().and_then(|r| some(r.value.trim())),
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
        name: "vice_ordförande",
        text: |m, names| m.spec.vice_chair.as_ref().map(names),
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
            m.spec.next_meeting.as_ref().map(|next| {
                let (start, place) = next.value.written();
                let mut text = sv::iso_date(next.value.date());
                if let Some(start) = start {
                    text.push_str(&format!(" kl. {start}"));
                }
                if let Some(place) = place {
                    text.push_str(&format!(", {place}"));
                }
                text
            })
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

/// The items' public titles, as a plan without topics shows them.
pub(super) fn agenda(meeting: &Meeting) -> Option<String> {
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
