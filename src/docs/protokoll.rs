//! Protokoll: the first-page block (time and place, attendance, justering,
//! paragraphs, next meeting, signatures), then one section per paragraph.

use serde::Serialize;

use chrono::NaiveDate;

use super::{
    Context, Document, Header, Kind, KindSpec, Make, OpenData, PUBLIC_VERSION, Scope, markdown,
    presenters, text, titles, with_party,
};
use crate::docs::markdown::{self as md, Block};
use crate::repo::attendance;
use crate::repo::labels::Labels;
use crate::repo::model::{
    self, Body, Correction, Meeting, OtherAttendee, Person, PersonRef, Status, TocPlacement,
};
use crate::repo::number;
use crate::sv;

pub const TITLE: &str = "Protokoll";
/// The mark on a protokoll of a meeting not yet `justerad`.
pub const DRAFT: &str = "UTKAST – ej justerat";

pub const SPEC: KindSpec = KindSpec {
    kind: Kind::Protokoll,
    slug: "protokoll",
    title: TITLE,
    label: TITLE,
    template: include_str!("../../templates/protokoll.typ"),
    sample: include_str!("../../templates/protokoll.sample.json"),
    scope: Scope::Meeting,
    from: Status::Held,
    cancelled: false,
    numbered: true,
    record: true,
    open_data: OpenData::ResultsProtocol,
    feed: Some(feed),
    item_fields: PARAGRAPH_FIELDS,
    meeting_fields: &[
        "status",
        "start",
        "slut",
        "plats",
        "ordförande",
        "vice_ordförande",
        "sekreterare",
        "justerare",
        "justering",
        "nästa_möte",
        "närvaro",
        "rättelser",
    ],
    subitem_fields: SUBITEM_FIELDS,
    make: Make::Meeting(make),
};

/// The fields of an item file a paragraph shows, in the protokoll and in
/// its utdrag alike.
pub const PARAGRAPH_FIELDS: &[&str] = &[
    "rubrik",
    "diarienummer",
    "föredragande",
    "ärendebeskrivning",
    "underpunkter",
    "beslut",
    "sammanfattning",
    "synpunkter",
    "beslutsunderlag",
    "underlag_framtaget_av",
    "expedieras_till",
    "omedelbar_justering",
    "sekretess",
    "jäv",
    "yrkanden",
    "propositionsordning",
    "omröstning",
    "reservationer",
    "särskilda_yttranden",
    "protokollsanteckningar",
];

/// The fields of a sub-item with a heading of its own that a paragraph
/// shows.
pub const SUBITEM_FIELDS: &[&str] = &[
    "rubrik",
    "föredragande",
    "ärendebeskrivning",
    "beslut",
    "sammanfattning",
    "synpunkter",
    "beslutsunderlag",
    "underlag_framtaget_av",
    "expedieras_till",
];

/// The protokoll of a held meeting; with confidential items, a public
/// version beside it.
fn make(context: &Context, _: &[u32]) -> Vec<Document> {
    let adjusted_on = context.adjusted_on();
    let mut internal = context.document(
        Kind::Protokoll,
        SPEC.slug,
        adjusted_on,
        &data(context, false),
    );
    let confidential = !confidential(context).is_empty();
    internal.public &= !confidential;
    internal.internal = confidential;
    let mut documents = vec![internal];
    if confidential {
        documents.push(context.document(
            Kind::Protokoll,
            PUBLIC_VERSION,
            adjusted_on,
            &data(context, true),
        ));
    }
    documents
}

/// A protokoll in the feed once it is adjusted.
fn feed(meeting: &Meeting, document: &Document) -> Option<(NaiveDate, String)> {
    (meeting.status() == Status::Adjusted).then(|| {
        (
            document.issued,
            format!(
                "Protokollet från sammanträdet {} är justerat {}.",
                sv::long_date(meeting.date()),
                sv::long_date(document.issued)
            ),
        )
    })
}

