//! The four ways `rsr check` reports: for a person (source snippets, colour
//! at a terminal), as JSON for tools, as GitHub workflow annotations, and as
//! a GitLab Code Quality report.

use std::io::{self, Write};
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;
use serde::Serialize;

use crate::error::{Diagnostic, Severity};
use crate::repo::model::Limits;
use crate::repo::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Source snippets with carets, coloured at a terminal.
    #[default]
    Human,
    /// A JSON array of {severity, rule, file, line, column, message, hint}.
    Json,
    /// GitHub Actions workflow commands: ::error file=…,line=…,col=…::message
    Github,
    /// A GitLab Code Quality report (JSON), shown on the merge request.
    Gitlab,
}

/// Human output: every diagnostic, then a count.
pub fn human(root: &Path, diagnostics: &[Diagnostic], out: &mut dyn WriteColor) -> io::Result<()> {
    emit_all(root, diagnostics, out)?;
    writeln!(out, "{}", summary(diagnostics))
}

/// Every diagnostic with a snippet of its file. `root` is the repository
/// root the locations are relative to.
pub fn emit_all(
    root: &Path,
    diagnostics: &[Diagnostic],
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    // Through the store and so the sandbox: a snippet never shows a file
    // outside the repository, nor reads one too large to parse.
    let files = Store::new(root);
    for diagnostic in diagnostics {
        let text = files.snippet(&diagnostic.loc.file, Limits::DEFAULT.yaml_bytes());
        diagnostic.emit(text, out)?;
    }
    Ok(())
}

/// "2 errors, 1 warning" or "no problems found".
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    match (errors, warnings) {
        (0, 0) => crate::lang::t!("check-summary-none"),
        (e, 0) => crate::lang::t!("check-summary-errors", errors = e),
        (0, w) => crate::lang::t!("check-summary-warnings", warnings = w),
        (e, w) => crate::lang::t!("check-summary-both", errors = e, warnings = w),
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    rule: &'a str,
    file: String,
    line: u64,
    column: u64,
    message: &'a str,
    hint: Option<&'a str>,
}

pub fn json(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            severity: d.severity,
            rule: d.rule,
            file: slashed(&d.loc.file),
            line: d.loc.line,
            column: d.loc.column,
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

pub fn github(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(hint) = &d.hint {
            message = format!(
                "{message}\n{}",
                crate::lang::t!("hint", hint = hint.as_str())
            );
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            property(&slashed(&d.loc.file)),
            d.loc.line,
            d.loc.column,
            property(&format!("rsr {}", d.rule)),
            data(&message)
        )?;
    }
    Ok(())
}

/// One issue of a GitLab Code Quality report.
#[derive(Serialize)]
struct CodeQuality {
    description: String,
    check_name: String,
    /// Tells GitLab which issues are the same from one pipeline to the next.
    fingerprint: String,
    severity: &'static str,
    location: CodeQualityLocation,
}

#[derive(Serialize)]
struct CodeQualityLocation {
    path: String,
    lines: CodeQualityLines,
}

#[derive(Serialize)]
struct CodeQualityLines {
    begin: u64,
}

/// GitLab's Code Quality report: errors are `major`, warnings `minor`.
pub fn gitlab(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let issues: Vec<CodeQuality> = diagnostics
        .iter()
        .map(|d| {
            let path = slashed(&d.loc.file);
            let line = d.loc.line.max(1);
            let description = match &d.hint {
                Some(hint) => format!(
                    "{} ({})",
                    d.message,
                    crate::lang::t!("hint", hint = hint.as_str())
                ),
                None => d.message.clone(),
            };
            let place = format!("{}:{line}:{}", path, d.loc.column);
            CodeQuality {
                fingerprint: crate::output::manifest::hash(&[
                    d.rule.as_bytes(),
                    place.as_bytes(),
                    d.message.as_bytes(),
                ]),
                check_name: format!("rsr {}", d.rule),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                description,
                location: CodeQualityLocation {
                    path,
                    lines: CodeQualityLines { begin: line },
                },
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// Paths as GitHub and JSON readers expect them, with forward slashes.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Escapes a workflow command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repo::model::Loc;

    #[test]
    fn github_annotations_escape_what_would_break_them() {
        let diagnostic = Diagnostic::error(
            "unknown-field",
            Loc {
                file: "meetings/a,b/x.yaml".into(),
                line: 3,
                column: 7,
            },
            "100% wrong:\nhere",
        );
        let mut out = Vec::new();
        github(&[diagnostic], &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=meetings/a%2Cb/x.yaml,line=3,col=7,title=rsr unknown-field::100%25 wrong:%0Ahere\n"
        );
    }

    #[test]
    fn summaries_count_errors_and_warnings() {
        let loc = Loc {
            file: "f".into(),
            line: 1,
            column: 1,
        };
        let e = Diagnostic::error("a", loc.clone(), "x");
        let w = Diagnostic::warning("b", loc, "y");
        assert_eq!(summary(&[]), "rsr check: no problems found");
        assert_eq!(
            summary(&[e.clone(), e.clone(), w.clone()]),
            "rsr check: 2 errors, 1 warning"
        );
        assert_eq!(summary(&[w]), "rsr check: 1 warning");
    }
}
