//! The CI templates, run here: `.github/workflows/rsr.yml` and
//! `.gitlab-ci.yml` are read as YAML, every rsr command in them must parse,
//! and the shell of their jobs is run step by step in a git repository with
//! a pull request's change, the real rsr on PATH, and a stand-in for the
//! forge's API that records what the jobs ask of it: the documents are
//! built, the diff is posted once and then updated, and only what may be
//! published reaches the site. The forges' own actions (checkout, cache,
//! artifacts, Pages) are not run; their wiring is checked.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use clap::Parser;
use serde_json::Value;

use crate::support::{Repo, examples};

fn template(file: &str) -> Value {
    let text = std::fs::read_to_string(examples().join(file)).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn github() -> Value {
    template(".github/workflows/rsr.yml")
}

fn gitlab() -> Value {
    template(".gitlab-ci.yml")
}

/// Every shell script of a template: GitHub's `run:`, GitLab's
/// `before_script:` and `script:` entries.
fn scripts(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("run", Value::String(script)) => found.push(script.clone()),
                    ("script" | "before_script", Value::Array(lines)) => {
                        found.extend(lines.iter().filter_map(|l| l.as_str()).map(String::from));
                    }
                    _ => scripts(value, found),
                }
            }
        }
        Value::Array(values) => values.iter().for_each(|v| scripts(v, found)),
        _ => {}
    }
}

/// The rsr invocations of a script, as argument lists (up to a redirection
/// or the end of the command).
fn rsr_commands(script: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    for line in script.lines() {
        let line = line.replace(';', " ; ");
        let words: Vec<&str> = line.split_whitespace().collect();
        for (at, word) in words.iter().enumerate() {
            let command_position =
                at == 0 || matches!(words[at - 1], "||" | "&&" | ";" | "{" | "then" | "do" | "|");
            if command_position && (*word == "rsr" || word.ends_with("/rsr")) {
                let args: Vec<String> = words[at..]
                    .iter()
                    .take_while(|w| !matches!(**w, ">" | "|" | "||" | "&&" | ";"))
                    .map(|w| w.trim_matches('"').to_string())
                    .collect();
                if args.len() > 1 && !args[1].starts_with('"') && args[1] != "rsr" {
                    commands.push(args);
                }
            }
        }
    }
    commands
}

#[test]
fn every_rsr_command_in_the_templates_is_one_rsr_understands() {
    for (name, template) in [("GitHub", github()), ("GitLab", gitlab())] {
        let mut found = Vec::new();
        scripts(&template, &mut found);
        let commands: Vec<Vec<String>> = found.iter().flat_map(|s| rsr_commands(s)).collect();
        let verbs: Vec<&str> = commands.iter().map(|c| c[1].as_str()).collect();
        for verb in ["check", "build", "diff", "publish"] {
            assert!(verbs.contains(&verb), "{name}: no rsr {verb} in {verbs:?}");
        }
        for command in &commands {
            let command: Vec<String> = std::iter::once("rsr".to_string())
                .chain(command[1..].iter().cloned())
                .collect();
            if let Err(e) = rsr::cli::Cli::try_parse_from(&command) {
                panic!("{name}: `{}` does not parse: {e}", command.join(" "));
            }
        }
        // The note is found again by the marker rsr diff writes.
        assert!(
            found.iter().any(|s| s.contains(rsr::review::diff::MARKER)),
            "{name}: no script looks for {}",
            rsr::review::diff::MARKER
        );
    }
}

