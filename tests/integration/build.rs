//! `rsr build` as a user runs it: outputs, filters, reproducibility, and
//! what a failed build leaves behind.

use crate::support::{Repo, normalize};

#[test]
fn build_writes_every_document_the_statuses_allow_and_summarises() {
    let repo = Repo::examples();
    let run = repo.rsr(&["build"]).success();
    for file in [
        "out/rsr/2026-01-26-kallelse.pdf",
        "out/rlg/2025-11-17-kallelse.pdf",
        "out/rlg/2025-11-17-protokoll.pdf",
    ] {
        assert!(repo.bytes(file).starts_with(b"%PDF-"), "{file}");
    }
    // RSR 2026-01-26 is only kallad: no protokoll yet.
    assert!(
        !repo
            .path()
            .join("out/rsr/2026-01-26-protokoll.pdf")
            .exists()
    );
    let stderr = normalize(&run.stderr());
    // Eight kallelser (BMN's of 2027 and FS's of 2027 drafts) and the
    // notice of RSR's cancelled meeting of 2026-03-16; the protokoll of RLG
    // 2025-11-17 with its five protokollsutdrag, and the draft protokoll of
    // RLG 2026-12-07 with the utdrag of its § 42 adjusted at the meeting;
    // BMN's protokoll, its public version, eight protokollsutdrag and its
    // anslagsbevis; FS's protokoll of 2026-11-26 with five protokollsutdrag;
    // KF's kallelse and kungörelse of 2026-12-14; a sammanträdesplan for
    // each of the six bodies, RLG's for 2026, BMN's and FS's for 2027;
    // the beslutsuppföljning of BMN 2026 and of KF 2025 and 2026.
    assert!(stderr.starts_with("Built 47 documents ("), "{stderr}");
    assert!(stderr.contains(" pages) in "), "{stderr}");
}

#[test]
fn filters_pick_body_meeting_and_kind() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--kind", "protokoll"]).success();
    assert!(
        repo.path()
            .join("out/rlg/2025-11-17-protokoll.pdf")
            .exists()
    );
    assert!(!repo.path().join("out/rsr/2026-01-26-kallelse.pdf").exists());

    let repo = Repo::examples();
    repo.rsr(&["build", "--body", "RSR", "--out", "elsewhere"])
        .success();
    assert!(
        repo.path()
            .join("elsewhere/rsr/2026-01-26-kallelse.pdf")
            .exists()
    );
    assert!(
        !repo
            .path()
            .join("elsewhere/rlg/2025-11-17-kallelse.pdf")
            .exists()
    );

    let repo = Repo::examples();
    repo.rsr(&["build", "--meeting", "2025-11-17", "--kind", "kallelse"])
        .success();
    assert!(repo.path().join("out/rlg/2025-11-17-kallelse.pdf").exists());
    assert!(
        !repo
            .path()
            .join("out/rlg/2025-11-17-protokoll.pdf")
            .exists()
    );
}

#[test]
fn two_builds_give_identical_bytes() {
    let repo = Repo::examples();
    repo.rsr(&["build", "--out", "first"]).success();
    repo.rsr(&["build", "--out", "second", "--jobs", "1"])
        .success();
    for file in [
        "rsr/2026-01-26-kallelse.pdf",
        "rlg/2025-11-17-kallelse.pdf",
        "rlg/2025-11-17-protokoll.pdf",
    ] {
        assert!(
            repo.bytes(&format!("first/{file}")) == repo.bytes(&format!("second/{file}")),
            "{file} differs between builds"
        );
    }
}

