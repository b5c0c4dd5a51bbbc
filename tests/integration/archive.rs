//! `rsr arkivera`: E-ARK SIP packages of adjusted meetings, held to what
//! the PyPI package eark-validator ships (its structure check, the METS
//! schemas with the CSIP and SIP extensions, the CSIP and SIP 2.1.0
//! Schematron rules; tests/tools/eark.py), rebuilt byte for byte, their
//! PDFs validated as PDF/UA-1 and PDF/A like every PDF a test makes
//! (`Repo::rsr`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Repo, examples};

/// Validates the package folder with tests/tools/eark.py; fails the test
/// with its report when it finds an error or a warning. eark-validator is
/// needed (`pip install eark-validator`, as .ci/run does).
pub fn eark_validate(package: &Path) -> serde_json::Value {
    let probe = Command::new("python3")
        .args(["-c", "import eark_validator, lxml"])
        .output();
    assert!(
        probe.is_ok_and(|o| o.status.success()),
        "eark-validator is needed to validate archive packages: pip install eark-validator"
    );
    let output = Command::new("python3")
        .arg(examples().join("tests/tools/eark.py"))
        .arg(package)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{} is not a valid E-ARK SIP:\n{report}\n{}",
        package.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&report).unwrap()
}

/// Every file under `dir`, by its path relative to it.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap();
            (
                relative.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The files of a zip, by path, as Python's zipfile reads them.
fn unzipped(zip: &Path) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("python3")
        .args(["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])"])
        .arg(zip)
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success(), "{} does not unzip", zip.display());
    tree(dir.path())
}

fn package(repo: &Repo, id: &str) -> PathBuf {
    repo.path().join("out/arkiv").join(id)
}

#[test]
fn a_package_per_example_body_with_an_adjusted_meeting_is_a_valid_sip_made_the_same_twice() {
    let repo = Repo::examples();
    // BMN posts its protokoll on an anslagstavla: it has an anslagsbevis.
    let with_notice = ["kallelse", "protokoll", "protokoll-publik", "anslagsbevis"];
    for (body, period, id, meeting, kinds) in [
        ("bmn", "2026", "bmn-2026", "2026-10-14", &with_notice[..]),
        (
            "fs",
            "2026-11-26",
            "fs-2026-11-26",
            "2026-11-26",
            &with_notice[..2],
        ),
        ("rlg", "2025", "rlg-2025", "2025-11-17", &with_notice[..2]),
    ] {
        let run = repo.rsr(&["arkivera", body, period]).success();
        let folder = package(&repo, id);
        assert!(
            run.stderr().contains(&format!("in {}", folder.display())),
            "{}",
            run.stderr()
        );
        eark_validate(&folder);
        let files = tree(&folder);
        // Every PDF in it is PDF/UA-1 and the PDF/A it declares.
        for name in files.keys().filter(|k| k.ends_with(".pdf")) {
            crate::conformance::assert_pdf(&folder.join(name));
        }
        // The documents are out/'s, byte for byte, in the representation.
        let data = format!("representations/rep1/data/{meeting}");
        for kind in kinds {
            let name = format!("{meeting}-{kind}.pdf");
            assert_eq!(
                files.get(&format!("{data}/{name}")),
                Some(&repo.bytes(&format!("out/{body}/{name}"))),
                "{id}: {name}"
            );
        }
        assert!(
            files
                .keys()
                .any(|k| k.starts_with(&format!("{data}/{meeting}-protokollsutdrag-"))),
            "{id}: no utdrag in {:?}",
            files.keys()
        );
        // The sources, the seal and the open data as documentation.
        for source in ["meeting.yaml", "justering.lock"] {
            assert_eq!(
                files.get(&format!(
                    "documentation/kallfiler/meetings/{body}/{meeting}/{source}"
                )),
                Some(&repo.bytes(&format!("meetings/{body}/{meeting}/{source}"))),
                "{id}: {source}"
            );
        }
        assert!(files.contains_key("documentation/kallfiler/rsr.yaml"));
        assert_eq!(
            files.get(&format!("documentation/{meeting}/oppna-data.json")),
            Some(&repo.bytes(&format!("out/{body}/{meeting}.json")))
        );
        // No other meeting's documents.
        assert!(
            files
                .keys()
                .filter(|k| k.starts_with("representations/rep1/data/"))
                .all(|k| k.starts_with(&format!("{data}/"))),
            "{id}: {:?}",
            files.keys()
        );
        // The zip holds the folder, under its root folder, and nothing else.
        let zip = unzipped(&repo.path().join(format!("out/arkiv/{id}.zip")));
        let prefixed: BTreeMap<String, Vec<u8>> = files
            .iter()
            .map(|(k, v)| (format!("{id}/{k}"), v.clone()))
            .collect();
        assert_eq!(
            zip.keys().collect::<Vec<_>>(),
            prefixed.keys().collect::<Vec<_>>()
        );
        assert!(
            zip == prefixed,
            "{id}: the zip's files differ from the folder's"
        );

        // Again, into another folder: the same bytes.
        let again = tempfile::tempdir().unwrap();
        repo.rsr(&[
            "arkivera",
            body,
            period,
            "--dir",
            again.path().to_str().unwrap(),
        ])
        .success();
        assert!(
            tree(&again.path().join(id)) == files,
            "{id}: the folder differs"
        );
        assert_eq!(
            std::fs::read(again.path().join(format!("{id}.zip"))).unwrap(),
            repo.bytes(&format!("out/arkiv/{id}.zip")),
            "{id}: the zip differs"
        );
    }
}

