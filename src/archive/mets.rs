//! The metadata of an archive package: the root METS (E-ARK CSIP 2.1 with
//! the SIP 2.1 profile), the representation's METS, PREMIS 3 preservation
//! metadata and a Dublin Core description.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone};
use sha2::{Digest, Sha256};

use super::xml::Element;
use super::{Chosen, Packed, REPRESENTATION, Signed, Use};
use crate::docs::Kind;
use crate::repo::model::{Meeting, Repository};

const METS: &str = "http://www.loc.gov/METS/";
const XLINK: &str = "http://www.w3.org/1999/xlink";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const CSIP: &str = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
const SIP: &str = "https://DILCIS.eu/XML/METS/SIPExtensionMETS";
const PREMIS: &str = "http://www.loc.gov/premis/v3";
const PREMIS_SCHEMA: &str = "https://www.loc.gov/standards/premis/v3/premis.xsd";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const OAI_DC: &str = "http://www.openarchives.org/OAI/2.0/oai_dc/";
const OAI_DC_SCHEMA: &str = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
const SIP_PROFILE: &str = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml";
/// The content category (CSIP's vocabulary): born-digital text.
const CONTENT_TYPE: &str = "Textual works – Digital";
/// No content information type specification covers meeting records.
const OTHER_CONTENT: &str = "Sammanträdeshandlingar";

const DESCRIPTIVE: &str = "metadata/descriptive/beskrivning.xml";
const PRESERVATION: &str = "metadata/preservation/premis.xml";

/// Every file of the package by its path under the root folder: `packed`
/// and the metadata that describes it.
pub(super) fn write(
    repository: &Repository,
    chosen: &Chosen,
    created: NaiveDate,
    packed: &[Packed],
    signed: &[Signed],
) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let representation = format!("representations/{REPRESENTATION}");
    let data: Vec<&Packed> = packed.iter().filter(|p| p.role == Use::Data).collect();
    for file in &data {
        files.insert(
            format!("{representation}/{}", file.path),
            file.bytes.clone(),
        );
    }
    // The representation's own preservation metadata: its documents and
    // what happened to them.
    let rep_premis = Packed {
        path: PRESERVATION.to_string(),
        bytes: premis(repository, chosen, created, &data, signed),
        mime: "text/xml",
        created,
        role: Use::Data,
        format: None,
        meeting: None,
        kind: None,
        title: PRESERVATION.to_string(),
    };
    files.insert(
        format!("{representation}/{}", rep_premis.path),
        rep_premis.bytes.clone(),
    );
    let rep_mets = representation_mets(chosen, created, &data, &rep_premis);
    let descriptive = dublin_core(repository, chosen);
    let mut described: Vec<Packed> = packed
        .iter()
        .filter(|p| p.role != Use::Data)
        .cloned()
        .collect();
    for file in &described {
        files.insert(file.path.clone(), file.bytes.clone());
    }
    let rep_file = Packed {
        path: format!("{representation}/METS.xml"),
        bytes: rep_mets,
        mime: "text/xml",
        created,
        role: Use::Data,
        format: None,
        meeting: None,
        kind: None,
        title: "METS".to_string(),
    };
    files.insert(rep_file.path.clone(), rep_file.bytes.clone());
    let metadata = |path: &str, bytes: Vec<u8>| Packed {
        path: path.to_string(),
        bytes,
        mime: "text/xml",
        created,
        role: Use::Documentation,
        format: None,
        meeting: None,
        kind: None,
        title: path.to_string(),
    };
    let descriptive = metadata(DESCRIPTIVE, descriptive);
    let preservation = metadata(
        PRESERVATION,
        package_premis(repository, chosen, created, &rep_file),
    );
    files.insert(descriptive.path.clone(), descriptive.bytes.clone());
    files.insert(preservation.path.clone(), preservation.bytes.clone());
    described.sort_by(|a, b| a.path.cmp(&b.path));
    let root = root_mets(
        repository,
        chosen,
        created,
        &described,
        &rep_file,
        &descriptive,
        &preservation,
    );
    files.insert("METS.xml".to_string(), root);
    files
}

