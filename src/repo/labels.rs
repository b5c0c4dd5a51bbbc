//! Rubriker: every fixed heading and label the documents print, each with an
//! id and today's wording as its default. rsr.yaml's `rubriker:` sets them
//! for the organisation, a body.yaml's `rubriker:` for one body; what neither
//! sets keeps its default. Declared once, in `labels!` below: the model
//! (`Rubriker`, one optional field per label, so the JSON Schema lists each
//! with its default and an unknown id is an `unknown-field`), the resolved
//! wording (`Labels`) and the patterns' placeholders.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::repo::model::Located;

macro_rules! labels {
    ($( $(#[$meta:meta])* $field:ident = $id:literal : $default:literal, )*) => {
        /// Rubriker och fasta texter i dokumenten, per id; det som inte
        /// anges behåller sitt förval. / The documents' fixed headings and
        /// labels by id; what is not set keeps its default.
        #[derive(Debug, Clone, Default, bincode::Encode, bincode::Decode, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Rubriker {
            $(
                $(#[$meta])*
                #[serde(rename = $id)]
                #[schemars(extend("default" = $default))]
                pub $field: Option<Located<String>>,
            )*
        }

        impl Rubriker {
            /// The labels set here, by id, with where they were set.
            pub fn set(&self) -> Vec<(&'static str, &Located<String>)> {
                let mut set = Vec::new();
                $( if let Some(value) = &self.$field { set.push(($id, value)); } )*
                set
            }
        }

        /// The wording in force for one body: the defaults, then rsr.yaml's
        /// `rubriker:`, then the body's.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Labels {
            $( pub $field: String, )*
        }

        impl Labels {
            /// Every label's id and default, in the order declared.
            pub const DEFAULTS: &'static [(&'static str, &'static str)] = &[$( ($id, $default), )*];

            /// The wording of a body that sets `body` under an organisation
            /// that sets `organisation`.
            pub fn resolve(organisation: Option<&Rubriker>, body: Option<&Rubriker>) -> Labels {
                let mut labels = Labels { $( $field: $default.to_string(), )* };
                for layer in [organisation, body].into_iter().flatten() {
                    $( if let Some(value) = &layer.$field { labels.$field = value.value.clone(); } )*
                }
                labels
            }

            /// Every label by id, as the templates receive them.
            pub fn map(&self) -> BTreeMap<&'static str, String> {
                BTreeMap::from([$( ($id, self.$field.clone()), )*])
            }
        }
    };
}

