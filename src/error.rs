//! Errors of every stage, and how they are shown to the user: located problems
//! print with a source snippet through codespan-reporting, the reporter Typst
//! uses, so YAML errors and template errors look alike.

use std::fmt;
use std::io;
use std::path::PathBuf;

use codespan_reporting::diagnostic::{
    Diagnostic as Report, Label, LabelStyle, Severity as ReportSeverity,
};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};

/// Where a value stands in the repository: file (relative to the repository
/// root), 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    pub file: PathBuf,
    pub line: u64,
    pub column: u64,
}

/// How bad a problem is: errors stop a build, warnings are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem in the user's data: where, which rule, what was found and
/// what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stable id of the rule, e.g. `unknown-field`.
    pub rule: &'static str,
    pub loc: Loc,
    pub message: String,
    pub hint: Option<String>,
    /// What the finding is about, when another rule needs to know it
    /// without reading the message (which is in the run's language): the
    /// person id of an `unknown-person`.
    pub subject: Option<String>,
}

impl Diagnostic {
    pub fn error(rule: &'static str, loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            rule,
            loc,
            message: message.into(),
            hint: None,
            subject: None,
        }
    }

    pub fn warning(rule: &'static str, loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            rule,
            loc,
            message: message.into(),
            hint: None,
            subject: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Names what the finding is about (see `subject`).
    pub fn with_subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Prints the problem with a snippet of `text`, the file it points
    /// into (empty when it cannot be read).
    pub fn emit(&self, text: String, out: &mut dyn WriteColor) -> io::Result<()> {
        let report = match self.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        };
        let message = printable(&self.message);
        let hint = self.hint.as_deref().map(printable);
        let mut report = report.with_message(&message).with_code(self.rule);
        if let Some(hint) = &hint {
            report = report.with_notes(vec![crate::lang::t!("hint", hint = hint.as_ref())]);
        }
        let loc = &self.loc;
        let name = printable(&loc.file.display().to_string()).into_owned();
        // Nothing to show (a folder, a file that could not be read): the
        // place in words, not an empty line with a caret under it.
        if text.is_empty() {
            let mut notes = vec![crate::lang::t!("in-place", place = &name)];
            notes.extend(
                hint.as_ref()
                    .map(|hint| crate::lang::t!("hint", hint = hint.as_ref())),
            );
            let report = match self.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            };
            let report = report
                .with_message(&message)
                .with_code(self.rule)
                .with_notes(notes);
            return emit(out, &SimpleFile::new(name, String::new()), &report);
        }
        // Each character keeps its column, so the place is found after.
        let text = visible(text);
        let offset = byte_offset(&text, loc.line, loc.column);
        let end = text[offset..]
            .find(['\n', '\r'])
            .map_or(text.len(), |n| offset + n);
        let file = SimpleFile::new(name, text);
        emit(
            out,
            &file,
            &report.with_labels(vec![Label::primary((), offset..end)]),
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = &self.loc;
        write!(
            f,
            "{}:{}:{}: {}",
            printable(&loc.file.display().to_string()),
            loc.line,
            loc.column,
            printable(&self.message)
        )?;
        if let Some(hint) = &self.hint {
            let hint = printable(hint);
            write!(f, " ({})", crate::lang::t!("hint", hint = hint.as_ref()))?;
        }
        Ok(())
    }
}