#[derive(Debug, Serialize)]
pub struct Protokoll {
    #[serde(flatten)]
    pub header: Header,
    /// "måndag 17 november 2025 kl. 13.00–15.30"
    pub time: String,
    pub place: String,
    pub present: Vec<String>,
    pub absent: Vec<String>,
    pub others: Vec<String>,
    /// "onsdag 26 november 2025, digitalt"
    pub justering: Option<String>,
    /// "28–32"
    pub paragraphs: String,
    pub next_meeting: Option<String>,
    /// Sekreterare, ordförande, justerare, in the order they sign.
    pub signatures: Vec<Signature>,
    /// Signed with electronic signatures (`justering: {underskrift:
    /// elektronisk}`): no lines to sign on, and the first page says so.
    /// Left out when false, so that what a protokoll sealed before the
    /// field existed receives is as it was.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub electronic: bool,
    /// Electronic signatures shown on the signature lines
    /// (`justering: {underskrift: synlig}`): the lines are drawn, and each
    /// is marked for `rsr signera` to place the signature's field on.
    /// Left out when false, as `electronic` is.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub visible: bool,
    /// "Regional ledningsgrupp beslut"
    pub decision_heading: String,
    pub sections: Vec<Section>,
    /// The notice-board certificate, for bodies that post on one.
    pub anslag: Option<super::anslag::Anslag>,
    /// Which version this is, for a meeting with confidential items.
    pub version: Option<String>,
    /// Formal corrections after justering: "2026-10-27, § 121: … (Ingrid Palm)".
    pub corrections: Vec<String>,
    /// Where the table of contents goes (body.yaml
    /// `innehållsförteckning:`); absent for its own page, the default.
    /// Layout, so the seal leaves it out (see `check::seal`).
    #[serde(skip_serializing_if = "TocPlacement::is_default")]
    pub toc: TocPlacement,
}