/// An xsd:dateTime for the start of `date` in Swedish time.
fn stamp(date: NaiveDate) -> String {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    match chrono_tz::Europe::Stockholm
        .from_local_datetime(&midnight)
        .earliest()
    {
        Some(time) => time.to_rfc3339(),
        None => format!("{}T00:00:00Z", crate::sv::iso_date(date)),
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

/// An XML ID for a path: stable, unique, and a valid NCName.
fn id(path: &str) -> String {
    format!(
        "ID{}",
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, path.as_bytes())
    )
}

/// PRONOM's id of a PDF/A part and conformance.
fn pronom(format: &str) -> Option<&'static str> {
    Some(match format {
        "PDF/A-1a" => "fmt/95",
        "PDF/A-1b" => "fmt/354",
        "PDF/A-2a" => "fmt/476",
        "PDF/A-2b" => "fmt/477",
        "PDF/A-2u" => "fmt/478",
        "PDF/A-3a" => "fmt/479",
        "PDF/A-3b" => "fmt/480",
        "PDF/A-3u" => "fmt/481",
        _ => return None,
    })
}

/// The `mets:mets` element with the namespaces and profile every METS of
/// the package has.
fn mets_root(objid: &str, label: &str) -> Element {
    Element::new("mets:mets")
        .attr("xmlns:mets", METS)
        .attr("xmlns:xlink", XLINK)
        .attr("xmlns:xsi", XSI)
        .attr("xmlns:csip", CSIP)
        .attr("xmlns:sip", SIP)
        .attr(
            "xsi:schemaLocation",
            format!(
                "{METS} schemas/mets.xsd {XLINK} schemas/xlink.xsd {CSIP} schemas/DILCISExtensionMETS.xsd {SIP} schemas/DILCISExtensionSIPMETS.xsd"
            ),
        )
        .attr("OBJID", objid)
        .attr("LABEL", label)
        .attr("TYPE", CONTENT_TYPE)
        .attr("csip:CONTENTINFORMATIONTYPE", "OTHER")
        .attr("csip:OTHERCONTENTINFORMATIONTYPE", OTHER_CONTENT)
        .attr("PROFILE", SIP_PROFILE)
}

/// The METS header: dates, package type, rsr as the software that made
/// it, and the organisation as the archival creator.
fn header(created: NaiveDate, organisation: Option<&str>) -> Element {
    let software = Element::new("mets:agent")
        .attr("ROLE", "CREATOR")
        .attr("TYPE", "OTHER")
        .attr("OTHERTYPE", "SOFTWARE")
        .child(Element::leaf("mets:name", "rsr"))
        .child(
            Element::leaf("mets:note", env!("CARGO_PKG_VERSION"))
                .attr("csip:NOTETYPE", "SOFTWARE VERSION"),
        );
    let mut header = Element::new("mets:metsHdr")
        .attr("CREATEDATE", stamp(created))
        .attr("LASTMODDATE", stamp(created))
        .attr("RECORDSTATUS", "NEW")
        .attr("csip:OAISPACKAGETYPE", "SIP")
        .child(software);
    if let Some(organisation) = organisation {
        header = header.child(
            Element::new("mets:agent")
                .attr("ROLE", "ARCHIVIST")
                .attr("TYPE", "ORGANIZATION")
                .child(Element::leaf("mets:name", organisation)),
        );
    }
    header
}

/// A file group; CSIP asks each to state a content information type.
fn group(id: &str, usage: &str) -> Element {
    Element::new("mets:fileGrp")
        .attr("ID", id)
        .attr("USE", usage)
        .attr("csip:CONTENTINFORMATIONTYPE", "OTHER")
        .attr("csip:OTHERCONTENTINFORMATIONTYPE", OTHER_CONTENT)
}

/// A `mets:file` for `file`, at `href` from the METS that lists it.
fn file(file: &Packed, href: &str) -> Element {
    let mut element = Element::new("mets:file")
        .attr("ID", id(href))
        .attr("MIMETYPE", file.mime)
        .attr("SIZE", file.bytes.len())
        .attr("CREATED", stamp(file.created))
        .attr("CHECKSUM", sha256(&file.bytes))
        .attr("CHECKSUMTYPE", "SHA-256");
    if let Some(format) = &file.format {
        element = element.attr("sip:FILEFORMATNAME", format);
        if let Some(key) = pronom(format) {
            element = element
                .attr("sip:FORMATREGISTRY", "PRONOM")
                .attr("sip:FORMATREGISTRYKEY", key);
        }
    }
    element.child(
        Element::new("mets:FLocat")
            .attr("LOCTYPE", "URL")
            .attr("xlink:type", "simple")
            .attr("xlink:href", href),
    )
}