#[test]
fn the_github_workflow_is_wired_for_pull_requests_and_pages() {
    let workflow = github();
    assert!(workflow["on"]["pull_request"].is_null() || workflow["on"]["pull_request"].is_object());
    assert!(workflow["on"].get("pull_request").is_some());
    assert_eq!(
        workflow["on"]["push"]["branches"],
        serde_json::json!(["main"])
    );
    let jobs = &workflow["jobs"];
    assert_eq!(jobs["documents"]["needs"], "rsr");
    assert_eq!(jobs["documents"]["permissions"]["pull-requests"], "write");
    let steps = jobs["documents"]["steps"].as_array().unwrap();
    let uses = |action: &str| {
        steps
            .iter()
            .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(action)))
            .unwrap_or_else(|| panic!("no {action}"))
    };
    // The checkout has the history rsr diff needs.
    assert_eq!(uses("actions/checkout")["with"]["fetch-depth"], 0);
    // The reviewers' artifact is what may be published and the drafts;
    // out/, confidential items included, only when the repository asks.
    let artifacts: Vec<&Value> = steps
        .iter()
        .filter(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-artifact"))
        })
        .collect();
    assert_eq!(artifacts.len(), 2);
    assert_eq!(artifacts[0]["with"]["path"], "${{ runner.temp }}/review/");
    assert!(artifacts[0]["if"].is_null());
    assert_eq!(artifacts[1]["with"]["path"], "out/");
    assert_eq!(
        artifacts[1]["if"],
        "${{ vars.RSR_INTERNAL_ARTIFACT == 'true' }}"
    );
    assert_eq!(
        uses("actions/upload-pages-artifact")["with"]["path"],
        "${{ runner.temp }}/site/"
    );
    // rsr is built in its own job, kept in the cache and handed on.
    let rsr_steps = jobs["rsr"]["steps"].as_array().unwrap();
    let cache = rsr_steps
        .iter()
        .find(|s| s["id"] == "cache")
        .expect("a cache step");
    assert!(
        cache["with"]["key"]
            .as_str()
            .unwrap()
            .contains("steps.which.outputs.key")
    );
    let build = rsr_steps.iter().find(|s| s["name"] == "Build rsr").unwrap();
    assert_eq!(build["if"], "steps.cache.outputs.cache-hit != 'true'");
    // Pages only from main, with the permissions deploy-pages needs.
    let pages = &jobs["pages"];
    assert!(pages["if"].as_str().unwrap().contains("refs/heads/main"));
    assert_eq!(pages["permissions"]["pages"], "write");
    assert_eq!(pages["permissions"]["id-token"], "write");
    assert!(
        pages["steps"][0]["uses"]
            .as_str()
            .unwrap()
            .starts_with("actions/deploy-pages")
    );
}

/// What a stand-in forge API was asked.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    path: String,
    body: String,
    token: Option<String>,
}

