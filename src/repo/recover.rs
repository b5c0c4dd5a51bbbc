//! Every mistake in a file in one run. The YAML deserializer stops at the
//! first value it cannot read; to find the next one, the file is read
//! again with that value taken out. The text is parsed to a tree of nodes
//! with their places (granit-parser, the parser serde-saphyr reads with),
//! the entry the mistake is in — a field and its value, or a list entry —
//! is blanked out with spaces, so that every other line and column stays
//! where it was, and the file is read again, until it reads or what is
//! wrong cannot be taken out (a syntax error, a mistake in the file as a
//! whole). What reads once the broken entries are out is handed on, so
//! the data rules still run on it; the file is marked as read in part.

use granit_parser::{Event, Parser, StructureStyle};

/// A node of the YAML tree: where it starts and ends, as indexes into the
/// text's characters (the end exclusive).
#[derive(Debug)]
struct Node {
    start: usize,
    end: usize,
    flow: bool,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Leaf,
    Map(Vec<(Node, Node)>),
    Seq(Vec<Node>),
}

/// The tree of `text`'s one document; `None` when it does not parse.
fn tree(text: &str) -> Option<Node> {
    let mut events = Vec::new();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        match event {
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(..)
            | Event::DocumentEnd
            | Event::Anchor(..) => {}
            event => events.push((event, span.start.index(), span.end.index())),
        }
    }
    let mut at = 0;
    node(&events, &mut at, 0)
}

type Events<'a> = [(Event<'a>, usize, usize)];

/// The node that starts at `events[*at]`; `at` moves past it.
fn node(events: &Events, at: &mut usize, depth: usize) -> Option<Node> {
    if depth > 64 {
        return None;
    }
    let (event, start, end) = events.get(*at)?;
    let (start, end) = (*start, *end);
    *at += 1;
    let closes = |event: &Event| matches!(event, Event::MappingEnd | Event::SequenceEnd);
    Some(match event {
        Event::Scalar(..) | Event::Alias(_) | Event::UnresolvedAlias(_) => Node {
            start,
            end,
            flow: false,
            kind: Kind::Leaf,
        },
        Event::MappingStart(style, ..) | Event::SequenceStart(style, ..) => {
            let map = matches!(event, Event::MappingStart(..));
            let mut children = Vec::new();
            while !closes(&events.get(*at)?.0) {
                children.push(node(events, at, depth + 1)?);
            }
            let close = events[*at].2;
            *at += 1;
            let flow = *style == StructureStyle::Flow;
            let end = if flow {
                close
            } else {
                children.last().map_or(end, |last| last.end)
            };
            let kind = if map {
                if children.len() % 2 != 0 {
                    return None;
                }
                let mut entries = Vec::new();
                let mut children = children.into_iter();
                while let (Some(key), Some(value)) = (children.next(), children.next()) {
                    entries.push((key, value));
                }
                Kind::Map(entries)
            } else {
                Kind::Seq(children)
            };
            Node {
                start,
                end,
                flow,
                kind,
            }
        }
        _ => return None,
    })
}

/// The part of the text one entry takes: a field and its value, or a list
/// entry with its dash; with the comma that separates it in a flow
/// collection.
#[derive(Debug, Clone, Copy)]
struct Region {
    start: usize,
    end: usize,
}

/// One place in the tree where an entry can be taken out.
struct Found<'t> {
    /// The region of the entry it is (in), to blank.
    region: Region,
    /// The key of that entry, when it is a field, and its node when the
    /// mistake is at the key itself.
    key: Option<String>,
    key_node: Option<&'t Node>,
    /// The container the entry is in, and how many entries it has.
    container: &'t Node,
    siblings: usize,
    /// The entries above, outermost first: each with its region, container
    /// and number of siblings, for when this entry is the only one left.
    parents: Vec<(Region, Option<String>, &'t Node, usize)>,
}