/// A `mets:mdRef` to a metadata file of the package.
fn md_ref(file: &Packed, mdtype: &str) -> Element {
    Element::new("mets:mdRef")
        .attr("LOCTYPE", "URL")
        .attr("xlink:type", "simple")
        .attr("xlink:href", &file.path)
        .attr("MDTYPE", mdtype)
        .attr("MIMETYPE", file.mime)
        .attr("SIZE", file.bytes.len())
        .attr("CREATED", stamp(file.created))
        .attr("CHECKSUM", sha256(&file.bytes))
        .attr("CHECKSUMTYPE", "SHA-256")
}

fn root_mets(
    repository: &Repository,
    chosen: &Chosen,
    created: NaiveDate,
    described: &[Packed],
    representation: &Packed,
    descriptive: &Packed,
    preservation: &Packed,
) -> Vec<u8> {
    let documentation: Vec<Element> = described
        .iter()
        .filter(|p| p.role == Use::Documentation)
        .map(|p| file(p, &p.path))
        .collect();
    let schemas: Vec<Element> = described
        .iter()
        .filter(|p| p.role == Use::Schema)
        .map(|p| file(p, &p.path))
        .collect();
    let rep_use = format!("Representations/{REPRESENTATION}");
    let file_sec = Element::new("mets:fileSec")
        .attr("ID", "ID-fileSec")
        .child(group("ID-documentation", "Documentation").children(documentation))
        .child(group("ID-schemas", "Schemas").children(schemas))
        .child(
            group("ID-representation", &rep_use).child(file(representation, &representation.path)),
        );
    let struct_map = Element::new("mets:structMap")
        .attr("ID", "ID-structMap")
        .attr("TYPE", "PHYSICAL")
        .attr("LABEL", "CSIP")
        .child(
            Element::new("mets:div")
                .attr("ID", "ID-package")
                .attr("LABEL", &chosen.id)
                .child(
                    Element::new("mets:div")
                        .attr("ID", "ID-div-metadata")
                        .attr("LABEL", "Metadata")
                        .attr("ADMID", "ID-premis")
                        .attr("DMDID", "ID-dc"),
                )
                .child(
                    Element::new("mets:div")
                        .attr("ID", "ID-div-documentation")
                        .attr("LABEL", "Documentation")
                        .child(Element::new("mets:fptr").attr("FILEID", "ID-documentation")),
                )
                .child(
                    Element::new("mets:div")
                        .attr("ID", "ID-div-schemas")
                        .attr("LABEL", "Schemas")
                        .child(Element::new("mets:fptr").attr("FILEID", "ID-schemas")),
                )
                .child(
                    Element::new("mets:div")
                        .attr("ID", "ID-div-representations")
                        .attr("LABEL", "Representations")
                        .child(Element::new("mets:fptr").attr("FILEID", "ID-representation"))
                        .child(
                            Element::new("mets:div")
                                .attr("ID", "ID-div-rep1")
                                .attr("LABEL", &rep_use)
                                .child(
                                    Element::new("mets:mptr")
                                        .attr("LOCTYPE", "URL")
                                        .attr("xlink:type", "simple")
                                        .attr("xlink:href", &representation.path)
                                        .attr("xlink:title", "ID-representation"),
                                ),
                        ),
                ),
        );
    mets_root(&chosen.id, &chosen.label)
        .child(header(
            created,
            Some(&organisation_name(repository, chosen)),
        ))
        .child(
            Element::new("mets:dmdSec")
                .attr("ID", "ID-dc")
                .attr("CREATED", stamp(created))
                .attr("STATUS", "CURRENT")
                .child(md_ref(descriptive, "DC")),
        )
        .child(
            Element::new("mets:amdSec").child(
                Element::new("mets:digiprovMD")
                    .attr("ID", "ID-premis")
                    .attr("STATUS", "CURRENT")
                    .child(md_ref(preservation, "PREMIS")),
            ),
        )
        .child(file_sec)
        .child(struct_map)
        .document()
}

/// The organisation whose records these are: the body's own where it
/// names one (a joint body), else the repository's.
fn organisation_name(repository: &Repository, chosen: &Chosen) -> String {
    crate::docs::organisation_of(&repository.organisation, chosen.body)
}