#[test]
fn the_metadata_says_who_made_adjusted_and_described_what() {
    let repo = Repo::examples();
    repo.rsr(&["arkivera", "bmn", "2026-10-14"]).success();
    let folder = package(&repo, "bmn-2026-10-14");
    let read = |path: &str| std::fs::read_to_string(folder.join(path)).unwrap();
    let mets = read("METS.xml");
    for expected in [
        r#"OBJID="bmn-2026-10-14""#,
        r#"LABEL="Bygg- och miljönämnden, sammanträdet 2026-10-14""#,
        r#"PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml""#,
        r#"csip:OAISPACKAGETYPE="SIP""#,
        r#"<mets:note csip:NOTETYPE="SOFTWARE VERSION">"#,
        r#"<mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">"#,
        "<mets:name>Storsjö kommun</mets:name>",
        // Made from the data: dated by the justering, not by the clock.
        r#"CREATEDATE="2026-10-20T00:00:00+02:00""#,
    ] {
        assert!(
            mets.contains(expected),
            "{expected} not in METS.xml:\n{mets}"
        );
    }
    let representation = read("representations/rep1/METS.xml");
    assert!(
        representation.contains(r#"sip:FILEFORMATNAME="PDF/A-2a" sip:FORMATREGISTRY="PRONOM" sip:FORMATREGISTRYKEY="fmt/476""#),
        "{representation}"
    );
    let dc = read("metadata/descriptive/beskrivning.xml");
    for expected in [
        "<dc:creator>Storsjö kommun</dc:creator>",
        "<dc:contributor>Bygg- och miljönämnden</dc:contributor>",
        "<dc:date>2026-10-14</dc:date>",
        "sammanträde 2026-10-14, § 118–125, justerat 2026-10-20 av Karin Holm.",
    ] {
        assert!(dc.contains(expected), "{expected} not in:\n{dc}");
    }
    let premis = read("representations/rep1/metadata/preservation/premis.xml");
    let events: Vec<&str> = premis
        .split("<premis:eventType>")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap())
        .collect();
    assert_eq!(
        events,
        ["creation", "justering", "message digest calculation"],
        "{premis}"
    );
    assert!(premis.contains(&format!("skapade av rsr {}", env!("CARGO_PKG_VERSION"))));
    assert!(premis.contains("justerat av Karin Holm"), "{premis}");
    assert!(premis.contains("<premis:agentName>Karin Holm</premis:agentName>"));
    // Each document with its checksum and format.
    let protokoll = repo.bytes("out/bmn/2026-10-14-protokoll.pdf");
    let digest: String =
        sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(&protokoll))
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
    assert!(premis.contains(&format!(
        "<premis:messageDigest>{digest}</premis:messageDigest>"
    )));
    assert!(premis.contains("<premis:formatRegistryKey>fmt/476</premis:formatRegistryKey>"));
    // The internal protokoll and its public version are both kept.
    assert!(representation.contains("data/2026-10-14/2026-10-14-protokoll-publik.pdf"));
}

