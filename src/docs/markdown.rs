//! The Markdown subset of running text fields (paragraphs, headings, bullet
//! and numbered lists, emphasis, quotes, links) turned into a plain tree that the
//! templates walk. Text stays text: nothing here or in the templates ever
//! evaluates it, so `#read("/etc/passwd")` prints as written.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

/// A block of running text. Serialized as `{"type": "paragraph", …}` and
/// so on (see the `Serialize` impl below).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Quote {
        content: Vec<Block>,
    },
    /// A sub-heading within the field: `depth` 1 sits directly under the
    /// field's own heading, 2 under a heading of depth 1, and so on. The
    /// levels of `#`, `##` … are made relative and never skip one, as
    /// PDF/UA asks of headings.
    Heading {
        depth: u8,
        content: Vec<Inline>,
    },
}

std::thread_local! {
    /// Set while a seal is taken: see [`as_sealed`].
    static SEALING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with headings serialized as the paragraphs they were before
/// rsr knew Markdown headings. The seal of an adjusted protokoll
/// (`check::seal`) is a hash of its data, and a `# Rubrik` in a text field
/// sealed by an earlier rsr must not read as a change: the words are what
/// is sealed, and they are the same.
pub fn as_sealed<T>(f: impl FnOnce() -> T) -> T {
    let before = SEALING.with(|sealing| sealing.replace(true));
    let result = f();
    SEALING.with(|sealing| sealing.set(before));
    result
}

/// `{"type": "paragraph", "content": …}`, `{"type": "list", "ordered": …,
/// "start": …, "items": …}`, `{"type": "quote", "content": …}`,
/// `{"type": "heading", "depth": …, "content": …}`: the tag first, then
/// the fields in their order, as serde's internally tagged enums write
/// them (the bytes sealed protokoll were hashed with).
impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let sealing = SEALING.with(std::cell::Cell::get);
        match self {
            Block::Paragraph { content } => {
                let mut block = serializer.serialize_struct("Block", 2)?;
                block.serialize_field("type", "paragraph")?;
                block.serialize_field("content", content)?;
                block.end()
            }
            Block::Heading { content, .. } if sealing => {
                let mut block = serializer.serialize_struct("Block", 2)?;
                block.serialize_field("type", "paragraph")?;
                block.serialize_field("content", content)?;
                block.end()
            }
            Block::Heading { depth, content } => {
                let mut block = serializer.serialize_struct("Block", 3)?;
                block.serialize_field("type", "heading")?;
                block.serialize_field("depth", depth)?;
                block.serialize_field("content", content)?;
                block.end()
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let mut block = serializer.serialize_struct("Block", 4)?;
                block.serialize_field("type", "list")?;
                block.serialize_field("ordered", ordered)?;
                block.serialize_field("start", start)?;
                block.serialize_field("items", items)?;
                block.end()
            }
            Block::Quote { content } => {
                let mut block = serializer.serialize_struct("Block", 2)?;
                block.serialize_field("type", "quote")?;
                block.serialize_field("content", content)?;
                block.end()
            }
        }
    }
}

/// A piece of text within a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Inline {
    Text { text: String },
    Emphasis { content: Vec<Inline> },
    Strong { content: Vec<Inline> },
    Link { url: String, content: Vec<Inline> },
    Linebreak,
}

