//! The PDF side of a signature: the revisions of a file, the signature
//! fields rsr prepares, the incremental update that holds one signature,
//! and what each later revision changes.
//!
//! A signed protokoll is rsr's PDF followed by incremental updates: the
//! first adds the empty signature fields (one per signer, tagged as form
//! fields for PDF/UA), each later one fills a field. An update only ever
//! appends, so the bytes rsr built stay the first revision, unchanged,
//! and every signature covers the file up to its own revision.
//!
//! lopdf reads the objects; the updates are written here, because a
//! signature's placeholder must sit at a byte offset known before it is
//! filled.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// What went wrong with a PDF's structure, in words for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// lopdf could not read it.
    Unreadable(String),
    /// A part rsr relies on is missing or has another shape.
    Shape(&'static str),
    /// No empty field of that name to sign in.
    NoField(String),
    /// The field is signed already.
    Signed(String),
    /// The signature container is larger than the room made for it.
    TooLarge(usize, usize),
}

/// The most room a signature's `/Contents` gets: 16 KiB of DER, written as
/// hex. A signer's certificate chain with RSA-4096 keys and a time-stamp
/// token take about 8 KiB.
pub const CONTENTS_BYTES: usize = 16 * 1024;

/// The room to leave for a signature container of about `size` bytes: a
/// margin for the few bytes an ECDSA signature's DER varies by, rounded
/// up to a kilobyte, and never more than `CONTENTS_BYTES`. Each byte of
/// room is two in the file, for every signature, for as long as the
/// protokoll is kept.
pub fn room_for(size: usize) -> usize {
    (size + 256)
        .div_ceil(1024)
        .saturating_mul(1024)
        .min(CONTENTS_BYTES)
}

/// One empty signature field rsr adds: its name (`/T`, e.g. `ordforande`)
/// and what a screen reader says of it (`/TU`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub description: String,
    /// Where it is shown, for a visible signature; else it is invisible,
    /// on the first page.
    pub place: Option<Place>,
}

/// Where a visible signature's field sits: its page (from 0) and its
/// `/Rect`, in hundredths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub page: usize,
    pub rect: [i64; 4],
}

impl Place {
    /// The rectangle's width and height in points.
    pub fn size(&self) -> (f64, f64) {
        let [left, bottom, right, top] = self.rect;
        ((right - left) as f64 / 100.0, (top - bottom) as f64 / 100.0)
    }
}

/// The byte offsets at which each revision of `bytes` ends: just after
/// its `%%EOF` and the line end that follows. A `%%EOF` counts when
/// `startxref`, a number and line ends come before it, so a stream that
/// happens to hold the five bytes does not end a revision.
pub fn revision_ends(bytes: &[u8]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"%%EOF").map(|i| i + from) {
        from = at + 5;
        if !preceded_by_startxref(&bytes[..at]) {
            continue;
        }
        let mut end = at + 5;
        if bytes.get(end) == Some(&b'\r') {
            end += 1;
        }
        if bytes.get(end) == Some(&b'\n') {
            end += 1;
        }
        ends.push(end);
    }
    ends
}