/// Whether `c` would act on a terminal instead of showing: a C0 control
/// character other than tab and the line breaks, DEL, a C1 control
/// character, or one that turns the direction of the text around it.
fn acts(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` safe to print at a terminal: a character that would act on it
/// (see `acts`) is written as its escape, `\u{1b}`, so that text from a
/// file can neither move the cursor, clear the screen nor retitle the
/// terminal, and the reader learns which character it was.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(acts) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A file's text for a snippet, safe at a terminal with every character in
/// its column: a C0 control character or DEL shows as its sign of the
/// Control Pictures block (␛ for ESC), any other that would act as U+FFFD.
fn visible(text: String) -> String {
    if !text.chars().any(acts) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            c if !acts(c) => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            _ => '\u{fffd}',
        })
        .collect()
}

fn emit(
    out: &mut dyn WriteColor,
    file: &SimpleFile<String, String>,
    report: &Report<()>,
) -> io::Result<()> {
    let mut out = SeverityWord {
        inner: out,
        header: None,
    };
    term::emit_to_write_style(&mut out, &term::Config::default(), file, report)
        .map_err(io::Error::other)
}

/// Passes a report through to the terminal with the severity in the run's
/// language: codespan-reporting writes its English word ("error",
/// "warning") right after it styles the header, and this writer puts the
/// catalogue's word (`severity-error`: "fel") in its place. Everything
/// else, colours included, goes through as it is.
struct SeverityWord<'a> {
    inner: &'a mut dyn WriteColor,
    /// The severity whose header was just styled: its word comes next.
    header: Option<ReportSeverity>,
}

impl io::Write for SeverityWord<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let word = match self.header.take() {
            Some(ReportSeverity::Error) if buf == b"error" => {
                Some(crate::lang::t!("severity-error"))
            }
            Some(ReportSeverity::Warning) if buf == b"warning" => {
                Some(crate::lang::t!("severity-warning"))
            }
            _ => None,
        };
        match word {
            Some(word) => {
                self.inner.write_all(word.as_bytes())?;
                Ok(buf.len())
            }
            None => self.inner.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl term::WriteStyle for SeverityWord<'_> {
    fn set_header(&mut self, severity: ReportSeverity) -> io::Result<()> {
        self.header = Some(severity);
        term::WriteStyle::set_header(&mut *self.inner, severity)
    }

    fn set_header_message(&mut self) -> io::Result<()> {
        term::WriteStyle::set_header_message(&mut *self.inner)
    }

    fn set_line_number(&mut self) -> io::Result<()> {
        term::WriteStyle::set_line_number(&mut *self.inner)
    }

    fn set_note_bullet(&mut self) -> io::Result<()> {
        term::WriteStyle::set_note_bullet(&mut *self.inner)
    }

    fn set_source_border(&mut self) -> io::Result<()> {
        term::WriteStyle::set_source_border(&mut *self.inner)
    }

    fn set_label(&mut self, severity: ReportSeverity, style: LabelStyle) -> io::Result<()> {
        term::WriteStyle::set_label(&mut *self.inner, severity, style)
    }

    fn reset(&mut self) -> io::Result<()> {
        term::WriteStyle::reset(&mut *self.inner)
    }
}

/// Byte offset of a 1-based line and column (counted in characters), within
/// the text even when the position is not.
fn byte_offset(text: &str, line: u64, column: u64) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    let line_start = line_start.min(text.len());
    let rest = &text[line_start..];
    let within = rest
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(rest.len(), |(i, _)| i);
    line_start + within
}

/// Everything that can stop a command, by who can mend it; `code` gives
/// the exit code each means.
#[derive(Debug)]
pub enum Error {
    /// Problems in the repository's YAML, all of them at once. Exit 1.
    Data(Vec<Diagnostic>),
    /// A template failed to compile; the report is already rendered with the
    /// template's file, line and column. Exit 1.
    Template { document: PathBuf, report: String },
    /// The repository holds something rsr cannot use as it is: a template
    /// or attachment it may not read, an adjusted protokoll changed without
    /// a rättelse, files changed while rsr was building. Exit 1.
    Repository(String),
    /// The command line asked for something that does not exist or cannot
    /// be done: an unknown body or meeting, a revision that is not a
    /// commit, a folder that is not empty. Exit 2, as for arguments clap
    /// refuses.
    Usage(String),
    /// A file rsr could not read or write. Exit 3.
    Io { path: PathBuf, source: io::Error },
    /// What is wrong neither in the data nor in the command: a tool rsr
    /// runs (git) missing or failing, a file watcher that would not start,
    /// rsr's own site templates. Exit 3.
    Internal(String),
}

/// The exit codes, as `rsr --help` and docs/commands.md give them.
pub mod exit {
    /// Done, and nothing stopped it.
    pub const SUCCESS: u8 = 0;
    /// Problems in the repository's data: YAML, templates, attachments, a
    /// seal; or `rsr check` found an error.
    pub const DATA: u8 = 1;
    /// The command line asked for something that does not exist or cannot
    /// be done.
    pub const USAGE: u8 = 2;
    /// A file rsr could not read or write, or a failure of rsr itself or a
    /// tool it runs.
    pub const INTERNAL: u8 = 3;
}

impl Error {
    /// The exit code this error means.
    pub fn code(&self) -> u8 {
        match self {
            Error::Data(_) | Error::Template { .. } | Error::Repository(_) => exit::DATA,
            Error::Usage(_) => exit::USAGE,
            Error::Io { .. } | Error::Internal(_) => exit::INTERNAL,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Data(diagnostics) => {
                let lines: Vec<String> = diagnostics.iter().map(Diagnostic::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
            Error::Template { document, report } => {
                let document = document.display().to_string();
                let head = crate::lang::t!("could-not-typeset", document = document);
                write!(f, "{head}:\n{report}")
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Repository(message) | Error::Usage(message) | Error::Internal(message) => {
                f.write_str(message)
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_count_characters_not_bytes() {
        let text = "a: 1\nrubrik: Å x\n";
        assert_eq!(byte_offset(text, 2, 1), 5);
        assert_eq!(&text[byte_offset(text, 2, 11)..], "x\n");
    }

    #[test]
    fn what_would_act_on_a_terminal_is_shown_not_done() {
        assert_eq!(
            printable("plain text\twith a tab"),
            "plain text\twith a tab"
        );
        assert_eq!(
            printable("a\u{1b}]0;owned\u{7}b"),
            "a\\u{1b}]0;owned\\u{7}b"
        );
        assert_eq!(printable("x\u{202e}y\u{85}"), "x\\u{202e}y\\u{85}");
        let snippet = visible("rubrik: \"a\u{1b}[2Jb\u{7f}\u{9b}\"\nnext: 1\n".to_string());
        assert_eq!(
            snippet,
            "rubrik: \"a\u{241b}[2Jb\u{2421}\u{fffd}\"\nnext: 1\n"
        );
        // Every character keeps its column.
        assert_eq!(snippet.chars().count(), 27);
    }

    #[test]
    fn a_report_prints_no_control_character() {
        let finding = Diagnostic::error(
            "control-character",
            Loc {
                file: PathBuf::from("m\u{1b}.yaml"),
                line: 1,
                column: 11,
            },
            "found \u{1b}[2J in a text",
        )
        .with_hint("remove the \u{7} bell");
        let mut out = codespan_reporting::term::termcolor::Buffer::no_color();
        finding
            .emit("rubrik: \"a\u{1b}[2Jb\"\n".to_string(), &mut out)
            .unwrap();
        let printed = String::from_utf8(out.into_inner()).unwrap();
        assert!(!printed.chars().any(acts), "{printed:?}");
        assert!(printed.contains("found \\u{1b}[2J in a text"), "{printed}");
        assert!(printed.contains("\u{241b}[2Jb"), "{printed}");
        assert!(!finding.to_string().chars().any(acts));
    }
}
