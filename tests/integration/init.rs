//! `rsr init` and `rsr new body` (issue 19, points 1 and 2): from an empty
//! folder to a repository that passes check, builds and publishes; every
//! YAML file written validates against the schema its `$schema` line names;
//! the refusals write nothing.

use std::path::{Path, PathBuf};

use crate::schema::{as_json, errors, kind_of};
use crate::support::Repo;

/// A repository of Åre kommun with Kulturnämnden as its first body.
const INIT_KN: &[&str] = &[
    "init",
    "--organisation",
    "Åre kommun",
    "--body",
    "Kulturnämnden",
    "--kortnamn",
    "KN",
];

/// A first meeting with what its body does not say yet.
const FIRST_MEETING: &[&str] = &[
    "new",
    "meeting",
    "kn",
    "2027-02-10",
    "--place",
    "Kommunhuset",
    "--start",
    "13:00",
];

/// Every file under `root`, relative, sorted.
fn files(root: &Path) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(root).unwrap().display().to_string())
        .collect();
    found.sort();
    found
}

/// The YAML files under `root` (not out/), each validated against the
/// schema its first line names, which must be the one for its kind.
fn assert_yaml_validates(root: &Path) {
    let yaml: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .filter(|e| !e.path().starts_with(root.join("out")))
        .filter(|e| !e.path().starts_with(root.join(".github")))
        .map(|e| e.into_path())
        .collect();
    assert!(!yaml.is_empty());
    for path in yaml {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let named = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{} has no $schema line: {first}", path.display()));
        let schema = path.parent().unwrap().join(named);
        let kind = kind_of(&path);
        assert_eq!(
            schema.canonicalize().unwrap(),
            root.join("schema")
                .join(kind.file_name())
                .canonicalize()
                .unwrap(),
            "{}",
            path.display()
        );
        let problems = errors(kind, &as_json(&path));
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
    }
}

#[test]
fn init_makes_a_repository_that_checks_builds_and_publishes() {
    let repo = Repo::empty();
    let run = repo.rsr(INIT_KN).success();
    let stderr = run.stderr();
    assert!(
        stderr.contains("Started an rsr repository in .:")
            && stderr.contains("`rsr new meeting kn <YYYY-MM-DD>`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Set RSR_GIT in .github/workflows/rsr.yml"),
        "{stderr}"
    );
    assert_eq!(
        files(repo.path()),
        [
            ".github/workflows/rsr.yml",
            ".gitignore",
            ".vscode/settings.json",
            "README.md",
            "meetings/kn/body.yaml",
            "rsr.yaml",
            "schema/body.json",
            "schema/delegationsbeslut.json",
            "schema/item.json",
            "schema/meeting.json",
            "schema/motioner.json",
            "schema/open-data.json",
            "schema/rsr.json",
        ]
    );
    assert_eq!(repo.read(".gitignore"), "out/\n");
    let workflow = repo.read(".github/workflows/rsr.yml");
    assert!(
        workflow.contains(&format!("  RSR_REF: v{}\n", env!("CARGO_PKG_VERSION"))),
        "{workflow}"
    );
    let settings: serde_json::Value =
        serde_json::from_str(&repo.read(".vscode/settings.json")).unwrap();
    assert_eq!(
        settings["yaml.schemas"]["./schema/body.json"],
        "meetings/*/body.yaml"
    );
    let readme = repo.read("README.md");
    assert!(
        readme.starts_with("# Åre kommun: sammanträdeshandlingar\n"),
        "{readme}"
    );
    assert!(readme.contains("rsr new meeting kn 2027-02-10"), "{readme}");
    // The schemas are the ones rsr generates.
    for kind in rsr::schema::FileKind::ALL {
        assert_eq!(
            repo.read(&format!("schema/{}", kind.file_name())),
            rsr::schema::text(kind)
        );
    }

    repo.rsr(&["check", "--deny-warnings"]).success();
    repo.rsr(&["build"]).success();
    // A first meeting, with persons and members, through to its kallelse.
    let organisation = repo
        .read("rsr.yaml")
        .replace(
            "personer: {}\n",
            "personer:\n  anna.andersson: {namn: Anna Andersson, parti: S}\n  bo.berg: {namn: Bo Berg, parti: M}\n  dan.holm: {namn: Dan Holm}\n",
        );
    repo.write("rsr.yaml", &organisation);
    let body = repo.read("meetings/kn/body.yaml").replace(
        "ledamöter: []\n",
        "ledamöter:\n  - {person: anna.andersson, roll: ordförande}\n  - {person: bo.berg, roll: ledamot}\n  - {person: dan.holm, roll: sekreterare}\n",
    );
    repo.write("meetings/kn/body.yaml", &body);
    repo.rsr(FIRST_MEETING).success();
    repo.rsr(&["new", "item", "kn", "2027-02-10", "Budget 2027"])
        .success();
    repo.rsr(&["check", "--deny-warnings"]).success();
    repo.rsr(&["build"]).success();
    assert!(repo.path().join("out/kn/2027-02-10-kallelse.pdf").is_file());
    let public = repo.path().join("public");
    repo.rsr(&["publish", public.to_str().unwrap()]).success();
    assert!(public.join("index.html").is_file());
    // Every YAML file rsr wrote names its schema and validates against it.
    assert_yaml_validates(repo.path());
}

