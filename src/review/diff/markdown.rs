//! The report as Markdown for a pull-request comment: a word diff of each
//! field, and escaping so that no text from YAML acts as Markdown or
//! notifies anyone.

use super::*;

/// Words of unchanged text kept on each side of a change.
pub(super) const CONTEXT_WORDS: usize = 4;
/// A field's diff is cut after this many characters.
pub(super) const FIELD_LIMIT: usize = 400;
/// GitHub refuses comments above 65,536 characters.
pub(super) const COMMENT_LIMIT: usize = 60_000;

/// Unchanged words, ~~removed~~ and **added** ones, with a few words of
/// context around each change and the rest elided.
pub fn word_diff(old: &str, new: &str) -> String {
    let old = collapse(old);
    let new = collapse(new);
    let diff = similar::TextDiff::from_words(old.as_str(), new.as_str());
    // Runs of tokens with the same tag.
    let mut runs: Vec<(similar::ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    let count = runs.len();
    let mut out = String::new();
    for (index, (tag, text)) in runs.iter().enumerate() {
        match tag {
            similar::ChangeTag::Equal => {
                out.push_str(&context(text, index > 0, index + 1 < count));
            }
            similar::ChangeTag::Delete => out.push_str(&marked(text, "~~")),
            similar::ChangeTag::Insert => out.push_str(&marked(text, "**")),
        }
    }
    let out = out.trim().to_string();
    if out.chars().count() > FIELD_LIMIT {
        let cut: String = out.chars().take(FIELD_LIMIT).collect();
        format!("{cut} …")
    } else {
        out
    }
}

/// Whitespace, newlines included, as single spaces: a diff is one line.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Unchanged text between changes: its first and last few words.
pub(super) fn context(text: &str, after_change: bool, before_change: bool) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let keep = CONTEXT_WORDS + 1;
    if words.len() <= 2 * keep {
        return escape(text);
    }
    let head = if after_change {
        words[..keep].join(" ")
    } else {
        String::new()
    };
    let tail = if before_change {
        words[words.len() - keep..].join(" ")
    } else {
        String::new()
    };
    let head = escape(&head);
    let tail = escape(&tail);
    match (after_change, before_change) {
        (true, true) => format!("{head} … {tail}"),
        (true, false) => format!("{head} …"),
        (false, true) => format!("… {tail}"),
        (false, false) => escape(text),
    }
}

/// Changed words between markers, the spaces around them outside.
pub(super) fn marked(text: &str, marker: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_string();
    }
    let lead = if text.starts_with(' ') { " " } else { "" };
    let trail = if text.ends_with(' ') { " " } else { "" };
    format!("{lead}{marker}{}{marker}{trail}", escape(trimmed))
}

/// Text from YAML as literal Markdown: no markup, links, HTML or mentions.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '!' | '|'
            | '~' | '<' | '>' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A word joiner after @ keeps GitHub from notifying a user.
            '@' => out.push_str("@\u{2060}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The report as a pull-request comment.
pub fn markdown(report: &Report) -> String {
    let mut out = format!("{MARKER}\n## rsr: dokument som ändras\n\n");
    let count = |change: Change| {
        report
            .documents
            .iter()
            .filter(|d| d.change == change)
            .count()
    };
    let summary = [
        (count(Change::Changed), "ändras"),
        (count(Change::Added), "tillkommer"),
        (count(Change::Removed), "utgår"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect::<Vec<_>>();
    let base = format!("`{}` ({})", short(&report.commit), escape(&report.base));
    if summary.is_empty() {
        out.push_str(&format!("Jämfört med {base}: inga dokument ändras.\n"));
    } else {
        out.push_str(&format!(
            "Jämfört med {base}: {} dokument — {}.\n",
            report.documents.len(),
            sv::join_and(&summary)
        ));
    }
    // Also when no document's data changes: a template can change what an
    // adjusted protokoll prints.
    for warning in &report.warnings {
        out.push_str(&format!(
            "\n> [!WARNING]\n> {}\n",
            escape_keeping_code(warning)
        ));
    }
    if summary.is_empty() {
        return out;
    }
    for document in &report.documents {
        let mut section = format!(
            "\n### {}, {} {}\n`{}` · {}\n\n",
            document.title,
            escape(&document.body),
            document.date,
            document.path,
            document.change.label()
        );
        for field in &document.meeting {
            section.push_str(&format!("- Sammanträdet, {}\n", field_line(field)));
        }
        for item in &document.items {
            section.push_str(&format!(
                "- **{} {}** {}\n",
                item.label,
                escape(&item.title),
                item.change.label()
            ));
            for field in &item.fields {
                section.push_str(&format!("  - {}\n", field_line(field)));
            }
        }
        if document.elsewhere {
            section.push_str("- Ändringen kommer inte från sammanträdets filer: personregistret (rsr.yaml), organets body.yaml, numreringen eller rsr självt.\n");
        }
        if out.len() + section.len() > COMMENT_LIMIT {
            out.push_str("\n… fler dokument ändras; kör `rsr diff` lokalt för hela listan.\n");
            break;
        }
        out.push_str(&section);
    }
    out
}

/// "beslut: … 9 kap. ~~31 b~~ **31 c** § …"
pub(super) fn field_line(field: &FieldChange) -> String {
    match &field.diff {
        Some(diff) if !diff.is_empty() => format!("{}: {diff}", field.field),
        Some(_) => format!("{}: tas bort", field.field),
        None => format!("{} ändras (sekretess: innehållet visas inte)", field.field),
    }
}

/// A message of rsr's own whose `code` spans are kept; the rest escaped.
pub(super) fn escape_keeping_code(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(index, part)| {
            if index % 2 == 1 {
                format!("`{part}`")
            } else {
                escape(part)
            }
        })
        .collect()
}
