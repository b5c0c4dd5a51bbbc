# text: what a document can hold (src/repo/glyphs.rs)

text-glyph-missing = the text holds { $characters }, which no font rsr ships can show: the document could not be made
text-glyph-missing-hint = write the text in another way (a CJK name in Latin letters, say), or leave the character out; docs/documents.md lists the scripts the documents can show

text-too-long = this text is { $characters } characters long: every value but the long text fields (`ärendebeskrivning`, `beslut` …) may also become a string of the PDF (a bookmark, the document's title), which holds at most { $limit } bytes, and this one would take { $bytes }
text-too-long-hint = shorten it to a title and move the rest into the text of the item (`ärendebeskrivning`), which may be as long as it needs
text-too-long-word = this text holds { $characters } characters without a space: a line of the PDF holds at most { $limit } characters in one piece
text-too-long-word-hint = a text this long without a space is usually something pasted by mistake (an encoded file, a line of symbols): remove it, or put the document as an attachment under `beslutsunderlag`
