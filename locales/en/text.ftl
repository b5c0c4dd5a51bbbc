# text: what a document can hold (src/repo/glyphs.rs)

text-glyph-missing = the text holds { $characters }, which no font rsr ships can show: the document could not be made
text-glyph-missing-hint = write the text in another way (a CJK name in Latin letters, say), or leave the character out; docs/documents.md lists the scripts the documents can show

text-too-long = this text is { $characters } characters long: as a title or name it becomes a string of the PDF (a bookmark, the document's title), which holds at most { $limit } bytes, and it would take { $bytes }
text-too-long-hint = shorten it to a title and move the rest into the text of the item (`ärendebeskrivning`), which may be as long as it needs