#[derive(Debug, Serialize)]
pub struct Signature {
    pub role: String,
    pub name: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Section {
    pub number: u32,
    /// "§ 29"
    pub label: String,
    pub title: String,
    pub case_number: Option<String>,
    pub presenters: Option<String>,
    pub subitems: Vec<SubItem>,
    pub background: Option<Vec<Block>>,
    pub decision: Option<Vec<Block>>,
    pub summary: Option<Vec<Block>>,
    pub comments: Option<Vec<Block>>,
    pub documents: Vec<String>,
    pub prepared_by: Option<String>,
    pub distribution: Vec<String>,
    /// Adjusted at the meeting (omedelbar justering).
    pub immediate: bool,
    /// "Sekretess enligt OSL 26 kap. 12 §." for a confidential item.
    pub secrecy: Option<String>,
    #[serde(flatten)]
    pub record: super::record::Record,
    /// The corrections of this paragraph: "2026-10-27: … (Ingrid Palm)".
    pub corrections: Vec<String>,
    /// For an item that reports delegation decisions: those of its period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delegations: Option<super::delegation::Reported>,
}

/// A sub-item: a line of text (`content`), or a heading of its own with
/// the fields of an item (`title` and the rest). A line of text
/// serializes as it always has, so that sealed protokoll keep their seal.
#[derive(Debug, Serialize)]
pub struct SubItem {
    /// "a)"
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<Vec<Block>>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub heading: Option<SubSection>,
}

/// The parts of a sub-item with a heading of its own, as a paragraph has
/// them.
#[derive(Debug, Serialize)]
pub struct SubSection {
    /// "Verksamhetsidé"; the template writes "a) Verksamhetsidé".
    pub title: String,
    pub presenters: Option<String>,
    pub background: Option<Vec<Block>>,
    pub decision: Option<Vec<Block>>,
    pub summary: Option<Vec<Block>>,
    pub comments: Option<Vec<Block>>,
    pub documents: Vec<String>,
    pub prepared_by: Option<String>,
    pub distribution: Vec<String>,
}

/// The sub-items of an item as the protokoll and its utdrag show them.
pub fn subitems(context: &Context, subitems: &[model::SubItem]) -> Vec<SubItem> {
    subitems
        .iter()
        .enumerate()
        .map(|(index, subitem)| SubItem {
            label: sv::letter(index),
            content: match subitem {
                model::SubItem::Text(text) => Some(md::parse(text)),
                model::SubItem::Item(_) => None,
            },
            heading: subitem.structured().map(|spec| SubSection {
                title: spec.title.clone(),
                presenters: presenters(context, &spec.presenters),
                background: markdown(spec.description.as_deref()),
                decision: markdown(text(&spec.decision)),
                summary: markdown(spec.summary.as_deref()),
                comments: markdown(spec.comments.as_deref()),
                documents: titles(&spec.documents),
                prepared_by: names(context, &spec.prepared_by),
                distribution: spec.distribution.clone(),
            }),
        })
        .collect()
}

/// "Anna Frisk och Jan Persson"; `None` for nobody.
fn names(context: &Context, people: &[PersonRef]) -> Option<String> {
    let names: Vec<String> = people.iter().map(|p| context.person(p).name).collect();
    Some(sv::join_and(&names)).filter(|p| !p.is_empty())
}

/// The protokoll; `public` leaves out what confidential items hold.
pub fn data(context: &Context, public: bool) -> Protokoll {
    let spec = &context.meeting.spec;
    let labels = context.labels();
    let attendance = spec.attendance.as_ref();
    // Deciding members, then substitutes serving: "Kent Karlsson (M),
    // tjänstgörande ersättare för Johan Loock (M)".
    // Those present for part of the meeting carry the paragraphs they
    // attended: "Per Ek (M), §§ 41–43".
    let present = attendance
        .map(|a| {
            let members = a.present.iter().map(|p| {
                let span = attendance::partial(context.meeting, a, p);
                with_paragraphs(context, beslutande(context, &labels, p), span)
            });
            let serving = a.serving.iter().enumerate().map(|(n, s)| {
                let replaced = with_party(&context.person(&s.replaces));
                let text = format!(
                    "{}, tjänstgörande ersättare för {replaced}",
                    beslutande(context, &labels, &s.person)
                );
                let span = attendance::serving_span(context.meeting, a, n);
                with_paragraphs(context, text, span)
            });
            members.chain(serving).collect()
        })
        .unwrap_or_default();
    let absent = attendance
        .map(|a| {
            a.absent
                .iter()
                .map(|p| participant(&labels, &context.person(p), None))
                .collect()
        })
        .unwrap_or_default();
    let others = attendance
        .map(|a| a.others.iter().map(|o| other(context, o)).collect())
        .unwrap_or_default();

    let mut signatures = Vec::new();
    let mut sign = |role: &str, person: &PersonRef| {
        signatures.push(Signature {
            role: role.to_string(),
            name: context.person(person).name,
        });
    };
    if let Some(secretary) = context.secretary() {
        sign(&labels.sekreterare, secretary);
    }
    if let Some(chair) = context.chair() {
        sign(&labels.ordforande, chair);
    }
    for adjuster in &spec.adjusters {
        sign(&labels.justerare, adjuster);
    }

    let mut header = context.header(TITLE);
    if public {
        header.document_title.push_str(" (offentlig version)");
    }
    let header =
        header.draft((!context.meeting.status().reached(Status::Adjusted)).then_some(DRAFT));
    Protokoll {
        header,
        time: when(context),
        place: spec.place.clone(),
        present,
        absent,
        others,
        justering: justering(context),
        electronic: spec
            .justering
            .as_ref()
            .is_some_and(|j| j.signing != crate::repo::model::Signing::Paper),
        visible: spec
            .justering
            .as_ref()
            .is_some_and(|j| j.signing == crate::repo::model::Signing::Visible),
        paragraphs: number::span(context.paragraphs)
            .map(|(a, b)| sv::number_range(a, b))
            .unwrap_or_default(),
        next_meeting: next_meeting(context),
        signatures,
        anslag: super::anslag::anslag(context),
        decision_heading: context.decision_heading(&labels),
        sections: context
            .meeting
            .items
            .iter()
            .enumerate()
            .filter_map(|(index, _)| section(context, index, public))
            .collect(),
        version: version(context, public),
        corrections: spec
            .corrections
            .iter()
            .map(|c| correction(context, c, true))
            .collect(),
        toc: context.body.spec.toc,
    }
}

/// "2026-10-27, § 121: Fastighetsbeteckningen rättad. (Ingrid Palm)"; the
/// paragraph only where `with_paragraph`.
fn correction(context: &Context, correction: &Correction, with_paragraph: bool) -> String {
    let mut line = sv::iso_date(correction.date.value.0);
    if let (true, Some(paragraph)) = (with_paragraph, &correction.paragraph) {
        line.push_str(&format!(", § {}", paragraph.value));
    }
    line.push_str(": ");
    line.push_str(correction.text.trim());
    if let Some(by) = &correction.by {
        line.push_str(&format!(" ({})", context.person(by).name));
    }
    line
}

/// "måndag 17 november 2025 kl. 13.00–15.30"
pub fn when(context: &Context) -> String {
    let spec = &context.meeting.spec;
    let span = sv::time_span(spec.start.value, spec.end.as_ref().map(|end| end.value));
    format!("{} {span}", sv::long_date(context.meeting.date()))
}

/// "onsdag 26 november 2025, digitalt"
pub fn justering(context: &Context) -> Option<String> {
    let justering = context.meeting.spec.justering.as_ref()?;
    let day = sv::long_date(justering.date.value.0);
    Some(match &justering.time {
        Some(time) => format!("{day} kl. {}, {}", time.value, justering.place),
        None => format!("{day}, {}", justering.place),
    })
}

/// "måndag 7 april 2025 kl. 13.00, Kommunhuset": the next meeting with the
/// time and place written in `nästa_möte:`, else those of the meeting folder
/// of that date. A sealed protokoll shows only what its own file says
/// (`rsr justera` writes the rest in), so a later edit of the next meeting
/// does not change it.
fn next_meeting(context: &Context) -> Option<String> {
    let next = &context.meeting.spec.next_meeting.as_ref()?.value;
    let (mut start, mut place) = next.written();
    // Only a bare date is filled in, from a folder of a meeting that takes
    // place: a mapping says all there is to say.
    let folder =
        next_folder(context.body, context.meeting).filter(|folder| !folder.status().is_cancelled());
    if let Some(folder) = folder {
        start = start.or(Some(folder.spec.start.value));
        place = place.or(Some(folder.spec.place.as_str()));
    }
    let mut text = sv::long_date(next.date());
    if let Some(start) = start {
        text.push_str(&format!(" kl. {start}"));
    }
    if let Some(place) = place.filter(|p| !p.trim().is_empty()) {
        text.push_str(&format!(", {place}"));
    }
    Some(text)
}

/// The body's meeting folder whose time and place the protokoll of
/// `meeting` fills its next meeting in from: the folder of the date
/// `nästa_möte:` gives as a bare date, for a protokoll not sealed. One of
/// the few things a meeting's documents read of the body's other meetings
/// (`super::Neighbours`).
pub fn next_folder<'a>(body: &'a Body, meeting: &Meeting) -> Option<&'a Meeting> {
    let next = &meeting.spec.next_meeting.as_ref()?.value;
    (meeting.lock.is_none() && matches!(next, model::NextMeeting::Date(_)))
        .then(|| body.meeting(next.date()))
        .flatten()
}