fn representation_mets(
    chosen: &Chosen,
    created: NaiveDate,
    data: &[&Packed],
    preservation: &Packed,
) -> Vec<u8> {
    let files: Vec<Element> = data.iter().map(|p| file(p, &p.path)).collect();
    mets_root(REPRESENTATION, &chosen.label)
        .child(header(created, None))
        .child(
            Element::new("mets:amdSec").child(
                Element::new("mets:digiprovMD")
                    .attr("ID", "ID-rep-premis")
                    .attr("STATUS", "CURRENT")
                    .child(md_ref(preservation, "PREMIS")),
            ),
        )
        .child(
            Element::new("mets:fileSec")
                .attr("ID", "ID-rep-fileSec")
                .child(group("ID-rep-data", "Data").children(files)),
        )
        .child(
            Element::new("mets:structMap")
                .attr("ID", "ID-rep-structMap")
                .attr("TYPE", "PHYSICAL")
                .attr("LABEL", "CSIP")
                .child(
                    Element::new("mets:div")
                        .attr("ID", "ID-rep")
                        .attr("LABEL", REPRESENTATION)
                        .child(
                            Element::new("mets:div")
                                .attr("ID", "ID-rep-div-metadata")
                                .attr("LABEL", "Metadata")
                                .attr("ADMID", "ID-rep-premis"),
                        )
                        .child(
                            Element::new("mets:div")
                                .attr("ID", "ID-rep-div-data")
                                .attr("LABEL", "Data")
                                .child(Element::new("mets:fptr").attr("FILEID", "ID-rep-data")),
                        ),
                ),
        )
        .document()
}

/// "§ 58–71", or "§ 58" for one; None for a meeting without paragraphs.
fn paragraph_range(chosen: &Chosen, meeting: &Meeting) -> Option<String> {
    let (_, paragraphs) = chosen
        .body
        .meetings
        .iter()
        .zip(&chosen.body.numbering)
        .find(|(m, _)| m.date() == meeting.date())?;
    crate::repo::number::span(paragraphs)
        .map(|(first, last)| format!("§ {}", crate::sv::number_range(first, last)))
}

fn adjusters(repository: &Repository, meeting: &Meeting) -> Vec<String> {
    meeting
        .spec
        .adjusters
        .iter()
        .map(|reference| {
            repository
                .organisation
                .person(&reference.value)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| reference.value.key().to_string())
        })
        .collect()
}

/// Dublin Core: the organisation, the body, and each meeting with its
/// date, paragraphs and day of justering.
fn dublin_core(repository: &Repository, chosen: &Chosen) -> Vec<u8> {
    let mut dc = Element::new("oai_dc:dc")
        .attr("xmlns:oai_dc", OAI_DC)
        .attr("xmlns:dc", DC)
        .attr("xmlns:xsi", XSI)
        .attr("xsi:schemaLocation", format!("{OAI_DC} {OAI_DC_SCHEMA}"))
        .child(Element::leaf("dc:title", &chosen.label))
        .child(Element::leaf(
            "dc:creator",
            organisation_name(repository, chosen),
        ))
        .child(Element::leaf("dc:contributor", &chosen.body.spec.name))
        .child(Element::leaf("dc:identifier", &chosen.id));
    for meeting in &chosen.meetings {
        let date = crate::sv::iso_date(meeting.date());
        let adjusted = crate::sv::iso_date(meeting.adjusted_on());
        let mut description = format!("{}, sammanträde {date}", chosen.body.spec.name);
        if let Some(range) = paragraph_range(chosen, meeting) {
            description.push_str(&format!(", {range}"));
        }
        description.push_str(&format!(", justerat {adjusted}"));
        let names = adjusters(repository, meeting);
        if !names.is_empty() {
            description.push_str(&format!(" av {}", crate::sv::join_and(&names)));
        }
        description.push('.');
        dc = dc
            .child(Element::leaf("dc:date", &date))
            .child(Element::leaf("dc:description", description));
    }
    dc.child(Element::leaf("dc:type", "Text"))
        .child(Element::leaf("dc:format", "application/pdf"))
        .child(Element::leaf("dc:language", "sv"))
        .document()
}

