//! Characters no shipped font can show (`crate::fonts`), found in the text
//! of a YAML file's values before any document is made: under PDF/A such a
//! character stops the document, and Typst would name it without saying
//! where it came from. Rule `glyph-missing`, one finding per value, at the
//! first such character.

use std::path::Path;

use granit_parser::{Event, Parser};

use crate::error::{Diagnostic, Loc};
use crate::fonts;

/// At most this many characters are named in one finding.
const NAMED: usize = 5;

/// The fields of long text (Markdown, printed as paragraphs), which may be
/// as long as they need: every other value may also become a string of the
/// PDF (a bookmark, the document's title, its author, an alternative text),
/// and a PDF string has a limit. A label under `rubriker:` is a heading,
/// whatever its id.
const LONG_TEXT: &[&str] = &[
    "ärendebeskrivning",
    "förslag_till_beslut",
    "beslut",
    "sammanfattning",
    "synpunkter",
    "propositionsordning",
    "motivering",
    "text",
    "informationsbeslut",
    "yrkar",
    "anledning",
    "underpunkter",
];

/// The most bytes a PDF string may hold (PDF/A: 32,767), less room for
/// what a document adds around the value ("§ 123 ", the body's name).
const PDF_STRING_BYTES: usize = 32_767 - 1_024;

/// The bytes `text` takes as a PDF text string: as it is when ASCII, else
/// UTF-16 with its byte order mark.
fn pdf_string_bytes(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        2 + 2 * text.encode_utf16().count()
    }
}

/// Where the parser is in a file: in a mapping (waiting for a key or for
/// the value of `key`) or in a sequence.
enum Open {
    Map {
        key: Option<String>,
        value_next: bool,
    },
    Seq,
}

/// Whether `c` is one that this rule is about: not covered, and not a
/// control character or noncharacter, which `control-character` reports.
fn missing(c: char) -> bool {
    !fonts::covers(c)
        && !c.is_control()
        && !matches!(c as u32, 0xFDD0..=0xFDEF)
        && (c as u32 & 0xFFFE) != 0xFFFE
}

/// The values of `text` (a YAML file, relative path `file`) that hold a
/// character no font can show, each as a located `glyph-missing` error.
pub fn check(text: &str, file: &Path) -> Vec<Diagnostic> {
    // A double-quoted value may write a character as an escape (`\u4E2D`);
    // only a file that long can hold a value too long for a PDF string.
    if !text.contains('\\') && !text.chars().any(missing) && text.len() <= PDF_STRING_BYTES / 2 {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else {
            break;
        };
        // Whether the next node is a key, and the field a value is of.
        let is_key = matches!(
            open.last(),
            Some(Open::Map {
                value_next: false,
                ..
            })
        );
        let field = open.iter().rev().find_map(|o| match o {
            Open::Map {
                key: Some(key),
                value_next: true,
            } => Some(key.clone()),
            _ => None,
        });
        let value = match event {
            Event::MappingStart(..) => {
                open.push(Open::Map {
                    key: None,
                    value_next: false,
                });
                continue;
            }
            Event::SequenceStart(..) => {
                open.push(Open::Seq);
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                open.pop();
                took_value(&mut open);
                continue;
            }
            Event::Alias(_) => {
                took_value(&mut open);
                continue;
            }
            Event::Scalar(value, ..) => value,
            _ => continue,
        };
        if is_key {
            if let Some(Open::Map { key, value_next }) = open.last_mut() {
                *key = Some(value.to_string());
                *value_next = true;
            }
            continue;
        }
        took_value(&mut open);
        let label = open
            .iter()
            .any(|o| matches!(o, Open::Map { key: Some(key), .. } if key == "rubriker"));
        let long_text = !label && field.as_deref().is_some_and(|f| LONG_TEXT.contains(&f));
        let bytes = pdf_string_bytes(&value);
        // Long text breaks into lines at its spaces; a run without one
        // stays one string of glyphs (two bytes each) on its line.
        let run = value
            .split(char::is_whitespace)
            .map(|word| word.chars().count())
            .max()
            .unwrap_or(0);
        let too_long = if long_text && 2 * run > PDF_STRING_BYTES {
            Some((
                crate::lang::t!(
                    "text-too-long-word",
                    characters = run,
                    limit = PDF_STRING_BYTES / 2
                ),
                crate::lang::t!("text-too-long-word-hint"),
            ))
        } else if !long_text && bytes > PDF_STRING_BYTES {
            Some((
                crate::lang::t!(
                    "text-too-long",
                    characters = value.chars().count(),
                    bytes = bytes,
                    limit = PDF_STRING_BYTES
                ),
                crate::lang::t!("text-too-long-hint"),
            ))
        } else {
            None
        };
        if let Some((message, hint)) = too_long {
            let (line, column) = place(&chars, span.start.index().min(chars.len()));
            let at = Loc {
                file: file.to_path_buf(),
                line,
                column,
            };
            found.push(Diagnostic::error("text-too-long", at, message).with_hint(hint));
        }
        let mut named: Vec<char> = Vec::new();
        for c in value.chars().filter(|c| missing(*c)) {
            if !named.contains(&c) && named.len() < NAMED {
                named.push(c);
            }
        }
        let Some(first) = named.first() else {
            continue;
        };
        // The character as written in the value; an escape (`"\u4E2D"`)
        // or a value the parser placed oddly points at the value's start.
        let start = span.start.index().min(chars.len());
        let end = span.end.index().clamp(start, chars.len());
        let at = chars[start..end]
            .iter()
            .position(|c| c == first)
            .map_or(start, |offset| start + offset);
        let (line, column) = place(&chars, at);
        let characters: Vec<String> = named.iter().map(|c| describe(*c)).collect();
        let characters = crate::lang::join_and(&characters);
        found.push(
            Diagnostic::error(
                "glyph-missing",
                Loc {
                    file: file.to_path_buf(),
                    line,
                    column,
                },
                crate::lang::t!("text-glyph-missing", characters = characters),
            )
            .with_hint(crate::lang::t!("text-glyph-missing-hint")),
        );
    }
    found
}