/// "Sara Lewerentz, ordförande, Region Jämtland Härjedalen"
fn beslutande(context: &Context, labels: &Labels, reference: &PersonRef) -> String {
    let person = context.person(reference);
    let role = context.is_chair(reference).then_some("ordförande");
    participant(labels, &person, role)
}

/// A participant by the `deltagare_format` label: "Jonas Andersson (S)",
/// "Fredrik Åström, Berg", "Sara Lewerentz, ordförande, Region Jämtland
/// Härjedalen".
fn participant(labels: &Labels, person: &Person, role: Option<&str>) -> String {
    crate::repo::labels::fill(&labels.deltagare_format, |field| match field {
        "namn" => with_party(person),
        "roll" => role.unwrap_or_default().to_string(),
        "organisation" => person.organisation.clone().unwrap_or_default(),
        _ => String::new(),
    })
}

/// "Per Ek (M), §§ 41–43" for someone who attended part of the meeting.
fn with_paragraphs(context: &Context, text: String, span: Option<attendance::Span>) -> String {
    match context.paragraphs_in(span).as_slice() {
        [] => text,
        numbers => format!("{text}, {}", sv::paragraphs(numbers)),
    }
}

/// "Sandra Olofsson, Community manager Samverket, § 31"
fn other(context: &Context, attendee: &OtherAttendee) -> String {
    let person = context.person(&attendee.person);
    let mut text = with_party(&person);
    if let Some(role) = attendee.role.as_ref().or(person.title.as_ref()) {
        text = format!("{text}, {role}");
    }
    let attended = context.attended(attendee);
    if !attended.is_empty() {
        text = format!("{text}, {}", sv::paragraphs(&attended));
    }
    text
}