fn preceded_by_startxref(before: &[u8]) -> bool {
    let trimmed = trim_end(before);
    let digits = trimmed
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 {
        return false;
    }
    trim_end(&trimmed[..trimmed.len() - digits]).ends_with(b"startxref")
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let keep = bytes.len()
        - bytes
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    &bytes[..keep]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The offset of the cross-reference section the last `startxref` names.
fn last_startxref(bytes: &[u8]) -> Option<usize> {
    let at = bytes.windows(9).rposition(|w| w == b"startxref")?;
    let number: String = bytes[at + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|b| *b as char)
        .collect();
    number.parse().ok()
}

pub fn load(bytes: &[u8]) -> Result<lopdf::Document, PdfError> {
    lopdf::Document::load_mem(bytes).map_err(|e| PdfError::Unreadable(e.to_string()))
}

fn reference(dictionary: &Dictionary, key: &[u8]) -> Option<ObjectId> {
    dictionary.get(key).ok()?.as_reference().ok()
}

fn dictionary(document: &lopdf::Document, id: ObjectId) -> Result<Dictionary, PdfError> {
    document
        .get_object(id)
        .and_then(Object::as_dict)
        .cloned()
        .map_err(|_| PdfError::Shape("an object the catalog names is not a dictionary"))
}

fn root(document: &lopdf::Document) -> Result<ObjectId, PdfError> {
    reference(&document.trailer, b"Root").ok_or(PdfError::Shape("the trailer names no catalog"))
}

/// A PDF text string: ASCII as it is, anything else as UTF-16BE with a
/// byte order mark, as the standard asks.
pub fn text(value: &str) -> Object {
    if value.is_ascii() {
        Object::String(value.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in value.encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Writes a PDF object (never a stream: an update here adds none).
fn serialize(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Object::Real(r) => out.extend_from_slice(format!("{r}").as_bytes()),
        Object::Name(name) => {
            out.push(b'/');
            for byte in name {
                if byte.is_ascii_alphanumeric() || b"-_.+*".contains(byte) {
                    out.push(*byte);
                } else {
                    out.extend_from_slice(format!("#{byte:02X}").as_bytes());
                }
            }
        }
        Object::String(bytes, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for byte in bytes {
                out.extend_from_slice(format!("{byte:02X}").as_bytes());
            }
            out.push(b'>');
        }
        Object::String(bytes, StringFormat::Literal) => {
            out.push(b'(');
            for byte in bytes {
                match byte {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', *byte]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    _ => out.push(*byte),
                }
            }
            out.push(b')');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                serialize(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dictionary) => serialize_dictionary(out, dictionary),
        Object::Stream(stream) => serialize_dictionary(out, &stream.dict),
        Object::Reference((number, generation)) => {
            out.extend_from_slice(format!("{number} {generation} R").as_bytes());
        }
    }
}

fn serialize_dictionary(out: &mut Vec<u8>, dictionary: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dictionary.iter() {
        serialize(out, &Object::Name(key.clone()));
        out.push(b' ');
        serialize(out, value);
    }
    out.extend_from_slice(b">>");
}

/// The objects an update adds or replaces, written after `previous` with
/// a cross-reference section of their own and a trailer that points back.
struct Update<'a> {
    previous: &'a [u8],
    document: &'a lopdf::Document,
    objects: BTreeMap<ObjectId, Vec<u8>>,
    next: u32,
}

impl<'a> Update<'a> {
    fn new(previous: &'a [u8], document: &'a lopdf::Document) -> Self {
        Update {
            previous,
            document,
            objects: BTreeMap::new(),
            next: document.max_id + 1,
        }
    }

    fn allocate(&mut self) -> ObjectId {
        let id = (self.next, 0);
        self.next += 1;
        id
    }

    fn put(&mut self, id: ObjectId, object: &Object) {
        let mut bytes = Vec::new();
        serialize(&mut bytes, object);
        self.objects.insert(id, bytes);
    }

    fn put_raw(&mut self, id: ObjectId, bytes: Vec<u8>) {
        self.objects.insert(id, bytes);
    }

    /// A stream: its dictionary, with `/Length` set, and its bytes as given
    /// (encoded as its `/Filter` says).
    fn put_stream(&mut self, id: ObjectId, dictionary: &Dictionary, content: &[u8]) {
        let mut dictionary = dictionary.clone();
        dictionary.set("Length", Object::Integer(content.len() as i64));
        let mut bytes = Vec::new();
        serialize_dictionary(&mut bytes, &dictionary);
        bytes.extend_from_slice(b"\nstream\n");
        bytes.extend_from_slice(content);
        bytes.extend_from_slice(b"\nendstream");
        self.objects.insert(id, bytes);
    }

    /// The whole file: the previous bytes and the update. Also returns
    /// where each object's body starts.
    fn write(self) -> Result<(Vec<u8>, BTreeMap<ObjectId, usize>), PdfError> {
        let prev =
            last_startxref(self.previous).ok_or(PdfError::Shape("the file has no startxref"))?;
        let mut out = self.previous.to_vec();
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        let mut offsets = BTreeMap::new();
        let mut bodies = BTreeMap::new();
        for (id, body) in &self.objects {
            offsets.insert(*id, out.len());
            writeln!(out, "{} {} obj", id.0, id.1).expect("memory");
            bodies.insert(*id, out.len());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(b"xref\n");
        let ids: Vec<ObjectId> = offsets.keys().copied().collect();
        let mut start = 0;
        while start < ids.len() {
            let mut end = start + 1;
            while end < ids.len() && ids[end].0 == ids[end - 1].0 + 1 {
                end += 1;
            }
            writeln!(out, "{} {}", ids[start].0, end - start).expect("memory");
            for id in &ids[start..end] {
                write!(out, "{:010} {:05} n\r\n", offsets[id], id.1).expect("memory");
            }
            start = end;
        }
        let mut trailer = Dictionary::new();
        let size = self.next.max(self.document.max_id + 1);
        trailer.set("Size", Object::Integer(i64::from(size)));
        for key in [&b"Root"[..], b"Info", b"ID"] {
            if let Ok(value) = self.document.trailer.get(key) {
                trailer.set(key, value.clone());
            }
        }
        trailer.set("Prev", Object::Integer(prev as i64));
        out.extend_from_slice(b"trailer\n");
        serialize(&mut out, &Object::Dictionary(trailer));
        write!(out, "\nstartxref\n{xref}\n%%EOF\n").expect("memory");
        Ok((out, bodies))
    }
}

/// What the prepared revision records of the protokoll it was made from,
/// in its `/AcroForm`: the SHA-256 of the protokoll's printed text
/// (`typeset::printed`, as `justering.lock`'s `utskrift:` has it) and the
/// environment it was typeset in (`utskriftsmiljö:`). Signed with the rest,
/// it tells a later rsr, whose templates or fonts make other bytes of the
/// same data, which sealed text the signers signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub printed: String,
    pub environment: String,
}

const STAMP_PRINTED: &[u8] = b"RSRPrinted";
const STAMP_ENVIRONMENT: &[u8] = b"RSREnvironment";

/// The stamp of a prepared PDF, if it has one.
pub fn stamp(document: &lopdf::Document) -> Option<Stamp> {
    let catalog = document.catalog().ok()?;
    let form = match catalog.get(b"AcroForm").ok()? {
        Object::Reference(id) => document.get_dictionary(*id).ok()?,
        Object::Dictionary(form) => form,
        _ => return None,
    };
    let text = |key: &[u8]| {
        form.get(key)
            .ok()
            .and_then(|value| lopdf::decode_text_string(value).ok())
    };
    Some(Stamp {
        printed: text(STAMP_PRINTED)?,
        environment: text(STAMP_ENVIRONMENT)?,
    })
}

/// `built` with empty, invisible signature fields added, one per signer,
/// in the order given: an `/AcroForm` in the catalog, a widget per field
/// on the first page, each tagged as a `Form` structure element at the end
/// of the document's structure (PDF/UA), with `/TU` naming the signer.
/// The same input gives the same bytes.
pub fn prepare(built: &[u8], fields: &[Field], stamp: &Stamp) -> Result<Vec<u8>, PdfError> {
    let document = load(built)?;
    let catalog_id = root(&document)?;
    let mut catalog = dictionary(&document, catalog_id)?;
    if catalog.has(b"AcroForm") {
        return Err(PdfError::Shape("the PDF has form fields already"));
    }
    let pages = document.get_pages();
    let first_page = *pages
        .get(&1)
        .ok_or(PdfError::Shape("the PDF has no pages"))?;
    let page_of = |field: &Field| -> Result<ObjectId, PdfError> {
        match field.place {
            None => Ok(first_page),
            Some(place) => u32::try_from(place.page + 1)
                .ok()
                .and_then(|n| pages.get(&n).copied())
                .ok_or(PdfError::Shape(
                    "a signature line on a page the PDF does not have",
                )),
        }
    };
    let tree_id =
        reference(&catalog, b"StructTreeRoot").ok_or(PdfError::Shape("the PDF is not tagged"))?;
    let mut tree = dictionary(&document, tree_id)?;
    let top_id = match tree.get(b"K") {
        Ok(Object::Reference(id)) => *id,
        Ok(Object::Array(kids)) if kids.len() == 1 => kids[0]
            .as_reference()
            .map_err(|_| PdfError::Shape("the structure tree's root is not one element"))?,
        _ => {
            return Err(PdfError::Shape(
                "the structure tree's root is not one element",
            ));
        }
    };
    let mut top = dictionary(&document, top_id)?;
    let next_key = tree
        .get(b"ParentTreeNextKey")
        .and_then(Object::as_i64)
        .map_err(|_| PdfError::Shape("the structure tree has no ParentTreeNextKey"))?;

    let mut update = Update::new(built, &document);
    let form_id = update.allocate();
    let mut widgets = Vec::new();
    // Each page's widgets, the pages in the order of their first field.
    let mut on_page: Vec<(ObjectId, Vec<Object>)> = Vec::new();
    let mut elements = Vec::new();
    let mut parents = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let page_id = page_of(field)?;
        let widget_id = update.allocate();
        let element_id = update.allocate();
        let key = next_key + index as i64;
        let mut widget = Dictionary::new();
        widget.set("Type", Object::Name(b"Annot".to_vec()));
        widget.set("Subtype", Object::Name(b"Widget".to_vec()));
        widget.set("FT", Object::Name(b"Sig".to_vec()));
        widget.set("T", text(&field.name));
        widget.set("TU", text(&field.description));
        // Print: PDF/A wants every annotation printable.
        widget.set("F", Object::Integer(4));
        let rect = match field.place {
            None => vec![Object::Integer(0); 4],
            Some(place) => place
                .rect
                .iter()
                .map(|n| Object::Real(*n as f32 / 100.0))
                .collect(),
        };
        widget.set("Rect", Object::Array(rect));
        // PDF/A wants an appearance for every widget with an area: until
        // it is signed, an empty one.
        if let Some(place) = field.place {
            let blank = update.allocate();
            update.put_stream(blank, &form_xobject(place.size()), b"");
            let mut appearance = Dictionary::new();
            appearance.set("N", Object::Reference(blank));
            widget.set("AP", Object::Dictionary(appearance));
        }
        widget.set("P", Object::Reference(page_id));
        widget.set("StructParent", Object::Integer(key));
        update.put(widget_id, &Object::Dictionary(widget));

        let mut reference_to = Dictionary::new();
        reference_to.set("Type", Object::Name(b"OBJR".to_vec()));
        reference_to.set("Obj", Object::Reference(widget_id));
        reference_to.set("Pg", Object::Reference(page_id));
        let mut element = Dictionary::new();
        element.set("Type", Object::Name(b"StructElem".to_vec()));
        element.set("S", Object::Name(b"Form".to_vec()));
        element.set("P", Object::Reference(top_id));
        element.set("Pg", Object::Reference(page_id));
        element.set("Alt", text(&field.description));
        element.set("K", Object::Dictionary(reference_to));
        update.put(element_id, &Object::Dictionary(element));

        widgets.push(Object::Reference(widget_id));
        match on_page.iter_mut().find(|(id, _)| *id == page_id) {
            Some((_, list)) => list.push(Object::Reference(widget_id)),
            None => on_page.push((page_id, vec![Object::Reference(widget_id)])),
        }
        elements.push(Object::Reference(element_id));
        parents.push(Object::Integer(key));
        parents.push(Object::Reference(element_id));
    }

    let mut form = Dictionary::new();
    form.set("Fields", Object::Array(widgets.clone()));
    // SignaturesExist and AppendOnly: the document has signature fields,
    // and is to be changed only by appending.
    form.set("SigFlags", Object::Integer(3));
    form.set(STAMP_PRINTED, text(&stamp.printed));
    form.set(STAMP_ENVIRONMENT, text(&stamp.environment));
    update.put(form_id, &Object::Dictionary(form));

    catalog.set("AcroForm", Object::Reference(form_id));
    update.put(catalog_id, &Object::Dictionary(catalog));

    for (page_id, widgets) in on_page {
        let mut page = dictionary(&document, page_id)?;
        match page.get(b"Annots") {
            Ok(Object::Reference(id)) => {
                let id = *id;
                let mut annots = document
                    .get_object(id)
                    .and_then(Object::as_array)
                    .cloned()
                    .map_err(|_| PdfError::Shape("a page's annotations are not an array"))?;
                annots.extend(widgets.iter().cloned());
                update.put(id, &Object::Array(annots));
            }
            Ok(Object::Array(annots)) => {
                let mut annots = annots.clone();
                annots.extend(widgets.iter().cloned());
                page.set("Annots", Object::Array(annots));
            }
            _ => page.set("Annots", Object::Array(widgets.clone())),
        }
        // Tab order by structure, as PDF/UA asks of a page with annotations.
        page.set("Tabs", Object::Name(b"S".to_vec()));
        update.put(page_id, &Object::Dictionary(page));
    }

    let mut kids = match top.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(other) => vec![other.clone()],
        Err(_) => Vec::new(),
    };
    kids.extend(elements);
    top.set("K", Object::Array(kids));
    update.put(top_id, &Object::Dictionary(top));

    let parent_tree = match tree.get(b"ParentTree") {
        Ok(Object::Dictionary(parent_tree)) => Some(parent_tree.clone()),
        _ => None,
    };
    match parent_tree {
        Some(mut parent_tree) => {
            extend_nums(&mut parent_tree, parents)?;
            tree.set("ParentTree", Object::Dictionary(parent_tree));
        }
        None => {
            let id = reference(&tree, b"ParentTree")
                .ok_or(PdfError::Shape("the structure tree has no parent tree"))?;
            let mut parent_tree = dictionary(&document, id)?;
            extend_nums(&mut parent_tree, parents)?;
            update.put(id, &Object::Dictionary(parent_tree));
        }
    }
    tree.set(
        "ParentTreeNextKey",
        Object::Integer(next_key + fields.len() as i64),
    );
    update.put(tree_id, &Object::Dictionary(tree));

    update.write().map(|(bytes, _)| bytes)
}

/// Appends `entries` to a flat number tree's `/Nums`.
fn extend_nums(tree: &mut Dictionary, entries: Vec<Object>) -> Result<(), PdfError> {
    let Ok(Object::Array(nums)) = tree.get_mut(b"Nums") else {
        return Err(PdfError::Shape(
            "the parent tree is not one flat number tree",
        ));
    };
    nums.extend(entries);
    Ok(())
}

/// The signature fields of a PDF, in the order of `/Fields`.
#[derive(Debug, Clone)]
pub struct SignatureField {
    pub id: ObjectId,
    pub name: String,
    /// The signature dictionary, when the field is signed.
    pub value: Option<ObjectId>,
}

/// The signature fields of `document`: the top-level fields of its
/// `/AcroForm` whose type is `/Sig`.
pub fn signature_fields(document: &lopdf::Document) -> Vec<SignatureField> {
    let Ok(catalog) = document.catalog() else {
        return Vec::new();
    };
    let form = match catalog.get(b"AcroForm") {
        Ok(Object::Reference(id)) => document.get_dictionary(*id).ok(),
        Ok(Object::Dictionary(form)) => Some(form),
        _ => None,
    };
    let Some(Ok(fields)) = form.map(|f| f.get(b"Fields").and_then(Object::as_array)) else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|field| {
            let id = field.as_reference().ok()?;
            let field = document.get_dictionary(id).ok()?;
            if field.get(b"FT").and_then(Object::as_name).ok()? != b"Sig" {
                return None;
            }
            let name = field
                .get(b"T")
                .ok()
                .and_then(|t| lopdf::decode_text_string(t).ok())
                .unwrap_or_default();
            Some(SignatureField {
                id,
                name,
                value: reference(field, b"V"),
            })
        })
        .collect()
}