labels! {
    // The protokoll's first page.
    /// Förval `Tid och plats`. / Time and place (protokoll, utdrag).
    tid_och_plats = "tid_och_plats": "Tid och plats",
    /// Förval `Deltagare`, t.ex. `Deltagare (beslutande)`. / The deciding
    /// participants.
    deltagare = "deltagare": "Deltagare",
    /// Förval `Ej närvarande`. / Members not present.
    ej_narvarande = "ej_närvarande": "Ej närvarande",
    /// Förval `Övriga deltagare`. / Others present.
    ovriga_deltagare = "övriga_deltagare": "Övriga deltagare",
    /// Förval `Justeringens tid och plats`. / When and where the protokoll
    /// is adjusted.
    justeringens_tid_och_plats = "justeringens_tid_och_plats": "Justeringens tid och plats",
    /// Förval `Paragrafer`. / The paragraphs.
    paragrafer = "paragrafer": "Paragrafer",
    /// Förval `Nästa möte`. / The next meeting.
    nasta_mote = "nästa_möte": "Nästa möte",
    /// Förval `Rättelser`. / Corrections, on the first page.
    rattelser = "rättelser": "Rättelser",
    /// Förval `Justeras av`. / Above the signatures.
    justeras_av = "justeras_av": "Justeras av",
    /// Förval `Protokollet justeras med elektroniska underskrifter.`: under
    /// namnen när `justering: {underskrift: elektronisk}`. / Under the
    /// signatories' names, for a protokoll signed electronically.
    elektronisk_justering = "elektronisk_justering": "Protokollet justeras med elektroniska underskrifter.",
    /// Förval `Innehållsförteckning`. / The table of contents.
    innehallsforteckning = "innehållsförteckning": "Innehållsförteckning",
    /// Förval `Sekreterare`: under en underskrift och i kallelsen. / The
    /// secretary, under a signature and in the kallelse.
    sekreterare = "sekreterare": "Sekreterare",
    /// Förval `Ordförande`: under en underskrift och i kallelsen. / The
    /// chair, under a signature and in the kallelse.
    ordforande = "ordförande": "Ordförande",
    /// Förval `Justerare`, under en underskrift. / An adjuster, under a
    /// signature.
    justerare = "justerare": "Justerare",
    /// Ordningen för en beslutande deltagare och den som inte är närvarande:
    /// `{namn}` (med parti), `{roll}` (`ordförande`) och `{organisation}`,
    /// åtskilda av valfri text; ett tomt fält utelämnas med texten före sig
    /// (eller efter sig, när det står först). Förval `{namn}, {roll},
    /// {organisation}`. / The order of a deciding participant's name, role
    /// and organisation; an empty part is left out with the separator
    /// before it (after it, when it comes first).
    deltagare_format = "deltagare_format": "{namn}, {roll}, {organisation}",
    // A paragraph, in the protokoll and the utdrag.
    /// Förval `Diarienummer`. / Case number.
    diarienummer = "diarienummer": "Diarienummer",
    /// Förval `Föredragande` (protokoll, kallelse, sammanträdesplan). /
    /// Presenters.
    foredragande = "föredragande": "Föredragande",
    /// Förval `Jäv`. / Conflicts of interest.
    jav = "jäv": "Jäv",
    /// Rubriken över beslutet: `{organ}` är organets namn, `{kortnamn}`
    /// dess kortnamn. Förval `{organ} beslut`. / The heading above the
    /// decision: the body's name or short name.
    beslut = "beslut": "{organ} beslut",
    /// Förval `Paragrafen förklaras omedelbart justerad.` / Said of a
    /// paragraph adjusted at the meeting.
    omedelbart_justerad = "omedelbart_justerad": "Paragrafen förklaras omedelbart justerad.",
    /// Förval `Bakgrund`. / Background.
    bakgrund = "bakgrund": "Bakgrund",
    /// Förval `Sammanfattning och överväganden`. / Summary.
    sammanfattning = "sammanfattning": "Sammanfattning och överväganden",
    /// Förval `Synpunkter från mötet`, t.ex. `Synpunkter`. / Comments
    /// from the meeting.
    synpunkter = "synpunkter": "Synpunkter från mötet",
    /// Förval `Yrkanden`. / Motions.
    yrkanden = "yrkanden": "Yrkanden",
    /// Förval `Propositionsordning`. / Order of propositions.
    propositionsordning = "propositionsordning": "Propositionsordning",
    /// Förval `Omröstning`. / A vote.
    omrostning = "omröstning": "Omröstning",
    /// Förval `Ledamot`, i omröstningens tabell. / Member, in the vote's
    /// table.
    ledamot = "ledamot": "Ledamot",
    /// Förval `Ja`. / Yes.
    ja = "ja": "Ja",
    /// Förval `Nej`. / No.
    nej = "nej": "Nej",
    /// Förval `Avstår`. / Abstains.
    avstar = "avstår": "Avstår",
    /// Förval `Summa`. / Totals.
    summa = "summa": "Summa",
    /// Förval `Omröstningsresultat`. / The vote's result.
    omrostningsresultat = "omröstningsresultat": "Omröstningsresultat",
    /// Förval `Reservation`. / Reservations.
    reservation = "reservation": "Reservation",
    /// Förval `Särskilt yttrande`. / Statements.
    sarskilt_yttrande = "särskilt_yttrande": "Särskilt yttrande",
    /// Förval `Protokollsanteckning`. / Notes.
    protokollsanteckning = "protokollsanteckning": "Protokollsanteckning",
    /// Förval `Beslutsunderlag` (protokoll och kallelse). / Decision
    /// documents.
    beslutsunderlag = "beslutsunderlag": "Beslutsunderlag",
    /// Förval `Underlag framtaget av`. / Prepared by.
    underlag_framtaget_av = "underlag_framtaget_av": "Underlag framtaget av",
    /// Förval `Expedieras till` (protokoll och kallelse). / Distribution.
    expedieras_till = "expedieras_till": "Expedieras till",
    /// Förval `Rättelse`, under en paragraf. / A paragraph's correction.
    rattelse = "rättelse": "Rättelse",
    // The kallelse.
    /// Förval `Tid`. / Time (kallelse).
    tid = "tid": "Tid",
    /// Förval `Plats`. / Place (kallelse).
    plats = "plats": "Plats",
    /// Förval `Ledamöter`. / Members (kallelse).
    ledamoter = "ledamöter": "Ledamöter",
    /// Förval `Ersättare`. / Substitutes (kallelse).
    ersattare = "ersättare": "Ersättare",
    /// Förval `Ärendebeskrivning`. / The item's description (kallelse).
    arendebeskrivning = "ärendebeskrivning": "Ärendebeskrivning",
    /// Förval `Förslag till beslut`. / Proposed decision (kallelse).
    forslag_till_beslut = "förslag_till_beslut": "Förslag till beslut",
    /// Förval `Bilagor`. / Attachments (kallelse).
    bilagor = "bilagor": "Bilagor",
    // The protokollsutdrag.
    /// Förval `Utdragsbestyrkande`. / The certification of an utdrag.
    utdragsbestyrkande = "utdragsbestyrkande": "Utdragsbestyrkande",
    /// Förval `Utdraget bestyrks`, före datumet. / Before the date of the
    /// certification.
    utdraget_bestyrks = "utdraget_bestyrks": "Utdraget bestyrks",
    // The anslagsbevis.
    /// Förval `Anslagsbevis`: rubriken i protokollet. / The heading of the
    /// certificate in the protokoll.
    anslagsbevis = "anslagsbevis": "Anslagsbevis",
    /// Förval `Justeringen av protokollet har tillkännagetts på
    /// anslagstavlan.` / The certificate's statement.
    anslag_tillkannagivet = "anslag_tillkännagivet": "Justeringen av protokollet har tillkännagetts på anslagstavlan.",
    /// Förval `Organ`. / The body.
    organ = "organ": "Organ",
    /// Förval `Sammanträdesdatum`. / The meeting's date.
    sammantradesdatum = "sammanträdesdatum": "Sammanträdesdatum",
    /// Förval `Datum för justering`. / The date of justering.
    datum_for_justering = "datum_för_justering": "Datum för justering",
    /// Förval `Datum då anslaget sätts upp`. / Posted on.
    anslaget_satts_upp = "anslaget_sätts_upp": "Datum då anslaget sätts upp",
    /// Förval `Datum då anslaget tas ned`. / Taken down on.
    anslaget_tas_ned = "anslaget_tas_ned": "Datum då anslaget tas ned",
    /// Förval `Förvaringsplats för protokollet`. / Where it is kept.
    forvaringsplats = "förvaringsplats": "Förvaringsplats för protokollet",
    /// Förval `Underskrift`. / Under the signature line.
    underskrift = "underskrift": "Underskrift",
    // The sammanträdesplan.
    /// Förval `Mötesdatum`. / The column of dates.
    motesdatum = "mötesdatum": "Mötesdatum",
    /// Förval `Ämnesområde`. / The column of topics.
    amnesomrade = "ämnesområde": "Ämnesområde",
    /// Förval `Inga sammanträden är planerade.` / A plan without meetings.
    inga_sammantraden = "inga_sammanträden": "Inga sammanträden är planerade.",
    // Anmälan av delegationsbeslut, in the kallelse and the protokoll.
    /// Förval `Beslut fattade med stöd av delegation`, följt av perioden. /
    /// Before the period of the decisions an item reports.
    delegationsperiod = "delegationsperiod": "Beslut fattade med stöd av delegation",
    /// Förval `Datum`: tabellens första kolumn. / The table's date column.
    datum = "datum": "Datum",
    /// Förval `Ärende`. / The column of matters.
    arende = "ärende": "Ärende",
    /// Förval `Beslutsfattare`. / The column of who decided.
    beslutsfattare = "beslutsfattare": "Beslutsfattare",
    /// Förval `Delegation`: delegationspunkt och lagrum. / The column of
    /// the delegation point and provision.
    delegation = "delegation": "Delegation",
    /// Förval `Inga delegationsbeslut har anmälts för perioden.` / A period
    /// without decisions.
    inga_delegationsbeslut = "inga_delegationsbeslut": "Inga delegationsbeslut har anmälts för perioden.",
    // The beslutsuppföljning.
    /// Förval `Uppdrag`. / The heading of the uppdrag.
    uppdrag = "uppdrag": "Uppdrag",
    /// Förval `Beslut`: kolumnen med paragraf och datum. / The column of
    /// the decision giving the uppdrag.
    beslut_kolumn = "beslut_kolumn": "Beslut",
    /// Förval `Ansvarig`. / The column of who is responsible.
    ansvarig = "ansvarig": "Ansvarig",
    /// Förval `Senast`. / The column of the day it is due.
    senast = "senast": "Senast",
    /// Förval `Status`. / The column of the status.
    status = "status": "Status",
    /// Förval `Motioner`. / The heading of the motions.
    motioner = "motioner": "Motioner",
    /// Förval `Motion`. / The column of the motion.
    motion = "motion": "Motion",
    /// Förval `Väckt`. / The column of the day it was moved.
    vackt = "väckt": "Väckt",
    /// Förval `Bereds av`. / The column of who prepares it.
    bereds_av = "bereds_av": "Bereds av",
    /// Förval `Inga uppdrag eller motioner.` / A report without either.
    inget_att_folja_upp = "inget_att_följa_upp": "Inga uppdrag eller motioner.",
    // Fullmäktige's kungörelse.
    /// Förval `Ärenden`: rubriken över kungörelsens ärenden. / The heading
    /// of the kungörelse's list of items.
    arenden = "ärenden": "Ärenden",
    /// Förval `Sammanträdet är offentligt.` (Kommunallagen 5 kap. 42 §). /
    /// The kungörelse's statement that the meeting is public.
    offentligt = "offentligt": "Sammanträdet är offentligt.",
}