#[test]
fn init_refuses_a_repository_and_files_it_would_overwrite_writing_nothing() {
    let repo = Repo::minimal();
    let before = files(repo.path());
    let err = repo
        .rsr(&["init", "--organisation", "Andra kommunen"])
        .usage_failure()
        .stderr();
    assert!(
        err.contains("holds an rsr repository already (rsr.yaml)"),
        "{err}"
    );
    assert_eq!(files(repo.path()), before);

    // A folder with a README of its own: nothing written, the file named.
    let repo = Repo::empty();
    repo.write("README.md", "# Vårt förråd\n");
    let err = repo
        .rsr(&["init", "--organisation", "Åre kommun", "--ci", "gitlab"])
        .usage_failure()
        .stderr();
    assert!(
        err.contains("rsr init would write files that exist in .: README.md"),
        "{err}"
    );
    assert_eq!(files(repo.path()), ["README.md"]);
    assert_eq!(repo.read("README.md"), "# Vårt förråd\n");

    // --body without --kortnamn is a usage error from the command line.
    let repo = Repo::empty();
    repo.rsr(&["init", "--organisation", "X", "--body", "Kulturnämnden"])
        .usage_failure();
    assert!(files(repo.path()).is_empty());
}

#[test]
fn init_into_a_new_folder_with_gitlab_and_where_rsr_is_kept() {
    let repo = Repo::empty();
    repo.rsr(&[
        "init",
        "kf",
        "--organisation",
        "Åre kommun",
        "--body",
        "Kommunfullmäktige",
        "--kortnamn",
        "KF",
        "--typ",
        "fullmäktige",
        "--ci",
        "gitlab",
        "--rsr-git",
        "https://gitlab.example.se/it/rsr.git",
    ])
    .success();
    let root = repo.path().join("kf");
    let ci = std::fs::read_to_string(root.join(".gitlab-ci.yml")).unwrap();
    assert!(
        ci.contains("  RSR_GIT: https://gitlab.example.se/it/rsr.git\n"),
        "{ci}"
    );
    assert!(!root.join(".github").exists());
    let body = std::fs::read_to_string(root.join("meetings/kf/body.yaml")).unwrap();
    assert!(body.contains("\ntyp: fullmäktige\n"), "{body}");
    let check = crate::support::rsr_command()
        .args(["check", "--deny-warnings"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
}

#[test]
fn new_body_adds_a_body_and_refuses_a_short_name_taken() {
    let repo = Repo::minimal();
    let run = repo
        .rsr(&[
            "new",
            "body",
            "Barn- och utbildningsnämnden",
            "--kortnamn",
            "BUN",
        ])
        .success();
    assert!(
        run.stderr().contains("Created meetings/bun/body.yaml"),
        "{}",
        run.stderr()
    );
    let body = repo.read("meetings/bun/body.yaml");
    assert!(body.starts_with("# yaml-language-server: $schema=../../schema/body.json\nnamn: Barn- och utbildningsnämnden\nkortnamn: BUN\ntyp: nämnd\n"), "{body}");
    repo.rsr(&["check", "--deny-warnings"]).success();
    let err = repo
        .rsr(&[
            "new",
            "body",
            "Kulturnämnd två",
            "--kortnamn",
            "kn",
            "--mapp",
            "kn2",
        ])
        .usage_failure()
        .stderr();
    assert!(
        err.contains("a body with the short name kn exists already (meetings/kn/body.yaml)"),
        "{err}"
    );
    assert!(!repo.path().join("meetings/kn2").exists());
}

#[test]
fn new_meeting_names_every_missing_default_at_once() {
    let repo = Repo::empty();
    repo.rsr(&[INIT_KN, &["--ci", "none"]].concat()).success();
    let err = repo
        .rsr(&["new", "meeting", "kn", "2027-02-10"])
        .usage_failure()
        .stderr();
    assert!(
        err.contains("neither a place nor a start time is known for Kulturnämnden: give --place and --start, or set `förval: {plats: …, start: …}` in meetings/kn/body.yaml"),
        "{err}"
    );
    repo.rsr(&[
        "new",
        "meeting",
        "kn",
        "2027-02-10",
        "--place",
        "Kommunhuset",
    ])
    .usage_failure();
    repo.rsr(FIRST_MEETING).success();
    let meeting = repo.read("meetings/kn/2027-02-10/meeting.yaml");
    assert!(
        meeting.starts_with("# yaml-language-server: $schema=../../../schema/meeting.json\n"),
        "{meeting}"
    );
    // What nothing gave is there to fill in, as a comment.
    assert!(meeting.contains("\n# slut: \"16:00\"\n"), "{meeting}");
    assert!(meeting.contains("\n# form: fysiskt"), "{meeting}");
    assert_yaml_validates(repo.path());
}
