//! Incremental builds: a document is typeset again only when what it is made
//! from changed, judged by the content hashes in out/.rsr.manifest, and
//! a PDF that was altered or a manifest that was lost is repaired.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::SystemTime;

use crate::support::Repo;

/// Every PDF in out/ with its modification time.
fn pdfs(repo: &Repo) -> BTreeMap<PathBuf, SystemTime> {
    let out = repo.path().join("out");
    walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            let modified = e.metadata().unwrap().modified().unwrap();
            (e.path().strip_prefix(&out).unwrap().to_path_buf(), modified)
        })
        .collect()
}

/// The PDFs whose modification time changed between two listings.
fn rewritten(before: &BTreeMap<PathBuf, SystemTime>, repo: &Repo) -> Vec<String> {
    pdfs(repo)
        .into_iter()
        .filter(|(path, time)| before.get(path) != Some(time))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

fn built(repo: &Repo) -> BTreeMap<PathBuf, SystemTime> {
    repo.rsr(&["build"]).success();
    let listing = pdfs(repo);
    assert_eq!(listing.len(), 47);
    listing
}

#[test]
fn a_second_build_typesets_nothing() {
    let repo = Repo::examples();
    let before = built(&repo);
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(
        stderr.starts_with("Built 0 documents (0 pages) in "),
        "{stderr}"
    );
    assert!(stderr.contains("; 47 up to date"), "{stderr}");
    assert!(!stderr.contains("Updated the site"), "{stderr}");
    assert_eq!(rewritten(&before, &repo), Vec::<String>::new());

    // --force typesets everything again, to the same bytes.
    let kallelse = repo.bytes("out/rsr/2026-01-26-kallelse.pdf");
    let stderr = repo.rsr(&["build", "--force"]).success().stderr();
    assert!(stderr.starts_with("Built 47 documents"), "{stderr}");
    assert_eq!(rewritten(&before, &repo).len(), 47);
    assert!(repo.bytes("out/rsr/2026-01-26-kallelse.pdf") == kallelse);
}

#[test]
fn a_changed_item_rebuilds_only_the_documents_that_show_it() {
    let repo = Repo::examples();
    let before = built(&repo);
    // A title: the kallelse lists it, and so does the body's plan.
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik: Uppföljning av verksamhet",
        "rubrik: Årlig uppföljning av verksamhet",
    );
    repo.rsr(&["build"]).success();
    assert_eq!(
        rewritten(&before, &repo),
        [
            "rsr/2026-01-26-kallelse.pdf",
            "rsr/2026-sammantradesplan.pdf"
        ]
    );
    assert!(
        repo.text("out/rsr/2026-01-26-kallelse.pdf")
            .contains("Årlig uppföljning av verksamhet")
    );

    // A decision: the protokoll, its public version and that paragraph's
    // utdrag; not the kallelse, not the other utdrag.
    let before = pdfs(&repo);
    repo.unseal("meetings/bmn/2026-10-14").edit(
        "meetings/bmn/2026-10-14/05-forhandsbesked-backe.yaml",
        "Positivt förhandsbesked lämnas med stöd av",
        "Positivt förhandsbesked lämnas, med villkor om dagvatten, med stöd av",
    );
    repo.reseal("meetings/bmn/2026-10-14");
    repo.rsr(&["build"]).success();
    assert_eq!(
        rewritten(&before, &repo),
        [
            "bmn/2026-10-14-protokoll-publik.pdf",
            "bmn/2026-10-14-protokoll.pdf",
            "bmn/2026-10-14-protokollsutdrag-122.pdf",
        ]
    );
}

#[test]
fn a_changed_template_rebuilds_the_documents_it_typesets() {
    let repo = Repo::examples();
    let before = built(&repo);
    let template =
        std::fs::read_to_string(crate::support::examples().join("templates/sammantradesplan.typ"))
            .unwrap();
    repo.write(
        "templates/sammantradesplan.typ",
        &format!("{template}\n// En kommentar i mallen.\n"),
    );
    repo.rsr(&["build"]).success();
    assert_eq!(
        rewritten(&before, &repo),
        [
            "bmn/2026-sammantradesplan.pdf",
            "bmn/2027-sammantradesplan.pdf",
            "fs/2026-sammantradesplan.pdf",
            "fs/2027-sammantradesplan.pdf",
            "gnus/2026-sammantradesplan.pdf",
            "kf/2026-sammantradesplan.pdf",
            "rlg/2025-sammantradesplan.pdf",
            "rlg/2026-sammantradesplan.pdf",
            "rsr/2026-sammantradesplan.pdf",
        ]
    );
}