/// The region of a map entry or list entry in `chars`, with the dash of a
/// block list entry and the separating comma of a flow entry.
fn region(chars: &[char], container: &Node, start: usize, end: usize) -> Region {
    let mut region = Region { start, end };
    if container.flow {
        // The comma after it, else the one before it.
        let mut after = end;
        while after < chars.len() && chars[after].is_whitespace() {
            after += 1;
        }
        if chars.get(after) == Some(&',') {
            region.end = after + 1;
        } else {
            let mut before = start;
            while before > container.start && chars[before - 1].is_whitespace() {
                before -= 1;
            }
            if before > 0 && chars[before - 1] == ',' {
                region.start = before - 1;
            }
        }
    } else if let Kind::Seq(_) = container.kind {
        // Back over the spaces and any anchor (`&a`) or tag (`!!str`)
        // before the entry, to its dash.
        let mut before = start;
        while before > 0 && !matches!(chars[before - 1], '\n' | '\r') && chars[before - 1] != '-' {
            before -= 1;
        }
        let between: String = chars[before..start].iter().collect();
        let properties = between
            .split_whitespace()
            .all(|token| token.starts_with('&') || token.starts_with('!'));
        if before > 0 && chars[before - 1] == '-' && properties {
            region.start = before - 1;
        }
    }
    region
}

fn key_text(chars: &[char], key: &Node) -> String {
    let text: String = chars[key.start..key.end.min(chars.len())].iter().collect();
    text.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
        .to_string()
}

/// Finds the entry the mistake at character `at` is in. With `whole`, the
/// mistake concerns a collection that starts at `at` (a list where text was
/// expected): the outermost collection starting there is meant, not its
/// first key. With `missing`, a mapping lacks a required field.
fn find<'t>(
    root: &'t Node,
    chars: &[char],
    at: usize,
    whole: bool,
    missing: bool,
) -> Option<Found<'t>> {
    let mut parents = Vec::new();
    let mut current = root;
    let mut best: Option<Found<'t>> = None;
    loop {
        // A missing field is reported at the last key the parser read of
        // the mapping that lacks it: that mapping is meant, or, when it is
        // the file's own, nothing can be taken out.
        if missing
            && let Kind::Map(entries) = &current.kind
            && entries.iter().any(|(key, _)| key.start == at)
        {
            return best;
        }
        let mut next: Option<(&'t Node, Region, Option<String>, usize)> = None;
        let mut at_key = None;
        match &current.kind {
            Kind::Leaf => {}
            Kind::Map(entries) => {
                for (key, value) in entries {
                    let end = value.end.max(key.end);
                    if key.start <= at && at < end.max(key.start + 1) {
                        let region = region(chars, current, key.start, end);
                        let name = Some(key_text(chars, key));
                        let target = if at < key.end {
                            at_key = Some(key);
                            key
                        } else {
                            value
                        };
                        next = Some((target, region, name, entries.len()));
                        break;
                    }
                }
            }
            Kind::Seq(items) => {
                for item in items {
                    if item.start <= at && at < item.end.max(item.start + 1) {
                        let region = region(chars, current, item.start, item.end);
                        next = Some((item, region, None, items.len()));
                        break;
                    }
                }
            }
        }
        let Some((target, region, key, siblings)) = next else {
            return best;
        };
        let found = Found {
            region,
            key: key.clone(),
            key_node: at_key,
            container: current,
            siblings,
            parents: parents.clone(),
        };
        let collection = !matches!(target.kind, Kind::Leaf);
        if whole && collection && target.start == at {
            // The outermost collection starting here.
            return Some(found);
        }
        parents.push((region, key, current, siblings));
        best = Some(found);
        current = target;
    }
}

/// What the reader is told to do with one mistake.
pub enum Outcome {
    /// The entry was taken out; read the text again.
    Again,
    /// Nothing more can be taken out.
    Stop,
}

/// A file being read again and again with its broken entries out.
pub struct Recovery {
    chars: Vec<char>,
    /// Fields taken out, each with the range of the mapping it was in:
    /// a later "missing field" for one of them is their consequence.
    taken: Vec<(String, usize, usize)>,
    /// Field names read as the one they mean, each with its line and
    /// column and how many characters longer it made the line.
    renamed: Vec<(u64, u64, i64)>,
    rounds: usize,
}

/// At most this many mistakes are looked for in one file,
const ROUNDS: usize = 100;
/// and at most this many characters read again in all (a large file with
/// many mistakes is read again fewer times).
const READ_AGAIN: usize = 20_000_000;

