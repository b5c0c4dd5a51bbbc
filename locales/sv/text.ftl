# text: det en handling kan innehålla (src/repo/glyphs.rs)

text-glyph-missing = texten innehåller { $characters }, som inget av rsr:s typsnitt kan visa: handlingen skulle inte gå att göra
text-glyph-missing-hint = skriv texten på ett annat sätt (ett kinesiskt namn med latinska bokstäver, till exempel) eller utelämna tecknet; docs/documents.md listar de skriftsystem handlingarna kan visa

text-too-long = texten är { $characters } tecken lång: som rubrik eller namn blir den en sträng i PDF-filen (ett bokmärke, handlingens titel), som rymmer högst { $limit } byte, och den skulle ta { $bytes }
text-too-long-hint = korta den till en rubrik och flytta resten till ärendets text (`ärendebeskrivning`), som får vara så lång som den behöver
