//! A small tree of XML elements, written out indented and escaped: what
//! the METS, PREMIS and Dublin Core files of an archive package are built
//! as. Attribute order is the order given, so the same tree gives the same
//! bytes.

use std::fmt::Write;

/// An element: its qualified name, attributes in order, and children.
#[derive(Debug, Clone)]
pub struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug, Clone)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn new(name: &str) -> Element {
        Element {
            name: name.to_string(),
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &str, value: impl ToString) -> Element {
        self.attributes.push((name.to_string(), value.to_string()));
        self
    }

    /// Adds a child element.
    pub fn child(mut self, child: Element) -> Element {
        self.children.push(Node::Element(child));
        self
    }

    /// Adds child elements.
    pub fn children(mut self, children: impl IntoIterator<Item = Element>) -> Element {
        self.children
            .extend(children.into_iter().map(Node::Element));
        self
    }

    /// Adds text.
    pub fn text(mut self, text: impl AsRef<str>) -> Element {
        self.children.push(Node::Text(text.as_ref().to_string()));
        self
    }

    /// An element holding only `text`.
    pub fn leaf(name: &str, text: impl AsRef<str>) -> Element {
        Element::new(name).text(text)
    }

    /// The document: an XML declaration and this element, indented by two
    /// spaces, ending in a line break.
    pub fn document(&self) -> Vec<u8> {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        self.write(&mut out, 0);
        out.into_bytes()
    }

    fn write(&self, out: &mut String, depth: usize) {
        let indent = "  ".repeat(depth);
        let _ = write!(out, "{indent}<{}", self.name);
        for (name, value) in &self.attributes {
            let _ = write!(out, " {name}=\"{}\"", escape(value));
        }
        if self.children.is_empty() {
            out.push_str("/>\n");
            return;
        }
        out.push('>');
        if let [Node::Text(text)] = self.children.as_slice() {
            out.push_str(&escape(text));
        } else {
            out.push('\n');
            for child in &self.children {
                match child {
                    Node::Element(element) => element.write(out, depth + 1),
                    Node::Text(text) => {
                        let _ = writeln!(out, "{indent}  {}", escape(text));
                    }
                }
            }
            out.push_str(&indent);
        }
        let _ = writeln!(out, "</{}>", self.name);
    }
}

/// `text` escaped for an attribute value or character data, with what
/// XML 1.0 cannot hold at all (control characters, noncharacters U+FFFE
/// and U+FFFF) replaced by U+FFFD; a line break inside an attribute value
/// is kept as a character reference.
fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            _ => c,
        })
        .collect();
    quick_xml::escape::escape(allowed.as_str())
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_controls_replaced() {
        let xml = Element::new("a")
            .attr("b", "x\"<&>'\u{1b}")
            .child(Element::leaf("c", "<script>&\u{0}"))
            .document();
        let xml = String::from_utf8(xml).unwrap();
        assert!(
            xml.contains("b=\"x&quot;&lt;&amp;&gt;&apos;\u{fffd}\""),
            "{xml}"
        );
        assert!(xml.contains("<c>&lt;script&gt;&amp;\u{fffd}</c>"), "{xml}");
    }

    #[test]
    fn an_element_without_children_is_closed_at_once() {
        let xml = String::from_utf8(Element::new("a").child(Element::new("b")).document()).unwrap();
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b/>\n</a>\n"
        );
    }
}