/// The labels the protokoll's built-in template does not print (the
/// kallelse's, the utdrag's and the sammanträdesplan's own): a change to
/// them leaves a sealed protokoll as it was.
pub const NOT_IN_PROTOKOLL: &[&str] = &[
    "tid",
    "plats",
    "ledamöter",
    "ersättare",
    "ärendebeskrivning",
    "förslag_till_beslut",
    "bilagor",
    "utdragsbestyrkande",
    "utdraget_bestyrks",
    "mötesdatum",
    "ämnesområde",
    "inga_sammanträden",
    "ärenden",
    "offentligt",
    "uppdrag",
    "beslut_kolumn",
    "ansvarig",
    "senast",
    "status",
    "motioner",
    "motion",
    "väckt",
    "bereds_av",
    "inget_att_följa_upp",
];

/// The placeholders a pattern label may use, by its id; labels not listed
/// take none.
pub const PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("deltagare_format", &["namn", "roll", "organisation"]),
    ("beslut", &["organ", "kortnamn"]),
];

/// A pattern's parts: literal text and `{placeholder}`s, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part<'a> {
    Text(&'a str),
    Field(&'a str),
}

/// `pattern` split into text and placeholders; a `{` without a closing `}`,
/// or one holding anything but letters and `_`, is text.
pub fn parts(pattern: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}');
        let name = close.map(|close| &after[..close]);
        match name {
            Some(name)
                if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') =>
            {
                if open > 0 {
                    parts.push(Part::Text(&rest[..open]));
                }
                parts.push(Part::Field(name));
                rest = &after[name.len() + 1..];
            }
            _ => {
                parts.push(Part::Text(&rest[..=open]));
                rest = after;
            }
        }
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest));
    }
    parts
}