/// The paragraphs of confidential items.
pub fn confidential(context: &Context) -> Vec<u32> {
    let items = context.meeting.items.iter().zip(context.paragraphs);
    items
        .filter(|(item, _)| item.spec.secrecy.is_some())
        .filter_map(|(_, number)| *number)
        .collect()
}

/// The notice at the head of a protokoll that has confidential items.
fn version(context: &Context, public: bool) -> Option<String> {
    let secret = confidential(context);
    if secret.is_empty() {
        return None;
    }
    let paragraphs = sv::paragraphs(&secret);
    Some(if public {
        format!(
            "Offentlig version. Uppgifter som omfattas av sekretess i {paragraphs} är borttagna."
        )
    } else {
        format!(
            "Innehåller uppgifter som omfattas av sekretess i {paragraphs}. Lämnas ut först efter sekretessprövning; en offentlig version finns."
        )
    })
}

/// What the internal protokoll says of a confidential item at its
/// paragraph: "Sekretess enligt OSL 26 kap. 1 § (…)." and, when the item
/// gives the marking's provision, date or authority, the marking OSL 5
/// kap. 5 § asks for: "Sekretessmarkering 2027-01-20, Bygg- och
/// miljönämnden."
fn marking(context: &Context, secrecy: &crate::repo::model::Secrecy) -> String {
    let mut text = format!("Sekretess enligt {}.", secrecy.legal());
    if secrecy.marked() {
        let date = secrecy
            .date
            .as_ref()
            .map_or(context.meeting.date(), |d| d.value.0);
        let authority = secrecy
            .authority
            .clone()
            .unwrap_or_else(|| context.body.spec.name.clone());
        text.push_str(&format!(
            " Sekretessmarkering {}, {authority}.",
            sv::iso_date(date)
        ));
    }
    text
}

/// The paragraph of item `index`; `None` for an unnumbered item (a break).
/// In the `public` version a confidential item keeps only its paragraph,
/// public title, case number and ground: nothing else reaches the PDF.
pub fn section(context: &Context, index: usize, public: bool) -> Option<Section> {
    let number = context.paragraphs[index]?;
    let spec = &context.meeting.items[index].spec;
    if let (true, Some(secrecy)) = (public, &spec.secrecy) {
        return Some(Section {
            number,
            label: format!("§ {number}"),
            title: spec.public_title().to_string(),
            case_number: text(&spec.case_number).map(str::to_string),
            immediate: spec.immediate,
            secrecy: Some(format!(
                "Uppgifterna i ärendet omfattas av sekretess enligt {} och redovisas inte i denna version av protokollet.",
                secrecy.legal()
            )),
            ..Section::default()
        });
    }
    Some(Section {
        number,
        label: format!("§ {number}"),
        title: spec.title.clone(),
        case_number: text(&spec.case_number).map(str::to_string),
        presenters: presenters(context, &spec.presenters),
        subitems: subitems(context, &spec.subitems),
        background: markdown(spec.description.as_deref()),
        // An information item without a beslut of its own shows the body's
        // informationsbeslut (see `Body::decision_of`).
        decision: markdown(context.body.decision_of(context.meeting, spec)),
        summary: markdown(spec.summary.as_deref()),
        comments: markdown(spec.comments.as_deref()),
        delegations: super::delegation::reported(context, spec),
        documents: titles(&spec.documents),
        prepared_by: names(context, &spec.prepared_by),
        distribution: spec.distribution.clone(),
        immediate: spec.immediate,
        secrecy: spec.secrecy.as_ref().map(|s| marking(context, s)),
        record: super::record::record(context, index),
        corrections: context
            .meeting
            .spec
            .corrections
            .iter()
            .filter(|c| c.paragraph.as_ref().is_some_and(|p| p.value == number))
            .map(|c| correction(context, c, false))
            .collect(),
    })
}
