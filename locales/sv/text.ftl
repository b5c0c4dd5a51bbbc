# text: det en handling kan innehålla (src/repo/glyphs.rs)

text-glyph-missing = texten innehåller { $characters }, som inget av rsr:s typsnitt kan visa: handlingen skulle inte gå att göra
text-glyph-missing-hint = skriv texten på ett annat sätt (ett kinesiskt namn med latinska bokstäver, till exempel) eller utelämna tecknet; docs/documents.md listar de skriftsystem handlingarna kan visa