#[test]
fn a_meeting_not_adjusted_is_refused_and_in_a_year_left_out() {
    let repo = Repo::examples();
    let run = repo.rsr(&["arkivera", "bmn", "2027-01-20"]).usage_failure();
    assert!(
        run.stderr()
            .contains("the meeting of 2027-01-20, is not adjusted (status: planerad)"),
        "{}",
        run.stderr()
    );
    let run = repo.rsr(&["arkivera", "gnus", "2026"]).usage_failure();
    assert!(
        run.stderr().contains("has no adjusted meeting in 2026"),
        "{}",
        run.stderr()
    );
    let run = repo.rsr(&["arkivera", "bmn", "2026-10-15"]).usage_failure();
    assert!(
        run.stderr()
            .contains("has no meeting on 2026-10-15; its meetings are: 2026-10-14, 2027-01-20"),
        "{}",
        run.stderr()
    );
    let run = repo.rsr(&["arkivera", "bmn", "26"]).usage_failure();
    assert!(
        run.stderr().contains("is neither a year nor a date"),
        "{}",
        run.stderr()
    );
    assert!(!repo.path().join("out/arkiv").exists());

    let repo = Repo::minimal();
    repo.rsr(&["new", "meeting", "kn", "2026-09-14"]).success();
    let run = repo.rsr(&["arkivera", "kn", "2026"]).success();
    assert!(
        run.stderr()
            .contains("Not in the package: 2026-09-14 (planerad, not adjusted)"),
        "{}",
        run.stderr()
    );
    let folder = package(&repo, "kn-2026");
    eark_validate(&folder);
    assert!(folder.join("representations/rep1/data/2026-03-02").is_dir());
    assert!(!folder.join("representations/rep1/data/2026-09-14").exists());
}

#[test]
fn hostile_text_in_the_data_stays_text_in_the_xml() {
    let repo = Repo::minimal();
    let hostile = r#"Nämnd <script>alert(1)</script> & "citat" ]]> <!-- x"#;
    repo.edit(
        "meetings/kn/body.yaml",
        "namn: Kulturnämnden",
        &format!("namn: '{hostile}'"),
    );
    repo.reseal("meetings/kn/2026-03-02");
    repo.rsr(&["arkivera", "kn", "2026"]).success();
    let folder = package(&repo, "kn-2026");
    // Well-formed and valid: the validator parses every METS.
    eark_validate(&folder);
    let dc = std::fs::read_to_string(folder.join("metadata/descriptive/beskrivning.xml")).unwrap();
    assert!(
        dc.contains("<dc:contributor>Nämnd &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot; ]]&gt; &lt;!-- x</dc:contributor>"),
        "{dc}"
    );
}

#[test]
fn an_attachment_goes_into_the_representation_beside_the_documents() {
    let repo = Repo::minimal();
    // Any PDF/A will do as the tjänsteskrivelse: a kallelse rsr built.
    repo.rsr(&["build", "--kind", "kallelse"]).success();
    let original = repo.bytes("out/kn/2026-03-02-kallelse.pdf");
    std::fs::write(
        repo.path()
            .join("meetings/kn/2026-03-02/tjansteskrivelse.pdf"),
        &original,
    )
    .unwrap();
    repo.edit(
        "meetings/kn/2026-03-02/02-budget.yaml",
        "beslutsunderlag: [Tjänsteskrivelse om budget 2026]",
        "beslutsunderlag: [{titel: Tjänsteskrivelse om budget 2026, fil: tjansteskrivelse.pdf}]",
    );
    repo.reseal("meetings/kn/2026-03-02");
    let run = repo.rsr(&["arkivera", "kn", "2026-03-02"]).success();
    assert!(!run.stderr().contains("PDF/A"), "{}", run.stderr());
    let folder = package(&repo, "kn-2026-03-02");
    eark_validate(&folder);
    assert_eq!(
        std::fs::read(
            folder.join("representations/rep1/data/2026-03-02/underlag/tjansteskrivelse.pdf")
        )
        .unwrap(),
        original
    );
    let premis = std::fs::read_to_string(
        folder.join("representations/rep1/metadata/preservation/premis.xml"),
    )
    .unwrap();
    assert!(
        premis
            .contains("<premis:originalName>Underlag: tjansteskrivelse.pdf</premis:originalName>"),
        "{premis}"
    );
}