/// The signature fields of `document` whose widget is not in the
/// structure tree (no `/StructParent`): PDF/UA-1 wants every widget in a
/// `Form` structure element, as rsr prepares its fields.
pub fn untagged_fields(document: &lopdf::Document) -> Vec<String> {
    signature_fields(document)
        .into_iter()
        .filter(|field| {
            let Ok(dictionary) = document.get_dictionary(field.id) else {
                return true;
            };
            let widgets: Vec<&Dictionary> = match dictionary.get(b"Kids") {
                Ok(Object::Array(kids)) => kids
                    .iter()
                    .filter_map(|kid| kid.as_reference().ok())
                    .filter_map(|id| document.get_dictionary(id).ok())
                    .collect(),
                _ => vec![dictionary],
            };
            widgets.is_empty() || widgets.iter().any(|w| !w.has(b"StructParent"))
        })
        .map(|field| field.name)
        .collect()
}

/// The fonts the appearances of `document`'s signature fields use without
/// embedding them (PDF/A wants every font's program in the file): each
/// field's name with the font's `/BaseFont`.
pub fn unembedded_appearance_fonts(document: &lopdf::Document) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for field in signature_fields(document) {
        let Ok(dictionary) = document.get_dictionary(field.id) else {
            continue;
        };
        let Ok(appearance) = dictionary.get(b"AP") else {
            continue;
        };
        let mut fonts = BTreeSet::new();
        appearance_fonts(document, appearance, &mut fonts, 0);
        found.extend(fonts.into_iter().map(|font| (field.name.clone(), font)));
    }
    found
}