/// `pattern` with each placeholder replaced by its value. An empty value is
/// left out together with the text before it (between it and the
/// placeholder before it); when no value is shown before it, the text after
/// it goes instead. Text before the first placeholder and after the last is
/// always kept.
pub fn fill(pattern: &str, value: impl Fn(&str) -> String) -> String {
    let parts = parts(pattern);
    let fields: Vec<usize> = (0..parts.len())
        .filter(|&n| matches!(parts[n], Part::Field(_)))
        .collect();
    let (Some(&first), Some(&last)) = (fields.first(), fields.last()) else {
        return pattern.to_string();
    };
    let text = |range: std::ops::Range<usize>| -> String {
        parts[range]
            .iter()
            .map(|part| match part {
                Part::Text(text) => *text,
                Part::Field(_) => "",
            })
            .collect()
    };
    let mut out = text(0..first);
    let mut shown = false;
    let mut previous = first;
    for &at in &fields {
        let Part::Field(name) = parts[at] else {
            continue;
        };
        let filled = value(name);
        if !filled.is_empty() {
            if shown {
                out.push_str(&text(previous + 1..at));
            }
            out.push_str(&filled);
            shown = true;
        }
        previous = at;
    }
    out.push_str(&text(last + 1..parts.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_leaves_out_empty_parts_with_their_separator() {
        let person = |name: &str| match name {
            "namn" => "Sara Lewerentz".to_string(),
            "roll" => "ordförande".to_string(),
            "organisation" => String::new(),
            _ => unreachable!(),
        };
        assert_eq!(
            fill("{namn}, {roll}, {organisation}", person),
            "Sara Lewerentz, ordförande"
        );
        assert_eq!(
            fill("{organisation}: {namn} – {roll}", person),
            "Sara Lewerentz – ordförande"
        );
        assert_eq!(
            fill("{roll} {namn}.", |n| if n == "namn" {
                "X".into()
            } else {
                String::new()
            }),
            "X."
        );
        assert_eq!(
            fill("{namn}, {organisation}, {roll}", |n| match n {
                "namn" => "A".into(),
                "roll" => "ordförande".into(),
                _ => String::new(),
            }),
            "A, ordförande"
        );
        assert_eq!(
            fill("{namn}; {roll}, {organisation}", |n| match n {
                "namn" => "A".into(),
                "organisation" => "Berg".into(),
                _ => String::new(),
            }),
            "A, Berg"
        );
        assert_eq!(fill("{organ} beslut", |_| "RLG".into()), "RLG beslut");
        assert_eq!(fill("no {placeholders", |_| "x".into()), "no {placeholders");
        assert_eq!(
            parts("a{b}{ c}"),
            [
                Part::Text("a"),
                Part::Field("b"),
                Part::Text("{"),
                Part::Text(" c}")
            ]
        );
    }

    #[test]
    fn the_defaults_are_the_wording_of_the_documents() {
        let labels = Labels::resolve(None, None);
        assert_eq!(labels.map().len(), Labels::DEFAULTS.len());
        assert_eq!(labels.deltagare, "Deltagare");
        for id in PLACEHOLDERS
            .iter()
            .map(|(id, _)| id)
            .chain(NOT_IN_PROTOKOLL)
        {
            assert!(
                Labels::DEFAULTS.iter().any(|(known, _)| known == id),
                "{id}"
            );
        }
    }
}