impl Recovery {
    pub fn new(text: &str) -> Recovery {
        Recovery {
            chars: text.chars().collect(),
            taken: Vec::new(),
            renamed: Vec::new(),
            rounds: 0,
        }
    }

    /// The column, as the file has it, of what the text as it now is has at
    /// `line`:`column`: a field name read as a longer one moved what
    /// follows it on its line.
    pub fn column_in_file(&self, line: u64, column: u64) -> u64 {
        let mut column = column as i64;
        for (at_line, at_column, longer) in self.renamed.iter().rev() {
            if *at_line == line && column > *at_column as i64 {
                column -= longer;
            }
        }
        column.max(1) as u64
    }

    /// Whether the file has been read again as often as it may be.
    pub fn spent(&self) -> bool {
        self.rounds >= ROUNDS || self.rounds.saturating_mul(self.chars.len()) > READ_AGAIN
    }

    /// The names of the fields taken out (for rsr.yaml: the ids of the
    /// persons whose entry did not read).
    pub fn taken(&self) -> impl Iterator<Item = &str> {
        self.taken.iter().map(|(name, ..)| name.as_str())
    }

    /// The text as it now is, with the entries taken out blanked.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    fn index(&self, line: u64, column: u64) -> usize {
        let chars = &self.chars;
        // Line breaks as YAML counts them: LF, CRLF or a lone CR.
        let breaks = |index: usize| {
            chars[index] == '\n' || (chars[index] == '\r' && chars.get(index + 1) != Some(&'\n'))
        };
        let mut current = 1;
        // The parser's columns on line 1 do not count a byte order mark.
        let mut index = usize::from(chars.first() == Some(&'\u{feff}'));
        while current < line && index < chars.len() {
            if breaks(index) {
                current += 1;
            }
            index += 1;
        }
        let mut column = column.saturating_sub(1);
        while column > 0 && index < chars.len() && !breaks(index) && chars[index] != '\r' {
            index += 1;
            column -= 1;
        }
        index
    }

    /// Whether a "missing field `name`" at `line`:`column` only follows
    /// from a field that was taken out.
    pub fn follows(&self, name: &str, line: u64, column: u64) -> bool {
        let at = self.index(line, column);
        self.taken
            .iter()
            .any(|(field, start, end)| field == name && *start <= at && at <= *end)
    }

    /// Reads the field name at `line`:`column` as `to`, the name it is a
    /// slip of (`rubrk` → `rubrik`), so that a required field with a typo
    /// in its name does not take its item with it. Not when the mapping
    /// has a field `to` already.
    pub fn rename(&mut self, line: u64, column: u64, to: &str) -> Outcome {
        self.rounds += 1;
        if self.spent() {
            return Outcome::Stop;
        }
        let text = self.text();
        let Some(root) = tree(&text) else {
            return Outcome::Stop;
        };
        let at = self.index(line, column);
        let Some(found) = find(&root, &self.chars, at, false, false) else {
            return Outcome::Stop;
        };
        let (Some(key), Kind::Map(entries)) = (found.key_node, &found.container.kind) else {
            return Outcome::Stop;
        };
        if entries
            .iter()
            .any(|(other, _)| key_text(&self.chars, other) == to)
        {
            return Outcome::Stop;
        }
        let (start, end) = (key.start, key.end.min(self.chars.len()));
        if self.chars[start..end]
            .iter()
            .any(|c| !c.is_alphanumeric() && *c != '_')
        {
            // A quoted or odd key: taken out instead.
            return Outcome::Stop;
        }
        let longer = to.chars().count() as i64 - (end - start) as i64;
        self.chars.splice(start..end, to.chars());
        self.renamed.push((line, column, longer));
        Outcome::Again
    }

    /// Takes out the entry the mistake at `line`:`column` is in. `whole`
    /// and `missing` as in [`find`].
    pub fn take_out(&mut self, line: u64, column: u64, whole: bool, missing: bool) -> Outcome {
        self.rounds += 1;
        if self.spent() {
            return Outcome::Stop;
        }
        let text = self.text();
        let Some(root) = tree(&text) else {
            return Outcome::Stop;
        };
        let at = self.index(line, column);
        let Some(found) = find(&root, &self.chars, at, whole, missing) else {
            return Outcome::Stop;
        };
        // An entry that is the only one of its collection takes the
        // collection with it: an empty `fält:` would be a mistake of its
        // own. Not the whole file, though.
        let (mut region, mut key, mut container, mut siblings) =
            (found.region, found.key, found.container, found.siblings);
        let mut parents = found.parents;
        while siblings == 1 {
            match parents.pop() {
                Some(parent) => (region, key, container, siblings) = parent,
                None => break,
            }
        }
        if siblings == 1 && std::ptr::eq(container, &root) {
            // The file's only entry: nothing would be left.
            return Outcome::Stop;
        }
        if let Some(key) = key {
            self.taken.push((key, container.start, container.end));
        }
        let end = region.end.min(self.chars.len());
        for c in &mut self.chars[region.start..end] {
            if *c != '\n' && *c != '\r' {
                *c = ' ';
            }
        }
        Outcome::Again
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(text: &str, line: u64, column: u64, whole: bool) -> Option<String> {
        take(text, line, column, whole, false)
    }

    fn take(text: &str, line: u64, column: u64, whole: bool, missing: bool) -> Option<String> {
        let mut recovery = Recovery::new(text);
        match recovery.take_out(line, column, whole, missing) {
            Outcome::Again => Some(recovery.text()),
            Outcome::Stop => None,
        }
    }

    #[test]
    fn a_field_is_blanked_and_the_rest_keeps_its_place() {
        let text = "datum: 2026-03-02\nstart: \"12:60\"\nplats: Rum\n";
        let result = out(text, 2, 8, false).unwrap();
        assert_eq!(result, "datum: 2026-03-02\n              \nplats: Rum\n");
    }

    #[test]
    fn a_list_entry_goes_with_its_dash() {
        let text = "a: 1\nb:\n  - x\n  - y\n";
        assert_eq!(out(text, 4, 5, false).unwrap(), "a: 1\nb:\n  - x\n     \n");
        let flow = "a: 1\nb: [x, yes, z]\n";
        assert_eq!(out(flow, 2, 8, false).unwrap(), "a: 1\nb: [x,      z]\n");
        let last = "a: 1\nb: [x, yes]\n";
        assert_eq!(out(last, 2, 8, false).unwrap(), "a: 1\nb: [x     ]\n");
    }

    #[test]
    fn an_only_entry_takes_its_field_with_it() {
        let text = "a: 1\nb:\n  - x\n";
        assert_eq!(out(text, 3, 5, false).unwrap(), "a: 1\n  \n     \n");
        let nested = "a: 1\nort:\n  fel: 2\n";
        assert_eq!(out(nested, 3, 3, false).unwrap(), "a: 1\n    \n        \n");
    }

    #[test]
    fn a_whole_collection_is_taken_at_its_start() {
        let text = "a: 1\nlista:\n  - rubrik: x\n    fel: 2\n  - rubrik: y\n";
        // A list where text belongs, at the first entry's mapping: the
        // entry goes, not its first key.
        assert_eq!(
            out(text, 3, 5, true).unwrap(),
            "a: 1\nlista:\n             \n          \n  - rubrik: y\n"
        );
        // An unknown key inside it: only that key.
        assert_eq!(
            out(text, 4, 5, false).unwrap(),
            "a: 1\nlista:\n  - rubrik: x\n          \n  - rubrik: y\n"
        );
    }

    #[test]
    fn a_mapping_missing_a_field_is_taken_out_unless_it_is_the_file() {
        // The parser names the last key it read of the mapping.
        let text = "a: 1\nlista:\n  - rubrik: x\n  - fel: 2\n    tid: 3\n";
        assert_eq!(
            take(text, 5, 5, false, true).unwrap(),
            "a: 1\nlista:\n  - rubrik: x\n          \n          \n"
        );
        assert!(take(text, 2, 1, false, true).is_none());
        assert!(take(text, 1, 1, false, true).is_none());
    }

    #[test]
    fn the_only_field_of_a_file_or_a_syntax_error_stops() {
        assert!(out("a: [1\n", 1, 4, false).is_none());
        assert!(out("a: 1\n", 1, 4, false).is_none());
    }
}
