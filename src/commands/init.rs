//! `rsr init`: a meeting repository from an empty folder. Every file is
//! composed first and written only when none of them exists; a failure half
//! way removes what was written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::args::{Ci, InitArgs};
use crate::error::Error;
use crate::lang::t;
use crate::repo::load::ORGANISATION_FILE;
use crate::repo::scaffold::{self, NewBody};
use crate::schema::FileKind;

/// rsr's own CI workflows, which a meeting repository copies.
const GITHUB: &str = include_str!("../../.github/workflows/rsr.yml");
const GITLAB: &str = include_str!("../../.gitlab-ci.yml");

/// What RSR_GIT says until the organisation says where it keeps rsr.
const PLACEHOLDER_GIT: &str = "https://example.invalid/your-organisation/rsr.git";

pub fn init(args: &InitArgs) -> Result<ExitCode, Error> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if dir.join(ORGANISATION_FILE).symlink_metadata().is_ok() {
        return Err(Error::Usage(t!(
            "cmd-init-exists",
            folder = &dir,
            file = ORGANISATION_FILE
        )));
    }
    let files = files(args)?;
    let taken: Vec<String> = files
        .iter()
        .filter(|(path, _)| dir.join(path).symlink_metadata().is_ok())
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !taken.is_empty() {
        return Err(Error::Usage(t!(
            "cmd-init-taken",
            folder = &dir,
            files = taken.join(", ")
        )));
    }
    write_all(&dir, &files)?;
    let written: Vec<String> = files
        .iter()
        .map(|(path, _)| path.display().to_string())
        .filter(|path| !path.starts_with("schema/"))
        .chain(["schema/".to_string()])
        .collect();
    crate::cli::say(&t!(
        "cmd-init-done",
        folder = &dir,
        files = written.join(", "),
        body = args.kortnamn.as_deref().unwrap_or("").to_lowercase()
    ));
    if args.ci != Ci::None && args.rsr_git.is_none() {
        crate::cli::say(&t!("cmd-init-set-git", file = ci_file(args.ci)));
    }
    Ok(ExitCode::SUCCESS)
}

/// Every file of the new repository, relative to its folder, and its text.
fn files(args: &InitArgs) -> Result<Vec<(PathBuf, String)>, Error> {
    let mut files = vec![
        (PathBuf::from(ORGANISATION_FILE), organisation(args)),
        (PathBuf::from(".gitignore"), "out/\n".to_string()),
        (PathBuf::from("README.md"), readme(args)),
        (PathBuf::from(".vscode/settings.json"), EDITOR.to_string()),
    ];
    if let (Some(name), Some(short)) = (&args.body, &args.kortnamn) {
        let body = NewBody {
            name,
            short_name: short,
            kind: args.typ,
            folder: None,
        };
        files.push((body.dir().join(crate::repo::load::BODY_FILE), body.yaml()));
    }
    for kind in FileKind::ALL {
        files.push((
            PathBuf::from("schema").join(kind.file_name()),
            crate::schema::text(kind),
        ));
    }
    if args.ci != Ci::None {
        files.push((PathBuf::from(ci_file(args.ci)), workflow(args)?));
    }
    Ok(files)
}

fn ci_file(ci: Ci) -> &'static str {
    match ci {
        Ci::Gitlab => ".gitlab-ci.yml",
        _ => ".github/workflows/rsr.yml",
    }
}

/// rsr.yaml: the organisation, and the register of persons to fill in.
fn organisation(args: &InitArgs) -> String {
    format!(
        "{}{}organisation: {}\n\n{}",
        scaffold::schema_comment(Path::new(""), "rsr"),
        ORGANISATION_COMMENTS,
        scaffold::scalar(&args.organisation),
        PERSONS
    )
}

const ORGANISATION_COMMENTS: &str = "\
# Organisationen och dess personregister. Organ, sammanträden och ärenden
# hänvisar till personer med id:n härifrån; gäster kan i stället skrivas
# direkt som `{namn: Anna Frisk}`. Fälten beskrivs i rsr:s docs/format.md.
";

const PERSONS: &str = "\
# Personer efter ett id som aldrig ändras, t.ex.
#   anna.andersson: {namn: Anna Andersson, parti: S}
#   dan.holm: {namn: Dan Holm}
personer: {}
";