/// The fonts without their program in what `object` (an appearance
/// dictionary, a form XObject, resources) uses, by `/BaseFont`.
fn appearance_fonts(
    document: &lopdf::Document,
    object: &Object,
    fonts: &mut BTreeSet<String>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    let resolved = match object {
        Object::Reference(id) => match document.get_object(*id) {
            Ok(object) => object,
            Err(_) => return,
        },
        other => other,
    };
    let dictionary = match resolved {
        Object::Stream(stream) => &stream.dict,
        Object::Dictionary(dictionary) => dictionary,
        _ => return,
    };
    let resolve = |object: &Object| -> Option<Dictionary> {
        match object {
            Object::Reference(id) => document.get_dictionary(*id).ok().cloned(),
            Object::Dictionary(dictionary) => Some(dictionary.clone()),
            _ => None,
        }
    };
    let is_form = matches!(resolved, Object::Stream(_));
    if !is_form {
        // An appearance dictionary (/N, /R, /D) or a set of states.
        for (_, value) in dictionary.iter() {
            appearance_fonts(document, value, fonts, depth + 1);
        }
        return;
    }
    let Some(resources) = dictionary.get(b"Resources").ok().and_then(resolve) else {
        return;
    };
    if let Some(font_dictionary) = resources.get(b"Font").ok().and_then(resolve) {
        for (_, font) in font_dictionary.iter() {
            let Some(font) = resolve(font) else { continue };
            if is_name(&font, b"Subtype", b"Type3") {
                continue;
            }
            let descriptor_holder = if is_name(&font, b"Subtype", b"Type0") {
                font.get(b"DescendantFonts")
                    .ok()
                    .and_then(|d| match d {
                        Object::Reference(id) => document.get_object(*id).ok(),
                        other => Some(other),
                    })
                    .and_then(|d| d.as_array().ok())
                    .and_then(|d| d.first())
                    .and_then(resolve)
            } else {
                Some(font.clone())
            };
            let embedded = descriptor_holder
                .and_then(|holder| holder.get(b"FontDescriptor").ok().and_then(resolve))
                .is_some_and(|descriptor| {
                    [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                        .iter()
                        .any(|key| descriptor.has(key))
                });
            if !embedded {
                let name = font
                    .get(b"BaseFont")
                    .and_then(Object::as_name)
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_else(|_| "?".to_string());
                fonts.insert(name);
            }
        }
    }
    if let Some(objects) = resources.get(b"XObject").ok().and_then(resolve) {
        for (_, object) in objects.iter() {
            appearance_fonts(document, object, fonts, depth + 1);
        }
    }
}

/// Where each signature field of `document` is shown, by its name: the
/// visible ones, with a `/Rect` of some size on a page of the document.
pub fn field_places(document: &lopdf::Document) -> BTreeMap<String, Place> {
    let pages: BTreeMap<ObjectId, usize> = document
        .get_pages()
        .into_iter()
        .map(|(number, id)| (id, number as usize - 1))
        .collect();
    let mut places = BTreeMap::new();
    for field in signature_fields(document) {
        let Ok(dictionary) = document.get_dictionary(field.id) else {
            continue;
        };
        let Some(page) = reference(dictionary, b"P").and_then(|id| pages.get(&id)) else {
            continue;
        };
        let Ok(rect) = dictionary.get(b"Rect").and_then(Object::as_array) else {
            continue;
        };
        let numbers: Vec<i64> = rect
            .iter()
            .filter_map(|n| n.as_float().ok())
            .map(|n| (f64::from(n) * 100.0).round() as i64)
            .collect();
        if let [left, bottom, right, top] = numbers[..]
            && right > left
            && top > bottom
        {
            places.insert(
                field.name,
                Place {
                    page: *page,
                    rect: [left, bottom, right, top],
                },
            );
        }
    }
    places
}

/// The largest appearance taken in: a stamp of a name and a time, with
/// the subset of one typeface, is some tens of kilobytes.
const APPEARANCE_LIMIT: usize = 1 << 20;

/// Adds the first page of the PDF `stamp` to `update` as a form XObject
/// (`/BBox` its media box), with every object its resources need, each
/// under a new number; returns the XObject's.
fn import_appearance(
    update: &mut Update,
    stamp: &[u8],
    size: (f64, f64),
) -> Result<ObjectId, PdfError> {
    if stamp.len() > APPEARANCE_LIMIT {
        return Err(PdfError::Shape("the signature's appearance is too large"));
    }
    let source = load(stamp)?;
    let page_id = *source
        .get_pages()
        .get(&1)
        .ok_or(PdfError::Shape("the signature's appearance has no page"))?;
    let page = dictionary(&source, page_id)?;
    let mut content = Vec::new();
    let parts = match page.get(b"Contents") {
        Ok(Object::Reference(id)) => vec![*id],
        Ok(Object::Array(items)) => items.iter().filter_map(|i| i.as_reference().ok()).collect(),
        _ => Vec::new(),
    };
    for id in parts {
        let stream = source
            .get_object(id)
            .and_then(Object::as_stream)
            .map_err(|_| PdfError::Shape("the signature's appearance has no content"))?;
        let bytes = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        content.extend_from_slice(&bytes);
        content.push(b'\n');
    }
    let resources = match page.get(b"Resources") {
        Ok(object) => object.clone(),
        Err(_) => Object::Dictionary(Dictionary::new()),
    };
    let mut numbers = BTreeMap::new();
    let resources = copy_into(update, &source, &resources, &mut numbers, 0)?;
    let mut form = form_xobject(size);
    form.set("Resources", resources);
    let id = update.allocate();
    update.put_stream(id, &form, &content);
    Ok(id)
}

/// The dictionary of a form XObject of `size` (width, height in points),
/// as a widget's appearance is.
fn form_xobject((width, height): (f64, f64)) -> Dictionary {
    let mut form = Dictionary::new();
    form.set("Type", Object::Name(b"XObject".to_vec()));
    form.set("Subtype", Object::Name(b"Form".to_vec()));
    form.set(
        "BBox",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Real(width as f32),
            Object::Real(height as f32),
        ]),
    );
    form
}