/// A value was read: the mapping it is in waits for its next key.
fn took_value(open: &mut [Open]) {
    if let Some(Open::Map { value_next, .. }) = open.last_mut() {
        *value_next = false;
    }
}

/// "中 (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D)".
fn describe(c: char) -> String {
    match unicode_names2::name(c) {
        Some(name) => format!("{c} (U+{:04X} {name})", c as u32),
        None => format!("{c} (U+{:04X})", c as u32),
    }
}

/// The 1-based line and column of the character at index `at`, with lines
/// broken as YAML breaks them (LF, CRLF or a lone CR), columns in
/// characters, and a byte order mark at the start not counted.
fn place(chars: &[char], at: usize) -> (u64, u64) {
    let (mut line, mut column) = (1u64, 1u64);
    let mut index = usize::from(chars.first() == Some(&'\u{feff}'));
    while index < at {
        match chars[index] {
            '\r' if chars.get(index + 1) == Some(&'\n') => {}
            '\r' | '\n' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        index += 1;
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_no_font_shows_is_found_where_it_is_written() {
        let text = "rubrik: Besök från 中国\nplats: \"Rum\"\n# 中 in a comment is nobody's\nbeslut: |\n  Ja.\n  Namnet 王 står kvar.\n";
        let found = check(text, Path::new("x.yaml"));
        let places: Vec<(u64, u64)> = found.iter().map(|d| (d.loc.line, d.loc.column)).collect();
        assert_eq!(places, [(1, 20), (6, 10)], "{found:?}");
        assert!(
            found[0]
                .message
                .contains("U+4E2D CJK UNIFIED IDEOGRAPH-4E2D")
        );
        assert!(found[0].message.contains("U+56FD"));
    }

    #[test]
    fn a_title_too_long_for_a_pdf_string_is_found_and_long_text_is_not() {
        let title = "Ö".repeat(16_000);
        let text = "Ordet ".repeat(8_000);
        let file = format!(
            "rubrik: {title}\nbeslut: \"{text}\"\nunderpunkter:\n  - rubrik: kort\n  - rubrik: \"{title}\"\nrubriker: {{beslut: {title}}}\n"
        );
        let found = check(&file, Path::new("x.yaml"));
        let places: Vec<(&str, u64, u64)> = found
            .iter()
            .map(|d| (d.rule, d.loc.line, d.loc.column))
            .collect();
        assert_eq!(
            places,
            [
                ("text-too-long", 1, 9),
                ("text-too-long", 5, 13),
                ("text-too-long", 6, 20)
            ],
            "{found:?}"
        );
        assert!(
            found[0].message.contains("16000 characters"),
            "{}",
            found[0].message
        );
        // A word with no space in a long text field is one string too.
        let word = format!("beslut: {}\n", "Ö".repeat(16_000));
        let found = check(&word, Path::new("x.yaml"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .contains("16000 characters without a space")
        );
    }

    #[test]
    fn what_the_fonts_show_is_not_found() {
        let text = "rubrik: \"Möte 😀 ✓ العربية עברית ሰላም ไทย\"\nsvar: \"\\u4E2D\"\n";
        let found = check(text, Path::new("x.yaml"));
        // The escape is found at its value.
        let places: Vec<(u64, u64)> = found.iter().map(|d| (d.loc.line, d.loc.column)).collect();
        assert_eq!(places, [(2, 7)]);
    }
}