#[test]
fn a_failing_build_leaves_the_previous_outputs_untouched() {
    let repo = Repo::examples();
    // In git, so that a build keeps what the history said in out/, which
    // git does not track.
    repo.write(".gitignore", "out/\n");
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    repo.commit("Sammanträden");
    repo.rsr(&["build"]).success();
    let kallelse = repo.bytes("out/rsr/2026-01-26-kallelse.pdf");
    let protokoll = repo.bytes("out/rlg/2025-11-17-protokoll.pdf");
    let everything = |repo: &Repo| -> Vec<(String, Vec<u8>)> {
        walkdir::WalkDir::new(repo.path().join("out"))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    };
    let before = everything(&repo);
    assert!(
        before
            .iter()
            .any(|(path, _)| path.ends_with(".rsr.revisions.json")),
        "{:?}",
        before.iter().map(|(path, _)| path).collect::<Vec<_>>()
    );

    // The kallelse would change and typeset fine; the protokoll's template breaks.
    repo.edit(
        "meetings/rsr/2026-01-26/meeting.yaml",
        "Styrelserummet",
        "Sessionssalen",
    );
    repo.write(
        "templates/protokoll.typ",
        "#let data = json(\"/data.json\")\n#panic(\"trasig mall\")\n",
    );
    // Committed: the history the calendars follow is new too.
    repo.commit("Ny sal, trasig mall");
    let failed = repo.rsr(&["build"]).failure().stderr();
    assert!(failed.contains("trasig mall"), "{failed}");

    assert!(
        repo.bytes("out/rsr/2026-01-26-kallelse.pdf") == kallelse,
        "the kallelse was replaced by a failed build"
    );
    assert!(repo.bytes("out/rlg/2025-11-17-protokoll.pdf") == protokoll);
    // Nothing in out/ changed, nor was anything added: not the site made
    // while the documents were typeset, nor what the history said.
    let after = everything(&repo);
    assert_eq!(
        after.iter().map(|(path, _)| path).collect::<Vec<_>>(),
        before.iter().map(|(path, _)| path).collect::<Vec<_>>()
    );
    for ((path, bytes), (_, was)) in after.iter().zip(&before) {
        assert!(bytes == was, "{path} was changed by a failed build");
    }
    let leftovers: Vec<_> = walkdir::WalkDir::new(repo.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".rsr-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
}

#[test]
fn a_repository_template_overrides_the_built_in_one() {
    let repo = Repo::examples();
    repo.write(
        "templates/kallelse.typ",
        "#let data = json(\"/data.json\")\n#set document(title: data.document_title)\n#set text(lang: \"sv\", font: \"Carlito\")\n= Egen mall\n#data.body\n",
    );
    repo.rsr(&["build", "--kind", "kallelse", "--body", "rsr"])
        .success();
    let text = repo.text("out/rsr/2026-01-26-kallelse.pdf");
    assert_eq!(text, "Egen mall Regionens samverkansråd");
}

#[test]
fn hostile_text_prints_literally_and_is_never_evaluated() {
    let repo = Repo::examples();
    repo.write(
        "meetings/rsr/2026-01-26/04-kaffepaus.yaml",
        "rubrik: 'Kaffe#panic()$x^2$@ref'\ntyp: paus\ntid: '14:00'\n",
    );
    repo.edit(
        "meetings/rsr/2026-01-26/02-fastestallande.yaml",
        "förslag_till_beslut: Preliminär",
        "ärendebeskrivning: |\n  #read(\"/etc/passwd\") <l> @ref $x$ #{1+1} ]* `#panic()`\n\n  - #image(\"/rsr.yaml\")\nförslag_till_beslut: Preliminär",
    );
    repo.edit(
        "rsr.yaml",
        "{namn: Jonas Andersson, parti: S}",
        "{namn: 'Jonas #strong[Andersson]', parti: S}",
    );
    repo.rsr(&["build", "--body", "rsr"]).success();
    let text = repo.text("out/rsr/2026-01-26-kallelse.pdf");
    for literal in [
        "4. Kaffe#panic()$x^2$@ref",
        "#read(\"/etc/passwd\") <l> @ref $x$ #{1+1} ]* #panic()",
        "#image(\"/rsr.yaml\")",
        "Jonas #strong[Andersson] (S)",
    ] {
        assert!(
            text.contains(literal),
            "{literal:?} did not print literally:\n{text}"
        );
    }
    assert!(!text.contains("root:"), "a file was read into the document");
}

#[test]
fn characters_beyond_the_main_font_fall_back_to_the_shipped_fonts() {
    let repo = Repo::examples();
    let title = "Kaffepaus – § ☕ ✓ → ≥ € ł ő α ж ÅÄÖ åäö é ü";
    repo.write(
        "meetings/rsr/2026-01-26/04-kaffepaus.yaml",
        &format!("rubrik: '{title}'\ntyp: paus\n"),
    );
    repo.rsr(&["build", "--body", "rsr"]).success();
    let text = repo.text("out/rsr/2026-01-26-kallelse.pdf");
    assert!(text.contains(&format!("4. {title}")), "{text}");
}

#[test]
fn sources_are_what_typst_needs_to_make_the_same_document() {
    let repo = Repo::examples();
    let stderr = repo
        .rsr(&["build", "--body", "rlg", "--sources", "src"])
        .success()
        .stderr();
    assert!(
        stderr.starts_with("Wrote the Typst sources of 12 documents into src"),
        "{stderr}"
    );
    let folder = repo.path().join("src/rlg/2025-11-17-protokoll");
    let main = std::fs::read_to_string(folder.join("main.typ")).unwrap();
    assert_eq!(
        main,
        std::fs::read_to_string(crate::support::examples().join("templates/protokoll.typ"))
            .unwrap()
    );
    assert!(folder.join("lib.typ").is_file());
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("data.json")).unwrap()).unwrap();
    let text = data.to_string();
    assert!(text.contains("Regional ledningsgrupp"), "{text}");
    // Nothing was typeset.
    assert!(!repo.path().join("out").exists());
}