enum Frame {
    Blocks(Vec<Block>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Inlines(Span, Vec<Inline>),
}

enum Span {
    Paragraph,
    Heading(u8),
    Emphasis,
    Strong,
    Link(String),
}

/// Nesting deeper than this (quotes in lists in quotes …) is flattened: its
/// text stays, its structure goes. What reads the tree (the JSON writer,
/// the templates, Typst's layout) recurses, and a text of thousands of
/// `>` would otherwise overflow the stack.
const MAX_DEPTH: usize = 16;

/// Parses Markdown into blocks. Anything outside the subset (headings,
/// HTML, code) is kept as plain text rather than dropped.
pub fn parse(text: &str) -> Vec<Block> {
    let mut stack = vec![Frame::Blocks(Vec::new())];
    // Containers opened beyond MAX_DEPTH, whose ends are skipped too.
    let mut flattened = 0usize;
    for event in Parser::new(text) {
        let container = matches!(
            event,
            Event::Start(
                Tag::List(_)
                    | Tag::Item
                    | Tag::BlockQuote(_)
                    | Tag::Emphasis
                    | Tag::Strong
                    | Tag::Link { .. }
            )
        );
        let closes = matches!(
            event,
            Event::End(
                TagEnd::List(_)
                    | TagEnd::Item
                    | TagEnd::BlockQuote(_)
                    | TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Link
            )
        );
        if container && (flattened > 0 || stack.len() >= MAX_DEPTH) {
            flattened += 1;
            // Flattened items run on, each after a space.
            let after_text =
                matches!(stack.last(), Some(Frame::Inlines(_, inlines)) if !inlines.is_empty());
            if matches!(event, Event::Start(Tag::Item)) && after_text {
                push_inline(&mut stack, Inline::Text { text: " ".into() });
            }
            continue;
        }
        if closes && flattened > 0 {
            flattened -= 1;
            continue;
        }
        match event {
            // A heading at the top of the field; within a list or a quote
            // it stays a paragraph.
            Event::Start(Tag::Heading { level, .. }) if stack.len() == 1 => {
                stack.push(Frame::Inlines(Span::Heading(level as u8), Vec::new()));
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_)) => {
                stack.push(Frame::Inlines(Span::Paragraph, Vec::new()));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock) => {
                close_inlines(&mut stack)
            }
            Event::Start(Tag::List(start)) => {
                close_open_paragraph(&mut stack);
                stack.push(Frame::List {
                    ordered: start.is_some(),
                    start: start.unwrap_or(1),
                    items: Vec::new(),
                });
            }
            Event::End(TagEnd::List(_)) => {
                close_open_paragraph(&mut stack);
                if let Some(Frame::List {
                    ordered,
                    start,
                    items,
                }) = stack.pop()
                {
                    push_block(
                        &mut stack,
                        Block::List {
                            ordered,
                            start,
                            items,
                        },
                    );
                }
            }
            Event::Start(Tag::Item) => stack.push(Frame::Blocks(Vec::new())),
            Event::End(TagEnd::Item) => {
                close_open_paragraph(&mut stack);
                if let Some(Frame::Blocks(blocks)) = stack.pop()
                    && let Some(Frame::List { items, .. }) = stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            Event::Start(Tag::BlockQuote(_)) => stack.push(Frame::Blocks(Vec::new())),
            Event::End(TagEnd::BlockQuote(_)) => {
                close_open_paragraph(&mut stack);
                if let Some(Frame::Blocks(content)) = stack.pop() {
                    push_block(&mut stack, Block::Quote { content });
                }
            }
            Event::Start(Tag::Emphasis) => stack.push(Frame::Inlines(Span::Emphasis, Vec::new())),
            Event::Start(Tag::Strong) => stack.push(Frame::Inlines(Span::Strong, Vec::new())),
            Event::Start(Tag::Link { dest_url, .. }) => {
                stack.push(Frame::Inlines(
                    Span::Link(dest_url.into_string()),
                    Vec::new(),
                ));
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                close_inlines(&mut stack)
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push_inline(
                    &mut stack,
                    Inline::Text {
                        text: text.into_string(),
                    },
                );
            }
            Event::SoftBreak => push_inline(&mut stack, Inline::Text { text: " ".into() }),
            Event::HardBreak => push_inline(&mut stack, Inline::Linebreak),
            _ => {}
        }
    }
    close_open_paragraph(&mut stack);
    match stack.into_iter().next() {
        Some(Frame::Blocks(mut blocks)) => {
            relative_depths(&mut blocks);
            blocks
        }
        _ => Vec::new(),
    }
}

/// The field's headings, from `#` to `######`, as depths below the field's
/// own heading: the first one is depth 1 whatever its `#`s, a deeper one
/// goes one further down at most, a shallower one back up to a depth it
/// had. `## Bakgrund` then `#### Detaljer` is 1 then 2.
fn relative_depths(blocks: &mut [Block]) {
    // The Markdown level of each depth in use, outermost first.
    let mut open: Vec<u8> = Vec::new();
    for block in blocks {
        if let Block::Heading { depth, .. } = block {
            let level = *depth;
            while open.last().is_some_and(|&last| last >= level) {
                open.pop();
            }
            open.push(level);
            *depth = u8::try_from(open.len()).unwrap_or(u8::MAX);
        }
    }
}

/// Parses an optional field; empty text is no text.
pub fn parse_opt(text: Option<&str>) -> Option<Vec<Block>> {
    text.map(parse).filter(|blocks| !blocks.is_empty())
}

fn push_block(stack: &mut [Frame], block: Block) {
    match stack.last_mut() {
        Some(Frame::Blocks(blocks)) => blocks.push(block),
        // Text of a flattened item, directly in its list: the last item's.
        Some(Frame::List { items, .. }) => match items.last_mut() {
            Some(item) => item.push(block),
            None => items.push(vec![block]),
        },
        _ => {}
    }
}

/// Tight list items carry text without a paragraph; open one for them.
fn push_inline(stack: &mut Vec<Frame>, inline: Inline) {
    if !matches!(stack.last(), Some(Frame::Inlines(..))) {
        stack.push(Frame::Inlines(Span::Paragraph, Vec::new()));
    }
    if let Some(Frame::Inlines(_, inlines)) = stack.last_mut() {
        match (inlines.last_mut(), inline) {
            (Some(Inline::Text { text }), Inline::Text { text: more }) => text.push_str(&more),
            (_, inline) => inlines.push(inline),
        }
    }
}

fn close_inlines(stack: &mut Vec<Frame>) {
    let Some(Frame::Inlines(span, content)) = stack.pop() else {
        return;
    };
    let inline = match span {
        Span::Paragraph => return push_block(stack, Block::Paragraph { content }),
        Span::Heading(level) => {
            return push_block(
                stack,
                Block::Heading {
                    depth: level,
                    content,
                },
            );
        }
        Span::Emphasis => Inline::Emphasis { content },
        Span::Strong => Inline::Strong { content },
        Span::Link(url) if is_web_address(&url) => Inline::Link { url, content },
        // `javascript:`, `file:` and the like become their text.
        Span::Link(_) => {
            for inline in content {
                push_inline(stack, inline);
            }
            return;
        }
    };
    push_inline(stack, inline);
}

/// Whether a link leads to a web page or an e-mail address, the only links
/// a public document carries.
fn is_web_address(url: &str) -> bool {
    let url = url.trim_start().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
}

fn close_open_paragraph(stack: &mut Vec<Frame>) {
    while matches!(stack.last(), Some(Frame::Inlines(..))) {
        close_inlines(stack);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn paragraphs_and_soft_breaks() {
        assert_eq!(
            parse("Första raden\nfortsätter.\n\nAndra stycket."),
            vec![
                Block::Paragraph {
                    content: vec![text("Första raden fortsätter.")]
                },
                Block::Paragraph {
                    content: vec![text("Andra stycket.")]
                },
            ]
        );
    }

    #[test]
    fn numbered_list_with_nested_bullets() {
        let blocks = parse("Beslutar att:\n\n1. Delta\n   - Utsedd\n   - Respektive\n2. Avdela\n");
        let Block::List {
            ordered: true,
            start: 1,
            items,
        } = &blocks[1]
        else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0][0],
            Block::Paragraph {
                content: vec![text("Delta")]
            }
        );
        assert!(
            matches!(&items[0][1], Block::List { ordered: false, items, .. } if items.len() == 2)
        );
    }