/// The editor settings that give each kind of YAML file its schema, with
/// or without a `$schema` line in it (VS Code's YAML extension).
const EDITOR: &str = r#"{
  "yaml.schemas": {
    "./schema/rsr.json": "rsr.yaml",
    "./schema/body.json": "meetings/*/body.yaml",
    "./schema/meeting.json": "meetings/*/*/meeting.yaml",
    "./schema/item.json": ["meetings/*/*/*.yaml", "!meetings/*/*/meeting.yaml", "!meetings/*/delegationsbeslut/*.yaml", "!meetings/*/motioner/*.yaml"],
    "./schema/delegationsbeslut.json": "meetings/*/delegationsbeslut/*.yaml",
    "./schema/motioner.json": "meetings/*/motioner/*.yaml"
  },
  "files.associations": {
    "justering.lock": "yaml"
  }
}
"#;

/// The CI workflow rsr itself carries, with RSR_GIT and RSR_REF set: the
/// tag of this rsr's version, so that CI makes the documents this rsr
/// makes.
fn workflow(args: &InitArgs) -> Result<String, Error> {
    let template = match args.ci {
        Ci::Gitlab => GITLAB,
        _ => GITHUB,
    };
    let git = args.rsr_git.as_deref().unwrap_or(PLACEHOLDER_GIT);
    let version = format!("v{}", env!("CARGO_PKG_VERSION"));
    let mut replaced = 0;
    let text: Vec<String> = template
        .lines()
        .map(|line| {
            let indent = &line[..line.len() - line.trim_start().len()];
            if line.trim_start().starts_with("RSR_GIT: ") {
                replaced += 1;
                format!("{indent}RSR_GIT: {git}")
            } else if line.trim_start().starts_with("RSR_REF: ") {
                replaced += 1;
                format!("{indent}RSR_REF: {version}")
            } else {
                line.to_string()
            }
        })
        .collect();
    // rsr's own workflows set both once; anything else is a bug here.
    if replaced != 2 {
        return Err(Error::Internal(t!("cmd-init-workflow")));
    }
    Ok(text.join("\n") + "\n")
}

/// A README for the meeting repository, in Swedish: what is where and the
/// commands of a meeting's life.
fn readme(args: &InitArgs) -> String {
    let body = args
        .kortnamn
        .as_deref()
        .map_or_else(|| "<organ>".to_string(), str::to_lowercase);
    format!(
        "# {organisation}: sammanträdeshandlingar\n\n{README}",
        organisation = args.organisation,
    )
    .replace("{body}", &body)
}

const README: &str = "\
Kallelser, protokoll, protokollsutdrag, sammanträdesplaner och anslagsbevis
som PDF, gjorda med [rsr](https://example.invalid/your-organisation/rsr) ur
YAML-filerna i det här förrådet.

## Vad som finns var

- `rsr.yaml`: organisationen och personregistret (`personer:`).
- `meetings/<organ>/body.yaml`: ett organ, dess ledamöter och förval.
- `meetings/<organ>/<ÅÅÅÅ-MM-DD>/meeting.yaml`: ett sammanträde; varje
  ärende är en egen fil bredvid, i filnamnsordning (`01-…yaml`, `02-…yaml`).
- `schema/`: scheman som ger komplettering och kontroll i editorn.
- `out/`: de byggda dokumenten (checkas inte in).

## Ett sammanträde

```sh
rsr new meeting {body} 2027-02-10                 # ett nytt sammanträde
rsr new item {body} 2027-02-10 \"Budget 2027\"      # ett ärende till
rsr check                                         # alla fel på en gång
rsr build                                         # PDF:erna i out/
rsr watch --open                                  # bygger om vid varje ändring
rsr justera {body} 2027-02-10                     # justerar och förseglar protokollet
rsr publish public/                               # det som får publiceras
```

En ändring i ett justerat protokoll förs in som en rättelse under
`rättelser:` i meeting.yaml; `rsr check` säger till om allt annat.
";

/// Writes every file through a temporary name; on a failure removes those
/// written so far, and the folders it made.
fn write_all(dir: &Path, files: &[(PathBuf, String)]) -> Result<(), Error> {
    let mut written: Vec<PathBuf> = Vec::new();
    let mut made: Vec<PathBuf> = Vec::new();
    let result = files.iter().try_for_each(|(path, text)| {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            let missing: Vec<PathBuf> = parent
                .ancestors()
                .take_while(|folder| !folder.exists())
                .map(Path::to_path_buf)
                .collect();
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            made.extend(missing);
        }
        crate::output::write::file(&target, text.as_bytes())?;
        written.push(target);
        Ok(())
    });
    if result.is_err() {
        for file in &written {
            let _ = std::fs::remove_file(file);
        }
        // Deepest first.
        made.sort_by_key(|folder| std::cmp::Reverse(folder.components().count()));
        for folder in &made {
            let _ = std::fs::remove_dir(folder);
        }
    }
    result
}