/// `object` from `source` with every object it refers to copied into
/// `update` under a new number (`numbers`: old to new).
fn copy_into(
    update: &mut Update,
    source: &lopdf::Document,
    object: &Object,
    numbers: &mut BTreeMap<ObjectId, ObjectId>,
    depth: usize,
) -> Result<Object, PdfError> {
    if depth > 32 {
        return Err(PdfError::Shape("the signature's appearance nests too deep"));
    }
    Ok(match object {
        Object::Reference(old) => {
            if let Some(new) = numbers.get(old) {
                return Ok(Object::Reference(*new));
            }
            let new = update.allocate();
            numbers.insert(*old, new);
            let target = source
                .get_object(*old)
                .map_err(|_| PdfError::Shape("the signature's appearance refers to nothing"))?;
            match target {
                Object::Stream(stream) => {
                    let copied = copy_into(
                        update,
                        source,
                        &Object::Dictionary(stream.dict.clone()),
                        numbers,
                        depth + 1,
                    )?;
                    let Object::Dictionary(dictionary) = copied else {
                        unreachable!("a dictionary copies to a dictionary")
                    };
                    update.put_stream(new, &dictionary, &stream.content);
                }
                other => {
                    let copied = copy_into(update, source, other, numbers, depth + 1)?;
                    update.put(new, &copied);
                }
            }
            Object::Reference(new)
        }
        Object::Array(items) => Object::Array(
            items
                .iter()
                .map(|item| copy_into(update, source, item, numbers, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Object::Dictionary(dictionary) => {
            let mut copied = Dictionary::new();
            for (key, value) in dictionary.iter() {
                copied.set(
                    key.clone(),
                    copy_into(update, source, value, numbers, depth + 1)?,
                );
            }
            Object::Dictionary(copied)
        }
        Object::Stream(_) => return Err(PdfError::Shape("a direct stream")),
        other => other.clone(),
    })
}

/// The placeholder of a signature dictionary's `/ByteRange`, four numbers
/// of fixed width filled in once the offsets are known.
const BYTE_RANGE_PLACEHOLDER: &str = "[0 0000000000 0000000000 0000000000]";

/// A PDF date: `D:20261204101500+00'00'`.
pub fn pdf_date(time: chrono::DateTime<chrono::FixedOffset>) -> String {
    let offset = time.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.abs() / 60;
    format!(
        "D:{}{sign}{:02}'{:02}'",
        time.format("%Y%m%d%H%M%S"),
        minutes / 60,
        minutes % 60
    )
}

/// What a signature dictionary records beside the signature itself.
pub struct SignatureInfo<'a> {
    /// The signer's name, as their certificate gives it.
    pub name: &'a str,
    /// When it was signed.
    pub time: chrono::DateTime<chrono::FixedOffset>,
    /// The bytes of room for the signature container (`room_for`).
    pub room: usize,
    /// For a visible signature: what it shows, a one-page PDF the size of
    /// the field (`typeset::stamp`).
    pub appearance: Option<Vec<u8>>,
}

/// `prepared` with the field `field` signed: an update that adds the
/// signature dictionary (PAdES: `/SubFilter /ETSI.CAdES.detached`) and
/// sets the field's `/V`. `sign` is given the SHA-256 of the bytes the
/// signature covers (the whole new file but its `/Contents`) and returns
/// the DER of the CMS container.
pub fn add_signature<E: From<PdfError>>(
    prepared: &[u8],
    field: &str,
    info: &SignatureInfo,
    sign: impl FnOnce(&[u8]) -> Result<Vec<u8>, E>,
) -> Result<Vec<u8>, E> {
    let document = load(prepared)?;
    let fields = signature_fields(&document);
    let target = fields
        .iter()
        .find(|f| f.name == field)
        .ok_or_else(|| PdfError::NoField(field.to_string()))?;
    if target.value.is_some() {
        return Err(PdfError::Signed(field.to_string()).into());
    }
    let mut field_dictionary = dictionary(&document, target.id)?;
    let mut update = Update::new(prepared, &document);
    let signature_id = update.allocate();
    field_dictionary.set("V", Object::Reference(signature_id));
    let place = field_places(&document).get(field).copied();
    if let (Some(place), Some(stamp)) = (place, &info.appearance) {
        let form = import_appearance(&mut update, stamp, place.size())?;
        let mut appearance = Dictionary::new();
        appearance.set("N", Object::Reference(form));
        field_dictionary.set("AP", Object::Dictionary(appearance));
    }
    update.put(target.id, &Object::Dictionary(field_dictionary));

    let mut name = Vec::new();
    serialize(&mut name, &text(info.name));
    let mut body = Vec::new();
    write!(
        body,
        "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M({})/Name",
        pdf_date(info.time)
    )
    .expect("memory");
    body.extend_from_slice(&name);
    write!(body, "/ByteRange{BYTE_RANGE_PLACEHOLDER}/Contents<").expect("memory");
    let contents_at = body.len() - 1;
    let room = info.room.min(CONTENTS_BYTES);
    body.extend(std::iter::repeat_n(b'0', room * 2));
    body.extend_from_slice(b">>>");
    update.put_raw(signature_id, body);

    let (mut bytes, bodies) = update.write()?;
    let start = bodies[&signature_id] + contents_at;
    let end = start + room * 2 + 2;
    let range = format!("[0 {start:010} {end:010} {:010}]", bytes.len() - end);
    let at = bodies[&signature_id]
        + find(
            &bytes[bodies[&signature_id]..],
            BYTE_RANGE_PLACEHOLDER.as_bytes(),
        )
        .expect("the placeholder just written");
    bytes[at..at + range.len()].copy_from_slice(range.as_bytes());

    let digest = {
        use sha2::Digest;
        let mut hasher = sha2::Sha256::new();
        hasher.update(&bytes[..start]);
        hasher.update(&bytes[end..]);
        hasher.finalize().to_vec()
    };
    let container = sign(&digest)?;
    if container.len() > room {
        return Err(PdfError::TooLarge(container.len(), room).into());
    }
    let hex: String = container.iter().map(|b| format!("{b:02X}")).collect();
    bytes[start + 1..start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(bytes)
}

/// A signature as it sits in a PDF.
#[derive(Debug, Clone)]
pub struct Embedded {
    /// The name of its field.
    pub field: String,
    /// `/ByteRange`: what it covers.
    pub byte_range: Vec<i64>,
    /// The CMS container, with the padding after it cut off.
    pub contents: Vec<u8>,
    /// `/SubFilter`.
    pub sub_filter: String,
    /// `/M`, the signing time the signature dictionary claims.
    pub time: Option<String>,
    /// Whether `/Type` is `/DocTimeStamp`.
    pub timestamp: bool,
}

/// The filled signature fields of the whole file.
pub fn embedded(document: &lopdf::Document) -> Vec<Embedded> {
    signature_fields(document)
        .into_iter()
        .filter_map(|field| {
            let value = document.get_dictionary(field.value?).ok()?;
            let byte_range = value
                .get(b"ByteRange")
                .and_then(Object::as_array)
                .map(|a| a.iter().filter_map(|n| n.as_i64().ok()).collect())
                .unwrap_or_default();
            let contents = match value.get(b"Contents") {
                Ok(Object::String(bytes, _)) => der_prefix(bytes).to_vec(),
                _ => Vec::new(),
            };
            let name = |key: &[u8]| {
                value
                    .get(key)
                    .and_then(Object::as_name)
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default()
            };
            let time = value
                .get(b"M")
                .ok()
                .and_then(|m| lopdf::decode_text_string(m).ok());
            Some(Embedded {
                field: field.name,
                byte_range,
                contents,
                sub_filter: name(b"SubFilter"),
                time,
                timestamp: name(b"Type") == "DocTimeStamp",
            })
        })
        .collect()
}

/// The DER value at the start of `bytes`, without the zero padding a
/// signature's `/Contents` carries after it.
fn der_prefix(bytes: &[u8]) -> &[u8] {
    let Some(&first_length) = bytes.get(1) else {
        return bytes;
    };
    let (header, length) = if first_length < 0x80 {
        (2, first_length as usize)
    } else {
        let count = (first_length & 0x7F) as usize;
        if count == 0 || count > 4 || bytes.len() < 2 + count {
            return bytes;
        }
        let length = bytes[2..2 + count]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | *b as usize);
        (2 + count, length)
    };
    &bytes[..(header + length).min(bytes.len())]
}

/// A change a later revision makes that a signature may not allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forbidden {
    /// The object, as `12 0`.
    pub object: String,
    /// What kind of object it is, in the PDF's own words (`/Page`,
    /// `/Catalog`, a stream …).
    pub what: String,
}

/// What `after` changes of `before` (two revisions of one file) beyond
/// what signing may: adding objects is allowed, since only a changed
/// object can make them part of the document; changing an object is
/// allowed only for filling a signature field (`/V`, its appearance),
/// the form's flags and fields, the catalog's `/DSS`, `/AcroForm` and
/// `/Extensions` (validation data), and a page's `/Annots` gaining
/// signature widgets. Deleting an object is never allowed.
pub fn forbidden_changes(before: &lopdf::Document, after: &lopdf::Document) -> Vec<Forbidden> {
    let mut wrong = Vec::new();
    for (id, old) in &before.objects {
        let Some(new) = after.objects.get(id) else {
            wrong.push(Forbidden {
                object: format!("{} {}", id.0, id.1),
                what: describe(old),
            });
            continue;
        };
        if same(old, new) {
            continue;
        }
        let allowed = match (old, new) {
            (Object::Dictionary(old), Object::Dictionary(new)) => {
                allowed_change(before, after, old, new)
            }
            _ => false,
        };
        if !allowed {
            wrong.push(Forbidden {
                object: format!("{} {}", id.0, id.1),
                what: if reference(&before.trailer, b"Info") == Some(*id) {
                    "/Info".to_string()
                } else {
                    describe(old)
                },
            });
        }
    }
    wrong
}

/// Whether two objects say the same: text strings by their text, so that
/// a writer that re-encodes `(Ordförande)` as UTF-16 changes nothing.
fn same(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::String(x, _), Object::String(y, _)) => {
            x == y
                || matches!(
                    (lopdf::decode_text_string(a), lopdf::decode_text_string(b)),
                    (Ok(x), Ok(y)) if x == y
                )
        }
        (Object::Array(x), Object::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Object::Dictionary(x), Object::Dictionary(y)) => changed_keys(x, y).is_empty(),
        (Object::Stream(x), Object::Stream(y)) => {
            x.content == y.content && changed_keys(&x.dict, &y.dict).is_empty()
        }
        _ => a == b,
    }
}