#[test]
fn an_altered_pdf_or_a_lost_manifest_is_repaired() {
    let repo = Repo::examples();
    let before = built(&repo);
    let protokoll = repo.bytes("out/rlg/2025-11-17-protokoll.pdf");

    // Someone saved over a PDF: it is typeset again.
    repo.write("out/rlg/2025-11-17-protokoll.pdf", "not a protokoll");
    repo.rsr(&["build"]).success();
    assert!(repo.bytes("out/rlg/2025-11-17-protokoll.pdf") == protokoll);
    let before_truncation = pdfs(&repo);
    assert_eq!(rewritten(&before, &repo), ["rlg/2025-11-17-protokoll.pdf"]);

    // A truncated manifest counts as none: everything is typeset again, and
    // the build succeeds.
    let manifest = repo.bytes("out/.rsr.manifest");
    std::fs::write(
        repo.path().join("out/.rsr.manifest"),
        &manifest[..manifest.len() / 2],
    )
    .unwrap();
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.starts_with("Built 47 documents"), "{stderr}");
    assert_eq!(rewritten(&before_truncation, &repo).len(), 47);

    // A deleted one too.
    std::fs::remove_file(repo.path().join("out/.rsr.manifest")).unwrap();
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.starts_with("Built 47 documents"), "{stderr}");
    let stderr = repo.rsr(&["build"]).success().stderr();
    assert!(stderr.starts_with("Built 0 documents"), "{stderr}");
}

#[test]
fn documents_missing_here_and_there_are_typeset_again_to_the_same_bytes() {
    // The data of what is typeset is made again body by body, on the
    // typesetting threads: each PDF must still get its own.
    let repo = Repo::examples();
    let before = built(&repo);
    let lost = [
        "bmn/2026-10-14-protokoll-publik.pdf",
        "bmn/2026-10-14-protokollsutdrag-122.pdf",
        "gnus/2026-sammantradesplan.pdf",
        "rlg/2025-11-17-protokollsutdrag-29.pdf",
        "rlg/2025-11-17-protokollsutdrag-31.pdf",
        "rsr/2026-01-26-kallelse.pdf",
    ];
    let originals: Vec<Vec<u8>> = lost
        .iter()
        .map(|path| repo.bytes(&format!("out/{path}")))
        .collect();
    for path in lost {
        std::fs::remove_file(repo.path().join("out").join(path)).unwrap();
    }
    for jobs in ["1", "3"] {
        let stderr = repo.rsr(&["build", "--jobs", jobs]).success().stderr();
        assert!(stderr.starts_with("Built 6 documents"), "{stderr}");
        assert_eq!(rewritten(&before, &repo), lost);
        for (path, original) in lost.iter().zip(&originals) {
            assert!(&repo.bytes(&format!("out/{path}")) == original, "{path}");
        }
        for path in lost {
            std::fs::remove_file(repo.path().join("out").join(path)).unwrap();
        }
    }
}

#[test]
fn timings_name_every_stage() {
    let repo = Repo::examples();
    let stderr = repo.rsr(&["build", "--timings"]).success().stderr();
    for stage in [
        "load (read and parse the YAML)",
        "check (the rules)",
        "data (model to template data)",
        "setup (fonts and templates)",
        "layout (Typst, all threads)",
        "pdf export (Typst, all threads)",
        "write (PDFs)",
        "site (index, feed, calendars, open data), manifest",
        "per document typeset: p50 ",
    ] {
        assert!(stderr.contains(stage), "{stage} missing:\n{stderr}");
    }
    assert!(stderr.contains("(47 documents)"), "{stderr}");
    // The peak: rsr's own over the build, its own while the typesetting
    // processes ran, and theirs; the figure is the larger of rsr's alone
    // and the sum of the span in which they ran beside it.
    let line = stderr
        .lines()
        .find_map(|line| line.trim().strip_prefix("peak memory (resident): "))
        .unwrap_or_else(|| panic!("no peak:\n{stderr}"));
    // On one core: "one typesetting process".
    let line_in_figures = line.replace(" one typesetting process ", " 1 typesetting processes ");
    let numbers: Vec<f64> = line_in_figures
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|word| word.parse().ok())
        .collect();
    let [total, own, typesetting, threads, worker] = numbers[..] else {
        panic!("{line}");
    };
    assert!(
        line_in_figures.contains(" MB at most at once (rsr ")
            && line_in_figures.contains(" typesetting processes of at most "),
        "{line}"
    );
    assert!(threads >= 1.0 && worker > 0.0, "{line}");
    assert!(typesetting > 0.0 && typesetting <= own, "{line}");
    let at_once = own.max(typesetting + threads * worker);
    // Each figure is rounded to 0.1 MB.
    assert!(
        (total - at_once).abs() <= 0.05 * (2.0 + threads),
        "{total} is not {at_once}: {line}"
    );
}