/// The package's PREMIS: the representation as an object, the making of
/// the package, and its agents; the documents' own events are in the
/// representation's.
fn package_premis(
    repository: &Repository,
    chosen: &Chosen,
    created: NaiveDate,
    representation: &Packed,
) -> Vec<u8> {
    let version = env!("CARGO_PKG_VERSION");
    let folder = format!("representations/{REPRESENTATION}");
    let object = Element::new("premis:object")
        .attr("xsi:type", "premis:representation")
        .child(
            Element::new("premis:objectIdentifier")
                .child(Element::leaf("premis:objectIdentifierType", "local"))
                .child(Element::leaf("premis:objectIdentifierValue", &folder)),
        )
        .child(Element::leaf("premis:originalName", &chosen.label));
    let made = event(
        "paket",
        "creation",
        &stamp(created),
        &format!(
            "Informationspaketet {} skapat av rsr {version}; dokumenten beskrivs i {}.",
            chosen.id, representation.path
        ),
        &[
            ("rsr".to_string(), "executing program"),
            ("organisation".to_string(), "authorizer"),
        ],
        std::slice::from_ref(&folder),
    );
    premis_document(
        vec![object],
        vec![made],
        vec![
            agent("rsr", "rsr", "software", Some(version)),
            agent(
                "organisation",
                &organisation_name(repository, chosen),
                "organization",
                None,
            ),
        ],
    )
}

fn premis_document(objects: Vec<Element>, events: Vec<Element>, agents: Vec<Element>) -> Vec<u8> {
    Element::new("premis:premis")
        .attr("xmlns:premis", PREMIS)
        .attr("xmlns:xsi", XSI)
        .attr("xsi:schemaLocation", format!("{PREMIS} {PREMIS_SCHEMA}"))
        .attr("version", "3.0")
        .children(objects)
        .children(events)
        .children(agents)
        .document()
}

/// A PREMIS agent.
fn agent(identifier: &str, name: &str, kind: &str, version: Option<&str>) -> Element {
    Element::new("premis:agent")
        .child(
            Element::new("premis:agentIdentifier")
                .child(Element::leaf("premis:agentIdentifierType", "local"))
                .child(Element::leaf("premis:agentIdentifierValue", identifier)),
        )
        .child(Element::leaf("premis:agentName", name))
        .child(Element::leaf("premis:agentType", kind))
        .children(version.map(|v| Element::leaf("premis:agentVersion", v)))
}

/// A PREMIS event linking agents and objects (paths in the package).
fn event(
    identifier: &str,
    kind: &str,
    when: &str,
    detail: &str,
    agents: &[(String, &str)],
    objects: &[String],
) -> Element {
    Element::new("premis:event")
        .child(
            Element::new("premis:eventIdentifier")
                .child(Element::leaf("premis:eventIdentifierType", "local"))
                .child(Element::leaf("premis:eventIdentifierValue", identifier)),
        )
        .child(Element::leaf("premis:eventType", kind))
        .child(Element::leaf("premis:eventDateTime", when))
        .child(
            Element::new("premis:eventDetailInformation")
                .child(Element::leaf("premis:eventDetail", detail)),
        )
        .children(agents.iter().map(|(agent, role)| {
            Element::new("premis:linkingAgentIdentifier")
                .child(Element::leaf("premis:linkingAgentIdentifierType", "local"))
                .child(Element::leaf("premis:linkingAgentIdentifierValue", agent))
                .child(Element::leaf("premis:linkingAgentRole", *role))
        }))
        .children(objects.iter().map(|object| {
            Element::new("premis:linkingObjectIdentifier")
                .child(Element::leaf("premis:linkingObjectIdentifierType", "local"))
                .child(Element::leaf("premis:linkingObjectIdentifierValue", object))
        }))
}