fn describe(object: &Object) -> String {
    match object {
        Object::Dictionary(d) => d
            .get(b"Type")
            .or_else(|_| d.get(b"FT"))
            .and_then(Object::as_name)
            .map(|n| format!("/{}", String::from_utf8_lossy(n)))
            .unwrap_or_else(|_| "dictionary".to_string()),
        Object::Stream(s) => s
            .dict
            .get(b"Type")
            .or_else(|_| s.dict.get(b"Subtype"))
            .and_then(Object::as_name)
            .map(|n| format!("/{} stream", String::from_utf8_lossy(n)))
            .unwrap_or_else(|_| "stream".to_string()),
        other => other.enum_variant().to_string(),
    }
}

fn is_name(dictionary: &Dictionary, key: &[u8], value: &[u8]) -> bool {
    dictionary.get(key).and_then(Object::as_name).ok() == Some(value)
}

/// The keys whose values differ between two dictionaries.
fn changed_keys(old: &Dictionary, new: &Dictionary) -> BTreeSet<Vec<u8>> {
    let mut keys = BTreeSet::new();
    for (key, value) in old.iter() {
        if !new.get(key).is_ok_and(|v| same(value, v)) {
            keys.insert(key.clone());
        }
    }
    for (key, _) in new.iter() {
        if !old.has(key) {
            keys.insert(key.clone());
        }
    }
    keys
}

