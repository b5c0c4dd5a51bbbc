# text: what a document can hold (src/repo/glyphs.rs)

text-glyph-missing = the text holds { $characters }, which no font rsr ships can show: the document could not be made
text-glyph-missing-hint = write the text in another way (a CJK name in Latin letters, say), or leave the character out; docs/documents.md lists the scripts the documents can show