    /// How deep the tree goes.
    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph { .. } | Block::Heading { .. } => 1,
                Block::Quote { content } => 1 + depth(content),
                Block::List { items, .. } => {
                    1 + items.iter().map(|item| depth(item)).max().unwrap_or(0)
                }
            })
            .max()
            .unwrap_or(0)
    }

    fn json(blocks: &[Block]) -> String {
        serde_json::to_string(blocks).unwrap()
    }

    #[test]
    fn deep_nesting_is_flattened_and_keeps_its_text() {
        let quotes = format!("{}innerst", "> ".repeat(5000));
        let blocks = parse(&quotes);
        assert!(depth(&blocks) <= MAX_DEPTH, "{}", depth(&blocks));
        assert!(json(&blocks).contains("innerst"));

        let list: String = (0..300)
            .map(|n| format!("{}- punkt {n}\n", "  ".repeat(n)))
            .collect();
        let blocks = parse(&list);
        assert!(depth(&blocks) <= MAX_DEPTH, "{}", depth(&blocks));
        let all = json(&blocks);
        assert!(
            all.contains("punkt 0") && all.contains("punkt 299"),
            "{all}"
        );
        assert!(all.contains("punkt 298 punkt 299"), "{all}");

        let emphasis = format!("{}mitt{}", "*_".repeat(2000), "_*".repeat(2000));
        assert!(json(&parse(&emphasis)).contains("mitt"));

        // Nesting within the limit keeps its structure.
        let blocks = parse("> a\n>\n> > b\n> >\n> > > c");
        assert_eq!(depth(&blocks), 4);
    }

    #[test]
    fn only_web_and_mail_links_stay_links() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:x",
            "file:///etc/passwd",
            "data:text/html,x",
        ] {
            let blocks = parse(&format!("[klicka]({url}) här"));
            assert_eq!(
                blocks,
                vec![Block::Paragraph {
                    content: vec![Inline::Text {
                        text: "klicka här".into()
                    }]
                }],
                "{url}"
            );
        }
        for url in ["https://example.se", "mailto:registrator@example.se"] {
            let blocks = parse(&format!("[x]({url})"));
            let Block::Paragraph { content } = &blocks[0] else {
                panic!("{blocks:?}");
            };
            assert!(matches!(&content[0], Inline::Link { .. }), "{url}");
        }
    }

    #[test]
    fn emphasis_links_and_quotes() {
        let blocks = parse("> *Citat* och **fetstil** [här](https://example.se)");
        let Block::Quote { content } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let Block::Paragraph { content } = &content[0] else {
            panic!()
        };
        assert_eq!(
            content[0],
            Inline::Emphasis {
                content: vec![text("Citat")]
            }
        );
        assert_eq!(
            content[2],
            Inline::Strong {
                content: vec![text("fetstil")]
            }
        );
        assert_eq!(
            content[4],
            Inline::Link {
                url: "https://example.se".into(),
                content: vec![text("här")]
            }
        );
    }

    #[test]
    fn headings_become_relative_depths_that_never_skip() {
        let blocks = parse(
            "## Bakgrund\n\nText.\n\n#### Detaljer\n\n###### Djupast\n\n### Åter\n\n# Överst\n\n- # I en lista",
        );
        let depths: Vec<(u8, String)> = blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { depth, content } => Some((*depth, format!("{content:?}"))),
                _ => None,
            })
            .map(|(depth, content)| (depth, content.split('"').nth(1).unwrap_or("").to_string()))
            .collect();
        assert_eq!(
            depths,
            [
                (1, "Bakgrund".to_string()),
                (2, "Detaljer".to_string()),
                (3, "Djupast".to_string()),
                (2, "Åter".to_string()),
                (1, "Överst".to_string()),
            ]
        );
        // Within a list a heading stays text.
        assert!(
            matches!(blocks.last(), Some(Block::List { .. })),
            "{blocks:?}"
        );
    }

    #[test]
    fn a_seal_reads_headings_as_the_paragraphs_they_were() {
        let blocks = parse("# Rubrik\n\nText.");
        assert_eq!(
            json(&blocks),
            r#"[{"type":"heading","depth":1,"content":[{"type":"text","text":"Rubrik"}]},{"type":"paragraph","content":[{"type":"text","text":"Text."}]}]"#
        );
        assert_eq!(
            as_sealed(|| json(&blocks)),
            r#"[{"type":"paragraph","content":[{"type":"text","text":"Rubrik"}]},{"type":"paragraph","content":[{"type":"text","text":"Text."}]}]"#
        );
        // A list and a quote as serde's internally tagged enums wrote them.
        assert_eq!(
            json(&parse("- a\n\n> b")),
            r#"[{"type":"list","ordered":false,"start":1,"items":[[{"type":"paragraph","content":[{"type":"text","text":"a"}]}]]},{"type":"quote","content":[{"type":"paragraph","content":[{"type":"text","text":"b"}]}]}]"#
        );
    }

    #[test]
    fn markup_outside_the_subset_stays_text() {
        let blocks = parse("# Rubrik\n\n<b>fet</b> `#read(\"/etc/passwd\")` $x^2$");
        assert_eq!(
            blocks[0],
            Block::Heading {
                depth: 1,
                content: vec![text("Rubrik")]
            }
        );
        assert_eq!(
            blocks[1],
            Block::Paragraph {
                content: vec![text("<b>fet</b> #read(\"/etc/passwd\") $x^2$")]
            }
        );
    }
}