fn allowed_change(
    before: &lopdf::Document,
    after: &lopdf::Document,
    old: &Dictionary,
    new: &Dictionary,
) -> bool {
    let changed = changed_keys(old, new);
    let only = |allowed: &[&[u8]]| changed.iter().all(|k| allowed.contains(&k.as_slice()));
    if is_name(old, b"Type", b"Catalog") {
        return only(&[b"DSS", b"AcroForm", b"Extensions"]);
    }
    if is_name(old, b"FT", b"Sig") {
        // Filling the field; a field signed once stays as it was signed.
        return !old.has(b"V") && only(&[b"V", b"AP", b"MK"]);
    }
    if old.has(b"Fields") && !old.has(b"Type") {
        return only(&[b"Fields", b"SigFlags", b"DA", b"DR"])
            && grows_by_signature_fields(before, after, old.get(b"Fields"), new.get(b"Fields"));
    }
    if is_name(old, b"Type", b"Page") {
        return only(&[b"Annots"])
            && grows_by_signature_fields(before, after, old.get(b"Annots"), new.get(b"Annots"));
    }
    false
}

/// Whether an array of references keeps what it held and adds only
/// signature fields (widgets of `/FT /Sig`).
fn grows_by_signature_fields(
    before: &lopdf::Document,
    after: &lopdf::Document,
    old: lopdf::Result<&Object>,
    new: lopdf::Result<&Object>,
) -> bool {
    let resolve = |document: &lopdf::Document, value: lopdf::Result<&Object>| -> Vec<Object> {
        match value {
            Ok(Object::Array(items)) => items.clone(),
            Ok(Object::Reference(id)) => document
                .get_object(*id)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    };
    let old = resolve(before, old);
    let new = resolve(after, new);
    if new.len() < old.len() || new[..old.len()] != old[..] {
        return false;
    }
    new[old.len()..].iter().all(|item| {
        item.as_reference()
            .ok()
            .and_then(|id| after.get_dictionary(id).ok())
            .is_some_and(|d| is_name(d, b"FT", b"Sig"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revision_ends_after_its_eof_line() {
        let bytes = b"%PDF-1.7\nstream %%EOF endstream\nstartxref\n12\n%%EOF\nmore\nstartxref\r\n99\r\n%%EOF\r\n";
        let ends = revision_ends(bytes);
        assert_eq!(ends.len(), 2, "{ends:?}");
        assert_eq!(ends[1], bytes.len());
        assert_eq!(&bytes[ends[0] - 6..ends[0]], b"%%EOF\n");
    }

    #[test]
    fn a_der_value_is_cut_from_its_padding() {
        assert_eq!(
            der_prefix(&[0x30, 0x02, 1, 2, 0, 0, 0]),
            &[0x30, 0x02, 1, 2]
        );
        let mut long = vec![0x30, 0x82, 0x01, 0x00];
        long.extend(vec![7; 256]);
        long.extend(vec![0; 10]);
        assert_eq!(der_prefix(&long).len(), 260);
    }

    #[test]
    fn a_signature_gets_room_to_the_next_kilobyte_with_a_margin() {
        assert_eq!(room_for(2300), 3072);
        assert_eq!(room_for(2900), 4096);
        assert_eq!(room_for(100_000), CONTENTS_BYTES);
    }

    #[test]
    fn a_pdf_date_carries_its_offset() {
        let time = chrono::DateTime::parse_from_rfc3339("2026-12-04T10:15:00+01:00").unwrap();
        assert_eq!(pdf_date(time), "D:20261204101500+01'00'");
    }
}