/// A forge API on localhost: GET answers `listing`, anything else `{}`.
struct Forge {
    url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Forge {
    fn start(listing: &str) -> Forge {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        let listing = listing.to_string();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { break };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let (method, path, headers) = read_request(&mut reader);
                let mut length = 0;
                let mut token = None;
                for (name, value) in headers {
                    match name.as_str() {
                        "content-length" => length = value.parse().unwrap(),
                        "authorization" | "private-token" => token = Some(value),
                        _ => {}
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                seen.lock().unwrap().push(Request {
                    method: method.clone(),
                    path,
                    body: String::from_utf8(body).unwrap(),
                    token,
                });
                let answer = if method == "GET" {
                    listing.as_str()
                } else {
                    "{}"
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                    answer.len()
                );
            }
        });
        Forge { url, requests }
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// "METHOD path" of every request, in order.
    fn calls(&self) -> Vec<String> {
        let requests = self.requests();
        requests
            .iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect()
    }
}

/// The examples on `main` in a bare `origin`, checked out on a branch that
/// retitles an item of the kallelse RSR 2026-01-26 (a pull request).
fn pull_request() -> (Repo, String, Repo) {
    let repo = Repo::examples();
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    repo.commit("Examples");
    let main = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    let remote = Repo::empty();
    let origin = remote.path().join("origin.git");
    repo.git(&["clone", "--quiet", "--bare", ".", origin.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", origin.to_str().unwrap()]);
    repo.git(&["fetch", "--quiet", "origin"]);
    repo.git(&["checkout", "--quiet", "-b", "ny-rubrik"]);
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik: Uppföljning av verksamhet",
        "rubrik: Årlig uppföljning av verksamhet",
    );
    repo.commit("Ny rubrik");
    (repo, main, remote)
}

/// Runs a script as the forges do (bash, stop at the first failure). The
/// PDFs it leaves in `dir` are checked before a test removes the site.
fn bash(dir: &Path, script: &str, env: &BTreeMap<String, String>) -> Output {
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .env_clear()
        .env("HOME", std::env::var_os("HOME").unwrap_or_default())
        .env("LANG", "en_GB.UTF-8")
        .envs(env)
        .output()
        .unwrap();
    crate::conformance::assert_pdfs_under(dir);
    output
}

/// The folder of the rsr under test, first on PATH, then the system's.
fn path_with(dir: &Path) -> String {
    let system = std::env::var("PATH").unwrap_or_default();
    format!("{}:{system}", dir.display())
}

fn rsr_binary_in(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    // A link, not a copy: a copy is a file open for writing, and a process
    // another test forks meanwhile inherits that descriptor, so running the
    // copy fails with "Text file busy" (ETXTBSY) now and then.
    let link = dir.join("rsr");
    if link.symlink_metadata().is_ok() {
        std::fs::remove_file(&link).unwrap();
    }
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rsr"), link).unwrap();
}

/// Runs the `documents` job of the GitHub workflow for `event`
/// (`pull_request` or `push`), the way a runner would: each `run:` step
/// whose `if:` holds, with its `env:` and the runner's variables, PATH
/// extended by `$GITHUB_PATH`. Returns the runner's temp folder.
fn run_github_job(repo: &Repo, forge: &Forge, event: &str) -> PathBuf {
    let workflow = github();
    let temp = repo.path().join(".runner-temp");
    // What the download-artifact step leaves.
    rsr_binary_in(&temp.join("rsr-bin"));
    let github_path = temp.join("github-path");
    std::fs::write(&github_path, "").unwrap();
    let mut base: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in workflow["env"].as_object().unwrap() {
        base.insert(name.clone(), value.as_str().unwrap().to_string());
    }
    for (name, value) in [
        ("RUNNER_TEMP", temp.display().to_string()),
        ("GITHUB_API_URL", forge.url.clone()),
        ("GITHUB_REPOSITORY", "region/handlingar".to_string()),
        ("GITHUB_PATH", github_path.display().to_string()),
        ("GITHUB_OUTPUT", temp.join("output").display().to_string()),
        (
            "GITHUB_STEP_SUMMARY",
            temp.join("summary.md").display().to_string(),
        ),
        ("GITHUB_WORKSPACE", repo.path().display().to_string()),
    ] {
        base.insert(name.to_string(), value);
    }
    let expression = |text: &str| -> String {
        let mut text = text.to_string();
        while let Some(start) = text.find("${{") {
            let end = start + text[start..].find("}}").unwrap() + 2;
            let value = match text[start + 3..end - 2].trim() {
                "runner.temp" => temp.display().to_string(),
                "github.base_ref" => "main".to_string(),
                "github.token" => "ghs_t0ken".to_string(),
                "github.event.pull_request.number" => "7".to_string(),
                "github.event.pull_request.head.repo.fork == true" => "false".to_string(),
                other => panic!("the test does not know `{other}`: add it"),
            };
            text.replace_range(start..end, &value);
        }
        text
    };
    let mut outcomes: BTreeMap<String, bool> = BTreeMap::new();
    for step in workflow["jobs"]["documents"]["steps"].as_array().unwrap() {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        if let Some(condition) = step["if"].as_str()
            && !holds(condition, event, &outcomes)
        {
            continue;
        }
        let mut env = base.clone();
        let added: Vec<String> = std::fs::read_to_string(&github_path)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        env.insert("PATH".into(), {
            let mut path = added.join(":");
            path.push(':');
            path.push_str(&std::env::var("PATH").unwrap_or_default());
            path
        });
        if let Some(vars) = step["env"].as_object() {
            for (name, value) in vars {
                env.insert(name.clone(), expression(value.as_str().unwrap()));
            }
        }
        let output = bash(repo.path(), script, &env);
        let name = step["name"].as_str().unwrap_or(script);
        assert!(
            output.status.success(),
            "step `{name}` failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if let Some(id) = step["id"].as_str() {
            outcomes.insert(id.to_string(), true);
        }
    }
    temp
}

/// A step's `if:`, for the conditions the workflow uses.
fn holds(condition: &str, event: &str, outcomes: &BTreeMap<String, bool>) -> bool {
    let condition = condition.trim();
    let condition = condition
        .strip_prefix("${{")
        .and_then(|c| c.strip_suffix("}}"))
        .unwrap_or(condition);
    condition.split("&&").all(|atom| match atom.trim() {
        "!cancelled()" => true,
        "github.event_name == 'pull_request'" => event == "pull_request",
        "github.event_name == 'push'" => event == "push",
        "github.ref == 'refs/heads/main'" => event == "push",
        "steps.diff.outcome == 'success'" => outcomes.get("diff") == Some(&true),
        "steps.check.outcome == 'success'" => outcomes.get("check") == Some(&true),
        other => panic!("the test does not know the condition `{other}`: add it"),
    })
}

/// What reviewers get (issue 19, point 6): the site, the public documents
/// and the drafts, each draft marked UTKAST; never the internal protokoll
/// of a meeting with confidential items or a confidential paragraph's
/// utdrag.
fn assert_review_artifact(review: &Path) {
    assert_site_without_confidential_items(review);
    let pdfs: Vec<PathBuf> = walkdir::WalkDir::new(review)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| e.into_path())
        .collect();
    let drafts = pdfs
        .iter()
        .filter(|pdf| crate::support::pdf_text(pdf, Some(1)).contains("UTKAST"))
        .count();
    assert!(drafts > 0, "no draft among {pdfs:?}");
}

#[test]
fn the_github_job_builds_and_posts_the_diff_once_then_updates_it() {
    let (repo, _, _remote) = pull_request();

    // No comment yet: one is created.
    let forge = Forge::start("[]");
    let temp = run_github_job(&repo, &forge, "pull_request");
    assert!(
        repo.path()
            .join("out/rsr/2026-01-26-kallelse.pdf")
            .is_file()
    );
    assert_eq!(
        forge.calls(),
        [
            "GET /repos/region/handlingar/issues/7/comments?per_page=100",
            "POST /repos/region/handlingar/issues/7/comments",
        ]
    );
    let requests = forge.requests();
    assert_eq!(requests[1].token.as_deref(), Some("Bearer ghs_t0ken"));
    let posted: Value = serde_json::from_str(&requests[1].body).unwrap();
    let comment = posted["body"].as_str().unwrap();
    let diff = std::fs::read_to_string(temp.join("rsr-diff.md")).unwrap();
    assert_eq!(
        comment, diff,
        "the comment is rsr diff's output, byte for byte"
    );
    assert!(comment.starts_with(rsr::review::diff::MARKER));
    assert!(
        comment.contains("Kallelse/föredragningslista, Regionens samverkansråd 2026-01-26"),
        "{comment}"
    );
    assert!(
        comment.contains("~~Uppföljning~~**Årlig uppföljning**"),
        "{comment}"
    );
    // The run's summary has it too.
    let summary = std::fs::read_to_string(temp.join("summary.md")).unwrap();
    assert!(summary.contains(rsr::review::diff::MARKER));
    assert_review_artifact(&temp.join("review"));

    // A comment of ours is there, beside someone else's: it is updated.
    let listing = serde_json::json!([
        {"id": 41, "body": "Ser bra ut!"},
        {"id": 42, "body": format!("{}\nold", rsr::review::diff::MARKER)},
    ]);
    let forge = Forge::start(&listing.to_string());
    std::fs::remove_dir_all(repo.path().join(".runner-temp")).unwrap();
    run_github_job(&repo, &forge, "pull_request");
    assert_eq!(
        forge.calls(),
        [
            "GET /repos/region/handlingar/issues/7/comments?per_page=100",
            "PATCH /repos/region/handlingar/issues/comments/42",
        ]
    );
}

#[test]
fn the_github_job_on_main_publishes_only_what_may_be_published() {
    let (repo, _, _remote) = pull_request();
    let forge = Forge::start("[]");
    let temp = run_github_job(&repo, &forge, "push");
    assert!(forge.requests().is_empty(), "no comment on a push");
    assert_site_without_confidential_items(&temp.join("site"));
}

/// The site and the public version of BMN 2026-10-14's protokoll, without
/// its internal protokoll or the utdrag of its confidential paragraph.
fn assert_site_without_confidential_items(dir: &Path) {
    assert!(dir.join("index.html").is_file());
    assert!(dir.join("bmn/2026-10-14-protokoll-publik.pdf").is_file());
    assert!(!dir.join("bmn/2026-10-14-protokoll.pdf").exists());
    assert!(!dir.join("bmn/2026-10-14-protokollsutdrag-125.pdf").exists());
}

/// The GitLab `documents` job's shell for a merge request, then `pages`'.
fn run_gitlab_jobs(repo: &Repo, forge: &Forge, base: &str, token: bool) {
    let pipeline = gitlab();
    rsr_binary_in(&repo.path().join("rsr-bin"));
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in pipeline["variables"].as_object().unwrap() {
        let value = value.as_str().unwrap();
        env.insert(
            name.clone(),
            value.replace("$CI_PROJECT_DIR", &repo.path().display().to_string()),
        );
    }
    for (name, value) in [
        ("CI_PROJECT_DIR", repo.path().display().to_string()),
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_string()),
        ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main".to_string()),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.to_string()),
        ("CI_MERGE_REQUEST_IID", "3".to_string()),
        ("CI_PROJECT_ID", "5".to_string()),
        ("CI_API_V4_URL", format!("{}/api/v4", forge.url)),
        ("PATH", std::env::var("PATH").unwrap_or_default()),
    ] {
        env.insert(name.to_string(), value);
    }
    if token {
        env.insert("RSR_GITLAB_TOKEN".into(), "glpat-t0ken".into());
    }
    for job in ["documents", "pages"] {
        let job = &pipeline[job];
        let mut lines: Vec<&str> = job["before_script"]
            .as_array()
            .map(|a| a.iter().map(|l| l.as_str().unwrap()).collect())
            .unwrap_or_default();
        // The image's packages are this machine's.
        lines.retain(|l| !l.starts_with("apt-get"));
        lines.extend(
            job["script"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap()),
        );
        let output = bash(repo.path(), &lines.join("\n"), &env);
        assert!(
            output.status.success(),
            "GitLab job failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn the_gitlab_jobs_report_build_note_the_diff_and_publish() {
    let (repo, main, _remote) = pull_request();
    let forge = Forge::start("[]");
    run_gitlab_jobs(&repo, &forge, &main, true);

    // Code Quality report: no problems but what a copy of the examples in
    // a new history is: three locks naming commits of rsr's own history.
    let report: Value = serde_json::from_str(&repo.read("gl-code-quality-report.json")).unwrap();
    let report = report.as_array().unwrap();
    assert_eq!(report.len(), 3, "{report:?}");
    for entry in report {
        assert_eq!(entry["check_name"], "rsr lock-commit", "{entry}");
        assert_eq!(entry["severity"], "minor", "{entry}");
        assert!(
            entry["location"]["path"]
                .as_str()
                .unwrap()
                .ends_with("/justering.lock"),
            "{entry}"
        );
    }
    assert!(
        repo.path()
            .join("out/rsr/2026-01-26-kallelse.pdf")
            .is_file()
    );
    assert_eq!(
        forge.calls(),
        [
            "GET /api/v4/projects/5/merge_requests/3/notes?per_page=100&sort=asc",
            "POST /api/v4/projects/5/merge_requests/3/notes",
        ]
    );
    let requests = forge.requests();
    assert_eq!(requests[1].token.as_deref(), Some("glpat-t0ken"));
    let note: Value = serde_json::from_str(&requests[1].body).unwrap();
    assert_eq!(note["body"].as_str().unwrap(), repo.read("rsr-diff.md"));
    assert!(
        repo.read("rsr-diff.md")
            .contains("~~Uppföljning~~**Årlig uppföljning**")
    );
    // Pages: the public site only; the reviewers' artifact without the
    // internal documents, which the project has not asked for.
    let public = repo.path().join("public");
    assert!(public.join("index.html").is_file());
    assert!(!public.join("bmn/2026-10-14-protokoll.pdf").exists());
    assert_review_artifact(&repo.path().join("review"));
    assert!(!repo.path().join("internal").exists());

    // Again, with our note there: updated, not duplicated.
    std::fs::remove_dir_all(&public).unwrap();
    let listing =
        serde_json::json!([{"id": 42, "body": format!("{}\nold", rsr::review::diff::MARKER)}]);
    let forge = Forge::start(&listing.to_string());
    run_gitlab_jobs(&repo, &forge, &main, true);
    assert_eq!(
        forge.calls(),
        [
            "GET /api/v4/projects/5/merge_requests/3/notes?per_page=100&sort=asc",
            "PUT /api/v4/projects/5/merge_requests/3/notes/42",
        ]
    );

    // Without a token there is no note, and the job still passes.
    std::fs::remove_dir_all(&public).unwrap();
    let forge = Forge::start("[]");
    run_gitlab_jobs(&repo, &forge, &main, false);
    assert!(forge.requests().is_empty());
}

#[test]
fn a_broken_file_fails_the_gitlab_job_with_a_code_quality_report() {
    let (repo, _, _remote) = pull_request();
    repo.edit(
        "meetings/rsr/2026-01-26/05-energikontoret.yaml",
        "rubrik:",
        "rubrk:",
    );
    rsr_binary_in(&repo.path().join("rsr-bin"));
    let pipeline = gitlab();
    let script = pipeline["documents"]["script"][0].as_str().unwrap();
    let mut env = BTreeMap::new();
    env.insert("PATH".to_string(), path_with(&repo.path().join("rsr-bin")));
    let output = bash(repo.path(), script, &env);
    assert!(!output.status.success());
    // The log has the human report, the artifact the machine one.
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(
        log.contains("error[unknown-field]: unknown field `rubrk`"),
        "{log}"
    );
    let report: Value = serde_json::from_str(&repo.read("gl-code-quality-report.json")).unwrap();
    assert_eq!(report[0]["check_name"], "rsr unknown-field");
    assert_eq!(
        report[0]["location"]["path"],
        "meetings/rsr/2026-01-26/05-energikontoret.yaml"
    );
}

/// A stand-in for cargo that notes its arguments and leaves a binary where
/// `cargo build --release` or `cargo install --root R` would.
fn fake_cargo(dir: &Path) -> PathBuf {
    let bin = dir.join(".fake-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = dir.join(".cargo-calls");
    let script = format!(
        r#"#!/bin/sh
echo "$@" >> '{log}'
case "$1" in
  build) mkdir -p target/release && printf 'built\n' > target/release/rsr ;;
  install)
    while [ "$#" -gt 0 ]; do
      if [ "$1" = --root ]; then mkdir -p "$2/bin" && printf 'installed\n' > "$2/bin/rsr"; fi
      shift
    done ;;
esac
"#,
        log = log.display()
    );
    std::fs::write(bin.join("cargo"), script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(bin.join("cargo"), std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

fn cargo_calls(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join(".cargo-calls"))
        .unwrap_or_default()
        .lines()
        .map(String::from)
        .collect()
}

/// The GitLab `rsr` job's script and the GitHub `Which rsr` step, run in
/// `repo` with cargo replaced; returns the GitHub step's cache key.
fn run_rsr_jobs(repo: &Repo, rsr_git: &str) -> String {
    let bin = fake_cargo(repo.path());
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    env.insert("PATH".into(), path);
    env.insert("RSR_GIT".into(), rsr_git.into());
    env.insert("RSR_REF".into(), "main".into());
    let script = gitlab()["rsr"]["script"][0].as_str().unwrap().to_string();
    let output = bash(repo.path(), &script, &env);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let which = github()["jobs"]["rsr"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "which")
        .unwrap()["run"]
        .as_str()
        .unwrap()
        .to_string();
    let outputs = repo.path().join(".github-output");
    let _ = std::fs::remove_file(&outputs);
    env.insert("GITHUB_OUTPUT".into(), outputs.display().to_string());
    let output = bash(repo.path(), &which, &env);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = std::fs::read_to_string(&outputs).unwrap();
    written.trim().strip_prefix("key=").unwrap().to_string()
}

#[test]
fn rsr_is_built_once_per_version_of_its_source() {
    // rsr's own repository: keyed by the content of its source.
    let repo = Repo::empty();
    repo.write("Cargo.toml", "[package]\nname = \"rsr\"\n")
        .write("Cargo.lock", "")
        .write("src/main.rs", "fn main() {}\n");
    repo.git(&["init", "--quiet"]);
    repo.commit("rsr");
    let key = run_rsr_jobs(&repo, "unused");
    assert!(key.starts_with("source-"), "{key}");
    assert!(
        repo.path()
            .join(".rsr-cache")
            .join(&key)
            .join("rsr")
            .is_file()
    );
    assert_eq!(repo.read("rsr-bin/rsr"), "built\n");
    assert_eq!(cargo_calls(repo.path()), ["build --release --locked"]);

    // The same source again: from the cache, cargo not called.
    let again = run_rsr_jobs(&repo, "unused");
    assert_eq!(again, key);
    assert_eq!(cargo_calls(repo.path()).len(), 1);

    // A change to the source: a new key and a new build.
    repo.write("src/main.rs", "fn main() { println!(); }\n");
    repo.commit("change");
    let changed = run_rsr_jobs(&repo, "unused");
    assert_ne!(changed, key);
    assert_eq!(cargo_calls(repo.path()).len(), 2);
}

#[test]
fn a_meeting_repository_installs_the_commit_its_ref_names() {
    // Where the organisation keeps rsr: a git repository with one commit.
    let source = Repo::empty();
    source.write("README.md", "rsr\n");
    source.git(&["init", "--quiet", "--initial-branch=main"]);
    source.commit("rsr 0.1");
    let commit = source.git(&["rev-parse", "HEAD"]).trim().to_string();

    let (repo, _, _remote) = pull_request();
    let key = run_rsr_jobs(&repo, source.path().to_str().unwrap());
    assert_eq!(key, format!("git-{commit}"));
    let calls = cargo_calls(repo.path());
    assert_eq!(calls.len(), 1);
    assert!(
        calls[0].starts_with(&format!(
            "install --locked --git {} --rev {commit}",
            source.path().display()
        )),
        "{calls:?}"
    );
    assert_eq!(repo.read("rsr-bin/rsr"), "installed\n");
    run_rsr_jobs(&repo, source.path().to_str().unwrap());
    assert_eq!(cargo_calls(repo.path()).len(), 1, "not installed twice");
}

/// `rsr diff` runs in CI only when `rsr check` passed (issue 18, point 5):
/// on GitHub by the step's condition, on GitLab because a failed script
/// line ends the job before it.
#[test]
fn the_diff_runs_only_after_check_passed() {
    let workflow = github();
    let steps = workflow["jobs"]["documents"]["steps"].as_array().unwrap();
    let check = steps.iter().find(|s| s["name"] == "rsr check").unwrap();
    assert_eq!(check["id"], "check");
    let diff = steps.iter().find(|s| s["id"] == "diff").unwrap();
    assert!(
        diff["if"]
            .as_str()
            .unwrap()
            .contains("steps.check.outcome == 'success'"),
        "{diff}"
    );
    let gitlab =
        std::fs::read_to_string(crate::support::examples().join(".gitlab-ci.yml")).unwrap();
    let check = gitlab.find("- rsr check --format gitlab").unwrap();
    let diff = gitlab
        .find("rsr diff \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\"")
        .unwrap();
    assert!(check < diff);
    assert!(gitlab[check..diff].contains("exit 1"));
}

/// An HTTP request's method, path and headers (names in lower case),
/// read up to its body.
fn read_request(reader: &mut impl BufRead) -> (String, String, Vec<(String, String)>) {
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    let mut parts = first.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let path = parts.next().unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).unwrap();
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').unwrap_or((header, ""));
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    (method, path, headers)
}

/// A web server on localhost serving the files of `dir` (404 for any
/// other path); returns its URL.
fn serve_files(dir: &Path) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { break };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let (_, path, _) = read_request(&mut reader);
            let file = dir.join(path.trim_start_matches('/'));
            let (status, body) = match std::fs::read(&file) {
                Ok(bytes) if !path.contains("..") => ("200 OK", bytes),
                _ => ("404 Not Found", b"not found".to_vec()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    url
}

/// The release workflow: each tag builds rsr for five targets and attaches
/// the archives with SHA256SUMS; its Pack step, run here on a stand-in
/// binary, makes the archive the CI templates download.
#[test]
fn the_release_workflow_packs_what_the_templates_download() {
    let release = template(".github/workflows/release.yml");
    assert_eq!(release["on"]["push"]["tags"], serde_json::json!(["v*"]));
    let targets: Vec<&str> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["target"].as_str().unwrap())
        .collect();
    for wanted in [
        "x86_64-unknown-linux-gnu",
        "aarch64-unknown-linux-gnu",
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&wanted), "{wanted}: {targets:?}");
    }
    let last = release["jobs"]["release"]["steps"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["run"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(last.contains("sha256sum rsr-* > SHA256SUMS"), "{last}");
    assert!(last.contains("gh release create"), "{last}");
}

/// Runs the release's Pack step for this machine's Linux target on a
/// stand-in binary, then writes SHA256SUMS as the release job does;
/// returns the folder of the release's files.
fn released(dir: &Path, tag: &str, binary: &str) -> PathBuf {
    let release = template(".github/workflows/release.yml");
    let pack = release["jobs"]["build"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Pack")
        .unwrap()["run"]
        .as_str()
        .unwrap()
        .to_string();
    let arch = String::from_utf8(Command::new("uname").arg("-m").output().unwrap().stdout)
        .unwrap()
        .trim()
        .to_string();
    let target = format!("{arch}-unknown-linux-gnu");
    let work = dir.join("release-work");
    std::fs::create_dir_all(work.join(format!("target/{target}/release"))).unwrap();
    std::fs::write(work.join(format!("target/{target}/release/rsr")), binary).unwrap();
    std::fs::write(work.join("README.md"), "rsr\n").unwrap();
    let mut env = BTreeMap::new();
    env.insert("TARGET".to_string(), target);
    env.insert("TAG".to_string(), tag.to_string());
    env.insert("PATH".to_string(), std::env::var("PATH").unwrap());
    let output = bash(&work, &pack, &env);
    assert!(output.status.success(), "{output:?}");
    let dist = work.join("dist");
    let sums = bash(&dist, "sha256sum rsr-* > SHA256SUMS", &env);
    assert!(sums.status.success());
    dist
}

/// A meeting repository's CI takes the released binary for its RSR_REF
/// when the checksum holds, and builds rsr when it does not, or when
/// there is no release (issue 19, point 4).
#[test]
fn a_meeting_repository_uses_a_released_binary_whose_checksum_holds() {
    let source = Repo::empty();
    source.write("README.md", "rsr\n");
    source.git(&["init", "--quiet", "--initial-branch=main"]);
    source.commit("rsr 0.1");
    let (repo, _, _remote) = pull_request();
    let dist = released(repo.path(), "v9.9.9", "released\n");
    let url = serve_files(&dist);

    let run = |download: &str| {
        let bin = fake_cargo(repo.path());
        let mut env: BTreeMap<String, String> = BTreeMap::new();
        env.insert(
            "PATH".into(),
            format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
        );
        env.insert("RSR_GIT".into(), source.path().display().to_string());
        env.insert("RSR_REF".into(), "v9.9.9".into());
        env.insert("RSR_DOWNLOAD".into(), download.into());
        let _ = std::fs::remove_dir_all(repo.path().join(".rsr-cache"));
        let _ = std::fs::remove_dir_all(repo.path().join("rsr-bin"));
        let script = gitlab()["rsr"]["script"][0].as_str().unwrap().to_string();
        let output = bash(repo.path(), &script, &env);
        assert!(output.status.success(), "{output:?}");
        let gitlab_said = String::from_utf8_lossy(&output.stdout).into_owned();

        // GitHub's Build step, the same way (rustup a no-op stand-in).
        std::fs::write(bin.join("rustup"), "#!/bin/sh\nexit 0\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(bin.join("rustup"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
        let temp = repo.path().join(".runner-temp-rsr");
        let _ = std::fs::remove_dir_all(&temp);
        std::fs::create_dir_all(&temp).unwrap();
        let key = format!("git-{}", source.git(&["rev-parse", "HEAD"]).trim());
        env.insert("KEY".into(), key);
        env.insert("BIN".into(), temp.join("rsr-bin").display().to_string());
        env.insert("RUNNER_TEMP".into(), temp.display().to_string());
        let step = github()["jobs"]["rsr"]["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "Build rsr")
            .unwrap()["run"]
            .as_str()
            .unwrap()
            .to_string();
        let output = bash(repo.path(), &step, &env);
        assert!(output.status.success(), "{output:?}");
        assert_eq!(
            std::fs::read_to_string(temp.join("rsr-bin/rsr")).unwrap(),
            repo.read("rsr-bin/rsr"),
            "GitHub and GitLab take the same binary"
        );
        gitlab_said
    };
    let said = run(&url);
    assert!(
        said.contains("the released binary, its checksum verified"),
        "{said}"
    );
    assert_eq!(repo.read("rsr-bin/rsr"), "released\n");
    assert!(cargo_calls(repo.path()).is_empty());

    // A checksum that does not hold: the download is not used.
    let sums = std::fs::read_to_string(dist.join("SHA256SUMS")).unwrap();
    let tampered: String = sums
        .lines()
        .map(|line| format!("{}{}\n", "0".repeat(64), &line[64..]))
        .collect();
    std::fs::write(dist.join("SHA256SUMS"), tampered).unwrap();
    let said = run(&url);
    assert!(said.contains("No verified release of rsr v9.9.9"), "{said}");
    assert_eq!(repo.read("rsr-bin/rsr"), "installed\n");
    // GitLab's install and GitHub's.
    assert_eq!(cargo_calls(repo.path()).len(), 2);

    // No release at all: built as before.
    std::fs::write(dist.join("SHA256SUMS"), sums).unwrap();
    run(&format!("{url}/missing"));
    assert_eq!(repo.read("rsr-bin/rsr"), "installed\n");
    assert_eq!(cargo_calls(repo.path()).len(), 4);
}
