//! Open data in out/<body>/<date>.json: every file validates against the
//! published schema, says what the PDFs say and no more (no agenda before
//! the kallelse is sent, no decisions before justering, nothing
//! confidential), and links PDFs that exist with their true checksums.

use rsr::schema::{self, FileKind};
use serde_json::Value;
use sha2::{Digest, Sha512};

use crate::support::Repo;

fn json(repo: &Repo, relative: &str) -> Value {
    serde_json::from_str(&repo.read(relative)).unwrap()
}

fn schema_errors(instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema::schema(FileKind::OpenData)).unwrap();
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn item(meeting: &Value, paragraph: u64) -> &Value {
    meeting["agendaItem"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["paragraph"] == paragraph)
        .unwrap_or_else(|| panic!("no § {paragraph}"))
}

#[test]
fn every_meeting_has_a_file_that_validates_against_the_schema() {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(repo.path().join("meetings"))
        .min_depth(2)
        .max_depth(2)
    {
        let entry = entry.unwrap();
        // Meeting folders, not a body's registers of delegation decisions and
        // motions.
        if !entry.file_type().is_dir()
            || entry.file_name() == "delegationsbeslut"
            || entry.file_name() == "motioner"
        {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(repo.path().join("meetings"))
            .unwrap();
        let target = format!("out/{}.json", relative.display());
        let data = json(&repo, &target);
        let errors = schema_errors(&data);
        assert!(errors.is_empty(), "{target}: {errors:?}");
        assert_eq!(data["format"], "rsr-open-data/1");
        files += 1;
    }
    assert_eq!(files, 13);

    // The schema is strict: an unknown field, a null or a wrong state fails.
    let mut data = json(&repo, "out/bmn/2026-10-14.json");
    data["agendaItem"][3]["secret"] = "x".into();
    assert!(!schema_errors(&data).is_empty());
    let mut data = json(&repo, "out/bmn/2026-10-14.json");
    data["end"] = Value::Null;
    assert!(!schema_errors(&data).is_empty());
    let mut data = json(&repo, "out/bmn/2026-10-14.json");
    data["meetingState"] = "avslutad".into();
    assert!(!schema_errors(&data).is_empty());
}

#[test]
fn an_adjusted_meeting_carries_its_agenda_decisions_votes_and_files() {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let data = json(&repo, "out/bmn/2026-10-14.json");
    assert_eq!(data["id"], "bmn/2026-10-14");
    assert_eq!(data["meetingState"], "justerad");
    assert_eq!(data["start"], "2026-10-14T09:00:00+02:00");
    assert_eq!(data["organization"]["classification"], "nämnd");
    assert_eq!(data["justering"]["date"], "2026-10-20");
    assert_eq!(data["justering"]["adjusters"][0]["id"], "karin.holm");

    // The agenda in the meeting's order, numbered as the protokoll is.
    let items = data["agendaItem"].as_array().unwrap();
    let numbers: Vec<u64> = items
        .iter()
        .map(|i| i["paragraph"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (118..=125).collect::<Vec<_>>());
    let protokoll = repo.text("out/bmn/2026-10-14-protokoll-publik.pdf");
    for item in items {
        let heading = format!(
            "§ {} {}",
            item["number"].as_str().unwrap(),
            item["name"].as_str().unwrap()
        );
        assert!(
            protokoll.contains(&heading),
            "{heading} not in the protokoll"
        );
    }

    // § 121: the decision, the motions, the vote as Popolo has it.
    let bygglov = item(&data, 121);
    assert!(
        bygglov["resolutionText"]
            .as_str()
            .unwrap()
            .starts_with("1. Bygglov beviljas")
    );
    assert_eq!(bygglov["consultation"]["reference"], "BMN 2026-0287");
    assert_eq!(bygglov["motions"].as_array().unwrap().len(), 3);
    let vote = &bygglov["voteEvent"];
    assert_eq!(vote["result"], "yes");
    let counts: Vec<(String, u64)> = vote["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["option"].as_str().unwrap().into(),
                c["value"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [("yes".into(), 5), ("no".into(), 3), ("abstain".into(), 1)]
    );
    assert_eq!(vote["votes"].as_array().unwrap().len(), 9);
    let per_ek = vote["votes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["voter_id"] == "per.ek")
        .unwrap();
    assert_eq!(per_ek["option"], "no");
    assert_eq!(per_ek["voter"]["party"], "M");
    // The result in the words of the protokoll.
    assert!(protokoll.contains(vote["result_text"].as_str().unwrap()));
    assert_eq!(bygglov["reservations"][0]["by"][1]["id"], "lars.vik");

    // Jäv with the substitute who served instead.
    let backe = item(&data, 122);
    assert_eq!(backe["conflicts"][0]["person"]["id"], "per.ek");
    assert_eq!(backe["conflicts"][0]["substitute"]["id"], "olof.berglund");

    // Attendance: who served for whom and for which paragraphs; the
    // secretary once.
    let participants = data["participant"].as_array().unwrap();
    let lisa = participants
        .iter()
        .find(|p| p["id"] == "lisa.nord")
        .unwrap();
    assert_eq!(lisa["role"], "tjänstgörande ersättare");
    assert_eq!(lisa["replaces"]["id"], "lars.vik");
    assert_eq!(lisa["paragraphs"], serde_json::json!([123, 124, 125]));
    let palm = participants
        .iter()
        .filter(|p| p["id"] == "ingrid.palm")
        .count();
    assert_eq!(palm, 1);
    assert_eq!(data["absent"][0]["id"], "maria.sjoberg");

    // Every file named is beside the JSON, with its size and checksum.
    let mut files = vec![&data["invitation"], &data["resultsProtocol"]];
    files.extend(data["auxiliaryFile"].as_array().unwrap());
    assert_eq!(
        files.len(),
        10,
        "kallelse, public protokoll, 7 utdrag, anslagsbevis"
    );
    for file in files {
        let bytes = repo.bytes(&format!("out/bmn/{}", file["accessUrl"].as_str().unwrap()));
        assert_eq!(file["size"].as_u64().unwrap(), bytes.len() as u64);
        let sum: String = Sha512::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(file["sha512Checksum"], sum.as_str());
    }
    assert_eq!(
        data["resultsProtocol"]["fileName"],
        "2026-10-14-protokoll-publik.pdf"
    );
}

#[test]
fn nothing_confidential_reaches_the_file() {
    let repo = Repo::examples();
    repo.rsr(&["build"]).success();
    let text = repo.read("out/bmn/2026-10-14.json");
    for secret in [
        "Tallvägen",
        "neurologisk",
        "186 400",
        "arbetsterapeutens intyg",
        "protokollsutdrag-125",
        "2026-10-14-protokoll.pdf",
    ] {
        assert!(!text.contains(secret), "{secret} is in the open data");
    }
    let data: Value = serde_json::from_str(&text).unwrap();
    let secret = item(&data, 125);
    assert_eq!(secret["public"], false);
    assert_eq!(secret["name"], "Ansökan om bostadsanpassningsbidrag");
    assert_eq!(secret["secrecyGround"], "OSL 26 kap. 12 §");
    assert!(secret.get("resolutionText").is_none());
    assert!(secret.get("description").is_none());
}

#[test]
fn a_file_says_no_more_than_the_published_documents() {
    let repo = Repo::examples();
    // A held meeting whose protokoll is not yet adjusted: its agenda, but
    // no decisions, attendance or protokoll.
    repo.unseal("meetings/bmn/2026-10-14").edit(
        "meetings/bmn/2026-10-14/meeting.yaml",
        "status: justerad",
        "status: genomförd",
    );
    repo.rsr(&["build"]).success();
    let held = json(&repo, "out/bmn/2026-10-14.json");
    assert_eq!(held["meetingState"], "genomförd");
    assert_eq!(held["agendaItem"].as_array().unwrap().len(), 8);
    // Only the paragraph adjusted at the meeting (§ 123) has its decision
    // published, as its protokollsutdrag is.
    let decided: Vec<u64> = held["agendaItem"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i.get("resolutionText").is_some())
        .map(|i| i["paragraph"].as_u64().unwrap())
        .collect();
    assert_eq!(decided, [123]);
    assert_eq!(item(&held, 123)["immediateAdjustment"], true);
    assert_eq!(
        item(&held, 120)["proposal"],
        "Redovisningen läggs till handlingarna."
    );
    assert!(held.get("resultsProtocol").is_none());
    assert!(held.get("justering").is_none());
    assert_eq!(held["participant"], serde_json::json!([]));
    assert!(held["invitation"].is_object());

    // A planned meeting: its place in the plan and its topics, no agenda.
    let planned = json(&repo, "out/gnus/2026-02-16.json");
    assert_eq!(planned["meetingState"], "planerad");
    assert_eq!(planned["start"], "2026-02-16T09:30:00+01:00");
    assert_eq!(planned["agendaItem"], serde_json::json!([]));
    assert!(!planned["topics"].as_array().unwrap().is_empty());
    assert!(planned.get("invitation").is_none());
}

#[test]
fn text_from_yaml_comes_out_as_the_same_string() {
    let repo = Repo::examples();
    let hostile = r#"Rubrik med "citat", \snedstreck, </script><b>, #set text(red) och {"a": 1}"#;
    let file = "meetings/rsr/2026-01-26/05-energikontoret.yaml";
    let quoted = format!("rubrik: '{}'", hostile.replace('\'', "''"));
    let text: Vec<String> = repo
        .read(file)
        .lines()
        .map(|line| {
            if line.starts_with("rubrik:") {
                quoted.clone()
            } else {
                line.to_string()
            }
        })
        .collect();
    repo.write(file, &(text.join("\n") + "\n"));
    repo.rsr(&["build"]).success();
    let data = json(&repo, "out/rsr/2026-01-26.json");
    let titles: Vec<&str> = data["agendaItem"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&hostile), "{titles:?}");
    assert!(schema_errors(&data).is_empty());
}