/// PREMIS: each document with its fixity and format; the events that
/// made it what it is (creation by rsr, justering, each signature, the
/// checksums of the package); and the agents of those events.
fn premis(
    repository: &Repository,
    chosen: &Chosen,
    created: NaiveDate,
    data: &[&Packed],
    signed: &[Signed],
) -> Vec<u8> {
    let representation = format!("representations/{REPRESENTATION}");
    let at = |p: &Packed| format!("{representation}/{}", p.path);
    let objects = data.iter().map(|p| {
        let mut format =
            Element::new("premis:format").child(Element::new("premis:formatDesignation").child(
                Element::leaf("premis:formatName", p.format.as_deref().unwrap_or("PDF")),
            ));
        if let Some(key) = p.format.as_deref().and_then(pronom) {
            format = format.child(
                Element::new("premis:formatRegistry")
                    .child(Element::leaf("premis:formatRegistryName", "PRONOM"))
                    .child(Element::leaf("premis:formatRegistryKey", key)),
            );
        }
        Element::new("premis:object")
            .attr("xsi:type", "premis:file")
            .child(
                Element::new("premis:objectIdentifier")
                    .child(Element::leaf("premis:objectIdentifierType", "local"))
                    .child(Element::leaf("premis:objectIdentifierValue", at(p))),
            )
            .child(
                Element::new("premis:objectCharacteristics")
                    .child(Element::leaf("premis:compositionLevel", "0"))
                    .child(
                        Element::new("premis:fixity")
                            .child(Element::leaf("premis:messageDigestAlgorithm", "SHA-256"))
                            .child(Element::leaf("premis:messageDigest", sha256(&p.bytes))),
                    )
                    .child(Element::leaf("premis:size", p.bytes.len().to_string()))
                    .child(format),
            )
            .child(Element::leaf("premis:originalName", &p.title))
    });
    let version = env!("CARGO_PKG_VERSION");
    let rsr = "rsr".to_string();
    let organisation = "organisation".to_string();
    let mut events = Vec::new();
    let mut persons: Vec<String> = Vec::new();
    for meeting in &chosen.meetings {
        let date = meeting.date();
        let iso = crate::sv::iso_date(date);
        let made: Vec<&&Packed> = data
            .iter()
            // The documents rsr made for the meeting.
            .filter(|p| p.meeting == Some(date) && p.kind.is_some())
            .collect();
        let issued = made.iter().map(|p| p.created).max().unwrap_or(date);
        let environment = meeting
            .lock
            .as_ref()
            .and_then(|(_, lock)| lock.environment.clone());
        let mut detail = format!(
            "Handlingarna från sammanträdet {iso} skapade av rsr {version} ur källfilerna i documentation/kallfiler"
        );
        if let Some(environment) = environment {
            detail.push_str(&format!(
                "; utskriftsmiljön vid justeringen: {environment} (justering.lock)"
            ));
        }
        detail.push('.');
        events.push(event(
            &format!("skapande-{iso}"),
            "creation",
            &stamp(issued),
            &detail,
            &[(rsr.clone(), "executing program")],
            &made.iter().map(|p| at(p)).collect::<Vec<_>>(),
        ));
        let names = adjusters(repository, meeting);
        let mut agents = vec![(organisation.clone(), "authorizer")];
        let person_ids: Vec<String> = names.iter().map(|n| format!("person:{n}")).collect();
        for person in &person_ids {
            if !persons.contains(person) {
                persons.push(person.clone());
            }
        }
        agents.extend(person_ids.iter().map(|p| (p.clone(), "justerare")));
        let protokoll: Vec<String> = made
            .iter()
            .filter(|p| p.kind == Some(Kind::Protokoll))
            .map(|p| at(p))
            .collect();
        let mut detail = format!("Protokollet från sammanträdet {iso} justerat");
        if !names.is_empty() {
            detail.push_str(&format!(" av {}", crate::sv::join_and(&names)));
        }
        detail.push_str(
            "; justering.lock (documentation/kallfiler) förseglar vad det justerade protokollet säger.",
        );
        events.push(event(
            &format!("justering-{iso}"),
            "justering",
            &stamp(meeting.adjusted_on()),
            &detail,
            &agents,
            &protokoll,
        ));
    }
    for (n, signature) in signed.iter().enumerate() {
        let person = format!("person:{}", signature.signer);
        if !persons.contains(&person) {
            persons.push(person.clone());
        }
        let role = signature.role.clone().unwrap_or_default();
        let detail = format!(
            "Elektronisk underskrift (PAdES) av {}{}; certifikat: {}.",
            signature.signer,
            if role.is_empty() {
                String::new()
            } else {
                format!(", {role}")
            },
            signature.subject
        );
        events.push(event(
            &format!("underskrift-{}", n + 1),
            "digital signature generation",
            &signature.time.clone().unwrap_or_else(|| stamp(created)),
            &detail,
            &[(person, "signer")],
            &[format!("{representation}/{}", signature.path)],
        ));
    }
    events.push(event(
        "kontrollsummor",
        "message digest calculation",
        &stamp(created),
        "SHA-256 för varje fil i paketet, i METS-filerna och här.",
        &[(rsr.clone(), "executing program")],
        &data.iter().map(|p| at(p)).collect::<Vec<_>>(),
    ));
    let mut agents = vec![
        agent(&rsr, "rsr", "software", Some(version)),
        agent(
            &organisation,
            &organisation_name(repository, chosen),
            "organization",
            None,
        ),
    ];
    for person in &persons {
        let name = person.trim_start_matches("person:");
        agents.push(agent(person, name, "person", None));
    }
    premis_document(objects.collect(), events, agents)
}
